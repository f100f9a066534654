// `lake ingest` for P2: the file is landed under incoming/ with a name of its kind (orders_*.csv, order_items_*.csv,
// products*.csv) and a landing check runs at once, with the file-count thresholds treated as met: validation,
// typed Parquet under raw/ecommerce/, rejects under rejected/ecommerce/, archive, all under the P2 lock. Files that
// were already waiting in incoming/ join the batch, as they would on the next scheduled check; referential checks of
// order items look at the orders and products of the same batch, as on the live path.
import { LakeError } from '../../errors.js';
import { basename, extname } from 'node:path';
import type { IngestCounts } from '../counts.js';
import type { EcommerceTable } from '../landing/csv-validation.js';
import { tableOfFile } from '../landing/csv-validation.js';
import { EcommerceLanding, landFileUniquely } from '../landing/landing.js';
import type { IngestIssue, IngestTarget } from './types.js';

/** The name the file lands under: its own when it already says its kind, else prefixed by it. */
export function landingName(file: string, table: EcommerceTable): string {
  const name = basename(file).replace(/\.gz$/i, '');
  if (tableOfFile(name) === table) return name;
  const stem = basename(name, extname(name)).replace(/[^A-Za-z0-9_.-]/g, '_');
  return `${table}_${stem}.csv`;
}

export class LandingLockedError extends LakeError {
  override readonly name: string = 'LandingLockedError';
}

export async function ingestEcommerceFile(
  file: string,
  text: string,
  table: EcommerceTable,
  target: IngestTarget,
): Promise<{ counts: IngestCounts; issues: IngestIssue[] }> {
  const { store, bucket, lakeRoot, clock } = target;
  const name = await landFileUniquely(store, bucket, landingName(file, table), text);
  const landing = new EcommerceLanding({ store, bucket, lakeRoot, clock, thresholds: { minOrderFiles: 0, minItemFiles: 0, minProductFiles: 0 } });
  const result = await landing.check();
  if (result.status === 'locked') {
    const by = result.heldBy ? `pid ${result.heldBy.pid} on ${result.heldBy.host} since ${new Date(result.heldBy.takenAt).toISOString()}` : 'another run';
    throw new LandingLockedError(`P2 landing is locked by ${by}; ${name} stays in incoming/ for the next check`);
  }
  if (result.status !== 'processed') throw new Error(`P2 landing did not process ${name} (status ${result.status})`);
  const { batch } = result;
  const issues: IngestIssue[] = [
    ...batch.rejectedFiles.filter((f) => f.file === name).map((f) => ({ file, reason: f.reason, error: f.error })),
    ...batch.rejectedRows
      .filter((r) => r.file === name)
      .map((r) => ({ file, ...(r.line !== undefined ? { line: r.line } : {}), reason: r.reason, error: r.error })),
  ];
  return { counts: batch.counts[table], issues };
}
