// Every statement checks each Hive table's view against the files present (LakeCatalog.refreshViews, before and after
// the statement). Building the view's SELECT is a pure function of the table's description and the presence of its
// files, and cost ~4 ms per statement over the example's ~30 tables (issue 18): it is built once per pair.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { eventsTable } from './lake-table-fixture.js';

vi.mock('../../../src/engines/local/readers.js', async (original) => {
  const actual = await original<typeof import('../../../src/engines/local/readers.js')>();
  return { ...actual, hiveTableSelect: vi.fn(actual.hiveTableSelect) };
});

// Test files share one module graph (vitest.config.ts, `isolate: false`): the modules under test may have been loaded
// by an earlier file without this file's mock, so they are loaded again here, and again after it without the mock.
vi.resetModules();
afterAll(() => {
  vi.doUnmock('../../../src/engines/local/readers.js');
  vi.resetModules();
});
const readers = await import('../../../src/engines/local/readers.js');
const { CATALOG, LakeCatalog } = await import('../../../src/engines/local/catalog.js');

describe('view SELECTs', () => {
  it('are built once per table description and presence of files, however many statements check them', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`ATTACH ':memory:' AS ${CATALOG}`);
    const lake = mkdtempSync(join(tmpdir(), 'lake-selects-'));
    const catalog = new LakeCatalog(connection, lake);
    await catalog.ensure();
    const table = eventsTable();
    await catalog.put(table);
    vi.mocked(readers.hiveTableSelect).mockClear();
    for (let i = 0; i < 5; i++) await catalog.refreshViews();
    expect(vi.mocked(readers.hiveTableSelect)).not.toHaveBeenCalled();
    await catalog.put({ ...table, properties: { note: 'changed' } });
    for (let i = 0; i < 5; i++) await catalog.refreshViews();
    expect(vi.mocked(readers.hiveTableSelect)).toHaveBeenCalledTimes(1);
    connection.closeSync();
    instance.closeSync();
  });
});
