// Correlated subqueries Trino 476 cannot plan: it fails with NOT_SUPPORTED "Given correlated subquery is not
// supported" where DuckDB decorrelates anything and answers. Measured on the shared Trino (docs/issue-15-audit.md
// "Relations, third pass"); a scalar, IN or LATERAL subquery that reads a column of an enclosing query fails when
// - the outer column is read inside an aggregate's argument or FILTER (`(SELECT max(v + t.k) FROM s)`);
// - the outer column is in its select list while it does not aggregate to one row (`(SELECT v + t.k FROM s WHERE
//   s.v = t.k)`, also with GROUP BY; `(SELECT max(v) + t.k FROM s WHERE …)` plans);
// - it has a row limit Trino cannot decorrelate (LIMIT, FETCH FIRST, OFFSET: correlated-row-limits.ts);
// - it has a window function, or a HAVING while the correlation is in its WHERE;
// - it has FETCH FIRST … WITH TIES and does not aggregate to one row (EXISTS and IN too);
// - the correlation is in its WHERE and it groups by several grouping sets (ROLLUP, CUBE; EXISTS plans).
// - it is a set operation reading the outer row (EXISTS over UNION ALL reading it only in select lists plans);
// - it has no FROM, filters on the outer row (WHERE, HAVING) and selects it (a constant select list plans);
// - a derived table in its FROM selects the outer row and it aggregates, filters or groups by that column, or selects
//   it beside a WHERE; a LATERAL VALUES of several rows reads the outer row;
// - a derived table in its FROM reads the outer row outside its select list while another relation is joined to it;
// - a subquery in its WHERE, HAVING or ORDER BY reads a column of a query enclosing it.
// A subquery in the ON condition of a LEFT, RIGHT or FULL join that reads any column from outside itself fails with
// NOT_SUPPORTED "Reference to column … from outer scope not allowed in this context" (refuseOuterJoinOnSubqueries).
// A GROUP BY key that reads an outer column fails in every form, EXISTS too (GENERIC_INTERNAL_ERROR "Grouping field …
// should originate from …"; NOT_SUPPORTED for an expression of it).
// EXISTS plans the second, the third and the last, and a subquery without FROM plans the select-list and LIMIT forms.
// Refused at lint where the SQL shows it: an outer column written qualified (`t.k`) by a relation of an enclosing
// query that the subquery does not name itself, or unqualified (`k`) where every relation of the subquery shows its
// columns (VALUES or a subquery with an alias list, a subquery's select list) and none is `k` while an enclosing
// query's relation shows a column `k`. A correlation by an unqualified name over a table is not seen (which query's
// column it is needs the table's columns).
// A subquery over UNNEST of an outer column (`(SELECT count(*) FROM UNNEST(t.a) u(x) WHERE x > 0)`; unqualified too
// when UNNEST is its first relation, where nothing else can be read) has rules of its own (trinodb/trino#7223, open):
// it plans with aggregates, ORDER BY, LIMIT, EXISTS and outer columns anywhere, and fails with a WHERE that reads a
// column, a FILTER, GROUP BY keys, a HAVING, a window function, another relation in its FROM, or under IN.
import { isAggregateFunction } from '../functions/index.js';
import { identifierName, type Token } from '../tokens.js';
import { andTerms, filteredCorrelatedAggregate, LATERAL_AGGREGATE_ON_CONDITION, rowLimitReason, yieldsOneAggregatedRow } from './correlated-row-limits.js';
import { aliasOf, itemName, NOT_AN_ALIAS, splitItems } from './select-names.js';
import { isParen, meaningful, nodeKeyword, nodeText, splitArgs, type GroupNode, type Node } from './tree.js';
import { hasAggregate, hasOuterAggregate } from './unbound.js';
import type { CatalogColumn } from './known-types.js';
import type { Report } from './within-group.js';

const FROM_ENDS = new Set(['WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT', 'QUALIFY']);
const NOT_AN_ITEM_ALIAS = new Set([...NOT_AN_ALIAS, 'ON', 'LEFT', 'RIGHT', 'FULL', 'INNER', 'OUTER', 'CROSS', 'WITH', 'ORDINALITY']);

const isPunct = (n: Node | undefined, text: string) => n !== undefined && n.kind === 'token' && n.token.text === text;
const isNameToken = (n: Node | undefined): n is Node & { kind: 'token' } =>
  n !== undefined && n.kind === 'token' && (n.token.kind === 'quoted' || n.token.kind === 'word');
const nameOf = (n: Node & { kind: 'token' }) => identifierName(n.token).toLowerCase();
/** m[k] starts a FROM clause: not the FROM of `x IS [NOT] DISTINCT FROM y`. */
const isFromClause = (m: readonly Node[], k: number): boolean => nodeKeyword(m[k]) === 'FROM' && nodeKeyword(m[k - 1]) !== 'DISTINCT';

function isQuery(group: Node | undefined): boolean {
  if (!isParen(group)) return false;
  const first = meaningful(group.items)[0];
  return ['SELECT', 'WITH'].includes(nodeKeyword(first)) || isQuery(first);
}

/** The names a level's FROM clauses give their relations (an alias, or a table's last name), at any depth. */
export function relationNames(items: readonly Node[], into = new Set<string>()): Set<string> {
  const m = meaningful(items);
  let inFrom = false;
  let expect = false;
  for (let k = 0; k < m.length; k++) {
    const node = m[k];
    if (node.kind === 'group') relationNames(node.items, into);
    const word = nodeKeyword(node);
    if (isFromClause(m, k)) {
      inFrom = true;
      expect = true;
      continue;
    }
    if (!inFrom) continue;
    if (FROM_ENDS.has(word) || word === 'SELECT') {
      inFrom = false;
      continue;
    }
    if (word === 'JOIN' || word === 'LATERAL' || isPunct(node, ',')) {
      expect = true;
      continue;
    }
    if (!expect) continue;
    // A relation: a (qualified) table name, a subquery, UNNEST(…); then [AS] alias.
    let end = k;
    if (isNameToken(node) && !isParen(m[k + 1])) {
      while (isPunct(m[end + 1], '.') && isNameToken(m[end + 2])) end += 2;
      into.add(nameOf(m[end] as Node & { kind: 'token' }));
    } else if (isParen(m[k + 1])) end = k + 1;
    if (nodeKeyword(m[end + 1]) === 'WITH' && nodeKeyword(m[end + 2]) === 'ORDINALITY') end += 2;
    const aliasAt = nodeKeyword(m[end + 1]) === 'AS' ? end + 2 : end + 1;
    const alias = m[aliasAt];
    if (isNameToken(alias) && !NOT_AN_ITEM_ALIAS.has(nodeKeyword(alias))) into.add(nameOf(alias));
    expect = false;
  }
  return into;
}

/** The columns a relation group shows: an alias list's, else a subquery's select list without `*`; undefined otherwise. */
function shownColumns(relation: Node | undefined, list: Node | undefined): string[] | undefined {
  if (isParen(list)) return splitArgs(list.items).map((arg) => meaningful(arg).map(nodeText).join('').replaceAll('"', '').toLowerCase());
  if (!isParen(relation) || !isQuery(relation)) return undefined;
  const m = meaningful(relation.items);
  const select = m.findIndex((n) => nodeKeyword(n) === 'SELECT');
  const from = m.findIndex((_n, k) => k > select && isFromClause(m, k));
  if (select !== 0) return undefined;
  const items = splitItems(m.slice(1, from < 0 ? m.length : from).filter((n) => !['DISTINCT', 'ALL'].includes(nodeKeyword(n)))).items;
  const names = items.map((item) => itemName(meaningful(item))?.toLowerCase());
  return names.every((n): n is string => n !== undefined) ? names : undefined;
}

/**
 * The catalog's columns of the tables the statement names (TranslateContext.columnTypes, filled by the local engine;
 * not in `lake lint`), set while the refusals that read levelColumns run (withCatalogColumns), and the statement's
 * WITH query names (such a name is not read as a table).
 */
let catalog: { columns: ReadonlyMap<string, readonly CatalogColumn[]>; database: string; withNames: ReadonlySet<string> } | undefined;

/** Runs `check` with the catalog's table columns known to levelColumns (a table's columns then show, as a list's do). */
export function withCatalogColumns<T>(known: typeof catalog, check: () => T): T {
  const before = catalog;
  catalog = known;
  try {
    return check();
  } finally {
    catalog = before;
  }
}

/** A catalog table's column names (lower case) for the name parts `db.t` or `t`; undefined where not known. */
function tableColumns(parts: readonly string[]): string[] | undefined {
  if (catalog === undefined || parts.length > 2 || (parts.length === 1 && catalog.withNames.has(parts[0]))) return undefined;
  const columns = catalog.columns.get(parts.length === 1 ? `${catalog.database}.${parts[0]}` : parts.join('.'));
  return columns?.map((c) => c.name.toLowerCase());
}

/**
 * The columns every relation of one level's FROM clause shows (undefined when one shows none: a table, a `*`), and
 * those some relation shows (`some`).
 */
export function levelColumns(items: readonly Node[], except?: Node): { all: Set<string> | undefined; some: Set<string> } {
  const m = meaningful(items);
  const all = new Set<string>();
  const some = new Set<string>();
  let known = true;
  let relations = 0;
  const fromAt = m.findIndex((_n, k) => isFromClause(m, k));
  if (fromAt < 0) return { all: undefined, some };
  let expect = true;
  for (let k = fromAt + 1; k < m.length; k++) {
    const node = m[k];
    const word = nodeKeyword(node);
    if (FROM_ENDS.has(word)) break;
    if (word === 'JOIN' || word === 'LATERAL' || isPunct(node, ',')) {
      expect = true;
      continue;
    }
    if (!expect) continue;
    expect = false;
    relations++;
    let end = k;
    if (isNameToken(node) && !isParen(m[k + 1])) while (isPunct(m[end + 1], '.') && isNameToken(m[end + 2])) end += 2;
    else if (isParen(m[k + 1])) end = k + 1;
    if (nodeKeyword(m[end + 1]) === 'WITH' && nodeKeyword(m[end + 2]) === 'ORDINALITY') end += 2;
    const aliasAt = nodeKeyword(m[end + 1]) === 'AS' ? end + 2 : end + 1;
    const alias = m[aliasAt];
    const hasAlias = isNameToken(alias) && !NOT_AN_ITEM_ALIAS.has(nodeKeyword(alias));
    const table = isNameToken(node) && !isParen(m[k + 1]) && !(hasAlias && isParen(m[aliasAt + 1]));
    const columns =
      shownColumns(isParen(node) ? node : undefined, hasAlias ? m[aliasAt + 1] : undefined) ??
      (table
        ? tableColumns(
            m
              .slice(k, end + 1)
              .filter(isNameToken)
              .map(nameOf),
          )
        : undefined);
    if (columns === undefined) known = false;
    for (const c of columns ?? []) {
      all.add(c);
      // A derived table's own columns are no outer columns of itself.
      if (node !== except && m[k + 1] !== except) some.add(c);
    }
  }
  return { all: known && relations > 0 ? all : undefined, some };
}

/**
 * Unqualified names in `items` (not inside a nested query) that are `outer` columns and no column of the subquery's
 * own relations (`own`): not after `.` or AS, not before `.` or `(`.
 */
