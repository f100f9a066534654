// Zoned timestamps in comparisons, shims over aggregates, subscripts, identifiers DuckDB reserves, varbinary
// literals: each asserts Trino's value and type through AthenaLocalEngine.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import type { SqlValue } from '../../src/engines/engine.js';

let engine: AthenaLocalEngine;

beforeAll(async () => {
  engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-zoned-')), inMemory: true, threads: 1 });
});
afterAll(async () => engine.close());

async function single(sql: string): Promise<{ value: SqlValue; type: string }> {
  const result = await engine.execute(sql);
  return { value: result.rows[0]?.[0] ?? null, type: result.columns[0].type };
}

type Row = [construct: string, athenaSql: string, value: SqlValue, trinoType: string];

const EVENTS = `FROM (VALUES (TIMESTAMP '2025-01-01 08:00:00', DATE '2025-01-01', 'a'), (TIMESTAMP '2025-01-03 08:00:00', DATE '2025-01-03', 'b')) t(ts, d, k)`;

describe('zoned and plain timestamps compare by instant', () => {
  it.each<Row>([
    ['plain > now() - INTERVAL', `SELECT count_if(ts > now() - INTERVAL '7' DAY) ${EVENTS}`, 0, 'bigint'],
    ['plain literal < current_timestamp', "SELECT TIMESTAMP '2025-01-01 10:00:00' < current_timestamp", true, 'boolean'],
    [
      'same instant, different zones are equal',
      "SELECT from_iso8601_timestamp('2025-01-01T10:00:00+02:00') = TIMESTAMP '2025-01-01 08:00:00 UTC'",
      true,
      'boolean',
    ],
    ['zoned <> zoned by instant', "SELECT TIMESTAMP '2025-01-01 10:00:00 +02:00' <> TIMESTAMP '2025-01-01 08:00:00 UTC'", false, 'boolean'],
    [
      'plain = zoned reads the plain value in UTC',
      "SELECT TIMESTAMP '2025-01-01 08:00:00' = from_iso8601_timestamp('2025-01-01T10:00:00+02:00')",
      true,
      'boolean',
    ],
    [
      'BETWEEN zoned bounds',
      `SELECT count_if(ts BETWEEN from_iso8601_timestamp('2025-01-01T09:00:00+02:00') AND TIMESTAMP '2025-01-02 00:00:00 UTC') ${EVENTS}`,
      1,
      'bigint',
    ],
    ['NOT BETWEEN zoned bounds', `SELECT count_if(ts NOT BETWEEN from_unixtime(0) AND from_unixtime(1735718400)) ${EVENTS}`, 1, 'bigint'],
    ['IN a list of zoned values', `SELECT count_if(ts IN (TIMESTAMP '2025-01-01 09:00:00 +01:00', from_unixtime(0))) ${EVENTS}`, 1, 'bigint'],
    ['zoned IN plain values', "SELECT from_iso8601_timestamp('2025-01-01T10:00:00+02:00') IN (TIMESTAMP '2025-01-01 08:00:00')", true, 'boolean'],
    ['date compared with a zoned value', "SELECT DATE '2025-01-02' > from_iso8601_timestamp('2025-01-01T23:00:00-02:00')", false, 'boolean'],
    ['aggregate compared with now()', `SELECT max(ts) < now() ${EVENTS}`, true, 'boolean'],
    [
      'zoned aggregate compared with a zoned value',
      "SELECT max(from_iso8601_timestamp(s)) >= TIMESTAMP '2025-01-01 08:00:00 UTC' FROM (VALUES ('2025-01-01T10:00:00+02:00')) t(s)",
      true,
      'boolean',
    ],
    ['arithmetic on the zoned side', "SELECT from_unixtime(0) + INTERVAL '1' HOUR = TIMESTAMP '1970-01-01 01:00:00'", true, 'boolean'],
    [
      'max over zoned values orders by instant',
      "SELECT max(z) FROM (VALUES from_iso8601_timestamp('2025-01-01T10:00:00+05:00'), from_iso8601_timestamp('2025-01-01T08:00:00Z')) t(z)",
      '2025-01-01 08:00:00.000 UTC',
      'timestamp(3) with time zone',
    ],
  ])('%s: %s', async (_construct, sql, value, type) => {
    expect(await single(sql)).toEqual({ value, type });
  });

  it('filters a plain column against now() in WHERE', async () => {
    const r = await engine.execute(`SELECT k ${EVENTS} WHERE ts < current_timestamp - INTERVAL '1' DAY AND d <= current_date ORDER BY ts DESC`);
    expect(r.rows).toEqual([['b'], ['a']]);
  });
});

