// Values of several decimal types that meet in one type: CASE results, ARRAY[…] elements, coalesce, greatest and least.
// Trino's common type keeps the largest scale and narrows the integer digits to fit 38 (decimal(3,2) and
// decimal(38,1) meet as decimal(38,2), and a value that no longer fits fails its cast); DuckDB keeps the integer
// digits and rounds the scale away (1.25 becomes 1.3 in decimal(38,1)). Where DuckDB's common type has a smaller
// scale than one of the values, the construct is refused while DuckDB binds it: from the types alone, so over empty
// inputs too (lake lint reports it) and inside try(), which would turn a refusal at run time into NULL.
import { REFUSED_KEY_MARKER } from '../shims/error-messages.js';
import { ofOtherFamily } from '../shims/function-macros.js';
import { IP_STRUCT } from '../shims/ip-address.js';
import { keyword, stringValue } from '../tokens.js';
import { isColumnName } from './column-operands.js';
import { surelyBoolean } from './condition-types.js';
import { typedIntegerLiterals } from './integer-literal-types.js';
import { isCase, isParen, meaningful, nodeKeyword, nodeText, splitArgs, type GroupNode, type Node } from './tree.js';

/** The shim (function-macros.ts) every check calls: a rendered text containing it holds a check already. */
const TYPE_SCALE = 'trino_type_scale';
/** A condition on types (a constant once DuckDB has typed them) and the refusal's key (error-messages.ts). */
export type Check = readonly [when: string, key: string];

/** `whole` when no check holds; a binder error naming the first that holds. */
export function refusedWhen(checks: readonly Check[], whole: string): string {
  if (checks.length === 0) return whole;
  const whens = checks.map(([when, key]) => `WHEN ${when} THEN '${REFUSED_KEY_MARKER}${key}'`).join(' ');
  return `{'trino_v': ${whole}}[CASE ${whens} ELSE 'trino_v' END]`;
}

/**
 * Whether DuckDB's type of `whole` has a smaller scale than one of the values'. No lambda (DuckDB does not fold one
 * inside another lambda, and a refusal key must be a constant), and typeof of a one-element array: DuckDB does not
 * fold typeof of a value whose type is NULL (CASE WHEN c THEN NULL END), but does an array of it.
 */
const lostCheck = (whole: string, values: readonly string[]) =>
  `greatest(${values.map((v) => `${TYPE_SCALE}(typeof([${v}]))`).join(', ')}) > ${TYPE_SCALE}(typeof([${whole}]))${FLOATING_WHOLE(whole)}`;
/**
 * A double or real among the values makes the whole a double or real (Trino 476: greatest(1, 2.5, nan()) is 2.5 as a
 * double, ARRAY[1, 2.5, nan()] an array(double)): no scale is lost there.
 */
const FLOATING_WHOLE = (whole: string) => ` AND typeof([${whole}]) NOT LIKE 'DOUBLE%' AND typeof([${whole}]) NOT LIKE 'FLOAT%'`;

/**
 * Whether a decimal of more digits than the whole's real (7) or double (15) holds exactly meets it: Trino 476 takes the
 * value nearest the decimal, DuckDB's implicit cast rounds twice (ARRAY[d, REAL '1'] of a decimal(9,1) d 16777217.5
 * holds 16777218 in Trino, 16777216 locally). Literals are cast where the SQL shows both types (floating-decimals.ts);
 * here the values' types are DuckDB's, so the construct is refused (also over empty inputs: lake lint).
 */
const floatingCheck = (whole: string, values: readonly string[], nodes?: readonly Node[][]) => {
  const digits = values.map((v, k) => floatingDigits(v, nodes?.[k]));
  return digits.every((d) => typeof d === 'number' && d <= REAL_DIGITS)
    ? undefined
    : `greatest(${digits.join(', ')}) > trino_floating_digits(typeof([${whole}]))`;
};

/** floatingCheck as the refusal's check, none where every value's digits are known to fit a real. */
const floatingChecks = (what: string, whole: string, values: readonly string[], nodes?: readonly Node[][]): Check[] => {
  const when = floatingCheck(whole, values, nodes);
  return when === undefined ? [] : [[when, `floating ${what}`]];
};

/** The digits a real takes from a decimal exactly (a double 15), through Trino's rule and DuckDB's cast alike. */
const REAL_DIGITS = 7;

/**
 * The digits of a value (rendered as `text`, written as `nodes`) that floatingCheck compares with the real's or
 * double's: DuckDB's precision of its type (0 for a value that is no decimal), or fewer where the value is decimal
 * arithmetic whose digits the SQL bounds (arithmeticDigits): a number, or an expression DuckDB folds while binding.
 */
function floatingDigits(text: string, nodes: readonly Node[] | undefined): string | number {
  const local = `trino_decimal_digits(typeof([${text}]))`;
  const bound = nodes && arithmeticDigits(nodes, text);
  if (bound === undefined) return local;
  const digits = plus(bound.integer, bound.scale);
  return typeof digits === 'number' && digits <= REAL_DIGITS ? 0 : `least(${digits}, ${local})`;
}

