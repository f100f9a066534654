// UNNEST in FROM. Trino gives its columns no names (a result calls them `_col<position>`, anonymous-columns.ts), so
// where the SQL writes no column list the translator writes one of anonymous names (DuckDB would call the column
// `unnest`). Trino unnests several arrays side by side, the shorter ones padded with NULL, and a NULL array as an empty
// one; DuckDB's UNNEST table function takes one list, but its select-list unnest() pads the same way, so
// `UNNEST(a, b)` becomes `(SELECT unnest(a), unnest(b))` (lateral: it may read the columns of earlier FROM items), its
// ordinality the numbers 1 to the longest length; so does UNNEST(a), whose plan stays DuckDB's lateral UNNEST. An array
// of rows gives a column per field in Trino: one UNNEST whose alias list names more columns than it would give
// otherwise unnests the fields (`unnest(a, max_depth := 2)`); an array of rows anywhere else is refused while binding.
import { ANONYMOUS_COLUMN, anonymousColumnList } from '../anonymous-columns.js';
import { REFUSED_KEY_MARKER } from '../shims/error-messages.js';
import type { Token } from '../tokens.js';
import { isName, NOT_AN_ALIAS } from './select-names.js';
import { isParen, isTriviaNode, nodeKeyword, splitArgs, type GroupNode, type Node } from './tree.js';
import type { Report } from './within-group.js';

const token = (at: Token, kind: Token['kind'], text: string): Node => ({ kind: 'token', token: { ...at, kind, text } });

function nextMeaningful(items: readonly Node[], i: number): number {
  let k = i + 1;
  while (k < items.length && isTriviaNode(items[k])) k++;
  return k;
}

/**
 * What an argument's type refuses, ranked (among several arguments the lowest rank wins): '1unnest unknown' (a NULL of no
 * type), '2unnest map' (Trino unnests a map into a key and a value column; DuckDB's unnest() takes no map, and the
 * translator does not know an argument's type), '3unnest rows' (a plain row's array, not the zoned timestamp or
 * ipaddress structs the shims use), else NULL. The argument is named once (its typeof, in a one-element lambda that
 * DuckDB folds while binding), so the check does not bind it once per test.
 */
const refusedKind = (arg: string) =>
  `list_transform([typeof(${arg})], lambda trino_t: CASE WHEN trino_t = '"NULL"' THEN '1unnest unknown' WHEN trino_t LIKE 'MAP(%)' THEN '2unnest map' WHEN trino_t LIKE 'STRUCT(%)[]' AND trino_t NOT LIKE 'STRUCT(trino\\_%' ESCAPE '\\' THEN '3unnest rows' END)[1]`;

/**
 * `(SELECT unnest(a) AS …, unnest(b) AS …[, ordinals])` for UNNEST(a, b, …). `rows`: one argument whose alias list
 * names more columns than it gives otherwise, so an array of rows: `unnest(a, max_depth := 2)` gives a column per
 * field (its alias is then ignored: the fields keep their names). Otherwise an argument that is an array of rows is
 * refused while DuckDB binds (Trino gives a column per field there too; here it would be one row column).
 */
