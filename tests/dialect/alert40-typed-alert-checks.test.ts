// The p3_contract_violations alert's type checks (issue 18, alert40): its columns are counts, differences of counts,
// a coalesce of a sum of counts, gathered by a UNION ALL of WITH queries and tested by a CASE of comparisons. The
// translator now reads integer arithmetic (`+ - *` of integer types: the widest), `||` of varchars, sum of an integer
// type (bigint) and coalesce of integer types or varchars through WITH queries and set operations (known-types.ts),
// a coalesce of such a sum inside a scalar subquery (a name of the subquery's own relations is never the outer row's),
// and a CASE whose values are all comparisons or predicates as a boolean (condition-types.ts surelyBoolean; no
// condition check, no common-type check). Every expectation is Trino 476's answer (value and type) or its failure,
// asked of the shared Trino with the same rows as a WITH query of the same types:
// `WITH t(k, i, b, s, d, dt, y) AS (VALUES (1, 2, BIGINT '10', 'web', DOUBLE '1.5', DATE '2026-12-06', 2026),
// (2, -1, BIGINT '20', 'web', DOUBLE '2.5', DATE '2026-12-07', 2026), (3, NULL, NULL, NULL, NULL, NULL, 2025),
// (4, 5, BIGINT '-3', 'app', nan(), DATE '2026-12-06', 2026))`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { rowsAndTypes } from './lake-helpers.js';
import { openLakeWithTableT, translated } from './typed-table-t.js';

let engine: AthenaLocalEngine;
beforeAll(async () => {
  engine = await openLakeWithTableT();
});
afterAll(async () => engine.close());

/** The alert's shape: per-check counts, a completeness share, a sum of counts, a join of two WITH queries. */
const ALERT =
  "WITH q AS (SELECT s, count(*) AS failing, (SELECT count(*) FROM t) AS total FROM t WHERE s IS NOT NULL GROUP BY s), r AS (SELECT 'all' AS s, count(*) - count(DISTINCT s) AS failing, count(*) AS total FROM t), d AS (SELECT 'sum' AS s, (SELECT coalesce(sum(n), 0) FROM (SELECT s, count(*) AS n FROM t GROUP BY s HAVING count(*) > 1) AS x) AS failing, count(*) AS total FROM t), j AS (SELECT r.s || '.joined' AS s, r.total - q.failing AS failing, q.total FROM r JOIN q ON q.s = 'web'), checks AS (SELECT * FROM q UNION ALL SELECT * FROM r UNION ALL SELECT * FROM d UNION ALL SELECT * FROM j) SELECT s, failing, total FROM checks WHERE CASE WHEN s = 'all' THEN total > 0 AND CAST(total - failing AS DOUBLE) / total < 0.995 ELSE failing > 0 END ORDER BY s, failing, total";