/** Digits before and after the point, each a number or an SQL expression DuckDB folds while binding. */
interface Digits {
  integer: number | string;
  scale: number | string;
}
const folded = (op: 'greatest' | 'least', a: number | string, b: number | string) =>
  typeof a === 'number' && typeof b === 'number' ? Math[op === 'greatest' ? 'max' : 'min'](a, b) : `${op}(${a}, ${b})`;
const plus = (a: number | string, b: number | string) => (typeof a === 'number' && typeof b === 'number' ? a + b : `(${a} + ${b})`);

const ARITHMETIC = new Set(['+', '-', '*', '/', '%']);
const opText = (n: Node | undefined) => (n !== undefined && n.kind === 'token' && n.token.kind === 'op' ? n.token.text : undefined);
const isOp = (n: Node | undefined, ops: readonly string[]) => ops.includes(opText(n) ?? '');

/**
 * The digits of a decimal value the SQL bounds, at Trino's scale of it: `+ - * / %` (also unary minus and parentheses)
 * of number literals (their values' digits: `2` has one), CASTs to a decimal or integer type and column names (DuckDB's
 * type of the column, read while binding, where `text`, the rendered value, names the column as written), digits as
 * Trino's result types count them (https://trino.io/docs/current/language/types.html#decimal): `a ± b` max(i1, i2) + 1
 * integer digits and scale max(s1, s2), `a * b` i1 + i2 and s1 + s2, `a / b` i1 + s2 and max(s1, s2), `a % b` min(i1,
 * i2) and max(s1, s2). Undefined for anything else (a call, a CASE, a NULL): DuckDB's type of the value decides. A
 * value of at most 7 (15) digits is exact through both engines' rules for a real (double): Trino 476 divides its
 * unscaled integer (below 2^24, 2^53) by an exact power of ten, or takes the nearest value past 18 digits of type, and
 * DuckDB's cast gives the nearest value at any width (400 000 values of each of decimal(p, 1, 2, 5) for p of 7, 12,
 * 18, 38 and 15, 17, 18, 38 compared; declam42). So `coalesce(s * 2, r)` of a decimal(5,1) beside a real (its type
 * decimal(15,1)) and `CAST(x AS decimal(10,2)) * 2` beside a double answer as in Trino.
 */
function arithmeticDigits(nodes: readonly Node[], text: string, operand = false): Digits | undefined {
  const m = meaningful(nodes);
  if (m.length === 0) return undefined;
  if (m.length === 1 && isParen(m[0])) return arithmeticDigits(m[0].items, text, operand);
  // The last binary operator of the lowest precedence splits the value (left-associative).
  for (const ops of [
    ['+', '-'],
    ['*', '/', '%'],
  ]) {
    for (let k = m.length - 1; k > 0; k--) {
      const op = opText(m[k]);
      if (op === undefined || !ops.includes(op) || opText(m[k - 1]) !== undefined) continue;
      const [a, b] = [arithmeticDigits(m.slice(0, k), text, true), arithmeticDigits(m.slice(k + 1), text, true)];
      if (a === undefined || b === undefined) return undefined;
      const scale = op === '*' ? plus(a.scale, b.scale) : folded('greatest', a.scale, b.scale);
      const integer =
        op === '*'
          ? plus(a.integer, b.integer)
          : op === '/'
            ? plus(a.integer, b.scale)
            : op === '%'
              ? folded('least', a.integer, b.integer)
              : plus(folded('greatest', a.integer, b.integer), 1);
      return { integer, scale };
    }
  }
  // abs(x) of a decimal is of x's type in Trino 476 (abs(DECIMAL '-1234.5') is a decimal(5,1)): x's digits (overref43).
  if (m.length === 2 && nodeKeyword(m[0]) === 'ABS' && isParen(m[1])) return arithmeticDigits(m[1].items, text, operand);
  if (m.some((n) => !ARITHMETIC.has(opText(n) ?? '+') && opText(n) !== '.')) return undefined;
  if (isOp(m[0], ['-', '+'])) return arithmeticDigits(m.slice(1), text, operand);
  // A value that is no arithmetic: DuckDB's type of it is its own.
  if (!operand) return undefined;
  const written = literalDigits(m);
  if (written !== undefined) {
    const value = valueIntegerDigits(m);
    return { integer: value ?? written.integer, scale: written.scale };
  }
  const name = m.map(nodeText).join('');
  if (!isColumnName(name) || !new RegExp(`(?:^|[^\\w."])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^\\w"(])`).test(text)) return undefined;
  const type = `typeof([${name}])`;
  return { integer: `(trino_type_precision(${type}) - trino_type_scale(${type}))`, scale: `trino_type_scale(${type})` };
}

/** The value without a leading sign, trivia left out. */
export function unsigned(nodes: readonly Node[]): Node[] {
  const m = meaningful(nodes);
  return m.length > 1 && m[0].kind === 'token' && m[0].token.kind === 'op' && /^[-+]$/.test(m[0].token.text) ? m.slice(1) : m;
}

