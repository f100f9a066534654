// Correlated subqueries with a row limit, and LATERAL global aggregations joined ON a condition: the forms Trino 476
// plans and the ones it fails with NOT_SUPPORTED "Given correlated subquery is not supported", where DuckDB answers
// every one (asked of the shared Trino; docs/issue-15-audit.md "Trino's query tests replayed: issues and leftovers").
//
// A subquery that reads the outer row in its WHERE and has LIMIT n or FETCH FIRST n ROWS ONLY (not aggregating to
// one row; WITH TIES is refused elsewhere) plans only when every WHERE term reading the outer row is an equality of a
// bare column of its own with an expression of the outer row (`u.k = t.a`, `t.a + 1 = u.k`), or reads the outer row
// alone (`t.a > 1`), and
// - with an ORDER BY (a TopN) that does not read the outer row: always (`WHERE u.k = t.a ORDER BY u.b LIMIT 2`);
// - without an ORDER BY, a limit of 1: when one term at least is such an equality and every selected column is one
//   those equalities fix, or the subquery is under EXISTS (`SELECT u.k … WHERE u.k = t.a FETCH FIRST 1 ROW ONLY`);
// - without an ORDER BY, a limit above 1: always.
// It fails with an OFFSET, under IN or a quantified comparison, and with any other correlated term (`u.k >= t.a`,
// `u.k + 0 = t.a`, BETWEEN, IS NOT DISTINCT FROM, OR) or a correlation outside the WHERE and the select list.
//
// A LATERAL subquery that reads the outer row and aggregates to one row (an aggregate, no GROUP BY; or a select over
// one such derived table) plans under CROSS JOIN, a comma or ON TRUE, and fails joined ON another condition
// (`JOIN LATERAL (SELECT count(*) AS s FROM u WHERE u.b < t.a) l ON l.s > 1`).
//
// A WHERE over one derived table that aggregates the outer row's matches to one row fails in every position (scalar,
// EXISTS, LATERAL): `(SELECT c FROM (SELECT count(*) AS c FROM u WHERE u.b = t.a) WHERE c = 0)`; a row limit over it
// plans (at most one row).
import { identifierName, type Token } from '../tokens.js';
import { isParen, meaningful, nodeKeyword, nodeText, splitArgs, type Node } from './tree.js';
import { hasAggregate } from './unbound.js';

interface Reference {
  at: Token;
}

export interface RowLimitInput {
  /** The subquery's top-level clauses (clausesOf: each clause's nodes after its first word). */
  clauses: ReadonlyMap<string, Node[]>;
  /** Under EXISTS (its select list does not matter). */
  exists: boolean;
  /** Under IN or a quantified comparison. */
  underIn: boolean;
  /** The outer columns the subquery reads, at any depth. */
  correlated: readonly Reference[];
  /** The names of the columns of its own that `nodes` reads (no outer references). */
  ownColumns: (nodes: readonly Node[]) => string[];
}

const tokenIn = (nodes: readonly Node[], at: Token): boolean => nodes.some((n) => (n.kind === 'token' ? n.token === at : tokenIn(n.items, at)));
const isName = (n: Node | undefined): n is Node & { kind: 'token' } =>
  n !== undefined && n.kind === 'token' && (n.token.kind === 'word' || n.token.kind === 'quoted');
const isDot = (n: Node | undefined) => n !== undefined && n.kind === 'token' && n.token.text === '.';

/** The top-level AND terms of a condition (an AND inside BETWEEN … AND … does not split). */
export function andTerms(condition: readonly Node[]): Node[][] {
  let between = false;
  const terms: Node[][] = [[]];
  for (const node of meaningful(condition)) {
    const word = nodeKeyword(node);
    if (word === 'BETWEEN') between = true;
    if (word === 'AND' && !between) terms.push([]);
    else {
      if (word === 'AND') between = false;
      terms[terms.length - 1].push(node);
    }
  }
  return terms;
}

/** `c` or `q.c`, a bare column: its name, lower-cased; undefined for anything else. */
function bareColumn(nodes: readonly Node[]): string | undefined {
  let m = meaningful(nodes);
  while (m.length === 1 && isParen(m[0])) m = meaningful(m[0].items);
  const last = m[m.length - 1];
  if (!isName(last) || !m.every((n, k) => (k % 2 === 0 ? isName(n) : isDot(n)))) return undefined;
  return identifierName(last.token).toLowerCase();
}

/**
 * The own column a correlated WHERE term fixes (`u.k = t.a + 1` fixes k), '' for a term that reads the outer row
 * alone, undefined for a term Trino cannot decorrelate under a row limit.
 */
