// Found by the sixth hunt over functions (docs/issue-15-audit.md "Found by the sixth hunt, functions"); values, types
// and errors are the shared Trino 476's, each function called on VALUES columns.
// - round(integer, d) for d <= -19: Trino's 10^-d is a long, so it fails ("numerical overflow: 15"), 0 too; DuckDB
//   answered 0.
// - from_base64url reads the URL alphabet only: '+' and '/' fail (Java's URL decoder); locally they were read.
// - CAST(json_parse(s) AS array | map | row) is one cast of the text s in Trino (the optimizer's
//   $internal$json_string_to_*_cast), so a repeated key fails ("Duplicate map keys are not allowed", "Duplicate field:
//   a") where json_parse's canonical form kept the last; a repeated row field read from json_extract also fails.
// - CAST(json AS t) reads booleans, numbers, varchar and json only (and arrays, maps and rows of them): a date,
//   timestamp, time, varbinary, uuid or ipaddress anywhere in t fails (TYPE_MISMATCH "Cannot cast json to
//   array(date)"); DuckDB cast the text. CAST(x AS json) of a varbinary, interval, uuid, or a map keyed by arrays, maps
//   or rows fails alike ("Cannot cast varbinary to json"); DuckDB wrote them. A text longer than a varchar(n) inside
//   the target fails ("Character count exceeds length limit 3"); DuckDB cut it.
// - pow(x, y) is Java's Math.pow: NaN for a NaN exponent (pow(1, NaN)) and for ±1 to an infinite power; C's pow gave 1.
// - from_iso8601_date reads Joda's ISO date element only: a time, a zone, spaces or slashes fail ("Invalid format");
//   DuckDB's CAST read them. A year or year-month alone is its first day.
// - from_iso8601_timestamp: an offset of -00:00 is UTC (locally the zone '-00:00').
// - array_join casts each element to varchar as Trino does: an interval as its text (1 00:00:00.000), json as
//   CAST(json AS varchar) (an object fails); an array, map, row or varbinary element fails (OPERATOR_NOT_FOUND). DuckDB
//   wrote '1 day', the JSON text, '[1]' and '\x01'.
// - m IS [NOT] DISTINCT FROM a visible map compares the maps as sets of entries, as = does (Trino 476:
//   MAP(ARRAY[1, 2], …) IS DISTINCT FROM MAP(ARRAY[2, 1], …) is false); locally in key order.
// - cardinality of an array of maps was 0, element_at(a, 0) of one NULL and a[0] failed "Key not present in map"
//   (its type MAP(…)[] was taken for a map's).
import { describeFunctions } from './harness.js';

describeFunctions(
  'sixth hunt: round of an integer to 19 or more places left',
  [
    ['18 places left is 0', 'round(x, n) FROM (VALUES (15, -18)) t(x, n)', 0, 'integer'],
    ['a bigint at 18 places left', "round(x, n) FROM (VALUES (BIGINT '5000000000000000000', -18)) t(x, n)", 5000000000000000000n, 'bigint'],
    ['a NULL integer', 'round(x, n) FROM (VALUES (CAST(NULL AS integer), -20)) t(x, n)', null, 'integer'],
    ['a double is still 0', 'round(x, -20) FROM (VALUES (15e0)) t(x)', 0, 'double'],
  ],
  [
    ['an integer', 'round(x, n) FROM (VALUES (15, -19)) t(x, n)', /numerical overflow: 15/],
    ['zero', 'round(x, n) FROM (VALUES (0, -19)) t(x, n)', /numerical overflow: 0/],
    ['a tinyint', "round(x, n) FROM (VALUES (TINYINT '15', -19)) t(x, n)", /numerical overflow: 15/],
    ['a smallint', "round(x, n) FROM (VALUES (SMALLINT '15', -30)) t(x, n)", /numerical overflow: 15/],
    ['a literal count', 'round(x, -20) FROM (VALUES (15)) t(x)', /numerical overflow: 15/],
    ['the lowest count', 'round(x, n) FROM (VALUES (15, -2147483648)) t(x, n)', /numerical overflow: 15/],
  ],
);

