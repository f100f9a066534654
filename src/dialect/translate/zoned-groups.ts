// GROUP BY keys that are zoned timestamps: Trino groups `timestamp with time zone` values by instant (its equality and
// hash read only the instant: https://trino.io/docs/current/language/types.html#timestamp-with-time-zone), so
// 10:00 UTC and 11:00 +01:00 are one group, shown as one of its members (Trino 476: the first seen, which depends on
// the order rows arrive in). The local zoned value is a struct that DuckDB groups field by field: two groups. Where
// the groups of a query share no instant the answers are the same; otherwise the query is refused while it runs.
//
// The check is a window over the groups, `QUALIFY trino_zoned_groups_apart(count(*) OVER (PARTITION BY trino_cmp(k),
// …))` (HAVING's condition moves after it, so a group HAVING drops is still counted; beside a window function, which
// would then see those groups, HAVING stays and a zoned key is refused while binding). It is added only to statements
// that may make zoned values in other zones than UTC (zoned literals, AT TIME ZONE, with_timezone, from_iso8601_timestamp,
// parse_datetime, from_unixtime, a cast to timestamp with time zone): Hive tables hold no zoned values,
// and a window on every GROUP BY would slow ordinary queries. ROLLUP, CUBE and GROUPING SETS are checked per grouping
// set (grouping() of every key joins the partition). Views made by another statement are known from the local catalog
// (zonedRelations). Left unchecked: a key given by an ordinal whose select item cannot be read.
import { isTrivia, keyword, tokenize, type Token } from '../tokens.js';
import { repeatsGroupingSet } from './group-by.js';
import { isParen, meaningful, nodeKeyword, nodeText, splitArgs, type Node } from './tree.js';

const GROUP_END = new Set(['HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT']);
const HAVING_END = new Set(['WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT']);
const ZONE_CALLS = new Set(['WITH_TIMEZONE', 'AT_TIMEZONE', 'FROM_ISO8601_TIMESTAMP', 'PARSE_DATETIME']);
// Years outside 0000-9999 (a sign, five digits) and one-digit months and days as Trino reads them (hunt38).
const ZONED_TEXT = /^'[-+]?\d{4,}-\d{1,2}-\d{1,2}[^']*\s*(?:[+-]\d{2}:?\d{2}|[A-Za-z]+\/[A-Za-z_/+-]+|UTC|Z)'$/;
/** Words after which a last word of a select item is not its alias. */
const NOT_BEFORE_ALIAS = new Set(['AND', 'OR', 'NOT', 'IS', 'AS', 'SELECT', 'DISTINCT', 'ALL', 'THEN', 'ELSE', 'WHEN', 'CASE', 'LIKE', 'IN', 'BETWEEN']);
const NOT_AN_ALIAS = new Set(['NULL', 'TRUE', 'FALSE', 'END']);

/**
 * Whether the statement's tokens make zoned timestamps in a zone other than UTC, or name a relation that holds them
 * (`zonedRelations`: lower-case names of views whose columns are zoned, from the local catalog; a table holds none).
 */
export function makesZonedValues(tokens: readonly Token[], zonedRelations: ReadonlySet<string> = new Set()): boolean {
  const words = tokens.filter((t) => t.kind !== 'ws' && t.kind !== 'comment');
  return words.some((t, k) => {
    const word = keyword(t);
    if (zonedRelations.size > 0 && (t.kind === 'word' || t.kind === 'quoted') && zonedRelations.has(relationName(t.text))) return true;
    const next = words[k + 1];
    if (ZONE_CALLS.has(word) && next?.text === '(') return true;
    if (word === 'FROM_UNIXTIME' && next?.text === '(') return true;
    if (word === 'AT' && keyword(next) === 'TIME' && keyword(words[k + 2]) === 'ZONE') return true;
    if (word === 'WITH' && keyword(next) === 'TIME' && keyword(words[k + 2]) === 'ZONE') return true;
    return word === 'TIMESTAMP' && next?.kind === 'string' && ZONED_TEXT.test(next.text.trim());
  });
}

