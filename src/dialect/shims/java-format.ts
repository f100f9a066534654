// Java `String.format` (java.util.Formatter), the subset analytics SQL uses: %s %d %f %e %x %o %c %b %n %%, flags
// `-0+ ,(#`, width and precision. Arguments arrive as their SQL text (CAST … AS VARCHAR) and are read back as numbers
// where the conversion needs one.

import { javaDouble } from './json-canonical.js';

// `<` (a flag) reuses the previous specifier's argument: `format('%s %<s', 'a')` is 'a a'.
const SPEC = /%(\d+\$)?([-#+ 0,(<]*)(\d+)?(\.\d+)?([a-zA-Z%])/g;

export class JavaFormatError extends Error {}

/** The shortest decimal digits that read back as the same float (Java's Float.toString picks those). */
function shortestFloat(f: number): number {
  // A zero keeps its sign: Math.fround(0) === -0, so the loop below gave -0.0 back as 0 (Trino 476: format('%s',
  // REAL '-0.0') is '-0.0', '%f' '-0.000000').
  if (f === 0) return f;
  for (let digits = 1; digits < 9; digits++) {
    const candidate = Number(f.toPrecision(digits));
    if (Math.fround(candidate) === f) return candidate;
  }
  return f;
}

/**
 * What `%s` prints for a double or real: Java's Double.toString / Float.toString (`1.0E7`, `4.656612875245797E-10`,
 * `NaN`, `Infinity`), from DuckDB's text of the value (`10000000.0`, `4.656612875245797e-10`, `nan`, `inf`).
 */
export function javaFloatingText(duckdbText: string, isReal: boolean): string {
  const text = duckdbText.trim().toLowerCase();
  if (text === 'nan' || text === '-nan') return 'NaN';
  if (text === 'inf' || text === 'infinity') return 'Infinity';
  if (text === '-inf' || text === '-infinity') return '-Infinity';
  const value = Number(text);
  return javaDouble(isReal ? shortestFloat(Math.fround(value)) : value);
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function pad(text: string, width: number | undefined, flags: string, numeric: boolean): string {
  if (width === undefined || text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width);
  if (numeric && flags.includes('0')) {
    const sign = /^[-+ (]/.test(text) ? text[0] : '';
    return sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return text.padStart(width);
}

function signed(body: string, negative: boolean, flags: string): string {
  if (negative) return flags.includes('(') ? `(${body})` : `-${body}`;
  if (flags.includes('+')) return `+${body}`;
  if (flags.includes(' ')) return ` ${body}`;
  return body;
}

/** Plain decimal digits of a number's text (`1e-7` → `0.0000001`), sign dropped. */
function plainDigits(text: string): { int: string; frac: string } {
  const m = /^[-+]?(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(text.trim());
  if (!m) throw new JavaFormatError(`format(): %f needs a number, got '${text}'`);
  let int = m[1] || '0';
  let frac = m[2] ?? '';
  let exp = m[3] ? Number(m[3]) : 0;
  for (; exp > 0; exp--) {
    int += frac[0] ?? '0';
    frac = frac.slice(1);
  }
  for (; exp < 0; exp++) {
    frac = (int.slice(-1) || '0') + frac;
    int = int.slice(0, -1);
  }
  return { int: int.replace(/^0+(?=\d)/, '') || '0', frac };
}

/** Java rounds the shortest decimal form of the value HALF_UP (`%.2f` of 1.005 is 1.01, not C's 1.00). */
function fixed(text: string, precision: number): string {
  const { int, frac } = plainDigits(text);
  let scaled = BigInt(int + frac.slice(0, precision).padEnd(precision, '0'));
  if ((frac[precision] ?? '0') >= '5') scaled += 1n;
  const digits = scaled.toString().padStart(precision + 1, '0');
  return precision > 0 ? `${digits.slice(0, -precision)}.${digits.slice(-precision)}` : digits;
}

/**
 * %e as Java writes it: the shortest decimal form of the value (a BigDecimal's own digits) rounded HALF_UP to
 * `precision` digits after the first (Trino 476: format('%.3e', 9.9995e0) is 1.000e+01, format('%e', 1e-320)
 * 1.000000e-320, where toExponential rounds the binary value: 9.999e+0, 9.999889e-321).
 */
function scientific(text: string, precision: number): { mantissa: string; exponent: number } {
  const { int, frac } = plainDigits(text);
  const all = int + frac;
  const first = all.search(/[1-9]/);
  if (first < 0) return { mantissa: precision > 0 ? `0.${'0'.repeat(precision)}` : '0', exponent: 0 };
  const digits = all.slice(first);
  let scaled = BigInt(digits.slice(0, precision + 1).padEnd(precision + 1, '0'));
  if ((digits[precision + 1] ?? '0') >= '5') scaled += 1n;
  const rounded = scaled.toString();
  // A carry (9.9995 to 10.000) adds a digit: one more in the exponent.
  const exponent = int.length - 1 - first + (rounded.length > precision + 1 ? 1 : 0);
  const kept = rounded.slice(0, precision + 1);
  return { mantissa: precision > 0 ? `${kept[0]}.${kept.slice(1)}` : kept, exponent };
}

/**
 * Marks a real's text among format()'s arguments. Java's Formatter prints a Float's %s as Float.toString (1.1) but its
 * %f and %e from the double the float widens to (Trino 476: format('%.10f', REAL '1.1') is 1.1000000238).
 */
export const REAL_MARK = '\u0001';
/**
 * Mark an integer's (a Java Long) and a decimal's (a BigDecimal) text: Java's Formatter rejects a Long for %f and %e
 * and a BigDecimal for %d, %x and %o (Trino 476: format('%f', 1) fails "IllegalFormatConversion: f != java.lang.Long").
 */
export const INTEGER_MARK = '\u0002';
export const DECIMAL_MARK = '\u0003';
/**
 * A double's (Double), a varchar's (String), a boolean's (Boolean) and a date's (LocalDate) text are marked for %h,
 * Java's hashCode of the argument's class in hex (Trino 476: format('%h', 1.5E0) is 3ff80000, of '1.5' 17862): the
 * same text of two classes hashes apart; a timestamp's (LocalDateTime) too. An unmarked argument (a zoned timestamp, a
 * time, an interval…) has no %h locally.
 */
export const DOUBLE_MARK = '\u0004';
export const STRING_MARK = '\u0005';
export const BOOLEAN_MARK = '\u0006';
export const DATE_MARK = '\u0007';
export const TIMESTAMP_MARK = '\b';
const MARKS = [REAL_MARK, INTEGER_MARK, DECIMAL_MARK, DOUBLE_MARK, STRING_MARK, BOOLEAN_MARK, DATE_MARK, TIMESTAMP_MARK];
const JAVA_CLASS: Readonly<Record<string, string>> = {
  [INTEGER_MARK]: 'java.lang.Long',
  [DECIMAL_MARK]: 'java.math.BigDecimal',
  [STRING_MARK]: 'java.lang.String',
  [BOOLEAN_MARK]: 'java.lang.Boolean',
  [DATE_MARK]: 'java.time.LocalDate',
};

/** LocalDate.hashCode from its text (LocalDate.toString: -0001-01-01, +10000-01-01). */
function localDateHash(text: string): number {
  const [, year, month, day] = /^([-+]?\d+)-(\d+)-(\d+)$/.exec(text) ?? [];
  const y = Number(year);
  return (y & 0xfffff800) ^ ((y << 11) + (Number(month) << 6) + Number(day));
}

/** Java's hashCode of the argument as Trino passes it (Double, Float, Long, BigDecimal, String, Boolean, LocalDate…). */
function javaHashCode(mark: string | undefined, text: string): number {
  const view = new DataView(new ArrayBuffer(8));
  switch (mark) {
    case DOUBLE_MARK: {
      // Double.hashCode: the bits (doubleToLongBits: one NaN) folded, high word XOR low word.
      const value = Number(text);
      view.setFloat64(0, Number.isNaN(value) ? Number.NaN : value);
      return view.getInt32(0) ^ view.getInt32(4);
    }
    case REAL_MARK: {
      view.setFloat32(0, Math.fround(Number(text)));
      return view.getInt32(0);
    }
    case INTEGER_MARK: {
      const value = BigInt.asUintN(64, BigInt(text));
      return Number(BigInt.asIntN(32, value ^ (value >> 32n)));
    }
    case DECIMAL_MARK: {
      // BigDecimal.hashCode: 31 * the unscaled BigInteger's hashCode (its magnitude's 32-bit words, signed) + scale.
      const scale = text.split('.')[1]?.length ?? 0;
      const unscaled = BigInt(text.replace('.', ''));
      const words: bigint[] = [];
      for (let m = unscaled < 0n ? -unscaled : unscaled; m > 0n; m >>= 32n) words.unshift(m & 0xffffffffn);
      let hash = 0;
      for (const word of words) hash = (Math.imul(31, hash) + Number(BigInt.asIntN(32, word))) | 0;
      return (Math.imul(31, unscaled < 0n ? -hash : hash) + scale) | 0;
    }
    case STRING_MARK: {
      let hash = 0;
      for (let k = 0; k < text.length; k++) hash = (Math.imul(31, hash) + text.charCodeAt(k)) | 0;
      return hash;
    }
    case BOOLEAN_MARK:
      return text === 'true' ? 1231 : 1237;
    case DATE_MARK:
      return localDateHash(text);
    case TIMESTAMP_MARK: {
      // LocalDateTime.hashCode: the date's XOR the time's (LocalTime: Long.hashCode of its nanosecond of the day), from
      // LocalDateTime.toString (2020-01-01T10:11, :12 and .345 only when not zero).
      const [date, time] = text.split('T');
      const [h, m, sec = '0'] = time.split(':');
      const nanos = ((BigInt(h) * 60n + BigInt(m)) * 60n + BigInt(sec.split('.')[0])) * 1_000_000_000n + BigInt((sec.split('.')[1] ?? '').padEnd(9, '0'));
      return localDateHash(date) ^ Number(BigInt.asIntN(32, nanos ^ (nanos >> 32n)));
    }
    default:
      throw new JavaFormatError(
        "format(): %h (Java's hashCode) of a timestamp with time zone, time, interval or other value is not supported locally; format a double, integer, decimal, varchar, boolean, date or timestamp, or CAST it to varchar",
      );
  }
}

/**
 * %a as Java writes a double (Double.toHexString; a float widened): 0x1.8p0, subnormals 0x0.…p-1022, zero 0x0.0p0.
 * A precision of 13 digits or more pads the digits with zeros; 1 to 12 round (refused locally).
 */
function hexFloat(text: string, precision: number | undefined, flags: string, width: number | undefined, spec: string): string {
  const value = Math.abs(Number(text));
  if (precision !== undefined && precision < 13) throw new JavaFormatError(`format(): ${spec} (a rounded %a) is not supported locally; write %a`);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const exponent = Number(bits >> 52n);
  const digits = (bits & 0xfffffffffffffn).toString(16).padStart(13, '0').replace(/0+$/, '') || '0';
  const body = value === 0 ? '0.0p0' : exponent === 0 ? `0.${digits}p-1022` : `1.${digits}p${exponent - 1023}`;
  const [mantissa, power] = body.split('p');
  const padded = precision === undefined ? mantissa : mantissa.padEnd(mantissa.indexOf('.') + 1 + precision, '0');
  const sign = text.trim().startsWith('-') ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  // Java's zero padding goes between 0x and the digits ('%012a' of -1.5 is -0x00001.8p0).
  const zeros = flags.includes('0') && width !== undefined ? '0'.repeat(Math.max(0, width - sign.length - 2 - padded.length - 1 - power.length)) : '';
  return `${sign}0x${zeros}${padded}p${power}`;
}

function widenedReal(text: string): string {
  const value = Number(text);
  return Number.isFinite(value) ? javaDouble(Math.fround(value)) : text;
}

/**
 * java.util.Formatter's checks of one specifier, made while it parses the format (before any argument is read):
 * Trino 476 fails "Invalid format string: %-02d (IllegalFormatFlags: Flags = '-0')" where a lenient printf pads.
 */
function checkSpecifier(format: string, spec: string, flags: string, width: number | undefined, precision: number | undefined, conv: string): void {
  const fail = (kind: string, detail: string) => {
    throw new JavaFormatError(`Invalid format string: ${format} (${kind}: ${detail})`);
  };
  const seen = new Set<string>();
  for (const flag of flags) {
    if (seen.has(flag)) fail('DuplicateFormatFlags', `Flags = '${flag}'`);
    seen.add(flag);
  }
  // Flags.toString's order, without '<' (which picks the argument).
  const javaFlags = [...'-#+ 0,('].filter((f) => seen.has(f)).join('');
  const has = (f: string) => seen.has(f);
  const mismatch = (bad: string) => {
    const found = [...bad].find(has);
    if (found !== undefined) fail('FormatFlagsConversionMismatch', `Conversion = ${conv}, Flags = ${found}`);
  };
  const lower = conv.toLowerCase();
  if (lower === 'n' || conv === '%') {
    if (precision !== undefined) fail('IllegalFormatPrecision', String(precision));
    if (lower === 'n' && width !== undefined) fail('IllegalFormatWidth', String(width));
    const bad = lower === 'n' ? javaFlags : javaFlags.replace('-', '');
    if (bad !== '') fail('IllegalFormatFlags', `Flags = '${bad}'`);
  } else if ('sbh'.includes(lower)) {
    // '#' asks a Formattable to print itself; no SQL value is one.
    mismatch('#');
    mismatch('+ 0,(');
  } else if (lower === 'c') {
    mismatch('#+ 0,(');
  } else if ('doxefga'.includes(lower)) {
    if (has('+') && has(' ')) fail('IllegalFormatFlags', `Flags = '${javaFlags}'`);
    if (has('-') && has('0')) fail('IllegalFormatFlags', `Flags = '${javaFlags}'`);
    if (width === undefined && (has('-') || has('0'))) fail('MissingFormatWidth', spec);
    if (lower === 'd') mismatch('#');
    else if (lower === 'o' || lower === 'x') {
      mismatch(',');
      // Checked as a Long is printed: a sign flag suits only a BigInteger, which no SQL value is.
      if (has('+') || has(' ') || has('(')) fail('FormatFlagsConversionMismatch', `Conversion = ${conv}, Flags = ${javaFlags}`);
    } else if (lower === 'e') mismatch(',');
    else if (lower === 'a') mismatch(',(');
    else if (lower === 'g') mismatch('#');
  }
  if (width === undefined && has('-')) fail('MissingFormatWidth', spec);
}

/** A UTF-16 surrogate without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function javaFormat(format: string, markedArgs: readonly (string | null)[]): string {
  const marks = markedArgs.map((a) => MARKS.find((mark) => a?.startsWith(mark)));
  const args = markedArgs.map((a, k) => (marks[k] ? (a as string).slice(1) : a));
  const asDouble = (position: number): string | null => (markedArgs[position]?.startsWith(REAL_MARK) ? widenedReal(args[position] as string) : args[position]);
  let next = 0;
  let previous: number | undefined;
  const text = format.replace(SPEC, (spec: string, index: string | undefined, flags: string, w: string | undefined, p: string | undefined, conv: string) => {
    const width = w ? Number(w) : undefined;
    const precision = p ? Number(p.slice(1)) : undefined;
    checkSpecifier(format, spec, flags, width, precision, conv);
    // Java pads '%%' to its width ('%3%' is '  %').
    if (conv === '%') return pad('%', width, flags, false);
    if (conv === 'n') return '\n';
    if (flags.includes('<') && previous === undefined) throw new JavaFormatError(`format(): %<${conv} has no previous argument`);
    const position = flags.includes('<') ? previous! : index ? Number(index.slice(0, -1)) - 1 : next++;
    if (position >= args.length) throw new JavaFormatError(`format(): missing argument for %${conv}`);
    previous = position;
    // java.util.Formatter rejects a precision on integral and character conversions, whatever the argument.
    if (precision !== undefined && 'dxoc'.includes(conv.toLowerCase())) {
      throw new JavaFormatError(`format(): %${conv} takes no precision (Java: IllegalFormatPrecision: ${precision})`);
    }
    const arg = args[position];
    const upper = conv === conv.toUpperCase() && conv !== conv.toLowerCase();
    const out = (text: string, numeric = false) => {
      const padded = pad(text, width, flags, numeric);
      return upper ? padded.toUpperCase() : padded;
    };
    switch (conv.toLowerCase()) {
      case 's':
        return out(precision === undefined ? String(arg) : String(arg).slice(0, precision));
      case 'b':
        return out(arg === null ? 'false' : arg === 'false' ? 'false' : 'true');
      // Java's %c takes a Character, Byte, Short or Integer; Trino passes a Long (any integer type), a Double, a
      // BigDecimal, a Boolean or a String, so every value but NULL fails there (Trino 476: "Invalid format string: %c
      // (IllegalFormatConversion: c != java.lang.Long)").
      // Java prints a null argument of %h as "null" (below); any other through its class's hashCode.
      case 'h':
        if (arg === null) break;
        return out((javaHashCode(marks[position], arg) >>> 0).toString(16).slice(0, precision));
      case 'c':
        if (arg !== null)
          throw new JavaFormatError(
            'Invalid format string: %c (IllegalFormatConversion: c != java.lang.Long, java.lang.String, …): Athena passes no value %c takes; write chr(n) with %s',
          );
        return out('null');
    }
    // Java prints a null argument of any conversion as %s would: precision cuts it, width pads it with spaces.
    if (arg === null) return out(precision === undefined ? 'null' : 'null'.slice(0, precision));
    const mark = marks[position];
    if ((mark === INTEGER_MARK && 'fega'.includes(conv.toLowerCase())) || (mark === DECIMAL_MARK && 'dxoa'.includes(conv.toLowerCase())))
      throw new JavaFormatError(`Invalid format string: ${spec} (IllegalFormatConversion: ${conv} != ${JAVA_CLASS[mark]})`);
    const number = asDouble(position) as string;
    // Java signs a double whose sign bit is set (-0.0, and -0.001 rounded to -0.00) and a BigDecimal below zero (a
    // decimal -0.00 is zero): Trino 476 format('%f', -0.0E0) is '-0.000000', format('%.2f', DECIMAL '-0.001') '-0.00'.
    const negative = number.trim().startsWith('-') && (mark !== DECIMAL_MARK || /[1-9]/.test(number));
    switch (conv.toLowerCase()) {
      case 'd': {
        if (!/^-?\d+$/.test(arg)) throw new JavaFormatError(`format(): %d needs an integer, got '${arg}'`);
        const negative = arg.startsWith('-');
        const digits = negative ? arg.slice(1) : arg;
        return out(signed(flags.includes(',') ? group(digits) : digits, negative, flags), true);
      }
      case 'x':
      case 'o': {
        const n = BigInt(arg);
        const radix = conv.toLowerCase() === 'x' ? 16 : 8;
        const body = (n < 0n ? (1n << 64n) + n : n).toString(radix);
        return out((flags.includes('#') ? (radix === 16 ? '0x' : '0') : '') + body, true);
      }
      case 'f': {
        const n = Number(number);
        if (!Number.isFinite(n)) return out(Number.isNaN(n) ? 'NaN' : signed('Infinity', n < 0, flags));
        const body = fixed(number, precision ?? 6);
        const [i, f] = body.split('.');
        return out(signed(flags.includes(',') ? group(i) + (f !== undefined ? `.${f}` : '') : body, negative, flags), true);
      }
      case 'e': {
        const n = Number(number);
        // As %f: Java writes NaN and ±Infinity as words (Trino 476: format('%e', infinity()) is 'Infinity').
        if (!Number.isFinite(n)) return out(Number.isNaN(n) ? 'NaN' : signed('Infinity', n < 0, flags));
        const { mantissa, exponent } = scientific(number, precision ?? 6);
        // A BigDecimal zero keeps its scale as the exponent: Trino 476 format('%e', DECIMAL '0.00') is '0.000000e-02'.
        const e = mark === DECIMAL_MARK && n === 0 ? -(number.split('.')[1]?.length ?? 0) : Number(exponent);
        const body = `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
        return out(signed(body, negative, flags), true);
      }
      case 'g': {
        // Java's %g of a double: rounded to the precision's significant digits (6, and 0 read as 1) as %e rounds, then
        // written as %e where the rounded exponent is below -4 or at least the precision, else as %f with the digits
        // left (Trino 476: format('%g', 1.5E0) is 1.50000, '%.3g' of 123456.7E0 1.23e+05, '%g' of 9.9999995E0 10.0000,
        // of 0.0E0 0.00000). A BigDecimal is compared before rounding (Java's own rule): refused.
        if (mark === DECIMAL_MARK)
          throw new JavaFormatError(`format(): ${spec} of a decimal is not supported locally (Java rounds a BigDecimal by other rules); CAST it to double`);
        const n = Number(number);
        if (!Number.isFinite(n)) return out(Number.isNaN(n) ? 'NaN' : signed('Infinity', n < 0, flags));
        const digits = precision === undefined ? 6 : Math.max(precision, 1);
        const { mantissa, exponent } = scientific(number, digits - 1);
        const e = n === 0 ? 0 : Number(exponent);
        if (e < -4 || e >= digits) return out(signed(`${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`, negative, flags), true);
        const body = fixed(number, digits - 1 - e);
        const [i, f] = body.split('.');
        return out(signed(flags.includes(',') ? group(i) + (f !== undefined ? `.${f}` : '') : body, negative, flags), true);
      }
      case 'a': {
        // Only a Double or a Float (widened) has a hex form.
        if (mark !== DOUBLE_MARK && mark !== REAL_MARK)
          throw new JavaFormatError(`Invalid format string: ${spec} (IllegalFormatConversion: ${conv} != ${(mark && JAVA_CLASS[mark]) ?? 'its class'})`);
        const n = Number(number);
        if (!Number.isFinite(n)) return out(Number.isNaN(n) ? 'NaN' : signed('Infinity', n < 0, flags));
        return out(hexFloat(number, precision, flags, width, spec));
      }
      default:
        throw new JavaFormatError(`format(): unsupported conversion %${conv}`);
    }
  });
  // Java's precision and String.substring count UTF-16 units, so '%.1s' of '🙂x' keeps half of the emoji; Trino
  // encodes that lone surrogate as '?' (Trino 476: format('%.1s', '🙂x') is '?'), where JavaScript's UTF-8 gives U+FFFD.
  return text.replace(LONE_SURROGATE, '?');
}
