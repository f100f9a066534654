// `lake ingest <source> --file F`: one user file through the same components the live ingestion uses, with every
// record accounted for (received = accepted + quarantined) and each set-aside record's reason. A file that cannot be
// read at all (truncated gzip, not UTF-8) counts as one quarantined record and is kept whole under rejected/ingest/.
import { LakeError } from '../../errors.js';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { LocalObjectStore, type ObjectStore } from '../../storage/object-store/index.js';
import { systemClock, type Clock } from '../clock.js';
import { countsBalance, emptyCounts, quarantine, type IngestCounts } from '../counts.js';
import type { EcommerceTable } from '../landing/csv-validation.js';
import { isoDate } from '../partitions.js';
import { ingestDomainEvents } from './domain-events.js';
import { ingestEcommerceFile } from './ecommerce.js';
import { ingestInteractions } from './interactions.js';
import { fileText, jsonRecords, UnreadableFileError } from './read-file.js';
import type { DeclaredColumn } from './row-type.js';
import type { IngestIssue, IngestTarget } from './types.js';

export type { IngestIssue } from './types.js';
export { LandingLockedError } from './ecommerce.js';
export { domainEventProblem } from './domain-events.js';
export { declaredColumns, type DeclaredColumn } from './row-type.js';

export type IngestFormat = 'json' | 'csv';

export interface IngestSource {
  /** The name users give. */
  name: string;
  /** Other accepted names (the landing table's). */
  aliases: string[];
  format: IngestFormat;
  /** The table the records become queryable in after `lake run`. */
  table: string;
  description: string;
}

export const INGEST_SOURCES: readonly IngestSource[] = [
  { name: 'interactions', aliases: ['crm_data', 'p1_interactions'], format: 'json', table: 'crm_data', description: 'P1 customer interactions (JSON lines)' },
  {
    name: 'domain_events',
    aliases: ['p4_domain_events', 'p4_events'],
    format: 'json',
    table: 'p4_domain_events',
    description: 'P4 domain events (JSON lines)',
  },
  { name: 'orders', aliases: ['p2_raw_orders'], format: 'csv', table: 'p2_raw_orders', description: 'P2 orders CSV' },
  { name: 'order_items', aliases: ['p2_raw_order_items'], format: 'csv', table: 'p2_raw_order_items', description: 'P2 order items CSV' },
  { name: 'products', aliases: ['p2_raw_products'], format: 'csv', table: 'p2_raw_products', description: 'P2 products CSV' },
];

export class IngestUsageError extends LakeError {
  override readonly name: string = 'IngestUsageError';
}

export function findIngestSource(name: string): IngestSource {
  const wanted = name.toLowerCase();
  const found = INGEST_SOURCES.find((s) => s.name === wanted || s.aliases.includes(wanted));
  if (!found) throw new IngestUsageError(`unknown source '${name}': one of ${INGEST_SOURCES.map((s) => s.name).join(', ')} (or their table names)`);
  return found;
}

export interface IngestFileOptions {
  source: string;
  /** Path of the file to ingest. */
  file: string;
  format?: IngestFormat;
  lakeRoot: string;
  bucket: string;
  store?: ObjectStore;
  clock?: Clock;
  /** The source table's columns as its DDL declares them (declaredColumns()): JSON sources are checked against them. */
  tableColumns?: readonly DeclaredColumn[];
}

export interface IngestFileResult {
  source: IngestSource;
  counts: IngestCounts;
  /** One entry per quarantined record (or the whole file), with file, line and reason. */
  issues: IngestIssue[];
}

export async function ingestFile(options: IngestFileOptions): Promise<IngestFileResult> {
  const source = findIngestSource(options.source);
  if (options.format && options.format !== source.format) {
    throw new IngestUsageError(`source '${source.name}' takes ${source.format} files, not ${options.format}`);
  }
  const target: IngestTarget = {
    store: options.store ?? new LocalObjectStore(options.lakeRoot),
    bucket: options.bucket,
    lakeRoot: options.lakeRoot,
    clock: options.clock ?? systemClock,
  };
  const columns = options.tableColumns;
  if (source.name === 'domain_events' && !columns?.length)
    throw new IngestUsageError(`source '${source.name}' is checked against the DDL of ${source.table}, and the project has none`);
  const bytes = await readFile(options.file);
  let outcome: { counts: IngestCounts; issues: IngestIssue[] };
  try {
    const text = fileText(options.file, bytes);
    if (source.format === 'csv') outcome = await ingestEcommerceFile(options.file, text, source.name as EcommerceTable, target);
    else if (source.name === 'interactions') outcome = await ingestInteractions(options.file, jsonRecords(text), target);
    else outcome = await ingestDomainEvents(options.file, jsonRecords(text), target, columns ?? []);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    outcome = await rejectFile(source, options.file, bytes, error, target);
  }
  if (!countsBalance(outcome.counts)) {
    const { received, accepted, quarantined } = outcome.counts;
    throw new Error(`${options.file}: records went missing: received ${received} ≠ accepted ${accepted} + quarantined ${quarantined}`);
  }
  return { source, ...outcome };
}

/** Prefix of whole files refused by `lake ingest`: rejected/ingest/<source>/<date>/<id>/<file> plus error.json. */
export const REJECTED_FILES_PREFIX = 'rejected/ingest/';

async function rejectFile(source: IngestSource, file: string, bytes: Buffer, error: UnreadableFileError, target: IngestTarget) {
  const folder = `${REJECTED_FILES_PREFIX}${source.name}/${isoDate(target.clock.now())}/${randomUUID()}/`;
  await target.store.put(target.bucket, `${folder}${basename(file)}`, bytes);
  await target.store.put(target.bucket, `${folder}error.json`, JSON.stringify({ file, reason: 'unreadable_file', error: error.message, bytes: bytes.length }));
  const counts = emptyCounts();
  counts.received = 1;
  quarantine(counts, 'unreadable_file');
  return { counts, issues: [{ file, reason: 'unreadable_file', error: error.message }] };
}
