// Window functions whose DuckDB namesakes answer differently (https://trino.io/docs/current/functions/window.html).
// Merged into FUNCTIONS (functions.ts).
import { REFUSED_KEY_MARKER } from '../shims/error-messages.js';
import { checkedArray } from './decimal-common-type.js';
import type { CallContext, CallHandler } from './functions.js';

/**
 * lag/lead(x, offset, default): Trino's signature is (T, bigint, T), so x and the default meet in their common type
 * (lag(x, 1, 1.5) of an integer x is a decimal(11,1)); DuckDB casts the default to x's type (1.5 became 2). x takes
 * the type of `[x, default]`, which DuckDB only binds. A NULL or negative offset fails in Trino (DuckDB reads a
 * negative offset as the other direction).
 */
/**
 * The offset (bucket count) of lag, lead, nth_value and ntile is a bigint in Trino's signatures: one of another type
 * family (a decimal, double or varchar) fails FUNCTION_NOT_FOUND there, where DuckDB cast it (lead(x, 1.0) answered).
 * Refused while binding from the argument's type (the CASE folds; a NULL literal is Trino's unknown, coerced).
 */
export const bigintArgument = (name: string, value: string): string =>
  `{'trino_v': ${value}}[CASE WHEN typeof(${value}) IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', '"NULL"') THEN 'trino_v' ELSE '${REFUSED_KEY_MARKER}bigint-argument ${name} ' || typeof(${value}) END]`;

const shiftedValue: CallHandler = (c) => {
  if (c.args.length < 2) return undefined;
  const offset = `trino_window_offset(${bigintArgument(c.name.text.toLowerCase(), c.arg(1))}, 0)`;
  // Past 38 digits Trino's common type keeps the larger scale and a value that does not fit fails its cast (lag(x, 1,
  // DECIMAL '0.…01') of a decimal(11,2) x is decimal(38,38)); DuckDB's rounds the scale away: refused as ARRAY[…] is.
  const both =
    c.args.length === 3 ? checkedArray(`[${c.arg(0)}, ${c.arg(2)}]`, [c.args[0], c.args[2]], [c.arg(0), c.arg(2)], `${c.name.text.toLowerCase()}()`) : '';
  // x in the common type, cast as a one-element list: cast_to_type refuses a NULL-typed target (lag(x, 1, NULL) of a
  // NULL-typed x), not a list of one.
  const value = c.args.length === 3 ? `cast_to_type([${c.arg(0)}], [${both}[1]])[1]` : c.arg(0);
  const rest = c.args.length === 3 ? `, ${c.arg(2)}` : '';
  return `${c.name.text}(${value}, ${offset}${rest})${c.tail}`;
};

/** nth_value(x, n): n below 1 fails in Trino (DuckDB: NULL). */
const nthValue = (c: CallContext) => `nth_value(${c.arg(0)}, trino_window_offset(${bigintArgument('nth_value', c.arg(1))}, 1))${c.tail}`;

const ntile: CallHandler = (c) => (c.args.length === 1 ? `ntile(${bigintArgument('ntile', c.arg(0))})${c.tail}` : undefined);

export const WINDOW_REWRITES: Record<string, CallHandler> = {
  lag: shiftedValue,
  lead: shiftedValue,
  nth_value: nthValue,
  ntile,
};
