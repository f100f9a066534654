// Leftovers of joins, grouping sets and CTAS (docs/issue-15-audit.md, "Joins and CTAS leftovers, eleventh pass").
// Values, types and errors are the shared Trino 476's.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFaithful } from '../../../src/dialect/lint/index.js';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { describeFunctions } from './harness.js';

describeFunctions(
  'booleans cast to decimal(p, p) inside a correlated subquery',
  [
    ['a decimal outer column', '(SELECT CAST(t.b AS DECIMAL(2, 2))) FROM (VALUES (1, 0.5)) t(v, b)', '0.50', 'decimal(2,2)'],
    ['a NULL outer column', '(SELECT CAST(t.b AS DECIMAL(2, 2))) FROM (VALUES (1, NULL)) t(v, b)', null, 'decimal(2,2)'],
    [
      'a decimal column of the subquery',
      'WITH s(z, b) AS (VALUES (1, 0.25)) SELECT (SELECT max(CAST(s.b AS DECIMAL(2, 2))) FROM s WHERE z = t.v) FROM (VALUES 1) t(v)',
      '0.25',
      'decimal(2,2)',
    ],
  ],
  [
    // Trino 476 answers 1.00 typed decimal(2,2) and 1.0 typed decimal(1,1) (out of the types' range); DuckDB gave 0.01, 0.1.
    ['an outer boolean column', '(SELECT CAST(t.b AS DECIMAL(2, 2))) FROM (VALUES (1, true)) t(v, b)', /boolean cast to decimal\(p, p\)/],
    [
      "a boolean column of the subquery's relation",
      'v, (SELECT max(CAST(s.b AS DECIMAL(1, 1))) FROM (VALUES (1, true)) s(z, b) WHERE z = t.v) FROM (VALUES 1) t(v)',
      /boolean cast to decimal\(p, p\)/,
    ],
  ],
);

// A CTAS (a model) column of type unknown written other than as a bare NULL: Trino 476 fails every one of these with
// COLUMN_TYPE_UNKNOWN "Column type is unknown: c", as it does `NULL AS c`; DuckDB wrote an integer column.
describe('a NULL-typed column of a CREATE TABLE AS', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-ctas-')), inMemory: true, threads: 1 });
  });
  afterAll(async () => engine.close());

  it.each([
    ['CREATE TABLE u1 AS SELECT CASE WHEN true THEN NULL END AS c, 1 AS d', /1:27: error \[unfaithful\/column-type-unknown\] Column type is unknown: c/],
    ['CREATE TABLE u2 AS SELECT CASE 1 WHEN 1 THEN NULL ELSE NULL END AS c', /1:27: error \[unfaithful\/column-type-unknown\] Column type is unknown: c/],
    [
      'CREATE TABLE u3 AS SELECT x,\n  CASE WHEN x > 0 THEN (NULL) END c FROM (VALUES 1) t(x)',
      /2:3: error \[unfaithful\/column-type-unknown\] Column type is unknown: c/,
    ],
    ['CREATE TABLE u4 AS SELECT coalesce(NULL, NULL) AS c', /1:27: error \[unfaithful\/column-type-unknown\] Column type is unknown: c/],
    ['CREATE TABLE u5 AS SELECT if(true, NULL) AS c', /1:27: error \[unfaithful\/column-type-unknown\] Column type is unknown: c/],
    ['CREATE TABLE u6 AS SELECT nullif(NULL, NULL) AS c', /1:27: error \[unfaithful\/column-type-unknown\] Column type is unknown: c/],
    ['CREATE TABLE u7 AS SELECT (NULL) AS c', /1:27: error \[unfaithful\/column-type-unknown\] Column type is unknown: c/],
  ])('is refused at the expression: %s', async (sql, message) => {
    await expect(engine.execute(sql)).rejects.toThrow(message);
  });

  it.each([
    // Trino 476 writes c integer, d integer.
    ['another branch types it', 'CREATE TABLE v1 AS SELECT CASE WHEN x > 0 THEN NULL ELSE 1 END AS c FROM (VALUES 1) t(x)', ['c integer']],
    ['a typed argument', 'CREATE TABLE v2 AS SELECT coalesce(NULL, x) AS c, if(x > 0, NULL, 2) AS d FROM (VALUES 1) t(x)', ['c integer', 'd integer']],
  ])('is written where Trino types the column: %s', async (_what, sql, columns) => {
    await engine.execute(sql);
    const table = /CREATE TABLE (\w+)/.exec(sql)?.[1];
    const result = await engine.execute(`SELECT * FROM ${table}`);
    expect(result.columns.map((c) => `${c.name} ${c.type}`)).toEqual(columns);
  });
});