/** REAL or DOUBLE where a value is written as one: a typed literal, a number with an exponent, a CAST to one. */
export function floatingLiteral(nodes: readonly Node[]): 'REAL' | 'DOUBLE' | undefined {
  const [first, second, ...rest] = unsigned(nodes);
  if (first === undefined) return undefined;
  if (second === undefined) return first.kind === 'token' && first.token.kind === 'number' && /e/i.test(first.token.text) ? 'DOUBLE' : undefined;
  const word = nodeKeyword(first);
  if (rest.length === 0 && (word === 'REAL' || word === 'DOUBLE') && second.kind === 'token' && second.token.kind === 'string') return word;
  if (rest.length === 0 && (word === 'CAST' || word === 'TRY_CAST') && isParen(second)) {
    const inner = meaningful(second.items);
    const as = inner.map(nodeKeyword).lastIndexOf('AS');
    const type = inner.slice(as + 1).map(nodeKeyword);
    if (as > 0 && type.length === 1 && (type[0] === 'REAL' || type[0] === 'DOUBLE')) return type[0];
    if (as > 0 && type.length === 2 && type[0] === 'DOUBLE' && type[1] === 'PRECISION') return 'DOUBLE';
  }
  return undefined;
}

/**
 * Whether the check of a decimal meeting a real or double (floatingCheck) is written beside a construct: wherever two
 * values meet and the scale check is (it rides on the same bindings: `coalesce(d, r)`, `CASE … THEN d ELSE r END`,
 * `ARRAY[d, r]` of a decimal(9,1) d and a real r, and since sil41 values that are expressions, `coalesce(d + 0, r)`,
 * `ARRAY[abs(d), r]`, `VALUES abs(DECIMAL '16777217.5'), abs(REAL '1')`: Trino 476 makes d a real by its own rule,
 * 16777218 for 16777217.5, DuckDB's cast 16777216). Decided by DuckDB's type of each value, which for arithmetic is
 * wider than its values (`d * 2` of a decimal(10,2) is a decimal(20,2)), or for decimal arithmetic by the digits the
 * SQL bounds (floatingDigits; since declam42 `CAST(x AS decimal(10,2)) * 2` beside a double answers).
 */
const floatingChecked = (values: readonly Node[][]) => values.length >= 2 && !values.every(surelyNotFloating);

/**
 * A value that is never a real or double: not a number, a literal or CAST whose type the SQL spells as an integer or
 * decimal (literalDigits), or IF/coalesce/nullif, an ARRAY or parentheses of such values (`IF(c, -1, IF(d, 0, 1))`,
 * an array_sort comparator; `ARRAY[ARRAY[2, 3, 1], ARRAY[1]]`): no floating check is written beside it, which would write every value again (bind41's
 * comparators bound their array six times over).
 */
function surelyNotFloating(nodes: readonly Node[]): boolean {
  if (surelyNotNumeric(nodes) || literalDigits(nodes) !== undefined) return true;
  const m = meaningful(nodes);
  if (m.length === 1 && isParen(m[0])) return surelyNotFloating(m[0].items);
  const [name, args] = m;
  if (m.length !== 2 || args.kind !== 'group') return false;
  const word = nodeKeyword(name);
  const values =
    word === 'ARRAY' && args.open.text === '['
      ? splitArgs(args.items)
      : !isParen(args)
        ? undefined
        : word === 'IF'
          ? splitArgs(args.items).slice(1)
          : word === 'COALESCE' || word === 'NULLIF'
            ? splitArgs(args.items)
            : undefined;
  return values !== undefined && values.length > 0 && values.every(surelyNotFloating);
}

const IP_LIST = `${IP_STRUCT}[]`;

/**
 * Whether an ipaddress meets a value of another type (a NULL aside): Trino 476 finds no common type there ("Cannot
 * find common type between ipaddress and varchar(3)"), where DuckDB would cast the text to the local struct.
 */
const ipMismatch = (values: readonly string[]) =>
  `(${values.map((v) => `typeof([${v}]) = '${IP_LIST}'`).join(' OR ')}) AND NOT (${values.map((v) => `typeof([${v}]) IN ('${IP_LIST}', '"NULL"[]')`).join(' AND ')})`;

/** The shim naming a value's type family (function-macros.ts): a rendered text containing it holds a check already. */
const TYPE_FAMILY = 'trino_type_family';
/** Whether two values are of type families Trino 476 does not coerce between (a number and a varchar, …). */
const familyMismatch = (values: readonly string[]) => `list_unique([${values.map((v) => `${TYPE_FAMILY}(typeof([${v}]))`).join(', ')}]) > 1`;

/** Literal families whose DuckDB type is of that family as written (a zoned TIMESTAMP literal is of none, for one). */
const PLAIN_LITERAL_FAMILIES = new Set(['number', 'varchar', 'boolean']);

/**
 * familyMismatch where every value written as a literal is of one family (`coalesce(x, 0)`, `CASE … ELSE '' END`):
 * each other value is of another family, by its type name (~0.3 ms of binding against ~1 ms for the family names of
 * all, which write each value's type once per family); undefined otherwise. `families`: literalFamily of each value.
 */
