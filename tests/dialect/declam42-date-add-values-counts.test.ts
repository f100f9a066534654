// date_add whose count is a column of literal VALUES rows (issue 15, docs/issue-15-audit.md, sil41's and declam42's
// sections): Trino 476 inlines such rows and folds the projection while planning, an IF or CASE branch not taken too,
// and fails where the count overflows a Java int or Joda's years ("The calculation caused an overflow: 1900 +
// 2147483647"); the local engine answered the branch taken (1900-03-01). Refused at lint now (unfaithful/date-out-of-range,
// try-escapes.ts dateAddFoldFails). Every answer and failure below is the shared Trino 476's, asked on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const REFUSED = /date-out-of-range.*moves the date past Athena's range; Athena computes the call while planning over literal rows/;

describe('date_add with a count read from literal VALUES rows', () => {
  // Trino 476: GENERIC_INTERNAL_ERROR "The calculation caused an overflow: 1900 + 2147483647" (the first three),
  // "Magnitude of add amount is too large: 6442450941" (quarter), "integer overflow" (years past an int).
  it.each<[string]>([
    ["SELECT if(b, d, date_add('year', n, d)) AS v FROM (VALUES (TRUE, DATE '1900-03-01', 2147483647)) t(b, d, n)"],
    [
      "SELECT CASE WHEN b THEN d ELSE date_add('year', n, d) END AS v FROM (VALUES (TRUE, DATE '1900-03-01', 2147483647), (TRUE, DATE '2000-01-01', 1)) AS t(b, d, n)",
    ],
    ["WITH w(b, d, n) AS (VALUES (TRUE, DATE '1900-03-01', 2147483647)) SELECT if(b, d, date_add('year', n, d)) AS v FROM w"],
    ["SELECT if(b, d, date_add('quarter', n, d)) AS v FROM (VALUES (TRUE, DATE '1900-03-01', 2147483647)) t(b, d, n)"],
    ["SELECT if(b, d, date_add('year', n, d)) AS v FROM (VALUES (TRUE, DATE '1900-03-01', -300000000000)) t(b, d, n)"],
  ])('%s is refused', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });

  it('answers as Trino 476 where the folded call does not fail (months of an int, years within range)', async () => {
    const sql =
      "SELECT if(b, d, date_add('month', n, d)) AS a, if(b, d, date_add('year', m, d)) AS c, if(b, d, date_add('year', k, d)) AS e FROM (VALUES (TRUE, DATE '1900-03-01', 2147483647, 5, 6000000)) t(b, d, n, m, k)";
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows: [['1900-03-01', '1900-03-01', '1900-03-01']], types: ['date', 'date', 'date'] });
  });
});
