// Found by the fifth hunt over functions (docs/issue-15-audit.md "Found by the fifth hunt, functions"); values, types
// and errors are the shared Trino 476's.
// - strpos(s, sub, instance < 0): Trino finds the occurrence from the end with Java's lastIndexOf and answers its UTF-16
//   index, so a character past U+FFFF before the match counts twice (strpos('a🙂b🙂', '🙂', -1) is 5); a positive
//   instance counts code points (4 for the same match). Locally both counted code points.
// - url_extract_*: java.net.URI reads an opaque URI (mailto:x@y) without path or query, and a host that is no server
//   name (a_b.com, é.com, a..b, 256.1.1.1) as a registry authority: no host, no port. url_extract_parameter compares the
//   raw name (a%20b) and decodes the value as URLDecoder does (+ is a space). A non-ASCII path was decoded as Latin-1.
// - CAST(varchar AS uuid) reads the 8-4-4-4-12 form only; DuckDB also read 32 hex digits and braces.
// - json_size of a malformed scalar ('x') is NULL (Jackson reads the token); locally 0.
// - CAST(json AS array(json) | map(…, json) | row(… json)): a JSON null inside stays the JSON value null in Trino (the
//   text 'null'); DuckDB's cast made it an SQL NULL.
// - Time zone names (the third hunt's leftover): Trino keys a zone as its TimeZoneKey does: `UTC+05:30`, `GMT-3`,
//   `+0530` are offsets (DuckDB read `UTC+05:30` as a POSIX zone, the other way round), `Etc/GMT+3` is -03:00, `GMT`,
//   `UCT`, `Zulu`, `Etc/UTC` are UTC; `EST`, `utc`, `America/new_york`, past ±14:00 are not valid time zones.
// - A weekday in a date_parse or parse_datetime pattern (the third hunt's leftover): Joda moves the date to the named
//   weekday of its Monday-to-Sunday week (date_parse('Mon 2025-01-05', '%a %Y-%m-%d') is 2024-12-30); strptime ignored
//   the name.
// - Regular expressions (Joni, Java syntax): `$` also matches before a final line break (regexp_like('a' || chr(10),
//   'a$') is true; RE2 false); under (?i) ß matches ss; `[a&&b]` is an intersection, `[a[b]]` a union, `[\d-z]` a
//   range of its own, (?U) an error. A pattern given as a column went to RE2 untranslated (`[^\S]` and `\s` left out
//   the vertical tab) and unchecked (an empty-matching one in regexp_split).
import { describeFunctions } from './harness.js';

describeFunctions('fifth hunt: strpos from the end counts UTF-16 units', [
  ['an emoji before the match', "strpos(s, f, -1) FROM (VALUES ('a🙂b🙂', '🙂')) t(s, f)", 5, 'bigint'],
  ['the second from the end', "strpos(s, f, -2) FROM (VALUES ('🙂🙂🙂', '🙂')) t(s, f)", 3, 'bigint'],
  ['a letter after an emoji', "strpos('🙂ab', 'b', -1)", 4, 'bigint'],
  ['a positive instance counts code points', "strpos(s, f, 2) FROM (VALUES ('a🙂b🙂', '🙂')) t(s, f)", 4, 'bigint'],
  ['a BMP accent counts once', "strpos(s, f, -1) FROM (VALUES ('aébé', 'é')) t(s, f)", 4, 'bigint'],
  ['overlapping from the end', "strpos(s, f, -2) FROM (VALUES ('aaa', 'aa')) t(s, f)", 1, 'bigint'],
]);