function literalFamilyMismatch(values: readonly string[], families: readonly (string | undefined)[]): string | undefined {
  const known = families.filter((f): f is string => f !== undefined);
  const family = known[0];
  const others = values.filter((_v, k) => families[k] === undefined);
  if (family === undefined || !PLAIN_LITERAL_FAMILIES.has(family) || known.some((f) => f !== family) || others.length === 0) return undefined;
  return others.map((v) => ofOtherFamily(`typeof([${v}])`, family)).join(' OR ');
}
/** The key of a family check's refusal: literalFamilyMismatch writes the check without trino_type_family. */
const FAMILY_KEY = `'${REFUSED_KEY_MARKER}types `;
const holdsCheck = (text: string) => text.includes(TYPE_SCALE) || text.includes(TYPE_FAMILY) || text.includes(FAMILY_KEY);

/** What a construct's values are checked for: DuckDB's common type losing a scale, an ipaddress, two type families. */
interface Wanted {
  scale: boolean;
  ip: boolean;
  families: boolean;
  /**
   * Whether a decimal meeting a real or double is checked with the scale (floatingCheck); by default where the values
   * are written once (checkedOnce); beside a construct wherever two values meet (floatingChecked; each value is
   * written once more there).
   */
  floating?: boolean;
}

/** The checks of `values`; `families` (literalFamily of each value, where known) may spare the family names (above). */
const checks = (
  what: string,
  whole: string,
  values: readonly string[],
  wanted: Wanted,
  families: readonly (string | undefined)[] = [],
  nodes?: readonly Node[][],
): Check[] => [
  ...(wanted.families ? [[literalFamilyMismatch(values, families) ?? familyMismatch(values), `types ${what}`] as const] : []),
  ...(wanted.scale || wanted.ip ? [[lostCheck(whole, values), what] as const] : []),
  ...(wanted.scale && wanted.floating !== false ? floatingChecks(what, whole, values, nodes) : []),
  ...(wanted.ip ? [[ipMismatch(values), `ipaddress ${what}`] as const] : []),
];

/**
 * The check beside the construct: DuckDB folds typeof() while binding, so it costs nothing per row, but the values are
 * written twice more. Used when they hold no check of their own, so nesting stays linear in size.
 */
function checkedBeside(
  what: string,
  whole: string,
  values: readonly string[],
  wanted: Wanted,
  result = whole,
  families: readonly (string | undefined)[] = [],
  nodes?: readonly Node[][],
): string {
  const all = checks(what, whole, values, wanted, families, nodes);
  if (!wanted.families) return refusedWhen(all, result);
  // Two type families first, in a field bound before `whole`: DuckDB's own error for the construct ("Cannot mix values
  // of type INTEGER and VARCHAR in CASE expression") would otherwise come before the refusal in Trino's words.
  const [family, ...rest] = all;
  return `{'trino_c': ${refusedWhen([family], 'true')}, 'trino_v': ${rest.length > 0 ? refusedWhen(rest, result) : result}}['trino_v']`;
}

/**
 * The check with each value written once: `struct` carries value k in field trino_k (the others NULL, so each field
 * keeps its value's own type), bound to a lambda parameter; `pick` gives the construct's value from the fields.
 */
export function checkedOnce(what: string, struct: string, fields: number, pick: (fields: readonly string[]) => string, wanted: Wanted): string {
  const names = Array.from({ length: fields }, (_v, k) => `trino_s.trino_${k}`);
  const picked = pick(names);
  return `list_transform(${typesChecked(what, struct, fields, wanted)}, lambda trino_s: ${refusedWhen(checks(what, picked, names, { scale: true, ip: false, families: false }), picked)})[1]`;
}

/**
 * `[struct]`, refused first when an ipaddress meets another type or two type families meet: a pick that calls a
 * function (greatest's list_value) or DuckDB's coalesce fails to bind on the struct and the text ("Cannot deduce
 * template type", "Cannot mix values of type DATE and INTEGER") before a check beside it could name the mismatch, so
 * the check binds in a lambda of its own, before the pick's.
 */
function typesChecked(what: string, struct: string, fields: number, wanted: Wanted): string {
  if (!wanted.ip && !wanted.families) return `[${struct}]`;
  const names = Array.from({ length: fields }, (_v, k) => `trino_c.trino_${k}`);
  const typeChecks: Check[] = [
    ...(wanted.families ? [[familyMismatch(names), `types ${what}`] as const] : []),
    ...(wanted.ip ? [[ipMismatch(names), `ipaddress ${what}`] as const] : []),
  ];
  return `list_transform([${struct}], lambda trino_c: ${refusedWhen(typeChecks, 'trino_c')})`;
}

const NOT_NUMERIC_WORDS = new Set(['NULL', 'TRUE', 'FALSE']);
const NOT_NUMERIC_TYPED = new Set(['DATE', 'TIMESTAMP', 'TIME', 'VARCHAR', 'JSON', 'IPADDRESS', 'UUID']);

/** Whether an ipaddress may meet another type: a value is written with IPADDRESS (a literal or a CAST). */
export const mixesIpAddress = (values: readonly Node[][]): boolean => values.length >= 2 && values.some(mentionsIpAddress);
const mentionsIpAddress = (nodes: readonly Node[]): boolean =>
  nodes.some((n) => (n.kind === 'group' ? mentionsIpAddress(n.items) : keyword(n.token) === 'IPADDRESS'));

