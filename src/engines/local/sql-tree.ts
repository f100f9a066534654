// Walking DuckDB's parse tree (json_serialize_sql), shared by the rewrites that read it (partition-filters.ts,
// evaluated-once.ts).

export type Json = { [key: string]: unknown };

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every object of the tree, depth first, each before what it holds. One explicit stack: nested `yield*` passed every
 * object up through one generator per level (the KPI statement's tree, ~840 objects, took ~3× as long to walk), and
 * a tree is walked several times per statement. An object's children are read after the caller has seen it.
 */
export function* objects(node: unknown): Generator<Json> {
  const pending: unknown[] = [node];
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push(value[i]);
    } else if (isObject(value)) {
      yield value;
      const children = Object.values(value);
      for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
    }
  }
}
