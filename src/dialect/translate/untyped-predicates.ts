// `e IS [NOT] NULL` and `e [NOT] LIKE p` of an expression DuckDB types NULL (Trino's unknown: `element_at(ARRAY[], x)`,
// `ARRAY[NULL][x]`, `CASE WHEN 1 / x > 0 THEN NULL END`): DuckDB folds the predicate into a constant (true, false or
// NULL) without evaluating e, which dropped e's own failure; Trino 476 evaluates e and fails ("SQL array indices start
// at 1", "Array subscript must be less than or equal to array length", DIVISION_BY_ZERO). The operand is retyped as
// column-operands.ts unknownRetyped does (a typed NULL where DuckDB types it NULL, so it is evaluated; the value itself
// where it is typed, the CASE on its type simplified away while binding). Gated as expressions.ts
// untypedArgumentsEvaluated is: only where the statement may hold unknowns, for operands whose text holds NULL, `[]`
// or `MAP()`, not in a subquery that may read outer columns, not over an aggregate.
import { REFUSED_KEY_MARKER } from '../shims/error-messages.js';
import { isColumnName, lambdaParameterName, MAY_BE_UNKNOWN, mayBeUnknownExpression, unknownRetyped } from './column-operands.js';
import { evaluatedBeside } from './evaluated-beside.js';
import { operand, previous, textOf } from './nested-comparisons.js';
import type { Part } from './operators.js';
import { isCase, isParen, isTriviaNode, meaningful, nodeKeyword, nodeText, splitArgs, type Node } from './tree.js';
import { hasAggregate } from './unbound.js';

/** A keyword part's word (NULL is an operand part). */
const word = (parts: readonly Part[], k: number) =>
  k >= 0 && (parts[k].kind === 'boundary' || /^NULL$/i.test(parts[k]?.text ?? '')) ? parts[k].text.toUpperCase() : '';

const mayBeUnknown = (text: string) => MAY_BE_UNKNOWN.test(text) && mayBeUnknownExpression(text) && !hasAggregate(text);

/** The operand [a, b] retyped as `type` where it may be NULL-typed (one part then); how many parts fewer there are. */
function retyped(parts: Part[], range: [number, number] | undefined, type: string, correlatable: boolean): number {
  if (!range) return 0;
  const text = textOf(parts, range).trim();
  if (!mayBeUnknown(text)) return 0;
  const typed = correlatable
    ? `struct_extract_at(row(${text}, CAST(NULL AS ${type})), CASE WHEN typeof([${text}]) = '"NULL"[]' THEN 2 ELSE 1 END)`
    : unknownRetyped(text, true, type, true);
  parts.splice(range[0], range[1] - range[0] + 1, { kind: 'operand', text: typed });
  return range[1] - range[0];
}

export function evaluateUntypedPredicateOperands(parts: Part[], mayHoldUnknown: boolean, correlatable: boolean, evaluated: boolean): void {
  if (!mayHoldUnknown) return;
  for (let i = 0; i < parts.length; i++) {
    const w = word(parts, i);
    if (w === 'IS') {
      if (correlatable && !evaluated && parts[i].evaluatedTest !== true && parts[i].refusedTest !== true && parts[i].havingTest !== true) continue;
      const next = nextWord(parts, i);
      const range = operand(parts, i, -1);
      const text = range ? textOf(parts, range).trim() : '';
      // A bare column of unknown type that its level's UNNEST names (UNNEST(ARRAY[NULL]) t(k), UNNEST(map_keys(MAP()))
      // t(k)) in a filter Trino compiles fails there as an expression does (`WHERE k IS NULL`: COMPILER_ERROR), where
      // DuckDB answered (hunt42). A column of a constant NULL (`WITH c AS (SELECT NULL AS n …)`) Trino folds: it answers.
      const bareColumn =
        parts[i].refusedTest === true && isColumnName(text) && parts[i].unnestColumns?.has(lambdaParameterName(text.split('.').pop() ?? '')) === true;
      // An aggregate (or a scalar subquery's) of unknown type tested in a HAVING term Trino 476 does not fold (`HAVING
      // max(k) IS NULL` of an unknown k from UNNEST, VALUES or `SELECT NULL`, `HAVING max(NULL) IS NOT NULL`,
      // `coalesce(max(k), NULL) IS NULL`): COMPILER_ERROR, where DuckDB answered (hunt43).
      const aggregateTest = parts[i].havingTest === true && hasAggregate(text);
      // `IS [NOT] DISTINCT FROM NULL` of those two fails as IS [NOT] NULL does (hunt43; Trino 476 folds it for the
      // other untyped operands, `element_at(ARRAY[], 1) IS DISTINCT FROM NULL`: false, as DuckDB does).
      const nullAt = range && (bareColumn || aggregateTest) ? distinctFromNullEnd(parts, i) : -1;
      if (range && nullAt >= 0) {
        const test = textOf(parts, [i, nullAt]).trim();
        parts.splice(range[0], nullAt - range[0] + 1, { kind: 'operand', text: refusedUnlessTyped(text, `(${text}) ${test}`, correlatable) });
        i = range[0];
        continue;
      }
      if (next !== 'NULL' && !(next === 'NOT' && nextWord(parts, nextMeaningful(parts, i)) === 'NULL')) continue;
      if (!range || !(mayBeUnknown(text) || bareColumn || aggregateTest)) continue;
      // A retyped operand is a typed NULL there, which DuckDB folds away too: the operand is evaluated beside the test.
      const end = next === 'NULL' ? nextMeaningful(parts, i) : nextMeaningful(parts, nextMeaningful(parts, i));
      const test = `(${text}) IS ${next === 'NOT' ? 'NOT ' : ''}NULL`;
      parts.splice(range[0], end - range[0] + 1, {
        kind: 'operand',
        text:
          (parts[i].refusedTest === true && readsColumn(text)) || aggregateTest
            ? refusedUnlessTyped(text, test, correlatable)
            : evaluatedBeside(test, [`CASE WHEN typeof([${text}]) = '"NULL"[]' THEN ${text} END`], correlatable),
      });
      i = range[0];
    } else if (w === 'LIKE') {
      // The pattern first, so the subject's indices stay; then the LIKE moves left by the parts the subject lost.
      retyped(parts, operand(parts, i, 1), 'VARCHAR', correlatable);
      const notAt = previous(parts, i);
      i -= retyped(parts, operand(parts, word(parts, notAt) === 'NOT' ? notAt : i, -1), 'VARCHAR', correlatable);
    }
  }
}

