// Athena's own statements on the local engine: UNLOAD writes files in the requested format at the location, SHOW
// PARTITIONS / SHOW TBLPROPERTIES list, ALTER TABLE SET/UNSET TBLPROPERTIES and (Iceberg) DROP COLUMN change the
// catalog, and Iceberg time travel is refused.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { openLake, tempLake, writeLakeFile } from './lake-helpers.js';

let engine: AthenaLocalEngine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.\w+(\.gz)?$/.test(f))
    .sort();
const ROWS = "SELECT * FROM (VALUES (1, 'a', '2024-01-01'), (2, 'b', '2024-01-02'), (3, 'c', '2024-01-02')) t(id, name, dt)";

// https://docs.aws.amazon.com/athena/latest/ug/unload.html
describe('UNLOAD', () => {
  it('writes Parquet partitioned by the last columns, readable as a table over the location', async () => {
    const lake = tempLake();
    engine = await openLake(lake);
    const result = await engine.execute(`UNLOAD (${ROWS}) TO 's3://b/unload/' WITH (format = 'PARQUET', partitioned_by = ARRAY['dt'])`);
    expect(result.columns).toEqual([]);
    expect(result.stats.rowsWritten).toBe(3);
    expect(files(join(lake, 'b/unload')).map((f) => f.split('/')[0])).toEqual(['dt=2024-01-01', 'dt=2024-01-02']);
    await engine.execute("CREATE EXTERNAL TABLE u (id int, name string) PARTITIONED BY (dt string) STORED AS PARQUET LOCATION 's3://b/unload/'");
    expect((await engine.execute('SELECT id, name, dt FROM u ORDER BY id')).rows).toEqual([
      [1, 'a', '2024-01-01'],
      [2, 'b', '2024-01-02'],
      [3, 'c', '2024-01-02'],
    ]);
    expect((await engine.execute('SHOW PARTITIONS u')).rows).toEqual([['dt=2024-01-01'], ['dt=2024-01-02']]);
  });

  it('writes gzip JSON and delimited text ("Athena uses gzip for the JSON and TEXTFILE formats")', async () => {
    const lake = tempLake();
    engine = await openLake(lake);
    await engine.execute("UNLOAD (SELECT 1 AS id, 'x' AS s) TO 's3://b/json/' WITH (format = 'JSON')");
    const [json] = files(join(lake, 'b/json'));
    expect(json).toMatch(/\.json\.gz$/);
    expect(JSON.parse(gunzipSync(readFileSync(join(lake, 'b/json', json))).toString())).toEqual({ id: 1, s: 'x' });
    await engine.execute("UNLOAD (SELECT 1 AS id, 'x' AS s, NULL AS n) TO 's3://b/text/' WITH (format = 'TEXTFILE', field_delimiter = ',')");
    const [text] = files(join(lake, 'b/text'));
    expect(gunzipSync(readFileSync(join(lake, 'b/text', text))).toString()).toBe('1,x,\\N\n');
  });

  it("keeps Athena's rules: an empty location, partition keys last, at most 100 partitions; refuses formats it cannot write", async () => {
    engine = await openLake();
    await engine.execute("UNLOAD (SELECT 1 AS id) TO 's3://b/once/' WITH (format = 'PARQUET')");
    await expect(engine.execute("UNLOAD (SELECT 2 AS id) TO 's3://b/once/' WITH (format = 'PARQUET')")).rejects.toThrow(
      /HIVE_PATH_ALREADY_EXISTS: .*s3:\/\/b\/once\/ is not empty/,
    );
    await expect(engine.execute(`UNLOAD (${ROWS}) TO 's3://b/p/' WITH (format = 'PARQUET', partitioned_by = ARRAY['id'])`)).rejects.toThrow(
      /HIVE_COLUMN_ORDER_MISMATCH/,
    );
    await expect(
      engine.execute("UNLOAD (SELECT x, x AS k FROM UNNEST(sequence(1, 101)) AS t(x)) TO 's3://b/many/' WITH (format = 'JSON', partitioned_by = ARRAY['k'])"),
    ).rejects.toThrow(/HIVE_TOO_MANY_OPEN_PARTITIONS/);
    await expect(engine.execute("UNLOAD (SELECT 1 AS id) TO 's3://b/orc/' WITH (format = 'ORC')")).rejects.toThrow(/NOT_SUPPORTED: UNLOAD format 'ORC'/);
    await expect(engine.execute("UNLOAD (SELECT 1 AS id) TO 's3://b/x/' WITH (compression = 'GZIP')")).rejects.toThrow(/UNLOAD needs format =/);
  });
});

