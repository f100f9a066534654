// The two ways the local engine reads a JSON table's lines (src/engines/local/readers.ts): a table of only primitive
// columns reads each line straight into a map of keys to text values (one parse; issue 18), a table with a nested
// column keeps the line as JSON text and parses it into a struct. Both must give the same values for the same
// columns, whatever the JSON holds: numbers as written, escaped strings, objects in string columns, duplicate keys.
import { describe, expect, it } from 'vitest';
import { ndjson, openLake, tempLake, writeLakeFile } from '../../dialect/lake-helpers.js';

const ROWS = [
  { id: 1, s: 'plain', n: 10, d: 1.5, b: true },
  { id: 2, s: 'quote " and \\ and \n and é', n: -0, d: 1e2, b: false },
  { id: 3, s: { nested: [1, 'two'] }, n: null, d: 0.1, b: null },
  { id: 4, s: 'set below', n: 2.5, d: -1.25e-7, b: 'true' },
  { id: 5, S: 'capital key', N: 7 },
  { id: 6 },
];
const SELECT = 'SELECT id, s, n, d, b FROM d.t ORDER BY id';

describe('JSON lines read as maps of text values or as JSON text, alike', () => {
  it('gives the same values through both readers', async () => {
    const lake = tempLake();
    // Written by hand: a number past 64 bits (JSON.stringify would round it), duplicate keys (the first is read).
    const text = `${ndjson(ROWS).replace('"set below"', '12345678901234567890123')}{"id": 7, "s": "first", "s": "second"}\n`;
    writeLakeFile(lake, 'b/raw/t/part-0.json', text);
    writeLakeFile(lake, 'b/raw/u/part-0.json', text);
    const engine = await openLake(lake);
    try {
      await engine.execute('CREATE DATABASE d');
      const columns = 'id int, s string, n int, d double, b boolean';
      await engine.execute(`CREATE EXTERNAL TABLE d.t (${columns}) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://b/raw/t/'`);
      await engine.execute(
        `CREATE EXTERNAL TABLE d.u (${columns}, tags array<string>) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://b/raw/u/'`,
      );
      const asMaps = await engine.execute(SELECT);
      const asText = await engine.execute(SELECT.replace('d.t', 'd.u'));
      expect(asMaps.rows).toEqual([
        [1, 'plain', 10, 1.5, true],
        [2, 'quote " and \\ and \n and é', 0, 100, false],
        [3, '{"nested":[1,"two"]}', null, 0.1, null],
        [4, '12345678901234567890123', 3, -1.25e-7, true],
        [5, 'capital key', 7, null, null],
        [6, null, null, null, null],
        [7, 'first', null, null, null],
      ]);
      expect(asText.rows).toEqual(asMaps.rows);
    } finally {
      await engine.close();
    }
  });

  // Athena User Guide, "OpenX JSON SerDe": a line that is not a JSON object fails the query
  // ("HIVE_CURSOR_ERROR: Row is not a valid JSON Object"); the map reader refuses it too, naming the file.
  it('refuses a line that is not a JSON object, naming the file', async () => {
    const lake = tempLake();
    writeLakeFile(lake, 'b/raw/t/part-0.json', '{"id": 1}\n[1, 2]\n');
    const engine = await openLake(lake);
    try {
      await engine.execute('CREATE DATABASE d');
      await engine.execute("CREATE EXTERNAL TABLE d.t (id int) ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://b/raw/t/'");
      await expect(engine.execute('SELECT id FROM d.t')).rejects.toThrow(/part-0\.json.*Expected OBJECT, but got ARRAY/s);
    } finally {
      await engine.close();
    }
  });
});
