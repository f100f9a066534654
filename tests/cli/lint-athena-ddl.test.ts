// `lake lint` accepts what Athena accepts: the log tables of the Athena User Guide (tests/fixtures/athena-ddl, each
// with its source URL), keyword column names, comments inside column lists, Iceberg schema evolution and Athena's own
// statements (UNLOAD, SHOW PARTITIONS, SHOW TBLPROPERTIES). Iceberg time travel is refused with a position, not a
// syntax error.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { checkFile } from '../../src/lint/file-checks.js';
import { captureIo, makeProject } from '../project/project-helpers.js';

const FIXTURES = new URL('../fixtures/athena-ddl/', import.meta.url).pathname;
const documented = readdirSync(FIXTURES).filter((f) => f.endsWith('.sql'));

const lint = async (sql: string) => {
  const { syntax = [], rules } = await checkFile({ sql, file: 'sql/ddl/t.sql', parse: true });
  return [...syntax, ...rules];
};

describe('lake lint on Athena DDL and statements', () => {
  it('knows every documented log table', () => {
    expect(documented.sort()).toEqual([
      'alb-access-logs-partition-projection.sql',
      'alb-access-logs.sql',
      'cloudfront-logs.sql',
      'cloudfront-standard-logs.sql',
      'cloudtrail-logs-partition-projection.sql',
      'cloudtrail-logs.sql',
      'elb-classic-logs.sql',
      'route53-resolver-logs.sql',
      'vpc-flow-logs-parquet.sql',
      'vpc-flow-logs-partition-projection.sql',
      'vpc-flow-logs.sql',
    ]);
  });

  it.each(documented)('accepts the AWS-documented DDL %s', async (file) => {
    expect(await lint(readFileSync(`${FIXTURES}${file}`, 'utf8'))).toEqual([]);
  });

  it.each([
    ['keyword column names', "CREATE EXTERNAL TABLE t (time string, timestamp string, date date, start bigint, end bigint, type string) LOCATION 's3://b/t/'"],
    ['keyword struct fields', "CREATE EXTERNAL TABLE t (s struct<end:string, `date`:int, time:string>) LOCATION 's3://b/t/'"],
    ['keyword partition keys', "CREATE EXTERNAL TABLE t (a int) PARTITIONED BY (date string) LOCATION 's3://b/t/'"],
    ['comments inside the column list', "CREATE EXTERNAL TABLE t (\n  a string, /* the id */\n  -- b int,\n  c int /* , d int */\n) LOCATION 's3://b/t/'"],
    ['ALTER TABLE DROP COLUMN (Iceberg)', 'ALTER TABLE iceberg_table DROP COLUMN userid'],
    ['SET TBLPROPERTIES with strings', "ALTER TABLE t SET TBLPROPERTIES ('k' = '4')"],
    // https://docs.aws.amazon.com/athena/latest/ug/alter-table-set-tblproperties.html
    ['SET TBLPROPERTIES with an unquoted number', "ALTER TABLE existing_table SET TBLPROPERTIES ('parquet.compression' = 'ZSTD', 'compression_level' = 4)"],
    ['ADD COLUMNS with a keyword name', 'ALTER TABLE t ADD COLUMNS (timestamp string)'],
    // https://docs.aws.amazon.com/athena/latest/ug/unload.html
    [
      'UNLOAD',
      "UNLOAD (SELECT name1, address1, comment1, key1 FROM table1)\nTO 's3://amzn-s3-demo-bucket/partitioned/'\nWITH (format = 'TEXTFILE', partitioned_by = ARRAY['key1'])",
    ],
    [
      'UNLOAD with compression level',
      "UNLOAD (SELECT * FROM old_table) TO 's3://amzn-s3-demo-bucket/' WITH (format = 'PARQUET', compression = 'ZSTD', compression_level = 4)",
    ],
    ['SHOW PARTITIONS', 'SHOW PARTITIONS elb_logs'],
    ['SHOW TBLPROPERTIES', 'SHOW TBLPROPERTIES orders'],
    ['SHOW TBLPROPERTIES of one property', "SHOW TBLPROPERTIES orders('comment')"],
    // https://docs.aws.amazon.com/athena/latest/ug/show-views.html (was a Trino syntax error at 'VIEWS').
    ['SHOW VIEWS', "SHOW VIEWS IN marketing_analytics LIKE 'orders*'"],
  ])('accepts %s', async (_name, sql) => {
    expect(await lint(sql)).toEqual([]);
  });

  it('still reports real syntax errors at their position in DDL with masked names and numbers', async () => {
    expect(await lint("ALTER TABLE t SET TBLPROPERTIES ('compression_level' = 4, x)")).toEqual([
      expect.objectContaining({ rule: 'syntax', line: 1, col: 59, message: expect.stringContaining("'x' is not valid") }),
    ]);
    expect(await lint("CREATE EXTERNAL TABLE t (\n  time string /* c */,\n  end\n) LOCATION 's3://b/'")).toEqual([
      expect.objectContaining({ rule: 'syntax', line: 3, col: 3 }),
    ]);
  });

  it('checks UNLOAD: its query with the Trino grammar, its properties against the documented ones', async () => {
    expect(await lint("UNLOAD (SELECT a FROM t WHERE) TO 's3://b/u/' WITH (format = 'PARQUET')")).toEqual([
      expect.objectContaining({ rule: 'syntax', line: 1, col: 30, message: expect.stringContaining('(Trino grammar)') }),
    ]);
    expect(await lint("UNLOAD (SELECT 1) TO 's3://b/u/'\nWITH (fromat = 'JSON')")).toEqual([
      expect.objectContaining({ rule: 'syntax', line: 2, col: 7, message: expect.stringMatching(/unknown UNLOAD property 'fromat'.*\(Athena statement\)/) }),
    ]);
    expect(await lint("UNLOAD (SELECT 1) TO 's3://b/u/' WITH (compression = 'GZIP')")).toEqual([
      expect.objectContaining({ rule: 'syntax', message: expect.stringContaining('UNLOAD needs format =') }),
    ]);
  });

  // https://docs.aws.amazon.com/athena/latest/ug/querying-iceberg-table-data.html (time travel)
  it('refuses Iceberg time travel with a clear message at its position, not a syntax error', async () => {
    for (const [sql, period, col] of [
      ["SELECT * FROM iceberg_table FOR TIMESTAMP AS OF (current_timestamp - interval '1' day)", 'TIMESTAMP', 29],
      ['SELECT * FROM iceberg_table FOR VERSION AS OF 949530903748831860', 'VERSION', 29],
    ] as const) {
      expect(await lint(sql)).toEqual([
        expect.objectContaining({ rule: 'unfaithful/time-travel', line: 1, col, message: expect.stringContaining(`FOR ${period} AS OF`) }),
      ]);
    }
  });

  it('lake lint passes projects made of the documented tables and Athena statements', async () => {
    // Both ALB statements create alb_logs: one project each.
    const projection = 'alb-access-logs-partition-projection.sql';
    for (const group of [documented.filter((f) => f !== projection), [projection]]) {
      const files: Record<string, string> = {};
      for (const f of group) files[`sql/ddl/${f}`] = readFileSync(`${FIXTURES}${f}`, 'utf8');
      files['sql/ddl/zz_maintenance.sql'] =
        "ALTER TABLE alb_logs SET TBLPROPERTIES ('compression_level' = 4);\nSHOW TBLPROPERTIES alb_logs;\nSHOW PARTITIONS alb_logs";
      const io = captureIo(makeProject(files));
      const code = await main(['lint', '--no-cache'], io);
      expect(io.out).toBe(`${group.length + 1} files checked: 0 errors, 0 warnings\n`);
      expect(code).toBe(0);
    }
  });
});
