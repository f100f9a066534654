// Window functions (https://trino.io/docs/current/functions/window.html); aggregates also run with OVER.
import { duckdb, type FunctionFamily } from './entry.js';

export const WINDOW: FunctionFamily = {
  row_number: duckdb('0'),
  rank: duckdb('0'),
  dense_rank: duckdb('0'),
  percent_rank: duckdb('0'),
  cume_dist: duckdb('0'),
  ntile: duckdb('1'),
  lag: duckdb('1-3'),
  lead: duckdb('1-3'),
  first_value: duckdb('1'),
  last_value: duckdb('1'),
  nth_value: duckdb('2'),
};
