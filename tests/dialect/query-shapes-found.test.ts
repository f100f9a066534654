// Query shapes where the differential hunt (issue 15, docs/issue-15-audit.md "Found by the query hunt") found the local
// engine answering differently from Trino 476: each case is the whole query, with the column names, types and rows
// (or the failure) Trino 476 gave for the same SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import type { SqlValue } from '../../src/engines/engine.js';
import { openLake } from './lake-helpers.js';

let engine: AthenaLocalEngine;
beforeAll(async () => {
  engine = await openLake();
});
afterAll(async () => engine.close());

/** [what it shows, Athena query, Trino's `name type` of each column, Trino's rows]. */
type QueryCase = [construct: string, sql: string, columns: string[], rows: SqlValue[][]];
/** [what it shows, Athena query, message Trino's failure must match]. */
type FailureCase = [construct: string, sql: string, message: RegExp];

const run = async (sql: string) => {
  const r = await engine.execute(sql);
  return { columns: r.columns.map((c) => `${c.name} ${c.type}`), rows: r.rows };
};

const answers = (cases: readonly QueryCase[]) =>
  it.each(cases)('%s: %s', async (_construct, sql, columns, rows) => {
    expect(await run(sql)).toEqual({ columns, rows });
  });

const failures = (cases: readonly FailureCase[]) =>
  it.each(cases)('%s fails as in Trino: %s', async (_construct, sql, message) => {
    await expect(engine.execute(sql)).rejects.toThrow(message);
  });

describe('grouping operations', () => {
  // https://trino.io/docs/current/sql/select.html#grouping-operation: grouping() "returns a bit set converted to
  // decimal"; its type in Trino 476 is integer.
  answers([
    [
      'grouping() is an integer',
      "SELECT a, b, count(*) c, grouping(a, b) g FROM (VALUES (1, 'x'), (1, 'y'), (2, 'x')) t(a, b) GROUP BY GROUPING SETS ((a, b), (a), ()) ORDER BY a, b",
      ['a integer', 'b varchar', 'c bigint', 'g integer'],
      [
        [1, 'x', 1, 0],
        [1, 'y', 1, 0],
        [1, null, 2, 1],
        [2, 'x', 1, 0],
        [2, null, 1, 1],
        [null, null, 3, 3],
      ],
    ],
    [
      'grouping() of one column in ROLLUP, unnamed',
      'SELECT a, grouping(a) FROM (VALUES 1, 2) t(a) GROUP BY ROLLUP (a) ORDER BY a',
      ['a integer', '_col1 integer'],
      [
        [1, 0],
        [2, 0],
        [null, 1],
      ],
    ],
  ]);
});
