import { describe, expect, it } from 'vitest';
import { qualifyTable, tableReferences } from '../../src/project/refs.js';

const names = (sql: string, access?: string) =>
  tableReferences(sql, { resolveVariable: (n) => (n === 'database' ? 'Analytics' : undefined) })
    .filter((r) => !access || r.access === access)
    .map((r) => r.parts.join('.'));

describe('table references parsed from SQL', () => {
  const reads: Array<[string, string, string[]]> = [
    ['plain FROM', 'SELECT * FROM orders', ['orders']],
    ['qualified and quoted, case folded', 'SELECT * FROM "Analytics"."Orders" o, `db`.Items', ['analytics.orders', 'db.items']],
    ['catalog prefix kept for qualifyTable', 'SELECT * FROM "awsdatacatalog"."analytics"."customers"', ['awsdatacatalog.analytics.customers']],
    [
      'joins of every kind',
      'SELECT * FROM a LEFT JOIN b ON a.x = b.x FULL OUTER JOIN c USING (x) CROSS JOIN d JOIN e AS ee ON true',
      ['a', 'b', 'c', 'd', 'e'],
    ],
    ['comma joins with aliases', 'SELECT * FROM a x, b AS y, c', ['a', 'b', 'c']],
    ['CTE names are not tables', 'WITH base AS (SELECT * FROM raw), agg (n) AS (SELECT count(*) FROM base) SELECT * FROM agg JOIN dim ON true', ['raw', 'dim']],
    ['nested WITH inside a subquery', 'SELECT * FROM (WITH z AS (SELECT 1 FROM inner_t) SELECT * FROM z) sub', ['inner_t']],
    [
      'subqueries in FROM, WHERE and SELECT',
      'SELECT (SELECT max(v) FROM s1) m FROM (SELECT * FROM s2) q WHERE q.id IN (SELECT id FROM s3) AND EXISTS (SELECT 1 FROM s4)',
      ['s1', 's2', 's3', 's4'],
    ],
    ['parenthesised join', 'SELECT * FROM (a JOIN b ON a.id = b.id) LEFT JOIN c ON true', ['a', 'b', 'c']],
    [
      'UNNEST and table functions are not tables',
      "SELECT * FROM t CROSS JOIN UNNEST(t.arr) WITH ORDINALITY AS u(v, n), TABLE(sequence(1, 3)) s, my_fn('x') f",
      ['t'],
    ],
    [
      'lambda parameters and FROM inside functions',
      "SELECT transform(xs, x -> x + 1), extract(year FROM ts), trim(BOTH ' ' FROM s), a IS DISTINCT FROM b FROM t",
      ['t'],
    ],
    ['set operations', 'SELECT a FROM x UNION ALL SELECT a FROM y EXCEPT SELECT a FROM z', ['x', 'y', 'z']],
    ['variables as name parts', 'SELECT * FROM ${database}.orders JOIN ${other}.t ON true', ['analytics.orders', '${other}.t']],
    ['comments and strings are ignored', "SELECT 'FROM fake' AS s -- FROM fake2\nFROM /* JOIN fake3 */ real_t", ['real_t']],
    ['time travel', "SELECT * FROM t FOR TIMESTAMP AS OF TIMESTAMP '2025-01-01 00:00:00 UTC'", ['t']],
  ];
  it.each(reads)('%s', (_name, sql, expected) => {
    expect(names(sql)).toEqual(expected);
  });

  it('reads MERGE targets as writes and USING sources as reads', () => {
    const sql = `MERGE INTO analytics.dim AS t
USING (SELECT * FROM staging s JOIN lookup l ON s.k = l.k) AS src
ON t.id = src.id
WHEN MATCHED THEN UPDATE SET v = src.v
WHEN NOT MATCHED THEN INSERT (id, v) VALUES (src.id, src.v)`;
    expect(names(sql, 'write')).toEqual(['analytics.dim']);
    expect(names(sql, 'read')).toEqual(['staging', 'lookup']);
    expect(names('MERGE INTO dim USING src_table s ON dim.id = s.id WHEN MATCHED THEN DELETE', 'read')).toEqual(['src_table']);
  });

  it('classifies INSERT, CTAS, views, external tables, UPDATE, DELETE and maintenance statements', () => {
    const refs = tableReferences(`INSERT INTO db.t (a) SELECT a FROM s;
CREATE TABLE IF NOT EXISTS c WITH (format = 'PARQUET') AS SELECT * FROM s2;
CREATE OR REPLACE VIEW v AS SELECT * FROM s3;
CREATE EXTERNAL TABLE IF NOT EXISTS \`raw\`.\`events\` (a STRING, s STRUCT<x:INT>) LOCATION 's3://b/raw/';
UPDATE u SET a = 1 WHERE id IN (SELECT id FROM s4);
DELETE FROM d WHERE x = 1;
ALTER TABLE raw.events ADD PARTITION (dt = '1');
MSCK REPAIR TABLE raw.events;
DROP TABLE IF EXISTS old_t;
CREATE DATABASE IF NOT EXISTS x`);
    expect(refs.map((r) => `${r.access}:${r.parts.join('.')}`)).toEqual([
      'write:db.t',
      'read:s',
      'create:c',
      'read:s2',
      'create:v',
      'read:s3',
      'create:raw.events',
      'write:u',
      'read:s4',
      'write:d',
      'write:raw.events',
      'write:raw.events',
    ]);
  });

  it('gives each reference its line and column', () => {
    const refs = tableReferences('SELECT *\nFROM a\n  JOIN "b" ON true');
    expect(refs.map(({ line, col }) => [line, col])).toEqual([
      [2, 6],
      [3, 8],
    ]);
  });

  it('qualifies names: project database for bare names, awsdatacatalog prefix dropped', () => {
    expect(qualifyTable(['orders'], 'Analytics')).toBe('analytics.orders');
    expect(qualifyTable(['raw', 'orders'], 'analytics')).toBe('raw.orders');
    expect(qualifyTable(['awsdatacatalog', 'raw', 'orders'], 'analytics')).toBe('raw.orders');
    expect(qualifyTable(['other_catalog', 'raw', 'orders'], 'analytics')).toBe('other_catalog.raw.orders');
  });
});
