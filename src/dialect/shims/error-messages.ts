// DuckDB's wording of the errors that Trino raises too, rewritten in Trino's words, so that a user reads what Athena
// would say (Trino 476's messages, read from scripts/trino.sh): a shim's trino_fail('…') message alone, integer
// overflow, casts out of range and text that is not a number. Other messages are left as DuckDB wrote them.
import { DUCKDB_ONLY, FUNCTION_TABLE } from '../functions/index.js';
import { isTrivia, keyword, tokenize } from '../tokens.js';
import { FAIL_MARKER } from './fail-marker.js';
import { javaDouble } from './json-canonical.js';

/** A decimal number as text (what Trino's cast reads as a number, too large when it does not fit). */
const JAVA_SPECIAL_DOUBLES: Record<string, string> = { nan: 'NaN', '-nan': 'NaN', inf: 'Infinity', '-inf': '-Infinity' };
const NUMBER_TEXT = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

const INTEGER_NAMES: Record<string, string> = { INT8: 'tinyint', INT16: 'smallint', INT32: 'integer', INT64: 'bigint' };
const CAST_NAMES: Record<string, string> = { INT8: 'TINYINT', INT16: 'SMALLINT', INT32: 'INT', INT64: 'BIGINT' };
const OPERATIONS: Record<string, string> = { addition: 'addition', subtraction: 'subtraction', multiplication: 'multiplication' };

/**
 * The struct key whose absence refuses a construct while DuckDB binds it (translate/decimal-common-type.ts,
 * trino_contains_in_try): the binder's "Could not find key" then reads as the refusal. DuckDB lower-cases the key, so
 * the key names the refusal and the message is here.
 */
export const REFUSED_KEY_MARKER = 'trino_refused:';
/**
 * `value`, or a refusal while DuckDB binds (`refusal`: a key of REFUSALS) where a value whose type `types` read (SQL
 * texts: `x`, `min(x) OVER (…)`, `a, b`) is a map or holds one: Trino 476 has no order of maps (ORDER BY and PARTITION
 * BY keys, min/max and greatest/least, comparisons, grouping). typeof folds while binding; other types keep `value`.
 */
export const mapRefused = (types: readonly string[], value: string, refusal: string): string =>
  `{'trino_v': ${value}}[CASE WHEN ${types.map((t) => `typeof([${t}]) LIKE '%MAP(%'`).join(' OR ')} THEN '${REFUSED_KEY_MARKER}${refusal}' ELSE 'trino_v' END]`;
/** reduce() whose decimal state changes type with each step (translate/functions.ts reduceSteps). */
export const REDUCE_STATE_UNSETTLED =
  "GENERIC_INTERNAL_ERROR: reduce()'s state changes type with each step (a decimal state whose precision or scale grows: s + x over decimals, a decimal start plus integers), which Athena cannot solve (SignatureBinder.iterativeSolve does not converge); CAST the start and the step to one type: reduce(a, CAST(0 AS decimal(38, 2)), (s, x) -> CAST(s + x AS decimal(38, 2)), s -> s)";
/** reduce() whose step gives another type than its state (translate/functions.ts reduceSteps). */
export const REDUCE_STATE_TYPE =
  "FUNCTION_NOT_FOUND: Unexpected parameters for function reduce: the step gives another type than the state's (reduce(array(T), S, function(S,T,S), function(S,R)): Athena takes S from the start and the step and fails where they differ, e.g. a start of 0 and a step CAST(s + x AS tinyint), a NULL or a boolean); CAST the start to the step's type or the step to the start's";
/** The alias of a relation whose column alias list is checked while DuckDB binds (translate/column-aliases.ts). */
export const ALIASED_RELATION = 'trino_aliased';
/** CAST(true AS decimal(p, p)): refused at lint for the literal, while binding for a boolean column. */
export const BOOLEAN_TO_SCALE_ONLY_DECIMAL =
  "a boolean cast to decimal(p, p) is refused locally: Athena gives true the value 1 beyond the type's range (CAST(true AS decimal(1, 1)) is 1.0), which the local decimal cannot hold (DuckDB gives 0.1); cast to a decimal with an integer digit, decimal(p + 1, p)";

