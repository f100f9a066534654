// `GROUP BY DISTINCT|ALL`: Trino's set quantifier on grouping elements
// (https://trino.io/docs/current/sql/select.html#group-by-clause). ALL (the default) keeps the duplicate grouping sets
// that ROLLUP/CUBE/GROUPING SETS produce together; DISTINCT keeps each set once. DuckDB has neither quantifier (its
// `GROUP BY ALL` means "every non-aggregate column"), so ALL is dropped and DISTINCT becomes the explicit
// `GROUPING SETS (…)` list with the duplicates removed. Sets are compared as sets of expressions, as Trino does.
import { keyword, type Token } from '../tokens.js';
import { isParen, isTriviaNode, meaningful, nodeKeyword, nodeText, splitArgs, type Node } from './tree.js';

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

/** The grouping sets one element stands for. */
function elementSets(element: readonly Node[]): GroupingSet[] {
  const m = meaningful(element);
  const word = nodeKeyword(m[0]);
  if ((word === 'ROLLUP' || word === 'CUBE') && isParen(m[1]) && m.length === 2) {
    const members = splitArgs(m[1].items).map(groupingSet);
    if (word === 'ROLLUP') return members.map((_s, k) => members.slice(0, members.length - k).flat()).concat([[]]);
    // CUBE: every subset, largest first.
    const subsets: GroupingSet[] = [];
    for (let mask = (1 << members.length) - 1; mask >= 0; mask--) subsets.push(members.filter((_s, k) => mask & (1 << (members.length - 1 - k))).flat());
    return subsets;
  }
  if (word === 'GROUPING' && nodeKeyword(m[1]) === 'SETS' && isParen(m[2]) && m.length === 3) return splitArgs(m[2].items).map(groupingSet);
  return [groupingSet(element)];
}

/** An expression's identity: its tokens without trivia, unquoted words case-folded. */
const expressionKey = (e: Expression): string =>
  meaningful(e)
    .map((n) => (n.kind === 'token' && n.token.kind === 'word' ? n.token.text.toLowerCase() : nodeText(n)))
    .join(' ');

const setKey = (s: GroupingSet): string => [...new Set(s.map(expressionKey))].sort().join('\u0000');

function distinctGroupingSets(elements: Node[][], at: Token): Node[] {
  let product: GroupingSet[] = [[]];
  for (const element of elements) product = product.flatMap((left) => elementSets(element).map((right) => [...left, ...right]));
  const seen = new Set<string>();
  const sets = product.filter((s) => !seen.has(setKey(s)) && seen.add(setKey(s)));
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

/** Rewrites the `GROUP BY DISTINCT|ALL …` clauses in `items`, recursively. */
export function rewriteGroupByQuantifier(items: readonly Node[]): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < items.length; i++) {
    const node = items[i];
    if (node.kind === 'group') {
      out.push({ ...node, items: rewriteGroupByQuantifier(node.items) });
      continue;
    }
    out.push(node);
    if (keyword(node.token) !== 'GROUP') continue;
    const by = nextMeaningful(items, i);
    if (nodeKeyword(items[by]) !== 'BY') continue;
    const quantifierAt = nextMeaningful(items, by);
    const quantifier = nodeKeyword(items[quantifierAt]);
    if (quantifier !== 'DISTINCT' && quantifier !== 'ALL') continue;
    let end = quantifierAt + 1;
    while (end < items.length && !CLAUSE_END.has(nodeKeyword(items[end])) && nodeText(items[end]) !== ';') end++;
    const body = items.slice(quantifierAt + 1, end).map((n) => (n.kind === 'group' ? { ...n, items: rewriteGroupByQuantifier(n.items) } : n));
    const elements = splitArgs(body);
    const simple = elements.every((e) => elementSets(e).length === 1);
    out.push(...items.slice(i + 1, quantifierAt));
    if (quantifier === 'ALL' || simple) out.push(...body);
    else {
      const at = firstOf(items[quantifierAt]);
      out.push(...distinctGroupingSets(elements, at), synthetic(at, 'ws', ' '));
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
