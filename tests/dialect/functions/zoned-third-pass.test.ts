// Zoned timestamps in Trino 476, third pass (docs/issue-15-audit.md "Zoned timestamps and NaN, third pass"): Trino
// compares `timestamp with time zone` by instant; the local value is a struct of instant, zone and wall clock. Every
// value and type below is the shared Trino 476's answer to the same SQL.
import { describeFunctions } from './harness.js';

const UTC0 = "TIMESTAMP '2025-01-01 00:00:00 UTC'";
const PARIS1 = "TIMESTAMP '2025-01-01 01:00:00 +01:00'";
const PLAIN23 = "TIMESTAMP '2024-12-31 23:00:00'";
const utc0s = `(SELECT u FROM (VALUES ${UTC0}) b(u))`;

// IN, = ANY and <> ALL of a subquery match by instant (the local structs matched field by field: no match).
describeFunctions('zoned values IN a subquery', [
  [
    'WHERE t IN (SELECT zoned)',
    `array_agg(t) FROM (VALUES ${PARIS1}) a(t) WHERE t IN ${utc0s}`,
    ['2025-01-01 01:00:00.000 +01:00'],
    'array(timestamp(3) with time zone)',
  ],
  [
    'IN, NOT IN, = ANY, <> ALL in a select list',
    `ARRAY[t IN ${utc0s}, t NOT IN ${utc0s}, t = ANY ${utc0s}, t <> ALL ${utc0s}] FROM (VALUES ${PARIS1}) a(t)`,
    [true, false, true, false],
    'array(boolean)',
  ],
  [
    'WHERE t NOT IN (SELECT zoned)',
    `array_agg(t) FROM (VALUES ${PARIS1}, TIMESTAMP '2025-01-02 01:00:00 +01:00') a(t) WHERE t NOT IN ${utc0s}`,
    ['2025-01-02 01:00:00.000 +01:00'],
    'array(timestamp(3) with time zone)',
  ],
  [
    'a plain timestamp IN (SELECT zoned)',
    `p IN (SELECT u FROM (VALUES TIMESTAMP '2025-01-01 00:00:00 +01:00') b(u)) FROM (VALUES ${PLAIN23}) a(p)`,
    true,
    'boolean',
  ],
  [
    'a zoned value IN (SELECT plain)',
    `t IN (SELECT u FROM (VALUES ${PLAIN23}) b(u)) FROM (VALUES TIMESTAMP '2025-01-01 00:00:00 +01:00') a(t)`,
    true,
    'boolean',
  ],
  ['an aggregate IN (SELECT zoned)', `max(t) IN ${utc0s} FROM (VALUES ${PARIS1}) a(t)`, true, 'boolean'],
  [
    'inside a subquery that may reference outer columns',
    `(SELECT count(*) FROM (VALUES ${PARIS1}) w(z) WHERE z IN ${utc0s}) FROM (VALUES 1) t(a)`,
    1,
    'bigint',
  ],
  [
    'integers, correlated',
    'array_agg(a IN (SELECT b FROM (VALUES 1, 2) u(b) WHERE b >= t.a - 1 AND b < t.a)) FROM (VALUES 1, 2, 3) t(a)',
    [false, false, false],
    'array(boolean)',
  ],
  ['decimals of two scales', 'd IN (SELECT CAST(1.50 AS decimal(5,2))) FROM (VALUES CAST(1.5 AS decimal(3,1))) t(d)', true, 'boolean'],
  // The quantified orderings compare with the subquery's bounds by instant (quantified-comparisons.ts).
  ['t >= ALL (SELECT one instant in another zone)', `${PARIS1} >= ALL (SELECT ${UTC0})`, true, 'boolean'],
  ['t > ALL, t <= ANY', `ARRAY[t <= ANY ${utc0s}, t > ALL ${utc0s}] FROM (VALUES ${PARIS1}) w(t)`, [true, false], 'array(boolean)'],
]);

