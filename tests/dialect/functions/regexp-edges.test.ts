// Regular expression functions at the edges where RE2 (DuckDB) answered differently from Trino 476 (found by asking
// both the same query; docs/issue-15-audit.md, "Found by the function hunt"). Values and types are Trino 476's.
// https://trino.io/docs/current/functions/regexp.html: regexp_extract(string, pattern, group) "finds the first
// occurrence … and returns the capturing group number group"; a group that takes no part in the match is NULL, a
// group the pattern lacks or a negative one fails whether or not the pattern matches.
import { describeFunctions } from './harness.js';

describeFunctions(
  'regular expressions at their edges',
  [
    ['regexp_extract of a group outside the match is NULL', "regexp_extract('abc', '(b)(x)?', 2)", null, 'varchar'],
    ['regexp_extract of a group inside the match', "regexp_extract('abc', '(b)(x)?', 1)", 'b', 'varchar'],
    ['regexp_extract of a column, group outside the match', "regexp_extract(x, '(\\d+)-(\\d+)?', 2) FROM (VALUES '12-') t(x)", null, 'varchar'],
    ['regexp_extract with a group column', "regexp_extract(x, '(\\d+)-(\\d+)?', g) FROM (VALUES ('12-3', BIGINT '2')) t(x, g)", '3', 'varchar'],
    ['regexp_extract without a match', "regexp_extract('abc', '(x)', 1)", null, 'varchar'],
    ['regexp_extract of NULL with a missing group', "regexp_extract(NULL, '(x)', 5)", null, 'varchar'],
    ['regexp_extract with a NULL group', "regexp_extract('abc', '(b)', NULL)", null, 'varchar'],
    ['regexp_extract of the second of two groups', "regexp_extract('a1b2', '([a-z])(\\d)', 2)", '1', 'varchar'],
    ['regexp_extract_all of a group outside the match', "regexp_extract_all('abc', '(b)(x)?', 2)", [null], 'array(varchar)'],
    ['regexp_extract_all with a NULL group', "regexp_extract_all('abc', '(b)', NULL)", null, 'array(varchar)'],
    ['regexp_replace anchored at the start', "regexp_replace('  abc', '^\\s*', '')", 'abc', 'varchar'],
    ['regexp_replace of the start', "regexp_replace('abc', '^', '>')", '>abc', 'varchar'],
  ],
  [
    ['regexp_extract of a missing group without a match', "regexp_extract('abc', 'x', 1)", /Pattern has 0 groups\. Cannot access group 1/],
    ['regexp_extract of a missing group', "regexp_extract('abc', '(x)', 2)", /Pattern has 1 groups\. Cannot access group 2/],
    ['regexp_extract of a negative group', "regexp_extract('abc', 'b', -1)", /^Group cannot be negative$/],
    ['regexp_extract_all of a negative group', "regexp_extract_all('abc', 'b', -1)", /^Group cannot be negative$/],
    ['regexp_extract_all of a missing group without a match', "regexp_extract_all('abc', 'x', 1)", /Pattern has 0 groups/],
    // Java tries an empty match right after a match, RE2 does not: Trino 476 gives 'axx' and '-a--c-', locally refused.
    ['regexp_replace of an empty match at the end', "regexp_replace('a  ', '\\s*$', 'x')", /regexp-empty-match/],
    ['regexp_replace of an optional letter', "regexp_replace('abc', 'b*', '-')", /regexp-empty-match/],
    ['regexp_replace removing an alternative with the end', "regexp_replace('abc', 'c|$')", /regexp-empty-match/],
  ],
);
