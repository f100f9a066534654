// Trino's try() turns only some failures into NULL (division by zero, invalid casts and function arguments, numeric
// values out of range: https://trino.io/docs/current/functions/conditional.html#try). Java's own ArithmeticException
// is none of them: date_add's count goes through Math.toIntExact, so `try(date_add('day', BIGINT '9000000000', d))`
// fails on Athena with "integer overflow" (Trino 476, found by the oracle), and a date pushed past the int range of
// days fails with "Value … is less than MIN_INT for type date" (an IllegalArgumentException) even inside try().
// DuckDB's TRY catches every failure, so inside try() a date_add count must be a small integer literal (or a cast to
// tinyint/smallint, whose own failure try() does catch); another count is refused.
import { keyword, stringValue } from '../tokens.js';
import { networkErrorEscapingTry } from '../shims/ip-address.js';
import type { CallContext, CallHandler } from './functions.js';
import { hasAggregate } from './unbound.js';
import { rowValues } from './set-operation-columns.js';
import { isParen, meaningful, nodeKeyword, nodeText, splitArgs, type Node } from './tree.js';

/** A million of any unit stays far inside Trino's and DuckDB's date range (about 5.8 million years either way). */
const SAFE_COUNT = 1_000_000n;
const INTEGER_TYPES = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'INT', 'BIGINT']);
const SMALL_TYPES = new Set(['TINYINT', 'SMALLINT']);

/** The value of an integer literal (`5`, `-5`, `BIGINT '5'`), or undefined for any other expression. */
function integerLiteral(nodes: readonly Node[]): bigint | undefined {
  const tokens = meaningful(nodes).map((n) => (n.kind === 'token' ? n.token : undefined));
  const negative = tokens[0]?.kind === 'op' && tokens[0].text === '-';
  const rest = negative ? tokens.slice(1) : tokens;
  const digits =
    rest.length === 1 && rest[0]?.kind === 'number'
      ? rest[0].text
      : rest.length === 2 && INTEGER_TYPES.has(keyword(rest[0])) && rest[1]?.kind === 'string'
        ? stringValue(rest[1]).trim()
        : undefined;
  if (digits === undefined || !/^[-+]?\d+$/.test(digits)) return undefined;
  return negative ? -BigInt(digits) : BigInt(digits);
}

/** The fewest days of each unit date_add counts in whole days or more (a month is at least 28 days). */
const MIN_DAYS: Readonly<Record<string, bigint>> = { day: 1n, week: 7n, month: 28n, quarter: 89n, year: 365n };
const INT_RANGE = 2n ** 31n;

/**
 * Whether date_add(unit, count, x) fails on Athena for every x, both written as literals: a count past an int
 * (Math.toIntExact) or one that moves any date past Trino's int range of days (2^32 days end to end). Locally DuckDB
 * fails too when it evaluates the call, but skips it where the rest of the expression folds to NULL (`NULL + …`),
 * while Trino 476 fails planning the constant call (GENERIC_INTERNAL_ERROR "Value cannot fit in an int").
 */
export function dateAddPastEveryDate(unitNodes: readonly Node[], countNodes: readonly Node[]): boolean {
  const unit = meaningful(unitNodes);
  const count = integerLiteral(countNodes);
  if (count === undefined || unit.length !== 1 || unit[0].kind !== 'token' || unit[0].token.kind !== 'string') return false;
  const days = MIN_DAYS[stringValue(unit[0].token).trim().toLowerCase()];
  if (days === undefined) return false;
  const magnitude = count < 0n ? -count : count;
  return count < -INT_RANGE || count >= INT_RANGE || magnitude * days >= 2n * INT_RANGE;
}

/** Joda's range of years (Trino 476: "Value 300001900 for year must be in the range [-292275054,292278993]"). */
const JODA_YEARS = [-292_275_054n, 292_278_993n] as const;
/** The years of a date literal a VALUES row may hold beside the count (0001–9999). */
const LITERAL_YEARS = 9_999n;

