// split with a limit and regexp_replace with a NULL replacement (docs/issue-15-audit.md, loud40's over-refusals; branch
// loud41): both were refused locally where Trino 476 answers. Trino 476's answers (value and type, or its failure),
// asked of the shared Trino, are written beside each case.
import { describe, expect, it } from 'vitest';
import { sharedLake } from './lake-helpers.js';

describe('split with a limit, regexp_replace with a NULL replacement', () => {
  const engine = sharedLake();

  it('split(s, d, limit): the last element holds the rest (Trino 476: the values below, array(varchar))', async () => {
    const result = await engine.execute(
      `SELECT split('a,b,c,d', ',', 2) AS a, split('a,b,c,d', ',', 1) AS b, split('a,b,c,d', ',', 10) AS c,
        split('a,,b', ',', 2) AS d, split('', ',', 2) AS e, split(NULL, ',', 2) AS f, split('a,b', NULL, 2) AS g,
        split('a,b', ',', NULL) AS h, split('a,b,', ',', 3) AS i, split('a::b::c', '::', 2) AS j,
        split('a,b', ',', 2147483647) AS k, split(NULL, ',', 0) AS l`,
    );
    expect(result.columns.map((c) => c.type)).toEqual(Array(12).fill('array(varchar)'));
    expect(result.rows).toEqual([
      [['a', 'b,c,d'], ['a,b,c,d'], ['a', 'b', 'c', 'd'], ['a', ',b'], [''], null, null, null, ['a', 'b', ''], ['a', 'b::c'], ['a', 'b'], null],
    ]);
  }, 120_000);

  it('split of columns (Trino 476: [a, b,c], [p, q], [x;y;z])', async () => {
    const result = await engine.execute("SELECT split(x, d, n) AS v FROM (VALUES ('a,b,c', ',', 2), ('x;y;z', ';', 1), ('p,q', ',', 5)) t(x, d, n) ORDER BY 1");
    expect(result.rows).toEqual([[['a', 'b,c']], [['p', 'q']], [['x;y;z']]]);
  }, 120_000);

  it.each([
    // Trino 476: INVALID_FUNCTION_ARGUMENT "Limit must be positive" (also of an empty text).
    ["SELECT split('a,b', ',', 0)", /Limit must be positive/],
    ["SELECT split('', ',', -1)", /Limit must be positive/],
    // Trino 476: "Limit is too large".
    ["SELECT split('a,b', ',', 2147483648)", /Limit is too large/],
    // Trino 476: "The delimiter may not be the empty string".
    ["SELECT split('a,b', '', 2)", /The delimiter may not be the empty string/],
  ])(
    '%s fails as in Trino',
    async (sql, message) => {
      await expect(engine.execute(sql)).rejects.toThrow(message);
    },
    120_000,
  );

  it('regexp_replace with a NULL replacement is a varchar NULL (Trino 476: NULL, varchar)', async () => {
    const result = await engine.execute(
      "SELECT regexp_replace('abc', 'b', NULL) AS a, regexp_replace('abc', '(b)', NULL) AS b, regexp_replace(x, 'b', NULL) AS c FROM (VALUES 'abc') t(x)",
    );
    expect(result.columns.map((c) => c.type)).toEqual(['varchar', 'varchar', 'varchar']);
    expect(result.rows).toEqual([[null, null, null]]);
  }, 120_000);
});
