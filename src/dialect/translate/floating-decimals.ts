// A decimal literal that meets a real or double literal in one type (CASE values, ARRAY[…] elements, greatest, least,
// coalesce and IF arguments, a VALUES column, the operands of a comparison, IN or BETWEEN): Trino 476 makes the decimal
// the real or double nearest its value (one rounding: ARRAY[REAL '1.5', DECIMAL '16777217.5'] holds 16777218), where
// DuckDB's implicit cast rounds twice (16777216; a decimal of more than 15 digits beside a double too). Where the SQL
// shows both types, the decimal is written as the explicit CAST to that type, which reads its text (macros.ts
// trino_to_float, trino_to_double) as Trino's coercion does. A decimal of up to 7 digits (to a real) or 15 (to a
// double) is left alone: DuckDB's cast is exact there. Arithmetic operators take the same conversion while DuckDB binds
// (macros.ts trino_floating_operand); values whose types the SQL does not show are left (docs/issue-15-audit.md).
import { keyword, stringValue, type Token } from '../tokens.js';
import { floatingLiteral, literalDigits, unsigned } from './decimal-common-type.js';
import { DOUBLE_ARGUMENT_CALLS } from './floating-operands.js';
import { setOperationColumns } from './set-operation-columns.js';
import { isCase, isParen, isTriviaNode, meaningful, nodeKeyword, type GroupNode, type Node } from './tree.js';

type Floating = 'REAL' | 'DOUBLE';

const COMPARISONS = new Set(['=', '<>', '!=', '<', '<=', '>', '>=']);
/** Words and marks an operand of a comparison does not reach past (decimal-comparisons.ts). */
const OPERAND_END = new Set([
  ...['AND', 'OR', 'NOT', 'WHEN', 'THEN', 'ELSE', 'IN', 'BETWEEN', 'IS', 'LIKE', 'AS'],
  ...['SELECT', 'FROM', 'WHERE', 'ON', 'GROUP', 'HAVING', 'ORDER', 'BY', 'LIMIT', 'UNION', 'INTERSECT', 'EXCEPT'],
]);
/** Calls whose arguments meet in one type (IF: its second and third). */
const COMMON_TYPE_CALLS = new Set(['GREATEST', 'LEAST', 'COALESCE', 'IF']);

const isOp = (n: Node | undefined, ops: ReadonlySet<string>) => n?.kind === 'token' && n.token.kind === 'op' && ops.has(n.token.text);
const isComma = (n: Node | undefined) => n?.kind === 'token' && n.token.kind === 'punct' && n.token.text === ',';

const isNull = (nodes: readonly Node[]) => {
  const m = meaningful(nodes);
  return m.length === 1 && nodeKeyword(m[0]) === 'NULL';
};

/**
 * The floating type the values meet in where the SQL shows it: DOUBLE when one is a double (any number meets a double
 * as a double), REAL when one is a real and every other is a number literal, a CAST to a number type or NULL.
 */
function visibleFloating(values: readonly Node[][]): Floating | undefined {
  const kinds = values.map(floatingLiteral);
  if (kinds.includes('DOUBLE')) return 'DOUBLE';
  if (!kinds.includes('REAL')) return undefined;
  return values.every((v, k) => kinds[k] !== undefined || isNull(v) || literalDigits(v) !== undefined) ? 'REAL' : undefined;
}

/** Whether a value is a decimal (not an integer) of more digits than the floating type holds exactly. */
function inexactDecimal(nodes: readonly Node[], floating: Floating): boolean {
  const digits = literalDigits(nodes);
  if (digits === undefined || digits.integerType === true) return false;
  return digits.integer + digits.scale > (floating === 'REAL' ? 7 : 15);
}

const synthetic = (at: Token, kind: Token['kind'], text: string): Node => ({ kind: 'token', token: { ...at, kind, text } });

/** The real nearest a non-negative integer (round half even, as Java's (float) of a long). */
function nearestFloat(u: bigint): number {
  if (u < 2n ** 53n) return Math.fround(Number(u));
  const shift = BigInt(u.toString(2).length - 24);
  let q = u >> shift;
  const rest = u - (q << shift);
  const half = 1n << (shift - 1n);
  if (rest > half || (rest === half && (q & 1n) === 1n)) q += 1n;
  return Number(q) * 2 ** Number(shift);
}

/**
 * The text of the real or double Trino 476 makes of a decimal literal's text (DecimalConversions, macros.ts
 * trino_floating_operand, trino_decimal_floating_any): up to 18 digits the unscaled integer made that type divided by the power of ten made that
 * type (DECIMAL '400149.50' is the real 400149.53125, not the nearest 400149.5), past them the value nearest the text.
 */
