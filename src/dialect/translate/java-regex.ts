// The shared translation of a regular expression argument (regexp_like, regexp_extract, regexp_replace, …). Athena runs
// Java-syntax patterns (Trino's Joni), DuckDB RE2; the common syntax means the same, except:
// - `\s` is [ \t\n\x0B\f\r] in Java, RE2 leaves out \x0B: `\s` and `\S` are written out (also inside a class).
// - `\b`, `\B` and POSIX classes (`[[:alpha:]]`, `[[:upper:]]`, …) count non-ASCII letters and digits in Java
//   (regexp_like('é', '\bé\b') is true in Trino 476), ASCII only in RE2: RE2 cannot say it, so the text is checked
//   for non-ASCII characters, and such a text fails instead of giving another answer (trino_regexp_checked_text).
// - `$` (not multi-line) also matches before a final `\n` in Java; under (?i) ß matches ss; both checked likewise.
// - Classes inside classes, `&&`, a range from a class escape and (?U) mean other things: refused.
// A pattern given as a value goes through the same translation while the query runs (trino_java_regex).
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
/** Every character but JAVA_SPACE, as ranges for inside a class (`[^\S]`: RE2's `\S` takes the vertical tab). */
const JAVA_NOT_SPACE = '\\x00-\\x08\\x0E-\\x1F\\x21-\\x{10FFFF}';

/**
 * Characters whose case folding is several characters (ß is ss, ﬁ is fi): under (?i) Joni matches them with their
 * folding (regexp_like('ß', '(?i)ss') and regexp_like('SS', '(?i)ß') are true in Trino 476), RE2 one to one.
 */
export const MULTI_CHARACTER_FOLDS =
  /[\u00DF\u0130\u0149\u01F0\u0390\u03B0\u0587\u1E96-\u1E9A\u1E9E\u1F50\u1F52\u1F54\u1F56\u1F80-\u1FAF\u1FB2-\u1FB4\u1FB6\u1FB7\u1FBC\u1FC2-\u1FC4\u1FC6\u1FC7\u1FCC\u1FD2\u1FD3\u1FD6\u1FD7\u1FE2-\u1FE4\u1FE6\u1FE7\u1FF2-\u1FF4\u1FF6\u1FF7\u1FFC\uFB00-\uFB06\uFB13-\uFB17]/;

/** A Java pattern as RE2 reads it, and what of its meaning RE2 cannot say. */
export interface Re2Pattern {
  re2: string;
  /** `\b`, `\B` or a POSIX class: their letters include non-ASCII ones in Java, not in RE2 (the text is checked). */
  unicodeWords: boolean;
  /**
   * A `$` outside a class without the multi-line flag: Java's (Joni's) `$` also matches before a final `\n`
   * (regexp_like('a' || chr(10), 'a$') is true in Trino 476), RE2's only at the end. Written `\n?$` when only
   * whether it matches counts (regexp_like); otherwise a text ending in `\n` is refused.
   */
  endBeforeNewline: boolean;
  /** The case-insensitive flag: a text holding a character of MULTI_CHARACTER_FOLDS is refused. */
  caseInsensitive: boolean;
  /** A construct RE2 reads otherwise, said in words (refused). */
  unfaithful?: string;
}

/**
 * Joni's POSIX property classes that RE2 can say exactly, as [outside a class, inside one, negated outside, negated
 * inside] (Trino 476: \p{Digit} takes ٣ as \p{Nd} does; \p{XDigit} and \p{ASCII} are ASCII only: Ａ and é are not).
 * Joni reads property names in any case.
 */
const POSIX_PROPERTIES = new Map<string, [string, string, string, string]>([
  ['digit', ['\\p{Nd}', '\\p{Nd}', '\\P{Nd}', '\\P{Nd}']],
  ['xdigit', ['[0-9A-Fa-f]', '0-9A-Fa-f', '[^0-9A-Fa-f]', '\\x00-\\x2F\\x3A-\\x40\\x47-\\x60\\x67-\\x{10FFFF}']],
  ['ascii', ['[\\x00-\\x7F]', '\\x00-\\x7F', '[^\\x00-\\x7F]', '\\x{80}-\\x{10FFFF}']],
]);

/** Joni's other POSIX property classes (\p{Alpha} …): Unicode properties RE2 does not have. */
const POSIX_PROPERTY_NAMES = /^(?:alnum|alpha|blank|cntrl|graph|lower|print|punct|space|upper|word|alphabetic|lowercase|uppercase|white_?space)$/i;

