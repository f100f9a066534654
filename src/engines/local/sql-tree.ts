// Walking DuckDB's parse tree (json_serialize_sql), shared by the rewrites that read it (partition-filters.ts,
// evaluated-once.ts).

export type Json = { [key: string]: unknown };

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every object of the tree, depth first. */
export function* objects(node: unknown): Generator<Json> {
  if (Array.isArray(node)) {
    for (const child of node) yield* objects(child);
  } else if (isObject(node)) {
    yield node;
    for (const value of Object.values(node)) yield* objects(value);
  }
}
