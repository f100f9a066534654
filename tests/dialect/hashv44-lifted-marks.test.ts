// Hash-ordered marks lifted where they were over-refusals (issue 15; docs/issue-15-audit.md, hashv44's section). A
// table's marks after an UPDATE of every row:
// hashrun42/hashv43 kept a table's hash-ordered map columns for good, so a column an UPDATE without WHERE set to a
// written map was still refused (`map_keys(m)` where Trino answers the written order). An UPDATE of every row now
// drops the mark of each column it sets from a map of no hash order; one that keeps a hash order (map_filter of the
// column itself) or leaves rows unwritten (WHERE) keeps it. Tables made by one engine over a lake file and read by a
// second (a later `lake sql`). Every answer below, value and type, was asked of the shared Trino 476 on 2026-12-08
// (iceberg tables made by the same statements; memory catalog tables and views for the views).
import { describe, expect, it } from 'vitest';
import { refusedAt, reopenedLake, rowsAndTypes } from './lake-helpers.js';

const KV = "FROM (VALUES (3, 'x'), (1, 'y'), (2, 'z')) t(k, v)";
const WRITTEN = "MAP(ARRAY[3, 1, 2], ARRAY['x', 'y', 'z'])";
const iceberg = (name: string) => `CREATE TABLE ${name} WITH (table_type = 'ICEBERG', is_external = false, location = 's3://b/${name}/') AS`;

const engine = reopenedLake([
  `${iceberg('u2')} SELECT 1 AS id, map_agg(k, v) AS m, map_agg(k, v) AS n ${KV}`,
  `UPDATE u2 SET m = ${WRITTEN}, n = map_filter(n, (a, b) -> b <> 'q')`,
  `${iceberg('u3')} SELECT 1 AS id, map_agg(k, v) AS m ${KV}`,
  `UPDATE u3 SET m = ${WRITTEN} WHERE id = 2`,
  // DELETE of every row, then a written map; DELETE of no row, then the same.
  `${iceberg('d1')} SELECT 1 AS id, map_agg(k, v) AS m ${KV}`,
  'DELETE FROM d1',
  `INSERT INTO d1 VALUES (2, ${WRITTEN})`,
  `${iceberg('d2')} SELECT 1 AS id, map_agg(k, v) AS m ${KV}`,
  'DELETE FROM d2 WHERE id = 2',
  `INSERT INTO d2 VALUES (2, ${WRITTEN})`,
  // A view's star over two relations: x.* passes on x's columns alone; * passes on t's hash-built m too.
  `CREATE TABLE t AS SELECT map_agg(k, v) AS m ${KV}`,
  'CREATE TABLE x AS SELECT 1 AS id',
  'CREATE VIEW w AS SELECT x.* FROM x CROSS JOIN t',
  'CREATE VIEW w2 AS SELECT * FROM x CROSS JOIN t',
]);

describe('an UPDATE of every row', () => {
  // Trino 476 [3, 1, 2]; refused before (the CTAS's mark was kept).
  it('to a written map lifts the mark: map_keys answers', async () => {
    expect(await rowsAndTypes(engine(), 'SELECT map_keys(m) AS mk, cardinality(n) AS c FROM u2')).toEqual({
      rows: [[[3, 1, 2], 3]],
      types: ['array(integer)', 'bigint'],
    });
  });
  // Trino 476 [3, 2, 1] each: map_filter keeps n's hash order; u3's row was not written (WHERE id = 2).
  it.each<[string, string]>([
    ['a column set to map_filter of itself', 'SELECT map_keys(n) AS nk FROM u2'],
    ['an UPDATE with a WHERE', 'SELECT map_keys(m) AS mk FROM u3'],
  ])('%s keeps it', async (_name, sql) => {
    await expect(engine().execute(sql)).rejects.toThrow(refusedAt('hash-order', sql, 'map_keys'));
  });
});

describe("a view's star is cut to the view's columns", () => {
  // Trino 476 [1, [3, 1, 2]]; refused before (w was marked m: the star passed on t's m, which w lacks).
  it('a written map named like a column the star did not pass on answers', async () => {
    const sql = 'SELECT id, map_keys(m) AS mk FROM w CROSS JOIN (SELECT MAP(ARRAY[3, 1, 2], ARRAY[1, 1, 1]) AS m) q';
    expect(await rowsAndTypes(engine(), sql)).toEqual({ rows: [[1, [3, 1, 2]]], types: ['integer', 'array(integer)'] });
  });
  // Trino 476 [1, [3, 2, 1]]: w2 holds t's m.
  it("a star that passes the table's m on keeps its mark", async () => {
    const sql = 'SELECT id, map_keys(m) AS mk FROM w2';
    await expect(engine().execute(sql)).rejects.toThrow(refusedAt('hash-order', sql, 'map_keys'));
  });
});

describe('a DELETE of every row', () => {
  // Trino 476 [2, [3, 1, 2]]; refused before (d1's mark outlived its rows).
  it('lifts the marks: the written map inserted after it answers', async () => {
    expect(await rowsAndTypes(engine(), 'SELECT id, map_keys(m) AS mk FROM d1')).toEqual({ rows: [[2, [3, 1, 2]]], types: ['integer', 'array(integer)'] });
  });
  // Trino 476 [1, [3, 2, 1]], [2, [3, 1, 2]]: the CTAS's row is still there.
  it('with a WHERE keeps them', async () => {
    const sql = 'SELECT id, map_keys(m) AS mk FROM d2 ORDER BY id';
    await expect(engine().execute(sql)).rejects.toThrow(refusedAt('hash-order', sql, 'map_keys'));
  });
});
