// A column compared with a value written as a real or double (`d = REAL '16777218'`, `d IN (REAL …)`, `d BETWEEN
// DOUBLE … AND …`, `CASE d WHEN REAL …`, `nullif(d, REAL …)`): Trino 476 compares in the real or double, the decimal
// column made the value nearest its exact value (one rounding: a decimal(9,1) 16777217.5 = REAL '16777218' is true),
// where DuckDB's implicit cast rounds twice (through a double, or dividing the unscaled value in double past 15
// digits). The column's type is DuckDB's to know: the column is written as trino_floating_operand (macros.ts), whose
// constant tag, decided while DuckDB binds, reads a decimal of more than 7 (real) or 15 (double) digits from its text
// as that type (the explicit CAST's reading, trino_to_float / trino_to_double) and leaves any other type as it is (no
// cost per row). Only a column name is written so (it is bound three times, which costs nothing for a name); decimal
// literals are cast by floating-decimals.ts. A real meets a real only where no other value may be a double (a double
// would make the comparison a double one, where the decimal is exact): every other value is a number literal or NULL.
import { isColumnName } from './column-operands.js';
import { betweenOperands, operand, previous, textOf } from './nested-comparisons.js';
import type { Part } from './operators.js';
import { REFUSED_KEY_MARKER } from '../shims/error-messages.js';
import { hasAggregate } from './unbound.js';

export type Floating = 'FLOAT' | 'DOUBLE';

const COMPARISONS = new Set(['=', '<>', '!=', '<', '<=', '>', '>=']);
const TYPED_LITERAL = /^[-+]?\s*CAST\('[^']*' AS (FLOAT|DOUBLE)\)$/;
const EXPONENT = /^[-+]?\s*(?:\d+\.?\d*|\.\d+)e[-+]?\d+$/i;
const CAST_CALL = /^[-+]?\s*trino_to_(float|double)\(/;
/** A number literal as rendered (`CAST(1 AS INTEGER)`, `1.5`, `CAST('1.5' AS DECIMAL(2, 1))`) or NULL. */
const NUMBER_OR_NULL =
  /^(?:NULL|[-+]?\s*(?:CAST\(\d+ AS INTEGER\)|\d+\.?\d*|\.\d+|CAST\('[-+]?[\d.]+' AS (?:DECIMAL\(\d+, ?\d+\)|BIGINT|INTEGER|SMALLINT|TINYINT)\)))$/i;

/** Whether `text` is one call: its first `(` closes at its end (quotes skipped). */
function oneCall(text: string): boolean {
  let depth = 0;
  let quote = '';
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return k === text.length - 1;
  }
  return false;
}

/** The floating type a rendered value is visibly written in: a REAL/DOUBLE literal, a number with an exponent, a CAST. */
export function renderedFloating(text: string): Floating | undefined {
  const t = text.trim();
  const typed = TYPED_LITERAL.exec(t);
  if (typed) return typed[1] as Floating;
  if (EXPONENT.test(t)) return 'DOUBLE';
  const cast = CAST_CALL.exec(t);
  if (cast && oneCall(t.replace(/^[-+]\s*/, ''))) return cast[1] === 'float' ? 'FLOAT' : 'DOUBLE';
  return undefined;
}

/**
 * The floating type values (rendered texts) meet in where the SQL shows it: DOUBLE when one is written as a double,
 * FLOAT when one is written as a real and at most one other is not a number literal or NULL (the column to read).
 */
export function meetingFloating(texts: readonly string[]): Floating | undefined {
  const kinds = texts.map(renderedFloating);
  if (kinds.includes('DOUBLE')) return 'DOUBLE';
  if (!kinds.includes('FLOAT')) return undefined;
  const unseen = texts.filter((t, k) => kinds[k] === undefined && !NUMBER_OR_NULL.test(t.trim()));
  return unseen.length <= 1 ? 'FLOAT' : undefined;
}

