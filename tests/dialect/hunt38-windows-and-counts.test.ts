// Found by hand beside the random tier's runs of seeds 20261300 and on (docs/issue-15-audit.md, "Random hunt with new
// seeds … branch hunt38"): a named window's EXCLUDE ran (Trino 476: SYNTAX_ERROR); approx_distinct of an aggregate
// over a window answered DuckDB's estimate (left by hunt37); approx_distinct of maps counted them as sets of entries
// where Trino counts their hashes, which collide; a zoned TIMESTAMP literal of a year outside 0000-9999 dropped its
// zone. Every value and type below is Trino 476's answer, and every error Trino's message, asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { checkFaithful } from '../../src/dialect/lint/index.js';
import { describeFunctions } from './functions/harness.js';

describe('EXCLUDE in a named window', () => {
  // Trino 476: SYNTAX_ERROR "line 1:157: mismatched input 'EXCLUDE'"; DuckDB answered [1, 8, 4], [2, 5, 2], ….
  it('is refused at lint time at the EXCLUDE', () => {
    const sql =
      'SELECT x, sum(x) OVER w AS s, count(*) OVER w AS c FROM (VALUES 1, 2, 2, 3) t(x) WINDOW w AS (ORDER BY x GROUPS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING EXCLUDE TIES) ORDER BY x, s';
    expect(checkFaithful(sql, { file: 'm.sql' })).toEqual([expect.objectContaining({ line: 1, col: 157, rule: 'unfaithful/window-exclude' })]);
  });

  it('is refused in a window built on a named one', () => {
    const sql = 'SELECT sum(x) OVER (w ROWS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW) AS s FROM (VALUES 1, 2) t(x) WINDOW w AS (ORDER BY x)';
    expect(checkFaithful(sql, { file: 'm.sql' })).toEqual([expect.objectContaining({ rule: 'unfaithful/window-exclude' })]);
  });

  it('leaves a named window without EXCLUDE alone', () => {
    const sql = 'SELECT sum(x) OVER w AS s FROM (VALUES 1, 2) t(x) WINDOW w AS (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)';
    expect(checkFaithful(sql, { file: 'm.sql' })).toEqual([]);
  });
});

const FORTY_DATES = "(SELECT k, date_add('day', k, DATE '2025-01-01') AS d FROM UNNEST(sequence(1, 40)) t(k))";

