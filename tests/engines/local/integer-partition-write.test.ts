// Integer partition keys are written by splitting on the integer itself (issue 18: splitting a partitioned COPY on the
// key's text cost ~0.4 s of CPU per million rows), with the folders Athena writes: the value as Trino's
// CAST(x AS varchar) renders it (`hour=7`, `k=-3`), NULL as Hive's default partition. Athena User Guide, "Partitioning
// data in Athena": Hive-style partition folders are `key=value`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDuckDBStatements } from '../../helpers/duckdb-statements.js';
import type { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { openLake, tempLake } from '../../dialect/lake-helpers.js';

let engine: AthenaLocalEngine;
let lakeRoot: string;
beforeAll(async () => {
  lakeRoot = tempLake();
  engine = await openLake(lakeRoot);
  await engine.execute('CREATE DATABASE d');
});
afterAll(() => engine.close());

/** The COPY statements sent to DuckDB while `work` runs. */
async function copiesDuring(work: () => Promise<unknown>): Promise<string[]> {
  const { sent, restore } = recordDuckDBStatements();
  try {
    await work();
  } finally {
    restore();
  }
  return sent.filter((sql) => sql.startsWith('COPY') && sql.includes('PARTITION_BY'));
}

const folders = (dir: string) => readdirSync(dir).sort();

describe('integer partition keys', () => {
  it('an INSERT splits on the integer key and names folders as Trino renders the values', async () => {
    await engine.execute(
      "CREATE TABLE d.ints WITH (format = 'PARQUET', partitioned_by = ARRAY['k'], external_location = 's3://b/ints/') AS SELECT 0 AS v, CAST(1 AS bigint) AS k WITH NO DATA",
    );
    const copies = await copiesDuring(() =>
      engine.execute('INSERT INTO d.ints SELECT v, k FROM (VALUES (1, CAST(-3 AS bigint)), (2, 0), (3, 7), (4, 9000000000)) AS t(v, k)'),
    );
    expect(copies).toHaveLength(1);
    expect(copies[0]).toContain('"k" AS "k"');
    expect(copies[0]).not.toContain('CAST("k" AS VARCHAR)');
    // NULL has no folder DuckDB names as Hive does: that write takes the general path, with the same result.
    await engine.execute('INSERT INTO d.ints VALUES (5, NULL)');
    expect(folders(join(lakeRoot, 'b/ints'))).toEqual(['k=-3', 'k=0', 'k=7', 'k=9000000000', 'k=__HIVE_DEFAULT_PARTITION__']);
    const rows = await engine.execute('SELECT v, k FROM d.ints ORDER BY v');
    expect(rows.rows).toEqual([
      [1, -3],
      [2, 0],
      [3, 7],
      [4, 9000000000],
      [5, null],
    ]);
  });

  it("an incremental model's replace splits on the integer key and replaces only the partitions it writes", async () => {
    await engine.execute(
      "CREATE TABLE d.hours WITH (format = 'PARQUET', partitioned_by = ARRAY['day', 'hour'], external_location = 's3://b/hours/') AS SELECT 'a' AS v, 1 AS day, 1 AS hour WITH NO DATA",
    );
    await engine.execute("INSERT INTO d.hours VALUES ('old-1-5', 1, 5), ('old-1-6', 1, 6), ('old-2-5', 2, 5)");
    const copies = await copiesDuring(() =>
      engine.replacePartitions({ database: 'd', name: 'hours' }, "SELECT v, day, hour FROM (VALUES ('new-1-5', 1, 5), ('new-3-0', 3, 0)) AS t(v, day, hour)"),
    );
    expect(copies).toHaveLength(1);
    expect(copies[0]).not.toMatch(/CAST\("(day|hour)" AS VARCHAR\)/);
    expect(folders(join(lakeRoot, 'b/hours'))).toEqual(['day=1', 'day=2', 'day=3']);
    expect(folders(join(lakeRoot, 'b/hours/day=3'))).toEqual(['hour=0']);
    const rows = await engine.execute('SELECT v, day, hour FROM d.hours ORDER BY day, hour');
    expect(rows.rows).toEqual([
      ['new-1-5', 1, 5],
      ['old-1-6', 1, 6],
      ['old-2-5', 2, 5],
      ['new-3-0', 3, 0],
    ]);
  });
});
