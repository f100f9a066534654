// Where Java's regular expressions (Trino 476's Joni) and RE2 (DuckDB) read the same pattern differently: `\s` takes
// the vertical tab (\x0B) in Java, and `\b`, `\B` and POSIX classes count non-ASCII letters as word characters
// (regexp_like('é', '\bé\b') and regexp_like('é', '^[[:alpha:]]$') are true in Trino 476, false in RE2). The first
// is written out for RE2 (src/dialect/translate/java-regex.ts); the second fails on a non-ASCII text instead of
// answering differently. Values and types are the shared Trino 476's. https://trino.io/docs/current/functions/regexp.html
// ("Java pattern syntax"); Java's \s is [ \t\n\x0B\f\r].
import { describeFunctions } from './harness.js';

describeFunctions(
  'regular expressions: Java classes',
  [
    ['\\s takes the vertical tab', "regexp_like(chr(11), '^\\s$')", true, 'boolean'],
    ['\\s in a class takes the vertical tab', "regexp_like(chr(11), '^[x\\s]$')", true, 'boolean'],
    ['\\S leaves out the vertical tab', "regexp_like(chr(11), '^\\S$')", false, 'boolean'],
    ['\\S between letters', "regexp_like('a b', 'a\\Sb')", false, 'boolean'],
    ['regexp_replace of \\s', "regexp_replace('a' || chr(11) || 'b', '\\s', '_')", 'a_b', 'varchar'],
    ['regexp_count of \\s', "regexp_count('a b' || chr(11), '\\s')", 2, 'bigint'],
    ['\\b over ASCII text', "regexp_like('abc', '\\babc\\b')", true, 'boolean'],
    ['regexp_extract_all with \\b over ASCII text', "regexp_extract_all('a1 b2', '\\b\\w')", ['a', 'b'], 'array(varchar)'],
    ['a POSIX class over ASCII text', "regexp_like('a', '^[[:alpha:]]$')", true, 'boolean'],
    ['\\b over a NULL text', "regexp_like(NULL, '\\b')", null, 'boolean'],
    ['\\p{L} takes non-ASCII letters', "regexp_like('é', '^\\p{L}$')", true, 'boolean'],
    ['an escaped backslash before b is no boundary', "regexp_like('é\\b', 'é\\\\b')", true, 'boolean'],
  ],
  [
    ['\\b over a non-ASCII letter', "regexp_like('é', '\\bé\\b')", /counts non-ASCII letters as word characters on Athena/],
    ['\\B over a non-ASCII letter', "regexp_like('aé', 'a\\B')", /counts non-ASCII letters/],
    ['a POSIX class over a non-ASCII letter', "regexp_like('é', '^[[:alpha:]]$')", /counts non-ASCII letters/],
    ['regexp_replace with \\b over a non-ASCII text', "regexp_replace('café bar', '\\b', '|')", /counts non-ASCII letters/],
    ['a pattern column with \\b over a non-ASCII text', "regexp_like(x, p) FROM (VALUES ('é', '\\b')) t(x, p)", /counts non-ASCII letters/],
  ],
);
