// Columns and expressions whose types Trino 476 does not combine, where DuckDB casts or concatenates and answers:
// - `date_col + int_col`, `int_col + date_col`, `date_col - int_col`, `array_col ± array_col`: "Cannot apply operator:
//   date + integer", "… array(integer) + array(integer)" (DuckDB adds days, concatenates the lists);
// - `bool_col = 1`, `date_col > 0`, `x[1] = 1`, `lower(s) = 1`, `filter(bools, b -> b = 1)` (a column, element, call,
//   CASE or lambda parameter compared with a number literal): "Cannot apply operator: boolean = integer" (DuckDB casts
//   one side);
// - `cardinality(s)`, `cardinality(lower(s))` of a value that is not an array or map (FUNCTION_NOT_FOUND; DuckDB 0).
// Their types are known to DuckDB's binder only, so a check it folds while binding is added (as operators.ts does for
// a number literal beside a date, nested-comparisons.ts for two columns compared): nothing per row, and `lake lint`
// finds it over empty inputs. The checked text is written twice more, so only short operands get it. A lambda's
// parameters are checked as columns: a DuckDB lambda is bound once; array_sort's comparator, inlined per pair, gets
// elements for its parameters (lambda-rewrites.ts), which cardinality() leaves unchecked.
import { REFUSED_KEY_MARKER } from '../shims/error-messages.js';
import { isColumnOrElement, operand, textOf, typeFamily, unseenType } from './nested-comparisons.js';
import type { Part } from './operators.js';

const NAME = `(?:"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_]*)`;
const COLUMN = new RegExp(String.raw`^${NAME}(?:\s*\.\s*${NAME})*$`);
const NOT_COLUMNS = /^(?:NULL|TRUE|FALSE)$/i;

/** The names a lambda binds, lower case and unquoted, as the rewriter collects them. */
export type LambdaParameters = ReadonlySet<string>;

export const lambdaParameterName = (text: string): string =>
  text
    .replace(/^"(.*)"$/, '$1')
    .replaceAll('""', '"')
    .toLowerCase();

/** A column name (or a lambda's parameter), qualified or not. */
export const isColumnName = (text: string): boolean => COLUMN.test(text) && !NOT_COLUMNS.test(text);
const isColumn = (text: string) => isColumnName(text);

// Checks written out rather than through the trino_type_family macro: a macro's expansion cost DuckDB's binder ~0.6 ms
// per guard, these ~0.1 ms (60 guarded comparisons: 37 ms against 6 ms).
const isDate = (v: string) => `typeof([${v}]) = 'DATE[]'`;
const NUMBER_TYPES = `('TINYINT[]', 'SMALLINT[]', 'INTEGER[]', 'BIGINT[]', 'HUGEINT[]', 'FLOAT[]', 'DOUBLE[]')`;
const isNumber = (v: string) => `(typeof([${v}]) IN ${NUMBER_TYPES} OR typeof([${v}]) LIKE 'DECIMAL(%')`;
const isList = (v: string) => `typeof([${v}]) LIKE '%[][]'`;
/** Types Trino 476 compares with no number (the other families of trino_type_family). */
const NOT_NUMBER_TYPES = `('BOOLEAN[]', 'DATE[]', 'VARCHAR[]', 'JSON[]', 'BLOB[]', 'INTERVAL[]', 'TIME[]', 'UUID[]')`;

/** TRUE, or a binder error when `column` (compared with a number literal) is of a type Trino compares with no number. */
export const numberComparable = (column: string): string =>
  `{'trino_v': true}[CASE WHEN typeof([${column}]) IN ${NOT_NUMBER_TYPES} OR typeof([${column}]) LIKE 'TIMESTAMP%' THEN '${REFUSED_KEY_MARKER}type-compare' ELSE 'trino_v' END]`;

/** The operands of `a ± b`, the first with the check when both are columns. */
export function columnArithmeticGuarded(operands: [string, string], op: string): [string, string] {
  const [a, b] = operands;
  if (!isColumn(a) || !isColumn(b)) return operands;
  const dateAndNumber = op === '+' ? `(${isDate(a)} AND ${isNumber(b)}) OR (${isNumber(a)} AND ${isDate(b)})` : `${isDate(a)} AND ${isNumber(b)}`;
  // (DATE ± an interval column is a date: trino_plus's and trino_subtract's DATE overloads, shims/macros.ts.)
  const guarded = `{'trino_v': ${a}}[CASE WHEN ${dateAndNumber} THEN '${REFUSED_KEY_MARKER}date ${op} number'
    WHEN ${isList(a)} OR ${isList(b)} THEN '${REFUSED_KEY_MARKER}array ${op} array' ELSE 'trino_v' END]`;
  return [guarded, b];
}

