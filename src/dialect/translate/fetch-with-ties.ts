// `ORDER BY k FETCH FIRST n ROWS WITH TIES`: Trino keeps the first n rows and every row tied with the last of them;
// DuckDB has no WITH TIES (a parser error). A row is kept when its rank by the ORDER BY keys is at most n: the first n
// positions and the rows tied with position n are exactly those. Written as DuckDB's
// `QUALIFY rank() OVER (ORDER BY k) <= n` before the ORDER BY; with `OFFSET m`, ranks up to m + n are kept and the
// query's own ORDER BY and OFFSET skip the first m. The window's keys are the ORDER BY keys with ordinals and output
// aliases replaced by their select items (the window would read an input column of that name, or a constant).
// Refused where that cannot be said: no ORDER BY (Trino's error), SELECT DISTINCT and set operations (ranks would
// count rows before the DISTINCT), a key naming an output alias inside an expression, an ordinal beside a `*`.
import { tokenize, type Token } from '../tokens.js';
import { selectListItems } from './distinct-order.js';
import { aliasOf } from './select-names.js';
import { buildTree, holdsWord, isParen, meaningful, nodeKeyword, nodeText, splitArgs, type Node } from './tree.js';
import type { Report } from './within-group.js';

const SET_OPERATORS = new Set(['UNION', 'INTERSECT', 'EXCEPT']);
const ORDERING_WORDS = new Set(['ASC', 'DESC', 'NULLS', 'FIRST', 'LAST']);
const SELECT_LIST_END = new Set(['FROM', 'WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER']);
const RANK = '__tie_rank';
const TIES: ReadonlySet<string> = new Set(['TIES']);

/** Nodes of `text`, placed at `at` (so a finding about them names the clause they replace). */
const spliced = (text: string, at: Token): Node[] => buildTree(tokenize(text).map((t) => ({ ...t, start: at.start, line: at.line, col: at.col })));

/** A single bare word's lower-cased name (`k`, `"k"`), else undefined. */
function bareName(nodes: readonly Node[]): string | undefined {
  const m = meaningful(nodes);
  if (m.length !== 1 || m[0].kind !== 'token') return undefined;
  const t = m[0].token;
  if (t.kind === 'word') return t.text.toLowerCase();
  return t.kind === 'quoted' && t.text.startsWith('"') ? t.text.slice(1, -1).toLowerCase() : undefined;
}

interface SelectItem {
  expression: Node[];
  alias?: string;
  star: boolean;
}

function selectItem(nodes: readonly Node[]): SelectItem {
  const m = meaningful(nodes);
  const star = m.length > 0 && nodeText(m[m.length - 1]) === '*';
  const asAt = m.findIndex((n) => nodeKeyword(n) === 'AS');
  if (asAt > 0) return { expression: m.slice(0, asAt), alias: bareName(m.slice(asAt + 1)), star };
  const last = m.length >= 2 ? bareName(m.slice(-1)) : undefined;
  if (last !== undefined && aliasOf(m) !== undefined) return { expression: m.slice(0, -1), alias: last, star };
  return { expression: m, star };
}

/** Every bare word of an expression (not after a `.`, not a call's name), lower-cased, subqueries aside. */
function namesIn(nodes: readonly Node[], into: Set<string>): Set<string> {
  const m = meaningful(nodes);
  m.forEach((n, k) => {
    if (n.kind === 'group') {
      if (nodeKeyword(meaningful(n.items)[0]) !== 'SELECT') namesIn(n.items, into);
      return;
    }
    if (nodeText(m[k - 1] ?? n) === '.' || isParen(m[k + 1])) return;
    const name = bareName([n]);
    if (name !== undefined) into.add(name);
  });
  return into;
}

const wholeNumber = (n: Node | undefined): bigint | undefined =>
  n?.kind === 'token' && n.token.kind === 'number' && /^\d+$/.test(n.token.text) ? BigInt(n.token.text) : undefined;

