// An incremental model's write (replacePartitions) binds its query once, in the write itself: the query's columns are
// cast by position to the table's, and the checks the type probe made (a query of as many columns as the table, none
// a zoned timestamp or an ipaddress) are folded while the write binds (positionallyChecked). Issue 18: the probe, a
// second bind of the query, cost ~20 ms of CPU of the hourly KPI model's run. A write that fails those checks probes
// the query as before, so its error is Athena's TYPE_MISMATCH, unchanged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordDuckDBStatements } from '../../helpers/duckdb-statements.js';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { tempLake } from '../../dialect/lake-helpers.js';

let engine: AthenaLocalEngine;
beforeEach(async () => {
  engine = await AthenaLocalEngine.open({ lakeRoot: tempLake(), threads: 1 });
  await engine.execute('CREATE DATABASE d');
  await engine.execute(
    "CREATE TABLE d.src WITH (format = 'PARQUET', external_location = 's3://b/src/') AS SELECT * FROM (VALUES (1, 10), (2, 20)) AS t(v, day)",
  );
});
afterEach(() => engine.close());

const QUERY = 'SELECT v * 2 AS v, day FROM d.src';
const create = (query = QUERY) =>
  engine.execute(`CREATE TABLE d.out WITH (format = 'PARQUET', partitioned_by = ARRAY['day'], external_location = 's3://b/out/') AS ${query} WITH NO DATA`);
const replace = (query = QUERY) => engine.replacePartitions({ database: 'd', name: 'out' }, query);

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

describe("an incremental model's replacing write", () => {
  it('binds the query for its columns only in the CREATE of a first run, and writes the rows', async () => {
    expect(await probesDuring(() => engine.exclusive(create))).toBe(1);
    expect(await probesDuring(() => replace())).toBe(0);
    expect(await written()).toEqual([
      [2, 10],
      [4, 20],
    ]);
  });

  it('replaces the partitions of a later run without a probe, casting by position to the table', async () => {
    await create();
    await replace();
    // Names other than the table's, a type to cast (bigint into the integer column): by position, as Athena inserts.
    expect(await probesDuring(() => replace('SELECT CAST(v AS bigint) + 100 AS other, day AS d FROM d.src WHERE day = 20'))).toBe(0);
    expect(await written()).toEqual([
      [2, 10],
      [102, 20],
    ]);
  });

  describe("fails as Athena's INSERT does, after the probe that names the types", () => {
    beforeEach(() => create());

    it('a query of more columns than the table', async () => {
      await expect(replace('SELECT v, v AS w, day FROM d.src')).rejects.toThrow(
        /TYPE_MISMATCH: .*Insert query has mismatched column types: Table: \[int, int\], Query: \[integer, integer, integer\]/,
      );
    });

    it('a query of fewer columns than the table', async () => {
      await expect(replace('SELECT day FROM d.src')).rejects.toThrow(
        /TYPE_MISMATCH: .*Insert query has mismatched column types: Table: \[int, int\], Query: \[integer\]$/,
      );
    });

    it('a zoned timestamp where the table holds text', async () => {
      await engine.execute(
        "CREATE TABLE d.texts WITH (format = 'PARQUET', partitioned_by = ARRAY['day'], external_location = 's3://b/texts/') AS SELECT CAST('x' AS varchar) AS t, 1 AS day WITH NO DATA",
      );
      await expect(
        engine.replacePartitions({ database: 'd', name: 'texts' }, "SELECT TIMESTAMP '2025-03-10 10:00:00 Europe/Paris' AS t, day FROM d.src"),
      ).rejects.toThrow(/TYPE_MISMATCH: .*Insert query has mismatched column types: Table: \[string, int\], Query: \[timestamp\(3\) with time zone, integer\]/);
      await expect(engine.replacePartitions({ database: 'd', name: 'texts' }, "SELECT ARRAY[IPADDRESS '10.0.0.1'] AS t, day FROM d.src")).rejects.toThrow(
        /TYPE_MISMATCH: .*Insert query has mismatched column types: .*Query: \[array\(ipaddress\), integer\]/,
      );
      expect((await engine.execute('SELECT count(*) FROM d.texts')).rows).toEqual([[0]]);
    });
  });
});
