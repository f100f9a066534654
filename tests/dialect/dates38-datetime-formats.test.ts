// date_format and format_datetime where the local engine failed, refused or answered otherwise (docs/issue-15-audit.md,
// "Date formats and parsing … branch dates38"; hunt37's leftovers). Every value and type below is the shared Trino
// 476's answer to the same SQL, and every error Trino's message; a lint refusal stands where Trino fails too.
// Columns (named twice: strftime for years 1678-2261, JavaScript for the others) and computed operands (named once, in
// a lambda) take different translations, so both are here; each over NULL as well.
import { describeFunctions } from './functions/harness.js';

const DATES = "(VALUES DATE '0999-12-31', DATE '2024-02-29', DATE '-0001-06-01', DATE '9999-12-31', CAST(NULL AS date)) t(x)";

describeFunctions('date_format of years before 1678 and after 2261, and before 1 (failed locally, or written otherwise)', [
  // Locally "Could not convert Timestamp(US) to Timestamp(NS)": a timestamp(0) reached strftime as nanoseconds.
  ['year 5', "date_format(TIMESTAMP '0005-01-01 12:05:09', '%Y %y %x %v')", '0005 05 0004 53', 'varchar'],
  ['year 999', "date_format(TIMESTAMP '0999-12-31 12:05:09', '%Y-%m-%d %j')", '0999-12-31 365', 'varchar'],
  ['year 1500', "date_format(TIMESTAMP '1500-01-01 12:05:09', '%Y')", '1500', 'varchar'],
  ['year 10000', "date_format(TIMESTAMP '10000-01-01 12:05:09', '%Y %y %x %v %j %m %d')", '10000 00 9999 52 001 01 01', 'varchar'],
  ['year 12345', "date_format(TIMESTAMP '12345-06-01 12:05:09', '%Y %y %x %v %j %m %d')", '12345 45 12345 22 152 06 01', 'varchar'],
  ['year -5', "date_format(TIMESTAMP '-0005-01-01 12:05:09', '%Y %y %x %v %j %m %d')", '-0005 05 -0006 52 001 01 01', 'varchar'],
  ['year 0', "date_format(TIMESTAMP '0000-01-01 12:05:09', '%Y %y %x %v %j %m %d')", '0000 00 -0001 52 001 01 01', 'varchar'],
  // Locally '-5 05 7290 52 001' (silent).
  ['a date of year -5', "date_format(DATE '-0005-01-01', '%Y %y %x %v %j')", '-0005 05 -0006 52 001', 'varchar'],
  ['a zoned value of year -5', "date_format(TIMESTAMP '-0005-01-01 10:00:00 UTC', '%Y %x')", '-0005 -0006', 'varchar'],
  ['year 9999', "date_format(TIMESTAMP '9999-12-31 23:59:59.999', '%Y %y %x %v %j %f')", '9999 99 9999 52 365 999000', 'varchar'],
  ['a NULL', "date_format(CAST(NULL AS timestamp), '%Y')", null, 'varchar'],
  [
    'a column of dates',
    `array_agg(date_format(x, '%Y-%m-%d %x-%v %j') ORDER BY x) FROM ${DATES}`,
    ['-0001-06-01 -0001-22 152', '0999-12-31 1000-01 365', '2024-02-29 2024-09 060', '9999-12-31 9999-52 365', null],
    'array(varchar)',
  ],
  [
    'a column of timestamp(0) values',
    "array_agg(date_format(x, '%Y %H:%i:%s %p') ORDER BY x) FROM (VALUES TIMESTAMP '0001-01-01 00:00:00', TIMESTAMP '1677-06-01 10:00:00', TIMESTAMP '2262-06-01 23:00:00', TIMESTAMP '12345-06-01 07:08:09', CAST(NULL AS timestamp(0))) t(x)",
    ['0001 00:00:00 AM', '1677 10:00:00 AM', '2262 23:00:00 PM', '12345 07:08:09 AM', null],
    'array(varchar)',
  ],
  [
    'a computed operand',
    `array_agg(date_format(date_add('day', 1, x), '%Y-%m-%d %x-%v') ORDER BY x) FROM ${DATES}`,
    ['-0001-06-02 -0001-22', '1000-01-01 1000-01', '2024-03-01 2024-09', '10000-01-01 9999-52', null],
    'array(varchar)',
  ],
  ['an aggregate operand', "date_format(min(x), '%Y %x') FROM (VALUES DATE '-0005-01-01', DATE '2024-01-01') t(x)", '-0005 -0006', 'varchar'],
]);