export function trinoFloatingText(text: string, floating: Floating): string {
  const m = /^\s*([-+]?)0*(\d*)(?:\.(\d*))?\s*$/.exec(text);
  if (!m || m[2].length + (m[3] ?? '').length > 18) return text.trim();
  const scale = (m[3] ?? '').length;
  const unscaled = BigInt(`${m[2]}${m[3] ?? ''}` || '0');
  const value = floating === 'DOUBLE' ? Number(unscaled) / 10 ** scale : Math.fround(nearestFloat(unscaled) / Math.fround(10 ** scale));
  return `${m[1] === '-' && value !== 0 ? '-' : ''}${String(value)}`;
}

/**
 * `nodes` as that floating type: a decimal literal (`DECIMAL '1.5'`, `1.5`) as the typed literal `REAL '1.5'` (Trino's
 * literal is the nearest value to the text, as its coercion of the decimal), anything else as CAST(nodes AS floating);
 * leading and trailing trivia kept outside. A typed literal keeps the checks of the construct what they were.
 */
function castTo(nodes: readonly Node[], floating: Floating): Node[] {
  let [start, end] = [0, nodes.length];
  while (start < end && isTriviaNode(nodes[start])) start++;
  while (end > start && isTriviaNode(nodes[end - 1])) end--;
  const first = nodes[start];
  const at = first.kind === 'token' ? first.token : first.open;
  const [word, text, ...rest] = unsigned(nodes);
  const literalAt = word === undefined ? -1 : nodes.indexOf(word);
  if (word?.kind === 'token' && rest.length === 0) {
    if (text === undefined && word.token.kind === 'number')
      return [
        ...nodes.slice(0, literalAt),
        synthetic(word.token, 'word', floating),
        synthetic(word.token, 'ws', ' '),
        synthetic(word.token, 'string', `'${trinoFloatingText(word.token.text, floating)}'`),
        ...nodes.slice(literalAt + 1),
      ];
    if (text?.kind === 'token' && text.token.kind === 'string' && ['DECIMAL', 'NUMERIC'].includes(keyword(word.token))) {
      const textAt = nodes.indexOf(text);
      return [
        ...nodes.slice(0, literalAt),
        synthetic(word.token, 'word', floating),
        ...nodes.slice(literalAt + 1, textAt),
        synthetic(text.token, 'string', `'${trinoFloatingText(stringValue(text.token), floating)}'`),
        ...nodes.slice(textAt + 1),
      ];
    }
  }
  const group: GroupNode = {
    kind: 'group',
    open: { ...at, kind: 'punct', text: '(' },
    close: { ...at, kind: 'punct', text: ')' },
    items: [...nodes.slice(start, end), synthetic(at, 'ws', ' '), synthetic(at, 'word', 'AS'), synthetic(at, 'ws', ' '), synthetic(at, 'word', floating)],
  };
  return [...nodes.slice(0, start), synthetic(at, 'word', 'CAST'), group, ...nodes.slice(end)];
}

/** Ranges [start, end) of `items` holding values that meet in one type, each value rewritten where it must be. */
function castRanges(items: readonly Node[], ranges: readonly (readonly [number, number])[]): Map<number, { end: number; nodes: Node[] }> {
  const out = new Map<number, { end: number; nodes: Node[] }>();
  const values = ranges.map(([s, e]) => items.slice(s, e));
  const floating = visibleFloating(values);
  if (floating === undefined) return out;
  values.forEach((v, k) => {
    if (inexactDecimal(v, floating)) out.set(ranges[k][0], { end: ranges[k][1], nodes: castTo(v, floating) });
  });
  return out;
}

/** The ranges of the comma-separated arguments of `items`. */
function argRanges(items: readonly Node[]): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  items.forEach((n, k) => {
    if (isComma(n)) {
      ranges.push([start, k]);
      start = k + 1;
    }
  });
  ranges.push([start, items.length]);
  return ranges;
}

/** The ranges of a searched or simple CASE's THEN and ELSE values. */
function caseValueRanges(items: readonly Node[]): [number, number][] {
  const ranges: [number, number][] = [];
  let start = -1;
  items.forEach((n, k) => {
    const word = nodeKeyword(n);
    if (word !== 'WHEN' && word !== 'THEN' && word !== 'ELSE') return;
    if (start >= 0) ranges.push([start, k]);
    start = word === 'WHEN' ? -1 : k + 1;
  });
  if (start >= 0) ranges.push([start, items.length]);
  return ranges;
}

