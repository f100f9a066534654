// Functions the local engine failed or refused where Trino 476 answers (issue 15's "Loud only" list, eighth pass):
// each value and type, or error, is the shared Trino 476's.
import { describeFunctions } from './harness.js';

describeFunctions(
  'from_base reads digits as Java does',
  [
    // Long.parseLong reads Character.digit: every decimal digit of the Basic Multilingual Plane and fullwidth letters.
    ['Arabic-Indic digits', "from_base('-١٢', 10)", -12, 'bigint'],
    ['fullwidth letters', "from_base('ＦＦ', 16)", 255, 'bigint'],
    ['a fullwidth letter beside an Arabic-Indic digit', "from_base('ｆ٣', 16)", 243, 'bigint'],
    ['fullwidth digit and letter in base 36', "from_base('+０x', 36)", 33, 'bigint'],
    ['Limbu and NKo digits', "from_base('᥆', 10) * 10 + from_base('߁', 10)", 1, 'bigint'],
  ],
  [
    ['a digit past U+FFFF (two UTF-16 units)', "from_base('𑁦', 10)", /Not a valid base-10 number: 𑁦/],
    ['a superscript is no digit', "from_base('²', 10)", /Not a valid base-10 number: ²/],
    ['a non-ASCII digit outside the radix', "from_base('٣', 3)", /Not a valid base-3 number: ٣/],
    ['a fullwidth letter outside the radix', "from_base('Ｇ', 16)", /Not a valid base-16 number: Ｇ/],
  ],
);

describeFunctions(
  "format_datetime writes Joda's offsets 'Z' and 'ZZ'",
  [
    ['Z and ZZ in summer time', "format_datetime(TIMESTAMP '2020-07-02 03:04:05 Europe/Paris', 'Z|ZZ')", '+0200|+02:00', 'varchar'],
    ['a half-hour offset', "format_datetime(TIMESTAMP '2020-01-02 03:04:05 +05:30', 'Z|ZZ')", '+0530|+05:30', 'varchar'],
    ['a negative offset under an hour', "format_datetime(TIMESTAMP '2020-01-02 03:04:05 -00:30', 'Z|ZZ')", '-0030|-00:30', 'varchar'],
    ['UTC', "format_datetime(TIMESTAMP '2020-01-02 03:04:05 UTC', 'Z|ZZ')", '+0000|+00:00', 'varchar'],
    ['Etc/GMT+3 is three hours behind', "format_datetime(TIMESTAMP '2020-01-02 03:04:05 Etc/GMT+3', 'Z')", '-0300', 'varchar'],
    [
      'beside quoted text and other letters',
      "format_datetime(TIMESTAMP '2020-01-02 03:04:05 America/New_York', 'yyyy-MM-dd''T''HH:mm:ssZZ')",
      '2020-01-02T03:04:05-05:00',
      'varchar',
    ],
    ['a quoted Z and a percent sign', "format_datetime(TIMESTAMP '2020-01-02 03:04:05 America/New_York', '''Z''Z''%''')", 'Z-0500%', 'varchar'],
    ['of an aggregate', "format_datetime(max(z), 'Z') FROM (VALUES TIMESTAMP '2020-01-02 03:04:05 Asia/Kathmandu') t(z)", '+0545', 'varchar'],
    ['of from_iso8601_timestamp', "format_datetime(from_iso8601_timestamp('2020-01-02T03:04:05-03:30'), 'ZZ')", '-03:30', 'varchar'],
    ['of a NULL timestamp', "format_datetime(CAST(NULL AS timestamp), 'HH Z')", null, 'varchar'],
    ['of an outer column', "(SELECT format_datetime(t.z, 'ZZ')) FROM (VALUES TIMESTAMP '2020-01-02 03:04:05 Asia/Kathmandu') t(z)", '+05:45', 'varchar'],
  ],
  [
    [
      'of a timestamp without a zone',
      "format_datetime(TIMESTAMP '2020-01-02 03:04:05', 'HH Z')",
      /format_datetime for TIMESTAMP type, cannot use 'Z' nor 'z' in format, as this type does not contain TZ information/,
    ],
  ],
);

describeFunctions(
  'approx_distinct(x, e) is exact while Trino 476 sketch is',
  [
    ['a few values', 'approx_distinct(x, 0.01) FROM (VALUES 1, 2, 3, 3) t(x)', 3, 'bigint'],
    ['58 values with 512 buckets (e = 0.05)', 'approx_distinct(x, 0.05) FROM (SELECT * FROM UNNEST(sequence(1, 58))) t(x)', 58, 'bigint'],
    ['2042 values with 16384 buckets (e = 0.01)', 'approx_distinct(x, 0.01) FROM (SELECT * FROM UNNEST(sequence(1, 2042))) t(x)', 2042, 'bigint'],
    ['a NULL error counts no row', 'approx_distinct(x, NULL) FROM (VALUES 1, 2) t(x)', 0, 'bigint'],
    ['a row whose error is NULL is not counted', 'approx_distinct(x, e) FROM (VALUES (1, 0.1), (2, CAST(NULL AS double))) t(x, e)', 1, 'bigint'],
    ['an error out of bounds over no rows', 'approx_distinct(x, 0.5) FROM (VALUES 1) t(x) WHERE false', 0, 'bigint'],
    [
      'zoned values by instant',
      "approx_distinct(z, 0.1) FROM (VALUES TIMESTAMP '2020-01-01 10:00 UTC', TIMESTAMP '2020-01-01 11:00 +01:00') t(z)",
      1,
      'bigint',
    ],
    ['in a correlated subquery', '(SELECT approx_distinct(u.x, 0.01) FROM (VALUES 1, 2, 2) u(x) WHERE u.x <= t.k) FROM (VALUES 2) t(k)', 2, 'bigint'],
  ],
  [
    ['an error below the bounds', 'approx_distinct(x, 1e-5) FROM (VALUES 1) t(x)', /Max standard error must be in \[0\.0040625, 0\.26\]: 1\.0E-5/],
    ['an error above the bounds', 'approx_distinct(x, 0.27) FROM (VALUES 1) t(x)', /Max standard error must be in \[0\.0040625, 0\.26\]: 0\.27$/],
  ],
);
