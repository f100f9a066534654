// Conditional expressions, comparison functions and session/introspection functions.
import { duckdb, refused, rewrite, shim, type FunctionFamily } from './entry.js';

export const CONDITIONAL: FunctionFamily = {
  coalesce: rewrite(
    'decimals whose common type needs more than 38 digits are refused (Athena keeps the scale), and values of types Athena does not coerce to one (1 and varchar)',
    '2+',
  ),
  nullif: rewrite('a NaN second argument matches nothing (NaN = NaN is false); values of types Athena does not compare (integer and varchar) are refused', '2'),
  if: rewrite('IF(c, a) gets the ELSE NULL Trino implies; results of types Athena does not coerce to one are refused', '2-3'),
  try: rewrite('errors of the argument become NULL; a date_add count that may not fit an int is refused inside (its overflow escapes try on Athena)', '1'),
  greatest: rewrite('NULL when any argument is NULL (DuckDB skips NULLs)', '1+'),
  least: rewrite('NULL when any argument is NULL (DuckDB skips NULLs)', '1+'),
  cast: rewrite('Trino types; CAST to varchar, timestamp, date and integer types follow Trino (rounding, formats)', '1'),
  try_cast: rewrite('as CAST, NULL on failure', '1'),
  typeof: refused('Trino type names (varchar(3), row(...)) are not what DuckDB reports', 'inspect types with DESCRIBE or the column types `lake sql` prints'),
  version: refused('the local engine is not the Athena engine', 'none: Athena reports its own version'),
  current_timezone: shim('trino_current_timezone', '0', "the session zone is UTC, as in Athena's default"),
  uuid: duckdb('0'),
  current_groups: refused('the local engine has no Athena principal or groups', 'none: group membership exists only on Athena'),
  invoker_principal: refused(
    'the local engine has no Athena principal (the IAM role or Identity Center identity of the query)',
    'none: the principal exists only on Athena',
  ),
  row: rewrite('ROW(...) with one field, or CAST to a named row type', '1+'),
  grouping: rewrite('bit set of the arguments not in the grouping set (standard SQL), an integer as in Trino', '1+'),
  random: shim('trino_random', '0-2', 'random(n) in [0, n) and random(m, n) in [m, n), of the bounds’ integer type'),
  rand: shim('trino_random', '0-2', 'random()'),
};
