// `EXISTS (SELECT t.* FROM w2)` of an outer relation t where the table w2 has a column t (issue 15,
// docs/issue-15-audit.md, corr39's section): Trino 476 does not read the select list of the EXISTS body and answers
// whether w2 has rows; the local engine bound w2's integer column t in the row star and failed TYPE_MISMATCH (loud,
// corr38). With DISTINCT Trino fails NOT_SUPPORTED (left as it was). Every expectation is the shared Trino 476's answer,
// asked on 2026-12-07 (the table as memory.default.corr39_w2(t, c) = (1, 7)).
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('EXISTS over an outer star where the inner table has a column of its name', () => {
  it('makes the table', async () => {
    await engine.execute('CREATE TABLE w2 AS SELECT * FROM (VALUES (1, 7)) w(t, c)');
  });

  it.each<[string, string, string[], unknown[][]]>([
    ['in the select list', 'SELECT a, EXISTS (SELECT t.* FROM w2) FROM (VALUES 10) t(a)', ['integer', 'boolean'], [[10, true]]],
    ['with a WHERE no row meets', 'SELECT a, EXISTS (SELECT t.* FROM w2 WHERE c = 8) FROM (VALUES 10) t(a)', ['integer', 'boolean'], [[10, false]]],
    ['in a WHERE', 'SELECT a FROM (VALUES 10, 20) t(a) WHERE EXISTS (SELECT t.* FROM w2 WHERE c = 7) ORDER BY 1', ['integer'], [[10], [20]]],
  ])('%s answers', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});
