// A number compared with a varchar column (issue 15, docs/issue-15-audit.md, overref43's section; perf42 found it with
// date_diff): Trino 476 fails with TYPE_MISMATCH ("Cannot apply operator: bigint = varchar(1)"); locally DuckDB's binder
// failed first on the nested branch of trino_compare_any ("Cannot deduce template type 'T' in function: 'list_value(T,
// [T...]) -> T[]'"), not with the product's refusal. The plain branch, which holds the text guard, is now bound first
// (nested-compare.ts trino_compare_any). Every answer below is the shared Trino 476's to the same SQL, asked on 2026-12-08.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const SOURCE = "FROM (VALUES (DATE '2024-01-01', DATE '2024-01-03', '2', 1, 2)) t(d1, d2, v, i, n)";
const REFUSED = /TYPE_MISMATCH: Cannot apply operator: a varchar compared with another type fails on Athena/;

describe('a number compared with a varchar column', () => {
  // Trino 476: TYPE_MISMATCH, "Cannot apply operator: bigint = varchar(1)" (varchar(1) = bigint, bigint < varchar(1),
  // integer = varchar(1)), also in WHERE.
  it.each<[string]>([
    [`SELECT date_diff('day', d1, d2) = v ${SOURCE}`],
    [`SELECT v = date_diff('day', d1, d2) ${SOURCE}`],
    [`SELECT date_diff('day', d1, d2) > v ${SOURCE}`],
    [`SELECT date_diff('day', d1, d2) <> v ${SOURCE}`],
    [`SELECT count(*) ${SOURCE} WHERE date_diff('day', d1, d2) = v`],
    [`SELECT abs(i) = v ${SOURCE}`],
    [`SELECT i = v ${SOURCE}`],
  ])('%s is refused with the product message', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });

  it('still answers date_diff compared with a number column', async () => {
    expect(await rowsAndTypes(engine, `SELECT date_diff('day', d1, d2) = n, date_diff('day', d1, d2) > i ${SOURCE}`)).toEqual({
      rows: [[true, true]],
      types: ['boolean', 'boolean'],
    });
  });
});

// `x IS [NOT] DISTINCT FROM y` of two columns took no text guard: an integer beside a varchar column answered true
// locally (silent); the guard of = is now beside it (operators.ts distinctColumnsAsSets).
describe('IS [NOT] DISTINCT FROM of a number and a varchar column', () => {
  const TYPED = "FROM (VALUES (DATE '2024-01-01', '2', 1, NULL, ARRAY[1], 2.5e0, '3')) t(d, v, i, z, a, g, w)";
  // Trino 476: TYPE_MISMATCH "Cannot check if integer is identical to varchar(1)" (varchar(1) … integer), also in WHERE.
  it.each<[string]>([
    [`SELECT i IS DISTINCT FROM v ${TYPED}`],
    [`SELECT v IS NOT DISTINCT FROM i ${TYPED}`],
    [`SELECT count(*) ${TYPED} WHERE i IS DISTINCT FROM v`],
    // Trino 476: "Cannot check if bigint is identical to varchar(1)", "… integer is identical to varchar(1)".
    [`SELECT date_diff('day', d, d) IS DISTINCT FROM v ${TYPED}`],
    [`SELECT abs(i) IS NOT DISTINCT FROM v ${TYPED}`],
  ])('%s is refused with the product message', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });

  it('still answers NULL, number, varchar, date and array pairs', async () => {
    const sql = `SELECT i IS NOT DISTINCT FROM z, v IS DISTINCT FROM z, i IS DISTINCT FROM g, v IS DISTINCT FROM w, d IS DISTINCT FROM d, a IS DISTINCT FROM a ${TYPED}`;
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [[false, true, true, true, false, false]],
      types: ['boolean', 'boolean', 'boolean', 'boolean', 'boolean', 'boolean'],
    });
    const calls = `SELECT date_diff('day', d1, d2) IS DISTINCT FROM n, abs(i) IS DISTINCT FROM NULL, upper(v) IS DISTINCT FROM '2', ARRAY[i] IS DISTINCT FROM ARRAY[n] ${SOURCE}`;
    expect(await rowsAndTypes(engine, calls)).toEqual({ rows: [[false, true, false, true]], types: ['boolean', 'boolean', 'boolean', 'boolean'] });
  });
});

// `x IN (v)` of a number and a varchar column element failed with DuckDB's binder error on the nested branch's list; the
// plain branch's elements now take ='s text guard (nested-comparisons.ts, the IN list beside compareAny).
describe('IN lists of a varchar column beside a number', () => {
  const LISTS = "FROM (VALUES (DATE '2024-01-01', DATE '2024-01-03', '2', 1, 2, 2.5e0)) t(d1, d2, v, i, n, g)";
  // Trino 476: TYPE_MISMATCH "IN value and list items must be the same type or coercible to a common type".
  it.each<[string]>([[`SELECT i IN (v) ${LISTS}`], [`SELECT date_diff('day', d1, d2) IN (v) ${LISTS}`]])(
    '%s is refused with the product message',
    async (sql) => {
      await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
    },
  );

  it('still answers lists of one family', async () => {
    const sql = `SELECT i IN (n, 1), date_diff('day', d1, d2) IN (n), i IN (g, n), v IN (v, '2'), i NOT IN (n) ${LISTS}`;
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [[true, true, false, true, true]],
      types: ['boolean', 'boolean', 'boolean', 'boolean', 'boolean'],
    });
  });
});