/** `test` (a boolean of `text`), refused while binding where `text` is NULL-typed (Trino's unknown). */
function refusedUnlessTyped(text: string, test: string, correlatable: boolean): string {
  const refusedKey = `CASE WHEN typeof([${text}]) = '"NULL"[]' THEN '${REFUSED_KEY_MARKER}unknown filter test' ELSE 'trino_v' END`;
  // Inside a subquery that may read the outer row the struct holds a constant (a struct of an outer column does not
  // bind: "Need named argument for struct pack"); DuckDB folds the key while binding.
  return correlatable ? `({'trino_v': true}[${refusedKey}] AND ${test})` : `{'trino_v': ${test}}[${refusedKey}]`;
}

/** For the IS part at i: the index of the NULL that ends `IS [NOT] DISTINCT FROM NULL`, else -1. */
function distinctFromNullEnd(parts: readonly Part[], i: number): number {
  let k = nextMeaningful(parts, i);
  if (word(parts, k) === 'NOT') k = nextMeaningful(parts, k);
  if (word(parts, k) !== 'DISTINCT') return -1;
  const from = nextMeaningful(parts, k);
  const end = from >= 0 && word(parts, from) === 'FROM' ? nextMeaningful(parts, from) : -1;
  const after = end >= 0 ? nextMeaningful(parts, end) : -1;
  return end >= 0 && word(parts, end) === 'NULL' && (after < 0 || parts[after].kind === 'boundary') ? end : -1;
}

const nextMeaningful = (parts: readonly Part[], i: number): number => {
  for (let k = i + 1; k < parts.length; k++) if (parts[k].kind !== 'trivia') return k;
  return -1;
};
const nextWord = (parts: readonly Part[], i: number) => (i < 0 ? '' : word(parts, nextMeaningful(parts, i)));

/**
 * The columns a query level's FROM names in UNNEST alias lists (`UNNEST(a, b) [WITH ORDINALITY] [AS] t(k, v)`, also as
 * unnest-columns.ts nameUnnestColumns rewrote it before the level is rendered, `(SELECT unnest(a) …) AS t(k, v)`), lower
 * case and unquoted: their values are the arrays' elements, which Trino 476 does not fold into a filter's test.
 */
export function unnestAliasColumns(items: readonly Node[]): ReadonlySet<string> {
  const m = meaningful(items);
  const columns = new Set<string>();
  const from = m.findIndex((n) => nodeKeyword(n) === 'FROM');
  const withQueries = nodeKeyword(m[0]) === 'WITH' && from >= 0 ? withUnnestColumns(m.slice(1, from)) : undefined;
  for (let k = from + 1; from >= 0 && k < m.length && !AFTER_WHERE.has(nodeKeyword(m[k])) && nodeKeyword(m[k]) !== 'WHERE'; k++) {
    const n = m[k];
    const rewritten = isParen(n) && nodeKeyword(meaningful(n.items)[0]) === 'SELECT' && nodeKeyword(meaningful(n.items)[1]) === 'UNNEST';
    if (!rewritten && isParen(n) && nodeKeyword(meaningful(n.items)[0]) === 'SELECT') {
      let j = k + 1;
      if (nodeKeyword(m[j]) === 'AS') j++;
      const list = m[j + 1];
      passedUnnestColumns(n.items, isNameToken(m[j]) && isParen(list) ? list.items : undefined, columns);
      continue;
    }
    // A WITH query of this level read by name (`FROM w`, not `w.x` or a call): the columns it passes on.
    const named = isNameToken(n) && !isText(m[k + 1], '.') && !isParen(m[k + 1]) ? withQueries?.get(nameKey(n)) : undefined;
    if (named) for (const c of named) columns.add(c);
    if (!rewritten && (nodeKeyword(n) !== 'UNNEST' || !isParen(m[k + 1]))) continue;
    let j = rewritten ? k + 1 : k + 2;
    if (nodeKeyword(m[j]) === 'WITH' && nodeKeyword(m[j + 1]) === 'ORDINALITY') j += 2;
    if (nodeKeyword(m[j]) === 'AS') j++;
    const list = m[j + 1];
    if (!isNameToken(m[j]) || !isParen(list)) continue;
    for (const n of meaningful(list.items)) if (isNameToken(n)) columns.add(nameKey(n));
  }
  return columns;
}

/** The WITH queries `w [(k)] AS (SELECT …)` of a level's WITH clause (`nodes` between WITH and FROM): the columns each passes on. */
function withUnnestColumns(nodes: readonly Node[]): Map<string, Set<string>> {
  const queries = new Map<string, Set<string>>();
  for (const query of splitArgs(nodes)) {
    const q = meaningful(query);
    const name = q[0];
    const list = isParen(q[1]) ? q[1] : undefined;
    const body = q[list ? 3 : 2];
    if (!isNameToken(name) || nodeKeyword(q[list ? 2 : 1]) !== 'AS' || !isParen(body)) continue;
    const columns = new Set<string>();
    passedUnnestColumns(body.items, list?.items, columns);
    if (columns.size > 0) queries.set(nameKey(name), columns);
  }
  return queries;
}

/**
 * The columns a derived table `(SELECT … FROM UNNEST(…) u(x)) [AS] t [(k)]` or a WITH query `w [(k)] AS (SELECT …)`
 * passes on from its own level's UNNEST alias columns (unnestAliasColumns, recursively): a select item that is such a
 * bare column (`x`, `u.x`, `x AS k`, renamed by the column list `aliases` by position) or a star. Trino 476 does not
 * fold them into the outer filter's test either (`WHERE k IS NULL`: COMPILER_ERROR; hunt43); a constant NULL item
 * (`NULL AS k`) it folds and is not one.
 */
function passedUnnestColumns(subquery: readonly Node[], aliases: readonly Node[] | undefined, columns: Set<string>): void {
  const inner = unnestAliasColumns(subquery);
  if (inner.size === 0) return;
  const q = meaningful(subquery);
  const from = q.findIndex((n) => nodeKeyword(n) === 'FROM');
  if (from < 0) return;
  const list = aliases ? meaningful(aliases).filter((n) => isNameToken(n)) : undefined;
  const first = nodeKeyword(q[1]) === 'DISTINCT' || nodeKeyword(q[1]) === 'ALL' ? 2 : 1;
  splitArgs(q.slice(first, from)).forEach((item, position) => {
    const t = meaningful(item);
    if (t.length > 0 && isText(t[t.length - 1], '*')) {
      if (!list) for (const c of inner) columns.add(c);
      return;
    }
    let end = t.length;
    let alias: string | undefined;
    const last = t[end - 1];
    if (end >= 2 && isNameToken(last) && (nodeKeyword(t[end - 2]) === 'AS' || isNameToken(t[end - 2]))) {
      alias = nameKey(last);
      end -= nodeKeyword(t[end - 2]) === 'AS' ? 2 : 1;
    }
    // A bare column, qualified or not, or an aggregate of one (`max(x)`: not folded either).
    const call = end === 2 && isNameToken(t[0]) && isParen(t[1]) && hasAggregate(`${t[0].token.text}(`) ? meaningful(t[1].items) : undefined;
    const value = call ?? t.slice(0, end);
    const column = value.length === 1 ? value[0] : value.length === 3 && isText(value[1], '.') ? value[2] : undefined;
    if (!isNameToken(column) || !inner.has(nameKey(column))) return;
    const named = list?.[position];
    if (list && !isNameToken(named)) return;
    const name = isNameToken(named) ? nameKey(named) : (alias ?? (call ? undefined : nameKey(column)));
    if (name !== undefined) columns.add(name);
  });
}

