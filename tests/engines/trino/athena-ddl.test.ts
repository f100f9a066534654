// Athena runs DDL through Hive (https://docs.aws.amazon.com/athena/latest/ug/ddl-reference.html); Trino's parser takes
// only its own CREATE SCHEMA/CREATE TABLE (https://trino.io/docs/current/sql/create-table.html).
import { describe, expect, it } from 'vitest';
import { toTrinoStatement } from '../../../src/engines/trino/athena-ddl.js';

describe('toTrinoStatement: Athena DDL → Trino DDL', () => {
  it.each([
    ['CREATE DATABASE IF NOT EXISTS `sales`', 'CREATE SCHEMA IF NOT EXISTS "sales"'],
    ['DROP DATABASE sales CASCADE;', 'DROP SCHEMA sales CASCADE'],
    ['DROP TABLE IF EXISTS `sales`.`orders`', 'DROP TABLE IF EXISTS "sales"."orders"'],
    [
      "CREATE EXTERNAL TABLE sales.orders (id bigint, `name` string, tags array<string>, attrs map<string,int>, item struct<sku:string,qty:int>, price decimal(10,2), at timestamp, raw binary, f float) PARTITIONED BY (dt string) STORED AS PARQUET LOCATION 's3://b/orders/'",
      'CREATE TABLE "sales"."orders" ("id" bigint, "name" varchar, "tags" array(varchar), "attrs" map(varchar, integer), "item" row("sku" varchar, "qty" integer), "price" decimal(10,2), "at" timestamp(3), "raw" varbinary, "f" real, "dt" varchar)',
    ],
    ["CREATE TABLE IF NOT EXISTS s.t (a int) LOCATION 's3://x/' TBLPROPERTIES ('table_type' = 'ICEBERG')", 'CREATE TABLE IF NOT EXISTS "s"."t" ("a" integer)'],
    ["CREATE TABLE s.t WITH (format = 'PARQUET', external_location = 's3://x/') AS SELECT 1 AS a", 'CREATE TABLE "s"."t" AS SELECT 1 AS a'],
    ["SHOW TABLES IN `sales` 'p2_order*'", "SHOW TABLES FROM \"sales\" LIKE 'p2\\_order%' ESCAPE '\\'"],
    ['SHOW TABLES IN sales', 'SHOW TABLES FROM "sales"'],
    ['SELECT `not an identifier in Trino`', 'SELECT `not an identifier in Trino`'],
    ["INSERT INTO t VALUES ('a;b');", "INSERT INTO t VALUES ('a;b')"],
  ])('%s', (athena, trino) => {
    expect(toTrinoStatement(athena)).toBe(trino);
  });

  it('refuses a SHOW TABLES pattern with alternatives rather than list more tables than Athena would', () => {
    expect(() => toTrinoStatement("SHOW TABLES IN sales 'a|b'")).toThrow(/'\|' alternatives have no Trino form/);
  });

  it('runs nothing for MSCK REPAIR TABLE: Iceberg tables keep their own partitions', () => {
    expect(toTrinoStatement('MSCK REPAIR TABLE `sales`.`orders`')).toBeUndefined();
  });
});
