// `lake test` keeps the types it gives fixtures (the project's tables, discovered by binding every model over empty
// inputs) in the lake folder's .cache/, keyed by everything discovery reads: a re-run with nothing changed binds
// nothing, and a changed model is discovered again.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadProject } from '../../src/project/loader.js';
import { discoverSchemas, schemaCachePath } from '../../src/testing/schema-cache.js';
import { TableSchemas } from '../../src/testing/schemas.js';
import { runTests } from '../../src/testing/suite.js';
import { makeProject } from '../project/project-helpers.js';

const ORDERS_DDL = `CREATE EXTERNAL TABLE analytics.orders (order_id bigint, amount double)
STORED AS PARQUET LOCATION 's3://\${lake_bucket}/orders/';
`;
const DAILY = 'SELECT order_id, CAST(amount AS integer) AS amount FROM orders\n';
const TOTALS = 'SELECT sum(amount) AS total FROM daily\n';
const TESTS = `model: totals
tests:
  - name: sums the daily amounts
    given:
      daily:
        rows:
          - { order_id: 1, amount: 2 }
          - { order_id: 2, amount: 3 }
    expect:
      rows:
        - { total: 5 }
`;

function project(): string {
  return makeProject({
    'sql/ddl/orders.sql': ORDERS_DDL,
    'sql/transforms/daily.sql': DAILY,
    'sql/transforms/totals.sql': TOTALS,
    'tests/sql/totals.yaml': TESTS,
  });
}

describe('the schema cache of lake test', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('answers a re-run from the cache: no model is bound again, the fixtures get the same types', async () => {
    const root = project();
    const discover = vi.spyOn(TableSchemas, 'discover');
    const first = await runTests(root, { checks: false });
    expect(first.unit.map((u) => u.status)).toEqual(['passed']);
    expect(discover).toHaveBeenCalledTimes(1);

    const second = await runTests(root, { checks: false });
    expect(second.unit.map((u) => u.status)).toEqual(['passed']);
    expect(discover).toHaveBeenCalledTimes(1);
    const stored = JSON.parse(readFileSync(schemaCachePath(join(root, '.lake')), 'utf8')) as { schemas: { columns: unknown } };
    expect(Object.fromEntries(stored.schemas.columns as Array<[string, unknown]>)).toEqual({
      'analytics.orders': [
        { name: 'order_id', type: 'bigint' },
        { name: 'amount', type: 'double' },
      ],
      'analytics.daily': [
        { name: 'order_id', type: 'bigint' },
        { name: 'amount', type: 'integer' },
      ],
      'analytics.totals': [{ name: 'total', type: 'bigint' }],
    });
  });

  it('discovers again when a model the tests read changes, and types the fixtures from the new text', async () => {
    const root = project();
    const lake = join(root, '.lake');
    const before = await discoverSchemas(await loadProject(root), ['analytics.daily'], lake);
    expect(before.columns('analytics.daily')).toEqual([
      { name: 'order_id', type: 'bigint' },
      { name: 'amount', type: 'integer' },
    ]);

    writeFileSync(join(root, 'sql/transforms/daily.sql'), DAILY.replace('AS integer', 'AS decimal(10,2)'));
    const discover = vi.spyOn(TableSchemas, 'discover');
    const after = await discoverSchemas(await loadProject(root), ['analytics.daily'], lake);
    expect(discover).toHaveBeenCalledTimes(1);
    expect(after.columns('analytics.daily')).toEqual([
      { name: 'order_id', type: 'bigint' },
      { name: 'amount', type: 'decimal(10,2)' },
    ]);
  });

  it('discovers again when the stage (its variables) or the tables asked for change', async () => {
    const root = project();
    const lake = join(root, '.lake');
    const loaded = await loadProject(root);
    await discoverSchemas(loaded, ['analytics.daily'], lake);
    const discover = vi.spyOn(TableSchemas, 'discover');
    await discoverSchemas(loaded, ['analytics.orders'], lake);
    expect(discover).toHaveBeenCalledTimes(1);
    const other = {
      ...loaded,
      config: { ...loaded.config, stages: { ...loaded.config.stages, local: { ...loaded.config.stages.local, variables: { lake_bucket: 'elsewhere' } } } },
    };
    await discoverSchemas(other, ['analytics.orders'], lake);
    expect(discover).toHaveBeenCalledTimes(2);
  });

  it('ignores a cache file it cannot read and writes a good one', async () => {
    const root = project();
    const lake = join(root, '.lake');
    await discoverSchemas(await loadProject(root), ['analytics.daily'], lake);
    writeFileSync(schemaCachePath(lake), '{"key": "');
    const discover = vi.spyOn(TableSchemas, 'discover');
    const schemas = await discoverSchemas(await loadProject(root), ['analytics.daily'], lake);
    expect(discover).toHaveBeenCalledTimes(1);
    expect(schemas.columns('analytics.daily')?.map((c) => c.type)).toEqual(['bigint', 'integer']);
    expect(() => JSON.parse(readFileSync(schemaCachePath(lake), 'utf8'))).not.toThrow();
  });
});