/**
 * Whether date_add(unit, n, d) fails on Athena while it plans a query whose count n is a cell of a VALUES column of
 * literal rows, whatever d (a date of years 1–9999): Trino 476 inlines such rows and folds the projection, an untaken
 * IF or CASE branch too, and these failures are Java exceptions the folding does not leave for run time (sil41; asked
 * of Trino again by declam42): years past an int ("integer overflow") or past Joda's range ("The calculation caused an
 * overflow: 1900 + 2147483647", "Value 2147475548 for year must be in the range …"), a quarter count whose months pass
 * an int ("Magnitude of add amount is too large: 6442450941"). Months, weeks and days of 2147483647 answer there
 * (Trino's own range error is left for run time), and so do hours of a time past an int (loud40); the local engine
 * answers the untaken branch (1900-03-01). Days past an int of a date also fail there (not refused: the unit's value may
 * be a time).
 */
export function dateAddFoldFails(unitNodes: readonly Node[], cell: readonly Node[]): boolean {
  const unit = meaningful(unitNodes);
  const count = integerLiteral(cell);
  if (count === undefined || unit.length !== 1 || unit[0].kind !== 'token' || unit[0].token.kind !== 'string') return false;
  const name = stringValue(unit[0].token).trim().toLowerCase();
  if (name === 'year') return count < -INT_RANGE || count >= INT_RANGE || count > JODA_YEARS[1] - LITERAL_YEARS || count < JODA_YEARS[0] - 1n;
  return name === 'quarter' && (count * 3n >= INT_RANGE || count * 3n < -INT_RANGE);
}

/**
 * The cells of each column of the statement's VALUES relations with an alias list (`(VALUES (…), …) t(a, b)`, `WITH
 * w(a, b) AS (VALUES …)`), by the column's lower-case name (a name given twice keeps the cells of both).
 */
export function valuesColumnCells(items: readonly Node[], cells = new Map<string, Node[][]>()): Map<string, Node[][]> {
  const m = meaningful(items);
  m.forEach((node, k) => {
    if (node.kind !== 'group') return;
    const inner = meaningful(node.items);
    if (isParen(node) && nodeKeyword(inner[0]) === 'VALUES') {
      const after = nodeKeyword(m[k + 1]) === 'AS' ? k + 2 : k + 1;
      const names = isParen(m[after + 1]) ? m[after + 1] : nodeKeyword(m[k - 1]) === 'AS' && isParen(m[k - 2]) ? m[k - 2] : undefined;
      const columns =
        names?.kind === 'group' ? splitArgs(names.items).map((c) => meaningful(c).map(nodeText).join('').replace(/^"|"$/g, '').toLowerCase()) : [];
      for (const row of splitArgs(node.items.slice(node.items.indexOf(inner[0]) + 1))) {
        const values = rowValues(row);
        if (values.length !== columns.length) continue;
        columns.forEach((c, j) => cells.set(c, [...(cells.get(c) ?? []), values[j]]));
      }
    }
    valuesColumnCells(node.items, cells);
  });
  return cells;
}

/** Whether a count cannot overflow: an integer literal up to a million, or a CAST / try_cast to tinyint or smallint. */
function safeCount(nodes: readonly Node[]): boolean {
  const literal = integerLiteral(nodes);
  if (literal !== undefined) return literal >= -SAFE_COUNT && literal <= SAFE_COUNT;
  const [name, call, ...more] = meaningful(nodes);
  if (more.length > 0 || name?.kind !== 'token' || !['CAST', 'TRY_CAST'].includes(keyword(name.token)) || !isParen(call)) return false;
  const inner = meaningful(call.items);
  const [type, as] = [inner[inner.length - 1], inner[inner.length - 2]];
  return as?.kind === 'token' && keyword(as.token) === 'AS' && type.kind === 'token' && SMALL_TYPES.has(keyword(type.token));
}

