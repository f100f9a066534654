// `t JOIN t USING (k)`, a relation joined with itself by name (docs/issue-15-audit.md "min and max with a column count,
// UNNEST of a map (session of 2026-12-07 early morning, branch loud35)"): Trino 476 answers (SELECT * is k and both
// sides' other columns), where DuckDB failed "Ambiguous reference to table t (duplicate alias)". Every expectation is
// Trino 476's answer (value, type and column name) or its error, asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const T = "WITH t AS (SELECT * FROM (VALUES (1, 'a'), (2, 'b')) v(k, s))";

describe('a WITH query joined with itself USING its key', () => {
  it.each<[string, string[], unknown[][]]>([
    [
      `${T} SELECT * FROM t JOIN t USING (k) ORDER BY k`,
      ['k integer', 's varchar', 's varchar'],
      [
        [1, 'a', 'a'],
        [2, 'b', 'b'],
      ],
    ],
    [`${T} SELECT k FROM t JOIN t USING (k) ORDER BY k`, ['k integer'], [[1], [2]]],
    [`${T} SELECT count(*) AS c FROM t JOIN t USING (k)`, ['c bigint'], [[2]]],
    [
      `${T} SELECT * FROM t JOIN t USING (k, s) ORDER BY k`,
      ['k integer', 's varchar'],
      [
        [1, 'a'],
        [2, 'b'],
      ],
    ],
    [
      `${T} SELECT * FROM t LEFT JOIN t USING (k) ORDER BY k`,
      ['k integer', 's varchar', 's varchar'],
      [
        [1, 'a', 'a'],
        [2, 'b', 'b'],
      ],
    ],
  ])('%s', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  // Trino 476: AMBIGUOUS_NAME "Column 't.s' is ambiguous" (the local engine would read the first t).
  it('a qualified column of the repeated name is refused', async () => {
    await expect(engine.execute(`${T} SELECT t.s FROM t JOIN t USING (k) ORDER BY 1`)).rejects.toThrow(/Column 't\.s' is ambiguous/);
  });

  // Trino 476: AMBIGUOUS_NAME "Column 's' is ambiguous"; COLUMN_NOT_FOUND "Column 't.k' cannot be resolved".
  it('an unqualified column of both sides and a qualified key fail', async () => {
    await expect(engine.execute(`${T} SELECT k, s FROM t JOIN t USING (k) ORDER BY k`)).rejects.toThrow(/[Aa]mbiguous/);
    await expect(engine.execute(`${T} SELECT k FROM t JOIN t USING (k) WHERE t.k > 1`)).rejects.toThrow(/Column 't\.k' cannot be resolved/);
  });
});
