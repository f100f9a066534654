// A column alias list of another width than its relation: Trino 476 (the shared oracle) fails with
// MISMATCHED_COLUMN_ALIASES, "Column alias list has 1 entries but 't' has 2 columns available" (a CTE's: "… but
// relation has 2 columns"), in both directions, for VALUES, subqueries, set operations, CTEs and UNNEST (WITH
// ORDINALITY counts its column). DuckDB renamed only the first columns and answered. Refused at lint at the alias list
// where the SQL shows the width; the right widths keep Trino's answers.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateQuery } from '../../src/dialect/translate/query.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';

let engine: AthenaLocalEngine;

beforeAll(async () => {
  engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-aliases-')), inMemory: true, threads: 1 });
});
afterAll(async () => engine.close());

describe('column alias lists of the wrong width', () => {
  it.each([
    ['SELECT * FROM (VALUES (1, 2)) t(x)', "1 entries but 't' has 2 columns available"],
    ['SELECT * FROM (VALUES (1, 2)) t(x, y, z)', "3 entries but 't' has 2 columns available"],
    ['SELECT * FROM (VALUES 1, 2) AS t(x, y)', "2 entries but 't' has 1 columns available"],
    ['SELECT * FROM (SELECT 1, 2) t(x)', "1 entries but 't' has 2 columns available"],
    ['SELECT * FROM (SELECT 1, 2) t(x, y, z)', "3 entries but 't' has 2 columns available"],
    ['SELECT * FROM (SELECT 1, 2 UNION ALL SELECT 3, 4) t(x)', "1 entries but 't' has 2 columns available"],
    ['SELECT * FROM (SELECT DISTINCT 1, 2 * 3 AS m FROM (VALUES 1) v(a)) t(x)', "1 entries but 't' has 2 columns available"],
    ['WITH w(x) AS (SELECT 1, 2) SELECT * FROM w', '1 entries but relation has 2 columns'],
    ['WITH w(x, y, z) AS (SELECT 1, 2) SELECT * FROM w', '3 entries but relation has 2 columns'],
    ['WITH a AS (SELECT 1), w(x) AS (VALUES (1, 2)) SELECT * FROM w', '1 entries but relation has 2 columns'],
    ['SELECT * FROM UNNEST(ARRAY[1]) t(a, b)', "2 entries but 't' has 1 columns available"],
    ['SELECT * FROM UNNEST(ARRAY[1], ARRAY[2]) t(a)', "1 entries but 't' has 2 columns available"],
    ['SELECT * FROM UNNEST(ARRAY[1]) WITH ORDINALITY t(a)', "1 entries but 't' has 2 columns available"],
    ['SELECT * FROM UNNEST(ARRAY[1]) WITH ORDINALITY AS t(a, b, c)', "3 entries but 't' has 2 columns available"],
    ['SELECT x FROM (VALUES ARRAY[1, 2]) v(a) CROSS JOIN UNNEST(v.a, v.a) AS u(x)', "1 entries but 'u' has at least 2 columns available"],
  ])('%s fails as in Athena', async (sql, trino) => {
    await expect(engine.execute(sql)).rejects.toThrow(
      new RegExp(
        `error \\[unfaithful/column-alias-count\\] Athena fails with MISMATCHED_COLUMN_ALIASES: Column alias list has ${trino.replace(/[()]/g, '\\$&')}`,
      ),
    );
  });

  it('names the position of the alias list (file:line:col in lake lint)', async () => {
    await expect(engine.execute('SELECT *\nFROM (VALUES (1, 2)) AS t  (x)')).rejects.toThrow(/<sql>:2:28: error \[unfaithful\/column-alias-count\]/);
    await expect(engine.execute('WITH\n  w (x) AS (SELECT 1, 2)\nSELECT * FROM w')).rejects.toThrow(/<sql>:2:5: error \[unfaithful\/column-alias-count\]/);
  });

  it('the right widths keep Trino’s answers', async () => {
    const values = await engine.execute('SELECT * FROM (VALUES (1, 2)) t(x, y)');
    expect(values.columns.map((c) => `${c.name} ${c.type}`)).toEqual(['x integer', 'y integer']);
    expect(values.rows).toEqual([[1, 2]]);
    const cte = await engine.execute("WITH w(x, y) AS (SELECT 1, 'a') SELECT * FROM w");
    expect(cte.columns.map((c) => `${c.name} ${c.type}`)).toEqual(['x integer', 'y varchar']);
    expect(cte.rows).toEqual([[1, 'a']]);
    const union = await engine.execute('SELECT * FROM (SELECT 1, 2 UNION ALL SELECT 3, 4) t(x, y) ORDER BY x');
    expect(union.rows).toEqual([
      [1, 2],
      [3, 4],
    ]);
    const unnest = await engine.execute("SELECT * FROM UNNEST(ARRAY[1], ARRAY['a']) WITH ORDINALITY t(a, b, o)");
    expect(unnest.columns.map((c) => `${c.name} ${c.type}`)).toEqual(['a integer', 'b varchar', 'o bigint']);
    expect(unnest.rows).toEqual([[1, 'a', 1]]);
  });

  it('leaves alone the widths the SQL does not show', () => {
    // An array of rows gives a column per field, a map two (Trino answers `t(x, y)` for both).
    for (const sql of [
      'SELECT * FROM (VALUES ARRAY[CAST(ROW(1, 2) AS ROW(a integer, b integer))]) v(r) CROSS JOIN UNNEST(v.r) AS u(x, y)',
      'SELECT * FROM UNNEST(MAP(ARRAY[1], ARRAY[2])) t(a, b)',
    ])
      expect(() => translateQuery(sql), sql).not.toThrow();
  });
});

