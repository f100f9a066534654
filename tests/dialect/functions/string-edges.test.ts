// String functions at the edges where DuckDB's built-in answered differently from Trino 476 (found by asking both the
// same query; docs/issue-15-audit.md, "Found by the function hunt"). Every value and type is Trino 476's answer.
// https://trino.io/docs/current/functions/string.html: upper/lower convert per character (Java's
// Character.toUpperCase/toLowerCase, Unicode 16 on Java 24), lpad/rpad take a size and a non-empty padding,
// replace "replaces all instances of search with replace", split_part's index starts at 1, codepoint takes a
// varchar(1).
import { describeFunctions } from './harness.js';

describeFunctions(
  'string functions at their edges',
  [
    ['upper keeps ß (its upper case is two letters)', "upper('straße')", 'STRAßE', 'varchar'],
    ['upper keeps ß before a letter', "upper('ßa')", 'ßA', 'varchar'],
    ['upper of a column with ß', "upper(x) FROM (VALUES 'groß') t(x)", 'GROß', 'varchar'],
    ['upper of capital sharp s', "upper('ẞ')", 'ẞ', 'varchar'],
    ['lower of capital sharp s', "lower('ẞ')", 'ß', 'varchar'],
    ['upper of a Unicode 16 letter (ƛ)', 'upper(chr(411)) = chr(42972)', true, 'boolean'],
    ['upper of a Unicode 16 letter outside the BMP', 'upper(chr(68976)) = chr(68944)', true, 'boolean'],
    ['lower of a Unicode 16 letter outside the BMP', 'lower(chr(68944)) = chr(68976)', true, 'boolean'],
    ['lower of a Unicode 16 letter (Ᲊ)', 'lower(chr(7305)) = chr(7306)', true, 'boolean'],
    ['upper of NULL', 'upper(NULL)', null, 'varchar'],
    ['lpad with a code point outside the BMP', "lpad('ab', 4, '🙂')", '🙂🙂ab', 'varchar'],
    ['rpad cuts a longer string', "rpad('abc', 2, 'x')", 'ab', 'varchar'],
    ['lpad of NULL with a negative length', "lpad(NULL, -1, 'x')", null, 'varchar'],
    ['rpad with a NULL padding', "rpad('a', -1, NULL)", null, 'varchar'],
    ['replace of the empty string', "replace('abc', '', '-')", '-a-b-c-', 'varchar'],
    ['replace of the empty string by code points', "replace('a🙂', '', '-')", '-a-🙂-', 'varchar'],
    ['replace of the empty string in the empty string', "replace('', '', '-')", '-', 'varchar'],
    ['replace of the empty string by nothing', "replace('abc', '', '')", 'abc', 'varchar'],
    ['replace of the empty string by NULL', "replace('ab', '', NULL)", null, 'varchar'],
    ['replace of the empty string, two arguments', "replace('abc', '')", 'abc', 'varchar'],
    ['split_part with an empty delimiter is a code point', "split_part('a🙂c', '', 2)", '🙂', 'varchar'],
    ['split_part with an empty delimiter, first', "split_part('abc', '', 1)", 'a', 'varchar'],
    ['split_part with an empty delimiter past the end', "split_part('abc', '', 4)", null, 'varchar'],
    ['split_part of the empty string with an empty delimiter', "split_part('', '', 1)", null, 'varchar'],
    ['codepoint outside the BMP', "codepoint('🙂')", 128578, 'integer'],
    ['codepoint of NULL', 'codepoint(NULL)', null, 'integer'],
  ],
  [
    ['lpad to a negative length', "lpad('a', -1, 'x')", /^Target length must be in the range \[0\.\.2147483647\]$/],
    ['rpad to a negative length', "rpad('a', -1, 'x')", /Target length must be in the range/],
    ['rpad past the int range', "rpad('a', 2147483648, 'x')", /Target length must be in the range/],
    ['lpad with an empty padding', "lpad('a', 2, '')", /^Padding string must not be empty$/],
    ['codepoint of the empty string', "codepoint('')", /^Input string must be a single character string$/],
    ['codepoint of two characters (Trino: no codepoint(varchar(2)))', "codepoint('ab')", /single character/],
  ],
);
