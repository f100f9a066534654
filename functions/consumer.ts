// Kinesis (event source mapping) → Parquet under processed/year=/month=/day=/hour=/, partitions in Glue, failures to the DLQ.
import { useTmpForDuckDb } from './lib/duckdb-runtime.js';
import { consume } from './lib/consumer.js';

export const handler = async (event: unknown) => {
  useTmpForDuckDb();
  const { batchItemFailures } = await consume(event);
  return { batchItemFailures };
};
