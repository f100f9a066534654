// How `lake sql` prints dates far from today: Java's LocalDate text, as Trino's client shows it (`+` before a year past
// 9999). JavaScript's Date ends at year 275760, where DuckDB's and Trino's dates go on; those printed "0NaN-NaN-NaN".
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../helpers/io.js';

const rows = async (query: string): Promise<unknown[][]> => {
  const io = captureIo(mkdtempSync(join(tmpdir(), 'lake-far-dates-')));
  expect(await main(['sql', '--lake', io.cwd, '--format', 'json', '-e', query], io)).toBe(0);
  return (JSON.parse(io.out) as { rows: unknown[][] }).rows;
};

describe('dates past the reach of JavaScript Date', () => {
  // Each expected text is Trino 476's answer to the same SELECT (asked on 2026-12-07).
  it.each([
    ["from_iso8601_date('2020123')", '+2020123-01-01'],
    ["from_iso8601_date('-1000000-03-01')", '-1000000-03-01'],
    ["from_iso8601_date('275760-09-14')", '+275760-09-14'],
    ["date_add('day', 1, from_iso8601_date('275760-09-13'))", '+275760-09-14'],
    ["from_iso8601_date('1000000-02-29')", '+1000000-02-29'],
  ])('%s is %s', async (expression, text) => {
    expect(await rows(`SELECT ${expression} AS v`)).toEqual([[text]]);
  });

  it('days across four centuries past year 275760 and near 1970 print as the calendar DuckDB computes', async () => {
    // Leap years by the Gregorian rule (276000 and 2000 are, 276100 and 1900 are not): the printed year, month and
    // day agree with year/month/day_of_month, which DuckDB computes itself; every 5th day of 146,097 (one cycle). (date_add past
    // DuckDB's timestamps, year 294247, fails locally: loud, listed in docs/issue-15-audit.md.)
    for (const start of ['276000-01-01', '1800-01-01', '-2000-01-01']) {
      const found = await rows(
        `SELECT d, year(d), month(d), day_of_month(d) FROM (SELECT date_add('day', 5 * (x * 1000 + y), from_iso8601_date('${start}')) AS d FROM UNNEST(sequence(0, 29)) AS a(x) CROSS JOIN UNNEST(sequence(0, 999)) AS b(y) WHERE x * 1000 + y < 29220) ORDER BY d`,
      );
      expect(found).toHaveLength(29_220);
      for (const [text, year, month, day] of found) {
        const sign = Number(year) < 0 ? '-' : Number(year) > 9999 ? '+' : '';
        const expected = `${sign}${String(Math.abs(Number(year))).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        if (text !== expected) expect(text).toBe(expected);
      }
    }
  });
});
