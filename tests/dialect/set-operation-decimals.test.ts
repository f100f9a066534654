// UNION, INTERSECT and EXCEPT of decimal columns whose types are not written in the SQL (table columns, expressions):
// Trino types a column as the common type of its branches' values (https://trino.io/docs/current/sql/select.html#union-intersect-except:
// "the columns must have compatible types"), which keeps the larger scale and caps the precision at 38
// (https://trino.io/docs/current/language/types.html#decimal): decimal(3,2) and decimal(38,1) meet as decimal(38,2),
// and a value that does not fit fails its cast. DuckDB keeps the integer digits and rounds the scale away, so 1.25
// became 1.3 silently. Such a column is refused while DuckDB binds the query, over empty tables too (so `lake lint`,
// which binds every model over empty inputs, reports it). Every value and type below is Trino 476's, read on the
// differential oracle; Trino answers the refused queries with decimal(38,2) values (1.25, 1.00).
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerShims } from '../../src/dialect/shims/index.js';
import { main } from '../../src/cli/main.js';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { captureIo, makeProject } from '../project/project-helpers.js';
import { describeFunctions } from './functions/harness.js';
import { openLake } from './lake-helpers.js';

const X = "SELECT x AS v FROM (VALUES DECIMAL '1.25') t(x)";
const WIDE = 'SELECT y FROM (VALUES CAST(1 AS decimal(38,1))) s(y)';
const refused = (operator: string) =>
  new RegExp(`^${operator} column 1: the decimal values need more than 38 digits together, and Athena keeps the larger scale where the local engine rounds`);

describeFunctions(
  'set operations of decimal columns typed by the binder',
  [
    [
      'within 38 digits: decimal(3,2) and decimal(10,1)',
      `v FROM (${X} UNION SELECT y FROM (VALUES CAST(1 AS decimal(10,1))) s(y)) ORDER BY v`,
      '1.00',
      'decimal(11,2)',
    ],
    [
      'a bigint column and a decimal(20,2) column',
      `v FROM (SELECT CAST(x AS decimal(20,2)) AS v FROM (VALUES 1.25) t(x) UNION ALL SELECT k FROM (VALUES BIGINT '7') s(k)) ORDER BY v DESC`,
      '7.00',
      'decimal(21,2)',
    ],
    ['a double column makes the column a double', `v FROM (${X} UNION ALL SELECT d FROM (VALUES 1e0) s(d)) ORDER BY v DESC`, 1.25, 'double'],
    [
      'a varchar column beside the decimals',
      `s FROM (SELECT 'a' AS s, x FROM (VALUES DECIMAL '1.25') t(x) UNION ALL SELECT 'b', y FROM (VALUES 2.5) u(y)) ORDER BY s DESC`,
      'b',
      'varchar',
    ],
  ],
  [
    ['UNION ALL of a column and a CAST of a column', `v FROM (${X} UNION ALL SELECT CAST(y AS decimal(38,1)) FROM (VALUES 1) s(y))`, refused('UNION')],
    ['UNION ALL of an expression and a column', `v FROM (SELECT x + 0 AS v FROM (VALUES DECIMAL '1.25') t(x) UNION ALL ${WIDE})`, refused('UNION')],
    // Trino 476: no row (1.25 and 1.50 as decimal(38,2)).
    [
      'INTERSECT of CTE columns',
      "v FROM (WITH a AS (SELECT DECIMAL '1.25' x), b AS (SELECT CAST(1.5 AS decimal(38,1)) y) SELECT x AS v FROM a INTERSECT SELECT y FROM b)",
      refused('INTERSECT'),
    ],
    // Trino 476: 1.25 (1.30 is another value).
    ['EXCEPT of a nested UNION ALL', `v FROM (${X} EXCEPT (SELECT y FROM (VALUES CAST(1.3 AS decimal(38,1))) s(y) UNION ALL SELECT 2.5))`, refused('EXCEPT')],
    ['a set operation in an IN subquery', `1 FROM (VALUES 1) t(k) WHERE 1.25 IN (${X} UNION ${WIDE})`, refused('UNION')],
  ],
);

