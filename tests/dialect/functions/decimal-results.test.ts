// Result types of floor, ceil, round, truncate and sign over decimals, as Trino gives them. The rules are Trino's
// MathFunctions signatures (https://trino.io/docs/current/functions/math.html and the decimal type,
// https://trino.io/docs/current/language/types.html#decimal): floor/ceil/ceiling/round(decimal(p,s)) →
// decimal(min(38, p - s + min(s, 1)), 0); truncate(decimal(p,s)) → decimal(max(1, p - s), 0);
// round(decimal(p,s), d) → decimal(min(38, p + 1), s); sign(decimal) → decimal(1,0). The rows from
// docs/trino-oracle.md §10 are the answers Trino 476 printed for the same SQL.
import { describeFunctions } from './harness.js';

describeFunctions('decimal result types', [
  // docs/trino-oracle.md §10
  ['round(decimal, d) gains an integer digit', "round(DECIMAL '1.25', 1)", '1.30', 'decimal(4,2)'],
  ['round(decimal) drops the scale', "round(DECIMAL '1.25')", '1', 'decimal(2,0)'],
  ['round(decimal, 0) keeps the scale', "round(DECIMAL '1.25', 0)", '1.00', 'decimal(4,2)'],
  ['round(decimal(1,1), 1)', "round(DECIMAL '-0.5', 1)", '-0.5', 'decimal(2,1)'],
  ['round of a decimal literal', 'round(2.5, 2)', '2.5', 'decimal(3,1)'],
  ['floor(decimal)', "floor(DECIMAL '1.25')", '1', 'decimal(2,0)'],
  ['sign(decimal) is decimal(1,0)', "sign(DECIMAL '-1.5')", '-1', 'decimal(1,0)'],
  ['sign of a decimal with no integer digits', "sign(DECIMAL '0.0001')", '1', 'decimal(1,0)'],
  // the same rules elsewhere
  ['round(decimal) half away from zero gains a digit', "round(x) FROM (VALUES DECIMAL '9.5') t(x)", '10', 'decimal(2,0)'],
  ['round(decimal) below zero', "round(DECIMAL '-9.5')", '-10', 'decimal(2,0)'],
  ['round(decimal, d) that carries', "round(DECIMAL '9.95', 1)", '10.00', 'decimal(4,2)'],
  ['ceil(decimal) below zero', "ceil(DECIMAL '-1.25')", '-1', 'decimal(2,0)'],
  ['ceiling(decimal)', "ceiling(DECIMAL '1.25')", '2', 'decimal(2,0)'],
  ['floor of a decimal(p,0) keeps p', 'floor(CAST(12345 AS DECIMAL(5,0)))', '12345', 'decimal(5,0)'],
  ['floor of a decimal with no integer digits', "floor(DECIMAL '0.75')", '0', 'decimal(1,0)'],
  ['floor of sum(decimal) caps at 38 digits', "floor(sum(x)) FROM (VALUES DECIMAL '9.5') t(x)", '9', 'decimal(38,0)'],
  ['ceil inside a lambda', "transform(ARRAY[DECIMAL '1.5'], y -> ceil(y))", ['2'], 'array(decimal(2,0))'],
  ['floor of floor', "floor(floor(DECIMAL '12.5'))", '12', 'decimal(3,0)'],
  ['truncate(decimal) is one digit narrower than floor', "truncate(DECIMAL '1.98')", '1', 'decimal(1,0)'],
  ['truncate(decimal) with no integer digits', "truncate(DECIMAL '0.9')", '0', 'decimal(1,0)'],
  ['truncate(decimal(p,0))', 'truncate(CAST(12345 AS DECIMAL(5,0)))', '12345', 'decimal(5,0)'],
  ['truncate(decimal, n) keeps the type', "truncate(DECIMAL '1.98', 1)", '1.90', 'decimal(3,2)'],
  // Found by the oracle's random expressions (seed 20261205, case 2481; Trino 476's answers): exact past 15 digits,
  // towards zero, a NULL stays NULL.
  [
    'truncate(decimal, n) is exact past 15 digits',
    "truncate((DECIMAL '0.005' + DECIMAL '12345678901234567.89'), -1)",
    '12345678901234560.000',
    'decimal(21,3)',
  ],
  ['truncate(decimal, n) goes towards zero', "truncate(DECIMAL '-12345678901234567.895', 2)", '-12345678901234567.890', 'decimal(20,3)'],
  ['truncate(decimal, n) past the integer digits is 0', "truncate(DECIMAL '99.99', -5)", '0.00', 'decimal(4,2)'],
  ['truncate(decimal, n) of NULL', 'truncate(CAST(NULL AS decimal(5,2)), 1)', null, 'decimal(5,2)'],
  // Java's Math.signum keeps a signed zero (seed 20261205, case 492: Trino 476 answers 8000000000000000).
  ['sign(-0.0) is -0.0', "to_ieee754_64(sign(DOUBLE '-0.0'))", '8000000000000000', 'varbinary'],
  ['round(avg(decimal), 1)', "round(avg(x), 1) FROM (VALUES DECIMAL '1.25', DECIMAL '2.5') t(x)", '1.90', 'decimal(4,2)'],
  // other types keep theirs, exactly
  ['floor of a bigint beyond 2^53 stays exact', 'floor(9007199254740993)', 9007199254740993n, 'bigint'],
  ['ceil of a tinyint', "ceil(TINYINT '5')", 5, 'tinyint'],
  ['round of an integer', 'round(7)', 7, 'integer'],
  ['round(double) is Java Math.round', 'round(2.5E0)', 3, 'double'],
  ['round(real)', "round(REAL '2.5')", 3, 'real'],
  ['sign of a bigint', "sign(BIGINT '-5')", -1, 'bigint'],
  ['sign of NaN is NaN', 'sign(nan())', Number.NaN, 'double'],
  ['floor of a typed NULL decimal', 'floor(CAST(NULL AS DECIMAL(5,2)))', null, 'decimal(4,0)'],
]);
