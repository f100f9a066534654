// Trino's output column names: an unaliased select item that is not a column reference has no name (a result calls it
// `_col<position>`, anonymous-columns.ts), a column reference is named by its last part, and a name keeps the case the
// query writes (trinoName). DuckDB would name such an item after its (translated) text, so the translator adds the
// alias. A CTAS needs a name for every column: Trino's error instead.
import { ANONYMOUS_COLUMN, anonymousColumnList, repeatedColumn } from '../anonymous-columns.js';
import { identifierName, SqlSyntaxError, type Token } from '../tokens.js';
import { rowValues } from './set-operation-columns.js';
import { isCase, isParen, isTriviaNode, meaningful, nodeKeyword, splitArgs, type Node } from './tree.js';

const LIST_END = new Set(['FROM', 'WHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT', 'WINDOW', 'INTO']);
/** Words that end an operand: an item ending in `<word> name` has no implicit alias after them. */
const NOT_BEFORE_ALIAS = new Set([
  'NOT',
  'AND',
  'OR',
  'IS',
  'IN',
  'LIKE',
  'BETWEEN',
  'ZONE',
  'ESCAPE',
  'ELSE',
  'THEN',
  'WHEN',
  'EXISTS',
  'DISTINCT',
  'ALL',
  'OVER',
  'INTERVAL',
  // INTERVAL '1-2' YEAR TO MONTH: the unit after TO is no alias.
  'TO',
  'SELECT',
  'BY',
  'AS',
  'CASE',
  'ON',
  'SOME',
  'ANY',
  'FROM',
]);
/** Words that are values, not column names. */
const VALUE_WORDS = new Set([
  'NULL',
  'TRUE',
  'FALSE',
  'CURRENT_DATE',
  'CURRENT_TIME',
  'CURRENT_TIMESTAMP',
  'LOCALTIME',
  'LOCALTIMESTAMP',
  'CURRENT_USER',
  'CURRENT_CATALOG',
  'CURRENT_SCHEMA',
]);
const INTERVAL_UNITS = new Set(['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'WEEK', 'QUARTER']);

/** Thrown for a CTAS column without a name (Trino: MISSING_COLUMN_NAME). */
export class MissingColumnNameError extends SqlSyntaxError {}

export const isName = (n: Node | undefined): n is Node & { kind: 'token' } =>
  n !== undefined && n.kind === 'token' && (n.token.kind === 'quoted' || (n.token.kind === 'word' && !VALUE_WORDS.has(n.token.text.toUpperCase())));
const isPunct = (n: Node | undefined, text: string) => n !== undefined && n.kind === 'token' && n.token.text === text;

const synthetic = (at: Token, kind: Token['kind'], text: string): Node => ({ kind: 'token', token: { ...at, kind, text } });
const quotedName = (name: string) => `"${name.replaceAll('"', '""')}"`;
const aliasNodes = (at: Token, name: string): Node[] => [
  synthetic(at, 'ws', ' '),
  synthetic(at, 'word', 'AS'),
  synthetic(at, 'ws', ' '),
  synthetic(at, 'quoted', quotedName(name)),
];

/**
 * The name Trino gives an identifier token in a result: unquoted, in the case written. Names resolve without regard to
 * case, but a result keeps the query's spelling: Trino 476 answers `SELECT 1 AS Mixed` with the column `Mixed`, and so
 * does Athena ("Athena … display[s] the column heading using the casing that you chose in the query",
 * https://docs.aws.amazon.com/athena/latest/ug/tables-databases-columns-names.html); only the columns of a table it
 * creates are lower case (lake-writes.ts).
 */
function trinoName(t: Token): string {
  return t.kind === 'quoted' ? t.text.slice(1, -1).replaceAll(t.text[0] + t.text[0], t.text[0]) : t.text;
}

function isColumnRef(m: readonly Node[]): boolean {
  if (m.length % 2 === 0) return false;
  return m.every((n, k) => (k % 2 === 0 ? isName(n) : isPunct(n, '.')));
}

/** The alias token of an item (`x AS a`, `x a`), if any. */
export function aliasOf(m: readonly Node[]): Token | undefined {
  const last = m[m.length - 1];
  if (m.length < 2 || !isName(last) || isPunct(m[m.length - 2], '.')) return undefined;
  const before = m[m.length - 2];
  if (nodeKeyword(before) === 'AS') return last.token;
  if (before.kind === 'token' && (before.token.kind === 'op' || NOT_BEFORE_ALIAS.has(nodeKeyword(before)))) return undefined;
  if (INTERVAL_UNITS.has(nodeKeyword(last)) && nodeKeyword(m[m.length - 3]) === 'INTERVAL') return undefined;
  return last.token;
}

/** Splits a select list on top-level commas, keeping the comma nodes. */
export function splitItems(list: readonly Node[]): { items: Node[][]; commas: Node[] } {
  const items: Node[][] = [[]];
  const commas: Node[] = [];
  for (const n of list) {
    if (isPunct(n, ',')) {
      commas.push(n);
      items.push([]);
    } else items[items.length - 1].push(n);
  }
  return { items, commas };
}

function firstTokenOf(item: readonly Node[]): Token {
  const n = meaningful(item)[0] ?? item[0];
  return n.kind === 'token' ? n.token : n.open;
}

/** The name Trino gives a select item, undefined when it has none (or is a `*`). */
export function itemName(item: readonly Node[]): string | undefined {
  const m = meaningful(item);
  const alias = aliasOf(m);
  if (alias) return trinoName(alias);
  const column = withoutParens(m);
  const last = column[column.length - 1];
  return isColumnRef(column) && last.kind === 'token' && last.token.text !== '*' ? trinoName(last.token) : undefined;
}

/** `(t.x)` names its column as `t.x` does (Trino 476: SELECT (g) FROM t is column g); a subquery keeps no name. */
function withoutParens(m: readonly Node[]): readonly Node[] {
  let inner = m;
  while (inner.length === 1 && isParen(inner[0]) && !['SELECT', 'WITH', 'VALUES'].includes(nodeKeyword(meaningful(inner[0].items)[0])))
    inner = meaningful(inner[0].items);
  return inner;
}

/**
 * One select item with Trino's name made explicit where DuckDB's would differ; `rename` (a repeated name,
 * anonymous-columns.ts) replaces its name.
 */
function nameItem(item: Node[], position: number, ctas: boolean, rename?: string): Node[] {
  const m = meaningful(item);
  const last = m[m.length - 1];
  if (!last || (last.kind === 'token' && last.token.text === '*' && (m.length === 1 || isPunct(m[m.length - 2], '.')))) return item;
  const alias = aliasOf(m);
  if (alias) {
    // DuckDB refuses keywords (`next`) as implicit aliases.
    const explicit = nodeKeyword(m[m.length - 2]) === 'AS';
    if (explicit && rename === undefined) return item;
    // `AS` is its own token: the expression before an implicit alias must stay one operand for the rewriter.
    const quoted = synthetic(alias, 'quoted', quotedName(rename ?? trinoName(alias)));
    const named = (): Node[] => (explicit ? [quoted] : [synthetic(alias, 'word', 'AS'), synthetic(alias, 'ws', ' '), quoted]);
    return item.flatMap((n) => (n.kind === 'token' && n.token === alias ? named() : [n]));
  }
  const column = withoutParens(m);
  const columnLast = column[column.length - 1];
  if (isColumnRef(column) && columnLast.kind === 'token') {
    // DuckDB names the result column as the relation declares it (`a` for `SELECT A FROM t`): the written case wins.
    const name = trinoName(columnLast.token);
    if (rename !== undefined) return [...item, ...aliasNodes(columnLast.token, rename)];
    return column === m && columnLast.token.kind === 'word' && name === name.toLowerCase() ? item : [...item, ...aliasNodes(columnLast.token, name)];
  }
  const at = firstTokenOf(item);
  if (ctas) throw new MissingColumnNameError(`Column name not specified at position ${position + 1}`, at.line, at.col);
  const end = item.length - [...item].reverse().findIndex((n) => !isTriviaNode(n));
  return [...item.slice(0, end), ...aliasNodes(at, ANONYMOUS_COLUMN), ...item.slice(end)];
}

/** The number of columns of a `(VALUES …)` group, 0 for any other node. */
export function valuesColumns(group: Node): number {
  if (!isParen(group)) return 0;
  const m = meaningful(group.items);
  if (nodeKeyword(m[0]) !== 'VALUES') return 0;
  // The first row's values: `(1, 2)`, `ROW(1, 2)`, `CAST(ROW(…) AS ROW(…))` (set-operation-columns.ts rowValues).
  const rows = splitArgs(m.slice(1).filter((n) => !VALUES_TAIL.has(nodeKeyword(n) ?? '')));
  return rows.length > 0 ? rowValues(rows[0]).length : 1;
}

const VALUES_TAIL = new Set(['ORDER', 'LIMIT', 'OFFSET', 'FETCH']);

export const NOT_AN_ALIAS = new Set([
  ...LIST_END,
  'SELECT',
  'WITH',
  'VALUES',
  'JOIN',
  'ON',
  'LEFT',
  'RIGHT',
  'INNER',
  'CROSS',
  'FULL',
  'NATURAL',
  'USING',
  'TABLESAMPLE',
  'LATERAL',
]);
/** Clause words Trino does not reserve: they end a select list only where they cannot be a column. */
const UNRESERVED_END = new Set(['WINDOW', 'LIMIT', 'OFFSET', 'FETCH']);

function endsList(items: readonly Node[], k: number): boolean {
  const word = nodeKeyword(items[k]);
  if (isPunct(items[k], ';')) return true;
  if (!LIST_END.has(word)) return false;
  let p = k - 1;
  while (p >= 0 && isTriviaNode(items[p])) p--;
  let n = k + 1;
  while (n < items.length && isTriviaNode(items[n])) n++;
  const prev = items[p];
  const next = items[n];
  // `a IS [NOT] DISTINCT FROM b` and `listagg(…) WITHIN GROUP (ORDER BY …)`: the word belongs to the item.
  if (word === 'FROM' && nodeKeyword(prev) === 'DISTINCT') return false;
  if (word === 'GROUP' && nodeKeyword(prev) === 'WITHIN' && isParen(next)) return false;
  if (!UNRESERVED_END.has(word)) return true;
  const operandSide = (x: Node | undefined) => x !== undefined && x.kind === 'token' && (x.token.kind === 'op' || ['.', ','].includes(x.token.text));
  // `SELECT t.* LIMIT 5` (a LATERAL without FROM): the `*` of a star ends an item, it multiplies nothing.
  let pp = p - 1;
  while (pp >= 0 && isTriviaNode(items[pp])) pp--;
  const star = prev?.kind === 'token' && prev.token.text === '*';
  const starItem = star && (pp < 0 || isPunct(items[pp], '.') || isPunct(items[pp], ',') || ['SELECT', 'DISTINCT', 'ALL'].includes(nodeKeyword(items[pp])));
  return !(
    (operandSide(prev) && !starItem) ||
    operandSide(next) ||
    ['SELECT', 'DISTINCT', 'ALL', 'AS'].includes(nodeKeyword(prev)) ||
    ['FROM', 'AS'].includes(nodeKeyword(next)) ||
    next === undefined
  );
}
/**
 * The number of columns of a query group's (first) select list — `(SELECT a, b …)`, `(WITH … SELECT …)`, `((SELECT …)
 * UNION …)` — or of its VALUES; undefined where the SQL text does not show it (`*`, `t.*`, `TABLE t`).
 */
export function queryColumns(group: Node): number | undefined {
  if (!isParen(group)) return undefined;
  const values = valuesColumns(group);
  if (values > 0) return values;
  const items = group.items;
  const select = items.findIndex((n) => nodeKeyword(n) === 'SELECT');
  if (select < 0) {
    const first = meaningful(items)[0];
    return isParen(first) ? queryColumns(first) : undefined;
  }
  let end = select + 1;
  while (end < items.length && !endsList(items, end)) end++;
  const list = meaningful(items.slice(select + 1, end).filter((n) => !['DISTINCT', 'ALL'].includes(nodeKeyword(n))));
  const selectItems = splitItems(list).items;
  const star = (item: readonly Node[]) => item.some((n, k) => n.kind === 'token' && n.token.text === '*' && (k === 0 || isPunct(item[k - 1], '.')));
  return selectItems.some((item) => item.length === 0 || star(item)) ? undefined : selectItems.length;
}

const columnList = (at: Token, columns: number): Node => synthetic(at, 'word', anonymousColumnList(columns));

/** A group just pushed to `out` (items[i]) that is a FROM or JOIN item followed by no alias. */
function unaliasedFromItem(out: readonly Node[], items: readonly Node[], i: number): boolean {
  const before = meaningful(out.slice(0, -1));
  if (!['FROM', 'JOIN'].includes(nodeKeyword(before[before.length - 1]))) return false;
  const after = meaningful(items.slice(i + 1))[0];
  return !(nodeKeyword(after) === 'AS' || (isName(after) && !NOT_AN_ALIAS.has(nodeKeyword(after))));
}

/**
 * Adds Trino's output names to every select list in `items` (recursively: subqueries, CTEs, `(VALUES …) t`). With
 * `ctas`, the statement's own select list must name every column.
 */
export function nameSelectItems(items: readonly Node[], ctas = false): Node[] {
  let ctasPending = ctas;
  let valuesPending = 0;
  const out: Node[] = [];
  for (let i = 0; i < items.length; i++) {
    const node = items[i];
    if (node.kind === 'group') {
      out.push({ ...node, items: nameSelectItems(node.items) });
      valuesPending = valuesColumns(node);
      if (valuesPending > 0 && unaliasedFromItem(out, items, i)) {
        // `FROM (VALUES 1)`: DuckDB would name its column col0; Trino gives it none.
        out.push(synthetic(node.open, 'ws', ' '), synthetic(node.open, 'word', 'AS'), synthetic(node.open, 'ws', ' '));
        out.push(synthetic(node.open, 'quoted', '"__values"'), columnList(node.open, valuesPending));
        valuesPending = 0;
      }
      continue;
    }
    out.push(node);
    if (valuesPending > 0 && !isTriviaNode(node) && nodeKeyword(node) !== 'AS') {
      let next = i + 1;
      while (next < items.length && isTriviaNode(items[next])) next++;
      if (isName(node) && !NOT_AN_ALIAS.has(nodeKeyword(node)) && !isParen(items[next])) out.push(columnList(node.token, valuesPending));
      valuesPending = 0;
    }
    if (nodeKeyword(node) !== 'SELECT') continue;
    let start = i + 1;
    while (start < items.length && (isTriviaNode(items[start]) || ['DISTINCT', 'ALL'].includes(nodeKeyword(items[start])))) out.push(items[start++]);
    let end = start;
    while (end < items.length && !endsList(items, end)) end++;
    const list = items.slice(start, end).map((n) => (n.kind === 'group' ? { ...n, items: nameSelectItems(n.items) } : n));
    const { items: selectItems, commas } = splitItems(list);
    // A result keeps a repeated name; a subquery's, a set operation's branch (set-operation-types.ts wraps them) and the
    // table a CTAS writes would get DuckDB's `a_1`. The first of them is renamed too: a query reading `a` from the
    // subquery fails, as in Trino (AMBIGUOUS_NAME "Column 'a' is ambiguous"), where it read the first (error-messages.ts).
    const names = selectItems.map((item) => itemName(item)?.toLowerCase());
    const seen = new Map<string, number>();
    selectItems.forEach((item, position) => {
      if (position > 0) out.push(commas[position - 1]);
      const name = itemName(item);
      const key = name?.toLowerCase();
      const repeats = key === undefined ? 0 : (seen.get(key) ?? 0);
      if (key !== undefined) seen.set(key, repeats + 1);
      const repeated = key !== undefined && names.indexOf(key) !== names.lastIndexOf(key);
      out.push(...nameItem(item, position, ctasPending, name !== undefined && repeated ? repeatedColumn(name, repeats) : undefined));
    });
    ctasPending = false;
    i = end - 1;
  }
  return out;
}

/** Top-level `VALUES …`: the columns it gives (Trino names them _col0, _col1, …), 0 for any other statement. */
export function topLevelValuesColumns(items: readonly Node[]): number {
  const m = meaningful(items);
  if (nodeKeyword(m[0]) !== 'VALUES') return 0;
  return valuesColumns({ kind: 'group', open: { kind: 'punct', text: '(', start: 0, line: 1, col: 1 }, items: [...items] });
}

/** A column of type unknown that a query gives: where its NULL is, its name and its place (undefined after a `*`). */
interface UnknownColumn {
  at: Token;
  name: string;
  position: number | undefined;
}
/** Resolves a column reference (`n`, `c.n`) to the unknown column it reads, if it reads one. */
type UnknownReference = (reference: readonly Node[]) => Token | undefined;

/**
 * Whether an expression is of type unknown in Trino 476 as written: NULL, `(NULL)`, a CASE whose every result is one
 * (a missing ELSE is NULL), coalesce of such values only, if(c, NULL[, NULL]), nullif(NULL, x), and a reference to
 * a column of type unknown of a WITH query or subquery of the FROM (`reference`).
 */
function unknownTypedAt(nodes: readonly Node[], reference: UnknownReference): Token | undefined {
  const m = meaningful(nodes);
  if (m.length === 1 && m[0].kind === 'token') return nodeKeyword(m[0]) === 'NULL' ? m[0].token : reference(m);
  if (isColumnRef(m)) return reference(m);
  if (m.length === 1 && isParen(m[0])) return unknownTypedAt(m[0].items, reference);
  const all = (parts: readonly Node[][]) =>
    parts.length > 0 && parts.every((part) => unknownTypedAt(part, reference) !== undefined) ? firstTokenOf(m) : undefined;
  if (m.length === 1 && isCase(m[0]) && m[0].kind === 'group') {
    // The results: what follows each THEN and the ELSE, up to the next WHEN or ELSE.
    const results: Node[][] = [];
    let current: Node[] | undefined;
    for (const n of m[0].items) {
      const word = nodeKeyword(n);
      if (word === 'WHEN') current = undefined;
      else if (word === 'THEN' || word === 'ELSE') results.push((current = []));
      else current?.push(n);
    }
    return all(results);
  }
  // An aggregate's FILTER (WHERE …) or OVER (…) / OVER w after the call keeps its type.
  const tail = m.slice(2);
  const aggregateTail =
    (tail.length === 2 && ['FILTER', 'OVER'].includes(nodeKeyword(tail[0])) && isParen(tail[1])) ||
    (tail.length === 2 && nodeKeyword(tail[0]) === 'OVER' && isName(tail[1])) ||
    (tail.length === 4 && nodeKeyword(tail[0]) === 'FILTER' && isParen(tail[1]) && nodeKeyword(tail[2]) === 'OVER');
  if (m.length < 2 || !isName(m[0]) || !isParen(m[1]) || (m.length > 2 && !aggregateTail)) return undefined;
  const args = splitArgs(m[1].items);
  // Aggregates whose result has their argument's type: Trino 476 fails a view or CTAS column `max(n) AS m` of an
  // unknown n (COLUMN_TYPE_UNKNOWN "Column type is unknown: m"; max, min, arbitrary, any_value, with DISTINCT, FILTER or
  // OVER, max_by/min_by of it; asked of the shared Trino 476, corr39). `max(n, 2)`, `count(n)`, `array_agg(n)` are typed.
  const first = () => {
    const a = meaningful(args[0] ?? []);
    return ['DISTINCT', 'ALL'].includes(nodeKeyword(a[0])) ? a.slice(1) : a;
  };
  switch (nodeKeyword(m[0])) {
    case 'MAX':
    case 'MIN':
    case 'ARBITRARY':
    case 'ANY_VALUE':
      return args.length === 1 && unknownTypedAt(first(), reference) !== undefined ? firstTokenOf(m) : undefined;
    case 'MAX_BY':
    case 'MIN_BY':
      return args.length === 2 && unknownTypedAt(first(), reference) !== undefined ? firstTokenOf(m) : undefined;
  }
  if (m.length !== 2) return undefined;
  switch (nodeKeyword(m[0])) {
    case 'COALESCE':
      return all(args);
    case 'IF':
      return args.length === 2 || args.length === 3 ? all(args.slice(1)) : undefined;
    case 'NULLIF':
      return args.length === 2 ? all(args.slice(0, 1)) : undefined;
    default:
      return undefined;
  }
}

/** A relation of a FROM clause as the unknown-column check reads it: its qualifier and its columns of type unknown. */
interface UnknownRelation {
  name: string | undefined;
  unknown: UnknownColumn[];
}

/** Renames a query's unknown columns by a column alias list (`c(n) AS (…)`, `(…) s(n)`), by their places. */
function renamed(columns: UnknownColumn[], list: Node | undefined): UnknownColumn[] {
  if (!isParen(list)) return columns;
  const names = splitArgs(list.items).map((c) => meaningful(c)[0]);
  return columns.flatMap((c) => {
    const alias = c.position === undefined ? undefined : names[c.position];
    return alias !== undefined && isName(alias) ? [{ ...c, name: identifierName(alias.token) }] : [];
  });
}

/**
 * The relations of a FROM clause (`m`: its meaningful nodes after FROM, up to the clause's end) with their columns of
 * type unknown: a WITH query of `scope`, a parenthesized query (its own columns, recursively), anything else none.
 */
function unknownRelations(m: readonly Node[], scope: ReadonlyMap<string, UnknownColumn[]>): UnknownRelation[] {
  const relations: UnknownRelation[] = [];
  let k = 0;
  const starts = (n: Node | undefined) => isPunct(n, ',') || nodeKeyword(n) === 'JOIN';
  while (k < m.length) {
    const first = m[k];
    let name: string | undefined;
    let unknown: UnknownColumn[] = [];
    let next = k + 1;
    if (isParen(first) && ['SELECT', 'WITH'].includes(nodeKeyword(meaningful(first.items)[0]))) unknown = unknownColumns(first.items, scope);
    else if (isName(first) && !NOT_AN_ALIAS.has(nodeKeyword(first))) {
      while (isPunct(m[next], '.') && isName(m[next + 1])) next += 2;
      const last = m[next - 1];
      name = last.kind === 'token' ? identifierName(last.token) : undefined;
      // A WITH query is named by one part; a qualified name is a table; `unnest(…)`, a table function, has none.
      if (next === k + 1 && name !== undefined && !isParen(m[next])) unknown = scope.get(name) ?? [];
      if (isParen(m[next])) next++;
    }
    if (nodeKeyword(m[next]) === 'AS') next++;
    const alias = m[next];
    if (isName(alias) && !NOT_AN_ALIAS.has(nodeKeyword(alias))) {
      name = identifierName(alias.token);
      unknown = renamed(unknown, m[next + 1]);
    }
    relations.push({ name, unknown });
    k = next;
    while (k < m.length && !starts(m[k])) k++;
    k++;
  }
  return relations;
}

/**
 * The NULLs (`NULL AS c`, `NULL c`, `CASE WHEN … THEN NULL END AS c`: unknownTypedAt) a CTAS or view query gives as
 * columns, with the names they give: Trino 476 fails such a CTAS or CREATE VIEW (COLUMN_TYPE_UNKNOWN "Column type is
 * unknown: c"), where DuckDB writes an integer column. Read through the query's own WITH queries and subqueries of
 * its FROM (`WITH c AS (SELECT NULL AS n) SELECT n FROM c`, `SELECT c.n AS m …`, `SELECT * …`, a column alias list:
 * Trino 476 fails each). Not in a set operation, whose other branches type the column.
 */
export function ctasUnknownColumns(items: readonly Node[]): { at: Token; name: string }[] {
  return unknownColumns(items, new Map()).map(({ at, name }) => ({ at, name }));
}

function unknownColumns(items: readonly Node[], outer: ReadonlyMap<string, UnknownColumn[]>): UnknownColumn[] {
  if (items.some((n) => ['UNION', 'INTERSECT', 'EXCEPT'].includes(nodeKeyword(n)))) return [];
  const m = meaningful(items);
  let scope = outer;
  if (nodeKeyword(m[0]) === 'WITH') {
    const recursive = nodeKeyword(m[1]) === 'RECURSIVE';
    let at = recursive ? 2 : 1;
    const inner = new Map(outer);
    for (;;) {
      const name = m[at];
      const list = isParen(m[at + 1]) ? m[at + 1] : undefined;
      const as = list ? at + 2 : at + 1;
      const body = m[as + 1];
      if (!isName(name) || nodeKeyword(m[as]) !== 'AS' || !isParen(body)) break;
      // A recursive query's columns are typed by its steps too: not read.
      inner.set(identifierName(name.token), recursive ? [] : renamed(unknownColumns(body.items, inner), list));
      if (!isPunct(m[as + 2], ',')) break;
      at = as + 3;
    }
    scope = inner;
  }
  const select = items.findIndex((n) => nodeKeyword(n) === 'SELECT');
  if (select < 0) return [];
  let start = select + 1;
  while (start < items.length && (isTriviaNode(items[start]) || ['DISTINCT', 'ALL'].includes(nodeKeyword(items[start])))) start++;
  let end = start;
  while (end < items.length && !endsList(items, end)) end++;
  const clause = meaningful(items.slice(end));
  let fromEnd = 1;
  while (fromEnd < clause.length && !(LIST_END.has(nodeKeyword(clause[fromEnd])) && nodeKeyword(clause[fromEnd]) !== 'FROM') && !isPunct(clause[fromEnd], ';'))
    fromEnd++;
  const relations = nodeKeyword(clause[0]) === 'FROM' ? unknownRelations(clause.slice(1, fromEnd), scope) : [];
  const reference: UnknownReference = (ref) => {
    const parts = ref.filter((n) => !isPunct(n, '.')).map((n) => (n.kind === 'token' ? identifierName(n.token) : ''));
    if (parts.length > 2) return undefined;
    const column = parts[parts.length - 1];
    const holders = relations.filter((r) => parts.length === 1 || r.name === parts[0]);
    return holders.flatMap((r) => r.unknown).find((c) => c.name === column)?.at;
  };
  const out: UnknownColumn[] = [];
  let position: number | undefined = 0;
  for (const item of splitItems(items.slice(start, end)).items) {
    const im = meaningful(item);
    const last = im[im.length - 1];
    if (last?.kind === 'token' && last.token.text === '*' && (im.length === 1 || isPunct(im[im.length - 2], '.'))) {
      // `*`, `c.*`: the relations' unknown columns, at their places where the star is the first item over one relation.
      const qualifier = im.length === 3 && isName(im[0]) ? identifierName(im[0].token) : undefined;
      const read = relations.filter((r) => im.length === 1 || r.name === qualifier);
      const single = position === 0 && read.length === 1 && relations.length === 1;
      for (const c of read.flatMap((r) => r.unknown)) out.push({ ...c, position: single ? c.position : undefined });
      position = undefined;
      continue;
    }
    const alias = aliasOf(im);
    const expression = alias === undefined ? im : im.slice(0, nodeKeyword(im[im.length - 2]) === 'AS' ? -2 : -1);
    const found = expression.length === 0 ? undefined : unknownTypedAt(expression, reference);
    if (found !== undefined) {
      const column = withoutParens(expression);
      // At the expression, or at the NULL a column reference reads (where the CAST goes).
      const at = isColumnRef(column) ? found : firstTokenOf(expression);
      const refName = isColumnRef(column) && column[column.length - 1].kind === 'token' ? column[column.length - 1] : undefined;
      const name =
        alias !== undefined ? identifierName(alias) : refName?.kind === 'token' && isName(refName) ? identifierName(refName.token) : `_col${position ?? '?'}`;
      out.push({ at, name, position });
    }
    if (position !== undefined) position++;
  }
  return out;
}
