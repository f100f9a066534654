// A Hive table on the lake as DuckDB SQL over DuckDB's own readers, with Athena's reading rules: declared columns and
// types, partition values from `k=v/` folders with their declared types, JSON keys matched case-insensitively.
import { duckDbTypeOf, isStringHiveType, parseHiveType, type HiveType } from '../../dialect/hive-types.js';
import { localPathOf, toPosix } from './lake-storage.js';
import { skipHeaderLines, type LakeColumn, type LakeTable } from '../../dialect/lake-table.js';
import { regexSerdePattern } from '../../dialect/translate/java-regex.js';

/** Athena (Hive) skips files whose names start with `_` or `.` (`_SUCCESS`, `.part.crc`, …). */
const DATA_FILES = '**/[!._]*';

const NO_NULL_MARKER = '\u0001\u0002no-null\u0002\u0001';
/** A delimiter for reading whole lines (DuckDB's longest: 4 bytes): record and unit separators. */
const WHOLE_LINE_DELIMITER = '\u001e\u001f\u001e\u001f';

export const sqlString = (value: string): string => `'${value.replaceAll("'", "''")}'`;
export const sqlIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Which of the table's sources have files right now (DuckDB's readers fail on a glob that matches nothing). */
export interface SourcePresence {
  tableFolder: boolean;
  /** One entry per `table.partitions`. */
  partitions: boolean[];
}

/** json_transform structure for a nested type: arrays as `[T]`, structs as objects, scalars and maps as type names. */
function jsonStructure(type: HiveType): unknown {
  if (type.kind === 'array') return [jsonStructure(type.element)];
  if (type.kind === 'struct') return Object.fromEntries(type.fields.map((f) => [f.name, jsonStructure(f.type)]));
  return duckDbTypeOf(type);
}

/**
 * How a JSON table's lines are read. A table of only primitive columns reads each line straight into a map of its keys
 * to their values as text (`__m`, DuckDB's own JSON-to-text conversion, the one json_transform applies to a VARCHAR
 * field): one parse, no JSON text written back, keys at hand for the case test (issue 18: ~0.3 s of CPU less per
 * million rows than the text reader below). A table with an array, map or struct column keeps each line as JSON text
 * (`__json`), parsed into a struct of the declared columns (`__s`): a nested column needs its value as JSON, which a
 * map of text values has lost for strings ('[1]' and "[1]" would read alike).
 */
const readsLinesAsMaps = (table: LakeTable): boolean => table.columns.every((c) => parseHiveType(c.type).kind === 'primitive');

/** The case-insensitive lookup of a column's JSON value: Athena's JSON SerDe matches keys whatever their case. */
const valueAnyCase = (entries: string, column: LakeColumn) => `list_filter(${entries}, lambda e: lower(e.key) = ${sqlString(column.name)})[1].value`;
const jsonValueAnyCase = (column: LakeColumn) => valueAnyCase('map_entries(CAST(__json AS MAP(VARCHAR, JSON)))', column);

/** What a plain (all-lower-case keys) row's parsed struct holds for a column: text for scalars, typed nested values. */
const plainStructure = (column: LakeColumn): unknown => {
  const type = parseHiveType(column.type);
  return type.kind === 'primitive' ? 'VARCHAR' : jsonStructure(type);
};

/**
 * A JSON column. Rows whose keys are all lower case (nearly all data) take the exact key (`__m[name]` or `__s.name`);
 * only rows with an upper-case key take the slower case-insensitive lookup. Both give the same answer: declared names
 * are lower case, so for a lower-case-keyed row an exact match is a case-insensitive one (the first of duplicate keys
 * either way, as json_transform and map lookups take the first). A map row whose keys are exactly the declared columns
 * in order (`__exact`, see allKeysLowerCase) holds column i's value at position i: read there, not searched by name
 * (`position`, 1-based; undefined when the table has no such test).
 */
