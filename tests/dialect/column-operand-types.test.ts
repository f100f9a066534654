// Columns whose types Trino 476 does not combine, where DuckDB casts or concatenates (src/dialect/translate/
// column-arithmetic.ts, nested-comparisons.ts): refused while DuckDB binds, so over no rows too (`lake lint`). Trino 476's
// errors (the shared oracle, `lake sql --engine trino`):
// - `d - x`, `x + d` of a date and an integer column: TYPE_MISMATCH "Cannot apply operator: date - integer" (locally a
//   date, days added);
// - `a - c`, `a + c` of two array columns: "Cannot apply operator: array(integer) - array(integer)" (locally `+`
//   concatenated);
// - `b = 1`, `0 < d`, `a[1] = 1` of a boolean, date or element with a number literal: "Cannot apply operator: boolean =
//   integer" (locally compared after a cast);
// - `a['1']`, `element_at(ARRAY[1, 2], '1')`: "Cannot use varchar(1) for subscript of array(integer)", FUNCTION_NOT_FOUND
//   (locally 1);
// - `cardinality(s)` of a varchar or integer column: FUNCTION_NOT_FOUND "Unexpected parameters (varchar(3)) for function
//   cardinality" (locally 0).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';

let engine: AthenaLocalEngine;

beforeAll(async () => {
  engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-column-operands-')), inMemory: true, threads: 1 });
});
afterAll(async () => engine.close());

const ROW = "FROM (VALUES (DATE '2025-01-03', DATE '2025-01-01', 1, 2, true, ARRAY[1], ARRAY[2], nan())) t(d, e, x, y, b, a, c, n)";

describe('columns Athena does not combine are refused while binding', () => {
  it.each<[sql: string, trino: RegExp]>([
    [`SELECT d + x ${ROW}`, /^TYPE_MISMATCH: Cannot apply operator: date \+ integer/],
    [`SELECT x + t.d ${ROW}`, /^TYPE_MISMATCH: Cannot apply operator: date \+ integer/],
    [`SELECT d - x ${ROW}`, /^TYPE_MISMATCH: Cannot apply operator: date - integer/],
    [`SELECT a + c ${ROW}`, /^TYPE_MISMATCH: Cannot apply operator: array \+ array/],
    [`SELECT a - c ${ROW}`, /^TYPE_MISMATCH: Cannot apply operator: array - array/],
    [`SELECT b = 1 ${ROW}`, /^TYPE_MISMATCH: Cannot apply operator: values of two types Athena does not compare/],
    [`SELECT 0 < d ${ROW}`, /^TYPE_MISMATCH: Cannot apply operator: values of two types Athena does not compare/],
    ['SELECT a[1] = 1 FROM (VALUES ARRAY[true]) t(a)', /^TYPE_MISMATCH: Cannot apply operator: values of two types Athena does not compare/],
    [`SELECT count(*) ${ROW} WHERE b <> 0`, /^TYPE_MISMATCH: Cannot apply operator: values of two types Athena does not compare/],
    [`SELECT d + x ${ROW} WHERE false`, /^TYPE_MISMATCH: Cannot apply operator: date \+ integer/],
    // FUNCTION_NOT_FOUND "Unexpected parameters (varchar(3)) for function cardinality" (locally 0).
    ["SELECT cardinality(s) FROM (VALUES ('abc')) t(s)", /^FUNCTION_NOT_FOUND: Unexpected parameters for function cardinality/],
    [`SELECT cardinality(t.x) ${ROW}`, /^FUNCTION_NOT_FOUND: Unexpected parameters for function cardinality/],
    // "Cannot use varchar(1) for subscript of array(integer)"; element_at: FUNCTION_NOT_FOUND (locally 1, the text cast).
    [`SELECT a['1'] ${ROW}`, /^TYPE_MISMATCH: Cannot use varchar for subscript of array/],
    ["SELECT ARRAY[1, 2]['1']", /^TYPE_MISMATCH: Cannot use varchar for subscript of array/],
    ["SELECT element_at(ARRAY[1, 2], '1')", /^TYPE_MISMATCH: Cannot use varchar for subscript of array/],
  ])('%s', async (sql, trino) => {
    await expect(engine.execute(sql)).rejects.toThrow(trino);
  });
});

