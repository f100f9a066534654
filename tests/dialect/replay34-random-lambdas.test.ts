// Trino's TestRandom (io/trino/sql/query), its lambda case: the same lambda drawing random values, written twice in one
// query. Trino 476 draws each call (`… = …` is false, asked of the shared Trino 476); DuckDB does not mark such a lambda
// volatile and computed the two calls once (true: silent). Refused at the second call (docs/issue-15-audit.md "Trino's
// query tests replayed: TestPivot, TestNearest, TestMatchPredicate and the other newer files", branch replay34).
import { describe, expect, it } from 'vitest';
import { sharedLake, refusedAt, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

// The second occurrence of the call: the text after the first one.
const second = (sql: string, call: string) => refusedAt('random-lambda', sql.replace(call, ' '.repeat(call.length)), call);

describe('a random-drawing lambda written twice in one query', () => {
  it.each<[string, string, string]>([
    // Trino 476: false for each (boolean).
    [
      "TestRandom's WITH",
      'WITH t(a, b) AS (SELECT transform(array[1], x -> random())[1], transform(array[1], x -> random())[1]) SELECT a = b FROM t',
      'transform(array[1], x -> random())',
    ],
    [
      'compared in one expression',
      'SELECT transform(array[1, 2], x -> random())[1] = transform(array[1, 2], x -> random())[1]',
      'transform(array[1, 2], x -> random())',
    ],
    [
      'two columns of a subquery',
      'SELECT x = y FROM (SELECT transform(array[1], x -> random())[1] AS x, transform(array[1], x -> random())[1] AS y)',
      'transform(array[1], x -> random())',
    ],
    ['rand()', 'SELECT transform(array[1], x -> rand())[1] = transform(array[1], x -> rand())[1]', 'transform(array[1], x -> rand())'],
    ['uuid()', 'SELECT transform(array[1], x -> uuid())[1] = transform(array[1], x -> uuid())[1]', 'transform(array[1], x -> uuid())'],
  ])('%s is refused at the second call', async (_name, sql, call) => {
    await expect(engine.execute(sql)).rejects.toThrow(second(sql, call));
  });

  it.each<[string, string, string[], unknown[][]]>([
    ['one call', 'SELECT cardinality(transform(array[1], x -> random())) AS n', ['bigint'], [[1]]],
    ['two calls over different arrays', 'SELECT transform(array[1], x -> random())[1] = transform(array[2], x -> random())[1]', ['boolean'], [[false]]],
    ['a deterministic lambda twice', 'SELECT transform(array[1], x -> x + 1) = transform(array[1], x -> x + 1)', ['boolean'], [[true]]],
    [
      'one call in each of two subqueries',
      'SELECT (SELECT cardinality(transform(array[1], x -> random()))) + (SELECT cardinality(transform(array[1], x -> random())))',
      ['bigint'],
      [[2]],
    ],
    ['two plain random() of one row', 'WITH t(a, b) AS (SELECT random(), random()) SELECT a = b FROM t', ['boolean'], [[false]]],
  ])('%s answers as Trino', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});
