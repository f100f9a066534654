// The bind cache of `CREATE TABLE … AS <query> WITH NO DATA` (src/engines/local/bind-cache.ts): queries that differ
// only in the names of the tables they read, over tables of the same columns, share one bind (issue 18: `lake lint`
// of 1,000 models). The reference is the same statements in an engine without the cache: every table created with the
// cache has the columns and types it has without, and every failure is the same error. Each case is a way a shared
// bind could be wrong: other column types, a column named like a table, a row field named like a table, an output
// column named after a table, a function named like a table, a view replaced under its name.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BindCache } from '../../../src/engines/local/bind-cache.js';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';

let cached: AthenaLocalEngine;
let reference: AthenaLocalEngine;
const open = (bindCache: boolean) => AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-bind-cache-')), inMemory: true, bindCache });

beforeAll(async () => {
  [cached, reference] = await Promise.all([open(true), open(false)]);
  for (const engine of [cached, reference]) await engine.execute('CREATE DATABASE d');
});
afterAll(async () => {
  await Promise.all([cached.close(), reference.close()]);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const table = (name: string, columns: string) => `CREATE TABLE d.${name} (${columns}) LOCATION 's3://lake/${name}/' TBLPROPERTIES ('table_type' = 'ICEBERG')`;
const ctas = (name: string, query: string) => `CREATE TABLE d.${name} WITH (table_type = 'ICEBERG', location = 's3://lake/${name}/') AS ${query} WITH NO DATA`;

/** The columns of the table each statement's CTAS creates (or its error), the same statements run in `engine`. */
async function created(engine: AthenaLocalEngine, statements: readonly string[]): Promise<unknown[]> {
  const outcomes: unknown[] = [];
  for (const sql of statements) {
    const target = /^CREATE TABLE d\.(\w+) WITH/.exec(sql)?.[1];
    try {
      if (target === undefined) {
        await engine.execute(sql, { database: 'd' });
        continue;
      }
      outcomes.push(await engine.createEmptyTable(sql, { database: 'd' }));
    } catch (error) {
      outcomes.push({ error: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcomes;
}

/** Runs the statements in both engines: the same outcomes, and how many CTAS binds the cache answered. */
async function compare(statements: readonly string[]): Promise<{ outcomes: unknown[]; hits: number }> {
  const get = vi.spyOn(BindCache.prototype, 'get');
  const outcomes = await created(cached, statements);
  const hits = get.mock.results.filter((r) => r.value !== undefined).length;
  expect(outcomes).toEqual(await created(reference, statements));
  return { outcomes, hits };
}

describe('the bind cache of CREATE TABLE … WITH NO DATA', () => {
  it('binds a query once for every table of the same columns it reads', async () => {
    const model = (input: string) => `SELECT id, sum(v) AS total, count(*) AS n FROM ${input} WHERE v > 0 GROUP BY id`;
    const { outcomes, hits } = await compare([
      table('s1', 'id bigint, v double'),
      table('s2', 'id bigint, v double'),
      table('s3', 'id bigint, v double'),
      ctas('o1', model('s1')),
      ctas('o2', model('s2')),
      ctas('o3', model('s3')),
    ]);
    expect(hits).toBe(2);
    expect(outcomes[2]).toEqual([
      { name: 'id', type: 'bigint' },
      { name: 'total', type: 'double' },
      { name: 'n', type: 'bigint' },
    ]);
  });

  it('reads back the columns of a table created with other types under the same names', async () => {
    const { outcomes } = await compare([
      table('r1', 'id bigint'),
      ctas('e1', 'SELECT id AS a FROM r1'),
      ctas('e2', 'SELECT CAST(id AS varchar) AS a FROM r1'),
      ctas('e3', 'SELECT CAST(id AS double) AS a FROM r1'),
    ]);
    expect(outcomes).toEqual([[{ name: 'a', type: 'bigint' }], [{ name: 'a', type: 'varchar' }], [{ name: 'a', type: 'double' }]]);
  });

  it('binds again over a table whose columns have other types', async () => {
    const { outcomes } = await compare([
      table('t1', 'id bigint, v double'),
      table('t2', 'id bigint, v varchar'),
      ctas('u1', 'SELECT id, sum(v) AS s FROM t1 GROUP BY id'),
      ctas('u2', 'SELECT id, sum(v) AS s FROM t2 GROUP BY id'),
    ]);
    expect(outcomes[1]).toHaveProperty('error');
  });

  it('tells a column named like the table read from one named like another table', async () => {
    // `SELECT a2 FROM a2` reads table a2 as a row (it has no column a2); `SELECT a1 FROM a1` reads column a1.
    const { outcomes } = await compare([
      table('a1', 'a1 bigint'),
      table('a2', 'a1 bigint'),
      ctas('b1', 'SELECT a1 AS c FROM a1'),
      ctas('b2', 'SELECT a2 AS c FROM a2'),
    ]);
    expect(outcomes[0]).not.toEqual(outcomes[1]);
  });

  it("binds a row's field named like a table itself", async () => {
    const { outcomes } = await compare([
      table('p1', 'r struct<p1:bigint>'),
      table('p2', 'r struct<p1:bigint>'),
      ctas('g1', 'SELECT r.p1 AS c FROM p1'),
      ctas('g2', 'SELECT r.p2 AS c FROM p2'),
    ]);
    expect(outcomes[1]).toHaveProperty('error');
  });

  it('keeps a column named after the table read under its own name', async () => {
    const { outcomes } = await compare([
      table('q1', 'id bigint'),
      table('q2', 'id bigint'),
      ctas('h1', 'SELECT id AS q1 FROM q1'),
      ctas('h2', 'SELECT id AS q2 FROM q2'),
    ]);
    expect(outcomes[1]).toEqual([{ name: 'q2', type: 'bigint' }]);
  });

  it('binds a function named like a table itself', async () => {
    const { outcomes } = await compare([
      // Both calls reach DuckDB under their own names: abs of a bigint is a bigint, cos a double.
      table('abs', 'x bigint'),
      table('cos', 'x bigint'),
      ctas('k1', 'SELECT abs(x) AS c FROM abs'),
      ctas('k2', 'SELECT cos(x) AS c FROM cos'),
    ]);
    expect(outcomes[1]).toEqual([{ name: 'c', type: 'double' }]);
  });

  it('binds again after a view is replaced under its name', async () => {
    const { outcomes } = await compare([
      'CREATE VIEW d.v AS SELECT 1 AS x',
      ctas('w1', 'SELECT x FROM v'),
      "CREATE OR REPLACE VIEW d.v AS SELECT 'a' AS x",
      ctas('w2', 'SELECT x FROM v'),
    ]);
    expect(outcomes[1]).toEqual([{ name: 'x', type: 'varchar' }]);
  });
});
