// Zoned timestamps in Trino 476, fifth pass (docs/issue-15-audit.md "Zoned timestamps and NaN, fifth pass"): Trino
// compares `timestamp with time zone` by instant; the local value is a struct of instant, zone and wall clock. Every
// value and type below is the shared Trino 476's answer to the same SQL.
import { describeFunctions } from './harness.js';

const UTC0 = "TIMESTAMP '2025-01-01 00:00:00 UTC'";
const PARIS1 = "TIMESTAMP '2025-01-01 01:00:00 +01:00'";
const NEXT_DAY = "TIMESTAMP '2025-01-02 00:00:00 UTC'";
const EARLIER = "TIMESTAMP '2024-12-31 00:00:00 UTC'";

// Columns compared inside a subquery that may read outer columns: their types are unseen where a typed shim's
// overload is chosen, so they take trino_cmp_outer (were: the structs, field by field).
const ST = `FROM (VALUES (${PARIS1}, ${UTC0}, ${NEXT_DAY})) v(s, t, u)`;
describeFunctions('zoned columns compared in a subquery that reads outer columns', [
  ['= in WHERE', `(SELECT count(*) FROM (VALUES 1) w(i) WHERE v.s = v.t) ${ST}`, 1, 'bigint'],
  ['= selected', `(SELECT v.s = v.t) ${ST}`, true, 'boolean'],
  ['IS DISTINCT FROM', `(SELECT count(*) FROM (VALUES 1) w(i) WHERE v.s IS DISTINCT FROM v.t) ${ST}`, 0, 'bigint'],
  ['<= and >=', `(SELECT count(*) FROM (VALUES 1) w(i) WHERE v.s <= v.t AND v.s >= v.t) ${ST}`, 1, 'bigint'],
  ['IN list', `(SELECT v.s IN (v.t)) ${ST}`, true, 'boolean'],
  ['BETWEEN', `(SELECT v.s BETWEEN v.t AND v.t) ${ST}`, true, 'boolean'],
  ['NOT IN, NOT BETWEEN', `(SELECT ARRAY[v.s NOT IN (v.t, v.u), v.s NOT BETWEEN v.t AND v.u]) ${ST}`, [false, false], 'array(boolean)'],
  ['CASE s WHEN t', `(SELECT CASE v.s WHEN v.t THEN 'same' ELSE 'other' END) ${ST}`, 'same', 'varchar'],
  ['nullif of one instant', `(SELECT nullif(v.s, v.t)) ${ST}`, null, 'timestamp(3) with time zone'],
  ['nullif of two instants', `(SELECT nullif(v.s, v.u)) ${ST}`, '2025-01-01 01:00:00.000 +01:00', 'timestamp(3) with time zone'],
  // NaN = NaN is false: nullif keeps NaN (Trino's JSON client shows it as null; is_nan of it is true there).
  ['nullif of NaN', `(SELECT nullif(v.x, v.y)) FROM (VALUES (nan(), nan(), ${UTC0})) v(x, y, z)`, Number.NaN, 'double'],
  ['an inner column and an outer one', `EXISTS (SELECT 1 FROM (VALUES ${UTC0}) w(u) WHERE w.u = s) FROM (VALUES (${PARIS1})) v(s)`, true, 'boolean'],
  [
    'counted per outer row',
    `WITH v(k, s) AS (VALUES (1, ${PARIS1}), (2, TIMESTAMP '2025-01-01 05:00:00 UTC'))
     SELECT (SELECT count(*) FROM (VALUES ${UTC0}, TIMESTAMP '2025-01-01 02:00:00 +02:00') w(u) WHERE w.u = v.s) FROM v ORDER BY k`,
    2,
    'bigint',
  ],
  [
    'array_sort with a comparator over an outer array',
    `(SELECT array_sort(v.a, (x, y) -> CASE WHEN x < y THEN -1 WHEN x > y THEN 1 ELSE 0 END)) FROM (VALUES ARRAY[${UTC0}, ${PARIS1}, ${EARLIER}]) v(a)`,
    ['2024-12-31 00:00:00.000 UTC', '2025-01-01 00:00:00.000 UTC', '2025-01-01 01:00:00.000 +01:00'],
    'array(timestamp(3) with time zone)',
  ],
  [
    'zip_with x = y over outer arrays',
    `(SELECT zip_with(v.a, v.b, (x, y) -> x = y)) FROM (VALUES (ARRAY[${PARIS1}], ARRAY[${UTC0}])) v(a, b)`,
    [true],
    'array(boolean)',
  ],
  // Other types keep their comparisons in such statements: NaN equals nothing, NULL compares as NULL.
  [
    'doubles holding NaN',
    `(SELECT ARRAY[v.x = v.y, v.x < v.y, v.x IN (v.y), v.x BETWEEN v.y AND v.y, v.x IS DISTINCT FROM v.y]) FROM (VALUES (nan(), nan(), ${UTC0})) v(x, y, z)`,
    [false, false, false, false, false],
    'array(boolean)',
  ],
  [
    'a NULL-typed column',
    `(SELECT ARRAY[v.x = v.y, v.x IN (v.y), v.x IS DISTINCT FROM v.y]) FROM (VALUES (NULL, 1, ${UTC0})) v(x, y, z)`,
    [null, null, true],
    'array(boolean)',
  ],
  ['texts', `(SELECT ARRAY[v.x = v.y, v.x < v.y, v.x IN (v.y)]) FROM (VALUES ('a', 'b', ${UTC0})) v(x, y, z)`, [false, true, false], 'array(boolean)'],
  ['decimals and integers', `(SELECT ARRAY[v.x = v.y, v.x < v.y]) FROM (VALUES (1.5, 2, ${UTC0})) v(x, y, z)`, [false, true], 'array(boolean)'],
]);

