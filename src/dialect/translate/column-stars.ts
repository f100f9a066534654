// `r.*` where r names no relation of the statement, only a row column (`SELECT r.* FROM (SELECT CAST(ROW(1, 'a') AS
// ROW(x integer, y varchar)) r) t`, `SELECT x.* FROM (…) t(x)`): Trino 476 reads the qualifier of `q.*` as a relation
// and fails with TABLE_NOT_FOUND "Unable to resolve reference r"; DuckDB expands the struct column's fields and
// answered (1, 'a'). Found replaying Trino's TestSelectAll (docs/issue-15-audit.md "Trino's query tests replayed,
// fourth pass"). Refused at lint where the qualifier is a single name that no FROM clause of the star's level or of an
// enclosing level gives a relation (an alias, or a table's last name).
// Stars Trino answers and DuckDB could not parse or bind (`expr.*`, `t.r.*`, an outer `t.*`) are written as DuckDB's
// unnest(struct) by expandRowStars below (docs/issue-15-audit.md "Stars over row expressions and outer t.*").
import { REFUSED_KEY_MARKER } from '../shims/error-messages.js';
import { identifierName } from '../tokens.js';
import { levelColumns, onlyTrue, relationNames } from './correlated-subqueries.js';
import { firstToken, isParen, isTriviaNode, meaningful, nodeKeyword, type Node } from './tree.js';
import type { Report } from './within-group.js';

const isPunct = (n: Node | undefined, text: string) => n !== undefined && n.kind === 'token' && n.token.text === text;
const isName = (n: Node | undefined): n is Node & { kind: 'token' } =>
  n !== undefined && n.kind === 'token' && (n.token.kind === 'quoted' || n.token.kind === 'word');

/** A parenthesized query: its relations are its own level's, not the enclosing one's. */
function isQuery(node: Node): boolean {
  if (node.kind !== 'group' || node.open.text !== '(') return false;
  const first = meaningful(node.items)[0];
  return first !== undefined && (['SELECT', 'WITH', 'VALUES', 'TABLE'].includes(nodeKeyword(first)) || (meaningful(node.items).length === 1 && isQuery(first)));
}

/** A parenthesized join, `FROM (a JOIN b ON …)`: its items read as a FROM clause of their own. */
const joinedRelations = (node: Node): Node[] =>
  node.kind === 'group' && !isQuery(node) && meaningful(node.items).some((n) => nodeKeyword(n) === 'JOIN')
    ? [{ kind: 'token', token: { ...node.open, kind: 'word', text: 'FROM' } }, ...node.items]
    : [];

/**
 * The relation names one level shows: its FROM clauses' (relationNames over the level with its subqueries emptied,
 * so a parenthesized join's relations count and a subquery's do not) and the enclosing levels' (`outer`: a correlated
 * `(SELECT t.*)` reads the outer t in Trino). Each `q.*` of the level is checked against them.
 */
function checkLevel(items: readonly Node[], outer: ReadonlySet<string>, report: Report, existsBody = false): void {
  const own = ownRelations(items);
  const scope = new Set([...outer, ...own]);
  const m = meaningful(items);
  m.forEach((node, k) => {
    if (node.kind === 'group') return checkLevel(node.items, scope, report, nodeKeyword(m[k - 1]) === 'EXISTS');
    if (!isName(node) || !isPunct(m[k + 1], '.') || !isPunct(m[k + 2], '*') || isPunct(m[k - 1], '.')) return;
    const name = identifierName(node.token).toLowerCase();
    if (!own.has(name) && outer.has(name) && filteredWithoutFrom(m)) {
      report(
        node.token,
        'correlated-subquery',
        `Athena fails with NOT_SUPPORTED "Given correlated subquery is not supported": a subquery without FROM selects the outer relation's row ${name}.* under a WHERE other than TRUE or an OFFSET; the local engine would answer`,
        'filter in the outer query, or select the outer columns without the WHERE',
      );
      return;
    }
    // Under EXISTS whose select list Trino does not read, either reading answers alike (expandLevel writes 1 there).
    if (!own.has(name) && outer.has(name) && !(existsBody && unreadSelectList(items)) && levelColumns(items).some.has(name)) {
      report(
        node.token,
        'column-star',
        `${name}.* reads the outer relation ${name} in Athena, and a relation of this FROM clause has a column ${name}, which the local engine would expand instead`,
        `rename the column ${name} in the FROM clause, or alias the outer relation differently`,
      );
      return;
    }
    if (scope.has(name)) return;
    report(
      node.token,
      'column-star',
      `Athena fails with TABLE_NOT_FOUND "Unable to resolve reference ${name}": the qualifier of ${name}.* names a relation of a FROM clause, and no relation is called ${name} here (a row column is; the local engine would expand its fields)`,
      `name the row's fields (${name}.f1, ${name}.f2), or qualify the star with the relation: t.*`,
    );
  });
}