describe('typed shims over aggregates and windows', () => {
  it.each<Row>([
    ['CAST(max(date) AS timestamp)', `SELECT CAST(max(d) AS TIMESTAMP) + INTERVAL '1' DAY ${EVENTS}`, '2025-01-04 00:00:00.000', 'timestamp(3)'],
    ['CAST(max(date) AS varchar)', `SELECT CAST(max(d) AS VARCHAR) ${EVENTS}`, '2025-01-03', 'varchar'],
    ['CAST(max(timestamp) AS varchar)', `SELECT CAST(max(ts) AS VARCHAR) ${EVENTS}`, '2025-01-03 08:00:00', 'varchar'],
    ['CAST(count(*) AS varchar)', `SELECT CAST(count(*) AS VARCHAR) ${EVENTS}`, '2', 'varchar'],
    ['CAST(min(date) AS date)', `SELECT CAST(min(d) AS DATE) ${EVENTS}`, '2025-01-01', 'date'],
    ['date_diff from an aggregate to now()', `SELECT date_diff('day', max(ts), TIMESTAMP '2025-01-05 08:00:00 UTC') ${EVENTS}`, 2, 'bigint'],
    ['date_diff minutes, both aggregates', `SELECT date_diff('minute', min(ts), max(ts)) ${EVENTS}`, 2880, 'bigint'],
    ['year(max(date))', `SELECT year(max(d)) ${EVENTS}`, 2025, 'bigint'],
    ['date_format(max(ts))', `SELECT date_format(max(ts), '%Y-%m-%d %H:%i') ${EVENTS}`, '2025-01-03 08:00', 'varchar'],
    ['date_trunc over an aggregate keeps DATE', `SELECT date_trunc('month', max(d)) ${EVENTS}`, '2025-01-01', 'date'],
    ['max(date) + INTERVAL stays DATE', `SELECT max(d) + INTERVAL '1' DAY ${EVENTS}`, '2025-01-04', 'date'],
    ['to_unixtime(max(ts))', `SELECT to_unixtime(max(ts)) ${EVENTS}`, 1735891200, 'double'],
    [
      'CAST of a zoned aggregate to varchar',
      "SELECT CAST(max(from_iso8601_timestamp(s)) AS VARCHAR) FROM (VALUES ('2025-01-01T10:00:00+02:00')) t(s)",
      '2025-01-01 10:00:00.000 +02:00',
      'varchar',
    ],
    ['window function inside a cast', `SELECT CAST(lag(d) OVER (ORDER BY d) AS VARCHAR) ${EVENTS} ORDER BY d DESC LIMIT 1`, '2025-01-01', 'varchar'],
    ['share of total: sum(count(*)) OVER ()', `SELECT count(*) * 100 / sum(count(*)) OVER () ${EVENTS} GROUP BY k LIMIT 1`, 50, 'bigint'],
  ])('%s: %s', async (_construct, sql, value, type) => {
    expect(await single(sql)).toEqual({ value, type });
  });
});

describe('array and map subscripts raise as in Trino', () => {
  it.each<Row>([
    ['in range', 'SELECT ARRAY[10, 20][2]', 20, 'integer'],
    ['NULL element in range stays NULL', 'SELECT ARRAY[10, NULL][2]', null, 'integer'],
    ['map key present', "SELECT MAP(ARRAY['a'], ARRAY[1])['a']", 1, 'integer'],
    // Trino 476: 1 (the missing-key failure, a constant message, was raised while DuckDB planned the CASE).
    ['map key present in a map column', "SELECT m['a'] FROM (SELECT MAP(ARRAY['a'], ARRAY[1]) m)", 1, 'integer'],
    ['element_at past the end is NULL', 'SELECT element_at(ARRAY[1], 5)', null, 'integer'],
  ])('%s: %s', async (_construct, sql, value, type) => {
    expect(await single(sql)).toEqual({ value, type });
  });

  it.each([
    ['past the end', 'SELECT ARRAY[1, 2][3]', /Array subscript must be less than or equal to array length: 3 > 2/],
    ['zero', 'SELECT ARRAY[1, 2][0]', /SQL array indices start at 1/],
    ['negative', 'SELECT ARRAY[1, 2][-1]', /Array subscript is negative: -1/],
    ['missing map key', "SELECT MAP(ARRAY['a'], ARRAY[1])['b']", /Key not present in map: b/],
    ['past the end of a column', 'SELECT a[2] FROM (VALUES (ARRAY[1])) t(a)', /array length: 2 > 1/],
  ])('%s', async (_name, sql, message) => {
    await expect(engine.execute(sql)).rejects.toThrow(message);
  });
});

describe('literals and identifiers', () => {
  it("X'…' is varbinary", async () => {
    expect(await single("SELECT X'68656C6C6F'")).toEqual({ value: '68656c6c6f', type: 'varbinary' });
  });

  it('words DuckDB reserves are identifiers where Trino reads them as such', async () => {
    const r = await engine.execute(
      'SELECT at, t.window, "offset", limit + 1 AS next FROM (SELECT 1 AS at, 2 AS window, 3 AS offset, 4 AS limit) t WHERE at = 1 ORDER BY at OFFSET 0 LIMIT 5',
    );
    expect(r.columns.map((c) => `${c.name} ${c.type}`)).toEqual(['at integer', 'window integer', 'offset integer', 'next integer']);
    expect(r.rows).toEqual([[1, 2, 3, 5]]);
  });

  it('keeps AT TIME ZONE, FETCH … ROWS ONLY and trim(LEADING …) as keywords', async () => {
    const r = await engine.execute(
      "SELECT hour(TIMESTAMP '2025-01-01 10:00:00 UTC' AT TIME ZONE 'Europe/Berlin') AS h, trim(LEADING 'x' FROM 'xxa') AS s FROM (VALUES 1, 2) t(n) FETCH FIRST 1 ROWS ONLY",
    );
    expect(r.rows).toEqual([[11, 'a']]);
  });
});
