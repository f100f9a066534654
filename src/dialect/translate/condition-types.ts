// A condition that is a bare column or literal (`WHERE flag`, `CASE WHEN n THEN …`, `IF(s, …)`, `a AND flag`): Trino
// 476 takes a boolean (or NULL) only and fails with TYPE_MISMATCH ("WHERE clause must evaluate to a boolean: actual type
// integer"); DuckDB casts an integer, a decimal or a text to boolean and answers. Each such operand goes through
// trino_condition (shims/macros.ts), whose check folds away while DuckDB binds a boolean (EXPLAIN shows the filter on the
// column alone, pushed into the scan) and fails there for any other type. So is any other operand that no top-level
// comparison or predicate makes boolean (`WHERE abs(x)`, `WHERE x + 1`, `CASE WHEN coalesce(n, 0) THEN`, `NOT x + 0`):
// a function's type is known only once bound. Conditions built by an operator (`x > 0`, `x IS NULL`, `EXISTS …`) are
// boolean already and are left as written.
import type { Token } from '../tokens.js';
import { isCase, isParen, isTriviaNode, nodeKeyword, type GroupNode, type Node } from './tree.js';

/** Where a condition is read, as Trino's message names it. */
type Context = 'where' | 'having' | 'on' | 'merge' | 'when' | 'if' | 'filter' | 'term' | 'not';

/** Keywords that end a WHERE, HAVING or ON condition at its level. */
const CONDITION_ENDS = new Set([
  'GROUP',
  'HAVING',
  'WINDOW',
  'ORDER',
  'LIMIT',
  'OFFSET',
  'FETCH',
  'UNION',
  'INTERSECT',
  'EXCEPT',
  'JOIN',
  'INNER',
  'LEFT',
  'RIGHT',
  'FULL',
  'CROSS',
  'NATURAL',
  'WHERE',
  'QUALIFY',
]);
const NOT_A_COLUMN = new Set(['TRUE', 'FALSE', 'NULL', 'CURRENT_DATE', 'CURRENT_TIME', 'CURRENT_TIMESTAMP', 'LOCALTIME', 'LOCALTIMESTAMP']);

const translated = (at: Token, text: string): Node => ({ kind: 'token', token: { ...at, kind: 'translated', text } });

/** The nodes of a bare column (`x`, `t.x`, `"x"`) or a number or text literal; undefined for anything else. */
function bareOperand(nodes: readonly Node[]): Node[] | undefined {
  const m = nodes.filter((n) => !isTriviaNode(n));
  if (m.length === 0 || m.some((n) => n.kind !== 'token')) return undefined;
  const tokens = m.map((n) => (n as Node & { kind: 'token' }).token);
  if (
    tokens.length === 1 &&
    ((tokens[0].kind === 'number' && /^[\d.eE+-]+$/.test(tokens[0].text)) || (tokens[0].kind === 'string' && /^'(?:[^']|'')*'$/.test(tokens[0].text)))
  )
    return m;
  // Names as the tokenizer gives them (a pass may insert DuckDB text as a word).
  const isName = (t: Token) => (t.kind === 'word' && /^[A-Za-z_][\w$]*$/.test(t.text)) || (t.kind === 'quoted' && /^"(?:[^"]|"")*"$/.test(t.text));
  const names = tokens.every((t, k) => (k % 2 === 0 ? isName(t) : t.text === '.'));
  if (!names || tokens.length % 2 === 0 || tokens.length > 5) return undefined;
  return NOT_A_COLUMN.has(nodeKeyword(m[0])) && tokens.length === 1 ? undefined : m;
}

/** Operators and words that make a boolean of the operand they stand in at its top level. */
const COMPARISONS = new Set(['=', '<>', '!=', '<', '>', '<=', '>=']);
// AND and OR: the whole condition is split on them first.
const PREDICATE_WORDS = new Set(['IS', 'IN', 'LIKE', 'BETWEEN', 'EXISTS', 'NOT', 'AND', 'OR']);

/** A subquery in parentheses: `(SELECT …)`, `(WITH …)`, `(VALUES …)`. */
const isSubquery = (n: Node): boolean => isParen(n) && ['SELECT', 'WITH', 'VALUES'].includes(nodeKeyword(n.items.find((m) => !isTriviaNode(m))));

const CASE_VALUE_WORDS = new Set(['WHEN', 'THEN', 'ELSE']);

