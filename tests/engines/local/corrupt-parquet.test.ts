// A corrupt Parquet file in a table's folder: every query that reads the table fails loudly, naming the file (Athena
// fails the query with HIVE_CANNOT_OPEN_SPLIT / HIVE_BAD_DATA naming the object), and nothing about it is kept: once
// the file is gone the table reads again, in this session and the next.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { query } from '../../ingest/helpers.js';

describe('a corrupt Parquet file in a table folder', () => {
  let lake: string;
  let engine: AthenaLocalEngine | undefined;
  beforeEach(() => {
    lake = mkdtempSync(join(tmpdir(), 'lake-corrupt-'));
  });
  afterEach(async () => {
    await engine?.close();
    rmSync(lake, { recursive: true, force: true });
  });

  const open = async () => (engine = await AthenaLocalEngine.open({ lakeRoot: lake, database: 'db', threads: 1 }));
  const count = async (e: AthenaLocalEngine) => Number((await e.execute('SELECT count(*) FROM db.t')).rows[0][0]);

  it('fails count(*) and every read with the file named, and leaves nothing behind once the file is removed', async () => {
    let e = await open();
    await e.execute('CREATE DATABASE IF NOT EXISTS db');
    await e.execute("CREATE EXTERNAL TABLE db.t (a INT) STORED AS PARQUET LOCATION 's3://bucket/t/'");
    await e.execute('INSERT INTO db.t VALUES (1), (2)');
    expect(await count(e)).toBe(2);

    const bad = join(lake, 'bucket', 't', 'broken.parquet');
    mkdirSync(join(lake, 'bucket', 't'), { recursive: true });
    writeFileSync(bad, 'this is not parquet at all, only text that looks like data');
    for (const sql of ['SELECT count(*) FROM db.t', 'SELECT * FROM db.t', 'SELECT sum(a) FROM db.t WHERE a > 0']) {
      await expect(e.execute(sql), sql).rejects.toThrow(/broken\.parquet/);
    }
    // Reopened: still loud, not a stale empty or one-row view.
    await e.close();
    e = await open();
    await expect(count(e)).rejects.toThrow(/broken\.parquet/);

    rmSync(bad);
    expect(await count(e)).toBe(2);
    await e.close();
    e = await open();
    expect(await count(e)).toBe(2);
  });

  it('fails a table whose only file is corrupt from its first query', async () => {
    mkdirSync(join(lake, 'bucket', 'u'), { recursive: true });
    writeFileSync(join(lake, 'bucket', 'u', 'only.parquet'), 'PAR1 not really');
    const e = await open();
    await e.execute('CREATE DATABASE IF NOT EXISTS db');
    await e.execute("CREATE EXTERNAL TABLE db.u (a INT) STORED AS PARQUET LOCATION 's3://bucket/u/'");
    await expect(e.execute('SELECT count(*) FROM db.u')).rejects.toThrow(/only\.parquet/);
    await expect(e.execute('SELECT a FROM db.u')).rejects.toThrow(/only\.parquet/);
    // Once the file is replaced by a good one, the table reads: nothing of the failure was kept.
    rmSync(join(lake, 'bucket', 'u', 'only.parquet'));
    await query(`COPY (SELECT 5::INT AS a) TO '${join(lake, 'bucket', 'u', 'good.parquet')}' (FORMAT parquet)`);
    expect(Number((await e.execute('SELECT count(*) FROM db.u')).rows[0][0])).toBe(1);
  });
});
