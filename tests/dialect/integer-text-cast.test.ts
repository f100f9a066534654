// CAST of a string literal to an integer kind goes straight to DuckDB's CAST (src/dialect/translate/functions.ts,
// castCall): trino_to_<kind>'s VARCHAR branch is that same CAST, and the macro, bound at every call site, was most of
// the planning of `lake test`'s fixture rows (each number of a fixture is CAST('…' AS <kind>); issue 18). Answers and
// types are Trino 476's (the oracle, `lake sql --engine trino`); Trino's CAST from varchar to an integer type trims
// the text and fails on text that is not a number in the type's range
// (https://trino.io/docs/current/functions/conversion.html#cast). Each cast must equal the general path, reached by
// parenthesising the operand, which the fold does not look into.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { translateStatement } from '../../src/dialect/translate/index.js';

let engine: AthenaLocalEngine;

beforeAll(async () => {
  engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-integer-text-cast-')), inMemory: true, threads: 1 });
});
afterAll(async () => engine.close());

const translated = (sql: string) => {
  const [step] = translateStatement(sql, { lakeRoot: '/lake', database: 'default' }).steps;
  return step.kind === 'sql' ? step.sql : '';
};
/** The general path: the operand in parentheses is an expression, not a literal, and takes trino_to_<kind>. */
const general = (cast: string) => cast.replace(/^(TRY_CAST|CAST)\((.*) AS ([a-z]+)\)$/, '$1(($2) AS $3)');

describe('casts of string literals to integer types', () => {
  it.each<[cast: string, answer: number | bigint | null, type: string]>([
    ["CAST('1' AS integer)", 1, 'integer'],
    ["CAST(' 42 ' AS bigint)", 42, 'bigint'],
    ["CAST('-128' AS tinyint)", -128, 'tinyint'],
    ["CAST('32767' AS smallint)", 32767, 'smallint'],
    ["CAST('9223372036854775807' AS bigint)", 9223372036854775807n, 'bigint'],
    ["CAST('+7' AS int)", 7, 'integer'],
    ["TRY_CAST('abc' AS integer)", null, 'integer'],
    ["TRY_CAST('2147483648' AS integer)", null, 'integer'],
  ])('%s is DuckDB’s own CAST, with Trino’s answer', async (cast, answer, type) => {
    expect(translated(`SELECT ${cast}`)).not.toMatch(/trino_to_/);
    expect(translated(`SELECT ${general(cast)}`)).toMatch(/trino_to_/);
    const result = await engine.execute(`SELECT ${cast} AS folded, ${general(cast)} AS general`);
    expect(result.rows[0]).toEqual([answer, answer]);
    expect(result.columns.map((c) => c.type)).toEqual([type, type]);
  });

  it.each([
    ["CAST('128' AS tinyint)", "Cannot cast '128' to TINYINT"],
    ["CAST('abc' AS bigint)", "Cannot cast 'abc' to BIGINT"],
    ["CAST('' AS integer)", "Cannot cast '' to INT"],
  ])('%s fails as in Trino', async (cast, message) => {
    expect(translated(`SELECT ${cast}`)).not.toMatch(/trino_to_/);
    await expect(engine.execute(`SELECT ${cast}`)).rejects.toThrow(message);
    await expect(engine.execute(`SELECT ${general(cast)}`)).rejects.toThrow(message);
  });

  it.each([
    ['CAST(1.5E0 AS integer)', 'a double (rounded half away from zero by the shim)'],
    ["CAST(X'01' AS bigint)", 'a binary literal'],
    ["CAST(U&'1' AS integer)", 'a Unicode string literal'],
    ["CAST('1' || '2' AS integer)", 'an expression'],
    ["CAST('1.5' AS integer)", 'a text DuckDB reads otherwise (it rounds to 2; Trino 476 fails)'],
    ["CAST('1e3' AS bigint)", 'a text DuckDB reads otherwise'],
  ])('%s keeps the shim (%s)', (cast) => {
    expect(translated(`SELECT ${cast}`)).toMatch(/trino_to_(integer|bigint)\(/);
  });
});
