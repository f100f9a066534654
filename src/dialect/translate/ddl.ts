// Athena DDL → catalog actions for the local engine.
import { s3Folder } from '../../storage/object-store/object-store.js';
import { HiveTypeError, normalizeHiveType } from '../hive-types.js';
import type { CtasSpec, LakeAction, PartitionSpec } from '../lake-actions.js';
import type { LakeColumn, LakeTable, StorageFormat } from '../lake-table.js';
import {
  keyValueList,
  parseCreateTable,
  syntaxError,
  type CreateTableAsStatement,
  type CreateTableStatement,
  type ParsedColumn,
  type PropertyValue,
} from '../ddl-parse.js';
import { TokenCursor } from '../parse-cursor.js';
import type { TranslateContext } from './index.js';
import { resolveDatabaseName, resolveTableName } from './names.js';
import { queryHashOrderedOutputs } from './hash-orders.js';
import { translateQuery } from './query.js';
import { qualifyViewReads } from './view-names.js';
import { ctasUnknownColumns, MissingColumnNameError } from './select-names.js';
import { DialectError } from '../diagnostics.js';
import { tokenize, type Token } from '../tokens.js';
import { buildTree, splitCallArgs } from './tree.js';
import { AthenaCodedError } from '../athena-error.js';
import { regexSerdePattern } from './java-regex.js';

function column(c: ParsedColumn): LakeColumn {
  try {
    return { name: c.name, type: normalizeHiveType(c.type), ...(c.comment ? { comment: c.comment } : {}) };
  } catch (error) {
    if (error instanceof HiveTypeError) throw syntaxError(`column '${c.name}': ${error.message}`, c.line, c.col);
    throw error;
  }
}

const JSON_SERDES = ['org.openx.data.jsonserde.jsonserde', 'org.apache.hive.hcatalog.data.jsonserde', 'org.apache.hadoop.hive.serde2.jsonserde'];
const LAZY_SIMPLE = 'org.apache.hadoop.hive.serde2.lazy.lazysimpleserde';
const OPEN_CSV = 'org.apache.hadoop.hive.serde2.opencsvserde';
const REGEX = 'org.apache.hadoop.hive.serde2.regexserde';

/** Which reader a Hive table needs, from its SerDe / ROW FORMAT / STORED AS. */
/** Input formats that read files as their SerDe says; any other (e.g. CloudTrailInputFormat) reshapes records. */
const PLAIN_INPUT_FORMATS = ['org.apache.hadoop.mapred.textinputformat', 'org.apache.hadoop.hive.ql.io.parquet.mapredparquetinputformat'];

export function storageFormatOf(stmt: CreateTableStatement): StorageFormat {
  const serde = stmt.serde?.toLowerCase();
  const input = stmt.inputFormat?.toLowerCase();
  if (input !== undefined && !PLAIN_INPUT_FORMATS.includes(input)) {
    throw syntaxError(
      `the local engine cannot read INPUTFORMAT '${stmt.inputFormat}': use Parquet, JSON (JsonSerDe) or delimited text`,
      stmt.name.line,
      stmt.name.col,
    );
  }
  const stored = stmt.storedAs ?? (stmt.inputFormat?.toLowerCase().includes('parquet') ? 'PARQUET' : undefined);
  const props = stmt.serdeProperties;
  if (serde && JSON_SERDES.includes(serde)) return { kind: 'json' };
  if (stored === 'PARQUET' || serde?.includes('parquet')) return { kind: 'parquet' };
  if (serde === REGEX) {
    // Hive's string literal reads `\\` as one backslash: AWS writes the same regex with `\\s` (CloudFront) and `\s` (ALB).
    const pattern = props['input.regex']?.replace(/\\\\/g, '\\');
    if (pattern === undefined) throw syntaxError("RegexSerDe needs WITH SERDEPROPERTIES ('input.regex' = '…')", stmt.name.line, stmt.name.col);
    const caseInsensitive = props['input.regex.case.insensitive']?.toLowerCase() === 'true';
    const read = regexSerdePattern(pattern, caseInsensitive);
    if ('unfaithful' in read)
      throw syntaxError(`the local engine cannot read this RegexSerDe table as Athena does: ${read.unfaithful}`, stmt.name.line, stmt.name.col);
    return { kind: 'regex', pattern, caseInsensitive };
  }
  if (serde === OPEN_CSV) {
    return { kind: 'csv', serde: 'opencsv', delimiter: props.separatorchar ?? ',', quote: props.quotechar ?? '"', escape: props.escapechar ?? '\\' };
  }
  if ((serde === undefined || serde === LAZY_SIMPLE) && (stored === undefined || stored === 'TEXTFILE')) {
    const d = stmt.delimited ?? {};
    return {
      kind: 'csv',
      serde: 'lazy',
      delimiter: d.fieldsTerminatedBy ?? props['field.delim'] ?? '\u0001',
      quote: '',
      escape: d.escapedBy ?? props['escape.delim'] ?? '',
      nullString: d.nullDefinedAs ?? props['serialization.null.format'] ?? '\\N',
    };
  }
  throw syntaxError(
    `the local engine cannot read ${stored ? `STORED AS ${stored}` : `SerDe '${stmt.serde}'`}: use Parquet, JSON (JsonSerDe) or delimited text (ROW FORMAT DELIMITED / OpenCSVSerde)`,
    stmt.name.line,
    stmt.name.col,
  );
}