describeFunctions(
  'sixth hunt: from_base64url reads the URL alphabet only',
  [
    ['- and _', "from_base64url(s) FROM (VALUES ('-_8=')) t(s)", 'fbff', 'varbinary'],
    ['without padding', "from_base64url(s) FROM (VALUES ('-_8')) t(s)", 'fbff', 'varbinary'],
  ],
  [
    ['a +', "from_base64url(s) FROM (VALUES ('+/8=')) t(s)", /Illegal base64/],
    ['a /', "from_base64url(s) FROM (VALUES ('YQ/')) t(s)", /Illegal base64/],
  ],
);

describeFunctions(
  'sixth hunt: CAST(json_parse(s) AS array | map | row) reads the text s',
  [
    ['distinct keys', `CAST(json_parse(s) AS map(varchar, integer)) FROM (VALUES ('{"b":1,"a":2}')) t(s)`, { b: 1, a: 2 }, 'map(varchar, integer)'],
    [
      'TRY_CAST reads json_parse’s value',
      `TRY_CAST(json_parse(s) AS map(varchar, integer)) FROM (VALUES ('{"a":1,"a":2}')) t(s)`,
      { a: 2 },
      'map(varchar, integer)',
    ],
    ['a literal text is parsed apart', `CAST(json_parse('{"a":1,"a":2}') AS map(varchar, integer))`, { a: 2 }, 'map(varchar, integer)'],
    ['a json column', `CAST(j AS ROW(a integer)) FROM (VALUES (JSON '{"a":1, "a":2}')) t(j)`, { a: 2 }, 'row(a integer)'],
    ['numbers as Trino reads them', `CAST(json_parse(s) AS array(varchar)) FROM (VALUES ('[1.50, 1e2, "x"]')) t(s)`, ['1.5E0', '1.0E2', 'x'], 'array(varchar)'],
  ],
  [
    ['a repeated map key', `CAST(json_parse(s) AS map(varchar, integer)) FROM (VALUES ('{"a":1,"a":2}')) t(s)`, /Duplicate map keys are not allowed/],
    ['in parentheses', `CAST((json_parse(s)) AS map(varchar, json)) FROM (VALUES ('{"a":1,"a":2}')) t(s)`, /Duplicate map keys are not allowed/],
    ['inside an array', `CAST(json_parse(s) AS array(map(varchar, integer))) FROM (VALUES ('[{"a":1,"a":2}]')) t(s)`, /Duplicate map keys/],
    ['a repeated row field', `CAST(json_parse(s) AS ROW(a integer, b integer)) FROM (VALUES ('{"b":1, "a":2, "b":3}')) t(s)`, /Duplicate field: b/],
    ['a row field in two cases', `CAST(json_parse(s) AS ROW(a integer)) FROM (VALUES ('{"A":1, "a":2}')) t(s)`, /Duplicate field: a/],
    ['a repeated field from json_extract', `CAST(json_extract(s, '$') AS ROW(a integer)) FROM (VALUES ('{"a":1,"a":2}')) t(s)`, /Duplicate field: a/],
  ],
);

