// CAST to array(…), map(…, …) and row(…) casts each element, key, value and field as the scalar CAST to its type does
// in Trino 476 (found by the fourth hunt, docs/issue-15-audit.md "Found by the fourth hunt"; values, types and errors
// are the shared Trino 476's). DuckDB's own list cast used its rules for the elements: 2.5E0 to integer was 2 (Trino 3,
// half away from zero), '1.5' to integer 2 and 'yes' to boolean true (Trino fails), 1.005E0 to decimal(4, 2) 1.00
// (Trino 1.01), a timestamp's text lost its trailing zeros, 123 to varchar(2) was '123' (Trino fails).
import { describeFunctions } from './harness.js';

describeFunctions(
  'fourth hunt: casts to nested types cast each element as Trino does',
  [
    ['doubles to integers, half away from zero', 'CAST(ARRAY[2.5E0, 3.5E0, -2.5E0] AS array(integer))', [3, 4, -3], 'array(integer)'],
    ['a column of doubles', 'CAST(a AS array(integer)) FROM (VALUES ARRAY[2.5E0, NULL]) t(a)', [3, null], 'array(integer)'],
    ['nested arrays', 'CAST(ARRAY[ARRAY[1.5E0]] AS array(array(integer)))', [[2]], 'array(array(integer))'],
    ['a map column’s values', "CAST(m AS map(varchar, bigint)) FROM (VALUES MAP(ARRAY['a'], ARRAY[2.5E0])) t(m)", { a: 3 }, 'map(varchar, bigint)'],
    ['a row’s fields', "CAST(ROW(2.5E0, 'x') AS ROW(a integer, b varchar))", { a: 3, b: 'x' }, 'row(a integer, b varchar)'],
    ['a double to decimal by its shortest text', 'CAST(ARRAY[1.005E0] AS array(decimal(4, 2)))', ['1.01'], 'array(decimal(4,2))'],
    [
      'a timestamp’s text keeps its milliseconds',
      "CAST(ARRAY[TIMESTAMP '2024-01-01 10:00:00.120'] AS array(varchar))",
      ['2024-01-01 10:00:00.120'],
      'array(varchar)',
    ],
    ['a zoned timestamp’s text', "CAST(ARRAY[TIMESTAMP '2024-01-01 10:00:00 UTC'] AS array(varchar))", ['2024-01-01 10:00:00 UTC'], 'array(varchar)'],
    [
      'a zoned timestamp to timestamp',
      "CAST(ARRAY[TIMESTAMP '2024-01-01 10:00:00 Europe/Berlin'] AS array(timestamp))",
      ['2024-01-01 10:00:00.000'],
      'array(timestamp(3))',
    ],
    ['booleans to varchar', 'CAST(a AS array(varchar)) FROM (VALUES ARRAY[true, NULL]) t(a)', ['true', null], 'array(varchar)'],
    ['decimals to varchar', "CAST(a AS array(varchar)) FROM (VALUES ARRAY[DECIMAL '1.50']) t(a)", ['1.50'], 'array(varchar)'],
    ['split into integers', "CAST(split('1,2,3', ',') AS array(bigint))", [1, 2, 3], 'array(bigint)'],
    ['a text with a space to integer', "CAST(ARRAY[' 2'] AS array(integer))", [2], 'array(integer)'],
    ['json is read as Trino reads it', `CAST(json_parse('[1, 2.5, "3"]') AS array(integer))`, [1, 3, 3], 'array(integer)'],
    ['an array of NULL', 'CAST(ARRAY[NULL] AS array(varchar))', [null], 'array(varchar)'],
    ['an empty map', 'CAST(MAP() AS map(varchar, integer))', {}, 'map(varchar, integer)'],
    ['a row with a NULL field', 'CAST(ROW(1, NULL) AS ROW(x bigint, y varchar))', { x: 1, y: null }, 'row(x bigint, y varchar)'],
    ['a double beside a NULL field', 'CAST(ROW(2.5E0, NULL) AS ROW(a integer, b varchar))', { a: 3, b: null }, 'row(a integer, b varchar)'],
    ['NULL fields of nested types', 'CAST(ROW(NULL, NULL) AS ROW(a integer, b array(varchar)))', { a: null, b: null }, 'row(a integer, b array(varchar))'],
    [
      'a named row’s fields by position',
      'CAST(r AS ROW(x varchar, y double)) FROM (SELECT CAST(ROW(1, 2) AS ROW(a integer, b integer)) AS r)',
      { x: '1', y: 2 },
      'row(x varchar, y double)',
    ],
    // TRY_CAST is NULL when any element fails (DuckDB's made that element NULL: [NULL, 1]).
    ['TRY_CAST with an element that fails', "TRY_CAST(ARRAY['x', '1'] AS array(integer))", null, 'array(integer)'],
    ['TRY_CAST of a fraction’s text', "TRY_CAST(ARRAY['1.5'] AS array(integer))", null, 'array(integer)'],
    ['TRY_CAST of a double', 'TRY_CAST(ARRAY[2.5E0] AS array(integer))', [3], 'array(integer)'],
    ['TRY_CAST of a column', "TRY_CAST(a AS array(integer)) FROM (VALUES ARRAY['1.5', '1']) t(a)", null, 'array(integer)'],
    ['TRY_CAST of split', "TRY_CAST(split('1,x', ',') AS array(integer))", null, 'array(integer)'],
    ['TRY_CAST of a map value', "TRY_CAST(MAP(ARRAY['a'], ARRAY['x']) AS map(varchar, integer))", null, 'map(varchar, integer)'],
    ['TRY_CAST of json', `TRY_CAST(json_parse('[1, 2.5]') AS array(integer))`, [1, 3], 'array(integer)'],
    ['TRY_CAST of an array of NULL', 'TRY_CAST(ARRAY[NULL] AS array(integer))', [null], 'array(integer)'],
  ],
  [
    ['a fraction’s text to integer', "CAST(ARRAY['1.5', ' 2'] AS array(integer))", /Cannot cast '1\.5' to INT/],
    ['split into integers', "CAST(split('1.5,2', ',') AS array(integer))", /Cannot cast '1\.5' to INT/],
    ['yes to boolean', "CAST(ARRAY['yes'] AS array(boolean))", /Cannot cast 'yes' to BOOLEAN/],
    ['inf to double', "CAST(ARRAY['inf'] AS array(double))", /Cannot cast 'inf' to DOUBLE/],
    ['an ISO T to timestamp', "CAST(ARRAY['2024-01-01T10:00:00'] AS array(timestamp))", /Value cannot be cast to timestamp: 2024-01-01T10:00:00/],
    ['a leading space to decimal', "CAST(ARRAY[' 1.5'] AS array(decimal(5, 2)))", /Cannot cast VARCHAR ' 1\.5' to DECIMAL\(5, 2\)\. Value is not a number\./],
    ['a number too long for varchar(2)', 'CAST(ARRAY[123] AS array(varchar(2)))', /Value 123 cannot be represented as varchar\(2\)/],
    ['a map value', "CAST(MAP(ARRAY['a'], ARRAY['1.5']) AS map(varchar, integer))", /Cannot cast '1\.5' to INT/],
    // A row casts to a row of as many fields (Trino: TYPE_MISMATCH "Cannot cast row(integer, integer) to row(a
    // integer)"; field by field, the extra field was dropped), and a text to no array, map or row (DuckDB parsed it).
    ['a row of more fields', 'CAST(ROW(1, 2) AS ROW(a integer))', /Cannot cast a row of 2 fields to/],
    [
      'a row column of more fields',
      'CAST(r AS ROW(x integer)) FROM (SELECT CAST(ROW(1, 2) AS ROW(a integer, b integer)) AS r)',
      /Cannot cast a row to a row of another number of fields/,
    ],
    ['a text to an array', "CAST('[1,2]' AS array(integer))", /Cannot cast varchar to array\(integer\)/],
    ['TRY_CAST of a row of more fields', 'TRY_CAST(ROW(1, 2) AS ROW(a integer))', /Cannot cast a row of 2 fields to row\(a integer\)/],
    ['a row of fewer fields', 'CAST(ROW(1) AS ROW(a integer, b integer))', /Cannot cast a row of 1 fields to row\(a integer, b integer\)/],
    ['a text to a row', "CAST('{a: 1}' AS ROW(a integer))", /Cannot cast varchar to row\(a integer\)/],
  ],
);