/** The first date_add call (in the nodes or nested in them) whose count might overflow, as its name node. */
function dateAddWithUnsafeCount(nodes: readonly Node[]): Node | undefined {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.kind === 'group') {
      const inner = dateAddWithUnsafeCount(node.items);
      if (inner) return inner;
      continue;
    }
    if (keyword(node.token) !== 'DATE_ADD') continue;
    const call = meaningful(nodes.slice(i + 1))[0];
    if (!isParen(call)) continue;
    if (!safeCount(splitArgs(call.items)[1] ?? [])) return node;
  }
  return undefined;
}

/** The network argument of each contains(…) call in the nodes (nested in them too). */
function containsNetworks(nodes: readonly Node[]): Node[][] {
  const found: Node[][] = [];
  nodes.forEach((node, i) => {
    if (node.kind === 'group') found.push(...containsNetworks(node.items));
    else if (keyword(node.token) === 'CONTAINS') {
      const call = meaningful(nodes.slice(i + 1))[0];
      if (isParen(call)) found.push(splitArgs(call.items)[0] ?? []);
    }
  });
  return found;
}

const stringLiteral = (nodes: readonly Node[]): string | undefined => {
  const m = meaningful(nodes);
  return m.length === 1 && m[0].kind === 'token' && m[0].token.kind === 'string' ? stringValue(m[0].token) : undefined;
};

/**
 * try()'s argument, kept apart from the statement's other try() calls. DuckDB's common-subexpression pass computes a
 * subexpression two try() calls share once, below both and outside their TRY, so its failure fails the query (Trino 476:
 * `SELECT k, try(10 / k > 1), try(10 / k > 2) FROM (VALUES 0, 5) t(k)` is NULL, NULL / true, false; locally "Division
 * by zero"). The pass does not look into a lambda's body, so the value is computed there, over a list of one element.
 * Only where the statement calls try() more than once (CallContext.manyTries), and not where a lambda, subquery,
 * aggregate or outer column would have to move into that body (DuckDB binds neither a subquery nor an outer column
 * there; TRY refuses the aggregate anyway).
 */
function apartFromOtherTries(c: CallContext): string {
  const value = c.all();
  if (!c.manyTries || c.correlatable || (c.lambdaParameters?.size ?? 0) > 0 || /\(\s*(?:SELECT|WITH)\b/i.test(value) || hasAggregate(value)) return value;
  return `list_transform([0], lambda trino_try_apart: ${value.trim()})[1]`;
}

export const tryCall: CallHandler = (c) => {
  // contains(network, address): Trino's error for a prefix length that is not a number escapes try() too. A literal
  // network is read here; another is refused when DuckDB binds the ipaddress overload (trino_contains_in_try).
  const networks = containsNetworks(c.args.flat());
  for (const network of networks.map(stringLiteral)) {
    const error = network === undefined ? undefined : networkErrorEscapingTry(network);
    if (error === undefined) continue;
    c.report(
      'try-escaping-error',
      `try() around contains('${network}', …): on Athena the network's prefix length fails even inside try() (${error}), where try() locally gives NULL`,
      "write the prefix length as a number: contains('10.0.0.0/8', ip)",
    );
    return undefined;
  }
  if (dateAddWithUnsafeCount(c.args.flat())) {
    c.report(
      'try-escaping-overflow',
      'try() around date_add() with a count that is not a small integer literal: on Athena a count beyond an int or a date out of range fails even inside try() (integer overflow), where try() locally gives NULL',
      'guard the count outside try(): CASE WHEN n BETWEEN -1000000 AND 1000000 THEN date_add(unit, n, x) END',
    );
    return undefined;
  }
  // Each contains() whose network is not one string literal (read above) takes the refusing variant.
  return `try(${apartFromOtherTries(c)})${c.tail}`.replace(/trino_contains\((?!\s*'(?:[^']|'')*'\s*,)/g, 'trino_contains_in_try(');
};
