// P1's quarantine of records that fail the producer's checks (seed 000): objects under
// invalid/year=/month=/day=/<uuid>.json holding one JSON document {error, record, timestamp} per line, as the table
// p1_invalid_interactions (JSON SerDe: one row per line) reads them. One object per batch (a poll, a `lake ingest`
// file) rather than per record: every record keeps its own line and reason, and a week of demo data is ~20 objects
// instead of ~2,000 (each a PUT on S3, a file to write and later delete locally).
import { randomUUID } from 'node:crypto';
import type { ObjectStore } from '../../storage/object-store/index.js';
import { TOO_DEEP_ERROR, tooDeep } from '../json-depth.js';
import { dayPartitionPath } from '../partitions.js';

export interface InvalidRecord {
  error: string;
  /** The record as it was received (a value, or the text of a line that is not JSON). */
  record: unknown;
}

/** Writes `records` as one object under `prefix` (e.g. `invalid/`) in the day partition of `nowMs`; nothing when empty. */
export async function writeInvalidRecords(store: ObjectStore, bucket: string, prefix: string, records: readonly InvalidRecord[], nowMs: number): Promise<void> {
  if (records.length === 0) return;
  const timestamp = new Date(nowMs).toISOString();
  const lines = records.map(({ error, record }) => {
    // A record too deep to write back is kept as a note: JSON.stringify would overflow the stack on it.
    const kept = tooDeep(record) ? `(not kept: ${TOO_DEEP_ERROR})` : record;
    return `${JSON.stringify({ error, record: kept, timestamp })}\n`;
  });
  await store.put(bucket, `${prefix}${dayPartitionPath(nowMs)}/${randomUUID()}.json`, lines.join(''));
}
