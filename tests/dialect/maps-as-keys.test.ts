// Maps as keys (docs/issue-15-audit.md "Maps as keys and sorted nested values, seventh pass"): Trino 476 compares
// maps as sets of entries, DuckDB in entry order. Every expectation is the shared Trino 476's answer (value and
// type), or its error, or the local refusal where Trino answers (a map as a GROUP BY key, in DISTINCT rows or a set
// operation's rows: refused while binding).
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo, makeProject } from '../project/project-helpers.js';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

// m of row 1 and n of row 1 hold the same entries in two orders; m of row 2 too.
const T =
  "(VALUES (1, MAP(ARRAY[1, 2], ARRAY['a', 'b']), MAP(ARRAY[2, 1], ARRAY['b', 'a'])), (2, MAP(ARRAY[2, 1], ARRAY['b', 'a']), MAP(ARRAY[1], ARRAY['a']))) t(i, m, n)";
// Double values NaN and -0.0 / 0.0 in two orders: one map.
const D = '(VALUES (MAP(ARRAY[1, 2], ARRAY[nan(), 0e0])), (MAP(ARRAY[2, 1], ARRAY[-0e0, nan()]))) t(d)';
// Zoned values: one instant in two zones, the entries in two orders.
const Z =
  "(VALUES (MAP(ARRAY['x', 'y'], ARRAY[TIMESTAMP '2025-01-01 00:00 UTC', TIMESTAMP '2025-01-01 02:00 +02:00'])), (MAP(ARRAY['y', 'x'], ARRAY[TIMESTAMP '2025-01-01 00:00 UTC', TIMESTAMP '2025-01-01 01:00 +01:00']))) t(z)";

describe('maps counted and deduplicated as sets of entries', () => {
  it.each<[string, string, string[], unknown[][]]>([
    [
      'count(DISTINCT m), approx_distinct(m), of an array of maps',
      `SELECT count(DISTINCT m) c, approx_distinct(m) a, count(DISTINCT ARRAY[m]) l FROM ${T}`,
      ['c bigint', 'a bigint', 'l bigint'],
      [[1, 1, 1]],
    ],
    ['count(DISTINCT m) FILTER', `SELECT count(DISTINCT m) FILTER (WHERE i > 0) c FROM ${T}`, ['c bigint'], [[1]]],
    [
      'count(DISTINCT m) OVER ()',
      `SELECT i, count(DISTINCT m) OVER () c FROM ${T} ORDER BY i`,
      ['i integer', 'c bigint'],
      [
        [1, 1],
        [2, 1],
      ],
    ],
    ['double values NaN and -0.0', `SELECT count(DISTINCT d) c, cardinality(array_agg(DISTINCT d)) a FROM ${D}`, ['c bigint', 'a bigint'], [[1, 1]]],
    ['zoned values by instant', `SELECT count(DISTINCT z) c FROM ${Z}`, ['c bigint'], [[1]]],
    ['a NULL map is not counted', 'SELECT count(DISTINCT x) c FROM (VALUES CAST(NULL AS map(integer, varchar))) s(x)', ['c bigint'], [[0]]],
    ['array_agg(DISTINCT m) keeps one', `SELECT cardinality(array_agg(DISTINCT m)) c FROM ${T}`, ['c bigint'], [[1]]],
    ['array_distinct of maps, NULL kept once', `SELECT cardinality(array_distinct(ARRAY[m, n, NULL, m])) c FROM ${T} ORDER BY i`, ['c bigint'], [[2], [3]]],
    [
      'array_distinct keeps the first map as it is',
      `SELECT map_keys(array_distinct(ARRAY[m, n])[1]) k FROM ${T} ORDER BY i`,
      ['k array(integer)'],
      [[[1, 2]], [[2, 1]]],
    ],
    ['array_distinct of arrays of maps', `SELECT array_distinct(ARRAY[ARRAY[m], ARRAY[n]]) = ARRAY[ARRAY[m]] c FROM ${T} WHERE i = 1`, ['c boolean'], [[true]]],
    [
      'plain values as before',
      `SELECT count(DISTINCT i) c, approx_distinct(i) a, array_agg(DISTINCT i ORDER BY i) g FROM ${T}`,
      ['c bigint', 'a bigint', 'g array(integer)'],
      [[2, 2, [1, 2]]],
    ],
  ])('%s', async (_what, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });
});

