// A view made by another statement over `json_parse(s) AS j`, read by a CAST of j to an array, map or row: Trino 476
// (shared oracle) inlines the view's projection as it does a subquery's and casts the text s itself, so a repeated key
// fails (INVALID_CAST_ARGUMENT "Cannot cast to map(varchar, integer). Duplicate map keys are not allowed", "Cannot cast
// to row(a integer). Duplicate field: a"); the local view's json value kept the last key ({a: 2}). Such a cast is
// refused (inlined-json-parse.ts refuseViewJsonCasts, from the catalog's view SQL); where Trino reads json_parse's value
// (j read twice, TRY_CAST, try(), a DISTINCT view, a literal text) both answer {a: 2}. A view passing such a column on
// (`CREATE VIEW v2 AS SELECT j FROM v`) is inlined alike: Trino fails there too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { openLake, rowsAndTypes } from './lake-helpers.js';

const REFUSED = /\[unfaithful\/cast\] CAST of j, a view's json_parse\(…\) column, to (map\(varchar, integer\)|row\(a integer\)): Athena inlines the view/;

describe('views of json_parse made by another statement, cast to an array, map or row', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await openLake();
    await engine.execute(`CREATE VIEW repeated AS SELECT json_parse(s) j, s FROM (VALUES '{"a":1,"a":2}') t(s)`);
    await engine.execute(`CREATE VIEW repeated_distinct AS SELECT DISTINCT json_parse(s) j FROM (VALUES '{"a":1,"a":2}') t(s)`);
    await engine.execute(`CREATE VIEW repeated_literal AS SELECT json_parse('{"a":1,"a":2}') j`);
    await engine.execute('CREATE VIEW over_repeated AS SELECT j FROM repeated');
  });
  afterAll(async () => engine.close());

  it.each([
    ['SELECT CAST(j AS map(varchar, integer)) FROM repeated', '1:8'],
    ['SELECT CAST(j AS row(a integer)) FROM repeated', '1:8'],
    ['SELECT CAST(r.j AS map(varchar, integer)) FROM repeated r', '1:8'],
    ['SELECT (SELECT CAST(j AS map(varchar, integer)) FROM repeated)', '1:16'],
    ['WITH w AS (SELECT j FROM repeated) SELECT CAST(j AS map(varchar, integer)) FROM w', '1:43'],
    ['SELECT CAST(j AS map(varchar, integer)) FROM over_repeated', '1:8'],
  ])('%s is refused at %s (Trino fails: Duplicate map keys / field)', async (sql, at) => {
    const error = await engine.execute(sql).then(
      () => undefined,
      (e: Error) => e.message,
    );
    expect(error).toMatch(REFUSED);
    expect(error).toContain(`:${at}:`);
  });

  it.each([
    ['SELECT CAST(j AS map(varchar, integer)), j FROM repeated', ['map(varchar, integer)', 'json'], [[{ a: 2 }, '{"a":2}']]],
    ['SELECT TRY_CAST(j AS map(varchar, integer)) FROM repeated', ['map(varchar, integer)'], [[{ a: 2 }]]],
    ['SELECT try(CAST(j AS map(varchar, integer))) FROM repeated', ['map(varchar, integer)'], [[{ a: 2 }]]],
    ['SELECT CAST(j AS map(varchar, integer)) FROM repeated_distinct', ['map(varchar, integer)'], [[{ a: 2 }]]],
    ['SELECT CAST(j AS map(varchar, integer)) FROM repeated_literal', ['map(varchar, integer)'], [[{ a: 2 }]]],
  ])("%s answers Trino's value (json_parse's, the last key)", async (sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });

  it('a view made again without json_parse is not checked', async () => {
    await engine.execute(`CREATE OR REPLACE VIEW repeated AS SELECT CAST(j AS json) j FROM (SELECT json_parse('{"a":1,"a":2}') j)`);
    expect(await rowsAndTypes(engine, 'SELECT CAST(j AS map(varchar, integer)) FROM repeated')).toEqual({
      rows: [[{ a: 2 }]],
      types: ['map(varchar, integer)'],
    });
    expect(await rowsAndTypes(engine, 'SELECT CAST(j AS map(varchar, integer)) FROM over_repeated')).toEqual({
      rows: [[{ a: 2 }]],
      types: ['map(varchar, integer)'],
    });
  });
});