/** Whether a value is written as a literal that is not a number: a string, NULL, a boolean, a date. */
/** Trino types that are no numbers, by their first word (the target of a CAST). */
const NOT_NUMERIC_TYPES = new Set([
  'ROW',
  'ARRAY',
  'MAP',
  'VARCHAR',
  'CHAR',
  'VARBINARY',
  'DATE',
  'TIMESTAMP',
  'TIME',
  'BOOLEAN',
  'JSON',
  'UUID',
  'IPADDRESS',
  'INTERVAL',
]);

function surelyNotNumeric(nodes: readonly Node[]): boolean {
  // A comparison, a predicate, a CASE of such (condition-types.ts surelyBoolean): a boolean (issue 18).
  if (surelyBoolean(nodes)) return true;
  const m = meaningful(nodes);
  // CAST(… AS row(…)), TRY_CAST(… AS varchar), …
  if (m.length === 2 && ['CAST', 'TRY_CAST'].includes(nodeKeyword(m[0])) && isParen(m[1])) {
    const inner = meaningful(m[1].items);
    const as = inner.findIndex((n) => nodeKeyword(n) === 'AS');
    if (as >= 0 && NOT_NUMERIC_TYPES.has(nodeKeyword(inner[as + 1]))) return true;
  }
  if (m.length === 1 && m[0].kind === 'token')
    return (m[0].token.kind === 'string' && !/^x'/i.test(m[0].token.text)) || NOT_NUMERIC_WORDS.has(keyword(m[0].token));
  return m.length === 2 && NOT_NUMERIC_TYPED.has(nodeKeyword(m[0])) && m[1].kind === 'token' && m[1].token.kind === 'string';
}

/** Typed literals of each family (`DATE '…'`); a number literal, a string or a boolean is recognised by its token. */
const TYPED_LITERAL_FAMILIES: Record<string, string> = {
  DATE: 'date',
  TIMESTAMP: 'date',
  TIME: 'time',
  JSON: 'json',
  UUID: 'uuid',
  DECIMAL: 'number',
  NUMERIC: 'number',
  ...Object.fromEntries(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'REAL', 'DOUBLE'].map((t) => [t, 'number'])),
};

/** The type family (trino_type_family) of a value written as a literal; undefined for anything else. */
function literalFamily(nodes: readonly Node[]): string | undefined {
  if (surelyBoolean(nodes)) return 'boolean';
  const m = meaningful(nodes);
  const signed = m.length > 1 && m[0].kind === 'token' && m[0].token.kind === 'op' && /^[-+]$/.test(m[0].token.text) ? m.slice(1) : m;
  const [first, second] = signed;
  if (signed.length === 1 && first.kind === 'token') {
    if (first.token.kind === 'number') return 'number';
    if (first.token.kind === 'string') return /^x'/i.test(first.token.text) ? 'varbinary' : 'varchar';
    if (['TRUE', 'FALSE'].includes(keyword(first.token))) return 'boolean';
  }
  if (signed.length === 2 && second.kind === 'token' && second.token.kind === 'string') return TYPED_LITERAL_FAMILIES[nodeKeyword(first)];
  // `(v)`, and IF(c, a, b) of literals of one family: that family. Without it, a nested IF was checked beside each
  // enclosing one, its text written again per level (a comparator IF(…, 0, IF(…, -1, 1)) took seconds to bind).
  if (m.length === 1 && isParen(first)) return literalFamily(first.items);
  // CAST(… AS t) and TRY_CAST(… AS t): the family of t, written the same way (ARRAY[CAST(ROW(…) AS row(…)), …] of one
  // type needs no check; its text per element was kilobytes).
  if (m.length === 2 && ['CAST', 'TRY_CAST'].includes(nodeKeyword(first)) && isParen(second)) {
    const inner = meaningful(second.items);
    const as = inner.findIndex((n) => nodeKeyword(n) === 'AS');
    return as < 0
      ? undefined
      : `cast ${inner
          .slice(as + 1)
          .map(nodeText)
          .join('')
          .replace(/\s+/g, '')
          .toLowerCase()}`;
  }
  if (m.length === 2 && nodeKeyword(first) === 'IF' && isParen(second)) {
    const values = splitArgs(second.items)
      .slice(1)
      .filter((v) => !isNullLiteral(v));
    const families = values.map(literalFamily);
    return families.length > 0 && families.every((f) => f !== undefined && f === families[0]) ? families[0] : undefined;
  }
  return undefined;
}

/**
 * Whether values that meet in one type may be of two type families that Trino does not coerce between (`1` and
 * `'a'`, a column and `'a'`): unless they are literals of one family (or NULLs), DuckDB's binder decides.
 */
export function mayMixFamilies(values: readonly Node[][]): boolean {
  const families = values.filter((v) => !isNullLiteral(v)).map(literalFamily);
  return families.length >= 2 && !families.every((f) => f !== undefined && f === families[0]);
}

const isNullLiteral = (nodes: readonly Node[]) => {
  const m = meaningful(nodes);
  return m.length === 1 && nodeKeyword(m[0]) === 'NULL';
};

