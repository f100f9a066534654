// Cases of Trino's own unit tests (trino-main operator/scalar and type tests: strings, regular expressions, JSON, math,
// numbers) replayed on the local engine and on Trino 476, where the local engine answered differently. Values and types
// are Trino 476's (docs/issue-15-audit.md, "Trino's unit tests replayed, strings and numbers").
import { describeFunctions } from './harness.js';

describeFunctions(
  "Trino's unit tests replayed: strings and regular expressions",
  [
    // TestStringFunctions.testHammingDistance: a NULL argument gives NULL (the local macro counted 0 differences).
    ['hamming_distance with a NULL second argument', "hamming_distance('hello', NULL)", null, 'bigint'],
    ['hamming_distance of a NULL column', "hamming_distance(a, b) FROM (VALUES ('hello', CAST(NULL AS varchar))) t(a, b)", null, 'bigint'],
    // AbstractTestRegexpFunctions.testRegexpReplace: Java reads the digits after $ while they name a group of the
    // pattern: '$01' is group 1, '$05' without groups is group 0 and a '5', '$10' with nine groups is group 1 and a '0'.
    // TRIM(LEADING FROM s) without characters is ltrim(s) (Java whitespace); DuckDB read LEADING as a column.
    ['trim LEADING FROM without characters', "trim(LEADING FROM chr(9) || ' a ')", 'a ', 'varchar'],
    ['trim TRAILING FROM without characters', "trim(TRAILING FROM s) FROM (VALUES ' a ' || chr(10)) t(s)", ' a', 'varchar'],
    ['trim BOTH FROM without characters', "trim(BOTH FROM '  hello  ')", 'hello', 'varchar'],
    // Java pads %% to its width.
    ['format of %% with a width', "format('%3%|%-3%|', 1)", '  %|%  |', 'varchar'],
    ['regexp_replace: a 0 and a 1 after the dollar name group 1', "regexp_replace('xxx', '(x)', '$01')", 'xxx', 'varchar'],
    ['regexp_replace without groups: a 0 and a 5 after the dollar are group 0 and a 5', "regexp_replace('xxx', 'x', '$05')", 'x5x5x5', 'varchar'],
    [
      'regexp_replace with nine groups: a 1 and a 0 after the dollar are group 1 and a 0',
      "regexp_replace('123456789', '(1)(2)(3)(4)(5)(6)(7)(8)(9)', '$10')",
      '10',
      'varchar',
    ],
    // Trino 476 gives '0' (group 10); the groups not referred to are made non-capturing locally (loud41; it was refused).
    ['regexp_replace of group 10', "regexp_replace('1234567890', '(1)(2)(3)(4)(5)(6)(7)(8)(9)(0)', '$10')", '0', 'varchar'],
    [
      'regexp_replace of a column with one group: a 1 and a 2 after the dollar',
      "regexp_replace(s, '(b)', '[$12]') FROM (VALUES 'abc') t(s)",
      'a[b2]c',
      'varchar',
    ],
  ],
  [
    // Trino 476: "Illegal replacement sequence: \" on any match (RE2 dropped the backslash and answered '').
    ['regexp_replace with a replacement ending in a backslash', "regexp_replace('xxx', 'x', '\\')", /unfaithful\/regexp-replace-backref.*lone backslash/],
    // TestFormatFunction: java.util.Formatter rejects these specifiers while it parses the format.
    ['format with both - and 0', "format('%-02d', 8)", /Invalid format string: %-02d \(IllegalFormatFlags: Flags = '-0'\)/],
    ['format with a flag twice', "format('%--2d', 8)", /Invalid format string: %--2d \(DuplicateFormatFlags: Flags = '-'\)/],
    ['format %s with +', "format('%+s', 8)", /Invalid format string: %\+s \(FormatFlagsConversionMismatch: Conversion = s, Flags = \+\)/],
    ['format %s with - and no width', "format('%-s', 8)", /Invalid format string: %-s \(MissingFormatWidth: %-s\)/],
    ['format %n with a width', "format('%5n', 8)", /Invalid format string: %5n \(IllegalFormatWidth: 5\)/],
    ['format %x with +', "format('%+x', 8)", /FormatFlagsConversionMismatch: Conversion = x, Flags = \+/],
    ['format %s with #', "format('%#s', 'a')", /FormatFlagsConversionMismatch: Conversion = s, Flags = #/],
    // TestConcatWsFunction: a NULL of no type matches the varchar and the array form (Trino 476: AMBIGUOUS_FUNCTION_CALL).
    ['concat_ws of a bare NULL', "concat_ws(',', NULL)", /unfaithful\/ambiguous-call/],
    // TestStringFunctions.testSplitToMap: the delimiters are compared before the (empty) text is split.
    ['split_to_map with equal delimiters of an empty text', "split_to_map('', '仿', '仿')", /entryDelimiter and keyValueDelimiter must not be the same/],
    [
      'split_to_multimap with equal delimiters of an empty text',
      "split_to_multimap('', '仿', '仿')",
      /entryDelimiter and keyValueDelimiter must not be the same/,
    ],
  ],
);

describeFunctions(
  "Trino's unit tests replayed: numbers",
  [
    // TestMathFunctions.testRound: Java's Math.round takes floor(x + 1/2) exactly; the double sum x + 0.5 rounds up to 1
    // for the greatest double below one half.
    ['round of the greatest double below one half', "round(DOUBLE '0.49999999999999994')", 0, 'double'],
    ['round of minus the greatest double below one half', "round(DOUBLE '-0.49999999999999994')", -0, 'double'],
    ['round to 0 places of the greatest double below one half', "round(DOUBLE '0.49999999999999994', 0)", 0, 'double'],
    ['round of an odd double past 2^52', 'round(4503599627370497E0)', 4503599627370497, 'double'],
    ['round of a column', "round(x) FROM (VALUES DOUBLE '0.49999999999999994') t(x)", 0, 'double'],
    ['CAST to integer of the greatest double below one half', "CAST(DOUBLE '0.49999999999999994' AS INTEGER)", 0, 'integer'],
    // TestMathFunctions.testCosineSimilarity: a NULL vector gives NULL (the map form answered NaN, the array form failed).
    ['cosine_similarity of a NULL map', "cosine_similarity(null, map(array ['c', 'b'], array [1.0E0, 3.0E0]))", null, 'double'],
    [
      'cosine_similarity of a NULL map column',
      "cosine_similarity(m, map(array ['c'], array [1.0E0])) FROM (VALUES CAST(NULL AS map(varchar, double))) t(m)",
      null,
      'double',
    ],
    ['cosine_similarity of a NULL array', 'cosine_similarity(array[1.0E0], CAST(NULL AS array(double)))', null, 'double'],
    // TestDoubleOperators.testTypeConstructor: the literal forms Java's Double.parseDouble reads.
    ['a DOUBLE literal of -NaN', "DOUBLE '-NaN'", Number.NaN, 'double'],
    ['a DOUBLE literal with a sign and spaces', "DOUBLE ' +754 '", 754, 'double'],
    // TestVarbinaryFunctions.testFromIEEE754Binary32: Java prints the least subnormal real with two digits.
    ['the least subnormal real', "from_ieee754_32(from_hex('00000001'))", 1.4e-45, 'real'],
    ['the least negative subnormal real', "from_ieee754_32(from_hex('80000001'))", -1.4e-45, 'real'],
    ['a REAL literal of -Infinity', "REAL '-Infinity'", Number.NEGATIVE_INFINITY, 'real'],
  ],
  [
    // Trino 476: INVALID_LITERAL "'inf' is not a valid DOUBLE literal" (DuckDB read inf, nan and 1_0).
    ['a DOUBLE literal of inf', "DOUBLE 'inf'", /unfaithful\/invalid-literal.*not a valid DOUBLE literal/],
    ['a DOUBLE literal of nan', "DOUBLE 'nan'", /unfaithful\/invalid-literal/],
    // TestMathFunctions.testTruncate: a number of places past the integer range is a bigint, which truncate and round
    // do not take in Trino 476 (FUNCTION_NOT_FOUND); DuckDB answered 1234.56.
    ['truncate to a bigint number of places', "truncate(DECIMAL '1234.56', 2147483648)", /unfaithful\/type.*takes an integer/],
    ['round to a bigint number of places', "round(DECIMAL '1234.56', 2147483648)", /unfaithful\/type.*takes an integer/],
    ['a REAL literal with an underscore', "REAL '1_0'", /unfaithful\/invalid-literal.*not a valid REAL literal/],
  ],
);
