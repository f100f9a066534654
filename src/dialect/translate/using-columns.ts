// `t JOIN u USING (k)`: Trino 476 makes k one column of the join and resolves no qualified `t.k` or `u.k` any more
// (COLUMN_NOT_FOUND "Column 't.k' cannot be resolved", for inner, outer and FULL joins alike); DuckDB resolves them,
// and after a FULL JOIN `t.k` is NULL where only u had the row, not the merged key. Refused at the reference.
import type { Token } from '../tokens.js';
import { isParen, meaningful, nodeKeyword, nodeText, type Node } from './tree.js';
import type { Report } from './within-group.js';

const JOIN_WORDS = new Set(['JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'OUTER', 'CROSS']);
const QUERY_START = new Set(['SELECT', 'WITH', 'VALUES']);

const nameOf = (node: Node | undefined) =>
  node?.kind === 'token' && (node.token.kind === 'word' || node.token.kind === 'quoted') ? nodeText(node).replace(/^"|"$/g, '').toLowerCase() : undefined;

/** The alias (or table name) of the relation whose last node is m[end]: `u`, `tbl AS u`, `(VALUES 1) u(k)`. */
function relationName(m: readonly Node[], end: number): string | undefined {
  const at = isParen(m[end]) && nameOf(m[end - 1]) !== undefined ? end - 1 : end;
  const name = nameOf(m[at]);
  return name !== undefined && !JOIN_WORDS.has(name.toUpperCase()) ? name : undefined;
}

/** The relations and columns of each `… JOIN … USING (…)` at this level of the query. */
interface UsingJoin {
  relations: Set<string>;
  columns: Set<string>;
  lateralAt?: Token;
  /** `t JOIN t USING (k)`: the right relation is a bare name (m's index) that the left relation also has. */
  repeated?: { name: string; at: number };
}

function usingJoins(m: readonly Node[]): UsingJoin[] {
  const joins: UsingJoin[] = [];
  for (let i = 0; i < m.length; i++) {
    if (nodeKeyword(m[i]) !== 'USING' || !isParen(m[i + 1])) continue;
    const group = m[i + 1];
    if (group.kind !== 'group') continue;
    // Only a list of names (MERGE INTO t USING (SELECT …) s is another USING).
    const inside = meaningful(group.items);
    if (!inside.every((n) => nameOf(n) !== undefined || nodeText(n) === ',')) continue;
    const columns = new Set(inside.flatMap((n) => nameOf(n) ?? []));
    const right = relationName(m, i - 1);
    let join = i - 1;
    while (join >= 0 && nodeKeyword(m[join]) !== 'JOIN') join--;
    if (join < 0) continue;
    let before = join - 1;
    while (before >= 0 && JOIN_WORDS.has(nodeKeyword(m[before]))) before--;
    const left = before >= 0 ? relationName(m, before) : undefined;
    const using = m[i];
    const lateralAt = nodeKeyword(m[join + 1]) === 'LATERAL' && using.kind === 'token' ? using.token : undefined;
    const bare = join === i - 2 && right !== undefined && right === nameOf(m[i - 1]);
    // `t JOIN t USING (k) JOIN t USING (k)`: the third t repeats a name an earlier join of this level has.
    const repeated = bare && (left === right || joins.some((j) => j.relations.has(right))) ? { name: right, at: i - 1 } : undefined;
    joins.push({ relations: new Set([left, right].filter((r): r is string => r !== undefined)), columns, lateralAt, repeated });
  }
  return joins;
}

/** Words that end a FROM clause at a query's level. */
const FROM_ENDS = new Set(['WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT']);

/**
 * `FROM t, t` and `t CROSS JOIN t`: the bare relation names (m's index) after a comma or CROSS JOIN that an earlier bare
 * relation of this level's FROM clause has. Trino 476 joins t with itself (SELECT * is k, s, k, s; `t.*` is both sides'
 * columns; `t.k` fails AMBIGUOUS_NAME), where DuckDB fails "Ambiguous reference to table t (duplicate alias)".
 */
function repeatedCrossRelations(m: readonly Node[]): { name: string; at: number }[] {
  const repeated: { name: string; at: number }[] = [];
  const from = m.findIndex((n) => nodeKeyword(n) === 'FROM');
  if (from < 0) return repeated;
  const seen = new Set<string>();
  for (let i = from + 1; i < m.length && !FROM_ENDS.has(nodeKeyword(m[i])); i++) {
    const previous = m[i - 1];
    const cross = nodeText(previous) === ',' || (nodeKeyword(previous) === 'JOIN' && nodeKeyword(m[i - 2]) === 'CROSS');
    if (!(i === from + 1 || cross || nodeKeyword(previous) === 'JOIN')) continue;
    // A qualified table, `lake.t, lake.t` (Trino 476 answers; DuckDB's duplicate alias): named by its last part.
    let last = i;
    while (nameOf(m[last]) !== undefined && m[last + 1] !== undefined && nodeText(m[last + 1]) === '.' && nameOf(m[last + 2]) !== undefined) last += 2;
    const name = nameOf(m[last]);
    const next = m[last + 1];
    const bare =
      next === undefined ||
      nodeText(next) === ',' ||
      JOIN_WORDS.has(nodeKeyword(next)) ||
      ['ON', 'USING', 'NATURAL'].includes(nodeKeyword(next)) ||
      FROM_ENDS.has(nodeKeyword(next));
    // A table under an alias, `u AS t, t`: the alias is a name a later bare t repeats (Trino 476 answers both sides).
    const alias = nodeKeyword(next) === 'AS' ? nameOf(m[last + 2]) : undefined;
    if (name !== undefined && alias !== undefined && !isParen(m[last + 3])) seen.add(alias);
    if (name === undefined || !bare || JOIN_WORDS.has(name.toUpperCase())) continue;
    if (cross && seen.has(name)) repeated.push({ name, at: last });
    seen.add(name);
  }
  return repeated;
}

/** Qualified references `x.k` in `items` and their nested groups, subqueries aside. */
function qualifiedReferences(items: readonly Node[], found: { qualifier: string; column: string; at: Token }[]): void {
  const m = meaningful(items);
  for (let i = 0; i < m.length; i++) {
    const node = m[i];
    if (node.kind === 'group') {
      if (!QUERY_START.has(nodeKeyword(meaningful(node.items)[0]))) qualifiedReferences(node.items, found);
      continue;
    }
    const qualifier = nameOf(node);
    const column = nameOf(m[i + 2]);
    if (qualifier !== undefined && column !== undefined && nodeText(m[i + 1]) === '.' && nodeText(m[i - 1] ?? node) !== '.') {
      found.push({ qualifier, column, at: node.token });
      // `lake.t.k`, `awsdatacatalog.lake.t.k`: also each later pair of the chain, the table's last name and the column
      // (Trino 476: AMBIGUOUS_NAME over `lake.t, lake.t`).
      for (let j = i + 2; nameOf(m[j + 2]) !== undefined && m[j + 1] !== undefined && nodeText(m[j + 1]) === '.'; j += 2)
        found.push({ qualifier: nameOf(m[j]) ?? '', column: nameOf(m[j + 2]) ?? '', at: node.token });
    }
  }
}

export function refuseQualifiedUsingColumns(items: readonly Node[], report: Report): void {
  const m = meaningful(items);
  const joins = usingJoins(m);
  // `JOIN LATERAL (…) u USING (k)`: Trino 476 fails (GENERIC_INTERNAL_ERROR "scope: 1, fields mappings: 2", inner and
  // LEFT, correlated or not); DuckDB answered.
  for (const { lateralAt } of joins)
    if (lateralAt)
      report(
        lateralAt,
        'lateral-using',
        'JOIN LATERAL … USING fails in Athena (GENERIC_INTERNAL_ERROR "scope: 1, fields mappings: 2"); the local engine would join',
        'join ON the keys (or ON TRUE with the condition inside the subquery)',
      );
  const crossed = new Set(repeatedCrossRelations(m).map((r) => r.name));
  if (joins.length > 0 || crossed.size > 0) {
    const references: { qualifier: string; column: string; at: Token }[] = [];
    qualifiedReferences(items, references);
    for (const ref of references) {
      if (crossed.has(ref.qualifier)) {
        report(
          ref.at,
          'using-column',
          `Column '${ref.qualifier}.${ref.column}' is ambiguous: ${ref.qualifier} is joined with itself (AMBIGUOUS_NAME)`,
          `give each side its own alias: ${ref.qualifier} AS a, ${ref.qualifier} AS b`,
        );
        continue;
      }
      // `t JOIN t USING (k)` (the second t gets a hidden alias, excludeUsingColumnsFromStars): Trino 476 reads `t.s`
      // as either side (AMBIGUOUS_NAME), where the local engine would read the first.
      if (joins.some((j) => j.repeated?.name === ref.qualifier && !j.columns.has(ref.column))) {
        report(
          ref.at,
          'using-column',
          `Column '${ref.qualifier}.${ref.column}' is ambiguous: ${ref.qualifier} is joined with itself (AMBIGUOUS_NAME)`,
          `give each side its own alias: ${ref.qualifier} AS a JOIN ${ref.qualifier} AS b USING (…)`,
        );
        continue;
      }
      if (!joins.some((j) => j.relations.has(ref.qualifier) && j.columns.has(ref.column))) continue;
      report(
        ref.at,
        'using-column',
        `Column '${ref.qualifier}.${ref.column}' cannot be resolved: after JOIN … USING (${ref.column}) Athena knows only the joined column ${ref.column} (COLUMN_NOT_FOUND)`,
        `write ${ref.column} without a qualifier (after a FULL JOIN it is coalesce of both sides' keys)`,
      );
    }
  }
  for (const node of m) if (node.kind === 'group') refuseQualifiedUsingColumns(node.items, report);
}

const quotedName = (column: string) => `"${column.replaceAll('"', '""')}"`;

/** `*` as a whole select item: after SELECT, DISTINCT, ALL or a comma, before a comma or FROM (not a product). */
function isBareSelectStar(m: readonly Node[], k: number): boolean {
  if (k < 1 || nodeText(m[k]) !== '*') return false;
  const before = m[k - 1];
  const after = m[k + 1];
  return (
    (['SELECT', 'DISTINCT', 'ALL'].includes(nodeKeyword(before)) || nodeText(before) === ',') && (nodeText(after) === ',' || nodeKeyword(after) === 'FROM')
  );
}

/**
 * A bare `*` over `t JOIN u USING (k)` is k first in Trino 476, then t's other columns, then u's; DuckDB keeps k where t
 * has it. Written `"k", * EXCLUDE ("k")` (and the unqualified k is the merged key after a FULL JOIN in both).
 *
 * `t.*` after `t JOIN u USING (k)` leaves k out in Trino 476 (the join's one k is no column of t or u any more), where
 * DuckDB's `t.*` kept it: written `t.* EXCLUDE ("k")`. Only the two relations the USING joins are known here (a
 * relation joined earlier by ON keeps its star as written).
 */
export function excludeUsingColumnsFromStars(items: readonly Node[]): Node[] {
  const out = items.map((node) => (node.kind === 'group' ? { ...node, items: excludeUsingColumnsFromStars(node.items) } : node));
  const joins = usingJoins(meaningful(out));
  const m = meaningful(out);
  const crossed = repeatedCrossRelations(m);
  if (joins.length === 0 && crossed.length === 0) return out;
  const repeated = new Set(joins.flatMap((j) => (j.repeated ? [m[j.repeated.at]] : [])));
  const crossAlias = (name: string, at: number) => `"${name}$cross${at}"`;
  return out.flatMap((node) => {
    const k = m.indexOf(node);
    // `FROM t, t` (repeatedCrossRelations): the repeat gets an alias of its own, and `t.*` reads every side named t.
    const crossedAt = crossed.find((r) => m[r.at] === node);
    if (crossedAt && node.kind === 'token')
      return [node, { kind: 'token', token: { ...node.token, kind: 'word', text: ` AS ${crossAlias(crossedAt.name, crossedAt.at)}` } }];
    if (crossed.length > 0 && k >= 2 && nodeText(node) === '*' && nodeText(m[k - 1]) === '.' && nodeText(m[k - 3] ?? m[0]) !== '.' && node.kind === 'token') {
      const qualifier = nameOf(m[k - 2]);
      const sides = crossed.filter((r) => r.name === qualifier).map((r) => `, ${crossAlias(r.name, r.at)}.*`);
      if (sides.length > 0) return [node, { kind: 'token', token: { ...node.token, kind: 'word', text: sides.join('') } }];
    }
    // `t JOIN t USING (k)`: Trino 476 joins t with itself (SELECT * is k and both sides' other columns), where DuckDB
    // fails on the repeated name; the second t gets an alias of its own (qualified references are refused above).
    if (repeated.has(node) && node.kind === 'token')
      return [node, { kind: 'token', token: { ...node.token, kind: 'word', text: ` AS "${nameOf(node)}$using${k}"` } }];
    if (joins.length > 0 && isBareSelectStar(m, k) && node.kind === 'token') {
      // The last join's columns first: the left of `(a JOIN b USING (k)) JOIN c USING (j)` is itself a join.
      const columns = [...new Set([...joins].reverse().flatMap((j) => [...j.columns]))].map(quotedName);
      // Separate tokens: later passes (ORDER BY ordinals, star checks) count the select items.
      const at = (kind: 'quoted' | 'punct' | 'ws' | 'word', text: string): Node => ({ kind: 'token', token: { ...node.token, kind, text } });
      const keys = columns.flatMap((c) => [at('quoted', c), at('punct', ','), at('ws', ' ')]);
      return [...keys, node, at('word', ` EXCLUDE (${columns.join(', ')})`)];
    }
    if (k < 2 || nodeText(node) !== '*' || nodeText(m[k - 1]) !== '.' || nodeText(m[k - 3] ?? m[0]) === '.') return [node];
    const qualifier = nameOf(m[k - 2]);
    const columns = [...new Set(joins.flatMap((j) => (qualifier !== undefined && j.relations.has(qualifier) ? [...j.columns] : [])))];
    if (columns.length === 0 || node.kind !== 'token') return [node];
    const excluded = columns.map(quotedName).join(', ');
    return [node, { kind: 'token', token: { ...node.token, kind: 'word', text: ` EXCLUDE (${excluded})` } }];
  });
}
