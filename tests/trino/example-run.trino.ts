// The example project's pipeline (`lake run` of its DDL and models) on Trino, as a stage with `engine: trino` runs it,
// against the local engine's run of the same inputs: every model's table must hold the same rows.
//
// What cannot run on Trino: landing. The demo's raw tables are Hive tables over files in a local folder (external
// LOCATION s3://…); a Trino cluster reads the tables of its own catalog, so the DDL creates them there empty and this
// test lands the local engine's raw rows into them with INSERT (what a Trino stage's ingestion would do). Alerts and
// dashboards stay out: they read the same tables through the same engine and are not materializations.
//
// `table` models are rebuilt by the swap of TrinoEngine.swapTable: `CREATE OR REPLACE TABLE … AS`, atomic in Trino's
// Iceberg connector ("The connector supports replacing an existing table, as an atomic operation. Atomic table
// replacement creates a new snapshot with the new table definition", trino.io/docs/current/connector/iceberg.html,
// "Replace tables"). The second run checks that reruns replace rows instead of adding them (incremental partitions are
// deleted with SQL: Iceberg's files are the catalog's, never the pipeline's).
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, QueryResult, SqlValue } from '../../src/engines/engine.js';
import { TrinoEngine } from '../../src/engines/trino/index.js';
import { runPipeline, type PipelineContext } from '../../src/pipeline/runner.js';
import { LocalObjectStore } from '../../src/storage/object-store/index.js';
import { day, openExampleLake, type ExampleLake } from '../pipeline/example/harness.js';
import { trinoUrl, uncompressedFetch } from './oracle.js';
import { createScratchCatalog, type ScratchCatalog } from './scratch-catalog.js';

const MODELS = 'kind:model';
let catalog: ScratchCatalog;
let trino: TrinoEngine;
let local: ExampleLake;
let trinoLake: string;

beforeAll(async () => {
  catalog = await createScratchCatalog('example_run');
  local = await openExampleLake();
  trino = new TrinoEngine({ url: trinoUrl(), catalog: catalog.name, database: local.project.config.database }, { fetch: uncompressedFetch });
  // The run's object store (run records) is a folder of its own: nothing of the Trino run lives in the local lake.
  trinoLake = mkdtempSync(join(tmpdir(), 'lake-trino-example-objects-'));
});
afterAll(async () => {
  await local?.close();
  await catalog?.drop();
});

/** A SQL literal of `value` as the engines return it for a column of Trino type `type`. */
function literalOf(value: SqlValue, type: string): string {
  if (value === null) return `CAST(NULL AS ${type})`;
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  const quoted = `'${text.replaceAll("'", "''")}'`;
  return typeof value === 'object' ? `CAST(JSON ${quoted} AS ${type})` : `CAST(${quoted} AS ${type})`;
}

/** Copies every row of a local raw table into the same table on Trino, in statements of at most 500 rows. */
async function land(table: string): Promise<number> {
  const { columns, rows } = await local.engine.execute(`SELECT * FROM ${table}`, { database: local.project.config.database });
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map((row) => `(${row.map((v, j) => literalOf(v, columns[j].type)).join(', ')})`);
    await trino.execute(`INSERT INTO ${table} (${names}) VALUES ${values.join(',\n')}`);
  }
  return rows.length;
}

/** Doubles to 12 significant digits: sums and averages may differ in their last bits with the order of addition. */
const stable = (value: SqlValue): SqlValue =>
  typeof value === 'number' && !Number.isInteger(value)
    ? Number(value.toPrecision(12))
    : Array.isArray(value)
      ? value.map(stable)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stable(v)]))
        : value;

/** A table's checksum: its column names and types, its row count, and a hash of its rows in a stable order. */
async function checksum(engine: Engine, table: string): Promise<string> {
  const result: QueryResult = await engine.execute(`SELECT * FROM ${table}`, { database: local.project.config.database });
  const rows = result.rows.map((row) => JSON.stringify(row.map(stable), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).sort();
  const hash = createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16);
  return `${result.columns.map((c) => `${c.name} ${c.type}`).join(', ')}: ${rows.length} rows, ${hash}`;
}

function trinoContext(): PipelineContext {
  return { ...local.ctx, engine: trino, objectStore: new LocalObjectStore(trinoLake) };
}

async function runOnTrino(selector: string): Promise<void> {
  const summary = await runPipeline(trinoContext(), { selector, from: day(0), to: day(3) });
  const failed = summary.records.filter((r) => r.status !== 'success');
  expect(failed.map((r) => `${r.step}: ${r.error}`)).toEqual([]);
}

describe('the example project’s pipeline on Trino', () => {
  it('writes the same rows into every model’s table as the local engine, and again on a rerun', async () => {
    await local.run('kind:ddl');
    await trino.execute(`CREATE SCHEMA IF NOT EXISTS "${local.project.config.database}"`);
    await runOnTrino('kind:ddl');
    const raw = local.project.nodes.filter((n) => n.kind === 'ddl').flatMap((n) => n.produces);
    const landed = Object.fromEntries(await Promise.all(raw.map(async (t) => [t, await land(t)] as const)));
    console.log(`landed on Trino: ${JSON.stringify(landed)}`);
    expect(Object.values(landed).reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);

    await local.run(MODELS, day(0), day(3));
    await runOnTrino(MODELS);
    const models = local.project.nodes.filter((n) => n.kind === 'model');
    const kinds = new Set(models.map((n) => String(n.header.materialized)));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['incremental', 'scd2', 'table', 'view']));
    const tables = new Set(models.filter((n) => n.header.materialized === 'table').map((n) => n.id));
    const compare = async () => {
      const pairs = await Promise.all(models.map(async (n) => [n.id, await checksum(local.engine, n.id), await checksum(trino, n.id)] as const));
      // The rebuilt (`table`) models must have rows for the swap to be seen; a quarantine may rightly be empty.
      for (const [id, onLocal] of pairs) if (tables.has(id)) expect(onLocal, id).not.toMatch(/: 0 rows/);
      return { local: pairs.map(([id, l]) => `${id} ${l}`), trino: pairs.map(([id, , t]) => `${id} ${t}`) };
    };
    const first = await compare();
    console.log(`example project on Trino, checksums:\n  ${first.trino.join('\n  ')}`);
    expect(first.trino).toEqual(first.local);

    // A rerun of the same periods replaces what the first one wrote (table swap, incremental partitions, scd2).
    await local.run(MODELS, day(0), day(3));
    await runOnTrino(MODELS);
    const second = await compare();
    expect(second.trino).toEqual(second.local);
    expect(second.trino).toEqual(first.trino);
    // Nothing of Trino's tables was written to, or deleted from, the run's object store: only run records are there.
    expect(readdirSync(trinoLake).every((bucket) => !bucket.includes('curated'))).toBe(true);
  });
});
