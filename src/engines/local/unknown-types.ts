// Trino types a NULL literal and the empty or all-NULL constructors `unknown` (SELECT NULL is unknown, ARRAY[] and
// ARRAY[NULL] array(unknown), MAP() map(unknown, unknown), and transform(ARRAY[], x -> x) stays array(unknown)).
// DuckDB has the same NULL type while binding, but makes it INTEGER in a result. So when a result's type has an
// integer in it and the statement writes a NULL or an empty constructor, the statement is planned once more (never
// run) under a projection that turns a NULL type into a marker (trino_unknown_marked, an ENUM DuckDB makes nowhere
// else), and the columns whose type holds the marker report `unknown` there. A statement's own WITH list moves in
// front of that projection: DuckDB makes the NULL type INTEGER in a subquery that has a WITH of its own.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { QueryResult } from '../engine.js';
import { isTrivia, keyword, tokenize, type Token } from '../../dialect/tokens.js';
import { trinoTypeName } from '../duckdb/types.js';
import type { MacroSet } from '../../dialect/shims/index.js';
import { MAY_BE_UNKNOWN } from '../../dialect/translate/column-operands.js';

/** A query: the projection below can only wrap a statement that returns rows. */
const QUERY = /^\s*(?:SELECT|WITH|VALUES|FROM|\()/i;

export async function withUnknownTypes(
  connection: DuckDBConnection,
  macros: MacroSet,
  athenaSql: string,
  duckSql: string,
  result: QueryResult,
): Promise<QueryResult> {
  const candidates = result.columns.flatMap((c, i) => (/\binteger\b/.test(c.type) ? [i] : []));
  if (candidates.length === 0 || !MAY_BE_UNKNOWN.test(athenaSql) || !QUERY.test(duckSql)) return result;
  const names = result.columns.map((_, i) => `trino_c${i}`);
  const { ctes, body } = hoistNestedWith(splitWith(duckSql.trim().replace(/;$/, '')));
  const sql = `${ctes}SELECT ${candidates.map((i) => `trino_unknown_marked(${names[i]})`).join(', ')} FROM (${body}) AS trino_q(${names.join(', ')})`;
  let types: string[];
  try {
    await macros.defineFor(connection, [sql]);
    const prepared = await connection.prepare(sql);
    types = candidates.map((_, k) => trinoTypeName(prepared.columnType(k)));
  } catch {
    // A type DuckDB cannot spell back (from_json reads the type's name) keeps DuckDB's integer.
    return result;
  }
  const columns = result.columns.map((c) => ({ ...c }));
  candidates.forEach((i, k) => {
    columns[i].type = types[k];
  });
  return { ...result, columns };
}

/**
 * `WITH a AS (…), b (x) AS MATERIALIZED (…) <query>` as its WITH list (with a space after it) and the query after it;
 * `ctes` is '' for a statement without a WITH list or one this reading does not follow (then the query is all of it).
 */
export function splitWith(sql: string): { ctes: string; body: string; names: string[] } {
  const whole = { ctes: '', body: sql, names: [] };
  const names: string[] = [];
  let tokens: Token[];
  try {
    tokens = tokenize(sql).filter((t) => !isTrivia(t));
  } catch {
    return whole;
  }
  /** The index after the group opened at `open` (a '(' token), or -1. */
  const closeOf = (open: number): number => {
    let depth = 0;
    for (let k = open; k < tokens.length; k++) {
      if (tokens[k].text === '(') depth++;
      else if (tokens[k].text === ')' && --depth === 0) return k + 1;
    }
    return -1;
  };
  if (keyword(tokens[0]) !== 'WITH') return whole;
  let at = keyword(tokens[1]) === 'RECURSIVE' ? 2 : 1;
  for (;;) {
    if (tokens[at]?.kind !== 'word' && tokens[at]?.kind !== 'quoted') return whole;
    names.push(tokens[at].text.replace(/^"(.*)"$/, '$1').toLowerCase());
    at++;
    if (tokens[at]?.text === '(') at = closeOf(at);
    if (at < 0 || keyword(tokens[at]) !== 'AS') return whole;
    at++;
    if (keyword(tokens[at]) === 'NOT') at++;
    if (keyword(tokens[at]) === 'MATERIALIZED') at++;
    if (tokens[at]?.text !== '(') return whole;
    at = closeOf(at);
    if (at < 0 || at >= tokens.length) return whole;
    if (tokens[at].text !== ',') break;
    at++;
  }
  const start = tokens[at].start;
  return { ctes: `${sql.slice(0, start)} `, body: sql.slice(start), names };
}

/**
 * The statement with the WITH lists of its subqueries (`(WITH w AS (…) SELECT … FROM w)`, not recursive) moved in
 * front of it, for the second plan only: DuckDB makes the NULL type INTEGER in a subquery that has a WITH of its own,
 * as at the top. A name that is written elsewhere in the statement too, or twice, leaves that subquery as it is (a
 * moved name must not take another relation's place); a moved query that does not bind there fails the second plan,
 * which keeps DuckDB's integer.
 */
function hoistNestedWith(split: { ctes: string; body: string; names: string[] }): { ctes: string; body: string } {
  const taken = new Set(split.names);
  // The statement's own WITH queries first (`WITH w AS (WITH u AS (…) SELECT … FROM u) …`): their moved lists go in
  // front of the statement's, so that a query reading one follows it.
  const list = split.ctes.replace(/^\s*WITH\s+(?!RECURSIVE)/i, '');
  const plain = split.ctes !== '' && list !== split.ctes;
  const own = plain ? hoisted(list, taken, (outside) => outside + split.body, true) : { text: split.ctes, moved: [] };
  const inBody = hoisted(split.body, taken, (outside) => own.text + outside, false);
  if ((!plain || own.text === list) && inBody.moved.length === 0) return split;
  const head = plain ? `WITH ${own.text.trimEnd()}` : split.ctes.trimEnd();
  const ctes = head ? `${head}${inBody.moved.map((m) => `, ${m}`).join('')} ` : `WITH ${inBody.moved.join(', ')} `;
  // A moved list may hold WITH lists of its own: moved in turn (a few rounds; each takes names out of `taken`).
  const again = splitWith(`${ctes}${inBody.text}`);
  return again.ctes && again.names.length < 32 && /\(\s*WITH\s+(?!RECURSIVE)/i.test(again.ctes)
    ? hoistNestedWith({ ...again, names: [...taken] })
    : { ctes, body: inBody.text };
}

/**
 * `text` with the WITH lists of its parenthesized queries taken out (each query keeping its own query), and those
 * lists. `rest(outside)` is the statement around a list once it is taken out, where its names must not be written.
 */
function hoisted(text: string, taken: Set<string>, rest: (outside: string) => string, inPlace: boolean): { text: string; moved: string[] } {
  let body = text;
  const moved: string[] = [];
  for (let round = 0; round < 8; round++) {
    const at = /\(\s*WITH\s+(?!RECURSIVE)/i.exec(body);
    if (!at) break;
    let depth = 0;
    let end = -1;
    let tokens: Token[];
    try {
      tokens = tokenize(body.slice(at.index));
    } catch {
      break;
    }
    for (const t of tokens) {
      if (t.text === '(') depth++;
      else if (t.text === ')' && --depth === 0) {
        end = at.index + t.start;
        break;
      }
    }
    if (end < 0) break;
    const inner = splitWith(body.slice(at.index + 1, end).trim());
    const outside = rest(body.slice(0, at.index) + body.slice(end));
    const written = (name: string) => new RegExp(`(?<![\\w$"])"?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?(?![\\w$"])`, 'i').test(outside);
    if (inner.names.length === 0 || inner.names.some((n) => taken.has(n) || written(n))) break;
    inner.names.forEach((n) => taken.add(n));
    const list = inner.ctes.trim().replace(/^WITH\s+/i, '');
    const replaced = `${body.slice(0, at.index)}(${inner.body})${body.slice(end + 1)}`;
    // In a WITH list, the moved list goes just before the entry holding it (it may read the entries before).
    const entry = inPlace ? entryStart(body, at.index) : -1;
    if (entry >= 0) body = `${replaced.slice(0, entry)}${list}, ${replaced.slice(entry)}`;
    else {
      moved.push(list);
      body = replaced;
    }
  }
  return { text: body, moved };
}

/** Where the WITH list entry holding `at` starts in `list` (after the last comma outside parentheses before it). */
function entryStart(list: string, at: number): number {
  let start = 0;
  let depth = 0;
  for (const t of tokenize(list.slice(0, at))) {
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    else if (t.text === ',' && depth === 0) start = t.start + 1;
  }
  return list.slice(start).length - list.slice(start).trimStart().length + start;
}