/** A call or a CASE, as rendered (`trino_lower(s)`, `add(x, 1)`): its type is known to DuckDB's binder only. */
const CALL = /^(?:[A-Za-z_][A-Za-z0-9_]*\([\s\S]*\)|CASE\b[\s\S]*\bEND)$/i;
/** Calls whose value is an array or a map whatever their arguments: cardinality() of them needs no check. */
const COLLECTION_CALL =
  /^(?:string_split|trino_split\w*|list_\w+|array_\w+|trino_array_\w+|map\w*|trino_map\w*|flatten|trino_flatten|trino_sort_by_ranks|trino_sequence\w*|regexp_split_to_array)\(/;
/** A call checked by cardinality() is at most this long (its text is written twice more). */
const MAX_CHECKED_CALL = 400;

/**
 * cardinality()'s argument, refused while binding when it is a column or a call that is not an array or a map
 * (`cardinality(s)` of a varchar, `cardinality(lower(s))`: Trino 476 FUNCTION_NOT_FOUND; DuckDB's JSON length gave 0).
 * A literal is refused from the text (visible-operand-types.ts); the check is not inside trino_cardinality's macro,
 * where it made a comparator over cardinality(x) bind for 25 s, nor on an element (array_sort's comparator gets elements
 * for its parameters, inlined per pair).
 */
export function collectionGuarded(arg: string): string {
  const text = arg.trim();
  const call = CALL.test(text) && text.length <= MAX_CHECKED_CALL && !COLLECTION_CALL.test(text);
  if (!isColumn(text) && !call) return arg;
  return `{'trino_v': ${arg}}[CASE WHEN typeof([${arg}]) NOT LIKE '%[][]' AND typeof([${arg}]) NOT LIKE 'MAP(%' AND typeof([${arg}]) <> '"NULL"[]'
    THEN '${REFUSED_KEY_MARKER}cardinality' ELSE 'trino_v' END]`;
}

/** A NULL literal (not `IS [NOT] NULL`), `ARRAY[]` or `MAP()`: the sources of Trino's `unknown` type in a statement. */
export const MAY_BE_UNKNOWN = /(?<!\bIS\s+(?:NOT\s+)?)\bNULL\b|\[\s*\]|(?:\bMAP|"MAP")\s*\(\s*\)/i;

/**
 * `value` (a column or a lambda's parameter, as rendered) refused while binding when DuckDB types it NULL (a column of
 * `SELECT NULL AS x`, the element of ARRAY[NULL]: Trino's `unknown`), for sum() and avg(), where Trino 476 fails
 * AMBIGUOUS_FUNCTION_CALL ("Could not choose a best candidate operator") and DuckDB answers NULL, and for `x || 'a'`
 * and concat(x, 'a'), an array(varchar) NULL in Trino (unknown is read as an array) and a varchar locally. Only where the statement writes a source of
 * `unknown` (MAY_BE_UNKNOWN): elsewhere no column is NULL-typed, and the check would cost binding time.
 */
export function unknownGuarded(value: string, mayHoldUnknown: boolean, what: string, subquery = false, expression = false): string {
  if (!mayHoldUnknown || !(expression || isColumn(value.trim()) || (subquery && isScalarSubquery(value.trim())))) return value;
  return `{'trino_v': ${value}}[CASE WHEN typeof([${value}]) = '"NULL"[]' THEN '${REFUSED_KEY_MARKER}unknown ${what}' ELSE 'trino_v' END]`;
}

/**
 * `(SELECT …)` whose first parenthesis closes at its end: a scalar subquery, typed unknown by `(SELECT NULL)` (sum and
 * avg of it fail AMBIGUOUS_FUNCTION_CALL in Trino 476). Its guard binds it once more: only where the statement writes
 * a NULL (mayHoldUnknown).
 */
function isScalarSubquery(text: string): boolean {
  if (!/^\(\s*SELECT\b/i.test(text) || !text.endsWith(')')) return false;
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    if (text[k] === "'") k = text.indexOf("'", k + 1) < 0 ? text.length : text.indexOf("'", k + 1);
    else if (text[k] === '(') depth++;
    else if (text[k] === ')' && --depth === 0) return k === text.length - 1;
  }
  return false;
}

/** DuckDB's array of NULL-typed elements: Trino's array(unknown). */
export const UNKNOWN_ARRAY = '"NULL"[]';

/** An operand written twice more by unknownOperatorGuarded is at most this long. */
const MAX_UNKNOWN_PARTNER = 200;
const UNKNOWN = `'"NULL"[]'`;
/**
 * For `a op b`: the types (as typeof([t]), a condition on `t`) of a partner T for which Trino 476 cannot choose an
 * overload of `unknown op T` (right) or `T op unknown` (left) and fails AMBIGUOUS_FUNCTION_CALL: unknown + unknown,
 * unknown * bigint (bigint * interval exists too), unknown / double (interval / double), unknown ± interval,
 * timestamp ± unknown (date, time and timestamp forms). Measured over tinyint … decimal, date, timestamp, interval
 * partners; the others are typed as DuckDB types them (unknown + 1 an integer, unknown % unknown a tinyint).
 */
const UNKNOWN_AMBIGUOUS_PARTNERS: Readonly<Record<string, { right: (t: string) => string; left: (t: string) => string }>> = {
  '+': {
    right: (t) => `(${t} IN (${UNKNOWN}, 'INTERVAL[]') OR ${t} LIKE 'TIMESTAMP%')`,
    left: (t) => `(${t} IN (${UNKNOWN}, 'INTERVAL[]') OR ${t} LIKE 'TIMESTAMP%')`,
  },
  '-': { right: (t) => `${t} IN (${UNKNOWN}, 'INTERVAL[]')`, left: (t) => `(${t} = ${UNKNOWN} OR ${t} LIKE 'TIMESTAMP%')` },
  '*': { right: (t) => `${t} IN (${UNKNOWN}, 'BIGINT[]', 'DOUBLE[]')`, left: (t) => `${t} IN (${UNKNOWN}, 'BIGINT[]', 'DOUBLE[]')` },
  '/': { right: (t) => `${t} IN (${UNKNOWN}, 'DOUBLE[]')`, left: (t) => `${t} = ${UNKNOWN}` },
};

/**
 * A column, or its element as zip_with's lambda reads one (`((a)[trino_i])`), in parentheses or not: a value a
 * NULL-typed column or ARRAY[NULL] may make NULL-typed.
 */
function isColumnOrItsElement(text: string): boolean {
  let t = text;
  while (/^\((?:[^()]|\([^()]*\))*\)$/.test(t)) t = t.slice(1, -1).trim();
  const element = /^(.*)\[\s*[A-Za-z_][A-Za-z0-9_]*\s*\]$/.exec(t);
  return isColumn(element ? element[1].trim().replace(/^\((.*)\)$/, '$1') : t);
}

/**
 * `result` (the rendering of `a op b`, op one of + - * /) refused while binding where a NULL-typed column (Trino's
 * `unknown`: `SELECT NULL AS x`, VALUES NULL) meets a partner Trino cannot choose an overload for
 * (UNKNOWN_AMBIGUOUS_PARTNERS: `x + x`, `2E0 * x`, `x + INTERVAL '1' DAY`), where DuckDB answered a NULL. Under the
 * same condition as unknownGuarded; an operand is checked when it is a column (or a NULL), the other when it is short.
 */
export function unknownOperatorGuarded(result: string, operands: readonly [string, string], op: string, mayHoldUnknown: boolean): string {
  const partners = UNKNOWN_AMBIGUOUS_PARTNERS[op];
  const [a, b] = operands.map((o) => o.trim());
  // Also an expression DuckDB may type NULL (`if(false, NULL) * 2E0`, `(SELECT NULL) * 2E0`: Trino 476
  // AMBIGUOUS_FUNCTION_CALL; locally a double NULL; hunt42).
  const unknownExpression = (o: string) => MAY_BE_UNKNOWN.test(o) && mayBeUnknownExpression(o);
  const mayBeUnknown = (o: string) => isColumnOrItsElement(o) || /^NULL$/i.test(o) || unknownExpression(o);
  const checked = (o: string) => isColumnOrItsElement(o) || unknownExpression(o);
  if (!mayHoldUnknown || partners === undefined || !(checked(a) || checked(b))) return result;
  if (a.length > MAX_UNKNOWN_PARTNER || b.length > MAX_UNKNOWN_PARTNER) return result;
  const type = (o: string) => `typeof([${o}])`;
  const conditions = [
    ...(mayBeUnknown(a) ? [`(${type(a)} = ${UNKNOWN} AND ${partners.right(type(b))})`] : []),
    ...(mayBeUnknown(b) ? [`(${type(b)} = ${UNKNOWN} AND ${partners.left(type(a))})`] : []),
  ];
  // coalesce(): DuckDB loses a struct field's name when its value is a macro call reading an outer column (shims/macros.ts OPERAND_PAIR).
  return `{'trino_v': coalesce(${result})}[CASE WHEN ${conditions.join(' OR ')} THEN '${REFUSED_KEY_MARKER}unknown operator' ELSE 'trino_v' END]`;
}

/**
 * `value` (a column as rendered) as a `type` NULL where DuckDB types it NULL (Trino's `unknown`): the first argument of
 * abs, sign, floor, round, … (expressions.ts NULL_ARGUMENT_TYPES), whose first form Trino 476 picks for unknown (abs(x)
 * a tinyint NULL; DuckDB's gave a bigint or integer NULL, or failed in cast_to_type). Under the same condition as
 * unknownGuarded.
 */
/**
 * An element of a retyped NULL-typed column (`x[1]` as operators.ts rewrites it): unknown too, so `x[1][2]` and
 * `element_at(x[1], 2)` are array subscripts of unknown again (Trino 476: unknown; DuckDB took list_extract's varchar
 * form). Retyped as an expression (bound once more) only then.
 */
export const retypedElement = (written: string): boolean =>
  /^trino_subscript(?:_once)?\(/.test(written.trim()) && written.includes(`CAST(NULL AS ${UNKNOWN_ARRAY})`);

/**
 * An expression retyped by unknownRetyped is at most this long: it is written, and bound, twice (nested calls double
 * it up to this length only). A CASE's rendered guards reach ~1500 characters.
 */
const MAX_RETYPED_EXPRESSION = 2000;
const NUMBER_OR_TEXT_LITERAL = /^(?:-?\d[\d.e+-]*|'(?:[^']|'')*')$/i;

/**
 * A rendered argument other than a column or a literal that DuckDB may type NULL (Trino's unknown: `element_at(ARRAY[],
 * x)`, `ARRAY[NULL][x]`, `CASE WHEN 1 / x > 0 THEN NULL END`, `(SELECT NULL …)`): DuckDB folds a call given a NULL-typed
 * argument into a NULL without evaluating the argument, which drops the argument's own failure (Trino 476 fails
 * "SQL array indices start at 1", DIVISION_BY_ZERO, SUBQUERY_MULTIPLE_ROWS …). Retyped, the argument is evaluated.
 */
export const mayBeUnknownExpression = (text: string): boolean => {
  const t = text.trim();
  return t.length <= MAX_RETYPED_EXPRESSION && !isColumn(t) && !NUMBER_OR_TEXT_LITERAL.test(t) && !/^NULL$/i.test(t);
};

export function unknownRetyped(value: string, mayHoldUnknown: boolean, type: string, expression = false): string {
  if (!mayHoldUnknown || !(expression || isColumn(value.trim()))) return value;
  return `{'trino_v': ${value}, 'trino_n': CAST(NULL AS ${type})}[CASE WHEN typeof([${value}]) = '"NULL"[]' THEN 'trino_n' ELSE 'trino_v' END]`;
}

const STRING_LITERAL = /^'(?:[^']|'')*'$/;
/** A container written twice more at most this long (a column, an ARRAY[…] literal; not a long expression). */
const MAX_GUARDED_CONTAINER = 200;

