// The catalog snapshot keeps its listings in DuckDB's ORDER BY order of VARCHAR keys, the byte order of their UTF-8
// (DuckDB docs, "Collations": "By default, the BINARY collation is used ... ordered and compared based only on their
// binary contents"). The comparison encodes only strings with astral characters (UTF-16 code unit order is byte order
// elsewhere); this checks it against the encoded bytes.
import { describe, expect, it } from 'vitest';
import { byCatalogOrder } from '../../../src/engines/local/catalog.js';
import { SeededRandom } from '../../../src/ingest/random.js';

const sign = (n: number) => Math.sign(n);
const bytes = (a: string[], b: string[]) => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = Buffer.compare(Buffer.from(a[i]), Buffer.from(b[i]));
    if (order !== 0) return order;
  }
  return a.length - b.length;
};

/** Characters where the orders could part: ASCII of both cases, Latin-1, just below and above the surrogates, astral. */
const ALPHABET = ['a', 'B', 'z', 'Z', '_', '0', 'é', 'ß', '\uD7FF', '\uE000', '\uFF5E', '😀', '𝒜'];

describe('catalog order', () => {
  it('is the byte order of the keys in UTF-8, for ASCII, accented, private-use and astral names', () => {
    const random = new SeededRandom(18);
    const word = () => Array.from({ length: random.int(0, 4) }, () => random.pick(ALPHABET)).join('');
    for (let i = 0; i < 5000; i++) {
      const a = [word(), word()];
      const b = random.chance(0.3) ? [a[0], word()] : [word(), word()];
      expect(sign(byCatalogOrder(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(sign(bytes(a, b)));
    }
    expect(sign(byCatalogOrder(['d'], ['d', 't']))).toBe(-1);
  });
});