/**
 * Whether a value is a boolean whatever its operands' types: a comparison or predicate at its top level (`x > 0`,
 * `a AND b`, `x IS NULL`, `NOT x`, `x IN (…)`), TRUE or FALSE, one in parentheses, or a CASE whose every THEN and ELSE
 * value is one of those or NULL (issue 18: the p3_contract_violations alert's `CASE WHEN … THEN total > 0 AND … ELSE
 * failing > 0 END` was checked as a condition and for its values' common type, ~200 ms of DuckDB's binding). An
 * operand of another type inside it fails on its own (the comparison's or predicate's check).
 */
export function surelyBoolean(nodes: readonly Node[]): boolean {
  const m = nodes.filter((n) => !isTriviaNode(n));
  if (m.length === 0 || m.some((n) => n.kind === 'token' && (n.token.text === '->' || n.token.text === '=>'))) return false;
  if (m.length > 1)
    return m.some(
      (n) =>
        n.kind === 'token' && ((n.token.kind === 'op' && COMPARISONS.has(n.token.text)) || (n.token.kind === 'word' && PREDICATE_WORDS.has(nodeKeyword(n)))),
    );
  const only = m[0];
  if (only.kind === 'token') return only.token.kind === 'word' && (nodeKeyword(only) === 'TRUE' || nodeKeyword(only) === 'FALSE');
  if (isParen(only)) return !isSubquery(only) && surelyBoolean(only.items);
  if (!isCase(only)) return false;
  // The values after THEN and ELSE (a WHEN starts the next condition).
  const values: Node[][] = [];
  let inValue = false;
  for (const node of (only as GroupNode).items) {
    const word = nodeKeyword(node);
    if (CASE_VALUE_WORDS.has(word) && node.kind === 'token') {
      inValue = word !== 'WHEN';
      if (inValue) values.push([]);
    } else if (inValue) values[values.length - 1].push(node);
  }
  const isNull = (v: readonly Node[]) => {
    const vm = v.filter((n) => !isTriviaNode(n));
    return vm.length === 1 && vm[0].kind === 'token' && vm[0].token.kind === 'word' && nodeKeyword(vm[0]) === 'NULL';
  };
  return values.length > 0 && values.every((v) => isNull(v) || surelyBoolean(v));
}

/**
 * The nodes of an operand whose type only binding tells (a bare column or literal, a function call, CAST, CASE,
 * arithmetic); undefined where a top-level comparison or predicate makes it boolean, or for one parenthesized group
 * (checked inside, or a subquery, left as written).
 */
function operandToCheck(nodes: readonly Node[]): Node[] | undefined {
  const bare = bareOperand(nodes);
  if (bare) return bare;
  const m = nodes.filter((n) => !isTriviaNode(n));
  if (m.length === 0 || (m.length === 1 && (isParen(m[0]) || m[0].kind === 'token'))) return undefined;
  const predicate = (n: Node) => n.kind === 'token' && (COMPARISONS.has(n.token.text) || n.token.text === '?' || PREDICATE_WORDS.has(nodeKeyword(n)));
  // A CASE of boolean values (surelyBoolean) is a boolean or NULL.
  return m.some(predicate) || (m.length === 1 && surelyBoolean(m)) ? undefined : m;
}

/** `operand` as trino_condition(operand, context): the operand, its type checked while DuckDB binds. */
function checked(operand: readonly Node[], context: Context): Node[] {
  const at = operand[0].kind === 'token' ? operand[0].token : operand[0].open;
  const group: GroupNode = {
    kind: 'group',
    open: { ...at, kind: 'punct', text: '(' },
    close: { ...at, kind: 'punct', text: ')' },
    items: [...operand, translated(at, `, '${context}'`)],
  };
  return [translated(at, 'trino_condition'), group];
}

/**
 * The operands of a condition's top-level AND, OR and NOT (the AND of `BETWEEN … AND …` is none), each bare one
 * checked; a condition that is one bare operand is checked as `context`, the others as terms of a logical expression.
 */