// A subquery that opens a call's argument may read outer columns, as one after an operator does (was: rendered as a
// statement's first query, so typed shims took its outer columns' types from nothing).
describeFunctions('a subquery opening a call argument reads outer columns', [
  ['decimal product', 'coalesce((SELECT v.a * v.b), 0) FROM (VALUES (1.5, 2.25)) v(a, b)', '3.375', 'decimal(13,3)'],
  ['zoned columns compared', `array_agg((SELECT v.s = v.t)) FROM (VALUES (${PARIS1}, ${UTC0})) v(s, t)`, [true], 'array(boolean)'],
  [
    'counted per outer row, ordered',
    `WITH v(k, s) AS (VALUES (1, ${PARIS1}), (2, TIMESTAMP '2025-01-01 05:00:00 UTC'))
     SELECT array_agg((SELECT count(*) FROM (VALUES ${UTC0}, TIMESTAMP '2025-01-01 02:00:00 +02:00') w(u) WHERE w.u = v.s) ORDER BY k) FROM v`,
    [2, 0],
    'array(bigint)',
  ],
]);

// A comparator or zip_with over an aggregate's elements: they go through trino_cmp_outer, whose overload is picked
// where the aggregate has its type (were: the structs, the zone name ordering one instant's ties).
const DESCENDING = '(x, y) -> CASE WHEN x < y THEN 1 WHEN x > y THEN -1 ELSE 0 END';
describeFunctions('zoned elements of an aggregate compared inside inlined lambdas', [
  [
    'array_sort(array_agg(t), ascending): ties keep input order',
    `array_sort(array_agg(t), (x, y) -> CASE WHEN x < y THEN -1 WHEN x > y THEN 1 ELSE 0 END) FROM (VALUES ${UTC0}, ${PARIS1}, ${EARLIER}) v(t)`,
    ['2024-12-31 00:00:00.000 UTC', '2025-01-01 00:00:00.000 UTC', '2025-01-01 01:00:00.000 +01:00'],
    'array(timestamp(3) with time zone)',
  ],
  [
    'array_sort(array_agg(t), descending)',
    `array_sort(array_agg(t), ${DESCENDING}) FROM (VALUES ${PARIS1}, ${UTC0}, ${EARLIER}) v(t)`,
    ['2025-01-01 01:00:00.000 +01:00', '2025-01-01 00:00:00.000 UTC', '2024-12-31 00:00:00.000 UTC'],
    'array(timestamp(3) with time zone)',
  ],
  [
    'array_sort(array_agg(t) FILTER …, IF comparator)',
    `array_sort(array_agg(t) FILTER (WHERE t IS NOT NULL), (x, y) -> IF(x < y, 1, IF(x = y, 0, -1))) FROM (VALUES ${PARIS1}, ${UTC0}, ${NEXT_DAY}) v(t)`,
    ['2025-01-02 00:00:00.000 UTC', '2025-01-01 01:00:00.000 +01:00', '2025-01-01 00:00:00.000 UTC'],
    'array(timestamp(3) with time zone)',
  ],
  ['zip_with of two aggregates', `zip_with(array_agg(s), array_agg(t), (x, y) -> x = y) FROM (VALUES (${PARIS1}, ${UTC0})) v(s, t)`, [true], 'array(boolean)'],
  [
    'other types beside a zoned literal',
    `array_sort(array_agg(x), ${DESCENDING}) FROM (VALUES (3, ${UTC0}), (1, ${UTC0}), (2, ${UTC0})) v(x, z)`,
    [3, 2, 1],
    'array(integer)',
  ],
  ['texts', `array_sort(array_agg(x), ${DESCENDING}) FROM (VALUES 'b', 'a', 'c') v(x)`, ['c', 'b', 'a'], 'array(varchar)'],
]);

