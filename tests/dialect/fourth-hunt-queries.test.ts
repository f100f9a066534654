// Query shapes found by the fourth hunt (docs/issue-15-audit.md "Found by the fourth hunt"): each case is the whole
// query with Trino 476's failure, or its column names, types and rows.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const run = (sql: string) => namedResult(engine, sql);

describe('FILTER on a window function', () => {
  // Trino 476: NOT_SUPPORTED "FILTER is not yet supported for window functions"; DuckDB filtered the frame (1, 1, 4).
  it.each([
    ['sum', 'SELECT sum(x) FILTER (WHERE y) OVER (ORDER BY x) FROM (VALUES (1, true), (2, false), (3, true)) t(x, y)'],
    ['count in a subquery', 'SELECT * FROM (SELECT count(*) FILTER (WHERE x > 1) OVER () c FROM (VALUES 1, 2) t(x))'],
  ])('%s fails as in Trino: %s', async (_construct, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/window-filter.*FILTER is not yet supported for window functions/);
  });

  it('FILTER on a plain aggregate still answers', async () => {
    const sql = 'SELECT count(*) FILTER (WHERE x > 1) c, sum(x) FILTER (WHERE x > 5) s FROM (VALUES 1, 2, 3) t(x)';
    expect(await run(sql)).toEqual({ columns: ['c bigint', 's bigint'], rows: [[2, null]] });
  });

  it('a column named filter before OVER is no FILTER clause', async () => {
    const sql = 'SELECT sum("filter") OVER (ORDER BY "filter") s FROM (VALUES 1, 2) t("filter") ORDER BY s';
    expect(await run(sql)).toEqual({ columns: ['s bigint'], rows: [[1], [3]] });
  });
});
