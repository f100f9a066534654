// Relations, fourth pass (docs/issue-15-audit.md "Relations, fourth pass"). Every expectation is Trino 476's (the
// shared oracle): its value, type and column name, or its error.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('arithmetic on a subscript read with an outer index, inside a subquery', () => {
  // DuckDB lost a struct field's name where a macro call reading an outer column was the value (trino_plus of
  // trino_subscript): "Need named argument for struct pack".
  const OUTER = 'FROM (VALUES (ARRAY[10, 20], 2)) t(a, i)';
  it.each<[string, string, unknown]>([
    ['a[t.i] + 1', 'integer', 21],
    ['a[t.i] - 1', 'integer', 19],
    ['a[t.i] * 2', 'integer', 40],
    ['a[t.i] / 3', 'integer', 6],
    ['a[t.i] % 3', 'integer', 2],
    ['element_at(a, t.i) + 1.5', 'decimal(12,1)', '21.5'],
  ])('(SELECT %s FROM (VALUES 1) u(y))', async (expression, type, value) => {
    expect(await namedResult(engine, `SELECT (SELECT ${expression} FROM (VALUES 1) u(y)) ${OUTER}`)).toEqual({
      columns: [`_col0 ${type}`],
      rows: [[value]],
    });
  });

  it('(SELECT a[i] + 1) without FROM', async () => {
    expect(await namedResult(engine, `SELECT (SELECT a[i] + 1) ${OUTER}`)).toEqual({ columns: ['_col0 integer'], rows: [[21]] });
  });
});

