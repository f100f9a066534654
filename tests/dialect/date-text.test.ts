// A date's text (CAST(date AS varchar), to_iso8601, dates in JSON) is Trino's: YYYY-MM-DD, the year as Java's ISO
// formatter writes it outside years 0-9999 (tests/dialect/functions/far-years.test.ts holds Trino 476's answers).
// trino_date_text takes DuckDB's own text for years 1000-9999, where it is the same (issue 18: ~0.14 s of CPU less
// per million dates); this compares it with the general rule (the year's text and strftime) on every day around the
// edges of that range and on the first and last days and 29 February of every year from -3000 to 12000.
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { registerShims } from '../../src/dialect/shims/index.js';
import { MACROS } from '../../src/dialect/shims/macros.js';

describe('the text of a date', () => {
  it("is DuckDB's own for years 1000-9999", () => {
    const macro = MACROS.find((m) => m.startsWith('trino_date_text(')) ?? '';
    expect(macro).toMatch(/CASE WHEN d BETWEEN DATE '1000-01-01' AND DATE '9999-12-31' THEN CAST\(d AS VARCHAR\)/);
  });

  it('is the general rule for every date tried, BC and past 9999 included', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await registerShims(connection).defineFor(connection, ['trino_date_text trino_year_text']);
      const days = (from: string, to: string) => `SELECT CAST(d AS DATE) AS d FROM generate_series(DATE '${from}', DATE '${to}', INTERVAL 1 DAY) t(d)`;
      const yearly = (month: number, day: number) =>
        `SELECT make_date(y, ${month}, ${day}) AS d FROM range(-3000, 12000) t(y) WHERE ${month} <> 2 OR ${day} <> 29 OR (y % 4 = 0 AND (y % 100 <> 0 OR y % 400 = 0))`;
      const dates = [days('0990-01-01', '1010-12-31'), days('9990-01-01', '9999-12-31'), yearly(1, 1), yearly(12, 31), yearly(2, 29)].join(' UNION ALL ');
      const reader = await connection.runAndReadAll(
        `SELECT count(*) FILTER (trino_date_text(d) IS DISTINCT FROM trino_year_text(year(d), '') || strftime(d, '-%m-%d')),
                count(*) FILTER (year(d) < 1), count(*) FILTER (year(d) > 9999), count(*)
         FROM (${dates})`,
      );
      const [differing, beforeOneAd, pastTheRange, all] = reader.getRows()[0].map(Number);
      expect(differing).toBe(0);
      expect(beforeOneAd).toBeGreaterThan(6000);
      expect(pastTheRange).toBeGreaterThan(4000);
      expect(all).toBeGreaterThan(30000);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