describeFunctions('fifth hunt: url functions read as java.net.URI', [
  ['an opaque URI has no path', "url_extract_path(u) FROM (VALUES 'mailto:x@y') t(u)", '', 'varchar'],
  ['an opaque URI has no query', "url_extract_query(u) FROM (VALUES 'urn:isbn:123?q#f') t(u)", '', 'varchar'],
  ['an opaque URI keeps its fragment', "url_extract_fragment(u) FROM (VALUES 'urn:isbn:123?q#f') t(u)", 'f', 'varchar'],
  ['an opaque URI has no parameters', "url_extract_parameter(u, 'x') FROM (VALUES 'http:p?x=1') t(u)", null, 'varchar'],
  ['a host with an underscore', "url_extract_host(u) FROM (VALUES 'http://a_b.com/x') t(u)", '', 'varchar'],
  ['no port without a server host', "url_extract_port(u) FROM (VALUES 'http://a_b:80/p') t(u)", null, 'bigint'],
  ['a non-ASCII host', "url_extract_host(u) FROM (VALUES 'http://é.com/p') t(u)", '', 'varchar'],
  ['an empty label', "url_extract_host(u) FROM (VALUES 'http://a..b/p') t(u)", '', 'varchar'],
  ['a label ending in a dash', "url_extract_host(u) FROM (VALUES 'http://a-.com/p') t(u)", '', 'varchar'],
  ['a last label starting with a digit', "url_extract_host(u) FROM (VALUES 'http://a.1b/p') t(u)", '', 'varchar'],
  ['an IPv4 number past 255', "url_extract_host(u) FROM (VALUES 'http://256.1.1.1/') t(u)", '', 'varchar'],
  ['an IPv4 address', "url_extract_host(u) FROM (VALUES 'http://1.2.3.4:5/') t(u)", '1.2.3.4', 'varchar'],
  ['a trailing dot', "url_extract_host(u) FROM (VALUES 'http://a.com./p') t(u)", 'a.com.', 'varchar'],
  ['a non-ASCII path', "url_extract_path(u) FROM (VALUES 'http://a.com/é?x=1') t(u)", '/é', 'varchar'],
  ['a parameter value with +', "url_extract_parameter(u, 'x') FROM (VALUES 'http://a/?x=a+b%2B') t(u)", 'a b+', 'varchar'],
  ['a parameter name as written', "url_extract_parameter(u, n) FROM (VALUES ('http://a/?a%20b=c', 'a%20b')) t(u, n)", 'c', 'varchar'],
  ['an escaped name is not decoded', "url_extract_parameter(u, n) FROM (VALUES ('http://a/?%41=1', 'A')) t(u, n)", null, 'varchar'],
]);

describeFunctions(
  'fifth hunt: CAST(varchar AS uuid) and json_size',
  [
    ['upper-case hex', "CAST(x AS uuid) FROM (VALUES '12151FD2-7586-11E9-8F9E-2A86E4085A59') t(x)", '12151fd2-7586-11e9-8f9e-2a86e4085a59', 'uuid'],
    ['TRY_CAST of hex without hyphens', "TRY_CAST(x AS uuid) FROM (VALUES '12151fd2758611e98f9e2a86e4085a59') t(x)", null, 'uuid'],
    ['json_size of a malformed scalar', "json_size(j, '$') FROM (VALUES 'x') t(j)", null, 'bigint'],
    ['json_size of a scalar', "json_size(j, '$') FROM (VALUES '1') t(j)", 0, 'bigint'],
  ],
  [
    [
      'hex without hyphens',
      "CAST(x AS uuid) FROM (VALUES '12151fd2758611e98f9e2a86e4085a59') t(x)",
      /Cannot cast value to UUID: 12151fd2758611e98f9e2a86e4085a59/,
    ],
    ['braces', "CAST('{12151fd2-7586-11e9-8f9e-2a86e4085a59}' AS uuid)", /Cannot cast value to UUID/],
    ['a group without its hyphen', "CAST(x AS uuid) FROM (VALUES '12151fd2-7586-11e9-8f9e2a86e4085a59') t(x)", /Cannot cast value to UUID/],
  ],
);

