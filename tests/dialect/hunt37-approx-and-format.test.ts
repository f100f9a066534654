// Found by hand beside the random tier's runs of seeds 20261294 and on (docs/issue-15-audit.md, "Random hunt with new
// seeds … branch hunt37"): approx_percentile and approx_distinct answered DuckDB's own estimate or pick where Trino 476
// answers another value or fails, and format('%.1s') split an emoji as Java does but wrote the half as U+FFFD. Every
// value and type below is Trino 476's answer, and every error Trino's message, asked of the shared Trino; a refusal
// stands where Trino answers a value the local engine does not reproduce.
import { describeFunctions } from './functions/harness.js';

const UP_TO = (n: number) => `(SELECT * FROM UNNEST(sequence(1, ${n}))) t(x)`;
const FOUR_DATES = "(VALUES DATE '2025-02-10', DATE '1969-12-01', DATE '2024-01-29', DATE '1900-02-01') t(d)";

describeFunctions('format(): a precision that cuts a surrogate pair leaves a lone surrogate, which Trino writes as ?', [
  ['half of an emoji', "format('%.1s', '🙂x')", '?', 'varchar'],
  ['padded to a width', "format('%-5.1s|', '🙂')", '?    |', 'varchar'],
  ['one emoji and a half', "format('%.3s', '🙂🙂')", '🙂?', 'varchar'],
  ['a whole pair is kept', "format('%.2s', '🙂🙂')", '🙂', 'varchar'],
  ['upper case', "format('%.1S', 'x🙂')", 'X', 'varchar'],
]);

describeFunctions(
  "approx_percentile: the sorted element up to 39 values, Trino's checks of the percentile",
  [
    ['39 doubles', `approx_percentile(x * 1.5e0, 0.5) FROM ${UP_TO(39)}`, 30, 'double'],
    ['39 integers, two percentiles', `approx_percentile(x, ARRAY[0.1, 0.9]) FROM ${UP_TO(39)}`, [4, 36], 'array(bigint)'],
    ['a NULL percentile skips every row', 'approx_percentile(x, CAST(NULL AS double)) FROM (VALUES 1e0, 2e0) t(x)', null, 'double'],
    ['a percentile out of range over no rows', 'approx_percentile(x, 1.5) FROM (VALUES 1e0, 2e0) t(x) WHERE false', null, 'double'],
    ['a percentile out of range over NULL values only', 'approx_percentile(x, 1.5) FROM (VALUES CAST(NULL AS double)) t(x)', null, 'double'],
    ['an array of them over no rows', 'approx_percentile(x, ARRAY[1.5]) FROM (VALUES 1e0, 2e0) t(x) WHERE false', null, 'array(double)'],
  ],
  [
    ['a percentile above 1', 'approx_percentile(x, 1.5) FROM (VALUES 1e0, 2e0) t(x)', /Percentile must be between 0 and 1/],
    ['a percentile below 0', 'approx_percentile(x, -0.1) FROM (VALUES 1e0, 2e0) t(x)', /Percentile must be between 0 and 1/],
    ['a NaN percentile', 'approx_percentile(x, nan()) FROM (VALUES 1e0, 2e0) t(x)', /Percentile must be between 0 and 1/],
    ['one of an array out of range', 'approx_percentile(x, ARRAY[0.5, 1.5]) FROM (VALUES 1e0, 2e0) t(x)', /Percentile must be between 0 and 1/],
    ['a NULL in an array', 'approx_percentile(x, ARRAY[0.5, NULL]) FROM (VALUES 1e0, 2e0) t(x)', /Percentile cannot be null/],
    ['over a window', 'approx_percentile(x, 1.5) OVER () FROM (VALUES 1e0, 2e0) t(x)', /Percentile must be between 0 and 1/],
    // Trino 476: 30.75 (its t-digest interpolates from 40 values on; the sorted element is 31.5): refused.
    ['40 doubles', `approx_percentile(x * 1.5e0, 0.5) FROM ${UP_TO(40)}`, /approx_percentile over more than 39 values is refused locally/],
    ['40 values over a window', `approx_percentile(x, 0.5) OVER () FROM ${UP_TO(40)}`, /approx_percentile over more than 39 values/],
  ],
);

