// A WHERE, HAVING or FILTER test `k IS [NOT] NULL` of a bare column k that UNNEST gives from an array of unknown elements
// (UNNEST(ARRAY[NULL]), UNNEST(map_keys(MAP())), UNNEST(ARRAY[], a)): Trino 476 compiles the test over the unnested
// rows and fails (COMPILER_ERROR "argumentType unknown should not be UNKNOWN"), as it does for an untyped expression
// (corr38's refusal), where the local engine answered (random seed 20261320, case 148; docs/issue-15-audit.md,
// hunt42's section). Trino 476's answers, asked of the shared Trino, beside each case.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const REFUSED = /COMPILER_ERROR: argumentType unknown should not be UNKNOWN/;

describe('an unknown-typed UNNEST column tested IS NULL in a filter', () => {
  const engine = sharedLake();

  it.each([
    // Trino 476: COMPILER_ERROR for each; locally 1, 0, 0, NULL, 1, 1, 1, 1, 1, 1, 1.
    'SELECT count(*) FROM UNNEST(ARRAY[NULL], ARRAY[1]) AS t(k, v) WHERE k IS NULL',
    'SELECT count(*) FROM UNNEST(map_keys(MAP())) AS t(k) WHERE k IS NOT NULL',
    'SELECT (SELECT count(*) FROM UNNEST(ARRAY[], ARRAY[1]) AS t(k, v) WHERE k IS NOT NULL)',
    'SELECT (SELECT max(v) FROM UNNEST(ARRAY[], ARRAY[1]) AS t(k, v) WHERE k IS NOT NULL)',
    'SELECT x FROM (VALUES 1) AS s(x) WHERE EXISTS (SELECT 1 FROM UNNEST(ARRAY[], ARRAY[1]) AS t(k, v) WHERE k IS NULL)',
    'WITH w AS (SELECT count(*) AS c FROM UNNEST(ARRAY[NULL], ARRAY[1]) AS t(k, v) WHERE k IS NULL) SELECT c FROM w',
    'SELECT count(*) FROM UNNEST(ARRAY[NULL], ARRAY[1]) AS t(k, v) WHERE v > 0 OR t.k IS NULL',
    'SELECT count(*) FROM UNNEST(ARRAY[NULL]) WITH ORDINALITY AS t(k, i) WHERE NOT (k IS NULL)',
    'SELECT count(*) FROM (VALUES 1) AS s(x) CROSS JOIN UNNEST(ARRAY[NULL]) AS t("K") WHERE "K" IS NULL',
    'SELECT count(*) FROM UNNEST(ARRAY[NULL]) AS t(k) GROUP BY k HAVING k IS NULL',
    'SELECT count(*) FILTER (WHERE k IS NULL) FROM UNNEST(ARRAY[NULL]) AS t(k)',
  ])('%s is refused', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });

  it.each<[string, string, string, unknown[][]]>([
    // Trino 476: typed UNNEST columns, a constant NULL column it folds, VALUES rows, a test outside any filter.
    ['a typed UNNEST column', 'SELECT count(*) AS n FROM UNNEST(ARRAY[1, 2]) AS t(k) WHERE k IS NOT NULL', 'bigint', [[2]]],
    ['a typed column beside an unknown one', 'SELECT count(*) AS n FROM UNNEST(ARRAY[NULL], ARRAY[1]) AS t(k, v) WHERE v IS NULL', 'bigint', [[0]]],
    ['a constant NULL column', 'SELECT count(*) AS n FROM (SELECT NULL AS k FROM UNNEST(ARRAY[1])) AS t WHERE k IS NULL', 'bigint', [[1]]],
    ['VALUES rows', 'SELECT count(*) AS n FROM (VALUES NULL) AS t(k) WHERE k IS NULL', 'bigint', [[1]]],
    ['a select-list test', 'SELECT k IS NULL AS a FROM UNNEST(ARRAY[NULL]) AS t(k)', 'boolean', [[true]]],
  ])('%s answers', async (_name, sql, type, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types: [type] });
  });
});
