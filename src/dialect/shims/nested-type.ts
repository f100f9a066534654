// The one test of "is this value an array, a map or a row" that shims dispatching on type share (no imports: macros.ts
// and function-macros.ts use it, and error-messages.ts imports macros.ts).

/** Whether x's type is an array, a map or a row (the local zoned-timestamp and ipaddress structs are scalars). */
export const IS_NESTED = (x: string) =>
  `(typeof(${x}) LIKE '%[]' OR typeof(${x}) LIKE 'MAP(%' OR (typeof(${x}) LIKE 'STRUCT(%' AND typeof(${x}) NOT LIKE 'STRUCT(trino\\_%' ESCAPE '\\'))`;
