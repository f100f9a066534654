// `FROM t, t` and `t CROSS JOIN t`, a relation joined with itself by name without a condition (docs/issue-15-audit.md
// "Self-joins of one relation name, star column names over joins (session of 2026-12-07 early morning, branch
// selfjoin36)"): Trino 476 answers (SELECT * is k, s, k, s; t.* is both sides' columns), where DuckDB failed "Ambiguous
// reference to table t (duplicate alias)". Every expectation is Trino 476's answer (value, type and column name) or its
// error, asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const T = "WITH t AS (SELECT * FROM (VALUES (1, 'a'), (2, 'b')) v(k, s))";
const KSKS = ['k integer', 's varchar', 'k integer', 's varchar'];
const PAIRS = [
  [1, 'a', 1, 'a'],
  [1, 'a', 2, 'b'],
  [2, 'b', 1, 'a'],
  [2, 'b', 2, 'b'],
];

describe('a WITH query joined with itself by name, without a condition', () => {
  it.each<[string, string[], unknown[][]]>([
    [`${T} SELECT * FROM t, t ORDER BY 1, 2, 3, 4`, KSKS, PAIRS],
    [`${T} SELECT * FROM t CROSS JOIN t ORDER BY 1, 2, 3, 4`, KSKS, PAIRS],
    [`${T} SELECT t.* FROM t, t ORDER BY 1, 2, 3, 4`, KSKS, PAIRS],
    [`${T} SELECT count(*) AS c FROM t, t`, ['c bigint'], [[4]]],
    [`${T} SELECT * FROM t, t AS u, t ORDER BY 1, 2, 3, 4, 5, 6 LIMIT 1`, [...KSKS, 'k integer', 's varchar'], [[1, 'a', 1, 'a', 1, 'a']]],
  ])('%s', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  // Trino 476: AMBIGUOUS_NAME "Column 't.k' is ambiguous" (the local engine would read the first t).
  it('a qualified column of the repeated name is refused', async () => {
    await expect(engine.execute(`${T} SELECT t.k FROM t, t`)).rejects.toThrow(/Column 't\.k' is ambiguous/);
    await expect(engine.execute(`${T} SELECT t.k FROM t CROSS JOIN t`)).rejects.toThrow(/Column 't\.k' is ambiguous/);
  });

  // Trino 476: AMBIGUOUS_NAME "Column 's' is ambiguous" (and 'k').
  it('an unqualified column of both sides fails', async () => {
    await expect(engine.execute(`${T} SELECT * FROM t CROSS JOIN t WHERE s = 'a'`)).rejects.toThrow(/[Aa]mbiguous/);
    await expect(engine.execute(`${T} SELECT k FROM t, t`)).rejects.toThrow(/[Aa]mbiguous/);
  });
});