const REFUSALS: Record<string, string> = {
  // translate/column-stars.ts expandRowStars: `expr.*` whose value is no row (Trino fails at analysis).
  'row-star-type': 'TYPE_MISMATCH: a star over an expression (expr.*) needs a row value on Athena; this one is not a row',
  // translate/column-stars.ts expandRowStars: `expr.*` of a row whose fields have no names (ROW(1), zip()'s rows).
  'anonymous-row-star':
    "a star over a row whose fields have no names (ROW(1).*, a zip() element's fields) is refused locally: Athena names those columns _col<position>, which the local engine cannot; CAST the row to a row type with named fields first (CAST(r AS ROW(a integer)).*)",
  // translate/column-stars.ts expandRowStars: ORDER BY a name that a field of a star over a row gives.
  'row-star-order-name':
    "ORDER BY names a field of a row that a star expands (r.*, CAST(… AS ROW(…)).*): Athena sorts by that output column (or fails AMBIGUOUS_NAME where another output column has the name), where the local engine would not see it (a column of the FROM clause of that name, or a binder error); sort by the field's ordinal (ORDER BY 1) or select the field by name (r.f1)",
  // translate/column-stars.ts expandRowStars: `expr.* AS (a, b)` whose list has another length than the row.
  'row-star-alias-count':
    'MISMATCHED_COLUMN_ALIASES: the column alias list of a star (expr.* AS (a, b), t.* AS (a, b)) has another number of entries than the row has fields',
  'unnest unknown': 'INVALID_FUNCTION_ARGUMENT: Cannot unnest type: unknown',
  // shims/macros.ts trino_subscript: s[i] of a varchar s (DuckDB's string subscript; Trino fails at analysis).
  'varchar subscript':
    'TYPE_MISMATCH: Cannot use a subscript of varchar (s[i]): Athena subscripts only arrays and maps (Cannot use integer for subscript of varchar), where the local engine would give the i-th character; use substr(s, i, 1)',
  // translate/row-values-cells.ts: a VALUES row of one row-typed value under LATERAL or an alias list of one name.
  'values row cell':
    "MISMATCHED_COLUMN_ALIASES or NOT_SUPPORTED: a VALUES row of one value of a row type gives a column per field on Athena (an alias list must name them all; a LATERAL VALUES reading the outer row's row column is not supported), where the local engine would give one row column; list the fields instead: VALUES (r.x, r.y)",
  // UNNEST of an array of rows without an alias list naming its fields (translate/unnest-columns.ts).
  'unnest rows':
    'UNNEST of an array of rows: Athena gives a column per field of the row (named by its fields, or by the alias list), where the local engine would give one row column; name the fields in an alias list of one UNNEST: CROSS JOIN UNNEST(items) AS t(a, b)',
  // UNNEST of a map (translate/unnest-columns.ts): Trino 476 gives a key and a value column per entry.
  'unnest map':
    'UNNEST of a map is refused locally: Athena gives a key column and a value column per entry (CROSS JOIN UNNEST(m) AS u(k, v)), which the local engine cannot unnest; write UNNEST(map_keys(m), map_values(m)) AS u(k, v), which both engines answer alike',
  'ip-stored':
    "TYPE_MISMATCH: table column types don't match the values assigned: Expressions: [ipaddress] (no table column holds an ipaddress); CAST the value to varchar",
  'concat json':
    'FUNCTION_NOT_FOUND: Unexpected parameters (…, json) for function concat: concat and || take varchar, varbinary or arrays on Athena; CAST the json to varchar (its JSON text) or extract a value (json_extract_scalar)',
  'contains-in-try':
    'contains(network, address) inside try() with a network that is not a literal is refused locally: on Athena a prefix length that is not a number ("For input string") fails even inside try(), where try() locally gives NULL',
  'nested-compare':
    "comparing two array, map or row columns (or one in a JOIN condition) is refused locally: the local engine compares their NULL elements as values where Athena's = gives NULL (ARRAY[1, NULL] = ARRAY[1, NULL] is NULL there); CAST one side to its type, e.g. CAST(a AS array(integer)) = b, to compare as Athena does",
  'concat unknown':
    'AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator for || or concat() of NULL and NULL, an array or a varbinary (Athena fails); CAST the NULL to the type of the other operand',
  'text-compare':
    "TYPE_MISMATCH: Cannot apply operator: a varchar compared with another type fails on Athena (date_col = '2025-01-01', int_col IN ('1')), where the local engine would cast the text; write a typed literal (DATE '2025-01-01', 1) or CAST one side",
  // JOIN … USING (k) whose left side is several relations (translate/nan-using.ts): the merged key's type.
  // array_remove(a, x) whose operands show no type, of arrays, maps or rows (translate/array-remove.ts).
  'array_remove nested':
    "array_remove of arrays, maps or rows is refused locally where the SQL does not show the elements' type: Athena fails (NOT_SUPPORTED: array_remove does not support arrays with elements that are null or contain null) where comparing an element with the value removed meets a NULL, which the local engine checks only where it sees the type; CAST the array or the value to its type: array_remove(CAST(a AS array(array(integer))), x)",
  'using-key-type':
    "the key of JOIN … USING has a wider type on the right than on the left, whose side is not one named relation (after an ON join, or a subquery without an alias): Athena gives the merged key the common type of both sides (integer with bigint is bigint), which the local engine does not reproduce there; CAST the left key to the right key's type in its relation, or join with ON",
  'type-compare':
    "TYPE_MISMATCH: Cannot apply operator: values of two types Athena does not compare (boolean = integer, date = integer, array(integer) = array(varchar), …), where the local engine would cast one; write a literal of the other type (true, DATE '2025-01-01') or CAST one side",
  // Rows whose field names differ, compared (shims/function-macros.ts trino_nested_comparable).
  'row-names':
    'comparing rows whose field names differ is refused locally: Athena compares rows field by field in order (CAST(ROW(1) AS ROW(a integer)) = CAST(ROW(1) AS ROW(b integer)) is true there), where the local engine matches fields by name; CAST one side to the row type of the other',
  // Trino 476 for `DATE '2025-01-01' + 1`, `date_col - 1` (translate/operators.ts).
  'date + number':
    "TYPE_MISMATCH: Cannot apply operator: date + integer (Athena adds no number to a date; the local engine would add days); write d + INTERVAL '1' DAY or date_add('day', 1, d)",
  'date - number':
    "TYPE_MISMATCH: Cannot apply operator: date - integer (Athena subtracts no number from a date; the local engine would subtract days); write d - INTERVAL '1' DAY or date_add('day', -1, d)",
  // Two array columns added or subtracted (translate/column-arithmetic.ts); DuckDB's add() concatenates lists.
  'array + array':
    'TYPE_MISMATCH: Cannot apply operator: array + array (Athena adds no arrays; the local engine would concatenate them); write concat(a, b) or a || b',
  'array - array': 'TYPE_MISMATCH: Cannot apply operator: array - array (Athena subtracts no arrays)',
  // concat_ws(sep, x) of a value of type unknown other than a bare NULL (translate/function-rewrites.ts concat_ws).
  'unknown concat_ws':
    "AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator for concat_ws(separator, x) of a value of type unknown (a column of NULLs, (SELECT NULL), if(c, NULL)), which matches both the varchar and the array(varchar) form on Athena, where the local engine would answer ''; CAST it to a type: concat_ws(',', CAST(x AS varchar))",
  // concat_ws(sep, x, …) of a value that is not a varchar (shims/function-macros.ts trino_concat_ws_text).
  concat_ws:
    "FUNCTION_NOT_FOUND: Unexpected parameters for function concat_ws: Athena's concat_ws takes varchar values or one array(varchar), where the local engine would cast numbers and dates to text; CAST them to varchar",
  // x || 'a', concat(x, 'a') of a NULL-typed column (translate/column-operands.ts unknownGuarded) or other operand
  // (shims/function-macros.ts trino_concat_not_json, CONCAT_ANY).
  'unknown concat':
    "|| or concat() of a value of type unknown (a column of NULLs, the element of ARRAY[NULL], (SELECT NULL), if(c, NULL)): Athena reads it as an array and answers an array (x || 'a' is an array(varchar)) or fails (AMBIGUOUS_FUNCTION_CALL beside an array, a varbinary or another unknown value), where the local engine would answer a varchar or join the arrays; CAST it to the type meant",
  // a || b, concat(a, b) of an array of unknown elements and another array (shims/function-macros.ts trino_concat_typed).
  'unknown array concat':
    'AMBIGUOUS_FUNCTION_CALL: || or concat() of an array of unknown elements (transform(a, x -> NULL), array_except(ARRAY[NULL], …), a column of ARRAY[NULL]) and another array: Athena cannot choose between joining the arrays and appending an element, where the local engine would join them; CAST it: CAST(transform(a, x -> NULL) AS array(integer))',
  // array_sort's comparator of another result type than integer (shims/function-macros.ts trino_comparator_result).
  // regexp_replace(s, p, x -> …) whose lambda returns another type than varchar (lambda-rewrites.ts regexpReplaceByLambda).
  'regexp-replace-lambda-type':
    'FUNCTION_NOT_FOUND: Unexpected parameters for function regexp_replace: Athena takes a lambda returning a varchar (function(array(varchar), varchar)); CAST the result: CAST(… AS varchar)',
  'comparator-type':
    'FUNCTION_NOT_FOUND: Unexpected parameters for function array_sort: Athena takes a comparator returning an integer (function(t,t,integer)), not a bigint, tinyint, decimal or a NULL of type unknown; CAST the result: CAST(sign(x - y) AS integer)',
  // WHERE/HAVING `e IS [NOT] NULL` of a NULL-typed e over a table (translate/untyped-predicates.ts, corr38, corr39).
  'unknown filter test':
    "COMPILER_ERROR: argumentType unknown should not be UNKNOWN: Athena cannot compile a WHERE or HAVING test e IS [NOT] NULL (also in parentheses, a CASE condition, an aggregate's FILTER or a correlated subquery's WHERE) of a value of type unknown (element_at(ARRAY[], x), CASE WHEN … THEN NULL END, a column of NULLs) over the rows of a table, where the local engine would answer; CAST it to the type meant: CAST(e AS varchar) IS NULL",
  // sum()/avg() of a NULL-typed column or expression (translate/column-operands.ts unknownGuarded, unknown-aggregates.ts).
  'unknown sum':
    'AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator for sum() of a value of type unknown (a column of NULLs or of UNNEST(ARRAY[]), an element of ARRAY[], a CASE or coalesce of NULLs); CAST it to a number type',
  'unknown avg':
    'AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator for avg() of a value of type unknown (a column of NULLs or of UNNEST(ARRAY[]), an element of ARRAY[], a CASE or coalesce of NULLs); CAST it to a number type',
  // CAST or TRY_CAST from a type Athena has no cast from (translate/nested-casts.ts castableChecked).
  // translate/functions.ts sqlJsonCall: json_exists / json_value of a json column.
  sqljson: 'TYPE_MISMATCH: Cannot read input of type json as JSON using formatting JSON (json_exists and json_value take the JSON text); pass json_format(j)',
  'cast-family':
    'TYPE_MISMATCH: Cannot cast this type to the target: Athena has no cast between these types (date or timestamp and a number, boolean or json; varbinary and anything but varchar; an array, map or row to varchar, also as an element or field) and fails while analysing the query, under TRY_CAST too; convert explicitly (to_unixtime, date_diff, from_unixtime, to_hex)',
  // CAST or TRY_CAST of a row to a row of another width (translate/nested-casts.ts rowWidthChecked).
  'row width':
    'TYPE_MISMATCH: Cannot cast a row to a row of another number of fields (Athena fails while analysing the query, under TRY_CAST too); name the fields to keep: CAST(ROW(r.a) AS ROW(a integer))',
  // reverse, substr, date_trunc, date_add, json_extract_scalar of a NULL-typed column (translate/expressions.ts).
  // a + b, a * b, -a … of a NULL-typed column (translate/column-operands.ts unknownOperatorGuarded, operators.ts).
  'unknown operator':
    'AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator for an arithmetic operator over a value of type unknown (a column of NULLs, (SELECT NULL), if(c, NULL)) and another unknown value, a bigint or double (* and /), an interval or a timestamp (+ and -); CAST it to the type meant',
  'unknown sign':
    "AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator for -x of a value of type unknown (a column of NULLs; +x fails TYPE_MISMATCH: Unary '+' operator cannot by applied to unknown type); CAST it to the type meant",
  // reduce() whose decimal state changes type with each step (translate/functions.ts reduceSteps).
  'reduce state': REDUCE_STATE_UNSETTLED,
  'reduce state type': REDUCE_STATE_TYPE,
  // a || b of arrays of booleans and of numbers (function-macros.ts trino_concat_typed).
  'array concat types':
    'FUNCTION_NOT_FOUND: Unexpected parameters for function concat: the arrays joined have booleans on one side and numbers on the other, which have no common type on Athena; CAST one side first (CAST(b AS array(integer)))',
  'unknown argument':
    'AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator for a value of type unknown (a column of NULLs or of UNNEST(ARRAY[]), (SELECT NULL), if(c, NULL)), which matches several forms of the function; CAST it to the type meant',
  // cardinality() of a column that is not an array or a map (translate/column-operands.ts).
  cardinality:
    'FUNCTION_NOT_FOUND: Unexpected parameters for function cardinality: Athena takes an array or a map (the local engine would answer 0 for a varchar); for the length of a text use length(s)',
  // `a['1']`, element_at(a, '1') of an array (translate/column-operands.ts); DuckDB casts the text to an index.
  'array text index': 'TYPE_MISMATCH: Cannot use varchar for subscript of array (Athena indexes an array by a number only); write a[1]',
  // translate/functions.ts castCall: a boolean cast to decimal(p, p).
  'boolean-decimal': BOOLEAN_TO_SCALE_ONLY_DECIMAL,
  'map-order': 'Cannot apply operator: maps have no order on Athena (TYPE_MISMATCH), nor arrays or rows holding a map; compare their entries or keys instead',
  // translate/zoned-groups.ts and zoned-rows.ts: a GROUP BY key, or the rows of a DISTINCT or set operation, holding a map.
  'map-key':
    'a map as a GROUP BY key or in the rows of SELECT DISTINCT, UNION, INTERSECT or EXCEPT (also inside an array or row) is refused locally: Athena compares maps as sets of entries (MAP(ARRAY[1, 2], …) and MAP(ARRAY[2, 1], …) are one group), the local engine in entry order; group by array_sort(map_entries(m)) instead',
  // translate/zoned-groups.ts: a zoned GROUP BY key where a window function stands beside GROUP BY … HAVING.
  'zoned-having-window':
    "a timestamp with time zone GROUP BY key (also inside an array, map or row) beside a window function and a HAVING is refused locally: Athena groups values of one instant in different zones as one before HAVING and the windows, and the local check that would find such groups cannot run before them; compute the grouped query with its HAVING in a subquery and the window over it, or group by at_timezone(x, 'UTC') or to_unixtime(x)",
  // translate/functions.ts: the key of histogram, map_agg or multimap_agg holding a map (nested-compare.ts trino_map_agg_key).
  'map-agg-key':
    'histogram, map_agg and multimap_agg keyed by a map (also inside an array or row) are refused locally: Athena compares the keys as sets of entries (MAP(ARRAY[1, 2], …) and MAP(ARRAY[2, 1], …) are one key; a map keyed by NaN equals no other), the local engine in entry order; key by array_sort(map_entries(m)) instead',
  // translate/nan-calls.ts: min, max, min_by, max_by of a map or by a map key (or of a value holding one);
  // function-macros.ts trino_orderable: greatest, least, array_max, array_min and array_sort of one.
  'map-extreme':
    'FUNCTION_NOT_FOUND: a map is not orderable on Athena: min, max, min_by, max_by, greatest, least, array_min, array_max and array_sort take no map (nor an array or row holding one) as the value compared; compare its keys or entries instead',
  // translate/window-keys.ts: a window PARTITION BY key that is a map or holds one (Trino 476 fails while running).
  'map-partition-by':
    'GENERIC_INTERNAL_ERROR: a map is not orderable (java.lang.UnsupportedOperationException: map(…) is not orderable) and cannot be a PARTITION BY key on Athena (nor an array or row holding one); partition by array_sort(map_entries(m)) instead',
  // translate/zoned-rows.ts (nested-compare.ts trino_sorted_row_free): a json column in INTERSECT ALL or EXCEPT ALL rows.
  'json-sorted-rows':
    "GENERIC_INTERNAL_ERROR: json is not orderable (java.lang.UnsupportedOperationException) on Athena where INTERSECT ALL or EXCEPT ALL compares two rows holding a json column (which pairs it compares is its plan's); the local engine refuses a json column there: CAST it to varchar (its JSON text) first",
  // translate/window-keys.ts: an ORDER BY key (a query's, a window's, an aggregate's) that is a map or holds one.
  'map-order-by':
    'TYPE_MISMATCH: a map is not orderable, and therefore cannot be used in ORDER BY on Athena (nor an array or row holding one); order by its keys or entries instead',
  // Trino 476 for `DATE … AT TIME ZONE` (the DATE overload of trino_at_time_zone fails while binding, so over no rows too).
  'date-at-time-zone': 'TYPE_MISMATCH: Type of value must be a time or timestamp with or without time zone (actual date)',
  // Trino 476 for `'2025-01-01' AT TIME ZONE 'UTC'` and a varchar column: no implicit cast of the text (the VARCHAR
  // overload of trino_at_time_zone fails while binding).
  'varchar-at-time-zone':
    "TYPE_MISMATCH: Type of value must be a time or timestamp with or without time zone (actual varchar); CAST the text first: CAST(s AS timestamp) AT TIME ZONE 'UTC'",
};
const CONSTRUCT_NAMES: Record<string, string> = {
  case: 'CASE',
  'array[…]': 'ARRAY[…]',
  values: 'VALUES',
  // translate/floating-operands.ts floatingRefused.
  'case x when y in a correlated subquery': 'CASE x WHEN y in a correlated subquery',
  'in in a correlated subquery': 'IN in a correlated subquery',
  'between in a correlated subquery': 'BETWEEN in a correlated subquery',
};
// A set operation's column (translate/set-operation-types.ts): 'union column 2'.
const construct = (key: string) => CONSTRUCT_NAMES[key] ?? key.replace(/^(union|intersect|except)\b/, (word) => word.toUpperCase());
/** An ipaddress meeting another type in `what`: greatest/least have no such signature, the others no common type. */
const ipMismatch = (what: string) => {
  const call = /^(greatest|least)\(\)$/.exec(what)?.[1];
  const failure = call
    ? `Unexpected parameters (ipaddress and another type) for function ${call} (Athena fails with FUNCTION_NOT_FOUND)`
    : 'Cannot find common type between ipaddress and another type (Athena fails with TYPE_MISMATCH)';
  return `${construct(what)}: ${failure}; CAST the text to ipaddress or the ipaddress to varchar`;
};
/** Trino 476's words for values of two type families meeting in `what` (decimal-common-type.ts). */
const COMMON_TYPE_FAILURES: Record<string, string> = {
  case: 'TYPE_MISMATCH: All CASE results must be the same type or coercible to a common type',
  'coalesce()': 'TYPE_MISMATCH: All COALESCE operands must be the same type or coercible to a common type',
  'array[…]': 'TYPE_MISMATCH: All ARRAY elements must be the same type or coercible to a common type',
  values: 'TYPE_MISMATCH: Values rows have mismatched types',
  'greatest()': 'FUNCTION_NOT_FOUND: Unexpected parameters for function greatest. Expected: greatest(E) E:orderable',
  'least()': 'FUNCTION_NOT_FOUND: Unexpected parameters for function least. Expected: least(E) E:orderable',
  'if()': 'TYPE_MISMATCH: Result types for IF must be the same',
  'nullif()': 'TYPE_MISMATCH: Types are not comparable with NULLIF',
  'lag()': 'FUNCTION_NOT_FOUND: Unexpected parameters for function lag. Expected: lag(t) T, lag(t, bigint) T, lag(t, bigint, t) T',
  'lead()': 'FUNCTION_NOT_FOUND: Unexpected parameters for function lead. Expected: lead(t) T, lead(t, bigint) T, lead(t, bigint, t) T',
};
/** `union column 2: number, varchar`: Trino 476's "column 2 in UNION query has incompatible types: integer, varchar(1)". */
const SET_OPERATION_COLUMN = /^(union|intersect|except) column (\d+): (.*)$/;
function typesMismatch(what: string): string {
  const set = SET_OPERATION_COLUMN.exec(what);
  if (!set) return commonTypeMismatch(what);
  const [, operator, column, families] = set;
  return `TYPE_MISMATCH: column ${column} in ${operator.toUpperCase()} query has incompatible types: ${families} (Athena coerces none to another; the local engine would cast one); CAST the column to one type in every branch`;
}
const commonTypeMismatch = (what: string) =>
  `${COMMON_TYPE_FAILURES[what] ?? `TYPE_MISMATCH: ${construct(what)} has incompatible types`}: values of two of the types number, varchar, boolean, date/timestamp, json, varbinary, interval, time, uuid meet here, and Athena coerces none to another (the local engine would cast one); CAST them to one type`;

