// alert_history: one row per alert instance per evaluation (and per retried delivery), queryable with `lake sql`
// locally and with Athena in AWS.
//
// Why files, not INSERT: history must be written exactly when the engine is the thing that fails (a broken alert
// query is an evaluation to record), and an Athena INSERT per evaluation costs a query, seconds and a tiny file anyway.
// So each evaluation writes one NDJSON object through the ObjectStore under
// `s3://<lake bucket>/system/alert_history/dt=YYYY-MM-DD/`, and an external JsonSerDe table over that folder makes it
// queryable; on Athena, partition projection on `dt` finds new days without MSCK REPAIR.
import type { Engine } from '../engines/engine.js';
import type { ObjectStore } from '../storage/object-store/object-store.js';
import { parseS3Uri, s3Folder } from '../storage/object-store/object-store.js';
import { recordLogTableSql, RecordLog, type RecordLogSpec } from '../storage/record-log.js';
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
export const ALERT_HISTORY_COLUMNS: ReadonlyArray<{ name: keyof AlertHistoryRecord; hiveType: string }> = [
  { name: 'evaluation_id', hiveType: 'string' },
  { name: 'alert', hiveType: 'string' },
  { name: 'alert_key', hiveType: 'string' },
  { name: 'evaluated_at', hiveType: 'timestamp' },
  { name: 'window_start', hiveType: 'timestamp' },
  { name: 'recorded_at', hiveType: 'timestamp' },
  { name: 'status', hiveType: 'string' },
  { name: 'fired', hiveType: 'boolean' },
  { name: 'notice', hiveType: 'string' },
  { name: 'notice_id', hiveType: 'string' },
  { name: 'severity', hiveType: 'string' },
  { name: 'value', hiveType: 'string' },
  { name: 'message', hiveType: 'string' },
  { name: 'error', hiveType: 'string' },
  { name: 'delivery', hiveType: 'string' },
  { name: 'delivery_detail', hiveType: 'string' },
  { name: 'file', hiveType: 'string' },
];

export const ALERT_HISTORY_TABLE = 'alert_history';

/** The history folder in a lake bucket. */
export const alertHistoryLocation = (lakeBucket: string): string => `s3://${lakeBucket}/system/alert_history/`;

/** alert_history as a record log over `location` (src/storage/record-log.ts): NDJSON objects plus a JsonSerDe table. */
export function alertHistoryLog(location: string, table = ALERT_HISTORY_TABLE): RecordLogSpec {
  const { bucket, key } = parseS3Uri(s3Folder(location));
  return { table, bucket, prefix: key.replace(/\/$/, ''), columns: [...ALERT_HISTORY_COLUMNS] };
}

/** Athena DDL of the table over `location` (also what the local engine registers). */
export const alertHistoryTableDdl = (location: string, table = ALERT_HISTORY_TABLE): string => recordLogTableSql(alertHistoryLog(location, table));

export const historyTime = (date: Date): string => timestampText(date);

/** Writes the records of one evaluation as one NDJSON object, in the partition of its evaluation day. */
export class AlertHistoryWriter {
  private readonly log: RecordLog;

  constructor(
    store: ObjectStore,
    readonly location: string,
  ) {
    this.log = new RecordLog(store, alertHistoryLog(location));
  }

  /** Resolves to the written object's `s3://` URI. */
  async write(records: readonly AlertHistoryRecord[]): Promise<string | undefined> {
    if (records.length === 0) return undefined;
    const evaluatedAt = new Date(`${records[0].evaluated_at.replace(' ', 'T')}Z`);
    return this.log.append(
      records.map((r) => ({ ...r })),
      evaluatedAt,
      `${records[0].alert}-${records[0].evaluation_id}`,
    );
  }
}

/** Registers the table where the engine keeps its catalog (locally: the lake's catalog; on AWS the stacks create it). */
export async function ensureAlertHistoryTable(engine: Engine, location: string, database?: string): Promise<void> {
  await engine.execute(alertHistoryTableDdl(location), { database });
}