describeFunctions(
  'approx_distinct of an aggregate over a window: exact up to 250 values',
  [
    // DuckDB's estimate: 41.
    ['40 dates', `WITH g AS (SELECT k, approx_distinct(min(d)) OVER () AS a FROM ${FORTY_DATES} GROUP BY k) SELECT max(a) FROM g`, 40, 'bigint'],
    [
      'a growing frame',
      `WITH g AS (SELECT k, approx_distinct(max(d)) OVER (ORDER BY k) AS a FROM ${FORTY_DATES} GROUP BY k) SELECT array_agg(a ORDER BY k) FROM g WHERE k IN (1, 2, 40)`,
      [1, 2, 40],
      'array(bigint)',
    ],
    // The key macros' _any variants read these as timestamps ("invalid timestamp field format").
    [
      'of sums, by partition',
      'WITH g AS (SELECT k, approx_distinct(sum(x)) OVER (PARTITION BY k % 3) AS a FROM (SELECT k, k * 1.5e0 AS x FROM UNNEST(sequence(1, 300)) t(k)) GROUP BY k) SELECT max(a) FROM g',
      100,
      'bigint',
    ],
    [
      'of texts',
      "WITH g AS (SELECT k, approx_distinct(arbitrary(y)) OVER () AS a FROM (VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (5, 'e')) t(k, y) GROUP BY k) SELECT max(a) FROM g",
      5,
      'bigint',
    ],
    [
      'of counts',
      'WITH g AS (SELECT k, approx_distinct(count(*)) OVER () AS a FROM (VALUES (1, 1), (1, 2), (2, 3), (3, 3), (4, 1), (4, 2)) t(k, x) GROUP BY k) SELECT max(a) FROM g',
      2,
      'bigint',
    ],
    [
      'of arrays',
      'WITH g AS (SELECT k, approx_distinct(array_agg(x)) OVER () AS a FROM (VALUES (1, 1), (2, 1), (3, 3)) t(k, x) GROUP BY k) SELECT max(a) FROM g',
      2,
      'bigint',
    ],
    [
      'of NaN, 0.0, -0.0 and NULL',
      'WITH g AS (SELECT k, approx_distinct(max(x)) OVER () AS a FROM (VALUES (1, nan()), (2, nan()), (3, 0e0), (4, -0e0), (5, NULL)) t(k, x) GROUP BY k) SELECT max(a) FROM g',
      2,
      'bigint',
    ],
    [
      'of maps of texts',
      "WITH g AS (SELECT k, approx_distinct(map_agg(x, 'v')) OVER () AS a FROM (VALUES (1, 1), (2, 1), (3, 3)) t(k, x) GROUP BY k) SELECT max(a) FROM g",
      2,
      'bigint',
    ],
  ],
  [
    // Trino 476: 256 (its estimate past the exact range).
    [
      '260 values',
      'max(a) FROM (SELECT k, approx_distinct(max(k)) OVER () AS a FROM UNNEST(sequence(1, 260)) t(k) GROUP BY k)',
      /approx_distinct counted more than 250 distinct values/,
    ],
  ],
);

const MAPS = (...entries: string[]) => `(VALUES ${entries.map((e) => `MAP(${e})`).join(', ')}) t(m)`;
const ALIKE = /approx_distinct of a map whose keys and values hash alike/;

describeFunctions(
  "approx_distinct of maps: Trino's hash of a map is the sum of hash(key) XOR hash(value)",
  [
    // Keys and values of unlike types: the hashes do not collide, the count is exact.
    ['integer keys, text values', `approx_distinct(m) FROM ${MAPS("ARRAY[1], ARRAY['a']", "ARRAY[2], ARRAY['a']")}`, 2, 'bigint'],
    ['text keys, integer values', `approx_distinct(m) FROM ${MAPS("ARRAY['a'], ARRAY[1]", "ARRAY['a'], ARRAY[2]")}`, 2, 'bigint'],
    ['array keys', `approx_distinct(m) FROM ${MAPS("ARRAY[ARRAY[1]], ARRAY['x']", "ARRAY[ARRAY[2]], ARRAY['x']")}`, 2, 'bigint'],
    ['decimal keys, text values', `approx_distinct(m) FROM ${MAPS("ARRAY[DECIMAL '1.5'], ARRAY['x']", "ARRAY[DECIMAL '2.5'], ARRAY['x']")}`, 2, 'bigint'],
    ['an array of maps', `approx_distinct(a) FROM (VALUES ARRAY[MAP(ARRAY[1], ARRAY['x'])], ARRAY[MAP(ARRAY[2], ARRAY['x'])]) t(a)`, 2, 'bigint'],
    ['count(DISTINCT m) is exact', `count(DISTINCT m) FROM ${MAPS('ARRAY[1], ARRAY[1]', 'ARRAY[2], ARRAY[2]', 'ARRAY[3], ARRAY[3]')}`, 3, 'bigint'],
  ],
  [
    // Trino 476: 1 (every {k:k} hashes to 0); the local count was 3.
    ['integer keys and values', `approx_distinct(m) FROM ${MAPS('ARRAY[1], ARRAY[1]', 'ARRAY[2], ARRAY[2]', 'ARRAY[3], ARRAY[3]')}`, ALIKE],
    // Trino 476: 1 ({a:b} and {b:a}); local 2.
    ['swapped texts', `approx_distinct(m) FROM ${MAPS("ARRAY['a'], ARRAY['b']", "ARRAY['b'], ARRAY['a']")}`, ALIKE],
    // Trino 476: 1 (an integer and a bigint hash alike); local 2.
    ['integer keys, bigint values', `approx_distinct(m) FROM ${MAPS("ARRAY[1], ARRAY[BIGINT '2']", "ARRAY[2], ARRAY[BIGINT '1']")}`, ALIKE],
    // Trino 476: 1 (a date hashes as its day number); local 2.
    ['date keys, integer values', `approx_distinct(m) FROM ${MAPS("ARRAY[DATE '1970-01-02'], ARRAY[1]", "ARRAY[DATE '1970-01-03'], ARRAY[2]")}`, ALIKE],
    // Trino 476: 1; local 2.
    ['an array of such maps', 'approx_distinct(a) FROM (VALUES ARRAY[MAP(ARRAY[1], ARRAY[1])], ARRAY[MAP(ARRAY[2], ARRAY[2])]) t(a)', ALIKE],
    // Trino 476: 2; local 3.
    ['over a window', `approx_distinct(m) OVER () FROM ${MAPS('ARRAY[1], ARRAY[1]', 'ARRAY[1], ARRAY[2]', 'ARRAY[3], ARRAY[3]')}`, ALIKE],
    // Trino 476: [1, 2], [2, 2], [3, 2]; local 3.
    ['of an aggregate over a window', 'approx_distinct(map_agg(x, k)) OVER () FROM (VALUES (1, 1), (2, 1), (3, 3)) t(k, x) GROUP BY k', ALIKE],
  ],
);

