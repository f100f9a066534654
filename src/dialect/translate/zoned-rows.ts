// DISTINCT, UNION, INTERSECT and EXCEPT of zoned timestamps: Trino compares `timestamp with time zone` values by
// instant (https://trino.io/docs/current/language/types.html#timestamp-with-time-zone), so 10:00 UTC and 11:00 +01:00
// are one row, shown as one of them (Trino 476: `SELECT DISTINCT` keeps the first seen, INTERSECT of the two is one
// row, EXCEPT none). The local value is a struct of instant, zone and wall clock, which DuckDB compares field by field.
// Where no two rows of the inputs share their instants in other zones, the answers are the same; otherwise the query
// is refused while it runs: the operation's query is wrapped in one that checks the union of its inputs (the rows a
// DISTINCT gives, or every branch of a set operation), `count(*)` against `count(DISTINCT trino_row_key(row))`, a key
// that reads each zoned value's instant alone, at any depth (inside arrays, maps and rows too).
//
// Added only to statements that may make zoned values in other zones than UTC (makesZonedValues, as zoned-groups.ts);
// the inputs are then evaluated twice. A set operation whose operators are all UNION ALL is not checked (its branches'
// DISTINCTs are).
import type { Token } from '../tokens.js';
import { splitSetOperation } from './set-operation-types.js';
import { isParen, meaningful, nodeKeyword, nodeText, type Node } from './tree.js';
import { makesZonedValues, parsed, translated } from './zoned-groups.js';

const QUERY_TAIL = new Set(['ORDER', 'LIMIT', 'OFFSET', 'FETCH']);

const group = (at: Token, items: Node[]): Node => ({
  kind: 'group',
  open: { ...at, kind: 'punct', text: '(' },
  close: { ...at, kind: 'punct', text: ')' },
  items,
});

/** `SELECT * FROM (query) trino_zoned_rows WHERE <check of inputs> tail`. */
function wrapped(at: Token, query: Node[], inputs: Node[], tail: Node[]): Node[] {
  return [
    ...parsed('SELECT * FROM '),
    group(at, query),
    ...parsed(' trino_zoned_rows WHERE '),
    translated(at, '(SELECT trino_zoned_rows_apart(count(*) - count(DISTINCT trino_row_key(trino_inputs))) FROM '),
    group(at, inputs),
    translated(at, ' trino_inputs)'),
    ...(tail.length > 0 ? parsed(' ') : []),
    ...tail,
  ];
}

const firstToken = (n: Node): Token => (n.kind === 'token' ? n.token : n.open);

/** The query level `items` with its set operation or SELECT DISTINCT checked. */
function checkLevel(items: Node[]): Node[] {
  const pieces = splitSetOperation(items);
  if (pieces) {
    const distinct = pieces.operators.some((op) => nodeKeyword(meaningful(op)[1]) !== 'ALL');
    // Its ORDER BY, LIMIT … (the suffix) stay after the branches.
    if (!distinct)
      return [...pieces.prefix, ...pieces.branches.flatMap((b, k) => [...(k > 0 ? pieces.operators[k - 1] : []), ...checkDistinct(b)]), ...pieces.suffix];
    const at = firstToken(meaningful(pieces.branches[0])[0] ?? items[0]);
    const query = pieces.branches.flatMap((b, k) => [...(k > 0 ? pieces.operators[k - 1] : []), ...b]);
    const inputs = pieces.branches.flatMap((b, k) => [...(k > 0 ? parsed(' UNION ') : []), ...b]);
    const [tail, end] = splitEnd(pieces.suffix);
    return [...pieces.prefix, ...wrapped(at, query, inputs, tail), ...end];
  }
  return checkDistinct(items);
}

/** The suffix without a final `;` and trailing trivia, and those. */
function splitEnd(items: readonly Node[]): [Node[], Node[]] {
  let end = items.length;
  while (end > 0 && (meaningful([items[end - 1]]).length === 0 || nodeText(items[end - 1]) === ';')) end--;
  return [items.slice(0, end), items.slice(end)];
}

/** A `SELECT DISTINCT …` query (from its SELECT to the end of the level) wrapped in the check. */
function checkDistinct(items: Node[]): Node[] {
  const selectAt = items.findIndex((n) => nodeKeyword(n) === 'SELECT');
  if (selectAt < 0) return items;
  const m = meaningful(items.slice(selectAt));
  if (nodeKeyword(m[1]) !== 'DISTINCT') return items;
  const [query, end] = splitEnd(items.slice(selectAt));
  // The rows DISTINCT gives, before ORDER BY and LIMIT cut them: a check of all of them refuses no fewer queries.
  const tailAt = query.findIndex((n) => QUERY_TAIL.has(nodeKeyword(n)));
  const inputs = tailAt < 0 ? query : query.slice(0, tailAt);
  const at = firstToken(items[selectAt]);
  return [...items.slice(0, selectAt), ...wrapped(at, query, inputs, []), ...end];
}

/** Checks every query level of `items` (subqueries and CTE bodies too). */
function checkLevels(items: readonly Node[]): Node[] {
  const inner = items.map((n) => (isParen(n) ? { ...n, items: checkLevels(n.items) } : n));
  const first = nodeKeyword(meaningful(inner)[0]);
  return ['SELECT', 'WITH', 'VALUES'].includes(first) || (first === '' && isParen(meaningful(inner)[0])) ? checkLevel(inner) : inner;
}

/** The tree with DISTINCT and set operations of zoned values checked, where the statement makes zoned values. */
export function checkZonedRows(tree: readonly Node[], tokens: readonly Token[], zonedRelations?: ReadonlySet<string>): Node[] {
  return makesZonedValues(tokens, zonedRelations) ? checkLevels(tree) : [...tree];
}
