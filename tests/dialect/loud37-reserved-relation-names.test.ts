// A word DuckDB's parser reserves and Trino reads as an identifier (window, limit, at, offset, …) naming a relation
// with its column list: after AS (`(VALUES 1) AS window(window)`) or in a WITH list (`WITH window(a) AS (…)`). DuckDB
// failed to parse it (loud); it is quoted as those words already were elsewhere. Every expectation is the shared
// Trino 476's answer (value, type and name), asked on 2026-12-07 (branch loud37).
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('a DuckDB-reserved word naming a relation with its columns', () => {
  it.each<[string, string, string[], unknown[][]]>([
    ['window(window) after AS', 'SELECT window FROM (VALUES 1) AS window(window)', ['window integer'], [[1]]],
    [
      'limit(x) and at(offset), read qualified',
      'SELECT limit.x, offset FROM (VALUES 1) AS limit(x), (VALUES 2) AS at(offset)',
      ['x integer', 'offset integer'],
      [[1, 2]],
    ],
    ['WITH list names', 'WITH window(a) AS (SELECT 1), at(b) AS (SELECT 2) SELECT a, b FROM window, at', ['a integer', 'b integer'], [[1, 2]]],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });
});