describe('columns Athena combines keep its answer and type', () => {
  it('numbers, DATE - DATE, a number compared with a number column (NaN as in Trino), a lambda’s parameters', async () => {
    const result = await engine.execute(
      `SELECT x + y AS p, x - y AS q, d - e AS r, x = 1 AS s, 1 < y AS u, n > 1 AS v, n <> 1 AS w,
         reduce(ARRAY[1, 2, 3], 0, (s, z) -> s + z, s -> s) AS z ${ROW}`,
    );
    expect(result.columns.map((c) => c.type)).toEqual(['integer', 'integer', 'interval day to second', 'boolean', 'boolean', 'boolean', 'boolean', 'integer']);
    expect(result.rows[0]).toEqual([3, -1, '2 00:00:00.000', true, true, false, true, 6]);
  });

  it('map keys and array indices', async () => {
    const result = await engine.execute(
      `SELECT MAP(ARRAY['k'], ARRAY[1])['k'] AS p, element_at(m, 'k') AS q, element_at(m, 'z') AS r, a[2] AS s, element_at(a, -1) AS u
       FROM (VALUES (MAP(ARRAY['k'], ARRAY[1]), ARRAY[1, 2])) t(m, a)`,
    );
    expect(result.rows[0]).toEqual([1, 1, null, 2, 2]);
  });

  it('cardinality of array and map columns and of a lambda’s array parameter', async () => {
    const result = await engine.execute(
      `SELECT cardinality(a) AS p, cardinality(m) AS q, transform(ARRAY[a, c], r -> cardinality(r)) AS r
       FROM (VALUES (ARRAY[1, 2], MAP(ARRAY['k'], ARRAY[1]), ARRAY[3])) t(a, m, c)`,
    );
    expect(result.columns.map((c) => c.type)).toEqual(['bigint', 'bigint', 'array(bigint)']);
    expect(result.rows[0]).toEqual([2, 1, [2, 1]]);
  });
});

