// WITH RECURSIVE r(n) AS (base UNION ALL step): Trino 476 types r by its base and fails with TYPE_MISMATCH
// ("recursion step relation output type (decimal(13,2)) is not coercible to recursion base relation output type
// (decimal(5,2)) at column 1") when a step's column does not coerce to the base's type, over no rows too; DuckDB casts
// the step's values to the base's type and answered (`SELECT 1 … UNION ALL SELECT n + 1.5` gave 1, 3, 5). Each step
// column is checked while DuckDB binds against the CTE's own column (trino_coercible_type, macros.ts; checkedStep, for
// the recursive queries recursive-unroll.ts leaves to DuckDB, which checks the first unrolled copy itself), and a base
// column that is a string literal (varchar(n) in Trino, varchar in DuckDB, where `s || 'a'` grows past it) is refused
// at lint unless the step gives a literal as short or the column itself.
import { REFUSED_KEY_MARKER } from '../shims/error-messages.js';
import { identifierName, stringValue, type Token } from '../tokens.js';
import { aliasOf, itemName, NOT_AN_ALIAS, isName, splitItems } from './select-names.js';
import { holdsWord, isCase, isParen, meaningful, nodeKeyword, splitArgs, type GroupNode, type Node } from './tree.js';
import type { Report } from './within-group.js';

const SELECT_LIST_END = new Set(['FROM', 'WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT']);
const FROM_END = new Set(['WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH']);
/** Clauses that, after the step, belong to the whole body in Trino. */
const STEP_TAIL = new Set(['ORDER', 'LIMIT', 'OFFSET', 'FETCH']);
/** Words before which LIMIT, OFFSET or FETCH names a relation or a column, not a clause (Trino does not reserve them). */
const NAME_BEFORE = new Set(['FROM', 'JOIN', ',', '.', 'AS', 'ON', 'BY', '(']);

/**
 * The clause words of STEP_TAIL among `items` (not in groups): `FROM limit`, `limit.n`, `offset(o)` are names
 * (`WITH RECURSIVE limit(n) AS (… FROM limit …)`: Trino 476 answers; the step was taken for one with a LIMIT).
 */
export function stepTailWords(items: readonly Node[]): Node[] {
  const m = meaningful(items);
  return m.filter((n, k) => {
    if (!STEP_TAIL.has(nodeKeyword(n))) return false;
    const before = m[k - 1];
    const named = (before?.kind === 'token' && NAME_BEFORE.has(before.token.text.toUpperCase())) || isPunct(m[k + 1], '.') || isParen(m[k + 1]);
    return nodeKeyword(n) === 'ORDER' || !named;
  });
}

const isPunct = (n: Node | undefined, text: string) => n !== undefined && n.kind === 'token' && n.token.text === text;
const translated = (at: Token, text: string): Node => ({ kind: 'token', token: { ...at, kind: 'translated', text } });
const parenthesized = (at: Token, items: readonly Node[]): GroupNode => ({
  kind: 'group',
  open: { ...at, kind: 'punct', text: '(' },
  close: { ...at, kind: 'punct', text: ')' },
  items: [...items],
});

export interface RecursiveQuery {
  /** The CTE's name as written. */
  name: Token;
  /** Its column names as written (the alias list, else the base's item names), undefined when hidden. */
  columns: Token[] | undefined;
  /** The base's select items (undefined when it is no SELECT list). */
  base: Node[][] | undefined;
  /** The step: its items (the body's items after UNION [ALL]) and where its select list lies. */
  step: Node[];
  select: number;
  from: number;
  body: GroupNode;
  /** The index of the UNION in the body's items: the base is the items before it. */
  unionAt: number;
  /** The step is written in parentheses (`UNION ALL (SELECT …)`); `step` holds their items. */
  parenthesized: boolean;
}

/** A select list's items between items[select] and items[end]. */
function selectList(items: readonly Node[], select: number, end: number): Node[][] {
  const list = items.slice(select + 1, end).filter((n) => !['DISTINCT', 'ALL'].includes(nodeKeyword(n)));
  return splitItems(list).items;
}

const listEnd = (items: readonly Node[], select: number) => {
  let end = select + 1;
  while (end < items.length && !SELECT_LIST_END.has(nodeKeyword(items[end]))) end++;
  return end;
};