const WHERE_ENDS = new Set(['GROUP', 'HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'WINDOW']);

/**
 * A query level without FROM with a WHERE other than `TRUE` (`LATERAL (SELECT t.* WHERE false)`) or an OFFSET other
 * than 0: Trino 476 cannot decorrelate its `t.*` of an outer relation (NOT_SUPPORTED, asked of the shared Trino),
 * where DuckDB answers (no row). Trino folds the condition first and answers `WHERE true`, `WHERE 0 = 0`, `WHERE 1 = 1
 * AND NOT false`, `WHERE 1 < 2 OR NULL` and `OFFSET 0` (corr34, asked of the shared Trino): the WHERE is folded by
 * correlated-subqueries.ts onlyTrue (corr33's constantValue). A WHERE reading the outer row is
 * correlated-subqueries.ts's.
 */
function filteredWithoutFrom(m: readonly Node[]): boolean {
  if (nodeKeyword(m[0]) !== 'SELECT' || m.some((n) => nodeKeyword(n) === 'FROM')) return false;
  // OFFSET: `LATERAL (SELECT t.* OFFSET 1)` fails alike in Trino (NOT_SUPPORTED); LIMIT plans (LIMIT 0: no row).
  const offset = m.findIndex((n) => nodeKeyword(n) === 'OFFSET');
  const count = m[offset + 1];
  if (offset >= 0 && !(count?.kind === 'token' && count.token.text === '0')) return true;
  const where = m.findIndex((n) => nodeKeyword(n) === 'WHERE');
  if (where < 0) return false;
  const rest = m.slice(where + 1);
  const end = rest.findIndex((n) => WHERE_ENDS.has(nodeKeyword(n)));
  return !onlyTrue(end < 0 ? rest : rest.slice(0, end));
}

export function refuseColumnStars(tree: readonly Node[], report: Report): void {
  checkLevel(tree, new Set(), report);
}

/** The relation names a level's own FROM clauses give (its subqueries' not; a parenthesized join's yes). */
function ownRelations(items: readonly Node[]): Set<string> {
  const own = relationNames(items.map((n) => (isQuery(n) && n.kind === 'group' ? { ...n, items: [] } : n)));
  const addJoined = (nodes: readonly Node[]): void => {
    for (const n of nodes) {
      const joined = joinedRelations(n);
      if (joined.length === 0 || n.kind !== 'group') continue;
      relationNames(joined, own);
      addJoined(n.items);
    }
  };
  addJoined(items);
  return own;
}

/** Words a select item starts after. */
const ITEM_STARTS = new Set(['SELECT', 'DISTINCT', 'ALL']);

/**
 * Stars DuckDB cannot parse or bind, written as DuckDB's `unnest(struct)`, which expands a struct into its fields as
 * columns named by them, evaluating the struct once, as Trino's `expr.*` does (TestSelectAll):
 * - a star over a row expression: `CAST(… AS row(x integer, y varchar)).*`, `(…).*`, `f(…).*`, `b[1].*`, and a row
 *   column reached through its relation, `t.r.*` or `t.r.b.*` (where t is a relation of the level or an enclosing one:
 *   a name path whose first name is no relation stays a table star, `schema.table.*`);
 * - `t.*` of an enclosing query's relation inside a subquery or LATERAL (`(SELECT t.*)`, `LATERAL (SELECT t.* …)`):
 *   DuckDB binds the outer relation's name as a struct of its row (it fails `t.*` there: "Referenced table t not
 *   found", "* expression without FROM clause").
 * Runs last, after the passes that read `q.*` as a star (they leave such an item unnamed). Rows with several unnamed
 * fields stay refused (unfaithful/anonymous-row): DuckDB's names for them are not Trino's `_colN`.
 */
export function expandRowStars(tree: readonly Node[]): Node[] {
  // expandLevel rewrites only a `*` after a `.` (issue 18: without one, its walk over every level cost ~5 % of a
  // translation for an unchanged tree).
  return holdsDotStar(tree) ? expandLevel(tree, new Set()) : [...tree];
}

/** Whether a `*` follows a `.` (trivia between) at some level of `items`: the stars expandLevel looks at. */
function holdsDotStar(items: readonly Node[]): boolean {
  return items.some((n, k) => (n.kind === 'group' ? holdsDotStar(n.items) : isPunct(n, '*') && isPunct(items[previous(items, k)], '.')));
}

function expandLevel(items: readonly Node[], outer: ReadonlySet<string>, existsBody = false): Node[] {
  const own = ownRelations(items);
  const scope = new Set([...outer, ...own]);
  const out = items.map((n, k) => (n.kind === 'group' ? { ...n, items: expandLevel(n.items, scope, nodeKeyword(items[previous(items, k)]) === 'EXISTS') } : n));
  const unread = existsBody && unreadSelectList(items);
  const checked = rowChecked(orderByNames(out));
  for (let star = out.length - 1; star >= 0; star--) {
    if (!isPunct(out[star], '*')) continue;
    const dot = previous(out, star);
    if (dot < 0 || !isPunct(out[dot], '.')) continue;
    let start = dot;
    for (let k = previous(out, dot); k >= 0; k = previous(out, k)) {
      const n = out[k];
      if (isPunct(n, ',') || (n.kind === 'token' && ITEM_STARTS.has(nodeKeyword(n)))) break;
      start = k;
    }
    if (start === dot) continue;
    const before = previous(out, start);
    if (before < 0 || !(isPunct(out[before], ',') || ITEM_STARTS.has(nodeKeyword(out[before])))) continue;
    const operand = out.slice(start, dot);
    const m = meaningful(operand);
    const path = m.every((n, k) => (k % 2 === 0 ? isName(n) : isPunct(n, '.')));
    const first = m[0];
    const relation = (n: Node | undefined) => isName(n) && scope.has(identifierName(n.token).toLowerCase());
    const aliases = starAliases(out, star);
    let row: boolean;
    if (!path) row = true;
    else if (m.length === 1) {
      const name = isName(first) ? identifierName(first.token).toLowerCase() : '';
      // `t.* AS (a, b)` of the level's own relation t: its row, as DuckDB binds a relation's name, unless a column of
      // the FROM clause is called t (DuckDB would read it).
      row = (!own.has(name) && outer.has(name)) || (aliases !== undefined && own.has(name) && !levelColumns(items).some.has(name));
    } else row = relation(first);
    if (!row) continue;
    const at = firstToken(out[start]);
    if (unread && m.length === 1 && aliases === undefined && !own.has(identifierName((first as Node & { kind: 'token' }).token).toLowerCase())) {
      // EXISTS (SELECT t.* FROM w2) of an outer t: Trino 476 does not read the select list (true where w2 has rows, also
      // where w2 has a column t, which DuckDB would bind instead: TYPE_MISMATCH locally; corr38, asked again by corr39).
      out.splice(start, star - start + 1, { kind: 'token', token: { ...at, kind: 'translated', text: '1' } });
      continue;
    }
    const rowCheck = aliases === undefined ? checked : aliasedRowChecked(aliases.names.length);
    const renamed =
      aliases === undefined
        ? ''
        : `, lambda trino_row: struct_pack(${aliases.names.map((name, k) => `"${name.replace(/"/g, '""')}" := struct_extract_at(trino_row, ${k + 1})`).join(', ')})`;
    const call: Node[] = [
      { kind: 'token', token: { ...at, kind: 'translated', text: `${EXPANDED}(list_transform(${aliases === undefined ? '' : 'list_transform('}[` } },
      { kind: 'group', open: { ...at, kind: 'punct', text: '(' }, close: { ...at, kind: 'punct', text: ')' }, items: operand },
      { kind: 'token', token: { ...at, kind: 'translated', text: `], ${rowCheck}${aliases === undefined ? '' : `)${renamed}`})[1])` } },
    ];
    out.splice(start, (aliases?.end ?? star) - start + 1, ...call);
  }
  return out;
}

