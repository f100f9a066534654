// trino_type_family names its argument once (a map lookup), which the guards' bind cost also grew with.
// A comparison with a string literal (`event_type = 'OrderPaid'`, `s IN ('a', 'b')`, `x BETWEEN 'a' AND 'z'`) is guarded
// by trino_text_literal_comparable(x), which stands for trino_text_comparable(x, literal) (function-macros.ts): with a
// VARCHAR on one side, the general guard's type-family branch never fires, and DuckDB binds the short form ~10 times
// faster (issue 18). A boolean literal (`b = TRUE`) keeps the general guard: its family branch is what refuses `1 = TRUE`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ofTypes, TYPE_FAMILIES } from '../../src/dialect/shims/function-macros.js';
import { registerShims } from '../../src/dialect/shims/index.js';
import { translateQuery } from '../../src/dialect/translate/query.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { DUCKDB_TYPE_SAMPLES, withSamples } from './duckdb-type-samples.js';

describe('the guard of a comparison with a string literal', () => {
  it.each([
    ["s = 'x'", "(s = 'x' AND trino_text_literal_comparable(s))"],
    ["'x' <> s", "('x' <> s AND trino_text_literal_comparable(s))"],
    ["s IN ('a', 'b')", "(s IN ('a', 'b') AND trino_text_literal_comparable(s))"],
    ["s BETWEEN 'a' AND 'z'", "(s BETWEEN 'a' AND 'z' AND trino_text_literal_comparable(s))"],
    ['b = TRUE', '(b = TRUE AND trino_text_comparable(b, TRUE))'],
  ])('%s', (condition, guarded) => {
    expect(translateQuery(`SELECT * FROM t WHERE ${condition}`)).toBe(`SELECT * FROM t WHERE ${guarded}`);
  });

  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-text-literal-')), inMemory: true, threads: 1 });
  });
  afterAll(async () => engine.close());

  // Trino 476: `1 = '1'` fails "Cannot apply operator: integer = varchar(1)"; `'a' = 'a'` is true.
  it.each<[string, RegExp | boolean]>([
    ["SELECT 1 = '1'", /^TYPE_MISMATCH: Cannot apply operator/],
    ["SELECT DATE '2025-01-01' IN ('2025-01-01')", /^TYPE_MISMATCH: Cannot apply operator/],
    ["SELECT 'a' = 'a'", true],
    ["SELECT 'b' BETWEEN 'a' AND 'c'", true],
  ])('answers and refuses as before: %s', async (sql, expected) => {
    const run = engine.execute(sql);
    if (expected === true) expect((await run).rows).toEqual([[true]]);
    else await expect(run).rejects.toThrow(expected as RegExp);
  });
});

