// The columns of UNION, INTERSECT and EXCEPT whose decimal types only DuckDB's binder knows (table columns,
// expressions, `SELECT *`). Trino types a column as the common type of its branches' values, which keeps the largest
// scale (decimal(3,2) and decimal(38,1) meet as decimal(38,2)); DuckDB keeps the integer digits and rounds the scale
// away (1.25 became 1.3). The branches bind in their own scopes, so no one expression sees both types: each branch
// carries, per checked column, a NULL whose type is decimal(s, s) for its value's scale s (DuckDB's union of those
// keeps the largest scale), and a query around the set operation compares that scale with the column's own, in a
// condition DuckDB folds while binding: refused over empty tables too (lake lint binds models), free per row.
import { isAnonymousColumn } from '../anonymous-columns.js';
import { REFUSED_KEY_MARKER } from '../shims/error-messages.js';
import { keyword, type Token } from '../tokens.js';
import { mayMixFamilies, refusedWhen, valuesMayLoseScaleWhenBound } from './decimal-common-type.js';
import { setOperationColumns, valuesColumns } from './set-operation-columns.js';
import { columnsKnownToMeet, type KnownTypes } from './known-types.js';
import { FILLER_EXCLUDE, withStarCheck } from './star-names.js';
import { isParen, isTriviaNode, meaningful, nodeKeyword, nodeText, splitArgs, type Node } from './tree.js';

