// Trino 476 plans `CAST(json_parse(s) AS array | map | row)` as one cast of the text s (SpecializeCastWithJsonParse:
// `$internal$json_string_to_*_cast`), so a repeated key fails ("Duplicate map keys are not allowed", "Duplicate
// field: a") where json_parse alone keeps the last one (functions.ts jsonParseArgument rewrites the cast written so).
// The rewrite also happens after the optimizer inlines a projection: `SELECT CAST(j AS map(varchar, integer)) FROM
// (SELECT json_parse(s) j …)`, a CTE, a LIMIT or a WHERE between them fail alike. Trino inlines a projection whose
// symbol is read once; a `j` read twice (also by a WHERE or ORDER BY), a DISTINCT or GROUP BY select, a TRY_CAST or a
// cast inside try() read json_parse's value instead (`{a: 2}`).
// Here, where the statement names `j` exactly twice (the select item's alias and the cast's operand), the select item
// `json_parse(s) j` also evaluates the cast of the text (whose repeated key fails as Trino's does) and keeps
// json_parse's value. Elsewhere the value stays json_parse's, as Trino's does when it cannot inline.
import { isTrivia, type Token, tokenize } from '../tokens.js';
import { columnsOfRelationsNamed } from './zoned-groups.js';
import { buildTree, type GroupNode, isParen, meaningful, type Node, nodeKeyword, nodeText, splitArgs } from './tree.js';

const READ_TARGETS = new Set(['ARRAY', 'MAP', 'ROW']);

/** The lower-cased last name of a column reference (`j`, `u.j`, `"J"`), or undefined for anything else. */
function columnName(operand: readonly Node[]): string | undefined {
  const m = meaningful(operand);
  if (m.length % 2 === 0) return undefined;
  for (let k = 0; k < m.length; k++) {
    const n = m[k];
    if (n.kind !== 'token') return undefined;
    if (k % 2 === 1 ? n.token.text !== '.' : n.token.kind !== 'word' && n.token.kind !== 'quoted') return undefined;
  }
  return nameOf((m[m.length - 1] as { token: Token }).token);
}

const nameOf = (t: Token): string => (t.kind === 'quoted' ? t.text.slice(1, -1).replaceAll('""', '"') : t.text).toLowerCase();

interface CastOfColumn {
  target: Node[];
  /** The CAST keyword, where a refusal is reported. */
  at: Token;
  /** Two casts of one name: which select item feeds which is not known here. */
  repeated: boolean;
}

/** CASTs (not TRY_CAST, not inside try()) of a column to an array, map or row, by the column's name. */
function castsOfColumns(items: readonly Node[], found: Map<string, CastOfColumn>, insideTry: boolean): void {
  const m = meaningful(items);
  for (let k = 0; k < m.length; k++) {
    const [node, next] = [m[k], m[k + 1]];
    if (node.kind === 'group') {
      castsOfColumns(node.items, found, insideTry);
      continue;
    }
    if (!isParen(next)) continue;
    const word = nodeKeyword(node);
    if (word === 'TRY') {
      castsOfColumns(next.items, found, true);
      k++;
      continue;
    }
    if (word !== 'CAST' || insideTry) continue;
    const as = next.items.map((n) => nodeKeyword(n)).lastIndexOf('AS');
    const name = as < 0 ? undefined : columnName(next.items.slice(0, as));
    const target = meaningful(next.items.slice(as + 1));
    if (name !== undefined && READ_TARGETS.has(nodeKeyword(target[0]))) {
      const seen = found.get(name);
      found.set(name, { target: next.items.slice(as + 1), at: (node as { token: Token }).token, repeated: seen !== undefined });
    }
  }
}

/**
 * How often each name is written as a word or quoted identifier in the statement. A select item of a subquery or CTE
 * that is the name alone (`SELECT j FROM (…)`) passes the column on, which Trino's plan drops: not counted.
 */
function countNames(items: readonly Node[], counts: Map<string, number>, nested: boolean): void {
  const m = meaningful(items);
  m.forEach((n, k) => {
    if (n.kind === 'group') countNames(n.items, counts, true);
    else if (n.token.kind === 'word' || n.token.kind === 'quoted') {
      const [before, after] = [m[k - 1], m[k + 1]];
      const passedOn =
        nested && (nodeKeyword(before) === 'SELECT' || isComma(before)) && (after === undefined || isComma(after) || nodeKeyword(after) === 'FROM');
      if (!passedOn) counts.set(nameOf(n.token), (counts.get(nameOf(n.token)) ?? 0) + 1);
    }
  });
}

const isComma = (n: Node | undefined): boolean => n?.kind === 'token' && n.token.text === ',';

