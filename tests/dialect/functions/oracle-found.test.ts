// Differences the differential oracle (`npm run test:trino`, docs/trino-oracle.md) found between the local engine and
// Trino 476, kept fixed here without Java: each case is Trino's value and type, or Trino's failure, as the oracle
// printed it. The row numbers are those of docs/trino-oracle.md.
import { describeFunctions } from './harness.js';

describeFunctions(
  'differences the oracle found',
  [
    // Row 28. Trino's round(integer, -n) rounds half away from zero and keeps the type
    // (https://trino.io/docs/current/functions/math.html, round(x, d): "the return type is the same as x").
    ['round(integer, -1) half away from zero', 'round(15, -1)', 20, 'integer'],
    ['round(negative integer, -1)', 'round(-15, -1)', -20, 'integer'],
    ['round(smallint, -1) stays a smallint', "round(SMALLINT '-7', -1)", -10, 'smallint'],
    ['round(bigint, -1) near the top', "round(BIGINT '9223372036854775800', -1)", 9223372036854775800n, 'bigint'],
    // Row 20. An integer literal is an integer (https://trino.io/docs/current/language/types.html, "integer": literals
    // of this type are written as numbers), so tinyint/smallint arithmetic with one is integer arithmetic.
    ['1 - TINYINT is an integer', "1 - TINYINT '-3'", 4, 'integer'],
    ['SMALLINT + 1 is an integer', "SMALLINT '5' + 1", 6, 'integer'],
    ['a tinyint column times 2 does not overflow a tinyint', "x * 2 FROM (VALUES TINYINT '100') t(x)", 200, 'integer'],
    ['a negated tinyint minus 1', "-x - 1 FROM (VALUES TINYINT '100') t(x)", -101, 'integer'],
    ['ARRAY[TINYINT, 1] is an array(integer)', "ARRAY[TINYINT '-3', 1]", [-3, 1], 'array(integer)'],
    ['array_except(ARRAY[TINYINT], ARRAY[-1])', "array_except(ARRAY[TINYINT '-3'], ARRAY[-1])", [-3], 'array(integer)'],
    // array_except/array_intersect(array(E1), array(E2)) coerce both to a common element type, as the oracle shows.
    ['array_except(array(integer), array(bigint)) is array(bigint)', "array_except(ARRAY[-1], ARRAY[0, BIGINT '-9223372036854775808'])", [-1], 'array(bigint)'],
    ['array_intersect(array(integer), array(bigint)) is array(bigint)', "array_intersect(ARRAY[-1, 2], ARRAY[BIGINT '2'])", [2], 'array(bigint)'],
    // Found by the generator (seed 20261205); Trino 476's answers.
    ['bitwise_right_shift of NULL is NULL', 'bitwise_right_shift(CAST(NULL AS integer), 63)', null, 'integer'],
    ['bitwise_left_shift of NULL is NULL', 'bitwise_left_shift(CAST(NULL AS bigint), 64)', null, 'bigint'],
    ['bitwise_right_shift_arithmetic by NULL is NULL', 'bitwise_right_shift_arithmetic(-1, CAST(NULL AS integer))', null, 'integer'],
    ['map_concat with a NULL map is NULL', "map_concat(CAST(NULL AS map(varchar, integer)), MAP(ARRAY['a', 'b'], ARRAY[1, 2]))", null, 'map(varchar, integer)'],
    [
      'map_concat keeps the last value of a key',
      "map_concat(MAP(ARRAY['a'], ARRAY[1]), MAP(ARRAY['a', 'b'], ARRAY[2, 3]))",
      { a: 2, b: 3 },
      'map(varchar, integer)',
    ],
    ['from_hex of an even number of digits', "from_hex('0aFF')", '0aff', 'varbinary'],
    ['a map of a tinyint and 1', "MAP(ARRAY['a', 'b'], ARRAY[TINYINT '-3', -1])", { a: -3, b: -1 }, 'map(varchar, integer)'],
    ['ARRAY of a tinyint column and 1', "ARRAY[x, 1] FROM (VALUES TINYINT '100') t(x)", [100, 1], 'array(integer)'],
  ],
  [
    // Row 28: DuckDB's round wrapped around (round(2147483647, -1) was -2147483646); Trino 476 fails.
    ['round(2147483647, -1) overflows', 'round(2147483647, -1)', /overflow|out of range/i],
    ['round(-2147483645, -1) overflows', 'round(-2147483645, -1)', /overflow|out of range/i],
    ['round(smallint) past its range', "round(SMALLINT '32765', -1)", /Out of range for smallint: 32770/],
    // Trino 476: from_hex('1') fails "invalid input length 1" (DuckDB's unhex read it as 0x01).
    ['from_hex of an odd number of digits', "from_hex('1')", /invalid input length 1/],
  ],
);
