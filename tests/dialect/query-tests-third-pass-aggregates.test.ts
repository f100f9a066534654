// Found by replaying Trino's own query tests (io/trino/sql/query, third pass: aggregates, windows and the rest;
// docs/issue-15-audit.md "Trino's query tests replayed, third pass: aggregates, windows and the rest"): forms where the
// local engine answered and Trino 476 fails. Every expectation is Trino 476's answer (value and type) or its failure,
// asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { namedResult, sharedLake, refusedAt } from './lake-helpers.js';

const engine = sharedLake();

describe('the offset of lag, lead, nth_value and the bucket count of ntile are bigint in Trino', () => {
  it.each<[string, string]>([
    // Trino: FUNCTION_NOT_FOUND "Unexpected parameters (integer, decimal(2,1)) for function lead" (locally 20, NULL).
    ['lead, a decimal literal', 'SELECT lead(v, 1.0) OVER (ORDER BY k) FROM (VALUES (1, 10), (2, 20)) t(k, v)'],
    ['lag, a double literal', 'SELECT lag(v, 1e0) OVER (ORDER BY k) FROM (VALUES (1, 10), (2, 20)) t(k, v)'],
    ['lead with a default, a varchar literal', "SELECT lead(v, '1', 0) OVER (ORDER BY k) FROM (VALUES (1, 10), (2, 20)) t(k, v)"],
    ['nth_value, a decimal literal', 'SELECT nth_value(v, 1.0) OVER (ORDER BY k) FROM (VALUES (1, 10), (2, 20)) t(k, v)'],
    ['ntile, a double literal', 'SELECT ntile(2e0) OVER (ORDER BY k) FROM (VALUES (1, 10), (2, 20)) t(k, v)'],
    ['lead, a decimal column', 'SELECT lead(v, o) OVER (ORDER BY k) FROM (VALUES (1, 10, 1.0), (2, 20, 0.0)) t(k, v, o)'],
    // Over no rows too: Trino fails while analysing.
    ['lead, a decimal column over no rows', 'SELECT lead(v, o) OVER (ORDER BY k) FROM (VALUES (1, 10, 1.0)) t(k, v, o) WHERE k > 5'],
  ])('%s: FUNCTION_NOT_FOUND', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/FUNCTION_NOT_FOUND: Unexpected parameters for function (lead|lag|nth_value|ntile)/);
  });

  it('integer offsets of every width, and a NULL one where Trino answers, keep their answers', async () => {
    expect(
      await namedResult(
        engine,
        "SELECT k, lead(v, TINYINT '1') OVER (ORDER BY k) a, lag(v, SMALLINT '1', 0) OVER (ORDER BY k) b, nth_value(v, BIGINT '2') OVER (ORDER BY k) c, ntile(2) OVER (ORDER BY k) d, nth_value(v, NULL) OVER (ORDER BY k) e, ntile(NULL) OVER (ORDER BY k) f FROM (VALUES (1, 10), (2, 20)) t(k, v) ORDER BY k",
      ),
    ).toEqual({
      columns: ['k integer', 'a integer', 'b integer', 'c integer', 'd bigint', 'e integer', 'f bigint'],
      rows: [
        [1, 20, 0, null, 1, null, null],
        [2, null, 10, 20, 2, null, null],
      ],
    });
  });

  it('an integer column offset keeps its answer', async () => {
    expect(await namedResult(engine, 'SELECT k, lead(v, o) OVER (ORDER BY k) x FROM (VALUES (1, 10, 1), (2, 20, 0)) t(k, v, o) ORDER BY k')).toEqual({
      columns: ['k integer', 'x integer'],
      rows: [
        [1, 20],
        [2, 20],
      ],
    });
  });
});

describe('min(x, n) and max(x, n) with n above 10000', () => {
  it.each<[string, string, string]>([
    // Trino: INVALID_FUNCTION_ARGUMENT "second argument of max_n must be less than or equal to 10000; found 10001" (locally [1]).
    ['max', 'SELECT max(x, 10001) FROM (VALUES 1) t(x)', 'max('],
    ['min over a window', 'SELECT min(x, 10001) OVER () FROM (VALUES 1) t(x)', 'min('],
  ])('%s: refused at lint', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('min-max-count', sql, at));
  });

  it('n = 10000 answers as in Trino', async () => {
    expect(await namedResult(engine, 'SELECT max(x, 10000) a, min(x, 10000) b FROM (VALUES 1) t(x)')).toEqual({
      columns: ['a array(integer)', 'b array(integer)'],
      rows: [[[1], [1]]],
    });
  });
});

describe('grouping() with OVER or FILTER', () => {
  it.each<[string, string]>([
    // Trino: SYNTAX_ERROR "mismatched input '('" (locally the OVER / FILTER was dropped: 1, 0).
    ['OVER', 'SELECT a, grouping(a) OVER () FROM (VALUES 1) t(a) GROUP BY a'],
    ['FILTER', 'SELECT a, grouping(a) FILTER (WHERE a > 0) FROM (VALUES 1) t(a) GROUP BY a'],
  ])('%s: refused at lint', async (name, sql) => {
    // At the clause, as after any call of a function that reads one row (hunt44's not-aggregate rule).
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('not-aggregate', sql, name));
  });

  it('grouping() alone answers as in Trino', async () => {
    expect(await namedResult(engine, 'SELECT a, grouping(a) g FROM (VALUES 1) t(a) GROUP BY ROLLUP (a) ORDER BY a')).toEqual({
      columns: ['a integer', 'g integer'],
      rows: [
        [1, 0],
        [null, 1],
      ],
    });
  });
});

