// The `ha` table swap on a Trino catalog: the target takes the scratch table's definition and rows in ONE statement,
// `CREATE OR REPLACE TABLE target WITH (<source's properties>) AS SELECT * FROM source`. Trino's Iceberg connector
// replaces a table atomically, as a new snapshot of the same table (Trino docs, Iceberg connector, "Replace tables"),
// so a reader sees the old rows or the new ones, never no table. Connectors without atomic replacement (Trino's Hive
// connector) refuse the statement, and the swap fails before the old table is touched.
import type { TableName } from '../engine.js';

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const qualified = (table: TableName): string => `${quote(table.database)}.${quote(table.name)}`;

/**
 * The table properties of a `SHOW CREATE TABLE` text (Trino prints one `name = value` per line in its trailing
 * `WITH (…)`), less `location`: the replaced table keeps its own folder, and the scratch table's files are dropped
 * with it.
 */
export function tablePropertiesOf(showCreateTable: string): string[] {
  const withClause = /\)\s*WITH \(\n([\s\S]*)\n\)\s*$/.exec(showCreateTable);
  if (!withClause) return [];
  return withClause[1]
    .split('\n')
    .map((line) => line.trim().replace(/,$/, ''))
    .filter((property) => property !== '' && !/^location\s*=/.test(property));
}

/**
 * The statements of the swap: read the source's definition, then replace the target with it. Glue's table
 * `properties` (the file format's `classification`, Athena's partition projection) have no place in an Iceberg
 * table: Iceberg records its format and partitions in its own metadata, which is what Trino reads.
 */
export async function swapTrinoTable(run: (sql: string) => Promise<string | undefined>, source: TableName, target: TableName): Promise<void> {
  const definition = (await run(`SHOW CREATE TABLE ${qualified(source)}`)) ?? '';
  const properties = tablePropertiesOf(definition);
  const withClause = properties.length > 0 ? ` WITH (${properties.join(', ')})` : '';
  await run(`CREATE OR REPLACE TABLE ${qualified(target)}${withClause} AS SELECT * FROM ${qualified(source)}`);
}
