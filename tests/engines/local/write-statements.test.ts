// What a write costs in DuckDB statements: the rows are staged once into a temp table (their types and partitions are
// checked there before anything is written), and the number of rows comes with the staging statement itself — DuckDB
// answers a CTAS with the count of rows it wrote — instead of a count(*) query per write (`lake test` writes every
// fixture, `lake run` every model).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { recordDuckDBStatements } from '../../helpers/duckdb-statements.js';

describe('statements of a write', () => {
  let engine: AthenaLocalEngine | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await engine?.close();
    engine = undefined;
  });

  it('report the rows written without a count query of the staged rows, for INSERT and CTAS, Iceberg and Hive', async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-writes-')), inMemory: true });
    await engine.execute("CREATE TABLE t (a int, b varchar) LOCATION 's3://lake/t/' TBLPROPERTIES ('table_type' = 'ICEBERG')");
    const { sent } = recordDuckDBStatements();
    const written = async (sql: string) => (await engine!.execute(sql)).stats.rowsWritten;
    expect(await written("INSERT INTO t VALUES (1, 'x'), (2, 'y'), (3, NULL)")).toBe(3);
    expect(await written('INSERT INTO t (a) SELECT a FROM t WHERE a > 5')).toBe(0);
    expect(await written("CREATE TABLE h WITH (format = 'PARQUET', external_location = 's3://lake/h/') AS SELECT a FROM t WHERE a < 3")).toBe(2);
    expect(await written("CREATE TABLE e WITH (format = 'PARQUET', external_location = 's3://lake/e/') AS SELECT a FROM t WHERE false")).toBe(0);
    expect((await engine.execute('SELECT (SELECT count(*) FROM t), (SELECT count(*) FROM h), (SELECT count(*) FROM e)')).rows).toEqual([[3, 2, 0]]);
    expect(sent.filter((sql) => sql.startsWith('CREATE TEMP TABLE __lake_stage_')).length).toBe(4);
    expect(sent.filter((sql) => /^SELECT count\(\*\) FROM __lake_stage_/.test(sql))).toEqual([]);
  });
});