/** Digits of a value whose type is written in the SQL: integer digits and scale (an integer type's as a decimal). */
export interface StaticDigits {
  integer: number;
  scale: number;
  /** A decimal literal (`1.5`, `DECIMAL '1.5'`), whose integer digits are its value's, not only its type's. */
  decimalLiteral?: boolean;
  /** tinyint … bigint, as a literal, a typed literal or a CAST. */
  integerType?: boolean;
}

/** Digits of Trino's integer types, as the decimal each one widens to (decimal(10,0) for integer). */
const INTEGER_TYPE_DIGITS: Record<string, number> = { TINYINT: 3, SMALLINT: 5, INTEGER: 10, INT: 10, BIGINT: 19 };

/** The digits of `DECIMAL(p, s)`, `DECIMAL(p)`, `DECIMAL` or an integer type name (nodes after AS in a CAST). */
function typeDigits(nodes: readonly Node[]): StaticDigits | undefined {
  const [name, args, ...rest] = meaningful(nodes);
  const word = nodeKeyword(name);
  if (rest.length > 0) return undefined;
  if (INTEGER_TYPE_DIGITS[word] !== undefined && args === undefined) return { integer: INTEGER_TYPE_DIGITS[word], scale: 0, integerType: true };
  if (word !== 'DECIMAL' && word !== 'NUMERIC') return undefined;
  if (args === undefined) return { integer: 38, scale: 0 };
  if (args.kind !== 'group' || args.open.text !== '(') return undefined;
  const [precision, scale = 0, ...more] = splitArgs(args.items).map((a) => Number(meaningful(a).map(nodeText).join('')));
  if (more.length > 0 || !Number.isInteger(precision) || !Number.isInteger(scale)) return undefined;
  return { integer: precision - scale, scale };
}

/**
 * The digits of a value whose type the SQL spells: a number literal (`1.5`, `7`), `DECIMAL '1.5'`, an integer typed
 * literal (`BIGINT '7'`) or a CAST / TRY_CAST to a decimal or integer type; undefined for anything else.
 */
export function literalDigits(nodes: readonly Node[]): StaticDigits | undefined {
  const m = meaningful(nodes);
  const signed = m.length > 1 && m[0].kind === 'token' && m[0].token.kind === 'op' && /^[-+]$/.test(m[0].token.text) ? m.slice(1) : m;
  const [first, second] = signed;
  const word = nodeKeyword(first);
  if (signed.length === 2 && (word === 'CAST' || word === 'TRY_CAST') && isParen(second)) {
    const as = second.items.map(nodeKeyword).lastIndexOf('AS');
    return as < 0 ? undefined : typeDigits(second.items.slice(as + 1));
  }
  if (signed.length === 2 && INTEGER_TYPE_DIGITS[word] !== undefined && second.kind === 'token' && second.token.kind === 'string')
    return { integer: INTEGER_TYPE_DIGITS[word], scale: 0, integerType: true };
  const isNumber = signed.length === 1 && first.kind === 'token' && first.token.kind === 'number';
  const text = isNumber
    ? nodeText(first)
    : signed.length === 2 && ['DECIMAL', 'NUMERIC'].includes(word) && second.kind === 'token' && second.token.kind === 'string'
      ? stringValue(second.token).trim().replace(/^[-+]/, '')
      : undefined;
  const digits = text === undefined ? undefined : /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!digits) return undefined;
  // An integer literal is an integer (decimal(10,0)) or a bigint (decimal(19,0)).
  if (isNumber && digits[2] === undefined) return { integer: Number(text) > 2147483647 ? 19 : 10, scale: 0, integerType: true };
  return { integer: digits[1].replace(/^0+/, '').length, scale: (digits[2] ?? '').length, decimalLiteral: true };
}

/**
 * Whether the values may lose a scale: two of them may be numbers, and either one is not a number literal or the
 * literals' digits together pass 38 (the others are literals that are not numbers).
 */
function mayLoseScale(values: readonly Node[][]): boolean {
  const numeric = values.filter((v) => !surelyNotNumeric(v));
  if (numeric.length < 2) return false;
  const literals = numeric.map(literalDigits);
  if (literals.some((l) => l === undefined)) return true;
  const most = (key: 'integer' | 'scale') => Math.max(...literals.map((l) => l?.[key] ?? 0));
  return most('integer') + most('scale') > 38;
}

/**
 * Whether values whose types the SQL spells (literals, CASTs; others that are not numbers, as a VALUES column or the
 * columns of a set operation hold) need more than 38 digits together: decidable from the text, so refused before a
 * run. Undefined when the type of a value is not written.
 */
export function literalsLoseScale(values: readonly Node[][]): boolean | undefined {
  if (values.some((v) => !surelyNotNumeric(v) && literalDigits(v) === undefined)) return undefined;
  return mayLoseScale(values);
}

