// reverse, substr, SUBSTRING … FROM, json_extract_scalar, date_trunc and date_add of a value Trino 476 types unknown that
// is not a column: a NULL-typed scalar subquery, if(false, NULL), coalesce(NULL, NULL), a CASE of NULLs,
// element_at(ARRAY[NULL], 1). Trino fails AMBIGUOUS_FUNCTION_CALL (the value matches the varchar and varbinary forms, or
// date and timestamp), where the local engine answered a varbinary or varchar NULL; a NULL-typed column was refused
// already (docs/issue-15-audit.md, hunt42's section). Trino 476's answers, asked of the shared Trino, beside each case.
import { describe, expect, it } from 'vitest';
import { sharedLake } from './lake-helpers.js';

const REFUSED = /AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator for a value of type unknown/;

describe('functions of several forms given an unknown-typed expression', () => {
  const engine = sharedLake();

  it.each([
    // Trino 476: AMBIGUOUS_FUNCTION_CALL for each; locally NULL (varbinary, varchar, timestamp).
    'SELECT reverse((SELECT NULL))',
    'SELECT reverse(if(false, NULL))',
    'SELECT reverse(coalesce(NULL, NULL))',
    'SELECT reverse(CASE WHEN false THEN NULL END)',
    'SELECT substr((SELECT NULL), 1)',
    'SELECT substr(if(false, NULL), 1)',
    'SELECT SUBSTRING(if(false, NULL) FROM 2)',
    "SELECT json_extract_scalar(if(false, NULL), '$.a')",
    "SELECT json_extract_scalar(element_at(ARRAY[NULL], 1), '$.a')",
    "SELECT date_trunc('day', if(false, NULL))",
    "SELECT date_add('day', 1, (SELECT NULL))",
  ])('%s is refused', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(REFUSED);
  });

  it('typed expressions answer (Trino 476: NULL varchar, NULL varchar, NULL varchar, ba varchar, bc varchar, 1 varchar)', async () => {
    const result = await engine.execute(
      `SELECT reverse(if(false, 'a')) AS a, reverse(nullif('a', 'a')) AS b, substr(lower(NULL), 1) AS c, reverse((SELECT 'ab')) AS d,
        substr((SELECT x FROM (VALUES 'abc') AS t(x)), 2) AS e, json_extract_scalar((SELECT '{"a":1}'), '$.a') AS f`,
    );
    expect(result.columns.map((c) => c.type)).toEqual(['varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'varchar']);
    expect(result.rows).toEqual([[null, null, null, 'ba', 'bc', '1']]);
  });

  it.each([
    // Trino 476: AMBIGUOUS_FUNCTION_CALL for each (unknown * double, * bigint, / double, + unknown, + interval,
    // timestamp - unknown); locally a double, bigint or timestamp NULL where no column is unknown.
    'SELECT if(false, NULL) * 2e0',
    'SELECT (SELECT NULL) * 2e0',
    'SELECT 2e0 * if(false, NULL)',
    "SELECT if(false, NULL) * BIGINT '2'",
    'SELECT if(false, NULL) / 2e0',
    'SELECT coalesce(NULL, NULL) * 2e0',
    'SELECT element_at(ARRAY[NULL], 1) * 2e0',
  ])('%s is refused', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator for an arithmetic operator/);
  });

  it('arithmetic of typed expressions and unknown + integer answer (Trino 476: NULL integer, NULL integer, NULL double, NULL double, 2.0 double)', async () => {
    const result = await engine.execute(
      'SELECT if(false, NULL) + 1 AS a, if(false, NULL) * 2 AS b, if(false, 1) * 2e0 AS c, nullif(1, 1) * 2e0 AS d, (SELECT 1) * 2e0 AS e',
    );
    expect(result.columns.map((c) => c.type)).toEqual(['integer', 'integer', 'double', 'double', 'double']);
    expect(result.rows).toEqual([[null, null, null, null, 2]]);
  });

  it.each([
    // Trino 476: AMBIGUOUS_FUNCTION_CALL for each (the varchar and the array(varchar) form); locally ''.
    "SELECT concat_ws(',', if(false, NULL))",
    "SELECT concat_ws(',', (SELECT NULL))",
    "SELECT concat_ws(',', coalesce(NULL, NULL))",
    "SELECT concat_ws(',', x) FROM (VALUES NULL) AS t(x)",
  ])('%s is refused', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/AMBIGUOUS_FUNCTION_CALL: Could not choose a best candidate operator for concat_ws/);
  });

  it("concat_ws of typed values, or of an unknown value among several, answers (Trino 476: 'a', 'a,b', '', 'p')", async () => {
    const result = await engine.execute(
      `SELECT concat_ws(',', if(false, NULL), 'a') AS a, concat_ws(',', ARRAY['a', NULL, 'b']) AS b, concat_ws(',', if(false, 'a')) AS c,
        concat_ws(',', (SELECT max(x) FROM (VALUES 'p') AS t(x))) AS d`,
    );
    expect(result.rows).toEqual([['a', 'a,b', '', 'p']]);
  });
});