// `t.k` beside `k` inside ROLLUP, CUBE or GROUPING SETS is one column in Trino 476, resolved first: where t has no
// column k it fails (COLUMN_NOT_FOUND "Column 't.k' cannot be resolved"), where two relations hold k the bare name
// fails (AMBIGUOUS_NAME "Column 'k' is ambiguous"). Locally t.k was made k, which bound to the other relation's k.
describe('t.k beside k in grouping sets', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-groups-')), inMemory: true, threads: 1 });
  });
  afterAll(async () => engine.close());
  const TS = 'FROM (VALUES (1, 2), (2, 3)) t(k, v) CROSS JOIN (VALUES 1, 2) s(j)';

  it.each([
    [
      'ROLLUP, t without k',
      'SELECT k, count(*) AS c FROM (VALUES (1, 2)) t(j, v) CROSS JOIN (VALUES 1) s(k) GROUP BY ROLLUP (t.k, k) ORDER BY 1, 2',
      /does not have a column named "k"/,
    ],
    [
      'GROUPING SETS, t without k',
      'SELECT k, count(*) AS c FROM (VALUES (1, 2)) t(j, v) CROSS JOIN (VALUES 1) s(k) GROUP BY GROUPING SETS ((k), (t.k)) ORDER BY 1, 2',
      /does not have a column named "k"/,
    ],
    [
      'k in two relations',
      'SELECT count(*) AS c FROM (VALUES (1, 2)) t(k, v) CROSS JOIN (VALUES 1) s(k) GROUP BY CUBE (k, t.k) ORDER BY 1',
      /Ambiguous reference to column name "k"/,
    ],
  ])('fails as in Trino: %s', async (_what, sql, message) => {
    await expect(engine.execute(sql)).rejects.toThrow(message);
  });

  it.each<[string, string, string[], unknown[][]]>([
    [
      'CUBE',
      `SELECT k, grouping(k) AS g, count(*) AS c ${TS} GROUP BY CUBE (k, t.k) ORDER BY 1, 2, 3`,
      ['k integer', 'g integer', 'c bigint'],
      [
        [1, 0, 2],
        [2, 0, 2],
        [null, 1, 4],
      ],
    ],
    [
      'GROUP BY DISTINCT with HAVING',
      `SELECT k, count(*) AS c ${TS} GROUP BY DISTINCT ROLLUP (k), ROLLUP (t.k) HAVING count(*) > 1 ORDER BY 1, 2`,
      ['k integer', 'c bigint'],
      [
        [1, 2],
        [2, 2],
        [null, 4],
      ],
    ],
    [
      'GROUPING SETS with another column',
      `SELECT k, j, sum(v) AS c ${TS} GROUP BY GROUPING SETS ((k, j), (t.k), ()) ORDER BY 1, 2, 3`,
      ['k integer', 'j integer', 'c bigint'],
      [
        [1, 1, 2],
        [1, 2, 2],
        [1, null, 4],
        [2, 1, 3],
        [2, 2, 3],
        [2, null, 6],
        [null, null, 10],
      ],
    ],
  ])('answers as Trino: %s', async (_what, sql, columns, rows) => {
    const result = await engine.execute(sql);
    expect({ columns: result.columns.map((c) => `${c.name} ${c.type}`), rows: result.rows }).toEqual({ columns, rows });
  });
});