/** Trino 476's MISMATCHED_COLUMN_ALIASES for `1 t 2` (entries, the relation's name, its columns); a CTE's is `relation`. */
const aliasesMismatch = (what: string) => {
  const [entries, name, columns] = what.split(' ');
  return name === 'relation'
    ? `MISMATCHED_COLUMN_ALIASES: Column alias list has ${entries} entries but relation has ${columns} columns`
    : `MISMATCHED_COLUMN_ALIASES: Column alias list has ${entries} entries but '${name}' has ${columns} columns available`;
};
/** DuckDB's failure for a column alias list longer than its relation, in Trino 476's words (translate/column-aliases.ts). */
const longAliasList = (name: string, columns: string, entries: string) => {
  // A CTE's (checked as the bare ALIASED_RELATION): Trino names no relation there.
  if (name === ALIASED_RELATION) return `MISMATCHED_COLUMN_ALIASES: Column alias list has ${entries} entries but relation has ${columns} columns`;
  const written = name.startsWith(`${ALIASED_RELATION}_`) ? name.slice(ALIASED_RELATION.length + 1) : name;
  return `MISMATCHED_COLUMN_ALIASES: Column alias list has ${entries} entries but '${written}' has ${columns} columns available`;
};

/** Trino 476's TYPE_MISMATCH for a recursive step column (`1: integer[], smallint[]`: its position, its type, the base's). */
function recursionMismatch(detail: string): string | undefined {
  const m = /^(\d+): (.*)\[\], (.*)\[\]$/.exec(detail);
  if (!m) return undefined;
  return `TYPE_MISMATCH: recursion step relation output type (${trinoTypeName(m[2].toUpperCase())}) is not coercible to recursion base relation output type (${trinoTypeName(m[3].toUpperCase())}) at column ${m[1]}`;
}