/** The words that end a query level's WHERE. */
const AFTER_WHERE = new Set(['GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT']);

const isText = (n: Node | undefined, text: string) => n?.kind === 'token' && n.token.text === text;
const isNameToken = (n: Node | undefined): n is Node & { kind: 'token' } => n?.kind === 'token' && (n.token.kind === 'word' || n.token.kind === 'quoted');
const nameKey = (n: Node & { kind: 'token' }) => n.token.text.replaceAll('"', '').toLowerCase();

/** Whether `nodes` (recursively) qualify a column by a name other than `inner`'s (`t.x` of an enclosing query's t). */
function readsOuterQualifier(nodes: readonly Node[], inner: ReadonlySet<string>): boolean {
  const m = meaningful(nodes);
  return m.some(
    (n, k) =>
      (n.kind === 'group' && readsOuterQualifier(n.items, inner)) ||
      (isNameToken(n) && isText(m[k + 1], '.') && !isText(m[k - 1], '.') && !inner.has(nameKey(n))),
  );
}

/**
 * For a query level inside a subquery that may read outer columns: whether Trino 476 evaluates an untyped `e IS [NOT]
 * NULL` of its WHERE (and so fails where e fails; docs/issue-15-audit.md, corr38's section). Asked of Trino 476 over
 * VALUES rows: it fails with COMPILER_ERROR "argumentType unknown should not be UNKNOWN" where e fails and the test's
 * conjunct reads only the level's own rows (`e(y) IS NULL`, alone or beside `y = t.x`), or reads the outer row beside
 * another conjunct that does (`e(t.x) IS NULL AND y = t.x`); it answers without evaluating e where the WHERE is an OR
 * (`y = t.x OR e IS NULL`), or the test reads the outer row and no other conjunct does (`e(t.x) IS NULL`, `e(y + t.x)
 * IS NULL`, `e(t.x) IS NULL AND y = 0`). An outer column is seen when qualified by a name the level's FROM does not
 * give; an unqualified one is read as the level's own (evaluated: a failure where Trino may answer, loud, not silent).
 */
export function whereEvaluatesTests(items: readonly Node[], readingOuter = false): boolean {
  const m = meaningful(items);
  const where = m.findIndex((n) => nodeKeyword(n) === 'WHERE');
  if (where < 0) return false;
  let end = where + 1;
  while (end < m.length && !AFTER_WHERE.has(nodeKeyword(m[end])) && !isText(m[end], ';')) end++;
  const clause = m.slice(where + 1, end);
  if (clause.some((n) => nodeKeyword(n) === 'OR')) return false;
  // The conjuncts (a BETWEEN's AND is its own).
  const conjuncts: Node[][] = [[]];
  let between = 0;
  for (const n of clause) {
    const word = nodeKeyword(n);
    if (word === 'BETWEEN') between++;
    if (word === 'AND' && between === 0) conjuncts.push([]);
    else {
      if (word === 'AND') between--;
      conjuncts[conjuncts.length - 1].push(n);
    }
  }
  // The names the level's FROM gives its relations (and any other name there not followed by a dot: harmless).
  const from = m.findIndex((n) => nodeKeyword(n) === 'FROM');
  const inner = new Set<string>();
  const fromNodes = from >= 0 ? m.slice(from + 1, where) : [];
  fromNodes.forEach((n, k) => {
    if (isNameToken(n) && !isText(fromNodes[k + 1], '.')) inner.add(nameKey(n));
  });
  const outer = conjuncts.map((c) => readsOuterQualifier(c, inner));
  // A test of the level's own rows, or of the outer row beside another conjunct reading the outer row.
  if (readingOuter) return conjuncts.some((c, k) => holdsIs(c) && outer[k]);
  return conjuncts.some((c, k) => holdsIs(c) && (!outer[k] || outer.some((o, j) => o && j !== k)));
}

/**
 * Whether a subquery level's WHERE (no OR) has a test `e IS [NOT] NULL` in a conjunct that reads the outer row. Where
 * the subquery is a conjunct of a WHERE over a table's rows (`FROM UNNEST(…) t(x) WHERE EXISTS (SELECT 1 FROM (VALUES 1)
 * u(y) WHERE element_at(ARRAY[], t.x) IS NULL)`, `x > 0 AND EXISTS …`, `x IN (SELECT …)`, `(SELECT count(*) …) = 1`, `e(y
 * + t.x)`), Trino 476 fails with COMPILER_ERROR whatever the rows hold; under NOT EXISTS, an OR, over VALUES outer rows
 * or in the select list it answers (asked of the shared Trino 476, corr39).
 */
export function whereTestsReadOuter(items: readonly Node[]): boolean {
  return whereEvaluatesTests(items, true);
}

const holdsIs = (nodes: readonly Node[]): boolean => nodes.some((n) => nodeKeyword(n) === 'IS' || (isParen(n) && holdsIs(n.items)));

/**
 * Whether a query level's FROM reads rows other than VALUES (a table, a WITH query's name, UNNEST, a subquery): Trino
 * 476 compiles its WHERE or HAVING test `e IS [NOT] NULL` of an unknown-typed e and fails (COMPILER_ERROR "argumentType
 * unknown should not be UNKNOWN"), also where e is a NULL without failing (`FROM UNNEST(sequence(1, 2)) u(y) WHERE
 * element_at(ARRAY[], y) IS NULL`, `OR`, `IS NOT NULL`, `NOT e IS NULL`, HAVING, a CASE of NULLs, if(c, NULL)); over VALUES
 * rows it folds the test and answers where e does not fail (`FROM (VALUES 1, 2) u(y) WHERE …`: 1, 2). Asked of the
 * shared Trino 476 (docs/issue-15-audit.md, corr38's section).
 */
