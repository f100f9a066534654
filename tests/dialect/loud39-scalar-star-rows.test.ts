// A scalar subquery whose star stands for several columns: `(SELECT t.*)` and `(SELECT t.* FROM (VALUES 0))` over a
// two-column t, `(SELECT * FROM u)` of a two-column u. Trino 476 answers one row value (asked on 2026-12-07, branch
// loud39: {a=1, b=2}, row(a integer, b integer)); the star's width is not known at lint (loud38 refuses the subqueries
// whose select list shows two columns), so DuckDB's binder says it: "Subquery returns 2 columns - expected 1" is now
// a refusal that names the construct and the rewrite that answers alike, keeping DuckDB's position. A one-column star
// answers as in Trino (1, integer).
import { describe, expect, it } from 'vitest';
import { failureMessage } from '../../src/dialect/shims/error-messages.js';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();
const REFUSED = /NOT_SUPPORTED: a subquery used as one value returns 2 columns .*as a scalar subquery Athena answers one row value/;

describe('a scalar subquery whose star stands for two columns', () => {
  it.each<[string]>([
    ['SELECT (SELECT t.*) FROM (VALUES (1, 2)) t(a, b)'],
    ['SELECT (SELECT t.* FROM (VALUES 0)) FROM (VALUES (1, 2)) t(a, b)'],
    ['SELECT (SELECT * FROM (VALUES (1, 2)) u(a, b))'],
  ])('%s is refused with the rewrite', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });

  it("keeps DuckDB's echo, so the file position is found", () => {
    const duckdb = 'Binder Error: Subquery returns 2 columns - expected 1\n\nLINE 1: SELECT (SELECT t.*) FROM t\n               ^';
    expect(failureMessage(duckdb)).toMatch(
      /^NOT_SUPPORTED: a subquery used as one value returns 2 columns[\s\S]*\nLINE 1: SELECT \(SELECT t\.\*\) FROM t\n {15}\^$/,
    );
  });

  it('a one-column star still answers (Trino 476: 1, integer)', async () => {
    expect(await rowsAndTypes(engine, 'SELECT (SELECT t.*) FROM (VALUES 1) t(a)')).toEqual({ rows: [[1]], types: ['integer'] });
  });
});
