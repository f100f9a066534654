// A CASE's WHEN condition that is an AND or OR, inside try() or a lambda: DuckDB selects the rows operand by operand,
// cheapest first, so an earlier operand that can fail was evaluated after a later one that decides (`try(CASE WHEN 10 /
// k > 1 AND k <> 0 THEN 1 ELSE 2 END)` 2 for k = 0, silent); Trino 476 evaluates left to right, the division fails
// first: NULL. short-circuits.ts nests each operand in the CASE of the one before it (docs/issue-15-audit.md, andor44's
// section). Rows from UNNEST, which Trino does not fold. Every answer below is the shared Trino 476's.
import { describe, expect, it } from 'vitest';
import { translateStatement } from '../../src/dialect/translate/index.js';
import { sharedLake } from './lake-helpers.js';

const engine = sharedLake();
const ROWS = 'FROM UNNEST(sequence(0, 5, 5)) t(k) ORDER BY k';

describe("a WHEN condition's AND/OR keeps Trino's order inside try() and lambdas", () => {
  it.each<[string, string, unknown[]]>([
    ['AND, the failing operand first', 'try(CASE WHEN 10 / k > 1 AND k <> 0 THEN 1 ELSE 2 END)', [null, 1]],
    ['OR, the failing operand first', 'try(CASE WHEN 10 / k > 1 OR k = 0 THEN 1 ELSE 2 END)', [null, 1]],
    ['an AND inside an OR, a later WHEN', 'try(CASE WHEN k > 100 OR 10 / k > 1 AND k <> 0 THEN 1 WHEN k = 0 THEN 3 ELSE 2 END)', [null, 1]],
    ['a lambda body under try()', 'try(transform(ARRAY[k, 5], x -> CASE WHEN 10 / x > 1 AND x <> 0 THEN 1 ELSE 2 END))', [null, [1, 1]]],
    // A simple CASE's WHEN value keeps DuckDB's AND: a NULL first operand makes the value NULL, which matches nothing
    // (k = 5: NULL AND true); the nested form would read it as false and match. Trino 476 NULL, 2.
    ['a simple CASE compares the value', 'try(CASE false WHEN 10 / nullif(k, 5) > 1 AND k > 1 THEN 1 ELSE 2 END)', [null, 2]],
    // Unchanged where the first operand cannot fail: Trino 476 2, 1.
    ['the deciding operand first', 'try(CASE WHEN k <> 0 AND 10 / k > 1 THEN 1 ELSE 2 END)', [2, 1]],
    // The second operand fails where the first is true (k = 5): Trino 476 2, NULL.
    ['the second operand fails', 'try(CASE WHEN NULLIF(k, 0) > 1 AND 10 / (k - 5) > 1 THEN 1 ELSE 2 END)', [2, null]],
  ])('%s: %s (Trino 476 for k = 0, 5: %j)', async (_name, expression, expected) => {
    const result = await engine.execute(`SELECT k, ${expression} AS a ${ROWS}`);
    expect(result.rows).toEqual([0, 5].map((k, i) => [k, expected[i]]));
  });

  it('a failing cast first, over a text column (Trino 476: NULL, 1)', async () => {
    const result = await engine.execute(
      "SELECT k, try(CASE WHEN CAST(s AS integer) > 1 AND k <> 0 THEN 1 ELSE 2 END) AS a FROM UNNEST(sequence(0, 5, 5), ARRAY['x', '7']) t(k, s) ORDER BY k",
    );
    expect(result.rows).toEqual([
      [0, null],
      [5, 1],
    ]);
  });

  it("a WHEN condition outside try() and lambdas, and one whose operands cannot fail, keep DuckDB's AND", () => {
    const sql = (text: string) =>
      translateStatement(text, { lakeRoot: '/tmp/lake', database: 'default' })
        .steps.map((s) => (s.kind === 'sql' ? s.sql : ''))
        .join(';');
    const nested = /CASE WHEN \(CASE WHEN|THEN CASE WHEN|CASE WHEN \(\(trino_divide/;
    expect(sql('SELECT CASE WHEN 10 / k > 1 AND k <> 0 THEN 1 ELSE 2 END FROM t')).not.toMatch(nested);
    expect(sql('SELECT try(CASE WHEN k > 1 AND k <> 0 THEN 1 ELSE 2 END) FROM t')).not.toMatch(/CASE WHEN CASE|THEN CASE/);
    expect(sql('SELECT try(CASE WHEN 10 / k > 1 AND k <> 0 THEN 1 ELSE 2 END) FROM t')).toMatch(/CASE WHEN CASE WHEN \(/);
  });
});