export function filtersTableRows(items: readonly Node[], withValues: ReadonlySet<string> = new Set()): boolean {
  const m = meaningful(items);
  return m.some((n) => nodeKeyword(n) === 'WHERE' || nodeKeyword(n) === 'HAVING') && readsTableRows(m, withValues);
}

/**
 * Whether a query level without GROUP BY reads rows other than VALUES: Trino 476 turns an aggregate's `FILTER (WHERE
 * …)` there into a filter of the rows and fails on its untyped test as on a WHERE's (`count(*) FILTER (WHERE
 * element_at(ARRAY[], y) IS NULL)` over UNNEST or a table, `NOT (…)`, beside another test, a CASE condition:
 * COMPILER_ERROR; asked of the shared Trino 476, corr39). With GROUP BY y or y % 2 it answers, as over VALUES rows.
 */
export function filtersAggregatedTableRows(items: readonly Node[], withValues: ReadonlySet<string> = new Set()): boolean {
  const m = meaningful(items);
  return !m.some((n) => nodeKeyword(n) === 'GROUP') && readsTableRows(m, withValues) && !holdsUnfilteredAggregate(items);
}

/**
 * Whether a query level (outside its subqueries) calls an aggregate without FILTER, in its select list, HAVING or ORDER
 * BY (a window call is none): Trino 476 then keeps every FILTER as a mask of its aggregation and answers
 * (`count(*) FILTER (WHERE element_at(ARRAY[], y) IS NULL), max(y)` over UNNEST or a table: 2, 2; `1 + max(y)`, `HAVING
 * max(y) > 0`, `ORDER BY max(y)`); where every aggregate has one it filters the rows by them and fails (COMPILER_ERROR;
 * beside `count(*) FILTER (WHERE y > 1)` or a subquery's `max(z)` too). Asked of the shared Trino 476, corr40.
 */
function holdsUnfilteredAggregate(items: readonly Node[]): boolean {
  const m = meaningful(items);
  for (let k = 0; k < m.length; k++) {
    const n = m[k];
    if (n.kind === 'group') {
      if (!(isParen(n) && isValuesOrQuery(n.items)) && holdsUnfilteredAggregate(n.items)) return true;
      continue;
    }
    if (!isNameToken(n) || !isParen(m[k + 1]) || isText(m[k - 1], '.') || !hasAggregate(`${n.token.text}(`)) continue;
    const after = nodeKeyword(m[k + 2]);
    if (after !== 'FILTER' && after !== 'OVER') return true;
  }
  return false;
}

/**
 * Whether a query level (its meaningful nodes) reads rows other than VALUES: a table, a WITH query, UNNEST, a subquery.
 * `outer` names the enclosing levels' WITH queries of VALUES rows (`WITH c AS (SELECT * FROM (VALUES 1, 2) v(y))
 * SELECT … FROM (SELECT y FROM c WHERE e IS NULL)`, a scalar subquery or IN over c: Trino 476 answers; corr40).
 */
function readsTableRows(m: readonly Node[], outer: ReadonlySet<string>): boolean {
  if (nodeKeyword(m[0]) !== 'SELECT' && nodeKeyword(m[0]) !== 'WITH') return false;
  const withValues = valuesOnlyWithQueries(m, outer);
  const from = m.findIndex((n) => nodeKeyword(n) === 'FROM');
  return from >= 0 && !relationsFrom(m, from).every((n) => valuesOnlyRelation(n, withValues));
}

/**
 * Whether a query level's rows are VALUES rows only (its FROM reads VALUES, a WITH query of them or a subquery over
 * them: readsTableRows' opposite); undefined for a level without FROM, whose rows are the enclosing level's. Trino 476
 * folds such rows' try() arguments while planning (short-circuits.ts foldedOrderOperator).
 */
export function readsValuesRowsOnly(items: readonly Node[], outer: ReadonlySet<string>): boolean | undefined {
  const m = meaningful(items);
  if (nodeKeyword(m[0]) !== 'SELECT' && nodeKeyword(m[0]) !== 'WITH') return undefined;
  if (!m.some((n) => nodeKeyword(n) === 'FROM')) return undefined;
  return !readsTableRows(m, outer);
}

/** The relations of the FROM clause at m[from] (up to its WHERE or the level's next clause). */
function relationsFrom(m: readonly Node[], from: number): Node[] {
  const relations: Node[] = [];
  let expect = true;
  for (let k = from + 1; k < m.length; k++) {
    const n = m[k];
    const word = nodeKeyword(n);
    if (AFTER_WHERE.has(word) || word === 'WHERE') break;
    if (word === 'JOIN' || isText(n, ',')) {
      expect = true;
      continue;
    }
    if (!expect || word === 'LATERAL' || ['LEFT', 'RIGHT', 'FULL', 'INNER', 'OUTER', 'CROSS', 'NATURAL'].includes(word)) continue;
    expect = false;
    relations.push(n);
  }
  return relations;
}

/**
 * Words after which Trino 476 no longer folds a filter over VALUES rows (asked: a subquery's `max(y)` without GROUP BY,
 * `row_number() OVER ()`, `ORDER BY y LIMIT 1` under the filter fail with COMPILER_ERROR), or that read other rows.
 */
const NOT_FOLDED = /\b(?:OVER|LIMIT|FETCH|OFFSET|ORDER|UNNEST|LATERAL|TABLESAMPLE|RECURSIVE|MATCH_RECOGNIZE)\b/i;

/**
 * Whether a relation's rows are VALUES rows only, as Trino 476 folds a filter's untyped test over them and answers: `(VALUES
 * …)`, a subquery of such relations (also FROM-less, over a join, with WHERE, GROUP BY, DISTINCT or UNION ALL of them),
 * or a WITH query of the level that is one (`WITH c AS (SELECT * FROM (VALUES 1, 2) v(y)) SELECT y FROM c WHERE e IS
 * NULL`: 1, 2; asked of the shared Trino 476, corr39). A window, an aggregate, ORDER BY or LIMIT inside is not.
 */
function valuesOnlyRelation(n: Node, withValues: ReadonlySet<string>): boolean {
  if (isParen(n)) return valuesOnlyQuery(n.items, withValues);
  return isNameToken(n) && withValues.has(nameKey(n));
}

