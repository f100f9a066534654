// Hand probes of lag/lead defaults (docs/issue-15-audit.md, "Random hunt with new seeds … branch hunt40"): Trino
// types an integer literal as integer, so where one meets a tinyint or smallint value in one type (coalesce, CASE,
// if, lag/lead's value and default, array_remove, a VALUES column) the result is an integer. DuckDB's integer literal took the
// narrow type (silent: `lag(tinyint_x, 1, 99)` answered 99 as a tinyint; `coalesce(x, 0) * x` of a tinyint 100
// failed with a tinyint overflow where Trino answers 10000). Every value and type below is Trino 476's answer, asked
// of the shared Trino.
import { describeFunctions } from './functions/harness.js';

describeFunctions(
  'integer literals meeting tinyint and smallint values are integers',
  [
    ['coalesce of a tinyint column and 0', "coalesce(x, 0) FROM (VALUES TINYINT '1') t(x)", 1, 'integer'],
    ['coalesce of a smallint NULL and 0', 'coalesce(CAST(NULL AS smallint), 0)', 0, 'integer'],
    ['coalesce of 0 and a tinyint', "coalesce(0, TINYINT '1')", 0, 'integer'],
    ['coalesce of a tinyint, 0 and a smallint', "coalesce(x, 0, y) FROM (VALUES (TINYINT '1', SMALLINT '2')) t(x, y)", 1, 'integer'],
    ['CASE of a tinyint column and 99', "CASE WHEN x > 0 THEN x ELSE 99 END FROM (VALUES TINYINT '1') t(x)", 1, 'integer'],
    ['simple CASE of a smallint column and 2', "CASE x WHEN 1 THEN x ELSE 2 END FROM (VALUES SMALLINT '1') t(x)", 1, 'integer'],
    ['CASE of a tinyint literal and 0', "CASE 1 WHEN 1 THEN TINYINT '1' ELSE 0 END", 1, 'integer'],
    ['if of a tinyint column and 99', "if(x > 0, x, 99) FROM (VALUES TINYINT '1') t(x)", 1, 'integer'],
    ['if of 1 and a smallint column', "if(x > 0, 1, x) FROM (VALUES SMALLINT '1') t(x)", 1, 'integer'],
    ['lag of a tinyint with the default 99', "lag(x, 1, 99) OVER (ORDER BY x) FROM (VALUES TINYINT '1') t(x)", 99, 'integer'],
    ['lead of a smallint with the default 99', "lead(x, 1, 99) OVER (ORDER BY x) FROM (VALUES SMALLINT '1') t(x)", 99, 'integer'],
    ['lag of 99 with a tinyint default', "lag(99, 1, x) OVER (ORDER BY x) FROM (VALUES TINYINT '1') t(x)", 1, 'integer'],
    ['a VALUES column of a tinyint and 2', "WITH t(v) AS (VALUES TINYINT '1', 2) SELECT v FROM t ORDER BY v", 1, 'integer'],
    ['a VALUES column of a tinyint, 2 and NULL', "WITH t(v) AS (VALUES TINYINT '1', 2, NULL) SELECT v FROM t ORDER BY v", 1, 'integer'],
    ['a VALUES column of rows', "WITH t(v, w) AS (VALUES (SMALLINT '1', 'a'), (2, 'b')) SELECT v FROM t ORDER BY v", 1, 'integer'],
    ['coalesce(x, 0) * x of a tinyint 100', "coalesce(x, 0) * x FROM (VALUES TINYINT '100') t(x)", 10000, 'integer'],
    ['CASE … ELSE 0 END * x of a tinyint 100', "CASE WHEN x > 0 THEN x ELSE 0 END * x FROM (VALUES TINYINT '100') t(x)", 10000, 'integer'],
    ['coalesce with 99 in a lambda over tinyints', "transform(ARRAY[x], a -> coalesce(a, 99)) FROM (VALUES TINYINT '1') t(x)", [1], 'array(integer)'],
    ['array_remove of a smallint array and 1', "array_remove(ARRAY[x], 1) FROM (VALUES SMALLINT '1') t(x)", [], 'array(integer)'],
    ['array_remove of a tinyint array column and 2', "array_remove(x, 2) FROM (VALUES ARRAY[TINYINT '1', TINYINT '2']) t(x)", [1], 'array(integer)'],
    // Unchanged: literals alone, wider types.
    ['array_remove of a decimal array and 1', 'array_remove(ARRAY[1.5, 2.5], 1)', ['1.5', '2.5'], 'array(decimal(11,1))'],
    ['array_remove of a bigint array and 1', "array_remove(ARRAY[BIGINT '1', 2], 1)", [2], 'array(bigint)'],
    ['coalesce of two integer literals', 'coalesce(1, 2)', 1, 'integer'],
    ['coalesce of a decimal column and 0', "coalesce(x, 0) FROM (VALUES DECIMAL '1.5') t(x)", '1.5', 'decimal(11,1)'],
    ['coalesce of a bigint column and 0', "coalesce(x, 0) FROM (VALUES BIGINT '1') t(x)", 1, 'bigint'],
    ['coalesce of a real column and 0', "coalesce(x, 0) FROM (VALUES REAL '1.5') t(x)", 1.5, 'real'],
    ['a VALUES column of 1.5 and 0', 'WITH t(v) AS (VALUES 1.5, 0) SELECT v FROM t ORDER BY v', '0.0', 'decimal(11,1)'],
    ['if of two integer literals', "if(x > 0, 1, 2) FROM (VALUES TINYINT '1') t(x)", 1, 'integer'],
    ['a VALUES column of integer literals', 'WITH t(v) AS (VALUES (1), (2)) SELECT v FROM t ORDER BY v', 1, 'integer'],
  ],
  [
    [
      'coalesce of a varchar column and 0',
      "coalesce(x, 0) FROM (VALUES 'a') t(x)",
      /All COALESCE operands must be the same type or coercible to a common type/,
    ],
  ],
);
