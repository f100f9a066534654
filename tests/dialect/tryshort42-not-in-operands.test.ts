// The outer-row test of an `IN (subquery)` conjunct whose left operand is more than one word (`NOT x + 0 IN (…)`,
// `NOT abs(x) IN (…)`) and of `x NOT IN (…)` (docs/issue-15-audit.md, corr40's and sil41's leftovers; branch
// tryshort42): Trino 476 pushes the NOTs before the whole operand, and the NOT of NOT IN, down to the conjunct and fails
// on it at positive polarity (COMPILER_ERROR "argumentType unknown should not be UNKNOWN"); the local engine counted the
// NOTs only before a one-word operand and never NOT IN's (`NOT (NOT x + 0 IN (…))` answered 1, 2). Every expectation is
// the shared Trino 476's answer (value and type) or failure, asked on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';
import { REFUSED } from './untyped-filter-fixture.js';

const engine = sharedLake();

const t = 'SELECT x FROM UNNEST(sequence(1, 2)) t(x) WHERE';
const q = '(SELECT y FROM (VALUES 1, 2) u(y) WHERE element_at(ARRAY[], t.x) IS NULL)';

describe('NOTs before a left operand of IN of more than one word, and NOT IN', () => {
  it.each<[string]>([
    [`${t} NOT (NOT x + 0 IN ${q}) ORDER BY x`],
    [`${t} NOT (NOT x * 1 IN ${q}) ORDER BY x`],
    [`${t} NOT (x > 5 OR NOT x + 0 IN ${q}) ORDER BY x`],
    [`${t} NOT NOT abs(x) IN ${q} ORDER BY x`],
    [`${t} NOT x + 0 NOT IN ${q} ORDER BY x`],
    [`${t} NOT x NOT IN ${q} ORDER BY x`],
  ])('%s is refused', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });

  // Trino 476 answers where the conjunct stays negated (the local engine refused them).
  it.each<[string, unknown[][]]>([
    [`${t} NOT x + 0 IN ${q} ORDER BY x`, []],
    [`${t} NOT abs(x) IN ${q} ORDER BY x`, []],
    [`${t} NOT t.x IN ${q} ORDER BY x`, []],
    [`${t} NOT CAST(x AS bigint) IN ${q} ORDER BY x`, []],
    [`${t} x NOT IN ${q} ORDER BY x`, []],
    [`${t} x > 0 AND NOT x - 1 IN ${q} ORDER BY x`, [[1]]],
    [`${t} x > 0 AND x - 1 NOT IN ${q} ORDER BY x`, [[1]]],
    [`${t} NOT NOT x * 1 NOT IN ${q} ORDER BY x`, []],
  ])('%s answers', async (sql, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types: ['bigint'] });
  });
});