/**
 * The index of `a[i]` or `element_at(a, i)`, refused while binding when it is a string literal and `a` an array (Trino
 * 476: "Cannot use varchar(1) for subscript of array(integer)", FUNCTION_NOT_FOUND for element_at; DuckDB casts the
 * text). A map's varchar key stays a key.
 */
export function textIndexGuarded(container: string, index: string): string {
  const i = index.trim();
  if (!STRING_LITERAL.test(i) || container.length > MAX_GUARDED_CONTAINER) return index;
  return `{'trino_v': ${i}}[CASE WHEN typeof([${container.trim()}]) LIKE '%[][]' THEN '${REFUSED_KEY_MARKER}array text index' ELSE 'trino_v' END]`;
}

/** A rendered number or string literal: never a zoned timestamp. */
const LITERAL_INDEX = /^(?:[-+]?\s*\d[\d.eE+-]*|'(?:[^']|'')*'|CAST\(-?\d+ AS INTEGER\))$/;

/**
 * The key of `m[k]` or `element_at(m, k)` where k is not visibly zoned: trino_map_key (shims/macros.ts) gives, for a
 * zoned k, the map's key of k's instant in whatever zone it is (Trino 476 looks keys up by instant: 01:00 +01:00 finds
 * 00:00 UTC), and any other k itself, while DuckDB binds. A literal cannot be zoned. A key whose type a typed macro
 * cannot see while choosing its overload (an aggregate, an outer column: `unbound`) is passed as a lambda's parameter.
 */
