// Trino semantics on the local engine: each row is one construct, Athena SQL next to the value and the type Trino
// gives. Every row runs for real through AthenaLocalEngine (translation + shims + DuckDB).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DialectError } from '../../src/dialect/diagnostics.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import type { SqlValue } from '../../src/engines/engine.js';

let engine: AthenaLocalEngine;

beforeAll(async () => {
  engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-sem-')), inMemory: true, threads: 1 });
});
afterAll(async () => engine.close());

async function single(expression: string, from = ''): Promise<{ value: SqlValue; type: string }> {
  const result = await engine.execute(`SELECT ${expression} AS v ${from}`);
  return { value: result.rows[0]?.[0] ?? null, type: result.columns[0].type };
}

type Row = [construct: string, athenaSql: string, value: SqlValue, trinoType: string];

const NUMBERS = `FROM (VALUES (1, -7, 2, BIGINT '9000000000', CAST(NULL AS VARCHAR))) t(one, neg, two, big, nv)`;

const dates: Row[] = [
  ['date_diff counts whole days', "date_diff('day', TIMESTAMP '2025-01-01 23:00:00', TIMESTAMP '2025-01-02 01:00:00')", 0, 'bigint'],
  ['date_diff counts whole months', "date_diff('month', DATE '2025-01-15', DATE '2025-02-14')", 0, 'bigint'],
  ['date_diff month-end to month-end is a month', "date_diff('month', DATE '2025-01-31', DATE '2025-02-28')", 1, 'bigint'],
  ['date_diff hours', "date_diff('hour', TIMESTAMP '2025-01-01 10:30:00', TIMESTAMP '2025-01-01 12:29:00')", 1, 'bigint'],
  ['date_add on DATE gives DATE', "date_add('day', 1, DATE '2025-01-31')", '2025-02-01', 'date'],
  ['date_add month end clamps', "date_add('month', 1, DATE '2025-01-31')", '2025-02-28', 'date'],
  ['date_add on TIMESTAMP gives TIMESTAMP', "date_add('hour', 3, TIMESTAMP '2025-01-01 22:00:00')", '2025-01-02 01:00:00.000', 'timestamp(3)'],
  ['date_trunc on DATE gives DATE', "date_trunc('month', DATE '2025-03-15')", '2025-03-01', 'date'],
  ['date_trunc week is Monday', "date_trunc('week', DATE '2025-03-16')", '2025-03-10', 'date'],
  ['date_trunc on TIMESTAMP', "date_trunc('hour', TIMESTAMP '2025-03-15 10:42:11')", '2025-03-15 10:00:00.000', 'timestamp(3)'],
  ['DATE + INTERVAL gives DATE', "DATE '2025-01-31' + INTERVAL '1' MONTH", '2025-02-28', 'date'],
  ['DATE - INTERVAL gives DATE', "DATE '2025-03-01' - INTERVAL '1' DAY", '2025-02-28', 'date'],
  ['TIMESTAMP + INTERVAL', "TIMESTAMP '2025-01-01 10:00:00' + INTERVAL '90' MINUTE", '2025-01-01 11:30:00.000', 'timestamp(3)'],
  ['date_format %i minutes %s seconds', "date_format(TIMESTAMP '2025-03-05 07:08:09', '%Y-%m-%d %H:%i:%s')", '2025-03-05 07:08:09', 'varchar'],
  ['date_format %c %e unpadded, %T', "date_format(TIMESTAMP '2025-03-05 07:08:09', '%c/%e %T')", '3/5 07:08:09', 'varchar'],
  ['date_parse', "date_parse('2025-03-05 07:08', '%Y-%m-%d %H:%i')", '2025-03-05 07:08:00.000', 'timestamp(3)'],
  ['format_datetime Joda pattern', "format_datetime(TIMESTAMP '2025-03-05 07:08:09.123', 'yyyy-MM-dd HH:mm:ss.SSS')", '2025-03-05 07:08:09.123', 'varchar'],
  ['day_of_week Sunday is 7', "day_of_week(DATE '2025-03-16')", 7, 'bigint'],
  ['dow Monday is 1', "dow(DATE '2025-03-17')", 1, 'bigint'],
  ['extract(DOW) is ISO', "extract(DOW FROM DATE '2025-03-16')", 7, 'bigint'],
  ['day_of_year', "day_of_year(DATE '2025-02-01')", 32, 'bigint'],
  [
    'year/month/day/hour',
    "year(TIMESTAMP '2025-03-05 07:00:00') * 1000000 + month(DATE '2025-03-05') * 10000 + day(DATE '2025-03-05') * 100 + hour(TIMESTAMP '2025-03-05 07:00:00')",
    2025030507,
    'bigint',
  ],
  ['millisecond', "millisecond(TIMESTAMP '2025-01-01 00:00:12.345')", 345, 'bigint'],
  ['date(varchar)', "date('2025-03-05')", '2025-03-05', 'date'],
  ['to_unixtime', "to_unixtime(TIMESTAMP '2025-01-01 00:00:01')", 1735689601, 'double'],
  ['from_unixtime keeps UTC zone', 'from_unixtime(1735689601)', '2025-01-01 00:00:01.000 UTC', 'timestamp(3) with time zone'],
  ['sequence of dates', "sequence(DATE '2025-01-30', DATE '2025-02-01')", ['2025-01-30', '2025-01-31', '2025-02-01'], 'array(date)'],
  ['sequence descending', 'sequence(3, 1)', [3, 2, 1], 'array(bigint)'],
  // Trino 476: a literal has the precision of its digits (timestamp(0) prints no fraction, timestamp(3) three digits).
  ['CAST(timestamp(0) AS varchar) has no fraction', "CAST(TIMESTAMP '2025-01-01 10:00:00' AS VARCHAR)", '2025-01-01 10:00:00', 'varchar'],
  ['CAST(timestamp(3) AS varchar) has milliseconds', "CAST(TIMESTAMP '2025-01-01 10:00:00.000' AS VARCHAR)", '2025-01-01 10:00:00.000', 'varchar'],
];