/** Trino 476's words for a condition of another type (condition-types.ts), by where it is read. */
const CONDITION_MESSAGES: Record<string, (type: string) => string> = {
  where: (t) => `WHERE clause must evaluate to a boolean: actual type ${t}`,
  having: (t) => `HAVING clause must evaluate to a boolean: actual type ${t}`,
  on: (t) => `JOIN ON clause must evaluate to a boolean: actual type ${t}`,
  merge: (t) => `The MERGE predicate must evaluate to a boolean: actual type ${t}`,
  when: (t) => `CASE WHEN clause must evaluate to a boolean (actual: ${t})`,
  if: (t) => `IF condition must evaluate to a boolean (actual: ${t})`,
  filter: (t) => `Filter expression must evaluate to a boolean (actual: ${t})`,
  term: (t) => `Logical expression term must evaluate to a boolean (actual: ${t})`,
  not: (t) => `Value of logical NOT expression must evaluate to a boolean (actual: ${t})`,
  count_if: (t) => `Unexpected parameters (${t}) for function count_if. Expected: count_if(boolean)`,
};
function conditionMismatch(detail: string): string | undefined {
  const [context, type] = [detail.slice(0, detail.indexOf(' ')), detail.slice(detail.indexOf(' ') + 1)];
  const message = CONDITION_MESSAGES[context];
  const code = context === 'count_if' ? 'FUNCTION_NOT_FOUND' : 'TYPE_MISMATCH';
  return message && `${code}: ${message(trinoTypeName(type.toUpperCase()))} (the local engine would cast it to boolean)`;
}

