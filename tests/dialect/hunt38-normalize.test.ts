// normalize(s, form) (docs/issue-15-audit.md, "Random hunt with new seeds … branch hunt38"): a form was refused by
// arity where Trino 476 answers; the form is a keyword of Trino's grammar, read case-insensitively there but checked in
// upper case while running. Every value and type below is Trino 476's answer, and every error Trino's message, asked
// of the shared Trino.
import { describe, expect, it } from 'vitest';
import { checkFaithful } from '../../src/dialect/lint/index.js';
import { describeFunctions } from './functions/harness.js';

describeFunctions(
  'normalize(s, form)',
  [
    ['NFD splits é', "length(normalize('é', NFD))", 2, 'bigint'],
    ['NFC', "normalize('é', NFC)", 'é', 'varchar'],
    ['NFKC of a ligature', "normalize('ﬀ', NFKC)", 'ff', 'varchar'],
    ['NFKD of a ligature over a column', "normalize(x, NFKD) FROM (VALUES 'ﬃ') t(x)", 'ffi', 'varchar'],
    ['NFKC of a circled digit', "normalize('①', NFKC)", '1', 'varchar'],
    ['NFD of a Hangul syllable', "length(normalize('한', NFD))", 3, 'bigint'],
    ['an emoji is kept', "length(normalize('🙂é', NFD))", 3, 'bigint'],
    ['NULL', 'normalize(NULL, NFD)', null, 'varchar'],
    ['one argument is NFC', "normalize('é')", 'é', 'varchar'],
  ],
  [['a form in lower case', "normalize('é', nfd)", /Normalization form must be one of \[NFD, NFC, NFKD, NFKC\]/]],
);

describe('normalize(s, form) with a form Trino does not parse', () => {
  // Trino 476: SYNTAX_ERROR "mismatched input ''NFD''. Expecting: 'NFC', 'NFD', 'NFKC', 'NFKD'".
  it.each([
    ['a string', "SELECT normalize('x', 'NFD')"],
    ['another word', "SELECT normalize('x', XYZ)"],
  ])('is refused at lint time: %s', (_what, sql) => {
    expect(checkFaithful(sql, { file: 'm.sql' })).toEqual([expect.objectContaining({ line: 1, col: 8, rule: 'unfaithful/normalize-form' })]);
  });
});