describeFunctions('a zoned TIMESTAMP literal of a year outside 0000-9999 keeps its zone', [
  // local: timestamp(3) '+10000-03-10 10:00:00.000' (the zone dropped).
  ['year 10000, UTC', "TIMESTAMP '10000-03-10 10:00:00.000 UTC'", '+10000-03-10 10:00:00.000 UTC', 'timestamp(3) with time zone'],
  ['year 10000, an offset', "TIMESTAMP '10000-03-10 10:00:00.000 +01:00'", '+10000-03-10 10:00:00.000 +01:00', 'timestamp(3) with time zone'],
  ['year 10000, a zone name', "TIMESTAMP '10000-03-10 10:00:00.000 Europe/Paris'", '+10000-03-10 10:00:00.000 Europe/Paris', 'timestamp(3) with time zone'],
  ['year -1', "TIMESTAMP '-0001-03-10 10:00:00.000 UTC'", '-0001-03-10 10:00:00.000 UTC', 'timestamp(3) with time zone'],
  ['as text', "CAST(TIMESTAMP '10000-03-10 10:00:00.000 UTC' AS varchar)", '+10000-03-10 10:00:00.000 UTC', 'varchar'],
  ["format('%s')", "format('%s', TIMESTAMP '-0001-03-10 10:00:00.000 UTC')", '-0001-03-10T10:00Z[UTC]', 'varchar'],
]);

describeFunctions(
  'zoned literals of a year past 9999 grouped by instant',
  [],
  [
    // Trino 476: 1 (one instant); local 2 (the literals were not seen as zoned, so the check did not run).
    [
      'DISTINCT',
      "count(*) FROM (SELECT DISTINCT x FROM (VALUES TIMESTAMP '10000-01-02 10:00:00 +01:00', TIMESTAMP '10000-01-02 09:00:00 UTC') t(x))",
      /DISTINCT, UNION, INTERSECT and EXCEPT of timestamp with time zone values are refused locally/,
    ],
    [
      'GROUP BY',
      "count(*) FROM (SELECT x FROM (VALUES TIMESTAMP '10000-01-02 10:00:00 +01:00', TIMESTAMP '10000-01-02 09:00:00 UTC') t(x) GROUP BY x)",
      /GROUP BY of timestamp with time zone values is refused locally/,
    ],
  ],
);
