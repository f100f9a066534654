// CREATE [OR REPLACE] VIEW binds the view's body once: DuckDB binds it to create the view and keeps its column
// names, which the check of Athena's names reads back (issue 18: the body was prepared alone first, a second bind of
// its shims). A view failing the check is undone, a replaced one comes back, and a body DuckDB refuses fails with the
// error the check gave when it ran first.
import { DuckDBConnection } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { tempLake } from '../../dialect/lake-helpers.js';

let engine: AthenaLocalEngine;
beforeEach(async () => {
  engine = await AthenaLocalEngine.open({ lakeRoot: tempLake(), threads: 1 });
  await engine.execute('CREATE DATABASE d');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await engine.close();
});

/** The view's body bound (prepared or run) by itself while `work` runs: not inside CREATE VIEW. */
async function bodyBindsDuring(body: string, work: () => Promise<unknown>): Promise<number> {
  const sent: string[] = [];
  for (const method of ['run', 'prepare'] as const) {
    const original = DuckDBConnection.prototype[method] as (this: DuckDBConnection, sql: string) => Promise<unknown>;
    vi.spyOn(DuckDBConnection.prototype, method).mockImplementation(function (this: DuckDBConnection, sql: string) {
      sent.push(String(sql).trim());
      return original.call(this, sql) as never;
    } as never);
  }
  await work();
  vi.restoreAllMocks();
  // COMMENT ON VIEW binds nothing: it keeps the view's Athena text for its hash-ordered columns (catalog.ts, hashv43).
  return sent.filter((sql) => sql.includes(body) && !/^(?:CREATE OR REPLACE VIEW|COMMENT ON VIEW)/.test(sql)).length;
}

const rows = async (sql: string) => (await engine.execute(sql)).rows;

describe('CREATE VIEW', () => {
  it('binds the body once, to create the view, and answers as before', async () => {
    expect(await bodyBindsDuring('4242', () => engine.execute('CREATE VIEW d.v AS SELECT 4242 AS a, 2 AS b'))).toBe(0);
    expect(await bodyBindsDuring('4343', () => engine.execute('CREATE OR REPLACE VIEW d.v AS SELECT 4343 AS a, 3 AS c'))).toBe(0);
    expect((await engine.execute('SELECT * FROM d.v')).columns).toEqual([
      { name: 'a', type: 'integer' },
      { name: 'c', type: 'integer' },
    ]);
    expect(await rows('SELECT * FROM d.v')).toEqual([[4343, 3]]);
  });

  it('leaves no view when the names fail the check, and keeps the replaced one', async () => {
    await expect(engine.execute('CREATE VIEW d.v AS SELECT 1 AS a, 2 AS A')).rejects.toThrow(
      /DUPLICATE_COLUMN_NAME: .*Column name 'a' specified more than once/,
    );
    expect(await rows("SHOW TABLES IN d 'v'")).toEqual([]);
    await engine.execute('CREATE VIEW d.v AS SELECT 1 AS a');
    await expect(engine.execute('CREATE OR REPLACE VIEW d.v AS SELECT 1')).rejects.toThrow(/MISSING_COLUMN_NAME: .*Column name not specified at position 1/);
    expect(await rows('SELECT * FROM d.v')).toEqual([[1]]);
    await expect(engine.execute('CREATE OR REPLACE VIEW d.v AS SELECT * FROM (SELECT 1 AS x, 2 AS x)')).rejects.toThrow(/DUPLICATE_COLUMN_NAME/);
    expect((await engine.execute('SELECT * FROM d.v')).columns).toEqual([{ name: 'a', type: 'integer' }]);
    await expect(engine.execute('CREATE VIEW d."Mixed_Case" AS SELECT 1 AS a, 2 AS A')).rejects.toThrow(/DUPLICATE_COLUMN_NAME/);
    // The catalog still works after the undone replacement: another view, then a statement reading both.
    await engine.execute('CREATE VIEW d.w AS SELECT 2 AS b');
    expect(await rows('SELECT a, b FROM d.v, d.w')).toEqual([[1, 2]]);
  });

  it('fails for a body DuckDB refuses with the error of the body prepared alone, the replaced view kept', async () => {
    await engine.execute("CREATE TABLE d.t WITH (external_location = 's3://b/t/') AS SELECT 1 AS a");
    await engine.execute('CREATE VIEW d.v AS SELECT a FROM d.t');
    const error = await engine.execute('CREATE OR REPLACE VIEW d.v AS SELECT a, nosuch FROM d.t').then(
      () => undefined,
      (e: Error) => e.message,
    );
    // The message of the code that prepared the body first (main at 89028f6), unchanged.
    expect(error).toBe('Binder Error: Referenced column "nosuch" not found in FROM clause!\nCandidate bindings: "a"');
    expect(await rows('SELECT * FROM d.v')).toEqual([[1]]);
  });
});
