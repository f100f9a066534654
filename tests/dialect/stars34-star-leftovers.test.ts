// Leftovers of stars32 (docs/issue-15-audit.md "Star leftovers (session of 2026-12-07 early morning, branch stars34)"):
// AUTO as an identifier, ORDER BY a name a star over a row expanded, `expr.* AS (a, b)`. Every expectation (names,
// types and values, or the failure) is Trino 476's, asked of the shared Trino on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake, refusedAt } from './lake-helpers.js';

const engine = sharedLake();

describe('AUTO is a reserved word in Trino 476 (group-by-auto.ts refuseAutoIdentifiers)', () => {
  it.each<[string, string]>([
    // Trino: SYNTAX_ERROR "mismatched input 'auto'. Expecting: <identifier>"; DuckDB grouped by the column (3 rows → 2).
    ['a column alias, grouped by', 'SELECT count(*) AS c FROM (VALUES 1, 1, 2) t(auto) GROUP BY auto'],
    ['a select alias', 'SELECT 1 AS auto'],
    ['a column reference', 'SELECT auto FROM (VALUES 1) t("auto")'],
    ['a WITH name', 'WITH auto AS (SELECT 1 AS a) SELECT a FROM auto'],
    ['a relation alias', 'SELECT auto.a FROM (VALUES 1) auto(a)'],
  ])('%s: refused as Trino fails', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('syntax', sql, 'auto'));
  });

  it.each<[string, string[], unknown[][]]>([
    [
      'SELECT "auto", count(*) AS c FROM (VALUES 1, 1, 2) t("auto") GROUP BY "auto" ORDER BY 1',
      ['auto integer', 'c bigint'],
      [
        [1, 2],
        [2, 1],
      ],
    ],
    // GROUP BY AUTO with only an aggregate: one global group, also beside a column named "auto".
    ['SELECT count(*) AS c FROM (VALUES 1, 1, 2) t("auto") GROUP BY AUTO', ['c bigint'], [[3]]],
  ])('%s answers', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });
});

const R = "VALUES (CAST(ROW(2, 'a') AS ROW(f1 bigint, f2 varchar)), 1), (CAST(ROW(1, 'b') AS ROW(f1 bigint, f2 varchar)), 2)";

describe('ORDER BY a name that a field of a star over a row gives (column-stars.ts orderByNames)', () => {
  it.each<[string, string]>([
    // Trino sorts by the field f1 (1, 'b' first); DuckDB read the FROM clause's column f1 (2, 'a' first): silent.
    ['the FROM clause has a column of the name', `SELECT t.r.* FROM (${R}) t(r, f1) ORDER BY f1`],
    ['inside an expression', `SELECT t.r.* FROM (${R}) t(r, f1) ORDER BY f1 + 0`],
    // Trino: AMBIGUOUS_NAME "Column 'f1' is ambiguous"; DuckDB sorted by 5 AS f1.
    ['another select item has the name', `SELECT t.r.*, 5 AS f1 FROM (${R}) t(r, x) ORDER BY f1`],
    // Trino answers (2, 'a'), (1, 'b'); DuckDB: "Referenced column F1 not found".
    ['only the field has the name, in upper case', `SELECT t.r.* FROM (${R}) t(r, x) ORDER BY F1 DESC`],
    ["a CAST's row", "SELECT CAST(ROW(1, 'a') AS ROW(f1 bigint, f2 varchar)).* ORDER BY f1"],
  ])('%s: refused while binding', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/ORDER BY names a field of a row that a star expands/);
  });

  it.each<[string, string[], unknown[][]]>([
    // A name the row has no field of, a qualified name, an ordinal and a set operation's ORDER BY answer as in Trino.
    [
      `SELECT t.r.*, x FROM (${R}) t(r, x) ORDER BY x`,
      ['f1 bigint', 'f2 varchar', 'x integer'],
      [
        [2, 'a', 1],
        [1, 'b', 2],
      ],
    ],
    [
      `SELECT t.r.* FROM (${R}) t(r, f1) ORDER BY t.f1`,
      ['f1 bigint', 'f2 varchar'],
      [
        [2, 'a'],
        [1, 'b'],
      ],
    ],
    [
      `SELECT t.r.* FROM (${R}) t(r, f1) ORDER BY 1`,
      ['f1 bigint', 'f2 varchar'],
      [
        [1, 'b'],
        [2, 'a'],
      ],
    ],
    [
      `SELECT t.r.* FROM (${R}) t(r, x) UNION ALL SELECT 3, 'c' ORDER BY f1`,
      ['f1 bigint', 'f2 varchar'],
      [
        [1, 'b'],
        [2, 'a'],
        [3, 'c'],
      ],
    ],
  ])('%s answers', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });
});

