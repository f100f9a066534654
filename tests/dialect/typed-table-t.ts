// The table `t` the known-column-types tests share (types38, alert40): seven columns of seven types over four rows
// (a NULL row, a NaN), and the translator told its catalog types or not. The tests' header comments give the same rows
// as the WITH query their expectations were asked of Trino 476 with.
import { translateStatement, type CatalogColumn } from '../../src/dialect/translate/index.js';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { openLake } from './lake-helpers.js';

/** A lake holding the Iceberg table `default.t` and its four rows. */
export async function openLakeWithTableT(): Promise<AthenaLocalEngine> {
  const engine = await openLake();
  await engine.execute(
    "CREATE TABLE t (k int, i int, b bigint, s string, d double, dt date, y int) LOCATION 's3://b/t/' TBLPROPERTIES ('table_type' = 'ICEBERG')",
  );
  await engine.execute(
    "INSERT INTO t VALUES (1, 2, 10, 'web', 1.5, DATE '2026-12-06', 2026), (2, -1, 20, 'web', 2.5, DATE '2026-12-07', 2026), (3, NULL, NULL, NULL, NULL, NULL, 2025), (4, 5, -3, 'app', nan(), DATE '2026-12-06', 2026)",
  );
  return engine;
}

const columnTypes = new Map<string, CatalogColumn[]>([
  [
    'default.t',
    [
      ['k', 'integer'],
      ['i', 'integer'],
      ['b', 'bigint'],
      ['s', 'varchar'],
      ['d', 'double'],
      ['dt', 'date'],
      ['y', 'integer'],
    ].map(([name, trinoType]) => ({ name, trinoType })),
  ],
]);

/** The translation of `sql`, with the catalog's column types of `t` or without. */
export const translated = (sql: string, known = true) =>
  translateStatement(sql, { lakeRoot: '/lake', database: 'default', ...(known ? { columnTypes } : {}) })
    .steps.map((s) => (s.kind === 'sql' ? s.sql : JSON.stringify(s)))
    .join('\n');
