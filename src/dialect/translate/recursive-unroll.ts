// WITH RECURSIVE r(n) AS (base UNION [ALL] step) as Trino 476 plans it: the step unrolled max_recursion_depth (10)
// times, each copy reading the one before, and a check that the copy after the last gives no row (else NOT_SUPPORTED
// "Recursion depth limit exceeded (10). Use 'max_recursion_depth' session property to modify the limit."). DuckDB's
// own recursion ran on to any depth (`… WHERE n < 20` gave 20, a step that never ends never came back), stopped a
// UNION (distinct) at the first step giving no new row (Trino unrolls it as well and fails at depth 10) and failed to
// bind a UNION (distinct) body ("Circular reference to CTE"). The unrolled CTEs are materialized by DuckDB (each is read
// twice), so the cost is one pass of the step per level, as in DuckDB's own recursion.
//
// Refused at lint, as Trino fails while analyzing (INVALID_RECURSIVE_REFERENCE): a step reading the recursive table
// twice (also in a subquery, EXISTS), the recursive table (also inside a subquery, LATERAL or parenthesized join) as
// the right side of a LEFT or FULL join or the left side of a RIGHT or FULL join, the table read before the body's last
// UNION, and any other WITH query reading itself that is not unrolled here (INTERSECT/EXCEPT after the step, no UNION,
// an ORDER BY or LIMIT after the step: NOT_SUPPORTED), so that none is left to DuckDB's recursion.
import { REFUSED_KEY_MARKER } from '../shims/error-messages.js';
import { isDuckdbOnlyReserved } from './identifiers.js';
import { identifierName, tokenize, type Token } from '../tokens.js';
import { checkedStep, RECURSIVE, recursiveQueries, type RecursiveQuery, stepTailWords } from './recursive-steps.js';
import { isName, NOT_AN_ALIAS } from './select-names.js';
import { holdsWord, isParen, isTriviaNode, meaningful, nodeKeyword, type GroupNode, type Node } from './tree.js';
import type { Report } from './within-group.js';

/** Trino 476's default max_recursion_depth. */
export const MAX_RECURSION_DEPTH = 10;
const DEPTH_MESSAGE = `NOT_SUPPORTED: Recursion depth limit exceeded (${MAX_RECURSION_DEPTH}). Use ''max_recursion_depth'' session property to modify the limit.`;