describe('a star with an alias list names its columns (column-stars.ts starAliases)', () => {
  // DuckDB failed them all ("syntax error at or near ("). Trino 476 names an unquoted alias in upper case.
  it.each<[string, string, string[], unknown[][]]>([
    ["a CAST's row", "SELECT CAST(ROW(1, 'a') AS ROW(f1 bigint, f2 varchar)).* AS (a, b)", ['A bigint', 'B varchar'], [[1, 'a']]],
    ['a relation of the FROM clause', 'SELECT t.* AS (a, b, c) FROM (VALUES (1, 2, 3)) t(x, y, z)', ['A integer', 'B integer', 'C integer'], [[1, 2, 3]]],
    [
      'quoted aliases keep their case',
      'SELECT t.* AS (a, "B", "c""d") FROM (VALUES (1, 2, 3)) t(x, y, z)',
      ['A integer', 'B integer', 'c"d integer'],
      [[1, 2, 3]],
    ],
    [
      'a nested row field',
      "SELECT CAST(ROW(1, CAST(ROW(2.5, 'z') AS ROW(c decimal(10, 2), d varchar))) AS ROW(a integer, b ROW(c decimal(10, 2), d varchar))).* AS (x, y)",
      ['X integer', 'Y row(c decimal(10,2), d varchar)'],
      [[1, { c: '2.50', d: 'z' }]],
    ],
    [
      'a row column, NULL rows, beside a column',
      "SELECT k, t.r.* AS (p, q) FROM (VALUES (1, CAST(NULL AS ROW(x integer, y varchar))), (2, CAST(ROW(3, 'w') AS ROW(x integer, y varchar)))) t(k, r) ORDER BY k",
      ['k integer', 'P integer', 'Q varchar'],
      [
        [1, null, null],
        [2, 3, 'w'],
      ],
    ],
    [
      'zoned and map fields',
      "SELECT t.r.* AS (p, q) FROM (VALUES ROW(CAST(ROW(TIMESTAMP '2020-01-01 00:00:00 UTC', MAP(ARRAY['k'], ARRAY[2])) AS ROW(z timestamp(3) with time zone, m map(varchar, integer))))) t(r)",
      ['P timestamp(3) with time zone', 'Q map(varchar, integer)'],
      [['2020-01-01 00:00:00.000 UTC', { k: 2 }]],
    ],
    [
      'an outer relation in a LATERAL',
      'SELECT * FROM (VALUES (1, 2)) t(a, b) CROSS JOIN LATERAL (SELECT t.* AS (p, q))',
      ['a integer', 'b integer', 'P integer', 'Q integer'],
      [[1, 2, 1, 2]],
    ],
    [
      'beside another star over a join',
      'SELECT t.* AS (p, q), u.* FROM (VALUES (1, 2)) t(a, b) JOIN (VALUES 3) u(c) ON true',
      ['P integer', 'Q integer', 'c integer'],
      [[1, 2, 3]],
    ],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it.each<[string, string]>([
    // Trino: MISMATCHED_COLUMN_ALIASES "Column alias list has 2 entries but relation has 3 columns".
    ['fewer aliases than columns', 'SELECT t.* AS (a, b) FROM (VALUES (1, 2, 3)) t(x, y, z)'],
    ['more aliases than fields', "SELECT CAST(ROW(1, 'a') AS ROW(f1 bigint, f2 varchar)).* AS (a, b, c)"],
    [
      'more aliases than fields of a row with a nested row',
      "SELECT CAST(ROW(1, CAST(ROW(2.5, 'z') AS ROW(c decimal(10, 2), d varchar))) AS ROW(a integer, b ROW(c decimal(10, 2), d varchar))).* AS (x, y, z)",
    ],
  ])('%s: fails', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/MISMATCHED_COLUMN_ALIASES/);
  });
});

describe('qualify as a relation alias with a column list (expressions.ts)', () => {
  it.each<[string, string[], unknown[][]]>([
    // DuckDB: syntax error at or near "qualify" (loud).
    ['SELECT a FROM (VALUES 1) AS qualify(a)', ['a integer'], [[1]]],
    // DuckDB read QUALIFY (a) as its clause: "Referenced column a not found" (loud).
    ['SELECT qualify.a FROM (VALUES 1) qualify(a)', ['a integer'], [[1]]],
    // DuckDB read QUALIFY (b) as its clause beside a window function and kept only the true row (silent).
    [
      'SELECT b, count(*) OVER () AS n FROM (SELECT false AS b UNION ALL SELECT true) qualify(b) ORDER BY b',
      ['b boolean', 'n bigint'],
      [
        [false, 2],
        [true, 2],
      ],
    ],
  ])('%s', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });
});

describe('GROUP BY AUTO over a star (group-by-auto.ts)', () => {
  it.each<[string, string]>([
    // Trino 476 answers (1, 2); (1, 2, 2); (X 1, Y 2, c 2). DuckDB failed: "Referenced column AUTO not found", "UNNEST
    // not supported here"; refused with the way out.
    ['SELECT * FROM (VALUES (1, 2)) t(a, b) GROUP BY AUTO', 'GROUP BY AUTO'],
    ['SELECT t.*, count(*) AS c FROM (VALUES (1, 2), (1, 2)) t(a, b) GROUP BY AUTO', 'GROUP BY AUTO'],
    ['SELECT t.* AS (x, y), count(*) AS c FROM (VALUES (1, 2), (1, 2)) t(a, b) GROUP BY AUTO', 'GROUP BY AUTO'],
  ])('%s: refused', async (sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('group-by-auto', sql, at));
  });
});
