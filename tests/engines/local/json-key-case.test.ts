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

/** A JSON table of two declared columns, id and name. */
const idNameJsonTable = (): LakeTable => ({
  ...eventsTable(),
  columns: [
    { name: 'id', type: 'int' },
    { name: 'name', type: 'string' },
  ],
  format: { kind: 'json' },
});

describe('JSON keys matched whatever their case', () => {
  it('decides the fast path on the key list as text, not per key', () => {
    const table: LakeTable = { ...eventsTable(), format: { kind: 'json' } };
    const select = hiveTableSelect(table, '/lake', { tableFolder: true, partitions: [] });
    expect(select).toContain('lower(CAST(map_keys(__m) AS VARCHAR)) = CAST(map_keys(__m) AS VARCHAR)');
    expect(select).not.toContain('list_transform(map_keys');
    const nested = hiveTableSelect({ ...table, columns: [{ name: 'tags', type: 'array<string>' }] }, '/lake', { tableFolder: true, partitions: [] });
    expect(nested).toContain('lower(CAST(json_keys(__json) AS VARCHAR)) = CAST(json_keys(__json) AS VARCHAR)');
  });

  it('answers rows whose keys are the declared columns in order by one list comparison, before the general test', () => {
    const table = idNameJsonTable();
    const select = hiveTableSelect(table, '/lake', { tableFolder: true, partitions: [] });
    expect(select).toContain(
      "CASE WHEN map_keys(__m) = ['id', 'name'] THEN true ELSE lower(CAST(map_keys(__m) AS VARCHAR)) = CAST(map_keys(__m) AS VARCHAR) END AS __plain",
    );
    // A declared name lower() might change (a non-ASCII letter) keeps the general test alone.
    const accented = hiveTableSelect({ ...table, columns: [{ name: 'é', type: 'string' }] }, '/lake', { tableFolder: true, partitions: [] });
    expect(accented).not.toContain('map_keys(__m) = [');
    expect(accented).not.toContain('__exact');
  });

  it('reads a row whose keys are the declared columns in order by position, not by searching each key', () => {
    const table = idNameJsonTable();
    const select = hiveTableSelect(table, '/lake', { tableFolder: true, partitions: [] });
    expect(select).toContain("map_keys(__m) = ['id', 'name'] AS __exact");
    expect(select).toContain("CAST(CASE WHEN __exact THEN map_values(__m)[1] WHEN __plain THEN __m['id'] ELSE");
    expect(select).toContain("(CASE WHEN __exact THEN map_values(__m)[2] WHEN __plain THEN __m['name'] ELSE");
  });

  it('reads rows in the declared key order, in another order, with more keys or with capitals alike', async () => {
    const lake = tempLake();
    writeLakeFile(
      lake,
      'b/raw/o/part-0.json',
      ndjson([
        { id: 1, name: 'declared order' },
        { name: 'other order', id: 2 },
        { id: 7, name: 'declared order, read by position' },
        { id: 3, name: 'more keys', extra: true },
        { ID: 4, name: 'capital, as many keys as declared' },
        { id: 5, NAME: 'capital in the second key' },
        { id: 6 },
      ]),
    );
    const engine = await openLake(lake);
    try {
      await engine.execute('CREATE DATABASE d');
      await engine.execute("CREATE EXTERNAL TABLE d.o (id int, name string) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://b/raw/o/'");
      const result = await engine.execute('SELECT id, name FROM d.o ORDER BY id');
      expect(result.rows).toEqual([
        [1, 'declared order'],
        [2, 'other order'],
        [3, 'more keys'],
        [4, 'capital, as many keys as declared'],
        [5, 'capital in the second key'],
        [6, null],
        [7, 'declared order, read by position'],
      ]);
    } finally {
      await engine.close();
    }
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
