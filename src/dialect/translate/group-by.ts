// `GROUP BY DISTINCT|ALL`: Trino's set quantifier on grouping elements
// (https://trino.io/docs/current/sql/select.html#group-by-clause). ALL (the default) keeps the duplicate grouping sets
// that ROLLUP/CUBE/GROUPING SETS produce together; DISTINCT keeps each set once. DuckDB has neither quantifier (its
// `GROUP BY ALL` means "every non-aggregate column"), so ALL is dropped and DISTINCT becomes the explicit
// `GROUPING SETS (…)` list with the duplicates removed. Sets are compared as sets of expressions, as Trino does.
// Inside ROLLUP, CUBE and GROUPING SETS Trino takes only columns (INVALID_COLUMN_REFERENCE "GROUP BY expression must
// be a column reference" for `ROLLUP (k + 1)`, `CUBE (1)`; DuckDB grouped by the expression or the ordinal), and CUBE's
// elements are a set (`CUBE (k, k)` is two grouping sets, not four); an empty element, `ROLLUP ((), k)`, is the empty
// set (DuckDB's parser has no `()` there). Such a CUBE or ROLLUP becomes its explicit GROUPING SETS list.
import { TRINO_NOT_IDENTIFIERS } from '../../lint/trino-keywords.js';
import { identifierName, keyword, type Token } from '../tokens.js';
import { isParen, isTriviaNode, meaningful, nodeKeyword, nodeText, splitArgs, type Node } from './tree.js';
import type { Report } from './within-group.js';