function jsonColumn(column: LakeColumn, asMap: boolean, position?: number): string {
  const type = parseHiveType(column.type);
  const typed = (text: string) => (isStringHiveType(column.type) ? `(${text})` : `CAST(${text} AS ${duckDbTypeOf(type)})`);
  if (asMap) {
    const positional = position === undefined ? '' : `WHEN __exact THEN map_values(__m)[${position}] `;
    return typed(`CASE ${positional}WHEN __plain THEN __m[${sqlString(column.name)}] ELSE ${valueAnyCase('map_entries(__m)', column)} END`);
  }
  const field = `__s.${sqlIdent(column.name)}`;
  if (type.kind !== 'primitive') {
    const slow = `json_transform(${jsonValueAnyCase(column)}, ${sqlString(JSON.stringify(jsonStructure(type)))})`;
    return `CASE WHEN __plain THEN ${field} ELSE ${slow} END`;
  }
  return typed(`CASE WHEN __plain THEN ${field} ELSE ${jsonValueAnyCase(column)} ->> '$' END`);
}

/**
 * `byName`: Parquet files are read with `union_by_name` (each file's columns matched by name, missing ones NULL); else
 * with the first file's schema, which only LakeCatalog decides is safe (parquet-reading.ts).
 */
function readerCall(table: LakeTable, files: string | readonly string[], hive: boolean, byName: boolean): string {
  // One glob, or a list of them (the partition folders partition-filters.ts chose).
  const glob = typeof files === 'string' ? sqlString(files) : `[${files.map(sqlString).join(', ')}]`;
  const hiveOptions = hive
    ? `, hive_partitioning = true, hive_types = {${table.partitionKeys.map((k) => `${sqlString(k.name)}: ${sqlString(duckDbTypeOf(parseHiveType(k.type)))}`).join(', ')}}`
    : ', hive_partitioning = false';
  const format = table.format;
  switch (format.kind) {
    case 'json': {
      // A line that is not an object fails the map reader ("Expected OBJECT, but got ARRAY", naming the file), as it fails
      // on Athena ("Row is not a valid JSON Object"); the text reader still reads its columns as NULL.
      const line = readsLinesAsMaps(table) ? `'__m': 'MAP(VARCHAR, VARCHAR)'` : `'__json': 'JSON'`;
      return `read_json(${glob}, columns = {${line}}, records = false, format = 'newline_delimited', compression = 'auto_detect'${hiveOptions})`;
    }
    case 'parquet':
      return `read_parquet(${glob}, union_by_name = ${byName}${hiveOptions})`;
    case 'regex':
      // Whole lines: a 4-byte delimiter no log line holds, no quoting, no NULL marker (RegexSerDe reads every line).
      return (
        `read_csv(${glob}, columns = {'__line': 'VARCHAR'}, delim = ${sqlString(WHOLE_LINE_DELIMITER)}, quote = '', escape = '', header = false, ` +
        `skip = ${skipHeaderLines(table)}, nullstr = ${sqlString(NO_NULL_MARKER)}, null_padding = true, strict_mode = false, ` +
        `auto_detect = false, compression = 'auto'${hiveOptions})`
      );
    case 'csv': {
      const columns = table.columns.map((c) => `${sqlString(c.name)}: 'VARCHAR'`).join(', ');
      const nullString = format.nullString ?? (format.serde === 'lazy' ? '\\N' : undefined);
      return (
        `read_csv(${glob}, columns = {${columns}}, delim = ${sqlString(format.delimiter)}, quote = ${sqlString(format.quote)}, ` +
        `escape = ${sqlString(format.escape)}, header = false, skip = ${skipHeaderLines(table)}, ` +
        // OpenCSVSerde has no NULL marker (empty stays ''); DuckDB needs some marker, so one that no data contains.
        `nullstr = ${sqlString(nullString ?? NO_NULL_MARKER)}, null_padding = true, strict_mode = false, ` +
        `auto_detect = false, compression = 'auto'${hiveOptions})`
      );
    }
  }
}

