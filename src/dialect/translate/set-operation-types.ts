// The columns of UNION, INTERSECT and EXCEPT whose decimal types only DuckDB's binder knows (table columns,
// expressions, `SELECT *`). Trino types a column as the common type of its branches' values, which keeps the largest
// scale (decimal(3,2) and decimal(38,1) meet as decimal(38,2)); DuckDB keeps the integer digits and rounds the scale
// away (1.25 became 1.3). The branches bind in their own scopes, so no one expression sees both types: each branch
// carries, per checked column, a NULL whose type is decimal(s, s) for its value's scale s (DuckDB's union of those
// keeps the largest scale), and a query around the set operation compares that scale with the column's own, in a
// condition DuckDB folds while binding: refused over empty tables too (lake lint binds models), free per row.
import { keyword, type Token } from '../tokens.js';
import { refusedWhen, valuesMayLoseScaleWhenBound } from './decimal-common-type.js';
import { setOperationColumns, valuesColumns } from './set-operation-columns.js';
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
}

interface Pieces {
  prefix: Node[];
  branches: Node[][];
  operators: Node[][];
  suffix: Node[];
}

/** The pieces of a set operation at the top level of `items`; undefined when there is none. */
function split(items: readonly Node[]): Pieces | undefined {
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
 * (`SELECT *`) or when two names may be the same (DuckDB renames a repeated name in a subquery: a, a_1).
 */
function distinctlyNamedColumns(branch: readonly Node[]): number | undefined {
  const m = meaningful(branch);
  if (m.length === 1 && isParen(m[0])) {
    const inner = split(m[0].items);
    return distinctlyNamedColumns(inner ? inner.branches[0] : m[0].items);
  }
  const start = m.findIndex((n) => BRANCH_START.has(nodeKeyword(n)));
  if (nodeKeyword(m[start]) === 'VALUES') return valuesColumns(splitArgs(m.slice(start + 1))).length;
  if (nodeKeyword(m[start]) !== 'SELECT') return undefined;
  let first = start + 1;
  if (['DISTINCT', 'ALL'].includes(nodeKeyword(m[first]))) first++;
  const end = m.findIndex((n, k) => k >= first && SELECT_LIST_END.has(nodeKeyword(n)));
  const items = splitArgs(m.slice(first, end < 0 ? m.length : end));
  if (items.some((item) => meaningful(item).some((n) => n.kind === 'token' && n.token.text === '*'))) return undefined;
  // An unnamed expression gets a name of its own (nameSelectItems names most of them _colN).
  const names = items.map((item, k) => itemName(item) ?? `\u0000${k}`);
  return new Set(names).size === names.length ? names.length : undefined;
}

/** The set operation at the top level of `items` when a column's decimal types are decided only by DuckDB's binder. */
export function setOperationToCheck(items: readonly Node[]): CheckedSetOperation | undefined {
  const written = setOperationColumns(items);
  if (!written) return undefined;
  const pieces = split(items);
  const count = pieces && distinctlyNamedColumns(pieces.branches[0]);
  if (!pieces || count === undefined) return undefined;
  const columns = written.columns.flatMap((values, k) => (k < count && valuesMayLoseScaleWhenBound(values) ? [k] : []));
  return columns.length === 0 ? undefined : { ...pieces, at: written.at, columns };
}

const scaleOf = (value: string) => `trino_type_scale(typeof([${value}]))`;
const hidden = (k: number) => `trino_scale_${k + 1}`;

/**
 * The set operation, each branch with a scale witness per checked column (trino_scale_nulls: a NULL of type
 * decimal(s, s), or of no type for a scale of 0 and types that are not decimals), inside a query that refuses, while
 * DuckDB binds it, a decimal column whose scale is smaller than the largest of its branches'.
 */
export function checkedSetOperationText(operation: CheckedSetOperation, render: (nodes: readonly Node[]) => string): string {
  const { prefix, branches, operators, suffix, at, columns } = operation;
  const witnesses = columns
    .map((k) => `struct_extract(trino_scale_nulls(), CASE WHEN ${scaleOf(`#${k + 1}`)} > 0 THEN 's' || ${scaleOf(`#${k + 1}`)} ELSE 'n' END) AS ${hidden(k)}`)
    .join(', ');
  const body = branches
    .map((branch, k) => `${k > 0 ? ` ${render(operators[k - 1]).trim()} ` : ''}SELECT *, ${witnesses} FROM (${render(branch).trim()}) trino_branch`)
    .join('');
  const operator = keyword(at);
  const lost = columns.map(
    (k) => [`typeof([#${k + 1}]) LIKE 'DECIMAL(%' AND ${scaleOf(`#${k + 1}`)} < ${scaleOf(hidden(k))}`, `${operator} column ${k + 1}`] as const,
  );
  const rest = render(suffix);
  return `${render(prefix)}SELECT * EXCLUDE (${columns.map(hidden).join(', ')}) FROM (${body}) trino_set WHERE ${refusedWhen(lost, 'true')}${rest && !/^\s/.test(rest) ? ' ' : ''}${rest}`;
}
