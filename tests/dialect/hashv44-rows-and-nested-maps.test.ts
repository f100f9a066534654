// Hash orders held inside other values (issue 15; docs/issue-15-audit.md "Hash-ordered maps inside rows, arrays and
// maps; DDL files' later statements; UPDATE of a written map (session of 2026-12-08 morning, branch hashv44)"): a
// hash-built map (map_agg, histogram, …) as a ROW's field, an array's element, a map's value, a cast of one or an UNNEST
// column keeps Trino 476's hash order, and `map_keys` of it reveals that order as `map_keys(map_agg(k, v))` does; the
// local engine answered its own order before. Every answer below, value and type, was asked of the shared Trino 476 on
// 2026-12-08 (keys 3, 1, 2: Trino [3, 2, 1], locally [3, 1, 2] before; tables in its memory catalog).
import { describe, expect, it } from 'vitest';
import { refusedAt, reopenedLake, rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const KV = "FROM (VALUES (3, 'x'), (1, 'y'), (2, 'z')) t(k, v)";
const ROWED = `SELECT CAST(ROW(map_agg(k, v)) AS ROW(m MAP(integer, varchar))) AS r ${KV}`;
const NESTED = `SELECT map_agg(g, h) AS mm FROM (SELECT 2 AS g, map_agg(k, v) AS h ${KV})`;

describe('map_keys of a hash-built map inside a row, an array or a map is refused', () => {
  it.each<[string, string]>([
    // Trino 476 [3, 2, 1] each; locally [3, 1, 2] before.
    ['a ROW field by name (r.m)', `SELECT map_keys(r.m) AS ks FROM (${ROWED})`],
    ['a field of the cast itself', `SELECT map_keys(CAST(ROW(map_agg(k, v)) AS ROW(m MAP(integer, varchar))).m) AS ks ${KV}`],
    ['a ROW field by position (r[1])', `SELECT map_keys(r[1]) AS ks FROM (SELECT ROW(map_agg(k, v)) AS r ${KV})`],
    ['a cast of map_agg', `SELECT map_keys(CAST(map_agg(k, v) AS MAP(integer, varchar))) AS ks ${KV}`],
    // Trino 476 {2: [3, 2, 1]}; locally {2: [3, 1, 2]} before.
    ["transform_values' value parameter over a map of such maps", `SELECT transform_values(mm, (g, q) -> map_keys(q)) AS x FROM (${NESTED})`],
    ['element_at of a map of such maps', `SELECT map_keys(element_at(mm, 2)) AS x FROM (${NESTED})`],
    ['element_at of MAP(keys, ARRAY[map_agg])', `SELECT map_keys(element_at(MAP(ARRAY[1], ARRAY[map_agg(k, v)]), 1)) AS ks ${KV}`],
    ['an UNNEST column of ARRAY[map_agg]', `SELECT map_keys(h) AS ks FROM (SELECT ARRAY[map_agg(k, v)] AS a ${KV}) CROSS JOIN UNNEST(a) u(h)`],
    [
      'an UNNEST column WITH ORDINALITY',
      `SELECT map_keys(h) AS ks, n FROM (SELECT ARRAY[map_agg(k, v)] AS a ${KV}) CROSS JOIN UNNEST(a) WITH ORDINALITY AS u(h, n)`,
    ],
  ])('%s', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('hash-order', sql, 'map_keys'));
  });
});

describe('order-free uses, and written maps in the same shapes, answer', () => {
  it.each<[string, string, unknown[][], string[]]>([
    [
      'cardinality, array_sort and a key of the ROW field',
      `SELECT cardinality(r.m) AS c, array_sort(map_keys(r.m)) AS s, r.m[3] AS e FROM (${ROWED})`,
      [[3, [1, 2, 3], 'x']],
      ['bigint', 'array(integer)', 'varchar'],
    ],
    [
      "array_sort of map_keys of transform_values' value parameter",
      `SELECT transform_values(mm, (g, q) -> array_sort(map_keys(q))) AS x FROM (${NESTED})`,
      [[{ 2: [1, 2, 3] }]],
      ['map(integer, array(integer))'],
    ],
    [
      'a written map as a ROW field',
      "SELECT map_keys(r.m) AS ks FROM (SELECT CAST(ROW(MAP(ARRAY[3, 1, 2], ARRAY['x', 'y', 'z'])) AS ROW(m MAP(integer, varchar))) AS r)",
      [[[3, 1, 2]]],
      ['array(integer)'],
    ],
    [
      'a written map of maps under transform_values',
      'SELECT transform_values(MAP(ARRAY[1], ARRAY[MAP(ARRAY[3, 1, 2], ARRAY[1, 1, 1])]), (g, q) -> map_keys(q)) AS x',
      [[{ 1: [3, 1, 2] }]],
      ['map(integer, array(integer))'],
    ],
  ])('%s', async (_name, sql, rows, types) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});

// A table whose ROW and array columns hold such maps, written by one engine and read by a second (a later `lake sql`).
const reopened = reopenedLake([`CREATE TABLE rr AS SELECT CAST(ROW(map_agg(k, v)) AS ROW(m MAP(integer, varchar))) AS r, ARRAY[map_agg(k, v)] AS a ${KV}`]);

describe("a table's ROW and array columns holding such maps", () => {
  // Trino 476 [3, 2, 1] each (memory catalog table made by the same CTAS); locally [3, 1, 2] before.
  it.each<[string, string]>([
    ['map_keys of the ROW field', 'SELECT map_keys(r.m) AS x FROM rr'],
    ["map_keys of the array's element", 'SELECT map_keys(a[1]) AS y FROM rr'],
  ])('%s is refused', async (_name, sql) => {
    await expect(reopened().execute(sql)).rejects.toThrow(refusedAt('hash-order', sql, 'map_keys'));
  });
  it('cardinality of each answers', async () => {
    expect(await rowsAndTypes(reopened(), 'SELECT cardinality(r.m) AS c, cardinality(a[1]) AS d FROM rr')).toEqual({
      rows: [[3, 3]],
      types: ['bigint', 'bigint'],
    });
  });
});
