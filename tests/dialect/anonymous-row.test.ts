// Anonymous rows: DuckDB's client merges fields without names, so a multi-field ROW(…) is refused unless it is CAST to
// a named row type; a single-field ROW keeps Trino's field0 name.
import { afterEach, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { checkFaithful } from '../../src/dialect/lint/index.js';
import { openLake } from './lake-helpers.js';

let engine: AthenaLocalEngine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

describe('anonymous ROW values', () => {
  it('returns a named row cast from ROW(…) with every field', async () => {
    engine = await openLake();
    const result = await engine.execute("SELECT CAST(ROW(1, 'x') AS ROW(a integer, b varchar)) AS r");
    expect(result.columns).toEqual([{ name: 'r', type: 'row(a integer, b varchar)' }]);
    expect(result.rows).toEqual([[{ a: 1, b: 'x' }]]);
  });

  it('names the field of a one-field anonymous row field0', async () => {
    engine = await openLake();
    const result = await engine.execute('SELECT ROW(7) AS r');
    expect(result.columns).toEqual([{ name: 'r', type: 'row(integer)' }]);
    expect(result.rows).toEqual([[{ field0: 7 }]]);
  });

  it('refuses a multi-field anonymous row, with the position and the portable form', async () => {
    engine = await openLake();
    await expect(engine.execute("SELECT ROW(1, 'x') AS r")).rejects.toThrow(/anonymous-row/);
    expect(checkFaithful("SELECT\n  ROW(1, 'x') AS r", { file: 'q.sql' })).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'unfaithful/anonymous-row',
        file: 'q.sql',
        line: 2,
        col: 3,
        hint: expect.stringContaining('CAST(ROW('),
      }),
    ]);
  });

  // (a, b) is a row constructor too (Trino 476: SELECT (1, 2) is row(integer, integer) {field0=1, field1=2}); DuckDB's
  // client answered {field0: 2}.
  it('refuses a parenthesized list returned as a select item, at its parenthesis', () => {
    const cases: [string, number][] = [
      ['SELECT\n  (1, 2)', 3],
      ['SELECT\n  (g, 2) AS r FROM (VALUES 1) t(g)', 3],
      ['SELECT\n  ((1, 2)) r', 4],
    ];
    for (const [sql, col] of cases)
      expect(checkFaithful(sql, { file: 'q.sql' }), sql).toEqual([expect.objectContaining({ rule: 'unfaithful/anonymous-row', line: 2, col })]);
  });

  it('keeps a parenthesized list compared, or cast to a named row', async () => {
    engine = await openLake();
    const compared = await engine.execute('SELECT x FROM (VALUES 1) t(x) WHERE (x, 2) = (1, 2) AND (x, 2) IN (SELECT 1, 2)');
    expect(compared.rows).toEqual([[1]]);
    const cast = await engine.execute('SELECT CAST((1, 2) AS ROW(a int, b int)) AS r, ((1)) AS one');
    expect(cast.rows).toEqual([[{ a: 1, b: 2 }, 1]]);
  });

  // Trino 476 answers these; the rows come back named by the cast's type (was refused as anonymous).
  it('returns rows cast inside an array or a map to named rows', async () => {
    engine = await openLake();
    const array = await engine.execute('SELECT CAST(ARRAY[ROW(1.6, 2)] AS array(row(x integer, y varchar))) AS a');
    expect(array.columns).toEqual([{ name: 'a', type: 'array(row(x integer, y varchar))' }]);
    expect(array.rows).toEqual([[[{ x: 2, y: '2' }]]]);
    const map = await engine.execute("SELECT CAST(MAP(ARRAY['k'], ARRAY[ROW(1, 'a')]) AS map(varchar, row(x integer, y varchar))) AS m");
    expect(map.rows).toEqual([[{ k: { x: 1, y: 'a' } }]]);
    await expect(engine.execute('SELECT CAST(ARRAY[ROW(1, 2)] AS array(row(integer, integer)))')).rejects.toThrow(/anonymous-row/);
  });
});
