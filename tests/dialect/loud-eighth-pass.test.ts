// Valid Athena SQL that the local engine failed or refused while Trino 476 answers (issue 15's "Loud only" list,
// eighth pass). Each answer (value and type) or error is the shared Trino 476's; rows whose order Trino leaves open
// (ties) are compared sorted.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const sorted = (rows: unknown[][]): unknown[][] => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('FETCH FIRST n ROWS WITH TIES keeps the rows tied with the last one', () => {
  it.each<[string, string[], unknown[][]]>([
    ['SELECT x FROM (VALUES 1, 2, 2, 3) t(x) ORDER BY x FETCH FIRST 2 ROWS WITH TIES', ['x integer'], [[1], [2], [2]]],
    ['SELECT x FROM (VALUES 1, 2, 2, 3, NULL, NULL) t(x) ORDER BY x DESC NULLS FIRST FETCH FIRST 1 ROWS WITH TIES', ['x integer'], [[null], [null]]],
    // An output alias and an ordinal are the select items (the window would read the input column, or a constant).
    ['SELECT x % 2 AS y, x FROM (VALUES 1, 2, 3, 4, 5) t(x) ORDER BY y OFFSET 1 ROWS FETCH NEXT 1 ROW WITH TIES', ['y integer', 'x integer'], [[0, 4]]],
    ['SELECT -x AS x FROM (VALUES 1, 2, 2, 3) t(x) ORDER BY x FETCH FIRST 1 ROWS WITH TIES', ['x integer'], [[-3]]],
    [
      // The outer ORDER BY fixes the order among the ties, which Trino's runs did not keep (the replay compares in order).
      'SELECT * FROM (SELECT x, count(*) AS c FROM (VALUES 1, 2, 2, 3, 3) t(x) GROUP BY x ORDER BY 2 DESC FETCH FIRST ROW WITH TIES) ORDER BY x',
      ['x integer', 'c bigint'],
      [
        [2, 2],
        [3, 2],
      ],
    ],
    ['SELECT x FROM (VALUES nan(), 1.0, nan()) t(x) ORDER BY x DESC FETCH FIRST 1 ROWS WITH TIES', ['x double'], [[Number.NaN], [Number.NaN]]],
    [
      "SELECT * FROM (VALUES (1, 'a'), (1, 'b'), (2, 'c')) t(x, y) ORDER BY x FETCH FIRST 1 ROWS WITH TIES",
      ['x integer', 'y varchar'],
      [
        [1, 'a'],
        [1, 'b'],
      ],
    ],
    ['SELECT (SELECT count(*) FROM (SELECT x FROM (VALUES 1, 1, 2) t(x) ORDER BY x FETCH FIRST 1 ROWS WITH TIES)) AS n', ['n bigint'], [[2]]],
    ['WITH t(x) AS (VALUES 3, 1, 1) SELECT x FROM t ORDER BY x FETCH FIRST 1 ROWS WITH TIES', ['x integer'], [[1], [1]]],
  ])('%s', async (sql, columns, rows) => {
    const r = await namedResult(engine, sql);
    expect({ columns: r.columns, rows: sorted(r.rows) }).toEqual({ columns, rows });
  });

  it('without ORDER BY fails as Trino does (MISSING_ORDER_BY), at the FETCH', async () => {
    await expect(engine.execute('SELECT x FROM (VALUES 1, 2) t(x) FETCH FIRST 1 ROWS WITH TIES')).rejects.toThrow(
      /1:34: error \[unfaithful\/fetch-with-ties\] Athena fails with MISSING_ORDER_BY/,
    );
  });
});

