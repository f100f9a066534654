// An incremental model's first run creates its table from the query (`CREATE TABLE … AS … WITH NO DATA`, which binds
// the query for its columns) and then writes the same query replacing partitions. The write takes the columns the
// statement before bound instead of binding the query once more for them (issue 18: that second type probe cost ~50 ms
// of CPU of the bench's KPI model), but only when nothing can have changed what the query reads in between: the very
// next statement, under the same hold of the lake's writer lock (`exclusive`, as `lake run` holds it).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordDuckDBStatements } from '../../helpers/duckdb-statements.js';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { tempLake } from '../../dialect/lake-helpers.js';

let engine: AthenaLocalEngine;
beforeEach(async () => {
  // A catalog file, as `lake run` has: another process can write it whenever this one does not hold the writer lock.
  engine = await AthenaLocalEngine.open({ lakeRoot: tempLake(), threads: 1 });
  await engine.execute('CREATE DATABASE d');
  await engine.execute(
    "CREATE TABLE d.src WITH (format = 'PARQUET', external_location = 's3://b/src/') AS SELECT * FROM (VALUES (1, 10), (2, 20)) AS t(v, day)",
  );
});
afterEach(() => engine.close());

const QUERY = 'SELECT v * 2 AS v, day FROM d.src';
const create = () =>
  engine.execute(`CREATE TABLE d.out WITH (format = 'PARQUET', partitioned_by = ARRAY['day'], external_location = 's3://b/out/') AS ${QUERY} WITH NO DATA`);
const replace = () => engine.replacePartitions({ database: 'd', name: 'out' }, QUERY);

/** The type probes (the query run into an empty temp table) sent to DuckDB while `work` runs. */
async function probesDuring(work: () => Promise<unknown>): Promise<number> {
  const { sent, restore } = recordDuckDBStatements();
  try {
    await work();
  } finally {
    restore();
  }
  return sent.filter((sql) => /^CREATE TEMP TABLE __lake_stage_\w+ AS SELECT \* FROM \(SELECT .* FROM "?d"?\."?src"?\b/s.test(sql)).length;
}

const written = async () => (await engine.execute('SELECT v, day FROM d.out ORDER BY day')).rows;

describe("an incremental model's first run", () => {
  it('binds the query for its columns once under the writer lock, and writes the same rows', async () => {
    const probes = await probesDuring(() =>
      engine.exclusive(async () => {
        await create();
        await replace();
      }),
    );
    expect(probes).toBe(1);
    expect(await written()).toEqual([
      [2, 10],
      [4, 20],
    ]);
  });

  it('binds it again when the lock was let go in between (another process may have changed the tables)', async () => {
    const probes = await probesDuring(async () => {
      await create();
      await replace();
    });
    expect(probes).toBe(2);
    expect(await written()).toEqual([
      [2, 10],
      [4, 20],
    ]);
  });

  it('binds it again after any statement in between, which may have changed what the query reads', async () => {
    const probes = await probesDuring(() =>
      engine.exclusive(async () => {
        await create();
        await engine.execute('SELECT count(*) FROM d.src');
        await replace();
      }),
    );
    expect(probes).toBe(2);
    expect(await written()).toEqual([
      [2, 10],
      [4, 20],
    ]);
  });
});