const zones: Row[] = [
  ['zoned literal UTC keeps zone', "TIMESTAMP '2025-01-01 10:00:00 UTC'", '2025-01-01 10:00:00.000 UTC', 'timestamp(3) with time zone'],
  ['zoned literal offset keeps zone', "TIMESTAMP '2025-01-01 10:00:00 +02:00'", '2025-01-01 10:00:00.000 +02:00', 'timestamp(3) with time zone'],
  [
    'from_iso8601_timestamp keeps the offset',
    "from_iso8601_timestamp('2025-01-01T10:00:00+02:00')",
    '2025-01-01 10:00:00.000 +02:00',
    'timestamp(3) with time zone',
  ],
  ['from_iso8601_timestamp Z is UTC', "from_iso8601_timestamp('2025-01-01T10:00:00.250Z')", '2025-01-01 10:00:00.250 UTC', 'timestamp(3) with time zone'],
  ['hour() is the wall-clock hour', "hour(from_iso8601_timestamp('2025-01-01T10:00:00+02:00'))", 10, 'bigint'],
  ['CAST to timestamp keeps wall clock', "CAST(from_iso8601_timestamp('2025-01-01T10:00:00+02:00') AS TIMESTAMP)", '2025-01-01 10:00:00.000', 'timestamp(3)'],
  [
    'AT TIME ZONE UTC on an offset value',
    "from_iso8601_timestamp('2025-01-01T10:00:00+02:00') AT TIME ZONE 'UTC'",
    '2025-01-01 08:00:00.000 UTC',
    'timestamp(3) with time zone',
  ],
  [
    'AT TIME ZONE named zone on a UTC literal',
    "TIMESTAMP '2025-07-01 10:00:00 UTC' AT TIME ZONE 'Europe/Berlin'",
    '2025-07-01 12:00:00.000 Europe/Berlin',
    'timestamp(3) with time zone',
  ],
  ['hour after AT TIME ZONE', "hour(TIMESTAMP '2025-01-01 10:00:00 UTC' AT TIME ZONE 'America/New_York')", 5, 'bigint'],
  ['to_unixtime of a zoned value uses the instant', "to_unixtime(TIMESTAMP '2025-01-01 02:00:00 +02:00')", 1735689600, 'double'],
  [
    'date_trunc on a zoned value truncates in its zone',
    "date_trunc('day', from_iso8601_timestamp('2025-01-01T01:00:00+02:00'))",
    '2025-01-01 00:00:00.000 +02:00',
    'timestamp(3) with time zone',
  ],
  // Trino 476: a zoned literal without a fraction is timestamp(0) with time zone, whose text has none.
  ['CAST zoned to varchar', "CAST(TIMESTAMP '2025-01-01 10:00:00 +02:00' AS VARCHAR)", '2025-01-01 10:00:00 +02:00', 'varchar'],
  ['from_iso8601_timestamp(NULL) IS NULL', 'from_iso8601_timestamp(CAST(NULL AS VARCHAR)) IS NULL', true, 'boolean'],
  ['current_timestamp type', 'current_timestamp IS NOT NULL', true, 'boolean'],
];