describeFunctions(
  'date_format: a character after % other than a code is written as itself, a trailing % dropped (refused locally)',
  [
    ['%Q', "date_format(TIMESTAMP '2024-02-29 00:00:00', '%Q')", 'Q', 'varchar'],
    ['a trailing %', "date_format(TIMESTAMP '2024-02-29 00:00:00', '%Y%')", '2024', 'varchar'],
    ['text and a trailing %', "date_format(TIMESTAMP '2024-02-29 13:05:09.123', 'x%')", 'x', 'varchar'],
    ['%- before a code', "date_format(TIMESTAMP '2024-02-29 13:05:09.123', '%-%Y')", '-2024', 'varchar'],
    ['% before a space, a digit and a dot', "date_format(TIMESTAMP '2024-02-29 13:05:09.123', '% %1%.')", ' 1.', 'varchar'],
    ['%% then %Q then a trailing %', "date_format(TIMESTAMP '2024-02-29 13:05:09.123', '%%%Q%')", '%Q', 'varchar'],
    ['over a NULL', "date_format(CAST(NULL AS timestamp), '%Q')", null, 'varchar'],
  ],
  [
    // Both fail: refused at lint, with Trino's reason.
    ['%D', "date_format(TIMESTAMP '2024-02-29 13:05:09.123', '%D')", /%D fails on Athena \(not supported in date format string\)/],
    ['%U', "date_format(TIMESTAMP '2024-02-29 13:05:09.123', '%U')", /%U fails on Athena/],
    ['an empty format', "date_format(TIMESTAMP '2024-02-29 13:05:09.123', '')", /Both printing and parsing not supported/],
    ['a lone %', "date_format(TIMESTAMP '2024-02-29 13:05:09.123', '%')", /Both printing and parsing not supported/],
  ],
);

describeFunctions(
  'format_datetime: Joda letters strftime lacks (K k e C Y x w G, S widths) and years before 1000 (refused, or failed locally)',
  [
    ['K k e E C Y x w', "format_datetime(TIMESTAMP '2024-01-01 12:05:09', 'K k e E C Y x w')", '0 12 1 Mon 20 2024 2024 1', 'varchar'],
    // 'y' and 'yyy' of a year before 1000 were written 0005 by strftime's %Y (silent).
    ['y, yyy, yyyy of year 5', "format_datetime(TIMESTAMP '0005-01-01 12:05:09', 'y yyy yyyy')", '5 005 0005', 'varchar'],
    ['year 2300', "format_datetime(TIMESTAMP '2300-01-01 12:05:09', 'yyyy')", '2300', 'varchar'],
    ['year -5 and its era', "format_datetime(TIMESTAMP '-0005-01-01 12:05:09', 'yyyy y G')", '-0005 -5 BC', 'varchar'],
    ['year 0', "format_datetime(TIMESTAMP '0000-01-01 12:05:09', 'yyyy yy y xxxx ww G')", '0000 00 0 -0001 52 BC', 'varchar'],
    ['year 10000', "format_datetime(TIMESTAMP '10000-01-01 12:05:09', 'yyyy yy y xxxx ww')", '10000 00 10000 9999 52', 'varchar'],
    ['quoted text with a quote', "format_datetime(TIMESTAMP '2024-02-29 13:05:09.123', '''o''''clock'' hh a')", "o'clock 01 PM", 'varchar'],
    ['quoted T', "format_datetime(TIMESTAMP '2024-02-29 13:05:09.123', 'yyyy-MM-dd''T''HH:mm:ss.SSS')", '2024-02-29T13:05:09.123', 'varchar'],
    ['with the offset', "format_datetime(TIMESTAMP '2024-02-29 13:05:09.123 +05:30', 'yyyy-MM-dd HH:mm Z ZZ K')", '2024-02-29 13:05 +0530 +05:30 1', 'varchar'],
    ['year 5 with the offset', "format_datetime(TIMESTAMP '0005-02-28 13:05:09.123 +05:30', 'y Z ''%'' e ZZ')", '5 +0530 % 1 +05:30', 'varchar'],
    ['a zone name', "format_datetime(TIMESTAMP '2024-02-29 13:05:09.123 Asia/Kolkata', 'KK:mm a ZZ')", '01:05 PM +05:30', 'varchar'],
    ['a NULL', "format_datetime(CAST(NULL AS timestamp), 'K')", null, 'varchar'],
    [
      'a column of dates',
      `array_agg(format_datetime(x, 'y yyy YYYY G C e E x-ww D') ORDER BY x) FROM ${DATES}`,
      [
        '-1 -001 0002 BC 0 2 Tue -1-22 152',
        '999 999 0999 AD 9 2 Tue 1000-01 365',
        '2024 2024 2024 AD 20 4 Thu 2024-09 60',
        '9999 9999 9999 AD 99 5 Fri 9999-52 365',
        null,
      ],
      'array(varchar)',
    ],
    [
      'a computed operand',
      "array_agg(format_datetime(date_add('day', 1, x), 'yyy-MM-dd kk') ORDER BY x) FROM (VALUES DATE '0999-12-31', DATE '2024-02-29', DATE '-0001-06-01', CAST(NULL AS date)) t(x)",
      ['-001-06-02 24', '1000-01-01 24', '2024-03-01 24', null],
      'array(varchar)',
    ],
    [
      'hours of the half day and fractions',
      "array_agg(format_datetime(x, 'K k h H a S SS SSSS') ORDER BY x) FROM (VALUES TIMESTAMP '2024-02-29 00:05:09.120', TIMESTAMP '2024-02-29 12:00:00.000', TIMESTAMP '2024-02-29 23:59:59.999') t(x)",
      ['0 24 12 0 AM 1 12 1200', '0 12 12 12 PM 0 00 0000', '11 23 11 23 PM 9 99 9990'],
      'array(varchar)',
    ],
  ],
  [
    ['a letter Joda lacks', "format_datetime(TIMESTAMP '2024-02-29 13:05:09.123', 'u')", /Illegal pattern component: u/],
    ['an empty pattern', "format_datetime(TIMESTAMP '2024-02-29 13:05:09.123', '')", /Pattern is null or empty/],
  ],
);
