// Statement effects the local engine performs itself (catalog changes, file writes, listings), described as data by
// the Athena translator (src/dialect/translate) and carried out by LakeSession.
import type { LakeTable } from './lake-table.js';

export interface TableRef {
  database: string;
  name: string;
  /** 1-based position of the name in the statement, for Athena-style `line 1:15:` messages. */
  line?: number;
  col?: number;
}

export interface CtasSpec {
  target: TableRef;
  ifNotExists: boolean;
  /** DuckDB SQL of the query. */
  sourceSql: string;
  withData: boolean;
  tableType: 'hive' | 'iceberg';
  /** 'parquet' (Athena's default), 'json', 'textfile'… */
  format: string;
  writeCompression?: string;
  fieldDelimiter?: string;
  partitionedBy: string[];
  /** external_location / location; the local default is used when absent. */
  location?: string;
  properties: Record<string, string>;
  /** The result lists the new table's columns as a read of it reports them (schema discovery, never user SQL). */
  reportColumns?: boolean;
  /** The query's hash-ordered map columns (hash-orders.ts queryHashOrderedOutputs), kept with the table. */
  hashOrderedColumns?: string[];
}

/** UNLOAD: the query's rows written as files at `location`, no table created. */
export interface UnloadSpec {
  /** DuckDB SQL of the query. */
  sourceSql: string;
  location: string;
  /** PARQUET, ORC, AVRO, JSON or TEXTFILE. */
  format: string;
  compression?: string;
  fieldDelimiter?: string;
  partitionedBy: string[];
}

export type PartitionSpec = Record<string, string>;

export type LakeAction =
  | { type: 'createDatabase'; database: string; ifNotExists: boolean }
  | { type: 'dropDatabase'; database: string; ifExists: boolean; cascade: boolean }
  | { type: 'createTable'; table: LakeTable; ifNotExists: boolean }
  | { type: 'createTableAs'; spec: CtasSpec }
  | { type: 'dropTable'; target: TableRef; ifExists: boolean }
  /**
   * `hashOrderedColumns`: the hash-ordered map columns the query makes itself (hash-orders.ts queryHashOrderedOutputs,
   * no seeds), kept with the view with `query`, its Trino SQL and the database its unqualified names are of (the
   * current one), from which those of the relations it reads are derived when the catalog lists them
   * (relationsHashOrderedColumns).
   */
  | {
      type: 'createView';
      target: TableRef;
      orReplace: boolean;
      sql: string;
      query?: { text: string; database: string };
      hashOrderedColumns?: string[];
    }
  | { type: 'dropView'; target: TableRef; ifExists: boolean }
  | { type: 'addPartitions'; target: TableRef; ifNotExists: boolean; partitions: { spec: PartitionSpec; location?: string }[] }
  | { type: 'dropPartitions'; target: TableRef; ifExists: boolean; partitions: PartitionSpec[] }
  | { type: 'repairTable'; target: TableRef }
  /** SHOW TABLES, or SHOW VIEWS (`views`: only the views, as Athena lists them). */
  | { type: 'showTables'; database: string; views?: boolean; pattern?: string }
  | { type: 'showDatabases'; pattern?: string }
  | { type: 'showPartitions'; target: TableRef }
  | { type: 'showTableProperties'; target: TableRef; property?: string }
  | { type: 'setTableProperties'; target: TableRef; properties: Record<string, string> }
  | { type: 'setLocation'; target: TableRef; location: string }
  | { type: 'unsetTableProperties'; target: TableRef; names: string[]; ifExists: boolean }
  | { type: 'dropColumn'; target: TableRef; column: string }
  | { type: 'unload'; spec: UnloadSpec }
  | { type: 'describe'; target: TableRef }
  /**
   * `replacePartitions`: the written partitions' older files go (incremental models locally; no Athena statement);
   * `exactColumns`: with it, the query's columns must be the table's names and types (ReplacePartitionsOptions).
   */
  /**
   * `hashOrderedPositions`: the query's hash-ordered map columns by position (queryHashOrderedOutputs), kept with the
   * table; `hashOrderedColumns` by name where a star hides the positions (those of the table's columns are kept).
   */
  | {
      type: 'insert';
      target: TableRef;
      columns?: string[];
      sourceSql: string;
      replacePartitions?: boolean;
      exactColumns?: boolean;
      hashOrderedPositions?: number[];
      hashOrderedColumns?: string[];
    }
  /**
   * UPDATE / DELETE / MERGE: only Iceberg tables accept them. `sql` is the DuckDB statement to run.
   * `hashOrderedColumns` / `hashOrderedPositions`: the columns its assignments write from hash-ordered maps, by name and
   * by position among the table's (hash-orders.ts assignedHashOrderedColumns), added to the table's;
   * `hashOrderReplaced`: the columns an UPDATE of every row set from maps of no hash order, whose marks go ('all': a
   * DELETE of every row).
   */
  | {
      type: 'modifyRows';
      verb: 'UPDATE' | 'DELETE' | 'MERGE';
      target: TableRef;
      sql: string;
      multipleMatchCheck?: string;
      hashOrderedPositions?: number[];
      hashOrderedColumns?: string[];
      hashOrderReplaced?: string[] | 'all';
    };
