// `JOIN … USING (k)`: Trino 476 resolves no qualified `t.k` or `u.k` afterwards (COLUMN_NOT_FOUND "Column 't.k' cannot
// be resolved", inner, LEFT and FULL joins alike; https://trino.io/docs/current/sql/select.html#using: the USING
// columns become one column of the join). DuckDB resolved them, and after a FULL JOIN `t.k` was NULL where only u had
// the row. Refused at lint at the reference; the other columns and ON joins keep Trino's answers (the oracle's).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';

let engine: AthenaLocalEngine;

beforeAll(async () => {
  engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-using-')), inMemory: true, threads: 1 });
});
afterAll(async () => engine.close());

describe('qualified USING columns', () => {
  it.each([
    'SELECT t.k FROM (VALUES 1) t(k) FULL JOIN (VALUES 2) u(k) USING (k)',
    'SELECT u.k FROM (VALUES 1) t(k) JOIN (VALUES 1) AS u(k) USING (k)',
    'SELECT k FROM (VALUES 1) t(k) LEFT JOIN (VALUES 1) u(k) USING (k) WHERE t.k > 0',
  ])('%s is refused at the reference', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/error \[unfaithful\/using-column\] Column '[tu]\.k' cannot be resolved/);
  });

  it('names the position of the reference (file:line:col in lake lint)', async () => {
    await expect(engine.execute('SELECT\n  t.k\nFROM (VALUES 1) t(k) FULL JOIN (VALUES 2) u(k) USING (k)')).rejects.toThrow(
      /<sql>:2:3: error \[unfaithful\/using-column\]/,
    );
  });

  it('the joined column, other qualified columns, ON joins and a subquery alias keep Trino’s answers', async () => {
    const full = await engine.execute('SELECT k FROM (VALUES 1) t(k) FULL JOIN (VALUES 2) u(k) USING (k) ORDER BY k');
    expect(full.rows).toEqual([[1], [2]]);
    const other = await engine.execute('SELECT k, t.v FROM (VALUES (1, 2)) t(k, v) LEFT JOIN (VALUES 1) u(k) USING (k)');
    expect(other.rows).toEqual([[1, 2]]);
    expect(other.columns.map((c) => c.type)).toEqual(['integer', 'integer']);
    const on = await engine.execute('SELECT t.k FROM (VALUES 1) t(k) JOIN (VALUES 1) u(k) ON t.k = u.k');
    expect(on.rows).toEqual([[1]]);
    const outer = await engine.execute('SELECT count(*) FROM (SELECT k FROM (VALUES 1) t(k) JOIN (VALUES 1) u(k) USING (k)) x WHERE x.k = 1');
    expect(outer.rows).toEqual([[1]]);
  });
});
