// A correlated subquery that opens a parenthesised expression (`((SELECT max(c) FROM w WHERE c < a) + 1)`, also as
// scalar-selects.ts writes `(SELECT (SELECT max(c) FROM w WHERE c < a) + 1)`): it has nothing before it inside the
// parentheses, so the translator took it for an uncorrelated query and compared the outer `a` through
// trino_cmp_column, whose overload DuckDB's binder could not pick ("Macro trino_cmp_column() has multiple overloads",
// loud). Every expectation is the shared Trino 476's answer (value and type), asked on 2026-12-07 (branch loud37).
import { describe, expect, it } from 'vitest';
import { sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

const t = 'FROM (VALUES 10, 20) t(a)';
const w = 'FROM (VALUES 1, 15) w(c)';

describe('a correlated subquery opening a parenthesised expression', () => {
  it.each<[string, string, string[], unknown[][]]>([
    [
      'in a subquery without FROM',
      `SELECT a, (SELECT (SELECT max(c) ${w} WHERE c < a) + 1) AS r ${t} ORDER BY 1`,
      ['integer', 'integer'],
      [
        [10, 2],
        [20, 16],
      ],
    ],
    [
      'qualified, times two',
      `SELECT a, (SELECT (SELECT max(c) ${w} WHERE c < t.a) * 2) AS r ${t} ORDER BY 1`,
      ['integer', 'integer'],
      [
        [10, 2],
        [20, 30],
      ],
    ],
    [
      'in parentheses',
      `SELECT a, ((SELECT max(c) ${w} WHERE c < a) + 1) AS r ${t} ORDER BY 1`,
      ['integer', 'integer'],
      [
        [10, 2],
        [20, 16],
      ],
    ],
    [
      'in two parentheses, counting',
      `SELECT a, (((SELECT count(*) ${w} WHERE c < a) + 1) * 2) AS r ${t} ORDER BY 1`,
      ['integer', 'bigint'],
      [
        [10, 4],
        [20, 6],
      ],
    ],
    ['in WHERE', `SELECT a ${t} WHERE ((SELECT max(c) ${w} WHERE c < a) + 1) > 5 ORDER BY 1`, ['integer'], [[20]]],
    [
      'one instant in two zones',
      "SELECT (SELECT (SELECT count(*) FROM (VALUES TIMESTAMP '2020-01-01 00:00 UTC') w(c) WHERE c = z) + 1) AS r FROM (VALUES TIMESTAMP '2020-01-01 01:00 +01:00') t(z)",
      ['bigint'],
      [[2]],
    ],
  ])('%s answers', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});