describe('set operations of decimal table columns', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await openLake();
    await engine.execute('CREATE DATABASE d');
    await engine.execute("CREATE TABLE d.narrow AS SELECT * FROM (VALUES (1, DECIMAL '1.25')) t(k, x)");
    await engine.execute('CREATE TABLE d.wide AS SELECT * FROM (VALUES (2, CAST(1 AS decimal(38,1)))) t(k, y)');
    await engine.execute('CREATE TABLE d.empty_wide AS SELECT * FROM d.wide WHERE false');
  });
  afterAll(() => engine.close());

  it('refuses the columns of two tables, ordered and limited', async () => {
    await expect(engine.execute('SELECT k, x FROM d.narrow UNION ALL SELECT k, y FROM d.wide ORDER BY 1 LIMIT 5')).rejects.toThrow(/^UNION column 2: /);
  });
  it('refuses them over an empty table, as lake lint binds', async () => {
    await expect(engine.execute('SELECT x FROM d.narrow UNION SELECT y FROM d.empty_wide')).rejects.toThrow(refused('UNION'));
  });
  // Trino 476: decimal(38,2) 1.25 and 1.00 for both; the first branch's `SELECT *` (a table) or repeated name used to
  // skip the check, and 1.25 became 1.3.
  it('refuses them when the first branch is SELECT * of a table', async () => {
    await expect(engine.execute('SELECT * FROM d.narrow UNION ALL SELECT k, y FROM d.wide')).rejects.toThrow(/^UNION column 2: /);
    await expect(engine.execute('(SELECT * FROM d.narrow) UNION ALL SELECT k, y FROM d.empty_wide')).rejects.toThrow(/^UNION column 2: /);
  });
  it('refuses them when the first branch repeats a name, and keeps both names otherwise', async () => {
    await expect(engine.execute('SELECT x, x FROM d.narrow UNION ALL SELECT y, y FROM d.wide')).rejects.toThrow(refused('UNION'));
    const r = await engine.execute('SELECT x AS a, k AS a FROM d.narrow UNION ALL SELECT CAST(y AS decimal(10,1)), k FROM d.wide ORDER BY 2');
    expect(r.columns.map((c) => `${c.name} ${c.type}`)).toEqual(['a decimal(11,2)', 'a integer']);
    expect(r.rows).toEqual([
      ['1.25', 1],
      ['1.00', 2],
    ]);
  });
  it('keeps the output names and the order of the whole set operation', async () => {
    const r = await engine.execute('SELECT k AS id, x FROM d.narrow UNION ALL SELECT k, CAST(y AS decimal(10,1)) FROM d.wide ORDER BY id DESC');
    expect({ names: r.columns.map((c) => [c.name, c.type]), rows: r.rows }).toEqual({
      names: [
        ['id', 'integer'],
        ['x', 'decimal(11,2)'],
      ],
      rows: [
        [2, '1.00'],
        [1, '1.25'],
      ],
    });
  });
});

describe('lake lint', () => {
  it('reports a model whose UNION ALL columns meet past 38 digits', async () => {
    const ddl = "CREATE EXTERNAL TABLE prices (id INT, price DECIMAL(3,2), total DECIMAL(38,1))\nSTORED AS PARQUET\nLOCATION 's3://${lake_bucket}/prices/'";
    const io = captureIo(
      makeProject({ 'sql/ddl/prices.sql': ddl, 'sql/transforms/amounts.sql': 'SELECT price AS amount\nFROM prices\nUNION ALL\nSELECT total\nFROM prices\n' }),
    );
    const code = await main(['lint', '--no-cache'], io);
    expect(code).toBe(1);
    expect(io.out.split('\n').filter((l) => l.startsWith('sql/'))).toEqual([
      expect.stringMatching(
        /^sql\/transforms\/amounts\.sql:\d+:\d+: error \[bind\/query\] UNION column 1: the decimal values need more than 38 digits together/,
      ),
    ]);
  });
});

// A column's scale witness reads its type name once (trino_scale_key, decimal-macros.ts): the key is the one the
// CASE naming trino_type_scale twice gave (issue 18: the witnesses were a tenth of binding the SCD2 MERGE).
describe('trino_scale_key', () => {
  it('gives the key the CASE over trino_type_scale gave, for every decimal type and other type names', async () => {
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    const connection = await instance.connect();
    try {
      await registerShims(connection).defineFor(connection, ['trino_scale_key', 'trino_type_scale']);
      const decimals = Array.from({ length: 38 }, (_p, p) => Array.from({ length: p + 2 }, (_s, s) => `DECIMAL(${p + 1},${s})`)).flat();
      const names = [
        ...decimals.flatMap((d) => [`${d}[]`, `${d}[][]`]),
        ...['INTEGER[]', 'BIGINT[]', 'DOUBLE[]', 'VARCHAR[]', '"NULL"[]', 'DATE[]', 'STRUCT(a DECIMAL(10,2))[]', 'MAP(DECIMAL(3,1), INTEGER)[]'],
      ];
      const list = `[${names.map((n) => `'${n.replaceAll("'", "''")}'`).join(', ')}]`;
      const reader = await connection.runAndReadAll(
        `SELECT t, trino_scale_key(t), CASE WHEN trino_type_scale(t) > 0 THEN 's' || trino_type_scale(t) ELSE 'n' END FROM unnest(${list}) u(t)`,
      );
      const rows = reader.getRows();
      expect(rows.length).toBe(names.length);
      expect(rows.filter(([, key, byCase]) => key !== byCase)).toEqual([]);
      expect(new Set(rows.map(([, key]) => key)).size).toBe(39);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
