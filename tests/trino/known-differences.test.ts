// The known-differences list (tests/trino/known-differences.ts) must explain only its one effect: a difference that
// also differs in anything else still fails the oracle. Answers are written as the oracle prints them.
import { describe, expect, it } from 'vitest';
import { KNOWN_DIFFERENCES, knownDifference } from './known-differences.js';

describe('the known differences of the oracle', () => {
  it('is empty: every difference the oracle finds fails the tier', () => {
    expect(KNOWN_DIFFERENCES).toEqual([]);
  });

  it.each([
    // timestamp(0) literals, plain and zoned, are fixed (docs/trino-oracle.md §8): a `.000` is a difference again.
    [
      'zoned timestamp text',
      "SELECT CAST(TIMESTAMP '2025-01-01 10:00:00 +02:00' AS VARCHAR) AS v",
      '["2025-01-01 10:00:00.000 +02:00"] :: varchar',
      '["2025-01-01 10:00:00 +02:00"] :: varchar',
    ],
    [
      'zoned ISO 8601 text',
      "SELECT to_iso8601(TIMESTAMP '2025-03-10 10:00:00 UTC') AS v",
      '["2025-03-10T10:00:00.000Z"] :: varchar',
      '["2025-03-10T10:00:00Z"] :: varchar',
    ],
    [
      'a timestamp(0) at a time zone',
      "SELECT CAST((TIMESTAMP '2025-03-10 10:00:00' AT TIME ZONE 'Asia/Tokyo') AS varchar) AS v",
      '["2025-03-10 19:00:00.000 Asia/Tokyo"] :: varchar',
      '["2025-03-10 19:00:00 Asia/Tokyo"] :: varchar',
    ],
    [
      'plain timestamp(0) text',
      "SELECT CAST(TIMESTAMP '2025-01-01 10:00:00' AS VARCHAR) AS v",
      '["2025-01-01 10:00:00.000"] :: varchar',
      '["2025-01-01 10:00:00"] :: varchar',
    ],
    [
      'plain timestamp(0) text beside a zoned literal',
      "SELECT CAST(TIMESTAMP '2025-01-01 10:00:00' AS VARCHAR) || CAST(TIMESTAMP '2025-01-01 10:00:00 UTC' AS VARCHAR) AS v",
      '["2025-01-01 10:00:00.0002025-01-01 10:00:00 UTC"] :: varchar',
      '["2025-01-01 10:00:002025-01-01 10:00:00 UTC"] :: varchar',
    ],
    [
      'date_add of milliseconds on a timestamp(0)',
      "SELECT CAST(date_add('millisecond', 700, TIMESTAMP '2025-01-01 10:00:00') AS varchar) AS v",
      '["2025-01-01 10:00:00.700"] :: varchar',
      '["2025-01-01 10:00:01"] :: varchar',
    ],
    [
      'a zoned text with milliseconds Trino keeps',
      "SELECT CAST(TIMESTAMP '2025-01-01 10:00:00.000 UTC' AS varchar) AS v",
      '["2025-01-01 10:00:00.000 UTC"] :: varchar',
      '["2025-01-01 10:00:00 UTC"] :: varchar',
    ],
    [
      'another second in timestamp text',
      "SELECT CAST(TIMESTAMP '2025-01-01 10:00:01' AS VARCHAR) AS v",
      '["2025-01-01 10:00:01.000"] :: varchar',
      '["2025-01-01 10:00:00"] :: varchar',
    ],
    // decimal result types are fixed (issue 15): a decimal's scale is a difference again
    ['decimal scale', "SELECT round(DECIMAL '1.25') AS v", '["1.00"] :: decimal(3,2)', '["1"] :: decimal(2,0)'],
    ['decimal scale of a division', "SELECT DECIMAL '10.00' / 3 AS v", '["3.33"] :: decimal(13,2)', '["3.33"] :: decimal(4,2)'],
    ['a year past 9999 without its sign', "SELECT date_add('year', 40000, DATE '2025-03-31') AS v", '["42025-03-31"] :: date', '["+42025-03-31"] :: date'],
    ['another decimal value', "SELECT round(DECIMAL '1.25') AS v", '["2.00"] :: decimal(3,2)', '["1"] :: decimal(2,0)'],
    ['a decimal where Trino fails', "SELECT round(DECIMAL '1.25') AS v", '["1.00"] :: decimal(3,2)', 'error: NUMERIC_VALUE_OUT_OF_RANGE: x'],
    [
      'a value where Trino has NULL',
      "SELECT map_concat(CAST(NULL AS map(varchar, integer)), MAP(ARRAY['a'], ARRAY[1])) AS v",
      '[{"a":1}] :: map(varchar, integer)',
      '[null] :: map(varchar, integer)',
    ],
    [
      'another fraction of a second',
      "SELECT CAST(TIMESTAMP '1969-12-31 23:59:59.5 UTC' AS varchar) AS v",
      '["1969-12-31 23:59:59.600 UTC"] :: varchar',
      '["1969-12-31 23:59:59.5 UTC"] :: varchar',
    ],
    [
      'a decimal at its limit with another failure',
      "SELECT ceil(DECIMAL '0.00000000000000000000000000000000000001') AS v",
      '["1"] :: decimal(38,0)',
      'error: INVALID_FUNCTION_ARGUMENT: x',
    ],
    ['an array with a value beside the NULLs', 'SELECT ARRAY[NULL, 1] AS v', '[[null,1]] :: array(integer)', '[[null,1]] :: array(bigint)'],
    ['a typed NULL without its construct', 'SELECT 1 AS v', '[1] :: tinyint', '[1] :: integer'],
    ['an unknown type with another value', 'SELECT ARRAY[] AS v', '[[1]] :: array(integer)', '[[]] :: array(unknown)'],
    // rows 10, 11 and 12 are fixed or refused (issue 15): a difference of theirs fails the oracle again
    ['a typed NULL', 'SELECT (-CAST(NULL AS decimal(10,2))) AS v', '[null] :: integer', '[null] :: decimal(10,2)'],
    [
      'a decimal at its limit where Trino fails',
      "SELECT ceil(DECIMAL '0.00000000000000000000000000000000000001') AS v",
      '["1"] :: decimal(1,0)',
      'error: GENERIC_INTERNAL_ERROR: Index 38 out of bounds for length 38',
    ],
    [
      'an array of typed NULLs',
      "SELECT repeat(concat('a', json_format(CAST(NULL AS json)), 'a'), 2) AS v",
      '[[null,null]] :: array(integer)',
      '[[null,null]] :: array(varchar)',
    ],
    ['a row of NULL', 'SELECT ROW(NULL) AS v', '[{"field0":null}] :: row(integer)', '[{"field0":null}] :: row(unknown)'],
    [
      'an ambiguous concat',
      'SELECT concat(ARRAY[], ARRAY[1]) AS v',
      '[[1]] :: array(integer)',
      'error: AMBIGUOUS_FUNCTION_CALL: line 1:8: Could not choose a best candidate operator. Explicit type casts must be added.',
    ],
  ])('do not explain %s', (_what, sql, local, trino) => {
    expect(knownDifference(sql, local, trino)).toBeUndefined();
  });
});
