// The untyped filter test `e IS [NOT] NULL` (e of type unknown: element_at(ARRAY[], y)) that corr38 left (issue 15,
// docs/issue-15-audit.md, corr39's section): over the rows of UNNEST or a table, Trino 476 fails with COMPILER_ERROR
// "argumentType unknown should not be UNKNOWN" whatever the rows hold also where the test is a parenthesized term of
// the WHERE (`NOT (e IS NULL)`, `(a OR e IS NULL)`), a condition of a CASE of TRUE/NULL values (or `if(c, true)`, or
// a CASE of literals compared true with a literal) that is a term not under NOT, an
// aggregate's FILTER (WHERE …) without GROUP BY, or the WHERE of a correlated subquery over a table (where Trino
// compiles the test: its conjunct reads the table's rows). The local engine answered; now it refuses while running.
// Every expectation is the shared Trino 476's answer or failure, asked on 2026-12-07 (the table as
// memory.default.corr39_w(c) = 1, 15).
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';
import { REFUSED, e, u } from './untyped-filter-fixture.js';

const engine = sharedLake();

describe('an untyped e IS NULL as a term of a filter over the rows of a table', () => {
  it('makes the table', async () => {
    await engine.execute('CREATE TABLE w AS SELECT * FROM (VALUES 1, 15) w(c)');
  });

  // Trino 476: COMPILER_ERROR "argumentType unknown should not be UNKNOWN" for each.
  it.each<[string, string]>([
    ['NOT (e IS NULL)', `SELECT y ${u} WHERE NOT (${e} IS NULL) ORDER BY 1`],
    ['(a OR e IS NULL)', `SELECT y ${u} WHERE (y = 5 OR ${e} IS NULL) ORDER BY 1`],
    ['(a OR e IS NOT NULL)', `SELECT y ${u} WHERE (y = 5 OR ${e} IS NOT NULL) ORDER BY 1`],
    ['(e IS NULL) AND a', `SELECT y ${u} WHERE (${e} IS NULL) AND y > 0 ORDER BY 1`],
    ['((e IS NULL))', `SELECT y ${u} WHERE ((${e} IS NULL)) ORDER BY 1`],
    ['NOT (e IS NULL OR a)', `SELECT y ${u} WHERE NOT (${e} IS NULL OR y = 5) ORDER BY 1`],
    ['NOT (e IS NULL AND a)', `SELECT y ${u} WHERE NOT (${e} IS NULL AND y = 5) ORDER BY 1`],
    ['over a table', 'SELECT c FROM w WHERE NOT (element_at(ARRAY[], c) IS NULL) ORDER BY 1'],
    ['a CASE condition', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN true END ORDER BY 1`],
    ['a CASE … ELSE NULL', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN true ELSE NULL END ORDER BY 1`],
    ['a CASE beside another test', `SELECT y ${u} WHERE y > 0 AND CASE WHEN ${e} IS NULL THEN true END ORDER BY 1`],
    ['a CASE in parentheses', `SELECT y ${u} WHERE (CASE WHEN ${e} IS NULL THEN true END) ORDER BY 1`],
    ['a CASE of FALSE then TRUE', `SELECT y ${u} WHERE CASE WHEN y > 5 THEN false WHEN ${e} IS NULL THEN true END ORDER BY 1`],
    ['a CASE condition NOT (…)', `SELECT y ${u} WHERE CASE WHEN NOT (${e} IS NULL) THEN true END ORDER BY 1`],
    ['if(e IS NULL, true)', `SELECT y ${u} WHERE if(${e} IS NULL, true) ORDER BY 1`],
    ['if(e IS NULL, true, NULL)', `SELECT y ${u} WHERE if(${e} IS NULL, true, NULL) ORDER BY 1`],
    ['if(…) beside another test', `SELECT y ${u} WHERE y > 0 AND if(${e} IS NULL, true) ORDER BY 1`],
    ['a CASE compared with its value', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN 1 END = 1 ORDER BY 1`],
    ['a literal compared with the CASE', `SELECT y ${u} WHERE 1 = CASE WHEN ${e} IS NULL THEN 1 END ORDER BY 1`],
    ['a CASE of a text compared', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN 'a' END = 'a' ORDER BY 1`],
    ['a CASE … ELSE NULL compared', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN 1 ELSE NULL END = 1 ORDER BY 1`],
    ['a CASE compared true in its second value', `SELECT y ${u} WHERE CASE WHEN y > 5 THEN 2 WHEN ${e} IS NULL THEN 1 END = 1 ORDER BY 1`],
    ['a CASE compared by >', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN 1 END > 0 ORDER BY 1`],
    ['FILTER (WHERE e IS NULL)', `SELECT count(*) FILTER (WHERE ${e} IS NULL) ${u}`],
    ['FILTER (WHERE e IS NOT NULL)', `SELECT count(*) FILTER (WHERE ${e} IS NOT NULL) ${u}`],
    ['FILTER over a table', 'SELECT count(*) FILTER (WHERE element_at(ARRAY[], c) IS NULL) FROM w'],
    ['FILTER (WHERE NOT (…))', `SELECT count(*) FILTER (WHERE NOT (${e} IS NULL)) ${u}`],
    ['FILTER beside another test', `SELECT sum(y) FILTER (WHERE y > 0 AND ${e} IS NULL) ${u}`],
    ['FILTER of a CASE condition', `SELECT count(*) FILTER (WHERE CASE WHEN ${e} IS NULL THEN true END) ${u}`],
  ])('%s is refused', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });

  // Trino 476 answers these (its plan keeps the test inside a comparison, a CASE or a grouped aggregation's mask).
  it.each<[string, string, string[], unknown[][]]>([
    ['(e IS NULL) = true', `SELECT y ${u} WHERE (${e} IS NULL) = true ORDER BY 1`, ['bigint'], [[1], [2]]],
    ['a CASE … ELSE false', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN true ELSE false END ORDER BY 1`, ['bigint'], [[1], [2]]],
    ['a CASE … THEN false ELSE true', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN false ELSE true END ORDER BY 1`, ['bigint'], []],
    ['a CASE … THEN false', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN false END ORDER BY 1`, ['bigint'], []],
    ['a CASE of a comparison', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN y > 0 END ORDER BY 1`, ['bigint'], [[1], [2]]],
    ['a CASE compared', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN 1 ELSE 0 END = 1 ORDER BY 1`, ['bigint'], [[1], [2]]],
    ['NOT CASE … THEN true END', `SELECT y ${u} WHERE NOT CASE WHEN ${e} IS NULL THEN true END ORDER BY 1`, ['bigint'], []],
    ['NOT (CASE … THEN true END)', `SELECT y ${u} WHERE NOT (CASE WHEN ${e} IS NULL THEN true END) ORDER BY 1`, ['bigint'], []],
    ['NOT if(e IS NULL, true)', `SELECT y ${u} WHERE NOT if(${e} IS NULL, true) ORDER BY 1`, ['bigint'], []],
    ['if(e IS NULL, true, false)', `SELECT y ${u} WHERE if(${e} IS NULL, true, false) ORDER BY 1`, ['bigint'], [[1], [2]]],
    ['if(e IS NULL, a)', `SELECT y ${u} WHERE if(${e} IS NULL, y > 0) ORDER BY 1`, ['bigint'], [[1], [2]]],
    ['a CASE compared false', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN 1 END = 2 ORDER BY 1`, ['bigint'], []],
    ['a CASE compared with a column', `SELECT y ${u} WHERE CASE WHEN ${e} IS NULL THEN 1 END = y ORDER BY 1`, ['bigint'], [[1]]],
    ['a simple CASE', `SELECT y ${u} WHERE CASE ${e} IS NULL WHEN true THEN true END ORDER BY 1`, ['bigint'], [[1], [2]]],
    [
      'FILTER under GROUP BY',
      `SELECT y, count(*) FILTER (WHERE ${e} IS NULL) ${u} GROUP BY y ORDER BY 1`,
      ['bigint', 'bigint'],
      [
        [1, 1],
        [2, 1],
      ],
    ],
    ['FILTER over VALUES rows', `SELECT count(*) FILTER (WHERE ${e} IS NULL) FROM (VALUES 1, 2) u(y)`, ['bigint'], [[2]]],
    ['FILTER (WHERE (e IS NULL) = true)', `SELECT count(*) FILTER (WHERE (${e} IS NULL) = true) ${u}`, ['bigint'], [[2]]],
    ['FILTER of a constant e', `SELECT count(*) FILTER (WHERE element_at(ARRAY[], 1) IS NULL) ${u}`, ['bigint'], [[2]]],
  ])('%s answers', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});
