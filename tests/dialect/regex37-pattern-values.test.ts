// regexp_count and regexp_extract_all with the pattern a value (a column), left by hunt34 (docs/issue-15-audit.md,
// "Regular expressions left … branch regex37"): DuckDB's regexp_extract_all, under regexp_count too, reports an empty
// match at an assertion past the search's start twice (regexp_count(x, p) of 'ab' and '$' was 2). A literal such
// pattern is refused at lint (hunt34-regexp-empty-matches.test.ts); a pattern value is now checked while the query
// runs, with the same rule. Every value and type is Trino 476's answer, asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

const REFUSED = /can match the empty string at an assertion .* counts such a match twice/;

describe('regexp_count and regexp_extract_all of a pattern value that matches empty at an assertion fail while running', () => {
  it.each<[string, string]>([
    // Trino 476: 1 (locally 2).
    ['$ from a column', "SELECT regexp_count(x, p) AS v FROM (VALUES ('ab', '$')) t(x, p)"],
    // Trino 476: ['', '', '', ''] (locally six).
    ['\\b from a column', "SELECT regexp_extract_all(x, p) AS v FROM (VALUES ('ab cd', '\\b')) t(x, p)"],
    // Trino 476: [NULL].
    ['a group before $', "SELECT regexp_extract_all(x, p, 1) AS v FROM (VALUES ('ab', '(x)?$')) t(x, p)"],
    // Trino 476: 2 ('a' and the end).
    ['an alternative of $', "SELECT regexp_count(x, p) AS v FROM (VALUES ('ab', 'a|$')) t(x, p)"],
    // Trino 476: 2.
    ['a multi-line ^', "SELECT regexp_count(concat('a', chr(10), 'b'), p) AS v FROM (VALUES '(?m)^') t(p)"],
    // Trino 476: 2 ('b' and the end).
    ['a computed pattern', "SELECT regexp_count('ab', concat(p, '$')) AS v FROM (VALUES 'b?') t(p)"],
  ])('%s: %s', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });

  it('answers pattern values that cannot (as Trino 476)', async () => {
    const sql = `SELECT x, p, regexp_count(x, p) AS c, regexp_extract_all(x, p) AS e FROM (VALUES ('abc', 'x*'), ('abc', 'b*'),
      ('abc', 'c$'), ('abc', '^'), ('a$b', '[$]'), ('a b', '\\w\\b'), ('abc', '')) t(x, p) ORDER BY x, p`;
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [
        ['a b', '\\w\\b', 2, ['a', 'b']],
        ['a$b', '[$]', 1, ['$']],
        ['abc', '', 4, ['', '', '', '']],
        ['abc', '^', 1, ['']],
        ['abc', 'b*', 4, ['', 'b', '', '']],
        ['abc', 'c$', 1, ['c']],
        ['abc', 'x*', 4, ['', '', '', '']],
      ],
      types: ['varchar', 'varchar', 'bigint', 'array(varchar)'],
    });
  });

  it('a NULL pattern is NULL (Trino 476)', async () => {
    const sql = "SELECT regexp_count(x, p) AS c, regexp_extract_all(x, p) AS e FROM (VALUES ('ab', CAST(NULL AS varchar))) t(x, p)";
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows: [[null, null]], types: ['bigint', 'array(varchar)'] });
  });
});