// m[k] and element_at(m, k) with a zoned key that is a column or an aggregate (not visibly zoned) find the key of its
// instant in another zone (was: "Key not present in map" and NULL).
const MAP_K = (k: string) => `FROM (VALUES (MAP(ARRAY[${UTC0}], ARRAY[1]), ${k})) a(m, k)`;
describeFunctions(
  'maps looked up by a zoned column',
  [
    ['m[k], element_at(m, k)', `ARRAY[m[k], element_at(m, k)] ${MAP_K(PARIS1)}`, [1, 1], 'array(integer)'],
    // (A map is no GROUP BY key locally since maps21: refused, maps-as-keys.test.ts; arbitrary(m) keeps the lookup.)
    ['arbitrary(m)[max(k)]', `arbitrary(m)[max(k)] ${MAP_K(PARIS1)}`, 1, 'integer'],
    ['element_at of a missing instant', `element_at(m, k) ${MAP_K("TIMESTAMP '2025-01-02 01:00:00 +01:00'")}`, null, 'integer'],
    ['m[k] in a subquery that may reference outer columns', `(SELECT m[k] FROM (VALUES 1) u(y)) ${MAP_K(PARIS1)}`, 1, 'integer'],
    [
      'arrays and maps of other keys',
      "ARRAY[a[i], element_at(a, i), arbitrary(m)[s], element_at(arbitrary(m), s), a[max(i)]] FROM (VALUES (ARRAY[10, 20], 2, MAP(ARRAY['x'], ARRAY[5]), 'x')) t(a, i, m, s) GROUP BY a, i, s",
      [20, 20, 5, 5, 20],
      'array(integer)',
    ],
    // The sum of the two (Trino: 40) fails to bind locally since decimal sums go through trino_plus (open list).
    [
      'an outer index of an array',
      '(SELECT ARRAY[a[t.i], element_at(a, t.i)] FROM (VALUES 1) u(y)) FROM (VALUES (ARRAY[10, 20], 2)) t(a, i)',
      [20, 20],
      'array(integer)',
    ],
  ],
  [['m[k] of a missing instant', `m[k] ${MAP_K("TIMESTAMP '2025-01-02 01:00:00 +01:00'")}`, /Key not present in map/]],
);

// max(x, n) and min(x, n) list equal instants in the order Trino meets them; refused where an instant comes in two
// zones (min(t, 1) of 01:00 +01:00 and 00:00 UTC is [01:00 +01:00] in Trino 476, locally the zone name chose).
const TOP_APART = /max\(x, n\) and min\(x, n\) of timestamp with time zone values are refused locally where one instant comes in different zones/;
const ZONED3 = "FROM (VALUES TIMESTAMP '2025-01-01 01:00:00 +01:00', TIMESTAMP '2025-01-02 00:00:00 UTC', TIMESTAMP '2025-01-03 00:00:00 +05:00') a(t)";
describeFunctions(
  'max(x, n) and min(x, n) of zoned values',
  [
    [
      'max(t, 2) of three instants',
      `max(t, 2) ${ZONED3}`,
      ['2025-01-03 00:00:00.000 +05:00', '2025-01-02 00:00:00.000 UTC'],
      'array(timestamp(3) with time zone)',
    ],
    [
      'min(t, 2) of three instants',
      `min(t, 2) ${ZONED3}`,
      ['2025-01-01 01:00:00.000 +01:00', '2025-01-02 00:00:00.000 UTC'],
      'array(timestamp(3) with time zone)',
    ],
    [
      'one value twice in one zone',
      `max(t, 2) FROM (VALUES ${PARIS1}, ${PARIS1}) a(t)`,
      ['2025-01-01 01:00:00.000 +01:00', '2025-01-01 01:00:00.000 +01:00'],
      'array(timestamp(3) with time zone)',
    ],
    [
      'with FILTER',
      `max(t, 2) FILTER (WHERE t > ${UTC0}) ${ZONED3}`,
      ['2025-01-03 00:00:00.000 +05:00', '2025-01-02 00:00:00.000 UTC'],
      'array(timestamp(3) with time zone)',
    ],
    ['integers', `max(x, 2) FROM (VALUES 1, 3, 2) a(x) WHERE ${UTC0} IS NOT NULL`, [3, 2], 'array(integer)'],
  ],
  [
    ['refused locally (Trino: [01:00 +01:00]), min(t, 1) of one instant in two zones', `min(t, 1) FROM (VALUES ${PARIS1}, ${UTC0}) a(t)`, TOP_APART],
    ['refused locally, max(t, 3) over a window', `max(t, 3) OVER () FROM (VALUES ${PARIS1}, ${UTC0}) a(t)`, TOP_APART],
  ],
);

