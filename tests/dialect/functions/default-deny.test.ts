// The function table is default-deny: the translator and `lake lint` both refuse a call that is not in it, refused
// by it, or given an argument count it does not accept, at the call's position; names before a parenthesised list
// (column types, aliases, DDL clauses) are not calls.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DialectError } from '../../../src/dialect/diagnostics.js';
import { FUNCTION_TABLE, lookupFunction } from '../../../src/dialect/functions/index.js';
import { checkFaithful } from '../../../src/dialect/lint/index.js';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import type { MacroSet } from '../../../src/dialect/shims/index.js';

const lint = (sql: string) => checkFaithful(sql, { file: 'sql/transforms/x.sql', lineOffset: 3 });

describe('calls outside the table are errors at file:line:col', () => {
  it.each([
    [
      'a DuckDB-only function names the Athena one',
      'SELECT\n  levenshtein(a, b) AS d FROM t',
      'unfaithful/duckdb-only-function',
      2,
      3,
      /levenshtein_distance\(a, b\)/,
    ],
    ['strftime names date_format', 'SELECT strftime(ts, x) FROM t', 'unfaithful/duckdb-only-function', 1, 8, /date_format/],
    ['epoch_ms names to_unixtime', 'SELECT epoch_ms(ts) FROM t', 'unfaithful/duckdb-only-function', 1, 8, /to_unixtime/],
    ['regexp_matches names regexp_like', "SELECT regexp_matches(s, 'a') FROM t", 'unfaithful/duckdb-only-function', 1, 8, /regexp_like/],
    ['struct_pack names a named ROW', 'SELECT struct_pack(a := 1)', 'unfaithful/duckdb-only-function', 1, 8, /CAST\(ROW/],
    ['list_* name the array function', 'SELECT list_sort(a) FROM t', 'unfaithful/duckdb-only-function', 1, 8, /array_sort/],
    ['an unknown function', 'SELECT 1 + no_such_fn(a) FROM t', 'unfaithful/unknown-function', 1, 12, /docs\/functions\.md/],
    ['a table function in FROM', "SELECT * FROM read_csv('/etc/passwd')", 'unfaithful/unknown-function', 1, 15, /functions\.md/],
    // DuckDB's star expression (Trino 476: FUNCTION_NOT_FOUND "Function 'columns' not registered"); ran locally.
    ['COLUMNS(*)', 'SELECT COLUMNS(*) FROM t', 'unfaithful/unknown-function', 1, 8, /functions\.md/],
    ['a sketch is refused with its alternative', 'SELECT approx_set(a) FROM t', 'unfaithful/refused-function', 1, 8, /approx_distinct/],
    ['geospatial is refused', 'SELECT ST_Distance(a, b) FROM t', 'unfaithful/refused-function', 1, 8, /great-circle/],
    ['version() is refused', 'SELECT version()', 'unfaithful/refused-function', 1, 8, /.+/],
    ['typeof() is refused', 'SELECT typeof(1)', 'unfaithful/refused-function', 1, 8, /DESCRIBE/],
    ['an argument count DuckDB reads differently', 'SELECT log(8) FROM t', 'unfaithful/function-arity', 1, 8, /functions\.md/],
    ['a qualified function name', 'SELECT mydb.myfn(a) FROM t', 'unfaithful/qualified-function', 1, 13, /.+/],
    ['listagg without WITHIN GROUP', "SELECT coalesce(listagg(x, ','), '') FROM t", 'unfaithful/listagg', 1, 17, /WITHIN GROUP/],
    ['inside a lambda', 'SELECT transform(a, x -> left(x, 1)) FROM t', 'unfaithful/duckdb-only-function', 1, 26, /substr/],
  ])('%s', (_name, sql, rule, line, col, hint) => {
    const found = lint(sql).find((d) => d.rule === rule);
    expect(found).toMatchObject({ severity: 'error', rule, file: 'sql/transforms/x.sql', line: line + 3, col });
    expect(found?.hint).toMatch(hint);
  });

  it.each([
    [
      'column types and table properties in DDL',
      "CREATE EXTERNAL TABLE IF NOT EXISTS raw.t (\n  a varchar(10),\n  b decimal(10, 2),\n  `date` char(3)\n)\nPARTITIONED BY (dt string)\nROW FORMAT SERDE 'x' WITH SERDEPROPERTIES ('k' = 'v')\nLOCATION 's3://b/t/'\nTBLPROPERTIES ('has_encrypted_data' = 'false')",
    ],
    ['a CTAS with properties and column aliases', "CREATE TABLE x.t (a, b) WITH (format = 'PARQUET', partitioned_by = ARRAY['b']) AS SELECT 1, 'x'"],
    ['INSERT INTO with a column list', 'INSERT INTO db.t (a, b) SELECT a, b FROM s'],
    ['a CTE with a column list', 'WITH v (a, b) AS (SELECT 1, 2), w(c) AS (SELECT 3) SELECT * FROM v, w'],
    ['derived-table aliases', 'SELECT * FROM (VALUES (1, 2)) AS t(a, b) CROSS JOIN (SELECT 1) u(c)'],
    ['CAST types and TABLESAMPLE', 'SELECT CAST(a AS decimal(10, 2)) FROM t TABLESAMPLE BERNOULLI (50)'],
    ['ALTER TABLE … ADD COLUMNS', 'ALTER TABLE t ADD COLUMNS (c varchar(5))'],
    [
      'TRIM, EXTRACT, POSITION and SUBSTRING syntax',
      "SELECT trim(LEADING 'x' FROM s), extract(YEAR FROM d), position('a' IN s), substring(s FROM 2 FOR 3) FROM t",
    ],
    ['UNLOAD', "UNLOAD (SELECT lower(a) FROM t) TO 's3://b/x/' WITH (format = 'PARQUET')"],
  ])('no finding for %s', (_name, sql) => {
    expect(lint(sql)).toEqual([]);
  });
});

describe('the engine runs only what the table allows', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-deny-')), inMemory: true, threads: 1 });
  });
  afterAll(async () => engine.close());

  it.each([["SELECT levenshtein('a', 'b')"], ["SELECT * FROM read_parquet('x.parquet')"], ["SELECT repeat_string('a', 2)"], ['SELECT version()']])(
    'refuses %s before DuckDB sees it',
    async (sql) => {
      await expect(engine.execute(sql)).rejects.toBeInstanceOf(DialectError);
    },
  );

  // The query inside a view, CTAS, INSERT, MERGE or UNLOAD is refused at its position in the statement (was the
  // position inside the query: 1:8 for every one of these).
  it.each([
    ["CREATE VIEW v AS SELECT levenshtein(s, 'b') AS d FROM ice", '1:25'],
    ["CREATE VIEW v2 AS SELECT s FROM ice\nORDER BY strftime(DATE '2020-01-01', '%Y')", '2:10'],
    ["CREATE TABLE c WITH (format = 'PARQUET') AS SELECT epoch_ms(1) AS x", '1:52'],
    ["INSERT INTO ice SELECT 2, list_value('a')[1]", '1:27'],
    ["INSERT INTO ice VALUES (3, strftime(DATE '2020-01-01', '%Y'))", '1:28'],
    ["MERGE INTO ice t USING (SELECT 1 AS id) s ON levenshtein('a', 'b') = 1 WHEN MATCHED THEN DELETE", '1:46'],
    ["MERGE INTO ice t USING (SELECT epoch_ms(1) AS id) s ON t.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, 'z')", '1:32'],
    ["UNLOAD (SELECT levenshtein('a', 'b') AS x) TO 's3://b/u/' WITH (format = 'JSON')", '1:16'],
  ])('refuses a DuckDB-only call in %s at its position in the statement', async (sql, at) => {
    await engine.execute("CREATE TABLE IF NOT EXISTS ice (id int, s varchar) LOCATION 's3://b/ice/' TBLPROPERTIES ('table_type' = 'ICEBERG')");
    await expect(engine.execute(sql)).rejects.toThrow(new RegExp(`^<sql>:${at}: error \\[unfaithful/duckdb-only-function\\]`));
  });

  it('every entry that runs locally names a function the session defines', async () => {
    const result = await engine.execute('SELECT 1');
    expect(result.rows).toEqual([[1]]);
    const names = [...FUNCTION_TABLE].flatMap(([name, e]) =>
      e.run.kind === 'builtin' || e.run.kind === 'shim' ? [e.run.to] : e.run.kind === 'duckdb' ? [name] : [],
    );
    // Shims are created when a statement first names them: name them all, as a statement would.
    const internals = engine as unknown as { duck: { connection: DuckDBConnection }; macros: MacroSet };
    await internals.macros.defineFor(internals.duck.connection, [names.join(' ')]);
    // DuckDB's catalog lists built-ins, macros and UDFs alike; read it without the translator (which would refuse it).
    const known = new Set(
      (await internals.duck.connection.runAndReadAll('SELECT DISTINCT function_name FROM duckdb_functions()')).getRows().map((r) => String(r[0])),
    );
    // COALESCE, TRY and GROUPING are parser-level forms in DuckDB, not catalog functions.
    const syntax = new Set(['coalesce', 'try', 'grouping']);
    expect(names.filter((n) => !known.has(n) && !syntax.has(n))).toEqual([]);
  });

  it('lookup is case-insensitive and knows every ST_ function', () => {
    expect(lookupFunction('STARTS_WITH')?.run.kind).toBe('duckdb');
    expect(lookupFunction('st_makeline')?.run.kind).toBe('refused');
    expect(lookupFunction('no_such_function')).toBeUndefined();
  });
});
