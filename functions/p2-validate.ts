// Step Functions ValidateFiles → the due batch validated with DuckDB into raw/ecommerce/, partitions in Glue.
import type { P2State } from './lib/batch.js';
import { validate } from './lib/batch-validate.js';
import { useTmpForDuckDb } from './lib/duckdb-runtime.js';

export const handler = async (event: P2State) => {
  useTmpForDuckDb();
  return validate(event);
};
