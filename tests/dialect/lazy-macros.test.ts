// The ~200 macro shims are created when a statement first names one, not at every engine open (issue 18: creating
// them all cost ~65 ms of CPU per open, and `lake test`, `lake run` and every CLI command open an engine). A view's
// body names shims too: a view written by one process is readable by another that never ran those functions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordDuckDBStatements } from '../helpers/duckdb-statements.js';
import { MacroSet } from '../../src/dialect/shims/macro-set.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';

const MACRO_CREATION = /CREATE OR REPLACE TEMP MACRO (\w+)/g;

describe('macro shims on demand', () => {
  const opened: AthenaLocalEngine[] = [];
  const lakes: string[] = [];
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const engine of opened.splice(0)) await engine.close();
    for (const lake of lakes.splice(0)) rmSync(lake, { recursive: true, force: true });
  });
  const open = async (lakeRoot: string, inMemory = false) => {
    const engine = await AthenaLocalEngine.open({ lakeRoot, inMemory });
    opened.push(engine);
    return engine;
  };
  /** Names of the macros created() from now on, in creation order. */
  const recordMacros = (): (() => string[]) => {
    const { sent } = recordDuckDBStatements();
    return () => sent.flatMap((sql) => [...sql.matchAll(MACRO_CREATION)].map((match) => match[1]));
  };

  it('opens with none, creates what a statement names with what those need, and each only once', async () => {
    const created = recordMacros();
    const lake = mkdtempSync(join(tmpdir(), 'lake-macros-'));
    lakes.push(lake);
    const engine = await open(lake, true);
    expect((await engine.execute('SELECT 1 + 1')).rows).toEqual([[2]]);
    // Only the json_extract stand-in no text names (macro-set.ts ALWAYS: a json member or subscript fails as in Athena).
    expect(created()).toEqual(['json_extract']);
    // from_iso8601_timestamp builds the zoned struct through trino_tz_from_wall, which needs trino_tz_from_instant…
    const sql = "SELECT to_iso8601(from_iso8601_timestamp('2025-03-01T10:00:00+02:00'))";
    expect((await engine.execute(sql)).rows).toEqual([['2025-03-01T10:00:00.000+02:00']]);
    expect(created()).toEqual(expect.arrayContaining(['trino_from_iso8601_timestamp', 'trino_tz_from_wall', 'trino_tz_from_instant', 'trino_to_iso8601']));
    expect(created().indexOf('trino_tz_from_instant')).toBeLessThan(created().indexOf('trino_tz_from_wall'));
    const count = created().length;
    expect(count).toBeLessThan(30);
    expect((await engine.execute(sql)).rows).toEqual([['2025-03-01T10:00:00.000+02:00']]);
    expect(created().length).toBe(count);
  });

  it("reads a view whose body names shims this engine's statements never named", async () => {
    const lake = mkdtempSync(join(tmpdir(), 'lake-macros-'));
    lakes.push(lake);
    const writer = await open(lake);
    await writer.execute("CREATE VIEW hours AS SELECT date_trunc('hour', from_iso8601_timestamp('2025-03-01T10:42:00Z')) AS h");
    const reader = await open(lake);
    const { sent } = recordDuckDBStatements();
    for (let i = 0; i < 3; i++) expect((await reader.execute('SELECT CAST(h AS varchar) FROM hours')).rows).toEqual([['2025-03-01 10:00:00.000 UTC']]);
    // Rendering every view's SQL costs ~4 ms: done again only when the set of views changes.
    expect(sent.filter((sql) => sql.startsWith('SELECT sql FROM duckdb_views()')).length).toBe(1);
    await writer.execute("CREATE VIEW days AS SELECT date_trunc('day', from_iso8601_timestamp('2025-03-01T10:42:00Z')) AS d");
    expect((await reader.execute('SELECT CAST(d AS varchar) FROM days')).rows).toEqual([['2025-03-01 00:00:00.000 UTC']]);
  });

  it('creates a macro after one its body names even when the full list has that one later (CAST to json names trino_fail)', async () => {
    const set = new MacroSet([
      'CREATE OR REPLACE TEMP MACRO trino_early(x) AS trino_late(x) + 1',
      'CREATE OR REPLACE TEMP MACRO trino_other(x) AS x',
      'CREATE OR REPLACE TEMP MACRO trino_late(x) AS x * 2',
    ]);
    expect(set.missingFor(['SELECT trino_other(1), trino_early(2)'])).toEqual(['trino_late', 'trino_early', 'trino_other']);
    const engine = await open(mkdtempSync(join(tmpdir(), 'lake-macros-')), true);
    expect((await engine.execute("SELECT CAST(ARRAY[1] AS json) AS a, CAST(MAP(ARRAY['k'], ARRAY[2]) AS json) AS m")).rows).toEqual([['[1]', '{"k":2}']]);
  });
});
