// Relations, fourth pass (docs/issue-15-audit.md "Relations, fourth pass"). Every expectation is Trino 476's (the
// shared oracle): its value, type and column name, or its error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { namedResult, openLake } from './lake-helpers.js';

let engine: AthenaLocalEngine;
beforeAll(async () => {
  engine = await openLake();
});
afterAll(async () => engine.close());

describe('arithmetic on a subscript read with an outer index, inside a subquery', () => {
  // DuckDB lost a struct field's name where a macro call reading an outer column was the value (trino_plus of
  // trino_subscript): "Need named argument for struct pack".
  const OUTER = 'FROM (VALUES (ARRAY[10, 20], 2)) t(a, i)';
  it.each<[string, string, unknown]>([
    ['a[t.i] + 1', 'integer', 21],
    ['a[t.i] - 1', 'integer', 19],
    ['a[t.i] * 2', 'integer', 40],
    ['a[t.i] / 3', 'integer', 6],
    ['a[t.i] % 3', 'integer', 2],
    ['element_at(a, t.i) + 1.5', 'decimal(12,1)', '21.5'],
  ])('(SELECT %s FROM (VALUES 1) u(y))', async (expression, type, value) => {
    expect(await namedResult(engine, `SELECT (SELECT ${expression} FROM (VALUES 1) u(y)) ${OUTER}`)).toEqual({
      columns: [`_col0 ${type}`],
      rows: [[value]],
    });
  });

  it('(SELECT a[i] + 1) without FROM', async () => {
    expect(await namedResult(engine, `SELECT (SELECT a[i] + 1) ${OUTER}`)).toEqual({ columns: ['_col0 integer'], rows: [[21]] });
  });
});
