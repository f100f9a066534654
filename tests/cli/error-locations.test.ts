// Engine errors name the file:line:col of the SQL the user wrote — after the header, through variable substitution,
// the materialization wrapper and the translation to DuckDB — in `lake run`, `lake test`, `lake sql --file` (alerts:
// tests/alerts/evaluation.test.ts). An unknown table never suggests DuckDB's own catalog (pg_sequences…), which
// Athena does not have.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { locateEngineError } from '../../src/project/error-location.js';
import { captureIo, makeProject } from '../project/project-helpers.js';

const DDL =
  "CREATE EXTERNAL TABLE raw_reviews (id INT, rating INT, channel STRING, ts TIMESTAMP)\nSTORED AS PARQUET\nLOCATION 's3://${lake_bucket}/raw_reviews/'";
// Header of 5 lines; the unknown column `ratng` is on file line 9, column 5.
const MODEL = `/*
materialized: table
tags: [x]
description: ratings per channel
*/
SELECT
  channel,
  count(*) AS reviews,
  max(ratng) AS top_rating
FROM raw_reviews
WHERE ts < \${now}
GROUP BY channel
`;

const project = () =>
  makeProject({
    'sql/ddl/raw_reviews.sql': DDL,
    'sql/transforms/ratings.sql': MODEL,
    'tests/sql/ratings.yaml':
      'model: ratings\ntests:\n  - name: averages\n    vars: { now: "2025-03-10 00:00:00" }\n    given:\n      raw_reviews: [{ id: 1, rating: 4, channel: web, ts: "2025-03-01 00:00:00" }]\n    expect:\n      rows: [{ channel: web, reviews: 1 }]\n',
  });

describe('engine errors at the file position', () => {
  it('lake run: the model file, the line after the header, the column of the unknown name, and that line shown', async () => {
    const root = project();
    const io = captureIo(root);
    expect(await main(['run', '--lake', join(root, '.lake')], io)).toBe(1);
    expect(io.out).toContain('sql/transforms/ratings.sql:9:7: Binder Error: Referenced column "ratng" not found');
    expect(io.out).toContain('9 |   max(ratng) AS top_rating\n');
    expect(io.out).not.toMatch(/LINE \d+:/);
  });

  it('lake run: an unknown column inside avg() keeps its name and position (not a macro overload error)', async () => {
    const root = makeProject({ 'sql/ddl/raw_reviews.sql': DDL, 'sql/transforms/ratings.sql': MODEL.replace('max(ratng)', 'avg(ratng)') });
    const io = captureIo(root);
    expect(await main(['run', '--lake', join(root, '.lake')], io)).toBe(1);
    expect(io.out).toContain('sql/transforms/ratings.sql:9:7: Binder Error: Referenced column "ratng" not found');
    expect(io.out).not.toContain('overloads');
  });

  it('lake test: the same position, not the first line of the query', async () => {
    const io = captureIo(project());
    expect(await main(['test', '--no-checks'], io)).toBe(1);
    expect(io.out).toContain('sql/transforms/ratings.sql:9:7: the model failed on the fixtures: Binder Error: Referenced column "ratng" not found');
  });

  it('lake sql --file: the script line and column of each failing statement', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lake-sql-at-'));
    writeFileSync(join(dir, 'q.sql'), 'SELECT 1;\n\nSELECT x,\n  y + 1 AS z,\n  no_such_col\nFROM (VALUES (1, 2)) AS t(x, y)');
    const io = captureIo(dir);
    expect(await main(['sql', '--lake', dir, '--file', 'q.sql'], io)).toBe(1);
    expect(io.err).toMatch(/^error: statement 2 \(q\.sql:5:3: SELECT x,\) failed: Binder Error: Referenced column "no_such_col" not found/);
    expect(io.err).toContain('5 |   no_such_col\n');
    const syntax = captureIo(dir);
    expect(await main(['sql', '--lake', dir, '-e', 'SELECT 1;\nSELECT count(* FROM t'], syntax)).toBe(1);
    expect(syntax.err).toMatch(/^error: statement 2 \(line 2:16: SELECT count\(\* FROM t\) failed: 'FROM' is not valid at this position \(Trino grammar\)/);
  });

  it('lake sql: an unknown table suggests no DuckDB internals', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lake-sql-at-'));
    const io = captureIo(dir);
    expect(await main(['sql', '--lake', dir, '-e', 'SELECT * FROM pg_sequencs'], io)).toBe(1);
    expect(io.err).toContain('Table with name pg_sequencs does not exist');
    expect(io.err).not.toContain('pg_sequences');
    const created = captureIo(dir);
    expect(await main(['sql', '--lake', dir, '-e', 'CREATE TABLE reviews AS SELECT 1 AS id; SELECT * FROM reviewz'], created)).toBe(1);
    expect(created.err).toContain('Did you mean "reviews"?');
  });

  it('lake run: a table not built yet suggests no DuckDB internals either (CTAS reaches DuckDB directly)', async () => {
    const root = project();
    const io = captureIo(root);
    expect(await main(['run', 'ratings', '--lake', join(root, '.lake')], io)).toBe(1);
    expect(io.out).toContain('sql/transforms/ratings.sql:10:6:');
    expect(io.out).not.toMatch(/Did you mean "(pg_|duckdb_)/);
  });

  it('lake run: a DDL statement the local engine rejects names the file line of that statement, not "line 1: <sql>:1:14"', async () => {
    const root = makeProject({
      'sql/ddl/two.sql':
        "/*\ndescription: two tables\n*/\nCREATE EXTERNAL TABLE a (id INT)\nSTORED AS PARQUET\nLOCATION 's3://${lake_bucket}/a/';\n\nCREATE TABLE b (id INT)",
    });
    const io = captureIo(root);
    expect(await main(['run', '--lake', join(root, '.lake')], io)).toBe(1);
    expect(io.out).toContain('      sql/ddl/two.sql:8:14: Athena creates Hive tables only with CREATE EXTERNAL TABLE');
    expect(io.out).not.toContain('<sql>');
  });

  it('picks the occurrence on the line the engine echoed when a name appears more than once', () => {
    const source = { file: 'f.sql', sql: 'SELECT ratng\nFROM t\nWHERE x = 1 AND ratng > 2', bodyLine: 4 };
    const message = 'Binder Error: Referenced column "ratng" not found\n\nLINE 9: WHERE x = 1 AND ratng > 2\n                        ^';
    expect(locateEngineError(message, source)).toEqual({ line: 6, col: 17 });
    expect(locateEngineError('Binder Error: Referenced column "ratng" not found', source)).toEqual({ line: 4, col: 8 });
    expect(locateEngineError('Some error naming nothing', source)).toBeUndefined();
  });

  it("places UNNEST's bind-time refusals at the UNNEST", () => {
    const source = { file: 'f.sql', sql: 'SELECT a\nFROM v\nCROSS JOIN unnest(v.items)', bodyLine: 1 };
    expect(locateEngineError('UNNEST of an array of rows: Athena gives a column per field of the row', source)).toEqual({ line: 3, col: 12 });
    expect(locateEngineError('INVALID_FUNCTION_ARGUMENT: Cannot unnest type: unknown', source)).toEqual({ line: 3, col: 12 });
  });
});