describeFunctions(
  'fifth hunt: regular expressions',
  [
    ['$ before a final line break', "regexp_like(s, 'a$') FROM (VALUES 'a' || chr(10)) t(s)", true, 'boolean'],
    ['$ before two line breaks', "regexp_like(s, 'a$') FROM (VALUES 'a' || chr(10) || chr(10)) t(s)", false, 'boolean'],
    ['$ of a digits check', "regexp_like(s, '^\\d+$') FROM (VALUES '12' || chr(10)) t(s)", true, 'boolean'],
    ['$ in a pattern column', "regexp_like(s, p) FROM (VALUES ('a' || chr(10), '^a$')) t(s, p)", true, 'boolean'],
    ['$ under (?m) is unchanged', "regexp_like(s, '(?m)a$') FROM (VALUES 'a' || chr(13) || 'b') t(s)", false, 'boolean'],
    ['regexp_extract with $ over a text without a line break', "regexp_extract(s, 'a$') FROM (VALUES 'ba') t(s)", 'a', 'varchar'],
    ['[^\\S] takes the vertical tab', "regexp_like(s, '[^\\S]') FROM (VALUES chr(11)) t(s)", true, 'boolean'],
    ['[^\\S] in a pattern column', "regexp_like(s, p) FROM (VALUES (chr(11), '[^\\S]')) t(s, p)", true, 'boolean'],
    ['\\s in a pattern column', "regexp_like(s, p) FROM (VALUES (chr(11), '\\s')) t(s, p)", true, 'boolean'],
    ['(?i) over ASCII text', "regexp_like(s, '(?i)ss') FROM (VALUES 'SS') t(s)", true, 'boolean'],
    ['regexp_split by a pattern column', "regexp_split(s, p) FROM (VALUES ('a1b2c', '\\d')) t(s, p)", ['a', 'b', 'c'], 'array(varchar)'],
  ],
  [
    ['regexp_extract with $ over a final line break', "regexp_extract(s, 'a$') FROM (VALUES 'a' || chr(10)) t(s)", /also matches before a final line break/],
    [
      'regexp_replace with $ over a final line break',
      "regexp_replace(s, 'a$', 'X') FROM (VALUES 'ba' || chr(10)) t(s)",
      /also matches before a final line break/,
    ],
    ['a class intersection', "regexp_like(s, '[a&&b]') FROM (VALUES 'a') t(s)", /regexp-syntax.*intersection/],
    ['a class intersection in a pattern column', "regexp_like(s, p) FROM (VALUES ('a', '[a&&b]')) t(s, p)", /refused locally.*intersection/],
    ['a class inside a class', "regexp_like(s, '[a[b]]') FROM (VALUES 'b') t(s)", /regexp-syntax.*union/],
    ['a range from a class escape', "regexp_like(s, '[\\d-z]') FROM (VALUES 'q') t(s)", /regexp-syntax.*class escape/],
    ['(?U)', "regexp_like(s, '(?U)a') FROM (VALUES 'a') t(s)", /undefined group option/],
    ['ß under (?i)', "regexp_like(s, '(?i)ß') FROM (VALUES 'SS') t(s)", /regexp-syntax.*case folding/],
    ['a text with ß under (?i)', "regexp_like(s, '(?i)ss') FROM (VALUES 'ß') t(s)", /case folding is several letters/],
    ['regexp_split by an empty-matching pattern column', "regexp_split(s, p) FROM (VALUES ('abc', 'x*')) t(s, p)", /matches the empty string/],
    ['regexp_position of an empty-matching pattern column', "regexp_position(s, p) FROM (VALUES ('abc', 'x*')) t(s, p)", /matches the empty string/],
  ],
);

describeFunctions('fifth hunt: round(double, d) past the double range', [
  ['10^d overflows: x as it is', 'round(x, n) FROM (VALUES (1e-320, 320)) t(x, n)', 1e-320, 'double'],
  ['a large d', 'round(x, n) FROM (VALUES (123.456E0, 400)) t(x, n)', 123.456, 'double'],
  ['a negative x and a large d', 'round(x, n) FROM (VALUES (-1.5E0, 400)) t(x, n)', -1.5, 'double'],
  ['the scaled value overflows', 'round(x, n) FROM (VALUES (1e300, 10)) t(x, n)', 1e300, 'double'],
  ['zero and a large d', 'round(x, n) FROM (VALUES (0E0, 400)) t(x, n)', 0, 'double'],
  ['10^d is zero: NaN', 'round(x, n) FROM (VALUES (12345.6789E0, -400)) t(x, n)', Number.NaN, 'double'],
  ['a real and a large d', "round(x, n) FROM (VALUES (REAL '1.5', 309)) t(x, n)", 1.5, 'real'],
  ['a real and 10^d zero', "round(x, n) FROM (VALUES (REAL '1.5', -400)) t(x, n)", Number.NaN, 'real'],
  ['within the range, unchanged', 'round(x, n) FROM (VALUES (1e300, 8)) t(x, n)', 1e300, 'double'],
]);

