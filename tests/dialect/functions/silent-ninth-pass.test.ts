// Silent leftovers, ninth pass (docs/issue-15-audit.md): constructs that answered locally where Trino 476 answers
// otherwise or fails. Every value, type and error is the shared Trino 476's.
import { describeFunctions } from './harness.js';

// Trino 476: GENERIC_INTERNAL_ERROR "Character count exceeds length limit 3" (the local shim's words name the value).
const TOO_LONG = /cannot be represented as varchar\(3\)/;

describeFunctions(
  'TRY_CAST of a row of mixed field types, one of them a boolean, interval or timestamp into varchar(n)',
  [
    ['long enough', 'TRY_CAST(ROW(true, 1) AS row(a varchar(4), b integer))', { a: 'true', b: 1 }, 'row(a varchar, b integer)'],
    ['the boolean into an integer', 'TRY_CAST(ROW(1234, true) AS row(a varchar(3), b integer))', null, 'row(a varchar, b integer)'],
    [
      'a NULL row column',
      'TRY_CAST(r AS row(a varchar(3), b integer)) FROM (SELECT CAST(NULL AS row(x boolean, y integer)) r)',
      null,
      'row(a varchar, b integer)',
    ],
  ],
  [
    ['a boolean and an integer', 'TRY_CAST(ROW(true, 1) AS row(a varchar(3), b integer))', TOO_LONG],
    ['the boolean second', 'TRY_CAST(ROW(1, true) AS row(a varchar(3), b varchar(3)))', TOO_LONG],
    ['an interval', "TRY_CAST(ROW(INTERVAL '1' DAY, 1) AS row(a varchar(3), b integer))", TOO_LONG],
    ['a timestamp between integers', "TRY_CAST(ROW(1, TIMESTAMP '2020-01-01 00:00:00', 2) AS row(a integer, b varchar(3), c integer))", TOO_LONG],
    ['a row column', 'TRY_CAST(r AS row(a varchar(3), b integer)) FROM (SELECT CAST(ROW(true, 1) AS row(x boolean, y integer)) r)', TOO_LONG],
    [
      'in a correlated subquery',
      '(SELECT TRY_CAST(r AS row(a varchar(3), b integer))) FROM (SELECT CAST(ROW(true, 1) AS row(x boolean, y integer)) r)',
      TOO_LONG,
    ],
  ],
);

// A map keyed by arrays or rows holding a double or real NaN equals no value in Trino 476, itself neither, as a map
// keyed by a NaN double does (maps-keyed-by-nan.test.ts).
const A = 'MAP(ARRAY[ARRAY[nan()]], ARRAY[1])';
const R = 'MAP(ARRAY[CAST(ROW(nan()) AS row(x double))], ARRAY[1])';
const twice = (m: string) => `(VALUES ${m}, ${m}) t(m)`;

describeFunctions('maps keyed by arrays or rows holding NaN equal nothing', [
  ['count(DISTINCT m), array keys', `count(DISTINCT m) FROM ${twice(A)}`, 2, 'bigint'],
  ['count(DISTINCT m), row keys', `count(DISTINCT m) FROM ${twice(R)}`, 2, 'bigint'],
  ['count(DISTINCT m), real NaN in an array key', `count(DISTINCT m) FROM ${twice("MAP(ARRAY[ARRAY[REAL 'NaN']], ARRAY[1])")}`, 2, 'bigint'],
  ['count(DISTINCT m), -NaN after a number', `count(DISTINCT m) FROM ${twice('MAP(ARRAY[ARRAY[1e0, -nan()]], ARRAY[1])')}`, 2, 'bigint'],
  ['array_distinct', `cardinality(array_distinct(ARRAY[${A}, ${A}]))`, 2, 'bigint'],
  ['array_distinct, row keys', `cardinality(array_distinct(ARRAY[${R}, ${R}]))`, 2, 'bigint'],
  ['m IS DISTINCT FROM n', `m IS DISTINCT FROM n FROM (VALUES (${A}, ${A})) t(m, n)`, true, 'boolean'],
  ['m IS DISTINCT FROM m', `m IS DISTINCT FROM m FROM (VALUES ${R}) t(m)`, true, 'boolean'],
  ['ARRAY[m] IS DISTINCT FROM ARRAY[m]', `ARRAY[m] IS DISTINCT FROM ARRAY[m] FROM (VALUES ${R}) t(m)`, true, 'boolean'],
  ['written maps IS DISTINCT FROM', `${A} IS DISTINCT FROM ${A}`, true, 'boolean'],
  ['written NaN-keyed maps IS NOT DISTINCT FROM', 'MAP(ARRAY[nan()], ARRAY[1]) IS NOT DISTINCT FROM MAP(ARRAY[nan()], ARRAY[1])', false, 'boolean'],
  ['written maps of two orders', "MAP(ARRAY[1, 2], ARRAY['a', 'b']) IS DISTINCT FROM MAP(ARRAY[2, 1], ARRAY['b', 'a'])", false, 'boolean'],
  ['written maps with NULL values', 'MAP(ARRAY[1], ARRAY[NULL]) IS DISTINCT FROM MAP(ARRAY[1], ARRAY[NULL])', false, 'boolean'],
  ['a written map and NULL', 'MAP(ARRAY[1], ARRAY[2]) IS DISTINCT FROM NULL', true, 'boolean'],
  ['contains', `contains(ARRAY[${A}], ${A})`, false, 'boolean'],
  ['array_position', `array_position(ARRAY[${R}], ${R})`, 0, 'bigint'],
  ['array keys without NaN compare', `count(DISTINCT m) FROM ${twice('MAP(ARRAY[ARRAY[1e0]], ARRAY[1])')}`, 1, 'bigint'],
  [
    'row keys with a text field compare',
    `count(DISTINCT m) FROM ${twice("MAP(ARRAY[CAST(ROW('a', 1e0) AS row(s varchar, x double))], ARRAY[1])")}`,
    1,
    'bigint',
  ],
]);