function unqualifiedOuterReferences(
  items: readonly Node[],
  own: ReadonlySet<string>,
  outer: ReadonlySet<string>,
  into: OuterReference[] = [],
  lambdaParameters: ReadonlySet<string> = new Set(),
) {
  const m = meaningful(items);
  // A lambda's parameters (`a -> a > 1`) are no columns in its body.
  const parameters = new Set(lambdaParameters);
  m.forEach((node, k) => {
    if (!isPunct(m[k + 1], '->')) return;
    if (isNameToken(node)) parameters.add(nameOf(node));
    else if (isParen(node)) for (const p of meaningful(node.items)) if (isNameToken(p)) parameters.add(nameOf(p));
  });
  const selectAt = m.findIndex((n) => nodeKeyword(n) === 'SELECT');
  const fromAt = m.findIndex((_n, k) => k > selectAt && isFromClause(m, k));
  // The select items' own names (`count(*) c`) are no references.
  const aliases = new Set(
    selectAt < 0 ? [] : splitItems(m.slice(selectAt + 1, fromAt < 0 ? m.length : fromAt)).items.flatMap((item) => aliasOf(meaningful(item)) ?? []),
  );
  m.forEach((node, k) => {
    if (node.kind === 'group') {
      if (!isQuery(node)) unqualifiedOuterReferences(node.items, own, outer, into, parameters);
      return;
    }
    if (
      !isNameToken(node) ||
      aliases.has(node.token) ||
      isPunct(m[k - 1], '.') ||
      isPunct(m[k + 1], '.') ||
      isParen(m[k + 1]) ||
      nodeKeyword(m[k - 1]) === 'AS'
    )
      return;
    const name = nameOf(node);
    if (outer.has(name) && !own.has(name) && !parameters.has(name)) into.push({ at: node.token, qualifier: name, unqualified: true });
  });
  return into;
}

/** An outer column read by a subquery: `q.c` (its qualifier's token and name) or an unqualified `c` (its name). */
interface OuterReference {
  at: Token;
  qualifier: string;
  unqualified?: boolean;
}

/** `q.c` references in `items` (at any depth): the qualifier's token and name. */
function qualifiedReferences(items: readonly Node[], into: { at: Token; qualifier: string }[] = []): { at: Token; qualifier: string }[] {
  const m = meaningful(items);
  m.forEach((node, k) => {
    if (node.kind === 'group') qualifiedReferences(node.items, into);
    // `q.*` of an outer relation reads its row as `q.c` does (column-stars.ts expandRowStars).
    else if (isNameToken(node) && !isPunct(m[k - 1], '.') && isPunct(m[k + 1], '.') && (isNameToken(m[k + 2]) || isPunct(m[k + 2], '*')) && !isParen(m[k + 3]))
      into.push({ at: node.token, qualifier: nameOf(node) });
  });
  return into;
}

/** The top-level clauses of one query level: the nodes of its select list, WHERE, GROUP BY, HAVING, and its words. */
function clausesOf(items: readonly Node[]): Map<string, Node[]> {
  const clauses = new Map<string, Node[]>();
  let current = '';
  const m = meaningful(items);
  for (const [k, node] of m.entries()) {
    const word = isFromClause(m, k) || nodeKeyword(node) !== 'FROM' ? nodeKeyword(node) : '';
    if (['SELECT', 'FROM', 'WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH'].includes(word) && !clauses.has(word)) {
      clauses.set((current = word), []);
      continue;
    }
    if (['UNION', 'INTERSECT', 'EXCEPT'].includes(word)) break;
    clauses.get(current)?.push(node);
  }
  return clauses;
}

const tokenIn = (nodes: readonly Node[], at: Token): boolean => nodes.some((n) => (n.kind === 'token' ? n.token === at : tokenIn(n.items, at)));

/** Whether `at` lies inside an aggregate call's arguments or its FILTER (WHERE …) in `nodes`. */
function inAggregate(nodes: readonly Node[], at: Token): boolean {
  const m = meaningful(nodes);
  return m.some((node, k) => {
    if (node.kind !== 'group') return false;
    const call = m[k - 1];
    const aggregate = call?.kind === 'token' && isAggregateFunction(call.token.text) && isParen(node);
    // FILTER (WHERE …), not the lambda function filter(array, e -> …).
    const filter = nodeKeyword(call) === 'FILTER' && nodeKeyword(meaningful(node.items)[0]) === 'WHERE';
    return ((aggregate || filter) && tokenIn(node.items, at)) || inAggregate(node.items, at);
  });
}

const QUERY_WORDS = new Set(['SELECT', 'WITH', 'VALUES']);

/**
 * Whether `items` holds the word SELECT, WITH or VALUES at any depth: every query and VALUES group starts with one
 * (isQuery, isValuesRelation), so a group without them holds no subquery for refuseUnplannedCorrelations to report.
 */
const holdsQueryWord = (items: readonly Node[]): boolean => items.some((n) => (n.kind === 'token' ? QUERY_WORDS.has(nodeKeyword(n)) : holdsQueryWord(n.items)));

/**
 * Reports every correlated subquery of `items` that Trino 476 cannot plan (see above). `outer` holds the relation
 * names of the enclosing queries.
 */
export function refuseUnplannedCorrelations(
  items: readonly Node[],
  report: Report,
  outer: ReadonlySet<string> = new Set(),
  outerColumns: ReadonlySet<string> = new Set(),
  // Whether `items` is the query of EXISTS: its select list is not read (correlatedCastRowValues).
  underExists = false,
): void {
  const m = meaningful(items);
  const levelHere = new Set([...outer, ...relationNames(items)]);
  refuseOuterJoinOnSubqueries(m, report, levelHere, new Set([...outerColumns, ...levelColumns(items).some]));
  // The query a WITH clause names (`WITH w AS (…) SELECT …`) starts at its first SELECT, VALUES or TABLE.
  const mainAt = ['WITH', 'RECURSIVE'].includes(nodeKeyword(m[0])) ? m.findIndex((n) => ['SELECT', 'VALUES', 'TABLE'].includes(nodeKeyword(n))) : -1;
  m.forEach((node, k) => {
    // A group with no subquery or VALUES at any depth has nothing to refuse (issue 18: the checks below cost per group).
    if (node.kind !== 'group' || refusedInOn.has(node) || !holdsQueryWord(node.items)) return;
    // A WITH query sees the queries around this one, not this one's FROM (its relations are not its outer rows).
    const withDefinition = mainAt >= 0 && k < mainAt && nodeKeyword(m[k - 1]) === 'AS';
    const here = withDefinition ? new Set(outer) : levelHere;
    const hereColumns = withDefinition ? new Set(outerColumns) : new Set([...outerColumns, ...levelColumns(items, node).some]);
    const quantified = quantifiedOperand(m, k);
    if (quantified && nodeKeyword(meaningful(node.items)[0]) === 'VALUES') {
      // `1 > ALL (VALUES k)`: its rows are its select list, which reads the outer row (see unplannedReason).
      const reference = outerReferences(node.items, new Set(), here, hereColumns, new Set())[0];
      if (reference) reportSelectedUnderQuantifier(reference, report);
      refuseUnplannedCorrelations(node.items, report, here, hereColumns);
      return;
    }
    if (isValuesRelation(node)) {
      const sibling = siblingReference(items, k, outer, outerColumns, new Set(), new Set());
      if (sibling)
        report(
          sibling,
          'derived-table-scope',
          `Athena fails with COLUMN_NOT_FOUND "Column '${sibling.text}' cannot be resolved": VALUES in FROM without LATERAL does not see the other relations of its FROM clause; the local engine (DuckDB) joins it laterally and answers`,
          'write LATERAL before the VALUES, or compute the value in the outer query',
        );
    }
    if (isValuesRelation(node) && nodeKeyword(m[k - 1]) === 'LATERAL' && splitArgs(meaningful(node.items).slice(1)).length > 1) {
      const reference = outerReferences(node.items, new Set(), here, hereColumns, new Set())[0];
      if (reference)
        report(
          reference.at,
          'correlated-subquery',
          `Athena fails with NOT_SUPPORTED "Given correlated subquery is not supported": a LATERAL VALUES of several rows reads the outer column ${describe(reference)}; the local engine would answer`,
          'write one LATERAL VALUES row per value, joined by UNION ALL in the outer query, or UNNEST an array of the rows',
        );
    }
    const castRow = isValuesRelation(node) ? correlatedCastRowValues(m, k, items, here, hereColumns, underExists) : undefined;
    if (castRow)
      report(
        castRow.at,
        'correlated-subquery',
        `Athena fails with NOT_SUPPORTED "Given correlated subquery is not supported": a VALUES row that casts a ROW(…) of the outer column ${describe(castRow)} to a row type gives a column per field, which Athena cannot correlate; the local engine would answer`,
        'select the fields in the outer query (t.a AS f1), or write the VALUES row as its fields: VALUES (t.a)',
      );
    if (!isQuery(node)) {
      refuseUnplannedCorrelations(node.items, report, here, hereColumns);
      return;
    }
    const own = relationNames(node.items);
    // A subquery without FROM has no columns of its own (`k IN (SELECT k)`, `(SELECT t.a WHERE a = 1)`).
    const ownColumns =
      levelColumns(node.items).all ?? (!clausesOf(node.items).has('FROM') && !setOperationBranches(node.items) ? new Set<string>() : undefined);
    const sibling = siblingReference(items, k, outer, outerColumns, own, levelColumns(node.items).all);
    if (sibling)
      report(
        sibling,
        'derived-table-scope',
        `Athena fails with COLUMN_NOT_FOUND "Column '${sibling.text}' cannot be resolved": a subquery in FROM without LATERAL does not see the other relations of its FROM clause; the local engine (DuckDB) joins it laterally and answers`,
        'write LATERAL before the subquery, or read the column in the outer query',
      );
    const correlated = outerReferences(node.items, own, here, hereColumns, ownColumns ?? new Set());
    const unnested = unnestedOuterColumn(node, correlated);
    const nested = correlatedInUnnest(node, here);
    // A WITH query (`w AS (…)`) reads no row of the query after it.
    const withQuery = nodeKeyword(m[k - 1]) === 'AS';
    // Rows counted, columns unread (`(SELECT count(*) FROM (… UNION ALL …))`): planned as under EXISTS.
    const rowsOnly = nodeKeyword(m[k - 1]) === 'EXISTS' || (!withQuery && columnsUnread(items, node));
    const setOperation = withQuery ? undefined : correlatedSetOperation(node, rowsOnly, here, hereColumns);
    const derived = withQuery || nodeKeyword(m[k - 1]) === 'EXISTS' ? undefined : filteredDerivedColumn(node, here, hereColumns);
    const joined = withQuery ? undefined : joinedFilteredDerivedTable(node, here, hereColumns);
    const filterNested = withQuery ? undefined : nestedOuterReferenceInFilter(node, here, hereColumns);
    const besideAggregate = withQuery || nodeKeyword(m[k - 1]) === 'EXISTS' ? undefined : nestedOuterReferenceBesideAggregate(node, here, hereColumns);
    const selectNested = withQuery || nodeKeyword(m[k - 1]) === 'EXISTS' ? undefined : nestedCorrelatedSelectWithFrom(node, here, hereColumns);
    if (setOperation)
      report(
        setOperation.at,
        'correlated-subquery',
        `Athena fails with NOT_SUPPORTED "Given correlated subquery is not supported": a set operation (UNION, INTERSECT, EXCEPT) in a subquery reads the outer column ${describe(setOperation)}; the local engine would answer`,
        'compute the branches in the outer query (a UNION of joins), or correlate a subquery over the set operation in its WHERE',
      );
    else if (derived)
      report(
        derived.at,
        'correlated-subquery',
        `Athena fails with NOT_SUPPORTED "Given correlated subquery is not supported": a subquery ${derived.why} a column that a derived table inside it fills with the outer column ${describe(derived)}; the local engine would answer`,
        'read the outer column in the outer query, or join the subquery instead',
      );
    else if (joined)
      report(
        joined.at,
        'correlated-subquery',
        `Athena fails with NOT_SUPPORTED "Given correlated subquery is not supported": a derived table inside a subquery reads the outer column ${describe(joined)} outside its select list (a WHERE, HAVING or a subquery of its own) while the subquery joins it to another relation; the local engine would answer`,
        "filter on the outer column in the subquery's own WHERE (after the join), or join the derived table in the outer query",
      );
    else if (filterNested)
      report(
        filterNested.at,
        'correlated-subquery',
        `Athena fails with NOT_SUPPORTED "Given correlated subquery is not supported": a subquery in the WHERE, HAVING or ORDER BY of a subquery reads the column ${describe(filterNested)} of a query enclosing both; the local engine would answer`,
        'compute the inner value in the outer query (a LATERAL join or a column of a subquery) and compare with that column',
      );
    else if (besideAggregate)
      report(
        besideAggregate.at,
        'correlated-subquery',
        `Athena fails with NOT_SUPPORTED "Given correlated subquery is not supported": a subquery in the select list of an aggregating subquery reads the outer column ${describe(besideAggregate)} beside the aggregate; the local engine would answer`,
        'read the outer column directly beside the aggregate (t.a + max(b)), or compute the inner value in the outer query',
      );
    else if (selectNested)
      report(
        selectNested.at,
        'correlated-subquery',
        `Athena fails with NOT_SUPPORTED "Given correlated subquery is not supported": a subquery with a FROM in the select list of a subquery reads the column ${describe(selectNested)} of a query enclosing both; the local engine would answer`,
        'compute the inner value in the outer query (a LATERAL join or a column of a subquery) and combine it there',
      );
    else if (nested)
      report(
        nested,
        'correlated-subquery',
        `Athena fails with NOT_SUPPORTED "Given correlated subquery is not supported": a correlated subquery inside the argument of a subquery's UNNEST; the local engine would answer`,
        'compute the array in the outer query (a column of a subquery or a LATERAL join) and UNNEST that column',
      );
    else if (unnested) checkUnnestCorrelated(node, unnested, nodeKeyword(m[k - 1]) === 'IN', report);
    else if (correlated.length > 0 && nodeKeyword(m[k - 1]) === 'LATERAL' && !clausesOf(node.items).has('FROM') && joinedOnCondition(m, k))
      report(
        correlated[0].at,
        'correlated-subquery',
        'Athena fails with NOT_SUPPORTED "Given correlated subquery is not supported": a LATERAL projection of the outer row (no FROM) joined ON a condition other than TRUE; the local engine would answer',
        'join ON TRUE and filter in WHERE, or CROSS JOIN LATERAL',
      );
    else if (
      correlated.length > 0 &&
      nodeKeyword(m[k - 1]) === 'LATERAL' &&
      joinedOnCondition(m, k) &&
      yieldsOneAggregatedRow(clausesOf(node.items), clausesOf)
    )
      report(correlated[0].at, 'correlated-subquery', LATERAL_AGGREGATE_ON_CONDITION.why, LATERAL_AGGREGATE_ON_CONDITION.hint);
    else if (correlated.length > 0 && quantified && correlated.some((r) => tokenIn(clausesOf(node.items).get('SELECT') ?? [], r.at)))
      reportSelectedUnderQuantifier(correlated.find((r) => tokenIn(clausesOf(node.items).get('SELECT') ?? [], r.at)) as OuterReference, report);
    else if (correlated.length > 0) checkCorrelated(node, rowsOnly, correlated, report, quantified, innerLateral(m, k));
    refuseUnplannedCorrelations(node.items, report, here, hereColumns, nodeKeyword(m[k - 1]) === 'EXISTS');
  });
}

