// The `table` model's swap on a real Trino (Iceberg catalog): a reader querying the table after every statement of a
// rebuild sees the old table or the new one, never none, even when the columns change; the replacement is a new
// snapshot of the same table (history kept), and a rebuild whose query fails leaves the old table and no scratch
// table. Trino docs, Iceberg connector, "Replace tables": "The connector supports replacing an existing table, as an
// atomic operation. Atomic table replacement creates a new snapshot with the new table definition as part of the table
// history" (trino.io/docs/current/connector/iceberg.html).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.js';
import { TrinoEngine } from '../../src/engines/trino/index.js';
import { STRATEGIES, type MaterializeRequest } from '../../src/pipeline/materialize/index.js';
import { LocalObjectStore } from '../../src/storage/object-store/index.js';
import { trinoUrl } from './oracle.js';
import { createScratchCatalog, type ScratchCatalog } from './scratch-catalog.js';

let catalog: ScratchCatalog;
let trino: TrinoEngine;
beforeAll(async () => {
  catalog = await createScratchCatalog('table_swap');
  trino = new TrinoEngine({ url: trinoUrl(), catalog: catalog.name, database: 'mart' });
  await trino.execute('CREATE SCHEMA mart');
});
afterAll(() => catalog?.drop());

/** What a reader of mart.dim gets: its columns and rows, or the error it got. */
async function readDim(): Promise<string> {
  try {
    const result = await trino.execute('SELECT * FROM mart.dim ORDER BY 1');
    return `${result.columns.map((c) => `${c.name} ${c.type}`).join(',')}: ${result.rows.map((r) => r.join('/')).join(' ')}`;
  } catch (error) {
    return `error: ${(error as Error).message.split('\n')[0]}`;
  }
}

/** The engine, with a reader of mart.dim after every statement, during the swap and after it. */
const withReader = (seen: string[]): Engine => ({
  name: trino.name,
  capabilities: trino.capabilities,
  close: async () => undefined,
  execute: async (sql, options) => {
    const result = await trino.execute(sql, options);
    seen.push(await readDim());
    return result;
  },
  swapTable: async (source, target, properties) => {
    // A second reader polls while the swap runs: a swap of two statements (drop, then create) shows it a gap.
    let swapping = true;
    const polling = (async () => {
      while (swapping) seen.push(await readDim());
    })();
    try {
      await trino.swapTable(source, target, properties);
    } finally {
      swapping = false;
      await polling;
    }
    seen.push(await readDim());
  },
});

describe('table models on Trino: the swap', () => {
  it('keeps the table readable through every step of a rebuild that changes its columns, as a new snapshot', async () => {
    const objectStore = new LocalObjectStore(mkdtempSync(join(tmpdir(), 'lake-trino-swap-objects-')));
    const request = (selectSql: string): MaterializeRequest => ({ database: 'mart', name: 'dim', selectSql, location: 's3://w/dim/' });
    await STRATEGIES.table(request("SELECT 1 AS id, 'a' AS v UNION ALL SELECT 2, 'b'"), { engine: trino, objectStore, runId: 'r1' });
    const old = 'id integer,v varchar: 1/a 2/b';
    expect(await readDim()).toBe(old);

    const seen: string[] = [];
    await STRATEGIES.table(request('SELECT 3 AS id, CAST(2.5 AS double) AS score'), { engine: withReader(seen), objectStore, runId: 'r2' });
    const fresh = 'id integer,score double: 3/2.5';
    expect(seen.length).toBeGreaterThanOrEqual(3);
    // Old until the swap, new from the swap on, nothing else in between.
    const swapAt = seen.indexOf(fresh);
    expect(seen.slice(0, swapAt).every((s) => s === old)).toBe(true);
    expect(seen.slice(swapAt).every((s) => s === fresh)).toBe(true);
    expect(swapAt).toBeGreaterThan(0);

    const snapshots = await trino.execute('SELECT count(*) FROM mart."dim$snapshots"');
    expect(Number(snapshots.rows[0][0])).toBeGreaterThanOrEqual(2);
    const tables = await trino.execute("SHOW TABLES IN mart 'dim*'");
    expect(tables.rows).toEqual([['dim']]);
  });

  it('leaves the old table and no scratch table when the rebuild’s query fails', async () => {
    const objectStore = new LocalObjectStore(mkdtempSync(join(tmpdir(), 'lake-trino-swap-objects-')));
    const before = await readDim();
    await expect(
      STRATEGIES.table(
        { database: 'mart', name: 'dim', selectSql: 'SELECT 1 / (id - id) AS id FROM mart.dim', location: 's3://w/dim/' },
        { engine: trino, objectStore, runId: 'r3' },
      ),
    ).rejects.toThrow(/DIVISION_BY_ZERO/);
    expect(await readDim()).toBe(before);
    expect((await trino.execute("SHOW TABLES IN mart 'dim*'")).rows).toEqual([['dim']]);
  });
});