describeFunctions(
  'approx_distinct: exact while Trino is, over a window too; refused past that',
  [
    // DuckDB's estimate counted these 3.
    ['four dates over a window', `approx_distinct(d) OVER () FROM ${FOUR_DATES}`, 4, 'bigint'],
    [
      'four dates over a growing frame',
      `WITH t(d) AS (VALUES DATE '2025-02-10', DATE '1969-12-01', DATE '2024-01-29', DATE '1900-02-01')
       SELECT array_agg(a ORDER BY d) FROM (SELECT d, approx_distinct(d) OVER (ORDER BY d) AS a FROM t)`,
      [1, 2, 3, 4],
      'array(bigint)',
    ],
    ['100 integers over a window', `approx_distinct(x) OVER () FROM ${UP_TO(100)}`, 100, 'bigint'],
    ['250 integers', `approx_distinct(x) FROM ${UP_TO(250)}`, 250, 'bigint'],
    ['two values with a standard error of 0.1', 'approx_distinct(x, 0.1) FROM (VALUES 1, 2, 2) t(x)', 2, 'bigint'],
  ],
  [
    // Trino 476: 298 (DuckDB's estimate 339).
    ['300 integers', `approx_distinct(x) FROM ${UP_TO(300)}`, /approx_distinct counted more than 250 distinct values/],
    ['300 integers over a window', `approx_distinct(x) OVER () FROM ${UP_TO(300)}`, /approx_distinct counted more than 250 distinct values/],
    // Trino 476: 104 (DuckDB's estimate 96); its sketch of 128 buckets is exact to 2 values only.
    ['100 integers with a standard error of 0.1', `approx_distinct(x, 0.1) FROM ${UP_TO(100)}`, /approx_distinct counted more than 2 distinct values/],
  ],
);

describeFunctions('approx_percentile(DISTINCT x, p) picks among the distinct values (DuckDB failed: a macro takes no DISTINCT)', [
  ['over repeated values', 'approx_percentile(DISTINCT x, 0.5) FROM (VALUES 1, 1, 1, 2, 3) t(x)', 2, 'bigint'],
  ['the same without DISTINCT', 'approx_percentile(x, 0.5) FROM (VALUES 1, 1, 1, 2, 3) t(x)', 1, 'bigint'],
  ['an array of percentiles', 'approx_percentile(DISTINCT x, ARRAY[0.5, 0.9]) FROM (VALUES 1e0, 1e0, 1e0, 2e0, 3e0) t(x)', [2, 3], 'array(double)'],
  ['with FILTER', 'approx_percentile(DISTINCT x, 0.5) FILTER (WHERE x > 1) FROM (VALUES 1, 1, 1, 2, 3, 3) t(x)', 3, 'bigint'],
  ['30 distinct of 100 values', 'approx_percentile(DISTINCT x, 0.5) FROM (SELECT x % 30 AS x FROM UNNEST(sequence(1, 100)) u(x)) t(x)', 15, 'bigint'],
]);

describeFunctions(
  'approx_percentile of decimals is the real nearest the decimal picked; a bigint without an exact double fails',
  [
    // Found by the aggregates form, seed 20261296, case 265 (locally 1.0000001e-38: DuckDB's cast rounded twice).
    ['a decimal at scale 38', "approx_percentile(DECIMAL '0.00000000000000000000000000000000000001', 0.9)", 1e-38, 'real'],
    ['a decimal between two reals', "approx_percentile(x, 0.5) FROM (VALUES DECIMAL '16777217.5') t(x)", 16777218, 'real'],
    ['in an array', "approx_percentile(x, ARRAY[0.5]) FROM (VALUES DECIMAL '16777217.5', DECIMAL '1.5') t(x)", [16777218], 'array(real)'],
    [
      'the largest bigint (Java saturates 2^63 back to it)',
      "approx_percentile(x, 0.5) FROM (VALUES BIGINT '9223372036854775807', BIGINT '-9223372036854775808') t(x)",
      9223372036854775807n,
      'bigint',
    ],
    [
      '2^53 and an even bigint past it',
      "approx_percentile(x, 0.5) FROM (VALUES BIGINT '9007199254740992', BIGINT '-9007199254740994') t(x)",
      9007199254740992n,
      'bigint',
    ],
    ['such a bigint over no rows', "approx_percentile(x, 0.5) FROM (VALUES BIGINT '9007199254740993') t(x) WHERE false", null, 'bigint'],
  ],
  [
    ['2^53 + 1', "approx_percentile(x, 0.5) FROM (VALUES BIGINT '9007199254740993') t(x)", /no exact double representation for long: 9007199254740993/],
    [
      '2^63 - 2',
      "approx_percentile(x, ARRAY[0.5]) FROM (VALUES BIGINT '9223372036854775807', BIGINT '9223372036854775806') t(x)",
      /no exact double representation for long: 9223372036854775806/,
    ],
  ],
);
