// MAP(keys, values) whose values read the outer row inside a subquery with a FROM (issue 15, docs/issue-15-audit.md,
// corr40's section): the local engine failed with DuckDB's binder "Referenced table "t" not found" (loud) for the map
// alone and for two maps compared (`=`, IS DISTINCT FROM), as the trino_map macro named the values inside a lambda's
// body (DuckDB does not bind an outer column there). Now the lambda builds only the duplicate-key message. Every
// expectation is the shared Trino 476's answer (value and type), asked on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const t = 'FROM (VALUES 1) t(x)';

describe('a map of outer-row values inside a correlated subquery', () => {
  it.each<[string, string, string[], unknown[][]]>([
    ['the map alone', `SELECT (SELECT MAP(ARRAY[1], ARRAY[CAST(t.x AS varchar)]) FROM (VALUES 1) u(y)) ${t}`, ['map(integer, varchar)'], [[{ 1: '1' }]]],
    ['two maps compared', `SELECT (SELECT MAP(ARRAY[1], ARRAY[t.x]) = MAP(ARRAY[1], ARRAY[2]) FROM (VALUES 1) u(y)) ${t}`, ['boolean'], [[false]]],
    [
      'IS DISTINCT FROM of element_at',
      `SELECT (SELECT MAP(ARRAY[1], ARRAY['a']) IS DISTINCT FROM MAP(ARRAY[1], ARRAY[element_at(ARRAY['b'], t.x)]) FROM (VALUES 1) u(y)) ${t}`,
      ['boolean'],
      [[true]],
    ],
    [
      'in the WHERE beside the level’s column',
      'SELECT (SELECT count(*) FROM (VALUES 1) u(y) WHERE MAP(ARRAY[1], ARRAY[t.x]) = MAP(ARRAY[1], ARRAY[y])) FROM (VALUES 1, 2) t(x) ORDER BY 1',
      ['bigint'],
      [[0], [1]],
    ],
  ])('%s answers', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});
