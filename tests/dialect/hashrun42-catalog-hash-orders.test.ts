// Hash orders through the catalog (issue 15; docs/issue-15-audit.md "Hash orders at lake run and lake sql through the
// catalog (session of 2026-12-07 night, branch hashrun42)"). A table a CTAS or INSERT wrote from a hash-built map
// (`map_agg(k, v) AS m`), or a view that makes one, holds Athena's hash order there and the local order here: a later
// statement's `map_keys(m)` of that column was answered locally ([3, 1, 2]) where Trino 476 answers [3, 2, 1]. The
// catalog now keeps such columns with the table (its description) and the view (its comment), and a statement naming
// them is refused as `map_keys(map_agg(k, v))` is. The tables and views are made by one engine and read by another one
// opened afterwards on the same lake (a later `lake sql`, a `lake run`'s next model). Every answer below, value and
// type, was asked of the shared Trino 476 on 2026-12-07 (memory catalog tables and views made by the same statements).
import { describe, expect, it } from 'vitest';
import { refusedAt, reopenedLake, rowsAndTypes } from './lake-helpers.js';

const KV = "FROM (VALUES (3, 'x'), (1, 'y'), (2, 'z')) t(k, v)";

const SETUP = [
  `CREATE TABLE t AS SELECT map_agg(k, v) AS m, 1 AS one ${KV}`,
  'CREATE TABLE t2 AS SELECT m AS n FROM t',
  `CREATE VIEW v AS SELECT histogram(k) AS h ${KV}`,
  'CREATE VIEW v2 AS SELECT h AS w FROM v',
  "CREATE TABLE t3 AS SELECT 0 AS id, MAP(ARRAY[0], ARRAY['q']) AS mm WITH NO DATA",
  `INSERT INTO t3 (mm, id) SELECT map_agg(k, v), 1 ${KV}`,
  "CREATE VIEW v3 AS SELECT MAP(ARRAY[3, 1, 2], ARRAY['x', 'y', 'z']) AS m",
  `CREATE VIEW v4 AS SELECT histogram(k) AS h ${KV}`,
  // Stars pass the columns on under their names.
  'CREATE TABLE t6 AS SELECT * FROM t',
  'CREATE VIEW v6 AS SELECT x.* FROM t x',
  "CREATE TABLE t7 AS SELECT MAP(ARRAY[0], ARRAY['q']) AS m, 0 AS one WITH NO DATA",
  'INSERT INTO t7 SELECT * FROM t',
];

// The catalog in the lake's file (not in memory): what one engine kept, the next one reads.
const engine = reopenedLake(SETUP);

describe('a hash-ordered column of a table or view is refused where its order is revealed', () => {
  it.each<[string, string, string]>([
    // Trino 476 [3, 2, 1]; locally [3, 1, 2] before.
    ["map_keys of a CTAS's map_agg column", 'SELECT map_keys(m) FROM t', 'map_keys'],
    // Trino 476 entries of 3, 2, 1; locally of 3, 1, 2.
    ['map_entries of a column a CTAS passed on (m AS n)', 'SELECT map_entries(n) FROM t2', 'map_entries'],
    // Trino 476 [3, 2, 1] and [1, 1, 1]; locally [1, 2, 3].
    ["map_keys of a view's histogram column", 'SELECT map_keys(h), map_values(h) FROM v', 'map_keys'],
    ['map_keys of a view over that view', 'SELECT map_keys(w) FROM v2', 'map_keys'],
    // Trino 476 [3, 2, 1]: the INSERT's first column goes to mm (its column list).
    ['map_keys of a column an INSERT wrote from map_agg', 'SELECT map_keys(mm) FROM t3', 'map_keys'],
    ['map_keys of the column renamed in a subquery', 'SELECT map_keys(x) FROM (SELECT m AS x FROM t)', 'map_keys'],
    // Trino 476 [3, 2, 1] each: a CTAS, a view and an INSERT of a star over t.
    ['map_keys of a column a CTAS of a star wrote', 'SELECT map_keys(m) FROM t6', 'map_keys'],
    ['map_keys of a column a view of t.* reads', 'SELECT map_keys(m) FROM v6', 'map_keys'],
    ['map_keys of a column an INSERT of a star wrote', 'SELECT map_keys(m), one FROM t7', 'map_keys'],
    // A downstream model's CTAS and a view, as `lake run` writes them.
    ["a CTAS's map_keys of the column", 'CREATE TABLE d AS SELECT map_keys(m) AS ks FROM t', 'map_keys'],
    ["a view's map_keys of the column", 'CREATE VIEW dv AS SELECT map_keys(m) AS ks FROM t', 'map_keys'],
  ])('%s', async (_name, sql, at) => {
    await expect(engine().execute(sql)).rejects.toThrow(refusedAt('hash-order', sql, at));
  });
});

describe('order-free uses of those columns, and written maps, still answer', () => {
  it.each<[string, string, unknown[][], string[]]>([
    [
      'cardinality, a key, array_sort and element_at of the table column',
      'SELECT cardinality(m) AS c, m[3] AS e, array_sort(map_keys(m)) AS s, element_at(m, 2) AS z FROM t',
      [[3, 'x', [1, 2, 3], 'z']],
      ['bigint', 'varchar', 'array(integer)', 'varchar'],
    ],
    [
      "the view over the view's column",
      'SELECT cardinality(w), w[3], array_sort(map_values(w)) FROM v2',
      [[3, 1, [1, 1, 1]]],
      ['bigint', 'bigint', 'array(bigint)'],
    ],
    ["the other column and cardinality of the star INSERT's table", 'SELECT one, cardinality(m) FROM t7', [[1, 3]], ['integer', 'bigint']],
    ["contains and array_max of the INSERT's column", 'SELECT contains(map_keys(mm), 2), array_max(map_keys(mm)) FROM t3', [[true, 3]], ['boolean', 'integer']],
    // A written map keeps its order in Trino 476 too.
    ["map_keys of a view's written MAP(…)", 'SELECT map_keys(m) FROM v3', [[[3, 1, 2]]], ['array(integer)']],
  ])('%s', async (_name, sql, rows, types) => {
    expect(await rowsAndTypes(engine(), sql)).toEqual({ rows, types });
  });

  it('a view replaced without the hash-built map answers, and a new one in the same session is refused', async () => {
    // Trino 476 [3, 1, 2] after CREATE OR REPLACE VIEW v4 AS SELECT MAP(…) AS h.
    await engine().execute('CREATE OR REPLACE VIEW v4 AS SELECT MAP(ARRAY[3, 1, 2], ARRAY[1, 1, 1]) AS h');
    expect(await rowsAndTypes(engine(), 'SELECT map_keys(h) FROM v4')).toEqual({ rows: [[[3, 1, 2]]], types: ['array(integer)'] });
    // Trino 476 [3, 2, 1]; locally [3, 1, 2] before.
    await engine().execute(`CREATE VIEW v5 AS SELECT map_agg(k, v) AS m5 ${KV}`);
    const sql = 'SELECT map_keys(m5) FROM v5';
    await expect(engine().execute(sql)).rejects.toThrow(refusedAt('hash-order', sql, 'map_keys'));
  });
});