function valuesOnlyQuery(items: readonly Node[], withValues: ReadonlySet<string>): boolean {
  const m = meaningful(items);
  if (m.length === 1 && isParen(m[0])) return valuesOnlyQuery(m[0].items, withValues);
  if (nodeKeyword(m[0]) === 'VALUES') return true;
  if (nodeKeyword(m[0]) !== 'SELECT' && nodeKeyword(m[0]) !== 'WITH') return false;
  const text = items.map(nodeText).join('');
  if (NOT_FOLDED.test(text) || hasAggregate(text)) return false;
  const names = valuesOnlyWithQueries(m, withValues);
  return m.every((n, k) => nodeKeyword(n) !== 'FROM' || relationsFrom(m, k).every((r) => valuesOnlyRelation(r, names)));
}

/** The names of a level's WITH queries whose rows are VALUES rows only, beside `outer`'s. */
export function valuesOnlyWithQueries(items: readonly Node[], outer: ReadonlySet<string>): ReadonlySet<string> {
  const m = meaningful(items);
  if (nodeKeyword(m[0]) !== 'WITH') return outer;
  const names = new Set(outer);
  let at = 1;
  for (;;) {
    const name = m[at];
    const as = isParen(m[at + 1]) ? at + 2 : at + 1;
    const body = m[as + 1];
    if (!isNameToken(name) || nodeKeyword(m[as]) !== 'AS' || !isParen(body)) break;
    if (valuesOnlyQuery(body.items, names)) names.add(nameKey(name));
    else names.delete(nameKey(name));
    if (!isText(m[as + 2], ',')) break;
    at = as + 3;
  }
  return names;
}

/** Words of a rendered operand that are no column: values, CASE and CAST words, type names. */
const NOT_COLUMNS = new Set(
  'NULL TRUE FALSE ARRAY MAP ROW CASE WHEN THEN ELSE END AND OR NOT IS IN AS CAST TRY_CAST INTEGER BIGINT SMALLINT TINYINT DOUBLE REAL VARCHAR BOOLEAN DATE TIMESTAMP INTERVAL DECIMAL STRUCT LIST'.split(
    ' ',
  ),
);

/**
 * Whether a rendered operand may read a column: a word that is no call, keyword or type, outside string literals
 * (Trino 476 folds a test of a constant, `element_at(ARRAY[], 1) IS NULL`, and answers). Unsure words count as columns.
 */
function readsColumn(text: string): boolean {
  const words = text.replace(/'(?:[^']|'')*'/g, "''").matchAll(/(?<![\w.])([A-Za-z_]\w*\b|"(?:[^"]|"")+")(?!\s*\()/g);
  for (const [, word] of words) if (!NOT_COLUMNS.has(word.toUpperCase())) return true;
  return false;
}

/** The words before a term of a filter's boolean structure (`WHERE (…)`, `AND NOT (…)`; '' at a term sequence's start). */
const BEFORE_TERM = new Set(['', 'WHERE', 'HAVING', 'AND', 'OR', 'NOT']);
/** The words after one (AND, OR, the level's next clause; '' at the sequence's end). */
const AFTER_TERM = new Set(['', 'AND', 'OR', ...AFTER_WHERE, 'WINDOW']);

const isTranslated = (n: Node | undefined, text: RegExp) => n?.kind === 'token' && n.token.kind === 'translated' && text.test(n.token.text);
const isValuesOrQuery = (items: readonly Node[]) => ['SELECT', 'WITH', 'VALUES', 'TABLE'].includes(nodeKeyword(meaningful(items)[0]));

/**
 * Whether items[i] is a parenthesized expression or a CASE that is a term of the boolean structure of a filter whose
 * untyped tests Trino 476 cannot compile (filtersTableRows, filtersAggregatedTableRows): `WHERE NOT (e IS NULL)`, `(y =
 * 5 OR e IS NULL)`, `(e IS NULL) AND y > 0`, `((e IS NULL))`, `CASE WHEN e IS NULL THEN true END`, `y > 0 AND CASE …`,
 * `(CASE …)`, `CASE WHEN NOT (e IS NULL) THEN true END`, the same in `FILTER (WHERE …)`: COMPILER_ERROR "argumentType
 * unknown should not be UNKNOWN" (asked of the shared Trino 476 over UNNEST and a table, corr39). Not a term, as Trino
 * answers: an operand (`(e IS NULL) = true`, `CASE WHEN e IS NULL THEN 1 ELSE 0 END = 1`), a call's argument
 * (coalesce). A CASE is one only where trueOnlyCase says so.
 */
export function filterTermAt(items: readonly Node[], i: number, negated: boolean): FilterTerm {
  const n = items[i];
  if (!(isCase(n) || (isParen(n) && !isValuesOrQuery(n.items)))) return false;
  const before = termPlace(items, i, i);
  if (before === undefined) return false;
  // Under NOT a TRUE-only CASE answers (`NOT CASE WHEN e IS NULL THEN true END`, `NOT (CASE …)`: no rows in Trino 476);
  // under two it is a term again (`NOT NOT CASE …`, `NOT (NOT CASE …)`, `NOT (a OR NOT CASE …)`: COMPILER_ERROR; corr40).
  const under = negated !== oddNotsBefore(items, i);
  if (isCase(n)) return !under && trueOnlyCase(n as Node & { kind: 'group' }) ? 'term' : false;
  return under ? 'negated' : 'term';
}

/**
 * Whether the CASE at items[i] is compared with a literal as a term of a refused filter (`CASE WHEN e IS NULL THEN 1
 * END = 1`, `1 = CASE …`, `… THEN 'a' END = 'a'`, `… END > 0`): Trino 476 compares each literal value and reads the
 * CASE as its conditions where one value compares true, failing on their untyped tests (COMPILER_ERROR); where none
 * does (`… END = 2`: no rows), ELSE is not NULL or a value is no literal (`… END = y`) it answers (asked, corr39).
 */