/** A name as the catalog keeps it: unquoted, lower case. */
const relationName = (text: string) =>
  text
    .replace(/^"(.*)"$/, '$1')
    .replaceAll('""', '"')
    .toLowerCase();

/** Whether a statement's text names one of `relations` (lower-case names), as makesZonedValues reads it. */
export function namesRelation(sql: string, relations: ReadonlySet<string>): boolean {
  return tokenize(sql).some((t) => (t.kind === 'word' || t.kind === 'quoted') && relations.has(relationName(t.text)));
}

/**
 * Every relation a statement's text may name, as `database.name` (lower case, unquoted): each word not after a dot
 * as a name in `database` (the statement's current one), each `a.b` as b of database a (also the last two parts of
 * `a.b.c`). More than it names (aliases, columns, `t.c`), never fewer.
 */
export function relationNamesIn(sql: string, database: string): Set<string> {
  const words = tokenize(sql).filter((t) => !isTrivia(t));
  const names = new Set<string>();
  const current = relationName(database);
  const isName = (t: Token | undefined): t is Token => t?.kind === 'word' || t?.kind === 'quoted';
  words.forEach((t, k) => {
    if (!isName(t)) return;
    if (words[k - 1]?.text !== '.') names.add(`${current}.${relationName(t.text)}`);
    const next = words[k + 2];
    if (words[k + 1]?.text === '.' && isName(next)) names.add(`${relationName(t.text)}.${relationName(next.text)}`);
  });
  return names;
}

/**
 * The columns of the relations a statement's text names (`relations`: lower-case relation name → its columns), or
 * undefined for none: the json_parse columns of views (LakeCatalog.jsonParsedViews, inlined-json-parse.ts); with
 * `database` (the statement's current one), relations keyed `database.name`, the hash-ordered map columns of tables
 * and views (LakeCatalog.hashOrderedRelations, hash-orders.ts). The text is tokenized once, and only where it holds
 * one of the names.
 */
export function columnsOfRelationsNamed(sql: string, relations: ReadonlyMap<string, ReadonlySet<string>>, database?: string): ReadonlySet<string> | undefined {
  if (relations.size === 0) return undefined;
  const lower = sql.toLowerCase();
  const unqualified = (name: string) => (database === undefined ? name : name.slice(name.indexOf('.') + 1));
  const candidates = [...relations].filter(([name]) => lower.includes(unqualified(name)) || name.includes('"'));
  if (candidates.length === 0) return undefined;
  const words =
    database === undefined
      ? new Set(tokenize(sql).flatMap((t) => (t.kind === 'word' || t.kind === 'quoted' ? [relationName(t.text)] : [])))
      : relationNamesIn(sql, database);
  const named = candidates.filter(([name]) => words.has(name));
  return named.length > 0 ? new Set(named.flatMap(([, columns]) => [...columns])) : undefined;
}

export const translated = (at: Token, text: string): Node => ({ kind: 'token', token: { ...at, kind: 'translated', text } });
export const parsed = (text: string): Node[] => tokenize(text).map((token) => ({ kind: 'token', token }));

/** The expression of a select item, without its alias (`x AS a`, `x a`). */
function itemExpression(item: readonly Node[]): Node[] {
  const m = meaningful(item);
  const as = m.findIndex((n) => nodeKeyword(n) === 'AS');
  if (as > 0 && as === m.length - 2) return item.slice(0, item.indexOf(m[as]));
  const last = m[m.length - 1];
  const before = m[m.length - 2];
  const aliasLike = last?.kind === 'token' && (last.token.kind === 'word' || last.token.kind === 'quoted') && !NOT_AN_ALIAS.has(nodeKeyword(last));
  const afterOperand =
    before !== undefined && before.kind === 'group'
      ? isParen(before)
      : before?.kind === 'token' && ['word', 'quoted', 'string', 'number'].includes(before.token.kind) && !NOT_BEFORE_ALIAS.has(nodeKeyword(before));
  return aliasLike && afterOperand ? item.slice(0, item.indexOf(before) + 1) : [...item];
}

