// Over-refusals and loud failures (docs/issue-15-audit.md "Over-refusals and loud failures (session of 2026-12-06,
// branch loud30)"): forms the local engine refused or failed on where Trino 476 answers. Every expectation is Trino
// 476's answer (value, type and column name) or its error, asked of the shared Trino.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { namedResult, openLake } from './lake-helpers.js';

let engine: AthenaLocalEngine;
beforeAll(async () => {
  engine = await openLake();
});
afterAll(async () => engine.close());

describe('a select item ending in an operand is not an alias (ORDER BY x is not ambiguous)', () => {
  // Was refused as unfaithful/ambiguous-order-by: `NOT x` and `-x` were read as the alias x of NOT and -.
  it.each<[string, string[], unknown[][]]>([
    [
      'SELECT x, NOT x FROM (VALUES true, false) t(x) ORDER BY x',
      ['x boolean', '_col1 boolean'],
      [
        [false, true],
        [true, false],
      ],
    ],
    [
      'SELECT x, -x FROM (VALUES 1, 2) t(x) ORDER BY x',
      ['x integer', '_col1 integer'],
      [
        [1, -1],
        [2, -2],
      ],
    ],
    [
      'SELECT x, x IS NULL FROM (VALUES 1, NULL) t(x) ORDER BY x',
      ['x integer', '_col1 boolean'],
      [
        [1, false],
        [null, true],
      ],
    ],
    [
      'SELECT DISTINCT -x, x FROM (VALUES 1, 2, 2) t(x) ORDER BY x',
      ['_col0 integer', 'x integer'],
      [
        [-1, 1],
        [-2, 2],
      ],
    ],
    // FETCH … WITH TIES read `NOT x` as the alias x of the expression NOT.
    ['SELECT NOT x, x FROM (VALUES true, false) t(x) ORDER BY x FETCH FIRST 1 ROWS WITH TIES', ['_col0 boolean', 'x boolean'], [[true, false]]],
    [
      'SELECT -x, x FROM (VALUES 1, 2, 2) t(x) ORDER BY x DESC FETCH FIRST 1 ROWS WITH TIES',
      ['_col0 integer', 'x integer'],
      [
        [-2, 2],
        [-2, 2],
      ],
    ],
  ])('%s', async (sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it.each([
    // Trino 476: AMBIGUOUS_NAME "Column 'x' is ambiguous".
    'SELECT x, y x FROM (VALUES (1, 2)) t(x, y) ORDER BY x',
    'SELECT x, -y AS x FROM (VALUES (1, 2)) t(x, y) ORDER BY x',
    'SELECT x, (NOT y) x FROM (VALUES (true, false)) t(x, y) ORDER BY x',
  ])('%s is still refused', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/unfaithful\/ambiguous-order-by.*Column 'x' is ambiguous/);
  });
});

describe('a row type with unnamed fields is refused with a message that says so', () => {
  // Trino 476 answers each (VALUES: _col0 double 1.0, _col1 boolean true; the IS NULL: true); the local engine's
  // structs need field names. The message was "not a type: " (empty).
  it.each([
    'VALUES CAST(ROW(1, true) AS row(double, boolean))',
    'SELECT CAST(NULL AS row(double, boolean)) IS NULL',
    'SELECT CAST(NULL AS row(decimal(10,2), timestamp with time zone)) IS NULL',
    'SELECT CAST(NULL AS row(double precision)) IS NULL',
  ])('%s', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/unfaithful\/type\] a row type with unnamed fields \(ROW\(.*\)\) is not supported locally/);
  });

  it('named fields still answer', async () => {
    // Trino 476: _col0 boolean true.
    expect(await namedResult(engine, 'SELECT CAST(NULL AS row(a decimal(10,2), b timestamp with time zone, c double precision)) IS NULL')).toEqual({
      columns: ['_col0 boolean'],
      rows: [[true]],
    });
  });
});
