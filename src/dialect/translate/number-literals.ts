import type { Token } from '../tokens.js';

// Trino's numeric literals as DuckDB reads them. Trino 476 accepts `_` between digits (`1_000`) and integers in hex,
// octal and binary (`0x1F`, `0o17`, `0b101`); DuckDB reads `1_000` as 1 AS _000 and `0x10` as 0 AS x10, so the
// translator writes the value in decimal digits (https://trino.io/docs/current/language/types.html#integer).

const BIGINT_MAX = 9223372036854775807n;
const RADIX_PREFIX = /^0([xXoObB])/;

/** A numeric literal token's text with `_` removed and a hex, octal or binary integer written in decimal. */
export function decimalDigits(text: string): string {
  const digits = text.replaceAll('_', '');
  const radix = RADIX_PREFIX.exec(digits);
  if (!radix) return digits;
  const prefix = { x: '0x', o: '0o', b: '0b' }[radix[1].toLowerCase() as 'x' | 'o' | 'b'];
  return BigInt(prefix + digits.slice(2)).toString();
}

/**
 * A decimal literal (`0.5`, `00.5`, `.5`; no exponent) as DuckDB must read it to give Trino's type: Trino types it by
 * its digits without leading zeros (`0.5` is decimal(1,1), `0.<38 digits>` decimal(38,38)), DuckDB counts them (`0.5`
 * is DECIMAL(2,1), a 39th digit makes a DOUBLE), so the integer part's leading zeros are dropped. Other literals are
 * returned as they are.
 */
export function withoutLeadingZeros(digits: string): string {
  const m = /^(\d*)\.(\d*)$/.exec(digits);
  if (!m) return digits;
  const integer = m[1].replace(/^0+/, '');
  return `${integer === '' && m[2] === '' ? '0' : integer}.${m[2]}`;
}

/** Whether a decimal literal has more than 38 digits (Trino 476: INVALID_LITERAL "is not a valid DECIMAL literal"). */
export function decimalLiteralPast38(digits: string): boolean {
  const m = /^(\d*)\.(\d*)$/.exec(digits);
  return m !== null && m[1].replace(/^0+/, '').length + m[2].length > 38;
}

/** Whether the (decimal) digits are an integer literal past bigint, which Trino rejects ("Invalid numeric literal"). */
export const integerPastBigint = (digits: string): boolean => /^\d+$/.test(digits) && BigInt(digits) > BIGINT_MAX;

/**
 * `10abc`, `1_000e1`, `0x`: a number run into letters or `_` is one digit identifier to Trino's lexer, which rejects
 * it ("identifiers must not start with a digit"); DuckDB would read `10 AS abc`. A number with a `.` ends before them
 * in both. `0x10.5` is two literals in a row to Trino (a syntax error), one number once written in decimal. Returns
 * each such number with the text Trino fails on.
 */
export function numbersRunIntoText(tokens: readonly Token[]): { at: Token; text: string; kind: 'identifier' | 'number' }[] {
  const found: { at: Token; text: string; kind: 'identifier' | 'number' }[] = [];
  tokens.forEach((t, k) => {
    const after = tokens[k + 1];
    if (t.kind !== 'number') return;
    if (after?.kind === 'number') found.push({ at: t, text: t.text + after.text, kind: 'number' });
    const run = after?.kind === 'word' && !t.text.includes('.') ? /^[A-Za-z0-9_]+/.exec(after.text) : null;
    if (run) found.push({ at: t, text: t.text + run[0], kind: 'identifier' });
  });
  return found;
}