/** A zoned column put into the zone column holding `zone`. */
const zoneColumn = (zone: string) => ` FROM (VALUES (TIMESTAMP '2025-01-05 10:00:00 UTC', '${zone}')) t(ts, z)`;

describeFunctions(
  'fifth hunt: time zone names',
  [
    ['UTC+05:30 is an offset', `timezone(at_timezone(ts, z))${zoneColumn('UTC+05:30')}`, '+05:30', 'varchar'],
    ['the wall clock at UTC+05:30', `minute(at_timezone(ts, z))${zoneColumn('UTC+05:30')}`, 30, 'bigint'],
    ['UTC-3', `timezone(at_timezone(ts, z))${zoneColumn('UTC-3')}`, '-03:00', 'varchar'],
    ['GMT+3', `timezone(at_timezone(ts, z))${zoneColumn('GMT+3')}`, '+03:00', 'varchar'],
    ['+0530', `timezone(at_timezone(ts, z))${zoneColumn('+0530')}`, '+05:30', 'varchar'],
    ['Etc/GMT+3 is three hours behind', `timezone(at_timezone(ts, z))${zoneColumn('Etc/GMT+3')}`, '-03:00', 'varchar'],
    ['Etc/GMT-14', `hour(at_timezone(ts, z))${zoneColumn('Etc/GMT-14')}`, 0, 'bigint'],
    ['GMT is UTC', `timezone(at_timezone(ts, z))${zoneColumn('GMT')}`, 'UTC', 'varchar'],
    ['Etc/UTC is UTC', `timezone(at_timezone(ts, z))${zoneColumn('Etc/UTC')}`, 'UTC', 'varchar'],
    ['+00:00 is UTC', `timezone(at_timezone(ts, z))${zoneColumn('+00:00')}`, 'UTC', 'varchar'],
    ['a link keeps its name', `timezone(at_timezone(ts, z))${zoneColumn('US/Eastern')}`, 'US/Eastern', 'varchar'],
    [
      'with_timezone of a column zone',
      "timezone(with_timezone(ts, z)) FROM (VALUES (TIMESTAMP '2025-01-05 10:00:00', 'UTC+05:30')) t(ts, z)",
      '+05:30',
      'varchar',
    ],
    ['AT TIME ZONE', "timezone(ts AT TIME ZONE 'Etc/GMT-14') FROM (VALUES TIMESTAMP '2025-01-05 10:00:00') t(ts)", '+14:00', 'varchar'],
    ['from_unixtime with an offset name', "hour(from_unixtime(0, z)) * 100 + minute(from_unixtime(0, z)) FROM (VALUES 'UTC+05:30') t(z)", 530, 'bigint'],
    ['a text zone Etc/GMT+3', "timezone(CAST(s AS timestamp with time zone)) FROM (VALUES '2025-01-05 10:00:00 Etc/GMT+3') t(s)", '-03:00', 'varchar'],
    ['a literal UTC+05:30', "timezone(at_timezone(TIMESTAMP '2025-01-05 10:00:00 UTC', 'UTC+05:30'))", '+05:30', 'varchar'],
    ['a literal AT TIME ZONE Etc/GMT+3', "timezone(TIMESTAMP '2025-01-05 10:00:00' AT TIME ZONE 'Etc/GMT+3')", '-03:00', 'varchar'],
    ['a text zone +00:00', "timezone(CAST(s AS timestamp with time zone)) FROM (VALUES '2025-01-05 10:00:00 +00:00') t(s)", 'UTC', 'varchar'],
  ],
  [
    ['EST', `at_timezone(ts, z)${zoneColumn('EST')}`, /'EST' is not a valid time zone/],
    ['a literal EST', "at_timezone(TIMESTAMP '2025-01-05 10:00:00 UTC', 'EST')", /'EST' is not a valid time zone/],
    ['utc in lower case', `at_timezone(ts, z)${zoneColumn('utc')}`, /'utc' is not a valid time zone/],
    ['a name in another case', `at_timezone(ts, z)${zoneColumn('America/NEW_YORK')}`, /is not a valid time zone/],
    ['past +14:00', `at_timezone(ts, z)${zoneColumn('+15:00')}`, /'\+15:00' is not a valid time zone/],
    ['with_timezone to EST', "with_timezone(ts, z) FROM (VALUES (TIMESTAMP '2025-01-05 10:00:00', 'EST')) t(ts, z)", /'EST' is not a valid time zone/],
    ['a text zone past +14:00', "CAST(s AS timestamp with time zone) FROM (VALUES '2025-01-05 10:00:00 +15:00') t(s)", /Time zone not supported: \+15:00/],
  ],
);

