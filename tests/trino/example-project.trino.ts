// The example project's SQL unit tests (tests/sql/*.yaml) on Trino, as `lake test --engine trino` runs them: each
// test must end as it does on the local engine. TrinoEngine's default catalog is iceberg, as on Athena (the memory
// connector has no MERGE).
import { describe, expect, it } from 'vitest';
import { TrinoEngine } from '../../src/engines/trino/index.js';
import { runTests } from '../../src/testing/suite.js';
import { trinoUrl } from './oracle.js';

describe('the example project’s unit tests on Trino', () => {
  it('pass on Trino exactly where they pass on the local engine', async () => {
    const root = process.cwd();
    const url = trinoUrl();
    const [local, trino] = await Promise.all([
      runTests(root, { checks: false, concurrency: 1 }),
      runTests(root, { checks: false, unitEngine: async (database) => new TrinoEngine({ url, database }) }),
    ]);
    const outcome = (r: typeof local) => r.unit.map((u) => `${u.test.file}:${u.test.line} ${u.status}${u.error ? ` (${u.error})` : ''}`);
    console.log(`example project on Trino:\n  ${outcome(trino).join('\n  ')}`);
    expect(trino.unit.length).toBe(local.unit.length);
    expect(trino.unit.length).toBeGreaterThan(20);
    expect(outcome(trino)).toEqual(outcome(local));
  });
});
