// `GROUP BY DISTINCT|ALL`: Trino's set quantifier on grouping elements
// (https://trino.io/docs/current/sql/select.html#group-by-clause). ALL (the default) keeps the duplicate grouping sets
// that ROLLUP/CUBE/GROUPING SETS produce together; DISTINCT keeps each set once. DuckDB has neither quantifier (its
// `GROUP BY ALL` means "every non-aggregate column"), so ALL is dropped and DISTINCT becomes the explicit
// `GROUPING SETS (…)` list with the duplicates removed. Sets are compared as sets of expressions, as Trino does.
// Inside ROLLUP, CUBE and GROUPING SETS Trino takes only columns (INVALID_COLUMN_REFERENCE "GROUP BY expression must
// be a column reference" for `ROLLUP (k + 1)`, `CUBE (1)`; DuckDB grouped by the expression or the ordinal), and CUBE's
// elements are a set (`CUBE (k, k)` is two grouping sets, not four); an empty element, `ROLLUP ((), k)`, is the empty
// set (DuckDB's parser has no `()` there). Such a CUBE or ROLLUP becomes its explicit GROUPING SETS list.
// Trino compares grouping columns after resolving them: `CUBE (k, t.k)` is `CUBE (k, k)`, `GROUPING SETS ((k), (t.k))`
// two sets of one column; DuckDB compares them as written (a set of `t.k` left `k` NULL). So the spellings of one
// column of the query's own relations become one; a qualified name that is none of them (`r.x`, a row's field, or an
// outer column) is refused inside grouping sets, as Trino fails there.
import { TRINO_NOT_IDENTIFIERS } from '../../lint/trino-keywords.js';
import { isAggregateFunction } from '../functions/index.js';
import { identifierName, keyword, type Token } from '../tokens.js';
import { NOT_AN_ALIAS } from './select-names.js';
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

/**
 * Whether GROUP BY `elements` make one grouping set twice (GROUP BY ALL, the default, keeps both: equal rows). Past
 * 4096 sets it answers true without comparing them.
 */
export function repeatsGroupingSet(elements: readonly Node[][]): boolean {
  let product: GroupingSet[] = [[]];
  for (const element of elements) {
    product = product.flatMap((left) => elementSets(element).map((right) => [...left, ...right]));
    if (product.length > 4096) return true;
  }
  return new Set(product.map(setKey)).size < product.length;
}

/** The members of a ROLLUP, CUBE or GROUPING SETS element, each a list of expressions; undefined for a plain key. */
function setMembers(element: readonly Node[]): GroupingSet[] | undefined {
  const m = meaningful(element);
  const word = nodeKeyword(m[0]);
  if ((word === 'ROLLUP' || word === 'CUBE') && isParen(m[1]) && m.length === 2) return splitArgs(m[1].items).map(groupingSet);
  if (word === 'GROUPING' && nodeKeyword(m[1]) === 'SETS' && isParen(m[2]) && m.length === 3) return splitArgs(m[2].items).map(groupingSet);
  return undefined;
}

/** A name or a dotted chain of names, parentheses aside: its name tokens; else undefined. */
function nameChain(e: Expression): Token[] | undefined {
  let m = meaningful(e);
  while (m.length === 1 && isParen(m[0])) m = meaningful(m[0].items);
  if (m.length % 2 === 0) return undefined;
  const names: Token[] = [];
  for (const [k, n] of m.entries()) {
    if (k % 2 === 1 && nodeText(n) === '.') continue;
    if (n.kind !== 'token' || !(n.token.kind === 'quoted' || (n.token.kind === 'word' && !TRINO_NOT_IDENTIFIERS.has(keyword(n.token))))) return undefined;
    names.push(n.token);
  }
  return names;
}

/** The names of a name or dotted chain, case-folded and unquoted; else undefined. */
const columnChain = (e: Expression): string[] | undefined => nameChain(e)?.map(identifierName);

/**
 * A column of the query's relations: a name, or a chain whose qualifier (the name before the last) is one of
 * `relations`. A row's field (`r.x`, `t.r.x`) or an outer query's column is not one: Trino fails on it inside grouping
 * sets (INVALID_COLUMN_REFERENCE; an outer column GENERIC_INTERNAL_ERROR), DuckDB grouped by it.
 */
