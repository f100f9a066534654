// The columns of a set operation (UNION, INTERSECT, EXCEPT): the values each branch gives column k meet in one type,
// as a VALUES column's do (decimal-common-type.ts). Read from the query's text: the select items of each branch, the
// rows of a VALUES branch, and the branches of a parenthesized query inside one.
import { type Token, tokenize } from '../tokens.js';
import { buildTree, type GroupNode, isParen, meaningful, nodeKeyword, nodeText, splitArgs, type Node } from './tree.js';

const SET_OPERATIONS = new Set(['UNION', 'INTERSECT', 'EXCEPT']);
const SELECT_LIST_END = new Set(['FROM', 'WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'INTO']);
const VALUES_END = new Set(['ORDER', 'LIMIT', 'OFFSET', 'FETCH']);

/** A set operation of a query: its first operator keyword and the values of each column, branch after branch. */
export interface SetOperationColumns {
  at: Token;
  columns: Node[][][];
}

/** A select item without its alias (`x AS a`, `x a`); the rest is what meets the other branches' values. */
function withoutAlias(item: readonly Node[]): Node[] {
  const m = meaningful(item);
  const last = m[m.length - 1];
  const isName = last?.kind === 'token' && (last.token.kind === 'quoted' || last.token.kind === 'word');
  if (m.length > 2 && isName && nodeKeyword(m[m.length - 2]) === 'AS') return m.slice(0, -2);
  return m.length > 1 && isName ? m.slice(0, -1) : m;
}

/**
 * The values of one row of `VALUES …`: `1`, `(1, 'a')`, `ROW(1, 'a')` or `CAST(ROW(1, 'a') AS ROW(x int, y varchar))`.
 * A row constructor alone in parentheses, `((1, 'a'))` or `(ROW(1, 'a'))`, is a row of its fields in Trino 476 too (a
 * row-typed VALUES item gives its fields); DuckDB made it one struct column.
 */
export function rowValues(row: readonly Node[]): Node[][] {
  const m = meaningful(row);
  if (m.length === 1 && isParen(m[0])) {
    const values = splitArgs(m[0].items);
    if (values.length !== 1) return values;
    const only = meaningful(values[0]);
    if (only.length === 1 && isParen(only[0]) && splitArgs(only[0].items).length > 1) return splitArgs(only[0].items);
    if (only.length === 2 && nodeKeyword(only[0]) === 'ROW' && isParen(only[1]) && splitArgs(only[1].items).length > 0) return splitArgs(only[1].items);
    return castRowFields(only) ?? values;
  }
  if (m.length === 2 && nodeKeyword(m[0]) === 'ROW' && isParen(m[1])) return splitArgs(m[1].items);
  return castRowFields(m) ?? [row.slice(row.indexOf(m[0]), row.indexOf(m[m.length - 1]) + 1)];
}

/**
 * `CAST(ROW(a, b) AS ROW(x T1, y T2))` as a VALUES item is a row of two columns in Trino 476 (`CAST(a AS T1)`,
 * `CAST(b AS T2)`), as `ROW(a, b)` is; DuckDB made it one struct column. Undefined for anything else, or another
 * width (refused by the cast).
 */
function castRowFields(m: readonly Node[]): Node[][] | undefined {
  if (m.length !== 2 || nodeKeyword(m[0]) !== 'CAST' || !isParen(m[1])) return undefined;
  const inner = m[1].items;
  const asIndex = inner.findIndex((n) => nodeKeyword(n) === 'AS');
  const operand = meaningful(inner.slice(0, asIndex));
  const target = meaningful(inner.slice(asIndex + 1));
  // CAST(NULL AS ROW(…)) too: a row-typed VALUES item gives its fields in Trino 476 whatever its value (`… t(r)` fails
  // with MISMATCHED_COLUMN_ALIASES).
  const isNull = operand.length === 1 && nodeKeyword(operand[0]) === 'NULL';
  if (asIndex < 0 || (!isNull && (operand.length !== 2 || nodeKeyword(operand[0]) !== 'ROW' || !isParen(operand[1])))) return undefined;
  if (target.length !== 2 || nodeKeyword(target[0]) !== 'ROW' || !isParen(target[1])) return undefined;
  const fields = splitArgs(target[1].items).map((field) => meaningful(field));
  const values = isNull ? fields.map(() => [operand[0]]) : splitArgs((operand[1] as GroupNode).items);
  if (values.length !== fields.length || fields.some((field) => field.length < 2)) return undefined;
  return values.map((value, k) => buildTree(tokenize(`CAST(${value.map(nodeText).join('')} AS ${fields[k].slice(1).map(nodeText).join(' ')})`)));
}

/** The rows of `VALUES …` as columns, each with its value in every row (none where a row is shorter). */
export function valuesColumns(rows: readonly Node[][]): Node[][][] {
  const split = rows.map(rowValues);
  const width = Math.max(0, ...split.map((r) => r.length));
  return Array.from({ length: width }, (_v, k) => split.map((r) => r[k] ?? []));
}

/** The values of each column of one branch, or undefined when its columns are not listed (`SELECT *`, `TABLE t`). */
function branchColumns(branch: readonly Node[]): Node[][][] | undefined {
  const m = meaningful(branch);
  if (m.length === 1 && isParen(m[0])) return queryColumns(m[0].items);
  const start = m.findIndex((n) => nodeKeyword(n) === 'SELECT' || nodeKeyword(n) === 'VALUES');
  if (start < 0) return undefined;
  if (nodeKeyword(m[start]) === 'VALUES') {
    const end = m.findIndex((n, k) => k > start && VALUES_END.has(nodeKeyword(n)));
    return valuesColumns(splitArgs(m.slice(start + 1, end < 0 ? m.length : end)));
  }
  let first = start + 1;
  if (['DISTINCT', 'ALL'].includes(nodeKeyword(m[first]))) first++;
  const end = m.findIndex((n, k) => k >= first && SELECT_LIST_END.has(nodeKeyword(n)));
  const items = splitArgs(m.slice(first, end < 0 ? m.length : end));
  if (items.some((item) => meaningful(item).some((n) => n.kind === 'token' && n.token.text === '*'))) return undefined;
  return items.map((item) => [withoutAlias(item)]);
}

/** The columns of a query's top-level nodes, each with the values of every branch; undefined when one is not listed. */
function queryColumns(items: readonly Node[]): Node[][][] | undefined {
  const branches: Node[][] = [[]];
  for (const node of meaningful(items)) {
    const branch = branches[branches.length - 1];
    if (SET_OPERATIONS.has(nodeKeyword(node))) branches.push([]);
    // UNION ALL, UNION DISTINCT: the quantifier is the operator's.
    else if (!(branch.length === 0 && branches.length > 1 && ['ALL', 'DISTINCT'].includes(nodeKeyword(node)))) branch.push(node);
  }
  const each = branches.map(branchColumns);
  if (each.some((c) => c === undefined || c.length !== each[0]?.length)) return undefined;
  return (each[0] ?? []).map((_c, k) => each.flatMap((c) => c?.[k] ?? []));
}

/** The set operation at the top level of a query's nodes, with the values each column meets; undefined when none. */
export function setOperationColumns(items: readonly Node[]): SetOperationColumns | undefined {
  const operator = items.find((n) => SET_OPERATIONS.has(nodeKeyword(n)));
  if (operator?.kind !== 'token') return undefined;
  const columns = queryColumns(items);
  return columns && { at: operator.token, columns };
}
