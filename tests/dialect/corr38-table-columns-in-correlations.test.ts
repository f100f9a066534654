// Correlated subqueries over a catalog table (issue 15): the SQL does not show a table's columns, so a bare name
// inside a subquery over a table was not known to be an outer reference, and an outer `t.*` over a table with a column
// t not known to read the outer row. The local engine now tells the correlation checks the catalog's columns
// (TranslateContext.columnTypes; `lake lint` has no catalog and still cannot see these). Every expectation is the
// shared Trino 476's answer or failure over the same tables (memory.default.corr38_w(c) of rows 1, 15,
// memory.default.corr38_w2(t, c) of row (1, 7), memory.default.corr38_w3(t row(p, q), c) of row ((5, 6), 7)), asked
// on 2026-12-07. The outer `t.*` cases were refused before too (by the correlation rules); kept as a guard.
import { describe, expect, it } from 'vitest';
import { correlatedAt, rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('correlations over a catalog table', () => {
  it('makes the tables', async () => {
    await engine.execute('CREATE TABLE w AS SELECT * FROM (VALUES 1, 15) w(c)');
    await engine.execute('CREATE TABLE w2 AS SELECT * FROM (VALUES (1, 7)) w(t, c)');
    await engine.execute('CREATE TABLE w3 AS SELECT CAST(ROW(5, 6) AS row(p integer, q integer)) AS t, 7 AS c');
  });

  // Trino 476: NOT_SUPPORTED "Given correlated subquery is not supported".
  it.each<[string, string, string]>([
    ['a bare outer name selected beside the table column', 'SELECT k, (SELECT c + k FROM w WHERE c = k) FROM (VALUES 1, 15) t(k) ORDER BY 1', 'k FROM w'],
    [
      'a bare outer name in a nested subquery beside the middle level',
      'SELECT a, (SELECT (SELECT max(c) FROM w WHERE c < a) + b FROM (VALUES 1) u(b)) FROM (VALUES 10, 20) t(a) ORDER BY 1',
      'a) + b',
    ],
    [
      'a bare outer name in a nested subquery beside an aggregate of the table',
      'SELECT a, (SELECT (SELECT a) + max(c) FROM w) FROM (VALUES 10, 20) t(a) ORDER BY 1',
      'a) + max',
    ],
    ['the same after the aggregate', 'SELECT a, (SELECT max(c) + (SELECT a + 1) FROM w) FROM (VALUES 10, 20) t(a) ORDER BY 1', 'a + 1)'],
  ])('%s is refused', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(correlatedAt(sql, at));
  });

  it.each<[string, string, string]>([
    ['a scalar subquery', 'SELECT a, (SELECT t.* FROM w2) FROM (VALUES 1) t(a)', 't.*'],
    ['LATERAL over a row column t', 'SELECT a, b, x, y FROM (VALUES (1, 2)) t(a, b) CROSS JOIN LATERAL (SELECT t.* FROM w3) u(x, y)', 't.*'],
  ])('an outer t.* over a table with a column t: %s is refused (Trino 476 reads the outer t and fails)', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(new RegExp(`<sql>:1:${sql.indexOf(at) + 1}: error \\[unfaithful/`));
  });

  it.each<[string, string, string[], unknown[][]]>([
    [
      'a bare outer name under an aggregate',
      'SELECT a, (SELECT max(c) FROM w WHERE c < a) FROM (VALUES 10, 20) t(a) ORDER BY 1',
      ['integer', 'integer'],
      [
        [10, 1],
        [20, 15],
      ],
    ],
    [
      'max(c) + k',
      'SELECT k, (SELECT max(c) + k FROM w WHERE c < k) FROM (VALUES 1, 15) t(k) ORDER BY 1',
      ['integer', 'integer'],
      [
        [1, null],
        [15, 16],
      ],
    ],
  ])('%s answers', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});
