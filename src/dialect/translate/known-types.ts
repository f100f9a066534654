// Types of a set operation's branch columns known before DuckDB binds them (issue 18): the catalog's column types of
// the tables a statement reads (TranslateContext.columnTypes, filled by the local engine), passed through the
// statement's WITH queries, joins and derived tables, and the types Trino gives a few forms whatever their operands
// (count and count_if are bigint, a string literal varchar, an integer literal integer, `x IS NULL` boolean, a CAST
// its target, lag/lead their value's). Where every branch's value of a column is known and the values meet in one
// type, or in one type family without decimals, the bind-time check of that column (set-operation-types.ts) can only
// pass: it is left out (the SCD2 MERGE of `lake test` was ~3/4 such checks). Anything not read here with certainty is
// unknown, and the check stays: a name that is a WITH query's anywhere in the statement is not read as a table, a
// column name found in two relations or in none is unknown.
import { keyword } from '../tokens.js';
import { isParen, meaningful, nodeKeyword, nodeText, splitArgs, type Node } from './tree.js';

/** A column of a catalog table: its name and Trino type (`varchar`, `decimal(10,2)`, `array(integer)`). */
export interface CatalogColumn {
  name: string;
  trinoType: string;
}

/** What the translator knows of the statement's relations. */
export interface KnownTypes {
  /** Columns (in order) of the catalog's tables the statement names, by lower-case qualified name (`db.table`). */
  columns: ReadonlyMap<string, readonly CatalogColumn[]>;
  /** The default database (lower case) of unqualified names. */
  database: string;
  /** Names the statement may define as WITH queries (lower case): such a name is not read as a catalog table. */
  withNames: ReadonlySet<string>;
  /** The WITH queries the statement defines once (lower-case name; null: defined more than once, or recursive). */
  withQueries: ReadonlyMap<string, WithQuery | null>;
}

/** A WITH query: its column list, if written, and its body. */
export interface WithQuery {
  columns?: string[];
  body: Node[];
}

/** A column of a relation: its name (none for an unnamed expression) and Trino type (none where not known). */
interface Column {
  name?: string;
  type?: string;
}

