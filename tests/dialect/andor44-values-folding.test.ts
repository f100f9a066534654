// Over VALUES rows Trino 476 folds each row's try() argument while planning, and an AND or OR folds order-free: an
// operand that is false (AND) or true (OR) decides even where an earlier operand fails (`SELECT k, try(10 / k > 1 AND
// k <> 0) FROM (VALUES 0, 5) t(k)`: false, true), where over other rows it evaluates left to right (NULL, true, as
// locally). Trino's folding depends on the plan (not under GROUP BY, a window or a WHERE at the level), so such a try()
// over VALUES rows is refused at lint where an operand before the last can fail (short-circuits.ts
// foldedOrderOperator; docs/issue-15-audit.md, andor44's section). Every answer below is the shared Trino 476's.
import { describe, expect, it } from 'vitest';
import { refusedAt, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

/** The refusal at the AND or OR written after the operand that can fail (`at`, its first occurrence in `sql`). */
const foldedAt = (sql: string, at: string) =>
  refusedAt('folded-order', sql, at, 'try\\(\\) around an AND or OR whose earlier operand can fail, over VALUES rows');

describe('try() around AND/OR over VALUES rows, which Trino folds order-free', () => {
  it.each<[string, string]>([
    // Trino 476: false, true (k = 0, 5) — the local ordered evaluation gave NULL, true.
    ['SELECT k, try(10 / k > 1 AND k <> 0) FROM (VALUES 0, 5) t(k)', 'AND '],
    // Trino 476: true, true / local NULL, true.
    ['SELECT k, try(10 / k > 1 OR k = 0) FROM (VALUES 0, 5) t(k)', 'OR '],
    ['WITH v(k) AS (VALUES 0, 5) SELECT k, try(10 / k > 1 OR k = 0) FROM v', 'OR '],
    // Trino 476: true, false / local NULL, false.
    ['SELECT k, try(NOT (10 / k > 1 AND k <> 0)) FROM (VALUES 0, 5) t(k)', 'AND '],
    // Trino 476: false, true (the nested OR folds to false first) / local NULL, true.
    ['SELECT k, try(10 / k > 1 AND (k <> 0 OR k > 100)) FROM (VALUES 0, 5) t(k)', 'AND '],
    // Several columns: Trino 476 false, true / local NULL, true.
    ['SELECT k, j, try(10 / k > 1 AND j <> 0) FROM (VALUES (0, 0), (5, 1)) t(k, j)', 'AND '],
    // A derived table over VALUES, a FROM-less subquery over them, coalesce around: Trino 476 false, true each.
    ['SELECT k, try(10 / k > 1 AND k <> 0) FROM (SELECT k FROM (VALUES 0, 5) t(k)) s', 'AND '],
    ['SELECT k, (SELECT try(10 / k > 1 AND k <> 0)) FROM (VALUES 0, 5) t(k)', 'AND '],
    ['SELECT k, try(coalesce(10 / k > 1 AND k <> 0, true)) FROM (VALUES 0, 5) t(k)', 'AND '],
    // The AND inside an OR's last operand: Trino 476 true, true.
    ['SELECT k, try(k = 0 OR 10 / k > 1 AND k <> 0) FROM (VALUES 0, 5) t(k)', 'AND '],
    // No rows at all: Trino 476 false / local NULL.
    ['SELECT try(10 / 0 > 1 AND 1 <> 1)', 'AND '],
  ])('%s is refused at the operator', async (sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(foldedAt(sql, at));
  });

  it('the failing operand written last answers as Trino 476 (false, true)', async () => {
    const result = await engine.execute('SELECT k, try(k <> 0 AND 10 / k > 1) AS a, try(k = 0 OR 10 / k > 1) AS b FROM (VALUES 0, 5) t(k) ORDER BY k');
    expect(result.rows).toEqual([
      [0, false, true],
      [5, true, true],
    ]);
  });

  it('over UNNEST rows, after a join with UNNEST and in a lambda body Trino 476 keeps the order (NULL for k = 0), as locally', async () => {
    const unnest = await engine.execute('SELECT k, try(10 / k > 1 AND k <> 0) AS a FROM UNNEST(sequence(0, 5, 5)) t(k) ORDER BY k');
    expect(unnest.rows).toEqual([
      [0, null],
      [5, true],
    ]);
    const joined = await engine.execute('SELECT k, try(10 / k > 1 AND k <> 0) AS a FROM (VALUES 0, 5) t(k) CROSS JOIN UNNEST(sequence(1, 1)) u(i) ORDER BY k');
    expect(joined.rows).toEqual([
      [0, null],
      [5, true],
    ]);
    const lambda = await engine.execute('SELECT k, try(filter(ARRAY[k, 5], x -> 10 / x > 1 AND x > 0)) AS a FROM (VALUES 0, 5) t(k) ORDER BY k');
    expect(lambda.rows).toEqual([
      [0, null],
      [5, [5, 5]],
    ]);
  });
});