/** The expressions of a ROLLUP/CUBE argument or a grouping set: `(a, b)` is a, b; `()` none; `a` itself. */
function setExpressions(element: readonly Node[]): Node[][] {
  const m = meaningful(element);
  if (m.length === 1 && isParen(m[0])) return splitArgs(m[0].items).filter((e) => meaningful(e).length > 0);
  return m.length === 0 ? [] : [[...element]];
}

/**
 * The GROUP BY keys of the block, each as written (an ordinal as its select item), and whether they come in grouping
 * sets (ROLLUP, CUBE, GROUPING SETS: the keys are every expression they name); undefined when a key cannot be read.
 */
function groupKeys(items: readonly Node[], selectAt: number, byAt: number, end: number): { keys: Node[][]; sets: boolean; repeated: boolean } | undefined {
  const elements = splitArgs(items.slice(byAt + 1, end));
  if (elements.length === 0) return undefined;
  const fromAt = items.findIndex((n, k) => k > selectAt && nodeKeyword(n) === 'FROM');
  let first = selectAt + 1;
  while (['DISTINCT', 'ALL'].includes(nodeKeyword(items[first])) || meaningful([items[first]]).length === 0) first++;
  const selectItems = fromAt < 0 ? [] : splitArgs(items.slice(first, fromAt));
  const keys: Node[][] = [];
  let sets = false;
  for (const element of elements) {
    const m = meaningful(element);
    const word = nodeKeyword(m[0]);
    if (m.length === 0 || isParen(m[0])) return undefined;
    if ((word === 'ROLLUP' || word === 'CUBE') && m.length === 2 && isParen(m[1])) {
      sets = true;
      keys.push(...splitArgs(m[1].items).flatMap(setExpressions));
    } else if (word === 'GROUPING' && nodeKeyword(m[1]) === 'SETS' && m.length === 3 && isParen(m[2])) {
      sets = true;
      keys.push(...splitArgs(m[2].items).flatMap(setExpressions));
    } else if (word === 'ROLLUP' || word === 'CUBE' || word === 'GROUPING') return undefined;
    else if (m.length === 1 && m[0].kind === 'token' && m[0].token.kind === 'number') {
      const item = selectItems[Number(m[0].token.text) - 1];
      if (!item || meaningful(item).some((n) => nodeText(n) === '*')) return undefined;
      keys.push(itemExpression(item));
    } else keys.push([...element]);
  }
  // A key named twice (in two sets) is one key.
  const seen = new Set<string>();
  const distinct = keys.filter((key) => {
    const text = key.map(nodeText).join('').trim().toLowerCase();
    return !seen.has(text) && seen.add(text) !== undefined;
  });
  return { keys: distinct, sets, repeated: sets && repeatsGroupingSet(elements) };
}

/** One plain GROUP BY of a query level: its keys, where its clause ends, and a way to group nodes at its position. */
interface GroupBy {
  keys: Node[][];
  sets: boolean;
  /** A grouping set is made twice: its groups come twice, equal. */
  repeated: boolean;
  /** The index in the level of the first node after the GROUP BY clause (a HAVING, WINDOW, ORDER BY … or the end). */
  end: number;
  at: Token;
  parenthesized: (nodes: Node[]) => Node;
}

/**
 * `items` with each plain GROUP BY (and those of the queries nested in them) rewritten by `rewrite`, last first, so a
 * rewrite splicing the level at or after its own clause leaves the earlier clauses' indices as they were.
 */