/**
 * Escaped letters Joni reads as the letter itself (Trino 476: regexp_like('h', '\\h') is true, regexp_like('#', '\\h')
 * false), which RE2 rejects or, for \\C, reads as any byte: written as the letter. Inside a class also the anchors.
 */
const LITERAL_ESCAPES = new Set('ghijlmoqyCEFHIJKLMNORTUVX');
const LITERAL_ESCAPES_IN_CLASS = new Set('ghijklmoqyzABCEFGHIJKLMNOQRTUVXZ');

/** Escapes RE2 rejects, said in words (`k` also stands for the numbered back references \1 … \9). */
const UNSUPPORTED_ESCAPES: Record<string, string> = {
  k: 'a back reference (\\1, \\k<name>) is not supported by the local engine (RE2)',
  Z: '\\Z (the end, or before a final line break, on Athena) is not supported by the local engine (RE2); write $ (without the multi-line flag)',
  G: '\\G (the end of the previous match) is not supported by the local engine (RE2)',
};

/** Escapes that stand for a class of characters (a `-` after one, inside a class, is no range in RE2). */
const CLASS_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S', 'p', 'P', 'h', 'H', 'v', 'V']);

/**
 * A Java pattern as RE2 reads it the same way. `matchOnly`: only whether the pattern matches counts (regexp_like), so a
 * final `$` may take the `\n` before the end with it. `joni`: Trino's regexp functions (Joni, Java syntax); false for
 * java.util.regex (RegexSerDe), where Joni's readings of \p{Digit}, \cx and escaped letters are refused.
 */