// A second JOIN … USING on a key first named after an ON join (`w JOIN x ON … JOIN y USING (a) JOIN z USING (a)`):
// Trino 476 gives the merged a the common type of every relation's a. Each right key is now cast to that type; the
// left one cannot be (a may come from w or x), so an inner or LEFT join keeping a narrower left key is refused while
// binding, unless a RIGHT or FULL join on a came before. Before, the second join's key was not cast (silent).
describe('a later USING join on a key first named after an ON join', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-using-')), inMemory: true, threads: 1 });
  });
  afterAll(async () => engine.close());
  const W = 'FROM (VALUES (1, 0)) w(a0, q) JOIN';

  it.each<[string, string, string[], unknown[][]]>([
    [
      'the widest key on the left',
      `SELECT a / 2 AS h ${W} (VALUES (1e0, 2)) x(a, b) ON w.a0 = x.a JOIN (VALUES (1, 3)) y(a, c) USING (a) JOIN (VALUES (BIGINT '1', 4)) z(a, d) USING (a)`,
      ['h double'],
      [[0.5]],
    ],
    [
      'a RIGHT JOIN, then a bigint',
      `SELECT a ${W} (VALUES (1, 2)) x(a, b) ON w.a0 = x.a RIGHT JOIN (VALUES (BIGINT '1', 3)) y(a, c) USING (a) JOIN (VALUES (1, 4)) z(a, d) USING (a)`,
      ['a bigint'],
      [[1]],
    ],
    [
      'a RIGHT JOIN, then a double',
      `SELECT a ${W} (VALUES (1, 2)) x(a, b) ON w.a0 = x.a RIGHT JOIN (VALUES (1, 3)) y(a, c) USING (a) JOIN (VALUES (1e0, 4)) z(a, d) USING (a)`,
      ['a double'],
      [[1]],
    ],
    [
      'a FULL JOIN, then a LEFT JOIN of doubles',
      `SELECT a ${W} (VALUES (1, 2)) x(a, b) ON w.a0 = x.a FULL JOIN (VALUES (BIGINT '5', 3)) y(a, c) USING (a) LEFT JOIN (VALUES (1e0, 4)) z(a, d) USING (a) ORDER BY 1`,
      ['a double'],
      [[1], [5]],
    ],
    [
      'one type, a star',
      `SELECT * ${W} (VALUES (1, 2)) x(a, b) ON w.a0 = x.a JOIN (VALUES (1, 3)) y(a, c) USING (a) JOIN (VALUES (1, 4)) z(a, d) USING (a)`,
      ['a integer', 'a0 integer', 'q integer', 'b integer', 'c integer', 'd integer'],
      [[1, 1, 0, 2, 3, 4]],
    ],
    [
      'in a correlated subquery, a NULL key',
      `SELECT v, (SELECT max(a) ${W} (VALUES (1e0, 2)) x(a, b) ON w.a0 = x.a JOIN (VALUES (1, 3)) y(a, c) USING (a) JOIN (VALUES (CAST(NULL AS bigint), 4), (1, 5)) z(a, d) USING (a) WHERE a <= t.v) AS m FROM (VALUES 1, 2) t(v) ORDER BY v`,
      ['v integer', 'm double'],
      [
        [1, 1],
        [2, 1],
      ],
    ],
  ])('answers as Trino: %s', async (_what, sql, columns, rows) => {
    const result = await engine.execute(sql);
    expect({ columns: result.columns.map((c) => `${c.name} ${c.type}`), rows: result.rows }).toEqual({ columns, rows });
  });

  it('refuses an inner join keeping the narrower left key (Trino: a double 1.0; was integer 1)', async () => {
    const sql = `SELECT a ${W} (VALUES (1, 2)) x(a, b) ON w.a0 = x.a JOIN (VALUES (1, 3)) y(a, c) USING (a) JOIN (VALUES (1e0, 4)) z(a, d) USING (a)`;
    await expect(engine.execute(sql)).rejects.toThrow(/common type of both sides/);
  });
});

