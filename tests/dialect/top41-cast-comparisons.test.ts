// Comparisons of CASTs (docs/performance.md "The oracle replay's heaviest local queries"): a CAST to an integer type,
// real or double has that type whatever its operand, so two of them compared need no dispatch on nested types and no
// text guard, and one to an integer type no NaN guard (TestUnwrapCastInComparison's one-row queries of ~60 such
// comparisons took DuckDB seconds to bind); a CAST to timestamp(p) with time zone is a zoned value, compared by instant
// (two casts of columns were compared as structs: one instant in two zones was unequal). Every expectation is Trino
// 476's answer (value and type) or its failure, asked of the shared Trino on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { translateQuery } from '../../src/dialect/translate/query.js';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const bools = (n: number): string[] => Array.from({ length: n }, () => 'boolean');

describe('comparisons of CASTs to number types', () => {
  it('give Trino’s answers over NaN, infinities and NULL', async () => {
    const sql = `SELECT k, CAST(x AS DOUBLE) = CAST(y AS DOUBLE), CAST(x AS DOUBLE) < CAST(y AS DOUBLE), CAST(x AS DOUBLE) > CAST(y AS DOUBLE),
      CAST(x AS DOUBLE) <> CAST(y AS DOUBLE), CAST(x AS REAL) >= CAST(y AS REAL), CAST(x AS DOUBLE) IS DISTINCT FROM CAST(y AS DOUBLE),
      CAST(x AS DOUBLE) <= CAST(NULL AS DOUBLE)
      FROM (VALUES (1, nan(), nan()), (2, 1e0, nan()), (3, nan(), 1e0), (4, 1e0, NULL), (5, 2e0, 1e0), (6, -infinity(), infinity())) t(k, x, y) ORDER BY k`;
    expect(await rowsAndTypes(engine, sql)).toEqual({
      types: ['integer', ...bools(7)],
      rows: [
        [1, false, false, false, true, false, false, null],
        [2, false, false, false, true, false, true, null],
        [3, false, false, false, true, false, true, null],
        [4, null, null, null, null, null, true, null],
        [5, false, false, true, true, true, true, null],
        [6, false, true, false, true, false, true, null],
      ],
    });
  });

  it('of mixed number types, TRY_CAST and DOUBLE PRECISION', async () => {
    const sql = `SELECT CAST(x AS INTEGER) = CAST(y AS DOUBLE), CAST(x AS TINYINT) < CAST(y AS REAL), TRY_CAST(s AS BIGINT) = CAST(x AS SMALLINT),
      CAST(x AS DOUBLE PRECISION) = CAST(y AS INT) FROM (VALUES (3, 3e0, '3')) t(x, y, s)`;
    expect(await rowsAndTypes(engine, sql)).toEqual({ types: bools(4), rows: [[true, false, true, true]] });
  });

  it('are still refused where Trino fails: a cast to double beside a varchar, a bigint beside an array', async () => {
    // Trino 476: TYPE_MISMATCH "Cannot apply operator: double = varchar", "… bigint < array(integer)".
    await expect(engine.execute("SELECT CAST(x AS DOUBLE) = CAST(s AS VARCHAR) FROM (VALUES (1, 'a')) t(x, s)")).rejects.toThrow();
    await expect(engine.execute('SELECT CAST(x AS BIGINT) < a FROM (VALUES (1, ARRAY[1])) t(x, a)')).rejects.toThrow();
  });

  it('are written without the nested dispatch, the text guard, or (integers) the NaN guard', () => {
    const out = translateQuery(
      'SELECT CAST(v AS DOUBLE) = CAST(1 AS DOUBLE), CAST(v AS REAL) < CAST(NULL AS REAL), CAST(v AS BIGINT) >= CAST(2 AS BIGINT) FROM (VALUES 1) t(v)',
    );
    expect(out).not.toMatch(/trino_compare_any|trino_text_comparable|trino_floating_read/);
    expect(out.match(/trino_nan_in/g)).toHaveLength(2);
  });
});