export function comparedTrueOnlyCaseAt(items: readonly Node[], i: number, negated: boolean): boolean {
  const n = items[i];
  if (!isCase(n)) return false;
  const near = (from: number, step: number) => {
    let k = from + step;
    while (k >= 0 && k < items.length && isTriviaNode(items[k])) k += step;
    return k;
  };
  const [after, before] = [near(i, 1), near(i, -1)];
  const literalAfter = COMPARISONS.has(opText(items[after])) ? sideNear(items, near(after, 1), 1) : undefined;
  const literalBefore = COMPARISONS.has(opText(items[before])) ? sideNear(items, near(before, -1), -1) : undefined;
  let op: string;
  let literal: Literal;
  let first: number;
  let last: number;
  if (literalAfter !== undefined) {
    [op, literal, first, last] = [opText(items[after]), literalAfter.literal, i, literalAfter.at];
  } else if (literalBefore !== undefined) {
    [op, literal, first, last] = [MIRRORED[opText(items[before])] ?? '', literalBefore.literal, literalBefore.at, i];
  } else return false;
  if (termPlace(items, first, last) === undefined) return false;
  // Under NOT Trino 476 compares with the negated operator (`NOT (CASE WHEN e IS NULL THEN 1 END = 2)`: COMPILER_ERROR;
  // `NOT NOT (… END = 1)` too; `NOT (… END = 1)`: no rows; corr40).
  if (negated !== oddNotsBefore(items, first)) op = NEGATED[op] ?? '';
  const values = caseValues(n as Node & { kind: 'group' });
  if (values === undefined) return false;
  const right = literal;
  const lefts: Literal[] = [];
  for (const v of values) {
    const m = meaningful(v);
    if (m.length === 1 && nodeKeyword(m[0]) === 'NULL') continue;
    // A constant expression (`THEN abs(-1) END = 1`, `THEN 1 + 1 END = 2`): Trino 476 folds it before it compares; its
    // value is not read here, so it may compare true (sil41).
    const left = literalNodes(m) ?? (constantNodes(m) ? (integerSum(m) ?? UNKNOWN) : undefined);
    if (left === undefined) return false;
    lefts.push(left);
  }
  // Values of a double and an exact number answer (`THEN 1 WHEN … THEN 1e0 END = 1`: the CASE's casts are not folded
  // before its comparison is; asked, corr40); integer beside decimal or bigint values fail as one kind does.
  const numbers = lefts.filter((l) => l.kind === 'number');
  if (numbers.some((l) => l.double) && numbers.some((l) => !l.double)) return false;
  return lefts.some((left) => compare(left, op, right));
}

/**
 * A literal value: a number (signed, typed or not), a string, or a date/time literal's text (same type word only); or
 * a constant expression whose value is not read (`abs(-1)`, `1 + 1`), which may compare true.
 */
type Literal =
  | { kind: 'number'; value: number; double: boolean; exact: boolean }
  | { kind: 'string'; value: string }
  | { kind: 'datetime'; type: string; value: string }
  | { kind: 'unknown' };

const UNKNOWN: Literal = { kind: 'unknown' };

/** Words that stop the run of a constant expression beside a comparison (a term's boundary, another comparison). */
const RUN_ENDS = new Set(['', 'WHERE', 'HAVING', 'AND', 'OR', 'NOT', 'WHEN', 'THEN', 'ELSE', 'END', 'ON', 'WINDOW', ...AFTER_WHERE]);
/** Calls Trino 476 does not fold (nondeterministic), and words before parentheses that are no call. */
const UNFOLDED_CALLS = new Set(['RANDOM', 'RAND', 'UUID', 'SHUFFLE', 'NOT', 'EXISTS', 'IN', 'VALUES', 'SELECT', 'ARRAY', 'MAP', 'LAMBDA']);
const TYPED_LITERAL_WORDS = new Set([
  'TINYINT',
  'SMALLINT',
  'INTEGER',
  'INT',
  'BIGINT',
  'DECIMAL',
  'DOUBLE',
  'REAL',
  'DATE',
  'TIMESTAMP',
  'TIME',
  'VARCHAR',
  'CHAR',
  'JSON',
]);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '||']);

/**
 * Whether the meaningful nodes m are a constant expression Trino 476 folds: literals, typed literals, arithmetic,
 * parentheses and calls (CAST among them) of such, no column, subquery, CASE or nondeterministic call.
 */
function constantNodes(m: readonly Node[]): boolean {
  if (m.length === 0) return false;
  for (let k = 0; k < m.length; k++) {
    const n = m[k];
    if (n.kind === 'group') {
      if (!isParen(n) || !constantArguments(n.items)) return false;
      continue;
    }
    const t = n.token;
    if (t.kind === 'number' || (t.kind === 'string' && /^'/.test(t.text))) continue;
    if (t.kind === 'op' && ARITHMETIC.has(t.text)) continue;
    if (t.kind !== 'word') return false;
    const word = nodeKeyword(n);
    const next = m[k + 1];
    if ((word === 'CAST' || word === 'TRY_CAST') && isParen(next)) {
      const inner = meaningful(next.items);
      const as = inner.findIndex((x) => nodeKeyword(x) === 'AS');
      if (as <= 0 || !constantNodes(inner.slice(0, as))) return false;
      k++;
      continue;
    }
    if (isParen(next) && !UNFOLDED_CALLS.has(word) && !RUN_ENDS.has(word)) {
      if (meaningful(next.items).length > 0 && !constantArguments(next.items)) return false;
      k++;
      continue;
    }
    if (TYPED_LITERAL_WORDS.has(word) && next?.kind === 'token' && next.token.kind === 'string') {
      k++;
      continue;
    }
    return false;
  }
  return true;
}

const constantArguments = (items: readonly Node[]) => splitArgs(items).every((a) => constantNodes(meaningful(a)));

/**
 * The value beside a comparison, from items[k] on in direction step (as literalNear): the run of nodes up to the
 * term's boundary, read as a literal, else as a constant expression (UNKNOWN: `… END = abs(-1)`, `1 + 1 = CASE …`:
 * Trino 476 folds it and fails as on a literal; asked, sil41), else literalNear's.
 */
function sideNear(items: readonly Node[], k: number, step: 1 | -1): { literal: Literal; at: number } | undefined {
  if (k < 0 || k >= items.length) return undefined;
  let end = k;
  for (let j = k; j >= 0 && j < items.length; j += step) {
    const n = items[j];
    if (isTriviaNode(n)) continue;
    if (
      (nodeKeyword(n) !== '' && RUN_ENDS.has(nodeKeyword(n))) ||
      COMPARISONS.has(opText(n)) ||
      opText(n) === ',' ||
      isText(n, ';') ||
      (n.kind === 'token' && n.token.kind === 'translated')
    )
      break;
    end = j;
  }
  const [first, last] = step === 1 ? [k, end] : [end, k];
  const run = meaningful(items.slice(first, last + 1));
  const literal = literalNodes(run);
  if (literal !== undefined) return { literal, at: end };
  if (constantNodes(run)) return { literal: integerSum(run) ?? UNKNOWN, at: end };
  return literalNear(items, k, step);
}

/** The value of a sum of integer literals (`1 + 1`, `-1 - 2`; each of at most 15 digits), else undefined. */
function integerSum(run: readonly Node[]): Literal | undefined {
  let value = 0;
  let sign = 1;
  let expectNumber = true;
  for (const n of run) {
    if (n.kind !== 'token') return undefined;
    const text = n.token.text;
    if (expectNumber && (text === '-' || text === '+')) sign *= text === '-' ? -1 : 1;
    else if (expectNumber && n.token.kind === 'number' && /^\d{1,15}$/.test(text)) {
      value += sign * Number(text);
      [sign, expectNumber] = [1, false];
    } else if (!expectNumber && (text === '-' || text === '+')) [sign, expectNumber] = [text === '-' ? -1 : 1, true];
    else return undefined;
  }
  return expectNumber || !Number.isSafeInteger(value) ? undefined : { kind: 'number', value, double: false, exact: true };
}

const NUMBER_TYPES = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'INT', 'BIGINT', 'DECIMAL', 'DOUBLE', 'REAL']);
const DATETIME_TYPES = new Set(['DATE', 'TIMESTAMP']);