const synthetic = (at: Token, kind: Token['kind'], text: string): Node => ({ kind: 'token', token: { ...at, kind, text } });

/** `CASE WHEN hash(CAST(json_parse(s) AS t)) < 0 THEN NULL ELSE json_parse(s) END`: the cast runs, its value is dropped. */
function checkedParse(name: Node, call: GroupNode, target: readonly Node[]): Node[] {
  const at = (name as { token: Token }).token;
  const close = { ...call.open, text: ')' };
  const cast: GroupNode = {
    kind: 'group',
    open: { ...call.open, text: '(' },
    close,
    items: [name, call, synthetic(at, 'ws', ' '), synthetic(at, 'word', 'AS'), ...target],
  };
  // Each call in a parenthesis of its own: a call stands where an expression starts (call-position.ts).
  const paren = (items: Node[]): GroupNode => ({ kind: 'group', open: { ...call.open, text: '(' }, close, items });
  return [
    synthetic(at, 'translated', 'CASE WHEN hash'),
    paren([synthetic(at, 'word', 'CAST'), cast]),
    synthetic(at, 'translated', ' < 0 THEN NULL ELSE '),
    paren([name, call]),
    synthetic(at, 'translated', ' END'),
  ];
}

/** Whether a select list (the items of one query level) is DISTINCT or grouped: Trino keeps its projection apart. */
function keepsProjection(level: readonly Node[]): boolean {
  const m = meaningful(level);
  return m.some(
    (n, k) => (nodeKeyword(n) === 'SELECT' && nodeKeyword(m[k + 1]) === 'DISTINCT') || (nodeKeyword(n) === 'GROUP' && nodeKeyword(m[k + 1]) === 'BY'),
  );
}

function rewriteLevel(items: readonly Node[], casts: ReadonlyMap<string, CastOfColumn>, counts: ReadonlyMap<string, number>): Node[] {
  // A group is copied only where its items change: other passes key their marks by the nodes.
  const out = items.map((n) => {
    if (n.kind !== 'group') return n;
    const inner = rewriteLevel(n.items, casts, counts);
    return inner.every((m, k) => m === n.items[k]) && inner.length === n.items.length ? n : { ...n, items: inner };
  });
  if (keepsProjection(out)) return out;
  for (let k = 0; k < out.length; k++) {
    const name = out[k];
    if (nodeKeyword(name) !== 'JSON_PARSE') continue;
    const rest = out.slice(k + 1);
    const m = meaningful(rest);
    const call = m[0];
    if (!isParen(call)) continue;
    const before = meaningful(out.slice(0, k)).at(-1);
    if (!(nodeKeyword(before) === 'SELECT' || isComma(before))) continue;
    const aliasNode = nodeKeyword(m[1]) === 'AS' ? m[2] : m[1];
    const after = nodeKeyword(m[1]) === 'AS' ? m[3] : m[2];
    if (aliasNode?.kind !== 'token' || (aliasNode.token.kind !== 'word' && aliasNode.token.kind !== 'quoted')) continue;
    if (after && !(isComma(after) || nodeKeyword(after) === 'FROM')) continue;
    const alias = nameOf(aliasNode.token);
    const cast = casts.get(alias);
    const args = splitArgs(call.items);
    const only = args.length === 1 ? meaningful(args[0]) : [];
    const literal = only.length === 1 && only[0].kind === 'token' && (only[0].token.kind === 'string' || only[0].token.kind === 'number');
    if (!cast || cast.repeated || counts.get(alias) !== 2 || args.length !== 1 || literal) continue;
    const callAt = out.indexOf(call, k);
    out.splice(k, callAt - k + 1, ...checkedParse(name, call, cast.target));
    k += 4;
  }
  return out;
}

/** The statement with each select item `json_parse(s) j` whose `j` only feeds one CAST to an array, map or row checked. */
export function checkInlinedJsonParses(tree: readonly Node[]): Node[] {
  if (
    !tree.some(function has(n: Node): boolean {
      return n.kind === 'group' ? n.items.some(has) : nodeKeyword(n) === 'JSON_PARSE';
    })
  )
    return [...tree];
  const casts = new Map<string, CastOfColumn>();
  castsOfColumns(tree, casts, false);
  if (casts.size === 0) return [...tree];
  const counts = new Map<string, number>();
  countNames(tree, counts, false);
  return rewriteLevel(tree, casts, counts);
}

/** The local shim json_parse is rendered as (functions.ts), the name a view's DuckDB SQL shows. */
const JSON_PARSE_SHIM = 'TRINO_JSON';