function isColumnReference(e: Expression, relations: ReadonlySet<string>): boolean {
  const chain = columnChain(e);
  return chain !== undefined && (chain.length === 1 || relations.has(chain[chain.length - 2]));
}

/** Reports each expression of a ROLLUP, CUBE or GROUPING SETS element that is not a column, as Trino fails there. */
function refuseComputedGroupingColumns(element: readonly Node[], relations: ReadonlySet<string>, report: Report): void {
  for (const e of (setMembers(element) ?? []).flat()) {
    if (isColumnReference(e, relations)) continue;
    const first = meaningful(e)[0];
    const text = meaningful(e).map(nodeText).join(' ');
    const name = nameChain(e)
      ?.map((t) => t.text)
      .join('.');
    report(
      first.kind === 'token' ? first.token : first.open,
      'grouping-set-column',
      name === undefined
        ? `Athena fails with INVALID_COLUMN_REFERENCE: GROUP BY expression must be a column reference: ${text} (inside ROLLUP, CUBE and GROUPING SETS only columns are allowed; the local engine would group by the expression)`
        : `Athena fails: ${name} is no column of the query's relations inside ROLLUP, CUBE or GROUPING SETS (a row's field: INVALID_COLUMN_REFERENCE "GROUP BY expression must be a column reference"; a column of an outer query or of a table the query renames fails too), while the local engine would group by it`,
      'compute it in a subquery or WITH table and group by its column, or group by it outside ROLLUP, CUBE and GROUPING SETS',
    );
  }
}

/** Words after a relation that are not its alias. */
const NOT_A_RELATION_ALIAS = new Set([...NOT_AN_ALIAS, 'OUTER', 'FOR', 'MATCH_RECOGNIZE', 'WHERE']);

/**
 * The names the FROM clause of the query whose GROUP BY starts at `groupAt` gives its relations: each one's alias, else
 * a table's last name (an alias hides the table's name in Trino); those of parenthesized joins, not of subqueries.
 */
function fromRelations(items: readonly Node[], groupAt: number): Set<string> {
  let selectAt = groupAt;
  while (selectAt >= 0 && nodeKeyword(items[selectAt]) !== 'SELECT') selectAt--;
  const level = meaningful(items.slice(selectAt + 1, groupAt));
  const fromAt = level.findIndex((n, k) => nodeKeyword(n) === 'FROM' && nodeKeyword(level[k - 1]) !== 'DISTINCT');
  const relations = new Set<string>();
  if (fromAt >= 0) addRelations(level.slice(fromAt + 1), relations);
  return relations;
}

function addRelations(m: readonly Node[], into: Set<string>): void {
  let expect = true;
  for (let k = 0; k < m.length; k++) {
    const node = m[k];
    const word = nodeKeyword(node);
    if (word === 'WHERE') return;
    if (word === 'JOIN' || word === 'LATERAL' || nodeText(node) === ',') {
      expect = true;
      continue;
    }
    if (!expect) continue;
    expect = false;
    let end = k;
    let name: string | undefined;
    if (isParen(node)) {
      // A parenthesized join names its relations; a subquery only by its alias.
      if (!['SELECT', 'WITH', 'VALUES', 'TABLE'].includes(nodeKeyword(meaningful(node.items)[0]))) addRelations(meaningful(node.items), into);
    } else if (isParen(m[k + 1])) end = k + 1;
    else {
      while (m[end + 2]?.kind === 'token' && nodeText(m[end + 1]) === '.') end += 2;
      const last = m[end];
      if (last.kind === 'token') name = identifierName(last.token);
    }
    if (nodeKeyword(m[end + 1]) === 'WITH' && nodeKeyword(m[end + 2]) === 'ORDINALITY') end += 2;
    const alias = m[nodeKeyword(m[end + 1]) === 'AS' ? end + 2 : end + 1];
    if (alias?.kind === 'token' && (alias.token.kind === 'quoted' || (alias.token.kind === 'word' && !NOT_A_RELATION_ALIAS.has(keyword(alias.token)))))
      into.add(identifierName(alias.token));
    else if (name !== undefined) into.add(name);
  }
}

