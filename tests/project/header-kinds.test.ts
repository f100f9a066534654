// One header schema per file kind (and per model materialization): a key that would have no effect in a file is an
// error at its line, with a "did you mean" or where the key belongs.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseSqlFile } from '../../src/project/header-block.js';
import type { NodeKind } from '../../src/project/model.js';
import { captureIo, makeProject } from './project-helpers.js';

const parse = (header: string, kind: NodeKind = 'model') => parseSqlFile(`/*\n${header}\n*/\nSELECT 1 AS x`, `sql/${kind}/x.sql`, kind);
const problems = (header: string, kind: NodeKind = 'model') =>
  parse(header, kind).diagnostics.map(({ line, col, rule, message, hint }) => ({ line, col, rule, message, hint }));

describe('header keys per file kind', () => {
  it('a model header with alert: is an error at the line of that key, saying where alert belongs', () => {
    expect(problems('tags: [a]\nalert:\n  condition: rows > 0\n  message: hi')).toEqual([
      {
        line: 3,
        col: 1,
        rule: 'header/unknown-key',
        message: "unknown header key 'alert'",
        hint: expect.stringMatching(/^'alert' applies to alert files; this file takes: name, database, /),
      },
    ]);
  });

  it('a DDL header takes no unique_key, schedule or materialized', () => {
    const found = problems('description: raw\nunique_key: [id]\nschedule: rate(1 hour)\nmaterialized: table', 'ddl');
    expect(found.map((d) => [d.line, d.message])).toEqual([
      [3, "unknown header key 'unique_key'"],
      [4, "unknown header key 'schedule'"],
      [5, "unknown header key 'materialized'"],
    ]);
    expect(found[0].hint).toMatch(
      /^'unique_key' applies to models with materialized: incremental or scd2; this file takes: name, database, description, owner, tags, contract$/,
    );
    expect(found[1].hint).toMatch(/^'schedule' applies to alert files, models;/);
  });

  it('alerts and dashboards take only their own keys', () => {
    expect(
      problems('schedule: rate(1 hour)\nalert: { condition: "rows > 0", message: hi }\npartitioned_by: [dt]', 'alert').map((d) => [d.line, d.message]),
    ).toEqual([[4, "unknown header key 'partitioned_by'"]]);
    expect(problems('period: day', 'dashboard').map((d) => [d.line, d.message])).toEqual([[2, "unknown header key 'period'"]]);
    expect(problems('materialized: incremental', 'dashboard')[0]).toMatchObject({
      line: 2,
      rule: 'header/schema',
      message: expect.stringContaining("header 'materialized'"),
    });
  });

  it('a key of another materialization is an error saying which ones take it', () => {
    expect(problems('materialized: table\nunique_key: [id]')).toEqual([
      expect.objectContaining({
        line: 3,
        message: "unknown header key 'unique_key'",
        hint: expect.stringMatching(/^'unique_key' applies to models with materialized: incremental or scd2;/),
      }),
    ]);
    expect(problems('materialized: view\nexternal_location: s3://b/x/').map((d) => [d.line, d.message])).toEqual([
      [3, "unknown header key 'external_location'"],
    ]);
  });

  it('the old flat keys are errors that name the new one: location, format: iceberg', () => {
    expect(problems('location: s3://b/x/')).toEqual([
      expect.objectContaining({ line: 2, message: "unknown header key 'location'", hint: "did you mean 'external_location'?" }),
    ]);
    expect(problems('format: iceberg')).toEqual([
      expect.objectContaining({
        line: 2,
        rule: 'header/schema',
        message: expect.stringContaining('(got "iceberg")'),
        hint: "Iceberg is a table type, not a file format: did you mean 'table_type: iceberg'?",
      }),
    ]);
  });

  it('incremental keys must change what the run does: strategy, table type, key and format agree', () => {
    const at = (header: string) => problems(`materialized: incremental\n${header}`).map((d) => [d.line, d.message]);
    expect(at('partitioned_by: [dt]')).toEqual([]);
    expect(at('table_type: iceberg\nincremental_strategy: merge\nunique_key: [id]')).toEqual([]);
    expect(at('incremental_strategy: append')).toEqual([]);
    expect(at('table_type: iceberg\nincremental_strategy: append')).toEqual([]);
    expect(at('period: day')).toEqual([[2, expect.stringContaining('insert_overwrite replaces the partitions a run writes: it needs partitioned_by')]]);
    expect(at('table_type: iceberg\npartitioned_by: [dt]')).toEqual([
      [3, expect.stringContaining('an Iceberg table takes incremental_strategy: merge or append')],
      [4, expect.stringContaining('partitioned_by is not supported for Iceberg models')],
    ]);
    expect(at('incremental_strategy: merge\nunique_key: [id]')).toEqual([[3, expect.stringContaining('add table_type: iceberg')]]);
    expect(at('table_type: iceberg\nincremental_strategy: merge')).toEqual([[4, expect.stringContaining('merge upserts on unique_key')]]);
    expect(at('partitioned_by: [dt]\nunique_key: [id]')).toEqual([[4, expect.stringContaining('unique_key is the upsert key of incremental_strategy: merge')]]);
    expect(at('table_type: iceberg\nincremental_strategy: append\nformat: json')).toEqual([
      [5, expect.stringContaining('format is the file format of a Hive table')],
    ]);
  });

  it('lake lint reports every header key a file does not take, at its line, and exits 1', async () => {
    const root = makeProject({
      'sql/ddl/raw.sql': "/*\nunique_key: [id]\n*/\nCREATE EXTERNAL TABLE raw.events (id INT)\nLOCATION 's3://${lake_bucket}/e/'",
      'sql/transforms/daily.sql': '/*\ndescription: daily\n\nalert:\n  condition: rows > 0\n  message: hi\n*/\nSELECT id FROM raw.events',
    });
    const io = captureIo(root);
    expect(await main(['lint', '--no-bind'], io)).toBe(1);
    expect(io.out.split('\n').filter((l) => l.startsWith('sql/'))).toEqual([
      "sql/ddl/raw.sql:2:1: error [header/unknown-key] unknown header key 'unique_key'",
      "sql/transforms/daily.sql:4:1: error [header/unknown-key] unknown header key 'alert'",
    ]);
  });

  it('materialized: merge is a MERGE or INSERT written in the file; a query is an error that names the upsert keys', async () => {
    const root = makeProject({ 'sql/transforms/users.sql': '/*\nmaterialized: merge\n*/\nSELECT 1 AS id' });
    const io = captureIo(root);
    expect(await main(['lint', '--no-bind'], io)).toBe(1);
    expect(io.out).toContain(
      'sql/transforms/users.sql:1:1: error [model/merge-statement] materialized: merge runs a MERGE or INSERT into analytics.users written in the file',
    );
    expect(io.out).toContain('incremental_strategy: merge');
  });
});
