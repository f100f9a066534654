// `lake ingest` for P4: each record is checked against the p4_domain_events columns first (a value of the wrong type
// would otherwise be delivered and break every later read of its partition), then goes through the local Firehose
// exactly as the application's events do: partitioned by the hour of event_time, GZIP, records without an event time
// under the error prefix. Records refused here are written under the same error prefix as Firehose error documents,
// the reason as errorCode and the file:line in errorMessage, so p4_domain_event_errors shows them too.
import { randomUUID } from 'node:crypto';
import { emptyCounts, quarantine, type IngestCounts } from '../counts.js';
import { domainEventsStreamConfig } from '../firehose/config.js';
import { formatTime, LocalFirehose, MAX_RECORD_BYTES, PUT_RECORD_BATCH_MAX_BYTES, PUT_RECORD_BATCH_MAX_ENTRIES } from '../firehose/local-firehose.js';
import { DOMAIN_EVENT_TYPES } from '../generators/domain-events.js';
import { INGEST_PREFIX } from '../layout.js';
import { calendarProblem } from '../iso-time.js';
import type { JsonLine } from './read-file.js';
import { readRow, type DeclaredColumn, type RowProblem } from './row-type.js';
import type { IngestIssue, IngestTarget } from './types.js';

/** UTC only: Firehose partitions by slicing the text, so any other zone would land in the wrong hour. */
const UTC_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/;

export type DomainEventProblem = RowProblem;

/**
 * Why a domain event cannot be stored as p4_domain_events declares it (`columns`, from its DDL) and read by its reader
 * and the curated models; undefined when it can.
 */
export function domainEventProblem(record: unknown, columns: readonly DeclaredColumn[]): DomainEventProblem | undefined {
  const read = readRow(record, columns);
  if (!read.ok) return read.problem;
  const r = read.row;
  const missing = ['event_id', 'event_type'].filter((f) => r[f] === undefined || r[f] === null || r[f] === '');
  if (missing.length) return { reason: 'missing_required', error: `missing required field(s): ${missing.join(', ')}` };
  if (!(DOMAIN_EVENT_TYPES as readonly string[]).includes(r.event_type as string)) {
    return { reason: 'unknown_event_type', error: `event_type ${JSON.stringify(r.event_type)} is not one of ${DOMAIN_EVENT_TYPES.join(', ')}` };
  }
  if (typeof r.event_time === 'string' && r.event_time !== '') {
    const m = UTC_TIME.exec(r.event_time);
    if (!m) return { reason: 'bad_event_time', error: `event_time ${JSON.stringify(r.event_time)} is not an ISO-8601 UTC time (YYYY-MM-DDTHH:MM:SS[.fff]Z)` };
    // The curated models parse it with from_iso8601_timestamp, which refuses what the calendar does not have.
    const calendar = calendarProblem(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
    if (calendar) return { reason: 'bad_event_time', error: `event_time ${JSON.stringify(r.event_time)} is not a time of the calendar: ${calendar}` };
  }
  if (typeof r.item_count === 'number' && r.item_count < 0) return { reason: 'out_of_range', error: `item_count ${r.item_count} is negative` };
  if (typeof r.amount === 'number' && r.amount < 0) return { reason: 'out_of_range', error: `amount ${r.amount} is negative` };
  return undefined;
}

export async function ingestDomainEvents(
  file: string,
  lines: JsonLine[],
  target: IngestTarget,
  columns: readonly DeclaredColumn[],
): Promise<{ counts: IngestCounts; issues: IngestIssue[] }> {
  const { store, bucket, clock } = target;
  const counts = emptyCounts();
  const issues: IngestIssue[] = [];
  const rejected: { line: number; raw: Buffer; reason: string; error: string }[] = [];
  const encoder = new TextEncoder();
  const valid: { line: number; data: Uint8Array }[] = [];
  for (const line of lines) {
    const problem = line.ok ? domainEventProblem(line.value, columns) : { reason: 'not_json', error: line.error };
    const raw = Buffer.from(line.ok ? JSON.stringify(line.value) : line.text);
    if (!problem && raw.byteLength + 1 > MAX_RECORD_BYTES) {
      rejected.push({ line: line.line, raw, reason: 'record_too_large', error: `record of ${raw.byteLength} bytes exceeds Firehose's 1000 KiB record limit` });
    } else if (problem) {
      rejected.push({ line: line.line, raw, ...problem });
    } else {
      valid.push({ line: line.line, data: encoder.encode(`${raw.toString('utf8')}\n`) });
    }
  }

  const firehose = new LocalFirehose(
    domainEventsStreamConfig({ deliveryStreamName: 'domain-events', bucket, prefix: INGEST_PREFIX.domainEvents, errorPrefix: INGEST_PREFIX.domainEventErrors }),
    { store, clock },
  );
  for (let i = 0; i < valid.length; ) {
    const batch: Uint8Array[] = [];
    let bytes = 0;
    while (i < valid.length && batch.length < PUT_RECORD_BATCH_MAX_ENTRIES && bytes + valid[i].data.byteLength <= PUT_RECORD_BATCH_MAX_BYTES) {
      bytes += valid[i].data.byteLength;
      batch.push(valid[i++].data);
    }
    const result = await firehose.put(batch);
    if (result.failed.length) throw new Error(`${file}: Firehose refused ${result.failed.length} records: ${result.failed[0].errorMessage}`);
  }
  await firehose.close();
  counts.received += firehose.counts.received;
  counts.accepted += firehose.counts.accepted;
  for (const [reason, n] of Object.entries(firehose.counts.reasons)) quarantine(counts, reason, n);
  const delivered = new Set(valid.map((v) => v.line));
  for (const line of lines) {
    if (line.ok && delivered.has(line.line) && typeof (line.value as { event_time?: unknown }).event_time !== 'string') {
      issues.push({ file, line: line.line, reason: 'DynamicPartitioning.MetadataExtractionFailed', error: 'no event_time: Firehose cannot partition it' });
    }
  }

  if (rejected.length) {
    const now = clock.now();
    const prefix = `${INGEST_PREFIX.domainEventErrors}processing-failed/${formatTime(now, 'year=yyyy/month=MM/day=dd/hour=HH')}/`;
    const documents = rejected.map((r) => {
      const error = `${file} line ${r.line}: ${r.error}`;
      issues.push({ file, line: r.line, reason: r.reason, error });
      return JSON.stringify({
        attemptsMade: 0,
        arrivalTimestamp: now,
        errorCode: r.reason,
        errorMessage: error,
        attemptEndingTimestamp: now,
        rawData: r.raw.toString('base64'),
      });
    });
    await store.put(bucket, `${prefix}lake-ingest-${formatTime(now, 'yyyy-MM-dd-HH-mm-ss')}-${randomUUID()}`, `${documents.join('\n')}\n`);
    counts.received += rejected.length;
    for (const r of rejected) quarantine(counts, r.reason);
  }
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { counts, issues };
}