/**
 * The column `x` as the value Trino compares beside a `floating` value (see above). In a subquery that may read an
 * outer column, DuckDB picks trino_floating_operand's overload before it knows an outer column's type (the decimal was
 * kept: `(SELECT count(*) … WHERE v.d = REAL '16777218')` counted 0, Trino 1): there the choice is a CASE on the type,
 * of the type DuckDB would give the comparison anyway (a real or double, or x's own).
 */
export const floatingColumn = (x: string, floating: Floating, correlatable = false): string =>
  correlatable
    ? `CASE WHEN typeof([${x}]) LIKE 'DECIMAL%' AND trino_type_precision(typeof([${x}])) > ${floating === 'FLOAT' ? 7 : 15} THEN trino_decimal_floating_any(${x}, CAST(NULL AS ${floating})) ELSE ${x} END`
    : `trino_floating_operand(${x}, CAST(NULL AS ${floating}), from_json('null', CASE WHEN typeof([${x}]) LIKE 'DECIMAL%' AND trino_type_precision(typeof([${x}])) > ${floating === 'FLOAT' ? 7 : 15}
      THEN CASE WHEN trino_type_precision(typeof([${x}])) + trino_type_scale(typeof([${x}])) <= 18 THEN '"UUID"' ELSE '"INTERVAL"' END ELSE '"BIT"' END))`;

/** Characters of a value that is not a column name that the CASE form (correlatable) writes four times at most. */
const SHORT_VALUE = 400;

/**
 * A value `x` that is not a column name (`d * 2`, `sum(d)`) as Trino reads it beside a `floating` value: a call of
 * trino_floating_read (macros.ts; its tag is decided while DuckDB binds, so other types pay nothing per row, and
 * bind-once.ts binds a heavy x once; its `_any` form where x holds an aggregate, a window call or a subquery); in a subquery that may read an outer column, the CASE form of floatingColumn where
 * x is short, else undefined (left to DuckDB's cast).
 */
export function floatingValue(x: string, floating: Floating, correlatable = false): string | undefined {
  const t = x.trim();
  if (t === '' || NUMBER_OR_NULL.test(t) || renderedFloating(t) !== undefined) return undefined;
  if (isColumnName(t)) return floatingColumn(t, floating, correlatable);
  if (correlatable) return t.length <= SHORT_VALUE ? floatingColumn(t, floating, true) : undefined;
  return `trino_floating_read${hasAggregate(t) || /\(\s*(?:SELECT|WITH)\b/i.test(t) ? '_any' : ''}(${t}, CAST(NULL AS ${floating}))`;
}

/** `text` (a rendered value meeting `others`) as floatingColumn where it is a column name and they show a floating type. */
export function besideFloating(text: string, others: readonly string[], correlatable = false): string | undefined {
  const x = text.trim();
  const floating = meetingFloating([x, ...others]);
  return floating === undefined ? undefined : floatingValue(x, floating, correlatable);
}

/**
 * Values of one comparison or BETWEEN of which two or more are not number literals, with a real literal among them
 * (`REAL '16777218' BETWEEN d AND d`: meetingFloating cannot tell which unseen value may be a double): each column name
 * read beside the others (trino_floating_read, y the coalesce of the others: DuckDB's common type of a real and a
 * decimal is a real, as Trino's, and a double among them makes it a double). Only where every value is a column name
 * or a literal, so the others are cheap to bind again; undefined otherwise. `written` false: also where no value is
 * written as a real (an IN list or BETWEEN of columns, `d IN (r)`, `r BETWEEN d AND d`: nested-comparisons.ts reads
 * them in the comparison itself, not in its NaN and nested forms; the read expands to the column itself for any other
 * types while DuckDB binds).
 */
