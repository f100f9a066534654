// The shared translation of a regular expression argument (regexp_like, regexp_extract, regexp_replace, …). Athena runs
// Java-syntax patterns (Trino's Joni), DuckDB RE2; the common syntax means the same, except:
// - `\s` is [ \t\n\x0B\f\r] in Java, RE2 leaves out \x0B: a literal pattern's `\s` and `\S` are written out.
// - `\b`, `\B` and POSIX classes (`[[:alpha:]]`, `[[:upper:]]`, …) count non-ASCII letters and digits in Java
//   (regexp_like('é', '\bé\b') is true in Trino 476), ASCII only in RE2: RE2 cannot say it, so the text is checked
//   for non-ASCII characters, and such a text fails instead of giving another answer (trino_regexp_ascii_text).
import type { CallContext } from './functions.js';

/** The functions whose argument 1 is a pattern matched against argument 0. */
export const REGEXP_CALLS: ReadonlySet<string> = new Set([
  'regexp_like',
  'regexp_extract',
  'regexp_extract_all',
  'regexp_replace',
  'regexp_split',
  'regexp_count',
  'regexp_position',
]);

const JAVA_SPACE = '\\t\\n\\x0B\\f\\r ';

/** A Java pattern as RE2 reads it the same way, and whether its meaning depends on non-ASCII letters. */
export function javaPatternToRe2(pattern: string): { re2: string; unicodeWords: boolean } {
  let re2 = '';
  let inClass = false;
  let unicodeWords = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i];
      if (next === 's') re2 += inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`;
      else if (next === 'S' && !inClass) re2 += `[^${JAVA_SPACE}]`;
      else {
        if (!inClass && (next === 'b' || next === 'B')) unicodeWords = true;
        re2 += ch + next;
      }
      continue;
    }
    if (inClass && ch === '[' && pattern[i + 1] === ':') unicodeWords = true;
    if (inClass && ch === ']') inClass = false;
    else if (!inClass && ch === '[') {
      inClass = true;
      re2 += ch;
      // `[]…]` and `[^]…]`: a `]` first in a class is a character.
      if (pattern[i + 1] === '^') re2 += pattern[++i];
      if (pattern[i + 1] === ']') re2 += pattern[++i];
      continue;
    }
    re2 += ch;
  }
  return { re2, unicodeWords };
}

const STRING_LITERAL = /^'((?:[^']|'')*)'$/s;

/**
 * The call with its text (argument 0) and pattern (argument 1) as described above: a literal pattern is rewritten and
 * checked here, another one is checked by trino_regexp_ascii_text while the query runs.
 */
export function withJavaRegex(c: CallContext): CallContext {
  if (c.args.length < 2) return c;
  const literal = STRING_LITERAL.exec(c.arg(1));
  const { re2, unicodeWords } = literal ? javaPatternToRe2(literal[1].replaceAll("''", "'")) : { re2: '', unicodeWords: true };
  const pattern = literal ? `'${re2.replaceAll("'", "''")}'` : c.arg(1);
  const text = unicodeWords ? `trino_regexp_ascii_text(${c.arg(0)}, ${pattern})` : c.arg(0);
  const arg = (k: number) => (k === 0 ? text : k === 1 ? pattern : c.arg(k));
  return { ...c, arg, all: () => c.args.map((_a, k) => arg(k)).join(', ') };
}
