// A `SELECT *` over several relations inside a subquery or WITH query, where two of them have a column of the same
// name (`(SELECT * FROM a JOIN b ON a.k = b.k) s`): Trino 476 keeps both names `k`, so `SELECT *` over it shows `k`
// twice and reading `k` (or `s.k`) fails with AMBIGUOUS_NAME; DuckDB renames the second `k_1` and reads the first. The
// names hide behind the `*`, so the check runs while DuckDB binds (over no rows too, in `lake lint`): the query level
// gets the condition `typeof(struct_pack(*COLUMNS(…))) <> ''`, whose struct of the star's columns fails with
// "Duplicate struct entry name" on a repeated name (error-messages.ts words it) and otherwise folds to true (the plan
// keeps no filter). Columns without a name (UNNEST's, anonymous-columns.ts) are left out: Trino cannot read them.
import { ANONYMOUS_COLUMN } from '../anonymous-columns.js';
import type { Token } from '../tokens.js';
import { isParen, isTriviaNode, meaningful, nodeKeyword, type GroupNode, type Node } from './tree.js';

/** The condition that refuses a repeated name of the star's columns while DuckDB binds. */
export const STAR_NAMES_CHECK = `typeof(struct_pack(*COLUMNS(trino_star_column -> NOT starts_with(trino_star_column, '${ANONYMOUS_COLUMN}')))) <> ''`;

/** Words that end a FROM (or WHERE) clause at a query's level. */
const CLAUSE_ENDS = new Set(['GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT']);
/** Words before a parenthesized query whose columns another query reads by name. */
const BEFORE_RELATION = new Set(['FROM', 'JOIN', 'LATERAL', 'AS']);

const synthetic = (at: Token, kind: Token['kind'], text: string): Node => ({ kind: 'token', token: { ...at, kind, text } });
const isPunct = (n: Node | undefined, text: string) => n !== undefined && n.kind === 'token' && n.token.text === text;

function isQuery(group: Node | undefined): group is GroupNode {
  if (!isParen(group)) return false;
  const first = meaningful(group.items)[0];
  return ['SELECT', 'WITH'].includes(nodeKeyword(first)) || isQuery(first);
}

/** An unqualified `*` in the select list between items[from] (after SELECT) and the list's end. */
function selectsStar(items: readonly Node[], select: number, from: number): boolean {
  return items.slice(select + 1, from).some((n, k, list) => {
    if (!isPunct(n, '*')) return false;
    const before = meaningful(list.slice(0, k));
    const previous = before[before.length - 1];
    return previous === undefined || isPunct(previous, ',') || ['DISTINCT', 'ALL'].includes(nodeKeyword(previous));
  });
}

/**
 * The first query level's SELECT … FROM … with a `*` and a join or a comma in FROM, given the check (also the first
 * branch of a set operation, which set-operation-types.ts reads through a subquery).
 */
export function withStarCheck(items: readonly Node[]): Node[] {
  if (items.some((n) => n.kind === 'token' && n.token.text.includes(STAR_NAMES_CHECK))) return [...items];
  // `((SELECT …) UNION …)`: the first branch is a group of its own, checked there.
  if (!['SELECT', 'WITH'].includes(nodeKeyword(items.find((n) => !isTriviaNode(n))))) return [...items];
  const select = items.findIndex((n) => nodeKeyword(n) === 'SELECT');
  if (select < 0) return [...items];
  const from = items.findIndex((n, k) => k > select && nodeKeyword(n) === 'FROM');
  if (from < 0 || !selectsStar(items, select, from)) return [...items];
  let end = from + 1;
  while (end < items.length && !CLAUSE_ENDS.has(nodeKeyword(items[end])) && nodeKeyword(items[end]) !== 'WHERE' && !isPunct(items[end], ';')) end++;
  const joins = items.slice(from + 1, end).some((n) => nodeKeyword(n) === 'JOIN' || isPunct(n, ','));
  if (!joins) return [...items];
  const at = items[select].kind === 'token' ? items[select].token : items[select].open;
  const ws = synthetic(at, 'ws', ' ');
  if (nodeKeyword(items[end]) === 'WHERE') {
    // `WHERE (<check>) AND (<condition>)`: DuckDB refuses a *COLUMNS() beside some operators (`{…}[…]`, which the
    // condition's own rewrites may hold) unless the two sit apart like this.
    let whereEnd = end + 1;
    while (whereEnd < items.length && !CLAUSE_ENDS.has(nodeKeyword(items[whereEnd])) && !isPunct(items[whereEnd], ';')) whereEnd++;
    const condition: GroupNode = {
      kind: 'group',
      open: { ...at, kind: 'punct', text: '(' },
      close: { ...at, kind: 'punct', text: ')' },
      items: items.slice(end + 1, whereEnd),
    };
    return [
      ...items.slice(0, end + 1),
      ws,
      synthetic(at, 'word', `(${STAR_NAMES_CHECK})`),
      ws,
      synthetic(at, 'word', 'AND'),
      ws,
      condition,
      ws,
      ...items.slice(whereEnd),
    ];
  }
  return [...items.slice(0, end), ws, synthetic(at, 'word', 'WHERE'), ws, synthetic(at, 'word', STAR_NAMES_CHECK), ws, ...items.slice(end)];
}

/**
 * Every subquery in FROM or JOIN, LATERAL subquery and WITH query in `items` (recursively) whose first select list has
 * a `*` over a join, checked as described above. The statement's own select list keeps both names as Trino does.
 */
export function checkRepeatedStarNames(items: readonly Node[], relation = false): Node[] {
  let previous: Node | undefined;
  const firstMeaningful = items.find((n) => !isTriviaNode(n));
  const out = items.map((node) => {
    let result = node;
    if (node.kind === 'group') {
      const readByName = isQuery(node) && (BEFORE_RELATION.has(nodeKeyword(previous)) || isPunct(previous, ',') || (relation && node === firstMeaningful));
      result = { ...node, items: checkRepeatedStarNames(node.items, readByName) };
    }
    if (!isTriviaNode(node)) previous = node;
    return result;
  });
  return relation ? withStarCheck(out) : out;
}
