// regexp_replace's $10 and later groups (docs/issue-15-audit.md, loud40's over-refusals; branch loud41): RE2 reads one
// digit after a backslash, so a reference to group 10+ was refused. The groups the replacement does not refer to are
// made non-capturing locally, which numbers the referenced ones from 1; more than nine referenced stay refused. Trino
// 476's answers (value and type), asked of the shared Trino, are written beside each case.
import { describe, expect, it } from 'vitest';
import { sharedLake } from './lake-helpers.js';

describe('regexp_replace with group references past 9', () => {
  const engine = sharedLake();

  it('refers to groups 10 and 11 (Trino 476: [kja]l, j-j0k, kjabcdefghijk, x<kb>x, a0b, j|c|cdk; varchar)', async () => {
    const result = await engine.execute(
      `SELECT regexp_replace('abcdefghijkl', '(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)', '[$11$10$1]') AS a,
        regexp_replace('abcdefghijk', '(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)', '$10-$100') AS b,
        regexp_replace('abcdefghijk', '(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(?<z>k)', '\${z}$10$0') AS c,
        regexp_replace('xabcdefghijkx', '([a-c])(b)(c)(d)(e)(f)(g)(h)(i)(j)([k])', '<$11$2>') AS d,
        regexp_replace('ab', '(a)', '$10') AS e,
        regexp_replace('abcdefghijk', '([(a])(b)((c)(d))(e)(f)(g)(h)(i)(j)', '$11|$4|$3') AS f`,
    );
    expect(result.columns.map((c) => c.type)).toEqual(Array(6).fill('varchar'));
    expect(result.rows).toEqual([['[kja]l', 'j-j0k', 'kjabcdefghijk', 'x<kb>x', 'a0b', 'j|c|cdk']]);
  }, 120_000);

  it('refuses ten referenced groups (Trino 476: abcdefghijk)', async () => {
    await expect(engine.execute("SELECT regexp_replace('abcdefghijk', '(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)', '$1$2$3$4$5$6$7$8$9$10')")).rejects.toThrow(
      /nine groups at most/,
    );
  }, 120_000);
});