const A = '(VALUES (1, 2)) a(k, x)';
const B = '(VALUES (1, 3)) b(k, y)';
const JOIN_K = `SELECT * FROM ${A} JOIN ${B} ON a.k = b.k`;
const REPEATED = /gives the column "k" twice: Athena keeps both names \(reading k from it fails with AMBIGUOUS_NAME/;

describe('a * that repeats a name inside a subquery: refused only where the name is read', () => {
  it.each<[string, string, string[], unknown[][]]>([
    ['count(*) over a * over a join', `SELECT count(*) FROM (${JOIN_K})`, ['_col0 bigint'], [[1]]],
    ['a name that does not repeat', `SELECT x, y FROM (${JOIN_K}) s`, ['x integer', 'y integer'], [[2, 3]]],
    ['a qualified name that does not repeat', `SELECT s.x FROM (${JOIN_K}) s`, ['x integer'], [[2]]],
    ['a WHERE and GROUP BY of names that do not repeat', `SELECT x FROM (${JOIN_K}) WHERE x = 2 GROUP BY x`, ['x integer'], [[2]]],
    ['a WITH query', `WITH w AS (${JOIN_K}) SELECT count(*) FROM w`, ['_col0 bigint'], [[1]]],
    ['an alias list naming every column', `SELECT k1 FROM (${JOIN_K}) s(k1, x, k2, y)`, ['k1 integer'], [[1]]],
    ['the first branch of a set operation', `SELECT count(*) FROM (${JOIN_K} UNION ALL SELECT 1, 2, 3, 4)`, ['_col0 bigint'], [[2]]],
    ['x through a set operation', `SELECT x FROM (${JOIN_K} UNION ALL SELECT 1, 5, 3, 4) ORDER BY x`, ['x integer'], [[2], [5]]],
    ['a.*, b.* read by a name that does not repeat', `SELECT x FROM (SELECT a.*, b.* FROM ${A} JOIN ${B} ON a.k = b.k)`, ['x integer'], [[2]]],
    ['a.*, b.y: k once', `SELECT k FROM (SELECT a.*, b.y FROM ${A} JOIN ${B} ON a.k = b.k)`, ['k integer'], [[1]]],
    ['*, 1 AS k read by another name', `SELECT x FROM (SELECT *, 1 AS k FROM ${A})`, ['x integer'], [[2]]],
    ['k, * read by another name', `SELECT x FROM (SELECT k, * FROM ${A})`, ['x integer'], [[2]]],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it.each([
    // Trino 476: AMBIGUOUS_NAME "Column 'k' is ambiguous" (locally the first k, 1).
    `SELECT k FROM (SELECT a.*, b.* FROM ${A} JOIN ${B} ON a.k = b.k)`,
    `SELECT k FROM (SELECT a.*, 5 AS k FROM ${A} JOIN ${B} ON a.k = b.k)`,
    `SELECT k FROM (SELECT *, 1 AS k FROM ${A})`,
    `SELECT k FROM (SELECT *, k FROM ${A} WHERE x > 0)`,
    `SELECT k FROM (SELECT k, * FROM ${A})`,
    `SELECT "K" FROM (${JOIN_K})`,
    `SELECT k FROM (${JOIN_K} UNION ALL SELECT 1, 2, 3, 4)`,
    `SELECT k FROM (SELECT * FROM ${A} CROSS JOIN UNNEST(ARRAY[5]) AS u(k))`,
    // Trino 476: COLUMN_NOT_FOUND "Column 'k_1' cannot be resolved" (locally DuckDB's renamed column).
    `SELECT k_1 FROM (SELECT *, 1 AS k FROM ${A})`,
    // Trino answers k, x, k (locally k, x, k_1): refused, not renamed.
    `SELECT * FROM (SELECT *, 1 AS k FROM ${A})`,
    `SELECT * FROM (SELECT a.*, b.* FROM ${A} JOIN ${B} ON a.k = b.k)`,
  ])('%s is refused', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REPEATED);
  });

  it('is refused over no rows too', async () => {
    await expect(engine.execute(`SELECT k FROM (SELECT a.*, b.* FROM ${A} JOIN ${B} ON a.k = b.k WHERE false)`)).rejects.toThrow(REPEATED);
  });

  it('keeps the type check of a set operation whose first branch is such a *', async () => {
    // Trino 476: TYPE_MISMATCH "column 1 in UNION query has incompatible types: integer, varchar(1)".
    await expect(engine.execute(`SELECT count(*) FROM (${JOIN_K} UNION ALL SELECT 'a', 2, 3, 4)`)).rejects.toThrow(/TYPE_MISMATCH: column 1 in UNION query/);
  });
});

describe("a recursive step's columns take the base's types only where Trino coerces them", () => {
  const r = (base: string, step: string) => `WITH RECURSIVE r(n) AS (SELECT ${base} UNION ALL SELECT ${step} FROM r WHERE n < 3) SELECT * FROM r ORDER BY n`;
  it.each<[string, string, string]>([
    // Trino 476: TYPE_MISMATCH "recursion step relation output type (…) is not coercible to recursion base relation
    // output type (…) at column 1" (locally the step's values were cast to the base's type and answered).
    [r('CAST(1.5 AS decimal(5,2))', 'n * 2'), 'decimal(15,2)', 'decimal(5,2)'],
    [r('CAST(1 AS decimal(12,2))', 'n + 1'), 'decimal(13,2)', 'decimal(12,2)'],
    [r('1', 'n + 1.5'), 'decimal(12,1)', 'integer'],
    [r('1', 'CAST(n + 1 AS bigint)'), 'bigint', 'integer'],
    [r('1', 'n * 2.0E0'), 'double', 'integer'],
    [r('CAST(1 AS smallint)', 'n + 1'), 'integer', 'smallint'],
  ])('%s', async (sql, step, base) => {
    await expect(engine.execute(sql)).rejects.toThrow(
      `TYPE_MISMATCH: recursion step relation output type (${step}) is not coercible to recursion base relation output type (${base}) at column 1`,
    );
  });

  it('checks the column it is at, over no rows too', async () => {
    await expect(
      engine.execute('WITH RECURSIVE r(n, m) AS (SELECT 1, 0 UNION ALL SELECT n + 1, CAST(m AS bigint) FROM r WHERE false) SELECT * FROM r'),
    ).rejects.toThrow('recursion step relation output type (bigint) is not coercible to recursion base relation output type (integer) at column 2');
  });

  it.each<[string, string, string[], unknown[][]]>([
    [
      'an integer step of a bigint base, read by an alias',
      'WITH RECURSIVE r(n) AS (SELECT CAST(1 AS bigint) UNION ALL SELECT x.n + 1 FROM r AS x WHERE x.n < 3) SELECT * FROM r ORDER BY n',
      ['n bigint'],
      [[1], [2], [3]],
    ],
    [
      'a date step of a timestamp base',
      "WITH RECURSIVE r(n, d) AS (SELECT 1, TIMESTAMP '2020-01-01 00:00:00' UNION ALL SELECT n + 1, DATE '2020-01-02' FROM r WHERE n < 2) SELECT * FROM r ORDER BY n",
      ['n integer', 'd timestamp(3)'],
      [
        [1, '2020-01-01 00:00:00.000'],
        [2, '2020-01-02 00:00:00.000'],
      ],
    ],
    [
      'a real base',
      'WITH RECURSIVE r(n) AS (SELECT CAST(1 AS real) UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r ORDER BY n',
      ['n real'],
      [[1], [2], [3]],
    ],
    [
      'a shorter text literal',
      "WITH RECURSIVE r(n, s) AS (SELECT 1, 'ab' UNION ALL SELECT n + 1, 'c' FROM r WHERE n < 2) SELECT * FROM r ORDER BY n",
      ['n integer', 's varchar'],
      [
        [1, 'ab'],
        [2, 'c'],
      ],
    ],
    [
      'NULL',
      "WITH RECURSIVE r(n, s) AS (SELECT 1, 'ab' UNION ALL SELECT n + 1, NULL FROM r WHERE n < 2) SELECT * FROM r ORDER BY n",
      ['n integer', 's varchar'],
      [
        [1, 'ab'],
        [2, null],
      ],
    ],
    [
      "the base's literal cast to varchar",
      "WITH RECURSIVE t(n, s) AS (SELECT 1, CAST('a' AS varchar) UNION ALL SELECT n + 1, s || 'a' FROM t WHERE n < 3) SELECT * FROM t ORDER BY n",
      ['n integer', 's varchar'],
      [
        [1, 'a'],
        [2, 'aa'],
        [3, 'aaa'],
      ],
    ],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it.each<[string, RegExp]>([
    // Trino 476: TYPE_MISMATCH "… output type (varchar) is not coercible to … (varchar(1)) at column 1".
    [
      "WITH RECURSIVE r(s) AS (SELECT 'a' UNION ALL SELECT s || 'a' FROM r WHERE length(s) < 3) SELECT * FROM r",
      /recursive-step-type.*\(varchar\) is not coercible to recursion base relation output type \(varchar\(1\)\)/,
    ],
    [
      "WITH RECURSIVE r(n, s) AS (SELECT 1, 'ab' UNION ALL SELECT n + 1, 'abc' FROM r WHERE n < 2) SELECT * FROM r",
      /\(varchar\(3\)\) is not coercible to recursion base relation output type \(varchar\(2\)\) at column 2/,
    ],
    // Trino 476: MISSING_COLUMN_ALIASES "missing column aliases in recursive WITH query" (locally answered).
    ['WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r', /recursive-column-aliases/],
    [
      'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3), s AS (SELECT n FROM r) SELECT * FROM s',
      /recursive-column-aliases.*\(s here\)/,
    ],
  ])('%s is refused at lint', async (sql, refusal) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusal);
  });
});

describe('an alias list longer than an UNNEST of zoned timestamps gives', () => {
  const ZONED = "ARRAY[TIMESTAMP '2020-01-01 00:00:00 UTC', TIMESTAMP '2020-01-01 00:00:00 Europe/Paris']";
  it.each<[string, string]>([
    // Trino 476: MISMATCHED_COLUMN_ALIASES (locally the zoned struct's fields: a, b varchar, trino_wall).
    [`SELECT * FROM UNNEST(${ZONED}) AS t(a, b)`, "Column alias list has 2 entries but 't' has 1 columns available"],
    [`SELECT * FROM UNNEST(${ZONED}) WITH ORDINALITY AS t(a, b, n)`, "Column alias list has 3 entries but 't' has 2 columns available"],
    [`SELECT * FROM (SELECT ${ZONED} AS z) s CROSS JOIN UNNEST(z) AS t(a, b)`, "Column alias list has 2 entries but 't' has 1 columns available"],
  ])('%s', async (sql, message) => {
    await expect(engine.execute(sql)).rejects.toThrow(`MISMATCHED_COLUMN_ALIASES: ${message}`);
  });

  it('one column where the list has one entry', async () => {
    expect(await namedResult(engine, `SELECT * FROM UNNEST(${ZONED}) AS t(a)`)).toEqual({
      columns: ['a timestamp(3) with time zone'],
      rows: [['2020-01-01 00:00:00.000 UTC'], ['2020-01-01 00:00:00.000 Europe/Paris']],
    });
  });
});

describe('a correlated subquery reading an outer column by its bare name', () => {
  const T = '(VALUES (1, 10), (2, 20)) t(k, w)';
  const S = '(VALUES (1, 5), (2, 6)) s(v, z)';
  it.each([
    // Trino 476: NOT_SUPPORTED "Given correlated subquery is not supported" (locally answered).
    `SELECT (SELECT v + k FROM ${S} WHERE s.v = k) FROM ${T}`,
    `SELECT (SELECT max(v + k) FROM ${S}) FROM ${T}`,
    `SELECT (SELECT sum(k) FROM ${S}) FROM ${T}`,
    `SELECT (SELECT z FROM ${S} WHERE v = k LIMIT 1) FROM ${T}`,
    `SELECT (SELECT v + k FROM (SELECT v FROM ${S}) q WHERE q.v = k) FROM ${T}`,
  ])('%s is refused at lint', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/unfaithful\/correlated-subquery.*Given correlated subquery is not supported/);
  });

  it.each<[string, string, string[], unknown[][]]>([
    ['an aggregate beside the outer name', `SELECT (SELECT max(v) + k FROM ${S} WHERE v = k) FROM ${T} ORDER BY 1`, ['_col0 integer'], [[2], [4]]],
    [
      'a count correlated in WHERE',
      `SELECT k, (SELECT count(*) FROM ${S} WHERE v = k) FROM ${T} ORDER BY k`,
      ['k integer', '_col1 bigint'],
      [
        [1, 1],
        [2, 1],
      ],
    ],
    ['a name of the subquery’s own relation', `SELECT (SELECT max(z) FROM ${S} WHERE v > 0) FROM ${T}`, ['_col0 integer'], [[6], [6]]],
  ])('%s keeps Trino’s answer', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });
});

