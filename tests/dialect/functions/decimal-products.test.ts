// a * b of decimals (https://trino.io/docs/current/language/types.html#decimal): Trino's product is decimal(min(38,
// p1 + p2), s1 + s2), an integer counting as decimal(10,0), a bigint as decimal(19,0), a tinyint as decimal(3,0).
// DuckDB keeps a product of two decimals of at most 18 digits in 18 digits, so a price * quantity of DECIMAL(10,2)s was
// decimal(18,4) locally and failed past 18 digits. Values and types are Trino 476's answers.
import { describeFunctions } from './harness.js';

const pairs = 'FROM (VALUES (CAST(1.5 AS decimal(10,2)), CAST(2.25 AS decimal(10,2)))) t(x, y)';

describeFunctions(
  'decimal products keep Trino’s precision',
  [
    ['decimal(10,2) * decimal(10,2)', 'CAST(1.5 AS decimal(10,2)) * CAST(2 AS decimal(10,2))', '3.0000', 'decimal(20,4)'],
    ['a product past 18 digits', 'CAST(99999999.99 AS decimal(10,2)) * CAST(99999999.99 AS decimal(10,2))', '9999999998000000.0001', 'decimal(20,4)'],
    ['decimal * integer literal', 'CAST(1.5 AS decimal(10,2)) * 100', '150.00', 'decimal(20,2)'],
    ['integer literal * decimal', '100 * CAST(1.5 AS decimal(10,2))', '150.00', 'decimal(20,2)'],
    ['decimal * bigint', "CAST(1.5 AS decimal(10,2)) * BIGINT '3'", '4.50', 'decimal(29,2)'],
    ['decimal * tinyint', "CAST(1.5 AS decimal(10,2)) * TINYINT '3'", '4.50', 'decimal(13,2)'],
    ['wide decimals capped at 38 digits', 'CAST(1.5 AS decimal(30,10)) * CAST(2 AS decimal(20,10))', '3.00000000000000000000', 'decimal(38,20)'],
    ['small decimals', 'CAST(1.5 AS decimal(5,2)) * CAST(2 AS decimal(5,2))', '3.0000', 'decimal(10,4)'],
    ['a chain of literals', '1.5 * 2.5 * 3.5 * 4.5', '59.0625', 'decimal(8,4)'],
    ['a NULL decimal', 'CAST(NULL AS decimal(10,2)) * 2', null, 'decimal(20,2)'],
    ['columns', `x * y ${pairs}`, '3.3750', 'decimal(20,4)'],
    ['an aggregate times a literal', 'sum(x) * 2 FROM (VALUES CAST(1.5 AS decimal(10,2))) t(x)', '3.00', 'decimal(38,2)'],
    ['the sum of products', `sum(x * y) ${pairs}`, '3.3750', 'decimal(38,4)'],
    ['an outer reference in a subquery', '(SELECT max(y) * t.x FROM (VALUES 2) u(y)) FROM (VALUES 3) t(x)', 6, 'integer'],
    // `*`, `/` and `%` in HAVING (their shims read the operands in a lambda, which DuckDB's HAVING bound as columns).
    ['a product in HAVING', 'count(x) FROM (VALUES 1, 2) t(x) HAVING CAST(count(x) AS double) * 100 > 1', 2, 'bigint'],
    ['a quotient in HAVING', 'count(x) FROM (VALUES 1, 2) t(x) HAVING sum(x) / count(*) > 0', 2, 'bigint'],
    ['a remainder in HAVING', 'count(x) FROM (VALUES 1, 2) t(x) HAVING sum(x) % 2 = 1', 2, 'bigint'],
    // Other types keep their products.
    ['integers', '2 * 3', 6, 'integer'],
    ['bigint * integer', "BIGINT '2147483647' * 2", 4294967294, 'bigint'],
    ['decimal * double', 'CAST(1.5 AS decimal(10,2)) * 2.5E0', 3.75, 'double'],
    ['real * integer', "REAL '1.5' * 2", 3, 'real'],
    ['interval * integer', "INTERVAL '1' DAY * 2", '2 00:00:00.000', 'interval day to second'],
    ['integer * interval', "2 * INTERVAL '1' HOUR", '0 02:00:00.000', 'interval day to second'],
    ['NULL * integer', 'NULL * 2', null, 'integer'],
  ],
  [
    ['tinyint overflow', "TINYINT '100' * TINYINT '2'", /tinyint multiplication overflow: 100 \* 2/],
    ['integer overflow', '2147483647 * 2', /integer multiplication overflow: 2147483647 \* 2/],
  ],
);