export function unseenBesideReal(texts: readonly string[], correlatable: boolean, written = true): (string | undefined)[] | undefined {
  if (correlatable || (written && !texts.some((t) => renderedFloating(t) === 'FLOAT'))) return undefined;
  const plain = (t: string) => isReadColumn(t.trim()) || renderedFloating(t) !== undefined || NUMBER_OR_NULL.test(t.trim());
  if (!texts.every(plain) || texts.filter((t) => isReadColumn(t.trim())).length < 2) return undefined;
  return texts.map((t, k) => {
    if (!isReadColumn(t.trim())) return undefined;
    const others = [...new Set(texts.filter((_o, j) => j !== k).map((o) => o.trim()))];
    return `trino_floating_read(${t.trim()}, ${others.length === 1 ? others[0] : `coalesce(${others.join(', ')})`})`;
  });
}

/**
 * A column name as the comparisons meet it: bare or qualified, or through trino_cmp_column (operators.ts
 * compareColumnListsByInstant wraps the columns of an IN list or a BETWEEN of columns only, so zoned ones compare by
 * instant, before this pass; the shim keeps any other type as it is), or a lambda's parameter beside a column, which
 * that pass writes through trino_cmp (`filter(ARRAY[d], x -> x IN (r))` of a decimal(9,1) 16777217.5 and a real
 * 16777218: Trino 476 `[16777217.5]`, DuckDB's cast `[]`; declam42).
 */
export const isReadColumn = (t: string): boolean => isColumnName(t) || CMP_COLUMN.test(t);
const CMP_COLUMN = /^trino_cmp(?:_column)?\(\s*(?:"(?:[^"]|"")*"|[A-Za-z_]\w*)(?:\s*\.\s*(?:"(?:[^"]|"")*"|[A-Za-z_]\w*))*\s*\)$/;

/** Trino's number types that are no decimal: trino_floating_read leaves their values as they are. */
const NOT_DECIMAL_NUMBERS: ReadonlySet<string> = new Set(['tinyint', 'smallint', 'integer', 'bigint', 'real', 'double']);

/**
 * A value whose Trino type is known to be a number type other than a decimal (Part.knownType: a column the catalog
 * types so, a CAST to one): its reading beside a floating value is the value itself, so it is not written as one (a
 * typed NULL, `CAST(NULL AS DOUBLE)`, beside a cast to double was trino_floating_read's call, bound at each of the
 * comparison's mentions).
 */
function knownNotDecimal(parts: readonly Part[], [a, b]: [number, number]): boolean {
  const m = parts.slice(a, b + 1).filter((p) => p.kind !== 'trivia');
  return m.length === 1 && m[0].kind === 'operand' && NOT_DECIMAL_NUMBERS.has(m[0].knownType ?? '');
}

/** Replaces each range of `ranges` that is a column meeting a visible floating type among them; returns the shift of `at`. */
function readRanges(parts: Part[], ranges: readonly [number, number][], at: number, correlatable: boolean): number {
  const texts = ranges.map((r) => textOf(parts, r));
  const floating = meetingFloating(texts);
  const unseen = floating === undefined ? unseenBesideReal(texts, correlatable) : undefined;
  if (floating === undefined && unseen === undefined) return at;
  let shifted = at;
  // From the last, so earlier ranges keep their indexes.
  for (let k = ranges.length - 1; k >= 0; k--) {
    const [a, b] = ranges[k];
    if (knownNotDecimal(parts, ranges[k])) continue;
    const read = floating === undefined ? unseen?.[k] : floatingValue(texts[k], floating, correlatable);
    if (read === undefined) continue;
    parts.splice(a, b - a + 1, { kind: 'operand', text: read });
    if (a < shifted) shifted -= b - a;
  }
  return shifted;
}