// `t JOIN UNNEST(…) u(k) USING (k)`: Trino 476 fails with NOT_SUPPORTED "INNER JOIN involving UNNEST is only supported
// with condition ON TRUE" (LEFT alike), as for an ON condition; DuckDB joined and answered.
describe('a join with UNNEST and USING', () => {
  it.each([
    ['INNER', 'SELECT k FROM (VALUES 1) t(k) JOIN UNNEST(ARRAY[1, 2]) u(k) USING (k)', 61],
    ['LEFT', 'SELECT k FROM (VALUES 1) t(k) LEFT JOIN UNNEST(ARRAY[1, 2]) u(k) USING (k)', 66],
    ['INNER', 'SELECT k FROM (VALUES 1) t(k) CROSS JOIN UNNEST(ARRAY[1, 2]) u(j) JOIN UNNEST(ARRAY[1]) w(k) USING (k)', 94],
  ])('a %s JOIN is refused at lint time at its USING: %s', (side, sql, col) => {
    expect(checkFaithful(sql, { file: 'sql/transforms/m.sql' })).toEqual([
      expect.objectContaining({
        line: 1,
        col,
        rule: 'unfaithful/unnest-join-condition',
        message: expect.stringContaining(`${side} JOIN involving UNNEST is only supported with condition ON TRUE`),
      }),
    ]);
  });

  it('an UNNEST on the left of USING answers, as in Trino', async () => {
    const engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-unnest-')), inMemory: true, threads: 1 });
    try {
      const result = await engine.execute('SELECT k FROM UNNEST(ARRAY[1, 2]) u(k) JOIN (VALUES 1) t(k) USING (k)');
      expect({ columns: result.columns.map((c) => `${c.name} ${c.type}`), rows: result.rows }).toEqual({ columns: ['k integer'], rows: [[1]] });
    } finally {
      await engine.close();
    }
  });
});

// EXTRACT from a day-to-second interval takes DAY, HOUR, MINUTE and SECOND only in Trino 476 (TYPE_MISMATCH "Cannot
// extract DAY_OF_MONTH from interval day to second"); DuckDB answered DAY_OF_MONTH 3, QUARTER 1, MONTH and YEAR 0.
describeFunctions(
  'EXTRACT from an interval',
  [
    ['DAY of hours', "EXTRACT(DAY FROM INTERVAL '55' HOUR)", 2, 'bigint'],
    ['the function day_of_month', "day_of_month(INTERVAL '3' DAY)", 3, 'bigint'],
    ['YEAR of a date column', "EXTRACT(YEAR FROM x) FROM (VALUES DATE '2020-01-05') t(x)", 2020, 'bigint'],
    ['DAY_OF_MONTH of a date column', "EXTRACT(DAY_OF_MONTH FROM x) FROM (VALUES DATE '2020-01-05') t(x)", 5, 'bigint'],
  ],
  [
    ['DAY_OF_MONTH', "EXTRACT(DAY_OF_MONTH FROM INTERVAL '3' DAY)", /Cannot extract DAY_OF_MONTH from interval day to second/],
    ['DAY_OF_MONTH of a column', "EXTRACT(DAY_OF_MONTH FROM x) FROM (VALUES INTERVAL '3' DAY) t(x)", /Cannot extract DAY_OF_MONTH from interval day to second/],
    ['QUARTER', "EXTRACT(QUARTER FROM INTERVAL '3' DAY)", /Cannot extract QUARTER from interval day to second/],
    ['YEAR of a column', "EXTRACT(YEAR FROM x) FROM (VALUES INTERVAL '3' DAY) t(x)", /Cannot extract YEAR from interval day to second/],
    [
      'MONTH in a correlated subquery',
      "(SELECT EXTRACT(MONTH FROM t.x)) FROM (VALUES INTERVAL '3' DAY) t(x)",
      /Cannot extract MONTH from interval day to second/,
    ],
  ],
);