describeFunctions('fifth hunt: a weekday in a parse pattern', [
  ["the date's own weekday", "date_parse(s, '%a %Y-%m-%d') FROM (VALUES 'Sun 2025-01-05') t(s)", '2025-01-05 00:00:00.000', 'timestamp(3)'],
  ["Monday of a Sunday's week", "date_parse(s, '%a %Y-%m-%d') FROM (VALUES 'Mon 2025-01-05') t(s)", '2024-12-30 00:00:00.000', 'timestamp(3)'],
  ['a literal text', "date_parse('Mon 2025-01-05', '%a %Y-%m-%d')", '2024-12-30 00:00:00.000', 'timestamp(3)'],
  ['a full name', "date_parse(s, '%W, %d %M %Y') FROM (VALUES 'Friday, 05 January 2025') t(s)", '2025-01-03 00:00:00.000', 'timestamp(3)'],
  ['later in the week, with a time', "date_parse(s, '%a %Y-%m-%d %H:%i') FROM (VALUES 'Sat 2025-01-06 10:30') t(s)", '2025-01-11 10:30:00.000', 'timestamp(3)'],
  ['after the date', "date_parse(s, '%d %b %Y (%a)') FROM (VALUES '05 Jan 2025 (Tue)') t(s)", '2024-12-31 00:00:00.000', 'timestamp(3)'],
  [
    'parse_datetime EEE',
    "parse_datetime(s, 'EEE, dd MMM yyyy HH:mm:ss') FROM (VALUES 'Wed, 05 Jan 2025 10:00:00') t(s)",
    '2025-01-01 10:00:00.000 UTC',
    'timestamp(3) with time zone',
  ],
  [
    'parse_datetime EEEE in lower case',
    "parse_datetime(s, 'EEEE dd MM yyyy') FROM (VALUES 'sunday 05 01 2025') t(s)",
    '2025-01-05 00:00:00.000 UTC',
    'timestamp(3) with time zone',
  ],
]);

describeFunctions('fifth hunt: JSON nulls cast to json elements', [
  ['an array element', 'CAST(json_parse(j) AS array(json)) FROM (VALUES \'[1, null, "a"]\') t(j)', ['1', 'null', '"a"'], 'array(json)'],
  ['a literal', "CAST(JSON '[1, null]' AS array(json))", ['1', 'null'], 'array(json)'],
  ['a map value', 'CAST(JSON \'{"a": null}\' AS map(varchar, json))', { a: 'null' }, 'map(varchar, json)'],
  [
    'a row field; a missing one is NULL',
    'CAST(json_parse(j) AS row(a json, b json)) FROM (VALUES \'{"a": null}\') t(j)',
    { a: 'null', b: null },
    'row(a json, b json)',
  ],
  ['under TRY_CAST', "TRY_CAST(json_parse(j) AS array(json)) FROM (VALUES '[null]') t(j)", ['null'], 'array(json)'],
  ['nested deeper', 'CAST(json_parse(j) AS map(varchar, array(json))) FROM (VALUES \'{"a": [null]}\') t(j)', { a: ['null'] }, 'map(varchar, array(json))'],
  ['an array element of varchar stays NULL', "CAST(json_parse(j) AS array(varchar)) FROM (VALUES '[null]') t(j)", [null], 'array(varchar)'],
]);

