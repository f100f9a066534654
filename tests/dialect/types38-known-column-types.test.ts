// The translator told the catalog's column types for every query level (TranslateContext.columnTypes, filled by the
// local engine for a statement whose translation holds type checks; known-types.ts levelColumnTypes; issue 18): a
// comparison of a column of an integer type with a number (the hourly alert's partition predicate), integer
// arithmetic of such columns (the hourly KPI's `year * 1000000 + …`), coalesce and nullif of one known family, avg of an
// integer column and a cast of a column that is no json carry no bind-time check, shim or NaN guard. The answers stay
// Trino's, and a value of another family still fails as Trino fails. Every expectation is Trino 476's answer (value and
// type) or its failure, asked of the shared Trino with the same rows as a WITH query of the same types:
// `WITH t(k, i, b, s, d, dt, y) AS (VALUES (1, 2, BIGINT '10', 'web', DOUBLE '1.5', DATE '2026-12-06', 2026),
// (2, -1, BIGINT '20', 'web', DOUBLE '2.5', DATE '2026-12-07', 2026), (3, NULL, NULL, NULL, NULL, NULL, 2025),
// (4, 5, BIGINT '-3', 'app', nan(), DATE '2026-12-06', 2026))`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { rowsAndTypes } from './lake-helpers.js';
import { openLakeWithTableT, translated } from './typed-table-t.js';

let engine: AthenaLocalEngine;
beforeAll(async () => {
  engine = await openLakeWithTableT();
});
afterAll(async () => engine.close());

