// day(), hour(), minute(), second() and millisecond() of a column read it through trino_interval_fields, which gives a
// day-to-second interval Trino's fields (tests/dialect/functions/datetime-fields.test.ts). A date, time or timestamp
// must not pay for that reading: DuckDB folds the macro's typeof() test when it binds, so their plan holds no lambda
// (issue 18: ~25 ns a row each, three per event in P1's pipeline), with the same value and type as the lambda's
// `x + INTERVAL 0` gave. Values of these functions against Trino 476: datetime-fields.test.ts and nan-guard-placement.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerShims } from '../../src/dialect/shims/index.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await registerShims(connection).defineFor(connection, ['trino_interval_fields']);
  await connection.run(
    `CREATE TABLE t AS SELECT TIMESTAMP '2025-03-08 23:59:58.123' AS ts, DATE '2025-03-08' AS d, TIME '10:11:12' AS tm,
       INTERVAL 27 HOUR AS iv`,
  );
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

const plan = async (expression: string): Promise<string> => {
  const reader = await connection.runAndReadAll(`EXPLAIN SELECT ${expression} FROM t`);
  return reader
    .getRows()
    .map((row) => String(row[1]))
    .join('\n');
};

describe('trino_interval_fields', () => {
  it.each([['ts'], ['d'], ['tm']])('evaluates no lambda for a %s column', async (column) => {
    expect(await plan(`hour(trino_interval_fields(${column}))`)).not.toMatch(/list_transform|lambda|list_value/i);
  });

  it('keeps the interval reading for an interval column', async () => {
    expect(await plan('hour(trino_interval_fields(iv))')).toMatch(/list_transform|lambda/i);
  });

  it('gives a date, time or timestamp the value and type of x + INTERVAL 0', async () => {
    const reader = await connection.runAndReadAll(
      `SELECT ${['ts', 'd', 'tm']
        .map((c) => `trino_interval_fields(${c}) IS NOT DISTINCT FROM ${c} + INTERVAL 0 SECOND, typeof(trino_interval_fields(${c}))`)
        .join(', ')}, day(trino_interval_fields(iv)), hour(trino_interval_fields(iv)) FROM t`,
    );
    expect(reader.getRows()[0].map(String)).toEqual(['true', 'TIMESTAMP', 'true', 'TIMESTAMP', 'true', 'TIME', '1', '3']);
  });
});
