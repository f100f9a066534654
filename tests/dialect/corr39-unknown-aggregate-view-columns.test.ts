// An aggregate of a NULL column of no type as a view's or CTAS's column (issue 15, docs/issue-15-audit.md, corr39's
// section): max, min, arbitrary, any_value and max_by/min_by give their argument's type, so Trino 476 fails the CREATE
// VIEW and the CTAS (COLUMN_TYPE_UNKNOWN "Column type is unknown: m"), where the local engine made the column an
// integer. Every expectation is Trino 476's, asked of the shared Trino (CREATE VIEW / CREATE TABLE memory.default.… of
// the same queries; what it created was dropped again).
import { describe, expect, it } from 'vitest';
import { refusedAt, rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const c = 'WITH c AS (SELECT NULL AS n)';

describe('an aggregate of a NULL column of no type in a view', () => {
  // Trino 476: COLUMN_TYPE_UNKNOWN "Column type is unknown: m" (line 1:1). Refused at the aggregate.
  it.each<[string, string, string]>([
    ['max of a WITH query column', `CREATE VIEW v1 AS ${c} SELECT max(n) AS m FROM c`, 'max'],
    ['max(NULL)', 'CREATE VIEW v2 AS SELECT max(NULL) AS m', 'max'],
    ['min', `CREATE VIEW v3 AS ${c} SELECT min(n) AS m FROM c`, 'min'],
    ['arbitrary', `CREATE VIEW v4 AS ${c} SELECT arbitrary(n) AS m FROM c`, 'arbitrary'],
    ['any_value', `CREATE VIEW v5 AS ${c} SELECT any_value(n) AS m FROM c`, 'any_value'],
    ['grouped', 'CREATE VIEW v6 AS WITH c AS (SELECT NULL AS n, 1 AS k) SELECT k, max(n) AS m FROM c GROUP BY k', 'max'],
    ['a window', `CREATE VIEW v7 AS ${c} SELECT max(n) OVER () AS m FROM c`, 'max'],
    ['DISTINCT', `CREATE VIEW v8 AS ${c} SELECT max(DISTINCT n) AS m FROM c`, 'max'],
    ['FILTER', `CREATE VIEW v9 AS ${c} SELECT max(n) FILTER (WHERE true) AS m FROM c`, 'max'],
    ['max_by', `CREATE VIEW v10 AS ${c} SELECT max_by(n, 1) AS m FROM c`, 'max_by'],
    ['min_by', `CREATE VIEW v11 AS ${c} SELECT min_by(n, 1) AS m FROM c`, 'min_by'],
    ['min(NULL) over VALUES', 'CREATE VIEW v12 AS SELECT min(NULL) AS m FROM (VALUES 1) t(x)', 'min'],
  ])('%s is refused', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('column-type-unknown', sql, at, 'Column type is unknown: m: Athena fails the CREATE VIEW'));
  });

  it('a CTAS of it is refused (Trino 476: COLUMN_TYPE_UNKNOWN "Column type is unknown: m")', async () => {
    const sql = `CREATE TABLE t1 AS ${c} SELECT max(n) AS m FROM c`;
    await expect(engine.execute(sql)).rejects.toThrow(
      refusedAt('column-type-unknown', sql, 'max', 'Column type is unknown: m: Athena fails the CREATE TABLE AS'),
    );
  });

  it('count(n) is typed (Trino 476: a view of bigint 0)', async () => {
    await engine.execute(`CREATE VIEW u1 AS ${c} SELECT count(n) AS m FROM c`);
    expect(await rowsAndTypes(engine, 'SELECT m FROM u1')).toEqual({ rows: [[0]], types: ['bigint'] });
  });

  it('max(n) + 1 is typed (Trino 476: a view of one integer NULL)', async () => {
    await engine.execute(`CREATE VIEW u2 AS ${c} SELECT max(n) + 1 AS m FROM c`);
    expect(await rowsAndTypes(engine, 'SELECT m FROM u2')).toEqual({ rows: [[null]], types: ['integer'] });
  });
});
