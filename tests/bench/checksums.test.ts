// The bench compares the peers' tables (dbt-duckdb, SQLMesh: tables in a DuckDB file) with the baseline's (hive
// partitioned Parquet folders) by checksum. The two readers must give the same checksum for the same rows, whatever
// the storage and the column types each writer chose, and a different one when one value differs.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { pipelineChecksums, tableChecksums } from '../../bench/checksums.js';

const work = mkdtempSync(join(tmpdir(), 'bench-checksums-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CURATED = `SELECT * FROM (VALUES
  (1, 'call', TIMESTAMP '2025-03-01 00:10:00', 'phone', 1, 'bad', TIMESTAMP '2025-03-02 00:00:00', 2025, 3, 1, 0),
  (2, 'chat', TIMESTAMP '2025-03-01 01:20:00', NULL, NULL, 'no rating', TIMESTAMP '2025-03-02 00:00:00', 2025, 3, 1, 1)
) AS t(customer_id, interaction_type, "timestamp", channel, rating, message_excerpt, ingestion_time, year, month, day, hour)`;
const KPI = `SELECT hour_start, coalesce(channel, 'unknown') AS channel, interaction_type, count(*) AS interactions,
  count(rating) AS rated_interactions, avg(rating) AS avg_rating, count(*) FILTER (WHERE rating <= 2) AS negative_interactions,
  CAST(count(*) FILTER (WHERE rating <= 2) AS DOUBLE) / nullif(count(rating), 0) AS negative_share,
  CAST(CAST("timestamp" AS DATE) AS VARCHAR) AS dt, hour
FROM (SELECT *, date_trunc('hour', "timestamp") AS hour_start FROM curated) GROUP BY ALL`;

/** The baseline's layout (Parquet, hive folders, DuckDB's types) and a peer's (a DuckDB file, Hive-like narrower types). */
async function write(name: string, curatedSql: string): Promise<{ parquet: string; file: string }> {
  const dir = join(work, name);
  const file = join(dir, 'peer.duckdb');
  mkdirSync(dir);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`CREATE TEMP TABLE curated AS ${curatedSql}`);
    await connection.run(`COPY curated TO '${dir}/processed' (FORMAT parquet, PARTITION_BY (year, month, day, hour))`);
    await connection.run(`COPY (${KPI}) TO '${dir}/kpi' (FORMAT parquet, PARTITION_BY (dt, hour))`);
    await connection.run(`ATTACH '${file}' AS peer`);
    await connection.run('CREATE SCHEMA peer.lakehouse');
    await connection.run(`CREATE TABLE peer.lakehouse.crm_data AS SELECT CAST(customer_id AS SMALLINT) AS customer_id, * EXCLUDE (customer_id) FROM curated`);
    await connection.run(`CREATE TABLE peer.lakehouse.kpis AS ${KPI}`);
    await connection.run('DETACH peer');
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return { parquet: dir, file };
}

describe('bench checksums', () => {
  it('agree between Parquet folders and a DuckDB file holding the same rows, and differ on one changed value', async () => {
    const same = await write('same', CURATED);
    const parquet = await pipelineChecksums(join(same.parquet, 'processed'), join(same.parquet, 'kpi'));
    const table = await tableChecksums(same.file, 'lakehouse.crm_data', 'lakehouse.kpis');
    expect(parquet.curated.rows).toBe(2);
    expect(parquet.kpi.rows).toBe(2);
    expect(table).toEqual(parquet);

    const changed = await write('changed', CURATED.replace("'no rating'", "'no rating!'"));
    const other = await tableChecksums(changed.file, 'lakehouse.crm_data', 'lakehouse.kpis');
    expect(other.curated.rows).toBe(2);
    expect(other.curated.sum).not.toBe(parquet.curated.sum);
    expect(other.kpi).toEqual(parquet.kpi);
  });
});
