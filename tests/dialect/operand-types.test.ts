// Operands of types Trino 476 does not take where DuckDB casts and answers, so the analyst's file ran locally and
// broke on Athena. Every expectation is Trino 476's (the oracle, `lake sql --engine trino`):
// - `date ± integer`: "Cannot apply operator: date + integer" (https://trino.io/docs/current/functions/datetime.html#date-and-time-operators:
//   a date takes an interval);
// - `varchar AT TIME ZONE`: "Type of value must be a time or timestamp with or without time zone (actual varchar(10))"
//   (https://trino.io/docs/current/functions/datetime.html#time-zone-conversion);
// - `true = 1`, `date_col = int_col`: "Cannot apply operator: boolean = integer" (https://trino.io/docs/current/functions/comparison.html);
// - sum(NULL), avg(NULL): AMBIGUOUS_FUNCTION_CALL "Could not choose a best candidate operator. Explicit type casts must be added.";
// - format('%c', 65): "Invalid format string: %c (IllegalFormatConversion: c != java.lang.Long)" (Java's %c takes no Long);
// - codepoint(CAST('a' AS varchar)): "Expected: codepoint(varchar(1))" (https://trino.io/docs/current/functions/string.html#codepoint).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';

let engine: AthenaLocalEngine;

beforeAll(async () => {
  engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-operand-types-')), inMemory: true, threads: 1 });
});
afterAll(async () => engine.close());

const ROW = "FROM (VALUES (DATE '2025-01-01', 1, true, '2025-01-01 00:00:00')) AS t(d, x, b, s)";

describe('operands Athena refuses are refused locally', () => {
  it.each<[sql: string, trino: RegExp]>([
    ["SELECT DATE '2025-01-01' + 1", /^TYPE_MISMATCH: Cannot apply operator: date \+ integer/],
    [`SELECT d - 1 ${ROW}`, /^TYPE_MISMATCH: Cannot apply operator: date - integer/],
    [`SELECT 1 + d ${ROW}`, /^TYPE_MISMATCH: Cannot apply operator: date \+ integer/],
    ['SELECT current_date + 1', /^TYPE_MISMATCH: Cannot apply operator: date \+ integer/],
    ["SELECT '2025-01-01' AT TIME ZONE 'UTC'", /^TYPE_MISMATCH: Type of value must be a time or timestamp with or without time zone \(actual varchar\)/],
    [`SELECT s AT TIME ZONE 'UTC' ${ROW}`, /^TYPE_MISMATCH: Type of value must be a time or timestamp with or without time zone \(actual varchar\)/],
    ['SELECT true = 1', /^TYPE_MISMATCH: Cannot apply operator: values of two types Athena does not compare/],
    [`SELECT x = true ${ROW}`, /^TYPE_MISMATCH: Cannot apply operator: values of two types Athena does not compare/],
    [`SELECT d = x ${ROW}`, /^TYPE_MISMATCH: Cannot apply operator: values of two types Athena does not compare/],
    ['SELECT sum(NULL)', /ambiguous-call\] sum\(NULL\): Could not choose a best candidate operator\. Explicit type casts must be added/],
    ['SELECT avg(NULL)', /ambiguous-call\] avg\(NULL\): Could not choose a best candidate operator\. Explicit type casts must be added/],
    ["SELECT format('%c', 65)", /^Invalid format string: %c \(IllegalFormatConversion: c != java\.lang\.Long/],
    ["SELECT format('%c', 'a')", /^Invalid format string: %c \(IllegalFormatConversion: c != java\.lang\.Long, java\.lang\.String/],
    // codepoint takes a varchar(1) only (FUNCTION_NOT_FOUND "Unexpected parameters (varchar) for function codepoint").
    ["SELECT codepoint(CAST('a' AS varchar))", /<sql>:1:8: error \[unfaithful\/codepoint-argument\] Unexpected parameters \(varchar\) for function codepoint/],
    ["SELECT codepoint(CAST('a' AS varchar(2)))", /Unexpected parameters \(varchar\(2\)\) for function codepoint\. Expected: codepoint\(varchar\(1\)\)/],
  ])('%s', async (sql, trino) => {
    await expect(engine.execute(sql)).rejects.toThrow(trino);
  });
});

describe('their typed neighbours keep Trino’s answer and type', () => {
  it('date ± interval, date - date, integer ± integer, a cast text at a zone, true = CAST(1 AS boolean), typed NULL aggregates, %c of NULL', async () => {
    const result = await engine.execute(
      `SELECT d + INTERVAL '1' DAY AS a, d - DATE '2024-12-31' AS b, x + 1 AS c, 1 - x AS e,
         CAST(s AS timestamp) AT TIME ZONE 'UTC' AS f, true = CAST(1 AS boolean) AS g, b = true AS h,
         min(NULL) AS i, sum(CAST(NULL AS integer)) AS j, avg(CAST(NULL AS double)) AS k, format('%c', NULL) AS l,
         codepoint(CAST('a' AS varchar(1))) AS m ${ROW} GROUP BY d, x, s, b`,
    );
    expect(result.columns.map((c) => c.type)).toEqual([
      'date',
      'interval day to second',
      'integer',
      'integer',
      'timestamp(3) with time zone',
      'boolean',
      'boolean',
      'unknown',
      'bigint',
      'double',
      'varchar',
      'integer',
    ]);
    expect(result.rows).toEqual([['2025-01-02', '1 00:00:00.000', 2, 0, '2025-01-01 00:00:00.000 UTC', true, true, null, null, null, 'null', 97]]);
  });
});
