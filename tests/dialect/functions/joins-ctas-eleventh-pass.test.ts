// Leftovers of joins, grouping sets and CTAS (docs/issue-15-audit.md, "Joins and CTAS leftovers, eleventh pass").
// Values, types and errors are the shared Trino 476's.
import { describeFunctions } from './harness.js';

describeFunctions(
  'booleans cast to decimal(p, p) inside a correlated subquery',
  [
    ['a decimal outer column', '(SELECT CAST(t.b AS DECIMAL(2, 2))) FROM (VALUES (1, 0.5)) t(v, b)', '0.50', 'decimal(2,2)'],
    ['a NULL outer column', '(SELECT CAST(t.b AS DECIMAL(2, 2))) FROM (VALUES (1, NULL)) t(v, b)', null, 'decimal(2,2)'],
    [
      'a decimal column of the subquery',
      'WITH s(z, b) AS (VALUES (1, 0.25)) SELECT (SELECT max(CAST(s.b AS DECIMAL(2, 2))) FROM s WHERE z = t.v) FROM (VALUES 1) t(v)',
      '0.25',
      'decimal(2,2)',
    ],
  ],
  [
    // Trino 476 answers 1.00 typed decimal(2,2) and 1.0 typed decimal(1,1) (out of the types' range); DuckDB gave 0.01, 0.1.
    ['an outer boolean column', '(SELECT CAST(t.b AS DECIMAL(2, 2))) FROM (VALUES (1, true)) t(v, b)', /boolean cast to decimal\(p, p\)/],
    [
      "a boolean column of the subquery's relation",
      'v, (SELECT max(CAST(s.b AS DECIMAL(1, 1))) FROM (VALUES (1, true)) s(z, b) WHERE z = t.v) FROM (VALUES 1) t(v)',
      /boolean cast to decimal\(p, p\)/,
    ],
  ],
);