/** The ranges of the operands of each comparison, IN list and BETWEEN among `items` (one list per construct). */
function comparedRanges(items: readonly Node[]): [number, number][][] {
  const at = items.flatMap((n, k) => (isTriviaNode(n) ? [] : [k]));
  const ends = (k: number) => {
    const n = items[at[k]];
    return OPERAND_END.has(nodeKeyword(n)) || isOp(n, COMPARISONS) || isComma(n);
  };
  const before = (k: number): [number, number] | undefined => {
    let s = k;
    while (s > 0 && !ends(s - 1)) s--;
    return s < k ? [at[s], at[k - 1] + 1] : undefined;
  };
  const from = (k: number): [number, number] | undefined => {
    let e = k;
    while (e < at.length && !ends(e)) e++;
    return e > k ? [at[k], at[e - 1] + 1] : undefined;
  };
  const lists: [number, number][][] = [];
  at.forEach((i, k) => {
    const node = items[i];
    const word = nodeKeyword(node);
    const tested = () => before(nodeKeyword(items[at[k - 1]]) === 'NOT' ? k - 1 : k);
    if (isOp(node, COMPARISONS)) {
      const [l, r] = [before(k), from(k + 1)];
      if (l && r) lists.push([l, r]);
    } else if (word === 'BETWEEN') {
      const [t, low] = [tested(), from(k + 1)];
      const and = low ? at.indexOf(low[1] - 1) + 1 : -1;
      const high = and > 0 && nodeKeyword(items[at[and]]) === 'AND' ? from(and + 1) : undefined;
      if (t && low && high) lists.push([t, low, high]);
    }
  });
  return lists;
}

/** Applies replacements keyed by their start (non-overlapping) to `items`. */
function replaced(items: readonly Node[], casts: ReadonlyMap<number, { end: number; nodes: Node[] }>): Node[] {
  if (casts.size === 0) return items as Node[];
  const out: Node[] = [];
  for (let k = 0; k < items.length; k++) {
    const cast = casts.get(k);
    if (cast) {
      out.push(...cast.nodes);
      k = cast.end - 1;
    } else out.push(items[k]);
  }
  return out;
}

const withItems = (group: GroupNode, items: Node[]): GroupNode =>
  items.length === group.items.length && items.every((x, k) => x === group.items[k]) ? group : { ...group, items };

/** The rows of a VALUES list starting after index `start` of `items`: each a row group or a bare value's range. */
function castValuesColumns(items: Node[], start: number): void {
  const rows: { index: number; group?: GroupNode; range: [number, number] }[] = [];
  let k = start;
  while (k < items.length) {
    let e = k;
    while (e < items.length && !isComma(items[e]) && !OPERAND_END.has(nodeKeyword(items[e])) && nodeKeyword(items[e]) !== 'LIMIT') e++;
    const m = items.slice(k, e).filter((n) => !isTriviaNode(n));
    const group = m.length === 1 && isParen(m[0]) ? m[0] : undefined;
    rows.push({ index: group ? items.indexOf(group, k) : k, group, range: [k, e] });
    if (!isComma(items[e])) break;
    k = e + 1;
  }
  const cells = rows.map((r) => (r.group ? argRanges(r.group.items) : [r.range]));
  const width = cells[0]?.length ?? 0;
  if (width === 0 || cells.some((c) => c.length !== width)) return;
  const rowItems = rows.map((r) => (r.group ? r.group.items : items));
  const casts = rows.map(() => new Map<number, { end: number; nodes: Node[] }>());
  for (let c = 0; c < width; c++) {
    const values = cells.map((row, r) => rowItems[r].slice(row[c][0], row[c][1]));
    const floating = visibleFloating(values);
    if (floating === undefined) continue;
    values.forEach((v, r) => {
      if (inexactDecimal(v, floating)) casts[r].set(cells[r][c][0], { end: cells[r][c][1], nodes: castTo(v, floating) });
    });
  }
  // Bare rows are replaced in `items` from the last, so earlier indexes hold.
  for (let r = rows.length - 1; r >= 0; r--) {
    const row = rows[r];
    if (casts[r].size === 0) continue;
    if (row.group) items[row.index] = withItems(row.group, replaced(row.group.items, casts[r]));
    else items.splice(row.range[0], row.range[1] - row.range[0], ...replaced(items.slice(row.range[0], row.range[1]), shifted(casts[r], row.range[0])));
  }
}

const shifted = (casts: ReadonlyMap<number, { end: number; nodes: Node[] }>, by: number) =>
  new Map([...casts].map(([s, c]) => [s - by, { end: c.end - by, nodes: c.nodes }]));

/** Replaces each run of nodes from a key node to its `last` (found by identity, at any depth) with `nodes`. */
function replacedRuns(items: readonly Node[], runs: ReadonlyMap<Node, { last: Node; nodes: Node[] }>): Node[] {
  const out: Node[] = [];
  for (let k = 0; k < items.length; k++) {
    const node = items[k];
    const run = runs.get(node);
    const end = run ? items.indexOf(run.last, k) : -1;
    if (run && end >= 0) {
      out.push(...run.nodes);
      k = end;
    } else out.push(node.kind === 'group' ? withItems(node, replacedRuns(node.items, runs)) : node);
  }
  return out;
}

