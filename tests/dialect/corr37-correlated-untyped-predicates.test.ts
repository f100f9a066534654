// `e IS NULL` and `e LIKE p` of an untyped (NULL-typed) e that fails, inside a subquery that may read the outer row
// (types34 left it: docs/issue-15-audit.md, branch corr37's section). DuckDB folds the predicate without evaluating e;
// Trino 476's own answer depends on the query's shape, asked for each: LIKE evaluates e everywhere it was asked (select
// list, WHERE, EXISTS, IN, LATERAL); IS NULL evaluates e in the select list of a level with a FROM and no WHERE, ON,
// GROUP BY or HAVING, and answers without evaluating it under a WHERE or GROUP BY, or in EXISTS's select list. Every
// expectation is the shared Trino 476's answer (value and type) or its failure, asked on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

const t = 'FROM (VALUES 0, 1) t(x)';
const INDICES = /SQL array indices start at 1/;
const e = 'element_at(ARRAY[], t.x)';

describe('an untyped e IS NULL inside a correlated subquery', () => {
  it.each<[string, string]>([
    ['a scalar subquery in SELECT', `SELECT x, (SELECT ${e} IS NULL FROM (VALUES 1) u(y)) ${t} ORDER BY 1`],
    ['a scalar subquery in WHERE', `SELECT x ${t} WHERE (SELECT ${e} IS NULL FROM (VALUES 1) u(y)) ORDER BY 1`],
    ['LATERAL', `SELECT x, b ${t} CROSS JOIN LATERAL (SELECT ${e} IS NULL AS b FROM (VALUES 1) u(y)) ORDER BY 1, 2`],
    [
      'LATERAL, e over the inner row, the outer row read beside it',
      `SELECT x, b, c ${t} CROSS JOIN LATERAL (SELECT element_at(ARRAY[], y) IS NULL AS b, y + t.x AS c FROM (VALUES 0) u(y)) ORDER BY 1, 2, 3`,
    ],
    ['inside coalesce', `SELECT x, (SELECT coalesce(${e} IS NULL, false) FROM (VALUES 1) u(y)) ${t} ORDER BY 1`],
    ['IS NOT NULL in parentheses', `SELECT x, (SELECT NOT (${e} IS NOT NULL) FROM (VALUES 1) u(y)) ${t} ORDER BY 1`],
    ['with ORDER BY and LIMIT', `SELECT x, (SELECT ${e} IS NULL FROM (VALUES 1) u(y) ORDER BY 1 LIMIT 1) ${t} ORDER BY 1`],
    ['the select list of IN', `SELECT x, true IN (SELECT element_at(ARRAY[], y) IS NULL FROM (VALUES 0) u(y)) ${t} ORDER BY 1`],
  ])('%s fails where e fails', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(INDICES);
  });

  it.each<[string, string, string[], unknown[][]]>([
    [
      'in range',
      `SELECT x, (SELECT ${e} IS NULL FROM (VALUES 1) u(y)) FROM (VALUES 1, 2) t(x) ORDER BY 1`,
      ['integer', 'boolean'],
      [
        [1, true],
        [2, true],
      ],
    ],
    [
      'under a correlated WHERE (not evaluated)',
      `SELECT x, (SELECT element_at(ARRAY[], y) IS NULL FROM (VALUES 0) u(y) WHERE y = t.x) ${t} ORDER BY 1`,
      ['integer', 'boolean'],
      [
        [0, true],
        [1, null],
      ],
    ],
    [
      'under a constant WHERE (not evaluated)',
      `SELECT x, (SELECT element_at(ARRAY[], y) IS NULL FROM (VALUES 0) u(y) WHERE y = 0) ${t} ORDER BY 1`,
      ['integer', 'boolean'],
      [
        [0, true],
        [1, true],
      ],
    ],
    [
      'under GROUP BY (not evaluated)',
      `SELECT x, (SELECT ${e} IS NULL FROM (VALUES 1) u(y) GROUP BY y) ${t} ORDER BY 1`,
      ['integer', 'boolean'],
      [
        [0, true],
        [1, true],
      ],
    ],
    [
      "in a scalar subquery's WHERE (not evaluated)",
      `SELECT x, (SELECT y FROM (VALUES 1) u(y) WHERE ${e} IS NULL) ${t} ORDER BY 1`,
      ['integer', 'integer'],
      [
        [0, 1],
        [1, 1],
      ],
    ],
    [
      "in EXISTS's WHERE (not evaluated)",
      `SELECT x, EXISTS (SELECT 1 FROM (VALUES 1) u(y) WHERE ${e} IS NULL) ${t} ORDER BY 1`,
      ['integer', 'boolean'],
      [
        [0, true],
        [1, true],
      ],
    ],
    [
      "in EXISTS's select list (not evaluated)",
      `SELECT x, EXISTS (SELECT ${e} IS NULL FROM (VALUES 1) u(y)) ${t} ORDER BY 1`,
      ['integer', 'boolean'],
      [
        [0, true],
        [1, true],
      ],
    ],
    [
      "in IN's WHERE (not evaluated)",
      `SELECT x, x IN (SELECT y FROM (VALUES 0, 1) u(y) WHERE ${e} IS NULL) ${t} ORDER BY 1`,
      ['integer', 'boolean'],
      [
        [0, true],
        [1, true],
      ],
    ],
  ])('%s answers', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});

describe('an untyped e LIKE p inside a correlated subquery', () => {
  it.each<[string, string]>([
    ['a scalar subquery in SELECT', `SELECT x, (SELECT ${e} LIKE 'a' FROM (VALUES 1) u(y)) ${t} ORDER BY 1`],
    ["a scalar subquery's WHERE", `SELECT x, (SELECT y FROM (VALUES 1) u(y) WHERE ${e} LIKE 'a') ${t} ORDER BY 1`],
    ["EXISTS's WHERE", `SELECT x, EXISTS (SELECT 1 FROM (VALUES 1) u(y) WHERE ${e} LIKE 'a') ${t} ORDER BY 1`],
    ["IN's WHERE", `SELECT x, x IN (SELECT y FROM (VALUES 0, 1) u(y) WHERE ${e} LIKE 'a') ${t} ORDER BY 1`],
    ['the select list under a correlated WHERE', `SELECT x, (SELECT element_at(ARRAY[], y) LIKE 'a' FROM (VALUES 0) u(y) WHERE y = t.x) ${t} ORDER BY 1`],
    ["EXISTS's WHERE over the inner row", `SELECT x, EXISTS (SELECT 1 FROM (VALUES 0) u(y) WHERE element_at(ARRAY[], y) LIKE 'a' AND y = t.x) ${t} ORDER BY 1`],
  ])('%s fails where e fails', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(INDICES);
  });

  it.each<[string, string, unknown[][]]>([
    [
      'untyped in range',
      `SELECT x, (SELECT ${e} LIKE 'a' FROM (VALUES 1) u(y)) FROM (VALUES 1, 2) t(x) ORDER BY 1`,
      [
        [1, null],
        [2, null],
      ],
    ],
    [
      'a varchar element',
      `SELECT x, (SELECT element_at(ARRAY['b'], t.x) LIKE 'a' FROM (VALUES 1) u(y)) FROM (VALUES 1, 2) t(x) ORDER BY 1`,
      [
        [1, false],
        [2, null],
      ],
    ],
  ])('%s answers', async (_name, sql, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types: ['integer', 'boolean'] });
  });
});
