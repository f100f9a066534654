// Hash orders, second pass (issue 15; docs/issue-15-audit.md "Hash orders through column lists, CASE, lambdas and
// subquery columns (session of 2026-12-07 evening, branch hashv41)"). hash40 refused map_keys/map_values/map_entries of
// a hash-built map and array_agg(DISTINCT x) without ORDER BY where the call itself showed the producer; these are the
// forms it did not see (a column list's name, a CASE/coalesce/if/nullif/try around the producer, a lambda parameter
// bound to such a map, a name passed on as `m AS n`), now refused, and the order-free uses it refused (an order-free
// consumer reached through filter/transform/array_distinct/…, any_match/all_match/none_match, a subquery column read
// only by order-free consumers), now answered. Every answer below, value and type, was asked of the shared Trino 476 on
// 2026-12-07 (branch hashv41); each refused form's local answer before the change is noted beside Trino's.
import { describe, expect, it } from 'vitest';
import { refusedAt, rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const KV = "FROM (VALUES (3, 'x'), (1, 'y'), (2, 'z')) t(k, v)";
const K = 'FROM (VALUES 3, 1, 2, 1) t(k)';

describe('hash-ordered maps the translator now sees are refused', () => {
  it.each<[string, string, string]>([
    // Trino 476 [3, 2, 1] for each; locally [3, 1, 2].
    ['coalesce around map_agg', `SELECT map_keys(coalesce(map_agg(k, v), MAP())) ${KV}`, 'map_keys'],
    ['CASE around map_agg', `SELECT map_keys(CASE WHEN true THEN map_agg(k, v) END) ${KV}`, 'map_keys'],
    ['if around map_agg', `SELECT map_keys(if(count(*) > 0, map_agg(k, v))) ${KV}`, 'map_keys'],
    ['nullif around map_agg', `SELECT map_keys(nullif(map_agg(k, v), MAP())) ${KV}`, 'map_keys'],
    ['try around a map_agg column', `WITH a AS (SELECT map_agg(k, v) m ${KV}) SELECT map_keys(try(m)) FROM a`, 'map_keys'],
    ['a CASE column of a WITH query', `WITH a AS (SELECT CASE WHEN true THEN map_agg(k, v) END m ${KV}) SELECT map_keys(m) FROM a`, 'map_keys'],
    // A name given in a column list, a name passed on. Trino 476 [3, 2, 1]; locally [3, 1, 2].
    ['a WITH column list', `WITH t(m) AS (SELECT map_agg(k, v) ${KV}) SELECT map_keys(m) FROM t`, 'map_keys'],
    ["a subquery alias's column list", `SELECT map_keys(m) FROM (SELECT map_agg(k, v) ${KV}) AS s (m)`, 'map_keys'],
    ['a scalar subquery through a WITH column list', `WITH t(m) AS (SELECT map_agg(k, v) ${KV}) SELECT map_keys((SELECT m FROM t))`, 'map_keys'],
    [
      'a qualified column passed on as a.m AS n',
      `WITH a AS (SELECT map_agg(k, v) m ${KV}), b AS (SELECT a.m AS n FROM a) SELECT map_keys(n) FROM b`,
      'map_keys(n',
    ],
    // An element of an array of such maps. Trino 476 [3, 2, 1]; locally [3, 1, 2].
    ['element_at of ARRAY[map_agg(…)]', `SELECT map_keys(element_at(ARRAY[map_agg(k, v)], 1)) ${KV}`, 'map_keys'],
    ['a subscript of ARRAY[map_agg(…)]', `SELECT map_keys(ARRAY[map_agg(k, v)][1]) ${KV}`, 'map_keys'],
    ['a column passed on as m AS n', `WITH a AS (SELECT map_agg(k, v) m ${KV}), b AS (SELECT m AS n FROM a) SELECT map_keys(n) FROM b`, 'map_keys(n'],
    // Trino 476 [x, z, y]; locally [x, y, z].
    [
      'a column list over a UNION whose second branch builds the map',
      `WITH t(m) AS (SELECT MAP(ARRAY[9], ARRAY['q']) WHERE false UNION ALL SELECT map_agg(k, v) ${KV}) SELECT map_values(m) FROM t`,
      'map_values',
    ],
    // Lambda parameters bound to such maps. Trino 476 [[3, 2, 1]]; locally [[3, 1, 2]].
    ['a lambda over ARRAY[map_agg(…)]', `SELECT transform(ARRAY[map_agg(k, v)], m -> map_keys(m)) ${KV}`, 'map_keys'],
    // Trino 476 [[3, 1, 2]]; locally [[1, 2, 3]].
    [
      'a lambda over array_agg of histogram maps',
      'SELECT transform(array_agg(h), m -> map_keys(m)) FROM (SELECT histogram(k) h FROM (VALUES (1, 3), (1, 1), (1, 2)) t(g, k) GROUP BY g)',
      'map_keys',
    ],
  ])('%s', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('hash-order', sql, at));
  });
});

