// Values that meet in one type (CASE results, coalesce, ARRAY[…], VALUES rows, greatest/least, if, nullif) of types
// Trino 476 does not coerce to one another: a number and a varchar, a boolean and a number, a date and a number.
// Trino fails (TYPE_MISMATCH "All COALESCE operands must be the same type or coercible to a common type. Cannot find
// common type between integer and varchar(1)"); DuckDB cast one and answered, so an analyst's file ran locally and
// broke on Athena. Trino's implicit coercions are listed at https://trino.io/docs/current/language/types.html and
// https://trino.io/docs/current/functions/conditional.html (the values of coalesce, if, nullif and CASE must be of one
// type or coercible to a common type): numbers among themselves, varchar(n) with varchar(m), date with timestamp, NULL
// with anything — those keep Trino's answer and type. Every expectation here is Trino 476's (the oracle,
// `lake sql --engine trino`).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';

let engine: AthenaLocalEngine;

beforeAll(async () => {
  engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-common-type-')), inMemory: true, threads: 1 });
});
afterAll(async () => engine.close());

const ROW = "FROM (VALUES (1, 'q', true, DATE '2025-01-01')) AS t(x, s, b, d)";

describe('values of types Athena does not coerce to one are refused', () => {
  it.each<[sql: string, trino: RegExp]>([
    ["SELECT coalesce(1, 'a')", /^TYPE_MISMATCH: All COALESCE operands must be the same type or coercible to a common type/],
    ['SELECT coalesce(true, 1)', /^TYPE_MISMATCH: All COALESCE operands must be the same type or coercible to a common type/],
    [`SELECT coalesce(x, 'none') ${ROW}`, /^TYPE_MISMATCH: All COALESCE operands must be the same type or coercible to a common type/],
    ["SELECT CASE WHEN true THEN 1 ELSE 'a' END", /^TYPE_MISMATCH: All CASE results must be the same type or coercible to a common type/],
    [`SELECT CASE WHEN x > 0 THEN s ELSE x END ${ROW}`, /^TYPE_MISMATCH: All CASE results must be the same type or coercible to a common type/],
    [`SELECT CASE x WHEN 1 THEN b ELSE 0 END ${ROW}`, /^TYPE_MISMATCH: All CASE results must be the same type or coercible to a common type/],
    ["SELECT ARRAY[1, 'a']", /^TYPE_MISMATCH: All ARRAY elements must be the same type or coercible to a common type/],
    [`SELECT ARRAY[d, 1] ${ROW}`, /^TYPE_MISMATCH: All ARRAY elements must be the same type or coercible to a common type/],
    ["VALUES (1), ('a')", /^TYPE_MISMATCH: Values rows have mismatched types/],
    ["SELECT greatest(1, 'a')", /^FUNCTION_NOT_FOUND: Unexpected parameters for function greatest/],
    [`SELECT least(s, x) ${ROW}`, /^FUNCTION_NOT_FOUND: Unexpected parameters for function least/],
    ["SELECT if(true, 1, 'a')", /^TYPE_MISMATCH: Result types for IF must be the same/],
    ["SELECT nullif(1, 'a')", /^TYPE_MISMATCH: Types are not comparable with NULLIF/],
    [`SELECT nullif(x, 'a') ${ROW}`, /^TYPE_MISMATCH: Types are not comparable with NULLIF/],
  ])('%s', async (sql, trino) => {
    await expect(engine.execute(sql)).rejects.toThrow(trino);
  });
});

describe('values Athena coerces to one keep its answer and type', () => {
  it('numbers, varchar of any length, NULL, date with timestamp', async () => {
    const result = await engine.execute(
      `SELECT coalesce(x, 2.5) AS a, if(x > 0, x, 2.5) AS b, nullif(x, 1) AS c, CASE WHEN x > 5 THEN NULL ELSE 'a' END AS d,
         coalesce(s, 'abc') AS e, ARRAY[x, 2.5] AS f, greatest(x, 1e0) AS g,
         coalesce(DATE '2025-01-01', TIMESTAMP '2025-01-01 00:00:00') AS h ${ROW}`,
    );
    expect(result.columns.map((c) => c.type)).toEqual([
      'decimal(11,1)',
      'decimal(11,1)',
      'integer',
      'varchar',
      'varchar',
      'array(decimal(11,1))',
      'double',
      'timestamp(3)',
    ]);
    expect(result.rows).toEqual([['1.0', '1.0', null, 'a', 'q', ['1.0', '2.5'], 1, '2025-01-01 00:00:00.000']]);
  });

  it('VALUES of an integer and a decimal: decimal(11,1)', async () => {
    const result = await engine.execute('VALUES (1), (2.5)');
    expect(result.columns.map((c) => c.type)).toEqual(['decimal(11,1)']);
    expect(result.rows).toEqual([['1.0'], ['2.5']]);
  });
});

// Trino 476: TYPE_MISMATCH "column 1 in UNION query has incompatible types: integer, varchar(1)"
// (https://trino.io/docs/current/sql/select.html#union-intersect-except: the branches' columns are coerced to a common
// type). The branches bind apart, so each carries a witness of its value's type family (set-operation-types.ts).
describe('set operations whose branches give a column of types Athena does not coerce to one', () => {
  it.each<[sql: string, trino: RegExp]>([
    ["SELECT 1 UNION SELECT 'a'", /^TYPE_MISMATCH: column 1 in UNION query has incompatible types: number, varchar/],
    ["SELECT 1 INTERSECT SELECT 'a'", /^TYPE_MISMATCH: column 1 in INTERSECT query has incompatible types/],
    [`SELECT x, s ${ROW} EXCEPT SELECT x, x ${ROW}`, /^TYPE_MISMATCH: column 2 in EXCEPT query has incompatible types: number, varchar/],
    [`SELECT b ${ROW} UNION ALL SELECT 1`, /^TYPE_MISMATCH: column 1 in UNION query has incompatible types: number, boolean/],
    [`SELECT d ${ROW} UNION ALL SELECT s ${ROW}`, /^TYPE_MISMATCH: column 1 in UNION query has incompatible types: varchar, date/],
  ])('%s', async (sql, trino) => {
    await expect(engine.execute(sql)).rejects.toThrow(trino);
  });

  it.each<[sql: string, type: string, rows: unknown[][]]>([
    ['SELECT x FROM (VALUES 1) t(x) UNION ALL SELECT 2.5 ORDER BY 1', 'decimal(11,1)', [['1.0'], ['2.5']]],
    ["SELECT s FROM (VALUES 'q') t(s) UNION ALL SELECT 'abc' ORDER BY 1", 'varchar', [['abc'], ['q']]],
    ["SELECT NULL UNION ALL SELECT 'a' ORDER BY 1", 'varchar', [['a'], [null]]],
    ["SELECT DATE '2025-01-01' UNION ALL SELECT TIMESTAMP '2025-01-01 00:00:00'", 'timestamp(3)', [['2025-01-01 00:00:00.000'], ['2025-01-01 00:00:00.000']]],
  ])('%s keeps Trino’s answer (%s)', async (sql, type, rows) => {
    const result = await engine.execute(sql);
    expect(result.columns.map((c) => c.type)).toEqual([type]);
    expect(result.rows).toEqual(rows);
  });
});
