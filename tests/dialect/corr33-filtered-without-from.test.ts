// A subquery without FROM that selects a column of the outer row under a WHERE or HAVING other than TRUE (not reading
// the outer row), or an OFFSET other than 0: Trino 476 NOT_SUPPORTED "Given correlated subquery is not supported",
// DuckDB answered (no row, NULL, or the outer row) (docs/issue-15-audit.md "Correlated subqueries without FROM under a
// constant filter, and nested beside an aggregate (session of 2026-12-06 night, branch corr33)"). Every
// expectation is the shared Trino 476's answer (value and type) or its failure, asked on 2026-12-07.
import { describe, expect, it } from 'vitest';
import { correlatedAt, sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

const t = 'FROM (VALUES 1, 2) t(a)';
const lateral = (body: string) => `SELECT * ${t} CROSS JOIN LATERAL (${body}) u(b) ORDER BY 1, 2`;

describe('a subquery without FROM selecting the outer row under a constant filter', () => {
  // Locally: no row (LATERAL), (1, NULL), (2, NULL) (scalar, LEFT JOIN LATERAL), or the outer row (rand()): Trino fails.
  it.each<[string, string, string]>([
    ['LATERAL, WHERE false', lateral('SELECT t.a WHERE false'), 't.a WHERE'],
    ['LATERAL, WHERE 1 = 0', lateral('SELECT t.a WHERE 1 = 0'), 't.a WHERE'],
    ['LATERAL, WHERE NULL', lateral('SELECT t.a WHERE NULL'), 't.a WHERE'],
    ['LATERAL, a WHERE not folded to a constant', lateral('SELECT t.a WHERE rand() < 2'), 't.a WHERE'],
    ['LATERAL, an expression of the outer column', lateral('SELECT t.a + 1 WHERE false'), 't.a + 1'],
    ['LATERAL, unqualified', lateral('SELECT a WHERE false'), 'a WHERE'],
    ['scalar, WHERE 2 <> 2', `SELECT a, (SELECT t.a WHERE 2 <> 2) ${t} ORDER BY 1`, 't.a WHERE'],
    ['scalar, WHERE NOT NULL', `SELECT a, (SELECT t.a WHERE NOT NULL) ${t} ORDER BY 1`, 't.a WHERE'],
    ['scalar, WHERE NOT true', `SELECT a, (SELECT t.a WHERE NOT true) ${t} ORDER BY 1`, 't.a WHERE'],
    ['LATERAL, HAVING false', lateral('SELECT t.a HAVING false'), 't.a HAVING'],
    ['LATERAL, OFFSET 1', lateral('SELECT t.a OFFSET 1'), 't.a OFFSET'],
    ['LEFT JOIN LATERAL', `SELECT * ${t} LEFT JOIN LATERAL (SELECT t.a WHERE false) u(b) ON true ORDER BY 1, 2`, 't.a WHERE'],
    ['scalar', `SELECT a, (SELECT t.a WHERE false) ${t} ORDER BY 1`, 't.a WHERE'],
  ])('%s', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(correlatedAt(sql, at));
  });

  // Trino answers these; the local engine too, alike.
  it.each<[string, string, string[], unknown[][]]>([
    [
      'WHERE 0 = 0 (folded)',
      lateral('SELECT t.a WHERE 0 = 0'),
      ['integer', 'integer'],
      [
        [1, 1],
        [2, 2],
      ],
    ],
    [
      'scalar, WHERE 1 = 1 AND NOT false',
      `SELECT a, (SELECT t.a WHERE 1 = 1 AND NOT false) ${t} ORDER BY 1`,
      ['integer', 'integer'],
      [
        [1, 1],
        [2, 2],
      ],
    ],
    [
      'scalar, WHERE 1 < 2 OR NULL',
      `SELECT a, (SELECT t.a WHERE 1 < 2 OR NULL) ${t} ORDER BY 1`,
      ['integer', 'integer'],
      [
        [1, 1],
        [2, 2],
      ],
    ],
    [
      'WHERE true',
      lateral('SELECT t.a WHERE true'),
      ['integer', 'integer'],
      [
        [1, 1],
        [2, 2],
      ],
    ],
    [
      'WHERE (true)',
      lateral('SELECT t.a WHERE (true)'),
      ['integer', 'integer'],
      [
        [1, 1],
        [2, 2],
      ],
    ],
    [
      'HAVING true',
      lateral('SELECT t.a HAVING true'),
      ['integer', 'integer'],
      [
        [1, 1],
        [2, 2],
      ],
    ],
    [
      'OFFSET 0',
      lateral('SELECT t.a OFFSET 0'),
      ['integer', 'integer'],
      [
        [1, 1],
        [2, 2],
      ],
    ],
    [
      'WHERE true LIMIT 1',
      lateral('SELECT t.a WHERE true LIMIT 1'),
      ['integer', 'integer'],
      [
        [1, 1],
        [2, 2],
      ],
    ],
    ['LIMIT 0', lateral('SELECT t.a LIMIT 0'), ['integer', 'integer'], []],
    ['a constant select list under WHERE false', lateral('SELECT 5 WHERE false'), ['integer', 'integer'], []],
    ['a constant select list under WHERE 1 = 0', lateral('SELECT 5 WHERE 1 = 0'), ['integer', 'integer'], []],
    [
      'EXISTS',
      `SELECT a, EXISTS (SELECT t.a WHERE false) ${t} ORDER BY 1`,
      ['integer', 'boolean'],
      [
        [1, false],
        [2, false],
      ],
    ],
  ])('%s', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});
