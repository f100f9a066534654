// Kinesis (event source mapping) → Parquet under processed/year=/month=/day=/hour=/, partitions in Glue, failures to the DLQ.
import type { KinesisStreamBatchResponse, KinesisStreamEvent } from 'aws-lambda';
import { useTmpForDuckDb } from './lib/duckdb-runtime.js';
import { consume } from './lib/consumer.js';

export const handler = async (event: KinesisStreamEvent): Promise<KinesisStreamBatchResponse> => {
  useTmpForDuckDb();
  const { batchItemFailures } = await consume(event);
  return { batchItemFailures };
};
