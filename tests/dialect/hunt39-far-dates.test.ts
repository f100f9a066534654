// Found by the random tier's relations form, seed 20261305 (docs/issue-15-audit.md, "Random hunt with new seeds …
// branch hunt39"): a date or timestamp past the year 275,760 (or before -271,821) printed as 0NaN-NaN-NaN, the text
// of JavaScript's Date, which stops at ±100,000,000 days where DuckDB's and Trino's dates go on. Every value and type
// below is Trino 476's answer, asked of the shared Trino.
import { describeFunctions } from './functions/harness.js';

describeFunctions('dates and timestamps past the years JavaScript dates reach', [
  ['a date 100,000,000 days on', "date_add('day', 100000000, DATE '2025-03-10')", '+275815-11-22', 'date'],
  ['a timestamp 100,000,000 days on', "date_add('day', 100000000, TIMESTAMP '2025-03-10 10:00:00')", '+275815-11-22 10:00:00.000', 'timestamp(3)'],
  ['290,000 years on', "date_add('year', 290000, DATE '2025-03-10')", '+292025-03-10', 'date'],
  ['a timestamp 290,000 years on', "date_add('year', 290000, TIMESTAMP '2025-03-10 10:00:00.000')", '+292025-03-10 10:00:00.000', 'timestamp(3)'],
  ['a timestamp 290,000 years back', "date_add('year', -290000, TIMESTAMP '2025-03-10 10:00:00.000')", '-287975-03-10 10:00:00.000', 'timestamp(3)'],
  ['inside an array', "ARRAY[date_add('day', 100000000, DATE '2025-03-10')]", ['+275815-11-22'], 'array(date)'],
  // Inside JavaScript's range the text was right already; these stay as they were.
  ['100,000,000 days back', "date_add('day', -100000000, DATE '2025-03-10')", '-271766-06-28', 'date'],
  ['a leap day of a far year', "date_add('year', 290000, DATE '2024-02-29')", '+292024-02-29', 'date'],
  ['the day after a far leap day', "date_add('day', 1, date_add('year', 290000, DATE '2024-02-29'))", '+292024-03-01', 'date'],
]);
