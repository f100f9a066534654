// The run_log table: one row per step of every run (see RunRecord), queryable with `lake sql` and on Athena.
import type { Engine, SqlValue } from '../engines/engine.js';
import { logTimestamp, recordLogTableSql, type RecordLogColumn, type RecordLogSpec } from '../storage/record-log.js';

export const RUN_LOG_COLUMNS: RecordLogColumn[] = [
  { name: 'run_id', hiveType: 'string' },
  { name: 'step', hiveType: 'string' },
  { name: 'kind', hiveType: 'string' },
  { name: 'node', hiveType: 'string' },
  { name: 'file', hiveType: 'string' },
  { name: 'period_start', hiveType: 'timestamp' },
  { name: 'period_end', hiveType: 'timestamp' },
  { name: 'status', hiveType: 'string' },
  { name: 'attempts', hiveType: 'int' },
  { name: 'rows_written', hiveType: 'bigint' },
  { name: 'bytes_scanned', hiveType: 'bigint' },
  { name: 'duration_ms', hiveType: 'double' },
  { name: 'started_at', hiveType: 'timestamp' },
  { name: 'finished_at', hiveType: 'timestamp' },
  { name: 'error', hiveType: 'string' },
];

/** run_log as a record log in the lake bucket (src/storage/record-log.ts). */
export const runLogSpec = (lakeBucket: string): RecordLogSpec => ({ table: 'run_log', bucket: lakeBucket, prefix: 'system/run_log', columns: RUN_LOG_COLUMNS });

/**
 * Rows of the run_log of `bucket` that started in [since, until), through any engine (locally the lake's table, on
 * AWS Athena). The table is declared where it is missing (a lake that never ran gives no rows, not an error); `dt`
 * (the run's day partition) bounds what Athena reads.
 */
export async function runLogRows(
  engine: Engine,
  options: { database: string; bucket: string; since: Date; until: Date; columns: readonly string[]; where?: string },
): Promise<SqlValue[][]> {
  await engine.execute(recordLogTableSql(runLogSpec(options.bucket)), { database: options.database });
  const result = await engine.execute(
    `SELECT ${options.columns.join(', ')} FROM run_log
     WHERE dt >= '${options.since.toISOString().slice(0, 10)}' AND started_at >= TIMESTAMP '${logTimestamp(options.since)}'
       AND started_at < TIMESTAMP '${logTimestamp(options.until)}'${options.where ? ` AND (${options.where})` : ''}`,
    { database: options.database },
  );
  return result.rows;
}
