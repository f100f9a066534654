// A WITH query's body sees the queries around the query that names it, not that query's own FROM: `WITH o AS (SELECT
// customer_id … GROUP BY customer_id) SELECT … FROM d JOIN o …` has no outer reference, even where the catalog shows
// `d`'s columns (corr38 gave the correlation checks the catalog's columns, and the example's p3_customer_360 model was
// then refused as "a subquery groups by a column of an enclosing query"). Expected answers: Trino 476 over
// memory.default tables of the same rows (o(customer_id, order_id) = (1, 'a'), (1, 'b'), (2, 'c'); d = 1, 2, 3), asked
// on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('the scope of a WITH query over catalog tables', () => {
  it('makes the tables', async () => {
    await engine.execute("CREATE TABLE scope_o AS SELECT * FROM (VALUES (1, 'a'), (1, 'b'), (2, 'c')) o(customer_id, order_id)");
    await engine.execute('CREATE TABLE scope_d AS SELECT * FROM (VALUES 1, 2, 3) d(customer_id)');
  });

  it("a WITH query grouping by a column the main query's table also has answers", async () => {
    const sql =
      'WITH lo AS (SELECT *, 1 AS version FROM scope_o), o AS (SELECT customer_id, count(*) AS n FROM lo WHERE version = 1 GROUP BY customer_id) SELECT d.customer_id, o.n FROM scope_d d JOIN o ON o.customer_id = d.customer_id ORDER BY 1';
    expect(await rowsAndTypes(engine, sql)).toEqual({
      types: ['integer', 'bigint'],
      rows: [
        [1, 2],
        [2, 1],
      ],
    });
  });

  it('a WITH query inside a scalar subquery still reads the outer row', async () => {
    const sql =
      'SELECT d.customer_id, (WITH lo AS (SELECT customer_id FROM scope_o WHERE customer_id = d.customer_id) SELECT count(*) FROM lo) AS n FROM scope_d d ORDER BY 1';
    expect(await rowsAndTypes(engine, sql)).toEqual({
      types: ['integer', 'bigint'],
      rows: [
        [1, 2],
        [2, 1],
        [3, 0],
      ],
    });
  });
});
