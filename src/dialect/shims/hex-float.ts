// Java's Double.parseDouble and Float.parseFloat read hexadecimal floating-point text (`0x1p3` is 8.0, `0x1.8p1f` as
// real 3.0), which Trino 476's casts from varchar to double and real use; DuckDB's casts do not (CAST failed,
// TRY_CAST was NULL). trino_hex_float_text gives such a text as the decimal text of the value Java reads, correctly
// rounded once to the target's precision, which DuckDB's own cast then reads back exactly; any other text is returned
// unchanged for that cast to judge.
import { BOOLEAN, type DuckDBScalarFunction, VARCHAR } from '@duckdb/node-api';
import { udf } from './scalar-udf.js';

/**
 * Java's HexFloatingPointLiteral after String.trim (characters up to U+0020 at both ends): a sign, 0x, hex digits with
 * an optional point (at least one digit), a binary exponent p with decimal digits, and an optional type suffix.
 */
const HEX_FLOAT = /^[\x00-\x20]*([+-]?)0[xX]([0-9a-fA-F]+\.?|[0-9a-fA-F]*\.[0-9a-fA-F]+)[pP]([+-]?[0-9]+)[fFdD]?[\x00-\x20]*$/;

const FORMATS = {
  double: { precision: 53, minExponent: -1022, maxExponent: 1023 },
  real: { precision: 24, minExponent: -126, maxExponent: 127 },
} as const;

function bitLength(n: bigint): number {
  return n.toString(2).length;
}

/** The value of a hexadecimal floating-point text rounded half even to a double or real; undefined if not one. */
export function javaHexFloat(text: string, real: boolean): number | undefined {
  const m = HEX_FLOAT.exec(text);
  if (!m) return undefined;
  const [, sign, significand, exponentText] = m;
  const [whole, fraction = ''] = significand.split('.');
  const digits = `${whole}${fraction}`;
  const negative = sign === '-';
  const mantissa = digits === '' ? 0n : BigInt(`0x${digits}`);
  if (mantissa === 0n) return negative ? -0 : 0;
  const { precision, minExponent, maxExponent } = FORMATS[real ? 'real' : 'double'];
  // value = mantissa * 2^exponent; its leading bit's exponent is leading.
  const exponent = BigInt(exponentText) - BigInt(4 * fraction.length);
  const n = bitLength(mantissa);
  const leading = BigInt(n - 1) + exponent;
  const lowest = minExponent - (precision - 1); // the exponent of the smallest subnormal
  let value: number;
  if (leading > BigInt(maxExponent + 1)) value = Number.POSITIVE_INFINITY;
  else if (leading < BigInt(lowest - 1)) value = 0;
  else {
    const e = Number(exponent);
    const shift = Math.max(n - precision, lowest - e);
    let q = mantissa;
    let k = e;
    if (shift > 0) {
      q = mantissa >> BigInt(shift);
      const rest = mantissa - (q << BigInt(shift));
      const half = 1n << BigInt(shift - 1);
      if (rest > half || (rest === half && (q & 1n) === 1n)) q += 1n;
      k = e + shift;
    }
    value = Number(q) * 2 ** k;
    if (real && value >= 2 ** 128) value = Number.POSITIVE_INFINITY;
  }
  return negative ? -value : value;
}

/** A number's text that DuckDB's cast to DOUBLE (and, for a real's value, to FLOAT) reads back exactly. */
function exactText(value: number): string {
  if (Object.is(value, -0)) return '-0.0';
  if (value === Number.POSITIVE_INFINITY) return 'Infinity';
  if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
  return String(value);
}

export function hexFloatUdfs(): DuckDBScalarFunction[] {
  return [
    udf('trino_hex_float_text', [VARCHAR, BOOLEAN], VARCHAR, ([t, real]) => {
      const value = javaHexFloat(String(t), real === true);
      return value === undefined ? String(t) : exactText(value);
    }),
  ];
}
