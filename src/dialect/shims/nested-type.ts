// The one test of "is this value an array, a map or a row" that shims dispatching on type share (no imports: macros.ts
// and function-macros.ts use it, and error-messages.ts imports macros.ts).

/**
 * Whether x's type is an array, a map or a row (the local zoned-timestamp and ipaddress structs are scalars). Read
 * from typeof([x]): DuckDB folds it to a constant even in a macro body bound before its arguments are known, where
 * typeof(x) is not, and a refusal's struct key must be a constant.
 */
export const IS_NESTED = (x: string) =>
  `(typeof([${x}]) LIKE '%[][]' OR typeof([${x}]) LIKE 'MAP(%' OR (typeof([${x}]) LIKE 'STRUCT(%' AND typeof([${x}]) NOT LIKE 'STRUCT(trino\\_%' ESCAPE '\\'))`;

/**
 * Whether a is an array of zoned timestamps (the local struct of instant, zone and wall clock, of either precision):
 * its elements compare by instant in Trino, where DuckDB's list functions compare the structs field by field.
 */
export const HAS_ZONED_ELEMENTS = (a: string) => `(typeof([${a}]) LIKE 'STRUCT(trino\\_instant %)[][]' ESCAPE '\\')`;
/** Whether x is a zoned timestamp (either precision). */
export const IS_ZONED_VALUE = (x: string) => `(typeof([${x}]) LIKE 'STRUCT(trino\\_instant %)[]' ESCAPE '\\')`;
/**
 * A search of x in a (contains, array_position: `keyed`) on their keys: a zoned element or value is its UTC instant
 * (trino_search_keys, trino_search_key), anything else itself, so a zoned array meets a plain timestamp or a date
 * (Trino reads it in the session zone, UTC) and the other way round. Both sides are turned inside a lambda over one
 * struct, where their types are known (a correlated column's too), each named once. Typed overloads do not see an
 * aggregate's type: the `_any` forms (translate/unbound.ts shimCall) keep the search as it is.
 */
export const SEARCH_KEYS = (keyed: string) =>
  `list_transform([{'trino_a': a, 'trino_x': x}], lambda trino_s: ${keyed}(trino_search_keys(trino_s.trino_a), trino_search_key(trino_s.trino_x)))[1]`;
