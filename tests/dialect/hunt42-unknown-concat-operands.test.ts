// || and concat() of two operands, one typed unknown in Trino 476 where the SQL writes no bare NULL (docs/issue-15-audit.md,
// hunt42's section): a NULL-typed scalar subquery, if(false, NULL), element_at(ARRAY[NULL], 1), coalesce(NULL, NULL),
// or an array(unknown) that an aggregate builds (array_agg of NULLs, also inside a scalar subquery). Trino reads the
// unknown operand as array(E) ('a' || (SELECT NULL) is an array(varchar) NULL) and fails AMBIGUOUS_FUNCTION_CALL beside
// an array, a varbinary or another unknown value, where the local engine answered a varchar or joined the arrays
// (random seed 20261319, case 62, and probes by hand). Trino 476's answers, asked of the shared Trino, beside each case.
import { describe, expect, it } from 'vitest';
import { sharedLake } from './lake-helpers.js';

const UNKNOWN_OPERAND = /\|\| or concat\(\) of a value of type unknown/;
const UNKNOWN_ARRAY = /AMBIGUOUS_FUNCTION_CALL: \|\| or concat\(\) of an array of unknown elements/;

describe('|| and concat() of an operand Trino types unknown', () => {
  const engine = sharedLake();

  it.each([
    // Trino 476: [null] :: array(varchar); locally it was a varchar NULL.
    "SELECT 'a' || (SELECT NULL)",
    "SELECT (SELECT NULL) || 'a'",
    "SELECT concat('a', (SELECT NULL))",
    "SELECT 'a' || if(false, NULL)",
    "SELECT 'a' || element_at(ARRAY[NULL], 1)",
    "SELECT 'a' || coalesce(NULL, NULL)",
    // Trino 476: AMBIGUOUS_FUNCTION_CALL; locally [null] :: array(integer) or varbinary.
    'SELECT ARRAY[1] || (SELECT NULL)',
    'SELECT ARRAY[1] || (SELECT NULL WHERE false)',
    'SELECT cardinality(ARRAY[1] || (SELECT NULL))',
    "SELECT (SELECT NULL) || ARRAY['a']",
    "SELECT X'01' || (SELECT NULL)",
    'SELECT (SELECT NULL) || (SELECT NULL)',
    'SELECT ARRAY[1] || if(false, NULL)',
  ])('%s is refused', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(UNKNOWN_OPERAND);
  });

  it.each([
    // Trino 476: AMBIGUOUS_FUNCTION_CALL; locally [null] or [[1,null]] :: array(integer) (an aggregate's operand, checked per row).
    'SELECT ARRAY[1] || (SELECT array_agg(x) FROM UNNEST(ARRAY[]) AS t(x))',
    'SELECT (SELECT array_agg(x) FROM UNNEST(ARRAY[]) AS t(x)) || ARRAY[1]',
    'SELECT concat(ARRAY[1], (SELECT array_agg(x) FROM UNNEST(ARRAY[]) AS t(x)))',
    'SELECT ARRAY[1] || (SELECT array_agg(NULL))',
    'SELECT ARRAY[1] || (SELECT array_agg(x) FROM (VALUES NULL) AS t(x))',
    'SELECT ARRAY[ARRAY[1]] || (SELECT array_agg(x) FROM (VALUES NULL) AS t(x))',
    'SELECT ARRAY[1] || array_agg(NULL)',
    'SELECT ARRAY[1] || array_agg(x) FROM (VALUES NULL) AS t(x)',
    'SELECT (SELECT every(x > 0) FROM UNNEST((ARRAY[1, 2, 3] || (SELECT array_agg(x) FROM UNNEST(ARRAY[]) AS t(x)))) AS t(x))',
  ])('%s is refused', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(UNKNOWN_ARRAY);
  });

  it('an unknown operand among three or more arguments, and typed NULLs, answer (Trino 476: the values below)', async () => {
    const result = await engine.execute(
      `SELECT concat('a', (SELECT NULL), 'b') AS a, concat(ARRAY[1], (SELECT array_agg(x) FROM (VALUES NULL) AS t(x)), ARRAY[2]) AS b,
        'a' || lower(NULL) AS c, 'a' || nullif('a', 'a') AS d, ARRAY[1] || (SELECT array_agg(x) FROM (VALUES 1) AS t(x)) AS e,
        concat(ARRAY[1], (SELECT NULL), ARRAY[2]) AS f`,
    );
    expect(result.columns.map((c) => c.type)).toEqual(['varchar', 'array(integer)', 'varchar', 'varchar', 'array(integer)', 'array(integer)']);
    expect(result.rows).toEqual([[null, [1, null, 2], null, null, [1, 1], null]]);
  });
});