/** translate/window-keys.ts exactOffset: 'ROWS start DECIMAL(2,1)', a ROWS or GROUPS offset of another type than an integer. */
function frameOffsetMismatch(detail: string): string {
  const [unit, bound, ...type] = detail.split(' ');
  return `TYPE_MISMATCH: Window frame ${unit.toUpperCase()} ${bound} value type must be exact numeric type with scale 0 (actual ${type.join(' ').toUpperCase() === 'NULL' ? 'unknown' : trinoTypeName(type.join(' ').toUpperCase())}); CAST the offset to bigint (the local engine would cast it)`;
}

const refusal = (key: string) =>
  REFUSALS[key] ??
  (key.startsWith('types ') ? typesMismatch(key.slice('types '.length)) : undefined) ??
  // translate/decimal-common-type.ts floatingCheck: a decimal of more digits than a real or double holds meets one.
  (key.startsWith('floating ')
    ? `${construct(key.slice('floating '.length))}: a decimal of more than 7 digits meets a real (or of more than 15 a double) here; Athena converts it by its own rule (up to 18 digits, the unscaled integer divided by the power of ten in the real or double; past 18, the nearest value), which DuckDB's implicit cast does not follow; CAST the decimal to real or double first (the cast follows Athena's rule)`
    : undefined) ??
  // session-word-macros.ts: a session word that no column has (Trino 476's COLUMN_NOT_FOUND message).
  (key.startsWith('column ')
    ? `COLUMN_NOT_FOUND: Column '${key.slice('column '.length)}' cannot be resolved (a column name on Athena, not the session user)`
    : undefined) ??
  (key.startsWith('ipaddress ') ? ipMismatch(key.slice('ipaddress '.length)) : undefined) ??
  // translate/functions.ts castCall: a json column cast to a type Trino reads no json as.
  (key.startsWith('json ') ? `TYPE_MISMATCH: Cannot cast json to ${key.slice('json '.length)}` : undefined) ??
  // translate/window-keys.ts: a RANGE frame's number offset over a date, time or timestamp key.
  (key.startsWith('range-offset ')
    ? `TYPE_MISMATCH: Window frame RANGE value type (a number) not compatible with sort item type (${trinoTypeName(key.slice('range-offset '.length).toUpperCase())}); write the offset as an INTERVAL: RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW`
    : undefined) ??
  // translate/condition-types.ts: a condition of another type than boolean ('condition where INTEGER').
  (key.startsWith('condition ') ? conditionMismatch(key.slice('condition '.length)) : undefined) ??
  // translate/window-keys.ts: 'frame-offset ROWS start DOUBLE', a ROWS or GROUPS offset not an integer.
  (key.startsWith('frame-offset ') ? frameOffsetMismatch(key.slice('frame-offset '.length)) : undefined) ??
  // shims/function-macros.ts trino_shift_count_checked: 'shift-count bitwise_left_shift BIGINT', a shift count not an integer.
  (key.startsWith('shift-count ')
    ? `FUNCTION_NOT_FOUND: Unexpected parameters for function ${key.split(' ')[1]}: its shift count is ${trinoTypeText(key.split(' ').slice(2).join(' '))}, where Athena takes an integer (tinyint, smallint or integer) only; CAST it to integer`
    : undefined) ??
  // translate/window-rewrites.ts: 'bigint-argument lead DECIMAL(2,1)', an offset of lag/lead/nth_value/ntile not an integer.
  (key.startsWith('bigint-argument ')
    ? `FUNCTION_NOT_FOUND: Unexpected parameters for function ${key.split(' ')[1]}: its offset is ${trinoTypeText(key.split(' ').slice(2).join(' '))}, where Athena takes a bigint only; CAST it to bigint`
    : undefined) ??
  // translate/function-rewrites.ts listagg: its value is varchar only.
  // translate/function-rewrites.ts distinctDecimalRefused: a DISTINCT statistic of a decimal of more than 15 digits.
  (key.startsWith('distinct statistic ')
    ? `${key.slice('distinct statistic '.length)}(DISTINCT …) of a decimal of more than 15 digits: Athena's last digits depend on how it plans the aggregation (stddev(DISTINCT d) of four decimal(17,5) values is 238181407490.20306 alone, 238181407490.203 beside count(*)), which the local engine cannot tell (over a DISTINCT subquery both engines' answers depend on the order of its rows too); drop DISTINCT`
    : undefined) ??
  (key.startsWith('listagg ')
    ? `TYPE_MISMATCH: Expected expression of varchar, but listagg's value has ${key === 'listagg null' ? 'unknown' : trinoTypeText(key.slice('listagg '.length))} type; CAST it to varchar`
    : undefined) ??
  (key.startsWith('arrayjoin ')
    ? `OPERATOR_NOT_FOUND: Cannot cast ${trinoTypeText(key.slice('arrayjoin '.length).replace(/\[\]\[\]$/, ''))} to varchar (array_join writes each element as varchar)`
    : undefined) ??
  (key.startsWith('tojson ') ? `TYPE_MISMATCH: Cannot cast ${trinoTypeText(key.slice('tojson '.length).replace(/\[\]$/, ''))} to json` : undefined) ??
  // translate/column-aliases.ts: 'aliases 1 t 2', a column alias list of another width than its relation.
  (key.startsWith('aliases ') ? aliasesMismatch(key.slice('aliases '.length)) : undefined) ??
  // translate/recursive-steps.ts: 'recursion 1: decimal(13,2)[], decimal(5,2)[]', a step's type and the base's.
  (key.startsWith('recursion ') ? recursionMismatch(key.slice('recursion '.length)) : undefined) ??
  `${construct(key)}: the decimal values need more than 38 digits together, and Athena keeps the larger scale where the local engine rounds; CAST them to one decimal type first`;

