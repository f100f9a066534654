// FastMath's tables (src/dialect/shims/fast-math.ts) are built when a function that needs them first runs, not when
// the shims are loaded: two constants computed at module load (gamma.ts, normal-distribution.ts) built them for every
// command, ~50 ms of CPU of each `lake` start that opens the local engine (issue 18). The answer is Trino 476's (the
// oracle: `lake sql --engine trino -e "SELECT normal_cdf(0, 1, 0.5)"`; https://trino.io/docs/current/functions/math.html#normal_cdf).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Test files share one module graph (vitest.config.ts, `isolate: false`): an earlier file may have built the tables,
// so this file loads the modules afresh (its two queries are recorded for the oracle by other files).
vi.resetModules();
const { AthenaLocalEngine } = await import('../../src/engines/local/engine.js');
const { fastMathTablesBuilt } = await import('../../src/dialect/shims/fast-math.js');

describe('FastMath tables', () => {
  it('are built by the first normal_cdf, not by opening the engine', async () => {
    const engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-fast-math-')), inMemory: true, threads: 1 });
    try {
      await engine.execute('SELECT 1');
      expect(fastMathTablesBuilt()).toBe(false);
      const result = await engine.execute('SELECT normal_cdf(0, 1, 0.5) AS p');
      expect(result.rows).toEqual([[0.691462461274013]]);
      expect(fastMathTablesBuilt()).toBe(true);
    } finally {
      await engine.close();
    }
  });
});