/**
 * The base's first branch where it starts with a parenthesized query (`(SELECT 'a' UNION ALL SELECT 'b') UNION ALL
 * step`, `((SELECT 'ab') UNION ALL …)`): its items, as an unparenthesized base of several branches is read by its
 * first SELECT. Trino 476 types such a base varchar(n) as well (TYPE_MISMATCH for a step `s || 'a'`, asked: corr37).
 */
function firstBranch(items: readonly Node[]): readonly Node[] {
  const first = meaningful(items)[0];
  if (!isParen(first)) return items;
  const inner = meaningful(first.items)[0];
  return nodeKeyword(inner) === 'SELECT' || isParen(inner) ? firstBranch(first.items) : items;
}

/** Every `WITH RECURSIVE name [(columns)] AS (base UNION [ALL] step)` directly in `items`. */
/** The word every check of a recursive query starts at (holdsWord's pre-test, here and in recursive-unroll.ts). */
export const RECURSIVE: ReadonlySet<string> = new Set(['RECURSIVE']);

export function recursiveQueries(items: readonly Node[]): RecursiveQuery[] {
  const m = meaningful(items);
  if (nodeKeyword(m[0]) !== 'WITH' || nodeKeyword(m[1]) !== 'RECURSIVE') return [];
  const found: RecursiveQuery[] = [];
  m.forEach((node, k) => {
    if (!isParen(node) || nodeKeyword(m[k - 1]) !== 'AS' || k < 3) return;
    const beforeAs = m[k - 2];
    const list = isParen(beforeAs) ? beforeAs : undefined;
    const nameNode = m[list ? k - 3 : k - 2];
    if (!isName(nameNode)) return;
    const body = node;
    // Trino 476 reads the body as a set operation (UNION and EXCEPT left to right, INTERSECT first): the last UNION
    // splits it into the base (any query, set operations too) and the step, which must be one SELECT (else
    // INVALID_RECURSIVE_REFERENCE, or NOT_SUPPORTED "immediate ORDER BY clause in recursive query" for a trailing
    // ORDER BY or LIMIT; those bodies are refused by recursive-unroll.ts when they read the table).
    const operators = body.items.flatMap((n, j) => (['UNION', 'INTERSECT', 'EXCEPT'].includes(nodeKeyword(n)) ? [j] : []));
    const unionAt = operators[operators.length - 1];
    if (unionAt === undefined || nodeKeyword(body.items[unionAt]) !== 'UNION') return;
    const baseItems = firstBranch(body.items.slice(0, unionAt));
    const baseSelect = baseItems.findIndex((n) => nodeKeyword(n) === 'SELECT');
    const base = baseSelect < 0 ? undefined : selectList(baseItems, baseSelect, listEnd(baseItems, baseSelect));
    let step = body.items.slice(unionAt + 1);
    // A parenthesized step, `UNION ALL (SELECT … FROM r …)`, is read as written without its parentheses.
    const stepNodes = meaningful(step);
    const quantified = ['ALL', 'DISTINCT'].includes(nodeKeyword(stepNodes[0])) ? 1 : 0;
    const parenthesized = stepNodes.length === quantified + 1 && isParen(stepNodes[quantified]) ? stepNodes[quantified] : undefined;
    if (parenthesized) step = [...step.slice(0, step.indexOf(parenthesized)), ...parenthesized.items];
    if (stepTailWords(step).length > 0) return;
    const select = step.findIndex((n) => nodeKeyword(n) === 'SELECT');
    if (select < 0) return;
    const from = listEnd(step, select);
    const written = list
      ? splitArgs(list.items).map((arg) => meaningful(arg))
      : base?.map((item) => {
          const m2 = meaningful(item);
          const alias = aliasOf(m2);
          const last = m2[m2.length - 1];
          return alias ? [{ kind: 'token', token: alias } as Node] : itemName(m2) !== undefined && last ? [last] : [];
        });
    const columns = written?.every((c) => c.length === 1 && isName(c[0])) ? written.map((c) => (c[0] as Node & { kind: 'token' }).token) : undefined;
    found.push({ name: nameNode.token, columns, base, step, select, from, body, unionAt, parenthesized: parenthesized !== undefined });
  });
  return found;
}