const arithmetic: Row[] = [
  ['integer / integer truncates toward zero', 'neg / two', -3, 'integer'],
  ['bigint / integer truncates', 'big / -two', -4500000000, 'bigint'],
  ['integer % integer', 'neg % two', -1, 'integer'],
  ['double / 0 is Infinity', 'CAST(one AS DOUBLE) / 0', 'Infinity', 'double'],
  ['decimal / integer stays decimal, rounded half up (Trino 476: decimal(4,2))', "DECIMAL '10.00' / 3", '3.33', 'decimal(4,2)'],
  ['decimal / decimal rounds half up', "DECIMAL '1.5' / DECIMAL '2.0'", '0.8', 'decimal(3,1)'],
  ['precedence: a * b / c', 'two * neg / 4', -3, 'integer'],
  ['precedence: a + b / c', 'one + neg / two', -2, 'integer'],
  ['round(double) is Java Math.round on the scaled value', "round(CAST('1.005' AS DOUBLE), 2)", 1, 'double'],
  ['round half away from zero', 'round(-2.5E0)', -3, 'double'],
  ['round(decimal, d) gains a digit', "round(DECIMAL '1.25', 1)", '1.30', 'decimal(4,2)'],
  ['CAST(double AS integer) rounds half up', 'CAST(2.5E0 AS INTEGER) * 10 + CAST(-2.5E0 AS INTEGER)', 27, 'integer'],
  ['avg(int) is double', 'avg(x)', 1.5, 'double'],
];

const strings: Row[] = [
  // Trino prints a decimal as Java's BigDecimal.toPlainString: the 0 before the point stays (DuckDB drops it): Trino
  // gives '-0.5' and '0.005' (https://trino.io/docs/current/functions/conversion.html, cast(value AS type)).
  ['CAST(decimal with no integer digits AS varchar) keeps -0.', "CAST(DECIMAL '-0.5' AS varchar)", '-0.5', 'varchar'],
  ['CAST(DECIMAL(3,3) AS varchar) keeps 0.', "CAST(DECIMAL '.005' AS varchar)", '0.005', 'varchar'],
  ['CAST(decimal AS varchar) keeps the scale', "CAST(DECIMAL '-12.50' AS varchar)", '-12.50', 'varchar'],
  ['split_part out of range is NULL', "split_part('a-b', '-', 3)", null, 'varchar'],
  ['split_part in range', "split_part('a-b-c', '-', 2)", 'b', 'varchar'],
  ['regexp_extract no match is NULL', "regexp_extract('abc', '\\d+')", null, 'varchar'],
  ['regexp_extract group no match is NULL', "regexp_extract('abc', '(\\d)(\\d)', 2)", null, 'varchar'],
  ['regexp_extract group', "regexp_extract('ab12', '([a-z]+)(\\d+)', 2)", '12', 'varchar'],
  ['regexp_replace replaces every match', "regexp_replace('aaa', 'a', 'b')", 'bbb', 'varchar'],
  ['regexp_replace $1 is a group reference', "regexp_replace('2025-03', '(\\d+)-(\\d+)', '$2/$1')", '03/2025', 'varchar'],
  ['regexp_replace 2-argument removes', "regexp_replace('a1b2', '\\d')", 'ab', 'varchar'],
  ['regexp_like', "regexp_like('abc', 'b')", true, 'boolean'],
  ['concat with NULL is NULL', "concat('a', nv, 'b')", null, 'varchar'],
  ['concat', "concat('a', 'b', 'c')", 'abc', 'varchar'],
  ['|| with NULL is NULL', "'a' || nv", null, 'varchar'],
  ['format Java style', "format('%s-%03d', 'x', 7)", 'x-007', 'varchar'],
  ['format %.2f half up', "format('%.2f|%,d', 1.005, 1234567)", '1.01|1,234,567', 'varchar'],
  ['substr from 0 is empty', "substr('hello', 0)", '', 'varchar'],
  ['substr negative start', "substr('hello', -3, 2)", 'll', 'varchar'],
  ['strpos', "strpos('hello', 'l')", 3, 'bigint'],
  ['json_extract_scalar', 'json_extract_scalar(\'{"a":{"b":"x"}}\', \'$.a.b\')', 'x', 'varchar'],
  ['json_extract_scalar on an object is NULL', 'json_extract_scalar(\'{"a":{"b":1}}\', \'$.a\')', null, 'varchar'],
  ['json_extract gives json', 'json_extract(\'{"a":{"b":1}}\', \'$.a\')', '{"b":1}', 'json'],
  ['IF with 2 arguments', 'IF(one > 5, 10)', null, 'integer'],
  ['try_cast', "try_cast('x' AS INTEGER)", null, 'integer'],
  ['TRY()', 'TRY(one / 0)', null, 'integer'],
  ['string comparison is binary', "'B' < 'a'", true, 'boolean'],
];

