// Columns whose types Trino 476 does not combine, where DuckDB casts or concatenates and answers:
// - `date_col + int_col`, `int_col + date_col`, `date_col - int_col`, `array_col ± array_col`: "Cannot apply operator:
//   date + integer", "… array(integer) + array(integer)" (DuckDB adds days, concatenates the lists);
// - `bool_col = 1`, `date_col > 0`, `x[1] = 1` (a column or element compared with a number literal): "Cannot apply
//   operator: boolean = integer" (DuckDB casts one side).
// Their types are known to DuckDB's binder only, so a check it folds while binding is added (as operators.ts does for
// a number literal beside a date, nested-comparisons.ts for two columns compared): nothing per row, and `lake lint`
// finds it over empty inputs. Only columns (whose text is short, written twice more) get it, and not a lambda's
// parameters (an array's elements: a comparator lambda is inlined per pair, so its guards multiply binding time).
import { REFUSED_KEY_MARKER } from '../shims/error-messages.js';
import { isColumnOrElement, operand } from './nested-comparisons.js';
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
const isColumn = (text: string, lambda: LambdaParameters) => isColumnName(text) && !lambda.has(lambdaParameterName(text));

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
export function columnArithmeticGuarded(operands: [string, string], op: string, lambda: LambdaParameters = new Set()): [string, string] {
  const [a, b] = operands;
  if (!isColumn(a, lambda) || !isColumn(b, lambda)) return operands;
  const dateAndNumber = op === '+' ? `(${isDate(a)} AND ${isNumber(b)}) OR (${isNumber(a)} AND ${isDate(b)})` : `${isDate(a)} AND ${isNumber(b)}`;
  const guarded = `{'trino_v': ${a}}[CASE WHEN ${dateAndNumber} THEN '${REFUSED_KEY_MARKER}date ${op} number'
    WHEN ${isList(a)} OR ${isList(b)} THEN '${REFUSED_KEY_MARKER}array ${op} array' ELSE 'trino_v' END]`;
  return [guarded, b];
}

/**
 * cardinality()'s argument, refused while binding when it is a column that is not an array or a map (`cardinality(s)`
 * of a varchar: Trino 476 FUNCTION_NOT_FOUND; DuckDB's JSON length gave 0). A literal is refused from the text
 * (visible-operand-types.ts); the check is not inside trino_cardinality's macro, where it made a comparator over
 * cardinality(x) bind for 25 s, nor on a lambda's parameters.
 */
export function collectionGuarded(arg: string, lambda: LambdaParameters = new Set()): string {
  if (!isColumn(arg, lambda)) return arg;
  return `{'trino_v': ${arg}}[CASE WHEN typeof([${arg}]) NOT LIKE '%[][]' AND typeof([${arg}]) NOT LIKE 'MAP(%' AND typeof([${arg}]) <> '"NULL"[]'
    THEN '${REFUSED_KEY_MARKER}cardinality' ELSE 'trino_v' END]`;
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
 * Marks a comparison of a column or element with a number literal for guardColumnComparisons' 'number' guard
 * (numberComparable, beside Trino's NaN semantics), when compareNestedValues left it unmarked.
 */
export function markNumberComparisons(parts: Part[], lambda: LambdaParameters = new Set()): void {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.kind !== 'op' || !COMPARISONS.has(p.op ?? '') || p.guarded) continue;
    const left = operand(parts, i, -1);
    const right = operand(parts, i, 1);
    if (!left || !right) continue;
    const column = (r: [number, number]) => isColumnOrElement(parts, r) && !(r[0] === r[1] && lambda.has(lambdaParameterName(parts[r[0]].text.trim())));
    if ((isNumberLiteral(parts, left) && column(right)) || (isNumberLiteral(parts, right) && column(left))) p.guarded = 'number';
  }
}
