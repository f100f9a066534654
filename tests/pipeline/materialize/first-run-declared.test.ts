// An incremental model's first run on the local engine, when its contract declares its columns: the table is created
// from the declared columns and the write requires the query's columns to be exactly those, so the model's query is
// bound once (issue 18: the type probe of `CREATE TABLE … AS <query> WITH NO DATA` cost as much as the write). Whatever
// the contract says, the table, its rows and every error are those of a first run without the contract: a contract
// that drifted from the query, or a query that fails, sends the run the general way (probe, then write).
import { afterEach, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { STRATEGIES, type MaterializeRequest } from '../../../src/pipeline/materialize/index.js';
import { LocalObjectStore } from '../../../src/storage/object-store/index.js';
import { openLake, tempLake } from '../../dialect/lake-helpers.js';
import { recordDuckDBStatements } from '../../helpers/duckdb-statements.js';

const QUERY = `SELECT id, name, amount, price, at, dt FROM mart.src`;
const DECLARED = [
  { name: 'id', type: 'bigint' },
  { name: 'name', type: 'varchar' },
  { name: 'amount', type: 'double' },
  { name: 'price', type: 'decimal(12,2)' },
  { name: 'at', type: 'timestamp' },
  { name: 'dt', type: 'varchar' },
];

const engines: AthenaLocalEngine[] = [];
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.close();
});

/** A lake holding mart.src; `run` materializes mart.daily on it, with or without declared columns. */
async function lakeWithSource() {
  const lake = tempLake();
  const engine = await openLake(lake);
  engines.push(engine);
  await engine.execute('CREATE DATABASE mart');
  await engine.execute(
    `CREATE TABLE mart.src WITH (format = 'PARQUET', external_location = 's3://b/src/') AS
     SELECT id, name, amount, CAST(price AS decimal(12,2)) AS price, at, dt
     FROM (VALUES (CAST(1 AS bigint), 'a', 1.5E0, DECIMAL '2.50', TIMESTAMP '2026-01-01 10:00:00.123', '2026-01-01'),
                  (CAST(2 AS bigint), 'b', 2.5E0, DECIMAL '3.75', TIMESTAMP '2026-01-02 11:00:00.456', '2026-01-02'))
       AS t(id, name, amount, price, at, dt)`,
  );
  const objectStore = new LocalObjectStore(lake);
  const run = (selectSql: string, declaredColumns?: MaterializeRequest['declaredColumns']) =>
    STRATEGIES.incremental(
      {
        database: 'mart',
        name: 'daily',
        selectSql,
        partitionedBy: ['dt'],
        location: 's3://b/daily/',
        ...(declaredColumns ? { declaredColumns } : {}),
      },
      { engine, objectStore },
    );
  return { engine, run };
}

/** What a reader sees of mart.daily: its description, its columns as a query reports them, and its rows. */
async function tableState(engine: AthenaLocalEngine) {
  const all = await engine.execute('SELECT * FROM mart.daily ORDER BY id');
  return {
    describe: (await engine.execute('DESCRIBE mart.daily')).rows,
    columns: all.columns,
    rows: all.rows,
  };
}

/** The outcome of a first run: the table as read, or the error and whether a table was left. */
async function firstRun(selectSql: string, declared?: MaterializeRequest['declaredColumns']) {
  const { engine, run } = await lakeWithSource();
  const { sent, restore } = recordDuckDBStatements();
  let outcome: unknown;
  try {
    const result = await run(selectSql, declared);
    outcome = { rowsWritten: result.rowsWritten, partitions: result.partitions, table: await tableState(engine) };
  } catch (error) {
    const tables = (await engine.execute("SHOW TABLES IN mart 'daily'")).rows;
    // A write's error names its staging folder: a new one each time.
    const message = (error as Error).message.replace(/\w{6}\/\.duckdb\/staging\/[0-9a-f-]{36}/g, '<staging>');
    outcome = { error: message, tables, table: tables.length > 0 ? await tableState(engine) : undefined };
  } finally {
    restore();
  }
  // Binds of the model's query for its types alone: a temp table of none of its rows.
  const probes = sent.filter((sql) => /^CREATE TEMP TABLE __lake_stage_\w+ AS SELECT \* FROM \(SELECT .*FROM "?mart"?\."?src"?/s.test(sql)).length;
  return { outcome, probes };
}

describe('an incremental first run whose contract declares the columns', () => {
  it("creates the table from them and binds the query only in its write, the table being the query's", async () => {
    const general = await firstRun(QUERY);
    const declared = await firstRun(QUERY, DECLARED);
    expect(general.probes).toBe(1);
    expect(declared.probes).toBe(0);
    expect(declared.outcome).toEqual(general.outcome);
    expect(declared.outcome).toMatchObject({
      rowsWritten: 2,
      table: {
        rows: [
          [1, 'a', 1.5, '2.50', '2026-01-01 10:00:00.123', '2026-01-01'],
          [2, 'b', 2.5, '3.75', '2026-01-02 11:00:00.456', '2026-01-02'],
        ],
      },
    });
  });

  it.each([
    ['a type', DECLARED.map((c) => (c.name === 'id' ? { ...c, type: 'double' } : c))],
    ['a name', DECLARED.map((c) => (c.name === 'name' ? { ...c, name: 'label' } : c))],
    ['the order', [DECLARED[1], DECLARED[0], ...DECLARED.slice(2)]],
    ['a column too many', [...DECLARED.slice(0, -1), { name: 'extra', type: 'varchar' }, DECLARED.at(-1)!]],
    ['a column too few', DECLARED.slice(1)],
    ['a type no table holds', DECLARED.map((c) => (c.name === 'name' ? { ...c, type: 'timestamp(3) with time zone' } : c))],
  ])('that differs from the query in %s: the table of a run without the contract', async (_what, columns) => {
    const general = await firstRun(QUERY);
    const declared = await firstRun(QUERY, columns);
    expect(declared.outcome).toEqual(general.outcome);
    expect(declared.probes).toBe(1);
  });

  it.each([
    ['a bind error', `SELECT id, name, amount + name AS amount, price, at, dt FROM mart.src`],
    ['a runtime error', `SELECT id, name, CAST(name AS double) AS amount, price, at, dt FROM mart.src`],
    ['a table the query cannot have', `SELECT id, name, amount, price, at AT TIME ZONE 'UTC' AS at, dt FROM mart.src`],
  ])('whose query fails with %s: the error and the tables of a run without the contract', async (_what, query) => {
    const general = await firstRun(query);
    const declared = await firstRun(query, DECLARED);
    expect(general.outcome).toHaveProperty('error');
    expect(declared.outcome).toEqual(general.outcome);
  });
});