const SET_OPERATIONS = new Set(['UNION', 'INTERSECT', 'EXCEPT']);
const SELECT_LIST_END = new Set(['FROM', 'WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'INTO']);
const FROM_END = new Set(['WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH']);
/** The NULL literal: of Trino's unknown type, which meets any type. */
const NULL_TYPE = 'unknown';
/** Type families (as trino_type_family groups them) of the types read here by name; any other type meets only itself. */
const FAMILY: Record<string, string> = {
  tinyint: 'number',
  smallint: 'number',
  integer: 'number',
  bigint: 'number',
  real: 'number',
  double: 'number',
  varchar: 'varchar',
  boolean: 'boolean',
  date: 'date',
};

const nameOf = (n: Node | undefined): string | undefined =>
  n?.kind === 'token' && (n.token.kind === 'word' || n.token.kind === 'quoted')
    ? n.token.text.replace(/^"|"$/g, '').replaceAll('""', '"').toLowerCase()
    : undefined;

/**
 * The names a statement may define as WITH queries: every name followed by `AS (` or by a column list and `AS (`,
 * anywhere (more than the WITH queries, never fewer).
 */
export function withQueryNames(tree: readonly Node[]): Set<string> {
  const names = new Set<string>();
  const visit = (items: readonly Node[]) => {
    const m = meaningful(items);
    for (let k = 0; k < m.length; k++) {
      const node = m[k];
      if (node.kind === 'group') visit(node.items);
      const name = nameOf(node);
      if (name === undefined) continue;
      const as = isParen(m[k + 1]) ? k + 2 : k + 1;
      if (nodeKeyword(m[as]) === 'AS' && isParen(m[as + 1])) names.add(name);
    }
  };
  visit(tree);
  return names;
}

/** The WITH queries of a statement, at any depth, by lower-case name: null for a name defined twice or recursively. */
export function withQueries(tree: readonly Node[]): Map<string, WithQuery | null> {
  const queries = new Map<string, WithQuery | null>();
  const visit = (items: readonly Node[]) => {
    const m = meaningful(items);
    for (let k = 0; k < m.length; k++) {
      const node = m[k];
      if (node.kind === 'group') visit(node.items);
      if (nodeKeyword(node) !== 'WITH') continue;
      const recursive = nodeKeyword(m[k + 1]) === 'RECURSIVE';
      let at = recursive ? k + 2 : k + 1;
      for (;;) {
        const name = nameOf(m[at]);
        const next = m[at + 1];
        const list = isParen(next) ? next : undefined;
        const as = list ? at + 2 : at + 1;
        const body = m[as + 1];
        if (name === undefined || nodeKeyword(m[as]) !== 'AS' || !isParen(body)) break;
        const columns = list && splitArgs(list.items).map((c) => nameOf(meaningful(c)[0]) ?? '');
        queries.set(name, queries.has(name) || recursive ? null : { ...(columns ? { columns } : {}), body: body.items });
        if (nodeText(m[as + 2] ?? body) !== ',') break;
        at = as + 3;
      }
    }
  };
  visit(tree);
  return queries;
}

/** A select item without its alias (`x AS a`, `x a`; `t.a` is a column, not `t` named a), and its name. */
function itemParts(item: readonly Node[]): { value: Node[]; name?: string } {
  const m = meaningful(item);
  const last = nameOf(m[m.length - 1]);
  if (m.length > 2 && last !== undefined && nodeKeyword(m[m.length - 2]) === 'AS') return { value: m.slice(0, -2), name: last };
  const before = m[m.length - 2];
  if (m.length > 1 && last !== undefined && before !== undefined && nodeText(before) !== '.') return { value: m.slice(0, -1), name: last };
  // A column keeps its name (`c`, `t.c`).
  const column = m.length === 1 ? last : m.length === 3 && nodeText(m[1]) === '.' ? nameOf(m[2]) : undefined;
  return { value: m, ...(column !== undefined ? { name: column } : {}) };
}

/** A relation of a FROM clause: the name its columns are qualified by, and its columns (undefined: not known). */
interface Relation {
  qualifier?: string;
  columns?: readonly Column[];
}

/** The columns of a relation named `parts` (a WITH query of the statement, or a catalog table). */
function namedColumns(parts: readonly string[], known: KnownTypes, seen: ReadonlySet<string>): readonly Column[] | undefined {
  if (parts.length > 2) return undefined;
  const qualified = parts.length === 1 ? `${known.database}.${parts[0]}` : parts.join('.');
  const table = known.columns.get(qualified);
  if (parts.length === 1 && known.withNames.has(parts[0])) {
    // A WITH query's name that is also a table's is read as neither: which one a reference means depends on its scope.
    const query = known.withQueries.get(parts[0]);
    if (table || !query || seen.has(parts[0])) return undefined;
    const columns = queryColumns(query.body, known, new Set([...seen, parts[0]]));
    if (!columns || (query.columns && query.columns.length !== columns.length)) return undefined;
    return query.columns ? columns.map((c, k) => ({ ...c, name: query.columns?.[k] })) : columns;
  }
  return table?.map((c) => ({ name: c.name.toLowerCase(), type: c.trinoType.toLowerCase() }));
}

const JOIN_WORDS = new Set(['JOIN', 'LEFT', 'RIGHT', 'FULL', 'INNER', 'OUTER', 'CROSS', 'NATURAL']);

/** The relations of a FROM clause: names and subqueries with their aliases, joined by commas or JOIN … ON. */
function fromRelations(from: readonly Node[], known: KnownTypes, seen: ReadonlySet<string>): Relation[] | undefined {
  const relations: Relation[] = [];
  let k = 0;
  while (k < from.length) {
    let relation: Relation;
    let name: string | undefined;
    if (isParen(from[k])) {
      relation = { columns: queryColumns((from[k] as { items: Node[] }).items, known, seen) };
      k++;
    } else {
      const parts: string[] = [];
      for (; k < from.length; k += 2) {
        const part = nameOf(from[k]);
        if (part === undefined || JOIN_WORDS.has(part.toUpperCase())) return undefined;
        parts.push(part);
        if (from[k + 1] === undefined || nodeText(from[k + 1]) !== '.') break;
      }
      k++;
      name = parts[parts.length - 1];
      relation = { columns: namedColumns(parts, known, seen) };
    }
    // [AS] alias (no column list: that renames the columns).
    if (nodeKeyword(from[k]) === 'AS') k++;
    const alias = nameOf(from[k]);
    if (alias !== undefined && !JOIN_WORDS.has(alias.toUpperCase()) && nodeKeyword(from[k]) !== 'ON') {
      name = alias;
      k++;
    }
    if (isParen(from[k])) return undefined;
    relations.push({ ...relation, ...(name !== undefined ? { qualifier: name } : {}) });
    if (k >= from.length) break;
    // ON <condition> of the join before this relation is skipped up to the next `,` or JOIN.
    if (nodeKeyword(from[k]) === 'ON') {
      k++;
      while (k < from.length && nodeText(from[k]) !== ',' && !JOIN_WORDS.has(nodeKeyword(from[k]))) k++;
      if (k >= from.length) break;
    }
    if (nodeText(from[k]) === ',') k++;
    else if (JOIN_WORDS.has(nodeKeyword(from[k]))) {
      while (JOIN_WORDS.has(nodeKeyword(from[k]))) k++;
    } else return undefined;
  }
  return relations;
}

/** The Trino type of a column reference (`c`, `t.c`) of `relations`, undefined when it names no one column of them. */
function columnType(value: readonly Node[], relations: readonly Relation[]): string | undefined {
  const qualified = value.length === 3 && nodeText(value[1]) === '.';
  const name = value.length === 1 ? nameOf(value[0]) : qualified ? nameOf(value[2]) : undefined;
  if (name === undefined) return undefined;
  const among = qualified ? relations.filter((r) => r.qualifier === nameOf(value[0])) : relations;
  if (among.length !== 1 && qualified) return undefined;
  if (among.some((r) => r.columns === undefined)) return undefined;
  const found = among.flatMap((r) => r.columns?.filter((c) => c.name === name) ?? []);
  return found.length === 1 ? found[0].type : undefined;
}

/** `lag` and `lead` of one value (an offset at most, no default): of the value's type. */
const SHIFTS = new Set(['LAG', 'LEAD']);

/** Trino's integer types, narrowest first: integer arithmetic and coalesce of them are of the widest operand's type. */
const INTEGER_RANK = ['tinyint', 'smallint', 'integer', 'bigint'];
const widestInteger = (types: readonly (string | undefined)[]): string | undefined =>
  types.every((t) => t !== undefined && INTEGER_RANK.includes(t)) ? INTEGER_RANK[Math.max(...types.map((t) => INTEGER_RANK.indexOf(t as string)))] : undefined;
/** An operator token at the top level of a value: `+`, `-`, `*`, `||`, a comparison… */
const opText = (n: Node): string | undefined => (n.kind === 'token' && n.token.kind === 'op' ? n.token.text : undefined);

/**
 * The type of a value whose top level is `a + b - c * d` of integer-typed operands (the widest of their types, as
 * Trino's integer arithmetic gives; issue 18: the p3_contract_violations alert's `count(*) - count(DISTINCT …)` and
 * `r.total - t.typed`) or `a || b` of varchar operands (varchar), where every operand's type is known; undefined for
 * anything else (a unary sign, another operator, a word operator such as AND, IS, BETWEEN, AT TIME ZONE).
 */
function operatorType(m: readonly Node[], relations: readonly Relation[], known: KnownTypes, seen: ReadonlySet<string>): string | undefined {
  const operands: Node[][] = [[]];
  const ops = new Set<string>();
  for (const node of m) {
    const op = opText(node);
    if (op === undefined) {
      if (node.kind === 'token' && node.token.kind === 'word' && WORD_OPERATORS.has(keyword(node.token))) return undefined;
      operands[operands.length - 1].push(node);
      continue;
    }
    if (op !== '+' && op !== '-' && op !== '*' && op !== '||') return undefined;
    ops.add(op === '||' ? '||' : '+');
    operands.push([]);
  }
  if (operands.length < 2 || ops.size !== 1 || operands.some((o) => o.length === 0)) return undefined;
  const types = operands.map((o) => valueType(o, relations, known, seen));
  if (ops.has('||')) return types.every((t) => t === 'varchar') ? 'varchar' : undefined;
  return widestInteger(types);
}
/** Words that make a value more than arithmetic of its operands (its type is not theirs). */
const WORD_OPERATORS = new Set(['AND', 'OR', 'NOT', 'IS', 'IN', 'LIKE', 'BETWEEN', 'AT', 'OVER', 'FILTER', 'ESCAPE', 'EXISTS', 'DISTINCT']);

/** The Trino type of one select item's value, where it is known for certain; undefined otherwise. */
function valueType(value: readonly Node[], relations: readonly Relation[], known: KnownTypes, seen: ReadonlySet<string>): string | undefined {
  const m = meaningful(value);
  if (m.length === 1) {
    const only = m[0];
    if (only.kind === 'group') {
      if (!isParen(only)) return undefined;
      // A scalar subquery of one column: its column's type (NULL of it when it finds no row). Else `(x)`.
      if (nodeKeyword(meaningful(only.items)[0]) === 'SELECT') {
        const columns = queryColumns(only.items, known, seen);
        return columns?.length === 1 ? columns[0].type : undefined;
      }
      return valueType(only.items, relations, known, seen);
    }
    const { token } = only;
    if (token.kind === 'string' && token.text.startsWith("'")) return 'varchar';
    if (token.kind === 'number' && /^\d+$/.test(token.text)) return Number(token.text) <= 2147483647 ? 'integer' : undefined;
    const word = keyword(token);
    if (token.kind === 'word' && word === 'NULL') return NULL_TYPE;
    if (token.kind === 'word' && (word === 'TRUE' || word === 'FALSE')) return 'boolean';
    return columnType(m, relations);
  }
  // `x IS [NOT] NULL` (IS binds after every operator but AND, OR and NOT, whose results are boolean too).
  if (m.length >= 3 && nodeKeyword(m[m.length - 1]) === 'NULL' && (nodeKeyword(m[m.length - 2]) === 'IS' || nodeKeyword(m[m.length - 3]) === 'IS'))
    return 'boolean';
  const fn = m[0].kind === 'token' && m[0].token.kind === 'word' && isParen(m[1]) ? keyword(m[0].token) : undefined;
  if (m.length === 2 && fn !== undefined) {
    if (fn === 'COUNT' || fn === 'COUNT_IF') return 'bigint';
    const args = splitArgs((m[1] as { items: Node[] }).items);
    // sum of an integer type is a bigint (Trino's); coalesce of integer types the widest, of varchars a varchar.
    if (fn === 'SUM' && args.length === 1 && nodeKeyword(meaningful(args[0])[0]) !== 'DISTINCT')
      return widestInteger([valueType(args[0], relations, known, seen)]) === undefined ? undefined : 'bigint';
    if (fn === 'COALESCE' && args.length >= 2) {
      const types = args.map((a) => valueType(a, relations, known, seen)).filter((t) => t !== NULL_TYPE);
      if (types.length > 0 && types.every((t) => t === 'varchar')) return 'varchar';
      return types.length > 0 ? widestInteger(types) : undefined;
    }
    if (fn === 'CAST' || fn === 'TRY_CAST') {
      const inner = meaningful((m[1] as { items: Node[] }).items);
      const as = inner.findIndex((n) => nodeKeyword(n) === 'AS');
      const target = inner.slice(as + 1);
      // The type as written (lower case, no blanks): two spellings of one type are two types here, never the reverse.
      const type = target.map(nodeText).join('').replace(/\s+/g, '').toLowerCase();
      if (as > 0 && /^[a-z]+(\(\d+(,\d+)?\))?$/.test(type)) return type === 'int' ? 'integer' : type;
    }
    return undefined;
  }
  const arithmetic = operatorType(m, relations, known, seen);
  if (arithmetic !== undefined) return arithmetic;
  if (m.length === 4 && fn !== undefined && SHIFTS.has(fn) && nodeKeyword(m[2]) === 'OVER' && isParen(m[3])) {
    const args = splitArgs((m[1] as { items: Node[] }).items);
    const offset = meaningful(args[1] ?? []);
    if (args.length === 1 || (args.length === 2 && offset.length === 1 && offset[0].kind === 'token' && offset[0].token.kind === 'number'))
      return valueType(args[0], relations, known, seen);
    return undefined;
  }
  return columnType(m, relations);
}

/**
 * The columns of a query (`SELECT …`, a set operation of such, or one in parentheses): names and Trino types, a type
 * undefined where it is not known for certain; undefined where the columns themselves are not known.
 */
function queryColumns(items: readonly Node[], known: KnownTypes, seen: ReadonlySet<string>): Column[] | undefined {
  const m = meaningful(items);
  if (m.length === 1 && isParen(m[0])) return queryColumns(m[0].items, known, seen);
  const branches: Node[][] = [[]];
  for (const node of m) {
    if (SET_OPERATIONS.has(nodeKeyword(node))) branches.push([]);
    else if (!(branches[branches.length - 1].length === 0 && branches.length > 1 && ['ALL', 'DISTINCT'].includes(nodeKeyword(node))))
      branches[branches.length - 1].push(node);
    if (['ORDER', 'LIMIT', 'OFFSET', 'FETCH'].includes(nodeKeyword(node)) && branches.length > 1) return undefined;
  }
  const each = branches.map((b) => selectColumns(b, known, seen));
  const first = each[0];
  if (!first || each.some((c) => c === undefined || c.length !== first.length)) return undefined;
  // A set operation's column is of its branches' common type: known here where all are one type.
  return first.map((c, k) => {
    const types = each.map((b) => b?.[k]?.type).filter((t) => t !== NULL_TYPE);
    return {
      ...(c.name !== undefined ? { name: c.name } : {}),
      ...(types.length > 0 && types.every((t) => t !== undefined && t === types[0]) ? { type: types[0] } : {}),
    };
  });
}

/** The columns of one `SELECT …` (undefined for anything else). */
function selectColumns(branch: readonly Node[], known: KnownTypes, seen: ReadonlySet<string>): Column[] | undefined {
  const m = meaningful(branch);
  if (m.length === 1 && isParen(m[0])) return queryColumns(m[0].items, known, seen);
  if (nodeKeyword(m[0]) !== 'SELECT') return undefined;
  let first = 1;
  if (['DISTINCT', 'ALL'].includes(nodeKeyword(m[first]))) first++;
  const end = m.findIndex((n, k) => k >= first && SELECT_LIST_END.has(nodeKeyword(n)));
  const items = splitArgs(m.slice(first, end < 0 ? m.length : end));
  let relations: Relation[] = [];
  if (end >= 0 && nodeKeyword(m[end]) === 'FROM') {
    const fromEnd = m.findIndex((n, k) => k > end && FROM_END.has(nodeKeyword(n)));
    const from = fromRelations(m.slice(end + 1, fromEnd < 0 ? m.length : fromEnd), known, seen);
    if (!from) return undefined;
    relations = from;
  }
  const columns: Column[] = [];
  for (const item of items) {
    const im = meaningful(item);
    const star = im.length === 1 && nodeText(im[0]) === '*';
    const qualifiedStar = im.length === 3 && nodeText(im[1]) === '.' && nodeText(im[2]) === '*';
    if (star || qualifiedStar) {
      const of = star ? relations : relations.filter((r) => r.qualifier === nameOf(im[0]));
      if (of.length === 0 || of.some((r) => r.columns === undefined)) return undefined;
      columns.push(...of.flatMap((r) => r.columns ?? []));
      continue;
    }
    // `* EXCLUDE (…)`, `t.* AS (…)`: columns not counted here.
    const text = (n: Node | undefined) => (n === undefined ? '' : nodeText(n));
    if (text(im[0]) === '*' || (text(im[1]) === '.' && text(im[2]) === '*')) return undefined;
    const { value, name } = itemParts(item);
    const type = valueType(value, relations, known, seen);
    columns.push({ ...(name !== undefined ? { name } : {}), ...(type !== undefined ? { type } : {}) });
  }
  return columns;
}

/**
 * The columns (0-based, below `count`) whose values meet in every branch without the bind-time check's possible
 * refusal: each branch's value known, and all of one type, or all of one family without decimals (NULL meets any).
 */
export function columnsKnownToMeet(branches: readonly Node[][], count: number, known: KnownTypes): Set<number> {
  const typed = branches.map((branch) => selectColumns(branch, known, new Set()));
  const meet = new Set<number>();
  if (typed.some((t) => t === undefined || t.length !== count)) return meet;
  for (let k = 0; k < count; k++) {
    const types = typed.map((t) => t?.[k]?.type);
    if (types.some((t) => t === undefined)) continue;
    const valued = types.filter((t): t is string => t !== NULL_TYPE);
    if (valued.length === 0) continue;
    const families = valued.map((t) => FAMILY[/^varchar\(\d+\)$/.test(t) ? 'varchar' : t]);
    if (valued.every((t) => t === valued[0]) || families.every((f) => f !== undefined && f === families[0])) meet.add(k);
  }
  return meet;
}

/** The parts of a rendered column reference (`c`, `t.c`, `"t"."c"`), lower case and unquoted; undefined for others. */
export function columnNameParts(text: string): string[] | undefined {
  const parts: string[] = [];
  const name = /\s*(?:"((?:[^"]|"")*)"|([A-Za-z_][A-Za-z0-9_]*))\s*(\.|$)/y;
  let at = 0;
  for (;;) {
    name.lastIndex = at;
    const m = name.exec(text);
    if (!m) return undefined;
    parts.push((m[1] !== undefined ? m[1].replaceAll('""', '"') : m[2]).toLowerCase());
    at = name.lastIndex;
    if (m[3] === '') return parts.length <= 2 ? parts : undefined;
  }
}

