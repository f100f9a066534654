// CAST(x AS timestamp) of an operand that is syntactically zoned (x AT TIME ZONE z, from_iso8601_timestamp, from_unixtime,
// with_timezone, at_timezone…) is its wall clock (src/dialect/translate/functions.ts, castCall): trino_to_timestamp's
// branch for text can never apply, and its operand, used in both branches, was expanded and planned twice more (P3's
// staging models cast from_iso8601_timestamp(…) AT TIME ZONE 'UTC': ~45 % of that expression's planning; issue 18).
// Trino casts a timestamp with time zone to timestamp by keeping its local date-time
// (https://trino.io/docs/current/functions/conversion.html, https://trino.io/docs/current/language/types.html); the
// answers are Trino 476's (the oracle, `lake sql --engine trino`), types included.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { translateStatement } from '../../src/dialect/translate/index.js';

let engine: AthenaLocalEngine;

beforeAll(async () => {
  engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-zoned-cast-')), inMemory: true, threads: 1 });
});
afterAll(async () => engine.close());

const translated = (sql: string) => {
  const [step] = translateStatement(sql, { lakeRoot: '/lake', database: 'default' }).steps;
  return step.kind === 'sql' ? step.sql : '';
};

describe('casts of zoned values to timestamp', () => {
  it.each<[cast: string, answer: string]>([
    ["CAST(from_iso8601_timestamp('2025-03-01T10:00:00+02:00') AT TIME ZONE 'UTC' AS TIMESTAMP)", '2025-03-01 08:00:00.000'],
    ['CAST(from_unixtime(1.5) AS TIMESTAMP)', '1970-01-01 00:00:01.500'],
    ["CAST(with_timezone(TIMESTAMP '2025-03-30 02:30:00', 'Europe/Berlin') AS timestamp)", '2025-03-30 03:30:00.000'],
    ["CAST(at_timezone(TIMESTAMP '2025-03-01 10:00:00.600 UTC', 'America/New_York') AS timestamp(0))", '2025-03-01 05:00:01.000'],
    ["CAST(coalesce(from_iso8601_timestamp(NULL), from_iso8601_timestamp('2025-01-01T00:00:00Z')) AS timestamp)", '2025-01-01 00:00:00.000'],
  ])('%s is the wall clock', async (cast, answer) => {
    expect(translated(`SELECT ${cast}`)).not.toMatch(/trino_to_timestamp/);
    const result = await engine.execute(`SELECT ${cast} AS v`);
    expect(result.rows).toEqual([[answer]]);
    expect(result.columns.map((c) => c.type)).toEqual(['timestamp(3)']);
  });

  it('keeps the general shim around an aggregate (its typed overloads cannot bind there)', async () => {
    const cast = "CAST(max(from_iso8601_timestamp('2025-01-01T10:00:00-05:00')) AS timestamp)";
    expect(translated(`SELECT ${cast}`)).toMatch(/trino_to_timestamp_any\(/);
    const result = await engine.execute(`SELECT ${cast} AS v`);
    expect(result.rows).toEqual([['2025-01-01 10:00:00.000']]);
  });

  it('keeps the general shim for an operand that may be text', () => {
    expect(translated('SELECT CAST(s AS timestamp) FROM t')).toMatch(/trino_to_timestamp\(s\)/);
  });
});
