// Casts of date and timestamp literals to date and to text are folded by the translator (src/dialect/translate/
// constant-dates.ts): `CAST(CAST(${period_start} AS DATE) AS VARCHAR)`, a model's period filter, is a constant whose
// translation DuckDB's optimizer otherwise folds at ~3.5 ms of planning per cast. Trino keeps a timestamp's date when
// casting it to date and writes a date as YYYY-MM-DD (https://trino.io/docs/current/functions/conversion.html); the
// answers below are Trino 476's (the oracle, `lake sql --engine trino`), and each folded cast must equal the general
// path (reached by parenthesising the operand, which the fold does not look into).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { translateStatement } from '../../src/dialect/translate/index.js';
import { SeededRandom } from '../../src/ingest/random.js';

let engine: AthenaLocalEngine;

beforeAll(async () => {
  engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-constant-dates-')), inMemory: true, threads: 1 });
});
afterAll(async () => engine.close());

const translated = (sql: string) => {
  const [step] = translateStatement(sql, { lakeRoot: '/lake', database: 'default' }).steps;
  return step.kind === 'sql' ? step.sql : '';
};
/**
 * The general path of `CAST(x AS t)`: the operand in parentheses. A TRY_CAST of these literals cannot fail, so it is
 * compared with the CAST (the general TRY_CAST over a CAST fails to bind locally: "TRY can not be used in combination
 * with a volatile function").
 */
const general = (cast: string) => cast.replace(/^(TRY_CAST|CAST)\((.*) AS ([A-Z]+)\)$/, 'CAST(($2) AS $3)');

describe('casts of date and timestamp literals', () => {
  it.each<[cast: string, answer: string, type: string]>([
    ["CAST(CAST(TIMESTAMP '2000-01-01 00:00:00' AS DATE) AS VARCHAR)", '2000-01-01', 'varchar'],
    ["CAST(DATE '2020-02-29' AS VARCHAR)", '2020-02-29', 'varchar'],
    ["CAST(TIMESTAMP '2000-12-31 23:59:59.999' AS DATE)", '2000-12-31', 'date'],
    ["TRY_CAST(CAST(TIMESTAMP '2000-01-01' AS DATE) AS VARCHAR)", '2000-01-01', 'varchar'],
    ["CAST(TIMESTAMP '2000-01-01 10:00' AS DATE)", '2000-01-01', 'date'],
    ["CAST(CAST(CAST(TIMESTAMP '1000-01-01 00:00:00' AS DATE) AS DATE) AS VARCHAR)", '1000-01-01', 'varchar'],
    ["CAST(DATE '9999-12-31' AS VARCHAR)", '9999-12-31', 'varchar'],
    ["TRY_CAST(TIMESTAMP '2024-02-29 12:00:00' AS DATE)", '2024-02-29', 'date'],
  ])('%s is folded to its answer', async (cast, answer, type) => {
    expect(translated(`SELECT ${cast}`)).not.toMatch(/trino_/);
    const result = await engine.execute(`SELECT ${cast} AS folded, ${general(cast)} AS general`);
    expect(result.rows[0]).toEqual([answer, answer]);
    expect(result.columns.map((c) => c.type)).toEqual([type, type]);
  });

  it.each([
    ["CAST(DATE '2021-02-29' AS VARCHAR)", 'not a calendar date'],
    ["CAST(TIMESTAMP '2000-01-01 24:00:00' AS DATE)", 'hour 24'],
    ["CAST(TIMESTAMP '2000-01-01 10:00 UTC' AS DATE)", 'a zone'],
    ["CAST(TIMESTAMP '2000-01-01 10:00:00.12' AS DATE)", 'two fraction digits (timestamp(2), refused locally)'],
    ["CAST(DATE '0999-12-31' AS VARCHAR)", 'a year before 1000'],
    ["CAST(DATE '2000-1-1' AS VARCHAR)", 'one-digit month and day'],
    ["CAST(CAST(DATE '2000-01-01' AS DATE) AS VARCHAR(4))", 'a bounded varchar'],
    ["CAST(DATE '2000-01-01' AS TIMESTAMP)", 'a cast to timestamp'],
  ])('%s is left to the general path (%s)', (cast) => {
    let text: string;
    try {
      text = translated(`SELECT ${cast}`);
    } catch (error) {
      // The local engine refuses it: the refusal is the general path's, not the fold's.
      expect((error as Error).message).toMatch(/unfaithful/);
      return;
    }
    expect(text).toMatch(/trino_|TIMESTAMP '/);
  });

  it('equals the general path on random dates and times of the years 1000-9999', async () => {
    const random = new SeededRandom(18);
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    const casts: string[] = [];
    for (let i = 0; i < 40; i++) {
      const day = new Date(Date.UTC(1000, 0, 1) + Math.floor(random.next() * 9000 * 365.2425) * 86_400_000);
      const date = `${pad(day.getUTCFullYear(), 4)}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
      const time = `${pad(Math.floor(random.next() * 24))}:${pad(Math.floor(random.next() * 60))}:${pad(Math.floor(random.next() * 60))}.${pad(Math.floor(random.next() * 1000), 3)}`;
      casts.push(`CAST(DATE '${date}' AS VARCHAR)`, `CAST(TIMESTAMP '${date} ${time}' AS DATE)`, `CAST(CAST(TIMESTAMP '${date} ${time}' AS DATE) AS VARCHAR)`);
    }
    const sql = `SELECT ${casts.map((cast, k) => `${cast} AS f${k}, ${general(cast)} AS g${k}`).join(', ')}`;
    expect(translated(`SELECT ${casts.join(', ')}`)).not.toMatch(/trino_/);
    const [row] = (await engine.execute(sql)).rows;
    const folded = row.filter((_v, k) => k % 2 === 0);
    const generalAnswers = row.filter((_v, k) => k % 2 === 1);
    expect(folded).toEqual(generalAnswers);
    expect(folded.every((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))).toBe(true);
  });
});