/** A number's text as a Literal (exact: few enough digits that a double holds it; a double: an exponent or type). */
function numberLiteral(text: string, sign: string, double: boolean): Literal | undefined {
  const t = text.trim();
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(t)) return undefined;
  const digits = t
    .replace(/[eE].*$/, '')
    .replace(/\D/g, '')
    .replace(/^0+/, '');
  const value = Number(t) * (sign === '-' ? -1 : 1);
  return { kind: 'number', value, double: double || /[eE]/.test(t), exact: digits.length <= 15 && Number.isFinite(value) };
}

/** The literal written by the meaningful nodes m: `1`, `-1`, `'a'`, `BIGINT '1'`, `DECIMAL '2.5'`, `DATE '2020-01-01'`. */
function literalNodes(m: readonly Node[]): Literal | undefined {
  if (m.length === 1) return literalOf(m[0]);
  if (m.length === 2 && nodeKeyword(m[0]) === 'CAST' && isParen(m[1])) return castLiteral(meaningful(m[1].items));
  if (m.length !== 2 || m[1].kind !== 'token') return undefined;
  const sign = opText(m[0]);
  if ((sign === '-' || sign === '+') && m[1].token.kind === 'number') return numberLiteral(m[1].token.text, sign, false);
  const type = nodeKeyword(m[0]);
  if (m[1].token.kind !== 'string' || !/^'(?:[^']|'')*'$/.test(m[1].token.text)) return undefined;
  const text = m[1].token.text.slice(1, -1).replaceAll("''", "'");
  if (NUMBER_TYPES.has(type)) {
    const signed = /^\s*([+-]?)\s*(.*)$/.exec(text);
    return signed ? numberLiteral(signed[2], signed[1], type === 'DOUBLE' || type === 'REAL') : undefined;
  }
  if (DATETIME_TYPES.has(type)) return { kind: 'datetime', type, value: text };
  return undefined;
}

/**
 * `CAST(literal AS type)` of a plain literal to a number type, plain varchar, date or timestamp (folded by Trino 476
 * as a literal: `… END = CAST(1 AS bigint)`, `THEN CAST('b' AS varchar) END = 'b'` fail; corr40).
 */
function castLiteral(inner: readonly Node[]): Literal | undefined {
  if (inner.length !== 3 || nodeKeyword(inner[1]) !== 'AS') return undefined;
  const value = literalOf(inner[0]);
  const type = nodeKeyword(inner[2]);
  if (value === undefined) return undefined;
  if (type === 'VARCHAR') return value.kind === 'string' ? value : undefined;
  const text = value.kind === 'string' ? value.value : inner[0].kind === 'token' ? inner[0].token.text : '';
  if (NUMBER_TYPES.has(type) && type !== 'DECIMAL') {
    const signed = /^\s*([+-]?)\s*(.*?)\s*$/.exec(text);
    return signed ? numberLiteral(signed[2], signed[1], type === 'DOUBLE' || type === 'REAL') : undefined;
  }
  if (DATETIME_TYPES.has(type) && value.kind === 'string') return { kind: 'datetime', type, value: value.value };
  return undefined;
}

/**
 * The literal beside a comparison, from items[k] on in direction step: `1`, `'a'`, `-1`, `BIGINT '1'`, `DATE '…'` (a
 * sign or type word first); `at` is its far end. A sign before a number on the left may be a binary minus (`y - 1 = …`):
 * the term's place, read before `at`, then rejects it.
 */
function literalNear(items: readonly Node[], k: number, step: 1 | -1): { literal: Literal; at: number } | undefined {
  if (k < 0 || k >= items.length) return undefined;
  let other = k + step;
  while (other >= 0 && other < items.length && isTriviaNode(items[other])) other += step;
  if (other >= 0 && other < items.length) {
    const pair = literalNodes(step === 1 ? [items[k], items[other]] : [items[other], items[k]]);
    if (pair !== undefined) return { literal: pair, at: other };
  }
  const single = literalOf(items[k]);
  return single === undefined ? undefined : { literal: single, at: k };
}

const COMPARISONS = new Set(['=', '<>', '!=', '<', '>', '<=', '>=']);
const MIRRORED: Record<string, string> = { '=': '=', '<>': '<>', '!=': '!=', '<': '>', '>': '<', '<=': '>=', '>=': '<=' };
const NEGATED: Record<string, string> = { '=': '<>', '<>': '=', '!=': '=', '<': '>=', '>': '<=', '<=': '>', '>=': '<' };
const opText = (n: Node | undefined) => (n?.kind === 'token' && (n.token.kind === 'op' || n.token.kind === 'punct') ? n.token.text : '');

/** A plain number or string literal's value (unsigned, not typed). */
function literalOf(n: Node | undefined): Literal | undefined {
  if (n?.kind !== 'token') return undefined;
  if (n.token.kind === 'number') return numberLiteral(n.token.text, '', false);
  if (n.token.kind === 'string' && /^'(?:[^']|'')*'$/.test(n.token.text) && /^[\x20-\x7e]*$/.test(n.token.text))
    return { kind: 'string', value: n.token.text.slice(1, -1).replaceAll("''", "'") };
  return undefined;
}

/**
 * Whether `left op right` may be true: numbers compared by value, strings by their text; where the value is not sure
 * (more digits than a double holds, a date/time literal not written as ISO digits) it may. Kinds that Trino would not
 * compare (a number with a string) are not.
 */
function compare(l: Literal, op: string, r: Literal): boolean {
  if (l.kind === 'unknown' || r.kind === 'unknown') return true;
  if (l.kind === 'number' && r.kind === 'number') return !l.exact || !r.exact || compareValues(l.value, op, r.value);
  if (l.kind === 'string' && r.kind === 'string') return compareValues(l.value, op, r.value);
  if (l.kind === 'datetime' && r.kind === 'datetime') {
    const iso = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2})?$/;
    const sure = l.type === r.type && iso.test(l.value) && iso.test(r.value) && l.value.length === r.value.length;
    return !sure || compareValues(l.value, op, r.value);
  }
  return false;
}