/** The integer digits of a number literal's value (`0` has none, `-12.5` two); undefined for anything else. */
function valueIntegerDigits(nodes: readonly Node[]): number | undefined {
  const m = meaningful(nodes);
  const signed = m.length > 1 && m[0].kind === 'token' && m[0].token.kind === 'op' && /^[-+]$/.test(m[0].token.text) ? m.slice(1) : m;
  const [first, second] = signed;
  const text =
    signed.length === 1 && first.kind === 'token' && first.token.kind === 'number'
      ? nodeText(first)
      : signed.length === 2 &&
          second.kind === 'token' &&
          second.token.kind === 'string' &&
          (nodeKeyword(first) === 'DECIMAL' || INTEGER_TYPE_DIGITS[nodeKeyword(first)] !== undefined)
        ? stringValue(second.token).trim().replace(/^[-+]/, '')
        : undefined;
  const digits = text === undefined ? undefined : /^(\d*)(?:\.\d*)?$/.exec(text);
  return digits ? digits[1].replace(/^0+/, '').length : undefined;
}

/**
 * Trino's common type of number literals (and NULLs) whose types need more than 38 digits together, as DuckDB's
 * `DECIMAL(p, s)`, when every value fits it: the largest scale, the integer digits narrowed to what is left of 38
 * (`VALUES 0, 0.<38 digits>` is decimal(38,38) in Trino 476). Undefined when a value is something else or does not fit
 * (Trino 476 then fails: "Cannot cast INTEGER '1' to DECIMAL(38, 38)").
 */
export function literalsCommonDecimal(values: readonly Node[][]): string | undefined {
  const numbers = values.filter((v) => !isNullLiteral(v));
  const types = numbers.map(literalDigits);
  const digits = numbers.map(valueIntegerDigits);
  if (numbers.length === 0 || types.some((t) => t === undefined) || digits.some((d) => d === undefined)) return undefined;
  const scale = Math.max(...types.map((t) => t?.scale ?? 0));
  const precision = Math.min(38, Math.max(...types.map((t) => t?.integer ?? 0)) + scale);
  return digits.every((d) => (d ?? 0) <= precision - scale) ? `DECIMAL(${precision}, ${scale})` : undefined;
}

/**
 * Whether values that may be decimals meet in one type that only DuckDB's binder knows (a value's type is not written)
 * and may lose a scale there: the columns of a set operation checked while DuckDB binds (set-operation-types.ts).
 */
export const valuesMayLoseScaleWhenBound = (values: readonly Node[][]): boolean => literalsLoseScale(values) === undefined && mayLoseScale(values);

/**
 * The first value of a VALUES column (`texts[0]`), with the check of the whole column beside it where the values'
 * types are not all written: DuckDB types the column as it types the list of its values. Values whose types are
 * written are decided before a run (literalsLoseScale).
 */
export function checkedValuesColumn(values: readonly Node[][], texts: readonly string[]): string {
  const first = texts[0] ?? '';
  const scale = literalsLoseScale(values) === undefined && mayLoseScale(values);
  const families = mayMixFamilies(values);
  if (!scale && !families) return first;
  const [lead, trail] = [/^\s*/.exec(first)?.[0] ?? '', /\s*$/.exec(first)?.[0] ?? ''];
  const trimmed = texts.map((t) => t.trim());
  const wanted = { scale, ip: false, families, floating: floatingChecked(values) };
  return `${lead}${checkedBeside('VALUES', `[${trimmed.join(', ')}]`, trimmed, wanted, trimmed[0], values.map(literalFamily), values)}${trail}`;
}

/**
 * Whether decimals compared (=, <, IN, BETWEEN) fail locally where Trino answers: Trino compares decimals exactly, DuckDB
 * casts both to decimal(38, larger scale), which a literal with more integer digits than that leaves does not fit.
 * Decided from written types only; an integer meets a decimal as in Trino (both fail the cast where it does not fit).
 */
export function decimalComparisonFails(values: readonly Node[][]): boolean {
  const digits = values.map(literalDigits);
  if (values.some((v, k) => digits[k] === undefined && !surelyNotNumeric(v))) return false;
  const decimals = digits.filter((d): d is StaticDigits => d !== undefined && d.integerType !== true);
  const scale = Math.max(0, ...decimals.map((d) => d.scale));
  return decimals.some((d) => d.decimalLiteral === true && d.integer + scale > 38);
}

/** A struct with value k in field trino_k and NULL in the other fields. */
const fieldStruct = (k: number, fields: number, value: string) =>
  `{${Array.from({ length: fields }, (_v, j) => `'trino_${j}': ${j === k ? value : 'NULL'}`).join(', ')}}`;

const coalesceOf = (fields: readonly string[]) => `coalesce(${fields.join(', ')})`;

/**
 * `ARRAY[…]` (rendered as `whole`) whose elements are `elements` (nodes) rendered as `texts`; `what` names the
 * construct in a refusal (lag/lead type their value and default as the array of the two, window-rewrites.ts).
 */
export function checkedArray(whole: string, elements: readonly Node[][], texts: readonly string[], what = 'ARRAY[…]'): string {
  const wanted = wantedChecks(elements, whole);
  if (!wanted) return whole;
  if (!wanted.ip && !holdsCheck(whole)) return checkedBeside(what, whole, texts, wanted, whole, elements.map(literalFamily), elements);
  const struct = `{${texts.map((t, k) => `'trino_${k}': ${t.trim()}`).join(', ')}}`;
  return checkedOnce(what, struct, texts.length, (fields) => `[${fields.join(', ')}]`, wanted);
}

