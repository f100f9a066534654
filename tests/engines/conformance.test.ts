// One table of Athena SQL with the result it must give, run on the local engine for real and on AthenaEngine with
// a client that replays what Athena returns for that query: both engines must hand callers the same QueryResult.
//
// Each `athena` entry is Athena's own answer: ColumnInfo as Athena sends it and each cell as its VarCharValue text
// (NULL as a Datum without one). The one difference the engines cannot hide: Athena's ColumnInfo names only the
// outer type of a complex column (`array`, not `array(integer)`), so for those the Athena side is compared with
// the outer type.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StartQueryExecutionCommand } from '@aws-sdk/client-athena';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { AthenaEngine } from '../../src/engines/athena/engine.js';
import type { Column, SqlValue } from '../../src/engines/engine.js';
import { instantSleep, replayingClient, type AthenaColumn } from './athena/replay.js';

interface ConformanceCase {
  name: string;
  sql: string;
  columns: Column[];
  rows: SqlValue[][];
  athena: { columns: AthenaColumn[]; rows: Array<Array<string | null>> };
}

const cases: ConformanceCase[] = [
  {
    name: 'integers of every width',
    sql: 'SELECT 1 AS i, CAST(2 AS TINYINT) AS t, CAST(3 AS SMALLINT) AS s, CAST(4 AS BIGINT) AS b',
    columns: [
      { name: 'i', type: 'integer' },
      { name: 't', type: 'tinyint' },
      { name: 's', type: 'smallint' },
      { name: 'b', type: 'bigint' },
    ],
    rows: [[1, 2, 3, 4]],
    athena: {
      columns: [
        { name: 'i', type: 'integer', precision: 10 },
        { name: 't', type: 'tinyint', precision: 3 },
        { name: 's', type: 'smallint', precision: 5 },
        { name: 'b', type: 'bigint', precision: 19 },
      ],
      rows: [['1', '2', '3', '4']],
    },
  },
  {
    name: 'bigint beyond 2^53',
    sql: 'SELECT CAST(9007199254740993 AS BIGINT) AS big, CAST(-9007199254740993 AS BIGINT) AS neg',
    columns: [
      { name: 'big', type: 'bigint' },
      { name: 'neg', type: 'bigint' },
    ],
    rows: [[9007199254740993n, -9007199254740993n]],
    athena: {
      columns: [
        { name: 'big', type: 'bigint', precision: 19 },
        { name: 'neg', type: 'bigint', precision: 19 },
      ],
      rows: [['9007199254740993', '-9007199254740993']],
    },
  },
  {
    name: 'decimal keeps its scale as text',
    sql: 'SELECT CAST(12.50 AS DECIMAL(10,2)) AS d, CAST(-0.05 AS DECIMAL(5,3)) AS n',
    columns: [
      { name: 'd', type: 'decimal(10,2)' },
      { name: 'n', type: 'decimal(5,3)' },
    ],
    rows: [['12.50', '-0.050']],
    athena: {
      columns: [
        { name: 'd', type: 'decimal', precision: 10, scale: 2 },
        { name: 'n', type: 'decimal', precision: 5, scale: 3 },
      ],
      rows: [['12.50', '-0.050']],
    },
  },
  {
    name: 'double',
    sql: 'SELECT CAST(1.5 AS DOUBLE) AS d',
    columns: [{ name: 'd', type: 'double' }],
    rows: [[1.5]],
    athena: { columns: [{ name: 'd', type: 'double', precision: 17 }], rows: [['1.5']] },
  },
  {
    name: 'date',
    sql: "SELECT DATE '2024-02-29' AS d",
    columns: [{ name: 'd', type: 'date' }],
    rows: [['2024-02-29']],
    athena: { columns: [{ name: 'd', type: 'date' }], rows: [['2024-02-29']] },
  },
  {
    name: 'timestamp with milliseconds',
    sql: "SELECT TIMESTAMP '2024-02-29 13:45:01.123' AS ts",
    columns: [{ name: 'ts', type: 'timestamp(3)' }],
    rows: [['2024-02-29 13:45:01.123']],
    athena: { columns: [{ name: 'ts', type: 'timestamp', precision: 3 }], rows: [['2024-02-29 13:45:01.123']] },
  },
  {
    name: 'varchar, including commas and the empty string',
    sql: "SELECT 'héllo, world' AS v, '' AS e",
    columns: [
      { name: 'v', type: 'varchar' },
      { name: 'e', type: 'varchar' },
    ],
    rows: [['héllo, world', '']],
    athena: {
      columns: [
        { name: 'v', type: 'varchar', precision: 12 },
        { name: 'e', type: 'varchar', precision: 0 },
      ],
      rows: [['héllo, world', '']],
    },
  },
  {
    name: 'boolean',
    sql: 'SELECT true AS t, false AS f',
    columns: [
      { name: 't', type: 'boolean' },
      { name: 'f', type: 'boolean' },
    ],
    rows: [[true, false]],
    athena: {
      columns: [
        { name: 't', type: 'boolean' },
        { name: 'f', type: 'boolean' },
      ],
      rows: [['true', 'false']],
    },
  },
  {
    name: 'typed nulls',
    sql: 'SELECT CAST(NULL AS INTEGER) AS ni, CAST(NULL AS VARCHAR) AS nv',
    columns: [
      { name: 'ni', type: 'integer' },
      { name: 'nv', type: 'varchar' },
    ],
    rows: [[null, null]],
    athena: {
      columns: [
        { name: 'ni', type: 'integer', precision: 10 },
        { name: 'nv', type: 'varchar', precision: 2147483647 },
      ],
      rows: [[null, null]],
    },
  },
  {
    name: 'several rows, ordered',
    sql: 'SELECT x FROM UNNEST(ARRAY[3, 1, 2]) AS t(x) ORDER BY x',
    columns: [{ name: 'x', type: 'integer' }],
    rows: [[1], [2], [3]],
    athena: { columns: [{ name: 'x', type: 'integer', precision: 10 }], rows: [['1'], ['2'], ['3']] },
  },
  {
    name: 'arrays of integers, strings and nulls',
    sql: "SELECT ARRAY[1, 2, 3] AS a, ARRAY['a', 'b'] AS s, ARRAY[1, NULL] AS an",
    columns: [
      { name: 'a', type: 'array(integer)' },
      { name: 's', type: 'array(varchar)' },
      { name: 'an', type: 'array(integer)' },
    ],
    rows: [
      [
        [1, 2, 3],
        ['a', 'b'],
        [1, null],
      ],
    ],
    athena: {
      columns: [
        { name: 'a', type: 'array' },
        { name: 's', type: 'array' },
        { name: 'an', type: 'array' },
      ],
      rows: [['[1, 2, 3]', '[a, b]', '[1, null]']],
    },
  },
  {
    name: 'nested arrays',
    sql: 'SELECT ARRAY[ARRAY[1, 2], ARRAY[3]] AS nested',
    columns: [{ name: 'nested', type: 'array(array(integer))' }],
    rows: [[[[1, 2], [3]]]],
    athena: { columns: [{ name: 'nested', type: 'array' }], rows: [['[[1, 2], [3]]']] },
  },
  {
    name: 'maps',
    sql: "SELECT MAP(ARRAY['a', 'b'], ARRAY[1, 2]) AS m, MAP(ARRAY[1, 2], ARRAY['x', NULL]) AS k",
    columns: [
      { name: 'm', type: 'map(varchar, integer)' },
      { name: 'k', type: 'map(integer, varchar)' },
    ],
    rows: [
      [
        { a: 1, b: 2 },
        { 1: 'x', 2: null },
      ],
    ],
    athena: {
      columns: [
        { name: 'm', type: 'map' },
        { name: 'k', type: 'map' },
      ],
      rows: [['{a=1, b=2}', '{1=x, 2=null}']],
    },
  },
  {
    name: 'rows',
    sql: "SELECT CAST(ROW(1, 'x') AS ROW(a INTEGER, b VARCHAR)) AS r",
    columns: [{ name: 'r', type: 'row(a integer, b varchar)' }],
    rows: [[{ a: 1, b: 'x' }]],
    athena: { columns: [{ name: 'r', type: 'row' }], rows: [['{a=1, b=x}']] },
  },
];

