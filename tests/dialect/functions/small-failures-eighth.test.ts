// Small local failures where Trino 476 answers, eighth pass (docs/issue-15-audit.md "Small failures, eighth pass").
// Every value and type below is the shared Trino 476's answer to the same SQL.
import { describeFunctions } from './harness.js';

// A shim's failure typed like a NULL-typed witness (greatest of unknowns, histogram of a NULL column): cast_to_type
// refused to cast to NULL while binding; trino_fail_as (macros.ts) types the failure as an index into [witness].
describeFunctions(
  'NULL-typed arguments of shims that type a failure like their argument',
  [
    ['greatest of two NULLs', 'greatest(NULL, NULL)', null, 'unknown'],
    ['least of two NULLs', 'least(NULL, NULL)', null, 'unknown'],
    ['greatest of a NULL-typed column', 'greatest(x, x) FROM (VALUES NULL) t(x)', null, 'unknown'],
    ['greatest in a correlated subquery', '(SELECT greatest(t.x, NULL)) FROM (VALUES NULL) t(x)', null, 'unknown'],
    ['greatest of an integer column and NULL', 'greatest(x, NULL) FROM (VALUES 1) t(x)', null, 'integer'],
    ['histogram of a NULL-typed column', 'histogram(x) FROM (VALUES NULL) t(x)', null, 'map(unknown, bigint)'],
    ['histogram of a NULL column from a subquery', 'histogram(x) FROM (SELECT NULL x) t', null, 'map(unknown, bigint)'],
    ['bitwise_left_shift of NULL (its tinyint form)', 'bitwise_left_shift(NULL, 1)', null, 'tinyint'],
    ['bitwise_right_shift_arithmetic of a NULL-typed column', 'bitwise_right_shift_arithmetic(x, 1) FROM (VALUES NULL) t(x)', null, 'tinyint'],
    ['bitwise_right_shift in a correlated subquery', '(SELECT bitwise_right_shift(t.x, 1)) FROM (VALUES NULL) t(x)', null, 'tinyint'],
    ['date_add of a NULL count', "date_add('day', NULL, DATE '2024-01-01')", null, 'date'],
    ['date_add of a NULL-typed column count', "date_add('day', x, DATE '2024-01-01') FROM (VALUES NULL) t(x)", null, 'date'],
    ['max_by of a NULL-typed value and key', 'max_by(x, x) FROM (VALUES NULL) t(x)', null, 'unknown'],
    ['min_by of a NULL-typed value by an integer key', 'min_by(x, y) FROM (VALUES (NULL, 1)) t(x, y)', null, 'unknown'],
    ['max_by of a NULL-typed value over a window', 'max_by(x, y) OVER () FROM (VALUES (NULL, 1)) t(x, y)', null, 'unknown'],
    ['lag of a NULL-typed column with a NULL default', 'lag(x, 1, NULL) OVER (ORDER BY y) FROM (VALUES (NULL, 1)) t(x, y)', null, 'unknown'],
    ['lead of a NULL-typed column defaulting to itself', 'lead(x, 1, x) OVER (ORDER BY y) FROM (VALUES (NULL, 1)) t(x, y)', null, 'unknown'],
    [
      'lag of integers with a decimal default (the common type still applies)',
      'array_agg(v) FROM (SELECT lag(x, 1, 0.5) OVER (ORDER BY x) v FROM (VALUES 1, 2) t(x))',
      ['0.5', '1.0'],
      'array(decimal(11,1))',
    ],
    ['histogram of doubles holding NaN (the NaN key still binds)', 'cardinality(histogram(x)) FROM (VALUES nan(), 1e0, nan()) t(x)', 2, 'bigint'],
  ],
  [['date_add of a count past an int still fails', "date_add('day', x, DATE '2024-01-01') FROM (VALUES 3000000000) t(x)", /integer overflow/]],
);

// multimap_agg over rows whose keys are all NULL: Trino 476's NULL, where the local answer was {} (silent).
describeFunctions('multimap_agg of NULL keys', [
  ['all keys NULL', 'multimap_agg(x, y) FROM (VALUES (CAST(NULL AS integer), 1)) t(x, y)', null, 'map(integer, array(integer))'],
  ['a NULL-typed key column', 'multimap_agg(x, x) FROM (VALUES NULL) t(x)', null, 'map(unknown, array(unknown))'],
  [
    'a NULL key beside others is skipped',
    'element_at(multimap_agg(x, y), 2) FROM (VALUES (CAST(NULL AS integer), 1), (2, 3), (2, NULL)) t(x, y)',
    [3, null],
    'array(integer)',
  ],
]);

// ORDER BY a constant that is no select-list position sorts by nothing in Trino; DuckDB's binder refused it.
describeFunctions('ORDER BY a non-integer constant', [
  ['ORDER BY NULL, x', 'WITH t(x) AS (VALUES 2, 1) SELECT x FROM t ORDER BY NULL, x', 1, 'integer'],
  ['ORDER BY NULL, x DESC after GROUP BY', 'WITH t(x) AS (VALUES 2, 1) SELECT x, count(*) c FROM t GROUP BY x ORDER BY NULL, x DESC', 2, 'integer'],
  ["ORDER BY 'a', x DESC", "WITH t(x) AS (VALUES 1, 2) SELECT x FROM t ORDER BY 'a', x DESC", 2, 'integer'],
]);

// A built-in over arguments of no overload fails in Trino 476 with FUNCTION_NOT_FOUND naming the function the user
// called; DuckDB named its own (string_split) and listed its candidates. (Trino writes varchar(1) for a literal.)
describeFunctions(
  'a built-in over arguments of no overload',
  [],
  [
    ['split of an integer delimiter', "split(x, 1) FROM (VALUES 'a-b') t(x)", /^Unexpected parameters \(varchar, integer\) for function split$/],
    ['split of a decimal', "split(x, ',') FROM (VALUES 1.25) t(x)", /^Unexpected parameters \(decimal\(3,2\), varchar\) for function split$/],
    ['lower of a date', "lower(DATE '2024-01-01')", /^Unexpected parameters \(date\) for function lower$/],
  ],
);

// A query's ORDER BY -1 is a position to Trino 476, which fails; DuckDB sorted by the constant (rows as they came).
// Refused while translating (lint: unfaithful/order-by-position at the minus). An aggregate's or a window's ORDER BY
// -1 is a constant in both engines.
describeFunctions(
  'ORDER BY a negative position',
  [
    ['array_agg(x ORDER BY -1) is a constant key', 'array_agg(x ORDER BY -1) FROM (VALUES 2, 1) t(x)', [2, 1], 'array(integer)'],
    ['ORDER BY -x is an expression', 'WITH t(x) AS (VALUES 1, 2) SELECT x FROM t ORDER BY -x', 2, 'integer'],
  ],
  [
    ['ORDER BY -1', 'x FROM (VALUES 2, 1) t(x) ORDER BY -1', /1:43: error \[unfaithful\/order-by-position\].*ORDER BY position -1 is not in select list/],
    [
      'ORDER BY x, - 2 DESC in a subquery',
      '* FROM (SELECT x FROM (VALUES 2, 1) t(x) ORDER BY x, - 2 DESC LIMIT 1)',
      /ORDER BY position -2 is not in select list/,
    ],
  ],
);
