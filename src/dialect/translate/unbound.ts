// Shim calls whose argument DuckDB cannot type when it picks a macro overload.
//
// DuckDB binds a macro's arguments to choose among typed overloads; an aggregate or window call cannot be bound
// there, so `trino_wall(max(d))` would take the zoned-struct overload and fail. When an argument contains such a
// call, the translator names the untyped `_any` variant instead (src/dialect/shims/unbound-macros.ts).
import { FUNCTION_TABLE } from '../functions/index.js';

// DuckDB aggregates the translator's rewrites emit, beside the names of the function table, and grouping().
const DUCKDB_AGGREGATES = [
  'list',
  'approx_count_distinct',
  'quantile_disc',
  'arg_max',
  'arg_min',
  'arg_max_null',
  'arg_min_null',
  'string_agg',
  'first',
  'last',
  'median',
  'mode',
  'bit_and',
  'bit_or',
  // Not an aggregate, but bound only with its GROUP BY: a macro overload cannot be picked over it either.
  'grouping',
];

// Aggregate and window calls as they appear in translated text: the table's aggregate and window functions (src/
// dialect/functions, the `calls` flag), the DuckDB names they run under, and the rewrites' DuckDB aggregates.
const AGGREGATE_CALL = new RegExp(
  `\\b(?:${[
    ...[...FUNCTION_TABLE].flatMap(([name, entry]) =>
      entry.calls === undefined ? [] : entry.run.kind === 'builtin' || entry.run.kind === 'shim' ? [name, entry.run.to] : [name],
    ),
    ...DUCKDB_AGGREGATES,
  ].join('|')})\\s*\\(|\\)\\s*OVER\\b`,
  'i',
);

/** Whether translated text contains an aggregate or window call (a false positive only costs speed). */
export const hasAggregate = (text: string): boolean => AGGREGATE_CALL.test(text);

/**
 * `text` without its parenthesized subqueries (`(SELECT …)`, `(WITH …)`; quoted text respected): an aggregate inside
 * a scalar subquery is that subquery's own, so `avg((SELECT max(x) FROM t))` is an average of a plain value.
 */
function outsideSubqueries(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    if (text[i] === '(' && /^\(\s*(?:SELECT|WITH)\b/i.test(text.slice(i, i + 16))) {
      i = afterGroup(text, i);
      out += '()';
      continue;
    }
    const end = text[i] === "'" || text[i] === '"' ? afterQuoted(text, i) : i + 1;
    out += text.slice(i, end);
    i = end;
  }
  return out;
}

const afterQuoted = (text: string, at: number): number => {
  const quote = text[at];
  let i = at + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] !== quote) return i + 1;
      i += 2;
    } else i++;
  }
  return i;
};

function afterGroup(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; ) {
    const c = text[i];
    if (c === "'" || c === '"') {
      i = afterQuoted(text, i);
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
    i++;
  }
  return text.length;
}

/**
 * Whether translated text calls an aggregate or window function outside its scalar subqueries: `sum((SELECT
 * covar_pop(x, y) FROM …))` may take its typed witness (it was typed as DuckDB's sum of a FLOAT, a double).
 */
export const hasOuterAggregate = (text: string): boolean => AGGREGATE_CALL.test(text) && hasAggregate(outsideSubqueries(text));

/** `name(args…)`, or `name_any(args…)` when an argument holds an aggregate or window call. */
export function shimCall(name: string, args: readonly string[]): string {
  return `${name}${args.some(hasAggregate) ? '_any' : ''}(${args.join(', ')})`;
}

/** The same choice for a call whose arguments are already rendered as one text (spacing kept). */
export function shimCallText(name: string, argsText: string): string {
  return `${name}${hasAggregate(argsText) ? '_any' : ''}(${argsText})`;
}
