// An aggregate's `FILTER (WHERE e IS [NOT] NULL)` of an untyped e (element_at(ARRAY[], y)) over UNNEST or a table's
// rows without GROUP BY, that corr39 refused everywhere (issue 15, docs/issue-15-audit.md, corr40's section). Trino 476
// turns the FILTERs into a filter of the rows, and fails with COMPILER_ERROR "argumentType unknown should not be
// UNKNOWN", only where every aggregate of the level has one; beside an aggregate without FILTER (`max(c)`, `count(*)`,
// `1 + max(y)`, `HAVING max(y) > 0`) it keeps them as masks of its aggregation and answers, as the local engine now does.
// Every expectation is the shared Trino 476's answer (value and type) or failure, asked on 2026-12-07 (the table as
// memory.default.corr40_w(c) = 1, 15).
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';
import { REFUSED, e, u } from './untyped-filter-fixture.js';

const engine = sharedLake();

describe('an untyped FILTER test beside an aggregate without FILTER', () => {
  it('makes the table', async () => {
    await engine.execute('CREATE TABLE w AS SELECT * FROM (VALUES 1, 15) w(c)');
  });

  it.each<[string, string, string[], unknown[][]]>([
    ['over a table, beside max(c)', 'SELECT count(*) FILTER (WHERE element_at(ARRAY[], c) IS NULL), max(c) FROM w', ['bigint', 'integer'], [[2, 15]]],
    ['beside max(y)', `SELECT count(*) FILTER (WHERE ${e} IS NULL), max(y) ${u}`, ['bigint', 'bigint'], [[2, 2]]],
    ['after max(y)', `SELECT max(y), count(*) FILTER (WHERE ${e} IS NULL) ${u}`, ['bigint', 'bigint'], [[2, 2]]],
    ['beside count(*)', `SELECT count(*) FILTER (WHERE ${e} IS NULL), count(*) ${u}`, ['bigint', 'bigint'], [[2, 2]]],
    ['NOT (…) beside max(y)', `SELECT count(*) FILTER (WHERE NOT (${e} IS NULL)), max(y) ${u}`, ['bigint', 'bigint'], [[0, 2]]],
    ['beside another test', `SELECT count(*) FILTER (WHERE ${e} IS NULL AND y > 1), max(y) ${u}`, ['bigint', 'bigint'], [[1, 2]]],
    ['beside 1 + max(y)', `SELECT count(*) FILTER (WHERE ${e} IS NULL), 1 + max(y) ${u}`, ['bigint', 'bigint'], [[2, 3]]],
    ['HAVING max(y) > 0', `SELECT count(*) FILTER (WHERE ${e} IS NULL) ${u} HAVING max(y) > 0`, ['bigint'], [[2]]],
  ])('%s answers', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });

  // Trino 476: COMPILER_ERROR "argumentType unknown should not be UNKNOWN" (every aggregate of the level is filtered).
  it.each<[string, string]>([
    ['beside max(y) FILTER (…)', `SELECT count(*) FILTER (WHERE ${e} IS NULL), max(y) FILTER (WHERE y > 0) ${u}`],
    ['two filtered aggregates', `SELECT count(*) FILTER (WHERE ${e} IS NULL), sum(y) FILTER (WHERE ${e} IS NULL) ${u}`],
    ['over a table, beside count(*) FILTER (…)', 'SELECT count(*) FILTER (WHERE element_at(ARRAY[], c) IS NULL), count(*) FILTER (WHERE c > 1) FROM w'],
    ['beside a subquery’s max', `SELECT count(*) FILTER (WHERE ${e} IS NULL), (SELECT max(z) FROM (VALUES 1) v(z)) ${u}`],
  ])('%s is refused', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });
});