export function keyByInstant(container: string, index: string, unbound: boolean): string {
  const k = index.trim();
  if (LITERAL_INDEX.test(k)) return index;
  return unbound ? `list_transform([${k}], lambda trino_k: trino_map_key(${container.trim()}, trino_k))[1]` : `trino_map_key(${container.trim()}, ${k})`;
}

const COMPARISONS = new Set(['=', '<>', '!=', '<', '<=', '>', '>=']);
const NUMBER_LITERAL = /^\s*(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;
export const isNumberLiteralText = (text: string): boolean => NUMBER_LITERAL.test(text);
const isNumberLiteral = (parts: readonly Part[], [a, b]: [number, number]) => a === b && isNumberLiteralText(parts[a].text);

/**
 * Calls whose value is a number whatever their arguments (as rendered): compared with a number literal they need no
 * check (`count(*) > 0`, `x % 2 = 0`, `length(s) = 3`; a check duplicates the operand's text for the binder).
 */
const NUMBER_CALL =
  /^(?:count|sum|trino_sum_checked|cast_to_type\(trino_divide|add|subtract|multiply|trino_multiply|trino_multiply_any|trino_divide|trino_modulus|abs|length|trino_length|trino_strpos|strpos|trino_cardinality|trino_round\w*|round|floor|ceil|year|month|day|hour|minute|second|trino_to_(?:tinyint|smallint|integer|bigint|double|real|decimal)(?:_once)?|trino_date_diff)\(/i;
/** The head of a scalar subquery up to its first select item. */
const SCALAR_SUBQUERY = /^\(\s*SELECT\s+(?:ALL\s+|DISTINCT\s+)?/i;
/** An expression compared with a number literal is checked when at most this long (its text is written twice more). */
const MAX_CHECKED_EXPRESSION = 400;

/**
 * Marks a comparison of a number literal with an operand whose type only DuckDB's binder knows (a column, an element,
 * a lambda's parameter, a call, a CASE: `bool_col = 1`, `lower(s) = 1`, `filter(bools, b -> b = 1)`) for
 * guardColumnComparisons' 'number' guard (numberComparable, beside Trino's NaN semantics), when compareNestedValues
 * left it unmarked. Trino 476 fails "Cannot apply operator: varchar(1) = integer"; DuckDB casts one side.
 */
export function markNumberComparisons(parts: Part[]): void {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.kind !== 'op' || !COMPARISONS.has(p.op ?? '') || p.guarded) continue;
    const left = operand(parts, i, -1);
    const right = operand(parts, i, 1);
    if (!left || !right) continue;
    const checked = (r: [number, number]) => {
      // A column the catalog types as a number (issue 18) meets a number literal.
      if (r[0] === r[1] && typeFamily(parts[r[0]].knownType) === 'number') return false;
      if (isColumnOrElement(parts, r)) return true;
      const text = textOf(parts, r).trim();
      // A scalar subquery is checked as a call is, by its select item: `(SELECT count(*) …) > 0` needs no check (its
      // text would be bound twice more), `(SELECT '1') = 1` does (Trino TYPE_MISMATCH; DuckDB casts one side).
      const valued = text.replace(SCALAR_SUBQUERY, '');
      return unseenType(parts, r) && text.length <= MAX_CHECKED_EXPRESSION && !NUMBER_CALL.test(valued);
    };
    if ((isNumberLiteral(parts, left) && checked(right)) || (isNumberLiteral(parts, right) && checked(left))) p.guarded = 'number';
  }
}