export function javaPatternToRe2(pattern: string, matchOnly = false, joni = true): Re2Pattern {
  let re2 = '';
  let inClass = false;
  let unicodeWords = false;
  let endAnchor = false;
  let dollarBeforeMore = false;
  let multiLine = false;
  let caseInsensitive = false;
  let unfaithful: string | undefined;
  let afterClassEscape = false;
  let quantified = false;
  let afterOpen = false;
  const patternMultiLine = /\(\?[a-zA-Z]*m/.test(pattern);
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    const wasClassEscape = afterClassEscape;
    afterClassEscape = false;
    if (ch === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i];
      if (next === 's') re2 += inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`;
      else if (next === 'S') re2 += inClass ? JAVA_NOT_SPACE : `[^${JAVA_SPACE}]`;
      else if ((next === 'p' || next === 'P') && pattern[i + 1] === '{') {
        const close = pattern.indexOf('}', i);
        const end = close < 0 ? pattern.length - 1 : close;
        const name = pattern.slice(i + 2, end);
        const posix = joni ? POSIX_PROPERTIES.get(name.toLowerCase()) : undefined;
        if (!joni && (POSIX_PROPERTIES.has(name.toLowerCase()) || POSIX_PROPERTY_NAMES.test(name)))
          unfaithful ??= `\\${next}{${name}}: java.util.regex's POSIX classes are not Joni's, and RE2 has none`;
        else if (posix === undefined && POSIX_PROPERTY_NAMES.test(name))
          unfaithful ??= `\\${next}{${name}} is a Unicode property on Athena (Joni: é is \\p{Alpha}, ٣ is \\p{Digit}) and the local engine (RE2) has no such class; list the characters (e.g. [A-Za-z]) or use a general category (\\p{L}, \\p{Nd})`;
        re2 += posix === undefined ? pattern.slice(i - 1, end + 1) : posix[next === 'p' ? (inClass ? 1 : 0) : inClass ? 3 : 2];
        i = end;
      } else if (next === 'e') re2 += '\\x1B';
      else if ((inClass ? LITERAL_ESCAPES_IN_CLASS : LITERAL_ESCAPES).has(next) || (next === 'k' && pattern[i + 1] !== '<')) {
        // Joni's reading; java.util.regex (RegexSerDe) rejects most of them or reads \h, \R, \X otherwise.
        if (!joni) unfaithful ??= `\\${next} means another thing in java.util.regex than the letter, and RE2 rejects it`;
        re2 += next;
      } else if (next === 'Q') {
        // \Q…\E quotes: copied as it is (RE2 reads it alike), nothing inside is translated.
        const end = pattern.indexOf('\\E', i + 1);
        const stop = end < 0 ? pattern.length : end + 2;
        re2 += pattern.slice(i - 1, stop);
        i = stop - 1;
      } else if (next === 'c' && /[A-Za-z]/.test(pattern[i + 1] ?? '')) {
        // Joni's control character: \cA and \ca are both U+0001 (java.util.regex: \ca is !).
        if (!joni) unfaithful ??= '\\c: java.util.regex reads a control escape otherwise than Joni';
        re2 += `\\x{${(pattern.charCodeAt(++i) & 0x1f).toString(16)}}`;
      } else if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(pattern.slice(i + 1, i + 5))) {
        const code = Number.parseInt(pattern.slice(i + 1, i + 5), 16);
        if (code >= 0xd800 && code <= 0xdfff) unfaithful ??= 'a surrogate escape (\\uD83D) is half a character; write the character as \\x{1F600}';
        re2 += `\\x{${code.toString(16)}}`;
        i += 4;
      } else {
        if (!inClass && (next === 'b' || next === 'B')) unicodeWords = true;
        const unsupported = UNSUPPORTED_ESCAPES[next] ?? (!inClass && /[1-9]/.test(next) ? UNSUPPORTED_ESCAPES.k : undefined);
        if (unsupported) unfaithful ??= unsupported;
        re2 += ch + next;
      }
      afterClassEscape = inClass && CLASS_ESCAPES.has(next);
      quantified = false;
      afterOpen = false;
      continue;
    }
    if (inClass) {
      if (ch === '[' && pattern[i + 1] === ':') unicodeWords = true;
      else if (ch === '[') unfaithful ??= 'a class inside a class ([a[b]]) is their union in Java; RE2 reads the [ as a character';
      if (ch === '&' && pattern[i + 1] === '&') unfaithful ??= 'a class with && ([a-z&&[^b]]) is an intersection in Java; RE2 reads the & as a character';
      if (ch === '-' && wasClassEscape && pattern[i + 1] !== ']')
        unfaithful ??= `a range starting at a class escape ([\\d-z]) matches other characters in Java than in RE2`;
      if (ch === ']') inClass = false;
      re2 += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      // A class is an atom: a `+` after it quantifies it (`\s*[a-z]+` is not possessive).
      quantified = false;
      afterOpen = false;
      re2 += ch;
      // `[]…]` and `[^]…]`: a `]` first in a class is a character.
      if (pattern[i + 1] === '^') re2 += pattern[++i];
      if (pattern[i + 1] === ']') re2 += pattern[++i];
      continue;
    }
    if (ch === '(' && pattern[i + 1] === '?') {
      // Inline flags (?i), (?-i), (?i:…): the ones set, before any `-`.
      const group = /^\(\?([A-Za-z]*)(?:-([A-Za-z]*))?[:)]/.exec(pattern.slice(i));
      const flags = group?.[1] ?? '';
      if (flags.includes('i')) caseInsensitive = true;
      if (flags.includes('m')) multiLine = true;
      if (flags.includes('U')) unfaithful ??= '(?U) fails on Athena ("undefined group option"); RE2 reads it as ungreedy';
      const other = /[^imsU]/.exec(flags + (group?.[2] ?? ''))?.[0];
      if (other === 'x') unfaithful ??= 'the comments flag (?x) (white space and # comments ignored) is not supported by the local engine (RE2)';
      else if (other) unfaithful ??= `the flag (?${other}) is not supported by the local engine (RE2)`;
      const rest = pattern.slice(i);
      if (/^\(\?<?[=!]/.test(rest)) unfaithful ??= 'a look-ahead or look-behind ((?=…), (?!…), (?<=…), (?<!…)) is not supported by the local engine (RE2)';
      else if (rest.startsWith('(?>')) unfaithful ??= 'an atomic group (?>…) is not supported by the local engine (RE2)';
      else if (/^\(\?<[A-Za-z]/.test(rest)) {
        // A named group: RE2 spells it (?P<name>…); its number is the same.
        re2 += '(?P<';
        i += 2;
        quantified = false;
        afterOpen = false;
        continue;
      }
    }
    if (ch === '$') {
      // `$\n` (the escape or the character, no quantifier after it) takes the final line break: only the one before
      // the end can follow a `$` (not multi-line), so it is RE2's `\n\z`, whatever the text.
      const newline = pattern.startsWith('\\n', i + 1) ? 2 : pattern[i + 1] === '\n' ? 1 : 0;
      if (newline > 0 && !patternMultiLine && !/^[?*+{]/.test(pattern.slice(i + 1 + newline))) {
        re2 += '\\n\\z';
        i += newline;
        continue;
      }
      endAnchor = true;
      // `a$\n` matches 'a' + LF in Java: `$` looks ahead without taking the line break. `(?:\n?$)` takes it, so it
      // stands only where nothing follows the `$` in its branch; elsewhere the text is checked as for regexp_extract.
      if (i + 1 < pattern.length && pattern[i + 1] !== ')' && pattern[i + 1] !== '|') dollarBeforeMore = true;
      re2 += matchOnly ? '(?:\\n?$)' : ch;
      quantified = false;
      afterOpen = false;
      continue;
    }
    // Quantifiers: a `+` right after one makes it possessive (a++, a*+, a{2}+); a `?` after one makes it lazy.
    const wasQuantified = quantified;
    const wasOpen = afterOpen;
    quantified = false;
    afterOpen = ch === '(';
    if (ch === '+' && wasQuantified)
      unfaithful ??= 'a possessive quantifier (a++, a*+, a?+, a{2}+) never gives back what it took on Athena and is not supported by the local engine (RE2)';
    else if (ch === '*' || ch === '+' || (ch === '?' && !wasQuantified && !wasOpen)) quantified = true;
    else if (ch === '}' && /\{\d+(?:,\d*)?\}$/.test(pattern.slice(0, i + 1))) quantified = true;
    re2 += ch;
  }
  const endBeforeNewline = endAnchor && !multiLine;
  if ((multiLine || dollarBeforeMore) && matchOnly) re2 = javaPatternToRe2(pattern, false, joni).re2;
  if (caseInsensitive && MULTI_CHARACTER_FOLDS.test(pattern)) {
    unfaithful ??= 'under (?i) Java matches ß, ﬁ and other characters whose case folding is several letters with those letters (ß with SS); RE2 does not';
  }
  return { re2, unicodeWords, endBeforeNewline: endBeforeNewline && (!matchOnly || dollarBeforeMore), caseInsensitive, unfaithful };
}

/**
 * The checks of the text a pattern needs while the query runs, as the SQL text trino_regexp_checked_text reads: `w`
 * non-ASCII text under \b or a POSIX class, `n` a final line break under `$`, `i` a multi-character folding under (?i).
 */
export function regexpChecks(p: Re2Pattern): string {
  return `'${p.unicodeWords ? 'w' : ''}${p.endBeforeNewline ? 'n' : ''}${p.caseInsensitive ? 'i' : ''}'`;
}

const STRING_LITERAL = /^'((?:[^']|'')*)'$/s;

/**
 * The call with its text (argument 0) and pattern (argument 1) as described above: a literal pattern is rewritten and
 * checked here, another one by trino_java_regex and trino_java_regex_checks while the query runs. The text goes
 * through trino_regexp_checked_text when the pattern needs it.
 */
/**
 * The functions that list every match: DuckDB's regexp_extract_all (also under regexp_count) reports an empty match
 * twice when it lies past the position the search started from, as an assertion's does (regexp_count('ab', '$') and
 * regexp_count('ab', '\b') were 2 and 3; Trino 476: 1 and 2). An empty match at the search's start (the pattern '',
 * 'x*') is reported once, as in Trino.
 */
const COUNTS_EVERY_MATCH: ReadonlySet<string> = new Set(['regexp_count', 'regexp_extract_all']);

/**
 * Whether a Java pattern has an assertion that can stand past the search's start (`$`, `\b`, `\B`, `\z`, `\Z`, or `^`
 * under the multi-line flag) and, with its assertions left out, matches the empty string: then it can match empty at a
 * place the search reaches after its start. A pattern JavaScript cannot read gets no opinion (false).
 */
export function emptyMatchAfterAssertion(pattern: string): boolean {
  const multiLine = /\(\?[a-zA-Z]*m/.test(pattern);
  // Anchored at the start without alternation: it matches at the search's first position or nowhere.
  if (!multiLine && pattern.startsWith('^') && !pattern.includes('|')) return false;
  let stripped = '';
  let assertion = false;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!inClass && 'bBzZ'.includes(next) && next !== '') {
        assertion = true;
        i++;
        continue;
      }
      stripped += ch + next;
      i++;
    } else if (inClass) {
      stripped += ch;
      if (ch === ']') inClass = false;
    } else if (ch === '[') {
      stripped += ch;
      inClass = true;
      if (pattern[i + 1] === '^') stripped += pattern[++i];
      if (pattern[i + 1] === ']') stripped += pattern[++i];
    } else if (ch === '$') assertion = true;
    else if (ch === '^') assertion ||= multiLine;
    else stripped += ch;
  }
  if (!assertion) return false;
  try {
    return new RegExp(stripped.replace(/^\(\?[a-zA-Z]+\)/, '')).test('');
  } catch {
    return false;
  }
}

export function withJavaRegex(c: CallContext): CallContext {
  if (c.args.length < 2) return c;
  const matchOnly = c.name.text.toLowerCase() === 'regexp_like';
  const literal = STRING_LITERAL.exec(c.arg(1));
  let pattern: string;
  let checks: string;
  if (literal) {
    const translated = javaPatternToRe2(literal[1].replaceAll("''", "'"), matchOnly);
    if (translated.unfaithful)
      c.report('regexp-syntax', `${c.name.text}(): ${translated.unfaithful}`, 'write the pattern without the construct the message names');
    else if (COUNTS_EVERY_MATCH.has(c.name.text.toLowerCase()) && emptyMatchAfterAssertion(literal[1].replaceAll("''", "'")))
      c.report(
        'regexp-empty-match',
        `${c.name.text}(): the pattern ${JSON.stringify(literal[1].replaceAll("''", "'"))} can match the empty string at an assertion ($, \\b, \\B, \\z, \\Z, a multi-line ^), and the local engine counts such a match twice where Athena counts it once`,
        "match at least one character, e.g. 'a$' instead of 'a?$', or count with length() and replace()",
      );
    pattern = `'${translated.re2.replaceAll("'", "''")}'`;
    checks = regexpChecks(translated);
  } else if (COUNTS_EVERY_MATCH.has(c.name.text.toLowerCase())) {
    // The same check as above for a literal pattern, made on each pattern value (trino_java_regex_listed fails).
    pattern = `trino_java_regex_listed(${c.arg(1)})`;
    checks = `trino_java_regex_checks(${c.arg(1)}, false)`;
  } else {
    pattern = `trino_java_regex(${c.arg(1)}, ${matchOnly})`;
    checks = `trino_java_regex_checks(${c.arg(1)}, ${matchOnly})`;
  }
  const text = checks === "''" ? c.arg(0) : `trino_regexp_checked_text(${c.arg(0)}, ${checks})`;
  const arg = (k: number) => (k === 0 ? text : k === 1 ? pattern : c.arg(k));
  return { ...c, arg, all: () => c.args.map((_a, k) => arg(k)).join(', ') };
}

