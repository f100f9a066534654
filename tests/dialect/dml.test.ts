import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { openLake, tempLake } from './lake-helpers.js';

describe('DML on the local lake', () => {
  let engine: AthenaLocalEngine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it('INSERT INTO a Hive table appends new files into the right partition folders', async () => {
    const lake = tempLake();
    engine = await openLake(lake);
    await engine.execute("CREATE EXTERNAL TABLE t (id int, name string) PARTITIONED BY (dt string) STORED AS PARQUET LOCATION 's3://b/t/'");
    const first = await engine.execute("INSERT INTO t VALUES (1, 'a', '2025-01-01'), (2, 'b', '2025-01-02')");
    expect(first.stats.rowsWritten).toBe(2);
    const second = await engine.execute("INSERT INTO t (dt, id) SELECT '2025-01-01', 3");
    expect(second.stats.rowsWritten).toBe(1);
    expect(readdirSync(join(lake, 'b/t/dt=2025-01-01'))).toHaveLength(2);
    expect(readdirSync(join(lake, 'b/t/dt=2025-01-02'))).toHaveLength(1);
    const rows = await engine.execute('SELECT id, name, dt FROM t ORDER BY id');
    expect(rows.columns.map((c) => c.type)).toEqual(['integer', 'varchar', 'varchar']);
    expect(rows.rows).toEqual([
      [1, 'a', '2025-01-01'],
      [2, 'b', '2025-01-02'],
      [3, null, '2025-01-01'],
    ]);
    await expect(engine.execute('INSERT INTO t SELECT 1')).rejects.toThrow(/TYPE_MISMATCH: .*Insert query has mismatched column types/);
  });

  it("INSERT writes a column it leaves out as a NULL of the declared type, so every file has the table's types", async () => {
    const lake = tempLake();
    engine = await openLake(lake);
    await engine.execute("CREATE EXTERNAL TABLE t (id int, name string, tags array<string>) PARTITIONED BY (dt string) STORED AS PARQUET LOCATION 's3://b/t/'");
    await engine.execute("INSERT INTO t VALUES (1, 'a', ARRAY['x'], '2025-01-01')");
    await engine.execute("INSERT INTO t (dt, id) SELECT '2025-01-01', 3");
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const types = await connection.runAndReadAll(
      `SELECT DISTINCT name, type FROM parquet_schema('${join(lake, 'b/t/dt=2025-01-01/*.parquet')}') WHERE name IN ('name', 'element') ORDER BY ALL`,
    );
    connection.closeSync();
    instance.closeSync();
    // Trino's INSERT (https://trino.io/docs/current/sql/insert.html): "Each column in the table not present in the
    // column list will be filled with a null value" — a value of the table's column, written with its declared Hive
    // type (string: a BYTE_ARRAY column) in every file.
    expect(types.getRows()).toEqual([
      ['element', 'BYTE_ARRAY'],
      ['name', 'BYTE_ARRAY'],
    ]);
    expect((await engine.execute('SELECT id, name, tags FROM t ORDER BY id')).rows).toEqual([
      [1, 'a', ['x']],
      [3, null, null],
    ]);
  });

  it('INSERT into a JSON table writes files the JSON reader takes back', async () => {
    engine = await openLake();
    await engine.execute("CREATE EXTERNAL TABLE j (id bigint, tags array<string>) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://b/j/'");
    await engine.execute("INSERT INTO j VALUES (1, ARRAY['x', 'y'])");
    await engine.execute('INSERT INTO j VALUES (2, NULL)');
    expect((await engine.execute('SELECT * FROM j ORDER BY id')).rows).toEqual([
      [1, ['x', 'y']],
      [2, null],
    ]);
  });

  const ICEBERG = "CREATE TABLE ice (id int, v string) LOCATION 's3://b/ice/' TBLPROPERTIES ('table_type' = 'ICEBERG')";

  it('Iceberg tables take INSERT, UPDATE, DELETE and MERGE (upsert)', async () => {
    engine = await openLake();
    await engine.execute(ICEBERG);
    expect((await engine.execute("INSERT INTO ice VALUES (1, 'a'), (2, 'b'), (3, 'c')")).stats.rowsWritten).toBe(3);
    expect((await engine.execute("UPDATE ice SET v = 'B' WHERE id = 2")).stats.rowsWritten).toBe(1);
    expect((await engine.execute('DELETE FROM ice WHERE id = 3')).stats.rowsWritten).toBe(1);
    const merged = await engine.execute(`MERGE INTO ice AS t
      USING (SELECT * FROM (VALUES (1, 'A'), (4, 'd')) AS s(id, v)) AS s
      ON t.id = s.id
      WHEN MATCHED THEN UPDATE SET v = s.v
      WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.v)`);
    expect(merged.stats.rowsWritten).toBe(2);
    expect((await engine.execute('SELECT id, v FROM ice ORDER BY id')).rows).toEqual([
      [1, 'A'],
      [2, 'B'],
      [4, 'd'],
    ]);
  });

  it('MERGE fails like Trino when one target row matches several source rows, and changes nothing', async () => {
    engine = await openLake();
    await engine.execute(ICEBERG);
    await engine.execute("INSERT INTO ice VALUES (1, 'a')");
    await expect(
      engine.execute(`MERGE INTO ice t USING (SELECT * FROM (VALUES (1, 'x'), (1, 'y')) AS s(id, v)) s ON t.id = s.id
        WHEN MATCHED THEN UPDATE SET v = s.v`),
    ).rejects.toThrow(/MERGE_TARGET_ROW_MULTIPLE_MATCHES: .*One MERGE target table row matched more than one source row/);
    expect((await engine.execute('SELECT v FROM ice')).rows).toEqual([['a']]);
    // Several source rows that match no target row are fine.
    await engine.execute(`MERGE INTO ice t USING (SELECT * FROM (VALUES (5, 'x'), (6, 'y')) AS s(id, v)) s ON t.id = s.id
        WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.v)`);
    expect((await engine.execute('SELECT count(*) AS n FROM ice')).rows).toEqual([[3]]);
  });

  it('MERGE, UPDATE and DELETE on a Hive table fail as on Athena', async () => {
    engine = await openLake();
    await engine.execute("CREATE EXTERNAL TABLE h (id int) STORED AS PARQUET LOCATION 's3://b/h/'");
    await expect(engine.execute('MERGE INTO h t USING h s ON t.id = s.id WHEN MATCHED THEN DELETE')).rejects.toThrow(
      /NOT_SUPPORTED: .*MERGE is only supported for Iceberg tables/,
    );
    await expect(engine.execute('DELETE FROM h')).rejects.toThrow(/DELETE is only supported for Iceberg tables/);
    await expect(engine.execute('UPDATE missing SET id = 1')).rejects.toThrow(/TABLE_NOT_FOUND/);
  });
});