/** Whether a sequence holds a SELECT of its own (a query level, not an expression inside one). */
export const holdsSelect = (items: readonly Node[]): boolean => items.some((n) => nodeKeyword(n) === 'SELECT');

const NOT_COLUMN_WORDS = new Set(['null', 'true', 'false']);

/**
 * The Trino types of the columns a query level's expressions name (issue 18: the guards the translator writes because
 * only DuckDB's binder knows an operand's type): `items` is a level (`[WITH …] SELECT … FROM …`), its relations read
 * as the set operations' branches are (catalog tables, WITH queries, derived tables, joins). The answer is by the
 * parts of a column reference (columnNameParts): the type of the one column of the level's relations it names, or
 * undefined (unknown) for a name of none of them (an outer reference) or of two, a relation whose columns are not
 * known, a level that is a set operation, and, where the level has an ORDER BY (which may name output columns), a
 * name a select item gives another value.
 */
export function levelColumnTypes(items: readonly Node[], known: KnownTypes): ((parts: readonly string[]) => string | undefined) | undefined {
  const m = meaningful(items);
  let select = -1;
  for (let k = 0; k < m.length; k++) {
    const word = nodeKeyword(m[k]);
    if (SET_OPERATIONS.has(word)) return undefined;
    if (word === 'SELECT' && select < 0) select = k;
  }
  if (select < 0) return undefined;
  let first = select + 1;
  if (['DISTINCT', 'ALL'].includes(nodeKeyword(m[first]))) first++;
  const end = m.findIndex((n, k) => k >= first && SELECT_LIST_END.has(nodeKeyword(n)));
  if (end < 0 || nodeKeyword(m[end]) !== 'FROM') return undefined;
  const fromEnd = m.findIndex((n, k) => k > end && FROM_END.has(nodeKeyword(n)));
  const relations = fromRelations(m.slice(end + 1, fromEnd < 0 ? m.length : fromEnd), known, new Set());
  if (!relations || relations.length === 0) return undefined;
  const renamed = new Set<string>();
  if (m.some((n, k) => k > end && nodeKeyword(n) === 'ORDER'))
    for (const item of splitArgs(m.slice(first, end))) {
      const { value, name } = itemParts(item);
      const same = value.length === 1 ? nameOf(value[0]) : value.length === 3 && nodeText(value[1]) === '.' ? nameOf(value[2]) : undefined;
      if (name !== undefined && same !== name) renamed.add(name);
    }
  return (parts) => {
    const name = parts[parts.length - 1];
    if (NOT_COLUMN_WORDS.has(name) || (parts.length === 1 && renamed.has(name))) return undefined;
    const among = parts.length === 2 ? relations.filter((r) => r.qualifier === parts[0]) : relations;
    if (among.length !== 1 && parts.length === 2) return undefined;
    if (among.some((r) => r.columns === undefined)) return undefined;
    const found = among.flatMap((r) => r.columns?.filter((c) => c.name === name) ?? []);
    return found.length === 1 ? found[0].type : undefined;
  };
}
