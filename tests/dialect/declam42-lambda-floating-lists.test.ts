// A lambda's parameter in an IN list or a BETWEEN beside a real or double column (issue 15, docs/issue-15-audit.md,
// declam42's section; dec40 and sil41 left it): Trino 476 compares in the common type, the decimal made a real or
// double by its rule (the unscaled integer divided in that type up to 18 digits: a decimal(9,1) 16777217.5 is REAL
// '16777218'), where DuckDB's cast gave the nearest value (16777216: `filter(ARRAY[d], x -> x IN (r))` was `[]`).
// The parameter, written through trino_cmp by the instant pass, is now read as a column (floating-operands.ts
// isReadColumn). Every value and type below is the shared Trino 476's answer to the same SQL, asked on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

// d decimal(9,1), r real, e decimal(17,5), c double, s decimal(7,1), w real.
const COLUMNS =
  "FROM (VALUES (DECIMAL '16777217.5', REAL '16777218', DECIMAL '912312924575.21800', DOUBLE '912312924575.2179', CAST(DECIMAL '1234.5' AS decimal(7,1)), REAL '1234.5')) t(d, r, e, c, s, w)";

describe('a lambda parameter in an IN list or BETWEEN beside a real or double column', () => {
  it('answers as Trino 476', async () => {
    const sql = `SELECT filter(ARRAY[d], x -> x IN (r)) AS a1, transform(ARRAY[r], x -> x BETWEEN d AND d) AS a2,
      filter(ARRAY[e], x -> x IN (c)) AS a3, transform(ARRAY[c], x -> x IN (e)) AS a4, transform(ARRAY[d], x -> x NOT IN (r)) AS a5,
      transform(ARRAY[d], x -> x BETWEEN r AND r) AS a6, transform(ARRAY[d], x -> x IN (r, 5)) AS a7,
      any_match(ARRAY[d], x -> x IN (r)) AS a8, transform(ARRAY[r], x -> d IN (x)) AS a9,
      transform(ARRAY[d], x -> r BETWEEN x AND x) AS a10, transform(ARRAY[r], x -> x IN (d, 1)) AS a11,
      transform(ARRAY[e], x -> x NOT BETWEEN c AND c) AS a12 ${COLUMNS}`;
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [[['16777217.5'], [true], ['912312924575.21800'], [true], [false], [true], [true], true, [true], [true], [true], [false]]],
      types: [
        'array(decimal(9,1))',
        'array(boolean)',
        'array(decimal(17,5))',
        'array(boolean)',
        'array(boolean)',
        'array(boolean)',
        'array(boolean)',
        'boolean',
        'array(boolean)',
        'array(boolean)',
        'array(boolean)',
        'array(boolean)',
      ],
    });
  }, 120_000);

  it('keeps the answers where the decimal is exact, a double is among the values or no number is compared', async () => {
    // x IN (r, c): the common type is double, where the decimal(9,1) is exact; x IN (e, s): two decimals.
    const sql = `SELECT transform(ARRAY[s], x -> x IN (w)) AS b1, transform(ARRAY[w], x -> x BETWEEN s AND s) AS b2,
      transform(ARRAY[d], x -> x IN (r, c)) AS b3, transform(ARRAY[d], x -> x IN (e, s)) AS b4,
      transform(ARRAY['ab'], x -> x IN ('ab', 'c')) AS b5,
      transform(ARRAY[DATE '2020-01-01'], x -> x BETWEEN DATE '2019-12-31' AND DATE '2020-01-02') AS b6 ${COLUMNS}`;
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [[[true], [true], [false], [false], [true], [true]]],
      types: Array(6).fill('array(boolean)'),
    });
  }, 120_000);

  it('filters rows as Trino 476 (any_match and all_match over each row)', async () => {
    const sql = `SELECT count_if(any_match(ARRAY[d], x -> x IN (r))) AS n, count_if(all_match(ARRAY[r], x -> x BETWEEN d AND d)) AS m
      FROM (VALUES (DECIMAL '16777217.5', REAL '16777218'), (DECIMAL '2.5', REAL '2'), (DECIMAL '16777219.5', REAL '16777220')) t(d, r)`;
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows: [[2, 2]], types: ['bigint', 'bigint'] });
  }, 120_000);
});