function sideBySide(
  at: Token,
  args: readonly Node[][],
  ordinality: boolean,
  rows: { key: string } | undefined,
  render: (nodes: readonly Node[]) => string,
): GroupNode {
  const items: Node[] = [token(at, 'word', 'SELECT'), token(at, 'ws', ' ')];
  const call = (name: string, arg: readonly Node[]): Node[] => [
    token(at, 'word', name),
    { kind: 'group', open: { ...at, kind: 'punct', text: '(' }, close: { ...at, kind: 'punct', text: ')' }, items: [...arg] },
  ];
  const alias = [token(at, 'ws', ' '), token(at, 'word', 'AS'), token(at, 'ws', ' '), token(at, 'quoted', `"${ANONYMOUS_COLUMN}"`)];
  const comma = [token(at, 'punct', ','), token(at, 'ws', ' ')];
  const expanded = [...comma, token(at, 'word', 'max_depth'), token(at, 'ws', ' '), token(at, 'op', ':='), token(at, 'ws', ' '), token(at, 'number', '2')];
  args.forEach((arg, k) => {
    if (k > 0) items.push(...comma);
    items.push(...call('unnest', rows ? [...arg, ...expanded] : arg), ...alias);
  });
  if (ordinality) {
    // 1 … the longest length, written in DuckDB's own functions (one word, so no later rewrite wraps it): each argument
    // is bound once more, by len(). Written in Trino's (greatest of coalesce of cardinality, sequence, array_remove),
    // the shims' type checks mentioned each operand again at every level: DuckDB bound the arguments of
    // UNNEST(a, b, c) WITH ORDINALITY hundreds of times (~12 s of CPU, issue 18). len() of a NULL array is NULL and
    // DuckDB's greatest() skips NULLs, but coalesce keeps the count 0 when every array is NULL. An argument unnest()
    // cannot take (a map, a varchar) fails first at its own unnest(), earlier in the select list.
    const lengths = args.map((arg) => `coalesce(len(${render(arg)}), 0)`);
    const longest = lengths.length > 1 ? `greatest(${lengths.join(', ')})` : lengths[0];
    items.push(...comma, token(at, 'word', `unnest(range(1, ${longest} + 1))`), ...alias);
  }
  if (rows) {
    // The struct of a zoned timestamp (or ipaddress) is one value in Trino: its array gives one column, so the longer
    // alias list fails with MISMATCHED_COLUMN_ALIASES there; DuckDB would unnest the struct's fields.
    const check = `{'trino_v': true}[CASE ${refusedKind(render(args[0]))} WHEN '3unnest rows' THEN 'trino_v' WHEN '2unnest map' THEN '${REFUSED_KEY_MARKER}unnest map' ELSE '${REFUSED_KEY_MARKER}${rows.key}' END]`;
    items.push(token(at, 'ws', ' '), token(at, 'word', 'WHERE'), token(at, 'ws', ' '), token(at, 'word', check));
  } else {
    // Folded while binding (over no rows too); the plan keeps the lateral UNNEST as it was. A NULL of no type: Trino's
    // INVALID_FUNCTION_ARGUMENT "Cannot unnest type: unknown" (DuckDB unnests nothing); then a map; then a row array.
    const kinds = args.map((arg) => refusedKind(render(arg))).join(', ');
    const check = `{'trino_v': true}[coalesce('${REFUSED_KEY_MARKER}' || list_min([${kinds}])[2:], 'trino_v')]`;
    items.push(token(at, 'ws', ' '), token(at, 'word', 'WHERE'), token(at, 'ws', ' '), token(at, 'word', check));
  }
  return { kind: 'group', open: { ...at, kind: 'punct', text: '(' }, close: { ...at, kind: 'punct', text: ')' }, items };
}

