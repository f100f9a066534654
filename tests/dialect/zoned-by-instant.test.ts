// Zoned timestamps compared, deduplicated and looked up by instant, as Trino does (`timestamp with time zone` equality
// and hashing read only the instant: https://trino.io/docs/current/language/types.html#timestamp-with-time-zone), or
// refused where the local answer would differ. The local value is a struct of instant, zone and wall clock, which
// DuckDB compares field by field. Values and types from the shared Trino 476 oracle (`lake sql --engine trino`).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlValue } from '../../src/engines/engine.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';

const utc0 = "TIMESTAMP '2025-01-01 00:00:00 UTC'";
const paris1 = "TIMESTAMP '2025-01-01 01:00:00 +01:00'";
const plain0 = "TIMESTAMP '2025-01-01 00:00:00'";

/** [what it shows, Athena query, Trino's rows, Trino's column types]. */
type Case = [construct: string, sql: string, rows: SqlValue[][], types: string[]];

const cases: Case[] = [
  // A column of unseen type beside a zoned operand goes through trino_cmp too (was "Unimplemented type for cast").
  ['zoned column = zoned literal', `SELECT s = ${utc0} FROM (VALUES ${paris1}) t(s)`, [[true]], ['boolean']],
  ['zoned column IN (zoned literal)', `SELECT s IN (${utc0}) FROM (VALUES ${paris1}) t(s)`, [[true]], ['boolean']],
  ['zoned column BETWEEN zoned literals', `SELECT s BETWEEN ${utc0} AND ${utc0} FROM (VALUES ${paris1}) t(s)`, [[true]], ['boolean']],
  [
    'zoned expressions and aggregates compared with a zoned literal',
    `SELECT s + INTERVAL '1' HOUR > ${utc0}, max(s) = ${utc0} FROM (VALUES ${paris1}) t(s) GROUP BY s`,
    [[true, true]],
    ['boolean', 'boolean'],
  ],
  ['plain timestamp column = zoned literal (session zone UTC)', `SELECT s = ${utc0} FROM (VALUES ${plain0}) t(s)`, [[true]], ['boolean']],
  [
    'outer plain column = zoned literal in a correlated subquery',
    `SELECT (SELECT count(*) FROM (VALUES 1) u(y) WHERE t.s = ${utc0}) FROM (VALUES ${plain0}) t(s)`,
    [[1]],
    ['bigint'],
  ],
  [
    'outer zoned column = zoned literal in a correlated subquery',
    `SELECT (SELECT count(*) FROM (VALUES 1) u(y) WHERE t.s = ${utc0}) FROM (VALUES ${paris1}) t(s)`,
    [[1]],
    ['bigint'],
  ],
];

describe('zoned timestamps by instant (second pass)', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-zoned-')), inMemory: true, threads: 1 });
  });
  afterAll(async () => engine.close());

  it.each(cases)('%s: %s', async (_construct, sql, rows, types) => {
    const result = await engine.execute(sql);
    expect({ rows: result.rows, types: result.columns.map((c) => c.type) }).toEqual({ rows, types });
  });
});
