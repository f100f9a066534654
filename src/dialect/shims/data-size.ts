// Trino's parse_data_size (io.trino.operator.scalar.DataSizeFunctions, Trino 476): the leading run of digits and dots
// is a java.math.BigDecimal, the rest of the text is exactly one unit (no whitespace anywhere), and the bytes are the
// product truncated to a whole number, as decimal(38,0). Exact arithmetic on bigints: a double or a DuckDB DECIMAL
// would round long fractions and large yottabyte counts.

/** Powers of 1024 by unit, as Trino's Unit enum (case-sensitive: 'kB', not 'KB' or 'kb'). */
const UNIT_POWERS: Readonly<Record<string, bigint>> = { B: 0n, kB: 1n, MB: 2n, GB: 3n, TB: 4n, PB: 5n, EB: 6n, ZB: 7n, YB: 8n };

const DECIMAL_38_MAX = 10n ** 38n - 1n;
/** Trino's Int128 holds 127 bits and a sign; a larger product fails before the decimal(38,0) range check. */
const INT128_MAX = 2n ** 127n - 1n;

/** java.lang.Character.isDigit on one UTF-16 code unit (Unicode Nd), as Trino tests each char. */
const isJavaDigit = (unit: string) => /\p{Nd}/u.test(unit);

/**
 * java.lang.Character.digit(c, 10) of a Nd code unit: Unicode keeps every Nd run as ten consecutive code points 0…9,
 * so the value is the count of Nd code points just before it, modulo 10.
 */
function digitValue(text: string, at: number): bigint {
  const code = text.charCodeAt(at);
  let before = 0;
  while (before < code && isJavaDigit(String.fromCharCode(code - before - 1))) before++;
  return BigInt(before % 10);
}

const invalid = (text: string) => new Error(`Invalid data size: '${text}'`);

/** The bytes `text` stands for, or Trino's error (Invalid data size / Value out of range / Decimal overflow). */
export function parseDataSize(text: string): bigint {
  let length = 0;
  while (length < text.length && (text[length] === '.' || isJavaDigit(text[length]))) length++;
  const number = text.slice(0, length);
  // new BigDecimal(number): at least one digit and at most one dot ('.5' and '5.' are numbers).
  if (number.replace('.', '') === '' || number.indexOf('.') !== number.lastIndexOf('.')) throw invalid(text);
  const power = Object.hasOwn(UNIT_POWERS, text.slice(length)) ? UNIT_POWERS[text.slice(length)] : undefined;
  if (power === undefined) throw invalid(text);

  let unscaled = 0n;
  let scale = 0n;
  let afterDot = false;
  for (let i = 0; i < number.length; i++) {
    if (number[i] === '.') afterDot = true;
    else {
      unscaled = unscaled * 10n + digitValue(text, i);
      if (afterDot) scale++;
    }
  }
  // BigDecimal.multiply(factor).toBigInteger(): truncation toward zero (every value here is non-negative).
  const bytes = (unscaled * 1024n ** power) / 10n ** scale;
  if (bytes > INT128_MAX) throw new Error('Decimal overflow');
  if (bytes > DECIMAL_38_MAX) throw new Error(`Value out of range: '${text}' ('${bytes}B')`);
  return bytes;
}
