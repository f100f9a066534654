// a + b and a - b of decimals (https://trino.io/docs/current/language/types.html#decimal): Trino's sum is
// decimal(min(38, 1 + max(p1 - s1, p2 - s2) + max(s1, s2)), max(s1, s2)), an integer counting as decimal(10,0), a
// bigint as decimal(19,0), a tinyint as decimal(3,0). DuckDB keeps a sum of two decimals of at most 18 digits in 18
// digits, so DECIMAL(18,2) + DECIMAL(18,2) was decimal(18,2) locally and failed past 18 digits. Values and types are
// Trino 476's answers (`lake sql --engine trino`).
import { describeFunctions } from './harness.js';

const edge = 'CAST(9999999999999999.99 AS decimal(18,2))';
const pairs = `FROM (VALUES (${edge}, CAST(0.01 AS decimal(18,2)))) t(x, y)`;
const one = `FROM (VALUES ${edge}) t(x)`;
const dates = "FROM (VALUES (DATE '2020-01-01', DATE '2020-01-05')) t(a, b)";

describeFunctions(
  'decimal sums and differences keep Trino’s precision',
  [
    ['decimal(18,2) + decimal(18,2) past 18 digits', `${edge} + CAST(0.01 AS decimal(18,2))`, '10000000000000000.00', 'decimal(19,2)'],
    ['decimal(18,2) + decimal(18,2)', 'CAST(1.5 AS decimal(18,2)) + CAST(0.01 AS decimal(18,2))', '1.51', 'decimal(19,2)'],
    ['decimal(18,2) - decimal(18,2) past 18 digits', `-${edge} - CAST(0.01 AS decimal(18,2))`, '-10000000000000000.00', 'decimal(19,2)'],
    ['decimal(17,2) + decimal(18,2)', 'CAST(1.5 AS decimal(17,2)) + CAST(1.5 AS decimal(18,2))', '3.00', 'decimal(19,2)'],
    ['decimal(18,0) + decimal(18,18)', 'CAST(1.5 AS decimal(18,0)) + CAST(0.5 AS decimal(18,18))', '2.500000000000000000', 'decimal(37,18)'],
    ['decimal + integer literal', 'CAST(1.5 AS decimal(18,2)) + 3', '4.50', 'decimal(19,2)'],
    ['integer literal - decimal', '5 - CAST(1.5 AS decimal(18,2))', '3.50', 'decimal(19,2)'],
    ['decimal - integer literal', 'CAST(1.5 AS decimal(18,2)) - 5', '-3.50', 'decimal(19,2)'],
    ['a NULL decimal + integer', 'CAST(NULL AS decimal(18,2)) + 1', null, 'decimal(19,2)'],
    ['NULL + decimal literal', 'NULL + 1.5', null, 'decimal(3,1)'],
    ['columns', `x + y ${pairs}`, '10000000000000000.00', 'decimal(19,2)'],
    ['columns subtracted', `x - (-y) ${pairs}`, '10000000000000000.00', 'decimal(19,2)'],
    ['column + integer', `x + 1 ${one}`, '10000000000000000.99', 'decimal(19,2)'],
    ['a chain of columns', `x + x + x ${one}`, '29999999999999999.97', 'decimal(20,2)'],
    ['NULL + column', `NULL + x ${one}`, null, 'decimal(19,2)'],
    ['column + tinyint column', `x + y FROM (VALUES (CAST(1 AS decimal(18,2)), TINYINT '1')) t(x, y)`, '2.00', 'decimal(19,2)'],
    ['the sum of sums', `sum(x + y) ${pairs}`, '10000000000000000.00', 'decimal(38,2)'],
    ['aggregates added', `max(x) + max(y) ${pairs}`, '10000000000000000.00', 'decimal(19,2)'],
    [
      'an outer reference in a subquery',
      `(SELECT max(y) + t.x FROM (VALUES CAST(0.01 AS decimal(18,2))) u(y)) ${one}`,
      '10000000000000000.00',
      'decimal(19,2)',
    ],
    // An outer reference is typed only inside the shim's lambda (not where DuckDB picks an overload).
    ['an outer reference + a column', `(SELECT t.x + y FROM (VALUES CAST(0.01 AS decimal(18,2))) u(y)) ${one}`, '10000000000000000.00', 'decimal(19,2)'],
    ['a lambda', `transform(ARRAY[${edge}], v -> v + CAST(0.01 AS decimal(18,2)))`, ['10000000000000000.00'], 'array(decimal(19,2))'],
    // avg types its argument in a subquery where the columns are outer references (function-rewrites.ts).
    ['avg of a product', 'avg(x * 2) FROM (VALUES CAST(1.5 AS decimal(10,2)), CAST(2.25 AS decimal(10,2))) t(x)', '3.75', 'decimal(20,2)'],
    ['avg of a product of columns', 'avg(x * y) FROM (VALUES (CAST(1.5 AS decimal(10,2)), CAST(2.25 AS decimal(10,2)))) t(x, y)', '3.3750', 'decimal(20,4)'],
    ['negated', `-(x + y) ${pairs}`, '-10000000000000000.00', 'decimal(19,2)'],
    // Types DuckDB already computed as Trino does.
    ['decimal(10,2) + integer', 'CAST(1.5 AS decimal(10,2)) + 3', '4.50', 'decimal(13,2)'],
    ['decimal(18,2) + bigint', "CAST(1.5 AS decimal(18,2)) + BIGINT '3'", '4.50', 'decimal(22,2)'],
    ['wide decimals', 'CAST(1.5 AS decimal(37,2)) + CAST(1.5 AS decimal(38,10))', '3.0000000000', 'decimal(38,10)'],
    ['decimal + double', 'CAST(1.5 AS decimal(18,2)) + 1.5E0', 3, 'double'],
    ['decimal + real', "CAST(1.5 AS decimal(18,2)) + REAL '1.5'", 3, 'real'],
    ['unary minus keeps the type', `-x ${one}`, '-9999999999999999.99', 'decimal(18,2)'],
    ['an aggregate - decimal literal', 'sum(x) - 1.5 FROM (VALUES 1, 2) t(x)', '1.5', 'decimal(21,1)'],
    // Other types keep DuckDB's add() and subtract().
    ['integers', '1 + 2', 3, 'integer'],
    ['smallint column + integer', "x + 1 FROM (VALUES SMALLINT '32767') t(x)", 32768, 'integer'],
    ['tinyint - bigint columns', "x - y FROM (VALUES (TINYINT '1', BIGINT '1')) t(x, y)", 0, 'bigint'],
    ['doubles', 'x + 0.1 FROM (VALUES 0.2E0) t(x)', 0.30000000000000004, 'double'],
    ['date columns subtracted', `b - a ${dates}`, '4 00:00:00.000', 'interval day to second'],
    ['aggregates of dates subtracted', `max(b) - min(a) ${dates}`, '4 00:00:00.000', 'interval day to second'],
    ['date - NULL', "DATE '2020-01-01' - NULL", null, 'date'],
    ['NULL - timestamp', "NULL - TIMESTAMP '2020-01-01 00:00:00'", null, 'interval day to second'],
    [
      'timestamp column + interval column',
      "ts + i FROM (VALUES (TIMESTAMP '2020-01-01 10:00:00.123', INTERVAL '1' DAY)) t(ts, i)",
      '2020-01-02 10:00:00.123',
      'timestamp(3)',
    ],
    ['interval columns', "i + i FROM (VALUES INTERVAL '1' DAY) t(i)", '2 00:00:00.000', 'interval day to second'],
  ],
  [
    ['a sum past 38 digits', `CAST(999999999999999999999999999999999999.99 AS decimal(38,2)) + CAST(0.01 AS decimal(18,2))`, /^Decimal overflow/],
    ['integer overflow', 'x + y FROM (VALUES (2147483647, 1)) t(x, y)', /integer addition overflow: 2147483647 \+ 1/],
    ['varchar + integer', "x + y FROM (VALUES ('a', 1)) t(x, y)", /Cannot apply operator: varchar \+ integer/],
    ['varchar - integer', "x - y FROM (VALUES ('a', 1)) t(x, y)", /Cannot apply operator: varchar - integer/],
  ],
);
