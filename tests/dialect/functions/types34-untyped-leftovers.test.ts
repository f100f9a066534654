// Untyped (NULL-typed) arguments types32 and types33 left (docs/issue-15-audit.md "Untyped arguments left by types32
// and types33"): DuckDB folds a call given a NULL-typed argument into a NULL without evaluating the argument, which
// dropped the argument's own failure. `trim(side chars FROM e)` and calls reading a column a select list made of a
// NULL or `[]` now evaluate it (expressions.ts untypedArgumentsEvaluated, unknown-names.ts). replace(s, search, r)
// with a column r failed with DuckDB's "Separator argument to StringAgg must be a constant" (string-macros.ts
// trino_replace). Every value, type and error is the shared Trino 476's, asked with the statement as run here.
import { describeFunctions } from './harness.js';

const INDICES = /SQL array indices start at 1/;
const BY_ZERO = /Division by zero/;

describeFunctions(
  'trim(… FROM e) of an untyped e',
  [
    ['BOTH chars FROM an element in range', "trim(BOTH 'x' FROM element_at(ARRAY[], x)) FROM (VALUES 1) t(x)", null, 'varchar'],
    ['TRAILING FROM an element in range', 'trim(TRAILING FROM element_at(ARRAY[NULL], x)) FROM (VALUES 2) t(x)', null, 'varchar'],
    ['LEADING chars FROM a typed string', "trim(LEADING 'x' FROM s) FROM (VALUES 'xxaxx') t(s)", 'axx', 'varchar'],
  ],
  [
    ['BOTH chars FROM element_at out of range', "trim(BOTH 'x' FROM element_at(ARRAY[], x)) FROM (VALUES 0) t(x)", INDICES],
    ['LEADING chars FROM it', "trim(LEADING 'y' FROM element_at(ARRAY[], x)) FROM (VALUES 0) t(x)", INDICES],
    ['the characters out of range', "trim(LEADING element_at(ARRAY[], x) FROM 'xax') FROM (VALUES 0) t(x)", INDICES],
    ['BOTH FROM a CASE whose condition fails', 'trim(BOTH FROM CASE WHEN 1 / x > 0 THEN NULL END) FROM (VALUES 0) t(x)', BY_ZERO],
  ],
);

describeFunctions(
  'replace with a column or untyped replacement',
  [
    ['a column replacement', "replace(s, 'b', y) FROM (VALUES ('abcb', '-')) t(s, y)", 'a-c-', 'varchar'],
    ['an empty search and a column', "replace(s, '', y) FROM (VALUES ('ab', '-')) t(s, y)", '-a-b-', 'varchar'],
    ['an empty search over an empty string', "replace(s, '', y) FROM (VALUES ('', '+')) t(s, y)", '+', 'varchar'],
    ['backslashes in the replacement', "replace(s, '', y) FROM (VALUES ('aé', '\\1\\')) t(s, y)", '\\1\\a\\1\\é\\1\\', 'varchar'],
    ['a dollar in the replacement', "replace(s, '', y) FROM (VALUES ('xy', '$0')) t(s, y)", '$0x$0y$0', 'varchar'],
    [
      'an empty search over a surrogate pair and a combining mark',
      "replace(s, '', y) FROM (VALUES ('a😀e' || U&'\\0301', '-')) t(s, y)",
      '-a-😀-e-\u0301-',
      'varchar',
    ],
    ['a NULL column replacement', "replace(s, '', y) FROM (VALUES ('x', CAST(NULL AS varchar))) t(s, y)", null, 'varchar'],
    ['an untyped replacement in range', "replace('abc', 'b', element_at(ARRAY[], x)) FROM (VALUES 1) t(x)", null, 'varchar'],
  ],
  [['an untyped replacement out of range', "replace('abc', 'b', element_at(ARRAY[], x)) FROM (VALUES 0) t(x)", INDICES]],
);

