// `x IS [NOT] TRUE`, `IS [NOT] FALSE`, `IS [NOT] UNKNOWN` and a second IS after `IS [NOT] NULL` (`x IS NULL IS NULL`):
// not Athena SQL. Trino 476's IS takes only [NOT] NULL and [NOT] DISTINCT FROM, and it fails with SYNTAX_ERROR
// ("mismatched input 'TRUE'. Expecting: 'DISTINCT', 'NOT', 'NULL'"), where DuckDB reads them and answered (`SELECT true
// IS TRUE`: true; `WHERE x IS NOT TRUE` kept the NULL row; `1 IS NULL IS NULL`: false). Refused at lint
// (`unfaithful/syntax`) at the token Trino names; found by hand, docs/issue-15-audit.md, hunt43's section. Trino 476's
// answers, asked of the shared Trino, beside each case.
import { describe, expect, it } from 'vitest';
import { refusedAt, rowsAndTypes, sharedLake } from './lake-helpers.js';

describe('IS followed by a truth value, or by a second IS', () => {
  const engine = sharedLake();

  it.each<[string, string]>([
    // [sql, the token Trino 476's SYNTAX_ERROR points at (its line 1:col)]; locally before: true, true, the NULL row,
    // 1, true, false, a count of 1.
    ['SELECT true IS TRUE', 'TRUE'],
    ['SELECT NULL IS UNKNOWN', 'UNKNOWN'],
    ['SELECT x FROM (VALUES true, NULL) t(x) WHERE x IS NOT TRUE', 'TRUE'],
    ['SELECT CASE WHEN x IS FALSE THEN 1 END FROM (VALUES false) t(x)', 'FALSE'],
    ['SELECT x IS /* c */ NOT FALSE FROM (VALUES true) t(x)', 'FALSE'],
    ['SELECT 1 IS NULL IS NULL', 'IS NULL'],
    ['SELECT count(*) FROM (VALUES 1) t(x) HAVING count(*) IS NOT FALSE', 'FALSE'],
  ])('%s is refused at lint', async (sql, at) => {
    // The second IS of `IS NULL IS NULL` is at its last occurrence of 'IS NULL'.
    const col = at === 'IS NULL' ? sql.lastIndexOf(at) + 1 : sql.indexOf(at, sql.indexOf(' IS ')) + 1;
    await expect(engine.execute(sql)).rejects.toThrow(new RegExp(`<sql>:1:${col}: error \\[unfaithful/syntax\\] IS .*Athena's syntax error`));
  });

  it('names the line and column in a file of several lines', async () => {
    await expect(engine.execute('SELECT x\nFROM (VALUES true) t(x)\nWHERE x IS\n  NOT TRUE')).rejects.toThrow(/<sql>:4:7: error \[unfaithful\/syntax\]/);
  });

  it.each<[string, string, string, unknown[][]]>([
    // Trino 476 answers these: IS [NOT] NULL and [NOT] DISTINCT FROM, a parenthesized test tested again, the words
    // in a string or as quoted names.
    ['a parenthesized test', 'SELECT (1 IS NULL) IS NULL AS a', 'boolean', [[false]]],
    ['IS NOT DISTINCT FROM true', 'SELECT x IS NOT DISTINCT FROM true AS a FROM (VALUES true) t(x)', 'boolean', [[true]]],
    ['the words in a string', "SELECT 'a IS TRUE' AS a", 'varchar', [['a IS TRUE']]],
    ['quoted names', 'SELECT "is" IS NOT NULL AS a FROM (VALUES true) t("is")', 'boolean', [[true]]],
  ])('%s answers', async (_name, sql, type, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types: [type] });
  });
});