/** The name the step reads the CTE by (its alias, else its name), if its FROM clause names it. */
function stepQualifier(q: RecursiveQuery): string | undefined {
  const m = meaningful(q.step.slice(q.from));
  if (nodeKeyword(m[0]) !== 'FROM') return undefined;
  const target = identifierName(q.name);
  for (let k = 1; k < m.length && !FROM_END.has(nodeKeyword(m[k])); k++) {
    const n = m[k];
    const before = m[k - 1];
    if (!isName(n) || identifierName(n.token) !== target || isPunct(m[k + 1], '.')) continue;
    if (!(k === 1 || nodeKeyword(before) === 'JOIN' || isPunct(before, ','))) continue;
    const next = m[k + 1];
    const afterAs = m[k + 2];
    if (nodeKeyword(next) === 'AS' && isName(afterAs)) return afterAs.token.text;
    if (isName(next) && !NOT_AN_ALIAS.has(nodeKeyword(next)) && !['JOIN', 'ON', 'USING', 'CROSS', 'INNER', 'LEFT', 'RIGHT', 'FULL'].includes(nodeKeyword(next)))
      return next.token.text;
    return n.token.text;
  }
  return undefined;
}

/** `*` or `t.*`. */
function isStar(item: readonly Node[]): boolean {
  const m = meaningful(item);
  return (m.length === 1 && isPunct(m[0], '*')) || (m.length >= 3 && isPunct(m[m.length - 1], '*') && isPunct(m[m.length - 2], '.'));
}

/** The expression of a select item and its alias nodes (`AS x`), apart. */
function splitAlias(item: readonly Node[]): { expression: Node[]; alias: Node[] } {
  const m = meaningful(item);
  const alias = aliasOf(m);
  if (!alias) return { expression: [...item], alias: [] };
  const at = item.findIndex((n) => n.kind === 'token' && n.token === alias);
  const asAt = nodeKeyword(m[m.length - 2]) === 'AS' ? item.indexOf(m[m.length - 2]) : at;
  return { expression: item.slice(0, asAt), alias: item.slice(asAt) };
}

/** A recursive query's step with each column checked against the base's type while DuckDB binds (undefined: unchecked). */
export function checkedStep(q: RecursiveQuery): Node[] | undefined {
  const qualifier = stepQualifier(q);
  if (qualifier === undefined || q.columns === undefined) return undefined;
  const stepItems = selectList(q.step, q.select, q.from);
  if (stepItems.length !== q.columns.length || stepItems.some(isStar)) return undefined;
  const at = q.name;
  const checkedItems = stepItems.map((item, k) => {
    const { expression, alias } = splitAlias(item);
    const value = () => parenthesized(at, expression);
    const column = `typeof([${qualifier}.${q.columns?.[k].text}])`;
    return [
      translated(at, " {'trino_v': "),
      value(),
      translated(at, '}[CASE WHEN trino_coercible_type(typeof(['),
      value(),
      translated(at, `]), ${column}) THEN 'trino_v' ELSE '${REFUSED_KEY_MARKER}recursion ${k + 1}: ' || typeof([`),
      value(),
      translated(at, `]) || ', ' || ${column} END] `),
      ...alias,
    ];
  });
  const comma = translated(at, ', ');
  return [...q.step.slice(0, q.select + 1), ...checkedItems.flatMap((item, k) => (k === 0 ? item : [comma, ...item])), ...q.step.slice(q.from)];
}

/** Functions Trino 476 types varchar(n) for a varchar(n) first argument (asked of it: substr(x, 1, 1) of varchar(2) is varchar(2)). */
const LENGTH_KEEPING = new Set(['SUBSTR', 'SUBSTRING', 'LOWER', 'UPPER', 'TRIM', 'LTRIM', 'RTRIM', 'REVERSE']);

/**
 * Whether a step expression's text is typed varchar(n) with n at most `length` by Trino: a literal as short, NULL, the
 * column itself (`s`, `t.s`), a CASE or coalesce whose every result is such, or a length-keeping function of one.
 */