/** Every FROM item `UNNEST(…) [WITH ORDINALITY] [[AS] t [(cols)]]` in `items` (recursively) as described above. */
export function nameUnnestColumns(items: readonly Node[], render: (nodes: readonly Node[]) => string, unaliased = { count: 0 }): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < items.length; i++) {
    const node = items[i];
    const open = nextMeaningful(items, i);
    const group = items[open];
    if (node.kind === 'group') {
      out.push({ ...node, items: nameUnnestColumns(node.items, render, unaliased) });
      continue;
    }
    if (nodeKeyword(node) !== 'UNNEST' || !isParen(group)) {
      out.push(node);
      continue;
    }
    const args = splitArgs(group.items).map((arg) => nameUnnestColumns(arg, render, unaliased));
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
    const entries = written && isParen(items[columnsAt]) ? splitArgs((items[columnsAt] as GroupNode).items).length : 0;
    const aliasName = hasAlias && alias.kind === 'token' ? alias.token.text : '';
    const rows =
      args.length === 1 && entries > columns
        ? { key: `aliases ${entries} ${/^[a-z_][a-z0-9_]*$/i.test(aliasName) ? aliasName : 'relation'} ${columns}` }
        : undefined;
    if (args.length > 0) out.push(sideBySide(at, args, ordinality, rows, render));
    else out.push(node, ...items.slice(i + 1, open), { ...group, items: [] }, ...items.slice(open + 1, ordinality ? end : open + 1));
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

const CLAUSE_AFTER_ON = new Set([
  'WHERE',
  'GROUP',
  'HAVING',
  'ORDER',
  'LIMIT',
  'OFFSET',
  'FETCH',
  'WINDOW',
  'UNION',
  'INTERSECT',
  'EXCEPT',
  'JOIN',
  'INNER',
  'LEFT',
  'RIGHT',
  'FULL',
  'CROSS',
]);

/**
 * `… JOIN UNNEST(x) u(y) ON <condition>`: Trino 476 joins an UNNEST only ON TRUE (NOT_SUPPORTED "LEFT JOIN involving
 * UNNEST is only supported with condition ON TRUE", for INNER, LEFT, RIGHT and FULL alike, and for USING); DuckDB
 * filters by the condition and answers. Refused at the ON or USING.
 */
export function refuseUnnestJoinConditions(items: readonly Node[], report: Report): void {
  const m = items.filter((n) => !isTriviaNode(n));
  for (let i = 0; i < m.length; i++) {
    if (m[i].kind === 'group') refuseUnnestJoinConditions((m[i] as GroupNode).items, report);
    if (nodeKeyword(m[i]) !== 'UNNEST' || nodeKeyword(m[i - 1]) !== 'JOIN' || !isParen(m[i + 1])) continue;
    let on = i + 2;
    while (on < m.length && nodeKeyword(m[on]) !== 'ON' && !CLAUSE_AFTER_ON.has(nodeKeyword(m[on])) && nodeKeyword(m[on]) !== 'USING') on++;
    // `JOIN UNNEST(…) u(k) USING (k)` fails alike.
    if (nodeKeyword(m[on]) !== 'ON' && nodeKeyword(m[on]) !== 'USING') continue;
    let end = on + 1;
    while (end < m.length && !CLAUSE_AFTER_ON.has(nodeKeyword(m[end]))) end++;
    let condition = m.slice(on + 1, end);
    while (condition.length === 1 && condition[0].kind === 'group' && isParen(condition[0])) condition = condition[0].items.filter((n) => !isTriviaNode(n));
    if (nodeKeyword(m[on]) === 'ON' && condition.length === 1 && nodeKeyword(condition[0]) === 'TRUE') continue;
    const before = nodeKeyword(m[i - 2]) === 'OUTER' ? m[i - 3] : m[i - 2];
    const side = ['LEFT', 'RIGHT', 'FULL'].includes(nodeKeyword(before)) ? nodeKeyword(before) : 'INNER';
    const at = m[on];
    if (at.kind === 'token')
      report(
        at.token,
        'unnest-join-condition',
        `Athena fails with NOT_SUPPORTED: ${side} JOIN involving UNNEST is only supported with condition ON TRUE (the local engine would filter by the condition)`,
        'join ON TRUE and filter in WHERE (after a LEFT JOIN: keep the unmatched rows with a CASE or a subquery)',
      );
  }
}

/**
 * `… RIGHT|FULL JOIN LATERAL (subquery) ON …` (a LATERAL subquery that reads the left side fails in both engines):
 * Trino 476 joins the subquery once per left row. ON TRUE, RIGHT is an inner join and FULL a LEFT join (over an empty
 * left side both give no rows, where DuckDB gave the subquery's rows beside NULLs): rewritten so. RIGHT JOIN ON
 * <condition> keeps each unmatched subquery row once per left row, and FULL JOIN ON <condition> fails: refused at
 * LATERAL.
 */
export function rewriteOuterLateralJoins(items: readonly Node[], report: Report): Node[] {
  const out: (Node | undefined)[] = items.map((n) => (n.kind === 'group' ? { ...n, items: rewriteOuterLateralJoins(n.items, report) } : n));
  const at = out.flatMap((n, k) => (isTriviaNode(n) ? [] : [k]));
  const m = at.map((k) => out[k] as Node);
  for (let i = 0; i < m.length; i++) {
    const lateral = m[i];
    if (nodeKeyword(lateral) !== 'LATERAL' || nodeKeyword(m[i - 1]) !== 'JOIN' || lateral.kind !== 'token') continue;
    const outer = nodeKeyword(m[i - 2]) === 'OUTER';
    const sideAt = outer ? i - 3 : i - 2;
    const sideNode = m[sideAt];
    const side = nodeKeyword(sideNode);
    if ((side !== 'RIGHT' && side !== 'FULL') || sideNode.kind !== 'token') continue;
    let on = i + 1;
    while (on < m.length && nodeKeyword(m[on]) !== 'ON' && !CLAUSE_AFTER_ON.has(nodeKeyword(m[on]))) on++;
    let end = on + 1;
    while (end < m.length && !CLAUSE_AFTER_ON.has(nodeKeyword(m[end]))) end++;
    let condition = m.slice(on + 1, end);
    while (condition.length === 1 && condition[0].kind === 'group' && isParen(condition[0])) condition = condition[0].items.filter((n) => !isTriviaNode(n));
    if (nodeKeyword(m[on]) === 'ON' && condition.length === 1 && nodeKeyword(condition[0]) === 'TRUE') {
      out[at[sideAt]] = { kind: 'token', token: { ...sideNode.token, text: side === 'RIGHT' ? 'INNER' : 'LEFT' } };
      if (outer && side === 'RIGHT') out[at[i - 2]] = undefined;
      continue;
    }
    report(
      lateral.token,
      'lateral-outer-join',
      side === 'RIGHT'
        ? 'Athena joins a RIGHT JOIN LATERAL subquery once per left row: each subquery row the condition does not match comes back once per left row (beside NULLs), none over an empty left side; the local engine joins it once'
        : 'Athena fails with NOT_SUPPORTED: FULL JOIN involving LATERAL relation is only supported with condition ON TRUE (the local engine would answer)',
      'drop LATERAL (the subquery reads no column of the left side), or join it ON TRUE and filter in WHERE',
    );
  }
  return out.filter((n): n is Node => n !== undefined);
}
