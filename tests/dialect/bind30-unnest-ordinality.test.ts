// UNNEST(a, b, …) WITH ORDINALITY (issue 18, docs/performance.md "DuckDB binding cost of the dialect's macros"): the
// ordinals were written in Trino's functions (greatest of coalesce of cardinality, sequence, array_remove), and the
// shims' type checks around each call mentioned its operand again at every level, so DuckDB bound each UNNEST
// argument dozens of times (~12 s of CPU for three arrays). The ordinals are now DuckDB's len() and range(): each
// argument is written a bounded number of times. Every expected answer is Trino 476's (value and type), asked of the
// shared Trino.
import { describe, expect, it } from 'vitest';
import { translateQuery } from '../../src/dialect/translate/query.js';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const mentions = (text: string, operand: string) => text.split(operand).length - 1;

describe('the ordinals of UNNEST WITH ORDINALITY bind each argument a bounded number of times', () => {
  it('writes each argument at most five times (unnest, len and the three type checks), with no shim around it', () => {
    const sql = translateQuery('SELECT * FROM UNNEST(ARRAY[1, 2], CAST(NULL AS array(varchar)), ARRAY[7]) WITH ORDINALITY AS t(a, b, c, o)');
    // Before: ARRAY[7] 11 times and the cast 32 times in the text, each inside macros that repeat it again.
    expect(mentions(sql, 'ARRAY[7]')).toBeLessThanOrEqual(5);
    expect(mentions(sql, 'AS VARCHAR[])')).toBeLessThanOrEqual(5);
    expect(sql).not.toMatch(/trino_(cardinality|sequence|array_remove|greatest)/);
  });

  it('a lateral argument too', () => {
    const sql = translateQuery('SELECT * FROM (VALUES ARRAY[1]) v(a) CROSS JOIN UNNEST(v.a, v.a) WITH ORDINALITY AS t(x, y, o)');
    expect(mentions(sql, 'v.a')).toBeLessThanOrEqual(10);
  });
});

describe("UNNEST WITH ORDINALITY answers as Trino 476's", () => {
  it.each<[string, string, string[], unknown[][]]>([
    [
      'three arrays, one a NULL array',
      'SELECT * FROM UNNEST(ARRAY[1, 2], CAST(NULL AS array(varchar)), ARRAY[7]) WITH ORDINALITY AS t(a, b, c, o)',
      ['a integer', 'b varchar', 'c integer', 'o bigint'],
      [
        [1, null, 7, 1],
        [2, null, null, 2],
      ],
    ],
    [
      'three arrays without names, the longest in the middle',
      "SELECT * FROM UNNEST(ARRAY[1, 2], ARRAY['a', 'b', 'c'], ARRAY[DATE '2020-01-01']) WITH ORDINALITY",
      ['_col0 integer', '_col1 varchar', '_col2 date', '_col3 bigint'],
      [
        [1, 'a', '2020-01-01', 1],
        [2, 'b', null, 2],
        [null, 'c', null, 3],
      ],
    ],
    [
      'a cast of a parsed JSON array beside a sequence',
      "SELECT * FROM UNNEST(CAST(json_parse('[1,2]') AS array(integer)), sequence(1, 4)) WITH ORDINALITY AS t(a, b, o)",
      ['a integer', 'b bigint', 'o bigint'],
      [
        [1, 1, 1],
        [2, 2, 2],
        [null, 3, 3],
        [null, 4, 4],
      ],
    ],
    [
      'arrays of arrays and of maps',
      'SELECT * FROM UNNEST(ARRAY[ARRAY[1], NULL], ARRAY[MAP(ARRAY[1], ARRAY[2])]) WITH ORDINALITY AS t(a, b, o)',
      ['a array(integer)', 'b map(integer, integer)', 'o bigint'],
      [
        [[1], { '1': 2 }, 1],
        [null, null, 2],
      ],
    ],
    [
      'every array NULL',
      'SELECT * FROM UNNEST(CAST(NULL AS array(varchar)), CAST(NULL AS array(integer))) WITH ORDINALITY',
      ['_col0 varchar', '_col1 integer', '_col2 bigint'],
      [],
    ],
    [
      'lateral arrays: NULL in one row, empty beside a longer one in another',
      "SELECT v.k, t.x, t.y, t.o FROM (VALUES (1, ARRAY[1, 2], ARRAY['a']), (2, NULL, NULL), (3, ARRAY[], ARRAY['b', 'c', 'd'])) v(k, a, b) CROSS JOIN UNNEST(v.a, v.b) WITH ORDINALITY AS t(x, y, o) ORDER BY 1, 4",
      ['k integer', 'x integer', 'y varchar', 'o bigint'],
      [
        [1, 1, 'a', 1],
        [1, 2, null, 2],
        [3, null, 'b', 1],
        [3, null, 'c', 2],
        [3, null, 'd', 3],
      ],
    ],
    [
      'LEFT JOIN ON TRUE with a NULL lateral array',
      'SELECT v.k, t.o FROM (VALUES (1, ARRAY[1, 2]), (2, NULL)) v(k, a) LEFT JOIN UNNEST(v.a, ARRAY[CAST(NULL AS varchar)]) WITH ORDINALITY AS t(x, y, o) ON true ORDER BY 1, 2',
      ['k integer', 'o bigint'],
      [
        [1, 1],
        [1, 2],
        [2, 1],
      ],
    ],
    [
      'a long array',
      'SELECT o, count(*) FROM UNNEST(sequence(1, 3000)) WITH ORDINALITY AS t(a, o) GROUP BY o ORDER BY o DESC LIMIT 2',
      ['o bigint', '_col1 bigint'],
      [
        [3000, 1],
        [2999, 1],
      ],
    ],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it('an argument of no type fails as in Trino 476 (INVALID_FUNCTION_ARGUMENT "Cannot unnest type: unknown")', async () => {
    await expect(engine.execute('SELECT a, o FROM UNNEST(NULL, ARRAY[1]) WITH ORDINALITY AS t(x, a, o)')).rejects.toThrow(/unknown/);
  });
});
