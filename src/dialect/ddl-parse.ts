// Parsers for Athena's Hive-style DDL over the token stream. `parseCreateTable` is shared: the local engine turns it
// into a catalog entry, the stacks into a Glue table.
import { DialectError } from './diagnostics.js';
import { TokenCursor, type QualifiedName } from './parse-cursor.js';
import { keyword } from './tokens.js';

export interface ParsedColumn {
  /** Lower case, as Glue stores column names. */
  name: string;
  /** Hive type text as written (validated when the table is created). */
  type: string;
  comment?: string;
  line: number;
  col: number;
}

export interface DelimitedFormat {
  fieldsTerminatedBy?: string;
  escapedBy?: string;
  collectionItemsTerminatedBy?: string;
  mapKeysTerminatedBy?: string;
  linesTerminatedBy?: string;
  nullDefinedAs?: string;
}

/** `CREATE EXTERNAL TABLE …` (Hive) or `CREATE TABLE … (cols) … TBLPROPERTIES ('table_type'='ICEBERG')`. */
export interface CreateTableStatement {
  kind: 'createTable';
  external: boolean;
  ifNotExists: boolean;
  name: QualifiedName;
  columns: ParsedColumn[];
  /** Hive partition columns (PARTITIONED BY (k type, …)). */
  partitionedBy: ParsedColumn[];
  /** Iceberg partition transforms (PARTITIONED BY (col, day(ts), bucket(16, id))). */
  partitionTransforms: string[];
  comment?: string;
  serde?: string;
  serdeProperties: Record<string, string>;
  delimited?: DelimitedFormat;
  storedAs?: string;
  inputFormat?: string;
  outputFormat?: string;
  location?: string;
  tblProperties: Record<string, string>;
}

export type PropertyValue = string | number | boolean | PropertyValue[];

/** `CREATE TABLE … [WITH (…)] AS query [WITH [NO] DATA]`. */
export interface CreateTableAsStatement {
  kind: 'createTableAs';
  ifNotExists: boolean;
  name: QualifiedName;
  /** Property names lower case: format, partitioned_by, external_location, write_compression, table_type… */
  properties: Record<string, PropertyValue>;
  /** The query text, as written. */
  query: string;
  /** Where the query starts in the statement. */
  queryAt: { line: number; col: number };
  withData: boolean;
}

/** Decodes Hive escapes in delimiter literals: `'\t'`, `'\001'`, `'\u0001'`. */
export function hiveDelimiter(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\([0-7]{1,3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)))
    .replace(/\\t/g, '\t')
    .replace(/\\n/g, '\n')
    .replace(/\\\\/g, '\\');
}

/** `('name' = 'value', …)`; Athena also takes unquoted numbers as values (`'compression_level' = 4`). */
export function keyValueList(c: TokenCursor): Record<string, string> {
  const out: Record<string, string> = {};
  c.expectPunct('(');
  while (!c.acceptPunct(')')) {
    const key = c.expectHiveString('a property name');
    c.expectPunct('=');
    const number = c.peek()?.kind === 'number' ? c.next().text : undefined;
    out[key.toLowerCase()] = number ?? c.expectHiveString('a property value');
    if (!c.acceptPunct(',') && !c.isPunct(')')) throw c.error("expected ',' or ')'");
  }
  return out;
}

/** Reads `name type [COMMENT '…']` items of a column list; types may nest `<…>` and `(…)`. */
function columnList(c: TokenCursor): ParsedColumn[] {
  const columns: ParsedColumn[] = [];
  c.expectPunct('(');
  for (;;) {
    const at = c.peek();
    const name = c.identifier('a column name');
    const start = c.pos;
    let depth = 0;
    while (!c.atEnd()) {
      const t = c.peek()!;
      if (depth === 0 && ((t.kind === 'punct' && (t.text === ',' || t.text === ')')) || keyword(t) === 'COMMENT')) break;
      if (t.text === '<' || t.text === '(') depth++;
      if (t.text === '>' || t.text === ')') depth--;
      c.pos++;
    }
    const type = c.textFrom(start, c.pos).replace(/\s+/g, ' ').trim();
    if (!type) throw c.error(`expected a type for column '${name}'`);
    const comment = c.acceptKeyword('COMMENT') ? c.expectHiveString() : undefined;
    columns.push({ name, type, ...(comment !== undefined ? { comment } : {}), line: at!.line, col: at!.col });
    if (c.acceptPunct(')')) return columns;
    c.expectPunct(',');
  }
}

