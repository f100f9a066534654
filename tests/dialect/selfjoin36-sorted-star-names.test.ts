// A `*` select list over relations that share column names, sorted by ordinals (docs/issue-15-audit.md "Self-joins of
// one relation name, star column names over joins (session of 2026-12-07 early morning, branch selfjoin36)"): the
// translator sorts such a query outside (`SELECT * FROM (…) AS trino_sorted ORDER BY …`), where DuckDB renamed the
// repeated names k_1, s_1; Trino 476 keeps them (k, s, k, s). Every expectation is Trino 476's answer (value, type and
// column name), asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const T = "WITH t AS (SELECT * FROM (VALUES (1, 'a'), (2, 'b')) v(k, s))";
const KSKS = ['k integer', 's varchar', 'k integer', 's varchar'];

describe('a star over relations sharing column names, sorted by ordinals, keeps the repeated names', () => {
  it.each<[string, string[], unknown[][]]>([
    [
      `${T} SELECT * FROM t, t AS t2 ORDER BY 1, 2, 3, 4`,
      KSKS,
      [
        [1, 'a', 1, 'a'],
        [1, 'a', 2, 'b'],
        [2, 'b', 1, 'a'],
        [2, 'b', 2, 'b'],
      ],
    ],
    [`WITH t AS (SELECT 1 AS k) SELECT * FROM t, t AS t2 ORDER BY 1, 2`, ['k integer', 'k integer'], [[1, 1]]],
    [`SELECT * FROM (VALUES (1, 'a')) v(k, s), (VALUES (2, 'b')) w(k, s) ORDER BY 1, 2, 3, 4`, KSKS, [[1, 'a', 2, 'b']]],
    [`SELECT v.*, w.* FROM (VALUES (1, 'a')) v(k, s), (VALUES (2, 'b')) w(k, s) ORDER BY 1, 2, 3, 4`, KSKS, [[1, 'a', 2, 'b']]],
    [`SELECT *, 5 AS k FROM (VALUES (1, 'a')) v(k, s) ORDER BY 1`, ['k integer', 's varchar', 'k integer'], [[1, 'a', 5]]],
    [
      `${T} SELECT * FROM t JOIN t AS t2 ON t.k = t2.k ORDER BY 1, 2, 3, 4`,
      KSKS,
      [
        [1, 'a', 1, 'a'],
        [2, 'b', 2, 'b'],
      ],
    ],
    [
      `${T} SELECT * FROM t, t AS t2 ORDER BY 1 DESC NULLS FIRST, 2, 3, 4`,
      KSKS,
      [
        [2, 'b', 1, 'a'],
        [2, 'b', 2, 'b'],
        [1, 'a', 1, 'a'],
        [1, 'a', 2, 'b'],
      ],
    ],
    [
      `${T} SELECT * FROM t, t AS t2, t AS t3 WHERE t.k = 1 AND t2.k = 1 ORDER BY 1, 2, 3, 4, 5, 6`,
      [...KSKS, 'k integer', 's varchar'],
      [
        [1, 'a', 1, 'a', 1, 'a'],
        [1, 'a', 1, 'a', 2, 'b'],
      ],
    ],
    [`${T} SELECT * FROM t JOIN t AS t2 USING (k) ORDER BY 1, 2, 3 LIMIT 1`, ['k integer', 's varchar', 's varchar'], [[1, 'a', 'a']]],
  ])('%s', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  // A name that looks like DuckDB's renaming but is written so keeps it (Trino 476: k, k_1, k).
  it('a column written k_1 stays k_1', async () => {
    expect(await namedResult(engine, 'SELECT * FROM (VALUES (1, 2)) v(k, k_1), (VALUES 3) w(k) ORDER BY 1, 2, 3')).toEqual({
      columns: ['k integer', 'k_1 integer', 'k integer'],
      rows: [[1, 2, 3]],
    });
  });
});