/**
 * The Athena function each DuckDB function stands for when one Athena call runs as it (the function table's DuckDB
 * built-ins, of the same name or another; DUCKDB_ONLY's one-call equivalents: string_split is split; else the built-in
 * of the function's own name, which its shim calls), so that a
 * binder error names the function the user wrote. DuckDB names of several Athena functions, or of none, are left out.
 */
const ATHENA_NAME_OF: ReadonlyMap<string, string> = (() => {
  const names = new Map<string, Set<string>>();
  const add = (duckdb: string, athena: string) => names.set(duckdb, (names.get(duckdb) ?? new Set()).add(athena));
  for (const [name, entry] of FUNCTION_TABLE) {
    if (entry.run.kind === 'duckdb') add(name, name);
    else if (entry.run.kind === 'builtin') add(entry.run.to.toLowerCase(), name);
  }
  for (const [duckdb, instead] of Object.entries(DUCKDB_ONLY)) {
    const call = /^(\w+)\([^()]*\)$/.exec(instead)?.[1];
    if (call && FUNCTION_TABLE.has(call) && !names.has(duckdb)) add(duckdb, call);
  }
  // A shim or rewrite that passes its argument on to the DuckDB built-in of its own name (trino_lower's lower).
  for (const [name, entry] of FUNCTION_TABLE) if (!names.has(name) && entry.run.kind !== 'refused') add(name, name);
  return new Map([...names].filter(([, athena]) => athena.size === 1).map(([duckdb, athena]) => [duckdb, [...athena][0]]));
})();

/** A binder message's argument types (`VARCHAR, DECIMAL(10,2), STRUCT(a INTEGER, b VARCHAR)`), split at the top level. */
function argumentTypes(types: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < types.length; i++) {
    if (types[i] === '(') depth++;
    else if (types[i] === ')') depth--;
    else if (types[i] === ',' && depth === 0) {
      parts.push(types.slice(start, i).trim());
      start = i + 1;
    }
  }
  return [...parts, types.slice(start).trim()].filter(Boolean);
}

/** DuckDB's binding failure of shims/macros.ts json_extract, and of other statements it cannot bind (a DuckDB bug). */
const COPY_BOUND = /Serialization Error: Cannot copy bound expression/;

/**
 * Whether the statement has a member access (`x.k`, `f(…).k`, `x."K"`) or a subscript (`x[1]`, `f(…)['k']`, `'…'[1]`,
 * not `ARRAY[…]`): only then can COPY_BOUND be DuckDB's reading of a json member or subscript, and be reworded as
 * such (the types are not known here: a row field or array subscript passes too). A statement of neither keeps
 * DuckDB's message.
 */
function hasMemberOrSubscript(sql: string): boolean {
  let tokens: ReturnType<typeof tokenize>;
  try {
    tokens = tokenize(sql).filter((t) => !isTrivia(t));
  } catch {
    return false;
  }
  return tokens.some((t, i) => {
    const before = tokens[i - 1];
    const operand =
      before !== undefined &&
      (before.kind === 'quoted' ||
        before.kind === 'string' ||
        before.text === ')' ||
        before.text === ']' ||
        (before.kind === 'word' && keyword(before) !== 'ARRAY'));
    if (t.text === '[') return operand;
    return t.text === '.' && operand && (tokens[i + 1]?.kind === 'word' || tokens[i + 1]?.kind === 'quoted');
  });
}

/** DuckDB's failure of a subquery of several columns used as one value; its echo of the SQL is kept (the position). */
const SUBQUERY_COLUMNS = /Binder Error: Subquery returns (\d+) columns - expected 1/;