/** The columns of a set operation at the top level of `items` (set-operation-columns.ts): each column's values. */
function castSetOperationColumns(items: Node[]): Node[] {
  const operation = setOperationColumns(items);
  if (!operation) return items;
  const runs = new Map<Node, { last: Node; nodes: Node[] }>();
  for (const values of operation.columns) {
    const floating = visibleFloating(values);
    if (floating === undefined) continue;
    for (const v of values) {
      const m = meaningful(v);
      if (m.length > 0 && inexactDecimal(v, floating)) runs.set(m[0], { last: m[m.length - 1], nodes: castTo(m, floating) });
    }
  }
  return runs.size === 0 ? items : replacedRuns(items, runs);
}

/** `items` with each decimal literal that meets a visible real or double in one type cast to it (see above). */
export function castDecimalsBesideFloats(items: readonly Node[]): Node[] {
  return castSetOperationColumns(castWithin(items));
}

function castWithin(items: readonly Node[]): Node[] {
  const out = items.map((n, k): Node => {
    if (n.kind !== 'group') return n;
    let inner = castDecimalsBesideFloats(n.items);
    const prev = meaningful(items.slice(0, k)).at(-1);
    if (isCase(n)) inner = replaced(inner, castRanges(inner, caseValueRanges(inner)));
    else if (n.open.text === '[' && nodeKeyword(prev) === 'ARRAY') inner = replaced(inner, castRanges(inner, argRanges(inner)));
    else if (isParen(n) && prev?.kind === 'token' && COMMON_TYPE_CALLS.has(keyword(prev.token))) {
      const args = argRanges(inner);
      inner = replaced(inner, castRanges(inner, keyword(prev.token) === 'IF' ? args.slice(1) : args));
    } else if (isParen(n) && prev?.kind === 'token' && prev.token.kind === 'word' && DOUBLE_ARGUMENT_CALLS.has(prev.token.text.toLowerCase())) {
      // A decimal literal given to a function that takes doubles only (floating-operands.ts).
      const casts = new Map<number, { end: number; nodes: Node[] }>();
      for (const [s, e] of argRanges(inner)) {
        const v = inner.slice(s, e);
        if (inexactDecimal(v, 'DOUBLE')) casts.set(s, { end: e, nodes: castTo(v, 'DOUBLE') });
      }
      inner = replaced(inner, casts);
    } else if (isParen(n) && nodeKeyword(prev) === 'IN') {
      // An IN list's values meet the tested value: found with the comparisons of the enclosing items below.
    }
    return withItems(n, inner);
  });
  // Comparisons, BETWEEN, and IN lists (the tested value with the list's values).
  const casts = new Map<number, { end: number; nodes: Node[] }>();
  for (const ranges of comparedRanges(out)) for (const [s, c] of castRanges(out, ranges)) casts.set(s, c);
  out.forEach((n, k) => {
    if (!isParen(n) || nodeKeyword(meaningful(out.slice(0, k)).at(-1)) !== 'IN') return;
    const at = out.flatMap((x, i) => (i < k && !isTriviaNode(x) ? [i] : []));
    let s = at.length - 1;
    if (nodeKeyword(out[at[s - 1]]) === 'NOT') s--;
    let b = s;
    while (b > 0 && !(OPERAND_END.has(nodeKeyword(out[at[b - 1]])) || isOp(out[at[b - 1]], COMPARISONS) || isComma(out[at[b - 1]]))) b--;
    if (b >= s) return;
    const tested: [number, number] = [at[b], at[s - 1] + 1];
    const list = argRanges(n.items);
    const values = [out.slice(...tested), ...list.map(([ls, le]) => n.items.slice(ls, le))];
    const floating = visibleFloating(values);
    if (floating === undefined) return;
    if (inexactDecimal(values[0], floating)) casts.set(tested[0], { end: tested[1], nodes: castTo(values[0], floating) });
    const listCasts = new Map<number, { end: number; nodes: Node[] }>();
    list.forEach(([ls, le], j) => {
      if (inexactDecimal(values[j + 1], floating)) listCasts.set(ls, { end: le, nodes: castTo(values[j + 1], floating) });
    });
    if (listCasts.size > 0) out[k] = withItems(n, replaced(n.items, listCasts));
  });
  const result = replaced(out, casts);
  const values = result.findIndex((n) => nodeKeyword(n) === 'VALUES');
  if (values >= 0) {
    const copy = result === out || result === items ? [...result] : result;
    castValuesColumns(copy, values + 1);
    return copy;
  }
  return result === items ? [...items] : result;
}
