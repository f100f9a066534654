// A WHERE or HAVING test `e IS [NOT] NULL` of an unknown-typed e (element_at(ARRAY[], y), a CASE or if() of NULLs)
// over the rows of a table or UNNEST (issue 15, found by corr38): Trino 476 cannot compile it and fails with
// COMPILER_ERROR "argumentType unknown should not be UNKNOWN" whatever the rows hold (also where e is a NULL without
// failing), where the local engine answered. Refused while running (the operand's type is DuckDB's to tell). Over VALUES
// rows Trino folds the test and answers; a constant e, a test inside coalesce() and a typed CASE answer too. Every
// expectation is the shared Trino 476's answer or failure, asked on 2026-12-07 (the table as memory.default.corr38_w).
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';
import { REFUSED, u } from './untyped-filter-fixture.js';

const engine = sharedLake();

describe('an untyped e IS NULL filtering the rows of a table', () => {
  it('makes the table', async () => {
    await engine.execute('CREATE TABLE w AS SELECT * FROM (VALUES 1, 15) w(c)');
  });

  // Trino 476: COMPILER_ERROR "argumentType unknown should not be UNKNOWN" for each.
  it.each<[string, string]>([
    ['a table', 'SELECT c FROM w WHERE element_at(ARRAY[], c) IS NULL ORDER BY 1'],
    ['a table, beside another test', 'SELECT c FROM w WHERE c > 0 AND element_at(ARRAY[], c) IS NULL ORDER BY 1'],
    ['UNNEST', `SELECT y ${u} WHERE element_at(ARRAY[], y) IS NULL ORDER BY 1`],
    ['under OR', `SELECT y ${u} WHERE y = 5 OR element_at(ARRAY[], y) IS NULL ORDER BY 1`],
    ['IS NOT NULL', `SELECT y ${u} WHERE element_at(ARRAY[], y) IS NOT NULL ORDER BY 1`],
    ['NOT e IS NULL', `SELECT y ${u} WHERE NOT element_at(ARRAY[], y) IS NULL ORDER BY 1`],
    ['HAVING', `SELECT y ${u} GROUP BY y HAVING element_at(ARRAY[], y) IS NULL ORDER BY 1`],
    ['a CASE of NULL', `SELECT y ${u} WHERE CASE WHEN y > 5 THEN NULL END IS NULL ORDER BY 1`],
    ['if(c, NULL)', `SELECT y ${u} WHERE if(y > 5, NULL) IS NULL ORDER BY 1`],
  ])('%s is refused', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });

  it.each<[string, string, string, unknown[][]]>([
    ['over VALUES rows', 'SELECT y FROM (VALUES 1, 2) u(y) WHERE element_at(ARRAY[], y) IS NULL ORDER BY 1', 'integer', [[1], [2]]],
    ['a constant e', `SELECT y ${u} WHERE element_at(ARRAY[], 1) IS NULL ORDER BY 1`, 'bigint', [[1], [2]]],
    ['inside coalesce', `SELECT y ${u} WHERE coalesce(element_at(ARRAY[], y) IS NULL, false) ORDER BY 1`, 'bigint', [[1], [2]]],
    ['a typed CASE', `SELECT y ${u} WHERE CASE WHEN y > 5 THEN NULL ELSE 1 END IS NULL ORDER BY 1`, 'bigint', []],
    ['a WITH query column of NULLs', `WITH c AS (SELECT NULL AS n, y ${u}) SELECT y FROM c WHERE n IS NULL ORDER BY 1`, 'bigint', [[1], [2]]],
  ])('%s answers', async (_name, sql, type, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types: [type] });
  });
});
