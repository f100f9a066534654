// What a materialization needs: the model's target and query. Strategies talk to an Engine in Athena SQL only, so
// the same strategy runs on the local engine and on Athena.
import { LakeError } from '../../errors.js';
import type { Engine, SqlValue } from '../../engines/engine.js';
import type { ObjectStore } from '../../storage/object-store/index.js';

export interface MaterializeRequest {
  database: string;
  name: string;
  /** Athena SQL, variables already substituted: a query (view, table, incremental, merge) or a MERGE statement. */
  selectSql: string;
  partitionedBy?: string[];
  /** Base `s3://` prefix of the table's data (table, incremental, merge). */
  location?: string;
  /** File format of a Hive table: 'PARQUET' (default) or 'JSON'. */
  format?: string;
  /** 'HIVE' (default: an external table over files) or 'ICEBERG' (append; merge tables are always Iceberg). */
  tableType?: 'HIVE' | 'ICEBERG';
  /** Columns identifying a row: the upsert key (merge), the entity key (scd2). */
  uniqueKey?: string[];
  /** scd2: the column ordering a key's versions (it becomes valid_from). */
  updatedAt?: string;
  /** scd2: tracked columns (check strategy); absent: timestamp strategy. */
  checkCols?: string[];
  /** The columns the table's contract declares (names and Trino types, in order), when it declares them. */
  declaredColumns?: { name: string; type: string }[];
}

export interface MaterializeDeps {
  engine: Engine;
  /** Needed by strategies that delete or replace files (table, incremental). */
  objectStore?: ObjectStore;
  /** Identifies this run in fresh locations; defaults to a timestamp. */
  runId?: string;
}

export interface MaterializeOutcome {
  /** Athena statements run, in order. */
  statements: string[];
  rowsWritten: number;
  /** Partitions replaced (incremental), as value lists in partition-key order. */
  partitions?: SqlValue[][];
}

export type MaterializeStrategy = (request: MaterializeRequest, deps: MaterializeDeps) => Promise<MaterializeOutcome>;

export class MaterializeError extends LakeError {
  override readonly name: string = 'MaterializeError';
}
