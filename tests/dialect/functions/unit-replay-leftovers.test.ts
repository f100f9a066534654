// Silent leftovers of the replays of Trino's unit tests (docs/issue-15-audit.md, "Silent leftovers of the unit-test
// replays"). Values, types and errors are the shared Trino 476's.
import { describeFunctions } from './harness.js';

describeFunctions(
  'IN lists evaluate every element',
  [
    ['a literal found, the other element fine', '3 IN (3, 5 / y) FROM (VALUES 1) t(y)', true, 'boolean'],
    ['a literal not found, the other element fine', '3 IN (2, 5 / y) FROM (VALUES 1) t(y)', false, 'boolean'],
    ['a NULL element after the match', '3 IN (3, 5 / y) FROM (VALUES CAST(NULL AS integer)) t(y)', true, 'boolean'],
    ['a NULL left operand', 'NULL IN (3, 5 / y) FROM (VALUES 1) t(y)', null, 'boolean'],
    ['a text operand found', "'a' IN ('a', CAST(5 / y AS varchar)) FROM (VALUES 1) t(y)", true, 'boolean'],
  ],
  [
    // Trino 476 folds nothing away: DIVISION_BY_ZERO, INVALID_CAST_ARGUMENT (DuckDB's optimizer answered true).
    ['a literal list with a division by zero', '3 IN (2, 4, 3, 5 / 0)', /Division by zero/],
    ['a column element dividing by zero', '3 IN (3, 5 / y) FROM (VALUES 0) t(y)', /Division by zero/],
    ['NOT IN', '3 NOT IN (3, 5 / y) FROM (VALUES 0) t(y)', /Division by zero/],
    ['a failing cast of a literal', "3 IN (3, CAST('a' AS integer))", /Cannot cast 'a' to INT/],
    ['a text operand', "'a' IN ('a', CAST(5 / y AS varchar)) FROM (VALUES 0) t(y)", /Division by zero/],
    ['a date operand', "DATE '2020-01-01' IN (DATE '2020-01-01', CAST(s AS date)) FROM (VALUES 'x') t(s)", /cannot be cast to date/],
    ['inside a correlated subquery', '(SELECT 3 IN (3, 5 / y)) FROM (VALUES 0) t(y)', /Division by zero/],
  ],
);

describeFunctions(
  'IN lists evaluate every element after a constant expression',
  [
    ['a sum found, the other element fine', '1 + 2 IN (3, 5 / y) FROM (VALUES 1) t(y)', true, 'boolean'],
    ['a sum not found', '1 + 2 IN (4, 5 / y) FROM (VALUES 1) t(y)', false, 'boolean'],
    ['a NULL element after the match', '1 + 2 IN (3, 5 / y) FROM (VALUES CAST(NULL AS integer)) t(y)', true, 'boolean'],
    ['a call found', 'abs(-3) IN (3, 5 / y) FROM (VALUES 1) t(y)', true, 'boolean'],
    ['a column beside a constant', 'y + 2 IN (3, 5 / y) FROM (VALUES 1) t(y)', true, 'boolean'],
  ],
  [
    // Trino 476: DIVISION_BY_ZERO (DuckDB's optimizer folded the constant operand equal to 3 and answered true).
    ['a sum', '1 + 2 IN (3, 5 / y) FROM (VALUES 0) t(y)', /Division by zero/],
    ['NOT IN', '1 + 2 NOT IN (3, 5 / y) FROM (VALUES 0) t(y)', /Division by zero/],
    ['a call', 'abs(-3) IN (3, 5 / y) FROM (VALUES 0) t(y)', /Division by zero/],
    ['a call of a text', "length('abc') IN (3, 5 / y) FROM (VALUES 0) t(y)", /Division by zero/],
    ['inside a correlated subquery', '(SELECT 1 + 2 IN (3, 5 / y)) FROM (VALUES 0) t(y)', /Division by zero/],
    ['a call inside a correlated subquery', '(SELECT abs(-3) IN (3, 5 / y)) FROM (VALUES 0) t(y)', /Division by zero/],
  ],
);

