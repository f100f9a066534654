// A correlated derived table joined to another relation inside a subquery: Trino 476 NOT_SUPPORTED, DuckDB answered
// (docs/issue-15-audit.md "Lateral aliases in subqueries, joined correlated derived tables and over-refused correlated
// aggregates (session of 2026-12-06 night, branch corr32)").
// Every expectation is the shared Trino 476's answer (value and type) or its failure, asked on 2026-12-06.
import { describe } from 'vitest';
import { caseTables, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const { refused, answers } = caseTables(() => engine);

describe('a derived table reading the outer row outside its select list, joined inside a subquery', () => {
  const t = 'SELECT * FROM (VALUES 1, 2, 3) t(a) CROSS JOIN LATERAL';
  const w = '(SELECT u.b FROM (VALUES 1, 2, 3) u(b) WHERE u.b <= t.a) w';
  // Trino 476: NOT_SUPPORTED "Given correlated subquery is not supported"; the local engine answered (6 rows, …).
  refused(
    [
      ['LEFT JOIN', `${t} (SELECT w.b, v.c FROM ${w} LEFT JOIN (VALUES 2, 3) v(c) ON w.b = v.c) ORDER BY 1, 2, 3`, 't.a)'],
      ['RIGHT JOIN', `${t} (SELECT w.b, v.c FROM ${w} RIGHT JOIN (VALUES 2, 3) v(c) ON w.b = v.c) ORDER BY 1, 2, 3`, 't.a)'],
      ['inner JOIN', `${t} (SELECT w.b, v.c FROM ${w} JOIN (VALUES 2, 3) v(c) ON w.b = v.c) ORDER BY 1, 2, 3`, 't.a)'],
      ['CROSS JOIN', `${t} (SELECT w.b, v.c FROM ${w} CROSS JOIN (VALUES 2, 3) v(c)) ORDER BY 1, 2, 3`, 't.a)'],
      ['a comma', `${t} (SELECT w.b, v.c FROM ${w}, (VALUES 2, 3) v(c) WHERE w.b = v.c) ORDER BY 1, 2, 3`, 't.a)'],
      ['on the right of LEFT JOIN', `${t} (SELECT w.b, v.c FROM (VALUES 2, 3) v(c) LEFT JOIN ${w} ON w.b = v.c) ORDER BY 1, 2, 3`, 't.a)'],
      [
        'a derived table one level deeper',
        `${t} (SELECT w.b, v.c FROM (SELECT * FROM (SELECT u.b FROM (VALUES 1, 2, 3) u(b) WHERE u.b <= t.a)) w LEFT JOIN (VALUES 2, 3) v(c) ON w.b = v.c) ORDER BY 1, 2, 3`,
        't.a)',
      ],
      [
        'an equality',
        `${t} (SELECT w.b, v.c FROM (SELECT u.b FROM (VALUES 1, 2, 3) u(b) WHERE u.b = t.a) w JOIN (VALUES 2, 3) v(c) ON w.b = v.c) ORDER BY 1, 2, 3`,
        't.a)',
      ],
      [
        'a filter on the outer row alone',
        `${t} (SELECT w.b, v.c FROM (SELECT u.b FROM (VALUES 1, 2, 3) u(b) WHERE t.a > 1) w JOIN (VALUES 2, 3) v(c) ON w.b = v.c) ORDER BY 1, 2, 3`,
        't.a >',
      ],
      [
        'unqualified',
        `${t} (SELECT w.b, v.c FROM (SELECT u.b FROM (VALUES 1, 2, 3) u(b) WHERE u.b <= a) w LEFT JOIN (VALUES 2, 3) v(c) ON w.b = v.c) ORDER BY 1, 2, 3`,
        'a) w',
      ],
      [
        'an aggregating derived table',
        `${t} (SELECT w.n, v.c FROM (SELECT count(*) AS n FROM (VALUES 1, 2, 3) u(b) WHERE u.b <= t.a) w CROSS JOIN (VALUES 2, 3) v(c)) ORDER BY 1, 2, 3`,
        't.a)',
      ],
      [
        'a HAVING',
        `${t} (SELECT w.b, v.c FROM (SELECT u.b FROM (VALUES 1, 2, 3) u(b) GROUP BY u.b HAVING u.b <= t.a) w JOIN (VALUES 2, 3) v(c) ON w.b = v.c) ORDER BY 1, 2, 3`,
        't.a)',
      ],
      [
        'LEFT JOIN LATERAL … ON TRUE',
        `SELECT * FROM (VALUES 1, 2, 3) t(a) LEFT JOIN LATERAL (SELECT w.b, v.c FROM ${w} LEFT JOIN (VALUES 2, 3) v(c) ON w.b = v.c) ON TRUE ORDER BY 1, 2, 3`,
        't.a)',
      ],
      [
        'scalar',
        'SELECT a, (SELECT count(*) FROM (SELECT u.b FROM (VALUES 1, 2, 3) u(b) WHERE u.b <= t.a) w LEFT JOIN (VALUES 2, 3) v(c) ON w.b = v.c) FROM (VALUES 1, 2, 3) t(a) ORDER BY 1',
        't.a)',
      ],
      [
        'EXISTS',
        'SELECT a FROM (VALUES 1, 2, 3) t(a) WHERE EXISTS (SELECT 1 FROM (SELECT u.b FROM (VALUES 1, 2, 3) u(b) WHERE u.b <= t.a) w LEFT JOIN (VALUES 2, 3) v(c) ON w.b = v.c) ORDER BY 1',
        't.a)',
      ],
    ],
    'correlated-subquery',
  );

  answers([
    [
      'the derived table alone',
      `${t} (SELECT w.b FROM ${w}) ORDER BY 1, 2`,
      ['integer', 'integer'],
      [
        [1, 1],
        [2, 1],
        [2, 2],
        [3, 1],
        [3, 2],
        [3, 3],
      ],
    ],
    [
      "the filter in the subquery's own WHERE",
      `${t} (SELECT w.b, v.c FROM (SELECT u.b FROM (VALUES 1, 2, 3) u(b)) w LEFT JOIN (VALUES 2, 3) v(c) ON w.b = v.c WHERE w.b <= t.a) ORDER BY 1, 2, 3`,
      ['integer', 'integer', 'integer'],
      [
        [1, 1, null],
        [2, 1, null],
        [2, 2, 2],
        [3, 1, null],
        [3, 2, 2],
        [3, 3, 3],
      ],
    ],
  ]);
});