/**
 * A RegexSerDe 'input.regex' (Hive's and Trino's: java.util.regex with DOTALL, the whole line matched) as RE2 reads it,
 * with its number of groups, or why the local engine cannot read the table as Athena does: a construct RE2 reads
 * otherwise, `\b` or a POSIX class (Java's letters include non-ASCII ones), the case-insensitive property (Java's is
 * ASCII only), or a group that may not take part in the match (Java's group is NULL then, RE2's the empty text).
 */
export function regexSerdePattern(pattern: string, caseInsensitive: boolean): { re2: string; groups: number } | { unfaithful: string } {
  const p = javaPatternToRe2(pattern, false, false);
  if (p.unfaithful) return { unfaithful: p.unfaithful };
  if (p.unicodeWords) return { unfaithful: '\\b, \\B and POSIX classes match non-ASCII letters in Java, not in RE2' };
  if (caseInsensitive || p.caseInsensitive) return { unfaithful: "Java's case-insensitive matching is ASCII only; RE2's folds every letter" };
  const groups = captureGroups(pattern);
  const optional = groups.findIndex((g) => g.mayNotTakePart);
  if (optional >= 0)
    return {
      unfaithful: `group ${optional + 1} may not take part in a match (it is inside ?, * or one side of |): Athena reads its column as NULL then, RE2 as ''`,
    };
  return { re2: `(?s)^(?:${p.re2})$`, groups: groups.length };
}

