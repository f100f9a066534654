// Types, casts and statistics, fourth pass (docs/issue-15-audit.md): Trino 476's values, types and errors (the shared
// oracle, `lake sql --engine trino`), each case checked by breaking its fix once.
import { describeFunctions } from './harness.js';

// A column DuckDB types NULL (`SELECT NULL AS x`, UNNEST(ARRAY[])) is Trino's `unknown`. Trino picks the first form of
// abs, sign, floor, ceil, round (tinyint) and truncate (decimal(1,0)) for it (locally integer, or cast_to_type failed);
// reverse, substr, date_trunc, date_add and json_extract_scalar of it fail AMBIGUOUS_FUNCTION_CALL (locally NULL).
const AMBIGUOUS_SUM = /^AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator for (sum|avg)\(\) of a value of type unknown/;
const AMBIGUOUS = /^AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator for a value of type unknown/;
const NULL_COLUMN = 'FROM (SELECT NULL AS x) t';
describeFunctions(
  'NULL-typed columns and NULL arguments',
  [
    ['sign', `sign(x) ${NULL_COLUMN}`, null, 'tinyint'],
    ['floor', `floor(x) ${NULL_COLUMN}`, null, 'tinyint'],
    ['ceil', `ceil(x) ${NULL_COLUMN}`, null, 'tinyint'],
    ['ceiling', `ceiling(x) ${NULL_COLUMN}`, null, 'tinyint'],
    ['round', `round(x) ${NULL_COLUMN}`, null, 'tinyint'],
    ['round to a digit', `round(x, 1) ${NULL_COLUMN}`, null, 'tinyint'],
    ['truncate', `truncate(x) ${NULL_COLUMN}`, null, 'decimal(1,0)'],
    ['abs', `abs(x) ${NULL_COLUMN}`, null, 'tinyint'],
    ['substring (varchar forms only)', `substring(x, 1) ${NULL_COLUMN}`, null, 'varchar'],
    ['floor of a typed column beside a NULL one', 'floor(x) FROM (VALUES (2.5, NULL)) t(x, n)', '2', 'decimal(2,0)'],
    ['round of a double column', 'round(x, 1) FROM (VALUES (1.25E0, NULL)) t(x, n)', 1.3, 'double'],
    ['reverse of a varchar column beside a NULL one', "reverse(s) FROM (VALUES ('ab', NULL)) t(s, n)", 'ba', 'varchar'],
    ['split(NULL, …)[1]', "split(NULL, ',')[1]", null, 'varchar'],
    ['element_at(split(NULL, …), 1)', "element_at(split(NULL, ','), 1)", null, 'varchar'],
    ['regexp_split(NULL, …)[1]', "regexp_split(NULL, ',')[1]", null, 'varchar'],
    ['round(NULL, 1)', 'round(NULL, 1)', null, 'tinyint'],
    ['truncate(NULL)', 'truncate(NULL)', null, 'decimal(1,0)'],
  ],
  [
    ['sum over UNNEST(ARRAY[])', 'sum(x) FROM UNNEST(ARRAY[]) AS t(x)', AMBIGUOUS_SUM],
    ['avg over UNNEST(ARRAY[NULL])', 'avg(x) FROM UNNEST(ARRAY[NULL]) AS t(x)', AMBIGUOUS_SUM],
    ['sum over UNNEST(ARRAY[NULL, NULL]) by group', 'sum(x) FROM UNNEST(ARRAY[NULL, NULL]) AS t(x) GROUP BY x', AMBIGUOUS_SUM],
    ['reverse', `reverse(x) ${NULL_COLUMN}`, AMBIGUOUS],
    ['substr', `substr(x, 1) ${NULL_COLUMN}`, AMBIGUOUS],
    ['substr of three arguments', `substr(x, 1, 2) ${NULL_COLUMN}`, AMBIGUOUS],
    ['date_trunc', `date_trunc('day', x) ${NULL_COLUMN}`, AMBIGUOUS],
    ['date_add', `date_add('day', 1, x) ${NULL_COLUMN}`, AMBIGUOUS],
    ['json_extract_scalar', `json_extract_scalar(x, '$.a') ${NULL_COLUMN}`, AMBIGUOUS],
  ],
);

// A scalar subquery compared with a number literal: Trino 476 fails TYPE_MISMATCH "Cannot apply operator: varchar(1) =
// integer" for a text (locally true for '1', DuckDB cast one side); numbers compare.
const TYPE_MISMATCH = /^TYPE_MISMATCH: Cannot apply operator: values of two types Athena does not compare/;
describeFunctions(
  'scalar subqueries compared with a number literal',
  [
    ['an integer', '(SELECT 1) = 1', true, 'boolean'],
    ['a count', '(SELECT count(*) FROM (VALUES 1) t(x)) > 0', true, 'boolean'],
    ['a max of integers', '(SELECT max(x) FROM (VALUES 1, 2) t(x)) = 2', true, 'boolean'],
    ['a double', '(SELECT 1.5E0) = 1', false, 'boolean'],
  ],
  [
    ['a text', "(SELECT '1') = 1", TYPE_MISMATCH],
    ['a text column, the literal first', "1 < (SELECT s FROM (VALUES '2') t(s))", TYPE_MISMATCH],
    ['a date', "(SELECT DATE '2025-01-01') = 1", TYPE_MISMATCH],
    ['a boolean', '(SELECT true) = 1', TYPE_MISMATCH],
  ],
);
