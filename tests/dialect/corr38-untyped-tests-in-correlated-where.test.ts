// `e IS [NOT] NULL` of an untyped (NULL-typed) e that fails, in the WHERE of a subquery that may read the outer row
// (corr37 left it: docs/issue-15-audit.md, corr37's and corr38's sections). DuckDB folds the test without evaluating
// e, so the local engine answered; Trino 476 compiles the test where its conjunct reads only the subquery's own rows,
// or reads the outer row beside another conjunct that does, and fails there where e fails (COMPILER_ERROR "argumentType
// unknown should not be UNKNOWN"; locally now e's own error: both fail). It answers without evaluating e under an OR
// and where only the test reads the outer row. Every expectation is the shared Trino 476's answer (value and type) or
// its failure, asked on 2026-12-07 over these VALUES rows.
import { describe, expect, it } from 'vitest';
import { rowsAndTypes, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

const t = 'FROM (VALUES 0, 1) t(x)';
const INDICES = /SQL array indices start at 1/;
const BY_ZERO = /Division by zero/i;

describe('an untyped e IS NULL in the WHERE of a correlated subquery', () => {
  // Trino 476: COMPILER_ERROR "argumentType unknown should not be UNKNOWN" for each.
  it.each<[string, string, RegExp]>([
    ['beside the correlation', `SELECT x, EXISTS (SELECT 1 FROM (VALUES 0) u(y) WHERE element_at(ARRAY[], y) IS NULL AND y = t.x) ${t} ORDER BY 1`, INDICES],
    ['IS NOT NULL after it', `SELECT x, EXISTS (SELECT 1 FROM (VALUES 0) u(y) WHERE y = t.x AND element_at(ARRAY[], y) IS NOT NULL) ${t} ORDER BY 1`, INDICES],
    ['NOT in parentheses', `SELECT x, EXISTS (SELECT 1 FROM (VALUES 0) u(y) WHERE NOT (element_at(ARRAY[], y) IS NULL) AND y = t.x) ${t} ORDER BY 1`, INDICES],
    [
      'a CASE whose condition fails, in a scalar subquery',
      `SELECT x, (SELECT max(y) FROM (VALUES 0) u(y) WHERE CASE WHEN 1 / y > 0 THEN NULL END IS NULL AND y = t.x) ${t} ORDER BY 1`,
      BY_ZERO,
    ],
    ['a scalar subquery', `SELECT x, (SELECT max(y) FROM (VALUES 0) u(y) WHERE element_at(ARRAY[], y) IS NULL AND y = t.x) ${t} ORDER BY 1`, INDICES],
    ['an IN subquery, uncorrelated', `SELECT x, x IN (SELECT y FROM (VALUES 0) u(y) WHERE element_at(ARRAY[], y) IS NULL) ${t} ORDER BY 1`, INDICES],
    ['LATERAL', `SELECT x, y ${t} CROSS JOIN LATERAL (SELECT y FROM (VALUES 0) u(y) WHERE element_at(ARRAY[], y) IS NULL AND y = t.x) ORDER BY 1, 2`, INDICES],
    [
      'e of the outer row beside the correlation',
      `SELECT x, EXISTS (SELECT 1 FROM (VALUES 0) u(y) WHERE element_at(ARRAY[], t.x) IS NULL AND y = t.x) ${t} ORDER BY 1`,
      INDICES,
    ],
    [
      'e of both rows beside the correlation',
      `SELECT x, EXISTS (SELECT 1 FROM (VALUES 0) u(y) WHERE element_at(ARRAY[], y + t.x) IS NULL AND y = t.x) ${t} ORDER BY 1`,
      INDICES,
    ],
    [
      'beside a BETWEEN',
      `SELECT x, EXISTS (SELECT 1 FROM (VALUES 0) u(y) WHERE y BETWEEN 0 AND 5 AND element_at(ARRAY[], y) IS NULL) ${t} ORDER BY 1`,
      INDICES,
    ],
    [
      'EXISTS over two rows, uncorrelated',
      'SELECT x, EXISTS (SELECT 1 FROM (VALUES 0, 1) u(y) WHERE element_at(ARRAY[], y) IS NULL) FROM (VALUES 1, 3) t(x) ORDER BY 1',
      INDICES,
    ],
  ])('%s fails where e fails', async (_name, sql, error) => {
    await expect(engine.execute(sql)).rejects.toThrow(error);
  });

  it.each<[string, string, unknown[][]]>([
    [
      'beside the correlation, e in range',
      'SELECT x, EXISTS (SELECT 1 FROM (VALUES 1) u(y) WHERE element_at(ARRAY[], y) IS NULL AND y = t.x) FROM (VALUES 1, 2) t(x) ORDER BY 1',
      [
        [1, true],
        [2, false],
      ],
    ],
    [
      'beside a BETWEEN and the correlation, e in range',
      'SELECT x, EXISTS (SELECT 1 FROM (VALUES 1) u(y) WHERE y BETWEEN 0 AND 5 AND element_at(ARRAY[], y) IS NULL AND y = t.x) FROM (VALUES 1, 2) t(x) ORDER BY 1',
      [
        [1, true],
        [2, false],
      ],
    ],
    [
      'under an OR with the correlation (not evaluated)',
      `SELECT x, EXISTS (SELECT 1 FROM (VALUES 0) u(y) WHERE y = t.x OR element_at(ARRAY[], y) IS NULL) ${t} ORDER BY 1`,
      [
        [0, true],
        [1, true],
      ],
    ],
    [
      'e of both rows alone (not evaluated)',
      `SELECT x, EXISTS (SELECT 1 FROM (VALUES 0) u(y) WHERE element_at(ARRAY[], y + t.x) IS NULL) ${t} ORDER BY 1`,
      [
        [0, true],
        [1, true],
      ],
    ],
    [
      'e of the outer row beside a constant test (not evaluated)',
      `SELECT x, EXISTS (SELECT 1 FROM (VALUES 0) u(y) WHERE element_at(ARRAY[], t.x) IS NULL AND y = 0) ${t} ORDER BY 1`,
      [
        [0, true],
        [1, true],
      ],
    ],
  ])('%s answers', async (_name, sql, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types: ['integer', 'boolean'] });
  });
});
