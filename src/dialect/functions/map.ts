// Map functions (https://trino.io/docs/current/functions/map.html).
import { aggregate, duckdb, rewrite, shim, type FunctionFamily } from './entry.js';

export const MAP: FunctionFamily = {
  map: shim('trino_map', '0,2', 'map(keys, values); duplicate keys (zoned keys: by instant) fail as in Trino'),
  map_concat: rewrite(
    'the last map wins on a duplicate key, keys in the order of the maps from the last; a NULL map makes it NULL (DuckDB skips it); zoned keys of one instant are refused',
    '1+',
  ),
  map_entries: rewrite('rows with anonymous fields, as in Trino (DuckDB names them key and value)', '1'),
  map_from_entries: rewrite(
    "zoned keys of one instant in two zones are refused (Trino: Duplicate map keys); a NULL array gives a NULL map of the entries' types",
    '1',
  ),
  map_keys: duckdb('1'),
  map_values: duckdb('1'),
  map_filter: rewrite('the entries for which (k, v) -> … is true', '2'),
  map_zip_with: rewrite('keys of both maps; a key missing from one gives NULL there', '3'),
  transform_keys: rewrite('a duplicate or NULL key fails, as in Trino', '2'),
  transform_values: rewrite('(k, v) -> new value', '2'),
  multimap_from_entries: shim('trino_multimap_from_entries', '1', 'values in entry order; a NULL entry or key fails'),
  map_agg: aggregate(rewrite('the (key, value) pairs; a NULL key is skipped, a repeated key keeps its first value; NULL when no key is left', '2')),
  multimap_agg: aggregate(rewrite('values in input order, NULL values kept; rows with a NULL key are skipped', '2')),
  map_union: aggregate(rewrite('a key in several maps takes the first map’s value (Trino: an arbitrary one); NULL maps skipped', '1')),
  histogram: aggregate(rewrite('map(x, bigint) of counts; zoned values of one instant in two zones are refused (Trino: one entry)', '1')),
};
