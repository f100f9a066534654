// A view of zoned timestamps made by another statement: a query over it gets the checks of a statement that makes
// zoned values (zoned-groups.ts, zoned-rows.ts, zoned-extremes.ts), known from the local catalog's column types. Trino
// 476 (shared oracle) groups and deduplicates by instant: `SELECT DISTINCT t` of 01:00 +01:00 and 00:00 UTC is one row,
// `GROUP BY t` one group of 2, max(t) the first met; locally those are refused while running, as the same query over
// the VALUES themselves is. Where no instant comes in two zones, the answers are Trino's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { openLake, rowsAndTypes } from './lake-helpers.js';

const ROWS_APART = /DISTINCT, UNION, INTERSECT and EXCEPT of timestamp with time zone values are refused locally where values of one instant/;
const GROUPS_APART = /GROUP BY of timestamp with time zone values is refused locally where values of one instant/;
const EXTREMES_APART = /min\(\) and max\(\) of timestamp with time zone values are refused locally where the extreme instant comes in different zones/;

describe('views of zoned timestamps made by another statement', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await openLake();
    await engine.execute("CREATE VIEW one_instant AS SELECT * FROM (VALUES TIMESTAMP '2025-01-01 01:00:00 +01:00', TIMESTAMP '2025-01-01 00:00:00 UTC') a(t)");
    await engine.execute("CREATE VIEW two_instants AS SELECT * FROM (VALUES TIMESTAMP '2025-01-01 01:00:00 +01:00', TIMESTAMP '2025-01-01 05:00:00 UTC') a(t)");
    await engine.execute('CREATE VIEW "Over_View" AS SELECT t FROM one_instant');
  });
  afterAll(async () => engine.close());

  it.each([
    ['SELECT DISTINCT t FROM one_instant', ROWS_APART],
    ['SELECT t FROM one_instant UNION SELECT t FROM one_instant', ROWS_APART],
    ['SELECT count(*) FROM one_instant GROUP BY t', GROUPS_APART],
    ['SELECT max(t) FROM one_instant', EXTREMES_APART],
    ['SELECT count(*) FROM "over_view" GROUP BY t', GROUPS_APART],
  ])('%s is refused while running (Trino compares by instant)', async (sql, message) => {
    await expect(engine.execute(sql)).rejects.toThrow(message);
  });

  it("answers Trino's rows where no instant comes in two zones", async () => {
    expect(await rowsAndTypes(engine, 'SELECT count(*) FROM (SELECT DISTINCT t FROM two_instants)')).toEqual({ rows: [[2]], types: ['bigint'] });
    expect(await rowsAndTypes(engine, 'SELECT max(t) FROM two_instants')).toEqual({
      rows: [['2025-01-01 05:00:00.000 UTC']],
      types: ['timestamp(3) with time zone'],
    });
  });

  it('a view dropped and made again of plain timestamps is not checked', async () => {
    await engine.execute('DROP VIEW two_instants');
    await engine.execute("CREATE VIEW two_instants AS SELECT * FROM (VALUES TIMESTAMP '2025-01-01 01:00:00', TIMESTAMP '2025-01-01 01:00:00') a(t)");
    expect(await rowsAndTypes(engine, 'SELECT DISTINCT t FROM two_instants')).toEqual({ rows: [['2025-01-01 01:00:00.000']], types: ['timestamp(3)'] });
  });
});
