// The local engine reports what it read from the lake per statement (DuckDB's FileSystem log), the local stand-in for
// Athena's DataScannedInBytes (Athena User Guide, "Working with query results": DataScannedInBytes; Athena bills the
// bytes scanned, and Parquet's columnar layout lets it read only the columns a query uses).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBConnection, DuckDBPreparedStatement } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { ndjson, openLake, tempLake, writeLakeFile } from './lake-helpers.js';

let engine: AthenaLocalEngine;
let lakeRoot: string;
let jsonFile: string;
beforeAll(async () => {
  lakeRoot = tempLake();
  engine = await openLake(lakeRoot);
  jsonFile = writeLakeFile(lakeRoot, 'b/raw/events/part-0.json', ndjson(Array.from({ length: 2000 }, (_, i) => ({ id: i, note: `note ${i} `.repeat(8) }))));
  await engine.execute('CREATE DATABASE d');
  await engine.execute(
    `CREATE EXTERNAL TABLE d.events (id int, note string) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://b/raw/events/'`,
  );
  await engine.execute(
    `CREATE TABLE d.wide WITH (format = 'PARQUET', external_location = 's3://b/curated/wide/') AS SELECT id, note, note || note AS note2 FROM d.events`,
  );
});
afterAll(() => engine.close());

describe('bytes scanned by the local engine', () => {
  it('a JSON table is read whole: the bytes scanned are at least the file size', async () => {
    const result = await engine.execute('SELECT count(*) FROM d.events');
    expect(result.stats.bytesScanned).toBeGreaterThanOrEqual(statSync(jsonFile).size);
  });

  it('a Parquet query reads only the columns it uses: one small column scans less than every column', async () => {
    const one = await engine.execute('SELECT max(id) FROM d.wide');
    const all = await engine.execute('SELECT max(id), max(note), max(note2) FROM d.wide');
    expect(one.stats.bytesScanned).toBeGreaterThan(0);
    expect(all.stats.bytesScanned).toBeGreaterThan(4 * (one.stats.bytesScanned ?? 0));
  });

  it('counts each statement on its own, and a statement that reads no table scans nothing', async () => {
    const first = await engine.execute('SELECT max(id) FROM d.wide');
    const again = await engine.execute('SELECT max(id) FROM d.wide');
    expect(again.stats.bytesScanned).toBe(first.stats.bytesScanned);
    expect((await engine.execute('SELECT 1')).stats.bytesScanned).toBe(0);
  });

  it('costs one log truncation and one log read per statement, prepared once (issue 18: the meter ran ~2 ms per statement)', async () => {
    const sent: string[] = [];
    let preparedRuns = 0;
    const run = DuckDBConnection.prototype.run;
    const preparedRun = DuckDBPreparedStatement.prototype.run;
    const spies = [
      vi.spyOn(DuckDBConnection.prototype, 'run').mockImplementation(function (this: DuckDBConnection, ...args: Parameters<DuckDBConnection['run']>) {
        sent.push(String(args[0]));
        return run.apply(this, args);
      }),
      vi.spyOn(DuckDBPreparedStatement.prototype, 'run').mockImplementation(function (this: DuckDBPreparedStatement) {
        preparedRuns++;
        return preparedRun.apply(this);
      }),
    ];
    try {
      const counts: (number | undefined)[] = [];
      for (let i = 0; i < 4; i++) counts.push((await engine.execute('SELECT max(id) FROM d.wide')).stats.bytesScanned);
      expect(new Set(counts).size).toBe(1);
      // Neither statement's text is parsed again: both run prepared, once each per statement.
      expect(sent.filter((sql) => sql.includes('truncate_duckdb_logs') || sql.includes('duckdb_logs()'))).toEqual([]);
      expect(preparedRuns).toBe(2 * 4);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('an engine opened with meterScans: false (schema discovery) gives the same answers, counts nothing and runs no meter statement', async () => {
    const scratch = await AthenaLocalEngine.open({ lakeRoot: tempLake(), inMemory: true, meterScans: false });
    const metered = await engine.execute('SELECT max(x) FROM (VALUES 1, 2, 3) AS v(x)');
    let preparedRuns = 0;
    const preparedRun = DuckDBPreparedStatement.prototype.run;
    const spy = vi.spyOn(DuckDBPreparedStatement.prototype, 'run').mockImplementation(function (this: DuckDBPreparedStatement) {
      preparedRuns++;
      return preparedRun.apply(this);
    });
    try {
      await scratch.execute('CREATE DATABASE d');
      await scratch.execute("CREATE TABLE d.t WITH (format = 'PARQUET', external_location = 's3://b/t/') AS SELECT x FROM (VALUES 1, 2, 3) AS v(x)");
      const result = await scratch.execute('SELECT max(x) FROM d.t');
      expect(result.rows).toEqual(metered.rows);
      expect(result.stats.bytesScanned).toBe(0);
      expect(preparedRuns).toBe(0);
    } finally {
      spy.mockRestore();
      await scratch.close();
    }
  });

  it('a write counts what it read, not what it wrote', async () => {
    const ctas = await engine.execute(`CREATE TABLE d.copy WITH (format = 'PARQUET', external_location = 's3://b/curated/copy/') AS SELECT id FROM d.events`);
    expect(ctas.stats.bytesScanned).toBeGreaterThanOrEqual(statSync(jsonFile).size);
    expect(join(lakeRoot, 'b')).toBeTruthy();
  });
});