function tableOf(stmt: CreateTableStatement, ctx: TranslateContext): LakeTable {
  const ref = resolveTableName(stmt.name, ctx.database);
  const iceberg = stmt.tblProperties.table_type?.toUpperCase() === 'ICEBERG';
  if (!stmt.external && !iceberg) {
    throw syntaxError(
      "Athena creates Hive tables only with CREATE EXTERNAL TABLE; for an Iceberg table add TBLPROPERTIES ('table_type'='ICEBERG')",
      stmt.name.line,
      stmt.name.col,
    );
  }
  if (!stmt.location) throw syntaxError(`CREATE ${stmt.external ? 'EXTERNAL ' : ''}TABLE needs LOCATION 's3://bucket/prefix/'`, stmt.name.line, stmt.name.col);
  const format: StorageFormat = iceberg ? { kind: 'parquet' } : storageFormatOf(stmt);
  const properties: Record<string, string> = {
    ...stmt.tblProperties,
    ...(stmt.partitionTransforms.length > 0 ? { partitioning: stmt.partitionTransforms.join(', ') } : {}),
  };
  const compression = properties['write.compression'] ?? properties['parquet.compression'] ?? (format.kind === 'parquet' ? 'snappy' : 'gzip');
  return {
    database: ref.database,
    name: ref.name,
    tableType: iceberg ? 'iceberg' : 'hive',
    columns: stmt.columns.map(column),
    partitionKeys: stmt.partitionedBy.map(column),
    location: s3Folder(stmt.location),
    format,
    writeCompression: compression.toLowerCase(),
    ...(stmt.serde ? { serde: stmt.serde } : {}),
    serdeProperties: stmt.serdeProperties,
    properties,
    partitions: [],
    droppedPartitions: [],
  };
}

const asString = (v: PropertyValue | undefined): string | undefined => (v === undefined ? undefined : String(v));

/** A CTAS query: every column must be named (Trino: MISSING_COLUMN_NAME). */
function ctasQuery(query: string, at: { line: number; col: number }, ctx: TranslateContext): string {
  try {
    return translateQuery(query, ctx, { ctas: true, at });
  } catch (error) {
    if (error instanceof MissingColumnNameError) throw new AthenaCodedError('MISSING_COLUMN_NAME', error.message.replace(/ at line \d+, column \d+$/, ''));
    throw error;
  }
}

function ctasSpec(stmt: CreateTableAsStatement, ctx: TranslateContext): CtasSpec {
  const p = stmt.properties;
  const tableType = asString(p.table_type)?.toUpperCase() === 'ICEBERG' ? 'iceberg' : 'hive';
  const partitioned = p.partitioned_by ?? (tableType === 'iceberg' ? undefined : p.partitioning);
  const location = asString(p.external_location ?? p.location);
  const hashOrdered = queryHashOrderedOutputs(stmt.query, splitCallArgs, ctx.hashOrderedColumns);
  const properties: Record<string, string> = {};
  for (const [k, v] of Object.entries(p)) properties[k] = Array.isArray(v) ? v.join(',') : String(v);
  return {
    target: resolveTableName(stmt.name, ctx.database),
    ifNotExists: stmt.ifNotExists,
    sourceSql: ctasQuery(stmt.query, stmt.queryAt, ctx),
    ...(hashOrdered?.names.length ? { hashOrderedColumns: hashOrdered.names } : {}),
    withData: stmt.withData,
    tableType,
    format: asString(p.format) ?? 'PARQUET',
    ...(p.write_compression !== undefined ? { writeCompression: String(p.write_compression) } : {}),
    ...(p.field_delimiter !== undefined ? { fieldDelimiter: String(p.field_delimiter) } : {}),
    partitionedBy: Array.isArray(partitioned) ? partitioned.map(String) : [],
    ...(location ? { location } : {}),
    properties,
  };
}

