// Step Functions ValidateFiles → the due batch validated with DuckDB into raw/ecommerce/, partitions in Glue.
import { validate } from './lib/batch-validate.js';
import { useTmpForDuckDb } from './lib/duckdb-runtime.js';

export const handler = async (event: unknown) => {
  useTmpForDuckDb();
  return validate(event);
};