const REWRITES: readonly [RegExp, (...groups: string[]) => string][] = [
  // shims/macros.ts json_extract: DuckDB's member access or subscript of a JSON value (j.foo, j[1]); failureMessage
  // rewords it only where the statement has a member or subscript.
  [
    COPY_BOUND,
    () =>
      "TYPE_MISMATCH: a member or subscript of a json value (j.k, j[1], j['k']) is not Athena SQL (Athena: Expression j is not of type ROW; Cannot use integer for subscript of json); the local engine would read it as DuckDB's JSON extraction; use json_extract(j, '$.k'), json_extract_scalar(j, '$.k') or json_array_get(j, 0), or CAST(j AS row(k …)) first",
  ],
  [new RegExp(`Binder Error: Could not find key "${REFUSED_KEY_MARKER}([^"]*)" in struct(?:\\s*Candidate Entries: "trino_v")?`), refusal],
  // A NULL-typed operand of `x ± INTERVAL …` matches every typed overload of the interval arithmetic shims (timestamp,
  // date, time since hunt39), and DuckDB fails binding before the unknown-operator check (column-operands.ts
  // unknownOperatorGuarded) is read; an unknown column was reported by name before this
  // (engines/local/ambiguous-macros.ts).
  [
    /Binder Error: Macro trino_(?:plus|minus)_(?:day_second|interval)\(\) has multiple overloads that match the supplied arguments\.[\s\S]*/,
    () => refusal('unknown operator'),
  ],
  // map_concat of maps whose key or value types differ: Trino 476 answers over their common type
  // (MAP(ARRAY[1], ARRAY[2]) with MAP(ARRAY[BIGINT '3'], ARRAY[4]) is map(bigint, integer)); DuckDB's map_concat wants
  // one type (loud37, loud38: refused with this message instead of DuckDB's).
  [
    /Invalid Input Error: '(key|value)' type of map differs between arguments, expected '([^']*)', found '([^']*)' instead/,
    (_part, expected, found) =>
      `NOT_SUPPORTED: map_concat of maps whose key or value types differ (${trinoTypeText(trinoTypeName(found))}, ${trinoTypeText(trinoTypeName(expected))}): Athena answers over their common type, the local engine does not; cast every map to the one type Athena would take first: map_concat(CAST(m AS map(k, v)), CAST(n AS map(k, v)))`,
  ],
  // A subquery of several columns used as one value that lint could not see (`(SELECT t.*)`, `(SELECT t.* FROM (VALUES
  // 0))` over a two-column t, `(SELECT * FROM u)`): Trino 476 answers a scalar subquery's columns as one row
  // (row(a integer, b integer)); DuckDB fails "Subquery returns 2 columns - expected 1" (loud37, loud38, loud39).
  [
    SUBQUERY_COLUMNS,
    (n) =>
      `NOT_SUPPORTED: a subquery used as one value returns ${n} columns (a star over several columns, or several select items): as a scalar subquery Athena answers one row value holding them (row(a integer, b integer)), the local engine does not; select the row as one column: (SELECT CAST(ROW(a, b) AS ROW(a integer, b integer)) …)`,
  ],
  [/Binder Error: table "([^"]*)" has (\d+) columns available but (\d+) columns specified/, longAliasList],
  // trino_fail(message) raises by casting its marked message to an integer; a message that is a refusal's key (a check
  // made per row that its binding sibling makes with the key, function-macros.ts CONCAT_ANY) reads as that refusal.
  [
    new RegExp(`Conversion Error: Could not convert string '${FAIL_MARKER}([\\s\\S]*?)' to INT32`),
    (message) => (message.startsWith(REFUSED_KEY_MARKER) ? refusal(message.slice(REFUSED_KEY_MARKER.length)) : message),
  ],
  // A shim's JavaScript threw Trino's message (scalar-udf.ts marks it); DuckDB put its error class before it.
  [new RegExp(`Invalid Input Error: ${FAIL_MARKER}`), () => ''],
  // Trino 476 words an overflow of decimal arithmetic past 38 digits without the operands (NUMERIC_VALUE_OUT_OF_RANGE).
  [
    /Out of Range Error: Overflow in (?:addition|subtract|multiplication) of DECIMAL\(\d+\) \([^()]*\)[;.](?: You might want to add an explicit cast to a decimal with a smaller scale\.)?/,
    () => 'Decimal overflow',
  ],
  // DuckDB sums decimals into a HUGEINT, which overflows past about 1.7e38 (39 digits) while adding up; Trino adds in
  // 128 bits with a count of overflows and fails only when the final total passes 38 digits.
  [
    /Out of Range Error: Overflow in HUGEINT addition: -?\d+ \+ -?\d+/,
    () =>
      'Decimal overflow: a running total of decimals passed 39 digits locally (Athena fails only when the final sum does not fit in 38 digits, and answers an average)',
  ],
  [
    /Out of Range Error: Overflow in (addition|subtraction|multiplication) of (INT8|INT16|INT32|INT64) \((-?\d+) [-+*] (-?\d+)\)!/,
    (operation, type, a, b) =>
      `${INTEGER_NAMES[type]} ${OPERATIONS[operation]} overflow: ${a} ${{ addition: '+', subtraction: '-', multiplication: '*' }[operation]} ${b}`,
  ],
  [
    /Conversion Error: Type \w+ with value (\S+) can't be cast because the value is out of range for the destination type (INT8|INT16|INT32|INT64)/,
    (value, type) => `Out of range for ${INTEGER_NAMES[type]}: ${value}`,
  ],
  [/Conversion Error: Could not convert string '([\s\S]*?)' to (INT8|INT16|INT32|INT64)/, (text, type) => `Cannot cast '${text}' to ${CAST_NAMES[type]}`],
  [/Out of Range Error: Overflow on abs\((-?\d+)\)/, (value) => `Value ${value} is out of range for abs`],
  // A date moved past DuckDB's timestamps (years 290309 BC to 294247 AD): DuckDB adds intervals and date_add's units to a
  // date as a timestamp. Trino 476's dates reach 5881580-07-11 (date_add('year', 300000, DATE '2000-01-01') is
  // +302000-01-01), its timestamps about the same years as DuckDB's (date_add('year', 300000, TIMESTAMP …) fails "long
  // overflow"). Found by loud40 (hunt39's far dates).
  [
    /Conversion Error: (?:Date and time not in timestamp range|Could not convert Day to Microseconds)/,
    () =>
      "Date and time not in timestamp range: a date or timestamp was moved past the local engine's range (years 290309 BC to 294247 AD, where dates are moved as timestamps). Athena's timestamps end about there too (it fails), but its dates reach 5881580-07-11, so a date this far may be Athena's answer; the local engine cannot compute it: keep dates within the years -290308 to 294247",
  ],
  // CAST('2025-02-30' AS DATE): text of the date grammar naming no day of the calendar (Trino 476: INVALID_CAST_ARGUMENT).
  [/Conversion Error: date field value out of range: "([^"]*)"/, (text) => `Value cannot be cast to date: ${text}`],
  // A cast to a decimal that does not fit (Trino 476: INVALID_CAST_ARGUMENT). DuckDB names the source type only for
  // text; a floating value prints with six fraction digits (or nan, inf), Trino's as Java's Double.toString.
  [
    /Conversion Error: Could not convert string "([\s\S]*?)" to DECIMAL\((\d+),(\d+)\)/,
    (text, p, s) => `Cannot cast VARCHAR '${text}' to DECIMAL(${p}, ${s}). ${NUMBER_TEXT.test(text.trim()) ? 'Value too large.' : 'Value is not a number.'}`,
  ],
  [
    /Conversion Error: Could not cast value (-?(?:\d+\.\d{6}|nan|inf)) to DECIMAL\((\d+),(\d+)\)/,
    (value, p, s) => `Cannot cast DOUBLE '${JAVA_SPECIAL_DOUBLES[value] ?? javaDouble(Number(value))}' to DECIMAL(${p}, ${s})`,
  ],
  [/Conversion Error: Could not cast value (-?\d+) to DECIMAL\((\d+),(\d+)\)/, (value, p, s) => `Cannot cast '${value}' to DECIMAL(${p}, ${s})`],
  [
    /Conversion Error: Casting value "([^"]*)" to type DECIMAL\((\d+),(\d+)\) failed: value is out of range!/,
    (value, p, s) => `Cannot cast '${value}' to DECIMAL(${p}, ${s})`,
  ],
  // A `*` inside a subquery or WITH query over relations that share a column name, or beside a select item of that
  // name, whose name another part of the statement reads (translate/star-names.ts).
  [
    /Binder Error: Duplicate struct entry name "([^"]*)"/,
    (name) =>
      `a SELECT * (or a.*, b.*) over a join, or beside a select item of the same name, inside a subquery, a WITH query or the first branch of a set operation gives the column "${name}" twice: Athena keeps both names (reading ${name} from it fails with AMBIGUOUS_NAME "Column '${name}' is ambiguous", SELECT * shows ${name} twice) where the local engine would rename the second ${name}_1; select the columns by name with distinct aliases (a.${name} AS a_${name}, b.${name} AS b_${name}) or join with USING (${name})`,
  ],
  // A name a subquery repeats (`SELECT a FROM (SELECT 1 AS a, 2 AS a)`): each is renamed `a$dup<k>`
  // (anonymous-columns.ts), so reading `a` finds none; Trino 476 finds two (AMBIGUOUS_NAME).
  [
    /Binder Error: Referenced column "([^"]+)" not found in FROM clause!\nCandidate bindings: ([^\n]*)/,
    (name, candidates) =>
      candidates.toLowerCase().includes(`${name.toLowerCase()}$dup`)
        ? `AMBIGUOUS_NAME: Column '${name}' is ambiguous`
        : `Binder Error: Referenced column "${name}" not found in FROM clause!\nCandidate bindings: ${candidates.replace(/\$dup\d+"/g, '"')}`,
  ],
  // `t.a` over such a subquery: DuckDB finds no `a` in t (its echo of the SQL shows the renamed `a$dup0`).
  [
    /Binder Error: (?:Values list|Table) "([^"]+)" does not have a column named "([^"]+)"(?=[\s\S]*"\2\$dup\d)/i,
    (relation, name) => `AMBIGUOUS_NAME: Column '${relation}.${name}' is ambiguous`,
  ],
  // trino_concat's type check (function-macros.ts): a scalar that is not varchar or varbinary.
  [
    /Binder Error: No function matches the given name and argument types 'array_concat\(([^()[\]]*)\)'[^\n]*(?:\n\tCandidate functions:\n\tarray_concat\(.*)?\n?/,
    (types) => `Unexpected parameters (${types.split(', ').map(trinoTypeName).join(', ')}) for function concat`,
  ],
  // `+`, `-`, `*` are called add(), subtract(), multiply() (translate/operators.ts; trino_plus, trino_subtract and
  // trino_multiply type their operands with `+`, `-`, `*`): operands of no overload read as Trino 476's TYPE_MISMATCH
  // of the operator.
  [
    /Binder Error: No function matches the given name and argument types '(add|subtract|multiply|\*|\+|-)\(([^']*)\)'[^\n]*(?:\n\tCandidate functions:(?:\n\t[^\n]*)*)?\n?/,
    (fn, types) => `Cannot apply operator: ${types.split(', ').map(trinoTypeName).join(` ${OPERATOR_SIGNS[fn]} `)}`,
  ],
];