function boundedText(expression: readonly Node[], length: number, own: string | undefined): boolean {
  const e = meaningful(expression);
  const one = e.length === 1 && e[0].kind === 'token' ? e[0].token : undefined;
  if (one?.kind === 'string' && one.text.startsWith("'")) return stringValue(one).length <= length;
  if (e.length === 1 && nodeKeyword(e[0]) === 'NULL') return true;
  const last = e[e.length - 1];
  if (own !== undefined && last?.kind === 'token' && isName(last) && identifierName(last.token) === own && e.length <= 3)
    return e.length === 1 || isPunct(e[1], '.');
  if (e.length === 1 && isParen(e[0])) return boundedText(e[0].items, length, own);
  const only = e.length === 1 ? e[0] : undefined;
  if (only?.kind === 'group' && isCase(only)) {
    // The results: after each THEN and after ELSE, up to the next WHEN or ELSE (no ELSE: NULL).
    const results: Node[][] = [];
    let current: Node[] | undefined;
    for (const n of meaningful(only.items)) {
      const word = nodeKeyword(n);
      if (word === 'WHEN') current = undefined;
      else if (word === 'THEN' || word === 'ELSE') results.push((current = []));
      else current?.push(n);
    }
    return results.length > 0 && results.every((r) => boundedText(r, length, own));
  }
  if (e.length === 2 && e[0].kind === 'token' && isName(e[0]) && isParen(e[1])) {
    const name = nodeKeyword(e[0]);
    const args = splitArgs(e[1].items);
    if (name === 'COALESCE') return args.every((a) => boundedText(a, length, own));
    if (LENGTH_KEEPING.has(name)) return boundedText(args[0], length, own);
  }
  return false;
}

/**
 * Refused at lint: a WITH query of a WITH RECURSIVE without a column alias list (Trino 476: MISSING_COLUMN_ALIASES,
 * also for the queries that do not recur; DuckDB answered), and a base column that is a string literal where the step
 * gives a longer or unknown text.
 */
export function refuseRecursiveQueries(items: readonly Node[], report: Report): void {
  // Both checks read a WITH RECURSIVE (recursiveQueries); issue 18: without one the walk found nothing.
  if (!holdsWord(items, RECURSIVE)) return;
  const m = meaningful(items);
  if (nodeKeyword(m[0]) === 'WITH' && nodeKeyword(m[1]) === 'RECURSIVE') {
    for (let k = 3; k < m.length && nodeKeyword(m[k]) !== 'SELECT'; k++) {
      const name = m[k - 2];
      if (isParen(m[k]) && nodeKeyword(m[k - 1]) === 'AS' && isName(name))
        report(
          name.token,
          'recursive-column-aliases',
          `missing column aliases in recursive WITH query: Athena fails with MISSING_COLUMN_ALIASES for every WITH query of a WITH RECURSIVE without a column alias list (${name.token.text} here), where the local engine would answer`,
          `name the columns: ${name.token.text}(a, b) AS (…)`,
        );
    }
  }
  for (const q of recursiveQueries(items)) {
    if (q.base === undefined) continue;
    const stepItems = selectList(q.step, q.select, q.from);
    q.base.forEach((item, k) => {
      const literal = meaningful(splitAlias(item).expression);
      if (literal.length !== 1 || literal[0].kind !== 'token' || literal[0].token.kind !== 'string' || !literal[0].token.text.startsWith("'")) return;
      const length = stringValue(literal[0].token).length;
      const step = meaningful(splitAlias(stepItems[k] ?? []).expression);
      if (step.length === 0) return;
      const one = step.length === 1 && step[0].kind === 'token' ? step[0].token : undefined;
      if (boundedText(step, length, q.columns?.[k] && identifierName(q.columns[k]))) return;
      const stepType = one?.kind === 'string' ? `varchar(${stringValue(one).length})` : 'varchar';
      const first = step[0].kind === 'token' ? step[0].token : step[0].open;
      report(
        first,
        'recursive-step-type',
        `recursion step relation output type (${stepType}) is not coercible to recursion base relation output type (varchar(${length})) at column ${k + 1}: Athena types the base's string literal varchar(${length}) and fails with TYPE_MISMATCH, where the local engine would answer`,
        `CAST the base's literal to varchar: SELECT CAST(${literal[0].token.text} AS varchar)`,
      );
    });
  }
  for (const node of items) if (node.kind === 'group') refuseRecursiveQueries(node.items, report);
}
