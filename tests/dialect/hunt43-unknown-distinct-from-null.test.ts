// `k IS [NOT] DISTINCT FROM NULL` in a filter, of an unknown-typed column k that the level's UNNEST (or a derived
// table's) gives from ARRAY[NULL], or of an unknown-typed aggregate in a HAVING: Trino 476 fails to compile it as it
// fails `k IS NULL` (COMPILER_ERROR "argumentType unknown should not be UNKNOWN"), where the local engine answered (0
// or 1). Other untyped operands Trino folds and answers. Found by hand (hunt43; docs/issue-15-audit.md, hunt43's
// section). Trino 476's answers, asked of the shared Trino, beside each case.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const REFUSED = /COMPILER_ERROR: argumentType unknown should not be UNKNOWN/;

describe('an unknown-typed column or aggregate tested IS [NOT] DISTINCT FROM NULL in a filter', () => {
  const engine = sharedLake();

  it.each([
    // Trino 476: COMPILER_ERROR for each; locally before: 0, 1, 0, 1, no row.
    'SELECT count(*) FROM UNNEST(ARRAY[NULL]) t(k) WHERE k IS DISTINCT FROM NULL',
    'SELECT count(*) FROM UNNEST(ARRAY[NULL]) t(k) WHERE k IS NOT DISTINCT FROM NULL',
    'SELECT count(*) FROM UNNEST(ARRAY[NULL], ARRAY[1]) t(k, v) WHERE v > 0 AND k IS DISTINCT FROM NULL',
    'SELECT count(*) FROM (SELECT x AS k FROM UNNEST(ARRAY[NULL]) u(x)) t WHERE k IS NOT DISTINCT FROM NULL',
    'SELECT count(*) FROM (VALUES NULL) t(k) HAVING max(k) IS DISTINCT FROM NULL',
  ])('%s is refused', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });

  it.each<[string, string, string, unknown[][]]>([
    // Trino 476 answers these: another right operand, VALUES rows, an untyped expression it folds, a typed column or
    // aggregate, the test in the select list.
    ['DISTINCT FROM 1', 'SELECT count(*) AS n FROM UNNEST(ARRAY[NULL]) t(k) WHERE k IS DISTINCT FROM 1', 'bigint', [[1]]],
    ['VALUES rows', 'SELECT count(*) AS n FROM (VALUES NULL) t(k) WHERE k IS DISTINCT FROM NULL', 'bigint', [[0]]],
    ['an untyped expression', 'SELECT count(*) AS n FROM UNNEST(ARRAY[NULL]) t(k) WHERE element_at(ARRAY[], 1) IS DISTINCT FROM NULL', 'bigint', [[0]]],
    ['a typed UNNEST column', 'SELECT count(*) AS n FROM UNNEST(ARRAY[1, NULL]) t(k) WHERE k IS DISTINCT FROM NULL', 'bigint', [[1]]],
    ['a typed aggregate', 'SELECT count(*) AS n FROM (VALUES 1) t(x) HAVING max(x) IS NOT DISTINCT FROM NULL', 'bigint', []],
    ['a select-list test', 'SELECT k IS DISTINCT FROM NULL AS a FROM UNNEST(ARRAY[NULL]) t(k)', 'boolean', [[false]]],
  ])('%s answers', async (_name, sql, type, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types: [type] });
  });
});