export function translateCreateTable(sql: string, ctx: TranslateContext): LakeAction {
  const stmt = parseCreateTable(sql);
  if (stmt.kind === 'createTableAs') return { type: 'createTableAs', spec: ctasSpec(stmt, ctx) };
  return { type: 'createTable', table: tableOf(stmt, ctx), ifNotExists: stmt.ifNotExists };
}

function partitionSpec(c: TokenCursor): PartitionSpec {
  const spec: PartitionSpec = {};
  c.expectPunct('(');
  while (!c.acceptPunct(')')) {
    const key = c.identifier('a partition key');
    c.expectPunct('=');
    const t = c.next();
    if (t.kind !== 'string' && t.kind !== 'number') throw c.error('expected a partition value', t);
    spec[key] = t.kind === 'string' ? t.text.slice(t.text.indexOf("'") + 1, -1).replaceAll("''", "'") : t.text;
    if (!c.acceptPunct(',') && !c.isPunct(')')) throw c.error("expected ',' or ')'");
  }
  return spec;
}

/**
 * Trino 476 fails a CREATE VIEW whose query gives a NULL column of no type (COLUMN_TYPE_UNKNOWN "Column type is
 * unknown: n"), as it fails such a CTAS (select-names.ts ctasUnknownColumns); the local view made it an integer
 * column, so a query of it answered (`abs(n / 0)` of `SELECT NULL AS n` gave NULL). Refused where the query is read,
 * at the NULL (`lake lint` too).
 */
function refuseUnknownViewColumns(query: string, at: Token): void {
  const unknown = ctasUnknownColumns(buildTree(tokenize(query)));
  if (unknown.length === 0) return;
  throw new DialectError(
    unknown.map(({ at: t, name }) => ({
      severity: 'error',
      rule: 'unfaithful/column-type-unknown',
      message: `Column type is unknown: ${name}: Athena fails the CREATE VIEW (COLUMN_TYPE_UNKNOWN); the local view would make it an integer column`,
      hint: `give the NULL a type: CAST(NULL AS varchar) AS ${name}`,
      line: t.line + at.line - 1,
      col: t.line === 1 ? t.col + at.col - 1 : t.col,
    })),
  );
}

