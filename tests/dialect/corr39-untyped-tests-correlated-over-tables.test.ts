// The untyped filter test `e IS [NOT] NULL` (e of type unknown: element_at(ARRAY[], c)) in the WHERE of a subquery that
// may read the outer row, over a table's rows (issue 15, docs/issue-15-audit.md, corr39's section): where Trino 476
// compiles the test (its conjunct reads the table's rows, or the outer row beside another conjunct that does;
// corr38's whereEvaluatesTests) it fails with COMPILER_ERROR "argumentType unknown should not be UNKNOWN" whatever the
// rows hold. The local engine evaluated e there, so it failed only where e fails; now it refuses while running. So is a
// test of the outer row only where the subquery is a conjunct of a WHERE over a table's rows (Trino plans it into that
// filter; over VALUES outer rows, under NOT EXISTS or an OR it answers true, as the local engine does). Every
// expectation is the shared Trino 476's answer or failure, asked on 2026-12-07 (the table as memory.default.corr39_w(c)
// = 1, 15).
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';
import { REFUSED } from './untyped-filter-fixture.js';

const engine = sharedLake();

const t = 'FROM (VALUES 1, 2) t(x)';

describe('an untyped e IS NULL in a correlated subquery over a table', () => {
  it('makes the table', async () => {
    await engine.execute('CREATE TABLE w AS SELECT * FROM (VALUES 1, 15) w(c)');
  });

  // Trino 476: COMPILER_ERROR "argumentType unknown should not be UNKNOWN" for each.
  it.each<[string, string]>([
    ['EXISTS, beside the correlation', `SELECT x, EXISTS (SELECT 1 FROM w WHERE element_at(ARRAY[], c) IS NULL AND c = t.x) ${t} ORDER BY 1`],
    ['EXISTS, alone', `SELECT x, EXISTS (SELECT 1 FROM w WHERE element_at(ARRAY[], c) IS NULL) ${t} ORDER BY 1`],
    ['a scalar subquery, IS NOT NULL', `SELECT x, (SELECT max(c) FROM w WHERE element_at(ARRAY[], c) IS NOT NULL AND c = t.x) ${t} ORDER BY 1`],
    ['e of the outer row beside the correlation', `SELECT x, EXISTS (SELECT 1 FROM w WHERE element_at(ARRAY[], t.x) IS NULL AND c = t.x) ${t} ORDER BY 1`],
  ])('%s is refused', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });

  // Trino 476 answers these without evaluating e (as the local engine does).
  it.each<[string, string, unknown[][]]>([
    [
      'e of the outer row alone',
      `SELECT x, EXISTS (SELECT 1 FROM w WHERE element_at(ARRAY[], t.x) IS NULL) ${t} ORDER BY 1`,
      [
        [1, true],
        [2, true],
      ],
    ],
    [
      'an OR with the correlation',
      `SELECT x, EXISTS (SELECT 1 FROM w WHERE c = t.x OR element_at(ARRAY[], c) IS NULL) ${t} ORDER BY 1`,
      [
        [1, true],
        [2, true],
      ],
    ],
    [
      'e of both rows alone',
      `SELECT x, EXISTS (SELECT 1 FROM w WHERE element_at(ARRAY[], c + t.x) IS NULL) ${t} ORDER BY 1`,
      [
        [1, true],
        [2, true],
      ],
    ],
  ])('%s answers', async (_name, sql, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types: ['integer', 'boolean'] });
  });

  // The outer relation is UNNEST or a table, the subquery a conjunct of its WHERE: Trino 476 COMPILER_ERROR for each.
  const o = 'FROM UNNEST(sequence(1, 2)) t(x)';
  const outerOnly = 'FROM (VALUES 1) u(y) WHERE element_at(ARRAY[], t.x) IS NULL';
  it.each<[string, string]>([
    ['EXISTS', `SELECT x ${o} WHERE EXISTS (SELECT 1 ${outerOnly}) ORDER BY 1`],
    ['EXISTS over an outer table', 'SELECT c FROM w t WHERE EXISTS (SELECT 1 FROM (VALUES 1) u(y) WHERE element_at(ARRAY[], t.c) IS NULL) ORDER BY 1'],
    ['IN', `SELECT x ${o} WHERE x IN (SELECT y FROM (VALUES 1, 2) u(y) WHERE element_at(ARRAY[], t.x) IS NULL) ORDER BY 1`],
    ['a scalar subquery compared', `SELECT x ${o} WHERE (SELECT count(*) ${outerOnly}) = 1 ORDER BY 1`],
    ['beside another conjunct', `SELECT x ${o} WHERE x > 0 AND EXISTS (SELECT 1 ${outerOnly}) ORDER BY 1`],
    ['beside an inner test', `SELECT x ${o} WHERE EXISTS (SELECT 1 ${outerOnly} AND y = 1) ORDER BY 1`],
    ['e of both rows', `SELECT x ${o} WHERE EXISTS (SELECT 1 FROM (VALUES 1) u(y) WHERE element_at(ARRAY[], y + t.x) IS NULL) ORDER BY 1`],
  ])('a test of the outer row, %s, is refused', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });

  it.each<[string, string, string[], unknown[][]]>([
    ['NOT EXISTS', `SELECT x ${o} WHERE NOT EXISTS (SELECT 1 ${outerOnly}) ORDER BY 1`, ['bigint'], []],
    ['under OR', `SELECT x ${o} WHERE x = 5 OR EXISTS (SELECT 1 ${outerOnly}) ORDER BY 1`, ['bigint'], [[1], [2]]],
    ['over VALUES outer rows', `SELECT x FROM (VALUES 1, 2) t(x) WHERE EXISTS (SELECT 1 ${outerOnly}) ORDER BY 1`, ['integer'], [[1], [2]]],
    [
      'in the select list',
      `SELECT x, EXISTS (SELECT 1 ${outerOnly}) ${o} ORDER BY 1`,
      ['bigint', 'boolean'],
      [
        [1, true],
        [2, true],
      ],
    ],
    [
      'a scalar subquery in the select list',
      `SELECT x, (SELECT count(*) ${outerOnly}) ${o} ORDER BY 1`,
      ['bigint', 'bigint'],
      [
        [1, 1],
        [2, 1],
      ],
    ],
  ])('a test of the outer row, %s, answers', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});
