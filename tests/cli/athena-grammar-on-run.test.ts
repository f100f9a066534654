// The commands that run a project on the local engine check each file against Athena's grammar first, as `lake lint`
// and `lake sql` do: DuckDB runs syntax of its own that Athena rejects (`1::int`, its PIVOT, `FROM t SELECT …`), so a
// model written that way answered locally and failed on the first Athena run. Such a file is broken like one that
// does not load: it fails with file:line:col, its downstream is skipped, the rest of the project runs.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo, makeProject } from '../project/project-helpers.js';

const project = (model: string) =>
  makeProject({
    'sql/ddl/events.sql': "CREATE EXTERNAL TABLE events (id INT, rating INT)\nSTORED AS PARQUET\nLOCATION 's3://${lake_bucket}/events/'",
    'sql/transforms/good.sql': 'SELECT rating, count(*) AS n FROM events GROUP BY rating',
    'sql/transforms/duckdb_only.sql': model,
    'sql/transforms/after_duckdb_only.sql': 'SELECT x FROM duckdb_only',
    'tests/sql/good.yaml':
      'model: good\ntests:\n  - name: counts per rating\n    given:\n      events: [{ id: 1, rating: 4 }, { id: 2, rating: 4 }]\n    expect:\n      rows: [{ rating: 4, n: 2 }]\n',
    'tests/sql/duckdb_only.yaml': 'model: duckdb_only\ntests:\n  - name: one row\n    expect:\n      rows: [{ x: 1 }]\n',
  });

// Each model DuckDB runs and Athena's grammar rejects, with where lint places the error.
const DUCKDB_ONLY: Array<[string, string, string]> = [
  ['a :: cast', 'SELECT\n  1::int AS x', 'sql/transforms/duckdb_only.sql:2:4:'],
  ['FROM first', 'FROM (VALUES 1) t(x)\nSELECT x', 'sql/transforms/duckdb_only.sql:1:1:'],
  ['QUALIFY', 'SELECT x FROM (VALUES 1) t(x)\nQUALIFY row_number() OVER () = 1', 'sql/transforms/duckdb_only.sql:2:1:'],
];

describe('lake run and lake test refuse a model Athena cannot parse', () => {
  it.each(DUCKDB_ONLY)('%s: lake run fails it at its position, skips its downstream, runs the rest; exit 1', async (_name, sql, at) => {
    const root = project(sql);
    const io = captureIo(root);
    expect(await main(['run', '--lake', join(root, '.lake')], io)).toBe(1);
    expect(io.out).toMatch(new RegExp(`FAIL model +analytics\\.duckdb_only .*\\n +does not load: ${at} .*\\(Trino grammar\\)`));
    expect(io.out).toMatch(/skip model +analytics\.after_duckdb_only/);
    expect(io.out).toMatch(/ok +model +analytics\.good/);
    expect(io.err).toContain(`  ${at} error [syntax] `);
  });

  it('lake test names the model as not loaded with the position and still runs the other tests; exit 1', async () => {
    const root = project('SELECT\n  1::int AS x');
    const io = captureIo(root);
    expect(await main(['test', '--no-checks'], io)).toBe(1);
    expect(io.out).toMatch(/Not loaded \(not tested\)\n {2}ERR {2}analytics\.duckdb_only: sql\/transforms\/duckdb_only\.sql:2:4: .*\(Trino grammar\)/);
    expect(io.out).toContain('ok   good › counts per rating');
  });

  it('the same model in Athena syntax runs and its test passes', async () => {
    const root = project('SELECT\n  CAST(1 AS integer) AS x');
    const run = captureIo(root);
    expect(await main(['run', '--lake', join(root, '.lake')], run)).toBe(0);
    expect(run.out).toMatch(/4 ok, 0 failed, 0 skipped/);
    const test = captureIo(root);
    expect(await main(['test', '--no-checks'], test)).toBe(0);
    expect(test.out).toContain('ok   duckdb_only › one row');
  });
});
