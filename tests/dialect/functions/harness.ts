// Runs Athena SQL expressions through the local engine (translation + shims + DuckDB) for the function tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import type { SqlValue } from '../../../src/engines/engine.js';

/**
 * [what it shows, Athena expression, Trino's value, Trino's type]; `FROM …` may follow the expression. A statement
 * starting with WITH runs as written (its first column of its first row is the value).
 */
export type Case = [construct: string, athenaSql: string, value: SqlValue, trinoType: string];

/** [what it shows, Athena SQL, message Trino's error must match]. */
export type ErrorCase = [construct: string, athenaSql: string, message: RegExp];

const WITH = /^WITH\b/i;

export function describeFunctions(title: string, cases: readonly Case[], errors: readonly ErrorCase[] = []): void {
  describe(title, () => {
    let engine: AthenaLocalEngine;
    beforeAll(async () => {
      engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-fn-')), inMemory: true, threads: 1 });
    });
    afterAll(async () => engine.close());

    it.each(cases)(
      '%s: %s',
      async (_construct, sql, value, type) => {
        const at = sql.indexOf(' FROM (');
        const [expression, from] = at < 0 ? [sql, ''] : [sql.slice(0, at), sql.slice(at)];
        const result = await engine.execute(WITH.test(sql) ? sql : `SELECT ${expression} AS v ${from}`);
        expect({ value: result.rows[0]?.[0] ?? null, type: result.columns[0].type }).toEqual({ value, type });
        // A comparator lambda is inlined per pair and carries the NaN and type guards: binding it takes seconds
        // (docs/performance.md), more than vitest's 30 s on a loaded machine. Speed is judged by the bench, not here.
      },
      120_000,
    );

    if (errors.length > 0) {
      // The same time as a value: a failing query binds as much (an IN of a CAST to varchar takes ~3 s of CPU).
      it.each(errors)(
        '%s fails as in Trino: %s',
        async (_construct, sql, message) => {
          await expect(engine.execute(`SELECT ${sql}`)).rejects.toThrow(message);
        },
        120_000,
      );
    }
  });
}
