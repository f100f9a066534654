// Bitwise functions (https://trino.io/docs/current/functions/bitwise.html).
import { aggregate, rewrite, shim, type FunctionFamily } from './entry.js';

export const BITWISE: FunctionFamily = {
  bit_count: shim('trino_bit_count', '2', 'bits set in the two’s complement of x in the given width'),
  bitwise_and: shim('trino_bitwise_and', '2'),
  bitwise_or: shim('trino_bitwise_or', '2'),
  bitwise_xor: shim('trino_bitwise_xor', '2'),
  bitwise_not: shim('trino_bitwise_not', '1'),
  bitwise_left_shift: shim('trino_bitwise_left_shift', '2', 'the value’s type and width'),
  bitwise_right_shift: shim('trino_bitwise_right_shift', '2', 'logical shift in the value’s type and width'),
  bitwise_right_shift_arithmetic: shim('trino_bitwise_right_shift_arithmetic', '2', 'sign-extending shift in the value’s type'),
  bitwise_and_agg: aggregate(rewrite('bigint; DuckDB bit_and of the integer-checked value, its DISTINCT, FILTER and OVER kept', '1')),
  bitwise_or_agg: aggregate(rewrite('bigint; DuckDB bit_or of the integer-checked value, its DISTINCT, FILTER and OVER kept', '1')),
  bitwise_xor_agg: aggregate(rewrite('bigint; DuckDB bit_xor of the integer-checked value, its DISTINCT, FILTER and OVER kept', '1')),
};