// Types, third pass: the same checks on expressions and lambda parameters. Trino 476 (the shared oracle):
// `lower(s) = 1` TYPE_MISMATCH "Cannot apply operator: varchar(1) = integer" (locally true for '1'), `(a = 1) = 1`
// "boolean = integer", `filter(ARRAY[true, false], b -> b = 1)` "boolean = integer" (locally [true]),
// `transform(ARRAY[DATE …], d -> d + x)` "date + integer", `transform(ARRAY[ARRAY[1]], a -> a + a)` "array(integer) +
// array(integer)", `cardinality(lower(s))`, `cardinality(x + 1)`, `cardinality(CASE … END)`, a lambda's varchar
// parameter: FUNCTION_NOT_FOUND "Unexpected parameters (varchar(3)) for function cardinality" (locally 0).
describe('expressions and lambda parameters Athena does not combine are refused while binding', () => {
  const COMPARE = /^TYPE_MISMATCH: Cannot apply operator: values of two types Athena does not compare/;
  const CARDINALITY = /^FUNCTION_NOT_FOUND: Unexpected parameters for function cardinality/;
  it.each<[sql: string, trino: RegExp]>([
    ["SELECT lower(s) = 1 FROM (VALUES '1') t(s)", COMPARE],
    ["SELECT 1.5 = lower(s) FROM (VALUES '1.5') t(s)", COMPARE],
    // A cast to varchar is guarded as a string literal (text-literal-comparable.test.ts): the text's refusal.
    ['SELECT CAST(x AS varchar) = 1 FROM (VALUES 1) t(x)', /^TYPE_MISMATCH: Cannot apply operator: a varchar compared with another type/],
    ["SELECT count(*) FROM (VALUES '1') t(s) WHERE coalesce(s, 'x') = 1 AND false", COMPARE],
    ['SELECT (a = 1) = 1 FROM (VALUES 1) t(a)', COMPARE],
    ["SELECT CASE WHEN x = 1 THEN DATE '2025-01-01' END > 0 FROM (VALUES 1) t(x)", COMPARE],
    ['SELECT filter(ARRAY[true, false], b -> b = 1)', COMPARE],
    ["SELECT transform(ARRAY['1'], s -> s = 1)", COMPARE],
    ["SELECT transform(ARRAY[DATE '2025-01-01'], d -> d + x) FROM (VALUES 1) t(x)", /^TYPE_MISMATCH: Cannot apply operator: date \+ integer/],
    ['SELECT transform(ARRAY[ARRAY[1]], a -> a + a)', /^TYPE_MISMATCH: Cannot apply operator: array \+ array/],
    ["SELECT cardinality(lower(s)) FROM (VALUES 'abc') t(s)", CARDINALITY],
    ['SELECT cardinality(x + 1) FROM (VALUES 1) t(x) WHERE false', CARDINALITY],
    ["SELECT cardinality(CASE WHEN true THEN s END) FROM (VALUES 'abc') t(s)", CARDINALITY],
    ["SELECT transform(ARRAY['abc'], r -> cardinality(r))", CARDINALITY],
    // A date column ± an interval column of hours: Trino 476 fails (whole days only; types-fourth-pass.test.ts answers the rest).
    ["SELECT d + i FROM (VALUES (DATE '2025-01-01', INTERVAL '25' HOUR)) t(d, i)", /^Cannot add hour, minutes or seconds to a date/],
    ["SELECT d - i FROM (VALUES (DATE '2025-01-01', INTERVAL '2' SECOND)) t(d, i)", /^Cannot subtract hour, minutes or seconds from a date/],
  ])('%s', async (sql, trino) => {
    await expect(engine.execute(sql)).rejects.toThrow(trino);
  });

  it('a timestamp column ± an interval column, two intervals added keep Trino’s answers and types', async () => {
    const result = await engine.execute(
      "SELECT t + i AS a, i + t AS b, t - i AS c, i + i AS e FROM (VALUES (TIMESTAMP '2025-01-01 00:00:00', INTERVAL '1' DAY)) v(t, i)",
    );
    expect(result.columns.map((c) => c.type)).toEqual(['timestamp(3)', 'timestamp(3)', 'timestamp(3)', 'interval day to second']);
    expect(result.rows[0]).toEqual(['2025-01-02 00:00:00.000', '2025-01-02 00:00:00.000', '2024-12-31 00:00:00.000', '2 00:00:00.000']);
  });

  it('numbers compared, added and counted in expressions and lambdas keep Trino’s answers and types', async () => {
    // Trino 476: [true, true, false, true, [1, 3], [], [1.5, NaN], 6, [2, 1], 2] with these types.
    const result = await engine.execute(
      `SELECT abs(x) = 1 AS p, length(s) = 3 AS q, x % 2 = 0 AS r, coalesce(x, 2) = 1 AS u,
         filter(ARRAY[1, 2, 3], z -> z % 2 = 1) AS v, filter(ARRAY[1.5e0, nan()], z -> z = 1) AS w,
         filter(ARRAY[1.5e0, nan()], z -> z <> 1) AS y, reduce(ARRAY[1, 2, 3], 0, (a, z) -> a + z, a -> a) AS z,
         transform(ARRAY[ARRAY[1, 2], ARRAY[3]], a -> cardinality(a)) AS aa, cardinality(split(s || ',x', ',')) AS ab
       FROM (VALUES (1, 'abc')) t(x, s)`,
    );
    expect(result.columns.map((c) => c.type)).toEqual([
      'boolean',
      'boolean',
      'boolean',
      'boolean',
      'array(integer)',
      'array(double)',
      'array(double)',
      'integer',
      'array(bigint)',
      'bigint',
    ]);
    expect(result.rows[0]).toEqual([true, true, false, true, [1, 3], [], [1.5, Number.NaN], 6, [2, 1], 2]);
  });
});
