// The `table` materialization's `ha` swap (dbt-athena's ha mode) on the local engine: whatever changes between runs
// (the rows, the columns, the format, the partitioning), a reader sees the old table or the new one after every step
// of the rebuild, never a missing or half-written table, and a failure leaves the old table readable.
// Athena's side of the same contract (the exact Athena/Glue/S3 calls) is table-swap-athena.test.ts.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engines/engine.js';
import type { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { STRATEGIES, type MaterializeRequest } from '../../../src/pipeline/materialize/index.js';
import { LocalObjectStore } from '../../../src/storage/object-store/index.js';
import { openLake, tempLake } from '../../dialect/lake-helpers.js';

/** What a reader of `default.dim` gets: its rows as text, or the error it got. */
async function readDim(engine: Engine): Promise<string> {
  try {
    const result = await engine.execute('SELECT * FROM "default"."dim" ORDER BY 1');
    return `${result.columns.map((c) => c.name).join(',')}: ${result.rows.map((r) => r.join('/')).join(' ')}`;
  } catch (error) {
    return `error: ${(error as Error).message.split('\n')[0]}`;
  }
}

/** The engine, with a reader querying `dim` after every statement and after the swap (what a dashboard would see). */
function withReader(inner: AthenaLocalEngine, seen: string[]): Engine {
  return {
    name: inner.name,
    capabilities: inner.capabilities,
    close: () => inner.close(),
    execute: async (sql, options) => {
      const result = await inner.execute(sql, options);
      seen.push(await readDim(inner));
      return result;
    },
    swapTable: async (source, target, properties) => {
      await inner.swapTable(source, target, properties);
      seen.push(await readDim(inner));
    },
  };
}

describe('table: the ha swap keeps the table readable at every step', () => {
  let engine: AthenaLocalEngine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  async function setUp() {
    const lake = tempLake();
    engine = await openLake(lake);
    return { lake, engine, objectStore: new LocalObjectStore(lake) };
  }

  const request = (selectSql: string, extra: Partial<MaterializeRequest> = {}): MaterializeRequest => ({
    database: 'default',
    name: 'dim',
    selectSql,
    location: 's3://w/dim/',
    ...extra,
  });

  it('same columns: a reader sees the old rows, then the new ones; the table is never dropped or re-created', async () => {
    const { lake, engine, objectStore } = await setUp();
    await STRATEGIES.table(request('SELECT 1 AS id'), { engine, objectStore, runId: 'run1' });
    const seen: string[] = [];
    const outcome = await STRATEGIES.table(request('SELECT 2 AS id UNION ALL SELECT 3'), { engine: withReader(engine, seen), objectStore, runId: 'run2' });
    expect(new Set(seen)).toEqual(new Set(['id: 1', 'id: 2 3']));
    expect(seen.at(-1)).toBe('id: 2 3');
    expect(outcome.statements.filter((s) => /^(DROP|CREATE EXTERNAL|ALTER|MSCK)/.test(s))).toEqual(['DROP TABLE `default`.`dim__run2`']);
    expect(readdirSync(join(lake, 'w/dim'))).toEqual(['run2']);
  });

  it('a partitioned table: the new partitions replace the old ones in the swap, described by partition projection', async () => {
    const { lake, engine, objectStore } = await setUp();
    const partitioned = (selectSql: string) => request(selectSql, { partitionedBy: ['dt'] });
    await STRATEGIES.table(partitioned("SELECT * FROM (VALUES (1, '2025-03-01'), (2, '2025-03-02')) AS t(id, dt)"), { engine, objectStore, runId: 'run1' });
    const seen: string[] = [];
    await STRATEGIES.table(partitioned("SELECT * FROM (VALUES (3, '2025-03-02'), (4, '2025-03-03')) AS t(id, dt)"), {
      engine: withReader(engine, seen),
      objectStore,
      runId: 'run2',
    });
    expect(new Set(seen)).toEqual(new Set(['id,dt: 1/2025-03-01 2/2025-03-02', 'id,dt: 3/2025-03-02 4/2025-03-03']));
    expect(seen.at(-1)).toBe('id,dt: 3/2025-03-02 4/2025-03-03');
    const properties = Object.fromEntries((await engine.execute('SHOW TBLPROPERTIES dim')).rows.map((r) => [String(r[0]), String(r[1])]));
    expect(properties).toMatchObject({
      'projection.enabled': 'true',
      'projection.dt.type': 'enum',
      'projection.dt.values': '2025-03-02,2025-03-03',
      classification: 'parquet',
    });
    expect(readdirSync(join(lake, 'w/dim/run2')).sort()).toEqual(['dt=2025-03-02', 'dt=2025-03-03']);
    expect(readdirSync(join(lake, 'w/dim'))).toEqual(['run2']);
  });

  it('a schema change (a new column, another format, partitioning added) swaps too: no moment without the table', async () => {
    const { engine, objectStore } = await setUp();
    await STRATEGIES.table(request('SELECT 1 AS id'), { engine, objectStore, runId: 'run1' });
    const seen: string[] = [];
    await STRATEGIES.table(request("SELECT 2 AS id, 'x' AS name, 7 AS part", { format: 'JSON', partitionedBy: ['part'] }), {
      engine: withReader(engine, seen),
      objectStore,
      runId: 'run2',
    });
    expect(new Set(seen)).toEqual(new Set(['id: 1', 'id,name,part: 2/x/7']));
    expect((await engine.execute('DESCRIBE dim')).rows.map((r) => `${r[0]} ${r[1]}`)).toEqual(['id int', 'name string', 'part int']);
    const properties = Object.fromEntries((await engine.execute('SHOW TBLPROPERTIES dim')).rows.map((r) => [String(r[0]), String(r[1])]));
    expect(properties).toMatchObject({ 'projection.part.type': 'integer', 'projection.part.range': '7,7', classification: 'json' });
    // And back to an unpartitioned Parquet table with fewer columns.
    const back: string[] = [];
    await STRATEGIES.table(request('SELECT 5 AS id'), { engine: withReader(engine, back), objectStore, runId: 'run3' });
    expect(new Set(back)).toEqual(new Set(['id,name,part: 2/x/7', 'id: 5']));
  });

  it('a failure during the swap leaves the old table, its files and no scratch table behind', async () => {
    const { lake, engine, objectStore } = await setUp();
    await STRATEGIES.table(request('SELECT 1 AS id'), { engine, objectStore, runId: 'run1' });
    const failing: Engine = {
      name: engine.name,
      capabilities: engine.capabilities,
      close: () => engine.close(),
      execute: (sql, options) => engine.execute(sql, options),
      swapTable: async () => {
        throw new Error('catalog unavailable');
      },
    };
    await expect(STRATEGIES.table(request('SELECT 2 AS id'), { engine: failing, objectStore, runId: 'run2' })).rejects.toThrow('catalog unavailable');
    expect(await readDim(engine)).toBe('id: 1');
    expect((await engine.execute('SHOW TABLES')).rows).toEqual([['dim']]);
    expect(readdirSync(join(lake, 'w/dim')).sort()).toEqual(['run1', 'run2']);
    // The next run succeeds and deletes the orphaned folder with the old one.
    await STRATEGIES.table(request('SELECT 3 AS id'), { engine, objectStore, runId: 'run3' });
    expect(readdirSync(join(lake, 'w/dim'))).toEqual(['run3']);
  });

  it('partition values projection cannot name are refused before the swap, the old table kept', async () => {
    const { engine, objectStore } = await setUp();
    const partitioned = (selectSql: string) => request(selectSql, { partitionedBy: ['k'] });
    await STRATEGIES.table(partitioned("SELECT 1 AS id, 'a' AS k"), { engine, objectStore, runId: 'run1' });
    await expect(STRATEGIES.table(partitioned('SELECT 2 AS id, CAST(NULL AS varchar) AS k'), { engine, objectStore, runId: 'run2' })).rejects.toThrow(
      /table model default\.dim: partition key k is NULL in some rows/,
    );
    await expect(STRATEGIES.table(partitioned("SELECT 2 AS id, 'a,b' AS k"), { engine, objectStore, runId: 'run3' })).rejects.toThrow(
      /partition value 'a,b' of k has a comma/,
    );
    await expect(STRATEGIES.table(partitioned('SELECT 2 AS id, true AS k'), { engine, objectStore, runId: 'run4' })).rejects.toThrow(
      /partition key k is boolean/,
    );
    expect(await readDim(engine)).toBe('id,k: 1/a');
    expect((await engine.execute('SHOW TABLES')).rows).toEqual([['dim']]);
  });

  it('an engine that cannot swap a table in one catalog update is refused before any statement', async () => {
    const { engine, objectStore } = await setUp();
    const statements: string[] = [];
    const noSwap: Engine = {
      name: 'plain',
      capabilities: engine.capabilities,
      close: async () => undefined,
      execute: async (sql, options) => {
        statements.push(sql);
        return engine.execute(sql, options);
      },
    };
    await expect(STRATEGIES.table(request('SELECT 1 AS id'), { engine: noSwap, objectStore, runId: 'run1' })).rejects.toThrow(
      "table model default.dim cannot be rebuilt on the plain engine: it cannot swap a table's definition in one catalog update",
    );
    expect(statements).toEqual([]);
  });
});