/** Comparisons, BETWEEN and IN lists among the rendered parts whose column operands meet a visible real or double. */
export function readColumnsBesideFloats(parts: Part[], correlatable: boolean): void {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.kind === 'op' && COMPARISONS.has(p.op ?? '')) {
      const [left, right] = [operand(parts, i, -1), operand(parts, i, 1)];
      if (left && right) i = readRanges(parts, [left, right], i, correlatable);
    } else if (p.kind === 'boundary' && p.text.toUpperCase() === 'BETWEEN') {
      const between = betweenOperands(parts, i);
      if (between) i = readRanges(parts, [between.x, between.low, between.high], i, correlatable);
    } else if (p.inList) {
      const inAt = previous(parts, i);
      const notAt = previous(parts, inAt);
      const left = operand(parts, parts[notAt]?.text.toUpperCase() === 'NOT' ? notAt : inAt, -1);
      if (!left) continue;
      const read = besideFloating(
        textOf(parts, left),
        p.inList.map((e) => e.text),
        correlatable,
      );
      if (read === undefined) continue;
      parts.splice(left[0], left[1] - left[0] + 1, { kind: 'operand', text: read });
      i -= left[1] - left[0];
    }
  }
}

/**
 * Functions whose only signature takes doubles (Trino 476's math functions): a decimal argument is made the double
 * nearest its value (power(DECIMAL '9007199254740993.0000000001', 1) is 9007199254740994, where DuckDB's implicit cast
 * gave …992). A decimal literal argument is cast by floating-decimals.ts, a column argument read here.
 */
export const DOUBLE_ARGUMENT_CALLS: ReadonlySet<string> = new Set(
  ['cbrt', 'degrees', 'exp', 'ln', 'log', 'log2', 'log10', 'pow', 'power', 'radians', 'sqrt'].concat([
    'acos',
    'asin',
    'atan',
    'atan2',
    'cos',
    'cosh',
    'sin',
    'sinh',
    'tan',
    'tanh',
  ]),
);

/** A rendered argument of a DOUBLE_ARGUMENT_CALLS call or of a double-only aggregate as the double Trino makes of it. */
export function doubleArgument(text: string, correlatable = false): string {
  const read = floatingValue(text, 'DOUBLE', correlatable);
  if (read === undefined) return text;
  const [lead, trail] = [/^\s*/.exec(text)?.[0] ?? '', /\s*$/.exec(text)?.[0] ?? ''];
  return `${lead}${read}${trail}`;
}

/**
 * Two compared values (rendered; two columns, or a join's keys) each read beside the other as Trino compares them: a
 * decimal beside a real or double column (`d = c`, no floating value written) is made that type by Trino's rule
 * (trino_floating_read; any other pair expands to the values themselves while DuckDB binds). Undefined where a value
 * is long (the other is bound again inside its tag).
 */
export function floatingPair(a: string, b: string): [string, string] | undefined {
  if (a.length > SHORT_VALUE || b.length > SHORT_VALUE) return undefined;
  return [`trino_floating_read(${a}, ${b})`, `trino_floating_read(${b}, ${a})`];
}

/**
 * `whole` (two compared values, rendered) refused while DuckDB binds where a decimal of more than 7 digits meets a real,
 * or of more than 15 a double: in a subquery that may read an outer column, where floatingPair's overload is picked
 * before the outer column's type is known (DuckDB failed "Macro trino_floating_operand() has multiple overloads" for
 * `CASE t.d WHEN u.q`, and `u.q = t.d` compared DuckDB's cast: Trino 476 counts 1 for a decimal(9,1) 16777217.5 beside
 * REAL '16777218', locally 0). A plain typeof folds there, the outer column's too; a branch holding the read would
 * have to bind for any type (a varchar, an array), so the pair is refused, not read. `what` names the construct.
 */
export function floatingRefused(a: string, b: string, whole: string, what: string): string {
  if (a.length > SHORT_VALUE || b.length > SHORT_VALUE) return whole;
  const digits = (x: string, y: string) => `trino_decimal_digits(typeof([${x}])) > trino_floating_digits(typeof([${y}]))`;
  return `{'trino_v': ${whole}}[CASE WHEN ${digits(a, b)} OR ${digits(b, a)} THEN '${REFUSED_KEY_MARKER}floating ${what}' ELSE 'trino_v' END]`;
}