// JOIN … USING of zoned keys: Trino 476 joins by instant and shows the left key (01:00 +01:00 USING 00:00 UTC is one
// row); the local structs joined field by field (no row), so a zoned key is refused while running. ON is by instant.
const USING_APART = /JOIN … USING of timestamp with time zone keys is refused locally/;
const LEFT = `(VALUES (${PARIS1}, 1)) a(t, x)`;
const RIGHT = `(VALUES (${UTC0}, 2)) b(t, y)`;
describeFunctions(
  'JOIN … USING of zoned keys',
  [
    ['ON a.t = b.t joins by instant', `count(*) FROM ${LEFT} JOIN ${RIGHT} ON a.t = b.t`, 1, 'bigint'],
    [
      'USING of plain timestamps',
      "count(*) FROM (VALUES TIMESTAMP '2025-01-01 00:00:00') a(t) JOIN (VALUES TIMESTAMP '2025-01-01 00:00:00') b(t) USING (t)",
      1,
      'bigint',
    ],
    ['USING of NULL zoned keys', `count(*) FROM ${LEFT} LEFT JOIN (VALUES (CAST(NULL AS timestamp with time zone), 2)) b(t, y) USING (t)`, 1, 'bigint'],
  ],
  [
    ['refused locally (Trino: 1 row), JOIN USING', `count(*) FROM ${LEFT} JOIN ${RIGHT} USING (t)`, USING_APART],
    ['refused locally (Trino: 1 row), LEFT JOIN USING', `count(*) FROM ${LEFT} LEFT JOIN ${RIGHT} USING (t)`, USING_APART],
    ['refused locally (Trino: 1 row), FULL JOIN USING', `count(*) FROM ${LEFT} FULL JOIN ${RIGHT} USING (t)`, USING_APART],
  ],
);

// Two zoned columns (or a column and a lambda's parameter) compared: by instant, as Trino 476 (01:00 +01:00 = 00:00 UTC
// is true); the local structs compared field by field.
const ST = `FROM (VALUES (${PARIS1}, ${UTC0})) v(s, t)`;
describeFunctions('zoned columns compared with each other', [
  ['=, <, <=, <>', `ARRAY[s = t, s < t, s <= t, s <> t] ${ST}`, [true, false, true, false], 'array(boolean)'],
  ['IS [NOT] DISTINCT FROM', `ARRAY[s IS DISTINCT FROM t, s IS NOT DISTINCT FROM t] ${ST}`, [false, true], 'array(boolean)'],
  ['WHERE s = t', `count(*) ${ST} WHERE s = t`, 1, 'bigint'],
  ['a lambda parameter = a column', `transform(ARRAY[${PARIS1}], x -> x = t) FROM (VALUES ${UTC0}) v(t)`, [true], 'array(boolean)'],
  [
    'any_match, all_match',
    `ARRAY[any_match(a, x -> x = t), all_match(a, x -> x >= t)] FROM (VALUES (ARRAY[${PARIS1}], ${UTC0})) v(a, t)`,
    [true, true],
    'array(boolean)',
  ],
  ['integers and texts as before', "ARRAY[a = b, c < d] FROM (VALUES (1, 1, 'a', 'b')) v(a, b, c, d)", [true, true], 'array(boolean)'],
  ['a column of NULLs', 'ARRAY[a = b, a < b] FROM (VALUES (NULL, 1)) v(a, b)', [null, null], 'array(boolean)'],
  ['nullif(s, t) of two zoned columns', `ARRAY[nullif(s, t), nullif(t, s)] ${ST}`, [null, null], 'array(timestamp(3) with time zone)'],
  [
    'nullif of NaN columns',
    'ARRAY[nullif(x, y), nullif(x, z), nullif(z, x)] FROM (VALUES (nan(), nan(), 1e0)) v(x, y, z)',
    [Number.NaN, Number.NaN, 1],
    'array(double)',
  ],
  ['nullif of a column of NULLs', 'nullif(a, b) FROM (VALUES (NULL, 1)) v(a, b)', null, 'unknown'],
]);

// array_sort of a zoned array column: by instant, equal instants in input order (Trino's sort is stable), NULLs last.
const Q2 = "TIMESTAMP '2025-01-01 02:00:00 +01:00'";
describeFunctions('array_sort of zoned arrays', [
  [
    'equal instants keep their order',
    `array_sort(a) FROM (VALUES ARRAY[${Q2}, ${UTC0}, ${PARIS1}]) v(a)`,
    ['2025-01-01 00:00:00.000 UTC', '2025-01-01 01:00:00.000 +01:00', '2025-01-01 02:00:00.000 +01:00'],
    'array(timestamp(3) with time zone)',
  ],
  [
    'NULLs last',
    `array_sort(a) FROM (VALUES ARRAY[${Q2}, NULL, ${PARIS1}, ${UTC0}]) v(a)`,
    ['2025-01-01 01:00:00.000 +01:00', '2025-01-01 00:00:00.000 UTC', '2025-01-01 02:00:00.000 +01:00', null],
    'array(timestamp(3) with time zone)',
  ],
  ['a NULL array', 'array_sort(a) FROM (VALUES CAST(NULL AS array(timestamp with time zone))) v(a)', null, 'array(timestamp(3) with time zone)'],
  ['integers as before', 'array_sort(a) FROM (VALUES ARRAY[3, NULL, 1, 2]) v(a)', [1, 2, 3, null], 'array(integer)'],
]);
