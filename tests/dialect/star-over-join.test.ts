// A `SELECT *` over a join inside a subquery or WITH query. Trino 476 (the shared oracle) keeps a name both relations
// have: `SELECT * FROM (SELECT * FROM a JOIN b ON a.k = b.k)` shows `k` twice and reading `k` from it fails with
// AMBIGUOUS_NAME "Column 'k' is ambiguous"; DuckDB renamed the second `k_1` and read the first. Refused while DuckDB
// binds (translate/star-names.ts), so over no rows too; names that do not repeat, USING joins and EXISTS keep Trino's
// answers. Also the first branch of a UNION/INTERSECT/EXCEPT that is a `SELECT *`: its columns now get the type-family
// check the written branches had (set-operation-types.ts). Every expectation is Trino 476's.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const JOIN_K = 'SELECT * FROM (VALUES (1, 2)) a(k, x) JOIN (VALUES (1, 3)) b(k, y) ON a.k = b.k';
const JOIN_DISTINCT = 'SELECT * FROM (VALUES (1, 2)) a(k, x) JOIN (VALUES (1, 3)) b(k2, y) ON a.k = b.k2';
const REPEATED = /the column "k" twice: Athena keeps both names \(reading k from it fails with AMBIGUOUS_NAME/;

describe('a SELECT * over a join that repeats a name, read by another query', () => {
  it.each([
    // Trino: AMBIGUOUS_NAME "Column 'k' is ambiguous" (locally the first k, 1).
    `SELECT k FROM (${JOIN_K})`,
    `SELECT s.k FROM (${JOIN_K}) s`,
    `WITH w AS (${JOIN_K}) SELECT k FROM w`,
    `SELECT * FROM (${JOIN_K}) ORDER BY k`,
    // Trino: COLUMN_NOT_FOUND "Column 'k_1' cannot be resolved" (locally DuckDB's renamed column).
    `SELECT k_1 FROM (${JOIN_K})`,
    // Trino answers k, x, k, y (locally k, x, k_1, y): refused, not renamed.
    `SELECT * FROM (${JOIN_K})`,
    `WITH w AS (${JOIN_K}) SELECT * FROM w`,
    `SELECT * FROM (SELECT * FROM (VALUES (1, 2)) a(k, x), (VALUES (1, 3)) b(k, y))`,
    // A WHERE whose comparisons carry checks of their own.
    `SELECT * FROM (${JOIN_K} WHERE a.x = 2 OR b.y = 9)`,
  ])('%s', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REPEATED);
  });

  it('is refused over no rows too (lake lint binds over empty tables)', async () => {
    await expect(engine.execute(`SELECT * FROM (${JOIN_K} WHERE false)`)).rejects.toThrow(REPEATED);
  });
});

describe("what keeps Trino's answer", () => {
  it.each<[string, string, string[], unknown[][]]>([
    [
      'names that do not repeat',
      `SELECT * FROM (${JOIN_DISTINCT} WHERE a.x = 5 OR b.y = 3)`,
      ['k integer', 'x integer', 'k2 integer', 'y integer'],
      [[1, 2, 1, 3]],
    ],
    ['a column that does not repeat', `SELECT x FROM (${JOIN_DISTINCT})`, ['x integer'], [[2]]],
    [
      'USING gives the key once',
      'SELECT * FROM (SELECT * FROM (VALUES (1, 2)) a(k, x) JOIN (VALUES (1, 3)) b(k, y) USING (k))',
      ['k integer', 'x integer', 'y integer'],
      [[1, 2, 3]],
    ],
    ['EXISTS reads no names', `SELECT count(*) FROM (VALUES 1) v(k) WHERE EXISTS (${JOIN_K})`, ['_col0 bigint'], [[1]]],
    ['the statement itself shows both names', JOIN_K, ['k integer', 'x integer', 'k integer', 'y integer'], [[1, 2, 1, 3]]],
    [
      'UNNEST columns have no name to repeat',
      'SELECT * FROM (SELECT * FROM (VALUES (1, 2)) a(k, x) CROSS JOIN UNNEST(ARRAY[5]) AS u)',
      ['k integer', 'x integer', '_col2 integer'],
      [[1, 2, 5]],
    ],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });
});

describe('a set operation whose first branch is a SELECT *', () => {
  it.each([
    // Trino: TYPE_MISMATCH "column 1 in UNION query has incompatible types: integer, varchar(1)" (locally varchar '1').
    ["SELECT * FROM (VALUES 1) a(k) UNION ALL SELECT 'a'", /^TYPE_MISMATCH: column 1 in UNION query has incompatible types/],
    // Trino: "column 2 in EXCEPT query has incompatible types: boolean, integer" (locally true became 1).
    ['SELECT * FROM (VALUES (1, true)) a(k, d) EXCEPT SELECT 2, 1', /^TYPE_MISMATCH: column 2 in EXCEPT query has incompatible types/],
    [`${JOIN_DISTINCT} UNION ALL SELECT 'a', 2, 3, 4`, /^TYPE_MISMATCH: column 1 in UNION query has incompatible types/],
    // Over a join that repeats a name the check's subquery would rename the column: refused as above.
    [`${JOIN_K} UNION ALL SELECT 'a', 2, 3, 4`, REPEATED],
  ])('%s', async (sql, trino) => {
    await expect(engine.execute(sql)).rejects.toThrow(trino);
  });

  it('keeps the common type where Athena has one', async () => {
    expect(await namedResult(engine, `${JOIN_DISTINCT} UNION ALL SELECT 2.5, 2, 3, 4 ORDER BY 1`)).toEqual({
      columns: ['k decimal(11,1)', 'x integer', 'k2 integer', 'y integer'],
      rows: [
        ['1.0', 2, 1, 3],
        ['2.5', 2, 3, 4],
      ],
    });
  });
});
