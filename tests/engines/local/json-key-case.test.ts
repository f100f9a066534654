// Athena's JSON SerDe (org.openx.data.jsonserde.JsonSerDe) matches keys to columns whatever their case ("case.insensitive"
// defaults to true: Athena User Guide, "OpenX JSON SerDe"). The local reader takes a fast path for rows whose keys are
// all lower case, decided on the text of the row's key list (issue 18: lower-casing each key through a lambda cost
// ~0.1 s of CPU more per million rows); keys holding the list's own separators, quotes or non-ASCII letters must still
// be told apart.
import { describe, expect, it } from 'vitest';
import { hiveTableSelect } from '../../../src/engines/local/readers.js';
import type { LakeTable } from '../../../src/dialect/lake-table.js';
import { eventsTable } from './lake-table-fixture.js';
import { ndjson, openLake, tempLake, writeLakeFile } from '../../dialect/lake-helpers.js';

describe('JSON keys matched whatever their case', () => {
  it('decides the fast path on the key list as text, not per key', () => {
    const table: LakeTable = { ...eventsTable(), format: { kind: 'json' } };
    const select = hiveTableSelect(table, '/lake', { tableFolder: true, partitions: [] });
    expect(select).toContain('lower(CAST(json_keys(__json) AS VARCHAR)) = CAST(json_keys(__json) AS VARCHAR) AS __plain');
    expect(select).not.toContain('list_transform(json_keys');
  });

  it('reads keys with separators, quotes, brackets and non-ASCII capitals as Athena does', async () => {
    const lake = tempLake();
    writeLakeFile(
      lake,
      'b/raw/k/part-0.json',
      ndjson([
        { id: 1, 'x, y': 'plain, with a comma key', é: 'lower' },
        { ID: 2, 'x, Y': 'capital after a comma', É: 'upper' },
        { id: 3, '"q"': 'quote key', '[b]': 'bracket key' },
        { Id: 4, '"Q"': 'quote key, capital', '[B]': 'bracket key, capital' },
        { ⅰd: 'not id', id: 5 },
      ]),
    );
    const engine = await openLake(lake);
    try {
      await engine.execute('CREATE DATABASE d');
      await engine.execute(
        "CREATE EXTERNAL TABLE d.k (id int, `x, y` string, `é` string, `\"q\"` string, `[b]` string) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://b/raw/k/'",
      );
      const result = await engine.execute('SELECT * FROM d.k ORDER BY id');
      expect(result.rows).toEqual([
        [1, 'plain, with a comma key', 'lower', null, null],
        [2, 'capital after a comma', 'upper', null, null],
        [3, null, null, 'quote key', 'bracket key'],
        [4, null, null, 'quote key, capital', 'bracket key, capital'],
        [5, null, null, null, null],
      ]);
    } finally {
      await engine.close();
    }
  });
});
