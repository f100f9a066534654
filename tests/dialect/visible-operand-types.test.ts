// Operands whose type the SQL shows and Trino 476 does not take (src/dialect/translate/visible-operand-types.ts,
// codepoint-argument.ts): refused at lint time, where the local engine answered. Trino 476's errors (the shared oracle,
// `lake sql --engine trino`):
// - `'5' * 2`: TYPE_MISMATCH "Cannot apply operator: varchar(1) * integer" (was 10 locally);
// - `'2025-01-01' + INTERVAL '1' DAY`: TYPE_MISMATCH "Cannot apply operator: varchar(10) + interval day to second";
// - `sqrt('4')`, `power('2', 3)`, `chr('65')`, `from_unixtime('1700000000')`: FUNCTION_NOT_FOUND "Unexpected parameters
//   (varchar(1)) for function sqrt" (were 2, 8, A, a timestamp);
// - `ARRAY[1] + ARRAY[2]`: TYPE_MISMATCH "Cannot apply operator: array(integer) + array(integer)" (was [1, 2]);
// - `cardinality('abc')`, `cardinality(5)`: FUNCTION_NOT_FOUND "Unexpected parameters (varchar(3)) for function
//   cardinality" (were 0);
// - `codepoint(s)` of a varchar column: FUNCTION_NOT_FOUND "Expected: codepoint(varchar(1))" (was 97).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';

let engine: AthenaLocalEngine;

beforeAll(async () => {
  engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-visible-operands-')), inMemory: true, threads: 1 });
});
afterAll(async () => engine.close());

describe('operands Athena refuses are refused at lint time, at the operator or call', () => {
  it.each<[sql: string, refusal: RegExp]>([
    ["SELECT '5' * 2", /<sql>:1:12: error \[unfaithful\/text-as-number\] Cannot apply operator \* to a varchar\(1\) literal/],
    ["SELECT 2 - '5'", /<sql>:1:10: error \[unfaithful\/text-as-number\] Cannot apply operator - to a varchar\(1\) literal/],
    ["SELECT '2025-01-01' + INTERVAL '1' DAY", /<sql>:1:21: error \[unfaithful\/text-as-number\] Cannot apply operator \+ to a varchar\(10\) literal/],
    [
      "SELECT sqrt('4')",
      /<sql>:1:8: error \[unfaithful\/text-as-number\] sqrt\(\) of a string literal: .*Unexpected parameters \(varchar\(1\)\) for function sqrt/,
    ],
    ["SELECT power('2', 3)", /<sql>:1:8: error \[unfaithful\/text-as-number\] power\(\) of a string literal/],
    ["SELECT chr('65')", /\[unfaithful\/text-as-number\] chr\(\) of a string literal: .*Unexpected parameters \(varchar\(2\)\) for function chr/],
    ["SELECT from_unixtime('1700000000')", /\[unfaithful\/text-as-number\] from_unixtime\(\) of a string literal/],
    ['SELECT ARRAY[1] + ARRAY[2]', /<sql>:1:17: error \[unfaithful\/collection-arithmetic\] Cannot apply operator \+ to an array or a map/],
    ['SELECT CAST(NULL AS ARRAY(INTEGER)) - 1', /<sql>:1:37: error \[unfaithful\/collection-arithmetic\]/],
    [
      "SELECT cardinality('abc')",
      /<sql>:1:8: error \[unfaithful\/cardinality-argument\] cardinality\(\) of a varchar\(3\): .*Unexpected parameters \(varchar\(3\)\) for function cardinality/,
    ],
    ['SELECT cardinality(5)', /<sql>:1:8: error \[unfaithful\/cardinality-argument\] cardinality\(\) of a number/],
    ['SELECT cardinality(CAST(x AS varchar)) FROM (VALUES 1) t(x)', /\[unfaithful\/cardinality-argument\] cardinality\(\) of a varchar/],
    ["SELECT codepoint(s) FROM (VALUES 'a') t(s)", /<sql>:1:8: error \[unfaithful\/codepoint-argument\] codepoint\(\) of a column/],
    ["SELECT codepoint(t.s) FROM (VALUES 'a') t(s)", /\[unfaithful\/codepoint-argument\] codepoint\(\) of a column/],
  ])('%s', async (sql, refusal) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusal);
  });
});

describe('their typed neighbours keep Trino’s answer and type', () => {
  it('typed literals in arithmetic, numbers in numeric functions, cardinality of arrays and maps, codepoint of one character', async () => {
    const result = await engine.execute(
      `SELECT DATE '2025-01-01' + INTERVAL '1' DAY AS a, DECIMAL '1.5' * 2 AS b, -5 + 2 AS c, 'a' || 'b' AS d,
         cardinality(ARRAY[1, 2]) AS e, cardinality(MAP(ARRAY['k'], ARRAY[1])) AS f, codepoint('a') AS g,
         codepoint(CAST(s AS varchar(1))) AS h, sqrt(4) AS i, x - 1 AS j, cardinality(NULL) AS k,
         TIMESTAMP '2025-01-01 00:00:00' AT TIME ZONE 'UTC' + INTERVAL '1' DAY AS l, from_unixtime(0, 'UTC') AS m, from_base('ff', 16) AS n
       FROM (VALUES (1, 'z')) t(x, s)`,
    );
    expect(result.columns.map((c) => c.type)).toEqual([
      'date',
      'decimal(12,1)',
      'integer',
      'varchar',
      'bigint',
      'bigint',
      'integer',
      'integer',
      'double',
      'integer',
      'bigint',
      'timestamp(3) with time zone',
      'timestamp(3) with time zone',
      'bigint',
    ]);
    expect(result.rows[0]).toEqual([
      '2025-01-02',
      '3.0',
      -3,
      'ab',
      2,
      1,
      97,
      122,
      2,
      0,
      null,
      '2025-01-02 00:00:00.000 UTC',
      '1970-01-01 00:00:00.000 UTC',
      255,
    ]);
  });
});