describe("the alert's columns typed before DuckDB binds them", () => {
  it.each<[string, string, string[], unknown[][]]>([
    [
      "the p3_contract_violations alert's shape",
      ALERT,
      ['varchar', 'bigint', 'bigint'],
      [
        ['all', 2, 4],
        ['all.joined', 2, 4],
        ['app', 1, 4],
        ['sum', 2, 4],
        ['web', 2, 4],
      ],
    ],
    [
      'integer arithmetic, concatenations and coalesce of varchars in a UNION ALL',
      "SELECT k + i AS v, 'a' || s AS w FROM t UNION ALL SELECT b - k, s || 'b' FROM t UNION ALL SELECT i * y, coalesce(s, 'c') FROM t ORDER BY 1 NULLS FIRST, 2 NULLS FIRST",
      ['bigint', 'varchar'],
      [
        [null, null],
        [null, null],
        [null, 'c'],
        [-2026, 'web'],
        [-7, 'appb'],
        [1, 'aweb'],
        [3, 'aweb'],
        [9, 'aapp'],
        [9, 'webb'],
        [18, 'webb'],
        [4052, 'web'],
        [10130, 'app'],
      ],
    ],
    [
      'sums of integers and coalesce of a sum in a UNION ALL',
      'SELECT coalesce(sum(i), 0) AS v, sum(b) AS w FROM t UNION ALL SELECT coalesce(sum(b), y), count(*) - sum(k) FROM t GROUP BY y ORDER BY 1, 2',
      ['bigint', 'bigint'],
      [
        [6, 27],
        [27, -4],
        [2025, -2],
      ],
    ],
    ['a WHERE that is a CASE of predicates', "SELECT k FROM t WHERE CASE WHEN s = 'web' THEN i > 0 ELSE b IS NULL END ORDER BY k", ['integer'], [[1], [3]]],
    [
      'a CASE of predicates and NULL as a value',
      "SELECT k, CASE WHEN k > 2 THEN i > 0 WHEN k = 1 THEN NULL ELSE (s LIKE 'w%' OR d > 2) END AS p FROM t ORDER BY k",
      ['integer', 'boolean'],
      [
        [1, null],
        [2, true],
        [3, null],
        [4, true],
      ],
    ],
    [
      'arithmetic and coalesce of sums in correlated scalar subqueries',
      'SELECT k, (SELECT sum(u.i) - 1 FROM t AS u WHERE u.k <= t.k) AS c, (SELECT coalesce(sum(u.b), 0) FROM t AS u WHERE u.k > t.k) AS e FROM t ORDER BY k',
      ['integer', 'bigint', 'bigint'],
      [
        [1, 1, 17],
        [2, 0, -3],
        [3, 0, -3],
        [4, 5, 0],
      ],
    ],
  ])('%s answers as Trino', async (_name, sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });

  // Trino 476: TYPE_MISMATCH "All CASE results must be the same type or coercible to a common type. Cannot find common
  // type between boolean and integer" (both orders), "Cannot apply operator: varchar(3) < integer", "column 1 in UNION
  // query has incompatible types: integer, varchar" and "…: bigint, date", "All COALESCE operands must be the same
  // type…: bigint and varchar(1)".
  it.each<[string, string]>([
    ['a CASE of a predicate and an integer', 'SELECT CASE WHEN k > 1 THEN i > 0 ELSE 1 END AS c FROM t'],
    ['a WHERE CASE of an integer and a predicate', 'SELECT k FROM t WHERE CASE WHEN k > 1 THEN i ELSE i > 0 END'],
    ['a varchar compared with a number inside a CASE of predicates', 'SELECT k FROM t WHERE CASE WHEN k > 1 THEN s > 0 ELSE true END'],
    ['integer arithmetic beside a concatenation', "SELECT k - i AS v FROM t UNION ALL SELECT s || 'x' FROM t"],
    ['a coalesce of a sum beside a date', 'SELECT coalesce(sum(i), 0) AS v FROM t UNION ALL SELECT dt FROM t'],
    ['a coalesce of a sum and a varchar in a correlated subquery', "SELECT (SELECT coalesce(sum(u.i), 'x') FROM t AS u WHERE u.k > t.k) AS e FROM t"],
  ])('%s fails as in Trino', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/TYPE_MISMATCH/);
  });

  it("the alert's shape carries no type checks with the column types; unknown operands keep theirs", () => {
    const alert = translated(ALERT);
    // The final WHERE (the CASE of comparisons over the union's counts) and the union's columns: no check, no shim.
    const where = alert.slice(alert.indexOf('FROM checks WHERE'), alert.lastIndexOf('ORDER BY'));
    expect(where).toContain('subtract(total, failing)');
    expect(where).not.toMatch(/typeof|trino_condition|trino_minus|trino_type_family/);
    expect(alert).not.toMatch(/trino_family_\d|trino_refused:types coalesce/);
    const untyped = translated(ALERT, false);
    expect(untyped.slice(untyped.indexOf('FROM checks WHERE'))).toMatch(/trino_minus/);
    expect(untyped).toMatch(/trino_refused:types coalesce/);
    // A CASE of comparisons is a boolean whatever the catalog knows; a CASE of a column is checked as a condition.
    expect(translated('SELECT k FROM t WHERE CASE WHEN k > 1 THEN i > 0 ELSE false END', false)).not.toMatch(/trino_condition|trino_type_family|CASE'/);
    expect(translated('SELECT k FROM t WHERE CASE WHEN k > 1 THEN i ELSE i > 0 END', false)).toMatch(/trino_condition/);
    // An arithmetic of a double column, a division, a sum of a double: not typed here, the set operation stays checked.
    expect(translated('SELECT k + d AS v FROM t UNION ALL SELECT b FROM t')).toMatch(/typeof\(\[/);
    expect(translated('SELECT coalesce(sum(d), 0) AS v FROM t UNION ALL SELECT b FROM t')).toMatch(/typeof\(\[/);
  });
});
