// Java (Joni) regex syntax RE2 rejects, from the open list of docs/issue-15-audit.md ("Regular expressions left …
// branch regex37"). It failed with RE2's own words ("bad repetition operator: ++", "invalid escape sequence: \h");
// the forms with an exact RE2 equivalent are translated, the others refused naming the construct: at lint with the
// call's position for a literal pattern (unfaithful/regexp-syntax), while running for a pattern value. Every value
// and type is Trino 476's answer, asked of the shared Trino (Trino uses Joni: \p{Alpha} is a Unicode property there,
// é is \p{Alpha}, so it has no ASCII translation).
import { describe, expect, it } from 'vitest';
import { regexSerdePattern } from '../../src/dialect/translate/java-regex.js';
import { sharedLake, refusedAt, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

describe('Java regex forms with an exact RE2 equivalent answer as on Athena', () => {
  it('POSIX properties Digit, XDigit and ASCII, \\e, \\cA, \\uXXXX and \\X, over ten texts', async () => {
    const sql = `SELECT x, p, regexp_like(x, p) AS l, regexp_extract(x, p) AS e
      FROM (VALUES '٣', 'Ａ', 'f', 'é', chr(27), chr(1), 'X', 'A') t(x)
      CROSS JOIN (VALUES '\\p{Digit}', '[\\p{Digit}]', '\\P{Digit}', '[\\P{Digit}]', '\\p{XDigit}', '[\\p{XDigit}]',
        '\\P{XDigit}', '[\\P{XDigit}x]', '\\p{ASCII}', '[\\p{ASCII}]', '\\P{ASCII}', '[\\P{ASCII}]', '\\p{digit}', '\\e',
        '[\\e]', '\\ca', '\\cA', '\\X', '\\u0041', '[\\u0041]') u(p)
      WHERE regexp_like(x, p) ORDER BY x, p`;
    // Trino 476: the 56 (x, p) pairs that match, each extracting x.
    const matches: [string, string[]][] = [
      ['\u0001', ['[\\P{Digit}]', '[\\P{XDigit}x]', '[\\p{ASCII}]', '\\P{Digit}', '\\P{XDigit}', '\\cA', '\\ca', '\\p{ASCII}']],
      ['\u001b', ['[\\P{Digit}]', '[\\P{XDigit}x]', '[\\e]', '[\\p{ASCII}]', '\\P{Digit}', '\\P{XDigit}', '\\e', '\\p{ASCII}']],
      ['A', ['[\\P{Digit}]', '[\\p{ASCII}]', '[\\p{XDigit}]', '[\\u0041]', '\\P{Digit}', '\\p{ASCII}', '\\p{XDigit}', '\\u0041']],
      ['X', ['[\\P{Digit}]', '[\\P{XDigit}x]', '[\\p{ASCII}]', '\\P{Digit}', '\\P{XDigit}', '\\X', '\\p{ASCII}']],
      ['f', ['[\\P{Digit}]', '[\\p{ASCII}]', '[\\p{XDigit}]', '\\P{Digit}', '\\p{ASCII}', '\\p{XDigit}']],
      ['é', ['[\\P{ASCII}]', '[\\P{Digit}]', '[\\P{XDigit}x]', '\\P{ASCII}', '\\P{Digit}', '\\P{XDigit}']],
      ['٣', ['[\\P{ASCII}]', '[\\P{XDigit}x]', '[\\p{Digit}]', '\\P{ASCII}', '\\P{XDigit}', '\\p{Digit}', '\\p{digit}']],
      ['Ａ', ['[\\P{ASCII}]', '[\\P{Digit}]', '[\\P{XDigit}x]', '\\P{ASCII}', '\\P{Digit}', '\\P{XDigit}']],
    ];
    const expected = matches.flatMap(([x, ps]) => ps.map((p) => [x, p, true, x]));
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows: expected, types: ['varchar', 'varchar', 'boolean', 'varchar'] });
  });

  it('escaped letters Joni reads as the letter (\\h, \\C, \\k, …; inside a class also \\z, \\A, \\Q, …) and \\Q…\\E quotes', async () => {
    const sql = `SELECT x, p FROM (VALUES 'g', 'k', 'C', 'E', 'R', 'z', 'A', 'G', 'Q', 'Z', '#', '\\s', 'a\\hb', 'k<') t(x)
      CROSS JOIN (VALUES '\\g', '[\\g]', '\\h', '[\\H]', '\\k', '[\\k]', '\\C', '[\\C]', '\\E', '\\R', '[\\R]', '[\\z]',
        '[\\A]', '[\\B]', '[\\G]', '[\\Q]', '[\\Z]', '\\Q\\s\\E', '\\Qa\\hb\\E', '\\Q\\s', '\\y', '\\O', '\\T') u(p)
      WHERE regexp_like(x, p) ORDER BY x, p`;
    // Trino 476: each letter matches its own escape only; '#' none (RE2's \C was any byte); \Q…\E quotes a backslash.
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [
        ['A', '[\\A]'],
        ['C', '[\\C]'],
        ['C', '\\C'],
        ['E', '\\E'],
        ['G', '[\\G]'],
        ['Q', '[\\Q]'],
        ['R', '[\\R]'],
        ['R', '\\R'],
        ['Z', '[\\Z]'],
        ['\\s', '\\Q\\s'],
        ['\\s', '\\Q\\s\\E'],
        ['a\\hb', '\\Qa\\hb\\E'],
        ['a\\hb', '\\h'],
        ['g', '[\\g]'],
        ['g', '\\g'],
        ['k', '[\\k]'],
        ['k', '\\k'],
        ['k<', '[\\k]'],
        ['k<', '\\k'],
        ['z', '[\\z]'],
      ],
      types: ['varchar', 'varchar'],
    });
  });

  it('a named group (?<n>…) is a numbered group', async () => {
    // Trino 476: 'a'.
    expect(await rowsAndTypes(engine, "SELECT regexp_extract('ab', '(?<n>a)b', 1) AS v")).toEqual({ rows: [['a']], types: ['varchar'] });
  });

  it('lazy and plain quantifiers are not taken for possessive ones', async () => {
    // Trino 476: 'aab', 'aab', 'ab', false (a literal + repeated).
    const sql =
      "SELECT regexp_extract('aab', 'a+?b') AS a, regexp_extract('aab', '[a-c]+b') AS b, regexp_extract('aab', 'a?b') AS c, regexp_like('aab', '\\++') AS d";
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows: [['aab', 'aab', 'ab', false]], types: ['varchar', 'varchar', 'varchar', 'boolean'] });
  });
  it('a class after a quantified atom is quantified on its own', async () => {
    // Trino 476: '  ab' (varchar), 3 (bigint): the `+` after `[a-b]` is not a possessive `*+`.
    const sql = "SELECT regexp_extract('  ab', '\\s*[a-b]+') AS v, regexp_count('1a 2b 14m', '\\s*[a-z]+\\s*') AS n";
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows: [['  ab', 3]], types: ['varchar', 'bigint'] });
  });
});

