// Query syntax whose words look like clause boundaries: `IS [NOT] DISTINCT FROM` and `WITHIN GROUP` inside a select
// item, and the GROUP BY set quantifier (ALL / DISTINCT). Values and types are Trino's, from its documentation.
import { describe, expect, it } from 'vitest';
import { checkFaithful } from '../../src/dialect/lint/index.js';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const run = (sql: string) => namedResult(engine, sql);

describe('select items containing clause words', () => {
  // https://trino.io/docs/current/functions/comparison.html#is-distinct-from-and-is-not-distinct-from
  it('IS [NOT] DISTINCT FROM in a select list keeps the item whole and names it _colN', async () => {
    expect(await run('SELECT 1 IS DISTINCT FROM 2, NULL IS NOT DISTINCT FROM NULL AS same, 3')).toEqual({
      columns: ['_col0 boolean', 'same boolean', '_col2 integer'],
      rows: [[true, true, 3]],
    });
    expect(await run('SELECT a IS DISTINCT FROM b FROM (VALUES (1, NULL), (2, 2)) t(a, b) ORDER BY a')).toEqual({
      columns: ['_col0 boolean'],
      rows: [[true], [false]],
    });
  });

  // https://trino.io/docs/current/functions/aggregate.html#listagg: "If separator is not specified, the empty string
  // will be used as separator"; the documented examples and their results.
  it('listagg … WITHIN GROUP (ORDER BY …), with and without a separator, with FILTER', async () => {
    expect(await run("SELECT listagg(value, ',') WITHIN GROUP (ORDER BY value) csv_value FROM (VALUES 'a', 'c', 'b') t(value)")).toEqual({
      columns: ['csv_value varchar'],
      rows: [['a,b,c']],
    });
    expect(
      await run(`SELECT id, listagg(value, ',') WITHIN GROUP (ORDER BY o) csv_value
FROM (VALUES (100, 1, 'a'), (200, 3, 'c'), (200, 2, 'b')) t(id, o, value) GROUP BY id ORDER BY id`),
    ).toEqual({
      columns: ['id integer', 'csv_value varchar'],
      rows: [
        [100, 'a'],
        [200, 'b,c'],
      ],
    });
    expect(await run("SELECT listagg(v) WITHIN GROUP (ORDER BY v DESC) FROM (VALUES 'a', 'c', 'b') t(v)")).toEqual({
      columns: ['_col0 varchar'],
      rows: [['cba']],
    });
    expect(
      await run(`SELECT country, listagg(city, ',') WITHIN GROUP (ORDER BY population DESC) FILTER (WHERE population >= 10000000) megacities
FROM (VALUES ('India', 'Bangalore', 13700000), ('India', 'Chennai', 12200000), ('India', 'Ranchi', 1547000), ('Austria', 'Vienna', 1897000)) t(country, city, population)
GROUP BY country ORDER BY country`),
    ).toEqual({
      columns: ['country varchar', 'megacities varchar'],
      rows: [
        ['Austria', null],
        ['India', 'Bangalore,Chennai'],
      ],
    });
    expect(await run("SELECT listagg(v, ',' ON OVERFLOW ERROR) WITHIN GROUP (ORDER BY v) FROM (VALUES 'b', 'a') t(v)")).toEqual({
      columns: ['_col0 varchar'],
      rows: [['a,b']],
    });
  });

  // Trino 476 (the shared oracle) takes a varchar value only: "TYPE_MISMATCH: line 1:8: Expected expression of varchar,
  // but 'value' has integer type" (a NULL: unknown type), over no rows too; string_agg cast any value to text. Found
  // by replaying Trino's TestListagg.
  it.each([
    ['an integer', "SELECT listagg(v, ',') WITHIN GROUP (ORDER BY v) FROM (VALUES 1, NULL, 2) t(v)", 'integer'],
    ['a boolean', "SELECT listagg(v, ',') WITHIN GROUP (ORDER BY v) FROM (VALUES TRUE, FALSE) t(v)", 'boolean'],
    ['an array', "SELECT listagg(v, ',') WITHIN GROUP (ORDER BY v) FROM (VALUES ARRAY['abc'], ARRAY['sql']) t(v)", 'array(varchar)'],
    ['a NULL', "SELECT listagg(NULL, ',') WITHIN GROUP (ORDER BY 1) FROM (VALUES 1) t(v)", 'unknown'],
    ['an integer under DISTINCT', "SELECT listagg(DISTINCT v, ',') WITHIN GROUP (ORDER BY v DESC) FROM (VALUES 1, 1, 2) t(v)", 'integer'],
    ['a decimal over no rows', 'SELECT listagg(v) WITHIN GROUP (ORDER BY v) FROM (VALUES 1.5) t(v) WHERE false', 'decimal(2,1)'],
  ])('listagg of %s fails as in Trino', async (_name, sql, type) => {
    await expect(run(sql)).rejects.toThrow(`TYPE_MISMATCH: Expected expression of varchar, but listagg's value has ${type} type`);
  });

  it('listagg(DISTINCT …) of a varchar runs (Trino 476: b,a)', async () => {
    expect(await run("SELECT listagg(DISTINCT v, ',') WITHIN GROUP (ORDER BY v DESC) FROM (VALUES 'a', 'b', 'a') t(v)")).toEqual({
      columns: ['_col0 varchar'],
      rows: [['b,a']],
    });
  });

  it('listagg of a value cast to varchar runs', async () => {
    expect(await run("SELECT listagg(try_cast(v AS varchar), ',') WITHIN GROUP (ORDER BY v) FROM (VALUES 1, NULL, 2, 3) t(v)")).toEqual({
      columns: ['_col0 varchar'],
      rows: [['1,2,3']],
    });
  });

  it('refuses listagg … ON OVERFLOW TRUNCATE at lint time with its position', () => {
    const sql = "SELECT\n  listagg(v, ',' ON OVERFLOW TRUNCATE '...' WITH COUNT) WITHIN GROUP (ORDER BY v)\nFROM t";
    expect(checkFaithful(sql, { file: 'sql/transforms/m.sql' })).toEqual([
      expect.objectContaining({ file: 'sql/transforms/m.sql', line: 2, col: 18, rule: 'unfaithful/listagg-overflow' }),
    ]);
  });
});

