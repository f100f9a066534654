// Calls of function shims whose arguments DuckDB would bind thousands of times, written so that it binds them once
// (issue 18). DuckDB expands a macro by copying each argument's text into every mention of its parameter, through
// nested macros (shims/macro-weights.ts): `array_intersect(x, array_sort(slice(y, -1, 2)))` bound `y` ~18,000 times,
// `date_trunc('quarter', date_add('quarter', element_at(m, k), d))` 23 million characters of SQL: seconds of binding
// for one expression (found by the random oracle, where a few such expressions took most of the local engine's time).
// The heavy arguments become the fields of a lambda's parameter, bound once, and the call reads the fields:
// `list_transform([{'a1': coalesce(x)}], lambda trino_once1: f('unit', trino_once1['a1']))[1]`.
//
// Only macros that compute a Trino function (`trino_<name>` for a function of the table, and the shims the table
// names) are written this way: Trino evaluates a function's arguments before calling it, so evaluating them once,
// first, changes no answer, while a macro standing for a lazy form (coalesce, if, nullif, try) must not evaluate an
// argument its condition skips. A literal argument stays in place (DuckDB needs some, a strftime format, constant),
// as does a lambda; every other argument moves into the fields, so the lambda reads no outer column (DuckDB cannot
// bind an outer query's column inside a lambda). It costs ~20 ns per row, so only calls whose expansion would be
// large are written this way.
import { FUNCTION_TABLE } from '../functions/index.js';
import { argumentWeight, expandedSize, macroCalls } from '../shims/macro-weights.js';

/** Characters of expanded SQL that binding an argument again and again must cost before the call binds it once. */
const HEAVY = 200_000;

/** Trino's lazy forms: their macros may skip an argument, so it is not evaluated first. */
const LAZY = new Set(['coalesce', 'nullif', 'if', 'try', 'try_cast', 'cast', 'row', 'grouping']);

/**
 * Helper macros that evaluate their argument on every path, as the function they serve does (reviewed one by one):
 * the zoned-key check around a map (map_concat, map_from_entries), greatest/least of a list, a zoned value's wall
 * clock, an interval's fields, a decimal read as a real or double (trino_floating_read), an argument of corr, covar_pop,
 * covar_samp, regr_slope or regr_intercept read as a real or double (trino_stat_arg: its value on both paths, the two
 * arguments' types only; the aggregate's arguments are evaluated in the same row anyway). A scalar subquery as such an
 * argument was bound ~52 times each: regr_slope(1, (SELECT regr_intercept(x, y) FROM UNNEST(a, a) …)) 6.7 s → 0.7 s.
 */
const EAGER_HELPERS = [
  'trino_zoned_keys_apart',
  'trino_greatest_of',
  'trino_least_of',
  'trino_wall',
  'trino_interval_fields',
  'trino_floating_read',
  'trino_stat_arg',
];

let eagerMacros: Set<string> | undefined;
/** Macros that compute a Trino function, whose arguments Trino evaluates first. */
function eager(): Set<string> {
  eagerMacros ??= new Set([
    ...EAGER_HELPERS,
    ...[...FUNCTION_TABLE].flatMap(([name, entry]) =>
      LAZY.has(name) ? [] : [`trino_${name}`, `trino_${name}_any`, ...(entry.run.kind === 'shim' ? [entry.run.to, `${entry.run.to}_any`] : [])],
    ),
  ]);
  return eagerMacros;
}

/** A lambda argument (`lambda x: …`): it stays in the call. */
const LAMBDA = /^\s*lambda\b/i;
/** A literal argument: it stays in the call, constant as DuckDB may need it. */
const LITERAL =
  /^\s*(?:'(?:[^']|'')*'|-?\d+(?:\.\d*)?(?:e[+-]?\d+)?|NULL|TRUE|FALSE|(?:DATE|TIME|TIMESTAMP|TIMESTAMPTZ|INTERVAL|DECIMAL|DOUBLE|REAL|BIGINT|INTEGER|SMALLINT|TINYINT)\s+'(?:[^']|'')*')\s*$/i;

/**
 * `sql` with every call of an eager function macro whose arguments' expansion would cost more than {@link HEAVY}
 * written to bind them once; the same text when there is none.
 */
export function bindHeavyArgumentsOnce(sql: string): string {
  if (!/trino_/.test(sql) || expandedSize(sql) <= HEAVY) return sql;
  return rewritten(sql);
}

function rewritten(text: string): string {
  return macroCalls(text, (name, args, original) => {
    const inner = args.map(rewritten);
    if (!eager().has(name)) return inner.every((a, k) => a === args[k]) ? original : `${original.slice(0, original.indexOf('('))}(${inner.join(',')})`;
    return onceCall(original.slice(0, original.indexOf('(')), name, inner) ?? `${original.slice(0, original.indexOf('('))}(${inner.join(',')})`;
  });
}

/** `shim(args…)` with its non-literal arguments bound once, when one of them is heavy; otherwise undefined. */
function onceCall(written: string, name: string, args: readonly string[]): string | undefined {
  const moved = args.map((arg) => !LAMBDA.test(arg) && !LITERAL.test(arg));
  const heavy = args.some((arg, k) => moved[k] && /\(/.test(arg) && (argumentWeight(name, args.length, k) - 1) * expandedSize(arg) > HEAVY);
  if (!heavy) return undefined;
  // Nested calls name their parameters apart, so an inner call's parameter never hides an outer one.
  const parameter = `trino_once${(args.join(',').match(/lambda trino_once/g)?.length ?? 0) + 1}`;
  // coalesce keeps a NULL-typed argument's type and evaluates it: Trino evaluates an untyped argument of a function
  // (date_add('day', element_at(ARRAY[], 0), d) fails), where DuckDB would drop it.
  const fields = args.flatMap((arg, k) => (moved[k] ? [`'a${k}': coalesce(${arg.trim()})`] : []));
  const call = args.map((arg, k) => (moved[k] ? `${parameter}['a${k}']` : arg.trim())).join(', ');
  return `list_transform([{${fields.join(', ')}}], lambda ${parameter}: ${written}(${call}))[1]`;
}
