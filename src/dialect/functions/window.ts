// Window functions (https://trino.io/docs/current/functions/window.html); aggregates also run with OVER.
import { duckdb, rewrite, type FunctionFamily } from './entry.js';

export const WINDOW: FunctionFamily = {
  row_number: duckdb('0'),
  rank: duckdb('0'),
  dense_rank: duckdb('0'),
  percent_rank: duckdb('0'),
  cume_dist: duckdb('0'),
  ntile: rewrite('a bucket count not an integer fails', '1'),
  lag: rewrite('the value and the default meet in their common type; a NULL or negative offset fails', '1-3'),
  lead: rewrite('the value and the default meet in their common type; a NULL or negative offset fails', '1-3'),
  first_value: duckdb('1'),
  last_value: duckdb('1'),
  nth_value: rewrite('an offset below 1 fails', '2'),
};
