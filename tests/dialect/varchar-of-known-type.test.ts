// CAST(x AS varchar) where x is itself a CAST to a type the translator knows (date, integers, boolean, varchar) takes
// the text of that type directly instead of the general trino_to_varchar, whose CASE on typeof(x) DuckDB binds branch
// by branch (JSON, double, decimal, timestamp texts) at every call: ~4 ms of planning per call, most of `lake lint`'s
// binding of a model with a period filter. The answers are Trino 476's (the oracle, `lake sql --engine trino`): a
// date's text is Java's ISO year outside 1000-9999 (-0075-03-01, 10025-03-01), an integer's and a boolean's their
// digits and true/false (https://trino.io/docs/current/functions/conversion.html#cast). The general path, reached by
// parenthesising the operand, must give the same answer and type.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { translateStatement } from '../../src/dialect/translate/index.js';

let engine: AthenaLocalEngine;

beforeAll(async () => {
  engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-varchar-known-')), inMemory: true, threads: 1 });
});
afterAll(async () => engine.close());

const translated = (sql: string) => {
  const [step] = translateStatement(sql, { lakeRoot: '/lake', database: 'default' }).steps;
  return step.kind === 'sql' ? step.sql : '';
};

// The general conversion in its plain or its _once form (an operand holding a call binds once, bind31).
const generalConversions = (sql: string) => translated(sql).split(/trino_to_varchar(?:_once)?\(/).length - 1;

describe('CAST(CAST(x AS t) AS varchar) for a known t', () => {
  it.each<[inner: string, text: string | null]>([
    ["CAST(date_add('year', -2100, DATE '2025-03-01') AS DATE)", '-0075-03-01'],
    ["CAST(date_add('year', 8000, DATE '2025-03-01') AS DATE)", '10025-03-01'],
    ["CAST('0999-12-31' AS DATE)", '0999-12-31'],
    ["CAST(TIMESTAMP '2000-01-01 23:59:59.999' AS DATE)", '2000-01-01'],
    ["CAST(DATE '2020-02-29' AS DATE)", '2020-02-29'],
    ["TRY_CAST('2025-02-30' AS DATE)", null],
    ['CAST(NULL AS DATE)', null],
    ['CAST(-5 AS TINYINT)', '-5'],
    ['CAST(-300 AS SMALLINT)', '-300'],
    ['CAST(2.5 AS INTEGER)', '3'],
    ['CAST(12345678901 AS BIGINT)', '12345678901'],
    ["CAST('true' AS BOOLEAN)", 'true'],
    ["CAST('ab' AS VARCHAR(1))", 'a'],
  ])('%s', async (inner, text) => {
    const direct = `CAST(${inner} AS VARCHAR)`;
    // The outer CAST adds no general conversion (the inner one may have its own: CAST(… AS VARCHAR(1))).
    expect(generalConversions(`SELECT ${direct}`)).toBe(generalConversions(`SELECT ${inner}`));
    const result = await engine.execute(`SELECT ${direct} AS direct, CAST((${inner}) AS VARCHAR) AS general`);
    expect(result.rows[0]).toEqual([text, text]);
    expect(result.columns.map((c) => c.type)).toEqual(['varchar', 'varchar']);
  });

  it('over aggregates and windows (Trino: 2024-12-31 / 2025-01-02, the lagged date and the count as text)', async () => {
    const values = "FROM (VALUES DATE '2025-01-02', DATE '2024-12-31') AS t(d)";
    const grouped = await engine.execute(`SELECT CAST(CAST(max(d) AS DATE) AS VARCHAR) AS m ${values} GROUP BY d ORDER BY 1`);
    expect(grouped.rows).toEqual([['2024-12-31'], ['2025-01-02']]);
    const windowed = await engine.execute(
      `SELECT CAST(CAST(lag(d) OVER (ORDER BY d) AS DATE) AS VARCHAR) AS l, CAST(CAST(count(*) OVER () AS INTEGER) AS VARCHAR) AS n ${values} ORDER BY 1`,
    );
    expect(windowed.rows).toEqual([
      ['2024-12-31', '2'],
      [null, '2'],
    ]);
  });

  it('under TRY_CAST (Trino: the texts)', async () => {
    const sql =
      "SELECT TRY_CAST(CAST(s AS DATE) AS VARCHAR) AS d, TRY_CAST(CAST(s = '2025-01-02' AS BOOLEAN) AS VARCHAR) AS b FROM (VALUES ('2025-01-02'), ('2025-01-03')) AS t(s) ORDER BY 1";
    expect(generalConversions(sql)).toBe(0);
    expect((await engine.execute(sql)).rows).toEqual([
      ['2025-01-02', 'true'],
      ['2025-01-03', 'false'],
    ]);
  });

  it('keeps the general conversion for other operands (bounded varchar, decimals, a parenthesised cast)', () => {
    expect(generalConversions('SELECT CAST(CAST(x AS DATE) AS VARCHAR(4)) FROM t')).toBe(1);
    expect(generalConversions('SELECT CAST(CAST(x AS DECIMAL(10, 2)) AS VARCHAR) FROM t')).toBe(1);
    expect(generalConversions('SELECT CAST((CAST(x AS DATE)) AS VARCHAR) FROM t')).toBe(1);
  });
});