describe('outer columns in a scalar subquery without FROM', () => {
  it.each<[string, string[], unknown[][]]>([
    // The typed cast shims took no overload for an outer column ("multiple overloads") or the zoned one for a text.
    ['SELECT (SELECT CAST(t.i AS varchar)) FROM (VALUES 1, 2) t(i)', ['_col0 varchar'], [['1'], ['2']]],
    ['SELECT (SELECT CAST(t.d AS varchar)) FROM (VALUES 1.5e0) t(d)', ['_col0 varchar'], [['1.5E0']]],
    ['SELECT (SELECT CAST(t.i + 1 AS varchar)) FROM (VALUES 1, 2) t(i)', ['_col0 varchar'], [['2'], ['3']]],
    ["SELECT (SELECT CAST(t.s AS time)) FROM (VALUES '01:02:03') t(s)", ['_col0 time(3)'], [['01:02:03.000']]],
    [
      "SELECT (SELECT CAST(t.s AS timestamp with time zone)) FROM (VALUES '2020-01-02 03:04:05 UTC') t(s)",
      ['_col0 timestamp(3) with time zone'],
      [['2020-01-02 03:04:05.000 UTC']],
    ],
    [
      "SELECT (SELECT CAST(t.z AS varchar)) FROM (VALUES TIMESTAMP '2020-01-02 03:04:05 Europe/Paris') t(z)",
      ['_col0 varchar'],
      [['2020-01-02 03:04:05 Europe/Paris']],
    ],
    // The date, timestamp and zoned casts of an outer text keep the typed shims' reading (Trino: INVALID_CAST_ARGUMENT).
    ["SELECT (SELECT TRY_CAST(t.s AS date)) FROM (VALUES '2020-01-02 10:00', ' 2020-01-02 ') t(s)", ['_col0 date'], [[null], ['2020-01-02']]],
    ["SELECT (SELECT TRY_CAST(t.s AS timestamp)) FROM (VALUES '2020-01-02T10:00') t(s)", ['_col0 timestamp(3)'], [[null]]],
    ["SELECT (SELECT TRY_CAST(t.s AS timestamp with time zone)) FROM (VALUES '2020-01-02T03:04:05 UTC') t(s)", ['_col0 timestamp(3) with time zone'], [[null]]],
    ["SELECT (SELECT CAST(t.s AS varchar(2))) FROM (VALUES 'ab') t(s)", ['_col0 varchar'], [['ab']]],
    // nullif of outer columns failed to bind in DuckDB ("Need named argument for struct pack").
    ['SELECT (SELECT nullif(v.x, v.y)) FROM (VALUES (1, 2), (3, 3)) v(x, y)', ['_col0 integer'], [[1], [null]]],
    ['SELECT (SELECT nullif(v.x, v.y)) FROM (VALUES (1e0, nan()), (nan(), nan()), (2, NULL)) v(x, y)', ['_col0 double'], [[1], [Number.NaN], [2]]],
    // The FROM of IS DISTINCT FROM was read as a FROM clause: refused as an unplanned correlation.
    ["SELECT (SELECT v.s IS DISTINCT FROM v.t) FROM (VALUES ('a', 'b'), ('a', NULL)) v(s, t)", ['_col0 boolean'], [[true], [true]]],
    ["SELECT (SELECT v.s IS NOT DISTINCT FROM v.t) FROM (VALUES ('a', 'a'), ('a', NULL)) v(s, t)", ['_col0 boolean'], [[true], [false]]],
  ])('%s', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it('an outer json object cast to varchar fails as Trino does (INVALID_CAST_ARGUMENT)', async () => {
    const sql = `SELECT (SELECT CAST(t.s AS varchar)) FROM (VALUES json_parse('{"a":1}')) t(s)`;
    await expect(engine.execute(sql)).rejects.toThrow(/Cannot cast JSON object to varchar/);
  });

  it('a subquery selecting an outer column beside its own FROM stays refused (Trino: NOT_SUPPORTED)', async () => {
    const sql = "SELECT (SELECT u.x IS DISTINCT FROM v.t FROM (VALUES 'a', 'b') u(x) WHERE u.x = v.s) FROM (VALUES ('a', 'b'), ('c', NULL)) v(s, t)";
    await expect(engine.execute(sql)).rejects.toThrow(/unfaithful\/correlated-subquery/);
  });
});

describe('TABLE(sequence(…)) is a table of bigints from start to stop', () => {
  it.each<[string, string[], unknown[][]]>([
    ['SELECT * FROM TABLE(sequence(1, 3))', ['sequential_number bigint'], [[1], [2], [3]]],
    ['SELECT * FROM TABLE(sequence(start => 5, stop => 1, step => -2))', ['sequential_number bigint'], [[5], [3], [1]]],
    ['SELECT * FROM TABLE(sequence(stop => 3))', ['sequential_number bigint'], [[0], [1], [2], [3]]],
    ['SELECT count(*) FROM TABLE(sequence(1, 10, 3)) t(n)', ['_col0 bigint'], [[4]]],
    ['SELECT t.sequential_number + 1 FROM TABLE(sequence(1, 2)) t', ['_col0 bigint'], [[2], [3]]],
    ['SELECT * FROM TABLE(system.builtin.sequence(1, 2))', ['sequential_number bigint'], [[1], [2]]],
    [
      "SELECT n, x FROM TABLE(sequence(1, 2)) s(n) CROSS JOIN (VALUES 'a') v(x)",
      ['n bigint', 'x varchar'],
      [
        [1, 'a'],
        [2, 'a'],
      ],
    ],
    ['SELECT * FROM TABLE(sequence(2, 2, 0))', ['sequential_number bigint'], [[2]]],
    ['SELECT * FROM TABLE(sequence(1, 5, 10))', ['sequential_number bigint'], [[1]]],
  ])('%s', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it.each<[string, RegExp]>([
    ['SELECT * FROM TABLE(sequence(3, 1))', /Step must be negative for sequence \[3, 1\]/],
    ['SELECT * FROM TABLE(sequence(1, 3, 0))', /Step must be positive for sequence \[1, 3\]/],
    ['SELECT * FROM TABLE(sequence(1, NULL))', /Stop is null/],
    // Trino: TYPE_MISMATCH "Cannot cast type decimal(2,1) to bigint".
    ['SELECT * FROM TABLE(sequence(1.5, 3))', /takes integer arguments on Athena, not decimal\(2,1\)/],
  ])('%s fails as Trino does', async (sql, message) => {
    await expect(engine.execute(sql)).rejects.toThrow(message);
  });
});