// https://trino.io/docs/current/sql/select.html: `[ OFFSET count [ ROW | ROWS ] ] [ LIMIT { count | ALL } ]`; Trino 476
// fails `… LIMIT 5 OFFSET 0` with "mismatched input 'OFFSET'. Expecting: <EOF>" (docs/trino-oracle.md §13).
describe('OFFSET and LIMIT order', () => {
  it('refuses OFFSET after LIMIT at lint time with its position, and the engine refuses to run it', async () => {
    const sql = 'SELECT x FROM (VALUES 1, 2, 3) t(x)\nORDER BY x LIMIT 5 OFFSET 1';
    expect(checkFaithful(sql, { file: 'sql/transforms/m.sql' })).toEqual([
      expect.objectContaining({ file: 'sql/transforms/m.sql', line: 2, col: 20, rule: 'unfaithful/offset-after-limit' }),
    ]);
    await expect(engine.execute(sql)).rejects.toThrow(/OFFSET after LIMIT/);
  });

  it('runs OFFSET before LIMIT, and keeps limit/offset usable as column names', async () => {
    expect(await run('SELECT x FROM (VALUES 1, 2, 3) t(x) ORDER BY x OFFSET 1 LIMIT 1')).toEqual({ columns: ['x integer'], rows: [[2]] });
    expect(checkFaithful('SELECT "limit", "offset" FROM (SELECT 1 AS "limit", 2 AS "offset") t ORDER BY "limit" LIMIT 1')).toEqual([]);
  });
});