describe('ORDER BY a name two select items give', () => {
  const A = '(VALUES (1, 2), (2, 3), (3, NULL)) a(k, x)';
  it.each([
    // Trino 476: AMBIGUOUS_NAME "Column 'k' is ambiguous" (locally sorted by the first).
    `SELECT k, x AS k FROM ${A} ORDER BY k`,
    `SELECT x AS k, k FROM ${A} ORDER BY k`,
    `SELECT k, k FROM ${A} ORDER BY k`,
    `SELECT k, a.k FROM ${A} ORDER BY k`,
    `SELECT k AS z, x AS z FROM ${A} ORDER BY z + 1`,
    `SELECT DISTINCT k, x AS k FROM ${A} ORDER BY k`,
  ])('%s is refused at lint', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/unfaithful\/ambiguous-order-by.*Column '(k|z)' is ambiguous/);
  });

  it.each([`SELECT k, x AS k FROM ${A} ORDER BY a.k`, `SELECT k, x AS k FROM ${A} ORDER BY 1`])('%s keeps Trino’s answer', async (sql) => {
    expect(await namedResult(engine, sql)).toEqual({
      columns: ['k integer', 'k integer'],
      rows: [
        [1, 2],
        [2, 3],
        [3, null],
      ],
    });
  });
});

