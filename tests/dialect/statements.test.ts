import { describe, expect, it } from 'vitest';
import { splitStatements } from '../../src/dialect/statements.js';
import { joinTokens, tokenize } from '../../src/dialect/tokens.js';

describe('tokenize', () => {
  it('is lossless and tracks lines', () => {
    const sql = 'SELECT \'a;b\' AS "x""y", `c` -- note;\n/* block; */ FROM t WHERE x -> 1 <= ${var}';
    const tokens = tokenize(sql);
    expect(joinTokens(tokens)).toBe(sql);
    expect(tokens.find((t) => t.text === 'FROM')).toMatchObject({ line: 2, col: 14 });
    expect(tokens.filter((t) => t.kind === 'op').map((t) => t.text)).toEqual(['->', '<=']);
    expect(tokens.find((t) => t.kind === 'variable')?.text).toBe('${var}');
  });

  it('reports unterminated strings with position', () => {
    expect(() => tokenize("SELECT\n  'abc")).toThrow(/unterminated string literal at line 2, column 3/);
  });
});

describe('splitStatements', () => {
  it('splits on top-level semicolons only', () => {
    const script = 'SELECT \';\' ; -- a; comment\nSELECT $$ a; b $$;\n\n/* only a comment; */ ;\n  SELECT "x;"';
    const statements = splitStatements(script);
    expect(statements.map((s) => s.text)).toEqual(["SELECT ';'", 'SELECT $$ a; b $$', 'SELECT "x;"']);
    expect(statements.map((s) => [s.index, s.line])).toEqual([
      [0, 1],
      [1, 2],
      [2, 5],
    ]);
  });
});

describe('tokenize: variables joined to names', () => {
  it('ends a word before ${…} so variables can be part of identifiers', () => {
    const tokens = tokenize('SELECT * FROM tbl_${suffix}_x');
    expect(tokens.filter((t) => t.kind !== 'ws').map((t) => [t.kind, t.text])).toEqual([
      ['word', 'SELECT'],
      ['op', '*'],
      ['word', 'FROM'],
      ['word', 'tbl_'],
      ['variable', '${suffix}'],
      ['word', '_x'],
    ]);
  });
});
