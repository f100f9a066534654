// Casts and types leftovers, tenth pass (docs/issue-15-audit.md): casts into nested rows, maps and arrays that answered
// locally where Trino 476 answers otherwise or fails. Every value, type and error is the shared Trino 476's.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
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

// Trino 476's TRY_CAST into an array, map or row holding a varchar(n): NULL where any part fails as a number's or date's
// too long text does (INVALID_CAST_ARGUMENT), in whatever order; it fails where only a boolean's, interval's or
// timestamp's text is too long (GENERIC_INTERNAL_ERROR, which TRY does not catch).
describeFunctions(
  'TRY_CAST into nested varchar(n): NULL where any part fails as TRY catches',
  [
    ['a number too long beside a boolean that fits', 'TRY_CAST(ROW(1234, false) AS row(a varchar(3), b varchar(5)))', null, 'row(a varchar, b varchar)'],
    [
      'a date too long beside a boolean that fits',
      "TRY_CAST(ROW(1, DATE '2020-01-01', true) AS row(a integer, b varchar(3), c varchar(4)))",
      null,
      'row(a integer, b varchar, c varchar)',
    ],
    ['a boolean too long before a number too long', 'TRY_CAST(ROW(true, 1234) AS row(a varchar(3), b varchar(3)))', null, 'row(a varchar, b varchar)'],
    [
      'a number too long in a row before a boolean',
      'TRY_CAST(ROW(ROW(1234), true) AS row(a row(c varchar(3)), b varchar(3)))',
      null,
      'row(a row(c varchar), b varchar)',
    ],
    ['a text to integer beside a boolean', "TRY_CAST(ROW('1.5', true) AS row(a integer, b varchar(3)))", null, 'row(a integer, b varchar)'],
    [
      'a map key too long, its values booleans',
      'TRY_CAST(MAP(ARRAY[1, 1234], ARRAY[true, true]) AS map(varchar(3), varchar(3)))',
      null,
      'map(varchar, varchar)',
    ],
    [
      'the second element’s number',
      'TRY_CAST(ARRAY[ROW(1, true), ROW(1234, true)] AS array(row(a varchar(3), b varchar(3))))',
      null,
      'array(row(a varchar, b varchar))',
    ],
    ['a column', 'TRY_CAST(r AS array(varchar(3))) FROM (VALUES ARRAY[1234]) t(r)', null, 'array(varchar)'],
    [
      'in a correlated subquery',
      '(SELECT TRY_CAST(r AS row(a varchar(3), b varchar(3)))) FROM (SELECT CAST(ROW(1234, true) AS row(x integer, y boolean)) r)',
      null,
      'row(a varchar, b varchar)',
    ],
  ],
  [
    ['a row of a boolean in a row', 'TRY_CAST(ROW(ROW(true), 1) AS row(a row(c varchar(3)), b integer))', TOO_LONG_TRUE],
    ['map values', 'TRY_CAST(MAP(ARRAY[1, 2], ARRAY[true, true]) AS map(varchar(3), varchar(3)))', TOO_LONG_TRUE],
    ['a boolean beside a number that fits', 'TRY_CAST(ARRAY[ROW(12, true)] AS array(row(a varchar(3), b varchar(3))))', TOO_LONG_TRUE],
    ['an interval', "TRY_CAST(ROW(1, INTERVAL '1' DAY) AS row(a integer, b varchar(3)))", /cannot be represented as varchar\(3\)/],
    [
      'a timestamp map value',
      "TRY_CAST(MAP(ARRAY['a'], ARRAY[TIMESTAMP '2020-01-01 00:00:00']) AS map(varchar, varchar(3)))",
      /cannot be represented as varchar\(3\)/,
    ],
  ],
);

// A row-typed VALUES item gives the row's fields in Trino 476: `t(r)` names one of two columns (MISMATCHED_COLUMN_ALIASES
// "Column alias list has 1 entries but 't' has 2 columns available"), and a NULL row fails while read
// (GENERIC_INTERNAL_ERROR "Cannot invoke SqlRow.getRawIndex() because result is null").
describeFunctions(
  'a NULL row as a VALUES item',
  [['a NULL of the row’s field types', 'a FROM (VALUES (CAST(NULL AS boolean), CAST(NULL AS integer))) t(a, b)', null, 'boolean']],
  [
    ['one alias for two fields', 'r FROM (VALUES (CAST(NULL AS row(x boolean, y integer)))) t(r)', /column-alias-count.*1 entries but 't' has 2 columns/],
    ['without parentheses', 'r FROM (VALUES CAST(NULL AS row(x boolean, y integer))) t(r)', /column-alias-count/],
    ['an alias per field', 'a, b FROM (VALUES (CAST(NULL AS row(x boolean, y integer)))) t(a, b)', /values-null-row/],
    ['a row of one field', 'r FROM (VALUES (CAST(NULL AS row(x boolean)))) t(r)', /values-null-row/],
  ],
);

// `NULL AS c` in a CTAS's (a model's) select list: Trino 476 fails (COLUMN_TYPE_UNKNOWN "Column type is unknown: c"),
// where DuckDB wrote an integer column; a plain query answers NULL of type unknown in both.
describe('a NULL column of a CREATE TABLE AS', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-ctas-')), inMemory: true, threads: 1 });
  });
  afterAll(async () => engine.close());

  it.each([
    ['CREATE TABLE t1 AS SELECT NULL AS c, 1 AS d', /1:27: error \[unfaithful\/column-type-unknown\] Column type is unknown: c/],
    ['CREATE TABLE t2 AS SELECT 1 AS d,\n  NULL c', /2:3: error \[unfaithful\/column-type-unknown\] Column type is unknown: c/],
  ])('is refused at the NULL: %s', async (sql, message) => {
    await expect(engine.execute(sql)).rejects.toThrow(message);
  });

  it.each([
    ['typed by another branch', 'CREATE TABLE t3 AS SELECT NULL AS c UNION ALL SELECT 1'],
    ['a typed NULL', 'CREATE TABLE t4 AS SELECT CAST(NULL AS varchar) AS c'],
    ['a NULL inside a WITH query', 'CREATE TABLE t5 AS WITH w AS (SELECT NULL AS x) SELECT 1 AS d FROM w'],
  ])('is written where Trino types the column: %s', async (_what, sql) => {
    await expect(engine.execute(sql)).resolves.toBeDefined();
  });

  it('leaves a plain query answering NULL', async () => {
    const result = await engine.execute('SELECT NULL AS c');
    expect({ value: result.rows[0][0], type: result.columns[0].type }).toEqual({ value: null, type: 'unknown' });
  });
});
