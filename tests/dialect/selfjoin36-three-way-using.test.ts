// `t JOIN t USING (k) JOIN t USING (k)`, a relation joined with itself twice by name (docs/issue-15-audit.md "Self-joins
// of one relation name, star column names over joins (session of 2026-12-07 early morning, branch selfjoin36)"): Trino
// 476 answers (SELECT * is k and the three sides' s), where DuckDB failed "Ambiguous reference to table t (duplicate
// alias)". Every expectation is Trino 476's answer (value, type and column name) or its error, asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const T = "WITH t AS (SELECT * FROM (VALUES (1, 'a'), (2, 'b')) v(k, s))";

describe('a WITH query joined with itself twice USING its key', () => {
  it.each<[string, string[], unknown[][]]>([
    [
      `${T} SELECT * FROM t JOIN t USING (k) JOIN t USING (k) ORDER BY 1`,
      ['k integer', 's varchar', 's varchar', 's varchar'],
      [
        [1, 'a', 'a', 'a'],
        [2, 'b', 'b', 'b'],
      ],
    ],
    [`${T} SELECT k FROM t JOIN t USING (k) JOIN t USING (k) ORDER BY 1`, ['k integer'], [[1], [2]]],
    [`${T} SELECT count(*) AS c FROM t JOIN t USING (k) LEFT JOIN t USING (k)`, ['c bigint'], [[2]]],
    [
      `${T} SELECT * FROM t JOIN t AS u USING (k) JOIN t USING (k) ORDER BY 1`,
      ['k integer', 's varchar', 's varchar', 's varchar'],
      [
        [1, 'a', 'a', 'a'],
        [2, 'b', 'b', 'b'],
      ],
    ],
  ])('%s', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  // Trino 476: AMBIGUOUS_NAME "Column 't.s' is ambiguous".
  it('a qualified column of the repeated name is refused', async () => {
    await expect(engine.execute(`${T} SELECT t.s FROM t JOIN t USING (k) JOIN t USING (k) ORDER BY 1`)).rejects.toThrow(/Column 't\.s' is ambiguous/);
  });
});