/**
 * An EXISTS body whose select list Trino 476 does not read: a SELECT with no DISTINCT, GROUP BY, HAVING,
 * ORDER BY, LIMIT, OFFSET, FETCH or set operation (`EXISTS (SELECT DISTINCT t.* …)` is NOT_SUPPORTED there).
 */
function unreadSelectList(items: readonly Node[]): boolean {
  const words = meaningful(items).map(nodeKeyword);
  if (words[0] !== 'SELECT' || ['DISTINCT', 'ALL'].includes(words[1])) return false;
  return !words.some((w) => ['GROUP', 'HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT', 'WINDOW'].includes(w));
}

/** Words of an ORDER BY clause that are no column name. */
const ORDER_WORDS = new Set(['ASC', 'DESC', 'NULLS', 'FIRST', 'LAST', 'AND', 'OR', 'NOT', 'IS', 'NULL', 'TRUE', 'FALSE', 'IN', 'BETWEEN', 'LIKE', 'ESCAPE']);
const ORDER_ENDS = new Set(['LIMIT', 'OFFSET', 'FETCH']);

/**
 * The unqualified names (lower case) an ORDER BY of this level reads, at any depth of its keys but a subquery's
 * (`ORDER BY f1`, `f1 + 0`): Trino reads an output column first, and the fields a star over a row expands are output
 * columns (it sorts by the field where the FROM clause also has a column f1, and fails AMBIGUOUS_NAME where another
 * select item is named f1); DuckDB does not see them (binder error, or the FROM clause's column: silent). Not after a
 * set operation, whose ORDER BY DuckDB reads from its output names as Trino does.
 */
