// `lake lint` translates each query model's CTAS once (translation-feed.ts); most of a large project's models differ
// only in the tables they read (issue 18: the bench's 1,000 models have a few dozen such shapes), so a model whose
// query has the text of one already translated, but for the names of the tables it reads, takes that translation
// with its own names put back instead of running the translator again (~60 % of an uncached lint's main thread).
//
// Two queries have one shape when their texts are equal once every bare word naming a table the model reads (its
// project dependencies in its own database) is replaced by a placeholder numbered in order of first appearance, the
// names at each placeholder have the same length (so every position, and every finding's line:col, is the same) and
// sort in the same order. The translator's passes read a name only as a token: they compare it with other tokens, with
// their word lists (keywords, functions, types, DuckDB's reserved words) and with the enclosing query's other names,
// so a name that is in none of those lists is only ever compared for equality, and renaming it alike in the input
// and the output gives the other query's translation. What this module checks before sharing:
// - only ordinary names are replaced (lower-case plain words, not a Trino keyword, DuckDB reserved word, function or
//   type name, nor named like the local engine's shims and helpers); any other name stays in the key as written, so
//   only queries with that very name share;
// - a replaced name is never written after `.` (a field or a qualified name), before `(` (a call) or `=>` (a named
//   argument: sequence's `step => 2`), in no other case
//   (`M1`, `"m1"`), and appears in the text nowhere else (not in a string, a comment, a longer word): otherwise no
//   shape;
// - a translation is kept for the shape only when it has no finding (a message could name a table) and every
//   appearance of each of its names in its output is a whole word (or quoted identifier) the rename can replace.
// The bind worker translates a query with a subquery or set operation again with the catalog's column types
// (engine.ts columnTypesNamed): those share too, the types in the key with the replaced names' placeholders (typesKey).
// tests/lint/lint38-shared-shapes.test.ts compares shared and own translations of every bench and example model and
// of renamed queries of the repository's tests.
import type { ExpressionTranslation, QueryOptions, SharedTranslations } from '../dialect/translate/query.js';
import { isDuckdbOnlyReserved } from '../dialect/translate/identifiers.js';
import { FUNCTION_TABLE } from '../dialect/functions/index.js';
import { isTrivia, tokenize, type Token } from '../dialect/tokens.js';
import { TRINO_KEYWORDS } from './trino-keywords.js';

const PLAIN_NAME = /^[a-z][a-z0-9_]*$/;
/** Type names (Trino's and DuckDB's) that are not keywords: a table named so could be read as a type. */
const TYPE_NAMES = new Set(
  (
    'boolean bool tinyint smallint integer int bigint real double float decimal numeric varchar char varbinary json ' +
    'date time timestamp interval array map row ipaddress uuid hyperloglog qdigest tdigest int1 int2 int4 int8 int16 ' +
    'int32 int64 int128 hugeint uhugeint utinyint usmallint uinteger ubigint float4 float8 blob bytea string text ' +
    'bit bitstring struct union enum list timestamptz timetz'
  ).split(' '),
);

/** Whether the translator can only compare `name` with other tokens: no word list of it holds the name. */
export function isOrdinaryName(name: string): boolean {
  // The local engine's own names (shims `trino_…`, helpers `…__…`) are left out too: passes read some in translated text.
  if (!PLAIN_NAME.test(name) || name.startsWith('trino_') || name.includes('__')) return false;
  return !TRINO_KEYWORDS.has(name.toUpperCase()) && !isDuckdbOnlyReserved(name) && !FUNCTION_TABLE.has(name) && !TYPE_NAMES.has(name);
}

interface Shape {
  key: string;
  /** The replaced names, by placeholder. */
  names: string[];
}

const SEPARATOR = '\u0001';

/** The shape of `sql` with `tables` (lower-case) replaced, or undefined when it has none (see the header). */
export function shapeOf(sql: string, tables: ReadonlySet<string>, options: QueryOptions): Shape | undefined {
  if (tables.size === 0 || sql.includes(SEPARATOR) || sql.includes('\u0002')) return undefined;
  let tokens: Token[];
  try {
    tokens = tokenize(sql);
  } catch {
    return undefined;
  }
  const placeholders = new Map<string, number>();
  const uses = new Map<string, number>();
  let text = '';
  let from = 0;
  let previous: Token | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (isTrivia(token)) continue;
    const before = previous;
    previous = token;
    if (token.kind !== 'word' && token.kind !== 'quoted') continue;
    const lower = token.kind === 'word' ? token.text.toLowerCase() : undefined;
    if (lower === undefined || !tables.has(lower)) {
      if (token.kind === 'quoted' && tables.has(token.text.slice(1, -1).toLowerCase())) return undefined;
      continue;
    }
    if (!isOrdinaryName(lower)) continue;
    let next = i + 1;
    while (next < tokens.length && isTrivia(tokens[next])) next++;
    if (token.text !== lower || before?.text === '.' || tokens[next]?.text === '(' || tokens[next]?.text === '=>') return undefined;
    let index = placeholders.get(lower);
    if (index === undefined) {
      index = placeholders.size;
      placeholders.set(lower, index);
    }
    uses.set(lower, (uses.get(lower) ?? 0) + 1);
    text += `${sql.slice(from, token.start)}\u0002${index}\u0002`;
    from = token.start + token.text.length;
  }
  if (placeholders.size === 0) return undefined;
  text += sql.slice(from);
  const lowerSql = sql.toLowerCase();
  for (const [name, count] of uses) if (occurrences(lowerSql, name) !== count) return undefined;
  const names = [...placeholders.keys()];
  const order = names
    .map((_, k) => k)
    .sort((a, b) => (names[a] < names[b] ? -1 : 1))
    .join(',');
  const at = options.at ? `${options.at.line}:${options.at.col}` : '-';
  return { key: [options.ctas ? 1 : 0, at, names.map((n) => n.length).join(','), order, text].join(SEPARATOR), names };
}

