// Maps keyed by a double or real NaN, and maps as the keys of histogram, map_agg and multimap_agg (docs/issue-15-audit.md
// "Silent leftovers, eighth pass"). Every value and type is the shared Trino 476's. A map holding a NaN key equals no
// value there, itself neither (`m IS DISTINCT FROM m` is true), while approx_distinct counts by hash (one value); a
// map keyed by the text 'nan' or holding NaN as a value is an ordinary map. Maps as aggregate keys are compared as
// sets of entries in Trino: refused while binding (the local keys are in entry order).
import { describeFunctions } from './harness.js';

const N = 'MAP(ARRAY[nan()], ARRAY[1])';
const TWO_N = `(VALUES ${N}, ${N}) t(m)`;
const M1 = "MAP(ARRAY[1, 2], ARRAY['a', 'b'])";
const M2 = "MAP(ARRAY[2, 1], ARRAY['b', 'a'])";
const AGG_KEY = /histogram, map_agg and multimap_agg keyed by a map .* are refused locally/;

describeFunctions(
  'maps keyed by NaN equal nothing',
  [
    ['count(DISTINCT m)', `count(DISTINCT m) FROM ${TWO_N}`, 2, 'bigint'],
    ['count(DISTINCT ARRAY[m])', `count(DISTINCT ARRAY[m]) FROM ${TWO_N}`, 2, 'bigint'],
    ['count(DISTINCT m) OVER ()', `count(DISTINCT m) OVER () FROM ${TWO_N}`, 2, 'bigint'],
    [
      'real NaN keys beside equal double-keyed maps',
      `count(DISTINCT m) FROM (VALUES MAP(ARRAY[REAL 'NaN'], ARRAY[1]), MAP(ARRAY[REAL 'NaN'], ARRAY[1])) t(m)`,
      2,
      'bigint',
    ],
    ['approx_distinct counts by hash', `approx_distinct(m) FROM ${TWO_N}`, 1, 'bigint'],
    ['array_distinct', `cardinality(array_distinct(ARRAY[${N}, ${N}]))`, 2, 'bigint'],
    ['array_agg(DISTINCT m)', `cardinality(array_agg(DISTINCT m)) FROM ${TWO_N}`, 2, 'bigint'],
    ['m IS DISTINCT FROM n', `m IS DISTINCT FROM n FROM (VALUES (${N}, ${N})) t(m, n)`, true, 'boolean'],
    ['m IS DISTINCT FROM m', `m IS DISTINCT FROM m FROM (VALUES ${N}) t(m)`, true, 'boolean'],
    ['m IS NOT DISTINCT FROM m', `m IS NOT DISTINCT FROM m FROM (VALUES ${N}) t(m)`, false, 'boolean'],
    ['ARRAY[m] IS DISTINCT FROM ARRAY[m]', `ARRAY[m] IS DISTINCT FROM ARRAY[m] FROM (VALUES ${N}) t(m)`, true, 'boolean'],
    ['m = m', `${N} = ${N}`, false, 'boolean'],
    ['m = m with NULL values', `MAP(ARRAY[nan()], ARRAY[NULL]) = MAP(ARRAY[nan()], ARRAY[NULL])`, false, 'boolean'],
    ['m <> m', `${N} <> ${N}`, true, 'boolean'],
    ['m = NULL', `${N} = NULL`, null, 'boolean'],
    ['real NaN keys, m = m', `MAP(ARRAY[REAL 'NaN'], ARRAY[1]) = MAP(ARRAY[REAL 'NaN'], ARRAY[1])`, false, 'boolean'],
    ['array keys holding NaN, m = m', `MAP(ARRAY[ARRAY[nan()]], ARRAY[1]) = MAP(ARRAY[ARRAY[nan()]], ARRAY[1])`, false, 'boolean'],
    ['ARRAY[m] = ARRAY[m]', `ARRAY[${N}] = ARRAY[${N}]`, false, 'boolean'],
    ['ARRAY[NULL, m] = ARRAY[NULL, m]', `ARRAY[NULL, ${N}] = ARRAY[NULL, ${N}]`, false, 'boolean'],
    ['ARRAY[m] = ARRAY[NULL]', `ARRAY[${N}] = ARRAY[NULL]`, null, 'boolean'],
    ['m IN (m)', `${N} IN (${N})`, false, 'boolean'],
    ['CASE m WHEN m', `CASE ${N} WHEN ${N} THEN 'y' ELSE 'n' END`, 'n', 'varchar'],
    ['a column key, m = m', `MAP(ARRAY[x], ARRAY[1]) = ${N} FROM (VALUES nan()) t(x)`, false, 'boolean'],
    ['in a correlated subquery', `(SELECT MAP(ARRAY[x], ARRAY[1]) = MAP(ARRAY[x], ARRAY[1])) FROM (VALUES nan()) t(x)`, false, 'boolean'],
    ['double keys otherwise equal', `MAP(ARRAY[1e0], ARRAY[1]) = MAP(ARRAY[1e0], ARRAY[1])`, true, 'boolean'],
    ['contains', `contains(ARRAY[${N}], ${N})`, false, 'boolean'],
    ['array_position', `array_position(ARRAY[${N}], ${N})`, 0, 'bigint'],
    ['contains beside a NULL element', `contains(a, m) FROM (VALUES (ARRAY[${N}, NULL], ${N})) t(a, m)`, null, 'boolean'],
    ['a text key nan is an ordinary key', `count(DISTINCT m) FROM (VALUES MAP(ARRAY['nan'], ARRAY[1]), MAP(ARRAY['nan'], ARRAY[1])) t(m)`, 1, 'bigint'],
    ['NaN as a value is one value', `count(DISTINCT m) FROM (VALUES MAP(ARRAY[1e0], ARRAY[nan()]), MAP(ARRAY[1e0], ARRAY[nan()])) t(m)`, 1, 'bigint'],
    ['double keys otherwise compare', `contains(ARRAY[MAP(ARRAY[1e0], ARRAY[1])], MAP(ARRAY[1e0], ARRAY[1]))`, true, 'boolean'],
    ['maps of two orders are one element', `array_position(ARRAY[${M1}, ${M2}], ${M2})`, 1, 'bigint'],
    ['histogram of scalars', `histogram(x) FROM (VALUES 1, 1) t(x)`, { 1: 2 }, 'map(integer, bigint)'],
    ['map_agg of scalars', `map_agg(x, y) FROM (VALUES (1, 'a'), (1, 'b')) t(x, y)`, { 1: 'a' }, 'map(integer, varchar)'],
    ['multimap_agg of scalars', `multimap_agg(x, y) FROM (VALUES (1, 'a'), (1, 'b')) t(x, y)`, { 1: ['a', 'b'] }, 'map(integer, array(varchar))'],
  ],
  [
    // Trino 476: {{1=a, 2=b}: 2}, {{1=a, 2=b}: 1}, {[{1=a, 2=b}]: [1, 2]} (DuckDB: one key per entry order).
    ['histogram of maps', `histogram(m) FROM (VALUES ${M1}, ${M2}) t(m)`, AGG_KEY],
    ['map_agg keyed by maps', `map_agg(m, v) FROM (VALUES (${M1}, 1), (${M2}, 2)) t(m, v)`, AGG_KEY],
    ['multimap_agg keyed by arrays of maps', `multimap_agg(ARRAY[m], v) FROM (VALUES (${M1}, 1), (${M2}, 2)) t(m, v)`, AGG_KEY],
    ['histogram of maps keyed by NaN', `histogram(m) FROM ${TWO_N}`, AGG_KEY],
  ],
);