describe('a subquery column that could be handed out stays refused', () => {
  it.each<[string, string, string]>([
    // Trino 476 [1, 3, 2] (b is the column list's name for a).
    ['renamed by a column list', `SELECT b FROM (SELECT array_agg(DISTINCT k) a ${K}) s(b)`, 'array_agg'],
    ['selected by a star', `SELECT * FROM (SELECT array_agg(DISTINCT k) a ${K})`, 'array_agg'],
    ['subscripted beside an order-free use', `SELECT cardinality(a), a[1] FROM (SELECT array_agg(DISTINCT k) a ${K})`, 'array_agg'],
    ['a GROUP BY key', `SELECT count(*) FROM (SELECT array_agg(DISTINCT k) a ${K}) GROUP BY a`, 'array_agg'],
    ['an IN subquery', `SELECT x FROM (VALUES 1) v(x) WHERE ARRAY[1] IN (SELECT array_agg(DISTINCT k) a ${K})`, 'array_agg'],
    ['reduce (its combine may depend on the order)', `SELECT reduce(array_agg(DISTINCT k), 0, (s, x) -> s + x, s -> s) ${K}`, 'array_agg'],
  ])('%s', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('hash-order', sql, at));
  });
});

describe('order-free uses answer as Trino 476', () => {
  it('order-free consumers through filter, transform, array_distinct, array_union, array_except, concat, array_remove, array_intersect; any/all/none_match', async () => {
    const sql = `SELECT cardinality(filter(array_agg(DISTINCT k), x -> x > 1)), any_match(array_agg(DISTINCT k), x -> x > 2),
      all_match(array_agg(DISTINCT k), x -> x > 0), none_match(array_agg(DISTINCT k), x -> x > 5), array_max(transform(array_agg(DISTINCT k), x -> x * 2)),
      cardinality(array_distinct(map_keys(histogram(k)))), contains(array_union(array_agg(DISTINCT k), ARRAY[7]), 7),
      cardinality(array_except(array_agg(DISTINCT k), ARRAY[1])), array_sort(concat(array_agg(DISTINCT k), ARRAY[0])),
      cardinality(array_remove(array_agg(DISTINCT k), 1)), array_min(array_intersect(array_agg(DISTINCT k), ARRAY[2, 3])) ${K}`;
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [[2, true, true, true, 6, 3, true, 2, [0, 1, 2, 3], 2, 2]],
      types: ['bigint', 'boolean', 'boolean', 'boolean', 'integer', 'bigint', 'boolean', 'bigint', 'array(integer)', 'bigint', 'integer'],
    });
  });

  it('subquery and WITH columns read only by order-free consumers (also in a scalar subquery)', async () => {
    const sql = `WITH w AS (SELECT map_keys(histogram(k)) b ${K}) SELECT cardinality(s.a), contains(filter(a, x -> x > 1), 3), array_max(w.b),
      any_match(b, x -> x = 2), (SELECT cardinality(c) FROM (SELECT array_agg(DISTINCT k) c ${K}))
      FROM (SELECT array_agg(DISTINCT k) AS a ${K}) s JOIN w ON cardinality(w.b) > 0`;
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [[3, true, 3, true, 3]],
      types: ['bigint', 'boolean', 'integer', 'boolean', 'bigint'],
    });
  });

  it('coalesce, CASE, lambdas and array elements around written maps keep their order; a read by key', async () => {
    const sql = `SELECT map_keys(coalesce(MAP(ARRAY[3, 1, 2], ARRAY[1, 1, 1]), MAP())), map_keys(CASE WHEN true THEN MAP(ARRAY[3, 1, 2], ARRAY[1, 1, 1]) END),
      transform(ARRAY[MAP(ARRAY[3, 1, 2], ARRAY[1, 1, 1])], m -> map_keys(m)), map_keys(ARRAY[MAP(ARRAY[3, 1, 2], ARRAY[1, 1, 1])][1]),
      map_keys(element_at(ARRAY[MAP(ARRAY[3, 1, 2], ARRAY[1, 1, 1])], 1)), element_at(ARRAY[map_agg(k, v)], 1)[3] ${KV}`;
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [[[3, 1, 2], [3, 1, 2], [[3, 1, 2]], [3, 1, 2], [3, 1, 2], 'x']],
      types: ['array(integer)', 'array(integer)', 'array(array(integer))', 'array(integer)', 'array(integer)', 'varchar'],
    });
  });
});
