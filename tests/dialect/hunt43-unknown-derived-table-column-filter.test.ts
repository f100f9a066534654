// A WHERE test `k IS [NOT] NULL` of a column k that a derived table passes on from its own UNNEST of an array of unknown
// elements (`FROM (SELECT x AS k FROM UNNEST(ARRAY[NULL]) u(x)) t WHERE k IS NULL`, a star, t's column list, nested
// derived tables, `max(x) AS k`; also through a WITH query of the level): Trino 476 does not fold the column into a constant and fails to compile the test
// (COMPILER_ERROR "argumentType unknown should not be UNKNOWN"), as for the level's own UNNEST column (hunt42's
// refusal), where the local engine answered (1, or 0 for IS NOT NULL). Left by hunt42; docs/issue-15-audit.md, hunt43's
// section. Trino 476's answers, asked of the shared Trino, beside each case.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const REFUSED = /COMPILER_ERROR: argumentType unknown should not be UNKNOWN/;

describe('an unknown-typed column a derived table passes on from its UNNEST, tested IS NULL in a filter', () => {
  const engine = sharedLake();

  it.each([
    // Trino 476: COMPILER_ERROR for each; locally before: 1, 0, 1, 1, 1, 2, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1.
    'SELECT count(*) FROM (SELECT x AS k FROM UNNEST(ARRAY[NULL]) u(x)) t WHERE k IS NULL',
    'SELECT count(*) FROM (SELECT x AS k FROM UNNEST(ARRAY[NULL]) u(x)) t WHERE k IS NOT NULL',
    'SELECT count(*) FROM (SELECT x FROM UNNEST(ARRAY[NULL]) u(x)) t WHERE x IS NULL',
    'SELECT count(*) FROM (SELECT * FROM UNNEST(ARRAY[NULL]) u(x)) t WHERE x IS NULL',
    'SELECT count(*) FROM (SELECT x, 1 AS y FROM UNNEST(ARRAY[NULL]) u(x)) t WHERE x IS NULL AND y = 1',
    'SELECT count(*) FROM (SELECT x AS k FROM UNNEST(ARRAY[NULL], ARRAY[1, 2]) u(x, y)) t WHERE k IS NULL',
    'SELECT count(*) FROM (SELECT u.x FROM UNNEST(ARRAY[NULL]) u(x)) AS t WHERE t.x IS NULL',
    'SELECT count(*) FROM (SELECT x k FROM UNNEST(ARRAY[NULL]) u(x)) t WHERE k IS NULL',
    'SELECT count(*) FROM (SELECT x FROM UNNEST(ARRAY[NULL]) u(x)) t(k) WHERE k IS NULL',
    'SELECT count(*) FROM (SELECT y, x FROM UNNEST(ARRAY[NULL], ARRAY[1]) u(x, y)) t(a, b) WHERE b IS NULL',
    'SELECT count(*) FROM (SELECT x AS k FROM (SELECT x FROM UNNEST(ARRAY[NULL]) u(x))) t WHERE k IS NULL',
    'SELECT count(*) FROM (SELECT x AS k FROM UNNEST(map_keys(MAP())) u(x)) t WHERE k IS NULL',
    'SELECT count(*) FROM (SELECT x AS k FROM UNNEST(ARRAY[]) u(x)) t WHERE k IS NULL',
    'SELECT count(*) FROM (SELECT x AS k FROM UNNEST(ARRAY[NULL]) u(x)) t WHERE NOT (k IS NULL)',
    'SELECT count(*) FROM (SELECT x AS k FROM UNNEST(ARRAY[NULL]) u(x)) t CROSS JOIN (VALUES 1) v(z) WHERE k IS NULL',
    'SELECT count(*) FROM (SELECT DISTINCT x AS k FROM UNNEST(ARRAY[NULL]) u(x)) t WHERE k IS NULL',
    'SELECT count(*) FROM (SELECT x AS k FROM UNNEST(ARRAY[NULL]) u(x) LIMIT 1) t WHERE k IS NULL',
    'SELECT count(*) FROM (SELECT x AS k FROM UNNEST(ARRAY[NULL]) u(x) GROUP BY x) t WHERE k IS NULL',
    'SELECT count(*) FROM (SELECT x AS k FROM UNNEST(ARRAY[NULL]) u(x)) t GROUP BY k HAVING k IS NULL',
    'SELECT count(*) FROM (SELECT max(x) AS k FROM UNNEST(ARRAY[NULL]) u(x)) t WHERE k IS NULL',
    // The same through a WITH query of the level (locally before: 1, 0, 1, 1, 1).
    'WITH w AS (SELECT x FROM UNNEST(ARRAY[NULL]) u(x)) SELECT count(*) FROM w WHERE x IS NULL',
    'WITH w AS (SELECT x AS k FROM UNNEST(ARRAY[NULL]) u(x)) SELECT count(*) FROM w WHERE k IS NOT NULL',
    'WITH w (k) AS (SELECT x FROM UNNEST(ARRAY[NULL]) u(x)) SELECT count(*) FROM w WHERE k IS NULL',
    'WITH v AS (SELECT 1 AS a), w AS (SELECT * FROM UNNEST(ARRAY[NULL]) u(x)) SELECT count(*) FROM v CROSS JOIN w WHERE x IS NULL',
    'WITH w AS (SELECT x FROM UNNEST(ARRAY[NULL]) u(x)) SELECT count(*) FROM w AS t WHERE t.x IS NULL',
  ])('%s is refused', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });

  it.each<[string, string, string, unknown[][]]>([
    // Trino 476 answers these: a typed column beside the unknown one, a typed UNNEST, a constant NULL column it folds,
    // the test in the select list.
    [
      'a typed column of the list',
      'SELECT count(*) AS n FROM (SELECT y, x FROM UNNEST(ARRAY[NULL], ARRAY[1]) u(x, y)) t(a, b) WHERE a IS NULL',
      'bigint',
      [[0]],
    ],
    ['a typed UNNEST', 'SELECT count(*) AS n FROM (SELECT x AS k FROM UNNEST(ARRAY[1, NULL]) u(x)) t WHERE k IS NULL', 'bigint', [[1]]],
    ['a constant NULL column', 'SELECT count(*) AS n FROM (SELECT NULL AS k FROM UNNEST(ARRAY[1])) t WHERE k IS NULL', 'bigint', [[1]]],
    ['a select-list test', 'SELECT k IS NULL AS a FROM (SELECT x AS k FROM UNNEST(ARRAY[NULL]) u(x)) t', 'boolean', [[true]]],
    ['a WITH query of a constant NULL', 'WITH w AS (SELECT NULL AS x) SELECT count(*) AS n FROM w WHERE x IS NULL', 'bigint', [[1]]],
    ['a typed WITH query', 'WITH w AS (SELECT x FROM UNNEST(ARRAY[1, NULL]) u(x)) SELECT count(*) AS n FROM w WHERE x IS NULL', 'bigint', [[1]]],
    ['a WITH query tested in the select list', 'WITH w AS (SELECT x FROM UNNEST(ARRAY[NULL]) u(x)) SELECT x IS NULL AS a FROM w', 'boolean', [[true]]],
  ])('%s answers', async (_name, sql, type, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types: [type] });
  });
});