describeFunctions(
  'sixth hunt: the types CAST reads json as, and writes json of',
  [
    ['a field named date', `CAST(j AS ROW(date varchar)) FROM (VALUES (JSON '{"date":"x"}')) t(j)`, { date: 'x' }, 'row(date varchar)'],
    ['a varchar is no json', `CAST(s AS date) FROM (VALUES ('2024-01-01')) t(s)`, '2024-01-01', 'date'],
    ['an array of varchar to dates', `CAST(a AS array(date)) FROM (VALUES (ARRAY['2024-01-01'])) t(a)`, ['2024-01-01'], 'array(date)'],
    ['a timestamp to json', `CAST(x AS json) FROM (VALUES (ARRAY[TIMESTAMP '2024-01-01 10:00:00'])) t(x)`, '["2024-01-01 10:00:00"]', 'json'],
    ['a map keyed by decimals to json', `CAST(x AS json) FROM (VALUES (MAP(ARRAY[1.5], ARRAY['a']))) t(x)`, '{"1.5":"a"}', 'json'],
    ['varchar(n) long enough', `CAST(j AS array(varchar(4))) FROM (VALUES (JSON '[true, null, 1234]')) t(j)`, ['true', null, '1234'], 'array(varchar)'],
    [
      'varchar(n) counts code points',
      `CAST(j AS map(varchar(2), varchar(1))) FROM (VALUES (JSON '{"é🙂":"🙂"}')) t(j)`,
      { 'é🙂': '🙂' },
      'map(varchar, varchar)',
    ],
  ],
  [
    ['json to date', `CAST(j AS date) FROM (VALUES (JSON '"2024-01-01"')) t(j)`, /Cannot cast json to date/],
    ['json to timestamp', `CAST(json_extract(s, '$.a') AS timestamp) FROM (VALUES ('{"a":"2024-01-01 10:00:00"}')) t(s)`, /Cannot cast json to timestamp/],
    ['json to array(date)', `CAST(j AS array(date)) FROM (VALUES (JSON '["2024-01-01"]')) t(j)`, /Cannot cast json to array\(date\)/],
    ['json to a map of dates', `CAST(j AS map(varchar, date)) FROM (VALUES (JSON '{"a":"2024-01-01"}')) t(j)`, /Cannot cast json to map/],
    ['json to a row with a date', `CAST(json_parse(s) AS ROW(a date)) FROM (VALUES ('{"a":"2024-01-01"}')) t(s)`, /Cannot cast json to row\(a date\)/],
    ['json to varbinary', `CAST(j AS varbinary) FROM (VALUES (JSON '"ab"')) t(j)`, /Cannot cast json to varbinary/],
    ['json to uuid under TRY_CAST', `TRY_CAST(j AS uuid) FROM (VALUES (JSON '"12151fd2-7586-11e9-8f9e-2a86e4085a59"')) t(j)`, /Cannot cast json to uuid/],
    [
      'json to array(date) under TRY_CAST',
      `TRY_CAST(json_extract(s, '$.a') AS array(date)) FROM (VALUES ('{"a":["2024-01-01"]}')) t(s)`,
      /Cannot cast json to array\(date\)/,
    ],
    ['json to a zoned timestamp', `CAST(j AS timestamp with time zone) FROM (VALUES (JSON '"2024-01-01 10:00:00 UTC"')) t(j)`, /Cannot cast json to timestamp/],
    ['varbinary to json', `CAST(x AS json) FROM (VALUES (X'0102')) t(x)`, /Cannot cast varbinary to json/],
    ['an array of varbinary to json', `CAST(x AS json) FROM (VALUES (ARRAY[X'01'])) t(x)`, /Cannot cast array\(varbinary\) to json/],
    ['an interval to json', `CAST(x AS json) FROM (VALUES (INTERVAL '1' DAY)) t(x)`, /Cannot cast interval day to second to json/],
    ['a uuid to json', `CAST(x AS json) FROM (VALUES (CAST('12151fd2-7586-11e9-8f9e-2a86e4085a59' AS uuid))) t(x)`, /Cannot cast uuid to json/],
    ['a map keyed by arrays to json', `CAST(x AS json) FROM (VALUES (MAP(ARRAY[ARRAY[1]], ARRAY['a']))) t(x)`, /Cannot cast map\(array\(integer\), varchar/],
    ['a map keyed by rows to json', `CAST(x AS json) FROM (VALUES (MAP(ARRAY[ROW(1)], ARRAY['a']))) t(x)`, /to json/],
    ['a varchar(n) element too long', `CAST(j AS array(varchar(3))) FROM (VALUES (JSON '["abcd"]')) t(j)`, /Character count exceeds length limit 3/],
    ['a number read as varchar(2)', `CAST(j AS array(varchar(2))) FROM (VALUES (JSON '[1.5]')) t(j)`, /length limit 2/],
    ['a row field too long', `CAST(j AS ROW(a varchar(2))) FROM (VALUES (JSON '{"a":"abc"}')) t(j)`, /length limit 2/],
    ['a map key too long', `CAST(j AS map(varchar(1), integer)) FROM (VALUES (JSON '{"ab":1}')) t(j)`, /length limit 1/],
  ],
);

describeFunctions('sixth hunt: pow is Java’s Math.pow', [
  ['1 to a NaN power', 'pow(x, y) FROM (VALUES (1e0, nan())) t(x, y)', Number.NaN, 'double'],
  ['2 to a NaN power', 'power(x, y) FROM (VALUES (2e0, nan())) t(x, y)', Number.NaN, 'double'],
  ['-1 to an infinite power', 'pow(x, y) FROM (VALUES (-1e0, infinity())) t(x, y)', Number.NaN, 'double'],
  ['1 to minus infinity', 'pow(x, y) FROM (VALUES (1, -infinity())) t(x, y)', Number.NaN, 'double'],
  ['a decimal 1 to a NaN power', 'pow(x, y) FROM (VALUES (1.0, nan())) t(x, y)', Number.NaN, 'double'],
  ['a real 1 to an infinite power', "pow(x, y) FROM (VALUES (REAL '1', REAL 'Infinity')) t(x, y)", Number.NaN, 'double'],
  ['NaN to the power 0', 'pow(x, y) FROM (VALUES (nan(), 0e0)) t(x, y)', 1, 'double'],
  ['0 to the power 0', 'pow(x, y) FROM (VALUES (0e0, 0e0)) t(x, y)', 1, 'double'],
  ['integers', 'pow(x, y) FROM (VALUES (2, 10)) t(x, y)', 1024, 'double'],
  ['a NULL base to a NaN power', 'pow(x, y) FROM (VALUES (CAST(NULL AS double), nan())) t(x, y)', null, 'double'],
]);

describeFunctions(
  'sixth hunt: from_iso8601_date reads the ISO date element only',
  [
    ['a date', "from_iso8601_date(s) FROM (VALUES ('2024-02-29')) t(s)", '2024-02-29', 'date'],
    ['one-digit month and day', "from_iso8601_date(s) FROM (VALUES ('2024-2-3')) t(s)", '2024-02-03', 'date'],
    ['a year and month', "from_iso8601_date(s) FROM (VALUES ('2024-02')) t(s)", '2024-02-01', 'date'],
    ['a year', "from_iso8601_date(s) FROM (VALUES ('2024')) t(s)", '2024-01-01', 'date'],
    ['a two-digit year', "from_iso8601_date(s) FROM (VALUES ('24-02-03')) t(s)", '0024-02-03', 'date'],
    ['NULL', 'from_iso8601_date(s) FROM (VALUES (CAST(NULL AS varchar))) t(s)', null, 'date'],
  ],
  [
    ['a time after the date', "from_iso8601_date(s) FROM (VALUES ('2024-02-03T00:00')) t(s)", /Invalid format/],
    ['a time after a space', "from_iso8601_date(s) FROM (VALUES ('2024-02-03 10:00:00')) t(s)", /Invalid format/],
    ['a trailing space', "from_iso8601_date(s) FROM (VALUES ('2024-02-03 ')) t(s)", /Invalid format/],
    ['a leading space', "from_iso8601_date(s) FROM (VALUES (' 2024-02-03')) t(s)", /Invalid format/],
    ['slashes', "from_iso8601_date(s) FROM (VALUES ('2024/02/03')) t(s)", /Invalid format/],
    ['a zone', "from_iso8601_date(s) FROM (VALUES ('2024-02-03Z')) t(s)", /Invalid format/],
  ],
);

describeFunctions('sixth hunt: from_iso8601_timestamp with the -00:00 offset', [
  ['-00:00 is UTC', "from_iso8601_timestamp(s) FROM (VALUES ('2024-02-03T10:00:00-00:00')) t(s)", '2024-02-03 10:00:00.000 UTC', 'timestamp(3) with time zone'],
  ['-0000 is UTC', "from_iso8601_timestamp(s) FROM (VALUES ('2024-02-03T10:00-0000')) t(s)", '2024-02-03 10:00:00.000 UTC', 'timestamp(3) with time zone'],
  ['-00 is UTC', "from_iso8601_timestamp(s) FROM (VALUES ('2024-02-03T10:00-00')) t(s)", '2024-02-03 10:00:00.000 UTC', 'timestamp(3) with time zone'],
  ['hour 23', "from_iso8601_timestamp(s) FROM (VALUES ('2024-02-03T23:59:59.999Z')) t(s)", '2024-02-03 23:59:59.999 UTC', 'timestamp(3) with time zone'],
]);

describeFunctions(
  'sixth hunt: array_join casts each element to varchar as Trino does',
  [
    ['intervals', "array_join(a, ',') FROM (VALUES (ARRAY[INTERVAL '1' DAY, INTERVAL '-1.5' SECOND, NULL])) t(a)", '1 00:00:00.000,-0 00:00:01.500', 'varchar'],
    ['json scalars', `array_join(a, ',') FROM (VALUES (ARRAY[JSON '1', JSON '"x"', JSON 'true', JSON '1.5', JSON 'null'])) t(a)`, '1,x,true,1.5E0', 'varchar'],
    ['a json NULL replaced', "array_join(a, ',', 'N') FROM (VALUES (ARRAY[JSON '1', NULL])) t(a)", '1,N', 'varchar'],
    [
      'uuids',
      "array_join(a, ',') FROM (VALUES (ARRAY[CAST('12151fd2-7586-11e9-8f9e-2a86e4085a59' AS uuid)])) t(a)",
      '12151fd2-7586-11e9-8f9e-2a86e4085a59',
      'varchar',
    ],
    ['dates', "array_join(a, ',') FROM (VALUES (ARRAY[DATE '2024-01-01'])) t(a)", '2024-01-01', 'varchar'],
  ],
  [
    ['a json object', `array_join(a, ',') FROM (VALUES (ARRAY[JSON '{"a":1}', JSON '"x"'])) t(a)`, /Cannot cast JSON object to varchar/],
    ['varbinary', "array_join(a, ',') FROM (VALUES (ARRAY[X'01'])) t(a)", /Cannot cast varbinary to varchar/],
    ['arrays', "array_join(a, ', ') FROM (VALUES (ARRAY[ARRAY[1]])) t(a)", /Cannot cast array\(integer\) to varchar/],
    ['maps', "array_join(a, ',') FROM (VALUES (ARRAY[MAP(ARRAY[1], ARRAY[2])])) t(a)", /Cannot cast map\(integer, integer\) to varchar/],
    ['rows', "array_join(a, ',') FROM (VALUES (ARRAY[CAST(ROW(1) AS ROW(x integer))])) t(a)", /Cannot cast row\(x integer\) to varchar/],
  ],
);

describeFunctions('sixth hunt: IS DISTINCT FROM compares maps as sets of entries', [
  [
    'the same entries in another order',
    "m IS DISTINCT FROM MAP(ARRAY[2, 1], ARRAY['b', 'a']) FROM (VALUES (MAP(ARRAY[1, 2], ARRAY['a', 'b']))) t(m)",
    false,
    'boolean',
  ],
  ['IS NOT DISTINCT FROM', "m IS NOT DISTINCT FROM MAP(ARRAY[2, 1], ARRAY['b', 'a']) FROM (VALUES (MAP(ARRAY[1, 2], ARRAY['a', 'b']))) t(m)", true, 'boolean'],
  ['the map on the left', "MAP(ARRAY[2, 1], ARRAY['b', 'a']) IS DISTINCT FROM m FROM (VALUES (MAP(ARRAY[1, 2], ARRAY['a', 'b']))) t(m)", false, 'boolean'],
  ['NULL values', "m IS DISTINCT FROM MAP(ARRAY[2, 1], ARRAY[NULL, 'a']) FROM (VALUES (MAP(ARRAY[1, 2], ARRAY['a', NULL]))) t(m)", false, 'boolean'],
  ['another value', "m IS DISTINCT FROM MAP(ARRAY[2, 1], ARRAY['b', 'c']) FROM (VALUES (MAP(ARRAY[1, 2], ARRAY['a', 'b']))) t(m)", true, 'boolean'],
  ['a NULL map', "m IS DISTINCT FROM MAP(ARRAY[2, 1], ARRAY['b', 'a']) FROM (VALUES (CAST(NULL AS map(integer, varchar)))) t(m)", true, 'boolean'],
]);

describeFunctions('sixth hunt: cardinality of arrays of maps', [
  ['an array of maps', "cardinality(a) FROM (VALUES (ARRAY[MAP(ARRAY[1], ARRAY['a']), MAP(ARRAY[2], ARRAY['b'])])) t(a)", 2, 'bigint'],
  ['array_agg of maps', "cardinality(array_agg(m)) FROM (VALUES (MAP(ARRAY[1, 2], ARRAY['a', 'b'])), (MAP(ARRAY[3], ARRAY['c']))) t(m)", 2, 'bigint'],
  ['a map of arrays', "cardinality(m) FROM (VALUES (MAP(ARRAY['a', 'b', 'c'], ARRAY[ARRAY[1], ARRAY[2], NULL]))) t(m)", 3, 'bigint'],
  ['a map', "cardinality(m) FROM (VALUES (MAP(ARRAY[1, 2], ARRAY['a', 'b']))) t(m)", 2, 'bigint'],
  ['an array of arrays', 'cardinality(a) FROM (VALUES (ARRAY[ARRAY[1, 2], ARRAY[3]])) t(a)', 2, 'bigint'],
]);

describeFunctions(
  'sixth hunt: subscripts of arrays of maps',
  [
    ['the last map', "element_at(a, -1) FROM (VALUES (ARRAY[MAP(ARRAY[1], ARRAY['a']), MAP(ARRAY[2], ARRAY['b'])])) t(a)", { 2: 'b' }, 'map(integer, varchar)'],
    ['past the end', "element_at(a, 5) FROM (VALUES (ARRAY[MAP(ARRAY[1], ARRAY['a'])])) t(a)", null, 'map(integer, varchar)'],
    ['a subscript of the element', "a[2][2] FROM (VALUES (ARRAY[MAP(ARRAY[1], ARRAY['a']), MAP(ARRAY[2], ARRAY['b'])])) t(a)", 'b', 'varchar'],
  ],
  [
    ['element_at 0', "element_at(a, 0) FROM (VALUES (ARRAY[MAP(ARRAY[1], ARRAY['a'])])) t(a)", /SQL array indices start at 1/],
    ['a[0]', "a[0] FROM (VALUES (ARRAY[MAP(ARRAY[1], ARRAY['a'])])) t(a)", /SQL array indices start at 1/],
    ['past the end', "a[3] FROM (VALUES (ARRAY[MAP(ARRAY[1], ARRAY['a'])])) t(a)", /Array subscript must be less than or equal to array length: 3 > 1/],
  ],
);

describeFunctions(
  'from_iso8601_timestamp at hour 24 (Trino 476: "Value 24 for hourOfDay must be in the range [0,23]"; DuckDB read the next midnight)',
  [
    [
      'hour 23 still answers',
      "CAST(from_iso8601_timestamp(s) AS timestamp) FROM (VALUES '2024-02-03T23:59:59.999Z') t(s)",
      '2024-02-03 23:59:59.999',
      'timestamp(3)',
    ],
  ],
  [
    [
      'the fast shape',
      "CAST(from_iso8601_timestamp(s) AS timestamp) FROM (VALUES '2024-02-03T24:00:00.000Z') t(s)",
      /Value 24 for hourOfDay must be in the range \[0,23\]/,
    ],
    ['the zoned value', "from_iso8601_timestamp(s) FROM (VALUES '2024-02-03T24:00:00Z') t(s)", /Value 24 for hourOfDay must be in the range \[0,23\]/],
    [
      'at time zone UTC',
      "CAST(from_iso8601_timestamp(s) AT TIME ZONE 'UTC' AS timestamp) FROM (VALUES '2024-02-03T24:00:00.000Z') t(s)",
      /Value 24 for hourOfDay must be in the range \[0,23\]/,
    ],
  ],
);