// A CAST or TRY_CAST to varchar is a VARCHAR on both engines: compared, it is guarded as a string literal is, not
// dispatched on nested types (trino_compare_any named each operand ~20 times: ~100 ms of binding the example's
// p4_operations_daily, whose period filter is `dt >= CAST(CAST(${period_start} - INTERVAL '14' DAY AS DATE) AS VARCHAR)`).
describe('the guard of a comparison with a CAST to varchar', () => {
  it.each([
    ['dt >= CAST(d AS VARCHAR)', '(dt >= trino_to_varchar(d) AND trino_text_literal_comparable(dt))'],
    ['(CAST(d AS VARCHAR)) <> s', '((trino_to_varchar(d)) <> s AND trino_text_literal_comparable(s))'],
    ['s BETWEEN CAST(a AS VARCHAR) AND CAST(b AS VARCHAR)', '(s BETWEEN trino_to_varchar(a) AND trino_to_varchar(b) AND trino_text_literal_comparable(s))'],
  ])('%s', (condition, guarded) => {
    expect(translateQuery(`SELECT * FROM t WHERE ${condition}`)).toBe(`SELECT * FROM t WHERE ${guarded}`);
  });

  it('|| of two varchars is written out (no trino_concat), and compares as a varchar', () => {
    expect(translateQuery("SELECT CAST(d AS VARCHAR) || ':' || CAST(i AS VARCHAR) AS k FROM t WHERE CAST(d AS VARCHAR) || 'x' = s")).toBe(
      "SELECT CAST(CAST(trino_to_varchar(d) || ':' AS VARCHAR) || trino_to_varchar(i) AS VARCHAR) AS k FROM t WHERE (CAST(trino_to_varchar(d) || 'x' AS VARCHAR) = s AND trino_text_literal_comparable(s))",
    );
    // Not both visibly varchar: the shim checks the operands' types while binding.
    expect(translateQuery("SELECT c || 'x' AS a FROM t")).toBe("SELECT trino_concat(c, 'x') AS a FROM t");
    expect(translateQuery("SELECT NULL || 'x' AS b")).toBe("SELECT trino_concat_unknown('x') AS b");
  });

  it('a TRY_CAST to varchar(n) takes the same guard, and no nested dispatch', () => {
    const sql = translateQuery('SELECT * FROM t WHERE s = TRY_CAST(n AS varchar(3))');
    expect(sql).toMatch(/ AND trino_text_literal_comparable\(s\)\)$/);
    expect(sql).not.toMatch(/trino_compare_any|trino_nested_eq|trino_text_comparable\(/);
  });

  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-varchar-cast-')), inMemory: true, threads: 1 });
  });
  afterAll(async () => engine.close());

  // Trino 476's answers (asked of the shared Trino): a boolean column each.
  it.each<[string, (boolean | null)[]]>([
    ["SELECT x >= CAST(CAST(DATE '2025-03-10' - INTERVAL '14' DAY AS DATE) AS VARCHAR) FROM (VALUES '2025-03-01', '2025-02-01') t(x)", [true, false]],
    ["SELECT s <> CAST(n AS VARCHAR) FROM (VALUES ('1', 1), ('2', 1)) t(s, n)", [false, true]],
    ["SELECT s BETWEEN CAST(1 AS VARCHAR) AND CAST(3 AS VARCHAR) FROM (VALUES '2', '4') t(s)", [true, false]],
    ["SELECT s = TRY_CAST(n AS varchar(3)) FROM (VALUES ('12', 12), ('1234', 1234)) t(s, n)", [true, null]],
  ])('answers as Trino 476: %s', async (sql, expected) => {
    const result = await engine.execute(sql);
    expect(result.columns.map((c) => c.type)).toEqual(['boolean']);
    expect(result.rows).toEqual(expected.map((v) => [v]));
  });

  it('joins on a cast to varchar as Trino 476 does (one row), and refuses a double key against it', async () => {
    const join = 'SELECT count(*) FROM (VALUES %s) a(k) JOIN (VALUES 1, 3) b(k) ON a.k = CAST(b.k AS VARCHAR)';
    // The literal's guard, not the two columns' (trino_comparable_columns): a constant once bound, so a hash join.
    const translated = translateQuery(join.replace('%s', "'1'"));
    expect(translated).toContain('AND trino_text_literal_comparable(');
    expect(translated).not.toMatch(/trino_comparable_columns|trino_not_nested|trino_compare_any/);
    expect((await engine.execute(join.replace('%s', "'1', '2'"))).rows).toEqual([[1]]);
    await expect(engine.execute(join.replace('%s', '1.5E0'))).rejects.toThrow(/^TYPE_MISMATCH: Cannot apply operator/);
  });

  // Trino 476: TYPE_MISMATCH "Cannot apply operator: integer = varchar" (double < varchar, array(integer) = varchar,
  // date < varchar alike).
  it.each([
    'SELECT x = CAST(y AS VARCHAR) FROM (VALUES (1, 1)) t(x, y)',
    "SELECT d > CAST('x' AS VARCHAR) FROM (VALUES nan()) t(d)",
    'SELECT a = CAST(1 AS VARCHAR) FROM (VALUES ARRAY[1]) t(a)',
    "SELECT DATE '2025-01-01' < CAST(x AS VARCHAR) FROM (VALUES 1) t(x)",
  ])('refuses as Trino 476: %s', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/^TYPE_MISMATCH: Cannot apply operator/);
  });
});

