// `(SELECT t.* AS (p))`: a scalar subquery without FROM whose item is a star with an alias list. scalar-selects.ts
// took `(p)` for the item's alias and inlined `t.* AS (p)` as an expression, which DuckDB could not parse (loud); it
// stays a subquery now, whose select list the star rules read. Every expectation is the shared Trino 476's answer
// (value and type), asked on 2026-12-07 (branch loud37).
import { describe, expect, it } from 'vitest';
import { sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

describe('a star with an alias list as a scalar subquery', () => {
  it.each<[string, string, string[], unknown[][]]>([
    ['alone', 'SELECT (SELECT t.* AS (p)) FROM (VALUES 1) t(a)', ['integer'], [[1]]],
    [
      'in an expression',
      'SELECT a, (SELECT t.* AS (p)) + 1 AS r FROM (VALUES 1, 5) t(a) ORDER BY 1',
      ['integer', 'integer'],
      [
        [1, 2],
        [5, 6],
      ],
    ],
  ])('%s', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});
