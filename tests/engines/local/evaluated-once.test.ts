// A derived table's computed column that the enclosing WHERE filters on is evaluated once per row, not once in the
// filter DuckDB pushes down and again in the projection (issue 18: the curated model parsed each timestamp twice).
// The always-true volatile condition that keeps it in the projection is added only where the answer cannot change.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDuckDBStatements } from '../../helpers/duckdb-statements.js';
import { withItemsEvaluatedOnce } from '../../../src/engines/local/evaluated-once.js';
import { openLake, tempLake } from '../../dialect/lake-helpers.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

const KEYS = new Set(['year', 'hour']);
const rewrite = (sql: string) => withItemsEvaluatedOnce(connection, sql, KEYS);

describe('a filtered computed column of a derived table', () => {
  it('is kept in the projection when the WHERE reads only such columns', async () => {
    const sql = "SELECT s, ts FROM (SELECT *, strptime(s, '%Y-%m-%d') AS ts FROM t WHERE hour = 1) WHERE ts >= DATE '2025-01-01' AND ts < DATE '2026-01-01'";
    expect(await rewrite(sql)).toBe(
      "SELECT s, ts FROM (SELECT *, CASE WHEN random() >= 0 THEN strptime(s, '%Y-%m-%d') END AS ts FROM t WHERE hour = 1) WHERE ts >= DATE '2025-01-01' AND ts < DATE '2026-01-01'",
    );
  });

  it('is left alone when another conjunct could spare rows the expression fails on', async () => {
    const sql = "SELECT ts FROM (SELECT *, strptime(s, '%Y-%m-%d') AS ts FROM t) WHERE ok AND ts >= DATE '2025-01-01'";
    expect(await rewrite(sql)).toBe(sql);
  });

  it('is left alone when it reads only partition keys (its filter prunes files) or the table groups', async () => {
    for (const sql of [
      'SELECT k FROM (SELECT *, year * 100 + hour AS k, concat(year, hour) AS c FROM t) WHERE c > 1',
      'SELECT n FROM (SELECT s, upper(s) AS n FROM t GROUP BY s) WHERE n > 1',
    ]) {
      expect(await rewrite(sql)).toBe(sql);
    }
  });

  it('writes the same rows through an INSERT, with the expression once in the write', async () => {
    const engine = await openLake(tempLake());
    try {
      await engine.execute('CREATE DATABASE d');
      await engine.execute(
        "CREATE TABLE d.src WITH (format = 'PARQUET', external_location = 's3://b/src/') AS SELECT * FROM (VALUES ('2025-01-01T10:00:00.000Z', 1), ('2024-12-31T23:00:00.000Z', 2), ('2025-02-01T00:30:00.000Z', 3)) AS t(s, v)",
      );
      const query =
        "SELECT v, ts, 1 AS day FROM (SELECT *, CAST(from_iso8601_timestamp(s) AS TIMESTAMP) AS ts FROM d.src) WHERE ts >= TIMESTAMP '2025-01-01 00:00:00'";
      await engine.execute(
        `CREATE TABLE d.out WITH (format = 'PARQUET', partitioned_by = ARRAY['day'], external_location = 's3://b/out/') AS ${query} WITH NO DATA`,
      );
      const { sent, restore } = recordDuckDBStatements();
      try {
        await engine.replacePartitions({ database: 'd', name: 'out' }, query);
      } finally {
        restore();
      }
      expect(sent.find((sql) => sql.startsWith('COPY'))).toContain('CASE WHEN random() >= 0 THEN trino_iso8601_wall(s) END AS ts');
      const rows = await engine.execute('SELECT v, CAST(ts AS varchar) FROM d.out ORDER BY v');
      expect(rows.rows).toEqual([
        [1, '2025-01-01 10:00:00.000'],
        [3, '2025-02-01 00:30:00.000'],
      ]);
    } finally {
      await engine.close();
    }
  });
});
