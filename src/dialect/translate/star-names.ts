// A `*` inside a subquery or WITH query that gives a name twice: over several relations that share a column name
// (`(SELECT * FROM a JOIN b ON a.k = b.k) s`, also `a.*, b.*`), or beside a select item of the same name (`SELECT *,
// 1 AS k FROM a`). Trino 476 keeps both names `k`, so `SELECT *` over it shows `k` twice and reading `k` (or `s.k`)
// fails with AMBIGUOUS_NAME; DuckDB renames the second `k_1` and reads the first. A query that reads neither (`count(*)`,
// `SELECT x`) gets Trino's answer from both. The names hide behind the `*`, so the check runs while DuckDB binds (over
// no rows too, in `lake lint`): the query level gets the condition `typeof(struct_pack(*COLUMNS(…), "k" := NULL)) <>
// …`, whose struct of the star's columns (and of the select items' names) fails with "Duplicate struct entry name" on
// a repeated name (error-messages.ts words it) and otherwise folds to true (the plan keeps no filter). Only the names
// the rest of the statement could read are packed (every `*` there reads them all); columns without a name (UNNEST's,
// anonymous-columns.ts) are left out: Trino cannot read them.
import { ANONYMOUS_COLUMN } from '../anonymous-columns.js';
import { identifierName, keyword, type Token } from '../tokens.js';
import { itemName, splitItems } from './select-names.js';
import { isParen, isTriviaNode, meaningful, nodeKeyword, type GroupNode, type Node } from './tree.js';

/** Marks a query level this pass has checked (or found nothing to check in): set-operation-types.ts checks it no more. */
const CHECKED = 'trino_star_check';
/**
 * A one-row column joined to a query level whose check packs only some names: DuckDB fails a `*COLUMNS(…)` that selects
 * no column ("resulted in an empty set of columns"), and the filler is always selected. The level's own `*` excludes it.
 */
const FILLER = 'trino_star_filler';
export const FILLER_EXCLUDE = ` EXCLUDE (${FILLER})`;

/** The names the rest of a statement may read from a relation: all of them where a `*` there could expand it. */
type ReadNames = 'all' | ReadonlySet<string>;

/** Words that end a FROM (or WHERE) clause at a query's level. */
const CLAUSE_ENDS = new Set(['GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT']);
/** Words before a parenthesized query whose columns another query reads by name. */
const BEFORE_RELATION = new Set(['FROM', 'JOIN', 'LATERAL', 'AS']);

const synthetic = (at: Token, kind: Token['kind'], text: string): Node => ({ kind: 'token', token: { ...at, kind, text } });
const isPunct = (n: Node | undefined, text: string) => n !== undefined && n.kind === 'token' && n.token.text === text;
const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;
const quotedName = (s: string) => `"${s.replaceAll('"', '""')}"`;

function isQuery(group: Node | undefined): group is GroupNode {
  if (!isParen(group)) return false;
  const first = meaningful(group.items)[0];
  return ['SELECT', 'WITH'].includes(nodeKeyword(first)) || isQuery(first);
}

/** Whether items[k] is a select item `*` alone (not a product's operator). */
function isBareStarAt(items: readonly Node[], k: number): boolean {
  if (!isPunct(items[k], '*')) return false;
  const before = meaningful(items.slice(0, k));
  const previous = before[before.length - 1];
  return previous === undefined || isPunct(previous, ',') || ['SELECT', 'DISTINCT', 'ALL'].includes(nodeKeyword(previous));
}

/** A select item that is `*` or `q.*` (its qualifier then), undefined for any other item. */
function starOf(item: readonly Node[]): { qualifier?: string } | undefined {
  const m = meaningful(item).filter((n) => !(n.kind === 'token' && n.token.kind === 'translated'));
  if (m.length === 1 && isPunct(m[0], '*')) return {};
  if (m.length >= 3 && isPunct(m[m.length - 1], '*') && isPunct(m[m.length - 2], '.')) {
    return {
      qualifier: m
        .slice(0, -2)
        .map((n) => (n.kind === 'token' ? n.token.text : ''))
        .join(''),
    };
  }
  return undefined;
}

/**
 * The names read outside `skip` in `root`: every identifier (a qualified name by each of its parts), with the base of
 * DuckDB's renaming (`k` for `k_1`, which Trino does not know), or all where a `*` select item or `q.*` may read it.
 */