/** CREATE/DROP DATABASE, CREATE VIEW, DROP TABLE/VIEW, ALTER TABLE … PARTITION, MSCK, SHOW, DESCRIBE. */
export function translateCatalogStatement(sql: string, ctx: TranslateContext): LakeAction {
  const c = new TokenCursor(sql);
  const table = () => resolveTableName(c.qualifiedName(), ctx.database);
  const done = <T extends LakeAction>(action: T): T => {
    if (!c.atEnd()) throw c.error('unexpected text');
    return action;
  };
  if (c.acceptKeyword('CREATE')) {
    const orReplace = c.acceptKeyword('OR', 'REPLACE');
    if (c.acceptKeyword('DATABASE') || c.acceptKeyword('SCHEMA')) {
      const ifNotExists = c.acceptKeyword('IF', 'NOT', 'EXISTS');
      const database = resolveDatabaseName(c.qualifiedName('a database name'));
      // COMMENT, LOCATION and DBPROPERTIES describe the Glue database; nothing to do locally.
      return { type: 'createDatabase', database, ifNotExists };
    }
    c.expectKeyword('VIEW');
    const target = table();
    c.expectKeyword('AS');
    // Translated as written first, so a refusal names the statement's line and column (qualifying shifts them).
    const queryAt = c.peek();
    translateQuery(c.textFrom(), ctx, { at: queryAt });
    if (queryAt) refuseUnknownViewColumns(c.textFrom(), queryAt);
    // The view's own hash-ordered columns (no seeds): those it passes on from the relations it reads are read again
    // from its query whenever the catalog lists them (hash-orders.ts relationsHashOrderedColumns).
    const hashOrdered = queryHashOrderedOutputs(c.textFrom(), splitCallArgs, undefined);
    return {
      type: 'createView',
      target,
      orReplace,
      sql: translateQuery(qualifyViewReads(c.textFrom(), ctx.database), ctx),
      query: { text: c.textFrom(), database: ctx.database },
      ...(hashOrdered?.names.length ? { hashOrderedColumns: hashOrdered.names } : {}),
    };
  }
  if (c.acceptKeyword('DROP')) {
    if (c.acceptKeyword('DATABASE') || c.acceptKeyword('SCHEMA')) {
      const ifExists = c.acceptKeyword('IF', 'EXISTS');
      const database = resolveDatabaseName(c.qualifiedName('a database name'));
      const cascade = c.acceptKeyword('CASCADE');
      if (!cascade) c.acceptKeyword('RESTRICT');
      return done({ type: 'dropDatabase', database, ifExists, cascade });
    }
    const view = c.acceptKeyword('VIEW');
    if (!view) c.expectKeyword('TABLE');
    const ifExists = c.acceptKeyword('IF', 'EXISTS');
    const target = table();
    return done(view ? { type: 'dropView', target, ifExists } : { type: 'dropTable', target, ifExists });
  }
  if (c.acceptKeyword('ALTER', 'TABLE')) {
    const target = table();
    if (c.acceptKeyword('ADD')) {
      const ifNotExists = c.acceptKeyword('IF', 'NOT', 'EXISTS');
      const partitions: { spec: PartitionSpec; location?: string }[] = [];
      while (c.acceptKeyword('PARTITION')) {
        const spec = partitionSpec(c);
        const location = c.acceptKeyword('LOCATION') ? c.expectString('an s3:// location') : undefined;
        partitions.push({ spec, ...(location ? { location } : {}) });
      }
      if (partitions.length === 0) throw c.error('expected PARTITION (key = value, …)');
      return done({ type: 'addPartitions', target, ifNotExists, partitions });
    }
    if (c.acceptKeyword('SET', 'TBLPROPERTIES')) return done({ type: 'setTableProperties', target, properties: keyValueList(c) });
    if (c.acceptKeyword('SET', 'LOCATION')) return done({ type: 'setLocation', target, location: s3Folder(c.expectString('an s3:// location')) });
    if (c.acceptKeyword('UNSET', 'TBLPROPERTIES')) {
      const ifExists = c.acceptKeyword('IF', 'EXISTS');
      const names: string[] = [];
      c.expectPunct('(');
      do names.push(c.expectHiveString('a property name').toLowerCase());
      while (c.acceptPunct(','));
      c.expectPunct(')');
      return done({ type: 'unsetTableProperties', target, names, ifExists });
    }
    if (c.acceptKeyword('DROP', 'COLUMN')) return done({ type: 'dropColumn', target, column: c.identifier('a column name') });
    if (c.acceptKeyword('DROP')) {
      const ifExists = c.acceptKeyword('IF', 'EXISTS');
      const partitions: PartitionSpec[] = [];
      do {
        c.expectKeyword('PARTITION');
        partitions.push(partitionSpec(c));
      } while (c.acceptPunct(','));
      return done({ type: 'dropPartitions', target, ifExists, partitions });
    }
    throw c.error('the local engine supports ALTER TABLE … ADD PARTITION, DROP PARTITION, DROP COLUMN, SET LOCATION and SET/UNSET TBLPROPERTIES');
  }
  if (c.acceptKeyword('MSCK', 'REPAIR', 'TABLE')) return done({ type: 'repairTable', target: table() });
  if (c.acceptKeyword('SHOW')) {
    if (c.acceptKeyword('DATABASES') || c.acceptKeyword('SCHEMAS')) {
      const pattern = c.acceptKeyword('LIKE') || c.peek()?.kind === 'string' ? c.expectString('a pattern') : undefined;
      return done({ type: 'showDatabases', ...(pattern !== undefined ? { pattern } : {}) });
    }
    const views = c.acceptKeyword('VIEWS');
    if (views || c.acceptKeyword('TABLES')) {
      const database = c.acceptKeyword('IN') || c.acceptKeyword('FROM') ? resolveDatabaseName(c.qualifiedName('a database name')) : ctx.database;
      const pattern = c.acceptKeyword('LIKE') || c.peek()?.kind === 'string' ? c.expectString('a pattern') : undefined;
      return done({ type: 'showTables', database, ...(views ? { views } : {}), ...(pattern !== undefined ? { pattern } : {}) });
    }
    if (c.acceptKeyword('PARTITIONS')) return done({ type: 'showPartitions', target: table() });
    if (c.acceptKeyword('TBLPROPERTIES')) {
      const target = table();
      let property: string | undefined;
      if (c.acceptPunct('(')) {
        property = c.expectHiveString('a property name');
        c.expectPunct(')');
      }
      return done({ type: 'showTableProperties', target, ...(property !== undefined ? { property } : {}) });
    }
    throw c.error('the local engine supports SHOW DATABASES, SHOW TABLES, SHOW VIEWS, SHOW PARTITIONS and SHOW TBLPROPERTIES');
  }
  if (c.acceptKeyword('DESCRIBE') || c.acceptKeyword('DESC')) return done({ type: 'describe', target: table() });
  throw c.error('unsupported statement');
}
