// Before each statement the engine makes sure the shims that the catalog's views name exist, from the views' texts,
// which it keeps until the set of views changes. The views this process creates or drops (a Hive table's, a CREATE VIEW
// whose statement defined its shims) change the names it holds, and neither names nor texts are listed again (`lake
// test` drops every fixture table after its test; `npm start` creates ~50 tables and views); a view another process
// made is listed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { recordDuckDBStatements } from '../../helpers/duckdb-statements.js';

const VIEW_LISTING = /^SELECT schema_name, view_name FROM duckdb_views\(\)/;
const TEXT_LISTING = /^SELECT sql FROM duckdb_views\(\)/;

describe("the views' texts", () => {
  let engine: AthenaLocalEngine | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await engine?.close();
    engine = undefined;
  });

  it('are not listed again after this process drops a native or a Hive table (its view leaves the names held)', async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-view-texts-')), inMemory: true });
    await engine.execute("CREATE TABLE native (a int) LOCATION 's3://lake/native/' TBLPROPERTIES ('table_type' = 'ICEBERG')");
    await engine.execute("CREATE EXTERNAL TABLE hive (a int) STORED AS PARQUET LOCATION 's3://lake/hive/'");
    await engine.execute("CREATE VIEW recent AS SELECT date_format(TIMESTAMP '2025-01-02 03:04:05', '%Y') AS y");
    expect((await engine.execute('SELECT y FROM recent')).rows).toEqual([['2025']]);
    const { sent } = recordDuckDBStatements();
    await engine.execute('DROP TABLE native');
    expect((await engine.execute('SELECT y FROM recent')).rows).toEqual([['2025']]);
    expect(sent.filter((sql) => VIEW_LISTING.test(sql))).toEqual([]);
    await engine.execute('DROP TABLE hive');
    expect((await engine.execute('SELECT y FROM recent')).rows).toEqual([['2025']]);
    expect(sent.filter((sql) => VIEW_LISTING.test(sql))).toEqual([]);
    expect(sent.filter((sql) => TEXT_LISTING.test(sql))).toEqual([]);
  });

  it('are not listed again for the Hive tables and views this process creates (its statements defined their shims)', async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-view-texts-')), inMemory: true });
    await engine.execute("CREATE VIEW recent AS SELECT date_format(TIMESTAMP '2025-01-02 03:04:05', '%Y') AS y");
    expect((await engine.execute('SELECT y FROM recent')).rows).toEqual([['2025']]);
    const { sent } = recordDuckDBStatements();
    await engine.execute("CREATE EXTERNAL TABLE hive (a int) STORED AS PARQUET LOCATION 's3://lake/hive/'");
    await engine.execute('INSERT INTO hive VALUES (1)');
    await engine.execute("CREATE VIEW later AS SELECT from_iso8601_timestamp('2025-03-01T10:00:00Z') AS t, a FROM hive");
    expect((await engine.execute('SELECT y FROM recent')).rows).toEqual([['2025']]);
    expect((await engine.execute('SELECT CAST(t AS varchar), a FROM later')).rows).toEqual([['2025-03-01 10:00:00.000 UTC', 1]]);
    expect(sent.filter((sql) => VIEW_LISTING.test(sql))).toEqual([]);
    expect(sent.filter((sql) => TEXT_LISTING.test(sql))).toEqual([]);
  });

  it('are listed again for a view another process created, whose shims this session has not defined', async () => {
    const lakeRoot = mkdtempSync(join(tmpdir(), 'lake-view-texts-'));
    engine = await AthenaLocalEngine.open({ lakeRoot });
    await engine.exclusive(async () => {
      await engine?.execute("CREATE VIEW recent AS SELECT date_format(TIMESTAMP '2025-01-02 03:04:05', '%Y') AS y");
      expect((await engine?.execute('SELECT y FROM recent'))?.rows).toEqual([['2025']]);
    });
    const other = await AthenaLocalEngine.open({ lakeRoot });
    try {
      await other.execute("CREATE VIEW theirs AS SELECT from_iso8601_timestamp('2025-03-01T10:00:00Z') AS t");
    } finally {
      await other.close();
    }
    const { sent } = recordDuckDBStatements();
    expect((await engine.execute('SELECT CAST(t AS varchar) FROM theirs')).rows).toEqual([['2025-03-01 10:00:00.000 UTC']]);
    expect(sent.filter((sql) => TEXT_LISTING.test(sql))).toHaveLength(1);
  });
});