function eachGroupBy(items: readonly Node[], rewrite: (out: Node[], group: GroupBy) => void): Node[] {
  const out: Node[] = items.map((n) => (n.kind === 'group' ? { ...n, items: eachGroupBy(n.items, rewrite) } : n));
  for (let i = out.length - 1; i >= 0; i--) {
    if (nodeKeyword(out[i]) !== 'GROUP') continue;
    const byAt = out.findIndex((n, k) => k > i && meaningful([n]).length > 0);
    if (nodeKeyword(out[byAt]) !== 'BY') continue;
    let selectAt = i;
    while (selectAt >= 0 && nodeKeyword(out[selectAt]) !== 'SELECT') selectAt--;
    let end = byAt + 1;
    while (end < out.length && !GROUP_END.has(nodeKeyword(out[end])) && nodeText(out[end]) !== ';') end++;
    const grouped = selectAt < 0 ? undefined : groupKeys(out, selectAt, byAt, end);
    if (!grouped || grouped.keys.length === 0) continue;
    const at = out[byAt].kind === 'token' ? out[byAt].token : out[byAt].open;
    // Each key in a group of its own, so the translator renders it as it renders the GROUP BY (a call is a call).
    const parenthesized = (nodes: Node[]): Node => ({
      kind: 'group',
      open: { ...at, kind: 'punct', text: '(' },
      close: { ...at, kind: 'punct', text: ')' },
      items: nodes,
    });
    rewrite(out, { ...grouped, end, at, parenthesized });
  }
  return out;
}

/** A window function in `items`, inside expressions too, not in the queries nested in them. */
const holdsWindow = (items: readonly Node[]): boolean =>
  items.some((n) => nodeKeyword(n) === 'OVER' || (n.kind === 'group' && nodeKeyword(meaningful(n.items)[0]) !== 'SELECT' && holdsWindow(n.items)));

/** Whether a HAVING's condition (`rest`: the level after HAVING) is more than the map-key checks checkMapBlocks adds. */
function writtenHaving(rest: readonly Node[]): boolean {
  const m = meaningful(rest);
  let k = 0;
  const isMapCheck = (n: Node | undefined) => n?.kind === 'token' && n.token.kind === 'translated' && n.token.text.endsWith('trino_map_key_refused');
  while (isMapCheck(m[k])) k += 2;
  return k < m.length && !HAVING_END.has(nodeKeyword(m[k])) && nodeText(m[k]) !== ';';
}

/** Adds the check to each plain GROUP BY of `items` (and of the queries nested in them). */
function checkBlocks(items: readonly Node[]): Node[] {
  return eachGroupBy(items, (out, { keys, sets, repeated, end, at, parenthesized }) => {
    if (nodeKeyword(out[end]) === 'HAVING' && writtenHaving(out.slice(end + 1)) && holdsWindow(out)) {
      // Moved after the windows, HAVING would let them see the groups it drops (`count(*) OVER ()` counted 2 groups
      // where Trino 476 keeps 1): it stays, and a zoned key is refused while DuckDB binds; other keys need no check.
      const checked = keys.filter((key) => !key.some(holdsQuery));
      const checks = checked.flatMap((key) => [translated(at, 'trino_zoned_having_key'), parenthesized([parenthesized(key)]), translated(at, ' AND ')]);
      out.splice(end + 1, 0, ...parsed(' '), ...checks);
      return;
    }
    let having: Node[] = [];
    let insertAt = end;
    if (nodeKeyword(out[end]) === 'HAVING') {
      let havingEnd = end + 1;
      while (havingEnd < out.length && !HAVING_END.has(nodeKeyword(out[havingEnd])) && nodeText(out[havingEnd]) !== ';') havingEnd++;
      having = out.slice(end + 1, havingEnd);
      out.splice(end, havingEnd - end);
    }
    while (nodeKeyword(out[insertAt]) === 'WINDOW') {
      insertAt++;
      while (insertAt < out.length && !HAVING_END.has(nodeKeyword(out[insertAt])) && nodeText(out[insertAt]) !== ';') insertAt++;
    }
    // A key holding zoned values inside an array, map or row is compared by trino_row_key, any other by trino_cmp.
    const partition = keys.flatMap((key, k) => [
      translated(at, `${k === 0 ? '' : ', '}CASE WHEN trino_nested_zoned`),
      parenthesized(key),
      translated(at, ' THEN NULL ELSE trino_cmp'),
      parenthesized(key),
      translated(at, ' END, CASE WHEN trino_nested_zoned'),
      parenthesized(key),
      translated(at, ' THEN trino_row_key'),
      parenthesized(key),
      translated(at, ' END'),
    ]);
    // Grouping sets: rows of one set are the groups compared (grouping() tells the sets apart).
    const setOf = sets ? [translated(at, ', grouping('), ...keys.flatMap((key, k) => [...(k > 0 ? parsed(', ') : []), ...key]), translated(at, ')')] : [];
    // A grouping set made twice (`ROLLUP (a, b), CUBE (a)`) gives each of its groups twice: the groups apart are those
    // of different keys.
    const counted = repeated
      ? [translated(at, 'count(DISTINCT row('), ...keys.flatMap((key, k) => [...(k > 0 ? parsed(', ') : []), parenthesized(key)]), translated(at, '))')]
      : [translated(at, 'count(*)')];
    const clause = [
      ...parsed(' QUALIFY '),
      translated(at, 'trino_zoned_groups_apart('),
      ...counted,
      translated(at, ' OVER (PARTITION BY '),
      ...partition,
      ...setOf,
      translated(at, '))'),
      ...(having.length > 0 ? [translated(at, ' AND '), parenthesized(having)] : []),
      ...parsed(' '),
    ];
    out.splice(insertAt, 0, ...clause);
  });
}

