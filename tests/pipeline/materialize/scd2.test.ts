// materialized: scd2 on the local engine: the generated MERGE keeps history rows, closes the version it replaces,
// leaves unchanged and older rows alone, and its table is the query's columns with updated_at as valid_from.
// Trino's MERGE: a target row may match at most one source row (https://trino.io/docs/current/sql/merge.html), which
// is why only the first new version of a key joins its current row; every other new version has a NULL merge key.
import { afterEach, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { STRATEGIES, type MaterializeRequest } from '../../../src/pipeline/materialize/index.js';
import { scd2MergeSql } from '../../../src/pipeline/materialize/scd2.js';
import { parseSqlFile } from '../../../src/project/header-block.js';
import { openLake } from '../../dialect/lake-helpers.js';

type Row = [id: number, name: string, city: string, updated: string];
const source = (rows: Row[]) =>
  rows
    .map(
      ([id, name, city, updated]) =>
        `SELECT ${id} AS id, '${name}' AS name, '${city}' AS city, TIMESTAMP '${updated}' AS updated_at, DATE '2025-03-01' AS loaded_on`,
    )
    .join('\nUNION ALL\n');

describe('scd2 materialization', () => {
  let engine: AthenaLocalEngine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  const history = async () =>
    (await engine!.execute('SELECT id, name, city, CAST(valid_from AS varchar), CAST(valid_to AS varchar), is_current FROM dim ORDER BY id, valid_from')).rows;

  it('timestamp strategy: a newer updated_at is a new version, the old one is closed, unchanged and older rows are untouched', async () => {
    engine = await openLake();
    const request = (rows: Row[]): MaterializeRequest => ({
      database: 'default',
      name: 'dim',
      selectSql: source(rows),
      uniqueKey: ['id'],
      updatedAt: 'updated_at',
      location: 's3://w/dim/',
    });
    await STRATEGIES.scd2(
      request([
        [1, 'ann', 'Berlin', '2025-03-01 08:00:00'],
        [2, 'bob', 'Köln', '2025-03-01 09:00:00'],
      ]),
      { engine },
    );
    const table = await engine.execute('SELECT * FROM dim LIMIT 0');
    expect(table.columns.map((c) => c.name)).toEqual(['id', 'name', 'city', 'valid_from', 'valid_to', 'is_current', 'loaded_on']);
    const typeOf = (name: string) => table.columns.find((c) => c.name === name)?.type;
    expect([typeOf('valid_from'), typeOf('valid_to'), typeOf('is_current')]).toEqual(['timestamp(3)', 'timestamp(3)', 'boolean']);
    expect(await engine.execute("SHOW TBLPROPERTIES dim ('table_type')").then((r) => r.rows)).toEqual([['ICEBERG']]);

    await STRATEGIES.scd2(
      request([
        [1, 'ann', 'Hamburg', '2025-03-02 08:00:00'], // newer: a new version
        [2, 'bob', 'Köln', '2025-03-01 09:00:00'], // the same row again: nothing
        [3, 'cy', 'Ulm', '2025-03-02 10:00:00'], // a new key
      ]),
      { engine },
    );
    await STRATEGIES.scd2(request([[1, 'ann', 'Bonn', '2025-02-01 08:00:00']]), { engine }); // older than current: ignored
    expect(await history()).toEqual([
      [1, 'ann', 'Berlin', '2025-03-01 08:00:00.000', '2025-03-02 08:00:00.000', false],
      [1, 'ann', 'Hamburg', '2025-03-02 08:00:00.000', null, true],
      [2, 'bob', 'Köln', '2025-03-01 09:00:00.000', null, true],
      [3, 'cy', 'Ulm', '2025-03-02 10:00:00.000', null, true],
    ]);
  });

  it('check strategy: only a change of check_cols starts a version; several rows of a key in one run chain in updated_at order', async () => {
    engine = await openLake();
    const request = (rows: Row[]): MaterializeRequest => ({
      database: 'default',
      name: 'dim',
      selectSql: source(rows),
      uniqueKey: ['id'],
      updatedAt: 'updated_at',
      checkCols: ['city'],
      location: 's3://w/dim/',
    });
    await STRATEGIES.scd2(request([[1, 'ann', 'Berlin', '2025-03-01 08:00:00']]), { engine });
    await STRATEGIES.scd2(
      request([
        [1, 'anna', 'Berlin', '2025-03-02 08:00:00'], // name is not tracked: no version
        [1, 'ann', 'Hamburg', '2025-03-04 08:00:00'],
        [1, 'ann', 'Ulm', '2025-03-03 08:00:00'],
      ]),
      { engine },
    );
    expect(await history()).toEqual([
      [1, 'ann', 'Berlin', '2025-03-01 08:00:00.000', '2025-03-03 08:00:00.000', false],
      [1, 'ann', 'Ulm', '2025-03-03 08:00:00.000', '2025-03-04 08:00:00.000', false],
      [1, 'ann', 'Hamburg', '2025-03-04 08:00:00.000', null, true],
    ]);
  });

  it('a key of several columns matches on all of them', async () => {
    engine = await openLake();
    const selectSql = (city: string) =>
      `SELECT * FROM (VALUES (1, 'a', '${city}', TIMESTAMP '2025-03-0${city === 'x' ? 1 : 2} 00:00:00'), (1, 'b', 'x', TIMESTAMP '2025-03-01 00:00:00')) AS s(id, part, city, updated_at)`;
    const request = (city: string): MaterializeRequest => ({
      database: 'default',
      name: 'dim',
      selectSql: selectSql(city),
      uniqueKey: ['id', 'part'],
      updatedAt: 'updated_at',
      location: 's3://w/dim/',
    });
    await STRATEGIES.scd2(request('x'), { engine });
    await STRATEGIES.scd2(request('y'), { engine });
    expect((await engine.execute('SELECT part, city, is_current FROM dim ORDER BY part, valid_from')).rows).toEqual([
      ['a', 'x', false],
      ['a', 'y', true],
      ['b', 'x', true],
    ]);
  });

  it('names the columns the query lacks or returns in place of the ones scd2 adds', async () => {
    engine = await openLake();
    const base = { database: 'default', name: 'dim', uniqueKey: ['id'], updatedAt: 'updated_at', location: 's3://w/dim/' };
    await expect(STRATEGIES.scd2({ ...base, selectSql: 'SELECT 1 AS id' }, { engine })).rejects.toThrow(
      'scd2 model default.dim: column(s) updated_at not in its query (it returns id)',
    );
    await expect(STRATEGIES.scd2({ ...base, selectSql: 'SELECT 1 AS id, current_timestamp AS updated_at, true AS is_current' }, { engine })).rejects.toThrow(
      'returns is_current, which the scd2 table adds itself',
    );
  });

  it('the generated MERGE is Athena SQL naming only the target, the query and its columns', () => {
    const sql = scd2MergeSql(
      '"db"."dim"',
      'SELECT * FROM src',
      [
        { name: 'id', type: 'bigint' },
        { name: 'updated_at', type: 'timestamp(3)' },
      ],
      { uniqueKey: ['id'], updatedAt: 'updated_at' },
    );
    expect(sql.split('\n')[0]).toBe('MERGE INTO "db"."dim" AS t USING (');
    expect(sql).toContain('CAST(NULL AS bigint) AS __scd2_key_0');
    expect(sql.split('\n').at(-1)).toBe(
      'WHEN NOT MATCHED AND s.__scd2_key_0 IS NULL THEN INSERT ("id", "valid_from", "valid_to", "is_current") VALUES (s."id", s."valid_from", s."valid_to", s."is_current")',
    );
  });
});

describe('scd2 header', () => {
  const parse = (header: string) => parseSqlFile(`/*\n${header}\n*/\nSELECT 1 AS id`, 'sql/transforms/d.sql', 'model').diagnostics;
  it('needs unique_key and updated_at, and takes check_cols and external_location but no partitions', () => {
    expect(parse('materialized: scd2\nunique_key: [id]\nupdated_at: ts\ncheck_cols: [a]\nexternal_location: s3://b/d/')).toEqual([]);
    expect(parse('materialized: scd2\ncheck_cols: [a]')).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringContaining('scd2 needs unique_key and updated_at') }),
    ]);
    expect(parse('materialized: scd2\nunique_key: [id]\nupdated_at: ts\npartitioned_by: [d]')).toEqual([
      expect.objectContaining({ line: 5, message: "unknown header key 'partitioned_by'" }),
    ]);
    expect(parse('materialized: table\nupdated_at: ts')).toEqual([
      expect.objectContaining({ line: 3, hint: expect.stringContaining("'updated_at' applies to models with materialized: scd2") }),
    ]);
  });
});
