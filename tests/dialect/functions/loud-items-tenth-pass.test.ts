// Loud leftovers of the open list closed in the tenth pass (docs/issue-15-audit.md "Grouping sets and loud items,
// tenth pass"): Trino 476 answers where the local engine failed. Values and types from the shared Trino 476.
import { describeFunctions, type Case } from './harness.js';

const V = 'FROM (VALUES (1, 5), (1, 3), (2, 6), (2, 6)) t(g, x)';

// bitwise_and_agg, bitwise_or_agg and bitwise_xor_agg were macros, which take no DISTINCT, FILTER or OVER ("Function
// trino_bitwise_and_agg is a Macro Function", "Window function macros must be functions").
const bitwiseAggregates: Case[] = [
  ['bitwise_and_agg with FILTER', `bitwise_and_agg(x) FILTER (WHERE x > 3) ${V}`, 4, 'bigint'],
  ['bitwise_or_agg with FILTER', `bitwise_or_agg(x) FILTER (WHERE x < 6) ${V}`, 7, 'bigint'],
  ['bitwise_xor_agg with FILTER', `bitwise_xor_agg(x) FILTER (WHERE g = 1) ${V}`, 6, 'bigint'],
  ['a FILTER keeping no row', `bitwise_and_agg(x) FILTER (WHERE x > 100) ${V}`, null, 'bigint'],
  ['bitwise_xor_agg(DISTINCT …)', `bitwise_xor_agg(DISTINCT x) ${V}`, 0, 'bigint'],
  ['DISTINCT with FILTER', `bitwise_or_agg(DISTINCT x) FILTER (WHERE g = 2) ${V}`, 6, 'bigint'],
  ['DISTINCT of a smallint', `bitwise_and_agg(DISTINCT CAST(x AS smallint)) ${V}`, 0, 'bigint'],
  [
    'bitwise_xor_agg over a running window',
    `WITH r AS (SELECT g, x, bitwise_xor_agg(x) OVER (PARTITION BY g ORDER BY x) v ${V}) SELECT v FROM r WHERE g = 1 AND x = 5`,
    6,
    'bigint',
  ],
  [
    'bitwise_and_agg over a partition',
    `WITH r AS (SELECT g, x, bitwise_and_agg(x) OVER (PARTITION BY g) v ${V}) SELECT v FROM r WHERE g = 1 AND x = 5`,
    1,
    'bigint',
  ],
  ['bitwise_or_agg OVER ()', `WITH r AS (SELECT g, x, bitwise_or_agg(x) OVER () v ${V}) SELECT v FROM r WHERE g = 2`, 7, 'bigint'],
];

describeFunctions('bitwise aggregates with DISTINCT, FILTER and OVER', bitwiseAggregates, [
  ['bitwise_and_agg of a decimal, with FILTER', `bitwise_and_agg(1.5) FILTER (WHERE x > 0) ${V}`, /bitwise_and_agg\(\) takes integer arguments/],
]);