/**
 * The columns of a view's DuckDB SQL (`CREATE VIEW "db".v AS SELECT trino_json(s) AS j …`) that are json_parse of a
 * non-literal text in a select item of a level that is neither DISTINCT nor grouped: the columns Trino's plan inlines
 * into a cast of the text when a query over the view casts them (lower-case names). With `known` (such columns of
 * other views), also the select items that pass one of those on (`j`, `x.j AS k`) from a view the SQL names: Trino
 * inlines a view over such a view alike.
 */
export function jsonParsedViewColumns(
  viewSql: string,
  known: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): { view: string; columns: Set<string> } | undefined {
  const passedOn = new Set(columnsOfRelationsNamed(viewSql, known));
  if (!viewSql.toUpperCase().includes(`${JSON_PARSE_SHIM}(`) && passedOn.size === 0) return undefined;
  const tokens = tokenize(viewSql).filter((t) => !isTrivia(t));
  const as = tokens.findIndex((t) => t.text.toUpperCase() === 'AS');
  const name = as > 0 ? tokens[as - 1] : undefined;
  if (name === undefined || (name.kind !== 'word' && name.kind !== 'quoted')) return undefined;
  const columns = new Set<string>();
  (function walk(level: readonly Node[]): void {
    const m = meaningful(level);
    const counted = !keepsProjection(level);
    m.forEach((n, k) => {
      if (n.kind === 'group') return walk(n.items);
      const before = m[k - 1];
      if (counted && passedOn.size > 0 && (nodeKeyword(before) === 'SELECT' || isComma(before))) {
        // A column passed on: `name` or `q.name`, then `AS alias` or nothing, then a comma or FROM.
        const end = m.findIndex((e, i) => i > k && (isComma(e) || nodeKeyword(e) === 'FROM'));
        const item = m.slice(k, end < 0 ? m.length : end);
        const as = item.findIndex((e) => nodeKeyword(e) === 'AS');
        const column = columnName(as < 0 ? item : item.slice(0, as));
        const alias = as < 0 ? item.at(-1) : item[as + 1];
        if (column !== undefined && passedOn.has(column) && alias?.kind === 'token' && (as < 0 || as === item.length - 2)) columns.add(nameOf(alias.token));
      }
      const call = m[k + 1];
      if (!counted || nodeKeyword(n) !== JSON_PARSE_SHIM || !isParen(call) || nodeKeyword(m[k + 2]) !== 'AS') return;
      const alias = m[k + 3];
      const args = splitArgs(call.items).map((a) => meaningful(a));
      const literal = args.length === 1 && args[0].length === 1 && args[0][0].kind === 'token' && ['string', 'number'].includes(args[0][0].token.kind);
      if ((nodeKeyword(before) === 'SELECT' || isComma(before)) && alias?.kind === 'token' && !literal) columns.add(nameOf(alias.token));
    });
  })(buildTree(tokens.slice(as + 1)));
  return columns.size > 0 ? { view: nameOf(name), columns } : undefined;
}

/**
 * Refuses a CAST to an array, map or row of a column that a view the statement reads made with json_parse
 * (`jsonColumns`, TranslateContext.jsonParsedColumns), where the column is read only by that cast: Trino 476 inlines
 * the view's projection as it does a subquery's, so the cast reads the text and fails on a repeated key
 * (INVALID_CAST_ARGUMENT "Duplicate map keys are not allowed", "Duplicate field: a"), where the local view's json
 * value kept the last one. Read twice, under TRY_CAST or inside try(), Trino reads json_parse's value as the local
 * engine does.
 */
export function refuseViewJsonCasts(
  tree: readonly Node[],
  jsonColumns: ReadonlySet<string> | undefined,
  report: (at: Token, rule: string, message: string, hint?: string) => void,
): void {
  if (!jsonColumns || jsonColumns.size === 0) return;
  const casts = new Map<string, CastOfColumn>();
  castsOfColumns(tree, casts, false);
  const counts = new Map<string, number>();
  countNames(tree, counts, false);
  for (const [name, cast] of casts) {
    if (!jsonColumns.has(name) || cast.repeated || counts.get(name) !== 1) continue;
    const target = cast.target.map(nodeText).join('').trim().replace(/\s+/g, ' ');
    report(
      cast.at,
      'cast',
      `CAST of ${name}, a view's json_parse(…) column, to ${target}: Athena inlines the view and casts the text itself, failing on a repeated key (INVALID_CAST_ARGUMENT: Duplicate map keys are not allowed / Duplicate field), where the local engine keeps the last value`,
      "cast in the view (CAST(json_parse(s) AS map(varchar, integer))), or TRY_CAST here: both engines then keep the last key's value",
    );
  }
}