function rewriteLevel(items: readonly Node[], report: Report): Node[] {
  const m = meaningful(items);
  const fetchAt = m.findIndex((n, k) => nodeKeyword(n) === 'FETCH' && ['FIRST', 'NEXT'].includes(nodeKeyword(m[k + 1])));
  if (fetchAt < 0) return [...items];
  const count = wholeNumber(m[fetchAt + 2]);
  const rowsAt = fetchAt + (count === undefined ? 2 : 3);
  if (!['ROW', 'ROWS'].includes(nodeKeyword(m[rowsAt])) || nodeKeyword(m[rowsAt + 1]) !== 'WITH' || nodeKeyword(m[rowsAt + 2]) !== 'TIES') return [...items];
  const fetch = (m[fetchAt] as { token: Token }).token;
  const refuse = (why: string, hint?: string) => {
    report(fetch, 'fetch-with-ties', why, hint);
    return [...items];
  };
  const orderAt = m.findIndex((n, k) => k < fetchAt && nodeKeyword(n) === 'ORDER' && nodeKeyword(m[k + 1]) === 'BY');
  if (orderAt < 0) return refuse('Athena fails with MISSING_ORDER_BY: FETCH FIRST WITH TIES clause requires ORDER BY');
  if (m.some((n) => SET_OPERATORS.has(nodeKeyword(n))))
    return refuse('FETCH FIRST … WITH TIES after a set operation is not supported locally', 'put the set operation in a subquery and fetch from it');
  const selectAt = m.findIndex((n) => nodeKeyword(n) === 'SELECT');
  if (selectAt < 0 || nodeKeyword(m[selectAt + 1]) === 'DISTINCT')
    return refuse('FETCH FIRST … WITH TIES over SELECT DISTINCT is not supported locally', 'select DISTINCT in a subquery and fetch from it');
  const offsetAt = m.findIndex((n, k) => k > orderAt && k < fetchAt && nodeKeyword(n) === 'OFFSET');
  const offset = offsetAt < 0 ? 0n : wholeNumber(m[offsetAt + 1]);
  if (offset === undefined) return refuse('FETCH FIRST … WITH TIES after an OFFSET that is not a number is not supported locally');
  const select = selectListItems(m, selectAt).map(selectItem);
  const aliased = new Map<string, Node[]>();
  for (const item of select) if (item.alias !== undefined && !aliased.has(item.alias)) aliased.set(item.alias, item.expression);
  const keys: Node[][] = [];
  for (const element of splitArgs(m.slice(orderAt + 2, offsetAt < 0 ? fetchAt : offsetAt))) {
    const e = meaningful(element);
    let end = e.length;
    while (end > 0 && ORDERING_WORDS.has(nodeKeyword(e[end - 1]))) end--;
    const [key, ordering] = [e.slice(0, end), e.slice(end)];
    const ordinal = key.length === 1 ? wholeNumber(key[0]) : undefined;
    const name = bareName(key);
    let expression = key;
    if (ordinal !== undefined) {
      const item = select[Number(ordinal) - 1];
      if (item === undefined || select.slice(0, Number(ordinal)).some((s) => s.star))
        return refuse('FETCH FIRST … WITH TIES ordered by an ordinal of a `*` item is not supported locally', 'order by the column name');
      expression = item.expression;
    } else if (name !== undefined && aliased.has(name)) expression = aliased.get(name) ?? key;
    else if ([...namesIn(key, new Set())].some((n) => aliased.has(n) && bareName(aliased.get(n) ?? []) !== n))
      return refuse('FETCH FIRST … WITH TIES ordered by an expression of an output alias is not supported locally', 'order by the select item itself');
    keys.push([...expression, ...ordering.flatMap((n) => [...spliced(' ', fetch), n])]);
  }
  const window = keys.flatMap((k, i) => (i === 0 ? k : [...spliced(', ', fetch), ...k]));
  const over = spliced('(ORDER BY )', fetch)[0];
  const orderBy = over.kind === 'group' ? { ...over, items: [...over.items, ...window] } : over;
  const at = (n: Node) => items.indexOf(n);
  const listEnd = m.findIndex((n, k) => k > selectAt && SELECT_LIST_END.has(nodeKeyword(n)));
  const inner = [
    ...items.slice(at(m[selectAt]), listEnd < 0 ? at(m[orderAt]) : at(m[listEnd])),
    ...spliced(', rank() OVER ', fetch),
    orderBy,
    ...spliced(` AS "${RANK}" `, fetch),
    ...(listEnd < 0 ? [] : items.slice(at(m[listEnd]), at(m[orderAt]))),
  ];
  const paren = spliced('()', fetch)[0];
  const wrapped = paren.kind === 'group' ? { ...paren, items: inner } : paren;
  return [
    ...items.slice(0, at(m[selectAt])),
    ...spliced('SELECT *', fetch),
    { kind: 'token', token: { ...fetch, kind: 'translated', text: ` EXCLUDE ("${RANK}") ` } },
    ...spliced('FROM ', fetch),
    wrapped,
    ...spliced(` AS "__ties" WHERE "${RANK}" <= ${offset + (count ?? 1n)} ORDER BY "${RANK}"${offset > 0n ? ` OFFSET ${offset}` : ''}`, fetch),
    ...items.slice(at(m[rowsAt + 2]) + 1),
  ];
}

/** Every query level's `FETCH … WITH TIES` as a QUALIFY by rank (see the header). */
export function rewriteFetchWithTies(items: readonly Node[], report: Report): Node[] {
  // rewriteLevel rewrites or refuses a `… WITH TIES` only (issue 18: the walk copied every group of every statement).
  if (!holdsWord(items, TIES)) return [...items];
  const nested = items.map((n) => (n.kind === 'group' ? { ...n, items: rewriteFetchWithTies(n.items, report) } : n));
  return rewriteLevel(nested, report);
}