// Trino 476: INVALID_ARGUMENTS "Timezone with non-zero seconds offset cannot be rendered as ISO8601: +05:21:10".
const SECONDS_OFFSET = (offset: string) => new RegExp(`Timezone with non-zero seconds offset cannot be rendered as ISO8601: \\${offset}`);

describeFunctions(
  'to_iso8601 of a zoned value at a local mean time offset',
  [
    ['whole minutes in the same zone later', "to_iso8601(TIMESTAMP '2020-06-01 12:00:00 Asia/Kolkata')", '2020-06-01T12:00:00+05:30', 'varchar'],
    ['a whole-hour offset before 1900', "to_iso8601(TIMESTAMP '1937-06-01 12:00:00.123 America/New_York')", '1937-06-01T12:00:00.123-04:00', 'varchar'],
    ['a fixed offset', "to_iso8601(TIMESTAMP '2020-06-01 12:00:00 -03:30')", '2020-06-01T12:00:00-03:30', 'varchar'],
  ],
  [
    ['Kolkata 1899', "to_iso8601(TIMESTAMP '1899-06-01 12:00:00 Asia/Kolkata')", SECONDS_OFFSET('+05:21:10')],
    ['New York 1850, west of Greenwich', "to_iso8601(TIMESTAMP '1850-06-01 12:00:00 America/New_York')", SECONDS_OFFSET('-04:56:02')],
    ['from_unixtime in the zone', "to_iso8601(from_unixtime(-2227454470, 'Asia/Kolkata'))", SECONDS_OFFSET('+05:21:10')],
  ],
);

// Trino 476 reads these zones' wall clocks with Joda's own history (shims/joda-zones.ts): refused locally.
const JODA_HISTORY = /is refused locally: Athena reads its wall clock .* with Joda's own history of the zone/;

describeFunctions(
  'zoned values in zones whose history Joda keeps apart',
  [
    ['Amsterdam from 1970', "format_datetime(TIMESTAMP '1970-06-01 12:00:00 Europe/Amsterdam', 'HH:mm Z')", '12:00 +0100', 'varchar'],
    ['New York in 1900', "format_datetime(TIMESTAMP '1900-06-01 12:00:00 America/New_York', 'HH:mm Z')", '12:00 -0500', 'varchar'],
    ['Oslo at the epoch', "CAST(from_unixtime(0, 'Europe/Oslo') AS varchar)", '1970-01-01 01:00:00.000 Europe/Oslo', 'varchar'],
    ['a fixed offset in 1937', "format_datetime(TIMESTAMP '1937-06-01 12:00:00 +01:00', 'HH:mm Z')", '12:00 +0100', 'varchar'],
  ],
  [
    // Trino 476: '12:19:32 +0019', 00:09 and day 2 (local mean time), locally 12:00 +0000, 23:50 and day 1.
    ['format_datetime, Amsterdam 1900', "format_datetime(TIMESTAMP '1900-06-01 12:00:00 Europe/Amsterdam', 'yyyy-MM-dd HH:mm:ss Z')", JODA_HISTORY],
    ['day, Amsterdam 1900', "day(TIMESTAMP '1900-06-01 23:50:00 Europe/Amsterdam')", JODA_HISTORY],
    ['date_format, Amsterdam 1937', "date_format(TIMESTAMP '1937-06-01 12:00:00 Europe/Amsterdam', '%H:%i')", JODA_HISTORY],
    // Trino 476: '13:19 +0119'.
    ['AT TIME ZONE into Amsterdam 1937', "format_datetime(TIMESTAMP '1937-06-01 12:00:00 UTC' AT TIME ZONE 'Europe/Amsterdam', 'HH:mm Z')", JODA_HISTORY],
    // Trino 476: 12:19; built per row from a column, not folded while planning.
    [
      'from_unixtime of a column in a subquery',
      "format_datetime(t, 'HH:mm') FROM (SELECT from_unixtime(-2195899200 + x, 'Europe/Amsterdam') t FROM (VALUES 0, 1) v(x))",
      JODA_HISTORY,
    ],
    // Trino 476: '1931-01-01 02:35 +0235' (an alias of Africa/Asmera), locally +0230.
    ['an alias of a listed zone', "format_datetime(from_unixtime(-1230768000, 'Africa/Asmara'), 'yyyy-MM-dd HH:mm Z')", JODA_HISTORY],
    // Trino 476: '1900-06-02 00:09:32.000'.
    ['CAST to timestamp, Amsterdam 1900', "CAST(TIMESTAMP '1900-06-01 23:50:00 Europe/Amsterdam' AS timestamp)", JODA_HISTORY],
  ],
);
