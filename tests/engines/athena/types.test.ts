import { describe, expect, it } from 'vitest';
import { parseAthenaValue, parseComplexValue, trinoTypeName } from '../../../src/engines/athena/types.js';

describe('trinoTypeName: Athena ColumnInfo → Trino type name', () => {
  it.each([
    [{ Type: 'integer' }, 'integer'],
    [{ Type: 'bigint' }, 'bigint'],
    [{ Type: 'tinyint' }, 'tinyint'],
    [{ Type: 'smallint' }, 'smallint'],
    [{ Type: 'double' }, 'double'],
    [{ Type: 'real' }, 'real'],
    [{ Type: 'boolean' }, 'boolean'],
    [{ Type: 'varchar', Precision: 2147483647 }, 'varchar'],
    [{ Type: 'char', Precision: 3 }, 'char(3)'],
    [{ Type: 'decimal', Precision: 10, Scale: 2 }, 'decimal(10,2)'],
    [{ Type: 'date' }, 'date'],
    [{ Type: 'timestamp', Precision: 3 }, 'timestamp(3)'],
    [{ Type: 'timestamp with time zone', Precision: 3 }, 'timestamp(3) with time zone'],
    [{ Type: 'time' }, 'time(3)'],
    [{ Type: 'varbinary' }, 'varbinary'],
    [{ Type: 'json' }, 'json'],
    // the local engine names its ipaddress struct the same way (src/engines/duckdb/types.ts)
    [{ Type: 'ipaddress' }, 'ipaddress'],
    [{ Type: 'array' }, 'array'],
    [{ Type: 'map' }, 'map'],
    [{ Type: 'row' }, 'row'],
    [{ Type: 'unknown' }, 'unknown'],
    // Hive spellings seen in DDL-ish results
    [{ Type: 'int' }, 'integer'],
    [{ Type: 'string' }, 'varchar'],
    [{ Type: 'struct' }, 'row'],
    // a full signature, should Athena ever send one, is kept
    [{ Type: 'ARRAY(INTEGER)' }, 'array(integer)'],
  ])('%o → %s', (column, expected) => {
    expect(trinoTypeName(column)).toBe(expected);
  });
});

describe('parseAthenaValue: VarChar cell → SqlValue', () => {
  it.each([
    ['integer', '42', 42],
    ['integer', '-7', -7],
    ['bigint', '9007199254740991', 9007199254740991],
    ['bigint', '9007199254740993', 9007199254740993n],
    ['bigint', '-9223372036854775808', -9223372036854775808n],
    ['double', '1.5', 1.5],
    ['double', '1.0E10', 1e10],
    ['double', '-Infinity', Number.NEGATIVE_INFINITY],
    ['real', '0.25', 0.25],
    ['boolean', 'true', true],
    ['boolean', 'false', false],
    ['decimal(10,2)', '12.50', '12.50'],
    ['decimal(38,0)', '123456789012345678901234567890', '123456789012345678901234567890'],
    ['date', '2024-02-29', '2024-02-29'],
    ['timestamp(3)', '2024-02-29 13:45:01.123', '2024-02-29 13:45:01.123'],
    ['timestamp(3)', '2024-02-29 13:45:01', '2024-02-29 13:45:01.000'],
    ['timestamp(3)', '2024-02-29 13:45:01.123456', '2024-02-29 13:45:01.123'],
    ['timestamp(3) with time zone', '2024-02-29 13:45:01.123456 UTC', '2024-02-29 13:45:01.123 UTC'],
    ['time(3)', '13:45:01.5', '13:45:01.500'],
    ['varchar', 'héllo, world', 'héllo, world'],
    // Trino's text of an ipaddress, as the local engine prints it (src/dialect/shims/ip-address.ts)
    ['ipaddress', '2001:db8::1', '2001:db8::1'],
    ['varchar', '', ''],
    ['varchar', 'null', 'null'],
    ['varbinary', '68 65 6c 6c 6f', '68656c6c6f'],
    ['json', '{"a":1}', '{"a":1}'],
  ])('%s %s → %o', (type, text, expected) => {
    expect(parseAthenaValue(text, type)).toEqual(expected);
  });

  it('reads a Datum without VarCharValue as NULL, whatever the type', () => {
    for (const type of ['integer', 'varchar', 'array', 'boolean']) expect(parseAthenaValue(undefined, type)).toBeNull();
  });

  it('parses arrays, maps and rows from Trino display text', () => {
    expect(parseAthenaValue('[1, 2, 3]', 'array')).toEqual([1, 2, 3]);
    expect(parseAthenaValue('[]', 'array')).toEqual([]);
    expect(parseAthenaValue('[a, b]', 'array')).toEqual(['a', 'b']);
    expect(parseAthenaValue('[1, null]', 'array')).toEqual([1, null]);
    expect(parseAthenaValue('[[1, 2], [3]]', 'array')).toEqual([[1, 2], [3]]);
    expect(parseAthenaValue('[9007199254740993]', 'array')).toEqual([9007199254740993n]);
    expect(parseAthenaValue('{a=1, b=2}', 'map')).toEqual({ a: 1, b: 2 });
    expect(parseAthenaValue('{}', 'map')).toEqual({});
    expect(parseAthenaValue('{1=x, 2=null}', 'map')).toEqual({ 1: 'x', 2: null });
    expect(parseAthenaValue('{a=1, b=x, c={d=[true, false]}}', 'row')).toEqual({ a: 1, b: 'x', c: { d: [true, false] } });
  });

  it('keeps non-integer numbers inside complex values as text, since decimal and double print alike', () => {
    expect(parseAthenaValue('[1.50, 2.5]', 'array')).toEqual(['1.50', '2.5']);
  });

  it('returns the raw text of a complex value it cannot parse', () => {
    expect(parseComplexValue('[1, 2')).toBe('[1, 2');
    expect(parseComplexValue('{a=1, b}')).toBe('{a=1, b}');
    expect(parseComplexValue('[1], [2]')).toBe('[1], [2]');
  });
});
