// Differences the oracle's query forms found between the local engine and Trino 476 (ORACLE_FORM=columns, aggregates
// or windows: expressions over a small table's columns, aggregates and window functions; docs/issue-15-audit.md,
// "Found by the random oracle, seeds 20261208 and on"), kept fixed here without Java: each case is the value and type,
// or the failure, Trino 476 answered for the same SQL.
import { describeFunctions } from './harness.js';

const DOUBLES = "FROM (VALUES (1, DOUBLE '0.0'), (2, DOUBLE '-0.0'), (3, nan()), (4, NULL), (5, infinity()), (6, DOUBLE '1.0')) t(i, x)";

describeFunctions('differences found by the oracle over columns, aggregates and windows', [
  // histogram counts NaN as one key of its own, -0.0 with 0.0, and skips NULL (aggregates, seed 20261208).
  ['histogram of doubles with NaN', `histogram(x) ${DOUBLES}`, { '0.0': 2, '1.0': 1, Infinity: 1, NaN: 1 }, 'map(double, bigint)'],
  ['histogram of reals with NaN', `histogram(CAST(x AS real)) ${DOUBLES}`, { '0.0': 2, '1.0': 1, Infinity: 1, NaN: 1 }, 'map(real, bigint)'],
  [
    'histogram of NaN and values',
    "histogram(x) FROM (VALUES nan(), DOUBLE '1.0', nan(), DOUBLE '0.0') t(x)",
    { '0.0': 1, '1.0': 1, NaN: 2 },
    'map(double, bigint)',
  ],
  ['histogram with FILTER', `histogram(x) FILTER (WHERE i > 2) ${DOUBLES}`, { '1.0': 1, Infinity: 1, NaN: 1 }, 'map(double, bigint)'],
  ['histogram of only NULL', 'histogram(x) FROM (VALUES CAST(NULL AS double)) t(x)', null, 'map(double, bigint)'],
  ['histogram of varchar skips NULL', "histogram(x) FROM (VALUES 'a', 'b', 'a', NULL) t(x)", { a: 2, b: 1 }, 'map(varchar, bigint)'],
]);
