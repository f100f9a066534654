// Found by the fourth hunt (docs/issue-15-audit.md "Found by the fourth hunt"); values and types are the shared
// Trino 476's.
// - CAST(real AS json): Trino writes a real as Jackson writes a float (Float.toString, the shortest digits that read
//   back as the same float: REAL '1.1' is 1.1); DuckDB's to_json widened it to the double 1.100000023841858.
// - format() of a real: Java's Formatter prints a Float's %s as Float.toString (1.1) but its %f and %e from the double
//   it widens to; the local formatter read the shortest text (format('%.10f', REAL '1.1') was 1.1000000000).
// - map_concat: Trino's keys come in the order of the maps read from the last to the first (keys 2, 3, 1 for maps of
//   keys 1, 2 and 2, 3), the last map's value winning; DuckDB kept the first map's order (1, 2, 3).
// - map_entries: Trino's entries are anonymous rows, array(row(K, V)); DuckDB's were row(key K, value V). An
//   anonymous row's JSON has empty names (also zip's, which the JSON cast wrote as trino_field_0).
// - Interval literals of one field: Trino 476 takes a whole number of the unit, a fraction for SECOND only, no white
//   space or exponent (INVALID_LITERAL "Invalid INTERVAL DAY value: 1.5"; DuckDB read INTERVAL '1.5' DAY as a day and
//   '0.5' HOUR as 0), and cuts a second's fraction to milliseconds (INTERVAL '0.0019' SECOND is 1 ms; locally 2).
// - TRY_CAST(double AS varchar): CAST(double AS varchar) is refused locally (scientific text, 1.5E0 in Trino); under
//   TRY that refusal was caught and the value became NULL. It stays a refusal (array(varchar) of doubles alike).
import { describeFunctions } from './harness.js';

describeFunctions('fourth hunt: reals in JSON', [
  ['a real', "CAST(REAL '1.1' AS json)", '1.1', 'json'],
  ['a large real', "CAST(REAL '1e10' AS json)", '1.0E10', 'json'],
  ['a small real', "CAST(REAL '0.0001' AS json)", '1.0E-4', 'json'],
  ['reals in an array', "json_format(CAST(ARRAY[REAL '1.1', REAL '3.4028235e38'] AS json))", '[1.1,3.4028235E38]', 'varchar'],
  ['a real map value', "json_format(CAST(MAP(ARRAY['a'], ARRAY[REAL '0.1']) AS json))", '{"a":0.1}', 'varchar'],
  ['a real row field beside a double', "json_format(CAST(CAST(ROW(REAL '0.3', 1.5E0) AS ROW(r real, d double)) AS json))", '{"r":0.3,"d":1.5}', 'varchar'],
  ['a real column', "CAST(r AS json) FROM (VALUES REAL '16777217') t(r)", '1.6777216E7', 'json'],
]);

describeFunctions('fourth hunt: format() of reals', [
  ['%f of a real is of its double', "format('%.10f', REAL '1.1')", '1.1000000238', 'varchar'],
  ['%.2f of a real below its shortest text', "format('%.2f', REAL '1.005')", '1.00', 'varchar'],
  ['%.2f of a real column', "format('%.2f', x) FROM (VALUES REAL '2.675') t(x)", '2.67', 'varchar'],
  ['%s of a real is Float.toString', "format('%s', REAL '1.1')", '1.1', 'varchar'],
  ['width, precision and %s together', "format('%10.3f|%-8s|', REAL '-3.3', REAL '7')", '    -3.300|7.0     |', 'varchar'],
  ['a double is unchanged', "format('%.3f', 2.675E0)", '2.675', 'varchar'],
]);

