// MERGE's multiple-match check (Trino fails MERGE_TARGET_ROW_MULTIPLE_MATCHES where one target row matches several
// source rows) binds the whole source a second time; over a target with no row its answer is known, so it is not sent
// (issue 18: the SCD2 MERGE's first load). The outcome is the same either way.
import { DuckDBConnection } from '@duckdb/node-api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { openLake } from './lake-helpers.js';

const ICEBERG = "CREATE TABLE ice (id int, v string) LOCATION 's3://b/ice/' TBLPROPERTIES ('table_type' = 'ICEBERG')";
const MERGE = `MERGE INTO ice t USING (SELECT * FROM (VALUES (1, 'x'), (1, 'y')) AS s(id, v)) s ON t.id = s.id
  WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.v)`;

/** The multiple-match checks DuckDB is sent while `work` runs. */
async function checksSent(work: () => Promise<unknown>): Promise<{ sent: number; outcome: unknown }> {
  const spy = vi.spyOn(DuckDBConnection.prototype, 'runAndReadAll');
  try {
    const outcome = await work().catch((error: unknown) => error);
    const sent = spy.mock.calls.filter(([sql]) => /GROUP BY "t"\.rowid HAVING count\(\*\) > 1/.test(String(sql))).length;
    return { sent, outcome };
  } finally {
    spy.mockRestore();
  }
}

describe('MERGE multiple-match check', () => {
  let engine: AthenaLocalEngine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it('is not sent for an empty target, whose rows no two source rows can match: every source row is inserted', async () => {
    engine = await openLake();
    await engine.execute(ICEBERG);
    const { sent, outcome } = await checksSent(() => engine!.execute(MERGE));
    expect(outcome).toMatchObject({ stats: { rowsWritten: 2 } });
    expect(sent).toBe(0);
    expect((await engine.execute('SELECT id, v FROM ice ORDER BY v')).rows).toEqual([
      [1, 'x'],
      [1, 'y'],
    ]);
  });

  it('is sent once the target holds a row, and fails like Trino where that row matches two source rows', async () => {
    engine = await openLake();
    await engine.execute(ICEBERG);
    await engine.execute("INSERT INTO ice VALUES (1, 'a')");
    const { sent, outcome } = await checksSent(() => engine!.execute(MERGE));
    expect(sent).toBe(1);
    expect(String(outcome)).toMatch(/MERGE_TARGET_ROW_MULTIPLE_MATCHES: .*One MERGE target table row matched more than one source row/);
    expect((await engine.execute('SELECT id, v FROM ice')).rows).toEqual([[1, 'a']]);
  });

  it('is sent while the target holds a row no source row matches (which passes), and not once that row is deleted', async () => {
    engine = await openLake();
    await engine.execute(ICEBERG);
    await engine.execute("INSERT INTO ice VALUES (2, 'a')");
    const { sent, outcome } = await checksSent(() => engine!.execute(MERGE));
    expect(sent).toBe(1);
    expect(outcome).toMatchObject({ stats: { rowsWritten: 2 } });
    await engine.execute('DELETE FROM ice');
    expect((await checksSent(() => engine!.execute(MERGE))).sent).toBe(0);
  });
});
