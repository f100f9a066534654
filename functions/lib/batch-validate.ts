// P2 ValidateFiles: the landed files of a due batch validated with DuckDB (read_csv), valid rows as Parquet under
// raw/ecommerce/<table>/batch_id=<id>/ and that batch's partitions registered in Glue before the inputs are archived.
// The batch id comes from the execution (its start time and name), so a retried step rewrites the same objects.
import { createHash } from 'node:crypto';
import { GlueClient } from '@aws-sdk/client-glue';
import { GlueCatalog } from '../../src/ingest/aws/glue-catalog.js';
import type { EcommerceTable } from '../../src/ingest/landing/csv-validation.js';
import { processBatch } from '../../src/ingest/landing/landing.js';
import { INGEST_TABLES } from '../../src/ingest/layout.js';
import { clearWaitingMarker } from '../../src/ingest/landing/threshold.js';
import { lakeStore, parseState, type P2State } from './batch.js';
import { ENV, logEvent, requireEnv } from './environment.js';

/** Glue tables of the raw P2 files (sql/ddl/p2_ecommerce_raw.sql), partitioned by batch_id. */
export const RAW_TABLES: Record<EcommerceTable, string> = INGEST_TABLES.ecommerceRaw;

export interface ValidatedBatch {
  batchId: string;
  forced: boolean;
  files: number;
  rejectedFiles: number;
  rejectedRows: number;
  accepted: Record<EcommerceTable, number>;
}

/** `20250307T120000-1a2b3c4d`: sorts by the execution's start, like the local landing's ids. */
export function batchIdOf(state: P2State): string {
  const started = new Date(state.startedAt ?? '');
  if (Number.isNaN(started.getTime())) throw new Error(`startedAt '${state.startedAt}' is not a timestamp`);
  return `${started.toISOString().replace(/[-:]/g, '').slice(0, 15)}-${createHash('sha256').update(state.lockToken).digest('hex').slice(0, 8)}`;
}

export async function validate(event: unknown): Promise<ValidatedBatch> {
  const state = parseState(event);
  if (state.threshold?.status !== 'due') throw new Error(`validate runs on a due batch, got ${JSON.stringify(state.threshold)}`);
  const bucket = requireEnv(ENV.lakeBucket);
  const database = requireEnv(ENV.database);
  const store = lakeStore();
  const glue = new GlueCatalog(new GlueClient({}));
  const batch = await processBatch(
    {
      store,
      bucket,
      batchId: batchIdOf(state),
      beforeArchive: async ({ batchId, objects }) => {
        for (const table of Object.keys(objects) as EcommerceTable[]) {
          const result = await glue.addPartitions(await glue.getTable(database, RAW_TABLES[table]), [[batchId]]);
          if (result.failed.length)
            throw new Error(
              `Glue refused partition batch_id=${batchId} of ${RAW_TABLES[table]}: ${result.failed[0].errorCode} ${result.failed[0].errorMessage}`,
            );
        }
      },
    },
    state.threshold.files,
    state.threshold.forced,
  );
  await clearWaitingMarker(store, bucket);
  const validated: ValidatedBatch = {
    batchId: batch.batchId,
    forced: batch.forced,
    files: batch.files.length,
    rejectedFiles: batch.rejectedFiles.length,
    rejectedRows: batch.rejectedRows.length,
    accepted: { orders: batch.counts.orders.accepted, order_items: batch.counts.order_items.accepted, products: batch.counts.products.accepted },
  };
  logEvent('p2_validated', validated);
  return validated;
}