describeFunctions(
  'calls reading a NULL-typed column of a subquery or WITH query',
  [
    ['an element of ARRAY[n] in range', 'upper(element_at(ARRAY[n], 2)) FROM (SELECT NULL AS n) v', null, 'varchar'],
    ['WITH, an element in range', 'WITH v AS (SELECT NULL AS n) SELECT upper(element_at(ARRAY[n], 1)) AS r FROM v', null, 'varchar'],
    ['abs of n / 0 (NULL, no division)', 'WITH v AS (SELECT NULL AS n) SELECT abs(n / 0) AS r FROM v', null, 'integer'],
  ],
  [
    ['an element of ARRAY[n] out of range', 'upper(element_at(ARRAY[n], 0)) FROM (SELECT NULL AS n) v', INDICES],
    ['the same inside a WITH', '* FROM (WITH v AS (SELECT NULL AS n) SELECT upper(element_at(ARRAY[n], 0)) AS r FROM v)', INDICES],
    ['lpad beside another column', "k, lpad(element_at(ARRAY[n], 0), 3, 'x') FROM (SELECT 1 AS k, NULL AS n) v", INDICES],
    ['trim of it', 'trim(element_at(ARRAY[n], 0)) FROM (SELECT NULL n) v', INDICES],
    ['a bare column whose value fails', 'upper(n) FROM (SELECT element_at(ARRAY[], 0) n) t', INDICES],
  ],
);

// In a subquery that reads the outer row the evaluated argument rides in an unnamed row (evaluated-beside.ts): the
// named struct failed to bind there ("Need named argument for struct pack").
describeFunctions(
  'untyped arguments inside subqueries that read the outer row',
  [
    [
      'a scalar subquery, the element in range',
      'WITH t(x) AS (VALUES 1) SELECT (SELECT upper(element_at(ARRAY[], t.x)) FROM (VALUES 1) u(y)) AS r FROM t',
      null,
      'varchar',
    ],
    ['a LATERAL, in range', "u.r FROM (VALUES 1) t(x) CROSS JOIN LATERAL (SELECT lpad(element_at(ARRAY[], t.x), 2, 'a') AS r) u", null, 'varchar'],
    ['EXISTS does not evaluate its select list', 'x FROM (VALUES 1) t(x) WHERE EXISTS (SELECT upper(element_at(ARRAY[], t.x - 1)))', 1, 'integer'],
  ],
  [
    ['an outer column in the argument', '(SELECT upper(element_at(ARRAY[], t.x)) FROM (VALUES 1) u(y)) FROM (VALUES 0) t(x)', INDICES],
    ['an inner column, correlated by WHERE', '(SELECT upper(element_at(ARRAY[], y)) FROM (VALUES 0) u(y) WHERE y = t.x) FROM (VALUES 0) t(x)', INDICES],
    ['a CASE whose condition fails', '(SELECT lower(CASE WHEN 1 / y > 0 THEN NULL END) FROM (VALUES 0) u(y) WHERE y = t.x) FROM (VALUES 0) t(x)', BY_ZERO],
    ['a LATERAL', "t.x, u.r FROM (VALUES 0) t(x) CROSS JOIN LATERAL (SELECT lpad(element_at(ARRAY[], t.x), 2, 'a') AS r) u", INDICES],
    ['an IN subquery', "x FROM (VALUES 0) t(x) WHERE 'A' IN (SELECT upper(element_at(ARRAY[], y)) FROM (VALUES 0) u(y) WHERE y = t.x)", INDICES],
    ['trim(BOTH … FROM …) of it', "(SELECT trim(BOTH 'x' FROM element_at(ARRAY[], t.x)) FROM (VALUES 1) u(y)) FROM (VALUES 0) t(x)", INDICES],
    ['replace with it', "(SELECT replace('abc', 'b', element_at(ARRAY[], t.x)) FROM (VALUES 1) u(y)) FROM (VALUES 0) t(x)", INDICES],
  ],
);

describeFunctions(
  'calls reading a NULL-typed column named by a column alias list',
  [['VALUES NULL, the element in range', 'upper(element_at(ARRAY[n], 1)) FROM (VALUES NULL) t(n)', null, 'varchar']],
  [
    ['VALUES NULL, out of range', 'upper(element_at(ARRAY[n], 0)) FROM (VALUES NULL) t(n)', INDICES],
    ['a subquery with AS t(n)', 'upper(element_at(ARRAY[n], 0)) FROM (SELECT NULL) AS t(n)', INDICES],
    ['a WITH query v(n)', '* FROM (WITH v(n) AS (SELECT NULL) SELECT upper(element_at(ARRAY[n], 0)) AS r FROM v)', INDICES],
  ],
);
