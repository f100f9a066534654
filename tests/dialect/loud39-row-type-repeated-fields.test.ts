// A row type that names a field twice: Trino 476 keeps both fields (asked on 2026-12-07, branch loud39:
// `CAST(ROW(1, 2) AS ROW(a integer, a integer)).*` is the columns a, a: 1, 2; `CAST(ROW(1, 2) AS ROW("a" integer, "A"
// integer))` row(a integer, A integer)). A DuckDB struct cannot hold one name twice, in any case ("Duplicate struct
// entry name"), which the local engine reported as the star-over-join refusal, naming a join the query does not have.
// Refused at lint now, at the CAST, with a message that says why.
import { describe, expect, it } from 'vitest';
import { refusedAt, rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('a row type with a repeated field name', () => {
  it.each<[string]>([
    ['SELECT CAST(ROW(1, 2) AS ROW(a integer, a integer)).*'],
    ['SELECT CAST(ROW(1, 2) AS ROW(a integer, A integer))'],
    ['SELECT CAST(ROW(1, 2) AS ROW("a" integer, "A" integer))'],
    ["SELECT CAST(ROW(ROW(1, 'x')) AS ROW(r ROW(k integer, k varchar)))"],
  ])('%s is refused', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('type', sql, 'CAST', 'a row type with two fields named'));
  });

  it('distinct names still answer (Trino 476: a row(x integer), b integer)', async () => {
    expect(await rowsAndTypes(engine, 'SELECT CAST(ROW(ROW(1), 2) AS ROW(a ROW(x integer), b integer)).*')).toEqual({
      rows: [[{ x: 1 }, 2]],
      types: ['row(x integer)', 'integer'],
    });
  });
});
