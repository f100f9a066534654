// Before each statement the engine makes sure the shims that the catalog's views name exist, from the views' texts,
// which it keeps until the set of views changes. Dropping a native (Iceberg) table changes no view, so the texts are
// not listed again (`lake test` drops every fixture table after its test); dropping a Hive table drops its view.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { recordDuckDBStatements } from '../../helpers/duckdb-statements.js';

const VIEW_LISTING = /^SELECT schema_name, view_name FROM duckdb_views\(\)/;

describe("the views' texts", () => {
  let engine: AthenaLocalEngine | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await engine?.close();
    engine = undefined;
  });

  it('are listed again after a Hive table (its view) is dropped, not after a native table is', async () => {
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
    expect(sent.filter((sql) => VIEW_LISTING.test(sql))).toHaveLength(1);
  });
});