/** Athena's ColumnInfo carries only the outer name of a complex type. */
const asAthenaReportsIt = (column: Column): Column => ({ ...column, type: column.type.replace(/^(array|map|row)\(.*\)$/s, '$1') });

describe('engine conformance: local engine (DuckDB, for real)', () => {
  let lakeRoot: string;
  let local: AthenaLocalEngine;

  beforeAll(async () => {
    lakeRoot = mkdtempSync(join(tmpdir(), 'conformance-'));
    local = await AthenaLocalEngine.open({ lakeRoot, inMemory: true });
  });

  afterAll(async () => {
    await local.close();
    rmSync(lakeRoot, { recursive: true, force: true });
  });

  it.each(cases)('$name', async ({ sql, columns, rows }) => {
    const result = await local.execute(sql);
    expect(result.columns).toEqual(columns);
    expect(result.rows).toEqual(rows);
  });
});

describe('engine conformance: AthenaEngine (replayed Athena responses)', () => {
  it.each(cases)('$name', async ({ sql, columns, rows, athena }) => {
    const { client, mock } = replayingClient({ ...athena, dataScannedInBytes: 0 });
    const engine = new AthenaEngine({ workgroup: 'primary' }, { client, sleep: instantSleep().sleep });
    const result = await engine.execute(sql);
    expect(mock.commandCalls(StartQueryExecutionCommand)[0].args[0].input.QueryString).toBe(sql);
    expect(result.columns).toEqual(columns.map(asAthenaReportsIt));
    expect(result.rows).toEqual(rows);
    await engine.close();
  });
});