describe('comparisons of CASTs to timestamp with time zone', () => {
  it('compare instants, as Trino does, also between two casts of columns', async () => {
    // Locally before: false, true, true, false, false for row 1 (the structs compared, zone included).
    const sql = `SELECT k, CAST(v AS timestamp(3) with time zone) = CAST(w AS timestamp(3) with time zone),
      CAST(v AS timestamp(3) with time zone) < CAST(w AS timestamp(3) with time zone),
      CAST(v AS timestamp(0) with time zone) IS DISTINCT FROM CAST(w AS timestamp(0) with time zone),
      TRY_CAST(v AS timestamp(3) with time zone) = TRY_CAST(w AS timestamp(3) with time zone),
      CAST(v AS timestamp(3) with time zone) IN (CAST(w AS timestamp(3) with time zone)),
      CAST(v AS timestamp with time zone) > CAST(w AS timestamp with time zone)
      FROM (VALUES (1, TIMESTAMP '2020-07-03 01:23:45 Europe/Warsaw', TIMESTAMP '2020-07-02 23:23:45 UTC'),
        (2, TIMESTAMP '2020-07-03 01:23:45 UTC', TIMESTAMP '2020-07-03 01:23:45 Europe/Warsaw'), (3, NULL, TIMESTAMP '2020-07-03 01:23:45 UTC')) t(k, v, w)
      ORDER BY k`;
    expect(await rowsAndTypes(engine, sql)).toEqual({
      types: ['integer', ...bools(6)],
      rows: [
        [1, true, false, false, true, true, false],
        [2, false, false, true, false, false, true],
        [3, null, null, true, null, null, null],
      ],
    });
  });

  it('in a WHERE against a scalar subquery', async () => {
    // Locally before: no row.
    const sql = `SELECT k FROM (VALUES (1, TIMESTAMP '2020-07-03 01:23:45 Europe/Warsaw'), (2, TIMESTAMP '2020-07-02 23:23:45 UTC'),
      (3, TIMESTAMP '2020-07-03 01:23:45 UTC')) t(k, v)
      WHERE CAST(v AS timestamp(3) with time zone) = (SELECT max(CAST(w AS timestamp(3) with time zone)) FROM (VALUES TIMESTAMP '2020-07-03 00:23:45 +01:00') u(w))
      ORDER BY k`;
    expect(await rowsAndTypes(engine, sql)).toEqual({ types: ['integer'], rows: [[1], [2]] });
  });

  it('are written without the NaN guard', () => {
    const out = translateQuery(
      "SELECT CAST(v AS timestamp(3) with time zone) < CAST(TIMESTAMP '2020-07-03 01:23:45 UTC' AS timestamp(3) with time zone) FROM (VALUES TIMESTAMP '2020-07-03 01:23:45') t(v)",
    );
    expect(out).toMatch(/trino_cmp\(/);
    expect(out).not.toMatch(/trino_nan_in/);
  });
});

describe('a string literal cast to varchar(n)', () => {
  it('is cut to n characters, as Trino cuts it', async () => {
    const sql = `SELECT CAST('abc' AS VARCHAR(2)), TRY_CAST('abc' AS varchar(1)), CAST('it''s' AS VARCHAR(3)), CAST('h😀llo' AS VARCHAR(2)),
      CAST('' AS VARCHAR(1)) = CAST('' AS VARCHAR(2)), CAST('ab' AS VARCHAR(300)) < CAST('b' AS VARCHAR(300))`;
    expect(await rowsAndTypes(engine, sql)).toEqual({
      types: ['varchar', 'varchar', 'varchar', 'varchar', 'boolean', 'boolean'],
      rows: [['ab', 'a', "it'", 'h😀', true, true]],
    });
  });

  it('is written as left(literal, n)', () => {
    expect(translateQuery("SELECT CAST('abc' AS VARCHAR(2)) AS c")).toBe("SELECT left('abc', 2) AS c");
  });
});
