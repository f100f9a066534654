// A VALUES row of one value whose type is a row, read from the outer row (`CROSS JOIN LATERAL (VALUES r) u(x)` over a
// column r of type row(x integer, y integer)): Trino 476 makes a column of each field and fails (MISMATCHED_COLUMN_ALIASES
// with a one-name alias list, NOT_SUPPORTED under LATERAL); DuckDB answered one row column (silent). Refused while
// DuckDB binds (translate/row-values-cells.ts; docs/issue-15-audit.md "Correlated subqueries left by corr32/corr33
// (session of 2026-12-07 early morning, branch corr34)"). Every expectation is the shared Trino 476's answer (value and
// type) or its failure, asked on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

const R = 'CAST(ROW(1, 2) AS ROW(x integer, y integer))';
const t = `FROM (VALUES (1, ${R})) t(a, r)`;
const refused = /MISMATCHED_COLUMN_ALIASES or NOT_SUPPORTED: a VALUES row of one value of a row type/;

describe('a VALUES row of one row-typed value read from the outer row', () => {
  it.each<[string, string]>([
    // Trino: MISMATCHED_COLUMN_ALIASES "Column alias list has 1 entries but 'u' has 2 columns available".
    ['LATERAL with one alias', `SELECT t.a, u.x ${t} CROSS JOIN LATERAL (VALUES r) u(x)`],
    ['LATERAL with one alias, qualified', `SELECT t.a, u.x ${t} CROSS JOIN LATERAL (VALUES t.r) u(x)`],
    ['LATERAL with one alias, parenthesized', `SELECT t.a, u.x ${t} CROSS JOIN LATERAL (VALUES (t.r)) u(x)`],
    ['a scalar subquery with one alias', `SELECT t.a, (SELECT count(*) FROM (VALUES t.r) u(x)) ${t}`],
    // Trino: NOT_SUPPORTED "Given correlated subquery is not supported".
    ['LATERAL without an alias list', `SELECT t.a, u.* ${t} CROSS JOIN LATERAL (VALUES t.r) u`],
    ['a row of one field', 'SELECT t.a, u.x FROM (VALUES (1, CAST(ROW(ARRAY[1]) AS ROW(x array(integer))))) t(a, r) CROSS JOIN LATERAL (VALUES t.r) u(x)'],
  ])('%s: refused', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(refused);
  });

  // Trino answers these; the local engine too, alike.
  it.each<[string, string, string[], unknown[][]]>([
    ['count(*) without an alias list', `SELECT t.a, (SELECT count(*) FROM (VALUES t.r) u) ${t}`, ['integer', 'bigint'], [[1, 1]]],
    ['EXISTS', `SELECT t.a, EXISTS (VALUES t.r) ${t}`, ['integer', 'boolean'], [[1, true]]],
    ['a field of the row', `SELECT t.a, u.x ${t} CROSS JOIN LATERAL (VALUES t.r.x) u(x)`, ['integer', 'integer'], [[1, 1]]],
    ['an integer column', 'SELECT t.a, u.x FROM (VALUES (1, 5)) t(a, r) CROSS JOIN LATERAL (VALUES t.r) u(x)', ['integer', 'integer'], [[1, 5]]],
    [
      'a varchar column with a NULL',
      "SELECT t.a, u.x FROM (VALUES (1, 'a'), (2, NULL)) t(a, r) CROSS JOIN LATERAL (VALUES t.r) u(x) ORDER BY 1",
      ['integer', 'varchar'],
      [
        [1, 'a'],
        [2, null],
      ],
    ],
    [
      'an array of rows',
      `SELECT t.a, u.x FROM (VALUES (1, ARRAY[${R}])) t(a, r) CROSS JOIN LATERAL (VALUES t.r) u(x)`,
      ['integer', 'array(row(x integer, y integer))'],
      [[1, [{ x: 1, y: 2 }]]],
    ],
    [
      'a map of rows',
      `SELECT t.a, u.x FROM (VALUES (1, MAP(ARRAY[1], ARRAY[${R}]))) t(a, r) CROSS JOIN LATERAL (VALUES t.r) u(x)`,
      ['integer', 'map(integer, row(x integer, y integer))'],
      [[1, { 1: { x: 1, y: 2 } }]],
    ],
    [
      'a row constructor: one row column',
      `SELECT t.a, u.x ${t} CROSS JOIN LATERAL (VALUES ROW(t.r)) u(x)`,
      ['integer', 'row(x integer, y integer)'],
      [[1, { x: 1, y: 2 }]],
    ],
    ['a cast row constructor of one field', 'SELECT * FROM (VALUES CAST(ROW(1) AS ROW(f1 integer))) u(x)', ['integer'], [[1]]],
    ['a column of NULLs', 'SELECT * FROM (VALUES NULL) t(a) CROSS JOIN LATERAL (VALUES a) u(x)', ['unknown', 'unknown'], [[null, null]]],
    ['an expression', 'SELECT t.a, u.* FROM (VALUES (1, 5)) t(a, r) CROSS JOIN LATERAL (VALUES t.r + 1) u ORDER BY 1', ['integer', 'integer'], [[1, 6]]],
  ])('%s', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});
