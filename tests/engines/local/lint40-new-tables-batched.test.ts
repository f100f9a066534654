// A scratch engine's new empty tables written in batches (issue 18, lint40: LakeCatalog.addNewTable): `lake lint`
// creates one empty table per model (`CREATE TABLE … AS … WITH NO DATA`) and recorded its description, two DuckDB
// statements per model. A scratch engine (in memory, with the bind cache) now keeps a table of column definitions it
// created before, and writes the kept ones in one round trip before anything could see them. The reference is the same
// statements in an engine that writes each at once: every answer, listing and error must be the same, whatever
// statement comes after the creations that were kept.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';

let batched: AthenaLocalEngine;
let reference: AthenaLocalEngine;
const open = (bindCache: boolean) => AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-batched-')), inMemory: true, bindCache });

beforeAll(async () => {
  [batched, reference] = await Promise.all([open(true), open(false)]);
  for (const engine of [batched, reference]) {
    await engine.execute('CREATE DATABASE d');
    await engine.execute("CREATE TABLE d.src (id bigint, v double, k varchar) LOCATION 's3://lake/src/' TBLPROPERTIES ('table_type' = 'ICEBERG')");
  }
});
afterAll(async () => {
  await Promise.all([batched.close(), reference.close()]);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const ctas = (name: string, query: string) => `CREATE TABLE d.${name} WITH (table_type = 'ICEBERG', location = 's3://lake/${name}/') AS ${query} WITH NO DATA`;
const model = (input: string) => `SELECT id, sum(v) AS v, max(k) AS k FROM ${input} GROUP BY id`;

/** Each statement's answer (columns and rows), created columns (a CTAS) or error message, run in `engine`. */
async function outcomes(engine: AthenaLocalEngine, statements: readonly string[]): Promise<unknown[]> {
  const found: unknown[] = [];
  for (const sql of statements) {
    try {
      if (/^CREATE TABLE d\.\w+ WITH/.test(sql)) found.push(await engine.createEmptyTable(sql, { database: 'd' }));
      else {
        const { columns, rows } = await engine.execute(sql, { database: 'd' });
        found.push({ columns, rows });
      }
    } catch (error) {
      found.push({ error: error instanceof Error ? error.message : String(error) });
    }
  }
  return found;
}

/** The statements' outcomes in both engines (equal), and how many DuckDB round trips the batched engine made. */
async function compare(statements: readonly string[]): Promise<{ found: unknown[]; runs: string[] }> {
  const run = vi.spyOn(DuckDBConnection.prototype, 'run');
  const found = await outcomes(batched, statements);
  const runs = run.mock.calls.map((call) => String(call[0]));
  run.mockRestore();
  expect(found).toEqual(await outcomes(reference, statements));
  return { found, runs };
}

describe('new empty tables of a scratch engine, written in batches', () => {
  it('are written together, and what reads them after sees them all', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `a${i}`);
    const { found, runs } = await compare([
      ...names.map((name, i) => ctas(name, model(i === 0 ? 'src' : names[i - 1]))),
      'SHOW TABLES IN d',
      'SELECT count(*) AS n, sum(v) AS t FROM d.a7',
      "SELECT database, name FROM awsdatacatalog.__lake.tables WHERE name LIKE 'a%' ORDER BY 1, 2",
    ]);
    expect(found[11]).toEqual([
      { name: 'id', type: 'bigint' },
      { name: 'v', type: 'double' },
      { name: 'k', type: 'varchar' },
    ]);
    expect((found[12] as { rows: unknown[][] }).rows.map((r) => r[0])).toEqual(expect.arrayContaining([...names, 'src']));
    expect((found[14] as { rows: unknown[][] }).rows).toHaveLength(12);
    // The first table of its definitions is created alone (its definitions not yet known to succeed), the next ones
    // together: far fewer CREATE TABLE round trips than tables, and one INSERT of the catalog's rows for them.
    const creates = runs.filter((sql) => sql.startsWith('CREATE TABLE'));
    expect(creates.length).toBeLessThanOrEqual(3);
    expect(creates.some((sql) => sql.split('CREATE TABLE').length > 5)).toBe(true);
  });

  it('are there for a query of another shape, a DESCRIBE, a drop and a second creation under a kept name', async () => {
    const { found } = await compare([
      ctas('b1', model('src')),
      ctas('b2', model('b1')),
      ctas('b3', model('b2')),
      // Another shape (its bind reads b3), and a join of two kept tables.
      ctas('b4', 'SELECT b3.id, b3.v * 2 AS twice FROM b3 JOIN b2 ON b2.id = b3.id'),
      ctas('b5', model('b3')),
      'DESCRIBE d.b5',
      ctas('b2', model('b5')),
      ctas('b6', model('b5')),
      'DROP TABLE d.b6',
      ctas('b6', model('b4')),
      ctas('b7', model('b6')),
      'SELECT * FROM d.b7',
    ]);
    expect(found[6]).toEqual({ error: expect.stringMatching(/TABLE_ALREADY_EXISTS|already exists/) });
    expect(found[3]).toEqual([
      { name: 'id', type: 'bigint' },
      { name: 'twice', type: 'double' },
    ]);
    expect(found[9]).toMatchObject({ error: expect.any(String) });
  });

  it('are there when a kept creation is followed by a failing statement that reads it', async () => {
    const { found } = await compare([ctas('c1', model('src')), ctas('c2', model('c1')), 'SELECT nosuch FROM d.c2', 'SELECT id + k FROM d.c2']);
    expect(found[2]).toEqual({ error: expect.stringMatching(/nosuch/) });
    expect(found[3]).toMatchObject({ error: expect.any(String) });
  });
});