const COMPARISONS = new Set(['=', '<>', '!=', '<', '>', '<=', '>=']);

const describe = (r: OuterReference): string => `${r.qualifier}${r.unqualified ? '' : '.…'}`;

/**
 * The branches of a set operation at the top of `items` (`SELECT a UNION ALL SELECT 1`), each with the operator
 * before it (undefined for the first); undefined when `items` holds none.
 */
function setOperationBranches(items: readonly Node[]): { items: Node[]; operator: string | undefined }[] | undefined {
  const m = meaningful(items);
  const branches: { items: Node[]; operator: string | undefined }[] = [{ items: [], operator: undefined }];
  for (let k = 0; k < m.length; k++) {
    const word = nodeKeyword(m[k]);
    if (['UNION', 'INTERSECT', 'EXCEPT'].includes(word)) {
      const quantifier = ['ALL', 'DISTINCT'].includes(nodeKeyword(m[k + 1])) ? nodeKeyword(m[k + 1]) : '';
      if (quantifier) k++;
      branches.push({ items: [], operator: `${word}${quantifier === 'ALL' ? ' ALL' : ''}` });
    } else branches[branches.length - 1].items.push(m[k]);
  }
  if (branches.length < 2) return undefined;
  // A branch in parentheses: its query.
  return branches.map((b) => (b.items.length === 1 && isQuery(b.items[0]) ? { ...b, items: (b.items[0] as GroupNode).items } : b));
}

/**
 * A set operation reading the outer row (`LATERAL (SELECT a UNION ALL SELECT 1)`, `(SELECT 1 UNION ALL SELECT a LIMIT
 * 1)`, `a IN (SELECT 1 UNION ALL SELECT 2 WHERE a > 1)`): Trino 476 fails with NOT_SUPPORTED in every form but EXISTS
 * over UNION ALL branches that read the outer row only in their select lists (`EXISTS (SELECT 1 UNION ALL SELECT a)`
 * plans; a WHERE, UNION, INTERSECT or EXCEPT fails; asked of the shared Trino). DuckDB answered.
 */
function correlatedSetOperation(query: GroupNode, exists: boolean, here: ReadonlySet<string>, hereColumns: ReadonlySet<string>): OuterReference | undefined {
  const branches = setOperationBranches(query.items);
  if (!branches) return undefined;
  const found = branches.flatMap((branch) => {
    const from = clausesOf(branch.items).has('FROM');
    const ownColumns = levelColumns(branch.items).all ?? (from ? undefined : new Set<string>());
    const selectList = clausesOf(branch.items).get('SELECT') ?? [];
    const references = outerReferences(branch.items, relationNames(branch.items), here, hereColumns, ownColumns);
    // A correlated VALUES of the branch that nothing filters plans under EXISTS too (`EXISTS (SELECT x FROM (VALUES a,
    // 3) s(x) UNION ALL SELECT 1)`: true; with a WHERE in that branch NOT_SUPPORTED; corr34, asked of the shared Trino).
    const values = unfilteredValuesCorrelation(clausesOf(branch.items), references);
    return references.map((r) => ({ r, selected: values || tokenIn(selectList, r.at) }));
  });
  if (found.length === 0) return undefined;
  if (exists && branches.every((b) => b.operator === undefined || b.operator === 'UNION ALL') && found.every((f) => f.selected)) return undefined;
  return found[0].r;
}

/**
 * Whether the set operation `relation` (branches of SELECT and FROM only) is the only relation of its level's FROM
 * clause (with its alias), the level has no clause but SELECT and FROM, and its select list reads no column (names only of calls: `count(*)`, `count(1)`): Trino 476 prunes
 * the relation's columns, so a correlated UNION ALL there plans as under EXISTS (`(SELECT count(*) FROM (SELECT x FROM
 * (VALUES a, 3) s(x) UNION ALL SELECT 1))`: 3; with `sum(x)`, a WHERE over it or UNION NOT_SUPPORTED; corr37, asked).
 */
function columnsUnread(items: readonly Node[], relation: GroupNode): boolean {
  const branches = setOperationBranches(relation.items);
  if (!branches?.every((b) => [...clausesOf(b.items).keys()].every((c) => c === 'SELECT' || c === 'FROM'))) return false;
  const clauses = clausesOf(items);
  if (![...clauses.keys()].every((c) => c === 'SELECT' || c === 'FROM')) return false;
  const from = meaningful(clauses.get('FROM') ?? []);
  if (from[0] !== relation || from.slice(1).some((n) => !(isNameToken(n) || nodeKeyword(n) === 'AS' || (isParen(n) && !isQuery(n))))) return false;
  const readsColumn = (nodes: readonly Node[]): boolean => {
    const list = meaningful(nodes);
    return list.some((n, j) =>
      n.kind === 'group'
        ? isQuery(n) || readsColumn(n.items)
        : isNameToken(n) && !isParen(list[j + 1]) && nodeKeyword(n) !== 'AS' && nodeKeyword(list[j - 1]) !== 'AS',
    );
  };
  const select = clausesOf(items).get('SELECT') ?? [];
  return !readsColumn(select) && !meaningful(select).some((n) => isPunct(n, '*'));
}

/**
 * A derived table in the subquery's FROM whose select list reads the outer row (`(SELECT max(x) FROM (SELECT a)
 * s(x))`, `(SELECT x FROM (SELECT a) s(x) WHERE x > 1)`, `(SELECT count(a) FROM (SELECT * FROM (VALUES (v, 3)) y(a,
 * c)))`): Trino 476 fails with NOT_SUPPORTED where the subquery aggregates, filters (WHERE) or groups by a column the
 * outer value fills, or selects it beside any WHERE; `count(*)`, `max(c)` of a constant column, `… WHERE y = 1` over a
 * constant column and an unfiltered `x + 1` plan (asked of the shared Trino). DuckDB answered.
 */
function filteredDerivedColumn(query: GroupNode, here: ReadonlySet<string>, hereColumns: ReadonlySet<string>): (OuterReference & { why: string }) | undefined {
  if (setOperationBranches(query.items)) return undefined;
  const clauses = clausesOf(query.items);
  const select = clauses.get('SELECT') ?? [];
  const where = clauses.get('WHERE') ?? [];
  const filled = filledColumns(meaningful(clauses.get('FROM') ?? []), here, hereColumns);
  if (filled.size === 0) return undefined;
  const read = (nodes: readonly Node[]) => nameTokens(nodes).find((t) => filled.has(identifierName(t).toLowerCase()));
  const at = (t: Token, why: string) => ({ ...(filled.get(identifierName(t).toLowerCase()) as OuterReference), why });
  const aggregated = nameTokens(select).find((t) => filled.has(identifierName(t).toLowerCase()) && inAggregate(select, t));
  if (aggregated) return at(aggregated, 'aggregates');
  const filtered = read(where);
  if (filtered) return at(filtered, 'filters (WHERE) on');
  const grouped = read(clauses.get('GROUP') ?? []);
  if (grouped) return at(grouped, 'groups by');
  const selected = clauses.has('WHERE') ? read(select) : undefined;
  if (selected) return at(selected, 'filters (WHERE) and selects');
  return undefined;
}

/**
 * The first column that `query`, or a subquery inside it, reads from a relation named in `names` or by an unqualified
 * name in `columns`, where no level in between has a relation of that name or shows such a column (unqualified names
 * are not followed below a level whose columns are unknown). Unlike readsOutside, a column of a level inside `query`
 * does not count.
 */
function readsNames(query: GroupNode, names: ReadonlySet<string>, columns: ReadonlySet<string>): OuterReference | undefined {
  const { own, ownColumns, visible, visibleColumns } = scopeBelow(query, names, columns);
  const found = outerReferences(query.items, own, visible, visibleColumns, ownColumns)[0];
  if (found) return found;
  for (const nested of subqueriesIn(query.items)) {
    const reference = readsNames(nested, visible, visibleColumns);
    if (reference) return reference;
  }
  return undefined;
}

