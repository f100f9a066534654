// Hand probes of regexp_replace (docs/issue-15-audit.md, "Random hunt with new seeds … branch hunt40"): a `${name}`
// reference to a named group of a literal pattern was refused locally (over-refusal); it is that group's number, as
// Java's Matcher reads it. A name the pattern lacks fails on a match in Trino ("unknown group { y }"), so it stays
// refused at lint as an unknown group number is. Every value below is Trino 476's answer, asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { checkFaithful } from '../../src/dialect/lint/index.js';
import { describeFunctions } from './functions/harness.js';

describeFunctions('regexp_replace with ${name} group references', [
  ['one named group', "regexp_replace('abc', '(?<x>b)', '[${x}]')", 'a[b]c', 'varchar'],
  ['a named group twice', "regexp_replace('abc', '(?<n>b)', '${n}${n}')", 'abbc', 'varchar'],
  ['two named groups swapped', "regexp_replace('abcabc', '(?<first>a)(?<second>b)', '${second}${first}')", 'bacbac', 'varchar'],
  ['a named group after a numbered one', "regexp_replace('abc', '(a)(?<n>b)', '${n}$1')", 'bac', 'varchar'],
  ['a name with a digit', "regexp_replace('abc', '(?<n1>b)', '<${n1}>')", 'a<b>c', 'varchar'],
  ['a named group after a non-capturing one', "regexp_replace('abc', '(?:a)(?<n>b)', '${n}')", 'bc', 'varchar'],
  ['an escaped parenthesis before the group', "regexp_replace('a(bc', '\\((?<n>b)', '${n}')", 'abc', 'varchar'],
  ['an emoji group', "regexp_replace('a🙂c', '(?<e>🙂)', '[${e}]')", 'a[🙂]c', 'varchar'],
  ['an escaped dollar', "regexp_replace('abc', '(?<n>b)', '\\${n}')", 'a${n}c', 'varchar'],
  ['over a column', "regexp_replace(s, '(?<n>b)', '<${n}>') FROM (VALUES 'abcb') t(s)", 'a<b>c<b>', 'varchar'],
]);

describe('regexp_replace with a ${name} the pattern lacks', () => {
  it('is refused at lint (Trino 476 fails on a match: "Illegal replacement sequence: unknown group { y }")', () => {
    for (const pattern of ["'(?<n>b)'", "'(b)'", "'b'"])
      expect(checkFaithful(`SELECT regexp_replace('abc', ${pattern}, '\${y}') AS v`, { file: 'm.sql' })).toEqual([
        expect.objectContaining({ line: 1, col: 8, rule: 'unfaithful/regexp-replace-backref', message: expect.stringContaining('named y') }),
      ]);
  });
});
