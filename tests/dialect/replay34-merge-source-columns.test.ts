// A MERGE source with column aliases, `USING (VALUES 2, 4) s(k)` (the source of Trino's TestMergeNotMatchedBySource):
// Trino 476 takes it; the local MERGE parser stopped at the list ("expected ON but found '('", loud). Expected rows and
// the failure read from the shared Trino 476 on an iceberg table (1, 10), (2, 20), (3, 30) (docs/issue-15-audit.md
// "Trino's query tests replayed: TestPivot, TestNearest, TestMatchPredicate and the other newer files", replay34).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { openLake } from './lake-helpers.js';

let engine: AthenaLocalEngine;
beforeAll(async () => {
  engine = await openLake();
  await engine.execute("CREATE TABLE ice (key int, value int) LOCATION 's3://b/ice/' TBLPROPERTIES ('table_type' = 'ICEBERG')");
  await engine.execute('INSERT INTO ice VALUES (1, 10), (2, 20), (3, 30)');
});
afterAll(async () => engine.close());

const rows = async () => (await engine.execute('SELECT key, value FROM ice ORDER BY key')).rows;

describe('MERGE … USING (VALUES …) s(k)', () => {
  it('updates the matched rows and inserts the others', async () => {
    await engine.execute(
      'MERGE INTO ice t USING (VALUES 2, 4) s(k) ON t.key = s.k WHEN MATCHED THEN UPDATE SET value = t.value * 2 WHEN NOT MATCHED THEN INSERT (key, value) VALUES (s.k, 60)',
    );
    expect(await rows()).toEqual([
      [1, 10],
      [2, 40],
      [3, 30],
      [4, 60],
    ]);
  });

  it('fails when one target row matches two source rows (the pre-check reads the column list)', async () => {
    await expect(engine.execute('MERGE INTO ice t USING (VALUES 2, 2) s(k) ON t.key = s.k WHEN MATCHED THEN DELETE')).rejects.toThrow(
      /MERGE_TARGET_ROW_MULTIPLE_MATCHES: .*One MERGE target table row matched more than one source row/,
    );
    expect(await rows()).toEqual([
      [1, 10],
      [2, 40],
      [3, 30],
      [4, 60],
    ]);
  });

  it('takes AS and two columns', async () => {
    await engine.execute('MERGE INTO ice t USING (VALUES (3, 7)) AS s(k, w) ON t.key = s.k WHEN MATCHED THEN UPDATE SET value = s.w');
    expect(await rows()).toEqual([
      [1, 10],
      [2, 40],
      [3, 7],
      [4, 60],
    ]);
  });
});