// A row constructor alone in its VALUES row is a row of its fields in Trino 476 (`VALUES ((1, 'x'))` is two columns,
// integer and varchar); DuckDB made it one struct column whose unnamed fields its client merged ({field0: 'x'}). Beside
// other values it is a row column, refused as any returned row of unnamed fields.
describe('a row constructor as a VALUES row', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-values-')), inMemory: true, threads: 1 });
  });
  afterAll(async () => engine.close());

  it.each<[string, string, string[], unknown[][]]>([
    ['(a, b)', "VALUES ((1, 'x'))", ['_col0 integer', '_col1 varchar'], [[1, 'x']]],
    [
      'two rows, aliased',
      "SELECT * FROM (VALUES ((1, 'x')), ((2, 'y'))) t(a, b) ORDER BY a",
      ['a integer', 'b varchar'],
      [
        [1, 'x'],
        [2, 'y'],
      ],
    ],
    ['ROW(a, b)', "VALUES (ROW(1, 'x'))", ['_col0 integer', '_col1 varchar'], [[1, 'x']]],
    ['ROW(a)', 'SELECT a FROM (VALUES (ROW(1))) t(a)', ['a integer'], [[1]]],
    [
      'beside a plain row, a common type',
      'SELECT * FROM (VALUES ((1, 2.5)), (2, 3)) t(a, b) ORDER BY a',
      ['a integer', 'b decimal(11,1)'],
      [
        [1, '2.5'],
        [2, '3.0'],
      ],
    ],
  ])('answers as Trino: %s', async (_what, sql, columns, rows) => {
    const result = await engine.execute(sql);
    expect({ columns: result.columns.map((c) => `${c.name} ${c.type}`), rows: result.rows }).toEqual({ columns, rows });
  });

  it('refuses it beside another value (Trino: row(integer, varchar) {field0=1, field1=x}; was {field0: x})', async () => {
    await expect(engine.execute("VALUES ((1, 'x'), 3)")).rejects.toThrow(/unfaithful\/anonymous-row/);
  });
});

// A correlated VALUES row in a subquery's FROM (`JOIN (VALUES (t.v, 3)) y(a, c) USING (a)`): Trino 476 plans it only as
// a projection of the outer row (one row, the only relation, no WHERE, not under IN, no aggregate over a column the
// outer value fills) and fails otherwise with NOT_SUPPORTED "Given correlated subquery is not supported"; DuckDB answered.
// Five forms are now reported by corr30's broader derived-table check first (correlated-subqueries.ts,
// filteredDerivedColumn): the same rule, its own reason.
describe('a correlated VALUES row in a subquery', () => {
  const T = 'FROM (VALUES 1, 2) t(v) ORDER BY v';
  it.each([
    [
      'a USING join',
      `SELECT v, (SELECT max(a) FROM (VALUES (1, 2)) x(a, b) JOIN (VALUES (t.v, 3)) y(a, c) USING (a)) AS m ${T}`,
      'a derived table inside it fills with the outer column',
    ],
    [
      'an ON join',
      `SELECT v, (SELECT max(x.a) FROM (VALUES (1, 2)) x(a, b) JOIN (VALUES (t.v, 3)) y(a, c) ON x.a = y.a) AS m ${T}`,
      'a derived table inside it fills with the outer column',
    ],
    [
      'an aggregate of the outer value',
      `SELECT v, (SELECT max(a) FROM (VALUES (t.v, 3)) y(a, c)) AS m ${T}`,
      'a derived table inside it fills with the outer column',
    ],
    [
      'an unqualified outer column',
      `SELECT v, (SELECT max(a) FROM (VALUES (v, 3)) y(a, c)) AS m ${T}`,
      'a derived table inside it fills with the outer column',
    ],
    ['two rows', `SELECT v, (SELECT max(a) FROM (VALUES (t.v), (5)) y(a)) AS m ${T}`, 'beside other rows'],
    ['a WHERE', `SELECT v, (SELECT y.a + 1 FROM (VALUES (t.v)) y(a) WHERE y.a > 0) AS m ${T}`, 'a derived table inside it fills with the outer column'],
    ['EXISTS with a WHERE', 'SELECT v FROM (VALUES 1, 2) t(v) WHERE EXISTS (SELECT 1 FROM (VALUES (t.v)) y(a) WHERE a > 1) ORDER BY v', 'it filters'],
    ['IN', 'SELECT v FROM (VALUES 1, 2) t(v) WHERE v IN (SELECT a FROM (VALUES (t.v)) y(a)) ORDER BY v', 'under IN'],
  ])('is refused at lint time: %s', (_what, sql, why) => {
    expect(checkFaithful(sql, { file: 'sql/transforms/m.sql' })).toEqual([
      expect.objectContaining({ rule: 'unfaithful/correlated-subquery', message: expect.stringContaining(why) }),
    ]);
  });

  it.each<[string, string, string[], unknown[][]]>([
    [
      'a projection',
      `SELECT v, (SELECT y.a FROM (VALUES (t.v)) y(a)) AS m ${T}`,
      ['v integer', 'm integer'],
      [
        [1, 1],
        [2, 2],
      ],
    ],
    [
      'an expression of it',
      `SELECT v, (SELECT a * 2 FROM (VALUES (t.v + 1, 3)) y(a, c)) AS m ${T}`,
      ['v integer', 'm integer'],
      [
        [1, 4],
        [2, 6],
      ],
    ],
    [
      'count(*)',
      `SELECT v, (SELECT count(*) FROM (VALUES t.v) y(a)) AS m ${T}`,
      ['v integer', 'm bigint'],
      [
        [1, 1],
        [2, 1],
      ],
    ],
    [
      'an aggregate of another column',
      `SELECT v, (SELECT max(c) FROM (VALUES (t.v, 3)) y(a, c)) AS m ${T}`,
      ['v integer', 'm integer'],
      [
        [1, 3],
        [2, 3],
      ],
    ],
    ['EXISTS', 'SELECT v FROM (VALUES 1, 2) t(v) WHERE EXISTS (SELECT 1 FROM (VALUES (t.v)) y(a)) ORDER BY v', ['v integer'], [[1], [2]]],
  ])('answers as Trino: %s', async (_what, sql, columns, rows) => {
    expect(checkFaithful(sql, { file: 'sql/transforms/m.sql' })).toEqual([]);
    const engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-values-')), inMemory: true, threads: 1 });
    try {
      const result = await engine.execute(sql);
      expect({ columns: result.columns.map((c) => `${c.name} ${c.type}`), rows: result.rows }).toEqual({ columns, rows });
    } finally {
      await engine.close();
    }
  });
});

