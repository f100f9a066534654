// The untyped filter test `e IS [NOT] NULL` (e of type unknown: element_at(ARRAY[], y)) inside a CASE of TRUE/NULL
// values, `if(c, true)` or a CASE of literals compared with a literal, that corr39 left (issue 15,
// docs/issue-15-audit.md, corr40's section). Over the rows of UNNEST, Trino 476 pushes NOTs down before it reads such a
// CASE as its conditions: under two NOTs (`NOT NOT CASE …`, `NOT (a OR NOT CASE …)`) the CASE is a term again and
// Trino fails with COMPILER_ERROR "argumentType unknown should not be UNKNOWN"; a compared CASE under one NOT is compared
// with the negated operator (`NOT (CASE … THEN 1 END = 2)` fails); signed and typed literals and casts of literals
// (`= -1`, `= BIGINT '1'`, `= DATE '…'`, `= 1e0`, `= CAST(1 AS bigint)`) are compared as plain ones. The local engine
// answered; now it refuses while running. Every expectation is the shared Trino 476's answer or failure, asked on
// 2026-12-07.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';
import { REFUSED, e, u } from './untyped-filter-fixture.js';

const engine = sharedLake();

const c = `CASE WHEN ${e} IS NULL THEN true END`;

describe('a TRUE-only or compared CASE of an untyped test under NOT, and compared with signed or typed literals', () => {
  // Trino 476: COMPILER_ERROR "argumentType unknown should not be UNKNOWN" for each.
  it.each<[string, string]>([
    ['NOT NOT CASE', `SELECT y ${u} WHERE NOT NOT ${c} ORDER BY 1`],
    ['NOT (NOT CASE)', `SELECT y ${u} WHERE NOT (NOT ${c}) ORDER BY 1`],
    ['NOT (a OR NOT CASE)', `SELECT y ${u} WHERE NOT (y > 5 OR NOT ${c}) ORDER BY 1`],
    ['NOT (a OR NOT (b AND CASE))', `SELECT y ${u} WHERE NOT (y > 5 OR NOT (y > 0 AND ${c})) ORDER BY 1`],
    ['NOT (NOT CASE AND NOT CASE)', `SELECT y ${u} WHERE NOT (NOT ${c} AND NOT ${c}) ORDER BY 1`],
    ['NOT (NOT if(…, true))', `SELECT y ${u} WHERE NOT (NOT if(${e} IS NULL, true)) ORDER BY 1`],
    ['FILTER (WHERE NOT NOT CASE)', `SELECT count(*) FILTER (WHERE NOT NOT ${c}) ${u}`],
    ['NOT (CASE … END = 2)', `SELECT y ${u} WHERE NOT (CASE WHEN ${e} IS NULL THEN 1 END = 2) ORDER BY 1`],
    ['NOT NOT (CASE … END = 1)', `SELECT y ${u} WHERE NOT NOT (CASE WHEN ${e} IS NULL THEN 1 END = 1) ORDER BY 1`],
    ['NOT (a OR NOT (CASE … END = 1))', `SELECT y ${u} WHERE NOT (y > 5 OR NOT (CASE WHEN ${e} IS NULL THEN 1 END = 1)) ORDER BY 1`],
    ['CASE … THEN -1 END = -1', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN -1 END = -1 ORDER BY 1`],
    ['-1 = CASE … THEN -1 END', `SELECT y ${u} WHERE -1 = CASE WHEN ${e} IS NULL THEN -1 END ORDER BY 1`],
    ['two values, a signed one compared', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN -1 WHEN y > 5 THEN 2 END = -1 ORDER BY 1`],
    ['= BIGINT literal', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN 1 END = BIGINT '1' ORDER BY 1`],
    ['a BIGINT value beside an integer', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN BIGINT '1' WHEN y > 5 THEN 2 END = 1 ORDER BY 1`],
    ['= 1e0', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN 1 END = 1e0 ORDER BY 1`],
    ['double values = 1e0', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN 1e0 END = 1e0 ORDER BY 1`],
    ['= DOUBLE literal', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN 1 END = DOUBLE '1' ORDER BY 1`],
    ['= DATE literal', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN DATE '2020-01-01' END = DATE '2020-01-01' ORDER BY 1`],
    ['> DATE literal', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN DATE '2020-01-02' END > DATE '2020-01-01' ORDER BY 1`],
    ['= CAST(1 AS bigint)', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN 1 END = CAST(1 AS bigint) ORDER BY 1`],
    ['= CAST(… AS varchar)', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN 'a' END = CAST('a' AS varchar) ORDER BY 1`],
    ['a CAST value', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN CAST('b' AS varchar) END = 'b' ORDER BY 1`],
  ])('%s is refused', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });

  // Trino 476 answers these: one NOT (a negated term), a compared value that is false, double beside integer values.
  it.each<[string, string, unknown[][]]>([
    ['NOT (a AND CASE)', `SELECT y ${u} WHERE NOT (y > 0 AND ${c}) ORDER BY 1`, []],
    ['NOT (a AND CASE), a false', `SELECT y ${u} WHERE NOT (y > 5 AND ${c}) ORDER BY 1`, [[1], [2]]],
    ['NOT (CASE AND a)', `SELECT y ${u} WHERE NOT (${c} AND y > 0) ORDER BY 1`, []],
    ['NOT (a OR CASE)', `SELECT y ${u} WHERE NOT (y = 5 OR ${c}) ORDER BY 1`, []],
    ['NOT (a AND CASE … END = 1)', `SELECT y ${u} WHERE NOT (y > 0 AND CASE WHEN ${e} IS NULL THEN 1 END = 1) ORDER BY 1`, []],
    ['NOT (a AND if(…, true))', `SELECT y ${u} WHERE NOT (y > 0 AND if(${e} IS NULL, true)) ORDER BY 1`, []],
    ['NOT CASE … THEN false', `SELECT y ${u} WHERE NOT CASE WHEN ${e} IS NULL THEN false END ORDER BY 1`, [[1], [2]]],
    ['NOT (CASE … END = 1)', `SELECT y ${u} WHERE NOT (CASE WHEN ${e} IS NULL THEN 1 END = 1) ORDER BY 1`, []],
    ['CASE … THEN 1 END = -1', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN 1 END = -1 ORDER BY 1`, []],
    ['y - 1 = CASE …', `SELECT y ${u} WHERE y - 1 = CASE WHEN ${e} IS NULL THEN -1 END ORDER BY 1`, []],
    ['< DATE literal, false', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN DATE '2020-01-02' END < DATE '2020-01-01' ORDER BY 1`, []],
    ['= CAST(… AS integer), false', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN 1 END = CAST('2' AS integer) ORDER BY 1`, []],
    ['integer and double values', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN 1 WHEN y > 5 THEN 1e0 END = 1 ORDER BY 1`, [[1], [2]]],
  ])('%s answers', async (_name, sql, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types: ['bigint'] });
  });
});