/** Names lower() leaves as they are: ASCII without capitals (other names skip the shortcut below). */
const LOWER_ASCII = /^[^A-Z\u0080-\u{10FFFF}]*$/u;

/**
 * Whether a JSON row's keys (`keys`, its key list) are all lower case. The general test is on the list's text: lower() maps
 * each character on its own and leaves the list's brackets, separators and quotes alone, so the text is unchanged
 * exactly when every key is (~0.1 s of CPU less per million rows than lower-casing each key through a lambda). Rows
 * whose keys are exactly the declared columns in their order (what a producer writing the table's schema emits) are
 * answered first by one list comparison, which implies the general test (declared names are lower case) and spares
 * its cast and lower() (~0.2 s of CPU per million rows, issue 18); CASE evaluates the general test for the others only.
 */
function allKeysLowerCase(table: LakeTable, keys: string): string {
  const general = `lower(CAST(${keys} AS VARCHAR)) = CAST(${keys} AS VARCHAR)`;
  const exact = declaredKeysInOrder(table, keys);
  return exact === undefined ? general : `CASE WHEN ${exact} THEN true ELSE ${general} END`;
}

/** Whether a row's keys are exactly the declared columns in order; undefined when a declared name is not LOWER_ASCII. */
function declaredKeysInOrder(table: LakeTable, keys: string): string | undefined {
  const names = table.columns.map((c) => c.name);
  return names.every((name) => LOWER_ASCII.test(name)) ? `${keys} = [${names.map(sqlString).join(', ')}]` : undefined;
}

/** Declared columns over a raw reader (`__raw`), typed as declared. */
function columnsOver(table: LakeTable): { select: string[]; from: (raw: string, passthrough: string[]) => string } {
  const format = table.format;
  const asMap = format.kind === 'json' && readsLinesAsMaps(table);
  // Positional reads of map rows in the declared key order (issue 18: ~60 ms of CPU less per million rows of six
  // columns than searching each key by name); DuckDB computes the repeated list comparison once per row.
  const exact = asMap ? declaredKeysInOrder(table, 'map_keys(__m)') : undefined;
  // RegexSerDe: checked when the table was created (ddl.ts); the groups of a whole-line match as one struct (DuckDB's
  // group index stops at 9), NULL for a line the pattern does not match.
  const regexRead = format.kind === 'regex' ? regexSerdePattern(format.pattern, format.caseInsensitive) : undefined;
  const regex = regexRead && 're2' in regexRead ? regexRead : undefined;
  const select = table.columns.map((c, i) => {
    const type = duckDbTypeOf(parseHiveType(c.type));
    if (format.kind === 'json') return `${jsonColumn(c, asMap, exact === undefined ? undefined : i + 1)} AS ${sqlIdent(c.name)}`;
    if (format.kind === 'csv') return isStringHiveType(c.type) ? sqlIdent(c.name) : `TRY_CAST(${sqlIdent(c.name)} AS ${type}) AS ${sqlIdent(c.name)}`;
    if (format.kind === 'regex') {
      const value = regex && i < regex.groups ? `__g.g${i + 1}` : 'NULL';
      return `${isStringHiveType(c.type) ? value : `TRY_CAST(${value} AS ${type})`} AS ${sqlIdent(c.name)}`;
    }
    return `CAST(${sqlIdent(c.name)} AS ${type}) AS ${sqlIdent(c.name)}`;
  });
  // `__plain` says a JSON line's keys are all lower case; a text line is parsed once into a struct of the declared columns.
  const structure = sqlString(JSON.stringify(Object.fromEntries(table.columns.map((c) => [c.name, plainStructure(c)]))));
  const from = (raw: string, passthrough: string[]) => {
    const rest = passthrough.map((p) => `, ${p}`).join('');
    if (format.kind === 'regex') {
      const names = Array.from({ length: regex?.groups ?? 0 }, (_v, k) => sqlString(`g${k + 1}`)).join(', ');
      const groups =
        regex && regex.groups > 0
          ? `CASE WHEN regexp_full_match(__line, ${sqlString(regex.re2)}) THEN regexp_extract(__line, ${sqlString(regex.re2)}, [${names}]) END`
          : 'NULL';
      return `(SELECT ${groups} AS __g${rest} FROM ${raw})`;
    }
    if (format.kind !== 'json') return raw;
    return asMap
      ? `(SELECT __m, ${exact === undefined ? '' : `${exact} AS __exact, `}${allKeysLowerCase(table, 'map_keys(__m)')} AS __plain${rest} FROM ${raw})`
      : `(SELECT __json, json_transform(__json, ${structure}) AS __s, ${allKeysLowerCase(table, 'json_keys(__json)')} AS __plain${rest} FROM ${raw})`;
  };
  return { select, from };
}

