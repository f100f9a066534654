// The run_log table: one row per step of every run (see RunRecord), queryable with `lake sql` and on Athena.
import type { RecordLogColumn, RecordLogSpec } from '../storage/record-log.js';

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
