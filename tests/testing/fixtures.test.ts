import { describe, expect, it } from 'vitest';
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
