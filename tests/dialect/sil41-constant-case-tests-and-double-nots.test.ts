// Untyped filter tests `e IS [NOT] NULL` (e of type unknown: element_at(ARRAY[], y)) that the local engine still
// answered (issue 15, docs/issue-15-audit.md, sil41's section): a compared TRUE-only CASE whose other side or values are
// constant expressions other than literals (`abs(-1)`, `1 + 1`, `length('a')`, `CAST('b' AS varchar(3))`), which Trino
// 476 folds before it reads the CASE as its conditions, and the outer-row test of a subquery conjunct under two NOTs
// (`NOT (NOT (EXISTS …))`, `NOT NOT EXISTS …`, `NOT (x > 5 OR NOT EXISTS …)`, `NOT NOT x IN (…)`), which Trino pushes down to the conjunct.
// Every expectation is the shared Trino 476's answer (value and type) or failure (COMPILER_ERROR "argumentType unknown
// should not be UNKNOWN"), asked on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';
import { REFUSED } from './untyped-filter-fixture.js';

const engine = sharedLake();

const u = 'SELECT y FROM UNNEST(sequence(1, 2)) u(y) WHERE';
const c = (then: string) => `CASE WHEN element_at(ARRAY[], y) IS NULL THEN ${then} END`;
const t = 'SELECT x FROM UNNEST(sequence(1, 2)) t(x) WHERE';
const s = 'EXISTS (SELECT 1 FROM (VALUES 1) u(y) WHERE element_at(ARRAY[], t.x) IS NULL)';
const q = '(SELECT y FROM (VALUES 1, 2) u(y) WHERE element_at(ARRAY[], t.x) IS NULL)';

describe('a compared TRUE-only CASE beside a constant expression', () => {
  it.each<[string]>([
    [`${u} ${c('1')} = abs(-1) ORDER BY y`],
    [`${u} ${c('2')} = 1 + 1 ORDER BY y`],
    [`${u} abs(-1) = ${c('1')} ORDER BY y`],
    [`${u} 1 + 1 = ${c('2')} ORDER BY y`],
    [`${u} ${c('abs(-1)')} = 1 ORDER BY y`],
    [`${u} ${c('1 + 1')} = 2 ORDER BY y`],
    [`${u} ${c("'b'")} = CAST('b' AS varchar(3)) ORDER BY y`],
    [`${u} ${c('1')} = length('a') ORDER BY y`],
    [`${u} y > 0 AND ${c('1')} = abs(-1) ORDER BY y`],
    [`${u} NOT (${c('1')} = abs(-2)) ORDER BY y`],
  ])('%s is refused', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });

  // Trino 476 answers: the folded sum compares false (no rows), a value reading the row is no constant.
  it.each<[string, unknown[][]]>([
    [`${u} ${c('1')} = 1 + 1 ORDER BY y`, []],
    [`${u} ${c('1 + 1')} = 3 ORDER BY y`, []],
    [`${u} ${c('1')} = y - 1 ORDER BY y`, [[2]]],
    [`${u} ${c('1')} = abs(y) ORDER BY y`, [[1]]],
  ])('%s answers', async (sql, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types: ['bigint'] });
  });
});

describe('the outer-row test of a subquery conjunct under two NOTs', () => {
  it.each<[string]>([
    [`${t} NOT (NOT (${s})) ORDER BY x`],
    [`${t} NOT NOT ${s} ORDER BY x`],
    [`${t} NOT (x > 5 OR NOT ${s}) ORDER BY x`],
    [`${t} NOT (x > 5 OR NOT (${s})) ORDER BY x`],
    [`${t} NOT (NOT (x > 0 AND ${s})) ORDER BY x`],
    [`${t} x > 0 AND NOT (NOT ${s}) ORDER BY x`],
    [`${t} NOT (NOT x IN ${q}) ORDER BY x`],
    [`${t} NOT NOT x IN ${q} ORDER BY x`],
  ])('%s is refused', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });

  // Trino 476 answers where the conjunct stays negated.
  it.each<[string, unknown[][]]>([
    [`${t} NOT (x > 5 OR ${s}) ORDER BY x`, []],
    [`${t} NOT (x > 0 AND NOT ${s}) ORDER BY x`, [[1], [2]]],
    [`${t} NOT NOT NOT ${s} ORDER BY x`, []],
    [`${t} NOT (${s}) ORDER BY x`, []],
    [`${t} NOT x IN ${q} ORDER BY x`, []],
  ])('%s answers', async (sql, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types: ['bigint'] });
  });
});
