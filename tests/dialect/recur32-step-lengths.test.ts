// A recursive step's text beside a base string literal (varchar(n) in Trino 476, which fails with TYPE_MISMATCH when
// the step's type is longer or unbounded): recursive-steps.ts accepted only a literal, NULL or the column itself and
// refused the rest, also step expressions Trino types within the bound (a CASE of short literals, substr or upper of
// the column); and it took `'a' || s` for the column (its last name), answering where Trino fails. Every expectation
// is the shared Trino 476's answer (value and type) or failure, asked on 2026-12-06 (night).
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const step = (s: string) => `WITH RECURSIVE t(n, s) AS (SELECT 1, 'ab' UNION ALL SELECT n + 1, ${s} FROM t WHERE n < 3) SELECT n, s FROM t ORDER BY n`;
const columns = ['n integer', 's varchar'];

describe('recursive steps Trino types within the base literal answer', () => {
  it.each<[string, string, unknown[][]]>([
    // Each refused at lint before (unfaithful/recursive-step-type).
    [
      'a CASE of a shorter literal',
      step("CASE WHEN n > 0 THEN 'c' END"),
      [
        [1, 'ab'],
        [2, 'c'],
        [3, 'c'],
      ],
    ],
    [
      'substr of the column',
      step('substr(s, 1, 1)'),
      [
        [1, 'ab'],
        [2, 'a'],
        [3, 'a'],
      ],
    ],
    [
      'upper of coalesce of the column and a literal',
      step("upper(coalesce(t.s, 'x'))"),
      [
        [1, 'ab'],
        [2, 'AB'],
        [3, 'AB'],
      ],
    ],
    [
      'a simple CASE of lower(s) and NULL',
      step('CASE n WHEN 1 THEN lower(s) ELSE NULL END'),
      [
        [1, 'ab'],
        [2, 'ab'],
        [3, null],
      ],
    ],
  ])('%s', async (_name, sql, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it.each<[string, string]>([
    // TYPE_MISMATCH "recursion step relation output type (varchar(3)) is not coercible to … (varchar(2)) at column 2".
    ['a CASE with a longer literal', step("CASE WHEN n > 1 THEN 'abc' ELSE s END")],
    // TYPE_MISMATCH (varchar); answered locally before ('a' || s was read as the column).
    ["'a' || s", step("'a' || s")],
  ])('%s is refused at lint', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/\[unfaithful\/recursive-step-type\] recursion step relation output type/);
  });
});
