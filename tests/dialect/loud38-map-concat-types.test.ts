// map_concat of maps whose key or value types differ: Trino 476 answers over their common type (asked of the shared
// Trino on 2026-12-07, branch loud38: MAP(ARRAY[1], ARRAY[2]) with MAP(ARRAY[BIGINT '3'], ARRAY[4]) is {1=2, 3=4}
// map(bigint, integer); with ARRAY[4.5] values map(integer, decimal(11,1)); varchar keys with integer and double
// values map(varchar, double)). DuckDB's map_concat wants one type ("'value' type of map differs between arguments").
// Trino's common-type rules per pair are not reproduced: the failure is reworded as a refusal naming the construct and
// the cast that lifts it; maps of one type, or cast to one, answer as in Trino.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('map_concat of maps of different types', () => {
  it.each([
    "SELECT map_concat(MAP(ARRAY[1], ARRAY[2]), MAP(ARRAY[BIGINT '3'], ARRAY[4]))",
    'SELECT map_concat(MAP(ARRAY[1], ARRAY[2]), MAP(ARRAY[3], ARRAY[4.5]))',
    "SELECT map_concat(MAP(ARRAY['a'], ARRAY[2]), MAP(ARRAY['b'], ARRAY[DOUBLE '4']), MAP(ARRAY['c'], ARRAY[5]))",
  ])('is refused naming the construct: %s', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/^NOT_SUPPORTED: map_concat of maps whose key or value types differ \(map\(/);
  });

  it('maps cast to one type answer as in Trino 476', async () => {
    const sql = "SELECT map_concat(CAST(MAP(ARRAY[1], ARRAY[2]) AS map(bigint, integer)), MAP(ARRAY[BIGINT '3'], ARRAY[4]))";
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows: [[{ 1: 2, 3: 4 }]], types: ['map(bigint, integer)'] });
  });
});