const FROM_END = new Set(['WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'SELECT', 'UNION', 'INTERSECT', 'EXCEPT', 'ON', 'USING']);
const isPunct = (n: Node | undefined, text: string) => n !== undefined && n.kind === 'token' && n.token.text === text;
const translated = (at: Token, text: string): Node => ({ kind: 'token', token: { ...at, kind: 'translated', text } });
/** `text` as plain tokens at the position of `at` (their keywords are read by later checks). */
const words = (at: Token, text: string): Node[] => tokenize(text).map((token) => ({ kind: 'token', token: { ...token, line: at.line, col: at.col } }));

/** A reference to the recursive table in a FROM clause: the list holding it, its index there, and where it joins. */
interface Reference {
  token: Token;
  /** The recursive table is the right side of a LEFT or FULL join, or the left side of a RIGHT or FULL one. */
  outer?: string;
}

const meaningfulIndexes = (items: readonly Node[]) => items.flatMap((n, k) => (isTriviaNode(n) ? [] : [k]));

/** Whether the name at `items[k]` has an alias after it (`t x`, `t AS x`). */
function hasAlias(items: readonly Node[], m: readonly number[], at: number): boolean {
  const next = items[m[at + 1]];
  if (nodeKeyword(next) === 'AS') return true;
  return isName(next) && !NOT_AN_ALIAS.has(nodeKeyword(next));
}

/** Keywords that open a query: a group starting with one is a subquery, not a parenthesized join. */
const QUERY_START = new Set(['SELECT', 'WITH', 'VALUES', 'TABLE']);

/** Whether `items[m[at]]` stands where a relation is named: right after FROM or JOIN, after a comma of a FROM clause, or first in a parenthesized join. */
function relationPosition(items: readonly Node[], m: readonly number[], at: number, inFrom: boolean, joinGroup: boolean): boolean {
  const before = items[m[at - 1]];
  const beforeWord = nodeKeyword(before);
  return (
    !isPunct(before, '.') &&
    (beforeWord === 'FROM' || beforeWord === 'JOIN' || beforeWord === 'TABLE' || (inFrom && isPunct(before, ',')) || (joinGroup && at === 0))
  );
}

/** A query level that defines `target` in its own WITH (`(WITH t(n) AS (…) SELECT … FROM t)`): `target` is another table there. */
function shadows(n: Node, target: string): boolean {
  if (!isParen(n)) return false;
  const m = meaningful(n.items);
  if (nodeKeyword(m[0]) !== 'WITH') return false;
  for (let k = 1; k < m.length && nodeKeyword(m[k]) !== 'SELECT'; k++) {
    const before = m[k - 1];
    const name = m[k];
    if (isName(name) && identifierName(name.token) === target && (k === 1 || isPunct(before, ',') || nodeKeyword(before) === 'RECURSIVE')) return true;
  }
  return false;
}

/** The name token of `items[m[at]]` where it names `target` as a relation (relationPosition), not qualified. */
function relationReference(items: readonly Node[], m: readonly number[], at: number, target: string, inFrom: boolean, joinGroup: boolean): Token | undefined {
  const n = items[m[at]];
  return isName(n) && identifierName(n.token) === target && !isPunct(items[m[at + 1]], '.') && relationPosition(items, m, at, inFrom, joinGroup)
    ? n.token
    : undefined;
}

/** A parenthesized join in a relation's place (`FROM (r JOIN u ON …)`), not a subquery. */
function joinGroupAt(items: readonly Node[], m: readonly number[], at: number, inFrom: boolean, joinGroup: boolean): boolean {
  const n = items[m[at]];
  return isParen(n) && !QUERY_START.has(nodeKeyword(meaningful(n.items)[0])) && relationPosition(items, m, at, inFrom, joinGroup);
}

/** Whether a FROM clause goes on after the word `word` (ON and USING belong to its joins). */
const stillInFrom = (word: string, inFrom: boolean): boolean =>
  word === 'FROM' ? true : FROM_END.has(word) && word !== 'ON' && word !== 'USING' ? false : inFrom;

/** Why the relation at `items[m[at]]` is on an outer-joined side (Trino's message), if it is. */
function outerSide(items: readonly Node[], m: readonly number[], at: number): string | undefined {
  const j = nodeKeyword(items[m[at - 1]]) === 'LATERAL' ? at - 1 : at;
  if (nodeKeyword(items[m[j - 1]]) === 'JOIN') {
    const joinWords = [nodeKeyword(items[m[j - 2]]), nodeKeyword(items[m[j - 3]])];
    const kind = joinWords[0] === 'OUTER' ? joinWords[1] : joinWords[0];
    if (kind === 'LEFT' || kind === 'FULL') return `recursive reference in right source of ${kind} join`;
  }
  for (let j = at + 1; j < m.length; j++) {
    const w = nodeKeyword(items[m[j]]);
    if (isPunct(items[m[j]], ',') || (FROM_END.has(w) && w !== 'ON' && w !== 'USING')) break;
    if (w === 'RIGHT' || w === 'FULL') return `recursive reference in left source of ${w} join`;
  }
  return undefined;
}

/**
 * Every reference to `target` as a relation in `items` (and the groups in it): a name right after FROM or JOIN, or
 * after a comma of a FROM clause, or first in a parenthesized join (`FROM (r JOIN u ON …)`), not qualified. A
 * reference inside a parenthesized join on an outer-joined side is on that side too.
 */
function findReferences(items: readonly Node[], target: string, found: Reference[], joinGroup = false, outer?: string): void {
  const m = meaningfulIndexes(items);
  let inFrom = joinGroup;
  m.forEach((index, at) => {
    const n = items[index];
    const word = nodeKeyword(n);
    const token = relationReference(items, m, at, target, inFrom, joinGroup);
    if (token) found.push({ token, outer: outer ?? outerSide(items, m, at) });
    const isJoinGroup = joinGroupAt(items, m, at, inFrom, joinGroup);
    inFrom = stillInFrom(word, inFrom);
    // A subquery or parenthesized join on an outer-joined side puts every reference in it there (Trino 476: `LEFT
    // JOIN (SELECT * FROM t) s` fails as `LEFT JOIN t`).
    const relation =
      n.kind === 'group' && (isJoinGroup || (isParen(n) && (relationPosition(items, m, at, inFrom, joinGroup) || nodeKeyword(items[m[at - 1]]) === 'LATERAL')));
    if (n.kind === 'group' && !shadows(n, target))
      findReferences(n.items, target, found, isJoinGroup, outer ?? (relation ? outerSide(items, m, at) : undefined));
  });
}

/** `items` with every reference to `target` as a relation read from `level` instead (keeping `target` as its alias). */
function readFrom(items: readonly Node[], target: string, level: string, joinGroup = false): Node[] {
  const m = meaningfulIndexes(items);
  const out = [...items];
  let inFrom = joinGroup;
  m.forEach((index, at) => {
    const n = items[index];
    const word = nodeKeyword(n);
    const token = relationReference(items, m, at, target, inFrom, joinGroup);
    // `TABLE t` takes no alias: the level's columns have t's names.
    const aliased = nodeKeyword(items[m[at - 1]]) === 'TABLE' || hasAlias(items, m, at);
    // A word DuckDB reserves and Trino does not (`WITH RECURSIVE window(n) …`) is quoted as the alias it becomes.
    const alias = token?.kind === 'word' && isDuckdbOnlyReserved(token.text) ? `"${token.text.toLowerCase()}"` : token?.text;
    if (token) out[index] = translated(token, aliased ? level : `${level} AS ${alias}`);
    const isJoinGroup = joinGroupAt(items, m, at, inFrom, joinGroup);
    inFrom = stillInFrom(word, inFrom);
    if (n.kind === 'group' && !shadows(n, target)) out[index] = { ...n, items: readFrom(n.items, target, level, isJoinGroup) };
  });
  return out;
}

/** The recursive WITH queries Trino would plan: an alias list, one UNION, one reference in the step, none in the base. */
function unrollable(q: RecursiveQuery): boolean {
  if (q.columns === undefined) return false;
  const found: Reference[] = [];
  findReferences(q.step, identifierName(q.name), found);
  const inBase: Reference[] = [];
  findReferences(q.body.items.slice(0, q.unionAt), identifierName(q.name), inBase);
  return found.length === 1 && found[0].outer === undefined && inBase.length === 0;
}

/** Every recursive WITH query in `items` (and in the groups in it) unrolled as Trino 476 plans it. */
export function unrollRecursiveQueries(items: readonly Node[]): Node[] {
  // Only a WITH RECURSIVE is unrolled (issue 18: without one the walk copied every group).
  if (!holdsWord(items, RECURSIVE)) return [...items];
  let out: Node[] = [...items];
  for (const q of recursiveQueries(items)) {
    const checked = checkedStep(q);
    if (!unrollable(q)) {
      // Left to DuckDB's recursion, with its step's types checked.
      const bodyAt = out.indexOf(q.body);
      if (checked && bodyAt >= 0 && !q.parenthesized) out[bodyAt] = { ...q.body, items: [...q.body.items.slice(0, q.unionAt + 1), ...checked] };
      continue;
    }
    const nameAt = out.findIndex((n) => n.kind === 'token' && n.token === q.name);
    const bodyAt = out.indexOf(q.body);
    if (nameAt < 0 || bodyAt < nameAt) continue;
    const list = out.slice(nameAt + 1, bodyAt).find((n) => isParen(n));
    if (!list) continue;
    const target = identifierName(q.name);
    const at = q.name;
    const prefix = `trino_recursion_${target.replace(/[^A-Za-z0-9_]/g, '_')}_`;
    const base = q.body.items.slice(0, q.unionAt);
    const stepStart = q.step.findIndex((n) => !isTriviaNode(n));
    const quantifier = nodeKeyword(q.step[stepStart]);
    const unquantified = (step: readonly Node[]) => (quantifier === 'ALL' || quantifier === 'DISTINCT' ? step.slice(stepStart + 1) : step);
    const step = unquantified(q.step);
    // The first copy reads the base: it alone checks the step's types against the base's, as Trino does once, over its
    // output columns (beside the base's, from a join that gives no base row), so the step's expressions are bound once
    // and a step that aggregates or selects * is checked too.
    const columns = q.columns ?? [];
    const checks = columns.map((c, k) => {
      const value = `trino_step.trino_c${k}`;
      const base = `typeof([trino_base.${c.text}])`;
      return `{'trino_v': ${value}}[CASE WHEN trino_coercible_type(typeof([${value}]), ${base}) THEN 'trino_v' ELSE '${REFUSED_KEY_MARKER}recursion ${k + 1}: ' || typeof([${value}]) || ', ' || ${base} END]`;
    });
    const firstStep = (): Node[] => [
      translated(at, `SELECT ${checks.join(', ')} FROM `),
      { kind: 'group', open: { ...at, kind: 'punct', text: '(' }, close: { ...at, kind: 'punct', text: ')' }, items: readFrom(step, target, `${prefix}0`) },
      translated(at, ` AS trino_step(${columns.map((_c, k) => `trino_c${k}`).join(', ')}) LEFT JOIN ${prefix}0 AS trino_base ON false`),
    ];
    const level = (k: number, body: readonly Node[]): Node[] => [
      translated(at, `${prefix}${k}`),
      list,
      translated(at, ' AS '),
      { ...(q.body as GroupNode), items: [...body] },
      translated(at, ', '),
    ];
    const levels: Node[] = [...level(0, base)];
    for (let k = 1; k <= MAX_RECURSION_DEPTH + 1; k++) levels.push(...level(k, k === 1 ? firstStep() : readFrom(step, target, `${prefix}${k - 1}`)));
    const reads = Array.from({ length: MAX_RECURSION_DEPTH + 1 }, (_v, k) => `SELECT * FROM ${prefix}${k}`).join(' UNION ALL ');
    const check = `(SELECT max(trino_fail('${DEPTH_MESSAGE}')) FROM ${prefix}${MAX_RECURSION_DEPTH + 1}) IS NULL`;
    const distinct = quantifier === 'ALL' ? '' : 'DISTINCT ';
    // Written as a tree, so that the checks of DISTINCT rows that run after this (maps compared as sets of entries,
    // zoned values by instant: zoned-rows.ts) see the DISTINCT over the union.
    const union: Node = {
      kind: 'group',
      open: { ...at, kind: 'punct', text: '(' },
      close: { ...at, kind: 'punct', text: ')' },
      items: [...words(at, `SELECT ${distinct}* FROM `), translated(at, `(${reads})`), ...words(at, ' WHERE '), translated(at, check)],
    };
    out = [...out.slice(0, nameAt), ...levels, ...out.slice(nameAt, bodyAt), union, ...out.slice(bodyAt + 1)];
  }
  return out.map((node) => (node.kind === 'group' ? { ...node, items: unrollRecursiveQueries(node.items) } : node));
}

/** Every `name [(columns)] AS (body)` of a WITH RECURSIVE directly in `items`, whether it recurs or not. */
function withRecursiveQueries(items: readonly Node[]): { name: Token; columns: boolean; body: GroupNode }[] {
  const m = meaningful(items);
  if (nodeKeyword(m[0]) !== 'WITH' || nodeKeyword(m[1]) !== 'RECURSIVE') return [];
  const found: { name: Token; columns: boolean; body: GroupNode }[] = [];
  for (let k = 3; k < m.length && nodeKeyword(m[k]) !== 'SELECT'; k++) {
    const body = m[k];
    if (!isParen(body) || nodeKeyword(m[k - 1]) !== 'AS') continue;
    const columns = isParen(m[k - 2]);
    const name = m[columns ? k - 3 : k - 2];
    if (isName(name)) found.push({ name: name.token, columns, body });
  }
  return found;
}

/**
 * Refused at lint: recursive references Trino 476 does not plan (INVALID_RECURSIVE_REFERENCE), and every other WITH
 * query reading itself that is not unrolled here (so none is left to DuckDB's recursion, which has no depth limit).
 */
export function refuseRecursiveReferences(items: readonly Node[], report: Report): void {
  if (!holdsWord(items, RECURSIVE)) return;
  const recognized = recursiveQueries(items);
  for (const w of withRecursiveQueries(items)) {
    // Without a column alias list it is refused by recursive-steps.ts (MISSING_COLUMN_ALIASES).
    if (!w.columns || recognized.some((q) => q.body === w.body)) continue;
    const found: Reference[] = [];
    findReferences(w.body.items, identifierName(w.name), found);
    if (found.length === 0) continue;
    const tail = stepTailWords(w.body.items)[0];
    if (tail?.kind === 'token')
      report(
        tail.token,
        'recursive-reference',
        `immediate ${nodeKeyword(tail) === 'FETCH' ? 'FETCH FIRST' : nodeKeyword(tail) === 'ORDER' ? 'ORDER BY' : nodeKeyword(tail)} clause in recursive query: Athena fails with NOT_SUPPORTED for an ORDER BY, LIMIT, OFFSET or FETCH after the recursive step (it would apply to the whole recursion), where the local engine would answer`,
        `sort or limit where the recursive table is read: WITH RECURSIVE ${w.name.text}(…) AS (…) SELECT … FROM ${w.name.text} ORDER BY …`,
      );
    else
      report(
        found[0].token,
        'recursive-reference',
        `recursive reference not allowed in this context: Athena fails with INVALID_RECURSIVE_REFERENCE unless the query is base UNION [ALL] step, the step one SELECT reading ${w.name.text} once in its FROM clause (not under INTERSECT or EXCEPT), where the local engine would run it without Athena's depth limit or fail otherwise`,
        `write the recursion as WITH RECURSIVE ${w.name.text}(…) AS (SELECT … UNION ALL SELECT … FROM ${w.name.text} WHERE …)`,
      );
  }
  for (const q of recognized) {
    const inBase: Reference[] = [];
    findReferences(q.body.items.slice(0, q.unionAt), identifierName(q.name), inBase);
    if (inBase.length > 0)
      report(
        inBase[0].token,
        'recursive-reference',
        `WITH table name is referenced in the base relation of recursion: Athena fails with INVALID_RECURSIVE_REFERENCE when ${q.name.text} is read before the last UNION of its body, where the local engine would answer or fail otherwise`,
        `read ${q.name.text} only in the step, the query after the last UNION`,
      );
    const found: Reference[] = [];
    findReferences(q.step, identifierName(q.name), found);
    if (found.length > 1)
      report(
        found[1].token,
        'recursive-reference',
        `multiple recursive references in the step relation of recursion: Athena fails with INVALID_RECURSIVE_REFERENCE when the step reads ${q.name.text} more than once (also in a subquery or EXISTS), where the local engine would answer`,
        `read ${q.name.text} once in the step; join what else is needed to that one reference`,
      );
    for (const reference of found)
      if (reference.outer)
        report(
          reference.token,
          'recursive-reference',
          `${reference.outer}: Athena fails with INVALID_RECURSIVE_REFERENCE for the recursive table on the outer-joined side, where the local engine would answer`,
          `join ${q.name.text} with an inner join, or put it on the preserved side (${q.name.text} LEFT JOIN other)`,
        );
  }
  for (const node of items) if (node.kind === 'group') refuseRecursiveReferences(node.items, report);
}