describeFunctions(
  'booleans cast to decimal(p, p)',
  [
    ['false to decimal(1, 1)', 'CAST(false AS DECIMAL(1, 1))', '0.0', 'decimal(1,1)'],
    ['a boolean column to decimal(3, 1)', 'CAST(b AS DECIMAL(3, 1)) FROM (VALUES true) t(b)', '1.0', 'decimal(3,1)'],
    ['a decimal column to decimal(2, 2)', 'CAST(x AS DECIMAL(2, 2)) FROM (VALUES 0.5) t(x)', '0.50', 'decimal(2,2)'],
  ],
  [
    // Trino 476 answers 1.0 typed decimal(1,1) (out of the type's range), 1.000 typed decimal(3,3); DuckDB 0.1, 0.001.
    ['true to decimal(1, 1)', 'CAST(true AS DECIMAL(1, 1))', /unfaithful\/cast.*boolean cast to decimal\(p, p\)/],
    ['a boolean column to decimal(3, 3)', 'CAST(b AS DECIMAL(3, 3)) FROM (VALUES true) t(b)', /boolean cast to decimal\(p, p\)/],
    ['TRY_CAST of a boolean column', 'TRY_CAST(b AS DECIMAL(1, 1)) FROM (VALUES true) t(b)', /boolean cast to decimal\(p, p\)/],
  ],
);

describeFunctions('two-array functions of NULLs', [
  // Trino 476: array(unknown) (DuckDB's NULLs took the varchar form, array_union's stayed unknown).
  ['array_except(NULL, NULL)', 'array_except(NULL, NULL)', null, 'array(unknown)'],
  ['array_intersect(NULL, NULL)', 'array_intersect(NULL, NULL)', null, 'array(unknown)'],
  ['array_union(NULL, NULL)', 'array_union(NULL, NULL)', null, 'array(unknown)'],
  ['array_except of a NULL-typed column', 'array_except(x, x) FROM (VALUES NULL) t(x)', null, 'array(unknown)'],
  ['array_intersect of a column and NULL', 'array_intersect(x, NULL) FROM (VALUES NULL) t(x)', null, 'array(unknown)'],
  ['array_except of NULL and an integer array', 'array_except(NULL, ARRAY[1])', null, 'array(integer)'],
  ['array_except of a text array and NULL', "array_except(ARRAY['a'], NULL)", null, 'array(varchar)'],
  ['array_except of two arrays', 'array_except(ARRAY[1, 2], ARRAY[2])', [1], 'array(integer)'],
]);

describeFunctions(
  'text with a negative or short year cast to date and timestamps',
  [
    // Trino 476 reads a signed year (DuckDB's BC years); a date's year may have fewer than four digits.
    ['TRY_CAST to timestamp', "TRY_CAST('-2020-01-01' AS timestamp)", '-2020-01-01 00:00:00.000', 'timestamp(3)'],
    ['CAST to timestamp', "CAST('-2020-01-01 10:00' AS timestamp)", '-2020-01-01 10:00:00.000', 'timestamp(3)'],
    ['a fraction rounded', "CAST('-2020-02-29 10:00:00.1235' AS timestamp)", '-2020-02-29 10:00:00.124', 'timestamp(3)'],
    ['rounded into the year 0', "CAST('-0001-12-31 23:59:59.9996' AS timestamp)", '0000-01-01 00:00:00.000', 'timestamp(3)'],
    ['TRY_CAST to date', "TRY_CAST('-0001-01-01' AS date)", '-0001-01-01', 'date'],
    ['minus zero', "TRY_CAST('-0000-01-01' AS date)", '0000-01-01', 'date'],
    ['a date of a column', "TRY_CAST(s AS date) FROM (VALUES '-2020-01-01') t(s)", '-2020-01-01', 'date'],
    ['five digits', "CAST('-12020-01-01' AS date)", '-12020-01-01', 'date'],
    ['a two-digit year', "TRY_CAST('20-01-01' AS date)", '0020-01-01', 'date'],
    ['a one-digit negative year', "TRY_CAST('-1-01-01' AS date)", '-0001-01-01', 'date'],
    ['zoned', "TRY_CAST('-2020-01-01' AS timestamp with time zone)", '-2020-01-01 00:00:00.000 UTC', 'timestamp(3) with time zone'],
    ['zoned with an offset', "CAST('-2020-01-01 10:00 +01:00' AS timestamp with time zone)", '-2020-01-01 10:00:00.000 +01:00', 'timestamp(3) with time zone'],
    // A timestamp's year has four digits at least; a sign after `+` is no year.
    ['a short timestamp year', "TRY_CAST('-20-01-01' AS timestamp)", null, 'timestamp(3)'],
    ['two signs', "TRY_CAST('+-2020-01-01' AS date)", null, 'date'],
  ],
  [['no such day', "CAST('-2021-02-29' AS date)", /Value cannot be cast to date: -2021-02-29/]],
);
