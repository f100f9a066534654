// max, max(x, n) and max_by skip NaN in Trino 476: they order NaN below every value (max(1.5, NaN) is 1.5,
// max(-Infinity, NaN) -Infinity, max of NaNs alone NaN; max(x, 3) of 1.5, NaN, 0.5 is [1.5, 0.5, NaN]; max_by(k, x)
// takes the row of the largest key that is not NaN), where DuckDB orders NaN above +Infinity. min, min(x, n) and
// min_by order NaN above every value, as DuckDB does. Each form folds to DuckDB's own call for other types: the NaN
// guards (shims/nan-macros.ts) fold away while binding, and DuckDB computes the identical aggregates (or window
// functions) left once.
import { checkedFamilies } from './decimal-common-type.js';
import type { CallHandler } from './functions.js';

const distinctOf = (arg: string) => /^DISTINCT\s+/i.exec(arg)?.[0] ?? '';

export const NAN_CALL_REWRITES: Record<string, CallHandler> = {
  // Values of two type families (1 and 'a') are refused first, as Trino 476: "Types are not comparable with NULLIF".
  nullif: (c) =>
    checkedFamilies(
      'nullif()',
      `nullif(${c.arg(0)}, trino_nan_null(${c.arg(1)}))`,
      c.args,
      c.args.map((_a, k) => c.arg(k)),
    ),
  max: (c) => {
    const distinct = distinctOf(c.arg(0));
    const x = c.arg(0).slice(distinct.length);
    if (c.args.length === 1) return `coalesce(max(${distinct}trino_nan_null(${x}))${c.tail}, max(${c.all()})${c.tail})`;
    if (c.args.length !== 2) return undefined;
    return `trino_max_n(max(${distinct}trino_nan_null(${x}), ${c.arg(1)})${c.tail}, max(${c.all()})${c.tail}, ${c.arg(1)})`;
  },
  max_by: (c) => {
    if (c.args.length !== 2) return undefined;
    const [v, key] = [c.arg(0), c.arg(1)];
    // A key bound through min() only for its type (DuckDB drops the unused aggregate after folding the CASE).
    return `CASE WHEN typeof([min(${key})${c.tail}]) IN ('DOUBLE[]', 'FLOAT[]')
      THEN CASE WHEN count(trino_nan_null(${key}))${c.tail} > 0 THEN arg_max_null(${v}, trino_nan_null(${key}))${c.tail} ELSE arg_max_null(${v}, ${key})${c.tail} END
      ELSE arg_max_null(${v}, ${key})${c.tail} END`;
  },
};