describeFunctions(
  'fifth hunt: hamming_distance of code points',
  [
    ['two empty strings', "hamming_distance(a, b) FROM (VALUES ('', '')) t(a, b)", 0, 'bigint'],
    ['an accent against a letter', "hamming_distance(a, b) FROM (VALUES ('aé', 'ae')) t(a, b)", 1, 'bigint'],
    ['emoji', "hamming_distance(a, b) FROM (VALUES ('🙂🙂', '🙂🙃')) t(a, b)", 1, 'bigint'],
    ['ASCII', "hamming_distance('abc', 'abd')", 1, 'bigint'],
    ['a NULL', "hamming_distance(a, 'x') FROM (VALUES CAST(NULL AS varchar)) t(a)", null, 'bigint'],
  ],
  [['other lengths', "hamming_distance(a, b) FROM (VALUES ('ab', 'a')) t(a, b)", /The input strings to hamming_distance function must have the same length/]],
);

// A text value starting with U+FEFF (a byte order mark) keeps it (@duckdb/node-api's TextDecoder dropped it).
describeFunctions('fifth hunt: a leading U+FEFF in a result', [
  ['a varchar', "s FROM (VALUES chr(65279) || 'a') t(s)", '\uFEFFa', 'varchar'],
  ['an array element', "ARRAY[s] FROM (VALUES chr(65279) || 'b') t(s)", ['\uFEFFb'], 'array(varchar)'],
  ['trim keeps it (not Java white space)', "trim(s) FROM (VALUES chr(65279) || 'a' || chr(65279)) t(s)", '\uFEFFa\uFEFF', 'varchar'],
]);

// VALUES CAST(ROW(…) AS ROW(…)) is a row of as many columns as fields in Trino 476, as VALUES ROW(…) is (the fourth
// hunt's leftover); locally it was one row column.
describeFunctions(
  'fifth hunt: VALUES of a row cast',
  [
    ['the second column', "q FROM (VALUES CAST(ROW(1, 'a') AS ROW(x int, y varchar))) t(p, q)", 'a', 'varchar'],
    ['the first column, cast', "p FROM (VALUES CAST(ROW(2.5E0, 'a') AS ROW(x integer, y varchar(3)))) t(p, q)", 3, 'integer'],
    ['two rows', "sum(p) FROM (VALUES CAST(ROW(1, 'a') AS ROW(x int, y varchar)), CAST(ROW(2, 'b') AS ROW(x int, y varchar))) t(p, q)", 3, 'bigint'],
    ['in parentheses', "q FROM (VALUES (CAST(ROW(1, 'a') AS ROW(x int, y varchar)))) t(p, q)", 'a', 'varchar'],
    ['a row cast in a select item stays a row', "r.y FROM (SELECT CAST(ROW(1, 'a') AS ROW(x int, y varchar)) AS r) t", 'a', 'varchar'],
  ],
  [
    [
      'one alias for two columns',
      'p FROM (VALUES CAST(ROW(1, 2) AS ROW(x int, y int))) t(p)',
      /Column alias list has 1 entries but 't' has 2 columns available/,
    ],
  ],
);

// CAST(varbinary AS varchar) fails in Trino 476 (TYPE_MISMATCH "Cannot cast varbinary to varchar"), under TRY_CAST too;
// DuckDB decoded the bytes ('ab').
describeFunctions(
  'fifth hunt: varbinary to varchar',
  [['from_utf8 decodes', "from_utf8(x) FROM (VALUES X'6162') t(x)", 'ab', 'varchar']],
  [
    ['a column', "CAST(x AS varchar) FROM (VALUES X'6162') t(x)", /Cannot cast varbinary to varchar/],
    ['a literal', "CAST(X'6162' AS varchar)", /Cannot cast varbinary to varchar/],
    ['TRY_CAST', "TRY_CAST(x AS varchar) FROM (VALUES X'6162') t(x)", /Cannot cast varbinary to varchar/],
    ['an aggregate', "CAST(max(x) AS varchar) FROM (VALUES X'6162') t(x)", /Cannot cast varbinary to varchar/],
    ['array elements', "CAST(ARRAY[x] AS array(varchar)) FROM (VALUES X'6162') t(x)", /Cannot cast varbinary to varchar/],
  ],
);