const collections: Row[] = [
  ['cardinality(array)', 'cardinality(ARRAY[1, 2, 3])', 3, 'bigint'],
  ['cardinality(map)', "cardinality(MAP(ARRAY['a', 'b'], ARRAY[1, 2]))", 2, 'bigint'],
  ['element_at out of range is NULL', 'element_at(ARRAY[1, 2], 5)', null, 'integer'],
  ['element_at negative counts from the end', 'element_at(ARRAY[1, 2, 3], -1)', 3, 'integer'],
  ['element_at(map, key)', "element_at(MAP(ARRAY['a'], ARRAY[10]), 'a')", 10, 'integer'],
  ['ARRAY literal', "ARRAY['a', 'b']", ['a', 'b'], 'array(varchar)'],
  ['MAP literal', "MAP(ARRAY['a'], ARRAY[1])", { a: 1 }, 'map(varchar, integer)'],
  ['ROW value cast to a named row', "CAST(ROW(1, 'x') AS ROW(a INTEGER, b VARCHAR))", { a: 1, b: 'x' }, 'row(a integer, b varchar)'],
  ['CAST to ARRAY(VARCHAR)', 'CAST(ARRAY[1, 2] AS ARRAY(VARCHAR))', ['1', '2'], 'array(varchar)'],
  ['CAST to MAP(VARCHAR, BIGINT)', "CAST(MAP(ARRAY['a'], ARRAY[1]) AS MAP(VARCHAR, BIGINT))", { a: 1 }, 'map(varchar, bigint)'],
  ['transform with a lambda', 'transform(ARRAY[1, 2], x -> x * 10)', [10, 20], 'array(integer)'],
  ['filter with a lambda', 'filter(ARRAY[1, 2, 3], x -> x % 2 = 1)', [1, 3], 'array(integer)'],
  ['reduce: Trino argument order', 'reduce(ARRAY[1, 2, 3], 0, (s, x) -> s + x, s -> s * 10)', 60, 'integer'],
  ['any_match', 'any_match(ARRAY[1, 2], x -> x > 1)', true, 'boolean'],
  ['all_match', 'all_match(ARRAY[1, 2], x -> x > 1)', false, 'boolean'],
  ['array_distinct keeps first-seen order', 'array_distinct(ARRAY[3, 1, 3, 2, 1])', [3, 1, 2], 'array(integer)'],
  ['array_join with null replacement', "array_join(ARRAY['a', NULL], ',', '?')", 'a,?', 'varchar'],
  ['contains', 'contains(ARRAY[1, 2], 2)', true, 'boolean'],
];

describe.each([
  ['dates and times', dates, ''],
  ['time zones', zones, ''],
  ['strings and conditionals', strings, NUMBERS],
  ['collections', collections, ''],
])('%s', (_name, rows, from) => {
  it.each(rows)('%s: %s', async (_construct, sql, value, type) => {
    expect(await single(sql, from)).toEqual({ value, type });
  });
});

describe('arithmetic', () => {
  it.each(arithmetic)('%s: %s', async (_construct, sql, value, type) => {
    const from = sql.includes('avg(') ? 'FROM (VALUES (1), (2)) t(x)' : NUMBERS;
    const { value: got, type: gotType } = await single(sql, from);
    expect({ value: got === Infinity ? 'Infinity' : got, type: gotType }).toEqual({ value, type });
  });
});

