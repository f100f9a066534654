// year, month, day and hour of a plain TIMESTAMP literal (what `${period_start}` becomes in an hourly run's partition
// predicates) are translated to the bigint they are, which DuckDB binds at no cost; any other literal keeps the call.
// Values, types and errors are Trino 476's, asked of the shared Trino
// (https://trino.io/docs/current/functions/datetime.html: year(x), month(x), day(x), hour(x) return bigint).
import { describe, expect, it } from 'vitest';
import { translateStatement } from '../../src/dialect/translate/index.js';
import { describeFunctions } from './functions/harness.js';

describeFunctions(
  'fields of a TIMESTAMP literal',
  [
    ['year', "year(TIMESTAMP '2025-03-08 01:00:00.000')", 2025, 'bigint'],
    ['month', "month(TIMESTAMP '2025-03-08 01:00:00.000')", 3, 'bigint'],
    ['day', "day(TIMESTAMP '2025-03-08 01:00:00.000')", 8, 'bigint'],
    ['hour', "hour(TIMESTAMP '2025-03-08 23:59:59.999')", 23, 'bigint'],
    ['a date alone', "year(TIMESTAMP '2024-02-29')", 2024, 'bigint'],
    ['a leap day without seconds', "day(TIMESTAMP '2024-02-29 07:05')", 29, 'bigint'],
    ['the hour without seconds', "hour(TIMESTAMP '2024-02-29 07:05')", 7, 'bigint'],
    ['an hourly partition number', "year(TIMESTAMP '2025-03-08 01:00:00.000') * 1000000 + hour(TIMESTAMP '2025-03-08 01:00:00.000')", 2025000001, 'bigint'],
    ['a zoned literal keeps its own wall clock', "hour(TIMESTAMP '2025-03-08 01:00:00.000 +05:00')", 1, 'bigint'],
  ],
  [
    ['an invalid date fails', "day(TIMESTAMP '2025-02-29 00:00:00')", /2025-02-29 00:00:00/],
    // Trino 476: INVALID_LITERAL; refused at lint (DuckDB read hour 24 as the next day's midnight: 0).
    ['hour 24 is no hour', "hour(TIMESTAMP '2025-03-08 24:00:00')", /invalid-literal.*'2025-03-08 24:00:00' is not a valid TIMESTAMP literal/],
  ],
);

const translated = (expression: string): string => {
  const [step] = translateStatement(`SELECT ${expression}`, { lakeRoot: '/lake', database: 'default' }).steps;
  return step.kind === 'sql' ? step.sql : '';
};

describe('a TIMESTAMP literal’s field is a constant', () => {
  it.each([
    ["year(TIMESTAMP '2025-03-08 01:00:00.000')", 'CAST(2025 AS BIGINT)'],
    ["month(TIMESTAMP '2025-03-08 01:00:00.000')", 'CAST(3 AS BIGINT)'],
    ["day(TIMESTAMP '2025-03-08 01:00:00.000')", 'CAST(8 AS BIGINT)'],
    ["hour(TIMESTAMP '2025-03-08 01:00:00.000')", 'CAST(1 AS BIGINT)'],
  ])('%s', (expression, constant) => {
    expect(translated(expression)).toContain(constant);
    expect(translated(expression)).not.toContain('trino_wall');
  });

  // The constant is classified as the call on a column is: a comparison with it is neither dispatched on nested types
  // (trino_compare_any) nor NaN-guarded on its side, and arithmetic of it stays DuckDB's add()/multiply(), not the
  // typed trino_plus/trino_multiply whose overload choice DuckDB binds (what the fold saves would be spent there).
  const FROM = "FROM (VALUES (DOUBLE '1.5', TIMESTAMP '2025-01-01 00:00:00')) t(x, d)";
  it.each([['x > F'], ['x = F'], ['F * 1000000 + 1'], ['x BETWEEN F AND F + 1']])('%s is translated as with a column’s year', (template) => {
    const folded = translated(`${template.replaceAll('F', "year(TIMESTAMP '2025-03-08 01:00:00.000')")} ${FROM}`);
    const call = translated(`${template.replaceAll('F', 'year(d)')} ${FROM}`);
    expect(folded).toContain('CAST(2025 AS BIGINT)');
    expect(folded).toBe(call.replaceAll('year(trino_wall(d))', 'CAST(2025 AS BIGINT)'));
  });

  // Trino fails on these literals (INVALID_LITERAL) or reads them in their zone: the call stays, as before.
  it.each([
    ["day(TIMESTAMP '2025-02-29 00:00:00')"],
    ["hour(TIMESTAMP '2025-03-08 01:00:00.000 +05:00')"],
    ["year(TIMESTAMP '0999-03-08 01:00:00')"],
    ["year(DATE '2025-03-08')"],
  ])('%s keeps the call', (expression) => {
    expect(translated(expression)).toContain('trino_wall');
  });
});
