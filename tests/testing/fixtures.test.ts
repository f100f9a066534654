import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translateStatement } from '../../src/dialect/translate/index.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { fixtureStatements, inferType, sqlLiteral } from '../../src/testing/fixtures.js';

describe('fixture literals', () => {
  it.each([
    ['x', 'varchar', "'x'"],
    ["it's", 'varchar', "'it''s'"],
    [7, 'varchar', "'7'"],
    [3, 'integer', "CAST('3' AS integer)"],
    ['10.50', 'decimal(10,2)', "CAST('10.50' AS decimal(10,2))"],
    [1.5, 'double', "CAST('1.5' AS double)"],
    [true, 'boolean', 'TRUE'],
    ['2025-03-01', 'date', "DATE '2025-03-01'"],
    ['2025-03-01', 'timestamp(3)', "TIMESTAMP '2025-03-01 00:00:00.000'"],
    ['2025-03-01 10:05', 'timestamp', "TIMESTAMP '2025-03-01 10:05:00.000'"],
    ['2025-03-01T10:05:00+02:00', 'timestamp(3)', "TIMESTAMP '2025-03-01 08:05:00.000'"],
    [null, 'integer', 'NULL'],
    [['a', 'b'], 'array(varchar)', "ARRAY['a', 'b']"],
    [['a'], 'array<string>', "ARRAY['a']"],
    [{ k: 1 }, 'map(varchar, integer)', "MAP(ARRAY['k'], ARRAY[CAST('1' AS integer)])"],
  ])('%j as %s is %s', (value, type, sql) => {
    expect(sqlLiteral(value, type)).toBe(sql);
  });

  it.each([
    ['abc', 'integer', /expected a number/],
    ['03/01/2025', 'date', /expected a date YYYY-MM-DD/],
    ['yes', 'boolean', /expected true or false/],
    ['soon', 'timestamp(3)', /is not a timestamp/],
    [{ a: 1 }, 'varchar', /a mapping does not fit a varchar column/],
  ])('rejects %j as %s', (value, type, message) => {
    expect(() => sqlLiteral(value, type)).toThrow(message);
  });

  it('creates the table with every column and inserts only the given ones', () => {
    const columns = [
      { name: 'order_id', type: 'varchar' },
      { name: 'timestamp', type: 'timestamp(3)' },
      { name: 'tags', type: 'array(varchar)' },
    ];
    expect(fixtureStatements('shop.orders', columns, [{ order_id: 'o1' }, { ORDER_ID: 'o2', timestamp: '2025-03-01' }])).toEqual([
      'CREATE DATABASE IF NOT EXISTS `shop`',
      "CREATE TABLE `shop`.`orders` (`order_id` string, `timestamp` timestamp, `tags` array<string>) LOCATION 's3://lake-test-fixtures/shop/orders/' TBLPROPERTIES ('table_type' = 'ICEBERG')",
      `INSERT INTO "shop"."orders" ("order_id", "timestamp") VALUES ('o1', NULL), ('o2', TIMESTAMP '2025-03-01 00:00:00.000')`,
    ]);
  });

  it('writes the numbers of several rows as text cast once per column, so no value needs a type-family check', async () => {
    const columns = [
      { name: 'id', type: 'varchar' },
      { name: 'n', type: 'integer' },
      { name: 'amount', type: 'decimal(12,2)' },
      { name: 'score', type: 'double' },
    ];
    const rows = [
      { id: 'a', n: 1, amount: '12.50', score: 0.5 },
      { id: 'b', n: -7, amount: 3.125, score: null },
      { id: 'c', amount: null, score: '1e3' },
    ];
    const statements = fixtureStatements('shop.t', columns, rows);
    expect(statements[2]).toBe(
      `INSERT INTO "shop"."t" ("id", "n", "amount", "score") SELECT "id", CAST("n" AS integer), CAST("amount" AS decimal(12,2)), CAST("score" AS double) ` +
        `FROM (VALUES ('a', '1', '12.50', '0.5'), ('b', '-7', '3.125', NULL), ('c', NULL, NULL, '1e3')) AS "fixture" ("id", "n", "amount", "score")`,
    );
    // A CAST per value left each column's type unwritten: DuckDB then bound a check of the values' type families per
    // column, each value written twice more (most of a fixture's cost in `lake test`).
    const translated = JSON.stringify(translateStatement(statements[2], { lakeRoot: '/tmp/lake', database: 'shop' }).steps);
    expect(translated).not.toContain('trino_type_family');
    // The values are those of one CAST per value (Trino 476: CAST('3.125' AS decimal(12,2)) rounds to 3.13).
    const engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-fixtures-')), inMemory: true, database: 'shop' });
    try {
      for (const sql of statements) await engine.execute(sql);
      const result = await engine.execute('SELECT id, n, amount, score FROM shop.t ORDER BY id');
      expect(result.columns.map((c) => c.type)).toEqual(['varchar', 'integer', 'decimal(12,2)', 'double']);
      expect(result.rows.map((r) => r.map(String))).toEqual([
        ['a', '1', '12.50', '0.5'],
        ['b', '-7', '3.13', 'null'],
        ['c', 'null', 'null', '1000'],
      ]);
    } finally {
      await engine.close();
    }
  });

  it('writes arrays and rows as JSON text cast once per column, so their size stays linear in the values', async () => {
    const records = 'array(row(record varchar, error varchar, sequencenumber varchar))';
    const columns = [
      { name: 'batchid', type: 'varchar' },
      { name: 'records', type: records },
      { name: 'flags', type: 'array(row(ok boolean, n tinyint))' },
    ];
    // The example's dead-letter fixture (tests/sql/p1.yaml): as literals, ARRAY[CAST(ROW(…) AS row(…)), …] in VALUES
    // translated to 86 KB that DuckDB took ~5 s to bind.
    const rows = [
      {
        batchid: 'b1',
        records: [
          { record: '{}', error: 'bad' },
          { RECORD: '{}', error: 7 },
        ],
        flags: [{ ok: true, n: -128 }],
      },
      { batchid: 'b2', records: [], flags: null },
      { batchid: 'b0', records: null, flags: [{ ok: false, n: ' 127 ' }, null] },
    ];
    const statements = fixtureStatements('shop.dead', columns, rows);
    expect(statements[2]).toBe(
      `INSERT INTO "shop"."dead" ("batchid", "records", "flags") SELECT "batchid", CAST(json_parse("records") AS ${records}), ` +
        `CAST(json_parse("flags") AS array(row(ok boolean, n tinyint))) FROM (VALUES ` +
        `('b1', '[{"record":"{}","error":"bad","sequencenumber":null},{"record":"{}","error":"7","sequencenumber":null}]', '[{"ok":true,"n":-128}]'), ` +
        `('b2', '[]', NULL), ('b0', NULL, '[{"ok":false,"n":127},null]')) AS "fixture" ("batchid", "records", "flags")`,
    );
    expect(JSON.stringify(translateStatement(statements[2], { lakeRoot: '/tmp/lake', database: 'shop' }).steps).length).toBeLessThan(8000);
    // The values and types Trino 476 gives for ARRAY[CAST(ROW('{}', 'bad', NULL) AS row(…))] and for the CAST of the
    // JSON text alike (asked of the shared Trino).
    const engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-fixtures-')), inMemory: true, database: 'shop' });
    try {
      for (const sql of statements) await engine.execute(sql);
      const result = await engine.execute('SELECT batchid, records, flags FROM shop.dead ORDER BY batchid');
      expect(result.columns.map((c) => c.type)).toEqual(['varchar', records, 'array(row(ok boolean, n tinyint))']);
      expect(result.rows).toEqual([
        ['b0', null, [{ ok: false, n: 127 }, null]],
        [
          'b1',
          [
            { record: '{}', error: 'bad', sequencenumber: null },
            { record: '{}', error: '7', sequencenumber: null },
          ],
          [{ ok: true, n: -128 }],
        ],
        ['b2', [], null],
      ]);
    } finally {
      await engine.close();
    }
  });

  it('writes arrays and rows as literals when a value has no exact JSON form, and fails there as before', () => {
    const columns = [{ name: 'a', type: 'array(row(n tinyint, d date))' }];
    expect(fixtureStatements('shop.t', columns, [{ a: [{ n: 1, d: '2025-03-01' }] }])[2]).toBe(
      `INSERT INTO "shop"."t" ("a") VALUES (ARRAY[CAST(ROW(CAST('1' AS tinyint), DATE '2025-03-01') AS row(n tinyint, d date))])`,
    );
    const small = [{ name: 'a', type: 'array(tinyint)' }];
    expect(fixtureStatements('shop.t', small, [{ a: [128] }])[2]).toBe(`INSERT INTO "shop"."t" ("a") VALUES (ARRAY[CAST('128' AS tinyint)])`);
    expect(() => fixtureStatements('shop.t', [{ name: 'r', type: 'row(n integer)' }], [{ r: { m: 1 } }])).toThrow(
      'row 1 of shop.t, column r (row(n integer)): no field m in row(n integer)',
    );
  });

  it('names the row, table and column of a bad fixture value, and unknown columns', () => {
    const columns = [{ name: 'n', type: 'integer' }];
    expect(() => fixtureStatements('shop.t', columns, [{ n: 1 }, { n: 'x' }])).toThrow('row 2 of shop.t, column n (integer): expected a number, got "x"');
    expect(() => fixtureStatements('shop.t', columns, [{ m: 1 }])).toThrow("row 1 of shop.t: no column 'm' (columns: n)");
  });

  it('infers types only from values when nothing declares them', () => {
    expect(inferType([1, 2, null])).toBe('bigint');
    expect(inferType([1, 2.5])).toBe('double');
    expect(inferType(['2025-03-01'])).toBe('date');
    expect(inferType(['2025-03-01 10:00:00'])).toBe('timestamp(3)');
    expect(inferType([true])).toBe('boolean');
    expect(inferType([['a']])).toBe('array(varchar)');
    expect(inferType(['x', 1])).toBe('varchar');
    expect(inferType([null])).toBe('varchar');
  });
});