describe('aggregates', () => {
  const EVENTS = `FROM (VALUES (1, 'a', 10), (2, 'b', 20), (3, 'a', 30)) t(id, k, amount)`;
  it.each<Row>([
    ['sum(integer) is BIGINT', 'sum(amount)', 60, 'bigint'],
    ['sum(decimal) keeps the scale', 'sum(CAST(amount AS DECIMAL(10, 2)))', '60.00', 'decimal(38,2)'],
    ['sum(double) is double', 'sum(CAST(amount AS DOUBLE))', 60, 'double'],
    ['count_if is BIGINT', 'count_if(amount > 15)', 2, 'bigint'],
    ['count_if over no rows is 0', 'count_if(amount > 1000) FILTER (WHERE id < 0)', 0, 'bigint'],
    ['count is BIGINT', 'count(*)', 3, 'bigint'],
    ['approx_distinct', 'approx_distinct(k)', 2, 'bigint'],
    ['approx_percentile gives an input value, bigint for integers', 'approx_percentile(amount, 0.5)', 20, 'bigint'],
    ['approx_percentile of a decimal is real', 'approx_percentile(CAST(amount AS decimal(5,2)), 0.5)', 20, 'real'],
    ['approx_percentile of a double is double', 'approx_percentile(amount * 1e0, 0.5)', 20, 'double'],
    ['approx_percentile with percentages', 'approx_percentile(amount, ARRAY[0.5, 0.9])', [20, 30], 'array(bigint)'],
    ['arbitrary', 'arbitrary(k) IS NOT NULL', true, 'boolean'],
    ['map_agg', 'map_agg(id, k)', { 1: 'a', 2: 'b', 3: 'a' }, 'map(integer, varchar)'],
    ['sum over a window stays BIGINT', 'max(s)', 60, 'bigint'],
    ['CAST(aggregate decimal AS varchar) keeps -0.', "CAST(min(DECIMAL '-0.5') AS varchar)", '-0.5', 'varchar'],
  ])('%s: %s', async (_construct, sql, value, type) => {
    const from = sql === 'max(s)' ? `FROM (SELECT sum(amount) OVER (ORDER BY id) AS s ${EVENTS})` : EVENTS;
    expect(await single(sql, from)).toEqual({ value, type });
  });

  // Trino's approx_percentile (t-digest, exact on small inputs) picks the sorted element at floor(p * n), not at
  // floor(p * (n - 1)) as DuckDB's quantile_disc: checked against Trino 476 by the differential oracle (tests/trino).
  it('approx_percentile picks the element at floor(p * n), NULLs left out', async () => {
    const r = await engine.execute(
      'SELECT approx_percentile(x, 0.5) AS m, approx_percentile(x, 0.1) AS p10, approx_percentile(x, ARRAY[0.25, 1]) AS ps ' +
        'FROM (VALUES 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, NULL) t(x)',
    );
    expect(r.rows).toEqual([[6, 2, [3, 10]]]);
    expect(r.columns.map((c) => c.type)).toEqual(['bigint', 'bigint', 'array(bigint)']);
  });

  it('count_if over an empty table is 0, sum is NULL', async () => {
    const r = await engine.execute('SELECT count_if(x > 0) AS c, sum(x) AS s FROM (VALUES (1)) t(x) WHERE x < 0');
    expect(r.rows).toEqual([[0, null]]);
    expect(r.columns.map((c) => c.type)).toEqual(['bigint', 'bigint']);
  });
});

describe('errors Trino raises', () => {
  it.each([
    ['integer division by zero', 'SELECT one / 0 FROM (VALUES (1)) t(one)', /Division by zero/],
    ['bigint division by zero', "SELECT BIGINT '5' / (one - 1) FROM (VALUES (1)) t(one)", /Division by zero/],
    ['integer modulus by zero', 'SELECT one % 0 FROM (VALUES (1)) t(one)', /Division by zero/],
    ['split_part index 0', "SELECT split_part('a', '-', 0)", /Index must be greater than zero/],
  ])('%s', async (_name, sql, message) => {
    await expect(engine.execute(sql)).rejects.toThrow(message);
  });

  it('refuses a dynamic regexp_replace replacement before running it', async () => {
    await expect(engine.execute("SELECT regexp_replace('a', 'a', r) FROM (VALUES ('b')) t(r)")).rejects.toBeInstanceOf(DialectError);
  });
});