// `JOIN LATERAL (…) u USING (k)`: Trino 476 fails with GENERIC_INTERNAL_ERROR "scope: 1, fields mappings: 2" (inner
// and LEFT, correlated or not); DuckDB joined. The same subquery joined without LATERAL answers in both.
describe('a LATERAL join with USING', () => {
  it.each([
    ['INNER', 'SELECT * FROM (VALUES 1) t(k) JOIN LATERAL (SELECT 1 AS k) u USING (k)', 62],
    ['LEFT, correlated', 'SELECT * FROM (VALUES 1) t(k) LEFT JOIN LATERAL (SELECT t.k AS k) u USING (k)', 69],
  ])('is refused at lint time at its USING: %s', (_what, sql, col) => {
    expect(checkFaithful(sql, { file: 'sql/transforms/m.sql' })).toEqual([
      expect.objectContaining({ line: 1, col, rule: 'unfaithful/lateral-using', message: expect.stringContaining('GENERIC_INTERNAL_ERROR') }),
    ]);
  });

  it('a subquery without LATERAL answers, as in Trino', () => {
    expect(checkFaithful('SELECT * FROM (VALUES 1) t(k) JOIN (SELECT 1 AS k) u USING (k)', { file: 'sql/transforms/m.sql' })).toEqual([]);
  });
});