function termKind(term: readonly Node[], input: RowLimitInput): string | undefined {
  let m = meaningful(term);
  while (m.length === 1 && isParen(m[0])) m = meaningful(m[0].items);
  if (input.ownColumns(m).length === 0) return '';
  if (m.some((n) => ['OR', 'BETWEEN', 'IS', 'IN', 'LIKE', 'NOT'].includes(nodeKeyword(n)))) return undefined;
  const equals = m.findIndex((n) => n.kind === 'token' && n.token.text === '=');
  if (equals < 0 || m.slice(equals + 1).some((n) => n.kind === 'token' && n.token.text === '=')) return undefined;
  const [left, right] = [m.slice(0, equals), m.slice(equals + 1)];
  for (const [own, other] of [
    [left, right],
    [right, left],
  ]) {
    const column = bareColumn(own);
    // A random draw on the outer side fixes nothing (`u.k = t.a + random() * 0`).
    const drawn = /\b(rand|random|uuid|shuffle)\s*\(/i.test(other.map(nodeText).join(' '));
    if (column !== undefined && !drawn && input.ownColumns(own).length === 1 && input.ownColumns(other).length === 0) return column;
  }
  return undefined;
}

/** The count of a LIMIT n or FETCH FIRST|NEXT [n] ROW|ROWS ONLY clause; undefined for LIMIT ALL or an unknown count. */
function rowCount(clauses: ReadonlyMap<string, Node[]>): number | undefined {
  const limit = clauses.get('LIMIT');
  const fetch = clauses.get('FETCH');
  const nodes = meaningful(limit ?? fetch ?? []);
  if (limit) return nodes[0]?.kind === 'token' && nodes[0].token.kind === 'number' ? Number(nodes[0].token.text) : undefined;
  const count = nodes[1];
  if (count?.kind === 'token' && count.token.kind === 'number') return Number(count.token.text);
  return ['ROW', 'ROWS'].includes(nodeKeyword(count)) ? 1 : undefined;
}

const NOT_SUPPORTED = 'Athena fails with NOT_SUPPORTED "Given correlated subquery is not supported"';

/** Why Trino 476 cannot plan the row limit of a correlated subquery (see above); undefined when it can or there is none. */
export function rowLimitReason(input: RowLimitInput): { at: Token; why: string } | undefined {
  const { clauses, correlated } = input;
  const [first] = correlated;
  if (!first || !(clauses.has('LIMIT') || clauses.has('FETCH') || clauses.has('OFFSET'))) return undefined;
  if (clauses.has('OFFSET')) return { at: first.at, why: `a correlated subquery has an OFFSET` };
  const count = rowCount(clauses);
  if (count === undefined && clauses.has('LIMIT')) return undefined; // LIMIT ALL
  if (input.underIn) return { at: first.at, why: `the correlated subquery of IN or of a quantified comparison has a row limit` };
  const where = clauses.get('WHERE') ?? [];
  const select = clauses.get('SELECT') ?? [];
  const outside = correlated.find((r) => !tokenIn(where, r.at) && !tokenIn(select, r.at));
  if (outside) return { at: outside.at, why: `a subquery with a row limit reads the outer row outside its WHERE and select list` };
  const fixed = new Set<string>();
  let equalities = 0;
  for (const term of andTerms(where)) {
    const reference = correlated.find((r) => tokenIn(term, r.at));
    if (!reference) continue;
    const kind = termKind(term, input);
    if (kind === undefined)
      return {
        at: reference.at,
        why: `a subquery with a row limit compares the outer row other than by a column of its own = an expression of the outer row`,
      };
    if (kind !== '') {
      fixed.add(kind);
      equalities++;
    }
  }
  if (clauses.has('ORDER') || (count ?? 1) > 1) return undefined;
  if (equalities === 0) return { at: first.at, why: `a subquery with LIMIT 1 and no ORDER BY is correlated by no equality` };
  if (input.exists) return undefined;
  const loose = splitArgs(select).some((item) => {
    const m = meaningful(item);
    if (m.length === 0 || nodeText(m[m.length - 1]).trim() === '*') return true;
    return input.ownColumns(m.filter((n, k) => nodeKeyword(n) !== 'AS' && nodeKeyword(m[k - 1]) !== 'AS')).some((c) => !fixed.has(c));
  });
  if (loose) return { at: first.at, why: `a subquery with LIMIT 1 and no ORDER BY selects a column its correlation does not fix` };
  return undefined;
}

/**
 * Whether a LATERAL subquery aggregates to one row: an aggregate in its select list and no GROUP BY, or a select
 * without GROUP BY over one derived table that does (`SELECT s FROM (SELECT max(v) AS s FROM u WHERE …)`).
 */
export function yieldsOneAggregatedRow(clauses: ReadonlyMap<string, Node[]>, clausesOf: (items: readonly Node[]) => Map<string, Node[]>): boolean {
  if (clauses.has('GROUP')) return false;
  if (hasAggregate((clauses.get('SELECT') ?? []).map(nodeText).join(' '))) return true;
  const from = meaningful(clauses.get('FROM') ?? []);
  const [relation] = from;
  if (!isParen(relation) || from.length > 3 || from.slice(1).some((n) => nodeKeyword(n) === 'JOIN' || (n.kind === 'token' && n.token.text === ',')))
    return false;
  const inner = clausesOf(relation.items);
  return inner.has('SELECT') && !inner.has('GROUP') && hasAggregate((inner.get('SELECT') ?? []).map(nodeText).join(' '));
}

/**
 * A WHERE over one derived table that aggregates the outer row's matches to one row (`(SELECT c FROM (SELECT count(*)
 * AS c FROM u WHERE u.b = t.a) WHERE c = 0)`, scalar, EXISTS or LATERAL): Trino 476 NOT_SUPPORTED, like a HAVING beside
 * a WHERE correlation; without the WHERE it plans.
 */
export function filteredCorrelatedAggregate(
  clauses: ReadonlyMap<string, Node[]>,
  clausesOf: (items: readonly Node[]) => Map<string, Node[]>,
  correlated: readonly Reference[],
): Reference | undefined {
  if (!clauses.has('WHERE') || hasAggregate((clauses.get('SELECT') ?? []).map(nodeText).join(' ')) || !yieldsOneAggregatedRow(clauses, clausesOf))
    return undefined;
  return correlated.find((r) => tokenIn(clauses.get('FROM') ?? [], r.at));
}

export const LATERAL_AGGREGATE_ON_CONDITION = {
  why: `${NOT_SUPPORTED}: a correlated LATERAL subquery that aggregates to one row, joined ON a condition other than TRUE; the local engine would answer`,
  hint: 'join ON TRUE (or CROSS JOIN LATERAL) and filter in WHERE',
};
