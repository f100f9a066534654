// `a JOIN b USING (k)` of double or real keys: Trino 476 joins no NaN key (NaN = NaN is false), where DuckDB's hash
// join matches NaN with NaN. The ON form has its guard (nan-forms.ts: a NaN key becomes NULL, one per side); USING
// has no expression to guard, so the right relation is read through a projection of its keys. Inner and LEFT joins read
// a NaN key there as NULL (trino_nan_null): it matches nothing, and the merged key is the left side's. A RIGHT or FULL
// join would show that NULL as the merged key of a right row without match, where Trino shows NaN, so a NaN key on
// the right fails there instead. A zoned key is refused (trino_using_key): Trino joins it by instant. Keys of other
// types fold to the column itself while DuckDB binds.
import { REFUSED_KEY_MARKER } from '../shims/error-messages.js';
import type { Part } from './operators.js';

const COLUMN_LIST = /^\(\s*((?:"(?:[^"]|"")+"|\w+)(?:\s*,\s*(?:"(?:[^"]|"")+"|\w+))*)\s*\)$/;
const ALIAS = /^("(?:[^"]|"")+"|[A-Za-z_]\w*)\s*(?:\([^()]*\))?$/;

const JOIN_WORDS = new Set(['INNER', 'LEFT', 'RIGHT', 'FULL', 'OUTER', 'CROSS']);

const word = (p: Part | undefined) => (p?.kind === 'boundary' ? p.text.toUpperCase() : '');

const keyGuard = (column: string, outer: boolean) => `${outer ? 'trino_using_outer_key' : 'trino_using_key'}(${column})`;

/** A relation between two parts: its parts, its alias, or undefined when it cannot be read through a projection. */
interface Relation {
  from: number;
  to: number;
  text: string;
  alias: string;
}