function namesReadOutside(root: readonly Node[], skip: Node): ReadNames {
  const names = new Set<string>();
  let previous: Token | undefined;
  let all = false;
  const add = (name: string) => {
    names.add(name);
    const base = /^(.+)_\d+$/.exec(name);
    if (base) names.add(base[1]);
  };
  const visit = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (all) return;
      if (node === skip) {
        previous = undefined;
        continue;
      }
      if (node.kind === 'group') {
        previous = node.open;
        visit(node.items);
        previous = node.close;
        continue;
      }
      const t = node.token;
      if (t.kind === 'ws' || t.kind === 'comment') continue;
      if (t.text === '*' && (previous === undefined || [',', '.'].includes(previous.text) || ['SELECT', 'DISTINCT', 'ALL'].includes(keyword(previous))))
        all = true;
      if (t.kind === 'word' || t.kind === 'quoted') add(identifierName(t));
      if (t.kind === 'translated') {
        if (/(^|\.)\s*\*/.test(t.text)) all = true;
        for (const word of t.text.match(/[A-Za-z_][\w$]*/g) ?? []) add(word.toLowerCase());
      }
      previous = t;
    }
  };
  visit(root);
  return all ? 'all' : names;
}

/**
 * The check for a query level `items[select]` … `items[from]` (its select list), or undefined when no name the rest of
 * the statement reads can repeat there; `filler` when it needs the filler column.
 */
function starCheck(
  items: readonly Node[],
  select: number,
  from: number,
  joins: boolean,
  reads: ReadNames,
): { check?: string; filler: boolean; bareOverJoin: boolean } {
  const list = items.slice(select + 1, from).filter((n) => !['DISTINCT', 'ALL'].includes(nodeKeyword(n)));
  const selectItems = splitItems(list).items;
  const stars = selectItems.map(starOf);
  const bare = stars.some((s) => s !== undefined && s.qualifier === undefined);
  const qualified = stars.flatMap((s) => (s?.qualifier === undefined ? [] : [s.qualifier]));
  const isRead = (name: string) => reads === 'all' || reads.has(name);
  const named = new Set(
    selectItems
      .filter((_item, k) => stars[k] === undefined)
      .flatMap((item) => {
        const name = itemName(meaningful(item))?.toLowerCase();
        return name === undefined || name.startsWith(ANONYMOUS_COLUMN) || name.includes('$dup') ? [] : [name];
      })
      .filter(isRead),
  );
  const entries = [...named].map((name) => `, ${quotedName(name)} := NULL`).join('');
  const checked = (columns: string) => `typeof(struct_pack(${columns}${entries})) <> '${CHECKED}'`;
  const bareOverJoin = bare && joins;
  if (reads !== 'all' && reads.size === 0) return { filler: false, bareOverJoin };
  if ((bare && (joins || named.size > 0)) || qualified.length >= 2) {
    const unnamed = `NOT starts_with(trino_star_column, '${ANONYMOUS_COLUMN}')`;
    if (reads === 'all') return { check: checked(`*COLUMNS(trino_star_column -> ${unnamed})`), filler: false, bareOverJoin };
    const names = [...reads].map(sqlText).join(', ');
    return {
      check: checked(`*COLUMNS(trino_star_column -> trino_star_column = '${FILLER}' OR (${unnamed} AND lower(trino_star_column) IN (${names})))`),
      filler: true,
      bareOverJoin,
    };
  }
  if (qualified.length === 1 && named.size > 0) return { check: checked(`*COLUMNS(${qualified[0]}.*)`), filler: false, bareOverJoin };
  return { filler: false, bareOverJoin };
}

/**
 * The first query level's SELECT … FROM … with a `*`, given the check (also the first branch of a set operation, which
 * set-operation-types.ts reads through a subquery, where every name is read).
 */
