// Semantics of non-function constructs, each asserting Trino's value AND type, with the Trino documentation it
// follows. Every row runs through AthenaLocalEngine (translation + shims + DuckDB).
import { describe, expect, it } from 'vitest';
import type { SqlValue } from '../../src/engines/engine.js';
import { checkFaithful } from '../../src/dialect/lint/index.js';
import { sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const single = async (expression: string): Promise<{ value: SqlValue; type: string }> => {
  const result = await engine.execute(`SELECT ${expression} AS v`);
  return { value: result.rows[0][0], type: result.columns[0].type };
};

type Row = [construct: string, sql: string, value: SqlValue, type: string];

describe('zoned timestamps compare and join by instant', () => {
  // https://trino.io/docs/current/language/types.html#timestamp-with-time-zone: an instant plus a zone; equality and
  // ordering are by instant (10:00 UTC is 11:00 +01:00).
  it.each<Row>([
    ['equal instants in different zones', "TIMESTAMP '2025-01-01 10:00:00 UTC' = TIMESTAMP '2025-01-01 11:00:00 +01:00'", true, 'boolean'],
    ['an implicit alias keeps the comparison whole', "(TIMESTAMP '2025-01-01 10:00:00 UTC' < TIMESTAMP '2025-01-01 10:30:00 +01:00')", false, 'boolean'],
  ])('%s: %s', async (_c, sql, value, type) => {
    expect(await single(sql)).toEqual({ value, type });
  });

  it('an implicit alias after a zoned comparison (SELECT a = b x)', async () => {
    const r = await engine.execute("SELECT TIMESTAMP '2025-01-01 10:00:00 UTC' = TIMESTAMP '2025-01-01 11:00:00 +01:00' same");
    expect(r.rows).toEqual([[true]]);
    expect(r.columns).toEqual([{ name: 'same', type: 'boolean' }]);
  });

  it('joins zoned columns by instant, and a zoned column with a plain TIMESTAMP in the session zone (UTC)', async () => {
    const zonedJoin = await engine.execute(`SELECT a.id, b.id FROM (VALUES (1, TIMESTAMP '2025-01-01 10:00:00 UTC')) a(id, t)
JOIN (VALUES (2, TIMESTAMP '2025-01-01 11:00:00 +01:00'), (3, TIMESTAMP '2025-01-01 11:00:00 UTC')) b(id, t) ON a.t = b.t`);
    expect(zonedJoin.rows).toEqual([[1, 2]]);
    const mixed = await engine.execute(`SELECT count(*) FROM (VALUES (1, TIMESTAMP '2025-01-01 12:00:00 Europe/Berlin')) a(id, t)
LEFT JOIN (VALUES (1, TIMESTAMP '2025-01-01 11:00:00')) b(id, t) ON a.id = b.id AND b.t = a.t WHERE b.id IS NOT NULL`);
    expect(mixed.rows).toEqual([[1]]);
  });

  it('plain join keys still join (and correlated subqueries still bind)', async () => {
    const r = await engine.execute(`SELECT x.k, y.v FROM (VALUES 1, 2) x(k) JOIN (VALUES (1, 'a'), (2, 'b')) y(k, v) ON x.k = y.k
WHERE x.k = (SELECT max(z.k) FROM (VALUES 2) z(k) WHERE z.k = x.k) ORDER BY 1`);
    expect(r.rows).toEqual([[2, 'b']]);
  });
});

describe('DATE ± INTERVAL stays a DATE', () => {
  // https://trino.io/docs/current/functions/datetime.html#date-and-time-operators:
  // date '2012-08-08' + interval '2' day = 2012-08-10; interval '2' day + ... is commutative.
  it.each<Row>([
    ['+ day', "DATE '2012-08-08' + INTERVAL '2' DAY", '2012-08-10', 'date'],
    ['- day', "DATE '2012-08-08' - INTERVAL '2' DAY", '2012-08-06', 'date'],
    ['+ month clamps to the month end', "DATE '2025-01-31' + INTERVAL '1' MONTH", '2025-02-28', 'date'],
    ['- month', "DATE '2025-03-31' - INTERVAL '1' MONTH", '2025-02-28', 'date'],
    ['INTERVAL + DATE', "INTERVAL '2' DAY + DATE '2012-08-08'", '2012-08-10', 'date'],
    ['INTERVAL + TIMESTAMP', "INTERVAL '1' HOUR + TIMESTAMP '2012-08-08 01:00:00'", '2012-08-08 02:00:00.000', 'timestamp(3)'],
    ['chained', "DATE '2025-01-31' + INTERVAL '1' DAY - INTERVAL '1' MONTH", '2025-01-01', 'date'],
  ])('%s: %s', async (_c, sql, value, type) => {
    expect(await single(sql)).toEqual({ value, type });
  });
});

describe('date_parse / parse_datetime without a year', () => {
  // https://trino.io/docs/current/functions/datetime.html#mysql-date-functions: date_parse returns timestamp(3).
  // Trino parses with Joda, whose fields missing from the pattern keep 1970-01-01T00:00 (DuckDB's strptime: 1900),
  // but the year is Joda's default year, 2000, when the pattern has a month or a day (Trino 476, differential oracle).
  it.each<Row>([
    ['month and day', "date_parse('12-25', '%m-%d')", '2000-12-25 00:00:00.000', 'timestamp(3)'],
    ['February 29th (2000 is a leap year)', "date_parse('02-29', '%m-%d')", '2000-02-29 00:00:00.000', 'timestamp(3)'],
    ['time only', "date_parse('10:30', '%H:%i')", '1970-01-01 10:30:00.000', 'timestamp(3)'],
    ['with a year it is unchanged', "date_parse('2024-12-25', '%Y-%m-%d')", '2024-12-25 00:00:00.000', 'timestamp(3)'],
    ['NULL', "date_parse(NULL, '%m-%d')", null, 'timestamp(3)'],
    ['parse_datetime (Joda pattern)', "parse_datetime('12-25', 'MM-dd')", '2000-12-25 00:00:00.000 UTC', 'timestamp(3) with time zone'],
  ])('%s: %s', async (_c, sql, value, type) => {
    expect(await single(sql)).toEqual({ value, type });
  });
});

describe("format() with Java's relative index %<", () => {
  // https://trino.io/docs/current/functions/conversion.html#format: "Returns a formatted string using the specified
  // format string and arguments" (java.util.Formatter: `%<s` reuses the previous argument).
  it.each<Row>([
    ['%<s repeats the previous argument', "format('%s %<s', 'a')", 'a a', 'varchar'],
    ['after an explicit index', "format('%1$s %<s %s', 'x', 'y')", 'x x x', 'varchar'],
    ['with another conversion', "format('%d %<05d', 7)", '7 00007', 'varchar'],
  ])('%s: %s', async (_c, sql, value, type) => {
    expect(await single(sql)).toEqual({ value, type });
  });

  it('%< without a previous argument fails as in Java (MissingFormatArgumentException)', async () => {
    await expect(engine.execute("SELECT format('%<s', 'a')")).rejects.toThrow(/no previous argument/);
  });
});

describe('JSON canonical form', () => {
  // https://trino.io/docs/current/functions/json.html: JSON values are kept canonical (json_parse and JSON literals:
  // keys sorted, no whitespace; non-integer numbers are doubles as Java prints them), so equal documents compare
  // equal whatever their key order. "Cast to JSON": CAST('abc' AS JSON) -- JSON '"abc"', CAST(1.234 AS JSON) --
  // JSON '1.234', CAST(10000000.0 AS JSON) -- JSON '1.0E7', CAST(ARRAY[1, NULL, 456] AS JSON) -- JSON '[1,null,456]',
  // CAST(MAP(ARRAY['k1', 'k2', 'k3'], ARRAY[1, 23, 456]) AS JSON) -- JSON '{"k1":1,"k2":23,"k3":456}'.
  // "Cast from JSON": CAST(JSON 'null' AS VARCHAR) -- NULL; a JSON string casts to its text.
  it.each<Row>([
    ['literal: sorted keys, no whitespace', `JSON '{"b": 1, "a": {"d": null, "c": true}}'`, '{"a":{"c":true,"d":null},"b":1}', 'json'],
    [
      'numbers: integers keep their digits, others are Java doubles',
      `JSON '[1.50, 1e2, -0.00012, 9223372036854775807, -0]'`,
      '[1.5,100.0,-1.2E-4,9223372036854775807,0]',
      'json',
    ],
    ['json_parse is canonical too', `json_parse('{"z": [1, {"y": 2, "x": 1}], "a": "s"}')`, '{"a":"s","z":[1,{"x":1,"y":2}]}', 'json'],
    ['JSON equality does not depend on key order', `JSON '{"a":1,"b":2}' = JSON '{"b": 2, "a": 1}'`, true, 'boolean'],
    ['json_parse = literal', `json_parse('[1, 2]') = JSON '[1,2]'`, true, 'boolean'],
    ['CAST(varchar AS JSON) is a JSON string', "CAST('abc' AS JSON)", '"abc"', 'json'],
    ['CAST(integer AS JSON)', 'CAST(1 AS JSON)', '1', 'json'],
    ['CAST(decimal AS JSON)', 'CAST(1.234 AS JSON)', '1.234', 'json'],
    ['CAST(double AS JSON)', 'CAST(10000000.0E0 AS JSON)', '1.0E7', 'json'],
    ['CAST(boolean AS JSON)', 'CAST(true AS JSON)', 'true', 'json'],
    ['CAST(array AS JSON)', 'CAST(ARRAY[1, NULL, 456] AS JSON)', '[1,null,456]', 'json'],
    ['CAST(map AS JSON) sorts keys', "CAST(MAP(ARRAY['k3', 'k1', 'k2'], ARRAY[456, 1, 23]) AS JSON)", '{"k1":1,"k2":23,"k3":456}', 'json'],
    ['CAST(NULL AS JSON)', 'CAST(NULL AS JSON)', null, 'json'],
    ['CAST(JSON \'""\' AS VARCHAR) is empty', `CAST(JSON '""' AS VARCHAR)`, '', 'varchar'],
    ['CAST(JSON string AS VARCHAR) is its text', `CAST(JSON '"x"' AS VARCHAR)`, 'x', 'varchar'],
    ['CAST(JSON number AS VARCHAR)', `CAST(JSON '1' AS VARCHAR)`, '1', 'varchar'],
    ["CAST(JSON 'null' AS VARCHAR) is NULL", `CAST(JSON 'null' AS VARCHAR)`, null, 'varchar'],
  ])('%s: %s', async (_c, sql, value, type) => {
    expect(await single(sql)).toEqual({ value, type });
  });

  it('refuses what Trino refuses: invalid JSON text, a JSON array cast to varchar', async () => {
    await expect(engine.execute("SELECT json_parse('{a')")).rejects.toThrow(/Cannot convert value to JSON: '\{a'/);
    await expect(engine.execute("SELECT CAST(JSON '[1]' AS VARCHAR)")).rejects.toThrow(/Cannot cast JSON array to varchar/);
  });

  it('a varchar column cast to JSON is a JSON string, never parsed', async () => {
    const r = await engine.execute(`SELECT CAST(x AS JSON) FROM (VALUES '{"a":1}') t(x)`);
    expect(r.rows).toEqual([['"{\\"a\\":1}"']]);
  });
});

describe('CHAR(n) and TIMESTAMP(p)/TIME(p) other than milliseconds are refused at lint time', () => {
  // https://trino.io/docs/current/language/types.html: "A CHAR(x) value always has x characters" (padded, compared
  // with the padding); TIMESTAMP(p)/TIME(p) keep p fraction digits and round to them, and a literal's precision is
  // its number of fraction digits. The local engine has no CHAR and keeps milliseconds: refused, never answered
  // with another type or value.
  it.each([
    ['CAST to CHAR(n)', 'SELECT\n  CAST(x AS CHAR(4)) FROM t', 2, 3, 'unfaithful/type', /CHAR\(n\) is not supported locally/],
    ['a CHAR literal', "SELECT CHAR 'ab'", 1, 8, 'unfaithful/type', /CHAR literals are not supported/],
    ['CAST to TIMESTAMP(6)', 'SELECT CAST(ts AS TIMESTAMP(6)) FROM t', 1, 8, 'unfaithful/type', /TIMESTAMP\(6\) is not supported locally/],
    ['CAST to TIME(0)', 'SELECT CAST(t AS TIME(0)) FROM t', 1, 8, 'unfaithful/type', /TIME\(0\) is not supported locally/],
    ['a timestamp(6) literal', "SELECT TIMESTAMP '2025-01-01 10:00:00.123456'", 1, 8, 'unfaithful/precision', /6 fraction digits is timestamp\(6\)/],
    ['a timestamp(1) literal', "SELECT TIMESTAMP '2025-01-01 10:00:00.5'", 1, 8, 'unfaithful/precision', /1 fraction digit is timestamp\(1\)/],
    ['a zoned timestamp(2) literal', "SELECT TIMESTAMP '2025-01-01 10:00:00.25 UTC'", 1, 8, 'unfaithful/precision', /2 fraction digits is timestamp\(2\)/],
    ['a time(4) literal', "SELECT TIME '10:00:00.1234'", 1, 8, 'unfaithful/precision', /4 fraction digits is time\(4\)/],
    ['a time(0) literal', "SELECT TIME '10:00:00'", 1, 8, 'unfaithful/precision', /without a fraction is time\(0\)/],
  ])('%s', async (_name, sql, line, col, rule, message) => {
    expect(checkFaithful(sql, { file: 'sql/transforms/m.sql' })).toEqual([
      expect.objectContaining({ file: 'sql/transforms/m.sql', line, col, rule, message: expect.stringMatching(message) }),
    ]);
    await expect(engine.execute(sql)).rejects.toThrow(message);
  });

  // DuckDB's own cast to TIMESTAMP_S inside an array would round half away from zero (Trino: half up); so would its
  // cast of the zoned struct's wall clock (CAST to TIMESTAMP(0) WITH TIME ZONE runs at the top of a CAST only).
  it.each(['SELECT CAST(a AS ARRAY(TIMESTAMP(0))) FROM t', 'SELECT CAST(a AS ARRAY(TIMESTAMP(0) WITH TIME ZONE)) FROM t'])(
    'CAST to TIMESTAMP(0) inside an array: %s',
    async (sql) => {
      expect(checkFaithful(sql, { file: 'sql/transforms/m.sql' })).toContainEqual(
        expect.objectContaining({ line: 1, col: 8, rule: 'unfaithful/type', message: expect.stringMatching(/not inside an array/) }),
      );
      await expect(engine.execute(sql)).rejects.toThrow(/not inside an array/);
    },
  );

  // Trino 476: array_join(ARRAY[1.5e0, 2, nan()], ',') is '1.5E0,2.0E0,NaN' (CAST(double AS varchar)); DuckDB wrote 1.5,2.0,nan.
  it('array_join of doubles writes them as CAST(double AS varchar) does (Trino 476: 1.5E0,2.0E0)', async () => {
    expect((await engine.execute("SELECT array_join(ARRAY[1.5e0, 2], ',')")).rows).toEqual([['1.5E0,2.0E0']]);
    expect((await engine.execute("SELECT array_join(ARRAY[REAL '1.5'], ',')")).rows).toEqual([['1.5E0']]);
    expect((await engine.execute("SELECT array_join(ARRAY[DECIMAL '1.50', NULL], ',', 'x')")).rows).toEqual([['1.50,x']]);
  });

  // Trino prints a timestamp(3) inside an array, map or row with its three digits, a timestamp(0) with none; the local
  // JSON text is padded where the type tells the two apart, and refused where a varchar or both precisions meet.
  it('CAST of timestamp(3) values beside a timestamp(0) or a varchar AS JSON is refused', async () => {
    await expect(engine.execute("SELECT CAST(ROW(TIMESTAMP '2025-01-01 10:00:00.000', TIMESTAMP '2025-01-01 10:00:00') AS JSON)")).rejects.toThrow(
      /timestamp\(3\) values beside a varchar or a timestamp\(0\) is not supported locally/,
    );
    await expect(engine.execute("SELECT CAST(ROW(TIMESTAMP '2025-01-01 10:00:00.000', 'x') AS JSON)")).rejects.toThrow(
      /timestamp\(3\) values beside a varchar or a timestamp\(0\)/,
    );
  });

  it('millisecond precision runs: TIMESTAMP(3), TIME(3) and 3-digit literals', async () => {
    expect(await single("CAST(TIMESTAMP '2025-01-01 10:00:00.123' AS TIMESTAMP(3))")).toEqual({ value: '2025-01-01 10:00:00.123', type: 'timestamp(3)' });
    expect(await single("CAST('10:00:00.5' AS TIME(3))")).toEqual({ value: '10:00:00.500', type: 'time(3)' });
  });
});

describe('MAP equality does not depend on entry order', () => {
  // https://trino.io/docs/current/functions/map.html: a map is a set of key/value entries; Trino's map equality
  // compares the entries, whatever order they were built in.
  it.each<Row>([
    ['same entries, other order', "MAP(ARRAY['a', 'b'], ARRAY[1, 2]) = MAP(ARRAY['b', 'a'], ARRAY[2, 1])", true, 'boolean'],
    ['<> of the same entries', "MAP(ARRAY['a', 'b'], ARRAY[1, 2]) <> MAP(ARRAY['b', 'a'], ARRAY[2, 1])", false, 'boolean'],
    ['a different value', "MAP(ARRAY['a', 'b'], ARRAY[1, 3]) = MAP(ARRAY['b', 'a'], ARRAY[2, 1])", false, 'boolean'],
    [
      'map_from_entries and a cast map',
      "CAST(MAP(ARRAY['b', 'a'], ARRAY[2, 1]) AS MAP(VARCHAR, BIGINT)) = map_from_entries(ARRAY[('a', BIGINT '1'), ('b', BIGINT '2')])",
      true,
      'boolean',
    ],
  ])('%s: %s', async (_c, sql, value, type) => {
    expect(await single(sql)).toEqual({ value, type });
  });

  it('a map column compared with a map constructor', async () => {
    const r = await engine.execute("SELECT count(*) FROM (SELECT MAP(ARRAY['b', 'a'], ARRAY[2, 1]) AS m) u WHERE m = MAP(ARRAY['a', 'b'], ARRAY[1, 2])");
    expect(r.rows).toEqual([[1]]);
  });
});
