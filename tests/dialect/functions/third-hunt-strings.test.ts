// String functions over Unicode and LIKE … ESCAPE as Trino 476 answers them (found by the third hunt,
// docs/issue-15-audit.md "Found by the third hunt"; values and types are the shared Trino 476's).
// - reverse(): https://trino.io/docs/current/functions/string.html#reverse "Returns string with the characters in
//   reverse order": Trino's characters are code points, so a combining accent moves to the letter before it; DuckDB
//   reversed grapheme clusters.
// - LIKE: https://trino.io/docs/current/functions/comparison.html#like "The escape character … must be followed by %,
//   _ or the escape character itself" (INVALID_FUNCTION_ARGUMENT in Trino 476, also for an escape of 0 or 2 UTF-16
//   units); DuckDB read '#b' as 'b' and '' as no escape. With literals this is refused at the pattern.
// - format() with the format string only: Trino 476 fails at analysis (SYNTAX_ERROR "The 'format' function must have
//   at least two arguments"); the local Java formatter printed format('%%') as '%'. Refused by the function table.
import { describeFunctions } from './harness.js';

const ACUTE = '\u0301';

describeFunctions(
  'third hunt: strings',
  [
    ['reverse moves a combining accent', "reverse('e' || chr(769) || 'a')", `a${ACUTE}e`, 'varchar'],
    ['reverse of a column', `reverse(x) FROM (VALUES 'ae' || chr(769)) t(x)`, `${ACUTE}ea`, 'varchar'],
    ['reverse splits a skin tone from its emoji', 'reverse(chr(128578) || chr(127995))', '\u{1F3FB}\u{1F642}', 'varchar'],
    ['reverse swaps the letters of a flag', "reverse('🇺🇸')", '🇸🇺', 'varchar'],
    ['reverse of an empty string', "reverse('')", '', 'varchar'],
    ['reverse of a varchar NULL', 'reverse(CAST(NULL AS varchar))', null, 'varchar'],
    ['reverse of an array is unchanged', "reverse(ARRAY['a', 'b'])", ['b', 'a'], 'array(varchar)'],
    ['format of one value', "format('%s%%', 5)", '5%', 'varchar'],
    ['an escaped underscore', "'a_' LIKE 'a#_' ESCAPE '#'", true, 'boolean'],
    ['an escaped escape', "'a#' LIKE 'a##' ESCAPE '#'", true, 'boolean'],
    ['an escaped underscore is not any character', "x LIKE 'a!_b' ESCAPE '!' FROM (VALUES 'axb') t(x)", false, 'boolean'],
  ],
  [
    ['an escape before a letter', "'ab' LIKE 'a#b' ESCAPE '#'", /like-escape.*Escape character must be followed by '%', '_' or the escape character itself/],
    ['an escape at the end', "x LIKE 'ab#' ESCAPE '#' FROM (VALUES 'ab') t(x)", /like-escape.*Escape character must be followed by/],
    ['NOT LIKE', "'ab' NOT LIKE 'a#b' ESCAPE '#'", /like-escape.*Escape character must be followed by/],
    ['an empty escape', "'ab' LIKE 'ab' ESCAPE ''", /like-escape.*Escape string must be a single character/],
    ['format of %% alone', "format('%%')", /function-arity.*format\(\) takes 2 or more arguments locally, got 1/],
    ['format of text alone', "format('abc')", /function-arity.*format\(\) takes 2 or more arguments/],
    ['an escape of two UTF-16 units', "'a_b' LIKE 'a🙂_b' ESCAPE '🙂'", /like-escape.*Escape string must be a single character/],
  ],
);
