// a / b of decimals whose scaled dividend passes 38 digits (a decimal(38,9) over a decimal(1,1) scales a by 10^10):
// DuckDB's HUGEINT overflows there, where Trino divides in 256 bits. BigInt's exact quotient, rounded half away from
// zero as Trino's DecimalOperators round (the trino_divide_bound shim, macros.ts, takes this path only there).
import { INTEGER, VARCHAR, type DuckDBScalarFunction } from '@duckdb/node-api';
import { udf } from './scalar-udf.js';

/** A decimal's text as its unscaled integer and scale ('-12.50' → -1250n, 2). */
function unscaled(text: string): { value: bigint; scale: number } {
  const [whole, fraction = ''] = text.trim().split('.');
  return { value: BigInt(`${whole}${fraction}`.replace(/^(-?)$/, '$10')), scale: fraction.length };
}

/** The text of a / b (decimal texts, b not zero) at `scale` fraction digits, rounded half away from zero. */
export function decimalQuotientText(a: string, b: string, scale: number): string {
  const [x, y] = [unscaled(a), unscaled(b)];
  // a / b · 10^scale = (x · 10^(y.scale + scale)) / (y · 10^x.scale)
  const n = x.value * 10n ** BigInt(y.scale + scale);
  const d = y.value * 10n ** BigInt(x.scale);
  const [an, ad] = [n < 0n ? -n : n, d < 0n ? -d : d];
  const magnitude = (an * 2n + ad) / (2n * ad);
  // Trino 476: NUMERIC_VALUE_OUT_OF_RANGE "Decimal overflow" past 38 digits.
  if (magnitude >= 10n ** 38n) throw new Error('Decimal overflow');
  const negative = n < 0n !== d < 0n && magnitude !== 0n;
  const digits = magnitude.toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/**
 * The text of a % b (decimal texts, b not zero) at `scale` fraction digits (max of both scales), exact, with a's sign
 * as Trino's remainder. DuckDB computes a % b of decimals whose common type passes 38 digits as DOUBLE
 * (DECIMAL(38,0) 2 % DECIMAL(38,37) 0.7 gave 0.6000000000000001139…); Trino 476 answers 0.6 exactly.
 * Trino 476 divides the operands at the common scale in 128 bits and fails "Decimal overflow" where the quotient's
 * magnitude reaches 2^128: DECIMAL '68056473384187692692674921486353642292' % DECIMAL '0.2' fails, …291 answers 0.0,
 * DECIMAL '4' % 1e-38 fails, % 3e-38 answers (DuckDB answered all; hunt44, seed 20261337). Only a dividend rescaled
 * past 38 digits reaches it, which the common type's width sends here (trino_modulus_bound, macros.ts).
 */
export function decimalRemainderText(a: string, b: string, scale: number): string {
  const [x, y] = [unscaled(a), unscaled(b)];
  const [dividend, divisor] = [x.value * 10n ** BigInt(scale - x.scale), y.value * 10n ** BigInt(scale - y.scale)];
  if ((dividend < 0n ? -dividend : dividend) / (divisor < 0n ? -divisor : divisor) >= 2n ** 128n) throw new Error('Decimal overflow');
  const remainder = dividend % divisor;
  const digits = (remainder < 0n ? -remainder : remainder).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return remainder < 0n ? `-${text}` : text;
}

export function decimalQuotientUdfs(): DuckDBScalarFunction[] {
  return [
    udf('trino_decimal_quotient_text', [VARCHAR, VARCHAR, INTEGER], VARCHAR, ([a, b, s]) => decimalQuotientText(String(a), String(b), Number(s))),
    udf('trino_decimal_remainder_text', [VARCHAR, VARCHAR, INTEGER], VARCHAR, ([a, b, s]) => decimalRemainderText(String(a), String(b), Number(s))),
  ];
}