describe('trim(FROM s) without a side or characters', () => {
  it('is refused at lint (Trino SYNTAX_ERROR; locally the spaces were trimmed)', async () => {
    const sql = "SELECT trim(FROM ' a ')";
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('trim-from', sql, 'trim('));
  });

  it('the forms Trino takes answer as in Trino', async () => {
    expect(await namedResult(engine, "SELECT trim(BOTH FROM ' a ') a, trim(LEADING 'a' FROM 'aba') b, trim(' a ') c, trim('aba', 'a') d")).toEqual({
      columns: ['a varchar', 'b varchar', 'c varchar', 'd varchar'],
      rows: [['a', 'ba', 'a', 'b']],
    });
  });
});

describe('a GROUPS frame with an offset and no ORDER BY', () => {
  it.each<[string, string]>([
    // Trino: MISSING_ORDER_BY "Window frame of type GROUPS PRECEDING or FOLLOWING requires ORDER BY" (locally the whole
    // partition was one peer group: [1, 2, 3] on every row).
    ['GROUPS n PRECEDING', 'SELECT x, array_agg(x) OVER (GROUPS 1 PRECEDING) FROM (VALUES 1, 2, 3) t(x) ORDER BY x'],
    [
      'PARTITION BY … GROUPS … n FOLLOWING',
      'SELECT x, array_agg(x) OVER (PARTITION BY x % 2 GROUPS BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM (VALUES 1, 2, 3) t(x) ORDER BY x',
    ],
    ['a named window', 'SELECT x, array_agg(x) OVER w FROM (VALUES 1, 2, 3) t(x) WINDOW w AS (GROUPS 1 PRECEDING) ORDER BY x'],
  ])('%s: refused at lint', async (_name, sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('missing-order-by', sql, 'GROUPS'));
  });

  it('unbounded GROUPS frames without ORDER BY answer as in Trino', async () => {
    expect(
      await namedResult(engine, 'SELECT x, array_agg(x) OVER (GROUPS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) a FROM (VALUES 1, 2, 3) t(x) ORDER BY x'),
    ).toEqual({
      columns: ['x integer', 'a array(integer)'],
      rows: [
        [1, [1, 2, 3]],
        [2, [1, 2, 3]],
        [3, [1, 2, 3]],
      ],
    });
  });
});

describe('a WITH query that calls a random function is inlined, as Trino inlines every WITH query', () => {
  it.each<[string, string, number]>([
    // Trino draws per reference: 2 distinct values (locally DuckDB materialized the CTE read twice: 1).
    ['rand() read twice', 'SELECT count(DISTINCT r) n FROM (WITH t AS (SELECT rand() r) SELECT r FROM t UNION ALL SELECT r FROM t)', 2],
    ['random() under a column list', 'WITH t(r) AS (SELECT random()) SELECT count(DISTINCT r) n FROM (SELECT r FROM t UNION ALL SELECT r FROM t)', 2],
    [
      'uuid() after another WITH query',
      'WITH u AS (SELECT 1 a), t AS (SELECT uuid() r FROM u) SELECT count(DISTINCT r) n FROM (SELECT r FROM t UNION ALL SELECT r FROM t)',
      2,
    ],
    // Trino 0 (each side's own value), locally 1.
    ['a self-join on the random value', 'WITH t AS (SELECT rand() r) SELECT count(*) n FROM t a JOIN t b ON a.r = b.r', 0],
  ])('%s', async (_name, sql, n) => {
    expect(await namedResult(engine, sql)).toEqual({ columns: ['n bigint'], rows: [[n]] });
  });

  it.each<[string, string, string]>([
    // DuckDB's own syntax: Trino SYNTAX_ERROR "mismatched input 'MATERIALIZED'. Expecting: '('".
    ['MATERIALIZED', 'WITH t AS MATERIALIZED (SELECT 1 a) SELECT * FROM t', 'MATERIALIZED'],
    ['NOT MATERIALIZED', 'WITH t AS NOT MATERIALIZED (SELECT 1 a) SELECT * FROM t', 'NOT'],
  ])('%s written by hand is refused at lint', async (_name, sql, at) => {
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('materialized-cte', sql, at));
  });
});

describe('a named window that names a later one', () => {
  it('is refused at lint (Trino INVALID_WINDOW_REFERENCE "Cannot resolve WINDOW name v"; locally answered)', async () => {
    const sql = 'SELECT x, sum(x) OVER w FROM (VALUES 2, 1) t(x) WINDOW w AS (v), v AS (ORDER BY x) ORDER BY x';
    await expect(engine.execute(sql)).rejects.toThrow(refusedAt('window-reference', sql, 'v), v'));
  });

  it('naming an earlier one answers as in Trino', async () => {
    expect(await namedResult(engine, 'SELECT x, sum(x) OVER w s FROM (VALUES 2, 1) t(x) WINDOW v AS (ORDER BY x), w AS (v) ORDER BY x')).toEqual({
      columns: ['x integer', 's bigint'],
      rows: [
        [1, 1],
        [2, 3],
      ],
    });
  });
});
