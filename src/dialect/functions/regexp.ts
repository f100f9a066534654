// Regular expression functions (https://trino.io/docs/current/functions/regexp.html). DuckDB uses RE2, Athena
// Java-compatible patterns: the common syntax is shared; look-around and backreferences fail locally.
import { rewrite, shim, type FunctionFamily } from './entry.js';

export const REGEXP: FunctionFamily = {
  regexp_like: rewrite('a match anywhere in the string', '2'),
  regexp_extract: rewrite('NULL when the pattern does not match or the group takes no part in the match; a group the pattern lacks fails', '2-3'),
  regexp_extract_all: shim(
    'trino_regexp_extract_all',
    '2-3',
    'a group that takes no part in a match is NULL; a group the pattern lacks fails; a literal pattern that matches empty at an assertion ($, \\b) is refused',
  ),
  regexp_replace: rewrite(
    '$1 group references ($10 and past where nine groups at most are referenced); a NULL replacement gives NULL; a lambda gets the groups of each match (refused where a group may take no part, or the pattern is not a literal); the 2-argument form removes matches; a literal pattern matching the empty string is refused unless anchored with ^',
    '2-3',
  ),
  regexp_split: rewrite('regexp_split_to_array; a literal pattern matching the empty string is refused', '2'),
  regexp_count: shim('trino_regexp_count', '2', 'a literal pattern that matches empty at an assertion ($, \\b) is refused'),
  regexp_position: rewrite('-1 when there is no match; a literal pattern matching the empty string is refused', '2-4'),
};
