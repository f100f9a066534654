// A VALUES row of one value whose type is a row (`CROSS JOIN LATERAL (VALUES t.r) u(x)` over a column r of type
// row(x integer, y integer)): Trino 476 makes a column of each of its fields, as it does for `VALUES ROW(1, 2)`, so an
// alias list of one name fails with MISMATCHED_COLUMN_ALIASES ("Column alias list has 1 entries but 'u' has 2 columns
// available") and a LATERAL without a list fails with NOT_SUPPORTED "Given correlated subquery is not supported"
// (asked of the shared Trino, corr34); DuckDB answered one row column. Where the SQL shows the value (ROW(…), (a, b),
// CAST(ROW(…) AS ROW(…))) select-names.ts and set-operation-columns.ts count its fields at lint; a column or another
// expression shows no type, so its value is checked while DuckDB binds: such a VALUES relation under LATERAL or with
// an alias list of one name is refused where the value is a row (a DuckDB struct that is no zoned timestamp or
// ipaddress stand-in). `count(*)` over `(VALUES t.r) u` and EXISTS (VALUES t.r) answer alike and are left as written.
import { REFUSED_KEY_MARKER } from '../shims/error-messages.js';
import { isName } from './select-names.js';
import { rowValues } from './set-operation-columns.js';
import { firstToken, isParen, isTriviaNode, meaningful, nodeKeyword, splitArgs, type GroupNode, type Node } from './tree.js';

/** The refusal's key in error-messages.ts REFUSALS. */
export const ROW_VALUES_CELL = 'values row cell';

/**
 * The check of the value's type while DuckDB binds (typeof of a list of it folds, a column of NULLs too; the lambda
 * names the value once, so it is bound once).
 */
const CHECKED =
  "lambda trino_cell: {'trino_v': trino_cell}[CASE WHEN regexp_matches(typeof([trino_cell]), '^STRUCT\\(.*\\)\\[\\]$') AND NOT regexp_matches(typeof([trino_cell]), '^STRUCT\\((?:trino_instant|trino_ipaddress) ') " +
  `THEN '${REFUSED_KEY_MARKER}${ROW_VALUES_CELL}' ELSE 'trino_v' END]`;

const isPunct = (n: Node | undefined, text: string) => n !== undefined && n.kind === 'token' && n.token.text === text;

/** A value whose text shows it is no row: a number, a string, NULL, TRUE or FALSE, in parentheses or not. */
function visiblyScalar(cell: readonly Node[]): boolean {
  const m = meaningful(cell);
  if (m.length === 1 && isParen(m[0])) return visiblyScalar(m[0].items);
  // A typed literal (DATE '2025-01-01', TIMESTAMP '…', X'…', INTERVAL '1' DAY) or a signed number: no row either.
  const word = m[0]?.kind === 'token' && m[0].token.kind === 'word';
  if (m.length >= 2 && word && m[1].kind === 'token' && m[1].token.kind === 'string') return m.length === 2 || nodeKeyword(m[0]) === 'INTERVAL';
  if (m.length === 2 && (isPunct(m[0], '-') || isPunct(m[0], '+'))) return visiblyScalar(m.slice(1));
  // A cast to a type other than a row (`CAST(1.5 AS decimal(38,1))`): left as written, so the checks that read casts
  // (decimal-common-type's VALUES columns) still see it.
  if (m.length === 2 && ['CAST', 'TRY_CAST'].includes(nodeKeyword(m[0])) && isParen(m[1])) {
    const inner = meaningful(m[1].items);
    const as = inner.findIndex((n) => nodeKeyword(n) === 'AS');
    return as > 0 && as + 1 < inner.length && nodeKeyword(inner[as + 1]) !== 'ROW';
  }
  if (m.length !== 1 || m[0].kind !== 'token') return false;
  const t = m[0].token;
  return t.kind === 'number' || t.kind === 'string' || ['NULL', 'TRUE', 'FALSE'].includes(nodeKeyword(m[0]));
}

/**
 * A row of one value whose text does not show it is a row constructor (`ROW(…)`: one column in Trino too, or
 * `CAST(ROW(…) AS ROW(…))`, whose fields set-operation-columns.ts rowValues counts) or a scalar.
 */
function mayBeRow(row: readonly Node[]): boolean {
  let value = meaningful(row);
  while (value.length === 1 && isParen(value[0]) && splitArgs(value[0].items).length === 1) value = meaningful(value[0].items);
  if (value.length === 0 || visiblyScalar(value) || nodeKeyword(value[0]) === 'ROW') return false;
  const fields = rowValues(value);
  return fields.length === 1 && meaningful(fields[0])[0] === value[0];
}

/** Whether the VALUES group items[k] is followed by `[AS] name (one)`, an alias list of one name. */
function oneNameAliasList(m: readonly Node[], k: number): boolean {
  const at = nodeKeyword(m[k + 1]) === 'AS' ? k + 2 : k + 1;
  const list = m[at + 1];
  if (!isName(m[at]) || !isParen(list)) return false;
  const entries = splitArgs(list.items).map(meaningful);
  return entries.length === 1 && entries[0].length === 1 && isName(entries[0][0]);
}

/** The VALUES group with each row of one value that may be a row wrapped in the check. */
function checkedValues(group: GroupNode): GroupNode {
  const items = [...group.items];
  const valuesAt = items.findIndex((n) => nodeKeyword(n) === 'VALUES');
  // The rows: the spans between VALUES and the top-level commas.
  const spans: [number, number][] = [];
  let start = valuesAt + 1;
  for (let i = start; i <= items.length; i++) {
    if (i === items.length || isPunct(items[i], ',')) {
      spans.push([start, i]);
      start = i + 1;
    }
  }
  for (const [from, to] of spans.reverse()) {
    const row = items.slice(from, to);
    if (!mayBeRow(row)) continue;
    let first = from;
    while (first < to && isTriviaNode(items[first])) first++;
    let last = to - 1;
    while (last > first && isTriviaNode(items[last])) last--;
    if (first > last) continue;
    const at = firstToken(items[first]);
    items.splice(
      first,
      last - first + 1,
      { kind: 'token', token: { ...at, kind: 'translated', text: 'list_transform([' } },
      { kind: 'group', open: { ...at, kind: 'punct', text: '(' }, close: { ...at, kind: 'punct', text: ')' }, items: items.slice(first, last + 1) },
      { kind: 'token', token: { ...at, kind: 'translated', text: `], ${CHECKED})[1]` } },
    );
  }
  return { ...group, items };
}

/** `(VALUES …)` relations under LATERAL or with an alias list of one name, their one-value rows checked (see above). */
export function checkRowValueCells(items: readonly Node[]): Node[] {
  const out = items.map((n) => (n.kind === 'group' ? { ...n, items: checkRowValueCells(n.items) } : n));
  const m = meaningful(out);
  m.forEach((node, k) => {
    if (!isParen(node) || nodeKeyword(meaningful(node.items)[0]) !== 'VALUES') return;
    if (nodeKeyword(m[k - 1]) !== 'LATERAL' && !oneNameAliasList(m, k)) return;
    out[out.indexOf(node)] = checkedValues(node);
  });
  return out;
}
