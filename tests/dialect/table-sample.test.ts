// TABLESAMPLE BERNOULLI (p) / SYSTEM (p) take a percentage in Trino 476 (the shared oracle: 100 keeps every row, 0
// none); DuckDB refused a bare number with those methods (translate/table-sample.ts writes `p%`).
import { describe, expect, it } from 'vitest';
import { sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('TABLESAMPLE takes a percentage', () => {
  it.each<[string, number]>([
    ['SELECT count(*) FROM (VALUES 1, 2, 3) t(x) TABLESAMPLE BERNOULLI (100)', 3],
    ['SELECT count(*) FROM (VALUES 1, 2, 3) t(x) TABLESAMPLE BERNOULLI (0)', 0],
    ['SELECT count(*) FROM (VALUES 1, 2, 3) t(x) TABLESAMPLE SYSTEM (100.0)', 3],
    ['SELECT count(*) FROM (VALUES 1, 2, 3) t(x) TABLESAMPLE SYSTEM (0)', 0],
  ])('%s', async (sql, count) => {
    expect((await engine.execute(sql)).rows).toEqual([[count]]);
  });

  // The count itself differs from run to run (and from Trino's), so the query answers whether it lies in the band: the
  // oracle's replay (tests/trino) compares that answer, true on both engines (20 standard deviations wide).
  it('samples a share of the rows in between', async () => {
    const sql = 'SELECT count(*) BETWEEN 4000 AND 6000 FROM UNNEST(sequence(1, 10000)) u(x) TABLESAMPLE BERNOULLI (50)';
    expect((await engine.execute(sql)).rows).toEqual([[true]]);
  });
});
