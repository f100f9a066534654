// SELECT DISTINCT … ORDER BY something not in the select list: Trino 476 fails with EXPRESSION_NOT_IN_DISTINCT ("For
// SELECT DISTINCT, ORDER BY expressions must appear in select list"); DuckDB sorted by it and answered. Refused at lint
// at the ORDER BY item; what Trino accepts (output names, ordinals, the same expression, `*`) keeps its answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFaithful } from '../../src/dialect/lint/index.js';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { openLake } from './lake-helpers.js';

const t = "(VALUES (1, 2, 'a'), (1, 3, 'b')) t(g, n, s)";

describe('SELECT DISTINCT with ORDER BY', () => {
  it.each([
    [`SELECT DISTINCT g FROM ${t} ORDER BY n`],
    [`SELECT DISTINCT g + 1 FROM ${t} ORDER BY n`],
    [`SELECT DISTINCT g FROM ${t} ORDER BY g + 1`],
    [`SELECT DISTINCT g, n + 1 AS m FROM ${t} ORDER BY n DESC`],
    [`WITH w AS (SELECT * FROM ${t}) SELECT DISTINCT g FROM w ORDER BY n`],
    [`SELECT count(*) FROM (SELECT DISTINCT g FROM ${t} ORDER BY n)`],
    [`SELECT DISTINCT s, g FROM ${t} ORDER BY (n)`],
  ])('refuses %s as Trino does', (sql) => {
    expect(checkFaithful(sql, { file: 'q.sql' })).toEqual([expect.objectContaining({ rule: 'unfaithful/distinct-order-by' })]);
  });

  it('names the ORDER BY item', () => {
    expect(checkFaithful(`SELECT DISTINCT g\nFROM ${t}\nORDER BY g, n`, { file: 'q.sql' })).toEqual([
      expect.objectContaining({ rule: 'unfaithful/distinct-order-by', line: 3, col: 13, message: expect.stringContaining('EXPRESSION_NOT_IN_DISTINCT') }),
    ]);
  });

  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await openLake();
  });
  afterAll(async () => engine.close());

  // Trino 476's answers.
  it.each([
    [`SELECT DISTINCT g AS x FROM ${t} ORDER BY g`, [[1]]],
    [`SELECT DISTINCT t.g FROM ${t} ORDER BY g`, [[1]]],
    [`SELECT DISTINCT g FROM ${t} ORDER BY t.g`, [[1]]],
    [
      `SELECT DISTINCT * FROM ${t} ORDER BY n`,
      [
        [1, 2, 'a'],
        [1, 3, 'b'],
      ],
    ],
    [`SELECT DISTINCT g + 1 FROM ${t} ORDER BY g + 1 DESC`, [[2]]],
    [`SELECT DISTINCT g + 1 x FROM ${t} ORDER BY x`, [[2]]],
    [`SELECT DISTINCT lower(s) FROM ${t} ORDER BY LOWER( t.s )`, [['a'], ['b']]],
    [`SELECT DISTINCT g, count(*) c FROM ${t} GROUP BY g ORDER BY c, count(*)`, [[1, 2]]],
    [
      `SELECT DISTINCT g, s FROM ${t} ORDER BY 2 DESC NULLS LAST, g`,
      [
        [1, 'b'],
        [1, 'a'],
      ],
    ],
    [
      `SELECT DISTINCT s, g FROM ${t} ORDER BY (g), s`,
      [
        ['a', 1],
        ['b', 1],
      ],
    ],
    [`SELECT DISTINCT g FROM ${t} UNION SELECT 5 ORDER BY g`, [[1], [5]]],
    [
      `SELECT DISTINCT t.* FROM ${t} ORDER BY s`,
      [
        [1, 2, 'a'],
        [1, 3, 'b'],
      ],
    ],
    [`SELECT DISTINCT CASE WHEN g > 0 THEN 'p' END AS k FROM ${t} ORDER BY k`, [['p']]],
  ])('answers %s', async (sql, rows) => {
    expect((await engine.execute(sql)).rows).toEqual(rows);
  });
});
