// The example project's SQL unit tests (tests/sql/*.yaml) on Trino, as `lake test --engine trino` runs them: each
// test must end as it does on the local engine. They run in an Iceberg catalog of their own (the memory connector has
// no MERGE), created for this run over a fresh folder, so tables left on a reused Trino cannot collide with fixtures.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrinoEngine } from '../../src/engines/trino/index.js';
import { runTests } from '../../src/testing/suite.js';
import { trinoUrl, uncompressedFetch } from './oracle.js';
import { writeDifferences } from './report.js';

const catalog = `oracle_${process.pid}_${Date.now()}`;
let admin: TrinoEngine;

beforeAll(async () => {
  admin = new TrinoEngine({ url: trinoUrl(), catalog: 'system' });
  const folder = mkdtempSync(join(tmpdir(), 'lake-trino-iceberg-'));
  await admin.execute(
    `CREATE CATALOG ${catalog} USING iceberg WITH ("iceberg.catalog.type" = 'TESTING_FILE_METASTORE', ` +
      `"hive.metastore.catalog.dir" = 'local:///', "fs.native-local.enabled" = 'true', "local.location" = '${folder}')`,
  );
});
afterAll(() => admin.execute(`DROP CATALOG ${catalog}`));

describe('the example project’s unit tests on Trino', () => {
  it('pass on Trino exactly where they pass on the local engine', async () => {
    const root = process.cwd();
    const url = trinoUrl();
    const [local, trino] = await Promise.all([
      runTests(root, { checks: false, concurrency: 1 }),
      runTests(root, { checks: false, unitEngine: async (database) => new TrinoEngine({ url, database, catalog }, { fetch: uncompressedFetch }) }),
    ]);
    const outcome = (r: typeof local) => r.unit.map((u) => `${u.test.file}:${u.test.line} ${u.status}${u.error ? ` (${u.error})` : ''}`);
    console.log(`example project on Trino:\n  ${outcome(trino).join('\n  ')}`);
    const same = outcome(trino).filter((o, i) => o === outcome(local)[i]).length;
    writeDifferences('example-project', [], { tests: local.unit.length, same });
    expect(trino.unit.length).toBe(local.unit.length);
    expect(trino.unit.length).toBeGreaterThan(20);
    expect(outcome(trino)).toEqual(outcome(local));
  });
});
