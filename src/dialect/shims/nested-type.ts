// The one test of "is this value an array, a map or a row" that shims dispatching on type share (no imports: macros.ts
// and function-macros.ts use it, and error-messages.ts imports macros.ts).

/**
 * Whether x's type is an array, a map or a row (the local zoned-timestamp and ipaddress structs are scalars). Read
 * from typeof([x]): DuckDB folds it to a constant even in a macro body bound before its arguments are known, where
 * typeof(x) is not, and a refusal's struct key must be a constant.
 */
export const IS_NESTED = (x: string) =>
  `(typeof([${x}]) LIKE '%[][]' OR typeof([${x}]) LIKE 'MAP(%' OR (typeof([${x}]) LIKE 'STRUCT(%' AND typeof([${x}]) NOT LIKE 'STRUCT(trino\\_%' ESCAPE '\\'))`;