function orderByNames(items: readonly Node[]): string[] {
  const m = meaningful(items);
  if (m.some((n) => ['UNION', 'INTERSECT', 'EXCEPT'].includes(nodeKeyword(n)))) return [];
  const order = m.findIndex((n, k) => nodeKeyword(n) === 'ORDER' && nodeKeyword(m[k + 1]) === 'BY');
  if (order < 0) return [];
  const names = new Set<string>();
  const read = (nodes: readonly Node[]): void => {
    const keys = meaningful(nodes);
    keys.forEach((n, k) => {
      if (n.kind === 'group') {
        if (!isQuery(n)) read(n.items);
        return;
      }
      if (!isName(n) || isPunct(keys[k - 1], '.') || isPunct(keys[k + 1], '.') || isParen(keys[k + 1])) return;
      if (n.token.kind === 'word' && ORDER_WORDS.has(nodeKeyword(n))) return;
      names.add(identifierName(n.token).toLowerCase());
    });
  };
  const rest = m.slice(order + 2);
  const end = rest.findIndex((n) => ORDER_ENDS.has(nodeKeyword(n)));
  read(end < 0 ? rest : rest.slice(0, end));
  return [...names];
}

/** A name as a literal piece of a regular expression, inside a SQL string. */
const regexpLiteral = (name: string): string => name.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&').replace(/'/g, "''");

/** The row check of a level whose ORDER BY reads `names`: refused where the row has a field of one of them. */
function rowChecked(names: readonly string[]): string {
  if (names.length === 0) return ROW_CHECKED;
  const fields = `'^STRUCT\\((?:.*, )?"?(?:${names.map(regexpLiteral).join('|')})"? '`;
  return ROW_CHECKED.replace(' ELSE ', ` WHEN regexp_matches(typeof(trino_row), ${fields}, 'i') THEN '${REFUSED_KEY_MARKER}row-star-order-name' ELSE `);
}

