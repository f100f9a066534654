// Calls whose Trino result type follows the argument's decimal precision and scale: floor, ceil, round, truncate
// and sign, each by its arity (src/dialect/shims/decimal-macros.ts picks the type). Merged into FUNCTIONS.
import type { CallHandler } from './functions.js';

/**
 * round(x, d) and truncate(x, d) take an integer d in Trino: a literal past the integer range is a bigint, for which
 * Trino 476 has no overload (FUNCTION_NOT_FOUND "Unexpected parameters (decimal(6,2), bigint)"); DuckDB took it.
 */
const byArity =
  (one: string, two: string): CallHandler =>
  (c) => {
    if (c.args.length === 2 && /^\s*-?\s*\d+\s*$/.test(c.arg(1)) && Math.abs(Number(c.arg(1).replace(/\s/g, ''))) > 2147483647) {
      c.report(
        'type',
        `${c.name.text}(): the number of places ${c.arg(1).trim()} is a bigint, and Athena's ${c.name.text} takes an integer (it fails: Unexpected parameters)`,
        `write a number of places between -2147483648 and 2147483647`,
      );
      return undefined;
    }
    return `${c.args.length === 2 ? two : one}(${c.all()})${c.tail}`;
  };

const rename =
  (shim: string): CallHandler =>
  (c) =>
    `${shim}(${c.all()})${c.tail}`;

export const DECIMAL_RESULT_REWRITES: Record<string, CallHandler> = {
  floor: rename('trino_floor'),
  ceil: rename('trino_ceil'),
  ceiling: rename('trino_ceil'),
  sign: rename('trino_sign'),
  round: byArity('trino_round_whole', 'trino_round_places'),
  truncate: byArity('trino_truncate_whole', 'trino_truncate'),
};