const CLAUSE_END = new Set(['HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'WINDOW', 'UNION', 'INTERSECT', 'EXCEPT']);

type Expression = Node[];
type GroupingSet = Expression[];

const synthetic = (at: Token, kind: Token['kind'], text: string): Node => ({ kind: 'token', token: { ...at, kind, text } });

/** `(a, b)`, `()` or `a`. */
function groupingSet(nodes: readonly Node[]): GroupingSet {
  const m = meaningful(nodes);
  if (m.length === 1 && isParen(m[0])) return splitArgs(m[0].items).map(meaningfulSpan);
  return [meaningfulSpan(nodes)];
}

function meaningfulSpan(nodes: readonly Node[]): Expression {
  const m = meaningful(nodes);
  return m.length === 0 ? [] : nodes.slice(nodes.indexOf(m[0]), nodes.indexOf(m[m.length - 1]) + 1);
}

/** The members of a ROLLUP or CUBE element, of CUBE each set once (Trino's CUBE takes a set of them); else undefined. */
function rollupOrCubeMembers(element: readonly Node[]): { word: 'ROLLUP' | 'CUBE'; members: GroupingSet[]; written: number } | undefined {
  const m = meaningful(element);
  const word = nodeKeyword(m[0]);
  if ((word !== 'ROLLUP' && word !== 'CUBE') || !isParen(m[1]) || m.length !== 2) return undefined;
  const written = splitArgs(m[1].items).map(groupingSet);
  const seen = new Set<string>();
  const members = word === 'CUBE' ? written.filter((s) => !seen.has(setKey(s)) && seen.add(setKey(s))) : written;
  return { word, members, written: written.length };
}

/** The grouping sets one element stands for. */
function elementSets(element: readonly Node[]): GroupingSet[] {
  const m = meaningful(element);
  const word = nodeKeyword(m[0]);
  const rolled = rollupOrCubeMembers(element);
  if (rolled) {
    const { members } = rolled;
    if (word === 'ROLLUP') return members.map((_s, k) => members.slice(0, members.length - k).flat()).concat([[]]);
    // CUBE: every subset, largest first.
    const subsets: GroupingSet[] = [];
    for (let mask = (1 << members.length) - 1; mask >= 0; mask--) subsets.push(members.filter((_s, k) => mask & (1 << (members.length - 1 - k))).flat());
    return subsets;
  }
  if (word === 'GROUPING' && nodeKeyword(m[1]) === 'SETS' && isParen(m[2]) && m.length === 3) return splitArgs(m[2].items).map(groupingSet);
  return [groupingSet(element)];
}

/** An expression's identity: its tokens without trivia, names case-folded and unquoted (`K` and `"k"` are k). */
const expressionKey = (e: Expression): string =>
  meaningful(e)
    .map((n) => (n.kind === 'token' && (n.token.kind === 'word' || n.token.kind === 'quoted') ? identifierName(n.token) : nodeText(n)))
    .join(' ');

const setKey = (s: GroupingSet): string => [...new Set(s.map(expressionKey))].sort().join('\u0000');

/** `GROUPING SETS ((…), …)` of `sets`, its tokens placed at `at`. */
function groupingSetsNodes(sets: GroupingSet[], at: Token): Node[] {
  const comma = () => synthetic(at, 'punct', ',');
  const parenthesized = (items: Node[]): Node => ({
    kind: 'group',
    open: { ...at, kind: 'punct', text: '(' },
    close: { ...at, kind: 'punct', text: ')' },
    items,
  });
  const joined = (parts: Node[][]): Node[] => parts.flatMap((p, k) => (k === 0 ? p : [comma(), synthetic(at, 'ws', ' '), ...p]));
  return [
    synthetic(at, 'word', 'GROUPING'),
    synthetic(at, 'ws', ' '),
    synthetic(at, 'word', 'SETS'),
    synthetic(at, 'ws', ' '),
    parenthesized(joined(sets.map((s) => [parenthesized(joined(s))]))),
  ];
}

function distinctGroupingSets(elements: Node[][], at: Token): Node[] {
  let product: GroupingSet[] = [[]];
  for (const element of elements) product = product.flatMap((left) => elementSets(element).map((right) => [...left, ...right]));
  const seen = new Set<string>();
  return groupingSetsNodes(
    product.filter((s) => !seen.has(setKey(s)) && seen.add(setKey(s))),
    at,
  );
}

/** The members of a ROLLUP, CUBE or GROUPING SETS element, each a list of expressions; undefined for a plain key. */
function setMembers(element: readonly Node[]): GroupingSet[] | undefined {
  const m = meaningful(element);
  const word = nodeKeyword(m[0]);
  if ((word === 'ROLLUP' || word === 'CUBE') && isParen(m[1]) && m.length === 2) return splitArgs(m[1].items).map(groupingSet);
  if (word === 'GROUPING' && nodeKeyword(m[1]) === 'SETS' && isParen(m[2]) && m.length === 3) return splitArgs(m[2].items).map(groupingSet);
  return undefined;
}

/**
 * A name or a dotted chain of names, parentheses aside. A row's field (`r.x`) is such a chain too: Trino refuses it
 * (it is no column), but only binding tells it from a qualified column (`t.r`), so it is let through.
 */
function isColumnReference(e: Expression): boolean {
  let m = meaningful(e);
  while (m.length === 1 && isParen(m[0])) m = meaningful(m[0].items);
  if (m.length % 2 === 0) return false;
  const isName = (n: Node): boolean =>
    n.kind === 'token' && (n.token.kind === 'quoted' || (n.token.kind === 'word' && !TRINO_NOT_IDENTIFIERS.has(keyword(n.token))));
  return m.every((n, k) => (k % 2 === 1 ? nodeText(n) === '.' : isName(n)));
}

/** Reports each expression of a ROLLUP, CUBE or GROUPING SETS element that is not a column, as Trino fails there. */
function refuseComputedGroupingColumns(element: readonly Node[], report: Report): void {
  for (const e of (setMembers(element) ?? []).flat()) {
    if (isColumnReference(e)) continue;
    const first = meaningful(e)[0];
    report(
      first.kind === 'token' ? first.token : first.open,
      'grouping-set-column',
      `Athena fails with INVALID_COLUMN_REFERENCE: GROUP BY expression must be a column reference: ${meaningful(e).map(nodeText).join(' ')} (inside ROLLUP, CUBE and GROUPING SETS only columns are allowed; the local engine would group by the expression)`,
      'compute the expression in a subquery or WITH table and group by its column, or group by it outside ROLLUP, CUBE and GROUPING SETS',
    );
  }
}

/** A CUBE naming a member twice or a ROLLUP or CUBE with an empty member (`()`): its explicit GROUPING SETS list. */
function explicitRollupOrCube(element: Node[]): Node[] {
  const rolled = rollupOrCubeMembers(element);
  if (!rolled || (rolled.members.length === rolled.written && rolled.members.every((s) => s.length > 0))) return element;
  const m = meaningful(element);
  const at = m[0].kind === 'token' ? m[0].token : m[0].open;
  return [...element.slice(0, element.indexOf(m[0])), ...groupingSetsNodes(elementSets(element), at), ...element.slice(element.indexOf(m[1]) + 1)];
}

/**
 * Rewrites the GROUP BY clauses in `items`, recursively: their DISTINCT or ALL quantifier, CUBE and ROLLUP elements
 * DuckDB would read otherwise; reports the computed expressions Trino refuses inside grouping sets.
 */
export function rewriteGroupBy(items: readonly Node[], report: Report): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < items.length; i++) {
    const node = items[i];
    if (node.kind === 'group') {
      out.push({ ...node, items: rewriteGroupBy(node.items, report) });
      continue;
    }
    out.push(node);
    if (keyword(node.token) !== 'GROUP') continue;
    const by = nextMeaningful(items, i);
    if (nodeKeyword(items[by]) !== 'BY') continue;
    const firstAt = nextMeaningful(items, by);
    const quantifier = nodeKeyword(items[firstAt]);
    const start = quantifier === 'DISTINCT' || quantifier === 'ALL' ? firstAt + 1 : by + 1;
    let end = start;
    while (end < items.length && !CLAUSE_END.has(nodeKeyword(items[end])) && nodeText(items[end]) !== ';') end++;
    const body = items.slice(start, end).map((n) => (n.kind === 'group' ? { ...n, items: rewriteGroupBy(n.items, report) } : n));
    const elements = splitArgs(body);
    for (const element of elements) refuseComputedGroupingColumns(element, report);
    // BY and what follows it, the quantifier left out.
    out.push(...items.slice(i + 1, quantifier === 'DISTINCT' || quantifier === 'ALL' ? firstAt : start));
    const simple = elements.every((e) => elementSets(e).length === 1);
    if (quantifier === 'DISTINCT' && !simple) {
      const at = firstOf(items[firstAt]);
      out.push(...distinctGroupingSets(elements, at), synthetic(at, 'ws', ' '));
    } else {
      const explicit = elements.map(explicitRollupOrCube);
      if (explicit.every((e, k) => e === elements[k])) out.push(...body);
      else out.push(...explicit.flatMap((e, k) => (k === 0 ? e : [synthetic(firstOf(e[0] ?? items[by]), 'punct', ','), ...e])));
    }
    i = end - 1;
  }
  return out;
}

const firstOf = (n: Node): Token => (n.kind === 'token' ? n.token : n.open);

function nextMeaningful(items: readonly Node[], i: number): number {
  for (let k = i + 1; k < items.length; k++) if (!isTriviaNode(items[k])) return k;
  return -1;
}
