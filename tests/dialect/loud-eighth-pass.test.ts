// Valid Athena SQL that the local engine failed or refused while Trino 476 answers (issue 15's "Loud only" list,
// eighth pass). Each answer (value and type) or error is the shared Trino 476's; rows whose order Trino leaves open
// (ties) are compared sorted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { namedResult, openLake } from './lake-helpers.js';

let engine: AthenaLocalEngine;
beforeAll(async () => {
  engine = await openLake();
});
afterAll(async () => engine.close());

const sorted = (rows: unknown[][]): unknown[][] => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('FETCH FIRST n ROWS WITH TIES keeps the rows tied with the last one', () => {
  it.each<[string, string[], unknown[][]]>([
    ['SELECT x FROM (VALUES 1, 2, 2, 3) t(x) ORDER BY x FETCH FIRST 2 ROWS WITH TIES', ['x integer'], [[1], [2], [2]]],
    ['SELECT x FROM (VALUES 1, 2, 2, 3, NULL, NULL) t(x) ORDER BY x DESC NULLS FIRST FETCH FIRST 1 ROWS WITH TIES', ['x integer'], [[null], [null]]],
    // An output alias and an ordinal are the select items (the window would read the input column, or a constant).
    ['SELECT x % 2 AS y, x FROM (VALUES 1, 2, 3, 4, 5) t(x) ORDER BY y OFFSET 1 ROWS FETCH NEXT 1 ROW WITH TIES', ['y integer', 'x integer'], [[0, 4]]],
    ['SELECT -x AS x FROM (VALUES 1, 2, 2, 3) t(x) ORDER BY x FETCH FIRST 1 ROWS WITH TIES', ['x integer'], [[-3]]],
    [
      'SELECT x, count(*) AS c FROM (VALUES 1, 2, 2, 3, 3) t(x) GROUP BY x ORDER BY 2 DESC FETCH FIRST ROW WITH TIES',
      ['x integer', 'c bigint'],
      [
        [2, 2],
        [3, 2],
      ],
    ],
    ['SELECT x FROM (VALUES nan(), 1.0, nan()) t(x) ORDER BY x DESC FETCH FIRST 1 ROWS WITH TIES', ['x double'], [[Number.NaN], [Number.NaN]]],
    [
      "SELECT * FROM (VALUES (1, 'a'), (1, 'b'), (2, 'c')) t(x, y) ORDER BY x FETCH FIRST 1 ROWS WITH TIES",
      ['x integer', 'y varchar'],
      [
        [1, 'a'],
        [1, 'b'],
      ],
    ],
    ['SELECT (SELECT count(*) FROM (SELECT x FROM (VALUES 1, 1, 2) t(x) ORDER BY x FETCH FIRST 1 ROWS WITH TIES)) AS n', ['n bigint'], [[2]]],
    ['WITH t(x) AS (VALUES 3, 1, 1) SELECT x FROM t ORDER BY x FETCH FIRST 1 ROWS WITH TIES', ['x integer'], [[1], [1]]],
  ])('%s', async (sql, columns, rows) => {
    const r = await namedResult(engine, sql);
    expect({ columns: r.columns, rows: sorted(r.rows) }).toEqual({ columns, rows });
  });

  it('without ORDER BY fails as Trino does (MISSING_ORDER_BY), at the FETCH', async () => {
    await expect(engine.execute('SELECT x FROM (VALUES 1, 2) t(x) FETCH FIRST 1 ROWS WITH TIES')).rejects.toThrow(
      /1:34: error \[unfaithful\/fetch-with-ties\] Athena fails with MISSING_ORDER_BY/,
    );
  });
});
