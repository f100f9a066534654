// Athena's Hive-style DDL → Trino DDL. Athena runs DDL through Hive (backquoted names, `CREATE DATABASE`, Hive types,
// LOCATION/STORED AS/TBLPROPERTIES), which Trino's parser rejects; queries and DML are Trino SQL already and pass
// through untouched. Storage clauses are dropped: on a Trino cluster a table lives where its catalog puts it.
import { parseCreateTable, type ParsedColumn } from '../../dialect/ddl-parse.js';
import { isTrivia, keyword, tokenize, type Token } from '../../dialect/tokens.js';
import { parseHiveType, trinoTypeOfHive } from '../../dialect/hive-types.js';

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const qualified = (parts: string[]): string => parts.map(quote).join('.');

const columnDefinition = (column: ParsedColumn): string => `${quote(column.name)} ${trinoTypeOfHive(parseHiveType(column.type))}`;

/** Backquoted identifiers become Trino's double-quoted ones; everything else is kept as written. */
const requote = (tokens: readonly Token[]): string =>
  tokens.map((t) => (t.kind === 'quoted' && t.text.startsWith('`') ? quote(t.text.slice(1, -1)) : t.text)).join('');

/**
 * The statement Trino runs for one Athena statement, or undefined when there is nothing to run: `MSCK REPAIR TABLE`
 * loads Hive partitions into Glue, which Iceberg tables (and Trino's own writes) do not need.
 */
export function toTrinoStatement(sql: string): string | undefined {
  const text = sql.trim().replace(/;\s*$/, '');
  const tokens = tokenize(text);
  const significant = tokens.filter((t) => !isTrivia(t));
  const [first, second, third] = significant.slice(0, 3).map(keyword);
  if (first === 'MSCK') return undefined;
  if (first === 'SHOW' && second === 'TABLES') return showTables(significant);
  if (first === 'CREATE' && (second === 'TABLE' || (second === 'EXTERNAL' && third === 'TABLE'))) return createTable(text);
  if ((first === 'CREATE' || first === 'DROP') && second === 'DATABASE') {
    const index = tokens.findIndex((t) => keyword(t) === 'DATABASE');
    return requote([...tokens.slice(0, index), { ...tokens[index], text: 'SCHEMA' }, ...tokens.slice(index + 1)]);
  }
  if (first === 'CREATE' || first === 'DROP' || first === 'ALTER' || first === 'SHOW' || first === 'DESCRIBE') return requote(tokens);
  return text;
}

function createTable(sql: string): string {
  const stmt = parseCreateTable(sql);
  const ifNotExists = stmt.ifNotExists ? 'IF NOT EXISTS ' : '';
  if (stmt.kind === 'createTableAs') {
    return `CREATE TABLE ${ifNotExists}${qualified(stmt.name.parts)} AS ${stmt.query}${stmt.withData ? '' : ' WITH NO DATA'}`;
  }
  const columns = [...stmt.columns, ...stmt.partitionedBy].map(columnDefinition);
  return `CREATE TABLE ${ifNotExists}${qualified(stmt.name.parts)} (${columns.join(', ')})`;
}

/** Hive's `SHOW TABLES [IN db] ['pattern']` (`*` any characters, `|` alternatives) → Trino's `SHOW TABLES FROM db LIKE`. */
function showTables(tokens: readonly Token[]): string {
  let rest = tokens.slice(2);
  let from = '';
  if (keyword(rest[0]) === 'IN' || keyword(rest[0]) === 'FROM') {
    from = ` FROM ${quote(rest[1].kind === 'quoted' ? rest[1].text.slice(1, -1) : rest[1].text)}`;
    rest = rest.slice(2);
  }
  if (keyword(rest[0]) === 'LIKE') rest = rest.slice(1);
  const pattern = rest[0]?.kind === 'string' ? rest[0].text.slice(1, -1) : undefined;
  if (pattern === undefined) return `SHOW TABLES${from}`;
  if (pattern.includes('|')) throw new Error(`SHOW TABLES patterns with '|' alternatives have no Trino form: list the tables once per alternative`);
  // Hive's only wildcard is `*`; Trino's LIKE also treats `_` and `%` as wildcards, so those are escaped.
  const like = pattern.replace(/[\\_%]/g, (c) => `\\${c}`).replaceAll('*', '%');
  return `SHOW TABLES${from} LIKE '${like}' ESCAPE '\\'`;
}