describe('IS [NOT] DISTINCT FROM of map columns', () => {
  it.each<[string, string, string[], unknown[][]]>([
    [
      'two columns',
      `SELECT i, m IS DISTINCT FROM n d, t.m IS NOT DISTINCT FROM t.n e FROM ${T} ORDER BY i`,
      ['i integer', 'd boolean', 'e boolean'],
      [
        [1, false, true],
        [2, true, false],
      ],
    ],
    ['in WHERE beside another', `SELECT i FROM ${T} WHERE m IS NOT DISTINCT FROM n AND i IS DISTINCT FROM 2`, ['i integer'], [[1]]],
    ['arrays of map columns', `SELECT i FROM ${T} WHERE ARRAY[m] IS DISTINCT FROM ARRAY[n]`, ['i integer'], [[2]]],
    [
      'with NULL',
      `SELECT i, m IS DISTINCT FROM NULL d FROM ${T} ORDER BY i`,
      ['i integer', 'd boolean'],
      [
        [1, true],
        [2, true],
      ],
    ],
    [
      'doubles as before (NaN, -0.0)',
      'SELECT x IS DISTINCT FROM y d FROM (VALUES (nan(), nan()), (0e0, -0e0), (1e0, NULL)) t(x, y)',
      ['d boolean'],
      [[false], [false], [true]],
    ],
  ])('%s', async (_what, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });
});

const REFUSED =
  /a map as a GROUP BY key or in the rows of SELECT DISTINCT, UNION, INTERSECT or EXCEPT .* is refused locally: Athena compares maps as sets of entries/;
const NOT_ORDERABLE = /a map is not orderable .* cannot be a PARTITION BY key on Athena/;

describe('maps as grouping keys: refused while binding', () => {
  it.each<[string, string, RegExp]>([
    // Trino 476: one row {1: a, 2: b}.
    ['SELECT DISTINCT m', `SELECT DISTINCT m FROM ${T}`, REFUSED],
    // Trino 476: {1: a, 2: b}, 2.
    ['GROUP BY m', `SELECT m, count(*) c FROM ${T} GROUP BY m`, REFUSED],
    // Trino 476: 2.
    ['GROUP BY ARRAY[m] with HAVING', `SELECT count(*) c FROM ${T} GROUP BY ARRAY[m] HAVING count(*) > 0`, REFUSED],
    ['GROUP BY ROLLUP', `SELECT count(*) c FROM ${T} GROUP BY ROLLUP (i, m)`, REFUSED],
    ['over no rows', `SELECT DISTINCT m FROM ${T} WHERE i > 5`, REFUSED],
    // Trino 476: {1: a, 2: b} and {1: a}.
    ['UNION', `SELECT m FROM ${T} UNION SELECT n FROM ${T}`, REFUSED],
    // Trino 476: GENERIC_INTERNAL_ERROR map(integer, varchar(1)) is not orderable.
    ['INTERSECT ALL', `SELECT m FROM ${T} INTERSECT ALL SELECT n FROM ${T}`, REFUSED],
    ['EXCEPT ALL', `SELECT m FROM ${T} EXCEPT ALL SELECT n FROM ${T}`, REFUSED],
    ['a DISTINCT subquery', `SELECT count(*) FROM (SELECT DISTINCT ARRAY[m] FROM ${T})`, REFUSED],
    // Trino 476: GENERIC_INTERNAL_ERROR java.lang.UnsupportedOperationException: map(integer, varchar(1)) is not orderable.
    ['PARTITION BY m', `SELECT i, rank() OVER (PARTITION BY m ORDER BY i) r FROM ${T}`, NOT_ORDERABLE],
  ])('%s', async (_what, sql, message) => {
    await expect(engine.execute(sql)).rejects.toThrow(message);
  });

  it.each<[string, string, string[], unknown[][]]>([
    [
      'GROUP BY a plain key',
      `SELECT i, count(*) c FROM ${T} GROUP BY i HAVING count(*) > 0 ORDER BY i`,
      ['i integer', 'c bigint'],
      [
        [1, 1],
        [2, 1],
      ],
    ],
    ['UNION ALL of maps', `SELECT count(*) c FROM (SELECT m FROM ${T} UNION ALL SELECT n FROM ${T})`, ['c bigint'], [[4]]],
    ['DISTINCT of a plain column, ORDER BY', `SELECT DISTINCT i FROM ${T} ORDER BY i DESC`, ['i integer'], [[2], [1]]],
    ['UNION of plain columns, ORDER BY', `SELECT i FROM ${T} UNION SELECT 3 ORDER BY 1`, ['i integer'], [[1], [2], [3]]],
    [
      'PARTITION BY a plain key',
      `SELECT i, rank() OVER (PARTITION BY i ORDER BY i) r FROM ${T} ORDER BY i`,
      ['i integer', 'r bigint'],
      [
        [1, 1],
        [2, 1],
      ],
    ],
  ])('%s answers as Trino', async (_what, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });
});