function checkCondition(nodes: readonly Node[], context: Context): Node[] {
  const first = nodes.findIndex((n) => !isTriviaNode(n));
  const last = nodes.length - 1 - [...nodes].reverse().findIndex((n) => !isTriviaNode(n));
  if (first < 0) return [...nodes];
  const whole = operandToCheck(nodes);
  if (whole) return [...nodes.slice(0, first), ...checked(whole, context), ...nodes.slice(last + 1)];
  // `(x)`, `(a OR x)`: a parenthesized condition (not a subquery) is checked inside.
  const only = nodes[first];
  if (first === last && isParen(only) && !isSubquery(only))
    return [...nodes.slice(0, first), withItems(only, checkCondition(only.items, context)), ...nodes.slice(last + 1)];
  const out: Node[] = [];
  let operand: Node[] = [];
  let between = false;
  let negated = false;
  const flush = () => {
    const bare = operandToCheck(operand);
    const inner = operand.filter((n) => !isTriviaNode(n));
    // A subquery is left as written: checking inside it would come back here (`WHERE (SELECT true)` overflowed the stack).
    if (!bare && inner.length === 1 && isParen(inner[0]) && !isSubquery(inner[0])) {
      out.push(...checkCondition(operand, negated ? 'not' : 'term'));
    } else if (bare) {
      const from = operand.findIndex((n) => !isTriviaNode(n));
      const to = operand.length - 1 - [...operand].reverse().findIndex((n) => !isTriviaNode(n));
      out.push(...operand.slice(0, from), ...checked(bare, negated ? 'not' : 'term'), ...operand.slice(to + 1));
    } else out.push(...operand);
    operand = [];
  };
  for (const node of nodes) {
    const word = nodeKeyword(node);
    if (word === 'BETWEEN') between = true;
    // NOT starts an operand (`NOT flag`); after one it is a predicate's (`x NOT IN (…)`, `x NOT LIKE …`).
    const prefixNot = word === 'NOT' && operand.every(isTriviaNode);
    if ((word === 'AND' && !between) || word === 'OR' || prefixNot) {
      flush();
      negated = prefixNot;
      out.push(node);
    } else {
      if (word === 'AND') between = false;
      operand.push(node);
    }
  }
  flush();
  return out;
}

/**
 * Words that end an expression: the operands of AND, OR and NOT are looked for between them (and commas), so that
 * `SELECT x AND true AS y` checks `true`, not `true AS y`.
 */
const EXPRESSION_ENDS = new Set([
  ...CONDITION_ENDS,
  'SELECT',
  'DISTINCT',
  'ALL',
  'FROM',
  'AS',
  'ON',
  'USING',
  'BY',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'ASC',
  'DESC',
  'NULLS',
  'VALUES',
  'WITH',
  'SET',
  'RETURN',
  'RETURNS',
  'ESCAPE',
]);

/**
 * The bare operands of AND, OR and NOT wherever they stand (a select list, a function's argument, a THEN): Trino fails
 * `SELECT NOT x` over an integer x as it fails `WHERE NOT x` ("Value of logical NOT expression must evaluate to a
 * boolean"); DuckDB casts. The conditions of WHERE, HAVING, ON, CASE WHEN, IF and FILTER are checked as such below.
 */
function checkLogicalOperands(items: readonly Node[]): Node[] {
  const out: Node[] = [];
  let expression: Node[] = [];
  const flush = () => {
    let between = false;
    // Whether a node before this one is not trivia (a NOT after one is a predicate's).
    let started = false;
    const logical = expression.some((node) => {
      const word = nodeKeyword(node);
      if (word === 'BETWEEN') between = true;
      else if (word === 'AND' && between) between = false;
      else if (word === 'AND' || word === 'OR') return true;
      if (word === 'NOT' && !started) return true;
      if (!isTriviaNode(node)) started = true;
      return false;
    });
    out.push(...(logical ? checkCondition(expression, 'term') : expression));
    expression = [];
  };
  let previous = '';
  for (const node of items) {
    const word = nodeKeyword(node);
    // `m IS [NOT] DISTINCT FROM n` is one operand.
    const distinctFrom = (word === 'DISTINCT' && (previous === 'IS' || previous === 'NOT')) || (word === 'FROM' && previous === 'DISTINCT');
    if (!isTriviaNode(node)) previous = word;
    const text = tokenText(node);
    if (text === ',' || text === ';' || text === '->' || (EXPRESSION_ENDS.has(word) && !distinctFrom)) {
      flush();
      out.push(node);
    } else expression.push(node);
  }
  flush();
  return out;
}