/** The relation made of the meaningful parts meaningful[first..last], when a projection can stand in for it. */
function readableRelation(parts: Part[], meaningful: number[], first: number, last: number): Relation | undefined {
  if (last < first) return undefined;
  const relation = meaningful.slice(first, last + 1).map((k) => parts[k]);
  if (relation.some((p) => p.kind === 'boundary' && word(p) !== 'AS') || /^(?:LATERAL|UNNEST)\b/i.test(relation[0].text)) return undefined;
  const from = meaningful[first];
  const to = meaningful[last];
  const text = parts
    .slice(from, to + 1)
    .map((p) => p.text)
    .join('');
  // A subquery without an alias (`(SELECT 1 AS a) JOIN y USING (a)`): nothing names it, so its projection needs none
  // either. (A parenthesized join would hide its relations' names inside a projection: not read.)
  if (relation.length === 1 && /^\(\s*(?:SELECT|WITH|VALUES)\b/i.test(relation[0].text.trim())) return { from, to, text, alias: '' };
  // `… b`, `… AS b`, `… b(x, w)` (rendered as one part, like a call).
  const alias = ALIAS.exec(relation[relation.length - 1].text.trim())?.[1];
  if (alias === undefined || (relation.length === 1 && relation[0].text.trim().startsWith('('))) return undefined;
  return { from, to, text, alias };
}

interface UsingJoin {
  right: Relation | undefined;
  outer: boolean;
  /** RIGHT JOIN or FULL JOIN: DuckDB's merged key is then the right key or both keys' coalesce. */
  rightKeyed: boolean;
  columns: string[];
  /** The relations before the join, from FROM on (`w JOIN x ON …`), when the left side is not one relation. */
  before?: string;
}

/**
 * Rewrites the relations of each `JOIN relation USING (k, …)` among the parts of one query level.
 *
 * The key's type: Trino 476 gives the merged k the common type of both sides' keys (integer with bigint is bigint,
 * with double double, with decimal(5,2) decimal(12,2)), for inner, outer and FULL joins alike; DuckDB keeps the left
 * side's type (the right's for RIGHT JOIN). Each relation holding k is read with k cast to the type of
 * `coalesce(k, <the other relations' k>)`, a witness `(SELECT k FROM other LIMIT 0)` that DuckDB types while binding and
 * plans away. Only keys whose relations are all known are cast: the left relation of the first USING join and the right relations
 * of USING joins naming k (a key first named after an ON join may come from any relation before it: not cast).
 */
export function guardNanUsingJoins(parts: Part[]): void {
  const meaningful = parts.map((p, k) => (p.kind === 'trivia' ? -1 : k)).filter((k) => k >= 0);
  const joins: UsingJoin[] = [];
  let first: Relation | undefined;
  for (let n = 0; n < meaningful.length; n++) {
    const using = meaningful[n];
    const list = COLUMN_LIST.exec(parts[meaningful[n + 1]]?.text.trim() ?? '');
    if (word(parts[using]) !== 'USING' || !list) continue;
    let j = n - 1;
    while (j >= 0 && (parts[meaningful[j]].kind !== 'boundary' || word(parts[meaningful[j]]) === 'AS')) j--;
    // The relation: operands, dots and AS between JOIN and USING; its alias is the last name (before a column list).
    if (j < 0 || word(parts[meaningful[j]]) !== 'JOIN' || j === n - 1) continue;
    let type = j - 1;
    if (word(parts[meaningful[type]]) === 'OUTER') type--;
    const outer = word(parts[meaningful[type]]) === 'RIGHT' || word(parts[meaningful[type]]) === 'FULL';
    const columns = list[1].split(',').map((c) => c.trim());
    if (joins.length === 0) {
      // The left side of the first USING join, when it is one relation.
      let end = j - 1;
      while (end >= 0 && JOIN_WORDS.has(word(parts[meaningful[end]]))) end--;
      let start = end;
      while (start >= 0 && (parts[meaningful[start]].kind !== 'boundary' || word(parts[meaningful[start]]) === 'AS')) start--;
      // After FROM, or after a comma (`w, x JOIN y USING (k)` joins x and y first).
      const before = parts[meaningful[start]];
      if (start >= 0 && (word(before) === 'FROM' || before.text === ',')) first = readableRelation(parts, meaningful, start + 1, end);
      else first = undefined;
      if (first === undefined) joins.push({ right: undefined, outer: false, rightKeyed: false, columns: [] });
    }
    let end = j - 1;
    while (end >= 0 && JOIN_WORDS.has(word(parts[meaningful[end]]))) end--;
    let from = end;
    while (from >= 0 && word(parts[meaningful[from]]) !== 'FROM') from--;
    const before =
      from >= 0 && from < end
        ? parts
            .slice(meaningful[from + 1], meaningful[end] + 1)
            .map((p) => p.text)
            .join('')
        : undefined;
    joins.push({ right: readableRelation(parts, meaningful, j + 1, n - 1), outer, rightKeyed: outer, columns, before });
  }
  if (joins.length === 0) return;
  // The relations each key merges, undefined when one of them is unknown.
  const holders = new Map<string, (Relation | undefined)[]>();
  const namedFirst = new Map<string, UsingJoin>();
  joins.forEach((join, at) => {
    for (const column of join.columns) {
      const known = holders.get(column);
      if (known !== undefined) known.push(join.right);
      else holders.set(column, at === 0 ? [first, join.right] : [undefined]);
      if (known === undefined) namedFirst.set(column, join);
    }
  });
  // A key first named where the left side is several relations (`w JOIN x ON … JOIN y USING (k)`): k may come from any
  // of them, so only the right keys are cast, the right key of that join and of every later USING join naming k, to the
  // type of coalesce(k, <k of the relations before the first>, <k of the other right relations>): the merged key's type
  // after the last join. DuckDB's merged key is the right one for RIGHT and FULL joins; inner and LEFT joins keep the
  // left one, refused while binding when that is not the common type (unless a RIGHT or FULL join on k came before).
  const besideRelations = (column: string, join: UsingJoin, value: string) => {
    const first = namedFirst.get(column);
    const relations = holders.get(column) ?? [];
    if (first?.before === undefined || relations[0] !== undefined || relations.slice(1).some((r) => r === undefined)) return value;
    const prefix = `(SELECT ${column} FROM ${first.before} LIMIT 0)`;
    const others = relations.slice(1).filter((r): r is Relation => r !== undefined && r !== join.right);
    const common = `coalesce(${[column, prefix, ...others.map((r) => `(SELECT ${column} FROM ${r.text} LIMIT 0)`)].join(', ')})`;
    const cast = `cast_to_type(${value}, ${common})`;
    const at = joins.indexOf(join);
    const leftMerged = joins.slice(joins.indexOf(first), at).every((j) => !(j.rightKeyed && j.columns.includes(column)));
    if (join.rightKeyed || !leftMerged) return cast;
    return `{'trino_v': ${cast}}[CASE WHEN typeof(${prefix}) <> typeof(${common}) THEN '${REFUSED_KEY_MARKER}using-key-type' ELSE 'trino_v' END]`;
  };
  const commonType = (column: string, self: Relation, value: string) => {
    const relations = holders.get(column) ?? [];
    if (relations.some((r) => r === undefined)) return value;
    const others = relations.filter((r): r is Relation => r !== undefined && r !== self);
    if (others.length === 0) return value;
    const witness = others.map((r) => `(SELECT ${column} FROM ${r.text} LIMIT 0)`).join(', ');
    return `cast_to_type(${value}, coalesce(${column}, ${witness}))`;
  };
  const rewrites: { relation: Relation; replaced: string }[] = [];
  for (const join of joins) {
    const right = join.right;
    if (right === undefined) continue;
    const replaced = join.columns.map((c) => `${besideRelations(c, join, commonType(c, right, keyGuard(c, join.outer)))} AS ${c}`).join(', ');
    rewrites.push({ relation: right, replaced });
  }
  if (first !== undefined) {
    const left = first;
    const cast = joins[0].columns.flatMap((c) => {
      const value = commonType(c, left, c);
      return value === c ? [] : [`${value} AS ${c}`];
    });
    if (cast.length > 0) rewrites.unshift({ relation: left, replaced: cast.join(', ') });
  }
  for (const { relation, replaced } of rewrites.reverse())
    parts.splice(relation.from, relation.to - relation.from + 1, {
      kind: 'operand',
      text: `(SELECT * REPLACE (${replaced}) FROM ${relation.text})${relation.alias === '' ? '' : ` AS ${relation.alias}`}`,
    });
}