// https://trino.io/docs/current/sql/select.html#group-by-clause: "The ALL and DISTINCT quantifiers determine whether
// duplicate grouping sets each produce distinct output rows … The default set quantifier is ALL."
describe('GROUP BY ALL | DISTINCT', () => {
  const SHIPPING = `FROM (VALUES ('California', 'New Jersey', 94131, 55), ('California', 'Colorado', 94131, 5), ('New York', 'New Jersey', 10002, 3))
  AS shipping(origin_state, destination_state, origin_zip, package_weight)`;
  const SELECT = `SELECT origin_state, destination_state, origin_zip, sum(package_weight) ${SHIPPING}`;
  const sorted = async (sql: string) => (await run(`SELECT * FROM (${sql}) ORDER BY 1, 2, 3, 4`)).rows;

  it('DISTINCT keeps each grouping set once (the documented CUBE × ROLLUP example)', async () => {
    const distinct = await sorted(`${SELECT} GROUP BY DISTINCT CUBE (origin_state, destination_state), ROLLUP (origin_state, origin_zip)`);
    const documentedEquivalent = await sorted(`${SELECT} GROUP BY GROUPING SETS (
    (origin_state, destination_state, origin_zip), (origin_state, origin_zip), (origin_state, destination_state),
    (origin_state), (destination_state), ())`);
    expect(distinct).toEqual(documentedEquivalent);
    // 6 sets over 3 rows: (s,d,z) 3 + (s,z) 2 + (s,d) 3 + (s) 2 + (d) 2 + () 1
    expect(distinct).toHaveLength(13);
    expect(distinct).toContainEqual([null, null, null, 63]);
  });

  it('ALL (the default) keeps the duplicate sets: 12 sets, duplicate rows', async () => {
    const all = await sorted(`${SELECT} GROUP BY ALL CUBE (origin_state, destination_state), ROLLUP (origin_state, origin_zip)`);
    const plain = await sorted(`${SELECT} GROUP BY CUBE (origin_state, destination_state), ROLLUP (origin_state, origin_zip)`);
    expect(all).toEqual(plain);
    // (s,d,z)×2 = 6, (s,z)×2 = 4, (s,d)×3 = 9, (s)×3 = 6, (d) 2, () 1
    expect(all).toHaveLength(28);
  });

  it('DISTINCT compares sets, not spellings: (a, b) and (B, a) are one set; plain columns are unchanged', async () => {
    const T = 'FROM (VALUES (1, 10), (1, 20), (2, 10)) AS v(a, b)';
    expect((await run(`SELECT count(*) FROM (SELECT a, b, count(*) c ${T} GROUP BY DISTINCT GROUPING SETS ((a, b), (B, a)))`)).rows).toEqual([[3]]);
    expect((await run(`SELECT count(*) FROM (SELECT a, b, count(*) c ${T} GROUP BY GROUPING SETS ((a, b), (B, a)))`)).rows).toEqual([[6]]);
    expect(await run(`SELECT a, count(*) ${T} GROUP BY DISTINCT a ORDER BY a`)).toEqual({
      columns: ['a integer', '_col1 bigint'],
      rows: [
        [1, 2],
        [2, 1],
      ],
    });
    expect((await run(`SELECT a, count(*) n ${T} GROUP BY DISTINCT ROLLUP (a) HAVING count(*) > 1 ORDER BY a`)).rows).toEqual([
      [1, 2],
      [null, 3],
    ]);
  });
});

