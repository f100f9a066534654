// The columns a model's contract declares, which an incremental model's first run creates its table from
// (materialize/incremental.ts): those of the contract of the model's own table, in the contract's order.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredColumns } from '../../src/pipeline/checks.js';
import { loadProject } from '../../src/project/loader.js';

describe('declaredColumns', () => {
  it("reads the example's contract file for the model's own table, in order, and nothing for a contract without columns", async () => {
    const project = await loadProject(join(import.meta.dirname, '../..'));
    expect(declaredColumns(project.node('lakehouse.p4_order_status_daily')!, project)).toEqual([
      { name: 'status', type: 'varchar' },
      { name: 'orders', type: 'bigint' },
      { name: 'dt', type: 'varchar' },
    ]);
    expect(declaredColumns(project.node('lakehouse.p3_customer_360')!, project)).toBeUndefined();
    expect(declaredColumns(project.node('alert:freshness')!, project)).toBeUndefined();
  });
});
