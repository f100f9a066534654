// IN lists and BETWEEN of a number beside a varchar column (issue 15, docs/issue-15-audit.md, overref44's section):
// Trino 476 fails with TYPE_MISMATCH; locally DuckDB failed first with "Cannot mix values of type INTEGER and VARCHAR in
// COALESCE operator" (the columns' reads, floating-operands.ts unseenBesideReal) instead of the product's refusal. The
// text guards are now bound before the comparison (nested-comparisons.ts typesGuarded). Every answer below is the
// shared Trino 476's to the same SQL, asked on 2026-12-08.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const SOURCE = "FROM (VALUES (1, 2, 'a', 2.5e0, DATE '2020-01-01', DATE '2019-01-01')) t(i, n, v, g, d, s)";
const REFUSED = /TYPE_MISMATCH: Cannot apply operator: a varchar compared with another type fails on Athena/;

describe('IN lists and BETWEEN of a number and a varchar column', () => {
  // Trino 476: TYPE_MISMATCH "IN value and list items must be the same type or coercible to a common type. Cannot find
  // common type between integer and varchar(1)", "Cannot check if integer is BETWEEN varchar(1) and varchar(1)"
  // (… BETWEEN varchar(1) and integer, varchar(1) is BETWEEN integer and integer, date is BETWEEN date and varchar(10)).
  it.each<[string]>([
    [`SELECT i NOT IN (n, v) ${SOURCE}`],
    [`SELECT i IN (n, v) ${SOURCE}`],
    [`SELECT count(*) ${SOURCE} WHERE i NOT IN (v, n)`],
    [`SELECT i BETWEEN v AND v ${SOURCE}`],
    [`SELECT i NOT BETWEEN v AND n ${SOURCE}`],
    [`SELECT v BETWEEN i AND i ${SOURCE}`],
    [`SELECT count(*) ${SOURCE} WHERE i BETWEEN n AND v`],
    [`SELECT d BETWEEN s AND '2020-01-02' ${SOURCE}`],
  ])('%s is refused with the product message', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });

  it('still answers lists and ranges of one family, in a join too', async () => {
    expect(await rowsAndTypes(engine, `SELECT i BETWEEN n AND g, i NOT IN (n, g), i IN (n, 2.5), d BETWEEN s AND d, v NOT IN (v, 'b') ${SOURCE}`)).toEqual({
      rows: [[false, true, false, true, false]],
      types: Array(5).fill('boolean'),
    });
    expect(await rowsAndTypes(engine, 'SELECT count(*) FROM (VALUES (1, 0, 2)) t(i, n, m) JOIN (VALUES 1) u(k) ON k BETWEEN n AND m')).toEqual({
      rows: [[1]],
      types: ['bigint'],
    });
  });
});
