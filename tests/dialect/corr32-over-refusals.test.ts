// Correlated forms the local engine refused where Trino 476 plans them: a grouped LATERAL under an inner join without
// a condition (TestCorrelatedAggregation) and EXISTS over a correlated VALUES nothing filters (docs/issue-15-audit.md
// "Lateral aliases in subqueries, joined correlated derived tables and over-refused correlated aggregates (session of
// 2026-12-06 night, branch corr32)").
// Every expectation is the shared Trino 476's answer (value and type) or its failure, asked on 2026-12-06.
import { describe } from 'vitest';
import { caseTables, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const { refused, answers } = caseTables(() => engine);

describe('a grouped LATERAL under an inner join without a condition (TestCorrelatedAggregation)', () => {
  const t = 'SELECT * FROM (VALUES 1, 2, 3) t(key) INNER JOIN LATERAL';
  answers([
    [
      'count(DISTINCT) + 100',
      `${t} (SELECT count(DISTINCT key) + 100 FROM (VALUES (1, 10), (2, 20), (3, 10)) t2(key, value) WHERE t2.key <= t.key GROUP BY value) ON TRUE ORDER BY 1, 2`,
      ['integer', 'bigint'],
      [
        [1, 101],
        [2, 101],
        [2, 101],
        [3, 101],
        [3, 102],
      ],
    ],
    [
      'a NULL group key',
      `${t} (SELECT count(DISTINCT key) FROM (VALUES (1, null), (2, 20), (3, 10)) t2(key, value) WHERE t2.key <= t.key GROUP BY value) ON TRUE ORDER BY 1, 2`,
      ['integer', 'bigint'],
      [
        [1, 1],
        [2, 1],
        [2, 1],
        [3, 1],
        [3, 1],
        [3, 1],
      ],
    ],
    [
      'an empty relation',
      `${t} (SELECT count(DISTINCT key) FROM (SELECT 0, 0 WHERE false) t2(key, value) WHERE t2.key <= t.key GROUP BY value) ON TRUE ORDER BY 1, 2`,
      ['integer', 'bigint'],
      [],
    ],
    [
      'array_agg ORDER BY over duplicates',
      `${t} (SELECT array_agg(key ORDER BY key) FROM (VALUES (1, 10), (2, 20), (2, 10), (2, 10), (3, 10)) t2(key, value) WHERE t2.key <= t.key GROUP BY value) ON TRUE ORDER BY 1, 2`,
      ['integer', 'array(integer)'],
      [
        [1, [1]],
        [2, [1, 2, 2]],
        [2, [2]],
        [3, [1, 2, 2, 3]],
        [3, [2]],
      ],
    ],
    [
      'avg FILTER',
      `${t} (SELECT avg(key) FILTER (WHERE key > 1) FROM (VALUES (1, 10), (2, 20), (3, 10)) t2(key, value) WHERE t2.key <= t.key GROUP BY value) ON TRUE ORDER BY 1, 2`,
      ['integer', 'double'],
      [
        [1, null],
        [2, 2],
        [2, null],
        [3, 2],
        [3, 3],
      ],
    ],
    [
      'empty for some outer rows',
      `${t} (SELECT avg(key) FROM (VALUES (1, 10), (2, 10), (3, 10)) t2(key, value) WHERE t2.key < t.key GROUP BY value) ON TRUE ORDER BY 1, 2`,
      ['integer', 'double'],
      [
        [2, 1],
        [3, 1.5],
      ],
    ],
    [
      'CROSS JOIN LATERAL selecting the key, a NULL inner key',
      'SELECT * FROM (VALUES 1, 2, 3) t(key) CROSS JOIN LATERAL (SELECT value, count(*) FROM (VALUES (1, 10), (2, 20), (2, 10), (NULL, 10)) t2(key, value) WHERE t2.key <= t.key GROUP BY value) ORDER BY 1, 2, 3',
      ['integer', 'integer', 'bigint'],
      [
        [1, 10, 1],
        [2, 10, 2],
        [2, 20, 1],
        [3, 10, 2],
        [3, 20, 1],
      ],
    ],
    [
      'a comma LATERAL, NULL and duplicate outer keys',
      'SELECT * FROM (VALUES 1, NULL, 3, 3) t(key), LATERAL (SELECT value, count(*) FROM (VALUES (1, 10), (2, NULL), (2, 10)) t2(key, value) WHERE t2.key <= t.key GROUP BY value) ORDER BY 1, 2, 3',
      ['integer', 'integer', 'bigint'],
      [
        [1, 10, 1],
        [3, 10, 2],
        [3, 10, 2],
        [3, null, 1],
        [3, null, 1],
      ],
    ],
    [
      '<> ON TRUE',
      'SELECT * FROM (VALUES 1, 2, 3) t(key) JOIN LATERAL (SELECT sum(key) FROM (VALUES (1, 10), (2, 20)) t2(key, value) WHERE t2.key <> t.key GROUP BY value) ON TRUE ORDER BY 1, 2',
      ['integer', 'bigint'],
      [
        [1, 2],
        [2, 1],
        [3, 1],
        [3, 2],
      ],
    ],
    [
      'an empty outer relation',
      'SELECT * FROM (SELECT 1 WHERE false) t(key) CROSS JOIN LATERAL (SELECT count(*) FROM (VALUES (1, 10)) t2(key, value) WHERE t2.key <= t.key GROUP BY value) ORDER BY 1, 2',
      ['integer', 'bigint'],
      [],
    ],
  ]);

  // Trino 476: NOT_SUPPORTED "Given correlated subquery is not supported".
  refused(
    [
      [
        'LEFT JOIN LATERAL',
        'SELECT * FROM (VALUES 1, 2, 3) t(key) LEFT JOIN LATERAL (SELECT sum(key) FROM (VALUES (1, 10), (2, 20)) t2(key, value) WHERE t2.key <= t.key GROUP BY value) ON TRUE ORDER BY 1, 2',
        't.key GROUP',
      ],
      [
        'joined ON a condition',
        'SELECT * FROM (VALUES 1, 2, 3) t(key) JOIN LATERAL (SELECT sum(key) AS s FROM (VALUES (1, 10), (2, 20)) t2(key, value) WHERE t2.key <= t.key GROUP BY value) l ON l.s > 1 ORDER BY 1, 2',
        't.key GROUP',
      ],
    ],
    'correlated-subquery',
  );
});

describe('EXISTS over a correlated VALUES that nothing filters', () => {
  answers([
    ['several rows', 'SELECT * FROM (VALUES 1, 2) t(a) WHERE EXISTS (SELECT * FROM (VALUES a, 3) s(x)) ORDER BY 1', ['integer'], [[1], [2]]],
    ['NOT EXISTS', 'SELECT * FROM (VALUES 1, 2) t(a) WHERE NOT EXISTS (SELECT x FROM (VALUES a, 3) s(x)) ORDER BY 1', ['integer'], []],
    [
      'NULL outer values',
      'SELECT * FROM (VALUES 1, NULL, 2) t(a) WHERE EXISTS (SELECT * FROM (VALUES (a, 1), (3, a)) s(x, y)) ORDER BY 1',
      ['integer'],
      [[1], [2], [null]],
    ],
    [
      'in the select list',
      'SELECT a, EXISTS (SELECT * FROM (VALUES a, 3) s(x)) FROM (VALUES 1, NULL) t(a) ORDER BY 1',
      ['integer', 'boolean'],
      [
        [1, true],
        [null, true],
      ],
    ],
    ['an empty outer relation', 'SELECT * FROM (SELECT 1 WHERE false) t(a) WHERE EXISTS (SELECT * FROM (VALUES a, 3) s(x)) ORDER BY 1', ['integer'], []],
    [
      'crossed with an empty relation',
      'SELECT * FROM (VALUES 1, 2) t(a) WHERE EXISTS (SELECT * FROM (VALUES a, 3) s(x) CROSS JOIN (SELECT 1 WHERE false) u(y)) ORDER BY 1',
      ['integer'],
      [],
    ],
    ['an aggregate over one row', 'SELECT * FROM (VALUES 1, 2) t(a) WHERE EXISTS (SELECT max(x) FROM (VALUES a) s(x)) ORDER BY 1', ['integer'], [[1], [2]]],
    ['grouped', 'SELECT * FROM (VALUES 1, 2) t(a) WHERE EXISTS (SELECT 1 FROM (VALUES (a), (NULL)) s(x) GROUP BY x) ORDER BY 1', ['integer'], [[1], [2]]],
  ]);

  // Trino 476: NOT_SUPPORTED "Given correlated subquery is not supported".
  refused(
    [
      ['a WHERE', 'SELECT * FROM (VALUES 1, 2) t(a) WHERE EXISTS (SELECT * FROM (VALUES a, 3) s(x) WHERE x = 2) ORDER BY 1', 'a, 3'],
      ['one row and a WHERE', 'SELECT * FROM (VALUES 1, 2) t(a) WHERE EXISTS (SELECT * FROM (VALUES a) s(x) WHERE x = 2) ORDER BY 1', 'a) s'],
      ['a HAVING', 'SELECT * FROM (VALUES 1, 2) t(a) WHERE EXISTS (SELECT 1 FROM (VALUES a, 3) s(x) GROUP BY x HAVING x > 2) ORDER BY 1', 'a, 3'],
      [
        'joined ON a condition',
        'SELECT * FROM (VALUES 1, 2) t(a) WHERE EXISTS (SELECT 1 FROM (VALUES a, 3) s(x) JOIN (VALUES 3) u(y) ON x = y) ORDER BY 1',
        'a, 3',
      ],
    ],
    'correlated-subquery',
  );
});