/**
 * `elements` with the spellings of one column made one, as Trino resolves them before comparing grouping sets: `k` and
 * `t.k` (t one of `relations`) are `t.k`, which DuckDB fails to bind where t has no column k, as Trino fails
 * (COLUMN_NOT_FOUND; the bare name would have bound to another relation's k); two qualified spellings (`t.k`, `x.t.k`)
 * the first. A name qualified by two relations (`t.k`, `s.k`) is two columns and left as written. Elements without such
 * spellings are returned as they were.
 */
function unifyColumnSpellings(elements: Node[][], relations: ReadonlySet<string>): Node[][] {
  const references = elements.flatMap((element) => setMembers(element)?.flat() ?? [meaningfulSpan(element)]).filter((e) => isColumnReference(e, relations));
  const byColumn = new Map<string, { qualifiers: Set<string>; spellings: Set<string>; canonical: Token[]; bare?: Token }>();
  for (const e of references) {
    const names = nameChain(e) ?? [];
    const chain = names.map(identifierName);
    const column = chain[chain.length - 1];
    const entry = byColumn.get(column) ?? { qualifiers: new Set<string>(), spellings: new Set<string>(), canonical: names };
    if (chain.length > 1) {
      entry.qualifiers.add(chain[chain.length - 2]);
      if (entry.canonical.length === 1) entry.canonical = names;
    } else entry.bare = names[0];
    entry.spellings.add(chain.join('.'));
    byColumn.set(column, entry);
  }
  const replacements = new Map<Node, { span: Expression; canonical: Token[] }>();
  for (const e of references) {
    const chain = columnChain(e) ?? [];
    const entry = byColumn.get(chain[chain.length - 1]);
    if (entry && entry.qualifiers.size === 1 && entry.spellings.size > 1) replacements.set(e[0], { span: e, canonical: entry.canonical });
  }
  if (replacements.size === 0) return elements;
  // A bare name made qualified still fails where Trino finds it ambiguous (AMBIGUOUS_NAME, two relations holding k): a
  // plain element `(k IS NULL AND false)` binds it, one constant more in every grouping set (no more groups).
  const probes: Node[][] = [];
  for (const entry of byColumn.values())
    if (relations.size > 1 && entry.bare !== undefined && entry.qualifiers.size === 1 && entry.spellings.size > 1) {
      const at = entry.bare;
      const words = [at.text, 'IS', 'NULL', 'AND', 'false'].flatMap((w, k) => [
        ...(k > 0 ? [synthetic(at, 'ws', ' ')] : []),
        synthetic(at, k === 0 ? at.kind : 'word', w),
      ]);
      probes.push([
        synthetic(at, 'ws', ' '),
        { kind: 'group', open: { ...at, kind: 'punct', text: '(' }, close: { ...at, kind: 'punct', text: ')' }, items: words },
      ]);
    }
  const replaced = (nodes: Node[]): Node[] => {
    const out: Node[] = [];
    let changed = false;
    for (let k = 0; k < nodes.length; k++) {
      const node = nodes[k];
      const replacement = replacements.get(node);
      if (replacement) {
        // The canonical spelling, placed where this one was written.
        const at = firstOf(node);
        out.push(...replacement.canonical.flatMap((t, i) => [...(i > 0 ? [synthetic(at, 'punct', '.')] : []), synthetic(at, t.kind, t.text)]));
        k += replacement.span.length - 1;
        changed = true;
      } else if (node.kind === 'group') {
        const items = replaced(node.items);
        changed ||= items !== node.items;
        out.push(items === node.items ? node : { ...node, items });
      } else out.push(node);
    }
    return changed ? out : nodes;
  };
  return [...elements.map(replaced), ...probes];
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
    const relations = fromRelations(items, i);
    refuseRowFieldCases(items.slice(0, i), body, report);
    const written = splitArgs(body);
    for (const element of written) refuseComputedGroupingColumns(element, relations, report);
    const elements = unifyColumnSpellings(written, relations);
    // BY and what follows it, the quantifier left out.
    out.push(...items.slice(i + 1, quantifier === 'DISTINCT' || quantifier === 'ALL' ? firstAt : start));
    const simple = elements.every((e) => elementSets(e).length === 1);
    if (quantifier === 'DISTINCT' && !simple) {
      const at = firstOf(items[firstAt]);
      out.push(...distinctGroupingSets(elements, at), synthetic(at, 'ws', ' '));
    } else {
      const explicit = elements.map(explicitRollupOrCube);
      if (explicit.every((e, k) => e === written[k])) out.push(...body);
      else out.push(...explicit.flatMap((e, k) => (k === 0 ? e : [synthetic(firstOf(e[0] ?? items[by]), 'punct', ','), ...e])));
    }
    i = end - 1;
  }
  return out;
}