// A LATERAL projection of the outer row (a subquery without FROM) joined ON a condition other than TRUE: Trino 476
// fails with NOT_SUPPORTED "Given correlated subquery is not supported"; DuckDB answered. ON TRUE, CROSS JOIN, a comma
// with WHERE, and a LATERAL subquery with a FROM plan in Trino.
describe('a LATERAL projection joined ON a condition', () => {
  it.each([
    ['an equality', 'SELECT * FROM (VALUES 1) t(k) JOIN LATERAL (SELECT t.k AS j) u ON t.k = u.j', 52],
    ['LEFT, a comparison', 'SELECT * FROM (VALUES 1) t(k) LEFT JOIN LATERAL (SELECT t.k + 1 AS j) u ON u.j > 1', 57],
    ['an alias list', 'SELECT * FROM (VALUES 1) t(k) JOIN LATERAL (SELECT t.k AS j) AS u (j) ON t.k = u.j', 52],
  ])('is refused at lint time: %s', (_what, sql, col) => {
    expect(checkFaithful(sql, { file: 'sql/transforms/m.sql' })).toEqual([
      expect.objectContaining({ line: 1, col, rule: 'unfaithful/correlated-subquery', message: expect.stringContaining('LATERAL projection') }),
    ]);
  });

  it.each<[string, string, unknown[][]]>([
    ['ON TRUE', 'SELECT * FROM (VALUES 1) t(k) JOIN LATERAL (SELECT t.k AS j) u ON (true)', [[1, 1]]],
    ['not correlated', 'SELECT * FROM (VALUES 1) t(k) JOIN LATERAL (SELECT 1 AS j) u ON t.k = u.j', [[1, 1]]],
    ['CROSS JOIN', 'SELECT * FROM (VALUES 1) t(k) CROSS JOIN LATERAL (SELECT t.k AS j) u', [[1, 1]]],
    ['a comma and WHERE', 'SELECT * FROM (VALUES 1) t(k), LATERAL (SELECT t.k AS j) u WHERE t.k = u.j', [[1, 1]]],
    ['with a FROM', 'SELECT * FROM (VALUES 1) t(k) JOIN LATERAL (SELECT s.x AS j FROM (VALUES 1, 2) s(x) WHERE s.x >= t.k) u ON u.j > 1', [[1, 2]]],
  ])('answers as Trino: %s', async (_what, sql, rows) => {
    expect(checkFaithful(sql, { file: 'sql/transforms/m.sql' })).toEqual([]);
    const engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-lateral-')), inMemory: true, threads: 1 });
    try {
      const result = await engine.execute(sql);
      expect({ columns: result.columns.map((c) => `${c.name} ${c.type}`), rows: result.rows }).toEqual({ columns: ['k integer', 'j integer'], rows });
    } finally {
      await engine.close();
    }
  });
});

// A subquery without an alias beside JOIN … USING (`(SELECT 1 AS a) JOIN y USING (a)`): Trino 476 gives the merged key
// the common type of both sides, as for a named relation; it was refused while binding (the left key could not be
// cast without an alias). A parenthesized join on the left is still refused (loud): it is no subquery to project.
describe('a subquery without an alias in a USING join', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-using-')), inMemory: true, threads: 1 });
  });
  afterAll(async () => engine.close());

  it.each<[string, string, string[], unknown[][]]>([
    ['on the left, a bigint right', "SELECT a FROM (SELECT 1 AS a) JOIN (VALUES (BIGINT '1', 3)) y(a, c) USING (a)", ['a bigint'], [[1]]],
    [
      'on the left of a LEFT JOIN, a star',
      'SELECT * FROM (SELECT 1 AS a, 2 AS b) LEFT JOIN (VALUES (1e0, 3)) y(a, c) USING (a)',
      ['a double', 'b integer', 'c integer'],
      [[1, 2, 3]],
    ],
    ['on the right', "SELECT a, c FROM (VALUES (BIGINT '1', 3)) y(a, c) JOIN (SELECT 1 AS a) USING (a)", ['a bigint', 'c integer'], [[1, 3]]],
    ['on both sides', "SELECT a FROM (SELECT 1 AS a) JOIN (SELECT BIGINT '1' AS a) USING (a)", ['a bigint'], [[1]]],
    ['a double key', 'SELECT a / 2 AS h FROM (SELECT 1 AS a) JOIN (VALUES (1e0, 3)) y(a, c) USING (a)', ['h double'], [[0.5]]],
    // NaN joins no NaN in Trino; the right subquery had no NaN guard without an alias (1 row).
    ['a NaN key on the right', 'SELECT count(*) AS n FROM (VALUES nan()) x(a) JOIN (SELECT nan() AS a) USING (a)', ['n bigint'], [[0]]],
  ])('answers as Trino: %s', async (_what, sql, columns, rows) => {
    const result = await engine.execute(sql);
    expect({ columns: result.columns.map((c) => `${c.name} ${c.type}`), rows: result.rows }).toEqual({ columns, rows });
  });

  it('still refuses a parenthesized ON join on the left (Trino: bigint 1)', async () => {
    const sql = "SELECT a FROM ((VALUES (1, 0)) w(a, q) JOIN (VALUES (1, 2)) x(b, d) ON w.a = x.b) JOIN (VALUES (BIGINT '1', 3)) y(a, c) USING (a)";
    await expect(engine.execute(sql)).rejects.toThrow(/common type of both sides/);
  });
});
