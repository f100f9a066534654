import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo, FIXTURE } from '../project/project-helpers.js';

const copyOfFixture = () => {
  const root = mkdtempSync(join(tmpdir(), 'lake-fmt-'));
  cpSync(FIXTURE, root, { recursive: true });
  return root;
};

const MESSY = '/*\ntags:   [p1]\n*/\nselect channel,rating from   crm_data where rating = ${min_rating}\n';

describe('lake fmt', () => {
  it('--check lists files that would change and exits 1 without touching them', async () => {
    const root = copyOfFixture();
    writeFileSync(join(root, 'sql/transforms/p1/messy.sql'), MESSY);
    const io = captureIo(root);
    expect(await main(['fmt', '--check'], io)).toBe(1);
    expect(io.out).toContain('would reformat sql/transforms/p1/messy.sql\n');
    expect(readFileSync(join(root, 'sql/transforms/p1/messy.sql'), 'utf8')).toBe(MESSY);
  });

  it('formats in place, keeps headers, placeholders and Hive DDL, and is then clean', async () => {
    const root = copyOfFixture();
    const ddlBefore = readFileSync(join(root, 'sql/ddl/shop.sql'), 'utf8');
    writeFileSync(join(root, 'sql/transforms/p1/messy.sql'), MESSY);
    const io = captureIo(root);
    expect(await main(['fmt'], io)).toBe(0);
    expect(io.out).toContain('formatted sql/transforms/p1/messy.sql\n');
    expect(readFileSync(join(root, 'sql/transforms/p1/messy.sql'), 'utf8')).toBe(
      '/*\ntags:   [p1]\n*/\nselect\n  channel,\n  rating\nfrom\n  crm_data\nwhere\n  rating = ${min_rating}\n',
    );
    expect(readFileSync(join(root, 'sql/ddl/shop.sql'), 'utf8')).toBe(ddlBefore);

    const again = captureIo(root);
    expect(await main(['fmt', '--check'], again)).toBe(0);
    expect(again.out).toMatch(/^0 of \d+ files would be reformatted\n$/);
    // The formatted project still lints clean: formatting changed layout only.
    expect(await main(['lint'], captureIo(root))).toBe(0);
  });

  it('takes files and folders relative to the working directory', async () => {
    const root = copyOfFixture();
    writeFileSync(join(root, 'sql/transforms/p1/messy.sql'), MESSY);
    const io = captureIo(join(root, 'sql'));
    expect(await main(['fmt', '--check', 'transforms/p2', 'transforms/p1/messy.sql'], io)).toBe(1);
    // The fixture's p2 models are hand-written; p1/interactions_hourly.sql is not among the paths given.
    expect(io.out.split('\n').filter((l) => l.startsWith('would'))).toEqual([
      'would reformat transforms/p1/messy.sql',
      'would reformat transforms/p2/daily_revenue.sql',
      'would reformat transforms/p2/dim_customer.sql',
    ]);
  });

  it('has help and fails clearly on a missing path', async () => {
    const help = captureIo(FIXTURE);
    expect(await main(['fmt', '--help'], help)).toBe(0);
    expect(help.out).toMatch(/Usage: lake fmt \[options\] \[paths\.\.\.\]/);
    expect(help.out).toContain('--check');
    const io = captureIo(FIXTURE);
    expect(await main(['fmt', 'nope.sql'], io)).toBe(2);
    expect(io.err).toBe('error: no such file or folder: ' + join(FIXTURE, 'nope.sql') + '\n');
  });
});
