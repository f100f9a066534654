import { describe, expect, it } from 'vitest';
import { statementGrammar } from '../../src/lint/statement-grammar.js';
import { checkSyntax } from '../../src/lint/syntax.js';

describe('statementGrammar: which engine Athena hands a statement to', () => {
  const cases: Array<[string, string]> = [
    ['SELECT 1', 'trino'],
    ['WITH a AS (SELECT 1) SELECT * FROM a', 'trino'],
    ["CREATE TABLE t WITH (format = 'PARQUET') AS SELECT 1 AS a", 'trino'],
    ['CREATE TABLE t AS (SELECT 1 AS a)', 'trino'],
    ['CREATE OR REPLACE VIEW v AS SELECT 1 AS a', 'trino'],
    ['MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE', 'trino'],
    ["CREATE EXTERNAL TABLE t (a STRING) STORED AS PARQUET LOCATION 's3://b/'", 'hive'],
    ["CREATE TABLE t (a INT) LOCATION 's3://b/' TBLPROPERTIES ('table_type' = 'ICEBERG')", 'hive'],
    ['MSCK REPAIR TABLE t', 'hive'],
    ["ALTER TABLE t ADD PARTITION (dt = '1')", 'hive'],
    ['DROP TABLE IF EXISTS t', 'hive'],
    ['DROP VIEW v', 'trino'],
    ['OPTIMIZE t REWRITE DATA USING BIN_PACK', 'athena'],
  ];
  it.each(cases)('%s → %s', (sql, grammar) => {
    expect(statementGrammar(sql)).toBe(grammar);
  });
});

describe('checkSyntax', () => {
  it('accepts Athena queries: lambdas, 2-argument IF, typed literals, MERGE, variables', async () => {
    const sql = `WITH base AS (
  SELECT transform(xs, x -> x + 1) AS ys, if(a > 1, 'big') AS size, CAST(r AS ROW(a INT, b VARCHAR)) AS r
  FROM "awsdatacatalog"."analytics"."t"
  WHERE ts >= \${period_start} AND ts < TIMESTAMP '2025-01-01 00:00:00 UTC' AND b = '\${lake_bucket}'
)
SELECT * FROM base CROSS JOIN UNNEST(ys) AS u(y);
MERGE INTO \${database}.dim AS d USING base ON d.id = base.id WHEN MATCHED THEN UPDATE SET v = 1;
OPTIMIZE dim REWRITE DATA USING BIN_PACK`;
    expect(await checkSyntax(sql)).toEqual([]);
  });

  it('checks Hive DDL with the Hive grammar and skips Iceberg partition transforms', async () => {
    const ddl = `CREATE EXTERNAL TABLE IF NOT EXISTS crm (
  customer_id INT, \`timestamp\` TIMESTAMP, s STRUCT<a:STRING, b:ARRAY<INT>>
)
PARTITIONED BY (year STRING)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://\${lake_bucket}/raw/'
TBLPROPERTIES ('projection.enabled' = 'true');
MSCK REPAIR TABLE crm;
CREATE TABLE ice (id BIGINT, ts TIMESTAMP) PARTITIONED BY (day(ts), bucket(16, id)) LOCATION 's3://b/i/' TBLPROPERTIES ('table_type' = 'ICEBERG')`;
    expect(await checkSyntax(ddl)).toEqual([]);
    const broken = await checkSyntax("CREATE EXTERNAL TABLE t (\n  a STRING\nLOCATION 's3://b/'", { file: 'sql/ddl/t.sql', lineOffset: 3 });
    expect(broken).toEqual([
      expect.objectContaining({ rule: 'syntax', file: 'sql/ddl/t.sql', line: 6, col: 1, message: expect.stringContaining('(Hive DDL grammar)') }),
    ]);
  });

  it('reports one error per failing statement at its file position', async () => {
    const sql = 'SELECT 1;\n\nSELECT a\nFROM t\nWHERE;\nSELEC 2;\n  SELECT 3 FROM';
    const errors = await checkSyntax(sql, { file: 'sql/transforms/m.sql', lineOffset: 10 });
    expect(errors.map((e) => [e.line, e.col])).toEqual([
      [15, 6],
      [16, 1],
      [17, 16],
    ]);
    expect(errors[1].message).toMatch(/'SELEC' is not valid at this position.*\(Trino grammar\)/);
  });

  it('names variables in messages as the user wrote them', async () => {
    const [error] = await checkSyntax('SELECT * FROM t WHERE a = ${min_rating} ${min_rating}');
    expect(error.message).toContain('${min_rating}');
    expect(error.message).not.toContain('__min_rating_');
  });
});