/**
 * What `query` itself names (its relations, and its columns where they are known; a level without FROM has none) and
 * which of the enclosing `names` and `columns` stay visible below it (those it does not hide).
 */
function scopeBelow(query: GroupNode, names: ReadonlySet<string>, columns: ReadonlySet<string>) {
  const own = relationNames(query.items);
  const ownColumns = levelColumns(query.items).all ?? (clausesOf(query.items).has('FROM') ? undefined : new Set<string>());
  const visible = new Set([...names].filter((n) => !own.has(n)));
  const visibleColumns = ownColumns === undefined ? new Set<string>() : new Set([...columns].filter((c) => !ownColumns.has(c)));
  return { own, ownColumns, visible, visibleColumns };
}

/**
 * A subquery in the WHERE, HAVING or ORDER BY of the subquery `query` that reads a column of a query enclosing `query`
 * (`(SELECT max(b) FROM u WHERE b < (SELECT t.a))`, `… WHERE EXISTS (SELECT 1 FROM v WHERE c > t.a)`, `(SELECT 1
 * WHERE EXISTS (…))`, `ORDER BY (SELECT t.a) LIMIT 1`, `b > (SELECT 1 WHERE t.a > 0)`): Trino 476 fails with
 * NOT_SUPPORTED, scalar, EXISTS and LATERAL alike; a nested subquery reading only `query`'s own columns, or the outer
 * column read outside the nested subquery (`b < t.a + (SELECT 1)`), plans (asked of the shared Trino). DuckDB answered.
 * Unqualified names count only where `query`'s relations show their columns and have none of that name.
 */
function nestedOuterReferenceInFilter(query: GroupNode, here: ReadonlySet<string>, hereColumns: ReadonlySet<string>): OuterReference | undefined {
  if (setOperationBranches(query.items)) return undefined;
  const clauses = clausesOf(query.items);
  const { visible: names, visibleColumns: columns } = scopeBelow(query, here, hereColumns);
  for (const clause of ['WHERE', 'HAVING', 'ORDER']) {
    for (const nested of subqueriesIn(clauses.get(clause) ?? [])) {
      const reference = readsNames(nested, names, columns);
      if (reference) return reference;
    }
  }
  return undefined;
}

/**
 * A subquery in the select list of the subquery `query` that aggregates to one row over a FROM, reading a column of a
 * query enclosing `query` by an unqualified name (`(SELECT (SELECT a) + max(b) FROM (VALUES 1, 2) u(b))`, `max(b) +
 * (SELECT a + 1)`, `max(b) + (SELECT max(c) FROM w WHERE c < a)`): Trino 476 fails with NOT_SUPPORTED, scalar, IN and
 * LATERAL alike; EXISTS and a subquery without FROM (`(SELECT (SELECT a) + count(*))`) plan (asked of the shared
 * Trino). DuckDB answered. The qualified `t.a` is unplannedReason's (its outer references reach nested subqueries;
 * unqualified ones do not). Unqualified names count only where `query`'s relations show their columns.
 */
function nestedOuterReferenceBesideAggregate(query: GroupNode, here: ReadonlySet<string>, hereColumns: ReadonlySet<string>): OuterReference | undefined {
  if (setOperationBranches(query.items)) return undefined;
  const clauses = clausesOf(query.items);
  const select = clauses.get('SELECT') ?? [];
  if (!clauses.has('FROM') || clauses.has('GROUP') || !hasOuterAggregate(select.map(nodeText).join(' '))) return undefined;
  const { visible: names, visibleColumns: columns } = scopeBelow(query, here, hereColumns);
  for (const nested of subqueriesIn(select)) {
    const reference = readsNames(nested, names, columns);
    if (reference) return reference;
  }
  return undefined;
}

/** Whether a VALUES row is one value `CAST(… AS ROW(…))` or TRY_CAST, in parentheses or not. */
function castToRow(row: readonly Node[]): boolean {
  let value = meaningful(row);
  while (value.length === 1 && isParen(value[0]) && splitArgs(value[0].items).length === 1) value = meaningful(value[0].items);
  if (value.length !== 2 || !['CAST', 'TRY_CAST'].includes(nodeKeyword(value[0])) || !isParen(value[1])) return false;
  const inner = meaningful(value[1].items);
  const as = inner.findIndex((n) => nodeKeyword(n) === 'AS');
  return as > 0 && nodeKeyword(inner[as + 1]) === 'ROW';
}

/**
 * The VALUES relation m[k] (of `items`) with a row that casts a value to a row type reading the outer row
 * (`CROSS JOIN LATERAL (VALUES CAST(ROW(a) AS ROW(f1 integer))) u(x)`, `TRY_CAST`, two fields, LEFT JOIN LATERAL … ON
 * true, `(SELECT x FROM (VALUES CAST(ROW(t.a) AS ROW(f1 integer))) u(x))`): Trino 476 expands the row into a column per
 * field and fails with NOT_SUPPORTED; DuckDB answered. Trino answers where nothing reads the VALUES' columns
 * (`count(*)`, EXISTS), a row of several values holding the cast (`(CAST(ROW(a) AS …), 1)`), `ROW(CAST(…))` and
 * `ROW(a)` (corr36, asked of the shared Trino). Refused under LATERAL, and in FROM where the level's select list names
 * the VALUES' alias, one of its columns or `*`.
 */
function correlatedCastRowValues(
  m: readonly Node[],
  k: number,
  items: readonly Node[],
  here: ReadonlySet<string>,
  hereColumns: ReadonlySet<string>,
  underExists: boolean,
): OuterReference | undefined {
  const node = m[k] as GroupNode;
  const rows = splitArgs(meaningful(node.items).slice(1));
  if (!rows.some(castToRow)) return undefined;
  const reference = outerReferences(node.items, new Set(), here, hereColumns, new Set())[0];
  if (!reference) return undefined;
  if (nodeKeyword(m[k - 1]) === 'LATERAL') return reference;
  // EXISTS (SELECT x FROM (VALUES CAST(ROW(t.a) AS …)) u(x)) answers in Trino (true).
  if (underExists) return undefined;
  const aliasAt = nodeKeyword(m[k + 1]) === 'AS' ? k + 2 : k + 1;
  const alias = m[aliasAt];
  const names = new Set<string>();
  if (alias?.kind === 'token' && isNameToken(alias)) names.add(nameOf(alias));
  const list = m[aliasAt + 1];
  if (isParen(list)) for (const n of meaningful(list.items)) if (isNameToken(n)) names.add(nameOf(n));
  const select = clausesOf(items).get('SELECT') ?? [];
  // A star of the select list (not count(*)'s) reads every column.
  const readsValues = (nodes: readonly Node[], top: boolean): boolean =>
    meaningful(nodes).some((n) =>
      n.kind === 'group' ? !isQuery(n) && readsValues(n.items, false) : (top && isPunct(n, '*')) || (isNameToken(n) && names.has(nameOf(n))),
    );
  return readsValues(select, true) ? reference : undefined;
}

/**
 * A subquery with a FROM in the select list of the subquery `query` (which has a FROM) that reads a column of a query
 * enclosing `query`, qualified or not (`(SELECT (SELECT max(c) FROM w WHERE c < a) + b FROM (VALUES 1) u(b))`,
 * `(SELECT c FROM (VALUES 5) w(c) WHERE c < t.a) + b`, `b + (…)`, `LATERAL (SELECT (…) AS x FROM (VALUES 1, 2) u(b))`,
 * `… FROM (VALUES 1) u(b) WHERE b = 1`, `… ORDER BY b LIMIT 1`): Trino 476 fails with NOT_SUPPORTED (or
 * GENERIC_INTERNAL_ERROR where the nested subquery also reads `query`'s column: `WHERE c < a + b`); it plans only
 * where `query` is a bare one-row VALUES whose columns nothing reads (`(SELECT (…) + 1 FROM (VALUES 1) u(b))`, `(…) *
 * 2`, `(…)` alone), and under EXISTS; a nested subquery without FROM (`(SELECT a) + b`) plans unless it aggregates
 * (`(SELECT count(*) + t.a) + b … WHERE b = 1` fails; over a bare one-row VALUES it plans, also where `query`'s
 * columns are read: corr37) (corr36, asked of the shared Trino). DuckDB answered.
 */
function nestedCorrelatedSelectWithFrom(query: GroupNode, here: ReadonlySet<string>, hereColumns: ReadonlySet<string>): OuterReference | undefined {
  if (setOperationBranches(query.items)) return undefined;
  const clauses = clausesOf(query.items);
  if (!clauses.has('FROM')) return undefined;
  const select = clauses.get('SELECT') ?? [];
  const { own, ownColumns, visible: names, visibleColumns: columns } = scopeBelow(query, here, hereColumns);
  const bare = [...clauses.keys()].every((c) => c === 'SELECT' || c === 'FROM') && fromOneValuesRow(clauses.get('FROM') ?? []);
  const ownSet = ownColumns ?? new Set<string>();
  const readsOwn = (): boolean =>
    outerReferences(select, new Set(), own, ownSet, new Set()).length > 0 || subqueriesIn(select).some((n) => readsNames(n, own, ownSet) !== undefined);
  for (const nested of subqueriesIn(select)) {
    // An aggregate makes a nested subquery without FROM a query of its own too (`(SELECT count(*) + t.a) + b`).
    const nestedClauses = clausesOf(nested.items);
    const withFrom = nestedClauses.has('FROM');
    if (!withFrom && !hasAggregate((nestedClauses.get('SELECT') ?? []).map(nodeText).join(' '))) continue;
    const reference = readsNames(nested, names, columns);
    // Over a bare one-row VALUES, an aggregating one without FROM plans also where `query`'s columns are read
    // (`(SELECT (SELECT count(*) + t.a) + b FROM (VALUES 1) u(b))`, `b * (…)`, `count(*) + t.a + b`: Trino 476
    // answers, asked by corr37); one with a FROM does not.
    if (reference && (!bare || (withFrom && readsOwn()))) return reference;
  }
  return undefined;
}

/**
 * A derived table of the subquery's FROM that reads the outer row other than in its own select list (its WHERE or
 * HAVING, or a derived table or subquery inside it, at any depth), where the subquery's FROM has another relation
 * (any join, a comma, a LATERAL): `LATERAL (SELECT w.b, v.c FROM (SELECT u.b FROM u WHERE u.b <= t.a) w LEFT JOIN
 * (VALUES 2, 3) v(c) ON w.b = v.c)`. Trino 476 fails with NOT_SUPPORTED under LEFT, RIGHT, inner and CROSS joins,
 * either side, an equality or a constant filter on the outer row (`WHERE t.a > 1`), an aggregating or DISTINCT derived
 * table, scalar, EXISTS and LEFT JOIN LATERAL; the derived table alone, or the filter moved to the subquery's WHERE,
 * plans (asked of the shared Trino). DuckDB answered.
 */
