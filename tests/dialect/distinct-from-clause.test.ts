// `x IS DISTINCT FROM y, …` in a select list: the FROM of IS DISTINCT FROM is no FROM clause, so what follows it is no
// relation whose column alias list is checked (column-aliases.ts): `s IN (t)` after it was read as a relation `s`
// with the alias `IN (t)` and failed locally with a syntax error. Answers from the shared Trino 476.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { openLake, rowsAndTypes } from './lake-helpers.js';

describe('IS DISTINCT FROM before a comma in a select list', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await openLake();
  });
  afterAll(async () => engine.close());

  it('answers as Trino', async () => {
    expect(await rowsAndTypes(engine, 'SELECT s IS DISTINCT FROM t, s IN (t), s IS NOT DISTINCT FROM t FROM (VALUES (1, 2)) v(s, t)')).toEqual({
      rows: [[true, false, false]],
      types: ['boolean', 'boolean', 'boolean'],
    });
  });
});
