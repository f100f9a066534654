// The stacks' view of the SQL files, through the project loader: every scheduled transform and alert (no
// hand-written list), the external tables of sql/ddl parsed for Glue, and the prefixes models write to.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ddlTables, externalTablesOfSql, modelWritePrefixes, scheduledSql, stackProject } from '../../stacks/lib/project-sql.js';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'stacks-sql-'));
  writeFileSync(join(root, 'lakehouse.yaml'), 'database: lakehouse\nstages:\n  local:\n    variables:\n      lake_bucket: local-bucket\n');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, 'sql', path, '..'), { recursive: true });
    writeFileSync(join(root, 'sql', path), text);
  }
  return root;
}

describe('scheduledSql', () => {
  it('lists each scheduled transform and alert with its EventBridge expression, and grows with a new file', async () => {
    const dir = project({
      'transforms/daily_kpis.sql': '/*\nschedule: 0 2 * * *\n*/\nSELECT 1 AS x',
      'transforms/unscheduled.sql': '/*\nmaterialized: view\n*/\nSELECT 1 AS x',
      'alerts/negative_interactions.sql': "/*\nschedule: rate(1 hour)\nalert:\n  condition: count > 10\n  message: 'Alert: {count}'\n*/\nSELECT 1 AS count",
    });
    expect(scheduledSql(await stackProject({ stage: 'test' }, dir))).toEqual([
      {
        kind: 'alert',
        name: 'negative_interactions',
        id: 'alert:negative_interactions',
        file: 'sql/alerts/negative_interactions.sql',
        expression: 'rate(1 hour)',
      },
      { kind: 'model', name: 'daily_kpis', id: 'lakehouse.daily_kpis', file: 'sql/transforms/daily_kpis.sql', expression: 'cron(0 2 * * ? *)' },
    ]);
    writeFileSync(join(dir, 'sql/transforms/hourly.sql'), '/*\nname: hourly_rollup\nschedule: cron(5 * * * ? *)\n*/\nSELECT 1 AS x');
    expect(scheduledSql(await stackProject({ stage: 'test' }, dir)).map((s) => s.name)).toEqual(['negative_interactions', 'daily_kpis', 'hourly_rollup']);
  });

  it('fails on a header the loader rejects, naming the file', async () => {
    const dir = project({ 'transforms/bad.sql': '/*\nschedule: every day\n*/\nSELECT 1 AS x' });
    await expect(stackProject({ stage: 'test' }, dir)).rejects.toThrow(/bad\.sql/);
  });
});

describe('ddlTables', () => {
  it('parses every external table of sql/ddl, substitutes the location after parsing and skips Iceberg tables', async () => {
    const dir = project({
      'ddl/events.sql':
        "CREATE EXTERNAL TABLE IF NOT EXISTS events (id STRING, payload STRUCT<a: INT>)\nPARTITIONED BY (year INT, month INT)\nROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'\nLOCATION 's3://${lake_bucket}/domain-events/';\n" +
        "CREATE TABLE IF NOT EXISTS dim (id BIGINT) LOCATION 's3://${lake_bucket}/curated/dim/' TBLPROPERTIES ('table_type' = 'ICEBERG')",
    });
    const tables = ddlTables(await stackProject({ stage: 'test' }, dir), { lake_bucket: '${Token[TOKEN.1]}' });
    expect(tables).toEqual([
      {
        database: 'lakehouse',
        name: 'events',
        columns: [
          { name: 'id', type: 'STRING', comment: undefined },
          { name: 'payload', type: expect.stringMatching(/^STRUCT<a: ?INT>$/), comment: undefined },
        ],
        partitionKeys: [
          { name: 'year', type: 'INT', comment: undefined },
          { name: 'month', type: 'INT', comment: undefined },
        ],
        storedAs: undefined,
        serde: 'org.openx.data.jsonserde.JsonSerDe',
        serdeProperties: {},
        inputFormat: undefined,
        outputFormat: undefined,
        location: 's3://${Token[TOKEN.1]}/domain-events/',
        tblProperties: {},
        comment: undefined,
      },
    ]);
  });

  it('reports a DDL error with its file and line', () => {
    expect(() => externalTablesOfSql("CREATE EXTERNAL TABLE t (a INT) LOCATION 's3://b/t/' BOGUS", {}, { file: 'sql/ddl/t.sql', line: 3 })).toThrow(
      /^sql\/ddl\/t\.sql:3: /,
    );
  });
});

describe('modelWritePrefixes', () => {
  it('is the lake-bucket prefixes of model locations, each once', async () => {
    const dir = project({
      'transforms/a.sql': '/*\nexternal_location: s3://${lake_bucket}/curated/a\n*/\nSELECT 1 AS x',
      'transforms/b.sql': '/*\nexternal_location: s3://${lake_bucket}/features/daily/\n*/\nSELECT 1 AS x',
      'transforms/c.sql': '/*\nexternal_location: s3://elsewhere/c/\n*/\nSELECT 1 AS x',
      'transforms/v.sql': '/*\nmaterialized: view\n*/\nSELECT 1 AS x',
    });
    expect(modelWritePrefixes(await stackProject({ stage: 'test' }, dir), 'deployed')).toEqual(['curated/a/', 'features/daily/']);
  });

  // Athena writes CTAS/INSERT output with the caller's credentials ("Athena uses the permissions of the principal
  // that runs the query to write query results and CTAS/INSERT INTO data to Amazon S3": Athena User Guide, "Access to
  // Amazon S3" / "Considerations and limitations for CTAS queries"), so every place the runner writes must be granted:
  // the default location of a model without one, and an incremental model's staging folder beside its table.
  it('includes default locations and incremental staging folders, as the runner writes them', async () => {
    const dir = project({
      'transforms/kpis.sql': "/*\nmaterialized: incremental\nperiod: day\npartitioned_by: [d]\n*/\nSELECT 1 AS x, DATE '2024-01-01' AS d",
      'transforms/features.sql':
        "/*\nmaterialized: incremental\nperiod: day\npartitioned_by: [d]\nexternal_location: s3://${lake_bucket}/features/daily/\n*/\nSELECT 1 AS x, DATE '2024-01-01' AS d",
      'transforms/dim.sql': '/*\nmaterialized: table\n*/\nSELECT 1 AS x',
    });
    expect(modelWritePrefixes(await stackProject({ stage: 'test' }, dir), 'deployed')).toEqual([
      'curated/lakehouse/_staging/kpis/',
      'curated/lakehouse/dim/',
      'curated/lakehouse/kpis/',
      'features/_staging/features/',
      'features/daily/',
    ]);
  });
});