function joinedFilteredDerivedTable(query: GroupNode, here: ReadonlySet<string>, hereColumns: ReadonlySet<string>): OuterReference | undefined {
  if (setOperationBranches(query.items)) return undefined;
  const m = meaningful(query.items);
  const relations = fromRelations(m);
  if (relations.length < 2) return undefined;
  for (const { at } of relations) {
    const relation = m[at];
    if (!isParen(relation) || !isQuery(relation) || setOperationBranches(relation.items)) continue;
    const inner = meaningful(relation.items);
    const selectAt = inner.findIndex((n) => nodeKeyword(n) === 'SELECT');
    const fromAt = inner.findIndex((_n, k) => isFromClause(inner, k));
    if (selectAt < 0) continue;
    // The derived table without its select list: what it reads elsewhere.
    const end = fromAt < 0 ? inner.length : fromAt;
    const unselected: GroupNode = { ...relation, items: [...inner.slice(0, selectAt + 1), ...inner.slice(end)] };
    const reference = readsNames(unselected, here, hereColumns);
    if (reference) return reference;
  }
  return undefined;
}

/**
 * The columns that derived tables and VALUES rows of a FROM clause (`from`) fill with an outer column, by name, each
 * with the outer reference: a select item reading the outer row or a filled column of its own FROM, `SELECT *` over
 * them, a VALUES row's cell (one row), renamed by an alias list; at any depth (`(SELECT max(a) FROM (SELECT * FROM
 * (SELECT * FROM (VALUES (t.v, 3)) y(a, c))))`).
 */
function filledColumns(from: readonly Node[], here: ReadonlySet<string>, hereColumns: ReadonlySet<string>, depth = 0): Map<string, OuterReference> {
  const filled = new Map<string, OuterReference>();
  if (depth > 8) return filled;
  for (let k = 0; k < from.length; k++) {
    const relation = from[k];
    if (!isParen(relation) || !(isQuery(relation) || isValuesRelation(relation))) continue;
    const aliasAt = nodeKeyword(from[k + 1]) === 'AS' ? k + 2 : k + 1;
    const aliasList = isNameToken(from[aliasAt]) && isParen(from[aliasAt + 1]) ? (from[aliasAt + 1] as GroupNode) : undefined;
    const aliases = aliasList ? splitArgs(aliasList.items).map((c) => meaningful(c)[0]) : undefined;
    const columns = relationColumns(relation, here, hereColumns, depth);
    columns?.forEach((column, i) => {
      const alias = aliases?.[i];
      const name = aliases ? (isNameToken(alias) ? nameOf(alias) : undefined) : column.name;
      if (name && column.reference) filled.set(name, column.reference);
    });
  }
  return filled;
}

/** The columns of a derived table or VALUES group in order (see filledColumns); undefined where not known. */
function relationColumns(
  relation: GroupNode,
  here: ReadonlySet<string>,
  hereColumns: ReadonlySet<string>,
  depth: number,
): { name: string | undefined; reference: OuterReference | undefined }[] | undefined {
  if (isValuesRelation(relation)) {
    const rows = splitArgs(meaningful(relation.items).slice(1));
    if (rows.length !== 1) return undefined;
    const references = outerReferences(relation.items, new Set(), here, hereColumns, new Set());
    const row = meaningful(rows[0]);
    const cells = row.length === 1 && isParen(row[0]) ? splitArgs(row[0].items) : [rows[0]];
    return cells.map((cell) => ({ name: undefined, reference: references.find((r) => tokenIn(cell, r.at)) }));
  }
  if (setOperationBranches(relation.items)) return undefined;
  const clauses = clausesOf(relation.items);
  const from = meaningful(clauses.get('FROM') ?? []);
  const ownColumns = levelColumns(relation.items).all ?? (clauses.has('FROM') ? undefined : new Set<string>());
  const references = outerReferences(relation.items, relationNames(relation.items), here, hereColumns, ownColumns);
  const innerFilled = filledColumns(from, here, hereColumns, depth + 1);
  const select = meaningful(clauses.get('SELECT') ?? []).filter((n) => !['DISTINCT', 'ALL'].includes(nodeKeyword(n)));
  if (select.length === 1 && isPunct(select[0], '*')) {
    // `SELECT * FROM (one relation)`: its columns.
    if (from.some((n) => isPunct(n, ',') || nodeKeyword(n) === 'JOIN')) return undefined;
    const inner = from[0];
    if (!isParen(inner)) return undefined;
    const columns = relationColumns(inner, here, hereColumns, depth + 1);
    const aliasAt = nodeKeyword(from[1]) === 'AS' ? 2 : 1;
    const aliasList = isNameToken(from[aliasAt]) && isParen(from[aliasAt + 1]) ? (from[aliasAt + 1] as GroupNode) : undefined;
    const aliases = aliasList ? splitArgs(aliasList.items).map((c) => meaningful(c)[0]) : undefined;
    return columns?.map((column, i) => {
      const alias = aliases?.[i];
      return { name: aliases ? (isNameToken(alias) ? nameOf(alias) : undefined) : column.name, reference: column.reference };
    });
  }
  return splitItems(select).items.map((item) => {
    const inner = nameTokens(item).find((t) => innerFilled.has(identifierName(t).toLowerCase()));
    return {
      name: itemName(meaningful(item))?.toLowerCase(),
      reference: references.find((r) => tokenIn(item, r.at)) ?? (inner ? innerFilled.get(identifierName(inner).toLowerCase()) : undefined),
    };
  });
}

/** Subqueries of an outer join's ON condition already refused (not checked again as correlated subqueries). */
const refusedInOn = new WeakSet<Node>();

/** The subqueries and VALUES groups in `nodes`, outermost first. */
const subqueriesIn = (nodes: readonly Node[]): GroupNode[] =>
  nodes.flatMap((n) => (n.kind !== 'group' ? [] : isQuery(n) || isValuesRelation(n) ? [n as GroupNode] : subqueriesIn(n.items)));

/** `q.c` or `c`: the text of the column reference whose first token is `at` in `nodes`. */
function referenceText(nodes: readonly Node[], at: Token): string | undefined {
  const m = meaningful(nodes);
  for (const [k, node] of m.entries()) {
    if (node.kind === 'group') {
      const found = referenceText(node.items, at);
      if (found) return found;
    } else if (node.token === at) return isPunct(m[k + 1], '.') && m[k + 2] ? `${nodeText(node)}.${nodeText(m[k + 2] as Node)}` : nodeText(node);
  }
  return undefined;
}

/**
 * The first column that `query`, or a subquery inside it, reads from outside `query` (a relation named in `names`, a
 * column in `columns`, or a column of an enclosing level inside `query`).
 */
function readsOutside(query: GroupNode, names: ReadonlySet<string>, columns: ReadonlySet<string>): OuterReference | undefined {
  const own = relationNames(query.items);
  const ownColumns = levelColumns(query.items).all ?? (clausesOf(query.items).has('FROM') ? undefined : new Set<string>());
  const found = outerReferences(query.items, own, names, columns, ownColumns)[0];
  if (found) return found;
  const innerNames = new Set([...names, ...own]);
  const innerColumns = new Set([...columns, ...levelColumns(query.items).some]);
  for (const nested of subqueriesIn(query.items)) {
    const reference = readsOutside(nested, innerNames, innerColumns);
    if (reference) return reference;
  }
  return undefined;
}

/**
 * Trino 476 fails with NOT_SUPPORTED "Reference to column 't.x' from outer scope not allowed in this context" where a
 * subquery in the ON condition of a LEFT, RIGHT or FULL join is correlated at all: it reads a column of either side,
 * of an enclosing query, or (a subquery inside it) of the subquery around it (`LEFT JOIN u ON u.x = (SELECT max(v)
 * FROM s WHERE v = t.x)`, `ON u.x IN (VALUES u.x)`; asked of the shared Trino). DuckDB answered where it plans the
 * join. An uncorrelated subquery there answers in Trino (DuckDB fails on some: "Cannot perform non-inner join on
 * subquery"); INNER JOIN plans correlated ones.
 */
function refuseOuterJoinOnSubqueries(m: readonly Node[], report: Report, names: ReadonlySet<string>, columns: ReadonlySet<string>): void {
  for (let k = 0; k < m.length; k++) {
    if (!['LEFT', 'RIGHT', 'FULL'].includes(nodeKeyword(m[k]))) continue;
    let j = k + 1;
    if (nodeKeyword(m[j]) === 'OUTER') j++;
    if (nodeKeyword(m[j]) !== 'JOIN') continue;
    let on = j + 1;
    while (on < m.length && nodeKeyword(m[on]) !== 'ON' && !AFTER_JOIN_CONDITION.has(nodeKeyword(m[on])) && !isPunct(m[on], ',')) on++;
    if (nodeKeyword(m[on]) !== 'ON') continue;
    let end = on + 1;
    while (end < m.length && !AFTER_JOIN_CONDITION.has(nodeKeyword(m[end])) && !isPunct(m[end], ',')) end++;
    for (const subquery of subqueriesIn(m.slice(on + 1, end))) {
      const reference = readsOutside(subquery, names, columns);
      if (!reference) continue;
      refusedInOn.add(subquery);
      report(
        reference.at,
        'correlated-subquery',
        `Athena fails with NOT_SUPPORTED "Reference to column '${referenceText(subquery.items, reference.at) ?? reference.qualifier}' from outer scope not allowed in this context": a subquery in the ON condition of a ${nodeKeyword(m[k])} JOIN reads a column from outside itself (of the joined relations or an enclosing query); the local engine would answer`,
        'compute the value first as a column of one side (a derived table, or a LATERAL subquery) and compare the columns in ON',
      );
    }
  }
}

/** Whether m[k] is the subquery of `x IN (…)` or of a quantified comparison (`x > ALL (…)`, `= ANY`, `= SOME`). */
function quantifiedOperand(m: readonly Node[], k: number): boolean {
  const word = nodeKeyword(m[k - 1]);
  return word === 'IN' || (['ANY', 'SOME', 'ALL'].includes(word) && COMPARISONS.has(nodeText(m[k - 2] as Node)));
}

/** The outer columns `items` reads: qualified by an enclosing query's relation, or unqualified where `ownColumns` are known. */
function outerReferences(
  items: readonly Node[],
  own: ReadonlySet<string>,
  here: ReadonlySet<string>,
  hereColumns: ReadonlySet<string>,
  // undefined: unknown (a table), and no unqualified name is read as an outer column.
  ownColumns: ReadonlySet<string> | undefined,
): OuterReference[] {
  return [
    ...qualifiedReferences(items).filter((r) => !own.has(r.qualifier) && here.has(r.qualifier)),
    ...(ownColumns === undefined ? [] : unqualifiedOuterReferences(items, ownColumns, hereColumns)),
  ];
}

/**
 * Trino 476 fails with NOT_SUPPORTED where the subquery of IN, ANY, SOME or ALL selects an outer column, aggregated
 * or not, with or without FROM (`k IN (SELECT k)`, `1 > ALL (VALUES k)`, `1 IN (SELECT max(v) + k FROM s)`; asked of
 * the shared Trino); DuckDB answered. A correlation in its WHERE plans.
 */
function reportSelectedUnderQuantifier(reference: OuterReference, report: Report): void {
  report(
    reference.at,
    'correlated-subquery',
    `Athena fails with NOT_SUPPORTED "Given correlated subquery is not supported": the subquery of IN or of a quantified comparison (ANY, SOME, ALL) selects the outer column ${reference.qualifier}${reference.unqualified ? '' : '.…'}; the local engine would answer`,
    "compare with the outer column outside the subquery, or correlate it in the subquery's WHERE",
  );
}

const isValuesRelation = (group: Node): boolean => isParen(group) && nodeKeyword(meaningful(group.items)[0]) === 'VALUES';

/**
 * The relations of one level's FROM clause (each one's first node index and its name, an alias or a table's last
 * name), with whether LATERAL precedes it.
 */