function occurrences(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) count++;
  return count;
}

/**
 * The part of a shape's key for the catalog's column types a query is translated with (lake lint's bind worker, for a
 * query with a subquery or set operation): the database, then each table's name, with a replaced name's placeholder,
 * and its columns as given, in the map's order. Undefined (no shape) when a replaced name is anywhere else in them: a
 * column, a type's field, another database's name or a qualifier (the translator could write a catalog column's name
 * into its output, which the rename would then take for the table's).
 */
export function typesKey(types: NonNullable<QueryOptions['columnTypes']>, names: readonly string[]): string | undefined {
  const index = new Map(names.map((n, k) => [n, k]));
  const prefix = `${types.database}.`;
  const inside = (text: string) => {
    const lower = text.toLowerCase();
    return lower.includes(SEPARATOR) || lower.includes('\u0002') || names.some((n) => lower.includes(n));
  };
  if (inside(types.database)) return undefined;
  let key = `${SEPARATOR}T${SEPARATOR}${types.database}`;
  for (const [table, columns] of types.columns) {
    const k = table.startsWith(prefix) ? index.get(table.slice(prefix.length)) : undefined;
    const text = JSON.stringify(columns);
    if (inside(text) || (k === undefined && inside(table))) return undefined;
    key += `${SEPARATOR}${k === undefined ? table : `\u0002${k}\u0002`}${SEPARATOR}${text}`;
  }
  return key;
}

/** A kept translation: its output's text between the places of the names, and which placeholder each place is. */
interface Kept {
  pieces: string[];
  slots: number[];
}

/** Where each of `names` is in `out`, when each appearance is a whole word or quoted identifier; else undefined. */
function keep(out: string, names: readonly string[]): Kept | undefined {
  let tokens: Token[];
  try {
    tokens = tokenize(out);
  } catch {
    return undefined;
  }
  const index = new Map(names.map((n, k) => [n, k]));
  const found = new Map<string, number>();
  const pieces: string[] = [];
  const slots: number[] = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== 'word' && token.kind !== 'quoted') continue;
    const quoted = token.kind === 'quoted';
    const name = quoted ? token.text.slice(1, -1) : token.text;
    const k = index.get(name.toLowerCase());
    if (k === undefined) continue;
    if (name !== names[k] || (quoted && token.text[0] !== '"')) return undefined;
    let next = i + 1;
    while (next < tokens.length && isTrivia(tokens[next])) next++;
    if (tokens[next]?.text === '(' || tokens[next]?.text === '=>') return undefined;
    const start = token.start + (quoted ? 1 : 0);
    pieces.push(out.slice(from, start));
    slots.push(k);
    from = start + name.length;
    found.set(names[k], (found.get(names[k]) ?? 0) + 1);
  }
  pieces.push(out.slice(from));
  const lowerOut = out.toLowerCase();
  for (const name of names) if (occurrences(lowerOut, name) !== (found.get(name) ?? 0)) return undefined;
  return { pieces, slots };
}

/** The bare lower-case names of the tables of `database` among a node's qualified `tables` (a model's shape's names). */
export function tablesIn(database: string, tables: readonly string[]): string[] {
  const prefix = `${database.toLowerCase()}.`;
  return tables.flatMap((t) => (t.toLowerCase().startsWith(prefix) && !t.slice(prefix.length).includes('.') ? [t.slice(prefix.length).toLowerCase()] : []));
}

/** Translations shared between queries of one shape, for one lint run (one per thread that checks files). */
export class ShapeTranslations {
  private readonly kept = new Map<string, Kept | null>();
  /** Translations made and taken (for the tests and the bench's notes). */
  made = 0;
  shared = 0;

  /** The sharing for a model that reads `tables` (lower-case bare names in its database). */
  forTables(tables: readonly string[]): SharedTranslations {
    const set = new Set(tables.filter(isOrdinaryName));
    return { translate: (sql, options, translate, columnTypes) => this.translate(sql, set, options, translate, columnTypes) };
  }

  private translate(
    sql: string,
    tables: ReadonlySet<string>,
    options: QueryOptions,
    translate: () => ExpressionTranslation,
    columnTypes?: QueryOptions['columnTypes'],
  ): ExpressionTranslation {
    const plain = shapeOf(sql, tables, options);
    const typed = plain && columnTypes ? typesKey(columnTypes, plain.names) : '';
    const shape = plain && typed !== undefined ? { key: plain.key + typed, names: plain.names } : undefined;
    const known = shape && this.kept.get(shape.key);
    if (shape && known) {
      this.shared++;
      let out = known.pieces[0];
      for (let k = 0; k < known.slots.length; k++) out += shape.names[known.slots[k]] + known.pieces[k + 1];
      return { sql: out, diagnostics: [] };
    }
    this.made++;
    const translation = translate();
    // A shape whose translation cannot be shared is not tried again (null): each of its queries is translated.
    if (shape && known === undefined) this.kept.set(shape.key, translation.diagnostics.length === 0 ? (keep(translation.sql, shape.names) ?? null) : null);
    return translation;
  }
}
