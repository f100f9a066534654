// One shape for a value computed with other values evaluated beside it (untyped arguments: expressions.ts
// untypedArgumentsEvaluated; IS NULL: untyped-predicates.ts), and the one reader other passes use to see the value
// inside it (operators.ts reads a map call there). DuckDB folds a call given a NULL-typed argument into a NULL without
// evaluating the argument; an evaluated field beside the call keeps the argument's failure (Trino 476 fails).
// Outside a subquery that may read outer columns: `{'trino_v': value, 'trino_e0': …}['trino_v']`. Inside one, DuckDB
// fails to bind that struct over an outer column ("Need named argument for struct pack, e.g. STRUCT_PACK(a := b)"),
// so an unnamed row is read by position there: `struct_extract_at(row(value, …), 1)`.

/** `value` with each of `beside` evaluated next to it (value's type and value; a failure of any of them fails it). */
export function evaluatedBeside(value: string, beside: readonly string[], correlatable: boolean): string {
  if (beside.length === 0) return value;
  if (correlatable) return `struct_extract_at(row(${value}, ${beside.join(', ')}), 1)`;
  return `{'trino_v': ${value}, ${beside.map((b, k) => `'trino_e${k}': ${b}`).join(', ')}}['trino_v']`;
}

const STRUCT_HEAD = /^\{'trino_v':\s*/;
const ROW_HEAD = /^struct_extract_at\(row\(/;

/**
 * The text at the start of the value inside `text` when it is an evaluatedBeside shape (its head only: what follows
 * the value is left as is), else `text`: a pass that reads a value's head (a map call) reads it through this.
 */
export function valueHead(text: string): string {
  const t = text.trimStart();
  return t.replace(STRUCT_HEAD, '').replace(ROW_HEAD, '');
}
