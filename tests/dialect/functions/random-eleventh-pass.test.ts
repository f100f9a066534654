// Found by hand beside the random tier's eleventh pass (docs/issue-15-audit.md, "Random tier, eleventh pass"): a
// condition that is neither a bare column or literal nor built by a comparison or predicate (a function call, CAST,
// CASE, arithmetic) is checked as a boolean as in Trino 476, and a scalar subquery as a condition no longer overflows
// the translator's stack. Values and messages are Trino 476's.
import { describeFunctions } from './harness.js';

describeFunctions(
  'conditions of any operand type, eleventh random pass',
  [
    ['a boolean function as the WHERE condition', 'WITH t(x) AS (VALUES 0, 2) SELECT x FROM t WHERE contains(ARRAY[2], x) ORDER BY x', 2, 'integer'],
    [
      'a boolean CAST and a boolean function as AND terms',
      "WITH t(x) AS (VALUES 0, 2) SELECT x FROM t WHERE CAST(x AS boolean) AND regexp_like(CAST(x AS varchar), '2') ORDER BY x",
      2,
      'integer',
    ],
    [
      'a scalar subquery as the whole WHERE condition (was: Maximum call stack size exceeded)',
      'WITH t(x) AS (VALUES 1) SELECT x FROM t WHERE (SELECT true) ORDER BY x',
      1,
      'integer',
    ],
    ['a scalar subquery as an AND term', 'WITH t(x) AS (VALUES 0, 2) SELECT x FROM t WHERE x > 0 AND (SELECT true) ORDER BY x', 2, 'integer'],
    ['a boolean function as the IF condition', "IF(starts_with('ab', 'a'), 1, 2)", 1, 'integer'],
  ],
  [
    [
      'a function of integer type as the WHERE condition',
      'x FROM (VALUES 1, 2) t(x) WHERE abs(x)',
      /WHERE clause must evaluate to a boolean: actual type integer/,
    ],
    ['a CAST to integer of NULL as the WHERE condition', '1 WHERE CAST(NULL AS integer)', /WHERE clause must evaluate to a boolean: actual type integer/],
    [
      'a CASE of integers as the WHERE condition',
      'x FROM (VALUES 0, 2) t(x) WHERE CASE WHEN x > 0 THEN 1 ELSE 0 END',
      /WHERE clause must evaluate to a boolean: actual type integer/,
    ],
    ['a sum as the NOT operand', 'x FROM (VALUES 0, 2) t(x) WHERE NOT x + 0', /Value of logical NOT expression must evaluate to a boolean \(actual: integer\)/],
    [
      'a product as the FILTER condition',
      'count(*) FILTER (WHERE x * 1) FROM (VALUES 0, 2) t(x)',
      /Filter expression must evaluate to a boolean \(actual: integer\)/,
    ],
    [
      'a difference as the CASE WHEN condition',
      'CASE WHEN x - 1 THEN 1 END FROM (VALUES 0) t(x)',
      /CASE WHEN clause must evaluate to a boolean \(actual: integer\)/,
    ],
    [
      'a sum as the JOIN ON condition',
      'a.x FROM (VALUES 0, 2) a(x) JOIN (VALUES 2) b(y) ON a.x + b.y',
      /JOIN ON clause must evaluate to a boolean: actual type integer/,
    ],
    [
      'a difference as an OR term',
      'x FROM (VALUES 0, 2) t(x) WHERE x BETWEEN 0 AND 1 OR abs(x) - 2',
      /Logical expression term must evaluate to a boolean \(actual: integer\)/,
    ],
  ],
);

// Found by the columns form, seed 20261280, case 194: format('%e', from_ieee754_64(X'8000000000000000')) (-0.0).
describeFunctions('format of negative zeros and decimal zeros, eleventh random pass', [
  ['%e of a double -0.0', "format('%e', -0.0E0)", '-0.000000e+00', 'varchar'],
  ['%f of a double -0.0', "format('%f', -0.0E0)", '-0.000000', 'varchar'],
  ['%.2f of a double that rounds to zero', "format('%.2f', -0.001E0)", '-0.00', 'varchar'],
  ['%(f of a double -0.0', "format('%(f', -0.0E0)", '(0.000000)', 'varchar'],
  ['%.2f of a decimal that rounds to zero', "format('%.2f', DECIMAL '-0.001')", '-0.00', 'varchar'],
  ['%.2f of a decimal zero written negative', "format('%.2f', DECIMAL '-0.00')", '0.00', 'varchar'],
  ['%e of a decimal zero: its scale is the exponent', "format('%e', DECIMAL '0.00')", '0.000000e-02', 'varchar'],
  ['%e of a double zero', "format('%e', 0.0E0)", '0.000000e+00', 'varchar'],
]);

// count_if takes a boolean only in Trino 476; DuckDB's CASE WHEN cast an integer.
describeFunctions(
  'count_if of another type than boolean, eleventh random pass',
  [
    ['count_if of a comparison', 'WITH t(x) AS (VALUES 0, 2) SELECT count_if(x > 0) FROM t', 1, 'bigint'],
    ['count_if of NULL', 'WITH t(x) AS (VALUES 0, 2) SELECT count_if(NULL) FROM t', 0, 'bigint'],
  ],
  [['count_if of an integer', 'count_if(x) FROM (VALUES 0, 2) t(x)', /Unexpected parameters \(integer\) for function count_if. Expected: count_if\(boolean\)/]],
);