function fromRelations(m: readonly Node[]): { at: number; name: string | undefined; lateral: boolean }[] {
  const relations: { at: number; name: string | undefined; lateral: boolean }[] = [];
  const fromAt = m.findIndex((_n, k) => isFromClause(m, k));
  if (fromAt < 0) return relations;
  let expect = true;
  let lateral = false;
  for (let k = fromAt + 1; k < m.length; k++) {
    const node = m[k];
    const word = nodeKeyword(node);
    if (FROM_ENDS.has(word) || word === 'SELECT') break;
    if (word === 'LATERAL') lateral = true;
    if (word === 'JOIN' || word === 'LATERAL' || isPunct(node, ',')) {
      expect = true;
      continue;
    }
    if (!expect) continue;
    expect = false;
    let end = k;
    if (isNameToken(node) && !isParen(m[k + 1])) while (isPunct(m[end + 1], '.') && isNameToken(m[end + 2])) end += 2;
    else if (isParen(m[k + 1])) end = k + 1;
    if (nodeKeyword(m[end + 1]) === 'WITH' && nodeKeyword(m[end + 2]) === 'ORDINALITY') end += 2;
    const aliasAt = nodeKeyword(m[end + 1]) === 'AS' ? end + 2 : end + 1;
    const alias = m[aliasAt];
    const named = isNameToken(alias) && !NOT_AN_ITEM_ALIAS.has(nodeKeyword(alias)) ? alias : isNameToken(m[end]) ? m[end] : undefined;
    relations.push({ at: k, name: named && isNameToken(named) ? nameOf(named) : undefined, lateral });
    lateral = false;
  }
  return relations;
}

/**
 * A column that the subquery or VALUES m[k], a relation of this level's FROM clause not marked LATERAL, reads from
 * a relation before it in the same FROM clause (`FROM t, (SELECT t.a)`, `FROM t(a) CROSS JOIN (VALUES a)`): Trino 476
 * resolves a derived table's names in the enclosing queries only (COLUMN_NOT_FOUND), DuckDB joins it laterally. A
 * name that an enclosing query's relation also shows resolves there in Trino and is left alone.
 */
function siblingReference(
  items: readonly Node[],
  k: number,
  outer: ReadonlySet<string>,
  outerColumns: ReadonlySet<string>,
  own: ReadonlySet<string>,
  ownColumns: ReadonlySet<string> | undefined,
): Token | undefined {
  const m = meaningful(items);
  const relations = fromRelations(m);
  const self = relations.find((r) => r.at === k);
  if (!self || self.lateral) return undefined;
  // DuckDB resolves only the relations before it (a later one fails there too).
  const before = relations.filter((r) => r.at < k);
  const siblings = new Set(before.flatMap((r) => (r.name === undefined || outer.has(r.name) ? [] : [r.name])));
  const node = m[k] as GroupNode;
  const qualified = qualifiedReferences(node.items).find((r) => siblings.has(r.qualifier) && !own.has(r.qualifier));
  if (qualified) return qualified.at;
  // A subquery without FROM has no columns of its own.
  const columns = ownColumns ?? (isQuery(node) && !clausesOf(node.items).has('FROM') ? new Set<string>() : undefined);
  if (columns === undefined) return undefined;
  const siblingColumns = new Set([...levelColumns(m.slice(0, k)).some].filter((c) => !outerColumns.has(c)));
  return unqualifiedOuterReferences(node.items, columns, siblingColumns)[0]?.at ?? deeperSiblingReference(node.items, new Set(), siblingColumns);
}

/**
 * An unqualified sibling column (`siblingColumns`) read by a subquery nested in the derived table (`FROM t(a), (SELECT
 * * FROM LATERAL (SELECT a))`, `(SELECT * FROM (SELECT a))`): Trino 476 fails with COLUMN_NOT_FOUND there too. A
 * nested subquery sees `visible` (the columns of the levels around it inside the derived table), and a LATERAL one the
 * relations before it; where a level's columns are unknown (a table) the walk stops.
 */
function deeperSiblingReference(items: readonly Node[], visible: ReadonlySet<string>, siblingColumns: ReadonlySet<string>): Token | undefined {
  const m = meaningful(items);
  const relations = fromRelations(m);
  const level = levelColumns(items).all ?? (clausesOf(items).has('FROM') ? undefined : new Set<string>());
  for (const [k, node] of m.entries()) {
    if (node.kind !== 'group') continue;
    if (!isQuery(node)) {
      const found = deeperSiblingReference(node.items, visible, siblingColumns);
      if (found) return found;
      continue;
    }
    const relation = relations.find((r) => r.at === k);
    const around = relation
      ? relation.lateral && relations.some((r) => r.at < k)
        ? levelColumns(m.slice(0, k)).all && new Set([...visible, ...(levelColumns(m.slice(0, k)).all ?? [])])
        : visible
      : level && new Set([...visible, ...level]);
    const own = levelColumns(node.items).all ?? (clausesOf(node.items).has('FROM') || setOperationBranches(node.items) ? undefined : new Set<string>());
    if (!around || !own) continue;
    const seen = new Set([...around, ...own]);
    const found = unqualifiedOuterReferences(node.items, seen, siblingColumns)[0]?.at ?? deeperSiblingReference(node.items, around, siblingColumns);
    if (found) return found;
  }
  return undefined;
}

/** Words in expressions that are no column: keywords, literal prefixes, interval units. */
const NOT_A_COLUMN = new Set(
  'ARRAY MAP ROW NULL TRUE FALSE CASE WHEN THEN ELSE END AND OR NOT IS IN BETWEEN LIKE ESCAPE DISTINCT AS CAST TRY_CAST INTERVAL DATE TIME TIMESTAMP DECIMAL DOUBLE REAL JSON UUID IPADDRESS X YEAR MONTH DAY HOUR MINUTE SECOND TO ZONE AT'.split(
    ' ',
  ),
);

/** The first column read in `nodes` (at any depth): not a call's name, a literal's type, a lambda's parameter or a CAST's type. */
function firstColumn(nodes: readonly Node[], lambdaParameters: ReadonlySet<string> = new Set()): Token | undefined {
  const m = meaningful(nodes);
  const parameters = new Set(lambdaParameters);
  m.forEach((node, k) => {
    if (!isPunct(m[k + 1], '->')) return;
    if (isNameToken(node)) parameters.add(nameOf(node));
    else if (isParen(node)) for (const p of meaningful(node.items)) if (isNameToken(p)) parameters.add(nameOf(p));
  });
  for (let k = 0; k < m.length; k++) {
    const node = m[k];
    if (isQuery(node)) continue; // its own columns; a correlated one is checked apart (correlatedInUnnest)
    if (node.kind === 'group') {
      const found = firstColumn(node.items, parameters);
      if (found) return found;
      continue;
    }
    if (nodeKeyword(node) === 'AS') return undefined; // a CAST's type ends its group
    if (!isNameToken(node) || isPunct(m[k - 1], '.') || isPunct(m[k + 1], '->')) continue;
    const next = m[k + 1];
    const call = isParen(next);
    const typedLiteral = next?.kind === 'token' && next.token.kind === 'string';
    if (call || typedLiteral || NOT_A_COLUMN.has(nodeKeyword(node)) || parameters.has(nameOf(node))) continue;
    return node.token;
  }
  return undefined;
}

/**
 * The outer column an UNNEST of `query`'s FROM reads: any column of its first relation's UNNEST, or a qualified
 * outer column (`correlated`) in a later one's arguments.
 */
function unnestedOuterColumn(query: GroupNode, correlated: readonly { at: Token; qualifier: string }[]): Token | undefined {
  const from = meaningful(clausesOf(query.items).get('FROM') ?? []);
  for (let k = 0; k < from.length; k++) {
    if (nodeKeyword(from[k]) !== 'UNNEST' || !isParen(from[k + 1])) continue;
    const args = (from[k + 1] as GroupNode).items;
    const column = k === 0 ? firstColumn(args) : correlated.find((r) => tokenIn(args, r.at))?.at;
    if (column) return column;
  }
  return undefined;
}

/** A subquery inside the arguments of an UNNEST of `query`'s FROM that reads an outer column (names in `outer`). */
function correlatedInUnnest(query: GroupNode, outer: ReadonlySet<string>): Token | undefined {
  const from = meaningful(clausesOf(query.items).get('FROM') ?? []);
  for (let k = 0; k < from.length; k++) {
    if (nodeKeyword(from[k]) !== 'UNNEST' || !isParen(from[k + 1])) continue;
    for (const inner of queriesIn((from[k + 1] as GroupNode).items)) {
      const own = relationNames(inner.items);
      const qualified = qualifiedReferences(inner.items).filter((r) => !own.has(r.qualifier) && outer.has(r.qualifier));
      const at = unnestedOuterColumn(inner, qualified) ?? qualified[0]?.at;
      if (at) return at;
    }
  }
  return undefined;
}

/** The subqueries in `nodes`, outermost first. */
const queriesIn = (nodes: readonly Node[]): GroupNode[] => nodes.flatMap((n) => (n.kind !== 'group' ? [] : isQuery(n) ? [n as GroupNode] : queriesIn(n.items)));

/** Refuses a subquery over UNNEST of an outer column (read at `at`) in a form Trino 476 does not plan (see above). */
function checkUnnestCorrelated(query: GroupNode, at: Token, underIn: boolean, report: Report): void {
  const clauses = clausesOf(query.items);
  const from = meaningful(clauses.get('FROM') ?? []);
  const groupKeys = meaningful(clauses.get('GROUP') ?? []).filter((n) => nodeKeyword(n) !== 'BY' && !(isParen(n) && meaningful(n.items).length === 0));
  const why = underIn
    ? 'an IN subquery reads UNNEST of an outer column'
    : from.some((n) => isPunct(n, ',') || nodeKeyword(n) === 'JOIN')
      ? 'a subquery joins UNNEST of an outer column with another relation'
      : firstColumn(clauses.get('WHERE') ?? [])
        ? 'a subquery over UNNEST of an outer column has a WHERE clause'
        : (clauses.get('SELECT') ?? []).some((n) => nodeKeyword(n) === 'FILTER')
          ? 'an aggregate with FILTER over UNNEST of an outer column'
          : groupKeys.length > 0 || clauses.has('HAVING')
            ? 'a subquery over UNNEST of an outer column has GROUP BY keys or a HAVING'
            : (clauses.get('SELECT') ?? []).some((n) => nodeKeyword(n) === 'OVER')
              ? 'a subquery over UNNEST of an outer column holds a window function'
              : undefined;
  if (why)
    report(
      at,
      'correlated-subquery',
      `Athena fails with NOT_SUPPORTED "Given correlated subquery is not supported": ${why} (trinodb/trino#7223); the local engine would answer`,
      'use the array functions on the column instead (cardinality(filter(a, x -> x > 0)), reduce, array_max(filter(…))), or CROSS JOIN UNNEST in the outer query and GROUP BY its key',
    );
}

function checkCorrelated(query: GroupNode, exists: boolean, correlated: readonly OuterReference[], report: Report, underIn = false, inner = false): void {
  const groupKey = correlated.find((r) => tokenIn(clausesOf(query.items).get('GROUP') ?? [], r.at));
  if (groupKey) {
    report(
      groupKey.at,
      'correlated-subquery',
      'Athena fails where a subquery groups by a column of an enclosing query (EXISTS and LATERAL too): GENERIC_INTERNAL_ERROR "Grouping field … should originate from …" for the column, NOT_SUPPORTED "Given correlated subquery is not supported" for an expression of it; the local engine would answer',
      'leave the outer column out of GROUP BY: it is one value for each run of the subquery',
    );
    return;
  }
  const unplanned = correlatedValuesReason(query, correlated, underIn, exists) ?? unplannedReason(query, exists, correlated, underIn, inner);
  if (unplanned)
    report(
      unplanned.at,
      'correlated-subquery',
      `Athena fails with NOT_SUPPORTED "Given correlated subquery is not supported": ${unplanned.why}; the local engine would answer`,
      'join the subquery instead: aggregate it by its key (GROUP BY) and LEFT JOIN it on the key, or use a window function over the outer query',
    );
}