// https://docs.aws.amazon.com/athena/latest/ug/show-tblproperties.html, alter-table-set-tblproperties.html
describe('table properties', () => {
  it('SHOW TBLPROPERTIES lists what CREATE TABLE and ALTER TABLE SET/UNSET TBLPROPERTIES recorded', async () => {
    engine = await openLake();
    await engine.execute(
      "CREATE EXTERNAL TABLE orders (id int) STORED AS PARQUET LOCATION 's3://b/orders/' TBLPROPERTIES ('parquet.compression' = 'ZSTD', 'compression_level' = 4)",
    );
    const show = await engine.execute('SHOW TBLPROPERTIES orders');
    expect(show.columns).toEqual([
      { name: 'prpt_name', type: 'varchar' },
      { name: 'prpt_value', type: 'varchar' },
    ]);
    expect(show.rows).toEqual([
      ['compression_level', '4'],
      ['parquet.compression', 'ZSTD'],
    ]);
    await engine.execute("ALTER TABLE orders SET TBLPROPERTIES ('notes' = 'Please don''t drop this table.', 'compression_level' = 5)");
    expect((await engine.execute("SHOW TBLPROPERTIES orders('notes')")).rows).toEqual([["Please don't drop this table."]]);
    expect((await engine.execute("SHOW TBLPROPERTIES orders('compression_level')")).rows).toEqual([['5']]);
    await engine.execute("ALTER TABLE orders UNSET TBLPROPERTIES ('notes')");
    expect((await engine.execute('SHOW TBLPROPERTIES orders')).rows.map((r) => r[0])).toEqual(['compression_level', 'parquet.compression']);
    await expect(engine.execute("ALTER TABLE orders UNSET TBLPROPERTIES ('notes')")).rejects.toThrow(/has no property 'notes'/);
    await expect(engine.execute('SHOW TBLPROPERTIES nope')).rejects.toThrow(/TABLE_NOT_FOUND/);
  });

  it('skip.header.line.count set later changes how the table is read', async () => {
    const lake = tempLake();
    engine = await openLake(lake);
    await engine.execute("UNLOAD (SELECT * FROM (VALUES ('h'), ('a'), ('b')) t(v)) TO 's3://b/lines/' WITH (format = 'TEXTFILE')");
    await engine.execute("CREATE EXTERNAL TABLE lines (v string) ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://b/lines/'");
    expect((await engine.execute('SELECT count(*) FROM lines')).rows).toEqual([[3]]);
    await engine.execute("ALTER TABLE lines SET TBLPROPERTIES ('skip.header.line.count' = '1')");
    expect((await engine.execute('SELECT count(*) FROM lines')).rows).toEqual([[2]]);
  });
});

// https://docs.aws.amazon.com/athena/latest/ug/querying-iceberg-evolving-table-schema.html
describe('ALTER TABLE DROP COLUMN', () => {
  it('drops a column of an Iceberg table; a Hive table is refused as Athena does', async () => {
    engine = await openLake();
    await engine.execute("CREATE TABLE iceberg_table (id int, userid string) LOCATION 's3://b/ice/' TBLPROPERTIES ('table_type' = 'ICEBERG')");
    await engine.execute("INSERT INTO iceberg_table VALUES (1, 'u')");
    await engine.execute('ALTER TABLE iceberg_table DROP COLUMN userid');
    const result = await engine.execute('SELECT * FROM iceberg_table');
    expect(result.columns).toEqual([{ name: 'id', type: 'integer' }]);
    expect(result.rows).toEqual([[1]]);
    await expect(engine.execute('ALTER TABLE iceberg_table DROP COLUMN nope')).rejects.toThrow(/COLUMN_NOT_FOUND/);
    await engine.execute("CREATE EXTERNAL TABLE h (a int, b int) STORED AS PARQUET LOCATION 's3://b/h/'");
    await expect(engine.execute('ALTER TABLE h DROP COLUMN b')).rejects.toThrow(/NOT_SUPPORTED: .*Iceberg tables only/);
  });
});

describe('Iceberg time travel', () => {
  it('is refused before running, never answered from the current data', async () => {
    engine = await openLake();
    await engine.execute("CREATE TABLE ice (id int) LOCATION 's3://b/ice/' TBLPROPERTIES ('table_type' = 'ICEBERG')");
    await expect(engine.execute('SELECT * FROM ice FOR VERSION AS OF 949530903748831860')).rejects.toThrow(/time-travel.*FOR VERSION AS OF/);
    await expect(engine.execute("SELECT * FROM ice FOR TIMESTAMP AS OF TIMESTAMP '2024-01-01 00:00:00 UTC'")).rejects.toThrow(/FOR TIMESTAMP AS OF/);
  });
});

describe('the AWS-documented log tables on the local engine', () => {
  const FIXTURES = new URL('../fixtures/athena-ddl/', import.meta.url).pathname;
  const ddl = (file: string) => readFileSync(join(FIXTURES, file), 'utf8').replace(/;\s*$/, '');

  it('reads VPC flow logs with the documented table ("double-quoted" TBLPROPERTIES, keyword columns, header line)', async () => {
    const lake = tempLake();
    const header = 'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status';
    const record = '2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK';
    writeLakeFile(lake, 'DOC-EXAMPLE-BUCKET/prefix/AWSLogs/{account_id}/vpcflowlogs/{region_code}/date=2024-01-01/log.txt', `${header}\n${record}\n`);
    engine = await openLake(lake);
    await engine.execute(ddl('vpc-flow-logs.sql'));
    expect((await engine.execute('SHOW TBLPROPERTIES vpc_flow_logs')).rows).toEqual([['skip.header.line.count', '1']]);
    const rows = await engine.execute('SELECT srcaddr, dstport, start, "end", action, "date" FROM vpc_flow_logs');
    expect(rows.rows).toEqual([['172.31.16.139', 22, 1418530010, 1418530070, 'ACCEPT', '2024-01-01']]);
  });

  it('refuses tables it cannot read the way Athena does, naming the reason', async () => {
    engine = await openLake();
    await expect(engine.execute(ddl('cloudtrail-logs.sql'))).rejects.toThrow(/cannot read INPUTFORMAT 'com\.amazon\.emr\.cloudtrail\.CloudTrailInputFormat'/);
  });
});