/** Checks the bare conditions of `items` and of every group in it (see above). */
export function checkConditionTypes(items: readonly Node[]): Node[] {
  // Groups left as they are keep their identity (later steps of the rendering may know a node by it).
  const nested = checkLogicalOperands(
    items.map((n): Node => {
      if (n.kind !== 'group') return n;
      const inner = checkConditionTypes(n.items);
      return withItems(n, inner);
    }),
  );
  const out: Node[] = [];
  let joined = false;
  const isCase = (n: Node) => n.kind === 'group' && nodeKeyword({ kind: 'token', token: n.open }) === 'CASE';
  for (let i = 0; i < nested.length; i++) {
    const node = nested[i];
    const word = nodeKeyword(node);
    out.push(node);
    if (node.kind === 'group' && isCase(node)) {
      out[out.length - 1] = withItems(node, checkCaseConditions(node.items));
      continue;
    }
    if (node.kind === 'group' && isParen(node) && nodeKeyword(lastMeaningful(out, out.length - 1)) === 'IF') {
      out[out.length - 1] = withItems(node, checkFirstArgument(node.items));
      continue;
    }
    if (word === 'JOIN') joined = true;
    // A join's ON: not the ON of `… FALSE ON ERROR` in a JSON function's arguments.
    if (word !== 'WHERE' && word !== 'HAVING' && (word !== 'ON' || !joined)) continue;
    // `x IS [NOT] DISTINCT FROM`, `FILTER (WHERE …)`: a FILTER's WHERE is its own.
    const filter = word === 'WHERE' && items.filter((n) => !isTriviaNode(n)).length > 0 && nodeKeyword(items.find((n) => !isTriviaNode(n))) === 'WHERE';
    let end = i + 1;
    while (end < nested.length && !CONDITION_ENDS.has(nodeKeyword(nested[end])) && tokenText(nested[end]) !== ';') end++;
    const context: Context = filter ? 'filter' : word === 'WHERE' ? 'where' : word === 'HAVING' ? 'having' : 'on';
    out.push(...checkCondition(nested.slice(i + 1, end), context));
    i = end - 1;
  }
  return out;
}

/**
 * A MERGE's ON condition (`MERGE INTO t USING s ON c WHEN …`, between the top-level ON after USING and the first
 * top-level WHEN) checked as a join's: Trino 476 fails TYPE_MISMATCH "The MERGE predicate must evaluate to a boolean:
 * actual type integer" where DuckDB cast it. The WHEN clauses are left as written.
 */
export function checkMergeCondition(items: readonly Node[]): Node[] {
  const using = items.findIndex((n) => nodeKeyword(n) === 'USING');
  const on = using < 0 ? -1 : items.findIndex((n, k) => k > using && nodeKeyword(n) === 'ON');
  if (on < 0) return [...items];
  let end = on + 1;
  while (end < items.length && nodeKeyword(items[end]) !== 'WHEN' && tokenText(items[end]) !== ';') end++;
  return [...items.slice(0, on + 1), ...checkCondition(items.slice(on + 1, end), 'merge'), ...items.slice(end)];
}

/**
 * A token's text, '' for a group: a group's text (nodeText) starts with its `(`, `[` or CASE, so it is never a `,`, `;`
 * or `->`, and nodeText of a group joins all of its text (issue 18: it was most of checkLogicalOperands' time).
 */
const tokenText = (node: Node): string => (node.kind === 'token' ? node.token.text : '');

/** `group` with `items`: the group itself where they are its own. */
const withItems = (group: GroupNode, items: Node[]): GroupNode =>
  items.length === group.items.length && items.every((x, k) => x === group.items[k]) ? group : { ...group, items };

/** The last node of `nodes` before index `end` that is not trivia. */
function lastMeaningful(nodes: readonly Node[], end = nodes.length): Node | undefined {
  for (let k = end - 1; k >= 0; k--) if (!isTriviaNode(nodes[k])) return nodes[k];
  return undefined;
}

/** A searched CASE's WHEN conditions (`CASE WHEN c THEN …`); a simple CASE's WHEN values are compared, not tested. */
function checkCaseConditions(items: readonly Node[]): Node[] {
  const first = items.find((n) => !isTriviaNode(n));
  if (nodeKeyword(first) !== 'WHEN') return [...items];
  const out: Node[] = [];
  for (let i = 0; i < items.length; i++) {
    out.push(items[i]);
    if (nodeKeyword(items[i]) !== 'WHEN') continue;
    let end = i + 1;
    while (end < items.length && nodeKeyword(items[end]) !== 'THEN') end++;
    out.push(...checkCondition(items.slice(i + 1, end), 'when'));
    i = end - 1;
  }
  return out;
}

/** IF(c, …): its first argument. */
function checkFirstArgument(items: readonly Node[]): Node[] {
  const comma = items.findIndex((n) => tokenText(n) === ',');
  if (comma < 0) return [...items];
  return [...checkCondition(items.slice(0, comma), 'if'), ...items.slice(comma)];
}