// array_max/array_min of arrays or rows holding NULL elements: Trino 476 compares each element with the one kept so
// far and fails where that comparison meets a NULL before the order is decided.
const NULL_ARRAY = /^ARRAY comparison not supported for arrays with null elements/;
describe('array_max and array_min of arrays with NULL elements', () => {
  it.each<[string, string, string[], unknown[][]]>([
    ['decided before the NULL', 'SELECT array_max(ARRAY[ARRAY[1, NULL], ARRAY[2, 2]]) x', ['x array(integer)'], [[[2, 2]]]],
    ['a NULL never compared', 'SELECT array_min(ARRAY[ARRAY[1, NULL], ARRAY[2, 2], ARRAY[2, NULL]]) x', ['x array(integer)'], [[[1, null]]]],
    ['one element', 'SELECT array_max(ARRAY[ARRAY[1, NULL]]) x', ['x array(integer)'], [[[1, null]]]],
    ['texts', "SELECT array_min(a) x FROM (VALUES ARRAY[ARRAY['b', NULL], ARRAY['a', 'c']]) t(a)", ['x array(varchar)'], [[['a', 'c']]]],
    [
      'decided by length',
      'SELECT array_max(a) x FROM (VALUES ARRAY[ARRAY[ARRAY[1]], ARRAY[ARRAY[1, NULL]]]) t(a)',
      ['x array(array(integer))'],
      [[[[1, null]]]],
    ],
  ])('%s', async (_what, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it.each<[string, string, RegExp]>([
    ['equal up to the NULL', 'SELECT array_max(ARRAY[ARRAY[1, NULL], ARRAY[1, 2]])', NULL_ARRAY],
    ['the NULL in the later element', 'SELECT array_max(ARRAY[ARRAY[1, 2], ARRAY[1, NULL]])', NULL_ARRAY],
    ['met against the element kept', 'SELECT array_max(ARRAY[ARRAY[1, NULL], ARRAY[2, 2], ARRAY[2, NULL]])', NULL_ARRAY],
    ['a column', 'SELECT array_max(a) FROM (VALUES ARRAY[ARRAY[3, NULL], ARRAY[2, 2], ARRAY[3, 1]]) t(a)', NULL_ARRAY],
    [
      'rows',
      'SELECT array_max(a) FROM (VALUES ARRAY[CAST(ROW(1, NULL) AS ROW(p integer, q integer)), CAST(ROW(1, 2) AS ROW(p integer, q integer))]) t(a)',
      /^ROW comparison not supported for fields with null elements/,
    ],
  ])('%s fails as in Trino', async (_what, sql, message) => {
    await expect(engine.execute(sql)).rejects.toThrow(message);
  });
});

describe('lake lint', () => {
  it('reports a GROUP BY of a map column of a table, at the model', async () => {
    const ddl = "CREATE EXTERNAL TABLE tags (id INT, attrs MAP<STRING, STRING>)\nSTORED AS PARQUET\nLOCATION 's3://${lake_bucket}/tags/'";
    const io = captureIo(makeProject({ 'sql/ddl/tags.sql': ddl, 'sql/transforms/by_attrs.sql': 'SELECT attrs, count(*) AS n\nFROM tags\nGROUP BY attrs\n' }));
    expect(await main(['lint', '--no-cache'], io)).toBe(1);
    expect(io.out.split('\n').filter((l) => l.startsWith('sql/'))).toEqual([
      expect.stringMatching(/^sql\/transforms\/by_attrs\.sql:\d+:\d+: error \[bind\/query\] a map as a GROUP BY key/),
    ]);
  });
});