/**
 * Maps as GROUP BY keys: Trino groups maps as sets of entries (MAP(ARRAY[1, 2], …) and MAP(ARRAY[2, 1], …) are one
 * group), DuckDB by their entry lists in order. A key whose type is a map, or an array or row holding one, is refused
 * while DuckDB binds (the type is known to the binder only), by a HAVING condition that folds to true for any other
 * key, so the plan keeps no filter. Grouping on the entries as a set while showing the first row's map would need
 * every reference to the key rewritten.
 */
function checkMapBlocks(items: readonly Node[]): Node[] {
  return eachGroupBy(items, (out, { end, parenthesized, ...grouped }) => {
    const keys = grouped.keys.filter((key) => !key.some(holdsQuery));
    if (keys.length === 0) return;
    const checks = keys.flatMap((key, k) => [translated(grouped.at, `${k === 0 ? '' : ' AND '}trino_map_key_refused`), parenthesized([parenthesized(key)])]);
    if (nodeKeyword(out[end]) === 'HAVING') {
      let havingEnd = end + 1;
      while (havingEnd < out.length && !HAVING_END.has(nodeKeyword(out[havingEnd])) && nodeText(out[havingEnd]) !== ';') havingEnd++;
      const having = out.slice(end + 1, havingEnd);
      // Parenthesized only under a top-level OR: a conjunct `x IN (SELECT …)` must stay one for its NaN rule
      // (nan-comparisons.ts, a semi join in Trino), and under OR it is none anyway.
      const condition = having.some((n) => nodeKeyword(n) === 'OR') ? [parenthesized(having)] : having;
      out.splice(end + 1, havingEnd - end - 1, ...parsed(' '), ...checks, ...parsed(' AND '), ...condition, ...parsed(' '));
    } else out.splice(end, 0, ...parsed(' HAVING '), ...checks, ...parsed(' '));
  });
}

/** A subquery inside a key: checked again it would be bound twice. */
const holdsQuery = (n: Node): boolean => n.kind === 'group' && (nodeKeyword(meaningful(n.items)[0]) === 'SELECT' || n.items.some(holdsQuery));

/** The tree with every GROUP BY key checked not to be (or hold) a map. */
export function checkMapGroups(tree: readonly Node[]): Node[] {
  return checkMapBlocks(tree);
}

/** The tree with the check of zoned GROUP BY keys, where the statement makes zoned values. */
export function checkZonedGroups(tree: readonly Node[], tokens: readonly Token[], zonedRelations?: ReadonlySet<string>): Node[] {
  return makesZonedValues(tokens, zonedRelations) ? checkBlocks(tree) : [...tree];
}
