import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCreateTable } from '../../src/dialect/ddl-parse.js';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { ndjson, openLake, tempLake, writeLakeFile } from './lake-helpers.js';

describe('parseCreateTable', () => {
  it('reads a Hive CREATE EXTERNAL TABLE: columns, partitions, SerDe, location, properties', () => {
    const stmt = parseCreateTable(`CREATE EXTERNAL TABLE IF NOT EXISTS Raw.Events (
        event_id string COMMENT 'id',
        \`Amount\` decimal(10, 2),
        tags array<string>,
        attrs map<string,int>,
        device struct<os:string, version:int>
      )
      PARTITIONED BY (year string, month string)
      ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' WITH SERDEPROPERTIES ('ignore.malformed.json' = 'true')
      LOCATION 's3://raw-bucket/events/'
      TBLPROPERTIES ('projection.enabled' = 'true', 'projection.year.type' = 'integer')`);
    expect(stmt.kind).toBe('createTable');
    if (stmt.kind !== 'createTable') return;
    expect(stmt).toMatchObject({
      external: true,
      ifNotExists: true,
      name: { parts: ['raw', 'events'] },
      serde: 'org.openx.data.jsonserde.JsonSerDe',
      serdeProperties: { 'ignore.malformed.json': 'true' },
      location: 's3://raw-bucket/events/',
      tblProperties: { 'projection.enabled': 'true', 'projection.year.type': 'integer' },
    });
    expect(stmt.columns.map((c) => [c.name, c.type])).toEqual([
      ['event_id', 'string'],
      ['amount', 'decimal(10, 2)'],
      ['tags', 'array<string>'],
      ['attrs', 'map<string,int>'],
      ['device', 'struct<os:string, version:int>'],
    ]);
    expect(stmt.columns[0].comment).toBe('id');
    expect(stmt.partitionedBy.map((c) => [c.name, c.type])).toEqual([
      ['year', 'string'],
      ['month', 'string'],
    ]);
  });

  it.each([
    [
      "ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' STORED AS TEXTFILE",
      { delimited: { fieldsTerminatedBy: '\t', escapedBy: '\\' }, storedAs: 'TEXTFILE' },
    ],
    ["ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\001'", { delimited: { fieldsTerminatedBy: '\u0001' } }],
    ['STORED AS PARQUET', { storedAs: 'PARQUET' }],
    [
      "ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' STORED AS INPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat' OUTPUTFORMAT 'x'",
      { inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat', outputFormat: 'x' },
    ],
  ])('storage clause %s', (clause, expected) => {
    const stmt = parseCreateTable(`CREATE EXTERNAL TABLE t (a int) ${clause} LOCATION 's3://b/t/'`);
    expect(stmt).toMatchObject(expected);
  });

  it('reads CTAS properties and WITH NO DATA', () => {
    const stmt = parseCreateTable(
      "CREATE TABLE db.t WITH (format = 'JSON', partitioned_by = ARRAY['dt', 'hr'], bucket_count = 4, is_external = false) AS SELECT 1 AS a WITH NO DATA",
    );
    expect(stmt).toMatchObject({
      kind: 'createTableAs',
      properties: { format: 'JSON', partitioned_by: ['dt', 'hr'], bucket_count: 4, is_external: false },
      query: 'SELECT 1 AS a',
      withData: false,
    });
  });

  it('reads Iceberg partition transforms', () => {
    const stmt = parseCreateTable(
      "CREATE TABLE t (id int, ts timestamp, c string) PARTITIONED BY (c, day(ts), bucket(16, id)) LOCATION 's3://b/t/' TBLPROPERTIES ('table_type' = 'ICEBERG')",
    );
    expect(stmt).toMatchObject({ kind: 'createTable', external: false, partitionTransforms: ['c', 'day(ts)', 'bucket(16, id)'] });
  });

  it('names the line and column of a syntax error', () => {
    expect(() => parseCreateTable("CREATE EXTERNAL TABLE t (a int)\nSTORED BY 'x'")).toThrow(/<sql>:2:1: error \[syntax\] expected COMMENT/);
  });
});

describe('external tables on the lake', () => {
  let engine: AthenaLocalEngine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  const FIREHOSE_DDL = `CREATE EXTERNAL TABLE raw.events (
      event_id string, userid bigint, amount decimal(10,2), ts timestamp, tags array<string>, device struct<os:string>
    )
    PARTITIONED BY (year string, month string, day string, hour string)
    ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
    LOCATION 's3://raw-bucket/events/'`;

  it('reads gzip NDJSON in a Firehose layout with declared types, case-insensitive keys and pruned partitions', async () => {
    const lake = tempLake();
    writeLakeFile(
      lake,
      'raw-bucket/events/year=2025/month=03/day=10/hour=07/events-1-2025-03-10-07-00-00-abc.gz',
      ndjson([
        { Event_Id: 'e1', UserId: 7, amount: 12.5, ts: '2025-03-10 07:01:02.345', tags: ['a', 'b'], device: { os: 'ios' }, extra: 'ignored' },
        { event_id: 'e2', userid: 8 },
      ]),
    );
    writeLakeFile(lake, 'raw-bucket/events/year=2025/month=03/day=10/hour=08/events-2.gz', ndjson([{ event_id: 'e3', userid: 9, amount: 1 }]));
    // Not gzip at all: reading it fails, so a query that succeeds cannot have opened it.
    writeLakeFile(lake, 'raw-bucket/events/year=2025/month=03/day=11/hour=00/broken.gz', 'this is not gzip');
    engine = await openLake(lake);
    await engine.execute('CREATE DATABASE raw');
    await engine.execute(FIREHOSE_DDL);

    const result = await engine.execute(
      "SELECT event_id, userid, amount, ts, tags, device, year, month, day, hour FROM raw.events WHERE day = '10' ORDER BY event_id",
    );
    expect(result.columns).toEqual([
      { name: 'event_id', type: 'varchar' },
      { name: 'userid', type: 'bigint' },
      { name: 'amount', type: 'decimal(10,2)' },
      { name: 'ts', type: 'timestamp(3)' },
      { name: 'tags', type: 'array(varchar)' },
      { name: 'device', type: 'row(os varchar)' },
      { name: 'year', type: 'varchar' },
      { name: 'month', type: 'varchar' },
      { name: 'day', type: 'varchar' },
      { name: 'hour', type: 'varchar' },
    ]);
    expect(result.rows).toEqual([
      ['e1', 7, '12.50', '2025-03-10 07:01:02.345', ['a', 'b'], { os: 'ios' }, '2025', '03', '10', '07'],
      ['e2', 8, null, null, null, null, '2025', '03', '10', '07'],
      ['e3', 9, '1.00', null, null, null, '2025', '03', '10', '08'],
    ]);

    const plan = await engine.execute("EXPLAIN ANALYZE SELECT count(*) FROM raw.events WHERE day = '10' AND hour = '07'");
    const text = plan.rows.map((r) => r.join('\n')).join('\n');
    expect(text).toMatch(/Scanning Files: 1\/3/);
    expect(text).toMatch(/Total Files Read: 1\b/);
  });

  it('returns zero rows with the declared schema while the location is empty, and sees files that appear later', async () => {
    const lake = tempLake();
    engine = await openLake(lake);
    await engine.execute('CREATE DATABASE raw');
    await engine.execute(FIREHOSE_DDL);
    const empty = await engine.execute('SELECT event_id, userid, hour FROM raw.events');
    expect(empty.rows).toEqual([]);
    expect(empty.columns).toEqual([
      { name: 'event_id', type: 'varchar' },
      { name: 'userid', type: 'bigint' },
      { name: 'hour', type: 'varchar' },
    ]);
    writeLakeFile(lake, 'raw-bucket/events/year=2025/month=04/day=01/hour=23/f.gz', ndjson([{ event_id: 'late', userid: 1 }]));
    const later = await engine.execute('SELECT event_id, month, hour FROM raw.events');
    expect(later.rows).toEqual([['late', '04', '23']]);
    const partitions = await engine.execute('SHOW PARTITIONS raw.events');
    expect(partitions.rows).toEqual([['year=2025/month=04/day=01/hour=23']]);
  });

  it('reads delimited text with a header line, NULL markers and bad numbers as Hive does', async () => {
    const lake = tempLake();
    writeLakeFile(lake, 'landing/csv/part-1.csv', 'id,name,score\n1,ann,2.5\n2,,x\n3,\\N,4\n');
    engine = await openLake(lake);
    await engine.execute(
      "CREATE EXTERNAL TABLE people (id int, name string, score double) ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://landing/csv/' TBLPROPERTIES ('skip.header.line.count'='1')",
    );
    const result = await engine.execute('SELECT * FROM people ORDER BY id');
    expect(result.columns.map((c) => c.type)).toEqual(['integer', 'varchar', 'double']);
    expect(result.rows).toEqual([
      [1, 'ann', 2.5],
      [2, '', null],
      [3, null, 4],
    ]);
  });

  it('reads OpenCSVSerde files with quoted fields', async () => {
    const lake = tempLake();
    writeLakeFile(lake, 'landing/q/a.csv', '"1","Smith, Ann"\n"2","Lee"\n');
    engine = await openLake(lake);
    await engine.execute(
      "CREATE EXTERNAL TABLE q (id int, name string) ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde' WITH SERDEPROPERTIES ('separatorChar' = ',', 'quoteChar' = '\"') LOCATION 's3://landing/q/'",
    );
    expect((await engine.execute('SELECT * FROM q ORDER BY id')).rows).toEqual([
      [1, 'Smith, Ann'],
      [2, 'Lee'],
    ]);
  });

  it('ADD PARTITION … LOCATION outside the table folder, DROP PARTITION, MSCK REPAIR, SHOW and DROP TABLE keeping files', async () => {
    const lake = tempLake();
    writeLakeFile(lake, 'b/t/dt=2025-01-01/a.json', ndjson([{ v: 1 }]));
    writeLakeFile(lake, 'elsewhere/old-data/b.json', ndjson([{ v: 2 }]));
    engine = await openLake(lake);
    await engine.execute(
      "CREATE EXTERNAL TABLE t (v int) PARTITIONED BY (dt date) ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe' LOCATION 's3://b/t/'",
    );
    await engine.execute("ALTER TABLE t ADD IF NOT EXISTS PARTITION (dt = '2024-12-31') LOCATION 's3://elsewhere/old-data/'");
    const all = await engine.execute('SELECT v, dt FROM t ORDER BY v');
    expect(all.columns[1]).toEqual({ name: 'dt', type: 'date' });
    expect(all.rows).toEqual([
      [1, '2025-01-01'],
      [2, '2024-12-31'],
    ]);
    expect((await engine.execute('SHOW PARTITIONS t')).rows).toEqual([['dt=2024-12-31'], ['dt=2025-01-01']]);

    await engine.execute("ALTER TABLE t DROP PARTITION (dt = '2025-01-01')");
    expect((await engine.execute('SELECT v FROM t')).rows).toEqual([[2]]);
    await expect(engine.execute("ALTER TABLE t DROP PARTITION (dt = '2025-01-01')")).rejects.toThrow(/PARTITION_NOT_FOUND/);
    await engine.execute('MSCK REPAIR TABLE t');
    expect((await engine.execute('SELECT count(*) AS n FROM t')).rows).toEqual([[2]]);

    expect((await engine.execute('SHOW TABLES')).rows).toEqual([['t']]);
    expect((await engine.execute('DESCRIBE t')).rows).toEqual([
      ['v', 'int', ''],
      ['dt', 'date', ''],
    ]);
    await engine.execute('DROP TABLE t');
    await expect(engine.execute('SELECT * FROM t')).rejects.toThrow(/does not exist/);
    await engine.execute('DROP TABLE IF EXISTS t');
    expect(existsSync(join(lake, 'b/t/dt=2025-01-01/a.json'))).toBe(true);
  });

  it('rejects a format the local engine cannot read, naming the position', async () => {
    engine = await openLake();
    await expect(engine.execute("CREATE EXTERNAL TABLE o (a int) STORED AS ORC LOCATION 's3://b/o/'")).rejects.toThrow(/<sql>:1:23: .*STORED AS ORC/);
  });
});

describe('CTAS', () => {
  let engine: AthenaLocalEngine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it('writes one folder per partition value, partition columns last and not in the files, and reads back Trino types', async () => {
    const lake = tempLake();
    engine = await openLake(lake);
    await engine.execute('CREATE DATABASE sales');
    const ctas = await engine.execute(`CREATE TABLE sales.daily
      WITH (format = 'PARQUET', write_compression = 'SNAPPY', partitioned_by = ARRAY['month', 'dt'], external_location = 's3://warehouse/sales/daily/')
      AS WITH v (id, name, n, month, dt) AS (VALUES
        (1, 'a', 2, '01', DATE '2025-03-10'),
        (2, 'b', 5, '01', DATE '2025-03-11'),
        (3, 'c', 6, '12', DATE '2025-03-11'))
      SELECT id, name, sum(n) AS total, month, dt FROM v GROUP BY id, name, month, dt`);
    expect(ctas.stats.rowsWritten).toBe(3);
    const root = join(lake, 'warehouse/sales/daily');
    expect(readdirSync(root).sort()).toEqual(['month=01', 'month=12']);
    expect(readdirSync(join(root, 'month=01')).sort()).toEqual(['dt=2025-03-10', 'dt=2025-03-11']);
    const file = readdirSync(join(root, 'month=01/dt=2025-03-10'))[0];
    // read_parquet is DuckDB's, refused through the Athena engine: read the file with plain DuckDB.
    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    const inFile = await duck.runAndReadAll(`SELECT * FROM read_parquet('${join(root, 'month=01/dt=2025-03-10', file)}', hive_partitioning = false)`);
    expect(inFile.columnNames()).toEqual(['id', 'name', 'total']);
    duck.closeSync();

    const back = await engine.execute('SELECT * FROM sales.daily ORDER BY id');
    expect(back.columns).toEqual([
      { name: 'id', type: 'integer' },
      { name: 'name', type: 'varchar' },
      { name: 'total', type: 'bigint' },
      { name: 'month', type: 'varchar' },
      { name: 'dt', type: 'date' },
    ]);
    expect(back.rows).toEqual([
      [1, 'a', 2, '01', '2025-03-10'],
      [2, 'b', 5, '01', '2025-03-11'],
      [3, 'c', 6, '12', '2025-03-11'],
    ]);
  });

  it('writes JSON (gzip) tables and tables at the default location', async () => {
    const lake = tempLake();
    engine = await openLake(lake);
    await engine.execute("CREATE TABLE j WITH (format = 'JSON', partitioned_by = ARRAY['k']) AS SELECT 1 AS v, 'x' AS k");
    expect((await engine.execute('SELECT v, k FROM j')).rows).toEqual([[1, 'x']]);
    const tables = readdirSync(join(lake, 'athena-query-results/tables'));
    expect(tables).toHaveLength(1);
    const files = readdirSync(join(lake, 'athena-query-results/tables', tables[0], 'k=x'));
    expect(files[0]).toMatch(/\.json\.gz$/);
  });

  it('keeps Athena errors: table exists, location not empty, partition keys not last, too many partitions', async () => {
    const lake = tempLake();
    writeLakeFile(lake, 'w/busy/x.parquet', 'x');
    engine = await openLake(lake);
    await engine.execute('CREATE TABLE t AS SELECT 1 AS a');
    await expect(engine.execute('CREATE TABLE t AS SELECT 1 AS a')).rejects.toThrow(
      /TABLE_ALREADY_EXISTS: line 1:14: Table 'awsdatacatalog.default.t' already exists/,
    );
    expect((await engine.execute('CREATE TABLE IF NOT EXISTS t AS SELECT 2 AS a')).stats.rowsWritten).toBe(0);
    await expect(engine.execute("CREATE TABLE u WITH (external_location = 's3://w/busy/') AS SELECT 1 AS a")).rejects.toThrow(/HIVE_PATH_ALREADY_EXISTS/);
    await expect(engine.execute("CREATE TABLE u WITH (partitioned_by = ARRAY['a']) AS SELECT 1 AS a, 2 AS b")).rejects.toThrow(
      /HIVE_COLUMN_ORDER_MISMATCH: .*Partition keys must be the last columns/,
    );
    await expect(engine.execute("CREATE TABLE u WITH (partitioned_by = ARRAY['p']) AS SELECT 1 AS a, x AS p FROM range(101) r(x)")).rejects.toThrow(
      /HIVE_TOO_MANY_OPEN_PARTITIONS/,
    );
    await expect(engine.execute('SELECT * FROM u')).rejects.toThrow();
    const noData = await engine.execute('CREATE TABLE v AS SELECT 1 AS a, CAST(NULL AS varchar) AS b WITH NO DATA');
    expect(noData.stats.rowsWritten).toBe(0);
    const v = await engine.execute('SELECT * FROM v');
    expect(v.rows).toEqual([]);
    expect(v.columns.map((c) => c.type)).toEqual(['integer', 'varchar']);
  });
});
