// The stacks' view of the SQL files: every scheduled transform and alert, derived from headers (no hand-written list).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scheduledSql } from '../../stacks/lib/project-sql.js';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  delete process.env.LAKEHOUSE_ROOT;
});

function project(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'stacks-sql-'));
  writeFileSync(join(root, 'lakehouse.yaml'), 'database: lakehouse\n');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, 'sql', path, '..'), { recursive: true });
    writeFileSync(join(root, 'sql', path), text);
  }
  process.env.LAKEHOUSE_ROOT = root;
  return root;
}

describe('scheduledSql', () => {
  it('lists each scheduled transform and alert with its EventBridge expression, and grows with a new file', () => {
    const dir = project({
      'transforms/daily_kpis.sql': '/*\nschedule: 0 2 * * *\n*/\nSELECT 1',
      'transforms/unscheduled.sql': '/*\nmaterialized: view\n*/\nSELECT 1',
      'alerts/negative_interactions.sql': "/*\nschedule: rate(1 hour)\nalert:\n  condition: count > 10\n  message: 'Alert: {count}'\n*/\nSELECT 1",
    });
    expect(scheduledSql(dir)).toEqual([
      { kind: 'model', name: 'daily_kpis', file: 'sql/transforms/daily_kpis.sql', expression: 'cron(0 2 * * ? *)' },
      { kind: 'alert', name: 'negative_interactions', file: 'sql/alerts/negative_interactions.sql', expression: 'rate(1 hour)' },
    ]);
    writeFileSync(join(dir, 'sql/transforms/hourly.sql'), '/*\nname: hourly_rollup\nschedule: cron(5 * * * ? *)\n*/\nSELECT 1');
    expect(scheduledSql(dir).map((s) => s.name)).toEqual(['daily_kpis', 'hourly_rollup', 'negative_interactions']);
  });

  it('rejects a header with an invalid schedule', () => {
    const dir = project({ 'transforms/bad.sql': '/*\nschedule: every day\n*/\nSELECT 1' });
    expect(() => scheduledSql(dir)).toThrow(/bad\.sql: invalid header/);
  });
});