function propertyValue(c: TokenCursor): PropertyValue {
  const t = c.peek();
  if (!t) throw c.error('expected a property value');
  if (t.kind === 'string') return c.expectString();
  if (t.kind === 'number') {
    c.pos++;
    return Number(t.text);
  }
  if (c.acceptKeyword('TRUE')) return true;
  if (c.acceptKeyword('FALSE')) return false;
  if (c.acceptKeyword('ARRAY')) {
    const items: PropertyValue[] = [];
    c.expectPunct('[');
    while (!c.acceptPunct(']')) {
      items.push(propertyValue(c));
      if (!c.acceptPunct(',') && !c.isPunct(']')) throw c.error("expected ',' or ']'");
    }
    return items;
  }
  throw c.error('expected a string, number, boolean or ARRAY[…]');
}

export function ctasProperties(c: TokenCursor): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  c.expectPunct('(');
  while (!c.acceptPunct(')')) {
    const name = c.identifier('a table property');
    c.expectPunct('=');
    out[name] = propertyValue(c);
    if (!c.acceptPunct(',') && !c.isPunct(')')) throw c.error("expected ',' or ')'");
  }
  return out;
}

/** Parses CREATE [EXTERNAL] TABLE in any of its Athena forms (Hive, Iceberg, CTAS). */
export function parseCreateTable(sql: string): CreateTableStatement | CreateTableAsStatement {
  const c = new TokenCursor(sql);
  c.expectKeyword('CREATE');
  const external = c.acceptKeyword('EXTERNAL');
  c.expectKeyword('TABLE');
  const ifNotExists = c.acceptKeyword('IF', 'NOT', 'EXISTS');
  const name = c.qualifiedName();
  if (!c.isPunct('(')) {
    if (external) throw c.error('expected a column list after the table name of CREATE EXTERNAL TABLE');
    return parseCtasRest(c, ifNotExists, name);
  }
  const stmt: CreateTableStatement = {
    kind: 'createTable',
    external,
    ifNotExists,
    name,
    columns: columnList(c),
    partitionedBy: [],
    partitionTransforms: [],
    serdeProperties: {},
    tblProperties: {},
  };
  while (!c.atEnd()) {
    if (c.acceptKeyword('COMMENT')) stmt.comment = c.expectHiveString();
    else if (c.acceptKeyword('PARTITIONED', 'BY')) parsePartitionedBy(c, stmt);
    else if (c.acceptKeyword('CLUSTERED', 'BY')) {
      c.parenthesized();
      if (c.acceptKeyword('SORTED', 'BY')) c.parenthesized();
      c.expectKeyword('INTO');
      c.next();
      c.expectKeyword('BUCKETS');
    } else if (c.acceptKeyword('ROW', 'FORMAT', 'SERDE')) {
      stmt.serde = c.expectHiveString('a SerDe class name');
      if (c.acceptKeyword('WITH', 'SERDEPROPERTIES')) stmt.serdeProperties = keyValueList(c);
    } else if (c.acceptKeyword('ROW', 'FORMAT', 'DELIMITED')) stmt.delimited = parseDelimited(c);
    else if (c.acceptKeyword('WITH', 'SERDEPROPERTIES')) stmt.serdeProperties = keyValueList(c);
    else if (c.acceptKeyword('STORED', 'AS', 'INPUTFORMAT')) {
      stmt.inputFormat = c.expectHiveString();
      c.expectKeyword('OUTPUTFORMAT');
      stmt.outputFormat = c.expectHiveString();
    } else if (c.acceptKeyword('STORED', 'AS')) stmt.storedAs = c.identifier('a storage format').toUpperCase();
    else if (c.acceptKeyword('LOCATION')) stmt.location = c.expectHiveString('an s3:// location');
    else if (c.acceptKeyword('TBLPROPERTIES')) stmt.tblProperties = keyValueList(c);
    else throw c.error('expected COMMENT, PARTITIONED BY, ROW FORMAT, STORED AS, LOCATION or TBLPROPERTIES');
  }
  return stmt;
}

