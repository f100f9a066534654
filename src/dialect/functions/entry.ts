// One entry of the function table: how a Trino function runs on the local engine, or why it is refused.
//
// The table (src/dialect/functions/*.ts, one file per family) is default-deny: the translator renders a call only
// through its entry, and a call with no entry, or a refused one, is an error at the call's line and column (the same
// check runs in `lake lint`, so an unsupported call is found before a run). docs/functions.md is generated from it.

/** How the call runs locally. */
export type LocalRun =
  /** A DuckDB built-in of the same name whose answer and type are Trino's. */
  | { kind: 'duckdb' }
  /** A DuckDB built-in under another name, with Trino's answer and type. */
  | { kind: 'builtin'; to: string }
  /** A `trino_*` macro or UDF registered on the session (src/dialect/shims). */
  | { kind: 'shim'; to: string }
  /** A rewrite of the call's syntax in src/dialect/translate/functions.ts. */
  | { kind: 'rewrite' }
  /** Not run locally: the reason, and what to write instead that runs on Athena and locally. */
  | { kind: 'refused'; reason: string; instead: string };

/**
 * Accepted argument counts: `'2'`, `'1-3'`, `'2+'`, `'1,3'`. Where it is set, another count is refused (DuckDB may
 * accept it with another meaning); where it is not, DuckDB's own arity check applies.
 */
export type Arity = string;

export interface FunctionEntry {
  run: LocalRun;
  arity?: Arity;
  /** Why the local form is faithful, or what it covers (shown in docs/functions.md). */
  note?: string;
  /**
   * Trino takes varbinary arguments only (md5('abc') fails: "Unexpected parameters (varchar(3)) for function md5");
   * DuckDB casts a varchar to a blob and answered, so each argument goes through trino_varbinary_arg.
   */
  varbinaryArgs?: boolean;
  /**
   * An aggregate or window function: its call reads a set of rows, not one (the translator's overload choice in
   * unbound.ts, and which outer references Trino can plan in correlated-subqueries.ts). Set on every entry of the
   * Aggregate and Window families, and by `aggregate()` on aggregates listed in other families.
   */
  calls?: 'aggregate' | 'window';
}

export const duckdb = (arity?: Arity, note?: string): FunctionEntry => ({ run: { kind: 'duckdb' }, arity, note });
export const builtin = (to: string, arity?: Arity, note?: string): FunctionEntry => ({ run: { kind: 'builtin', to }, arity, note });
export const shim = (to: string, arity?: Arity, note?: string): FunctionEntry => ({ run: { kind: 'shim', to }, arity, note });
/** A shim whose arguments are varbinary only (see FunctionEntry.varbinaryArgs). */
export const bytesShim = (to: string, arity?: Arity, note?: string): FunctionEntry => ({ run: { kind: 'shim', to }, arity, note, varbinaryArgs: true });
export const rewrite = (note: string, arity?: Arity): FunctionEntry => ({ run: { kind: 'rewrite' }, arity, note });
/** An aggregate listed in a family other than Aggregate (map_agg under Map, bitwise_and_agg under Bitwise). */
export const aggregate = (entry: FunctionEntry): FunctionEntry => ({ ...entry, calls: 'aggregate' });
export const refused = (reason: string, instead: string): FunctionEntry => ({ run: { kind: 'refused', reason, instead } });

/** Whether `count` arguments fit the arity spec. */
export function arityAccepts(arity: Arity, count: number): boolean {
  return arity.split(',').some((part) => {
    const range = /^(\d+)(?:(\+)|-(\d+))?$/.exec(part.trim());
    if (!range) throw new Error(`bad arity spec: ${arity}`);
    const min = Number(range[1]);
    if (range[2]) return count >= min;
    return count >= min && count <= Number(range[3] ?? min);
  });
}

/** `'1-3'` → `1 to 3 arguments`, for messages and the docs. */
export function describeArity(arity: Arity): string {
  const text = arity
    .replace(/(\d+)-(\d+)/g, '$1 to $2')
    .replace(/(\d+)\+/g, '$1 or more')
    .replace(/,/g, ' or ');
  return `${text} argument${arity === '1' ? '' : 's'}`;
}

export type FunctionFamily = Readonly<Record<string, FunctionEntry>>;