const OPERATOR_SIGNS: Record<string, string> = { add: '+', subtract: '-', multiply: '*', '*': '*', '+': '+', '-': '-' };

/** A DuckDB type's text (typeof) as Trino names it, for messages: BLOB[] is array(varbinary). */
function trinoTypeText(type: string): string {
  // (DuckDB writes the struct key lower-cased in its error.)
  let text = type
    .replace(/\bblob\b/gi, 'varbinary')
    .replace(/\binterval\b/gi, 'interval day to second')
    .replace(/\bstruct\(/gi, 'row(');
  for (let last = ''; last !== text; ) {
    last = text;
    text = text.replace(/([\w ]+(?:\([^()]*\))?)\[\]/g, (_m, inner: string) => `array(${inner.trim()})`);
  }
  return text.toLowerCase();
}

/** DuckDB's name of an argument type in a binder message, as Trino names it. */
function trinoTypeName(type: string): string {
  const names: Record<string, string> = {
    INTEGER_LITERAL: 'integer',
    STRING_LITERAL: 'varchar',
    FLOAT: 'real',
    BLOB: 'varbinary',
    '"NULL"': 'unknown',
    TIMESTAMP: 'timestamp(3)',
  };
  return names[type] ?? type.toLowerCase();
}

/** DuckDB's binder error for a built-in called over arguments of no overload, with its candidates. */
const NO_OVERLOAD =
  /Binder Error: No function matches the given name and argument types '(\w+)\(([^']*)\)'[^\n]*(?:\n\tCandidate functions:(?:\n\t[^\n]*)*)?\n?/;

/**
 * The message as Trino words it when DuckDB's error is one Trino raises too; otherwise unchanged. `sql` is the
 * statement as the user wrote it: a built-in over arguments of no overload (split(d, ',') of a date, DuckDB's
 * "string_split(DATE, VARCHAR)") reads as Trino 476's FUNCTION_NOT_FOUND with the Athena name, where the statement
 * calls that function (a shim's own inner call, upper's contains(), is left as DuckDB wrote it); error-location.ts
 * then finds the call by that name.
 */
export function failureMessage(duckdbMessage: string, sql = ''): string {
  // A cast inside a `_once` shim's lambda (macros.ts: trino_to_double_once, …) names the lambda's parameter as the
  // source column of a failed conversion; the same cast of the call itself named none (issue 18).
  const message = duckdbMessage.replace(/ when casting from source column trino_v\b/g, '');
  // DuckDB's pointer into the translated SQL (`LINE 1: …` with a caret, on errors raised while binding constants) is
  // not the user's text: a reworded message leaves it out.
  const reworded = (m: RegExpExecArray, text: string, keepEcho = false) =>
    message.slice(0, m.index) +
    text +
    (keepEcho ? message.slice(m.index + m[0].length) : message.slice(m.index + m[0].length).replace(/\n+LINE \d+:[\s\S]*$/, ''));
  for (const [pattern, rewrite] of REWRITES) {
    if (pattern === COPY_BOUND && !hasMemberOrSubscript(sql)) continue;
    const m = pattern.exec(message);
    if (m) return reworded(m, rewrite(...m.slice(1)), pattern === SUBQUERY_COLUMNS);
  }
  const call = NO_OVERLOAD.exec(message);
  const athena = call && ATHENA_NAME_OF.get(call[1].toLowerCase());
  if (!call || !athena || !new RegExp(`\\b${athena}\\s*\\(`, 'i').test(sql)) return message;
  const types = argumentTypes(call[2]).map((t) => trinoTypeText(trinoTypeName(t)));
  return reworded(call, `Unexpected parameters (${types.join(', ')}) for function ${athena}`);
}
