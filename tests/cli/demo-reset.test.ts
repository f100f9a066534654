// `lake run --demo` starts from an empty lake, so it deletes what its lake folder holds: it may do that only to a folder
// the tool created as a lake (marked when created), never to the project (`--lake .`), a folder in it (`--lake sql`),
// or a folder of user files. Those are refused with exit 1, naming the folder, before anything is touched.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { claimLakeFolder, isLakeFolder, LAKE_MARKER, resetLakeFolder } from '../../src/storage/lake-folder.js';
import { captureIo } from '../helpers/io.js';

const ROOT = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'demo-reset-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the example project with the things a user would hate to lose: .git, sources, notes. */
function projectCopy(name: string): string {
  const root = join(work, name);
  mkdirSync(root, { recursive: true });
  cpSync(join(ROOT, 'lakehouse.yaml'), join(root, 'lakehouse.yaml'));
  cpSync(join(ROOT, 'sql'), join(root, 'sql'), { recursive: true });
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src', 'app.ts'), 'export {};\n');
  return root;
}

const listing = (dir: string): string[] => (readdirSync(dir, { recursive: true }) as string[]).sort();

async function demo(cwd: string, lake: string): Promise<{ code: number; err: string }> {
  const io = captureIo(cwd);
  const code = await main(['run', '--demo', '--lake', lake], io);
  return { code, err: io.err };
}

describe('lake run --demo refuses to reset what is not a lake', () => {
  it('--lake . inside a project: exit 1 naming the project folder, nothing deleted', async () => {
    const project = projectCopy('dot');
    const before = listing(project);
    const { code, err } = await demo(project, '.');
    expect(code).toBe(1);
    expect(err).toContain(`error: ${project} is not a lake folder created by lake (it has no ${LAKE_MARKER} marker)`);
    expect(listing(project)).toEqual(before);
  });

  it('--lake . after `lake sql --lake .` left a local catalog in the project: still refused', async () => {
    const project = projectCopy('dot-with-catalog');
    // A statement that writes the catalog (a SELECT alone leaves nothing behind).
    expect(await main(['sql', '--lake', '.', '-e', 'CREATE DATABASE scratch'], captureIo(project))).toBe(0);
    expect(existsSync(join(project, '.duckdb'))).toBe(true);
    expect(isLakeFolder(project)).toBe(false);
    const before = listing(project);
    const { code, err } = await demo(project, '.');
    expect(code).toBe(1);
    expect(err).toContain(`error: ${project} is not a lake folder`);
    expect(listing(project)).toEqual(before);
  });

  it('--lake sql: exit 1 naming the sql folder, the SQL files kept', async () => {
    const project = projectCopy('sql');
    const before = listing(join(project, 'sql'));
    const { code, err } = await demo(project, 'sql');
    expect(code).toBe(1);
    expect(err).toContain(`error: ${join(project, 'sql')} is not a lake folder`);
    expect(listing(join(project, 'sql'))).toEqual(before);
  });

  it('a folder of user files outside the project: exit 1, the files kept', async () => {
    const project = projectCopy('user-files');
    const notes = join(work, 'notes');
    mkdirSync(notes);
    writeFileSync(join(notes, 'todo.txt'), 'keep me\n');
    const { code, err } = await demo(project, notes);
    expect(code).toBe(1);
    expect(err).toContain(`error: ${notes} is not a lake folder`);
    expect(err).toContain('hint: point --lake at a new or empty folder');
    expect(readFileSync(join(notes, 'todo.txt'), 'utf8')).toBe('keep me\n');
  });

  it('a file: exit 1, the file kept', async () => {
    const project = projectCopy('file');
    const { code, err } = await demo(project, 'lakehouse.yaml');
    expect(code).toBe(1);
    expect(err).toContain(`error: ${join(project, 'lakehouse.yaml')} is not a folder`);
    expect(existsSync(join(project, 'lakehouse.yaml'))).toBe(true);
  });
});

describe('lake folders carry a marker from their creation', () => {
  it('opening the engine on a new or empty folder creates the lake with its marker', async () => {
    const fresh = join(work, 'fresh', 'lake');
    const empty = mkdtempSync(join(work, 'empty-'));
    for (const lakeRoot of [fresh, empty]) {
      const engine = await AthenaLocalEngine.open({ lakeRoot });
      await engine.close();
      expect(isLakeFolder(lakeRoot)).toBe(true);
    }
  });

  it('opening the engine on a folder that holds other files does not mark it', async () => {
    const project = projectCopy('engine-on-project');
    const engine = await AthenaLocalEngine.open({ lakeRoot: project });
    await engine.close();
    expect(isLakeFolder(project)).toBe(false);
  });

  it('`lake ingest` into a new lake folder marks it', async () => {
    const project = projectCopy('ingest');
    const file = join(work, 'orders_ingest.csv');
    writeFileSync(file, 'order_id,user_id,order_date,total_amount,status\n1,1001,2025-03-07,20.00,completed\n');
    expect(await main(['ingest', 'orders', '--file', file, '--lake', 'my-lake'], captureIo(project))).toBe(0);
    expect(isLakeFolder(join(project, 'my-lake'))).toBe(true);
  });

  it('resetting a marked lake empties it and keeps it a lake; a missing folder is created as a lake', () => {
    const lake = join(work, 'marked');
    claimLakeFolder(lake);
    mkdirSync(join(lake, 'warehouse', 'old'), { recursive: true });
    writeFileSync(join(lake, 'warehouse', 'old', 'part-0.parquet'), 'stale');
    resetLakeFolder(lake);
    expect(readdirSync(lake)).toEqual([LAKE_MARKER]);
    const missing = join(work, 'missing', 'lake');
    resetLakeFolder(missing);
    expect(readdirSync(missing)).toEqual([LAKE_MARKER]);
  });
});
