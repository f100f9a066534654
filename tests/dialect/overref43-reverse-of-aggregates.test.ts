// reverse() of an aggregate (issue 15, docs/issue-15-audit.md, overref43's section). The typed shims (reverse, length,
// floor, ceil: function-rewrites.ts typedShim) refused or took a plain form for any argument whose text held an
// aggregate, also one inside a scalar subquery, whose column DuckDB types before choosing the macro's overload: the
// random tier's seed 20261205, case 515, `reverse(regexp_replace((SELECT max_by(x, y) …), '[0-9]'))`, was refused.
// `reverse(array_agg(…))` is an array whatever its argument: list_reverse. Every value and type below is the shared
// Trino 476's answer to the same SQL, asked on 2026-12-08.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('reverse() of an aggregate', () => {
  it('answers an aggregate inside a scalar subquery (the random tier, seed 20261205, case 515)', async () => {
    const sql = `SELECT reverse(regexp_replace((SELECT max_by(x, y) FROM UNNEST(ARRAY['b', NULL, 'a'], ARRAY[1, 2, 3]) AS t(x, y)), '[0-9]')) a,
      reverse((SELECT array_agg(x ORDER BY x) FROM UNNEST(ARRAY[1, 2, 3]) t(x))) b,
      reverse((SELECT max(b) FROM (VALUES X'0102') t(b))) c,
      reverse((SELECT max(s) FROM (VALUES 'e' || chr(769) || 'a') t(s))) d,
      length((SELECT max(b) FROM (VALUES X'010203') t(b))) e,
      floor((SELECT max(x) FROM (VALUES 2.5e0) t(x))) f`;
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [['a', [3, 2, 1], '0201', 'a\u0301e', 3, 2]],
      types: ['varchar', 'array(integer)', 'varbinary', 'varchar', 'bigint', 'double'],
    });
  });

  it('answers reverse(array_agg(…)), also with FILTER and OVER', async () => {
    expect(await rowsAndTypes(engine, 'SELECT reverse(array_agg(x ORDER BY x)) FROM (VALUES 1, 2, 3) t(x)')).toEqual({
      rows: [[[3, 2, 1]]],
      types: ['array(integer)'],
    });
    const grouped =
      'SELECT k, reverse(array_agg(x ORDER BY x) FILTER (WHERE x > 1)) FROM (VALUES (1, 1), (1, 2), (1, 3), (2, 1)) t(k, x) GROUP BY k ORDER BY k';
    expect(await rowsAndTypes(engine, grouped)).toEqual({
      rows: [
        [1, [3, 2]],
        [2, null],
      ],
      types: ['integer', 'array(integer)'],
    });
    expect(await rowsAndTypes(engine, 'SELECT reverse(array_agg(x) OVER (ORDER BY x)) FROM (VALUES 1, 2) t(x) ORDER BY x')).toEqual({
      rows: [[[1]], [[2, 1]]],
      types: ['array(integer)'],
    });
    expect(await rowsAndTypes(engine, "SELECT reverse(array_agg(s ORDER BY s)) FROM (VALUES 'ab', NULL) t(s)")).toEqual({
      rows: [[[null, 'ab']]],
      types: ['array(varchar)'],
    });
  });

  // Trino 476: 'ba' (varchar). Was refused ("reverse() of an aggregate cannot be typed locally"); since overref44 the
  // shim binds inside a lambda over the aggregate's value (function-rewrites.ts typedShim).
  it('answers reverse() of an aggregate of another type', async () => {
    expect(await rowsAndTypes(engine, "SELECT reverse(max(s)) FROM (VALUES 'ab') t(s)")).toEqual({ rows: [['ba']], types: ['varchar'] });
  });
});