/**
 * `whole` (if(c, a, b), nullif(a, b)) refused while DuckDB binds it when two of `values` (rendered as `texts`) are of
 * type families Trino does not coerce between. Left alone where a value holds a check of its own (linear size).
 */
export function checkedFamilies(what: string, whole: string, values: readonly Node[][], texts: readonly string[], common = false): string {
  // `common` (if(c, a, b), whose a and b meet in one type): a decimal column beside a real or double column is checked
  // as in CASE (floatingChecked), with the scale DuckDB's common type may lose.
  const floating = common && floatingChecked(values) && mayLoseScale(values);
  const families = mayMixFamilies(values);
  if ((!families && !floating) || holdsCheck(whole)) return whole;
  return checkedBeside(what, whole, texts, { scale: floating, ip: false, families, floating }, whole, values.map(literalFamily), values);
}

/**
 * The checks values that meet in one type need; undefined for none. The check of type families is left out of a
 * construct whose values hold checks of their own and need no other (those values are checked; written again beside
 * each enclosing construct, the text would double per level of nesting).
 */
export function wantedChecks(values: readonly Node[][], whole: string): Wanted | undefined {
  const ip = mixesIpAddress(values);
  const scale = mayLoseScale(values);
  const families = mayMixFamilies(values) && (ip || scale || !holdsCheck(whole));
  return ip || scale || families ? { scale, ip, families, floating: floatingChecked(values) } : undefined;
}

/**
 * coalesce(a, b, …): written once, each argument is made a struct of its own field, NULL when the argument is (a lambda
 * binds it), so DuckDB's coalesce still evaluates an argument only when those before it are NULL.
 */
export function checkedCoalesce(whole: string, args: readonly Node[][], texts: readonly string[]): string {
  const wanted = wantedChecks(args, whole);
  if (!wanted) return whole;
  if (!wanted.ip && !holdsCheck(whole)) return checkedBeside('coalesce()', whole, texts, wanted, whole, args.map(literalFamily), args);
  const kept = texts.filter((_t, k) => !isNullLiteral(args[k]));
  const wrapped = kept.map(
    (t, k) => `list_transform([${t.trim()}], lambda trino_w: CASE WHEN trino_w IS NOT NULL THEN ${fieldStruct(k, kept.length, 'trino_w')} END)[1]`,
  );
  return checkedOnce('coalesce()', `coalesce(${wrapped.join(', ')})`, kept.length, coalesceOf, wanted);
}

const CASE_PARTS = new Set(['WHEN', 'THEN', 'ELSE']);

/**
 * `CASE … END`: its THEN and ELSE values meet in one type. `render` renders nodes. Written once, each value becomes a
 * struct of its own field, and the CASE picks a struct (its conditions are evaluated as written).
 */
export function checkedCase(group: GroupNode, render: (nodes: readonly Node[]) => string): string {
  const pieces: { keyword: string; nodes: Node[] }[] = [{ keyword: '', nodes: [] }];
  for (const node of group.items) {
    const word = nodeKeyword(node);
    if (CASE_PARTS.has(word)) pieces.push({ keyword: word, nodes: [node] });
    else pieces[pieces.length - 1].nodes.push(node);
  }
  const isValue = (p: { keyword: string }) => p.keyword === 'THEN' || p.keyword === 'ELSE';
  const rendered = pieces.map((p) => (p.keyword ? { head: render(p.nodes.slice(0, 1)), body: render(p.nodes.slice(1)) } : { head: '', body: render(p.nodes) }));
  // An integer literal among the values is an integer, as in Trino (integer-literal-types.ts).
  const valueAt = pieces.flatMap((p, k) => (isValue(p) ? [k] : []));
  typedIntegerLiterals(valueAt.map((k) => rendered[k].body)).forEach((body, n) => (rendered[valueAt[n]].body = body));
  const close = group.close?.text ?? '';
  const text = (body: (k: number) => string) => `${group.open.text}${rendered.map((r, k) => r.head + body(k)).join('')}${close}`;
  const whole = text((k) => rendered[k].body);
  const valueNodes = pieces.filter(isValue).map((p) => p.nodes.slice(1));
  const wanted = wantedChecks(valueNodes, whole);
  if (!isCase(group) || !wanted) return whole;
  const values = pieces.flatMap((p, k) => (isValue(p) ? [k] : []));
  if (!wanted.ip && !holdsCheck(whole))
    return checkedBeside(
      'CASE',
      whole,
      values.map((k) => rendered[k].body.trim()),
      wanted,
      whole,
      valueNodes.map(literalFamily),
      valueNodes,
    );
  const fields = values.filter((k) => !isNullLiteral(pieces[k].nodes.slice(1)));
  const asStruct = (k: number) => {
    const body = rendered[k].body;
    const field = fields.indexOf(k);
    if (!values.includes(k) || field < 0) return body;
    const [lead, trail] = [/^\s*/.exec(body)?.[0] ?? '', /\s*$/.exec(body)?.[0] ?? ''];
    return `${lead}${fieldStruct(field, fields.length, body.trim())}${trail}`;
  };
  return checkedOnce('CASE', text(asStruct), fields.length, coalesceOf, wanted);
}