describeFunctions('fourth hunt: map_concat and map_entries', [
  [
    'map_concat keys from the last map',
    "map_keys(map_concat(MAP(ARRAY[1, 2], ARRAY['a', 'b']), MAP(ARRAY[2, 3], ARRAY['c', 'd'])))",
    [2, 3, 1],
    'array(integer)',
  ],
  ['map_concat values', "map_values(map_concat(MAP(ARRAY[1, 2], ARRAY['a', 'b']), MAP(ARRAY[2, 3], ARRAY['c', 'd'])))", ['c', 'd', 'a'], 'array(varchar)'],
  [
    'map_concat of three maps',
    "map_keys(map_concat(MAP(ARRAY[5, 4], ARRAY['a', 'b']), MAP(ARRAY[9, 1], ARRAY['c', 'd']), MAP(ARRAY[7], ARRAY['e'])))",
    [7, 9, 1, 5, 4],
    'array(integer)',
  ],
  [
    'map_concat of columns',
    "map_keys(map_concat(m, n)) FROM (VALUES (MAP(ARRAY['k', 'j'], ARRAY[1, 2]), MAP(ARRAY['z', 'k'], ARRAY[3, 4]))) t(m, n)",
    ['z', 'k', 'j'],
    'array(varchar)',
  ],
  ['map_concat with a NULL map', "map_concat(MAP(ARRAY[1], ARRAY['a']), NULL)", null, 'map(integer, varchar)'],
  [
    'map_entries are anonymous rows',
    "map_entries(MAP(ARRAY['b', 'a'], ARRAY[1, 2]))",
    [
      { field0: 'b', field1: 1 },
      { field0: 'a', field1: 2 },
    ],
    'array(row(varchar, integer))',
  ],
  ['map_entries of an empty map', 'map_entries(MAP())', [], 'array(row(unknown, unknown))'],
  ['map_entries back to a map', "map_from_entries(map_entries(MAP(ARRAY[1, 2], ARRAY['x', 'y'])))", { 1: 'x', 2: 'y' }, 'map(integer, varchar)'],
  ['the JSON of map_entries', "CAST(map_entries(MAP(ARRAY[1], ARRAY['a'])) AS JSON)", '[{"":1,"":"a"}]', 'json'],
  ['the JSON of zip', "CAST(zip(ARRAY[1], ARRAY['a']) AS JSON)", '[{"":1,"":"a"}]', 'json'],
]);

describeFunctions(
  'fourth hunt: interval literals',
  [
    ['a fraction of a millisecond is cut', "to_milliseconds(INTERVAL '0.0015' SECOND)", 1, 'bigint'],
    ['cut toward zero', "to_milliseconds(INTERVAL '-1.99999' SECOND)", -1999, 'bigint'],
    ['cut with a sign', "to_milliseconds(INTERVAL '+0.0019' SECOND)", 1, 'bigint'],
    ['under a millisecond is none', "to_milliseconds(INTERVAL '0.0005' SECOND)", 0, 'bigint'],
    ['added to a timestamp', "TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1.0019' SECOND", '2024-01-01 00:00:01.001', 'timestamp(3)'],
    ['three digits stay', "to_milliseconds(INTERVAL '1.123' SECOND)", 1123, 'bigint'],
    ['a fraction without digits before the point', "to_milliseconds(INTERVAL '.5' SECOND)", 500, 'bigint'],
    ['whole units', "to_milliseconds(INTERVAL '-3' MINUTE)", -180000, 'bigint'],
  ],
  [
    ['a fraction of a day', "INTERVAL '1.5' DAY", /Invalid INTERVAL DAY value: 1\.5/],
    ['a fraction of an hour', "to_milliseconds(INTERVAL '0.5' HOUR)", /Invalid INTERVAL HOUR value: 0\.5/],
    ['a zero fraction of a minute', "INTERVAL '1.0' MINUTE", /Invalid INTERVAL MINUTE value: 1\.0/],
    ['a space before the number', "INTERVAL ' 1' DAY", /Invalid INTERVAL DAY value: {2}1/],
    ['an exponent', "INTERVAL '1e2' SECOND", /Invalid INTERVAL SECOND value: 1e2/],
  ],
);

describeFunctions('fourth hunt: TRY_CAST of a double to varchar answers as CAST does (Trino 476: 1.5E0)', [
  ['an integer', 'TRY_CAST(1 AS varchar)', '1', 'varchar'],
  ['an integer column', 'TRY_CAST(x AS varchar) FROM (VALUES 1) t(x)', '1', 'varchar'],
  ['a date', "TRY_CAST(DATE '2024-01-01' AS varchar)", '2024-01-01', 'varchar'],
  ['too long for varchar(2)', 'TRY_CAST(x AS varchar(2)) FROM (VALUES 123) t(x)', null, 'varchar'],
  ['integers in an array', 'TRY_CAST(ARRAY[1, 2] AS array(varchar))', ['1', '2'], 'array(varchar)'],
  ['a double', 'TRY_CAST(1.5E0 AS varchar)', '1.5E0', 'varchar'],
  ['a double column', 'TRY_CAST(x AS varchar) FROM (VALUES 1.5E0) t(x)', '1.5E0', 'varchar'],
  ['doubles in an array', 'TRY_CAST(ARRAY[1.5E0] AS array(varchar))', ['1.5E0'], 'array(varchar)'],
]);
