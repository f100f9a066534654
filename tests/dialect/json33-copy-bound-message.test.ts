// json32's refusal of a member or subscript of a json value (shims/macros.ts json_extract) surfaces as DuckDB's generic
// "Cannot copy bound expression", which error-messages.ts rewords into Trino's TYPE_MISMATCH. The rewording is for
// statements that have a member access or a subscript only: another statement DuckDB fails to bind with that message
// keeps DuckDB's message (docs/issue-15-audit.md "JSON leftovers (session of 2026-12-06 night, branch json33)").
// Trino 476 (the shared oracle, 2026-12-06): `SELECT j.foo FROM (VALUES JSON '{"foo":"bar"}') t(j)` fails with
// TYPE_MISMATCH "Expression j is not of type ROW"; `SELECT json_parse('[10, 20]')[1]` with TYPE_MISMATCH "Cannot use
// integer for subscript of json".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { failureMessage } from '../../src/dialect/shims/error-messages.js';
import { openLake } from './lake-helpers.js';

const COPY = 'Serialization Error: Cannot copy bound expression';
const REWORDED = /^TYPE_MISMATCH: a member or subscript of a json value \(j\.k, j\[1\], j\['k'\]\) is not Athena SQL/;

describe('the rewording of "Cannot copy bound expression"', () => {
  // biome-ignore format: a table, one case a line
  it.each([
    "SELECT j.foo FROM (VALUES JSON '{\"foo\":\"bar\"}') t(j)",
    "SELECT t.j.\"Foo Bar\" FROM (VALUES JSON '{}') t(j)",
    "SELECT json_parse('{\"a\":1}').a",
    "SELECT json_parse('[10, 20]')[1]",
    "SELECT JSON '[10, 20]'[1]",
    "SELECT j['a'] FROM (VALUES JSON '{}') t(j)",
  ])('a statement with a member or subscript is reworded: %s', (sql) => {
    expect(failureMessage(COPY, sql)).toMatch(REWORDED);
  });

  // biome-ignore format: a table, one case a line
  it.each([
    'SELECT 1',
    "SELECT ARRAY[1, 2], json_parse('[1]') FROM (VALUES 1) t(x)",
    'SELECT 1.5, x FROM t',
    'SELECT count(*) FROM t',
    '',
  ])('a statement of neither keeps DuckDB\'s message: %s', (sql) => {
    expect(failureMessage(COPY, sql)).toBe(COPY);
  });
});

describe('a member or subscript of json, run', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await openLake();
  });
  afterAll(async () => engine.close());

  it.each(['SELECT j.foo FROM (VALUES JSON \'{"foo":"bar"}\') t(j)', "SELECT json_parse('[10, 20]')[1]"])(
    'is still refused with the reworded message: %s',
    async (sql) => {
      await expect(engine.execute(sql)).rejects.toThrow(REWORDED);
    },
  );
});