function compareValues(a: number | string, op: string, b: number | string): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '<>':
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
    default:
      return false;
  }
}

/** A searched CASE's THEN values where it has no ELSE or ELSE NULL (undefined otherwise). */
function caseValues(group: Node & { kind: 'group' }): Node[][] | undefined {
  const items = group.items;
  const firstWhen = items.findIndex((n) => nodeKeyword(n) === 'WHEN');
  if (firstWhen < 0 || meaningful(items.slice(0, firstWhen)).length > 0) return undefined;
  const values: Node[][] = [];
  for (let k = 0; k < items.length; k++) {
    const word = nodeKeyword(items[k]);
    if (word !== 'THEN' && word !== 'ELSE') continue;
    let end = k + 1;
    while (end < items.length && !['WHEN', 'ELSE', 'END'].includes(nodeKeyword(items[end]))) end++;
    if (word === 'ELSE' && !isWordNode(items.slice(k + 1, end), 'NULL')) return undefined;
    if (word === 'THEN') values.push(items.slice(k + 1, end));
  }
  return values;
}

/** A term of a refused filter, and whether it stands under NOT (filterTermAt). */
export type FilterTerm = false | 'term' | 'negated';

/**
 * The argument group of `if(c, true)` or `if(c, true, NULL)` at items[i] where it is a term of a refused filter (as
 * filterTermAt): Trino 476 reads it as c and fails on c's untyped test (`WHERE if(e IS NULL, true)`: COMPILER_ERROR);
 * `if(c, true, false)` and `if(c, y > 0)` answer (asked of the shared Trino 476, corr39). Undefined elsewhere.
 */
export function trueOnlyIfAt(items: readonly Node[], i: number, negated: boolean): (Node & { kind: 'group' }) | undefined {
  if (negated !== oddNotsBefore(items, i) || nodeKeyword(items[i]) !== 'IF') return undefined;
  let open = i + 1;
  while (open < items.length && isTriviaNode(items[open])) open++;
  const group = items[open];
  const before = isParen(group) ? termPlace(items, i, open) : undefined;
  if (!isParen(group) || before === undefined) return undefined;
  const args = splitArgs(group.items);
  const value = (k: number, word: string) => isWordNode(args[k] ?? [], word);
  return (args.length === 2 && value(1, 'TRUE')) || (args.length === 3 && value(1, 'TRUE') && value(2, 'NULL')) ? group : undefined;
}

/** Whether an odd number of NOT words stands right before items[first] (`NOT NOT CASE …` is even). */
export function oddNotsBefore(items: readonly Node[], first: number): boolean {
  let odd = false;
  let wrapper = isParen(items[first]);
  for (let k = first - 1; k >= 0; k--) {
    if (isTriviaNode(items[k])) continue;
    // condition-types.ts's `trino_condition(CASE …, 'term')`: the NOTs before the wrapper.
    if (wrapper && isTranslated(items[k], /^trino_condition$/)) {
      wrapper = false;
      continue;
    }
    wrapper = false;
    if (nodeKeyword(items[k]) !== 'NOT') break;
    odd = !odd;
  }
  return odd;
}

/** The word before items[first..last] where they stand as a term of a filter's boolean structure (else undefined). */
function termPlace(items: readonly Node[], first: number, last: number): string | undefined {
  const n = items[first];
  let before = first - 1;
  while (before >= 0 && isTriviaNode(items[before])) before--;
  let after = last + 1;
  while (after < items.length && isTriviaNode(items[after])) after++;
  // condition-types.ts wraps a CASE term as `trino_condition(CASE …, 'term')`: the wrapper's place decides.
  if (isParen(n) && isTranslated(items[before], /^trino_condition$/)) {
    before--;
    while (before >= 0 && isTriviaNode(items[before])) before--;
  }
  const word = (k: number) => (k >= 0 && k < items.length ? nodeKeyword(items[k]) || '?' : '');
  const ends = after >= items.length || AFTER_TERM.has(word(after)) || isText(items[after], ';') || isTranslated(items[after], /^\s*,/);
  return BEFORE_TERM.has(word(before)) && ends ? word(before) : undefined;
}

const isWordNode = (nodes: readonly Node[], word: string) => {
  const m = meaningful(nodes);
  return m.length === 1 && nodeKeyword(m[0]) === word;
};

/**
 * A searched CASE whose values are TRUE, FALSE or NULL literals, at least one TRUE, with no ELSE or ELSE NULL: in a
 * filter Trino 476 reads it as its conditions and fails on their untyped tests (`CASE WHEN e IS NULL THEN true END`,
 * `… ELSE NULL END`, `CASE WHEN y > 5 THEN false WHEN e IS NULL THEN true END`: COMPILER_ERROR). It answers where the
 * CASE has ELSE FALSE or ELSE TRUE, no TRUE value, or a value that is no literal (`THEN y > 0`), as the local engine does.
 */
function trueOnlyCase(group: Node & { kind: 'group' }): boolean {
  const items = group.items;
  const whens: number[] = [];
  for (let k = 0; k < items.length; k++) if (nodeKeyword(items[k]) === 'WHEN') whens.push(k);
  if (whens.length === 0 || meaningful(items.slice(0, whens[0])).length > 0) return false;
  const values: Node[][] = [];
  let elseValue: Node[] | undefined;
  for (let k = 0; k < items.length; k++) {
    const word = nodeKeyword(items[k]);
    if (word !== 'THEN' && word !== 'ELSE') continue;
    let end = k + 1;
    while (end < items.length && !['WHEN', 'ELSE', 'END'].includes(nodeKeyword(items[end]))) end++;
    if (word === 'ELSE') elseValue = items.slice(k + 1, end);
    else values.push(items.slice(k + 1, end));
  }
  if (elseValue !== undefined && !isWordNode(elseValue, 'NULL')) return false;
  return values.some((v) => isWordNode(v, 'TRUE')) && values.every((v) => ['TRUE', 'FALSE', 'NULL'].some((w) => isWordNode(v, w)));
}

/** The first node of each WHEN condition of a CASE group (the nodes checkedCase renders it from). */
export function caseConditionStarts(group: Node & { kind: 'group' }): Set<Node> {
  const starts = new Set<Node>();
  group.items.forEach((n, k) => {
    if (nodeKeyword(n) === 'WHEN' && k + 1 < group.items.length) starts.add(group.items[k + 1]);
  });
  return starts;
}