/** The capturing groups of a Java pattern in order, and whether each may be left out of a match. */
export function captureGroups(pattern: string): { mayNotTakePart: boolean }[] {
  interface Level {
    capture: boolean;
    optional: boolean;
    alternation: boolean;
    parent?: Level;
  }
  const root: Level = { capture: false, optional: false, alternation: false };
  const captures: Level[] = [];
  let current = root;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      if (pattern[i + 1] === '^') i++;
      if (pattern[i + 1] === ']') i++;
    } else if (ch === '(') {
      const capture = pattern[i + 1] !== '?' || (pattern[i + 2] === '<' && /[A-Za-z]/.test(pattern[i + 3] ?? ''));
      current = { capture, optional: false, alternation: false, parent: current };
      if (capture) captures.push(current);
    } else if (ch === ')' && current.parent) {
      const next = pattern[i + 1];
      current.optional = next === '?' || next === '*' || (next === '{' && /^\{0[,}]/.test(pattern.slice(i + 1)));
      current = current.parent;
    } else if (ch === '|') current.alternation = true;
  }
  return captures.map((group) => {
    let mayNotTakePart = group.optional;
    for (let level = group.parent; level; level = level.parent) mayNotTakePart ||= level.optional || level.alternation;
    return { mayNotTakePart };
  });
}
