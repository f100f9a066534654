// A MERGE's bare non-boolean ON condition (docs/issue-15-audit.md "NULL-typed arguments, row widths and untyped
// aggregates"): Trino 476 fails TYPE_MISMATCH "The MERGE predicate must evaluate to a boolean: actual type integer"
// and changes nothing, where DuckDB cast the integer to boolean and updated the row. ON NULL is a condition (Trino 476
// inserts the source row). Both asked of the shared Trino 476 on an iceberg table (1, 'a').
import { afterEach, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { openLake } from './lake-helpers.js';

const ICEBERG = "CREATE TABLE ice (id int, v string) LOCATION 's3://b/ice/' TBLPROPERTIES ('table_type' = 'ICEBERG')";
const merge = (on: string) =>
  `MERGE INTO ice t USING (SELECT * FROM (VALUES (2, 'x')) AS s(id, v)) s ON ${on} WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.v)`;

describe('MERGE ON of another type than boolean', () => {
  let engine: AthenaLocalEngine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });
  const open = async () => {
    engine = await openLake();
    await engine.execute(ICEBERG);
    await engine.execute("INSERT INTO ice VALUES (1, 'a')");
    return engine;
  };

  it('fails for a bare integer column and leaves the table', async () => {
    const e = await open();
    await expect(e.execute(merge('s.id'))).rejects.toThrow(/TYPE_MISMATCH: The MERGE predicate must evaluate to a boolean: actual type integer/);
    expect((await e.execute('SELECT id, v FROM ice ORDER BY id, v')).rows).toEqual([[1, 'a']]);
  });

  it('takes ON NULL: the source row is inserted', async () => {
    const e = await open();
    await e.execute(merge('NULL'));
    expect((await e.execute('SELECT id, v FROM ice ORDER BY id, v')).rows).toEqual([
      [1, 'a'],
      [2, 'x'],
    ]);
  });
});
