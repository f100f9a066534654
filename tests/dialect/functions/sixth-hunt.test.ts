// Found by the sixth hunt over functions (docs/issue-15-audit.md "Found by the sixth hunt, functions"); values, types
// and errors are the shared Trino 476's, each function called on VALUES columns.
// - round(integer, d) for d <= -19: Trino's 10^-d is a long, so it fails ("numerical overflow: 15"), 0 too; DuckDB
//   answered 0.
// - from_base64url reads the URL alphabet only: '+' and '/' fail (Java's URL decoder); locally they were read.
// - CAST(json_parse(s) AS array | map | row) is one cast of the text s in Trino (the optimizer's
//   $internal$json_string_to_*_cast), so a repeated key fails ("Duplicate map keys are not allowed", "Duplicate field:
//   a") where json_parse's canonical form kept the last; a repeated row field read from json_extract also fails.
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
