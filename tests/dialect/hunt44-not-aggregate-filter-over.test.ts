// FILTER (WHERE …) or OVER (…) after a call of a function that is neither an aggregate nor a window function: Trino 476
// fails (FUNCTION_NOT_AGGREGATE "Filter is only valid for aggregation functions", FUNCTION_NOT_WINDOW "Not a window
// function: …", SYNTAX_ERROR "OVER clause not valid for 'coalesce' function"), where the local engine answered the
// calls the translator rewrites around their aggregate argument: the FILTER dropped (`array_sort(array_agg(x)) FILTER
// (WHERE x > 1)` [1, 2, 3]) or the OVER given to the aggregate inside (`coalesce(max(x), 0) OVER ()` 3). Refused at
// lint, at FILTER or OVER. Found by hand (hunt44; docs/issue-15-audit.md, hunt44's section). Trino 476's answers,
// asked of the shared Trino, beside each case.
import { describe } from 'vitest';
import { caseTables, sharedLake } from './lake-helpers.js';

describe('FILTER or OVER after a call of a function that reads one row', () => {
  const engine = sharedLake();
  const { refused, answers } = caseTables(() => engine);
  const T = 'FROM (VALUES 3, 1, 2) t(x)';

  refused(
    [
      // Trino FUNCTION_NOT_AGGREGATE; locally before [2, 1, 3], [1, 2, 3] (the FILTER dropped).
      ['reverse(array_agg(x)) FILTER', `SELECT reverse(array_agg(x)) FILTER (WHERE x > 1) ${T}`, 'FILTER'],
      ['array_sort(array_agg(x)) FILTER', `SELECT array_sort(array_agg(x)) FILTER (WHERE x > 1) ${T}`, 'FILTER'],
      ['array_sort(array_agg(x)) FILTER with GROUP BY', `SELECT array_sort(array_agg(x)) FILTER (WHERE x > 1) ${T} GROUP BY x > 0`, 'FILTER'],
      ['reverse(array_agg(x ORDER BY x)) FILTER', `SELECT reverse(array_agg(x ORDER BY x)) FILTER (WHERE x > 1) ${T}`, 'FILTER'],
      // Trino FUNCTION_NOT_WINDOW or SYNTAX_ERROR; locally before [2, 1], [1, 2, 3], 3.
      ['reverse(array_agg(x)) OVER', `SELECT reverse(array_agg(x)) OVER () ${T}`, 'OVER'],
      ['array_sort(array_agg(x)) OVER', `SELECT array_sort(array_agg(x)) OVER () ${T}`, 'OVER'],
      ['coalesce(max(x), 0) OVER', `SELECT coalesce(max(x), 0) OVER () ${T}`, 'OVER'],
      // Loud before (DuckDB's own error), now the same refusal.
      ['abs(sum(x)) FILTER', `SELECT abs(sum(x)) FILTER (WHERE x > 1) ${T}`, 'FILTER'],
      ['round(avg(x)) OVER', `SELECT round(avg(x)) OVER () ${T}`, 'OVER'],
      ['coalesce(max(x), 0) FILTER', `SELECT coalesce(max(x), 0) FILTER (WHERE x > 1) ${T}`, 'FILTER'],
      ['if(…) OVER', `SELECT if(max(x) > 1, 1, 0) OVER () ${T}`, 'OVER'],
      ['upper(x) OVER, a named window', "SELECT upper(x) OVER w FROM (VALUES 'a') t(x) WINDOW w AS ()", 'OVER'],
    ],
    'not-aggregate',
  );

  answers([
    // The aggregate inside takes the FILTER or OVER: Trino 476 answers.
    ['FILTER on the aggregate inside', `SELECT array_sort(array_agg(x) FILTER (WHERE x > 1)) AS a ${T}`, ['array(integer)'], [[[2, 3]]]],
    ['FILTER on an ordered aggregate inside', `SELECT reverse(array_agg(x ORDER BY x) FILTER (WHERE x > 1)) AS a ${T}`, ['array(integer)'], [[[3, 2]]]],
    [
      'OVER on the aggregate inside',
      'SELECT x, abs(sum(x) OVER (ORDER BY x)) AS a FROM (VALUES 3, -1, 2) t(x) ORDER BY x',
      ['integer', 'bigint'],
      [
        [-1, 1],
        [2, 1],
        [3, 4],
      ],
    ],
    [
      'coalesce of a window function',
      `SELECT x, coalesce(lag(x) OVER (ORDER BY x), 0) AS a ${T} ORDER BY x`,
      ['integer', 'integer'],
      [
        [1, 0],
        [2, 1],
        [3, 2],
      ],
    ],
    [
      'reverse of a windowed aggregate',
      `SELECT x, reverse(array_agg(x) OVER (ORDER BY x)) AS a ${T} ORDER BY x`,
      ['integer', 'array(integer)'],
      [
        [1, [1]],
        [2, [2, 1]],
        [3, [3, 2, 1]],
      ],
    ],
    ['aggregates with FILTER', `SELECT count(*) FILTER (WHERE x > 1) AS n, max(x) FILTER (WHERE x < 3) AS m ${T}`, ['bigint', 'integer'], [[2, 2]]],
    ['a column named over', 'SELECT x, "over" FROM (VALUES (1, 2)) t(x, "over")', ['integer', 'integer'], [[1, 2]]],
  ]);
});