// A UNION ALL in a statement that makes zoned values keeps its ORDER BY and LIMIT (the zoned-rows check rebuilt the
// set operation from its branches and dropped them).
describeFunctions('UNION ALL with ORDER BY and LIMIT in a statement that makes zoned values', [
  ['ORDER BY', `WITH q AS (SELECT 1) SELECT k FROM (VALUES 2, 1) v(k) UNION ALL SELECT hour(${UTC0}) ORDER BY k`, 0, 'bigint'],
  ['ORDER BY … LIMIT', `sum(k) FROM (SELECT k FROM (VALUES 2, 1) v(k) UNION ALL SELECT hour(${UTC0}) ORDER BY k LIMIT 2)`, 1, 'bigint'],
  ['zoned columns', `WITH q AS (SELECT 1) SELECT k, t FROM (VALUES (2, ${UTC0})) v(k, t) UNION ALL SELECT 1, ${PARIS1} ORDER BY k`, 1, 'integer'],
]);

// A query's ORDER BY expressions, ordinals and output aliases of zoned values sort by instant, one instant's ties by
// the next key (were: the struct, whose zone name put 01:00 +01:00 before 00:00 UTC). The first row is checked.
const TIED = `FROM (VALUES (1, ${UTC0}), (2, ${PARIS1})) v(k, t)`;
const first = (sql: string) => `WITH q AS (SELECT 1) ${sql}`;
describeFunctions('ORDER BY expressions, ordinals and aliases of zoned values', [
  ['an expression', first(`SELECT k ${TIED} ORDER BY t + INTERVAL '1' HOUR, k`), 1, 'integer'],
  ['a call', first(`SELECT k ${TIED} ORDER BY coalesce(t, t), k`), 1, 'integer'],
  ['an ordinal', first(`SELECT k, t ${TIED} ORDER BY 2, 1`), 1, 'integer'],
  ['an output alias', first(`SELECT k, t AS u ${TIED} ORDER BY u, k`), 1, 'integer'],
  ['an output alias, descending', first(`SELECT k, t AS u ${TIED} ORDER BY u DESC, k DESC`), 2, 'integer'],
  ['aliases that swap column names', first(`SELECT k AS t, t AS k ${TIED} ORDER BY k, t`), 1, 'integer'],
  ['a column of SELECT *', first(`SELECT * ${TIED} ORDER BY t, k`), 1, 'integer'],
  ['an aggregate alias', first(`SELECT k, max(t) AS m ${TIED} GROUP BY k ORDER BY m, k`), 1, 'integer'],
  ['an aggregate ordinal', first(`SELECT k, max(t) ${TIED} GROUP BY k ORDER BY 2, 1`), 1, 'integer'],
  ['a window call', first(`SELECT k ${TIED} ORDER BY max(t) OVER (PARTITION BY k), k`), 1, 'integer'],
  ['texts in such a statement', first(`SELECT k, x FROM (VALUES (1, 'b', ${UTC0}), (2, 'a', ${UTC0})) v(k, x, t) ORDER BY 2`), 2, 'integer'],
]);

// max_by(x, key, n) and min_by(x, key, n) compare zoned keys by instant: one instant in two zones is a tie, whose order
// is Trino's heap's, refused as other ties are (were: distinct structs, answered in zone-name order, silent).
const THREE = `FROM (VALUES (1, ${UTC0}), (2, ${PARIS1}), (3, ${EARLIER})) v(k, t)`;
describeFunctions(
  'max_by and min_by with n of zoned keys',
  [
    ['distinct instants answer', `max_by(k, t, 2) FROM (VALUES (1, ${UTC0}), (2, ${NEXT_DAY}), (3, ${EARLIER})) v(k, t)`, [2, 1], 'array(integer)'],
    ['a tie past the n + 1 first keys answers', `min_by(k, t, 1) ${THREE}`, [3], 'array(integer)'],
  ],
  [
    ['max_by(k, t, 2) over a tie of one instant in two zones', `max_by(k, t, 2) ${THREE}`, /heap's order/],
    ['min_by(k, t, 2) over the same', `min_by(k, t, 2) ${THREE}`, /heap's order/],
  ],
);
