// The demo's summary counts the rows of every table it produced in one statement (issue 18: one statement per table,
// each translated and checked against the catalog, cost ~0.15 s of CPU more); a table that cannot be read is told on
// its own line, the others still counted.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowCounts } from '../../src/cli/demo.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { recordDuckDBStatements } from '../helpers/duckdb-statements.js';

describe("the demo summary's row counts", () => {
  let engine: AthenaLocalEngine;
  beforeEach(async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-row-counts-')), inMemory: true });
    await engine.execute("CREATE TABLE three WITH (format = 'PARQUET', external_location = 's3://lake/three/') AS SELECT * FROM (VALUES 1, 2, 3) AS t(a)");
    await engine.execute("CREATE TABLE none WITH (format = 'PARQUET', external_location = 's3://lake/none/') AS SELECT 1 AS a WITH NO DATA");
    await engine.execute('CREATE VIEW two AS SELECT a FROM three WHERE a > 1');
  });
  afterEach(() => engine.close());

  it('are one statement for all the tables', async () => {
    const { sent } = recordDuckDBStatements();
    expect(await rowCounts(engine, ['three', 'none', 'two'])).toEqual([3, 0, 2]);
    expect(sent.filter((sql) => /count\(\*\)/.test(sql))).toHaveLength(1);
  });

  it('tell a table that cannot be read on its own, and count the others', async () => {
    const counts = await rowCounts(engine, ['three', 'missing', 'two']);
    expect(counts[0]).toBe(3);
    expect(counts[1]).toEqual({ message: expect.stringMatching(/missing/) });
    expect(counts[2]).toBe(2);
  });
});
