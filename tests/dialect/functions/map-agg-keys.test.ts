// map_agg's keys (https://trino.io/docs/current/functions/aggregate.html#map_agg): a row with a NULL key is skipped,
// a repeated key keeps its first value, and no key left gives NULL. DuckDB's map_from_entries raised "Map keys can not
// be NULL" and "Map keys must be unique" instead. Values and types are Trino 476's answers.
import { describeFunctions } from './harness.js';

const repeated = "FROM (VALUES ('a', 1), ('a', 2), ('b', 3)) t(k, v)";

describeFunctions('map_agg keys', [
  ['a repeated key keeps its first value', `map_agg(k, v) ${repeated}`, { a: 1, b: 3 }, 'map(varchar, integer)'],
  ['a NULL key is skipped', "map_agg(k, v) FROM (VALUES ('a', 1), (NULL, 2)) t(k, v)", { a: 1 }, 'map(varchar, integer)'],
  ['only NULL keys: NULL', 'map_agg(k, v) FROM (VALUES (CAST(NULL AS varchar), 2)) t(k, v)', null, 'map(varchar, integer)'],
  ['NaN keys are one key', 'map_agg(k, v) FROM (VALUES (nan(), 1), (nan(), 2)) t(k, v)', { NaN: 1 }, 'map(double, integer)'],
  ['array keys repeated', 'map_agg(k, v) FROM (VALUES (ARRAY[1], 1), (ARRAY[1], 2)) t(k, v)', { '[1]': 1 }, 'map(array(integer), integer)'],
  ['a NULL value is kept', "map_agg(k, v) FROM (VALUES ('a', 1), ('b', NULL)) t(k, v)", { a: 1, b: null }, 'map(varchar, integer)'],
  ['DISTINCT pairs', "map_agg(DISTINCT k, v) FROM (VALUES ('a', 1), ('a', 1), ('b', 3)) t(k, v)", { a: 1, b: 3 }, 'map(varchar, integer)'],
  ['with a FILTER', `map_agg(k, v) FILTER (WHERE v > 1) ${repeated}`, { a: 2, b: 3 }, 'map(varchar, integer)'],
  ['over no rows', `map_agg(k, v) ${repeated} WHERE v > 5`, null, 'map(varchar, integer)'],
]);