describe('Java regex forms RE2 rejects are refused naming the construct', () => {
  it.each<[string, string, string]>([
    // Trino 476 answers each (regexp_like over 'aab'): true, true, true, true, true, true, true, true, false, true, false,
    // true.
    ['\\p{Alpha}', '\\p{Alpha}', '\\\\p\\{Alpha\\} is a Unicode property'],
    ['[\\p{Lower}]', '[\\p{Lower}]', '\\\\p\\{Lower\\} is a Unicode property'],
    ['a++', 'a++', 'a possessive quantifier'],
    ['a{2}+', 'a{2}+', 'a possessive quantifier'],
    ['(a)\\1', '(a)\\1', 'a back reference'],
    ['(?<n>a)\\k<n>', '(?<n>a)\\k<n>', 'a back reference'],
    ['a(?=b)', 'a(?=b)', 'a look-ahead or look-behind'],
    ['(?<=a)b', '(?<=a)b', 'a look-ahead or look-behind'],
    ['(?<!a)b', '(?<!a)b', 'a look-ahead or look-behind'],
    ['(?>a+)b', '(?>a+)b', 'an atomic group'],
    ['a\\Z', 'a\\Z', '\\\\Z'],
    ['(?x) a b', '(?x) a b', 'the comments flag'],
  ])('%s at lint', async (_name, pattern, message) => {
    const sql = `SELECT 1 AS k, regexp_like('aab', '${pattern}') AS v`;
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('regexp-syntax', sql, 'regexp_like', `regexp_like\\(\\): ${message}`));
  });

  it('a pattern value while running', async () => {
    // Trino 476: true.
    const sql = "SELECT regexp_like(x, p) AS v FROM (VALUES ('aab', 'a*+b')) t(x, p)";
    await expect(engine.execute(sql)).rejects.toThrow(/"a\*\+b" is refused locally: a possessive quantifier/);
  });
});

describe("RegexSerDe's java.util.regex does not take Joni's readings", () => {
  it.each<[string]>([['(\\p{Digit}+)'], ['(\\p{XDigit}+)'], ['(a\\h)'], ['(\\ca)'], ['(\\X)']])('%s is refused', (pattern) => {
    expect(regexSerdePattern(pattern, false)).toHaveProperty('unfaithful');
  });

  it('the forms both read alike are translated', () => {
    expect(regexSerdePattern('([0-9]+) (?<n>\\e)', false)).toEqual({ re2: '(?s)^(?:([0-9]+) (?P<n>\\x1B))$', groups: 2 });
  });
});
