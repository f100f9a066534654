// A varbinary input of json_exists, json_value and json_query (docs/issue-15-audit.md "JSON leftovers (session of
// 2026-12-06 night, branch json33)"): Trino 476 reads the bytes as UTF-8 text; DuckDB's binder found no overload of
// the shims (loud: "No function matches … trino_sql_json_value(BLOB, STRING_LITERAL)"). Every value and type below is
// the shared Trino 476's answer (2026-12-06); each query gives one row. Bytes that are not well-formed UTF-8 are
// refused: Java replaces malformed sequences in its own way (X'5B22EDA080E282225D' reads as two U+FFFD in Trino).
import { describe, expect, it } from 'vitest';
import { sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

/** A query, Trino 476's column types and its rows. */
type Case = [string, string[], unknown[][]];

// biome-ignore format: a table, one case a line
const VARBINARY_INPUTS: Case[] = [
  ["SELECT json_value(X'5B312C325D', 'lax $[1]'), json_query(X'5B312C325D', 'lax $[1]'), json_exists(X'5B312C325D', 'lax $[1]')", ['varchar', 'varchar', 'boolean'], [['2', '2', true]]],
  ["SELECT json_value(X'5B22C3A9225D', 'lax $[0]'), json_query(X'5B312C325D' FORMAT JSON, 'lax $')", ['varchar', 'varchar'], [['é', '[1,2]']]],
  ["SELECT json_query(b, 'lax $[1]' WITH ARRAY WRAPPER), json_value(b FORMAT JSON, 'lax $[0]'), json_exists(b FORMAT JSON, 'lax $[5]') FROM (VALUES X'5B312C325D') t(b)", ['varchar', 'varchar', 'boolean'], [['[2]', '1', false]]],
  ["SELECT json_value(X'', 'lax $'), json_exists(X'', 'lax $'), json_query(X'', 'lax $'), json_value(X'EFBBBF5B315D', 'lax $[0]')", ['varchar', 'boolean', 'varchar', 'varchar'], [[null, true, 'null', null]]],
  ["SELECT json_query(X'5B22F09F9982225D', 'lax $[0]')", ['varchar'], [['"\\uD83D\\uDE42"']]],
  ["SELECT json_value(CAST(NULL AS varbinary), 'lax $'), json_exists(CAST(NULL AS varbinary), 'lax $')", ['varchar', 'boolean'], [[null, null]]],
];

// Trino 476 answers these (NULL, false, NULL; two U+FFFD): refused locally, the UTF-8 readings could differ.
const MALFORMED = ["SELECT json_value(X'FF', 'lax $')", "SELECT json_query(X'5B22EDA080E282225D', 'lax $')"];

describe('a varbinary input of the SQL/JSON functions', () => {
  it.each(VARBINARY_INPUTS)('%s', async (sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
  it.each(MALFORMED)('bytes that are not UTF-8 are refused: %s', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/not well-formed UTF-8 is not read locally/);
  });
});
