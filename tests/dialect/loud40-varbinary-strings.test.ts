// reverse, substr, SUBSTRING(… FROM … FOR …), lpad and rpad of varbinary (docs/issue-15-audit.md, hunt39's loud
// leftovers; branch loud40): Trino 476 reads bytes where DuckDB has no such function of a BLOB ("Slice with steps has
// not been implemented", "length(BLOB)"); the call form substring(bytes, p) is no function in Trino and fails alike.
// SUBSTRING(s FROM p) of text took DuckDB's positions (FROM 0 kept the whole text: silent). Every value and type below
// is the shared Trino 476's answer, and every error Trino's message.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';

describe('string functions of varbinary', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-fn-')), inMemory: true, threads: 1 });
  });
  afterAll(async () => engine.close());

  /** [expression, Trino 476's value (hex for varbinary), its type]. */
  const LITERALS: readonly [string, string | null, string][] = [
    ["reverse(X'010203')", '030201', 'varbinary'],
    ["reverse(X'ff00')", '00ff', 'varbinary'],
    ["reverse(X'')", '', 'varbinary'],
    ['reverse(CAST(NULL AS varbinary))', null, 'varbinary'],
    ["substr(X'010203', 2)", '0203', 'varbinary'],
    ["substr(X'010203', 2, 1)", '02', 'varbinary'],
    ["substr(X'010203', -2)", '0203', 'varbinary'],
    ["substr(X'010203', 0)", '', 'varbinary'],
    ["substr(X'010203', 5)", '', 'varbinary'],
    ["substr(X'010203', 2, 0)", '', 'varbinary'],
    ["substr(X'010203', -5)", '', 'varbinary'],
    ["substr(X'010203', 2, -1)", '', 'varbinary'],
    ["substr(X'010203', -2, 5)", '0203', 'varbinary'],
    ["substr(X'010203', 9223372036854775807)", '', 'varbinary'],
    ["substr(X'010203', -9223372036854775807, 9223372036854775807)", '', 'varbinary'],
    ['substr(CAST(NULL AS varbinary), 1)', null, 'varbinary'],
    ["substring(X'010203' FROM 2 FOR 1)", '02', 'varbinary'],
    ["substring(X'010203' FROM -1)", '03', 'varbinary'],
    ["lpad(X'0102', 5, X'09')", '0909090102', 'varbinary'],
    ["rpad(X'0102', 5, X'0908')", '0102090809', 'varbinary'],
    ["lpad(X'010203', 2, X'09')", '0102', 'varbinary'],
    ["rpad(X'010203', 2, X'09')", '0102', 'varbinary'],
    ["lpad(X'0102', 0, X'09')", '', 'varbinary'],
    ["rpad(X'', 3, X'0102')", '010201', 'varbinary'],
    ["lpad(CAST(NULL AS varbinary), 3, X'01')", null, 'varbinary'],
    ["rpad(X'01', CAST(NULL AS bigint), X'01')", null, 'varbinary'],
    // Text through SUBSTRING … FROM: substr's positions (DuckDB's FROM 0 was the whole text, FROM 0 FOR 2 'a').
    ["substring('abc' FROM 0)", '', 'varchar'],
    ["substring('abc' FROM 0 FOR 2)", '', 'varchar'],
    ["substring('abc' FROM -2)", 'bc', 'varchar'],
    ["substring('abcd' FROM 2 FOR 2)", 'bc', 'varchar'],
    ["substring('abc' FROM 2 FOR -1)", '', 'varchar'],
    ["substring('abc' FROM -5 FOR 2)", '', 'varchar'],
    // A bare NULL: substring's call form has varchar forms only.
    ['substring(NULL, 2)', null, 'varchar'],
    ['substring(NULL, 2, 1)', null, 'varchar'],
    ["lpad('ab', 4, 'xy')", 'xyab', 'varchar'],
  ];

  it('answers literals as Trino does (one row)', async () => {
    const result = await engine.execute(`SELECT ${LITERALS.map(([e], k) => `${e} AS c${k}`).join(', ')}`);
    expect(result.columns.map((c) => c.type)).toEqual(LITERALS.map(([, , t]) => t));
    // The engine hands varbinary values out as lower-case hex, as `lake sql` prints them.
    expect(result.rows).toEqual([LITERALS.map(([, v]) => v)]);
  }, 120_000);

  it('answers a column of bytes, 0x80 and above too', async () => {
    const result = await engine.execute(
      "SELECT b, reverse(b) AS r, substr(b, 2, 2) AS s, substring(b FROM -1) AS f, lpad(b, 4, X'00') AS l, rpad(b, 4, X'ff') AS p FROM (VALUES X'80ff01', X'', X'00', X'0102030405') t(b) ORDER BY b",
    );
    expect(result.columns.map((c) => c.type)).toEqual(Array(6).fill('varbinary'));
    expect(result.rows).toEqual([
      ['', '', '', '', '00000000', 'ffffffff'],
      ['00', '00', '', '00', '00000000', '00ffffff'],
      ['0102030405', '0504030201', '0203', '05', '01020304', '01020304'],
      ['80ff01', '01ff80', 'ff01', '01', '0080ff01', '80ff01ff'],
    ]);
  }, 120_000);

  it.each([
    // FUNCTION_NOT_FOUND: Unexpected parameters (varbinary, integer) for function substring.
    ["SELECT substring(X'010203', 2)", /Unexpected parameters \(varbinary, bigint\) for function substring/],
    ["SELECT substring(X'010203', 2, 1)", /Unexpected parameters \(varbinary, bigint, bigint\) for function substring/],
    // INVALID_FUNCTION_ARGUMENT.
    ["SELECT lpad(X'0102', 5, X'')", /Padding bytes must not be empty/],
    ["SELECT rpad(X'0102', -1, X'09')", /Target length must be in the range \[0\.\.2147483647\]/],
    // FUNCTION_NOT_FOUND: bytes and text are not mixed.
    ["SELECT lpad(X'01', 3, 'ab')", /Unexpected parameters \(varbinary, integer, varchar\) for function lpad/],
    ["SELECT lpad('ab', 3, X'01')", /Unexpected parameters \(varchar, integer, varbinary\) for function lpad/],
    // AMBIGUOUS_FUNCTION_CALL: a NULL of no type matches the varchar and varbinary forms.
    ['SELECT substring(NULL FROM 2)', /AMBIGUOUS_FUNCTION_CALL/],
    ['SELECT substring(x FROM 2) FROM (VALUES NULL) t(x)', /AMBIGUOUS_FUNCTION_CALL/],
  ])(
    '%s fails as in Trino',
    async (sql, message) => {
      await expect(engine.execute(sql)).rejects.toThrow(message);
    },
    120_000,
  );
});
