// A comparison of two columns (a JOIN condition's keys, `a.x = b.y`) is guarded against arrays, maps and rows, and
// against values of two type families Trino 476 does not compare (`varchar = integer`: TYPE_MISMATCH "Cannot apply
// operator"). trino_comparable_columns (shims/nested-compare.ts) passes two numbers through a typed overload, which
// DuckDB binds at ~0.1 ms against ~1 ms for the guards' type names; every other pair takes the guards themselves.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerShims } from '../../src/dialect/shims/index.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';

let engine: AthenaLocalEngine;
beforeAll(async () => {
  engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-comparable-')), inMemory: true, threads: 1 });
});
afterAll(async () => engine.close());

const side = (alias: string) =>
  `(VALUES (1, DOUBLE '1.0', DECIMAL '1.00', BIGINT '1', '1', true, DATE '2025-01-01', ARRAY[1], REAL '1.0')) ${alias}(i, d, m, b, s, o, dt, ar, r)`;
const joined = (on: string) => `SELECT count(*) AS n FROM ${side('a')} JOIN ${side('c')} ON ${on}`;

describe('join keys of two columns', () => {
  it.each(['a.i = c.d', 'a.m = c.b', 'a.r = c.i', 'a.d = c.m'])('numbers of any types join as in Trino 476: %s', async (on) => {
    const result = await engine.execute(joined(on));
    expect({ rows: result.rows, type: result.columns[0].type }).toEqual({ rows: [[1]], type: 'bigint' });
  });

  // Trino 476: "Cannot apply operator: varchar(1) = integer", "… integer = varchar(1)", "… boolean = integer", "… date =
  // integer", "… double = boolean"; the local message names the families instead of the types.
  it.each<[string, RegExp]>([
    ['a.s = c.i', /^TYPE_MISMATCH: Cannot apply operator/],
    ['a.i = c.s', /^TYPE_MISMATCH: Cannot apply operator/],
    ['a.o = c.i', /^TYPE_MISMATCH: Cannot apply operator/],
    ['a.dt = c.i', /^TYPE_MISMATCH: Cannot apply operator/],
    ['a.d = c.o', /^TYPE_MISMATCH: Cannot apply operator/],
    // Trino 476: "Cannot apply operator: array(integer) = integer"; refused locally before that.
    ['a.ar = c.i', /refused locally/],
  ])('keys of two families fail as in Trino 476: %s', async (on, error) => {
    await expect(engine.execute(joined(on))).rejects.toThrow(error);
  });
});

describe('trino_comparable_columns decides as the two guards it stands for', () => {
  const values: Record<string, string> = {
    ti: '1::TINYINT',
    i: '1',
    bi: '1::BIGINT',
    hi: '1::HUGEINT',
    ub: '1::UBIGINT',
    f: '1.5::FLOAT',
    d: '1.5::DOUBLE',
    dc: '1.5::DECIMAL(10,2)',
    dc38: '1.5::DECIMAL(38,10)',
    v: "'a'::VARCHAR",
    j: "'1'::JSON",
    en: "'x'::e",
    u: 'uuid()',
    bl: "'a'::BLOB",
    b: 'true',
    dt: "DATE '2025-01-01'",
    ts: "TIMESTAMP '2025-01-01'",
    tsz: "TIMESTAMPTZ '2025-01-01'",
    tm: "TIME '01:02:03'",
    iv: 'INTERVAL 1 DAY',
    l: '[1]',
    lv: "['a']",
    st: "{'a': 1}",
    sv: "{'a': 'x'}",
    m: 'MAP {1: 2}',
    n: 'NULL',
    bit: "'101'::BIT",
    zoned: "{'trino_instant': TIMESTAMPTZ '2025-01-01', 'trino_zone': 'UTC'}",
  };
  it('over every pair of 28 DuckDB types: the same answer or the same refusal', async () => {
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    const connection = await instance.connect();
    try {
      const macros = registerShims(connection);
      await connection.run("CREATE TYPE e AS ENUM ('x')");
      await macros.defineFor(connection, ['trino_comparable_columns trino_not_nested trino_text_comparable trino_cmp']);
      const from = `FROM (SELECT ${Object.entries(values)
        .map(([name, value]) => `${value} AS ${name}`)
        .join(', ')})`;
      const outcome = async (sql: string) => {
        try {
          return JSON.stringify((await connection.runAndReadAll(sql)).getRowsJson());
        } catch (error) {
          return `error: ${String(error instanceof Error ? error.message : error).split('\n')[0]}`;
        }
      };
      const names = Object.keys(values);
      const differing: string[] = [];
      for (const a of names)
        for (const b of names) {
          const [x, y] = [`trino_cmp(${a})`, `trino_cmp(${b})`];
          const guards = await outcome(`SELECT trino_not_nested(${x}, ${y}) AND trino_text_comparable(${x}, ${y}) ${from}`);
          const typed = await outcome(`SELECT trino_comparable_columns(${x}, ${y}) ${from}`);
          if (guards !== typed) differing.push(`${a} = ${b}: ${guards} / ${typed}`);
        }
      expect(differing).toEqual([]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  }, 120_000);
});
