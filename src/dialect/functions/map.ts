// Map functions (https://trino.io/docs/current/functions/map.html).
import { duckdb, refused, rewrite, type FunctionFamily } from './entry.js';

const LAMBDA_ON_MAP = 'map_from_entries(filter(map_entries(m), e -> …)) with e.key / e.value';

export const MAP: FunctionFamily = {
  map: duckdb('0,2', 'map(keys, values); duplicate keys fail as in Trino'),
  map_concat: duckdb('1+', 'the last map wins on a duplicate key'),
  map_entries: duckdb('1', 'rows with fields key and value (Trino: anonymous fields)'),
  map_from_entries: duckdb('1'),
  map_keys: duckdb('1'),
  map_values: duckdb('1'),
  map_filter: refused('lambdas over a key and a value are not supported locally', LAMBDA_ON_MAP),
  map_zip_with: refused('lambdas over a key and two values are not supported locally', 'a join of map_entries(a) and map_entries(b) on the key'),
  transform_keys: refused('lambdas over a key and a value are not supported locally', LAMBDA_ON_MAP),
  transform_values: refused('lambdas over a key and a value are not supported locally', LAMBDA_ON_MAP),
  multimap_from_entries: refused('not implemented locally', 'map_agg(k, array_agg(v)) over UNNEST of the entries'),
  map_agg: rewrite('map_from_entries of the (key, value) pairs', '2'),
  multimap_agg: refused('not implemented locally', 'map_agg(key, values) over a subquery with array_agg(value) GROUP BY key'),
  map_union: refused('not implemented locally', 'map_agg over the UNNEST of the maps'),
  histogram: duckdb('1', 'map(x, bigint) of counts'),
};
