// Where each example pipeline's files live inside the lake bucket (one bucket per stage, prefixes per zone; see
// stacks/config.ts PREFIX). Components take these as options; the values here are the defaults the demo uses and the
// DDL in sql/ points at.

export const INGEST_PREFIX = {
  /** P1 curated Parquet: processed/year=/month=/day=/hour=/<batch_id>.parquet (seed 000). */
  interactionsProcessed: 'processed/',
  /** P1 records the producer rejected: invalid/year=/month=/day=/<uuid>.json, one line per record (seed 000). */
  interactionsInvalid: 'invalid/',
  /** P1 consumer dead-letter queue (seed: SQS `crm-dlq`). */
  interactionsDeadLetter: 'dead-letter/crm/',
  /** P1 producer: records the stream refused after every retry. */
  interactionsProducerDeadLetter: 'dead-letter/crm-producer/',
  /** P2 CSV landing zone (seed 001). */
  incoming: 'incoming/',
  /** P2 validated rows as typed Parquet: raw/ecommerce/<table>/batch_id=<id>/data.parquet. */
  ecommerceRaw: 'raw/ecommerce/',
  /** P2 rejected files and rows, with reasons. */
  ecommerceRejected: 'rejected/ecommerce/',
  /** P2 processed input files, kept as they arrived. */
  ecommerceArchive: 'archive/incoming/',
  /** P4 Firehose output: domain-events/year=/month=/day=/hour=/<object>.gz (seed 003). */
  domainEvents: 'domain-events/',
  /** P4 Firehose error output prefix. */
  domainEventErrors: 'errors/domain-events/',
  /** P3 source extracts: raw/customer360/<feed>/extract_date=YYYY-MM-DD/… */
  customer360Raw: 'raw/customer360/',
} as const;

/** Glue tables the ingestion steps register partitions of (sql/ddl declares them; the stacks grant on these names). */
export const INGEST_TABLES = {
  /** P2 validated batches, partitioned by batch_id (sql/ddl/p2_ecommerce_raw.sql). */
  ecommerceRaw: { orders: 'p2_raw_orders', order_items: 'p2_raw_order_items', products: 'p2_raw_products' },
} as const;
