// Issue 18 (lint37): translator passes that return their input where a statement holds none of the words (or
// operators) their findings and rewrites start at: WITH TIES, WITHIN GROUP, FOR … AS OF, WITH RECURSIVE, WINDOW / OVER,
// a `*` select item, `||` and arithmetic operators, LIMIT / OFFSET / FETCH, ORDER BY ALL. Each statement here holds
// such a word, so the pass must still run: its finding (the rule) or its rewrite (a piece of the translated text) is
// the translator's before the pre-tests (start commit 7a02c94), unchanged; no answer changes.
import { describe, expect, it } from 'vitest';
import { translateExpressions } from '../../src/dialect/translate/query.js';

const rules = (sql: string) => translateExpressions(sql).diagnostics.map((d) => d.rule);

describe('pre-tests keep every finding of a pass whose word is there', () => {
  it.each<[string, string]>([
    ['SELECT x FROM t FETCH FIRST 2 ROWS WITH TIES', 'unfaithful/fetch-with-ties'],
    ["SELECT * FROM t FOR TIMESTAMP AS OF TIMESTAMP '2025-01-01 00:00:00 UTC'", 'unfaithful/time-travel'],
    ['WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n FROM r', 'unfaithful/recursive-column-aliases'],
    ['SELECT sum(x) OVER (w PARTITION BY y) FROM t WINDOW w AS (ORDER BY x)', 'unfaithful/window-partition-by'],
    ['SELECT sum(x) OVER (w GROUPS 1 PRECEDING) FROM t WINDOW w AS (PARTITION BY y)', 'unfaithful/missing-order-by'],
    ["SELECT 'x' || 1", 'unfaithful/concat-types'],
    ['SELECT NULL + NULL', 'unfaithful/ambiguous-null-operator'],
    ["SELECT NULL + INTERVAL '1' DAY", 'unfaithful/ambiguous-null-operator'],
    ['SELECT x FROM t LIMIT 1.5', 'unfaithful/row-count'],
    ['SELECT x FROM t LIMIT 2 OFFSET 1', 'unfaithful/offset-after-limit'],
    ['SELECT x FROM t ORDER BY ALL', 'unfaithful/order-by-all'],
  ])('%s', (sql, rule) => {
    expect(rules(sql)).toContain(rule);
  });
});

describe('pre-tests keep every rewrite of a pass whose word is there', () => {
  it.each<[string, string]>([
    ['SELECT x FROM t ORDER BY x FETCH FIRST 2 ROWS WITH TIES', '"__tie_rank"'],
    ["SELECT listagg(x, ',') WITHIN GROUP (ORDER BY x) FROM t", 'string_agg('],
    ['WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n FROM r', 'trino_recursion_r_0'],
    ['SELECT k FROM (SELECT * FROM a JOIN b ON a.k = b.k) s', 'trino_star_filler'],
    ['SELECT k FROM (SELECT a.*, b.* FROM a, b) s', 'struct_pack(*COLUMNS('],
  ])('%s', (sql, piece) => {
    expect(translateExpressions(sql).sql).toContain(piece);
  });

  it('writes a named window out with the clauses of the window it names', () => {
    const { sql } = translateExpressions('SELECT sum(x) OVER (w) FROM t WINDOW v AS (ORDER BY x), w AS (v)');
    expect(sql.slice(sql.indexOf('WINDOW'))).toMatch(/w AS \(\s*ORDER BY/);
  });
});
