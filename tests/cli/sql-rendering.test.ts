// How `lake sql` prints values that JSON or String() would mangle: NaN and ±Infinity, REAL, arrays, rows and maps
// whose keys are arrays or rows.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { shortestReal } from '../../src/engines/duckdb/types.js';
import { captureIo } from '../helpers/io.js';

const sql = async (format: 'json' | 'table' | 'csv', query: string): Promise<string> => {
  const io = captureIo(mkdtempSync(join(tmpdir(), 'lake-render-')));
  expect(await main(['sql', '--lake', io.cwd, '--format', format, '-e', query], io)).toBe(0);
  return io.out;
};

describe('lake sql rendering', () => {
  // https://trino.io/docs/current/functions/math.html#floating-point-functions: nan(), infinity() are double values;
  // JSON has no number for them, so they are the strings Trino's client protocol and Athena's console show.
  const SPECIAL = 'SELECT 0e0 / 0e0 AS n, 1e0 / 0e0 AS pos, -1e0 / 0e0 AS neg, ARRAY[0e0 / 0e0, 1.5e0] AS xs';

  it('NaN and ±Infinity are not null', async () => {
    expect(JSON.parse(await sql('json', SPECIAL))).toEqual({
      columns: [
        { name: 'n', type: 'double' },
        { name: 'pos', type: 'double' },
        { name: 'neg', type: 'double' },
        { name: 'xs', type: 'array(double)' },
      ],
      rows: [['NaN', 'Infinity', '-Infinity', ['NaN', 1.5]]],
    });
    expect(await sql('csv', SPECIAL)).toBe('n,pos,neg,xs\nNaN,Infinity,-Infinity,"[NaN, 1.5]"\n');
    expect(await sql('table', SPECIAL)).toContain('NaN | Infinity | -Infinity | [NaN, 1.5]');
  });

  // https://trino.io/docs/current/language/types.html#real: a 32-bit IEEE 754 value; Trino prints it the way Java's
  // Float.toString does, the shortest decimal that reads back as the same float.
  it('REAL is printed as its shortest decimal, also inside arrays, maps and rows', async () => {
    const out = JSON.parse(
      await sql(
        'json',
        "SELECT REAL '12345.67' AS r, ARRAY[REAL '0.1'] AS a, MAP(ARRAY['k'], ARRAY[REAL '2.2']) AS m, CAST(ROW(REAL '3.3') AS ROW(x real)) AS s, 0.1e0 AS d",
      ),
    );
    expect(out.columns.map((c: { type: string }) => c.type)).toEqual(['real', 'array(real)', 'map(varchar, real)', 'row(x real)', 'double']);
    expect(out.rows).toEqual([[12345.67, [0.1], { k: 2.2 }, { x: 3.3 }, 0.1]]);
    expect(await sql('csv', "SELECT REAL '12345.67' AS r")).toBe('r\n12345.67\n');
  });

  it('shortestReal keeps every float exact and stays shortest', () => {
    for (const v of [0.1, 1 / 3, 3.4028234663852886e38, 1.401298464324817e-45, -7.5, 16777217]) {
      const f = Math.fround(v);
      const printed = shortestReal(f);
      expect(Math.fround(printed)).toBe(f);
      expect(
        String(printed)
          .replace(/^-|\.|e.*$/g, '')
          .replace(/^0+/, '').length,
      ).toBeLessThanOrEqual(9);
    }
    expect(shortestReal(Math.fround(0.1))).toBe(0.1);
    expect(shortestReal(Math.fround(16777217))).toBe(16777216);
  });

  // https://trino.io/docs/current/functions/map.html: map keys may be any comparable type, arrays and rows included.
  it('maps whose keys are arrays or rows keep every entry, keyed as Trino prints the key', async () => {
    const query = `SELECT MAP(ARRAY[ARRAY[1, 2], ARRAY[3]], ARRAY['a', 'b']) AS by_array,
  MAP(ARRAY[CAST(ROW(1, 'x') AS ROW(p integer, q varchar)), CAST(ROW(2, 'y') AS ROW(p integer, q varchar))], ARRAY[10, 20]) AS by_row`;
    const out = JSON.parse(await sql('json', query));
    expect(out.columns).toEqual([
      { name: 'by_array', type: 'map(array(integer), varchar)' },
      { name: 'by_row', type: 'map(row(p integer, q varchar), integer)' },
    ]);
    expect(out.rows).toEqual([
      [
        { '[1, 2]': 'a', '[3]': 'b' },
        { '{p=1, q=x}': 10, '{p=2, q=y}': 20 },
      ],
    ]);
    expect(await sql('table', query)).toContain('{[1, 2]=a, [3]=b} | {{p=1, q=x}=10, {p=2, q=y}=20}');
  });
});
