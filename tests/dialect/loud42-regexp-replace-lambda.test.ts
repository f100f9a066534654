// regexp_replace(s, pattern, x -> …) with a lambda (docs/issue-15-audit.md, loud41's over-refusal; branch loud42):
// Trino 476 calls the lambda per match with the array of its capturing groups. The local engine joins the text between
// matches and each match's lambda result in order; patterns that match an empty text, or whose groups may not take part
// in a match (Java passes NULL, RE2 ''), stay refused at lint. Trino 476's answers (value and type, or its failure),
// asked of the shared Trino, are written beside each case.
import { describe, expect, it } from 'vitest';
import { checkFaithful } from '../../src/dialect/lint/index.js';
import { sharedLake } from './lake-helpers.js';

const FILE = 'sql/transforms/m.sql';

describe('regexp_replace with a lambda', () => {
  const engine = sharedLake();

  it('passes each match its groups (Trino 476: the values below, varchar)', async () => {
    const result = await engine.execute(
      `SELECT regexp_replace('new york', '(\\w)(\\w*)', x -> upper(x[1]) || lower(x[2])) AS a,
        regexp_replace('Hello World', '(?i)(o)', x -> '[' || upper(x[1]) || ']') AS b,
        regexp_replace('a.b.c', '\\.', x -> array_join(x, ',') || '|') AS c, regexp_replace('aaa', 'a', x -> 'bb') AS d,
        regexp_replace('x1y22', '([a-z])(\\d+)', x -> array_join(transform(x, e -> upper(e)), '+')) AS e,
        regexp_replace('ab', 'b', x -> CAST(cardinality(x) AS varchar)) AS f, regexp_replace('ab', 'b', x -> CAST(NULL AS varchar)) AS g,
        regexp_replace(NULL, 'b', x -> 'q') AS h, regexp_replace('', 'b', x -> 'q') AS i, regexp_replace('xyz', 'b', x -> 'q') AS j`,
    );
    expect(result.columns.map((c) => c.type)).toEqual(Array(10).fill('varchar'));
    expect(result.rows).toEqual([['New York', 'Hell[O] W[O]rld', 'a|b|c', 'bbbbbb', 'X+1Y+22', 'a0', null, null, '', 'xyz']]);
  }, 120_000);

  it("reads each row's text and the row's other columns (Trino 476: the values below)", async () => {
    const result = await engine.execute(
      "SELECT regexp_replace(s, '(\\d+)-(\\d+)', x -> x[2] || ':' || x[1] || y) AS a FROM (VALUES ('10-20 and 3-4!', '#'), ('none', '?'), (NULL, '!'), ('7-8', NULL)) t(s, y) ORDER BY 1",
    );
    expect(result.rows).toEqual([['20:10# and 4:3#!'], ['none'], [null], [null]]);
  }, 120_000);

  it.each([
    // Trino 476: "Array subscript must be less than or equal to array length: 3 > 1".
    ["SELECT regexp_replace('ab', '(b)', x -> x[3])", /Array subscript must be less than or equal to array length: 3 > 1/],
    // Trino 476: FUNCTION_NOT_FOUND "… regexp_replace(varchar, joniregexp, function(array(varchar),varchar(x)))".
    [
      "SELECT regexp_replace('ab', 'b', x -> 1)",
      /FUNCTION_NOT_FOUND: Unexpected parameters for function regexp_replace: Athena takes a lambda returning a varchar/,
    ],
    [
      "SELECT regexp_replace('ab', 'b', x -> NULL)",
      /FUNCTION_NOT_FOUND: Unexpected parameters for function regexp_replace: Athena takes a lambda returning a varchar/,
    ],
  ])(
    '%s fails',
    async (sql, message) => {
      await expect(engine.execute(sql)).rejects.toThrow(message);
    },
    120_000,
  );

  it.each([
    // Trino 476: N2b N2b (group 2 takes no part: NULL); RE2 would pass ''.
    ["regexp_replace(s, '(a)(x)?', x -> coalesce(x[2], 'N'))", 'unfaithful/regexp-replace-lambda'],
    ["regexp_replace(s, '(a)|(b)', x -> 'q')", 'unfaithful/regexp-replace-lambda'],
    // Trino 476: -a-b-c- (called between every character).
    ["regexp_replace(s, '', x -> '-')", 'unfaithful/regexp-empty-match'],
    ['regexp_replace(s, p, x -> x[1])', 'unfaithful/regexp-replace-lambda'],
  ])('lint refuses %s at the call', (expression, rule) => {
    expect(checkFaithful(`SELECT ${expression} FROM (VALUES ('ab', 'b')) t(s, p)`, { file: FILE })).toEqual([
      expect.objectContaining({ file: FILE, line: 1, col: 8, rule }),
    ]);
  });
});
