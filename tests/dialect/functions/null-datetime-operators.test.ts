// + and - between a bare NULL and an INTERVAL or TIMESTAMP literal. NULL is `unknown` in Trino 476, which then cannot
// choose among the date, time, timestamp and interval overloads of the operator: "AMBIGUOUS_FUNCTION_CALL: Could not
// choose a best candidate operator. Explicit type casts must be added." (the shared oracle), where DuckDB answers a
// NULL date or timestamp. Those are refused at lint; the ones Trino resolves answer its value and type.
// Operators: https://trino.io/docs/current/functions/datetime.html#date-and-time-operators
import { describe, expect, it } from 'vitest';
import { checkFaithful } from '../../../src/dialect/lint/index.js';
import { describeFunctions } from './harness.js';

describeFunctions(
  'NULL beside a datetime literal',
  [
    ['INTERVAL - NULL', "INTERVAL '1' DAY - NULL", null, 'interval day to second'],
    ['NULL * INTERVAL', "NULL * INTERVAL '1' DAY", null, 'interval day to second'],
    ['NULL - TIMESTAMP', "NULL - TIMESTAMP '2024-01-01 00:00:00'", null, 'interval day to second'],
    ['DATE + NULL', "DATE '2024-01-01' + NULL", null, 'date'],
    ['DATE + NULL + INTERVAL adds the interval to a date', "DATE '2024-01-01' + NULL + INTERVAL '1' DAY", null, 'date'],
    ['DATE + INTERVAL + NULL adds NULL to a date', "DATE '2024-01-01' + INTERVAL '1' DAY + NULL", null, 'date'],
  ],
  [
    ['NULL + INTERVAL', "NULL + INTERVAL '1' DAY", /ambiguous-null-operator/],
    ['(NULL) + INTERVAL', "(NULL) + INTERVAL '2' HOUR", /ambiguous-null-operator/],
    ['NULL - INTERVAL of months', "NULL - INTERVAL '1' MONTH", /ambiguous-null-operator/],
    ['INTERVAL + NULL', "INTERVAL '1' DAY + NULL", /ambiguous-null-operator/],
    ['INTERVAL of months + NULL', "INTERVAL '1' MONTH + NULL", /ambiguous-null-operator/],
    ['-INTERVAL + NULL', "-INTERVAL '1' DAY + NULL", /ambiguous-null-operator/],
    ['NULL - INTERVAL - NULL', "NULL - INTERVAL '1' DAY - NULL", /ambiguous-null-operator/],
    ['NULL + TIMESTAMP', "NULL + TIMESTAMP '2024-01-01 00:00:00'", /ambiguous-null-operator/],
    ['TIMESTAMP + NULL', "TIMESTAMP '2024-01-01 00:00:00' + NULL", /ambiguous-null-operator/],
    ['TIMESTAMP - NULL', "TIMESTAMP '2024-01-01 00:00:00' - NULL", /ambiguous-null-operator/],
  ],
);

describe('lint of NULL ± INTERVAL', () => {
  it('refuses at the operator, naming the cast to write', () => {
    expect(checkFaithful("SELECT\n  NULL + INTERVAL '1' DAY AS v", { file: 'sql/transforms/m.sql' })).toEqual([
      expect.objectContaining({
        file: 'sql/transforms/m.sql',
        line: 2,
        col: 8,
        rule: 'unfaithful/ambiguous-null-operator',
        hint: expect.stringContaining('CAST(NULL AS timestamp)'),
      }),
    ]);
  });
});
