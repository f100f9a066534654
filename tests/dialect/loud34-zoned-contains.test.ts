// contains and array_position of a zoned array with a plain timestamp or a date, and of a plain array with a zoned
// value (docs/issue-15-audit.md "Zoned contains and array_position, max_by of a NULL count, IN lists (session of
// 2026-12-07 early morning, branch loud34)"): the local engine failed with binder errors ("Cannot concatenate lists of types TIMESTAMP_S[] and
// STRUCT(trino_instant …)[]") where Trino 476 compares instants, reading a plain timestamp or a date in the session
// zone (UTC). The NULL-typed, empty, aggregate and correlated forms are here because the fix dispatches on the
// arguments' types. Every expectation is Trino 476's answer (value, type and column name), asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('contains and array_position across zoned and plain datetimes', () => {
  it.each<[string, string[], unknown[][]]>([
    [
      "SELECT contains(ARRAY[from_iso8601_timestamp('2020-01-01T00:00:00+01:00')], TIMESTAMP '2019-12-31 23:00:00') AS c, array_position(ARRAY[from_iso8601_timestamp('2020-01-01T00:00:00+01:00')], TIMESTAMP '2019-12-31 23:00:00') AS p",
      ['c boolean', 'p bigint'],
      [[true, 1]],
    ],
    [
      "SELECT contains(ARRAY[from_iso8601_timestamp('2020-01-01T00:00:00+00:00')], DATE '2020-01-01') AS c, array_position(ARRAY[from_iso8601_timestamp('2020-01-01T05:00:00+05:00')], DATE '2020-01-01') AS p",
      ['c boolean', 'p bigint'],
      [[true, 1]],
    ],
    [
      "SELECT contains(ARRAY[DATE '2020-01-01'], from_iso8601_timestamp('2020-01-01T00:00:00Z')) AS c, array_position(ARRAY[DATE '2019-12-31', DATE '2020-01-01'], from_iso8601_timestamp('2020-01-01T01:00:00+01:00')) AS p",
      ['c boolean', 'p bigint'],
      [[true, 2]],
    ],
    [
      "SELECT array_position(ARRAY[from_iso8601_timestamp('2020-01-01T01:00:00+02:00'), from_iso8601_timestamp('2020-01-01T01:00:00+01:00')], TIMESTAMP '2020-01-01 00:00:00') AS p, contains(ARRAY[from_iso8601_timestamp('2020-01-01T01:00:00+02:00'), NULL], TIMESTAMP '2020-01-01 00:00:00') AS c",
      ['p bigint', 'c boolean'],
      [[2, null]],
    ],
    [
      "SELECT contains(ARRAY[TIMESTAMP '2020-01-01 00:00:00 UTC'], TIMESTAMP '2020-01-01 00:00:00') AS c, array_position(ARRAY[TIMESTAMP '2020-01-01 01:00:00 +01:00'], DATE '2020-01-01') AS p",
      ['c boolean', 'p bigint'],
      [[true, 1]],
    ],
    [
      "SELECT k, contains(a, TIMESTAMP '2020-01-01 00:00:00') AS c, array_position(a, DATE '2020-01-01') AS p FROM (VALUES (1, ARRAY[from_iso8601_timestamp('2020-01-01T01:00:00+01:00')]), (2, ARRAY[from_iso8601_timestamp('2020-01-01T00:00:00-01:00')]), (3, NULL)) t(k, a) ORDER BY k",
      ['k integer', 'c boolean', 'p bigint'],
      [
        [1, true, 1],
        [2, false, 0],
        [3, null, null],
      ],
    ],
    [
      "SELECT k, contains(ARRAY[TIMESTAMP '2020-01-01 00:00:00', TIMESTAMP '2020-01-02 00:00:00'], z) AS c, array_position(ARRAY[DATE '2019-12-31', DATE '2020-01-01'], z) AS p FROM (VALUES (1, from_iso8601_timestamp('2020-01-01T01:00:00+01:00')), (2, from_iso8601_timestamp('2020-01-01T00:00:00-01:00')), (3, NULL)) t(k, z) ORDER BY k",
      ['k integer', 'c boolean', 'p bigint'],
      [
        [1, true, 2],
        [2, false, 0],
        [3, null, null],
      ],
    ],
    [
      "SELECT k, (SELECT count(*) FROM (VALUES TIMESTAMP '2020-01-01 00:00:00') u(y) WHERE contains(t.a, y)) AS c FROM (VALUES (1, ARRAY[from_iso8601_timestamp('2020-01-01T01:00:00+01:00')]), (2, ARRAY[from_iso8601_timestamp('2020-01-01T01:00:00Z')])) t(k, a) ORDER BY k",
      ['k integer', 'c bigint'],
      [
        [1, 1],
        [2, 0],
      ],
    ],
    ["SELECT try(contains(ARRAY[from_iso8601_timestamp('2020-01-01T01:00:00+01:00')], TIMESTAMP '2020-01-01 00:00:00')) AS c", ['c boolean'], [[true]]],
    [
      "SELECT contains(ARRAY[], from_iso8601_timestamp('2020-01-01T01:00:00+01:00')) AS c, array_position(ARRAY[NULL], from_iso8601_timestamp('2020-01-01T01:00:00+01:00')) AS p, contains(ARRAY[from_iso8601_timestamp('2020-01-01T01:00:00+01:00')], NULL) AS d",
      ['c boolean', 'p bigint', 'd boolean'],
      [[false, 0, null]],
    ],
    [
      'SELECT contains(ARRAY[1], NULL) AS c, array_position(ARRAY[1], NULL) AS p, contains(ARRAY[], 1) AS e, array_position(ARRAY[NULL], 1) AS q, contains(NULL, 1) AS f',
      ['c boolean', 'p bigint', 'e boolean', 'q bigint', 'f boolean'],
      [[null, null, false, 0, null]],
    ],
    [
      'SELECT k, (SELECT count(*) FROM (VALUES 1, 2) u(y) WHERE contains(t.a, y)) AS c, (SELECT array_position(t.a, y) FROM (VALUES 2) u(y)) AS p, (SELECT array_position(ARRAY[y, 1], t.k) FROM (VALUES 2) u(y)) AS q FROM (VALUES (1, ARRAY[1, 2]), (2, ARRAY[3])) t(k, a) ORDER BY k',
      ['k integer', 'c bigint', 'p bigint', 'q bigint'],
      [
        [1, 2, 2, 2],
        [2, 0, 0, 1],
      ],
    ],
    [
      'SELECT contains(ARRAY[ARRAY[1]], max(x)) AS c, array_position(ARRAY[ARRAY[2], ARRAY[1]], max(x)) AS p, contains(array_agg(y), 2) AS d, array_position(array_agg(y), max(y)) AS q FROM (VALUES (ARRAY[1], 1), (ARRAY[1], 2)) t(x, y)',
      ['c boolean', 'p bigint', 'd boolean', 'q bigint'],
      [[true, 2, true, 2]],
    ],
  ])('%s', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });
});
