// Strategies on an engine whose catalog owns its tables' files (EngineCapabilities.catalogOwnsTableFiles: Iceberg on
// Trino). Iceberg keeps a table's live files in its own metadata, so a file the pipeline deleted under the location
// would break the table (or be none of its files at all: Trino places tables where its catalog says). The `table`
// rebuild leaves the files alone, and the incremental plan removes the partitions it replaces with a DELETE statement
// instead of deleting their folders. Trino's DELETE on Iceberg: trino.io/docs/current/connector/iceberg.html
// ("Data management": INSERT, UPDATE, DELETE and MERGE).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine, QueryResult } from '../../../src/engines/engine.js';
import { STRATEGIES, type MaterializeRequest } from '../../../src/pipeline/materialize/index.js';
import { LocalObjectStore } from '../../../src/storage/object-store/index.js';
import { tempLake } from '../../dialect/lake-helpers.js';

const result = (fields: Partial<QueryResult> = {}): QueryResult => ({ columns: [], rows: [], stats: { durationMs: 0 }, ...fields });

/** A Trino-like engine: answers the strategies' reads, records every statement and swap. */
function catalogEngine(statements: string[]): Engine {
  return {
    name: 'trino',
    capabilities: { maxPartitionsPerWrite: 100, reportsBytesScanned: true, catalogOwnsTableFiles: true },
    close: async () => undefined,
    execute: async (sql) => {
      statements.push(sql);
      if (sql.startsWith('SHOW TABLES')) return result();
      if (sql.endsWith('LIMIT 0'))
        return result({
          columns: [
            { name: 'n', type: 'integer' },
            { name: 'dt', type: 'varchar' },
          ],
        });
      if (sql.startsWith('SELECT DISTINCT')) return result({ columns: [{ name: 'dt', type: 'varchar' }], rows: [['2025-03-01'], ['2025-03-02']] });
      return result({ stats: { durationMs: 0, rowsWritten: 2 } });
    },
    swapTable: async (source, target) => {
      statements.push(`swap ${source.database}.${source.name} -> ${target.database}.${target.name}`);
    },
  };
}

/** A lake with a file under `key`, standing for a file the catalog's table still references. */
function lakeWith(key: string): { lake: string; file: string } {
  const lake = tempLake();
  const file = join(lake, 'warehouse', key);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, 'parquet bytes');
  return { lake, file };
}

const request = (name: string, extra: Partial<MaterializeRequest> = {}): MaterializeRequest => ({
  database: 'mart',
  name,
  selectSql: 'SELECT 1 AS n',
  location: `s3://warehouse/mart/${name}/`,
  ...extra,
});

describe('strategies on a catalog that owns its tables’ files', () => {
  it('table: swaps in the rebuilt table and deletes no file under its location', async () => {
    const { lake, file } = lakeWith('mart/dim/20250301T000000Z/part-0.parquet');
    const statements: string[] = [];
    await STRATEGIES.table(request('dim'), { engine: catalogEngine(statements), objectStore: new LocalObjectStore(lake), runId: 'r2' });
    expect(statements).toEqual([
      `CREATE TABLE "mart"."dim__r2"\nWITH (format = 'PARQUET', external_location = 's3://warehouse/mart/dim/r2/')\nAS\nSELECT 1 AS n`,
      'SELECT * FROM "mart"."dim__r2" LIMIT 0',
      'swap mart.dim__r2 -> mart.dim',
      'DROP TABLE `mart`.`dim__r2`',
    ]);
    expect(existsSync(file)).toBe(true);
  });

  it('incremental: removes the replaced partitions with DELETE, never their folders, and counts only rows inserted', async () => {
    const { lake, file } = lakeWith('mart/daily/dt=2025-03-01/part-0.parquet');
    const statements: string[] = [];
    const outcome = await STRATEGIES.incremental(request('daily', { partitionedBy: ['dt'] }), {
      engine: catalogEngine(statements),
      objectStore: new LocalObjectStore(lake),
      runId: 'r2',
    });
    const writes = statements.filter((s) => /^(DELETE|INSERT)/.test(s));
    expect(writes).toEqual([
      `DELETE FROM "mart"."daily"\nWHERE ("dt" = '2025-03-01')\n   OR ("dt" = '2025-03-02')`,
      'INSERT INTO "mart"."daily"\nSELECT * FROM "mart"."daily__stage_r2"',
    ]);
    expect(existsSync(file)).toBe(true);
    // CREATE … WITH NO DATA, the staging CTAS and the INSERT each report 2 rows here; the DELETE's are not rows written.
    expect(outcome.rowsWritten).toBe(2);
  });
});