/**
 * `expr.* AS (a, "B")`: the alias list after a star, each name as Trino 476 names the column (asked of the shared
 * Trino: an unquoted alias in upper case, `A`; a quoted one as written), and the index of the list's node.
 */
function starAliases(items: readonly Node[], star: number): { names: string[]; end: number } | undefined {
  const as = next(items, star);
  const list = as < 0 ? -1 : next(items, as);
  const group = items[list];
  if (nodeKeyword(items[as]) !== 'AS' || !isParen(group)) return undefined;
  const m = meaningful(group.items);
  if (m.length % 2 === 0 || !m.every((n, k) => (k % 2 === 0 ? isName(n) : isPunct(n, ',')))) return undefined;
  const names = m.flatMap((n) => (isName(n) ? [n.token.kind === 'quoted' ? n.token.text.slice(1, -1).replaceAll('""', '"') : n.token.text.toUpperCase()] : []));
  return { names, end: list };
}

/**
 * The check of a row whose star has an alias list of `count` names: its type as any row's, and its number of fields
 * (the fields of DuckDB's typeof text at the top level: quoted names and parenthesized parts taken out, six levels
 * deep; deeper ones leave commas, so a count can only come out too high: a refusal, never a wrong answer). Trino 476
 * fails MISMATCHED_COLUMN_ALIASES where they differ. Rows without field names pass: the aliases name them.
 */
function aliasedRowChecked(count: number): string {
  let fields = `regexp_replace(regexp_extract(typeof(trino_row), '^STRUCT\\((.*)\\)$', 1), '"(?:[^"]|"")*"', 'q', 'g')`;
  for (let k = 0; k < 6; k++) fields = `regexp_replace(${fields}, '\\([^()]*\\)', '', 'g')`;
  const anonymous = ROW_CHECKED.indexOf(' WHEN regexp_matches');
  return `${ROW_CHECKED.slice(0, anonymous)} WHEN length(regexp_replace(${fields}, '[^,]', '', 'g')) + 1 <> ${count} THEN '${REFUSED_KEY_MARKER}row-star-alias-count' ELSE 'trino_v' END]`;
}

/** The text expandRowStars writes before a star's row. */
const EXPANDED = 'unnest';
/**
 * The check of the row's type while DuckDB binds (typeof folds; the lambda names the row once, so it is bound once):
 * DuckDB's unnest would also expand a list into rows, and the structs that stand for zoned timestamps and ipaddress
 * into their parts (Trino fails: no row), and would name the columns of a row without field names `element1` or after
 * zip()'s reserved names (Trino: `_col<position>`).
 */
const ROW_CHECKED =
  "lambda trino_row: {'trino_v': trino_row}[CASE WHEN NOT starts_with(typeof(trino_row), 'STRUCT(') OR regexp_matches(typeof(trino_row), '^STRUCT\\((?:trino_instant|trino_ipaddress) ') " +
  `THEN '${REFUSED_KEY_MARKER}row-star-type' WHEN regexp_matches(typeof(trino_row), '^STRUCT\\((?:trino_field_|[A-Z][A-Z0-9_]*(?:[,()\\[]| WITH TIME ZONE))') THEN '${REFUSED_KEY_MARKER}anonymous-row-star' ELSE 'trino_v' END]`;

/** A select item expandRowStars wrote (`unnest(…)`): it stands for as many columns as the row has fields. */
export function isExpandedStar(item: readonly Node[]): boolean {
  const first = meaningful(item)[0];
  return first?.kind === 'token' && first.token.kind === 'translated' && first.token.text.startsWith(`${EXPANDED}(`);
}

/** The index of the meaningful node after k, or -1. */
function next(items: readonly Node[], k: number): number {
  for (let j = k + 1; j < items.length; j++) if (!isTriviaNode(items[j])) return j;
  return -1;
}

/** The index of the meaningful node before k, or -1. */
function previous(items: readonly Node[], k: number): number {
  for (let j = k - 1; j >= 0; j--) if (!isTriviaNode(items[j])) return j;
  return -1;
}
