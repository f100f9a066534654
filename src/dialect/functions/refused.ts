// Whole families Athena offers that the local engine refuses: approximate sketches, machine learning, geospatial,
// colors, Teradata compatibility. Listed so lint names them (and docs/functions.md shows what to write instead).
import { refused, type FunctionEntry, type FunctionFamily } from './entry.js';

const family = (names: string, reason: string, instead: string): FunctionFamily =>
  Object.fromEntries(names.split(/\s+/).map((n): [string, FunctionEntry] => [n, refused(reason, instead)]));

const SKETCH = 'sketches are binary structures only Athena can build and read';

export const REFUSED_FAMILIES: FunctionFamily = {
  ...family('approx_set empty_approx_set merge', `HyperLogLog: ${SKETCH}`, 'approx_distinct(x), or count(DISTINCT x)'),
  ...family('qdigest_agg value_at_quantile values_at_quantiles quantile_at_value', `qdigest: ${SKETCH}`, 'approx_percentile(x, p)'),
  ...family('tdigest_agg', `T-Digest: ${SKETCH}`, 'approx_percentile(x, p)'),
  ...family(
    'make_set_digest merge_set_digest intersection_cardinality jaccard_index hash_counts',
    `set digest: ${SKETCH}`,
    'count(DISTINCT x) over the joined sets',
  ),
  ...family(
    'learn_classifier learn_libsvm_classifier learn_regressor learn_libsvm_regressor classify regress features evaluate_classifier_predictions',
    'machine learning functions are not available locally',
    'train and score outside SQL',
  ),
  ...family(
    'st_point st_geometryfromtext st_geomfromwkb st_astext st_asbinary st_contains st_crosses st_disjoint st_equals st_intersects st_overlaps st_relate st_touches st_within st_area st_buffer st_centroid st_distance st_length st_x st_y st_polygon st_linestring st_multipoint st_envelope st_intersection st_union st_isvalid st_numpoints st_geometrytype great_circle_distance to_spherical_geography to_geometry bing_tile bing_tile_at bing_tile_quadkey bing_tile_polygon geometry_to_bing_tiles bing_tiles_around bing_tile_coordinates bing_tile_zoom_level convex_hull_agg geometry_union geometry_union_agg geometry_from_hadoop_shape geometry_invalid_reason geometry_nearest_points line_interpolate_point line_interpolate_points line_locate_point simplify_geometry spatial_partitioning spatial_partitions from_encoded_polyline to_encoded_polyline from_geojson_geometry to_geojson_geometry',
    'geospatial functions are not available locally',
    'great-circle distance with sin/cos/asin on latitude and longitude columns',
  ),
  ...family('bar color render rgb', 'terminal colors are not available locally', 'none'),
  ...family(
    'exclude_columns table_changes',
    'table functions do not run locally',
    'name the columns in the SELECT list; read an Iceberg table FOR VERSION AS OF instead of its changes',
  ),
  ...family('char2hexint index to_char to_date to_timestamp', 'Teradata compatibility functions are not available locally', 'strpos, date_format, date_parse'),
};
