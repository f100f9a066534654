// Array columns of a table compared with `=`: Trino 476 gives NULL where a compared pair of elements holds a NULL
// (`ARRAY[1, NULL] = ARRAY[1, NULL]` is NULL, so `WHERE a = b` drops the row; https://trino.io/docs/current/functions/
// comparison.html, checked on the differential oracle), where DuckDB compares NULL elements as values. A comparison
// with a visibly nested operand follows Trino; two columns whose types only DuckDB's binder knows are refused while
// binding, and a plain join key keeps DuckDB's hash join.
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerShims } from '../../src/dialect/shims/index.js';
import { translateStatement } from '../../src/dialect/translate/index.js';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { ndjson, openLake, tempLake, writeLakeFile } from './lake-helpers.js';

let engine: AthenaLocalEngine;
beforeAll(async () => {
  const lakeRoot = tempLake();
  engine = await openLake(lakeRoot);
  writeLakeFile(
    lakeRoot,
    'b/raw/t/part-0.json',
    ndjson([
      { id: 1, tags: [1, null] },
      { id: 2, tags: [1, 2] },
      { id: 3, tags: null },
    ]),
  );
  await engine.execute('CREATE DATABASE d');
  await engine.execute(`CREATE EXTERNAL TABLE d.t (id int, tags array<int>) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://b/raw/t/'`);
});
afterAll(() => engine.close());

describe('array columns compared with =', () => {
  it('a column compared with an ARRAY[…] gives NULL for a NULL element pair', async () => {
    const r = await engine.execute('SELECT id, tags = ARRAY[1, NULL] AS same FROM d.t ORDER BY id');
    expect(r.rows).toEqual([
      [1, null],
      [2, null],
      [3, null],
    ]);
    expect(r.columns[1].type).toBe('boolean');
  });

  it('WHERE NOT (a = b) drops the rows whose comparison is NULL', async () => {
    const r = await engine.execute('SELECT id FROM d.t WHERE NOT (tags = ARRAY[1, NULL]) ORDER BY id');
    expect(r.rows).toEqual([]);
    const unequal = await engine.execute('SELECT id FROM d.t WHERE tags <> ARRAY[2, 2] ORDER BY id');
    expect(unequal.rows).toEqual([[1], [2]]);
  });

  it('a join of two array columns is refused while binding, naming the way to compare as Athena does', async () => {
    await expect(engine.execute('SELECT a.id, b.id FROM d.t a JOIN d.t b ON a.tags = b.tags')).rejects.toThrow(
      /comparing two array, map or row columns \(or one in a JOIN condition\) is refused locally.*CAST one side to its type/,
    );
    await expect(engine.execute('SELECT a.id FROM d.t a, d.t b WHERE a.tags[1] = b.tags')).rejects.toThrow(/refused locally/);
  });

  it('with one side CAST to its type, the join follows Trino: [1, NULL] does not join itself', async () => {
    const r = await engine.execute('SELECT a.id, b.id FROM d.t a JOIN d.t b ON CAST(a.tags AS array(integer)) = b.tags ORDER BY 1');
    expect(r.rows).toEqual([[2, 2]]);
  });

  it('scalar columns still join and filter (the guard costs nothing at run time)', async () => {
    const r = await engine.execute('SELECT a.id, b.id FROM d.t a LEFT JOIN d.t b ON a.id = b.id WHERE a.id = 2');
    expect(r.rows).toEqual([[2, 2]]);
  });

  it('a guarded join of scalar columns is still planned as a hash join', async () => {
    const [step] = translateStatement('SELECT a.k FROM a LEFT JOIN b ON a.k = b.k', { lakeRoot: '/lake', database: 'main' }).steps;
    if (step.kind !== 'sql') throw new Error('expected a SQL step');
    expect(step.sql).toContain('trino_comparable_columns(');
    // Number keys (the guard's typed overload) and text keys (the guards themselves).
    for (const key of ['range', 'CAST(range AS VARCHAR)']) {
      const duck = await DuckDBInstance.create(':memory:');
      const c = await duck.connect();
      await registerShims(c).defineFor(c, [step.sql]);
      await c.run(`CREATE TABLE a AS SELECT ${key} AS k FROM range(100); CREATE TABLE b AS SELECT ${key} AS k FROM range(100)`);
      const plan = await c.runAndReadAll(`EXPLAIN ${step.sql}`);
      expect(JSON.stringify(plan.getRows())).toContain('HASH_JOIN');
      c.closeSync();
    }
  });
});