// Where the SQL does not show the width (`SELECT *`, a table or view), the relation is checked while DuckDB binds:
// over no rows too.
describe('column alias lists of a SELECT * or a table', () => {
  beforeAll(async () => {
    await engine.execute('CREATE VIEW two AS SELECT 1 AS a, 2 AS b');
  });

  it.each([
    ['SELECT * FROM two t(x)', "1 entries but 't' has 2 columns available"],
    ['SELECT * FROM (VALUES 1) v(k) JOIN two AS u(x) ON true', "1 entries but 'u' has 2 columns available"],
    ['SELECT * FROM two t(x, y, z)', "3 entries but 't' has 2 columns available"],
    ['SELECT * FROM (VALUES 1) v(k), two AS u(x)', "1 entries but 'u' has 2 columns available"],
    ['SELECT * FROM (SELECT * FROM (VALUES (1, 2)) v(a, b)) t(x)', "1 entries but 't' has 2 columns available"],
    ['SELECT * FROM (SELECT * FROM (VALUES (1, 2)) v(a, b) WHERE false) AS t(x)', "1 entries but 't' has 2 columns available"],
    ['SELECT * FROM (SELECT * FROM (VALUES (1, 2)) v(a, b)) t(x, y, z)', "3 entries but 't' has 2 columns available"],
    ['WITH w(x) AS (SELECT * FROM (VALUES (1, 2)) v(a, b)) SELECT * FROM w', '1 entries but relation has 2 columns(?! available)'],
    ['WITH w(x, y, z) AS (SELECT v.* FROM (VALUES (1, 2)) v(a, b)) SELECT * FROM w', '3 entries but relation has 2 columns(?! available)'],
    // LATERAL (locally k, x, b: DuckDB renamed the first column only).
    [
      'SELECT * FROM (VALUES 1, 2) t(k) CROSS JOIN LATERAL (SELECT * FROM (VALUES (1, 2)) s(a, b) WHERE s.a = t.k) l(x)',
      "1 entries but 'l' has 2 columns available",
    ],
    [
      'SELECT * FROM (VALUES 1, 2) t(k) LEFT JOIN LATERAL (SELECT s.* FROM (VALUES (1, 2)) s(a, b) WHERE s.a = t.k) l(x) ON true',
      "1 entries but 'l' has 2 columns available",
    ],
  ])('%s fails as in Athena', async (sql, trino) => {
    await expect(engine.execute(sql)).rejects.toThrow(new RegExp(`MISMATCHED_COLUMN_ALIASES: Column alias list has ${trino}`));
  });

  it('the right widths keep Trino’s answers', async () => {
    const derived = await engine.execute("SELECT t.y, x FROM (SELECT * FROM (VALUES (1, 'a')) v(a, b)) t(x, y)");
    expect(derived.columns.map((c) => `${c.name} ${c.type}`)).toEqual(['y varchar', 'x integer']);
    expect(derived.rows).toEqual([['a', 1]]);
    const nested = await engine.execute('SELECT * FROM (SELECT * FROM (VALUES (1, CAST(ROW(1, 2) AS ROW(a integer, b integer)))) v(a, b)) t(x, y)');
    expect(nested.columns.map((c) => `${c.name} ${c.type}`)).toEqual(['x integer', 'y row(a integer, b integer)']);
    // Names holding a comma or a parenthesis, in the list and in a row's fields.
    const quoted = await engine.execute(
      'SELECT * FROM (SELECT * FROM (VALUES (1, CAST(ROW(1, 2) AS ROW("a,b" integer, "c)" integer)))) v(a, b)) t("x,y", "z)")',
    );
    expect(quoted.columns.map((c) => c.name)).toEqual(['x,y', 'z)']);
    expect(quoted.rows).toEqual([[1, { 'a,b': 1, 'c)': 2 }]]);
    const tables = await engine.execute('SELECT t.y, x, u.p FROM two t(x, y) JOIN two AS u(p, q) ON u.p = t.x');
    expect(tables.rows).toEqual([[2, 1, 1]]);
    const list = await engine.execute('SELECT w.q, count(*) FROM two t(x, y), two AS w(p, q) WHERE t.x = w.p GROUP BY w.q, y ORDER BY 1, 2');
    expect(list.rows).toEqual([[2, 1]]);
    const cte = await engine.execute('WITH w(x, y) AS (SELECT * FROM (VALUES (1, 2)) v(a, b)) SELECT y FROM w');
    expect(cte.rows).toEqual([[2]]);
    const lateral = await engine.execute(
      'SELECT * FROM (VALUES 1, 2) t(k) LEFT JOIN LATERAL (SELECT * FROM (VALUES (1, 2)) s(a, b) WHERE s.a = t.k) l(x, y) ON true ORDER BY k',
    );
    expect(lateral.columns.map((c) => `${c.name} ${c.type}`)).toEqual(['k integer', 'x integer', 'y integer']);
    expect(lateral.rows).toEqual([
      [1, 1, 2],
      [2, null, null],
    ]);
  });
});