describe('query levels over catalog tables of known column types', () => {
  it.each<[string, string, string[], unknown[][]]>([
    [
      "the hourly KPI's forms: coalesce, avg, count_if, nullif of a count",
      "SELECT coalesce(s, 'unknown') AS c, count(*) AS n, avg(i) AS a, count_if(i <= 2) AS neg, CAST(count_if(i <= 2) AS DOUBLE) / nullif(count(i), 0) AS share FROM t GROUP BY coalesce(s, 'unknown') ORDER BY c",
      ['varchar', 'bigint', 'double', 'bigint', 'double'],
      [
        ['app', 1, 5, 0, 0],
        ['unknown', 1, null, 0, null],
        ['web', 2, 0.5, 2, 1],
      ],
    ],
    ['integer columns in arithmetic compared by BETWEEN', 'SELECT k FROM t WHERE y * 100 + i BETWEEN 202601 AND 202610 ORDER BY k', ['integer'], [[1], [4]]],
    [
      'integer and bigint arithmetic',
      'SELECT k, y * 1000000 + i * 10000 + b AS v FROM t ORDER BY k',
      ['integer', 'bigint'],
      [
        [1, 2026020010],
        [2, 2025990020],
        [3, null],
        [4, 2026049997],
      ],
    ],
    ["the hourly alert's comparisons", "SELECT count(*) AS n FROM t WHERE y = year(TIMESTAMP '2026-12-06 10:00:00') AND i <= 2", ['bigint'], [[2]]],
    ['a double column compared: NaN is not greater', 'SELECT k FROM t WHERE d > 1 ORDER BY k', ['integer'], [[1], [2]]],
    ['avg of an integer over no rows', 'SELECT avg(i) AS a, count(*) AS n FROM t WHERE k > 10', ['double', 'bigint'], [[null, 0]]],
    ['avg of a bigint', 'SELECT avg(b) AS a FROM t', ['double'], [[9]]],
    [
      'coalesce of integer, bigint and a literal',
      'SELECT k, coalesce(i, b, 0) AS c FROM t ORDER BY k',
      ['integer', 'bigint'],
      [
        [1, 2],
        [2, -1],
        [3, 0],
        [4, 5],
      ],
    ],
    [
      'nullif of an integer column',
      'SELECT k, nullif(i, 2) AS v FROM t ORDER BY k',
      ['integer', 'integer'],
      [
        [1, null],
        [2, -1],
        [3, null],
        [4, 5],
      ],
    ],
    ['a varchar column compared with a string', "SELECT k FROM t WHERE s = 'web' ORDER BY k", ['integer'], [[1], [2]]],
    [
      'an ORDER BY naming a select item that renames a column',
      "SELECT k, s AS i FROM t WHERE i > 0 ORDER BY i = 'web', k",
      ['integer', 'varchar'],
      [
        [4, 'app'],
        [1, 'web'],
      ],
    ],
    [
      'a correlated subquery',
      'SELECT k, (SELECT count(*) FROM t AS u WHERE u.i <= t.k) AS c FROM t ORDER BY k',
      ['integer', 'bigint'],
      [
        [1, 1],
        [2, 2],
        [3, 2],
        [4, 2],
      ],
    ],
    ['a join on integer arithmetic and a bigint', 'SELECT a.k, b.k AS k2 FROM t a JOIN t b ON a.i + 8 = b.b ORDER BY 1, 2', ['integer', 'integer'], [[1, 1]]],
    [
      'a double over nullif of a count or an integer column (plain division), and over a bare count (Infinity kept)',
      'SELECT s, CAST(count_if(i > 0) AS DOUBLE) / nullif(count(i), 0) AS share, CAST(count(*) AS DOUBLE) / nullif(count(b), 0) AS per, CAST(count(*) AS DOUBLE) / nullif(y, 0) AS q, CAST(count(*) AS DOUBLE) / count(i) AS r FROM t GROUP BY s, y ORDER BY s NULLS FIRST, y',
      ['varchar', 'double', 'double', 'double', 'double'],
      [
        [null, null, null, 0.0004938271604938272, Number.POSITIVE_INFINITY],
        ['app', 1, 1, 0.0004935834155972359, 1],
        ['web', 0.5, 1, 0.0009871668311944718, 1],
      ],
    ],
  ])('%s answers as Trino', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });

  // Trino 476: TYPE_MISMATCH "Cannot apply operator: varchar(3) = integer", "All COALESCE operands must be the same
  // type…: integer and varchar(3)", "Types are not comparable with NULLIF: varchar(3) vs integer", "Cannot apply
  // operator: integer + date", "Cannot apply operator: date < integer"; NUMERIC_VALUE_OUT_OF_RANGE "integer
  // multiplication overflow: 5 * 1000000000".
  it.each<[string, string, RegExp]>([
    ['a varchar column compared with a number', 'SELECT k FROM t WHERE s = 1', /TYPE_MISMATCH/],
    ['coalesce of an integer and a varchar column', 'SELECT coalesce(i, s) AS c FROM t', /TYPE_MISMATCH/],
    ['nullif of a varchar column and a number', 'SELECT nullif(s, 0) AS c FROM t', /TYPE_MISMATCH/],
    ['an integer column plus a date column', 'SELECT y + dt AS c FROM t', /TYPE_MISMATCH/],
    ['a date column compared with a number', 'SELECT k FROM t WHERE dt > 0', /TYPE_MISMATCH/],
    ['an integer product past 2^31', 'SELECT i * 1000000000 AS c FROM t', /NUMERIC_VALUE_OUT_OF_RANGE|[Oo]verflow/],
  ])('%s fails as in Trino', async (_name, sql, error) => {
    await expect(engine.execute(sql)).rejects.toThrow(error);
  });

  it('known types leave out the checks and shims, unknown ones keep them', () => {
    const kpi = "SELECT coalesce(s, 'x') AS c, avg(i) AS a, count_if(i <= 2) AS n FROM t WHERE y * 100 + i > 5 GROUP BY 1";
    expect(translated(kpi)).not.toMatch(/typeof|trino_avg|trino_plus|trino_multiply|trino_nan_in/);
    expect(translated(kpi, false)).toMatch(/typeof\(\[/);
    expect(translated(kpi, false)).toMatch(/trino_avg_of/);
    const partition = "SELECT k FROM t WHERE y = year(TIMESTAMP '2026-12-06 10:00:00')";
    expect(translated(partition)).not.toMatch(/trino_text_comparable|typeof/);
    expect(translated(partition, false)).toMatch(/trino_text_comparable/);
    // A double over nullif(count, 0) divides as DuckDB does; over a count that may be zero it keeps trino_divide.
    expect(translated('SELECT CAST(count(*) AS DOUBLE) / nullif(count(i), 0) AS q FROM t')).not.toMatch(/trino_divide/);
    expect(translated('SELECT CAST(count(*) AS DOUBLE) / count(i) AS q FROM t')).toMatch(/trino_divide/);
    // A varchar column with a number, a double column (NaN), a derived table's column of a call, a lambda's parameter.
    expect(translated('SELECT k FROM t WHERE s = 1')).toMatch(/typeof\(\[/);
    expect(translated('SELECT k FROM t WHERE d > 1')).toMatch(/trino_nan_in/);
    expect(translated('SELECT k FROM t, (SELECT abs(k) AS q FROM t) AS v WHERE q > 1')).toMatch(/typeof\(\[/);
    expect(translated('SELECT transform(ARRAY[1], i -> i * 2) AS a FROM t')).toMatch(/trino_multiply/);
    // A name the statement defines as a WITH query is not the catalog's table.
    expect(translated("WITH t AS (SELECT 'a' AS y) SELECT y FROM t WHERE y = 1")).toMatch(/typeof\(\[/);
  });
});
