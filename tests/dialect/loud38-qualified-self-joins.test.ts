// A table joined with itself under its qualified name (`lake.t, lake.t`, `lake.t CROSS JOIN awsdatacatalog.lake.t`)
// and a table repeated under another table's alias (`u AS t, t`): Trino 476 answers (SELECT * and t.* are both sides'
// columns; a qualified column the two sides share is AMBIGUOUS_NAME, also written `lake.t.k`), where DuckDB failed
// with its duplicate-alias error (loud). The shared Trino 476 was asked on 2026-12-07 (branch loud38) over its system
// tables, the only qualified tables it offers everyone: `SELECT * FROM system.metadata.catalogs,
// system.metadata.catalogs` and `catalogs.*` give both sides' three columns (6, names repeated), count(*) 9 = 3 × 3,
// `system.runtime.nodes AS catalogs, system.metadata.catalogs` gives 5 + 3 columns for * and catalogs.*, and
// `catalogs.catalog_name` / `metadata.catalogs.catalog_name` / `system.metadata.catalogs.catalog_name` over the
// self-join fail AMBIGUOUS_NAME. The same shapes over local tables below.
import { beforeAll, describe, expect, it } from 'vitest';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

beforeAll(async () => {
  await engine.execute('CREATE DATABASE lake38');
  await engine.execute("CREATE TABLE lake38.t AS SELECT * FROM (VALUES (1, 'a'), (2, 'b')) v(k, s)");
  await engine.execute('CREATE TABLE lake38.u AS SELECT * FROM (VALUES 10) v(n)');
});

const KSKS = ['k integer', 's varchar', 'k integer', 's varchar'];
const PAIRS = [
  [1, 'a', 1, 'a'],
  [1, 'a', 2, 'b'],
  [2, 'b', 1, 'a'],
  [2, 'b', 2, 'b'],
];

describe('a qualified table joined with itself, and a name repeated under an alias', () => {
  it.each<[string, string[], unknown[][]]>([
    ['SELECT * FROM lake38.t, lake38.t ORDER BY 1, 2, 3, 4', KSKS, PAIRS],
    ['SELECT t.* FROM lake38.t, lake38.t ORDER BY 1, 2, 3, 4', KSKS, PAIRS],
    ['SELECT * FROM lake38.t CROSS JOIN awsdatacatalog.lake38.t ORDER BY 1, 2, 3, 4', KSKS, PAIRS],
    ['SELECT count(*) AS c FROM lake38.t, lake38.t', ['c bigint'], [[4]]],
    ['SELECT count(*) AS c FROM lake38.t JOIN lake38.t USING (k)', ['c bigint'], [[2]]],
    [
      'SELECT * FROM lake38.u AS t, lake38.t ORDER BY 2',
      ['n integer', 'k integer', 's varchar'],
      [
        [10, 1, 'a'],
        [10, 2, 'b'],
      ],
    ],
    [
      'SELECT t.* FROM lake38.u AS t, lake38.t ORDER BY 2',
      ['n integer', 'k integer', 's varchar'],
      [
        [10, 1, 'a'],
        [10, 2, 'b'],
      ],
    ],
  ])('%s', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it('a qualified column the sides share is refused (Trino 476: AMBIGUOUS_NAME)', async () => {
    for (const sql of [
      'SELECT t.k FROM lake38.t, lake38.t',
      'SELECT lake38.t.k FROM lake38.t, lake38.t',
      'SELECT awsdatacatalog.lake38.t.k FROM lake38.t, lake38.t',
    ])
      await expect(engine.execute(sql)).rejects.toThrow(/Column 't\.k' is ambiguous/);
  });

  it('one qualified table keeps its qualified columns', async () => {
    expect(await namedResult(engine, 'SELECT lake38.t.k FROM lake38.t ORDER BY 1')).toEqual({ columns: ['k integer'], rows: [[1], [2]] });
  });
});
