// A comparison of two columns (a JOIN condition's keys, `a.x = b.y`) is guarded against arrays, maps and rows, and
// against values of two type families Trino 476 does not compare (`varchar = integer`: TYPE_MISMATCH "Cannot apply
// operator"). trino_comparable_columns (shims/nested-compare.ts) passes two numbers through a typed overload, which
// DuckDB binds at ~0.1 ms against ~1 ms for the guards' type names; every other pair takes the guards themselves.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { DUCKDB_TYPE_SAMPLES, withSamples } from './duckdb-type-samples.js';

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
  const values = { ...DUCKDB_TYPE_SAMPLES, dc38: '1.5::DECIMAL(38,10)' };
  it('over every pair of 28 DuckDB types: the same answer or the same refusal', async () => {
    await withSamples(values, 'trino_comparable_columns trino_not_nested trino_text_comparable trino_cmp', async (outcome, from) => {
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
    });
  }, 120_000);
});