describe('trino_text_literal_comparable decides as trino_text_comparable with a string literal', () => {
  const values = { ...DUCKDB_TYPE_SAMPLES, vl: "'a'" };
  it('over 28 DuckDB types and three literals: the same answer or the same refusal', async () => {
    await withSamples(values, 'trino_text_comparable trino_text_literal_comparable', async (outcome, from) => {
      const differing: string[] = [];
      const refused: string[] = [];
      for (const name of Object.keys(values))
        for (const literal of ["'x'", "''", "'it''s'"]) {
          const general = await outcome(`SELECT trino_text_comparable(${name}, ${literal}) ${from}`);
          const short = await outcome(`SELECT trino_text_literal_comparable(${name}) ${from}`);
          if (general !== short) differing.push(`${name} vs ${literal}: ${general} / ${short}`);
          if (literal === "'x'" && general.startsWith('error')) refused.push(name);
        }
      expect(differing).toEqual([]);
      // Only a text, NULL or an ENUM (an unknown type) meets a string literal.
      expect(Object.keys(values).filter((name) => !refused.includes(name))).toEqual(['v', 'en', 'n', 'vl']);
    });
  }, 120_000);
});

describe('trino_type_family', () => {
  // The definition it replaced: one CASE branch per family, naming the type name in each (issue 18).
  const byCase = `CASE ${Object.entries(TYPE_FAMILIES)
    .map(([family, types]) => `WHEN ${ofTypes('t', types)} THEN '${family}'`)
    .join(' ')} END`;
  it('gives the family of every type name as the CASE over the families did, the patterns included', async () => {
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    const connection = await instance.connect();
    try {
      const macros = registerShims(connection);
      await macros.defineFor(connection, ['trino_type_family']);
      await connection.run(`CREATE TEMP MACRO family_by_case(t) AS ${byCase}`);
      await connection.run("CREATE TYPE e AS ENUM ('x')");
      const values = [
        '1::TINYINT',
        '1::SMALLINT',
        '1',
        '1::BIGINT',
        '1::HUGEINT',
        '1::UBIGINT',
        '1.5::FLOAT',
        '1.5::DOUBLE',
        '1.5::DECIMAL(10,2)',
        '1.5::DECIMAL(38,10)',
        "'a'",
        "'1'::JSON",
        "'x'::e",
        'uuid()',
        "'a'::BLOB",
        'true',
        "DATE '2025-01-01'",
        "TIMESTAMP '2025-01-01'",
        "TIMESTAMPTZ '2025-01-01'",
        "'2025-01-01'::TIMESTAMP_NS",
        "'2025-01-01'::TIMESTAMP_S",
        "TIME '01:02:03'",
        'INTERVAL 1 DAY',
        '[1]',
        "[TIMESTAMP '2025-01-01']",
        '[1.5::DECIMAL(4,1)]',
        "{'a': 1}",
        'MAP {1: 2}',
        'NULL',
        "'101'::BIT",
      ];
      const names = (await connection.runAndReadAll(`SELECT ${values.map((v) => `typeof([${v}])`).join(', ')}`)).getRows()[0].map(String);
      // Names no value has, around the patterns' edges.
      const edges = [
        'DECIMAL()[]',
        'DECIMAL(1)[][]',
        'DECIMAL(1)',
        'decimal(1)[]',
        'TIMESTAMP',
        'TIMESTAMP[]x',
        'TIMESTAMPS[]',
        'TIMESTAMP\n[]',
        'XTIMESTAMP[]',
        '',
        'DECIMAL(%)[]',
      ];
      const differing: string[] = [];
      for (const name of [...names, ...edges]) {
        const literal = `'${name.replaceAll("'", "''")}'`;
        const [[lookup, byCaseFamily]] = (await connection.runAndReadAll(`SELECT trino_type_family(${literal}), family_by_case(${literal})`)).getRows();
        if (lookup !== byCaseFamily) differing.push(`${JSON.stringify(name)}: ${lookup} / ${byCaseFamily}`);
      }
      expect(differing).toEqual([]);
      const [[nullFamily]] = (await connection.runAndReadAll('SELECT trino_type_family(NULL::VARCHAR)')).getRows();
      expect(nullFamily).toBeNull();
      expect(names).toContain('TIMESTAMP_NS[]');
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
