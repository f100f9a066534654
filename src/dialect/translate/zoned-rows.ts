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

/** How a level's rows are checked: the zoned check reads its inputs' rows, the map check only the query's type. */
type RowCheck = 'zoned' | 'map';

/**
 * `SELECT * FROM (query) trino_zoned_rows WHERE <check of inputs> tail` (trino_map_rows for the map check). The map check refuses, while DuckDB binds, a
 * query whose rows hold a map (maps-as-keys below); it folds to true otherwise, and the filter leaves the plan.
 */
function wrapped(at: Token, query: Node[], inputs: Node[], tail: Node[], check: RowCheck): Node[] {
  const condition =
    check === 'map'
      ? [translated(at, 'trino_map_key_refused(trino_map_rows)')]
      : [
          translated(at, '(SELECT trino_zoned_rows_apart(count(*) - count(DISTINCT trino_row_key(trino_inputs))) FROM '),
          group(at, inputs),
          translated(at, ' trino_inputs)'),
        ];
  return [
    ...parsed('SELECT * FROM '),
    group(at, query),
    ...parsed(check === 'map' ? ' trino_map_rows WHERE ' : ' trino_zoned_rows WHERE '),
    ...condition,
    ...(tail.length > 0 ? parsed(' ') : []),
    ...tail,
  ];
}

const firstToken = (n: Node): Token => (n.kind === 'token' ? n.token : n.open);

/**
 * A branch of INTERSECT ALL or EXCEPT ALL, whose rows Trino 476 sorts to number equal ones (a window partitioned by
 * every column): a comparison meeting a NULL element of an array or row fails there (NOT_SUPPORTED), and of json
 * ("json is not orderable"), for the pairs its plan compares (two equal rows always: ARRAY[1, NULL] INTERSECT ALL
 * ARRAY[1, NULL] fails; json '[1]' EXCEPT ALL json '[2]' answered). Such rows are refused (nested-compare.ts
 * trino_sorted_row_free), while running, and a json column while binding; other rows fold the filter away.
 */
function sortedRowsChecked(at: Token, branch: Node[]): Node[] {
  const [query, end] = splitEnd(branch);
  return [
    ...parsed(' SELECT * FROM '),
    group(at, query),
    ...parsed(' trino_sorted_rows WHERE '),
    translated(at, 'trino_sorted_row_free(trino_sorted_rows)'),
    ...end,
  ];
}

/** The query level `items` with its set operation or SELECT DISTINCT checked. */
function checkLevel(items: Node[], check: RowCheck): Node[] {
  const pieces = splitSetOperation(items);
  if (pieces) {
    // INTERSECT ALL and EXCEPT ALL compare rows too (maps: Trino 476 fails or compares them as sets; zoned values by
    // instant: (1, 01:00 +01:00) INTERSECT ALL (1, 00:00 UTC) is one row there, either of the two between runs).
    const compared = pieces.operators.some((op) => nodeKeyword(meaningful(op)[1]) !== 'ALL' || nodeKeyword(meaningful(op)[0]) !== 'UNION');
    // (The suffix, ORDER BY … LIMIT of the whole set operation, stays: it was dropped here before.)
    if (!compared)
      return [
        ...pieces.prefix,
        ...pieces.branches.flatMap((b, k) => [...(k > 0 ? pieces.operators[k - 1] : []), ...checkDistinct(b, check)]),
        ...pieces.suffix,
      ];
    const at = firstToken(meaningful(pieces.branches[0])[0] ?? items[0]);
    // INTERSECT ALL and EXCEPT ALL number equal rows by sorting them in Trino 476, so each input row is checked too.
    const sorts = check === 'map' && pieces.operators.some((op) => nodeKeyword(meaningful(op)[1]) === 'ALL' && nodeKeyword(meaningful(op)[0]) !== 'UNION');
    const branches = sorts ? pieces.branches.map((b) => sortedRowsChecked(firstToken(meaningful(b)[0] ?? items[0]), b)) : pieces.branches;
    const query = branches.flatMap((b, k) => [...(k > 0 ? pieces.operators[k - 1] : []), ...b]);
    const inputs = pieces.branches.flatMap((b, k) => [...(k > 0 ? parsed(' UNION ') : []), ...b]);
    const [tail, end] = splitEnd(pieces.suffix);
    return [...pieces.prefix, ...wrapped(at, query, inputs, tail, check), ...end];
  }
  return checkDistinct(items, check);
}

/** The suffix without a final `;` and trailing trivia, and those. */
function splitEnd(items: readonly Node[]): [Node[], Node[]] {
  let end = items.length;
  while (end > 0 && (meaningful([items[end - 1]]).length === 0 || nodeText(items[end - 1]) === ';')) end--;
  return [items.slice(0, end), items.slice(end)];
}

/** A `SELECT DISTINCT …` query (from its SELECT to the end of the level) wrapped in the check. */
function checkDistinct(items: Node[], check: RowCheck): Node[] {
  const selectAt = items.findIndex((n) => nodeKeyword(n) === 'SELECT');
  if (selectAt < 0) return items;
  const m = meaningful(items.slice(selectAt));
  if (nodeKeyword(m[1]) !== 'DISTINCT') return items;
  const [query, end] = splitEnd(items.slice(selectAt));
  // The rows DISTINCT gives, before ORDER BY and LIMIT cut them: a check of all of them refuses no fewer queries.
  const tailAt = query.findIndex((n) => QUERY_TAIL.has(nodeKeyword(n)));
  const inputs = tailAt < 0 ? query : query.slice(0, tailAt);
  const at = firstToken(items[selectAt]);
  return [...items.slice(0, selectAt), ...wrapped(at, query, inputs, [], check), ...end];
}

/** Checks every query level of `items` (subqueries and CTE bodies too). */
function checkLevels(items: readonly Node[], check: RowCheck): Node[] {
  const inner = items.map((n) => (isParen(n) ? { ...n, items: checkLevels(n.items, check) } : n));
  const first = nodeKeyword(meaningful(inner)[0]);
  return ['SELECT', 'WITH', 'VALUES'].includes(first) || (first === '' && isParen(meaningful(inner)[0])) ? checkLevel(inner, check) : inner;
}

/** The tree with DISTINCT and set operations of zoned values checked, where the statement makes zoned values. */
export function checkZonedRows(tree: readonly Node[], tokens: readonly Token[], zonedRelations?: ReadonlySet<string>): Node[] {
  return makesZonedValues(tokens, zonedRelations) ? checkLevels(tree, 'zoned') : [...tree];
}

/**
 * Maps as keys: Trino compares maps as sets of entries (https://trino.io/docs/current/language/types.html#map), so
 * `SELECT DISTINCT m` of MAP(ARRAY[1, 2], …) and MAP(ARRAY[2, 1], …) is one row (the first seen, its entries in its
 * own order, which map_keys shows), UNION, INTERSECT and EXCEPT alike; DuckDB compares a map's entry list in order.
 * Keeping the first row per set of entries would need DISTINCT ON per select item, a slower plan for every DISTINCT;
 * so a query whose compared rows hold a map (at any depth) is refused while DuckDB binds, over no rows too (lake lint
 * reports it). UNION ALL alone compares nothing. Every statement is checked: a map column's type is known to the
 * binder only.
 */
export function checkMapRows(tree: readonly Node[]): Node[] {
  return checkLevels(tree, 'map');
}