const SET_OPERATIONS = new Set(['UNION', 'INTERSECT', 'EXCEPT']);
/** Clauses after the last branch that apply to the whole set operation. */
const WHOLE_TAIL = new Set(['ORDER', 'LIMIT', 'OFFSET', 'FETCH']);
const BRANCH_START = new Set(['SELECT', 'VALUES', 'TABLE']);
const SELECT_LIST_END = new Set(['FROM', 'WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'INTO']);

/** A set operation whose columns get the bind-time check: its pieces as nodes, and the columns (0-based) to check. */
export interface CheckedSetOperation {
  /** `WITH …` before the first branch. */
  prefix: Node[];
  branches: Node[][];
  /** The operator (`UNION ALL`, …) before branches[k + 1]. */
  operators: Node[][];
  /** ORDER BY, LIMIT, OFFSET, FETCH and what follows (a `;`). */
  suffix: Node[];
  at: Token;
  columns: number[];
  /** The columns (0-based) whose branches' values may be of type families Trino does not coerce to one. */
  familyColumns: number[];
}

export interface Pieces {
  prefix: Node[];
  branches: Node[][];
  operators: Node[][];
  suffix: Node[];
}

/** The pieces of a set operation at the top level of `items`; undefined when there is none. */
export function splitSetOperation(items: readonly Node[]): Pieces | undefined {
  const first = meaningful(items)[0];
  const start = nodeKeyword(first) === 'WITH' ? items.findIndex((n) => BRANCH_START.has(nodeKeyword(n))) : 0;
  if (start < 0) return undefined;
  const branches: Node[][] = [[]];
  const operators: Node[][] = [];
  let i = start;
  for (; i < items.length; i++) {
    const node = items[i];
    if (SET_OPERATIONS.has(nodeKeyword(node))) {
      // UNION ALL, UNION DISTINCT: the quantifier is the operator's.
      let next = i + 1;
      while (next < items.length && isTriviaNode(items[next])) next++;
      const end = ['ALL', 'DISTINCT'].includes(nodeKeyword(items[next])) ? next : i;
      const operator = items.slice(i, end + 1);
      i = end;
      operators.push(operator);
      branches.push([]);
    } else if (WHOLE_TAIL.has(nodeKeyword(node)) || nodeText(node) === ';') break;
    else branches[branches.length - 1].push(node);
  }
  if (operators.length === 0) return undefined;
  return { prefix: items.slice(0, start), branches, operators, suffix: items.slice(i) };
}

/** The last name of a select item (its alias, or the column it reads); undefined for anything else. */
function itemName(item: readonly Node[]): string | undefined {
  const m = meaningful(item);
  const last = m[m.length - 1];
  const isName = last?.kind === 'token' && (last.token.kind === 'quoted' || last.token.kind === 'word');
  if (!isName) return undefined;
  const before = m[m.length - 2];
  // `x AS a`, `x a`, `f(x) a`, `t.a`, `a`; an operator before the name (`a + b`) is an expression without a name.
  const named =
    before === undefined ||
    nodeKeyword(before) === 'AS' ||
    nodeText(before) === '.' ||
    before.kind === 'group' ||
    (before.kind === 'token' && ['word', 'quoted', 'number', 'string'].includes(before.token.kind));
  if (!named) return undefined;
  return nodeText(last).replace(/^"|"$/g, '').toLowerCase();
}

/**
 * How many columns a branch gives, where a query around it keeps its column names: undefined when that is unknown
 * (`SELECT *`) or when two names may be the same (DuckDB renames a repeated name in a subquery: a, a_1; nameSelectItems
 * names a repeat written in the select list so that it is not, anonymous-columns.ts).
 */
function distinctlyNamedColumns(branch: readonly Node[], distinct = true): number | undefined {
  const m = meaningful(branch);
  if (m.length === 1 && isParen(m[0])) {
    const inner = splitSetOperation(m[0].items);
    return distinctlyNamedColumns(inner ? inner.branches[0] : m[0].items, distinct);
  }
  const start = m.findIndex((n) => BRANCH_START.has(nodeKeyword(n)));
  if (nodeKeyword(m[start]) === 'VALUES') return valuesColumns(splitArgs(m.slice(start + 1))).length;
  if (nodeKeyword(m[start]) !== 'SELECT') return undefined;
  let first = start + 1;
  if (['DISTINCT', 'ALL'].includes(nodeKeyword(m[first]))) first++;
  const end = m.findIndex((n, k) => k >= first && SELECT_LIST_END.has(nodeKeyword(n)));
  const items = splitArgs(m.slice(first, end < 0 ? m.length : end));
  if (items.some((item) => meaningful(item).some((n) => n.kind === 'token' && n.token.text === '*'))) return undefined;
  // An unnamed expression gets a name of its own (nameSelectItems names most of them ANONYMOUS_COLUMN, which stays
  // anonymous when DuckDB renames its repeats).
  const names = items.map((item, k) => {
    const name = itemName(item);
    return name === undefined || isAnonymousColumn(name) ? `\u0000${k}` : name;
  });
  return !distinct || new Set(names).size === names.length ? names.length : undefined;
}

/**
 * How many columns `SELECT * FROM <relation>` gives, where the SQL shows it: the relation's alias list
 * (`(VALUES (1, 2)) t(a, b)`), or a WITH query of `prefix` (its column list, or its select list).
 */
function starColumns(branch: readonly Node[], prefix: readonly Node[]): number | undefined {
  const m = meaningful(branch);
  if (m.length === 1 && isParen(m[0]) && !splitSetOperation(m[0].items)) return starColumns(m[0].items, prefix);
  const fromAt = m.findIndex((n) => nodeKeyword(n) === 'FROM');
  const end = m.findIndex((n, j) => j > fromAt && SELECT_LIST_END.has(nodeKeyword(n)));
  const from = m.slice(fromAt + 1, end < 0 ? m.length : end);
  const last = from[from.length - 1];
  if (from.length >= 2 && isParen(last) && from[from.length - 2].kind === 'token') return splitArgs(last.items).length;
  const name = from.length === 1 || (from.length === 3 && nodeKeyword(from[1]) === 'AS') || from.length === 2 ? from[0] : undefined;
  if (name?.kind !== 'token' || !['word', 'quoted'].includes(name.token.kind)) return undefined;
  const wanted = nodeText(name).replace(/^"|"$/g, '').toLowerCase();
  const queries = meaningful(prefix).slice(1);
  for (let k = 0; k < queries.length; k++) {
    if (queries[k].kind !== 'token' || nodeText(queries[k]).replace(/^"|"$/g, '').toLowerCase() !== wanted || nodeText(queries[k - 1] ?? queries[k]) === '.')
      continue;
    const next = queries[k + 1];
    if (isParen(next) && nodeKeyword(queries[k + 2]) === 'AS') return splitArgs(next.items).length;
    const body = queries[k + 2];
    if (nodeKeyword(next) === 'AS' && isParen(body)) return distinctlyNamedColumns(body.items, false);
  }
  return undefined;
}

/** `SELECT * FROM …` (a select list of `*` alone): over one relation, or over a join or a comma list. */
function starBranch(branch: readonly Node[]): 'one' | 'join' | undefined {
  const m = meaningful(branch);
  if (m.length === 1 && isParen(m[0]) && !splitSetOperation(m[0].items)) return starBranch(m[0].items);
  const start = m.findIndex((n) => BRANCH_START.has(nodeKeyword(n)));
  let k = start + 1;
  if (['DISTINCT', 'ALL'].includes(nodeKeyword(m[k]))) k++;
  // star-names.ts may have written `* EXCLUDE (<its filler column>)`.
  const fromAt = m[k + 1] !== undefined && nodeText(m[k + 1]) === FILLER_EXCLUDE ? k + 2 : k + 1;
  if (nodeKeyword(m[start]) !== 'SELECT' || nodeText(m[k]) !== '*' || nodeKeyword(m[fromAt]) !== 'FROM') return undefined;
  const end = m.findIndex((n, j) => j > fromAt && SELECT_LIST_END.has(nodeKeyword(n)));
  const from = m.slice(fromAt + 1, end < 0 ? m.length : end);
  return from.some((n) => nodeText(n) === ',' || ['JOIN', 'CROSS', 'NATURAL'].includes(nodeKeyword(n))) ? 'join' : 'one';
}

/**
 * The set operation at the top level of `items` when a column's decimal types are decided only by DuckDB's binder.
 * `known`: the catalog's column types (known-types.ts); a column whose branches' types are known to meet is not checked.
 */
export function setOperationToCheck(items: readonly Node[], known?: KnownTypes): CheckedSetOperation | undefined {
  if (!items.some((n) => SET_OPERATIONS.has(nodeKeyword(n)))) return undefined;
  const split = splitSetOperation(items);
  // A first branch `SELECT * FROM t` names its columns after one relation (distinct names): the other branches count
  // them. A `*` over a join may repeat a name, which the check's subquery would rename: refused there while DuckDB
  // binds (star-names.ts).
  const star = split && starBranch(split.branches[0]);
  const pieces = split && star === 'join' ? { ...split, branches: [withStarCheck(split.branches[0]), ...split.branches.slice(1)] } : split;
  const count =
    pieces &&
    (distinctlyNamedColumns(pieces.branches[0]) ??
      (star !== undefined
        ? (pieces.branches
            .slice(1)
            // A later branch's names are not the result's: only its width counts.
            .map((branch) => distinctlyNamedColumns(branch, false))
            .find((n) => n !== undefined) ?? (star === 'one' ? starColumns(pieces.branches[0], pieces.prefix) : undefined))
        : undefined));
  if (!pieces || count === undefined) return undefined;
  const written = setOperationColumns(items);
  const operator = meaningful(pieces.operators[0])[0];
  if (operator?.kind !== 'token') return undefined;
  // A branch of `SELECT *` lists no values: every column's scale is checked (the check reads the types DuckDB binds).
  const meet = known ? columnsKnownToMeet(pieces.branches, count, known) : new Set<number>();
  const columns = (
    written
      ? written.columns.flatMap((values, k) => (k < count && valuesMayLoseScaleWhenBound(values) ? [k] : []))
      : Array.from({ length: count }, (_v, k) => k)
  ).filter((k) => !meet.has(k));
  // Likewise the type families: a `*` shows none of its values.
  const familyColumns = (
    written ? written.columns.flatMap((values, k) => (k < count && mayMixFamilies(values) ? [k] : [])) : Array.from({ length: count }, (_v, k) => k)
  ).filter((k) => !meet.has(k));
  return columns.length === 0 && familyColumns.length === 0 ? undefined : { ...pieces, at: written?.at ?? operator.token, columns, familyColumns };
}

/**
 * Type families (trino_type_family) as decimal types, so that DuckDB's common type of a column's witnesses tells
 * whether two met: family i (1-based) is a NULL of decimal(10, 10 - i), i integer digits. One family keeps a width of
 * 10; families i < j meet as decimal(10 + j - i, 10 - i), whose scale names i and integer digits name j.
 */
const FAMILIES = ['number', 'varchar', 'boolean', 'date', 'json', 'varbinary', 'interval', 'time', 'uuid'];
const FAMILY_WIDTH = FAMILIES.length + 1;
const familyNulls = `{'n': NULL, ${FAMILIES.map((f, i) => `'${f}': NULL::DECIMAL(${FAMILY_WIDTH}, ${FAMILY_WIDTH - i - 1})`).join(', ')}}`;
const familyHidden = (k: number) => `trino_family_${k + 1}`;
const familyWitness = (k: number) => `struct_extract(${familyNulls}, coalesce(trino_type_family(typeof([#${k + 1}])), 'n')) AS ${familyHidden(k)}`;

/** The refusal (a binder error, error-messages.ts) of a column whose branches' values met in two type families. */
function familyRefusal(operator: string, k: number): string {
  const type = `typeof([${familyHidden(k)}])`;
  const width = `coalesce(TRY_CAST(regexp_extract(${type}, '^DECIMAL\\((\\d+),', 1) AS INTEGER), 0)`;
  const scale = `coalesce(TRY_CAST(regexp_extract(${type}, ',(\\d+)\\)', 1) AS INTEGER), 0)`;
  const names = `[${FAMILIES.map((f) => `'${f}'`).join(', ')}]`;
  const key = `'${REFUSED_KEY_MARKER}types ${operator} column ${k + 1}: ' || ${names}[${FAMILY_WIDTH} - ${scale}] || ', ' || ${names}[${width} - ${scale}]`;
  return `{'trino_v': true}[CASE WHEN ${width} > ${FAMILY_WIDTH} THEN ${key} ELSE 'trino_v' END]`;
}

const scaleOf = (value: string) => `trino_type_scale(typeof([${value}]))`;
const hidden = (k: number) => `trino_scale_${k + 1}`;

/**
 * A decimal column of one branch beside a real or double column of another (`SELECT d … UNION ALL SELECT r`, a
 * decimal(9,1) 16777217.5: Trino 476 makes it the real 16777218 by its rule, unscaled division; DuckDB's cast gave
 * 16777216). The branches bind apart, so the decimal cannot be read beside the other type: each branch carries a NULL
 * of decimal(8, 0) for a decimal of 8–15 digits, decimal(16, 0) past 15, no type otherwise (DuckDB's union keeps the
 * widest), and the query around refuses a real column whose witness has 8 digits or more, a double one 16 or more.
 */
const DIGITS_NULLS = "{'n': NULL, 'p8': NULL::DECIMAL(8, 0), 'p16': NULL::DECIMAL(16, 0)}";
const digitsKey = (value: string) =>
  `CASE WHEN typeof([${value}]) NOT LIKE 'DECIMAL(%' THEN 'n' WHEN trino_type_precision(typeof([${value}])) > 15 THEN 'p16' WHEN trino_type_precision(typeof([${value}])) > 7 THEN 'p8' ELSE 'n' END`;
const digitsHidden = (k: number) => `trino_digits_${k + 1}`;
const digitsWitness = (k: number) => `struct_extract(${DIGITS_NULLS}, ${digitsKey(`#${k + 1}`)}) AS ${digitsHidden(k)}`;
const floatingLost = (k: number) => `trino_decimal_digits(typeof([${digitsHidden(k)}])) > trino_floating_digits(typeof([#${k + 1}]))`;

/**
 * The set operation, each branch with a scale witness per checked column (trino_scale_nulls: a NULL of type
 * decimal(s, s), or of no type for a scale of 0 and types that are not decimals), inside a query that refuses, while
 * DuckDB binds it, a decimal column whose scale is smaller than the largest of its branches'.
 */
export function checkedSetOperationText(operation: CheckedSetOperation, render: (nodes: readonly Node[]) => string): string {
  const { prefix, branches, operators, suffix, at, columns, familyColumns } = operation;
  const witnesses = [
    ...columns.map((k) => `struct_extract(trino_scale_nulls(), trino_scale_key(typeof([#${k + 1}]))) AS ${hidden(k)}`),
    ...columns.map(digitsWitness),
    ...familyColumns.map(familyWitness),
  ].join(', ');
  const body = branches
    .map((branch, k) => `${k > 0 ? ` ${render(operators[k - 1]).trim()} ` : ''}SELECT *, ${witnesses} FROM (${render(branch).trim()}) trino_branch`)
    .join('');
  const operator = keyword(at);
  const lost = [
    ...columns.map((k) => [`typeof([#${k + 1}]) LIKE 'DECIMAL(%' AND ${scaleOf(`#${k + 1}`)} < ${scaleOf(hidden(k))}`, `${operator} column ${k + 1}`] as const),
    ...columns.map((k) => [floatingLost(k), `floating ${operator} column ${k + 1}`] as const),
  ];
  const rest = render(suffix);
  // The families first: a column of a number and a varchar is refused as such, not as a decimal's lost scale.
  const where = [...familyColumns.map((k) => familyRefusal(operator, k)), ...(lost.length > 0 ? [refusedWhen(lost, 'true')] : [])].join(' AND ');
  const excluded = [...columns.map(hidden), ...columns.map(digitsHidden), ...familyColumns.map(familyHidden)].join(', ');
  return `${render(prefix)}SELECT * EXCLUDE (${excluded}) FROM (${body}) trino_set WHERE ${where}${rest && !/^\s/.test(rest) ? ' ' : ''}${rest}`;
}
