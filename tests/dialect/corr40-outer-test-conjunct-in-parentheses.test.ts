// A test of the outer row only, `element_at(ARRAY[], t.x) IS NULL` (of type unknown), in the WHERE of a subquery that
// is a conjunct of a WHERE over UNNEST rows, that corr39 saw only where the subquery stands directly in the top-level
// WHERE (issue 15, docs/issue-15-audit.md, corr40's section). Trino 476 fails with COMPILER_ERROR "argumentType
// unknown should not be UNKNOWN" also where the conjunct is written in parentheses (`WHERE (EXISTS (…))`, `WHERE (x > 0
// AND EXISTS (…))`, `(x IN (…))`) or is the one condition of a TRUE-only CASE (`WHERE CASE WHEN EXISTS (…) THEN true
// END`, `… THEN 1 END = 1`), and in HAVING; it answers under OR, NOT, or a CASE of two conditions. The local engine
// answered the parenthesized and CASE forms; now it refuses while running. Every expectation is the shared Trino 476's
// answer or failure, asked on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';
import { REFUSED } from './untyped-filter-fixture.js';

const engine = sharedLake();

const t = 'FROM UNNEST(sequence(1, 2)) t(x)';
const s = 'EXISTS (SELECT 1 FROM (VALUES 1) u(y) WHERE element_at(ARRAY[], t.x) IS NULL)';

describe('an outer-row untyped test in a subquery conjunct written in parentheses or a CASE', () => {
  // Trino 476: COMPILER_ERROR "argumentType unknown should not be UNKNOWN" for each.
  it.each<[string, string]>([
    ['(EXISTS …)', `SELECT x ${t} WHERE (${s}) ORDER BY 1`],
    ['(a AND EXISTS …)', `SELECT x ${t} WHERE (x > 0 AND ${s}) ORDER BY 1`],
    ['((a) AND (EXISTS …))', `SELECT x ${t} WHERE ((x > 0) AND (${s})) ORDER BY 1`],
    ['(x IN (…))', `SELECT x ${t} WHERE (x IN (SELECT y FROM (VALUES 1, 2) u(y) WHERE element_at(ARRAY[], t.x) IS NULL)) ORDER BY 1`],
    ['CASE WHEN EXISTS … THEN true END', `SELECT x ${t} WHERE CASE WHEN ${s} THEN true END ORDER BY 1`],
    ['CASE WHEN EXISTS … THEN 1 END = 1', `SELECT x ${t} WHERE CASE WHEN ${s} THEN 1 END = 1 ORDER BY 1`],
    ['HAVING EXISTS …', `SELECT x ${t} GROUP BY x HAVING ${s} ORDER BY 1`],
  ])('%s is refused', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });

  // Trino 476 answers these: the subquery is no conjunct of the WHERE.
  it.each<[string, string, unknown[][]]>([
    ['(a OR EXISTS …)', `SELECT x ${t} WHERE (x > 0 OR ${s}) ORDER BY 1`, [[1], [2]]],
    ['NOT (EXISTS …)', `SELECT x ${t} WHERE NOT (${s}) ORDER BY 1`, []],
    ['(a AND EXISTS …) OR b', `SELECT x ${t} WHERE (x > 0 AND ${s}) OR x > 5 ORDER BY 1`, [[1], [2]]],
    ['a CASE of two conditions', `SELECT x ${t} WHERE CASE WHEN ${s} THEN true WHEN x > 5 THEN true END ORDER BY 1`, [[1], [2]]],
  ])('%s answers', async (_name, sql, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types: ['bigint'] });
  });
});
