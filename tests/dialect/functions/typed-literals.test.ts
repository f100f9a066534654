// Literals as Trino 476 reads them: the zone of a TIMESTAMP literal (Java's ZoneId.of, then Trino's time zone keys),
// TIME literals with a zone, typed literals DuckDB reads more loosely, binary and Unicode literals. Values,
// types and errors asked of the shared Trino 476 (docs/issue-15-audit.md "Found by the lead, session of 2026-12-06
// (late morning)"). Before, `'… utc'` became a timestamp without a zone (silent), `'… america/new_york'` a zone Trino
// does not read, and `GMT`, `UT`, `Zulu`, `UTC+5`, `-5`, `+05:30:00`, `Etc/GMT-14` failed in DuckDB's words.
import { describeFunctions } from './harness.js';

const zoned = 'timestamp(3) with time zone';

describeFunctions(
  'TIMESTAMP literals: the zone as Trino keys it',
  [
    ['GMT is UTC', "TIMESTAMP '2020-01-01 00:00:00.000 GMT'", '2020-01-01 00:00:00.000 UTC', zoned],
    ['UT is UTC', "TIMESTAMP '2020-01-01 00:00:00.000 UT'", '2020-01-01 00:00:00.000 UTC', zoned],
    ['Zulu is UTC', "TIMESTAMP '2020-01-01 00:00:00.000 Zulu'", '2020-01-01 00:00:00.000 UTC', zoned],
    ['Etc/UTC is UTC', "TIMESTAMP '2020-01-01 00:00:00.000 Etc/UTC'", '2020-01-01 00:00:00.000 UTC', zoned],
    ['-00:00 is UTC', "TIMESTAMP '2020-01-01 00:00:00.000 -00:00'", '2020-01-01 00:00:00.000 UTC', zoned],
    ['UTC+5 is an offset', "TIMESTAMP '2020-01-01 00:00:00.000 UTC+5'", '2020-01-01 00:00:00.000 +05:00', zoned],
    ['GMT+05 is an offset', "TIMESTAMP '2020-01-01 00:00:00.000 GMT+05'", '2020-01-01 00:00:00.000 +05:00', zoned],
    ['-5 is an offset', "TIMESTAMP '2020-01-01 00:00:00.000 -5'", '2020-01-01 00:00:00.000 -05:00', zoned],
    ['seconds of zero', "TIMESTAMP '2020-01-01 00:00:00.000 +05:30:00'", '2020-01-01 00:00:00.000 +05:30', zoned],
    ['Etc/GMT-14 is +14:00', "TIMESTAMP '2020-01-01 00:00:00.000 Etc/GMT-14'", '2020-01-01 00:00:00.000 +14:00', zoned],
    ['a date with an offset', "TIMESTAMP '2020-01-01 UTC+1'", '2020-01-01 00:00:00.000 +01:00', zoned],
    ['a zone name as written', "TIMESTAMP '2020-01-01 00:00:00.000 US/Eastern'", '2020-01-01 00:00:00.000 US/Eastern', zoned],
    ['an instant, not a wall clock', "to_unixtime(TIMESTAMP '2020-01-01 00:00:00.000 UTC+5')", 1577818800, 'double'],
  ],
  [
    ['utc in lower case is no zone (INVALID_LITERAL)', "TIMESTAMP '2020-01-01 00:00:00 utc'", /invalid-literal.*INVALID_LITERAL/],
    ['a zone name in another case', "TIMESTAMP '2020-01-01 00:00:00 america/new_york'", /invalid-literal.*INVALID_LITERAL/],
    ['EST is no zone of Trino', "TIMESTAMP '2020-01-01 00:00:00 EST'", /invalid-literal.*INVALID_LITERAL/],
    ['GMT-3:30 is no Java offset', "TIMESTAMP '2020-01-01 00:00:00 GMT-3:30'", /invalid-literal.*INVALID_LITERAL/],
    ['+053 is no offset', "TIMESTAMP '2020-01-01 00:00:00 +053'", /invalid-literal.*INVALID_LITERAL/],
    ['past +14:00 (NOT_SUPPORTED)', "TIMESTAMP '2020-01-01 00:00:00 +14:01'", /invalid-literal.*NOT_SUPPORTED/],
    ['offset seconds (NOT_SUPPORTED)', "TIMESTAMP '2020-01-01 00:00:00 +05:30:15'", /invalid-literal.*NOT_SUPPORTED/],
    ['UTC+0530 (NOT_SUPPORTED)', "TIMESTAMP '2020-01-01 00:00:00 UTC+0530'", /invalid-literal.*NOT_SUPPORTED/],
    ['Etc/Zulu (NOT_SUPPORTED)', "TIMESTAMP '2020-01-01 00:00:00 Etc/Zulu'", /invalid-literal.*NOT_SUPPORTED/],
  ],
);

