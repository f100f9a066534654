// A `$` followed by a line break in the pattern (`a$\n`), from the open list of docs/issue-15-audit.md ("Regular
// expressions left … branch regex37"): Java's (Joni's) `$` also matches before a final line break, so `$\n` takes the
// text's final line break; it was checked while running (a text ending in a line break refused). It is now RE2's
// `\n\z`, which means the same for every text. Every value and type is Trino 476's answer, asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

describe('a $ followed by a line break answers as on Athena', () => {
  it('in every regexp function, over texts with and without a final line break', async () => {
    const sql = `SELECT x, regexp_like(x, 'a$\\n') AS l, regexp_extract(x, 'a$\\n') AS e, regexp_count(x, 'a$\\n') AS c,
      regexp_replace(x, 'a$\\n', '-') AS r, regexp_like(x, 'a$' || chr(10)) AS l2, regexp_like(x, 'a$\\n$') AS l3,
      regexp_extract(x, '(a$\\n)|b') AS e2, regexp_extract_all(x, '$\\n') AS e3, regexp_split(x, 'a$\\n') AS s
      FROM (VALUES 'a', 'a' || chr(10), 'a' || chr(10) || chr(10), 'ba' || chr(10), 'b') t(x) ORDER BY x`;
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [
        ['a', false, null, 0, 'a', false, false, null, [], ['a']],
        ['a\n', true, 'a\n', 1, '-', true, true, 'a\n', ['\n'], ['', '']],
        ['a\n\n', false, null, 0, 'a\n\n', false, false, null, ['\n'], ['a\n\n']],
        ['b', false, null, 0, 'b', false, false, 'b', [], ['b']],
        ['ba\n', true, 'a\n', 1, 'b-', true, true, 'b', ['\n'], ['b', '']],
      ],
      types: ['varchar', 'boolean', 'varchar', 'bigint', 'varchar', 'boolean', 'boolean', 'varchar', 'array(varchar)', 'array(varchar)'],
    });
  });

  it('with the pattern a value', async () => {
    const sql = `SELECT x, regexp_like(x, p) AS l, regexp_extract(x, p) AS e, regexp_count(x, p) AS c
      FROM (VALUES 'a', 'a' || chr(10), 'ba' || chr(10)) t(x) CROSS JOIN (VALUES 'a$\\n') u(p) ORDER BY x`;
    expect(await rowsAndTypes(engine, sql)).toEqual({
      rows: [
        ['a', false, null, 0],
        ['a\n', true, 'a\n', 1],
        ['ba\n', true, 'a\n', 1],
      ],
      types: ['varchar', 'boolean', 'varchar', 'bigint'],
    });
  });

  it('a quantified line break after $ is still checked while running (Trino 476: a$\\n? over a + LF is a + LF)', async () => {
    await expect(engine.execute(`SELECT regexp_extract('a' || chr(10), 'a$\\n?') AS v`)).rejects.toThrow(/also matches before a final line break/);
  });
});
