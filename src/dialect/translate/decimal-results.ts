// Calls whose Trino result type follows the argument's decimal precision and scale: floor, ceil, round, truncate
// and sign, each by its arity (src/dialect/shims/decimal-macros.ts picks the type). Merged into FUNCTIONS.
import type { CallHandler } from './functions.js';

const byArity =
  (one: string, two: string): CallHandler =>
  (c) =>
    `${c.args.length === 2 ? two : one}(${c.all()})${c.tail}`;

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