const emptySelect = (table: LakeTable): string =>
  `SELECT ${[...table.columns, ...table.partitionKeys]
    .map((c) => `CAST(NULL AS ${duckDbTypeOf(parseHiveType(c.type))}) AS ${sqlIdent(c.name)}`)
    .join(', ')} WHERE false`;

function partitionLiteral(column: LakeColumn, value: string | null): string {
  return `CAST(${value === null ? 'NULL' : sqlString(value)} AS ${duckDbTypeOf(parseHiveType(column.type))})`;
}

/** The glob of the data files under a table's folder (`k=*\/` per partition key). */
export function tableFolderGlob(table: LakeTable, lakeRoot: string): string {
  const dir = toPosix(localPathOf(lakeRoot, table.location));
  return `${dir}/${table.partitionKeys.map((k) => `${k.name}=*/`).join('')}${DATA_FILES}`;
}

/**
 * The SELECT a Hive table's view runs. `presence` says which sources have files (others are left out); `byName` see
 * readerCall. `partitionFilter`: a condition on the partition keys applied to the table folder's files where DuckDB
 * reads them (partition-filters.ts); only for Parquet, whose reader is not below a projection of its own.
 * `partitionFolders`: the table folder's partition folders to read, instead of a glob of every one (partition-filters.ts).
 */
export function hiveTableSelect(
  table: LakeTable,
  lakeRoot: string,
  presence: SourcePresence,
  byName = true,
  partitionFilter?: string,
  partitionFolders?: readonly string[],
): string {
  const { select, from } = columnsOver(table);
  const keys = table.partitionKeys.map((k) => sqlIdent(k.name));
  const parts: string[] = [];
  if (presence.tableFolder) {
    const glob = partitionFolders?.map((folder) => `${toPosix(folder)}/${DATA_FILES}`) ?? tableFolderGlob(table, lakeRoot);
    const hidden = table.droppedPartitions.map(
      (values) => `(${table.partitionKeys.map((k, i) => `${sqlIdent(k.name)} IS NOT DISTINCT FROM ${partitionLiteral(k, values[i])}`).join(' AND ')})`,
    );
    const conditions = [...(hidden.length > 0 ? [`NOT (${hidden.join(' OR ')})`] : []), ...(partitionFilter === undefined ? [] : [partitionFilter])];
    const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
    parts.push(`SELECT ${[...select, ...keys].join(', ')} FROM ${from(readerCall(table, glob, keys.length > 0, byName), keys)}${where}`);
  }
  table.partitions.forEach((partition, i) => {
    if (!presence.partitions[i]) return;
    const glob = `${toPosix(localPathOf(lakeRoot, partition.location))}/${DATA_FILES}`;
    const values = table.partitionKeys.map((k, j) => `${partitionLiteral(k, partition.values[j])} AS ${sqlIdent(k.name)}`);
    parts.push(`SELECT ${[...select, ...values].join(', ')} FROM ${from(readerCall(table, glob, false, byName), [])}`);
  });
  return parts.length > 0 ? parts.join('\nUNION ALL\n') : emptySelect(table);
}
