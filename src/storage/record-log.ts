// An append-only log of JSON records that is also a table: NDJSON objects under `s3://BUCKET/PREFIX/dt=YYYY-MM-DD/`
// and an external table over them. It works the same on Athena (S3 + Glue, partition projection on dt, so no
// partition registration) and locally (the lake folder, partitions discovered from folders). Run records and alert
// history are kept this way, so `lake sql` and Athena can query them and nothing is rewritten in place.
import { randomUUID } from 'node:crypto';
import type { Engine } from '../engines/engine.js';
import type { ObjectStore } from './object-store/index.js';

export interface RecordLogColumn {
  name: string;
  /** Hive type as written in CREATE EXTERNAL TABLE: string, bigint, double, boolean, timestamp. */
  hiveType: string;
}

export interface RecordLogSpec {
  /** Qualified or unqualified table name, e.g. `run_log`. */
  table: string;
  bucket: string;
  /** Folder of the log inside the bucket, without leading or trailing slash, e.g. `system/run_log`. */
  prefix: string;
  columns: RecordLogColumn[];
}

export type LogRecord = Record<string, string | number | boolean | null>;

const pad = (n: number) => String(n).padStart(2, '0');
const day = (t: Date) => `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;

/** Timestamp text the JSON SerDe reads as TIMESTAMP (and Athena shows back): `YYYY-MM-DD HH:MM:SS.fff`. */
export const logTimestamp = (t: Date): string => t.toISOString().replace('T', ' ').replace('Z', '');

/** DDL declaring a record log's table; idempotent. Stacks declare the same table in Glue from this text. */
export function recordLogTableSql(spec: RecordLogSpec): string {
  const { table, bucket, prefix, columns } = spec;
  const cols = columns.map((c) => `  ${c.name} ${c.hiveType}`).join(',\n');
  return [
    `CREATE EXTERNAL TABLE IF NOT EXISTS ${table} (\n${cols}\n)`,
    'PARTITIONED BY (dt string)',
    "ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'",
    `LOCATION 's3://${bucket}/${prefix}/'`,
    "TBLPROPERTIES ('projection.enabled'='true', 'projection.dt.type'='date', 'projection.dt.format'='yyyy-MM-dd',",
    "  'projection.dt.range'='2020-01-01,NOW', 'projection.dt.interval'='1', 'projection.dt.interval.unit'='DAYS')",
  ].join('\n');
}

export class RecordLog {
  constructor(
    private readonly store: ObjectStore,
    readonly spec: RecordLogSpec,
  ) {}

  async ensureTable(engine: Engine, database?: string): Promise<void> {
    await engine.execute(recordLogTableSql(this.spec), { database });
  }

  /**
   * Writes the records as one new object in the partition of `at`; resolves to its `s3://` URI. `name` (unique, e.g.
   * `<alert>-<evaluation id>`) follows the timestamp in the object name; default: a random id.
   */
  async append(records: readonly LogRecord[], at: Date, name: string = randomUUID()): Promise<string | undefined> {
    if (records.length === 0) return undefined;
    const known = new Set(this.spec.columns.map((c) => c.name));
    for (const record of records) {
      const unknown = Object.keys(record).filter((k) => !known.has(k));
      if (unknown.length > 0) throw new Error(`${this.spec.table}: record has columns the table does not declare: ${unknown.join(', ')}`);
    }
    const stamp = at.toISOString().replace(/[-:.TZ]/g, '');
    const key = `${this.spec.prefix}/dt=${day(at)}/${stamp}-${name.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`;
    await this.store.put(this.spec.bucket, key, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    return `s3://${this.spec.bucket}/${key}`;
  }
}