const AFTER_JOIN_CONDITION = new Set([...FROM_ENDS, 'JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'NATURAL']);

/**
 * Whether the relation m[k] (a LATERAL subquery) is joined ON a condition other than TRUE: Trino 476 plans a LATERAL
 * projection of the outer row (`LATERAL (SELECT t.k AS j) u`) under CROSS JOIN, a comma or ON TRUE, and fails under
 * `ON t.k = u.j` (asked of the shared Trino).
 */
function joinedOnCondition(m: readonly Node[], k: number): boolean {
  let j = k + 1;
  if (nodeKeyword(m[j]) === 'AS') j++;
  if (isNameToken(m[j]) && nodeKeyword(m[j]) !== 'ON') j++;
  if (isParen(m[j])) j++;
  if (nodeKeyword(m[j]) !== 'ON') return false;
  let end = j + 1;
  while (end < m.length && !AFTER_JOIN_CONDITION.has(nodeKeyword(m[end])) && !isPunct(m[end], ',')) end++;
  let condition = m.slice(j + 1, end);
  while (condition.length === 1 && isParen(condition[0])) condition = meaningful(condition[0].items);
  return !(condition.length === 1 && nodeKeyword(condition[0]) === 'TRUE');
}

/**
 * Whether the relation m[k] is a LATERAL subquery joined as an inner join without a condition: `CROSS JOIN LATERAL`,
 * `, LATERAL`, `[INNER] JOIN LATERAL … ON TRUE` (not LEFT, RIGHT or FULL).
 */
function innerLateral(m: readonly Node[], k: number): boolean {
  if (nodeKeyword(m[k - 1]) !== 'LATERAL') return false;
  if (isPunct(m[k - 2], ',')) return true;
  if (nodeKeyword(m[k - 2]) !== 'JOIN' || ['LEFT', 'RIGHT', 'FULL', 'OUTER'].includes(nodeKeyword(m[k - 3]))) return false;
  return !joinedOnCondition(m, k);
}

/** The name tokens of `nodes`, at any depth. */
const nameTokens = (nodes: readonly Node[]): Token[] =>
  meaningful(nodes).flatMap((n) => (n.kind === 'group' ? nameTokens(n.items) : isNameToken(n) ? [n.token] : []));

/**
 * A VALUES relation of the subquery's FROM reading an outer column (`(SELECT max(a) FROM (VALUES (t.v, 3)) y(a, c))`):
 * Trino 476 plans it only as a projection of the outer row: one row, the subquery's only relation, no WHERE, not under
 * IN, and no aggregate over a column the outer value fills (`max(c)`, `count(*)` plan); under EXISTS, anything without a
 * WHERE, HAVING or ON. Anything else fails with
 * NOT_SUPPORTED "Given correlated subquery is not supported" (asked of the shared Trino); DuckDB answered.
 */
function correlatedValuesReason(
  query: GroupNode,
  correlated: readonly OuterReference[],
  underIn: boolean,
  exists = false,
): { at: Token; why: string } | undefined {
  const clauses = clausesOf(query.items);
  const from = meaningful(clauses.get('FROM') ?? []);
  // EXISTS over correlated VALUES that nothing filters (no WHERE, HAVING or ON) plans, with several rows, an aggregate,
  // a comma or CROSS JOIN, GROUP BY, LIMIT (`EXISTS (SELECT * FROM (VALUES a, 3) s(x))`: true; asked of the shared Trino).
  if (exists && !clauses.has('WHERE') && !clauses.has('HAVING') && !from.some((n) => nodeKeyword(n) === 'ON')) return undefined;
  const at = from.findIndex((n) => isParen(n) && nodeKeyword(meaningful(n.items)[0]) === 'VALUES' && correlated.some((r) => tokenIn(n.items, r.at)));
  if (at < 0) return starOverCorrelatedValues(query, from, correlated);
  const values = from[at] as GroupNode;
  const reference = correlated.find((r) => tokenIn(values.items, r.at)) as OuterReference;
  const why = (what: string) => ({
    at: reference.at,
    why: `a subquery reads the outer column ${reference.qualifier}${reference.unqualified ? '' : '.…'} in a VALUES row ${what}`,
  });
  const rows = splitArgs(meaningful(values.items).slice(1));
  if (rows.length !== 1) return why('beside other rows');
  if (from.some((n) => isPunct(n, ',') || nodeKeyword(n) === 'JOIN')) return why('joined to another relation');
  if (clauses.has('WHERE')) return why('it filters (WHERE)');
  if (underIn) return why('under IN or a quantified comparison');
  // The columns the outer values fill: the alias list's names at the positions of the row's correlated values.
  const row = meaningful(rows[0]);
  const cells = row.length === 1 && isParen(row[0]) ? splitArgs(row[0].items) : [rows[0]];
  const aliasList = from.slice(at + 1).find((n) => isParen(n)) as GroupNode | undefined;
  const names = aliasList ? splitArgs(aliasList.items).map((c) => meaningful(c)[0]) : [];
  const filled = new Set(
    cells.flatMap((cell, k) => {
      const name = names[k];
      return correlated.some((r) => tokenIn(cell, r.at)) && isNameToken(name) ? [nameOf(name)] : [];
    }),
  );
  const select = clauses.get('SELECT') ?? [];
  if (nameTokens(select).some((t) => filled.has(identifierName(t).toLowerCase()) && inAggregate(select, t))) return why('that an aggregate reads');
  return undefined;
}

/**
 * `(SELECT max(a) FROM (SELECT * FROM (VALUES (t.v, 3)) y(a, c)))`: the correlated VALUES row one subquery further in,
 * shown by its star, and aggregated here over a column the outer value fills: Trino 476 fails with NOT_SUPPORTED (the
 * inner level alone is a projection it plans); DuckDB answered. `max(c)` of the constant column plans.
 */
function starOverCorrelatedValues(query: GroupNode, from: readonly Node[], correlated: readonly OuterReference[]): { at: Token; why: string } | undefined {
  const inner = from.find((n): n is GroupNode => isQuery(n) && correlated.some((r) => tokenIn((n as GroupNode).items, r.at)));
  if (!inner) return undefined;
  const innerClauses = clausesOf(inner.items);
  if (!(innerClauses.get('SELECT') ?? []).every((n) => isPunct(n, '*'))) return undefined;
  const innerFrom = meaningful(innerClauses.get('FROM') ?? []);
  const at = innerFrom.findIndex((n) => isParen(n) && nodeKeyword(meaningful(n.items)[0]) === 'VALUES' && correlated.some((r) => tokenIn(n.items, r.at)));
  if (at < 0) return undefined;
  const rows = splitArgs(meaningful((innerFrom[at] as GroupNode).items).slice(1));
  if (rows.length !== 1) return undefined;
  const row = meaningful(rows[0]);
  const cells = row.length === 1 && isParen(row[0]) ? splitArgs(row[0].items) : [rows[0]];
  const aliasList = innerFrom.slice(at + 1).find((n) => isParen(n)) as GroupNode | undefined;
  const names = aliasList ? splitArgs(aliasList.items).map((c) => meaningful(c)[0]) : [];
  const filled = new Set(
    cells.flatMap((cell, k) => (correlated.some((r) => tokenIn(cell, r.at)) && isNameToken(names[k]) ? [nameOf(names[k] as Node & { kind: 'token' })] : [])),
  );
  const select = clausesOf(query.items).get('SELECT') ?? [];
  const aggregated = nameTokens(select).find((t) => filled.has(identifierName(t).toLowerCase()) && inAggregate(select, t));
  if (!aggregated) return undefined;
  const reference = correlated.find((r) => tokenIn(inner.items, r.at)) as OuterReference;
  return {
    at: reference.at,
    why: `a subquery aggregates a column that the outer column ${reference.qualifier}${reference.unqualified ? '' : '.…'} fills in a VALUES row one subquery further in`,
  };
}

/**
 * A grouped subquery's WHERE term that reads an outer column, is no equality and reads a column of the subquery that is
 * no GROUP BY key (`EXISTS (SELECT 1 FROM s WHERE s.b < t.b GROUP BY s.a)`, also scalar): Trino 476 cannot pull it
 * above the aggregation and fails with NOT_SUPPORTED; `s.a < t.b` and `s.b = t.b` plan (asked of the shared Trino).
 */
function ungroupedCorrelation(clauses: ReadonlyMap<string, Node[]>, correlated: readonly OuterReference[]): OuterReference | undefined {
  const group = clauses.get('GROUP');
  const where = clauses.get('WHERE');
  if (!group || !where) return undefined;
  const keys = new Set(
    splitArgs(meaningful(group).slice(1)).flatMap((key) => {
      const m = meaningful(key);
      const last = m[m.length - 1];
      return isNameToken(last) && m.every((n, k) => (k % 2 === 0 ? isNameToken(n) : isPunct(n, '.'))) ? [nameOf(last)] : [];
    }),
  );
  for (const term of andTerms(where)) {
    const reference = correlated.find((r) => tokenIn(term, r.at));
    if (!reference || term.some((n) => isPunct(n, '=')) || term.some((n) => nodeKeyword(n) === 'OR')) continue;
    if (ownColumnNames(term, correlated).some((c) => !keys.has(c))) return reference;
  }
  return undefined;
}

/** The names of the columns `nodes` reads that are no outer references (the last name of `s.b`, a bare `b`). */
function ownColumnNames(nodes: readonly Node[], correlated: readonly OuterReference[]): string[] {
  const m = meaningful(nodes);
  return m.flatMap((node, k): string[] => {
    if (node.kind === 'group') return isQuery(node) ? [] : ownColumnNames(node.items, correlated);
    if (!isNameToken(node) || isPunct(m[k + 1], '.') || isParen(m[k + 1]) || NOT_A_COLUMN.has(nodeKeyword(node))) return [];
    if (correlated.some((r) => r.at === node.token)) return [];
    // `t2.b` of an outer relation t2: its qualifier is the reference.
    const qualifier = isPunct(m[k - 1], '.') ? m[k - 2] : undefined;
    if (qualifier?.kind === 'token' && correlated.some((r) => r.at === qualifier.token)) return [];
    return [nameOf(node)];
  });
}

/** Why Trino 476 cannot plan the correlated subquery, at which outer column; undefined when it can. */
/**
 * A FROM of one VALUES row (`FROM (VALUES 1) u(y)`): Trino 476 plans a subquery over it that selects an outer column
 * (`(SELECT t.x + y FROM (VALUES 1) u(y))` answers; with two rows, or a WHERE, it is NOT_SUPPORTED).
 */
function fromOneValuesRow(from: readonly Node[]): boolean {
  const [relation] = meaningful(from);
  if (!isParen(relation)) return false;
  const inner = meaningful(relation.items);
  return nodeKeyword(inner[0]) === 'VALUES' && splitArgs(inner.slice(1)).length === 1;
}

/**
 * Every relation of the level's FROM clause is a one-row VALUES (not LATERAL), joined by commas, CROSS JOIN or `ON`
 * a condition Trino folds to TRUE: an outer column selected over them plans in Trino 476; a second relation of several
 * rows, `JOIN … ON y = z` or a LEFT JOIN on a condition fail with NOT_SUPPORTED (corr37, asked; DuckDB answered).
 */
function onlyOneRowValues(items: readonly Node[]): boolean {
  const m = meaningful(items);
  const relations = fromRelations(m);
  if (relations.length === 0 || relations.some((r) => r.lateral || !fromOneValuesRow([m[r.at]]))) return false;
  return m.every((n, k) => {
    const word = nodeKeyword(n);
    if (word === 'USING' || word === 'NATURAL') return false;
    if (word !== 'ON') return true;
    let end = k + 1;
    while (end < m.length && !AFTER_JOIN_CONDITION.has(nodeKeyword(m[end])) && !isPunct(m[end], ',')) end++;
    return onlyTrue(m.slice(k + 1, end));
  });
}

/** A GROUP BY of several grouping sets (ROLLUP, CUBE, GROUPING SETS of more than one set); one set plans as GROUP BY. */
function groupsBySeveralSets(group: readonly Node[]): boolean {
  const m = meaningful(group);
  return m.some((node, k) => {
    const word = nodeKeyword(node);
    if (word === 'ROLLUP' || word === 'CUBE') return true;
    const sets = m[k + 1];
    return word === 'SETS' && isParen(sets) && splitArgs(meaningful(sets.items)).length > 1;
  });
}

type Constant = boolean | number | null | undefined;

/**
 * A condition's value where it is made of TRUE, FALSE, NULL, integer literals, comparisons, AND, OR, NOT and
 * parentheses (`WHERE true`, `WHERE (1 = 1 AND NOT false)`, `WHERE 1 < 2 OR NULL`), which Trino folds before it
 * decorrelates; undefined otherwise (a column, a function call: `length('a') = 1` also folds in Trino, refused here).
 */
function constantValue(nodes: readonly Node[]): Constant {
  const m = meaningful(nodes);
  let k = 0;
  const word = () => nodeKeyword(m[k]);
  const primary = (): Constant => {
    const node = m[k++];
    if (node === undefined) return undefined;
    if (isParen(node)) return constantValue(node.items);
    if (node.kind !== 'token') return undefined;
    const w = nodeKeyword(node);
    if (w === 'TRUE' || w === 'FALSE') return w === 'TRUE';
    if (w === 'NULL') return null;
    return node.token.kind === 'number' && /^\d+$/.test(node.token.text) ? Number(node.token.text) : undefined;
  };
  const comparison = (): Constant => {
    const left = primary();
    const op = m[k];
    if (op?.kind !== 'token' || !['=', '<>', '!=', '<', '<=', '>', '>='].includes(op.token.text)) return left;
    k++;
    const right = primary();
    if (left === null || right === null) return null;
    if (typeof left !== 'number' || typeof right !== 'number') return undefined;
    const t = op.token.text;
    return t === '='
      ? left === right
      : t === '<>' || t === '!='
        ? left !== right
        : t === '<'
          ? left < right
          : t === '<='
            ? left <= right
            : t === '>'
              ? left > right
              : left >= right;
  };
  const negation = (): Constant => {
    if (word() !== 'NOT') return comparison();
    k++;
    const v = negation();
    return v === null ? null : typeof v === 'boolean' ? !v : undefined;
  };
  const chain = (keyword: 'AND' | 'OR', operand: () => Constant): Constant => {
    let v = operand();
    while (word() === keyword) {
      k++;
      const w = operand();
      if ((v !== null && typeof v !== 'boolean') || (w !== null && typeof w !== 'boolean')) return undefined;
      v =
        keyword === 'AND'
          ? v === false || w === false
            ? false
            : v === null || w === null
              ? null
              : true
          : v === true || w === true
            ? true
            : v === null || w === null
              ? null
              : false;
    }
    return v;
  };
  const value = chain('OR', () => chain('AND', negation));
  return k === m.length ? value : undefined;
}

/**
 * Whether every outer column the subquery reads (`correlated`) lies in a VALUES relation of its FROM and nothing
 * filters it: no WHERE, HAVING or join ON.
 */
function unfilteredValuesCorrelation(clauses: ReadonlyMap<string, Node[]>, correlated: readonly OuterReference[]): boolean {
  const from = meaningful(clauses.get('FROM') ?? []);
  if (clauses.has('WHERE') || clauses.has('HAVING') || from.some((n) => nodeKeyword(n) === 'ON')) return false;
  const values = from.filter((n) => isValuesRelation(n));
  return correlated.length > 0 && correlated.every((r) => values.some((v) => tokenIn([v], r.at)));
}

/** A condition Trino folds to TRUE (see constantValue). */
export const onlyTrue = (nodes: readonly Node[]): boolean => constantValue(nodes) === true;

function unplannedReason(
  query: GroupNode,
  exists: boolean,
  correlated: readonly OuterReference[],
  underIn = false,
  inner = false,
): { at: Token; why: string } | undefined {
  const clauses = clausesOf(query.items);
  const select = clauses.get('SELECT') ?? [];
  const where = clauses.get('WHERE') ?? [];
  const aggregatesToOneRow = hasAggregate(select.map(nodeText).join(' ')) && !clauses.has('GROUP');
  const first = correlated[0];
  const aggregated = correlated.find((r) => inAggregate(query.items, r.at));
  if (aggregated)
    return { at: aggregated.at, why: `a subquery reads the outer column ${aggregated.qualifier}${aggregated.unqualified ? '' : '.…'} inside an aggregate` };
  if (select.some((n) => nodeKeyword(n) === 'OVER')) return { at: first.at, why: 'a correlated subquery holds a window function' };
  // A subquery in the select list reading the outer row beside an aggregate over a FROM: `(SELECT (SELECT t.a) +
  // max(b) FROM u)`, `LATERAL (…)`, `max(b) + (SELECT max(c) FROM w WHERE c < t.a)` fail in Trino 476 (NOT_SUPPORTED,
  // asked of the shared Trino) where `t.a + max(b)` plans; without FROM (`(SELECT (SELECT t.a) + count(*))`), without
  // aggregate, and under EXISTS it plans. DuckDB answered. Only an aggregate of this level counts: a nested
  // subquery's own (`(SELECT (SELECT max(c) FROM w WHERE c < t.a) FROM (VALUES 1) u(b))`) plans (corr36, asked of the
  // shared Trino; nestedCorrelatedSelectWithFrom refuses where it does not).
  const besideAggregate =
    exists || !hasOuterAggregate(select.map(nodeText).join(' ')) || clauses.has('GROUP') || !clauses.has('FROM')
      ? undefined
      : correlated.find((r) => tokenIn(subqueriesIn(select), r.at));
  if (besideAggregate) return { at: besideAggregate.at, why: 'a subquery in the select list reads the outer row beside an aggregate' };
  const correlatedInWhere = correlated.some((r) => tokenIn(where, r.at));
  if (clauses.has('HAVING') && correlatedInWhere) return { at: first.at, why: 'a subquery correlated in its WHERE has a HAVING clause' };
  const filtered = filteredCorrelatedAggregate(clauses, clausesOf, correlated);
  if (filtered) return { at: filtered.at, why: 'a WHERE filters a derived table that aggregates the correlated rows to one row' };
  const withTies = (clauses.get('FETCH') ?? []).some((n) => nodeKeyword(n) === 'TIES');
  if (withTies && !aggregatesToOneRow) return { at: first.at, why: 'a correlated subquery has FETCH FIRST … WITH TIES and does not aggregate to one row' };
  if (!exists && correlatedInWhere && groupsBySeveralSets(clauses.get('GROUP') ?? []))
    return { at: first.at, why: 'a subquery correlated in its WHERE groups by ROLLUP, CUBE or several GROUPING SETS' };
  // An INNER, CROSS or comma LATERAL joined without a condition plans it (TestCorrelatedAggregation's INNER JOIN
  // LATERAL … GROUP BY value ON TRUE); scalar, EXISTS and LEFT JOIN LATERAL do not.
  const ungrouped = inner ? undefined : ungroupedCorrelation(clauses, correlated);
  if (ungrouped) return { at: ungrouped.at, why: 'a grouped subquery compares an outer column other than by = with a column it does not group by' };
  // LIMIT, FETCH FIRST and OFFSET: correlated-row-limits.ts. EXISTS over correlated VALUES that nothing filters plans
  // them (`EXISTS (SELECT x FROM (VALUES a, 3) s(x) ORDER BY x LIMIT 1)`: true, `OFFSET 2`: false; corr34, asked of the
  // shared Trino), as it plans the VALUES alone (correlatedValuesReason); an OFFSET beside a LIMIT or FETCH FIRST fails.
  const offsetAndLimit = clauses.has('OFFSET') && (clauses.has('LIMIT') || clauses.has('FETCH'));
  const limited =
    aggregatesToOneRow ||
    !clauses.has('FROM') ||
    yieldsOneAggregatedRow(clauses, clausesOf) ||
    (exists && !offsetAndLimit && unfilteredValuesCorrelation(clauses, correlated))
      ? undefined
      : rowLimitReason({ clauses, exists, underIn, correlated, ownColumns: (nodes) => ownColumnNames(nodes, correlated) });
  if (limited) return limited;
  // A subquery without FROM that filters on the outer row and selects it (`(SELECT t.a WHERE t.a = 1)`, `LATERAL
  // (SELECT a * 2 HAVING a > 1)`) fails; with a constant select list it plans (asked of the shared Trino).
  // Selecting the outer row, it fails also under a WHERE or HAVING that does not read it, other than TRUE
  // (`LATERAL (SELECT t.a WHERE false)`, `WHERE 1 = 0`, `WHERE rand() < 2`, `HAVING false`), and under an OFFSET other
  // than 0, where DuckDB answered (no row, or the outer row). Trino plans `WHERE true`, `WHERE (true)`, `HAVING true`,
  // `OFFSET 0` and a WHERE it folds to TRUE (`WHERE 1 = 1`, `WHERE 1 < 2 OR NULL`; constantValue folds literals,
  // comparisons and AND/OR/NOT: `WHERE length('a') = 1`, which Trino folds too, is refused here).
  const selectedOuter = correlated.find((r) => tokenIn(select, r.at));
  const having = clauses.get('HAVING') ?? [];
  const filteredOuter = correlated.some((r) => tokenIn(where, r.at) || tokenIn(having, r.at));
  const offset = meaningful(clauses.get('OFFSET') ?? []);
  const filteredLevel =
    filteredOuter ||
    (clauses.has('WHERE') && !onlyTrue(where)) ||
    (clauses.has('HAVING') && !onlyTrue(having)) ||
    (clauses.has('OFFSET') && !(offset[0]?.kind === 'token' && offset[0].token.text === '0'));
  if (!exists && !aggregatesToOneRow && !clauses.has('FROM') && selectedOuter && filteredLevel)
    return {
      at: selectedOuter.at,
      why: filteredOuter
        ? 'a subquery without FROM filters on the outer row (WHERE, HAVING) and selects an outer column'
        : 'a subquery without FROM selects an outer column under a WHERE or HAVING other than TRUE, or an OFFSET',
    };
  // A subquery without FROM is a projection of the outer row (`LATERAL (SELECT t.k + 1 AS y)`), which plans.
  if (exists || aggregatesToOneRow || !clauses.has('FROM') || (onlyOneRowValues(query.items) && !clauses.has('WHERE'))) return undefined;
  const selected = correlated.find((r) => tokenIn(select, r.at));
  if (selected) return { at: selected.at, why: 'a subquery that does not aggregate to one row selects an outer column' };
  return undefined;
}
