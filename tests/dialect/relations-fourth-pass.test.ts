// Relations, fourth pass (docs/issue-15-audit.md "Relations, fourth pass"). Every expectation is Trino 476's (the
// shared oracle): its value, type and column name, or its error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { namedResult, openLake } from './lake-helpers.js';

let engine: AthenaLocalEngine;
beforeAll(async () => {
  engine = await openLake();
});
afterAll(async () => engine.close());

describe('arithmetic on a subscript read with an outer index, inside a subquery', () => {
  // DuckDB lost a struct field's name where a macro call reading an outer column was the value (trino_plus of
  // trino_subscript): "Need named argument for struct pack".
  const OUTER = 'FROM (VALUES (ARRAY[10, 20], 2)) t(a, i)';
  it.each<[string, string, unknown]>([
    ['a[t.i] + 1', 'integer', 21],
    ['a[t.i] - 1', 'integer', 19],
    ['a[t.i] * 2', 'integer', 40],
    ['a[t.i] / 3', 'integer', 6],
    ['a[t.i] % 3', 'integer', 2],
    ['element_at(a, t.i) + 1.5', 'decimal(12,1)', '21.5'],
  ])('(SELECT %s FROM (VALUES 1) u(y))', async (expression, type, value) => {
    expect(await namedResult(engine, `SELECT (SELECT ${expression} FROM (VALUES 1) u(y)) ${OUTER}`)).toEqual({
      columns: [`_col0 ${type}`],
      rows: [[value]],
    });
  });

  it('(SELECT a[i] + 1) without FROM', async () => {
    expect(await namedResult(engine, `SELECT (SELECT a[i] + 1) ${OUTER}`)).toEqual({ columns: ['_col0 integer'], rows: [[21]] });
  });
});

const A = '(VALUES (1, 2)) a(k, x)';
const B = '(VALUES (1, 3)) b(k, y)';
const JOIN_K = `SELECT * FROM ${A} JOIN ${B} ON a.k = b.k`;
const REPEATED = /gives the column "k" twice: Athena keeps both names \(reading k from it fails with AMBIGUOUS_NAME/;

describe('a * that repeats a name inside a subquery: refused only where the name is read', () => {
  it.each<[string, string, string[], unknown[][]]>([
    ['count(*) over a * over a join', `SELECT count(*) FROM (${JOIN_K})`, ['_col0 bigint'], [[1]]],
    ['a name that does not repeat', `SELECT x, y FROM (${JOIN_K}) s`, ['x integer', 'y integer'], [[2, 3]]],
    ['a qualified name that does not repeat', `SELECT s.x FROM (${JOIN_K}) s`, ['x integer'], [[2]]],
    ['a WHERE and GROUP BY of names that do not repeat', `SELECT x FROM (${JOIN_K}) WHERE x = 2 GROUP BY x`, ['x integer'], [[2]]],
    ['a WITH query', `WITH w AS (${JOIN_K}) SELECT count(*) FROM w`, ['_col0 bigint'], [[1]]],
    ['an alias list naming every column', `SELECT k1 FROM (${JOIN_K}) s(k1, x, k2, y)`, ['k1 integer'], [[1]]],
    ['the first branch of a set operation', `SELECT count(*) FROM (${JOIN_K} UNION ALL SELECT 1, 2, 3, 4)`, ['_col0 bigint'], [[2]]],
    ['x through a set operation', `SELECT x FROM (${JOIN_K} UNION ALL SELECT 1, 5, 3, 4) ORDER BY x`, ['x integer'], [[2], [5]]],
    ['a.*, b.* read by a name that does not repeat', `SELECT x FROM (SELECT a.*, b.* FROM ${A} JOIN ${B} ON a.k = b.k)`, ['x integer'], [[2]]],
    ['a.*, b.y: k once', `SELECT k FROM (SELECT a.*, b.y FROM ${A} JOIN ${B} ON a.k = b.k)`, ['k integer'], [[1]]],
    ['*, 1 AS k read by another name', `SELECT x FROM (SELECT *, 1 AS k FROM ${A})`, ['x integer'], [[2]]],
    ['k, * read by another name', `SELECT x FROM (SELECT k, * FROM ${A})`, ['x integer'], [[2]]],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it.each([
    // Trino 476: AMBIGUOUS_NAME "Column 'k' is ambiguous" (locally the first k, 1).
    `SELECT k FROM (SELECT a.*, b.* FROM ${A} JOIN ${B} ON a.k = b.k)`,
    `SELECT k FROM (SELECT a.*, 5 AS k FROM ${A} JOIN ${B} ON a.k = b.k)`,
    `SELECT k FROM (SELECT *, 1 AS k FROM ${A})`,
    `SELECT k FROM (SELECT *, k FROM ${A} WHERE x > 0)`,
    `SELECT k FROM (SELECT k, * FROM ${A})`,
    `SELECT "K" FROM (${JOIN_K})`,
    `SELECT k FROM (${JOIN_K} UNION ALL SELECT 1, 2, 3, 4)`,
    `SELECT k FROM (SELECT * FROM ${A} CROSS JOIN UNNEST(ARRAY[5]) AS u(k))`,
    // Trino 476: COLUMN_NOT_FOUND "Column 'k_1' cannot be resolved" (locally DuckDB's renamed column).
    `SELECT k_1 FROM (SELECT *, 1 AS k FROM ${A})`,
    // Trino answers k, x, k (locally k, x, k_1): refused, not renamed.
    `SELECT * FROM (SELECT *, 1 AS k FROM ${A})`,
    `SELECT * FROM (SELECT a.*, b.* FROM ${A} JOIN ${B} ON a.k = b.k)`,
  ])('%s is refused', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REPEATED);
  });

  it('is refused over no rows too', async () => {
    await expect(engine.execute(`SELECT k FROM (SELECT a.*, b.* FROM ${A} JOIN ${B} ON a.k = b.k WHERE false)`)).rejects.toThrow(REPEATED);
  });

  it('keeps the type check of a set operation whose first branch is such a *', async () => {
    // Trino 476: TYPE_MISMATCH "column 1 in UNION query has incompatible types: integer, varchar(1)".
    await expect(engine.execute(`SELECT count(*) FROM (${JOIN_K} UNION ALL SELECT 'a', 2, 3, 4)`)).rejects.toThrow(/TYPE_MISMATCH: column 1 in UNION query/);
  });
});