// Trino 476 (hunt23, the oracle's groupings form): inside ROLLUP, CUBE and GROUPING SETS only columns are allowed
// (INVALID_COLUMN_REFERENCE "GROUP BY expression must be a column reference"; DuckDB grouped by the expression, an
// ordinal or a constant); CUBE's members are a set (CUBE (k, k) is 2 grouping sets, DuckDB made 4); an empty member
// `()` of ROLLUP or CUBE is the empty set (DuckDB's parser failed).
describe('ROLLUP, CUBE and GROUPING SETS as Trino reads them', () => {
  const K = 'FROM (VALUES 1, 1, 2) t(k)';
  const KJ = 'FROM (VALUES (1, 5), (1, 6), (2, 5)) t(k, j)';
  /** How many grouping sets a GROUP BY makes: rows of a one-row table grouped by it. */
  const sets = async (groupBy: string) => (await run(`SELECT count(*) FROM (SELECT count(*) c FROM (VALUES (1, 2)) t(k, j) GROUP BY ${groupBy})`)).rows;

  it.each([
    ['ROLLUP (k + 1)', `SELECT count(*) ${K} GROUP BY ROLLUP (k + 1)`, 'k + 1)'],
    ['CUBE of an ordinal', `SELECT k, count(*) ${K} GROUP BY CUBE (1)`, '1)'],
    ['a cast in GROUPING SETS', `SELECT count(*) ${K} GROUP BY GROUPING SETS ((k), (CAST(k AS varchar)))`, 'CAST('],
    ['a text constant in ROLLUP', `SELECT count(*) ${K} GROUP BY ROLLUP ('a')`, "'a'"],
    ['NULL in CUBE', `SELECT count(*) ${K} GROUP BY CUBE (k, NULL)`, 'NULL'],
    ['CURRENT_DATE in ROLLUP, nested in a subquery', `SELECT * FROM (SELECT count(*) n ${K} GROUP BY ROLLUP (k, CURRENT_DATE))`, 'CURRENT_DATE'],
  ])('refuses %s at lint time, at the expression', async (_what, sql, at) => {
    const col = sql.indexOf(at) + 1;
    expect(checkFaithful(sql, { file: 'sql/transforms/m.sql' })).toEqual([
      expect.objectContaining({ line: 1, col, rule: 'unfaithful/grouping-set-column', message: expect.stringMatching(/INVALID_COLUMN_REFERENCE/) }),
    ]);
    await expect(engine.execute(sql)).rejects.toThrow(/GROUP BY expression must be a column reference/);
  });

  it('keeps columns, qualified, quoted or parenthesized, and expressions outside the grouping sets', async () => {
    for (const groupBy of ['ROLLUP (t.k)', 'ROLLUP ("K")', 'ROLLUP ((k))', 'ROLLUP (((k)))'])
      expect((await run(`SELECT count(*) n ${K} GROUP BY ${groupBy} ORDER BY n`)).rows).toEqual([[1], [2], [3]]);
    expect((await run(`SELECT count(*) n ${K} GROUP BY k + 1, ROLLUP (k) ORDER BY n`)).rows).toEqual([[1], [1], [2], [2]]);
  });

  it("makes CUBE's members a set: a member named twice, in any spelling, counts once", async () => {
    expect(await sets('CUBE (k, k)')).toEqual([[2]]);
    expect(await sets('CUBE (k, j, k)')).toEqual([[4]]);
    expect(await sets('CUBE ((k, j), (j, k))')).toEqual([[2]]);
    expect(await sets('CUBE (k, K, "k")')).toEqual([[2]]);
    expect(await sets('CUBE (k, k), CUBE (j, k, j)')).toEqual([[8]]);
    expect(await sets('DISTINCT CUBE (k, k), j')).toEqual([[2]]);
    // ROLLUP keeps them: (k, k), (k), ().
    expect(await sets('ROLLUP (k, k)')).toEqual([[3]]);
    expect(await run(`SELECT k, grouping(k) g, count(*) n ${K} GROUP BY CUBE (k, k) ORDER BY g, k`)).toEqual({
      columns: ['k integer', 'g integer', 'n bigint'],
      rows: [
        [1, 0, 2],
        [2, 0, 1],
        [null, 1, 3],
      ],
    });
  });

  // Beside zoned values ORDER BY keys compare by instant through a typed macro, which cannot be picked over grouping()
  // (DuckDB failed "Macro trino_cmp_column() has multiple overloads"); Trino 476 answers.
  it('orders by grouping() in a statement that makes zoned values', async () => {
    const Z = "FROM (VALUES (1, TIMESTAMP '2025-01-01 00:00 +01:00'), (2, TIMESTAMP '2025-01-01 00:00 UTC')) t(k, z)";
    expect(await run(`SELECT grouping(k) g, count(*) n ${Z} GROUP BY ROLLUP (k) ORDER BY g DESC, n`)).toEqual({
      columns: ['g integer', 'n bigint'],
      rows: [
        [1, 2],
        [0, 1],
        [0, 1],
      ],
    });
    expect((await run(`SELECT k, count(*) n ${Z} GROUP BY CUBE (k) ORDER BY grouping(t.k) + 0, k NULLS FIRST`)).rows).toEqual([
      [1, 1],
      [2, 1],
      [null, 2],
    ]);
  });

  // ORDER BY reads the select list's output names first, and grouping() takes no output: Trino 476 fails with
  // INVALID_ARGUMENTS "Invalid reference to output of SELECT clause from grouping() expression in ORDER BY".
  it.each([
    ['a selected column', `SELECT k, count(*) n ${K} GROUP BY CUBE (k) ORDER BY grouping(k), k`, 'k), k'],
    ['a qualified select item', `SELECT t.k, count(*) n ${K} GROUP BY CUBE (k) ORDER BY grouping(k), 1`, 'k), 1'],
    ['a window over grouping()', `SELECT k, count(*) n ${K} GROUP BY CUBE (k) ORDER BY sum(grouping(k)) OVER (), k`, 'k)) OVER'],
    ['a quoted name in a subquery', `SELECT * FROM (SELECT k, count(*) n ${K} GROUP BY CUBE (k) ORDER BY grouping("K"), k)`, '"K"'],
  ])('refuses grouping() of %s in ORDER BY', async (_what, sql, at) => {
    expect(checkFaithful(sql, { file: 'sql/transforms/m.sql' })).toEqual([
      expect.objectContaining({ line: 1, col: sql.indexOf(at) + 1, rule: 'unfaithful/grouping-order-by', message: expect.stringMatching(/INVALID_ARGUMENTS/) }),
    ]);
  });

  it('orders by grouping() of a qualified column or of a column selected under another name', async () => {
    expect((await run(`SELECT k, count(*) n ${K} GROUP BY CUBE (k) ORDER BY grouping(t.k), k`)).rows).toEqual([
      [1, 2],
      [2, 1],
      [null, 3],
    ]);
    expect((await run(`SELECT k AS kk, count(*) n ${K} GROUP BY CUBE (k) ORDER BY grouping(k) DESC, kk`)).rows).toEqual([
      [null, 3],
      [1, 2],
      [2, 1],
    ]);
  });

  // Trino 476 resolves grouping columns before comparing them: `k`, `t.k` and `"T"."K"` are one column (CUBE (k, t.k)
  // is 2 grouping sets), DuckDB compared them as written (4 sets, `k` NULL in the sets of `t.k`: silent).
  it('takes the spellings of one column, qualified or not, as one column', async () => {
    expect(await run(`SELECT k, grouping(k) g, count(*) n ${K} GROUP BY CUBE (k, t.k) ORDER BY g, k`)).toEqual({
      columns: ['k integer', 'g integer', 'n bigint'],
      rows: [
        [1, 0, 2],
        [2, 0, 1],
        [null, 1, 3],
      ],
    });
    expect((await run(`SELECT k, count(*) n ${K} GROUP BY GROUPING SETS ((k), ("T"."K")) ORDER BY k, n`)).rows).toEqual([
      [1, 2],
      [1, 2],
      [2, 1],
      [2, 1],
    ]);
    expect((await run(`SELECT k, count(*) n ${K} GROUP BY DISTINCT ROLLUP (k), ROLLUP (t.k) ORDER BY k, n`)).rows).toEqual([
      [1, 2],
      [2, 1],
      [null, 3],
    ]);
    expect((await run(`SELECT k, j, count(*) n ${KJ} GROUP BY CUBE (k, j, t.k) ORDER BY k, j, n`)).rows).toEqual([
      [1, 5, 1],
      [1, 6, 1],
      [1, null, 2],
      [2, 5, 1],
      [2, null, 1],
      [null, 5, 2],
      [null, 6, 1],
      [null, null, 3],
    ]);
    expect(await sets('CUBE (t.k, k, j)')).toEqual([[4]]);
    // Two relations' columns of one name stay two; a row's field outside the grouping sets is no column.
    expect(
      (await run('SELECT a.k, b.k, count(*) n FROM (VALUES 1, 2) a(k) JOIN (VALUES 1, 2) b(k) ON a.k = b.k GROUP BY CUBE (a.k, b.k) ORDER BY 1, 2')).rows,
    ).toEqual([
      [1, 1, 1],
      [1, null, 1],
      [2, 2, 1],
      [2, null, 1],
      [null, 1, 1],
      [null, 2, 1],
      [null, null, 2],
    ]);
    expect(
      (await run('SELECT count(*) FROM (SELECT count(*) c FROM (VALUES (1, CAST(ROW(2) AS row(x integer)))) t(k, r) GROUP BY r.x, CUBE (k, t.k))')).rows,
    ).toEqual([[2]]);
  });

  // Trino 476: a row's field inside grouping sets fails INVALID_COLUMN_REFERENCE "GROUP BY expression must be a column
  // reference: r.x" (outside them it is an expression like any); DuckDB grouped by it.
  it.each([
    ['ROLLUP (r.x)', 'ROLLUP (r.x)', 'r.x'],
    ['ROLLUP (t.r.x)', 'ROLLUP (t.r.x)', 't.r.x'],
    ['GROUPING SETS ((r.x), ())', 'GROUPING SETS ((r.x), ())', 'r.x'],
    ['CUBE ((r.x)) beside a column', 'k, CUBE ((r.x))', 'r.x))'],
  ])("refuses a row's field in %s at lint time", async (_what, groupBy, at) => {
    const sql = `SELECT count(*) FROM (VALUES (1, CAST(ROW(2) AS row(x integer)))) t(k, r) GROUP BY ${groupBy}`;
    expect(checkFaithful(sql, { file: 'sql/transforms/m.sql' })).toEqual([
      expect.objectContaining({ line: 1, col: sql.lastIndexOf(at) + 1, rule: 'unfaithful/grouping-set-column', message: expect.stringMatching(/no column/) }),
    ]);
    await expect(engine.execute(sql)).rejects.toThrow(/no column of the query's relations/);
  });

  it('reads an empty member of ROLLUP or CUBE as the empty set', async () => {
    expect(await sets('CUBE (())')).toEqual([[2]]);
    expect(await run(`SELECT k, grouping(k) g, count(*) n ${K} GROUP BY ROLLUP ((), k) ORDER BY g, k`)).toEqual({
      columns: ['k integer', 'g integer', 'n bigint'],
      rows: [
        [1, 0, 2],
        [2, 0, 1],
        [null, 1, 3],
        [null, 1, 3],
      ],
    });
    expect((await run(`SELECT k, j, grouping(k, j) g, count(*) n ${KJ} GROUP BY CUBE (k, ()), j HAVING count(*) > 1 ORDER BY g, k, j`)).rows).toEqual([
      [null, 5, 2, 2],
      [null, 5, 2, 2],
    ]);
  });
});

// DuckDB sorts `ORDER BY ALL` by every column; Trino 476 reads `all` as a column ("Column 'all' cannot be resolved").
describe('ORDER BY ALL', () => {
  it('is refused at lint time, at ALL; a column named "all" still sorts', async () => {
    const sql = 'SELECT x\nFROM (VALUES 2, 1) t(x) ORDER BY ALL DESC';
    expect(checkFaithful(sql, { file: 'sql/transforms/m.sql' })).toEqual([
      expect.objectContaining({ file: 'sql/transforms/m.sql', line: 2, col: 34, rule: 'unfaithful/order-by-all' }),
    ]);
    await expect(engine.execute(sql)).rejects.toThrow(/ORDER BY ALL is DuckDB's/);
    expect((await run('SELECT "all" FROM (VALUES 2, 1) t("all") ORDER BY "all"')).rows).toEqual([[1], [2]]);
  });
});
