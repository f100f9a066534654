// Casts and types leftovers, tenth pass (docs/issue-15-audit.md): casts into nested rows, maps and arrays that answered
// locally where Trino 476 answers otherwise or fails. Every value, type and error is the shared Trino 476's.
import { describeFunctions } from './harness.js';

// Trino 476: GENERIC_INTERNAL_ERROR "Character count exceeds length limit 3" (the local shim's words name the value).
const TOO_LONG_TRUE = /Value true cannot be represented as varchar\(3\)/;
// Trino 476: INVALID_CAST_ARGUMENT "Value 1234 cannot be represented as varchar(3)".
const TOO_LONG_1234 = /Value 1234 cannot be represented as varchar\(3\)/;

describeFunctions(
  'a row without field names inside an array or map is cast field by field from its own field types',
  [
    ['a number that fits', 'CAST(ARRAY[ROW(12)] AS array(row(a varchar(3))))', [{ a: '12' }], 'array(row(a varchar))'],
    ['a text is cut', "CAST(ARRAY[ROW('abcd')] AS array(row(a varchar(3))))", [{ a: 'abc' }], 'array(row(a varchar))'],
    ['TRY_CAST of a too long number', 'TRY_CAST(ARRAY[ROW(1234)] AS array(row(a varchar(3))))', null, 'array(row(a varchar))'],
    ['TRY_CAST of a map value', 'TRY_CAST(MAP(ARRAY[1], ARRAY[ROW(1234)]) AS map(integer, row(a varchar(3))))', null, 'map(integer, row(a varchar))'],
    [
      'a double to integer, half away from zero',
      "CAST(ARRAY[ROW(2.5e0, 'x')] AS array(row(a integer, b varchar(1))))",
      [{ a: 3, b: 'x' }],
      'array(row(a integer, b varchar))',
    ],
    [
      'a row of rows',
      'CAST(ARRAY[ROW(ROW(1.5e0, 2))] AS array(row(a row(x integer, y varchar))))',
      [{ a: { x: 2, y: '2' } }],
      'array(row(a row(x integer, y varchar)))',
    ],
    ['a column', 'CAST(r AS array(row(a varchar(4)))) FROM (SELECT ARRAY[ROW(1234)] r)', [{ a: '1234' }], 'array(row(a varchar))'],
    [
      'a map of arrays of rows',
      'CAST(ARRAY[MAP(ARRAY[1], ARRAY[ROW(1234)])] AS array(map(bigint, row(a varchar(4)))))',
      [{ 1: { a: '1234' } }],
      'array(map(bigint, row(a varchar)))',
    ],
  ],
  [
    ['a number too long', 'CAST(ARRAY[ROW(1234)] AS array(row(a varchar(3))))', TOO_LONG_1234],
    ['a boolean too long', 'CAST(ARRAY[ROW(true)] AS array(row(a varchar(3))))', TOO_LONG_TRUE],
    ['TRY_CAST of a boolean too long', 'TRY_CAST(ARRAY[ROW(true)] AS array(row(a varchar(3))))', TOO_LONG_TRUE],
    ['beside another field', "CAST(ARRAY[ROW(1234, 'x')] AS array(row(a varchar(3), b varchar)))", TOO_LONG_1234],
    ['a map value', 'CAST(MAP(ARRAY[1], ARRAY[ROW(1234)]) AS map(integer, row(a varchar(3))))', TOO_LONG_1234],
    ['a map keyed by rows', 'CAST(MAP(ARRAY[ROW(1)], ARRAY[ROW(1234)]) AS map(row(k integer), row(a varchar(3))))', TOO_LONG_1234],
    ['a row in a row in an array', 'CAST(ARRAY[ROW(12, ROW(true))] AS array(row(a varchar(3), b row(c varchar(3)))))', TOO_LONG_TRUE],
    ['a column', 'CAST(r AS array(row(a varchar(3)))) FROM (SELECT ARRAY[ROW(1234)] r)', TOO_LONG_1234],
    ['in a correlated subquery', '(SELECT CAST(r AS array(row(a varchar(3))))) FROM (SELECT ARRAY[ROW(true)] r)', TOO_LONG_TRUE],
    // Trino 476: INVALID_CAST_ARGUMENT "Cannot cast '1.5' to INT" (DuckDB's cast of the row read 2).
    ['a text to integer', "CAST(ARRAY[ROW('1.5')] AS array(row(a integer)))", /Cannot cast '1\.5' to INT/],
  ],
);
