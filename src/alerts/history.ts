// alert_history: one row per alert instance per evaluation (and per retried delivery), queryable with `lake sql`
// locally and with Athena in AWS.
//
// Why files, not INSERT: history must be written exactly when the engine is the thing that fails (a broken alert
// query is an evaluation to record), and an Athena INSERT per evaluation costs a query, seconds and a tiny file anyway.
// So each evaluation writes one NDJSON object through the ObjectStore under
// `s3://<lake bucket>/system/alert_history/dt=YYYY-MM-DD/`, and an external JsonSerDe table over that folder makes it
// queryable; on Athena, partition projection on `dt` finds new days without MSCK REPAIR.
import type { Engine } from '../engines/engine.js';
import type { ObjectStore } from '../engines/object-store/object-store.js';
import { parseS3Uri, s3Folder } from '../engines/object-store/object-store.js';
import { timestampText } from '../project/variables.js';

export type HistoryStatus = 'ok' | 'firing' | 'error' | 'redelivery';
export type HistoryDelivery = 'none' | 'suppressed' | 'delivered' | 'pending' | 'dry_run';

export interface AlertHistoryRecord {
  evaluation_id: string;
  alert: string;
  alert_key: string | null;
  /** The evaluation time (`--at`, or the scheduled fire time), `YYYY-MM-DD HH:MM:SS.fff` UTC. */
  evaluated_at: string;
  window_start: string;
  /** Wall-clock time the record was written. */
  recorded_at: string;
  status: HistoryStatus;
  /** Whether this row produced (or, for redelivery rows, re-sent) a notice. */
  fired: boolean;
  notice: string | null;
  notice_id: string | null;
  severity: string;
  /** The result row as JSON. */
  value: string | null;
  message: string | null;
  error: string | null;
  delivery: HistoryDelivery;
  /** Per channel: `console: delivered; webhook http://…: pending (HTTP 503 after 3 attempts)`. */
  delivery_detail: string | null;
  file: string;
}

/** Hive types of the table, in record order (the partition column `dt` comes from the folder). */
export const ALERT_HISTORY_COLUMNS: ReadonlyArray<readonly [keyof AlertHistoryRecord, string]> = [
  ['evaluation_id', 'string'],
  ['alert', 'string'],
  ['alert_key', 'string'],
  ['evaluated_at', 'timestamp'],
  ['window_start', 'timestamp'],
  ['recorded_at', 'timestamp'],
  ['status', 'string'],
  ['fired', 'boolean'],
  ['notice', 'string'],
  ['notice_id', 'string'],
  ['severity', 'string'],
  ['value', 'string'],
  ['message', 'string'],
  ['error', 'string'],
  ['delivery', 'string'],
  ['delivery_detail', 'string'],
  ['file', 'string'],
];

export const ALERT_HISTORY_TABLE = 'alert_history';

/** The history folder in a lake bucket. */
export const alertHistoryLocation = (lakeBucket: string): string => `s3://${lakeBucket}/system/alert_history/`;

/** Athena DDL of the table over `location` (also what the local engine registers). */
export function alertHistoryTableDdl(location: string, table = ALERT_HISTORY_TABLE): string {
  const columns = ALERT_HISTORY_COLUMNS.map(([name, type]) => `  ${name} ${type}`).join(',\n');
  return `CREATE EXTERNAL TABLE IF NOT EXISTS ${table} (
${columns}
)
PARTITIONED BY (dt string)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION '${s3Folder(location)}'
TBLPROPERTIES (
  'projection.enabled' = 'true',
  'projection.dt.type' = 'date',
  'projection.dt.format' = 'yyyy-MM-dd',
  'projection.dt.range' = '2020-01-01,NOW'
)`;
}

export const historyTime = (date: Date): string => timestampText(date);

/** Writes the records of one evaluation as one NDJSON object; resolves to its `s3://` URI. */
export class AlertHistoryWriter {
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(
    private readonly store: ObjectStore,
    readonly location: string,
  ) {
    const { bucket, key } = parseS3Uri(s3Folder(location));
    this.bucket = bucket;
    this.prefix = key;
  }

  async write(records: readonly AlertHistoryRecord[]): Promise<string | undefined> {
    if (records.length === 0) return undefined;
    const first = records[0];
    const dt = first.evaluated_at.slice(0, 10);
    const stamp = first.evaluated_at.replace(/[-: .]/g, '');
    const key = `${this.prefix}dt=${dt}/${stamp}-${first.alert}-${first.evaluation_id}.json`;
    await this.store.put(this.bucket, key, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    return `s3://${this.bucket}/${key}`;
  }
}

/** Registers the table where the engine keeps its catalog (locally: the lake's catalog; on AWS the stacks create it). */
export async function ensureAlertHistoryTable(engine: Engine, location: string, database?: string): Promise<void> {
  await engine.execute(alertHistoryTableDdl(location), { database });
}
