// A double or real NaN or infinity cast to JSON (docs/issue-15-audit.md "JSON leftovers (session of 2026-12-06 night,
// branch json33)"): Jackson writes them as the strings "NaN", "Infinity", "-Infinity" for Trino; DuckDB's to_json wrote
// them bare, which the canonical writer could not read (loud: "Cannot convert value to JSON: '[NaN,Infinity]'").
// Every value and type below is the shared Trino 476's answer (2026-12-06); each query gives one row.
import { describe, expect, it } from 'vitest';
import { sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

/** A query, Trino 476's column types and its rows. */
type Case = [string, string[], unknown[][]];

// biome-ignore format: a table, one case a line
const SPECIAL_DOUBLES: Case[] = [
  ['SELECT json_format(CAST(ARRAY[nan(), infinity()] AS JSON))', ['varchar'], [['["NaN","Infinity"]']]],
  ['SELECT CAST(ARRAY[nan(), infinity(), -infinity(), 1.5e0] AS JSON)', ['json'], [['["NaN","Infinity","-Infinity",1.5]']]],
  ["SELECT CAST(nan() AS JSON), CAST(-infinity() AS JSON), json_format(CAST(MAP(ARRAY['a'], ARRAY[nan()]) AS JSON))", ['json', 'json', 'varchar'], [['"NaN"', '"-Infinity"', '{"a":"NaN"}']]],
  ['SELECT CAST(CAST(nan() AS real) AS JSON), CAST(ARRAY[CAST(infinity() AS real)] AS JSON)', ['json', 'json'], [['"NaN"', '["Infinity"]']]],
  ["SELECT CAST(CAST(ROW(nan(), 'NaN') AS ROW(d double, s varchar)) AS JSON)", ['json'], [['{"d":"NaN","s":"NaN"}']]],
  ["SELECT CAST(CAST(ROW(-infinity(), 'a\"NaN') AS ROW(d double, s varchar)) AS JSON), CAST(ARRAY[CAST(NULL AS double), nan()] AS JSON)", ['json', 'json'], [['{"d":"-Infinity","s":"a\\"NaN"}', '[null,"NaN"]']]],
  ['SELECT CAST(MAP(ARRAY[nan()], ARRAY[infinity()]) AS JSON)', ['json'], [['{"NaN":"Infinity"}']]],
];

describe('NaN and infinities cast to JSON', () => {
  it.each(SPECIAL_DOUBLES)('%s', async (sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});
