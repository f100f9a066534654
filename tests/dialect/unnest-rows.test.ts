// UNNEST of an array of rows (translate/unnest-columns.ts). Trino 476 (the shared oracle) gives a column per field of
// the row, named by the fields or by the alias list: `CROSS JOIN UNNEST(items) AS t(a, b)`. DuckDB gave one row column:
// `t.b` failed, `t.*` showed the row, and WITH ORDINALITY put the ordinal under the name `b`. One UNNEST whose alias
// list names more columns than it would give otherwise now unnests the rows' fields; an array of rows anywhere else is
// refused while DuckDB binds (over no rows too), as is UNNEST(NULL). Every expectation is Trino 476's.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const ITEMS = `CAST(json_parse('[{"a":1,"b":"x"},{"a":2,"b":"y"}]') AS array(row(a integer, b varchar)))`;
const V = `(SELECT 1 AS id, ${ITEMS} AS items, ARRAY[7, 8, 9] AS nums) v`;

describe('one UNNEST of an array of rows with its fields in the alias list', () => {
  it.each<[string, string, string[], unknown[][]]>([
    [
      'fields by the alias list',
      `SELECT v.id, t.a, t.b FROM ${V} CROSS JOIN UNNEST(v.items) AS t(a, b)`,
      ['id integer', 'a integer', 'b varchar'],
      [
        [1, 1, 'x'],
        [1, 2, 'y'],
      ],
    ],
    [
      't.* and other names',
      `SELECT id, t.* FROM ${V} CROSS JOIN UNNEST(v.items) AS t(p, q)`,
      ['id integer', 'p integer', 'q varchar'],
      [
        [1, 1, 'x'],
        [1, 2, 'y'],
      ],
    ],
    [
      'WITH ORDINALITY after the fields',
      `SELECT id, t.* FROM ${V} CROSS JOIN UNNEST(v.items) WITH ORDINALITY AS t(a, b, n) ORDER BY n`,
      ['id integer', 'a integer', 'b varchar', 'n bigint'],
      [
        [1, 1, 'x', 1],
        [1, 2, 'y', 2],
      ],
    ],
    ['over no rows', `SELECT t.b FROM ${V} CROSS JOIN UNNEST(v.items) AS t(a, b) WHERE false`, ['b varchar'], []],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });
});

describe('an array of rows elsewhere is refused', () => {
  const ROWS = /^UNNEST of an array of rows: Athena gives a column per field of the row/;
  it.each([
    // Trino: id, a | 1, 1 | 1, 2 (locally "a" not found).
    `SELECT id, a FROM ${V} CROSS JOIN UNNEST(v.items)`,
    // Trino: a, b (locally one row column _col0).
    `SELECT * FROM UNNEST(${ITEMS})`,
    `SELECT id, t.* FROM ${V} CROSS JOIN UNNEST(v.items) t`,
    // Trino: MISMATCHED_COLUMN_ALIASES "Column alias list has 1 entries but 't' has 2 columns available" (locally r, a row).
    `SELECT id, t.* FROM ${V} CROSS JOIN UNNEST(v.items) AS t(r)`,
    // Trino: a, b, n with the shorter array padded (locally MISMATCHED_COLUMN_ALIASES).
    `SELECT id, t.* FROM ${V} CROSS JOIN UNNEST(v.items, v.nums) AS t(a, b, n)`,
    // Over no rows too.
    `SELECT id, t.* FROM ${V} CROSS JOIN UNNEST(v.items) t WHERE false`,
  ])('%s', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(ROWS);
  });

  it('UNNEST(NULL) fails as in Trino', async () => {
    await expect(engine.execute('SELECT * FROM UNNEST(NULL)')).rejects.toThrow(/^INVALID_FUNCTION_ARGUMENT: Cannot unnest type: unknown/);
  });
});

describe("other arrays keep Trino's answer", () => {
  it.each<[string, string, string[], unknown[][]]>([
    [
      'arrays of arrays',
      'SELECT * FROM (VALUES 1) v(k) CROSS JOIN UNNEST(ARRAY[ARRAY[1, 2], ARRAY[3]]) AS u(x)',
      ['k integer', 'x array(integer)'],
      [
        [1, [1, 2]],
        [1, [3]],
      ],
    ],
    [
      'zoned timestamps',
      "SELECT * FROM UNNEST(ARRAY[TIMESTAMP '2025-01-01 00:00:00 UTC']) AS t(z)",
      ['z timestamp(3) with time zone'],
      [['2025-01-01 00:00:00.000 UTC']],
    ],
    [
      'a NULL array under LEFT JOIN',
      'SELECT * FROM (VALUES (1, CAST(NULL AS array(integer)))) v(k, a) LEFT JOIN UNNEST(a) AS u(x) ON true',
      ['k integer', 'a array(integer)', 'x integer'],
      [[1, null, null]],
    ],
    [
      'WITH ORDINALITY',
      'SELECT * FROM UNNEST(ARRAY[1, 2]) WITH ORDINALITY',
      ['_col0 integer', '_col1 bigint'],
      [
        [1, 1],
        [2, 2],
      ],
    ],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });
});
