// Found by hand beside the random tier's runs of seeds 20261291 and on (docs/issue-15-audit.md, "Random hunt with new
// seeds … branch hunt34"): DuckDB's regexp_extract_all, under regexp_count too, reports an empty match twice when it
// lies past the position its search started from, as an assertion's does. Such literal patterns are refused at lint;
// the empty matches found at the search's start ('', 'x*', 'b*') and patterns that need a character answer as in
// Trino. Every value and type is Trino 476's answer, asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { sharedLake, refusedAt, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

describe('regexp_count and regexp_extract_all of a pattern that matches empty at an assertion are refused', () => {
  it.each<[string, string, string]>([
    // Trino 476 answers 1 (locally 2).
    ['$ at the end', "SELECT regexp_count('ab', '$') AS v", 'regexp_count'],
    // Trino 476: 2 (locally 3); 'ab cd': 4 (locally 6).
    ['a word boundary', "SELECT regexp_count('ab cd', '\\b') AS v", 'regexp_count'],
    // Trino 476: [''] (locally ['', '']).
    ['regexp_extract_all of $', "SELECT regexp_extract_all('abc', '$') AS v", 'regexp_extract_all'],
    // Trino 476: [NULL] (a group that takes no part).
    ['regexp_extract_all of a group before $', "SELECT regexp_extract_all('ab', '(x)?$', 1) AS v", 'regexp_extract_all'],
    // Trino 476: 2 ('a' and the end).
    ['an alternative of $', "SELECT regexp_count('ab', 'a|$') AS v", 'regexp_count'],
    // Trino 476: 2 ('b' and the end).
    ['an optional character before $', "SELECT regexp_count('ab', 'b?$') AS v", 'regexp_count'],
    // Trino 476: 1.
    ['\\z', "SELECT regexp_count('ab', '\\z') AS v", 'regexp_count'],
    // Trino 476: 2.
    ['a multi-line ^', "SELECT regexp_count(concat('a', chr(10), 'b'), '(?m)^') AS v", 'regexp_count'],
    // Trino 476: 1.
    ['over a column', "SELECT regexp_count(x, '(?m)$') AS v FROM (VALUES 'a') t(x)", 'regexp_count'],
  ])('%s: %s', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('regexp-empty-match', sql, at));
  });

  it.each<[string, string, unknown, string]>([
    ['the empty pattern', "SELECT regexp_count('abc', '') AS v", 4, 'bigint'],
    ['x* (every match at the search start)', "SELECT regexp_count('abc', 'x*') AS v", 4, 'bigint'],
    ['b*', "SELECT regexp_extract_all('abc', 'b*') AS v", ['', 'b', '', ''], 'array(varchar)'],
    ['a character before $', "SELECT regexp_count('abc', 'c$') AS v", 1, 'bigint'],
    ['^ alone', "SELECT regexp_count('abc', '^') AS v", 1, 'bigint'],
    ['^$ of a non-empty text', "SELECT regexp_count('abc', '^$') AS v", 0, 'bigint'],
    ['^$ of the empty text', "SELECT regexp_count('', '^$') AS v", 1, 'bigint'],
    ['$ in a class', "SELECT regexp_count('a$b', '[$]') AS v", 1, 'bigint'],
    ['an escaped $', "SELECT regexp_count('a$b', '\\$') AS v", 1, 'bigint'],
    ['a word character before a boundary', "SELECT regexp_extract_all('a b', '\\w\\b') AS v", ['a', 'b'], 'array(varchar)'],
    ['regexp_like is not concerned', "SELECT regexp_like('ab', '$') AS v", true, 'boolean'],
    ['regexp_extract is not concerned', "SELECT regexp_extract('ab', '$') AS v", '', 'varchar'],
  ])('%s: %s', async (_name, sql, value, type) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows: [[value]], types: [type] });
  });
});