export function withStarCheck(items: readonly Node[], reads: ReadNames = 'all'): Node[] {
  if (items.some((n) => n.kind !== 'group' && n.token.text.includes(CHECKED))) return [...items];
  // `((SELECT …) UNION …)`: the first branch is a group of its own, checked there.
  if (!['SELECT', 'WITH'].includes(nodeKeyword(items.find((n) => !isTriviaNode(n))))) return [...items];
  const select = items.findIndex((n) => nodeKeyword(n) === 'SELECT');
  if (select < 0) return [...items];
  const from = items.findIndex((n, k) => k > select && nodeKeyword(n) === 'FROM');
  if (from < 0) return [...items];
  let end = from + 1;
  while (end < items.length && !CLAUSE_ENDS.has(nodeKeyword(items[end])) && nodeKeyword(items[end]) !== 'WHERE' && !isPunct(items[end], ';')) end++;
  const joins = items.slice(from + 1, end).some((n) => nodeKeyword(n) === 'JOIN' || isPunct(n, ','));
  const { check, filler, bareOverJoin } = starCheck(items, select, from, joins, reads);
  const at = items[select].kind === 'token' ? items[select].token : items[select].open;
  const ws = synthetic(at, 'ws', ' ');
  if (check === undefined) {
    // Marked, so that set-operation-types.ts does not check a first branch whose names no query reads.
    return bareOverJoin
      ? [...items.slice(0, select + 1), synthetic(at, 'comment', ` /* ${CHECKED}: no repeated name is read */ `), ...items.slice(select + 1)]
      : [...items];
  }
  const out = filler
    ? [
        ...items.slice(0, from).flatMap((n, k) => (k > select && isBareStarAt(items, k) ? [n, synthetic(at, 'translated', FILLER_EXCLUDE)] : [n])),
        items[from],
        // First in FROM: after the last relation, a join condition's rewrite would take it in.
        synthetic(at, 'translated', ` (SELECT NULL AS ${FILLER}) AS ${FILLER},`),
        ...items.slice(from + 1),
      ]
    : [...items];
  const shift = filler ? out.length - items.length : 0;
  const whereAt = end + shift;
  if (nodeKeyword(out[whereAt]) === 'WHERE') {
    // `WHERE (<check>) AND (<condition>)`: DuckDB refuses a *COLUMNS() beside some operators (`{…}[…]`, which the
    // condition's own rewrites may hold) unless the two sit apart like this.
    let whereEnd = whereAt + 1;
    while (whereEnd < out.length && !CLAUSE_ENDS.has(nodeKeyword(out[whereEnd])) && !isPunct(out[whereEnd], ';')) whereEnd++;
    const condition: GroupNode = {
      kind: 'group',
      open: { ...at, kind: 'punct', text: '(' },
      close: { ...at, kind: 'punct', text: ')' },
      items: out.slice(whereAt + 1, whereEnd),
    };
    return [...out.slice(0, whereAt + 1), ws, synthetic(at, 'word', `(${check})`), ws, synthetic(at, 'word', 'AND'), ws, condition, ws, ...out.slice(whereEnd)];
  }
  return [...out.slice(0, whereAt), ws, synthetic(at, 'word', 'WHERE'), ws, synthetic(at, 'word', check), ws, ...out.slice(whereAt)];
}

/**
 * Every subquery in FROM or JOIN, LATERAL subquery and WITH query in `items` (recursively) whose first select list has
 * a `*`, checked as described above against the names the rest of the statement (`root`) reads. The statement's own
 * select list keeps both names as Trino does.
 */
export function checkRepeatedStarNames(items: readonly Node[], root: readonly Node[] = items, reads?: ReadNames): Node[] {
  // Every check and mark is for a `*` select item (starCheck's starOf): without one the walk copies the tree unchanged
  // (issue 18: ~4 % of a translation of the bench's models, whose `*` are count(*) and products).
  if (items === root && reads === undefined && !holdsSelectStar(items)) return [...items];
  let previous: Node | undefined;
  const firstMeaningful = items.find((n) => !isTriviaNode(n));
  const out = items.map((node) => {
    let result = node;
    if (node.kind === 'group') {
      const readByName =
        isQuery(node) && (BEFORE_RELATION.has(nodeKeyword(previous)) || isPunct(previous, ',') || (reads !== undefined && node === firstMeaningful));
      result = { ...node, items: checkRepeatedStarNames(node.items, root, readByName ? (reads ?? namesReadOutside(root, node)) : undefined) };
    }
    if (!isTriviaNode(node)) previous = node;
    return result;
  });
  return reads !== undefined ? withStarCheck(out, reads) : out;
}

/**
 * Whether some level of `items` has a `*` that could be a select item's (`*`, `q.*`): one whose sibling before it
 * (trivia and translated tokens aside, as starOf reads an item) is `,`, `.` or SELECT / DISTINCT / ALL. A `*` after
 * an operand (a product) or first in its group (`count(*)`: a select list starts after its SELECT) is not.
 */
function holdsSelectStar(items: readonly Node[]): boolean {
  let previous: Node | undefined;
  for (const n of items) {
    if (n.kind === 'group') {
      if (holdsSelectStar(n.items)) return true;
    } else if (isPunct(n, '*')) {
      if (isPunct(previous, ',') || isPunct(previous, '.') || ['SELECT', 'DISTINCT', 'ALL'].includes(nodeKeyword(previous))) return true;
    }
    if (!isTriviaNode(n) && !(n.kind === 'token' && n.token.kind === 'translated')) previous = n;
  }
  return false;
}