describe('an output alias written without AS, read outside ORDER BY', () => {
  const A = '(VALUES (1, 2), (2, 3), (3, NULL)) a(k, x)';
  it('HAVING c of count(*) c fails as in Trino (COLUMN_NOT_FOUND), not the count', async () => {
    // Trino 476: COLUMN_NOT_FOUND "Column 'c' cannot be resolved" (locally [1, 2]: the alias was read).
    await expect(engine.execute(`SELECT k % 2 AS g, count(*) c FROM ${A} GROUP BY 1 HAVING c > 1`)).rejects.toThrow();
  });

  it.each<[string, unknown[][]]>([
    // The input column k, not the alias (Trino 476: 3, NULL).
    [`SELECT x k FROM ${A} WHERE k > 1 ORDER BY 1`, [[3], [null]]],
    [`SELECT k k FROM ${A} WHERE k > 1 ORDER BY 1`, [[2], [3]]],
  ])('%s reads the input column', async (sql, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns: ['k integer'], rows });
  });

  it('a derived table whose select item is named like an outer column is no correlation', async () => {
    expect(
      await namedResult(engine, 'SELECT count(*) FROM (SELECT a, count(*) c FROM (VALUES (1, 10), (1, 20), (2, 10)) AS v(a, b) GROUP BY a) WHERE c > 0'),
    ).toEqual({ columns: ['_col0 bigint'], rows: [[2]] });
  });
});

describe('|| and concat_ws of a macro call reading an outer column, inside a subquery', () => {
  // The same loss of a struct field's name as the subscript above ("Need named argument for struct pack").
  const OUTER = "FROM (VALUES ('x')) t(s)";
  it.each<[string, string]>([
    ["(SELECT lower(t.s) || 'a')", 'xa'],
    ["(SELECT upper(t.s) || y FROM (VALUES 'q') u(y))", 'Xq'],
    ["(SELECT concat_ws(',', lower(t.s), 'b'))", 'x,b'],
  ])('%s', async (subquery, value) => {
    expect(await namedResult(engine, `SELECT ${subquery} ${OUTER}`)).toEqual({ columns: ['_col0 varchar'], rows: [[value]] });
  });
});
