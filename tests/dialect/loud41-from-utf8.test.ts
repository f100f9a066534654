// from_utf8 of bytes that are not valid UTF-8 (docs/issue-15-audit.md, loud40's leftovers; branch loud41): Trino 476
// writes one replacement (U+FFFD, or the one given) per invalid sequence as airlift's SliceUtf8 counts them; the local
// engine failed ("could not convert blob to UTF8 string") and refused the two-argument form by arity. Trino 476's
// answers (value and type, or its failure), asked of the shared Trino, are written beside each case.
import { describe, expect, it } from 'vitest';
import { sharedLake } from './lake-helpers.js';

describe('from_utf8 of invalid bytes', () => {
  const engine = sharedLake();

  it('writes one U+FFFD per invalid sequence (Trino 476: the UTF-8 below in hex)', async () => {
    const cases: [string, string][] = [
      ['FF', 'EFBFBD'],
      ['61FF62', '61EFBFBD62'],
      ['C3C3A9', 'EFBFBDC3A9'],
      ['E0', 'EFBFBD'],
      ['EDA080EDB080', 'EFBFBDEFBFBD'],
      ['F88880808080', 'EFBFBDEFBFBD'],
      ['FC808080808080', 'EFBFBDEFBFBD'],
      ['C1BF', 'EFBFBD'],
      ['E080AF', 'EFBFBD'],
      ['F08F8080', 'EFBFBD'],
      ['F4908080', 'EFBFBD'],
      ['E28261', 'EFBFBD61'],
      ['F48FBFBF', 'F48FBFBF'],
      ['FFFE', 'EFBFBDEFBFBD'],
      ['80808080', 'EFBFBDEFBFBDEFBFBDEFBFBD'],
      ['', ''],
    ];
    const result = await engine.execute(`SELECT ${cases.map(([b], k) => `to_hex(to_utf8(from_utf8(X'${b}'))) AS c${k}`).join(', ')}`);
    expect(result.rows).toEqual([cases.map(([, hex]) => hex)]);
  }, 120_000);

  it('takes a replacement character or code point (Trino 476: a?b, a?b, ab, a\\0b, a😀b, aéb, NULLs; varchar)', async () => {
    const result = await engine.execute(
      `SELECT from_utf8(X'61FF62', '?') AS a, from_utf8(X'61FF62', 63) AS b, from_utf8(X'61FF62', '') AS c,
        to_hex(to_utf8(from_utf8(X'61FF62', 0))) AS d, from_utf8(X'61FF62', 128512) AS e, from_utf8(X'61FF62', 'é') AS f,
        from_utf8(NULL) AS g, from_utf8(X'61FF62', CAST(NULL AS varchar)) AS h, from_utf8(X'61FF62', CAST(NULL AS bigint)) AS i,
        from_utf8(CAST(NULL AS varbinary), 'x') AS j, from_utf8(X'6162') AS k, from_utf8(X'61FF62') AS l`,
    );
    expect(result.columns.map((c) => c.type)).toEqual(Array(12).fill('varchar'));
    expect(result.rows).toEqual([['a?b', 'a?b', 'ab', '610062', 'a😀b', 'aéb', null, null, null, null, 'ab', 'a\uFFFDb']]);
  }, 120_000);

  it('reads a column of valid and invalid bytes (Trino 476: NULL last)', async () => {
    const result = await engine.execute("SELECT from_utf8(b) AS v FROM (VALUES X'6162', X'61FF', NULL, X'C3A9') t(b) ORDER BY 1");
    expect(result.rows).toEqual([['ab'], ['a\uFFFD'], ['é'], [null]]);
  }, 120_000);

  it.each([
    // Trino 476: INVALID_FUNCTION_ARGUMENT "Replacement character string must empty or a single character" (valid bytes too).
    ["SELECT from_utf8(X'6162', 'ab')", /Replacement character string must empty or a single character/],
    // One code point but two UTF-16 units.
    ["SELECT from_utf8(X'61FF62', '😀')", /Replacement character string must empty or a single character/],
    // Trino 476: "Invalid replacement character" (a surrogate, past U+10FFFF).
    ["SELECT from_utf8(X'61FF62', 55296)", /Invalid replacement character/],
    ["SELECT from_utf8(X'61FF62', 1114112)", /Invalid replacement character/],
  ])(
    '%s fails as in Trino',
    async (sql, message) => {
      await expect(engine.execute(sql)).rejects.toThrow(message);
    },
    120_000,
  );
});
