// UNNEST in FROM. Trino gives its columns no names (a result calls them `_col<position>`, anonymous-columns.ts), so
// where the SQL writes no column list the translator writes one of anonymous names (DuckDB would call the column
// `unnest`). Trino unnests several arrays side by side, the shorter ones padded with NULL, and a NULL array as an empty
// one; DuckDB's UNNEST table function takes one list, but its select-list unnest() pads the same way, so
// `UNNEST(a, b)` becomes `(SELECT unnest(a), unnest(b))` (lateral: it may read the columns of earlier FROM items), its
// ordinality the numbers 1 to the longest length.
import { ANONYMOUS_COLUMN, anonymousColumnList } from '../anonymous-columns.js';
import type { Token } from '../tokens.js';
import { isName, NOT_AN_ALIAS } from './select-names.js';
import { isParen, isTriviaNode, nodeKeyword, splitArgs, type GroupNode, type Node } from './tree.js';

const token = (at: Token, kind: Token['kind'], text: string): Node => ({ kind: 'token', token: { ...at, kind, text } });

function nextMeaningful(items: readonly Node[], i: number): number {
  let k = i + 1;
  while (k < items.length && isTriviaNode(items[k])) k++;
  return k;
}

/** `(SELECT unnest(a) AS …, unnest(b) AS …[, ordinals])` for UNNEST(a, b, …). */
function sideBySide(at: Token, args: readonly Node[][], ordinality: boolean): GroupNode {
  const items: Node[] = [token(at, 'word', 'SELECT'), token(at, 'ws', ' ')];
  const call = (name: string, arg: readonly Node[]): Node[] => [
    token(at, 'word', name),
    { kind: 'group', open: { ...at, kind: 'punct', text: '(' }, close: { ...at, kind: 'punct', text: ')' }, items: [...arg] },
  ];
  const alias = [token(at, 'ws', ' '), token(at, 'word', 'AS'), token(at, 'ws', ' '), token(at, 'quoted', `"${ANONYMOUS_COLUMN}"`)];
  const comma = [token(at, 'punct', ','), token(at, 'ws', ' ')];
  args.forEach((arg, k) => {
    if (k > 0) items.push(...comma);
    items.push(...call('unnest', arg), ...alias);
  });
  if (ordinality) {
    // 1 … the longest length: sequence(0, n) without its 0 (sequence(1, 0) would count down).
    const lengths: Node[] = [];
    args.forEach((arg, k) => {
      if (k > 0) lengths.push(...comma);
      lengths.push(...call('coalesce', [...call('cardinality', arg), ...comma, token(at, 'number', '0')]));
    });
    const longest = args.length > 1 ? call('greatest', lengths) : lengths;
    const ordinals = call('array_remove', [...call('sequence', [token(at, 'number', '0'), ...comma, ...longest]), ...comma, token(at, 'number', '0')]);
    items.push(...comma, ...call('unnest', ordinals), ...alias);
  }
  return { kind: 'group', open: { ...at, kind: 'punct', text: '(' }, close: { ...at, kind: 'punct', text: ')' }, items };
}

/** Every FROM item `UNNEST(…) [WITH ORDINALITY] [[AS] t [(cols)]]` in `items` (recursively) as described above. */
export function nameUnnestColumns(items: readonly Node[], unaliased = { count: 0 }): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < items.length; i++) {
    const node = items[i];
    const open = nextMeaningful(items, i);
    const group = items[open];
    if (node.kind === 'group') {
      out.push({ ...node, items: nameUnnestColumns(node.items, unaliased) });
      continue;
    }
    if (nodeKeyword(node) !== 'UNNEST' || !isParen(group)) {
      out.push(node);
      continue;
    }
    const args = splitArgs(group.items).map((arg) => nameUnnestColumns(arg, unaliased));
    let end = nextMeaningful(items, open);
    const ordinality = nodeKeyword(items[end]) === 'WITH' && nodeKeyword(items[nextMeaningful(items, end)]) === 'ORDINALITY';
    if (ordinality) end = nextMeaningful(items, nextMeaningful(items, end));
    const as = nodeKeyword(items[end]) === 'AS';
    const aliasAt = as ? nextMeaningful(items, end) : end;
    const alias = items[aliasAt];
    const hasAlias = isName(alias) && !NOT_AN_ALIAS.has(nodeKeyword(alias));
    const columnsAt = nextMeaningful(items, aliasAt);
    const written = hasAlias && isParen(items[columnsAt]);
    const at = node.token;
    const columns = args.length + (ordinality ? 1 : 0);
    if (args.length > 1) out.push(sideBySide(at, args, ordinality));
    else out.push(node, ...items.slice(i + 1, open), { ...group, items: args[0] ?? [] }, ...items.slice(open + 1, ordinality ? end : open + 1));
    if (written) {
      out.push(token(at, 'ws', ' '), token(at, 'word', 'AS'), token(at, 'ws', ' '), alias, items[columnsAt]);
      i = columnsAt;
    } else {
      out.push(token(at, 'ws', ' '), token(at, 'word', 'AS'), token(at, 'ws', ' '));
      // Each UNNEST without an alias gets one of its own: two of one name in a FROM clause are ambiguous in DuckDB.
      const own = hasAlias ? alias : token(at, 'quoted', unaliased.count++ === 0 ? '"__unnest"' : `"__unnest_${unaliased.count}"`);
      out.push(own, token(at, 'word', anonymousColumnList(columns)));
      i = hasAlias ? aliasAt : ordinality ? end - 1 : open;
    }
  }
  return out;
}