function parsePartitionedBy(c: TokenCursor, stmt: CreateTableStatement): void {
  // Hive form declares `k type`; Iceberg form lists columns or transforms of declared columns.
  const second = c.peek(2);
  const hiveForm = c.isPunct('(') && second !== undefined && !(second.kind === 'punct' && (second.text === ',' || second.text === ')' || second.text === '('));
  if (hiveForm) {
    stmt.partitionedBy = columnList(c);
    return;
  }
  const inner = new TokenCursor(c.parenthesized());
  let start = 0;
  for (;;) {
    const end = inner.findTopLevel((t) => t.kind === 'punct' && t.text === ',', start);
    const text = inner.textFrom(start, end).trim();
    if (text) stmt.partitionTransforms.push(text);
    if (end >= inner.tokenCount) break;
    start = end + 1;
  }
}

function parseDelimited(c: TokenCursor): DelimitedFormat {
  const d: DelimitedFormat = {};
  for (;;) {
    if (c.acceptKeyword('FIELDS', 'TERMINATED', 'BY')) {
      d.fieldsTerminatedBy = hiveDelimiter(c.expectHiveString());
      if (c.acceptKeyword('ESCAPED', 'BY')) d.escapedBy = hiveDelimiter(c.expectHiveString());
    } else if (c.acceptKeyword('COLLECTION', 'ITEMS', 'TERMINATED', 'BY')) d.collectionItemsTerminatedBy = hiveDelimiter(c.expectHiveString());
    else if (c.acceptKeyword('MAP', 'KEYS', 'TERMINATED', 'BY')) d.mapKeysTerminatedBy = hiveDelimiter(c.expectHiveString());
    else if (c.acceptKeyword('LINES', 'TERMINATED', 'BY')) d.linesTerminatedBy = hiveDelimiter(c.expectHiveString());
    else if (c.acceptKeyword('NULL', 'DEFINED', 'AS')) d.nullDefinedAs = hiveDelimiter(c.expectHiveString());
    else return d;
  }
}

function parseCtasRest(c: TokenCursor, ifNotExists: boolean, name: QualifiedName): CreateTableAsStatement {
  let properties: Record<string, PropertyValue> = {};
  if (c.acceptKeyword('COMMENT')) c.expectString();
  if (c.acceptKeyword('WITH')) properties = ctasProperties(c);
  c.expectKeyword('AS');
  let end = c.tokenCount;
  let withData = true;
  const last = (k: number) => keyword(c.tokenAt(c.tokenCount - k));
  if (last(1) === 'DATA' && last(2) === 'NO' && last(3) === 'WITH') {
    withData = false;
    end -= 3;
  } else if (last(1) === 'DATA' && last(2) === 'WITH') end -= 2;
  const queryAt = c.peek();
  const query = c.textFrom(c.pos, end);
  if (!query || !queryAt) throw c.error('expected a query after AS');
  return { kind: 'createTableAs', ifNotExists, name, properties, query, queryAt: { line: queryAt.line, col: queryAt.col }, withData };
}

/** Throws a positioned syntax error for text the parser cannot take. */
export const syntaxError = (message: string, line: number, col: number): DialectError =>
  new DialectError([{ severity: 'error', rule: 'syntax', message, line, col }]);