const firstOf = (n: Node): Token => (n.kind === 'token' ? n.token : n.open);

/**
 * The field names of the row types written in `nodes` (`row("a" bigint)`, at any depth): a ROW group whose every
 * argument is a name then a type word (a row constructor's `row(x, y + 1)` is none).
 */
function rowTypeFieldNames(nodes: readonly Node[], outsideAggregates = false, into: Token[] = []): Token[] {
  const m = meaningful(nodes);
  m.forEach((node, k) => {
    if (node.kind !== 'group') return;
    const call = m[k - 1];
    if (outsideAggregates && call?.kind === 'token' && isAggregateFunction(call.token.text)) return;
    const args = splitArgs(node.items).map(meaningful);
    const fields = args.map((a) => a[0]);
    const typed = args.every(
      (a) => a.length >= 2 && a[0].kind === 'token' && ['word', 'quoted'].includes(a[0].token.kind) && a[1].kind === 'token' && a[1].token.kind === 'word',
    );
    if (nodeKeyword(m[k - 1]) === 'ROW' && args.length > 0 && typed) into.push(...fields.map((f) => (f as Node & { kind: 'token' }).token));
    rowTypeFieldNames(node.items, outsideAggregates, into);
  });
  return into;
}

/** A field name as Trino compares written expressions: a quoted name as written, an unquoted one upper case. */
const comparedName = (t: Token): string => (t.kind === 'quoted' ? t.text.slice(1, -1).replaceAll('""', '"') : t.text.toUpperCase());

/**
 * `SELECT CAST(row(x) AS row("a" bigint)) … GROUP BY CAST(row(x) AS row("A" bigint))`: Trino 476 compares the written
 * expressions with a quoted field name's case (`"a"` and `a` differ too; `"A"` and `A` are one) and fails with
 * EXPRESSION_NOT_AGGREGATE; DuckDB matches field names in any case and answered. Refused at the select list's field
 * where the GROUP BY writes the same name in another case only.
 */
function refuseRowFieldCases(before: readonly Node[], body: readonly Node[], report: Report): void {
  const grouped = rowTypeFieldNames(body);
  if (grouped.length === 0) return;
  const m = meaningful(before);
  const selectAt = m.map(nodeKeyword).lastIndexOf('SELECT');
  if (selectAt < 0) return;
  const compared = new Set(grouped.map(comparedName));
  // An aggregate's argument is no grouped expression (`count(CAST(… AS row("a" …)))` answers in Trino).
  for (const field of rowTypeFieldNames(m.slice(selectAt + 1), true)) {
    const other = grouped.find((g) => comparedName(g).toLowerCase() === comparedName(field).toLowerCase());
    if (other === undefined || compared.has(comparedName(field))) continue;
    report(
      field,
      'row-field-case',
      `Athena fails with EXPRESSION_NOT_AGGREGATE: the row field ${field.text} of the select list is not GROUP BY's ${other.text} (Trino compares a quoted field name with its case, an unquoted one upper case); the local engine would match them`,
      'spell the row type the same in the select list and in GROUP BY',
    );
  }
}

function nextMeaningful(items: readonly Node[], i: number): number {
  for (let k = i + 1; k < items.length; k++) if (!isTriviaNode(items[k])) return k;
  return -1;
}
