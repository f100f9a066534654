// A recursive WITH whose base is a parenthesized query of several branches with a string literal (`(SELECT 'a' UNION
// ALL SELECT 'b') UNION ALL SELECT s || 'a' …`): Trino 476 types the base varchar(n) and fails with TYPE_MISMATCH
// ("recursion step relation output type (varchar) is not coercible to recursion base relation output type
// (varchar(1)) at column 1"); recursive-steps.ts read no SELECT list in the parenthesized base, so nothing was checked
// and the local engine answered. It now reads the base's first branch, as it does an unparenthesized one. Every
// expectation is the shared Trino 476's answer (value and type) or failure, asked on 2026-12-07 (docs/issue-15-audit.md,
// branch corr37's section).
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake, refusedAt } from './lake-helpers.js';

const engine = sharedLake();

const recursive = (base: string, step: string, where = 'length(s) < 3', columns = 's') =>
  `WITH RECURSIVE r(${columns}) AS (${base} UNION ALL ${step} FROM r WHERE ${where}) SELECT ${columns} FROM r ORDER BY ${columns}`;

describe('a parenthesized recursive base of several branches with a string literal', () => {
  it.each<[string, string, string]>([
    ['two branches', recursive("(SELECT 'a' UNION ALL SELECT 'b')", "SELECT s || 'a'"), "s || 'a'"],
    ['its first branch in parentheses too', recursive("((SELECT 'ab') UNION ALL SELECT 'b')", "SELECT s || 'a'"), "s || 'a'"],
    ['a second column beside it', recursive("(SELECT 'a', 1 UNION ALL SELECT 'b', 1)", "SELECT s || 'a', n + 1", 'n < 3', 's, n'), "s || 'a'"],
  ])('%s is refused at lint (Trino TYPE_MISMATCH)', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('recursive-step-type', sql, at));
  });

  it.each<[string, string, string[], unknown[][]]>([
    ['a step of the column itself', recursive("(SELECT 'a' UNION ALL SELECT 'b')", 'SELECT s', 'length(s) < 0'), ['s varchar'], [['a'], ['b']]],
    ['a step of a shorter literal', recursive("(SELECT 'ab' UNION ALL SELECT 'b')", "SELECT 'x'", 'length(s) < 0'), ['s varchar'], [['ab'], ['b']]],
  ])('%s answers', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });
});