describeFunctions(
  "regular expressions: a `$` with more pattern after it (Java's `$` looks ahead of a final line break)",
  [
    ['no final line break', "regexp_like(s, 'a$' || chr(10)) FROM (VALUES 'a') t(s)", false, 'boolean'],
    ['a line break inside', "regexp_like(s, 'a$' || chr(10)) FROM (VALUES 'a' || chr(10) || 'b') t(s)", false, 'boolean'],
    ['a $ last in its branch keeps the final line break', "regexp_like(s, 'a$|q') FROM (VALUES 'a' || chr(10)) t(s)", true, 'boolean'],
    // Trino: true. Was refused while running (RE2 cannot look ahead); `$` and a line break are RE2's `\n\z` (regex37).
    ['a final line break after the $', "regexp_like(s, 'a$' || chr(10)) FROM (VALUES 'a' || chr(10)) t(s)", true, 'boolean'],
  ],
  [
    // Trino: true. A quantified line break after the $ is still refused while running over a text ending in one.
    [
      'a final optional line break after the $',
      "regexp_like(s, 'a$' || chr(10) || '?b?') FROM (VALUES 'a' || chr(10)) t(s)",
      /also matches before a final line break/,
    ],
  ],
);

describeFunctions(
  'TIME literals: a zone makes time with time zone (not carried locally), white space before is no literal',
  [
    ['a trailing space is read', "TIME '10:00:00.000 '", '10:00:00.000', 'time(3)'],
    ['one hour digit', "TIME '1:00:00.000'", '01:00:00.000', 'time(3)'],
  ],
  [
    // Trino: 10:00:00.000+05:00, time(3) with time zone; DuckDB answered 10:00:00.000 as time(3).
    ['an offset', "TIME '10:00:00.000 +05:00'", /unfaithful\/type.*time with time zone/],
    ['an offset without a space', "TIME '10:00:00.000+05:00'", /unfaithful\/type.*time with time zone/],
    ['white space before the time (INVALID_LITERAL)', "TIME ' 10:00:00.000'", /invalid-literal.*INVALID_LITERAL/],
  ],
);

describeFunctions(
  'typed literals read as strictly as Trino (INVALID_LITERAL / SYNTAX_ERROR where DuckDB answered)',
  [
    ['DATE with a plus sign', "DATE '+2020-01-01'", '2020-01-01', 'date'],
    ['DATE with white space', "DATE ' 2020-01-01 '", '2020-01-01', 'date'],
    ['INTEGER with white space', "INTEGER ' -1 '", -1, 'integer'],
    ['a binary literal with white space between pairs', "X'1F 2a'", '1f2a', 'varbinary'],
    ['an empty binary literal', "X''", '', 'varbinary'],
  ],
  [
    // Trino fails; DuckDB answered 2020-01-01, 1000, 1.5 and 01.
    ['DATE with a time', "DATE '2020-01-01 10:00'", /invalid-literal.*not a valid DATE literal/],
    ['BIGINT with an underscore', "BIGINT '1_000'", /invalid-literal.*not a valid BIGINT literal/],
    ['DECIMAL with white space', "DECIMAL ' 1.5'", /invalid-literal.*not a valid DECIMAL literal/],
    ['an odd number of hex digits', "X'1'", /invalid-literal.*even number of hexadecimal digits/],
    ['a letter that is no hex digit', "X'1G'", /invalid-literal.*hexadecimal digits/],
  ],
);

describeFunctions(
  "Unicode literals U&'…' (DuckDB failed: unicode_to_utf8 NOT IMPLEMENTED)",
  [
    ['a four-digit escape', "U&'\\0041b'", 'Ab', 'varchar'],
    ['a six-digit escape past U+FFFF', "U&'\\+01F600'", '😀', 'varchar'],
    ['one character past U+FFFF', "length(U&'\\+01F600')", 1, 'bigint'],
    ['an escaped backslash', "U&'a\\\\b'", 'a\\b', 'varchar'],
    ['a doubled quote', "U&'it''s'", "it's", 'varchar'],
    ['UESCAPE names the escape', "U&'#0041##' UESCAPE '#'", 'A#', 'varchar'],
    ['a backslash is text under another escape', "U&'\\0041' UESCAPE '#'", '\\0041', 'varchar'],
  ],
  [
    ['an incomplete escape (SYNTAX_ERROR)', "U&'\\00'", /invalid-literal.*Unicode literal/],
    ['a surrogate (SYNTAX_ERROR)', "U&'\\D800'", /invalid-literal.*Unicode literal/],
    ['a hex digit as the escape (SYNTAX_ERROR)', "U&'a0041' UESCAPE 'a'", /invalid-literal.*UESCAPE/],
  ],
);
