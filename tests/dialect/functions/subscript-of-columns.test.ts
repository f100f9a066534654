// Subscripts of array and map columns with a literal index or key (https://trino.io/docs/current/functions/map.html,
// array.html#subscript-operator): values and failures as Trino 476 gives them. The failing branch must not be
// evaluated while DuckDB plans the query (it was: `m['k']` of any map column failed with "Key not present in map").
import { describeFunctions } from './harness.js';

const mapColumn = "FROM (SELECT MAP(ARRAY[x], ARRAY[1]) AS m FROM (VALUES 'k') t(x)) u";
const arrayColumn = 'FROM (VALUES ARRAY[1, 2]) t(a)';

describeFunctions(
  'subscripts of columns with a literal index or key',
  [
    ['a present key of a map column', `m['k'] ${mapColumn}`, 1, 'integer'],
    ['a present key of a VALUES map', "m['k'] FROM (VALUES MAP(ARRAY['k'], ARRAY[1])) t(m)", 1, 'integer'],
    ['try() of a missing key', `try(m['j']) ${mapColumn}`, null, 'integer'],
    ['element_at of a missing key', `element_at(m, 'j') ${mapColumn}`, null, 'integer'],
    ['an index of an array column', `a[2] ${arrayColumn}`, 2, 'integer'],
    ['try() of index 0', `try(a[0]) ${arrayColumn}`, null, 'integer'],
  ],
  [
    ['a missing key of a map column', `m['j'] ${mapColumn}`, /Key not present in map: j/],
    ['index 0 of an array column', `a[0] ${arrayColumn}`, /SQL array indices start at 1/],
    ['element_at index 0 of an array column', `element_at(a, 0) ${arrayColumn}`, /SQL array indices start at 1/],
    ['an index past the end', `a[3] ${arrayColumn}`, /Array subscript must be less than or equal to array length: 3 > 2/],
  ],
);
