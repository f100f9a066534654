// Inputs where Trino 476 answers with Java's arithmetic and DuckDB failed or answered otherwise: shifts by a negative
// count (Java's long shift keeps the count's low six bits), an integer remainder by -1 at the type's minimum,
// trigonometry of ±Infinity and asin/acos outside [-1, 1] (NaN), luhn_check of '' and of non-digits, the bits of a
// NaN. Every value, type and error is the shared Trino 476's answer.
import { describeFunctions } from './harness.js';

describeFunctions(
  'Java arithmetic edges',
  [
    // Shifts: locally "Cannot left-shift by negative number" (left and logical right) and 0 (arithmetic right, silent).
    ['left shift of a bigint by -1 is a shift by 63', "bitwise_left_shift(BIGINT '1', -1)", -9223372036854775808n, 'bigint'],
    ['left shift of a bigint by -63 is a shift by 1', "bitwise_left_shift(BIGINT '3', -63)", 6, 'bigint'],
    ['left shift of an integer by -30 is a shift by 34', 'bitwise_left_shift(5, -30)', 0, 'integer'],
    ['left shift by -64 is a shift by 0', 'bitwise_left_shift(5, -64)', 5, 'integer'],
    ['left shift by -100 is a shift by 28', 'bitwise_left_shift(x, n) FROM (VALUES (5, -100)) t(x, n)', 1342177280, 'integer'],
    ['left shift of a tinyint by -1', "bitwise_left_shift(TINYINT '1', -1)", 0, 'tinyint'],
    ['logical right shift of a bigint by -1', "bitwise_right_shift(BIGINT '-8', -1)", 1, 'bigint'],
    ['logical right shift of a bigint by -62', "bitwise_right_shift(BIGINT '-8', -62)", 4611686018427387902n, 'bigint'],
    ['logical right shift of an integer by -100', 'bitwise_right_shift(x, n) FROM (VALUES (-8, -100)) t(x, n)', 15, 'integer'],
    ['logical right shift of a tinyint by -1', "bitwise_right_shift(TINYINT '-8', -1)", 0, 'tinyint'],
    ['arithmetic right shift of a bigint by -1', "bitwise_right_shift_arithmetic(BIGINT '-8', -1)", -1, 'bigint'],
    ['arithmetic right shift of an integer by -31', 'bitwise_right_shift_arithmetic(x, n) FROM (VALUES (-8, -31)) t(x, n)', -1, 'integer'],
    ['arithmetic right shift of a tinyint by -7', "bitwise_right_shift_arithmetic(TINYINT '-8', -7)", -1, 'tinyint'],
    ['arithmetic right shift of a bigint by -62', "bitwise_right_shift_arithmetic(BIGINT '8', -62)", 2, 'bigint'],
    ['arithmetic right shift of an integer by -100', 'bitwise_right_shift_arithmetic(8, -100)', 0, 'integer'],
    // Remainders by -1: locally "Overflow in division of -2147483648 / -1".
    ['integer minimum % -1', 'x % y FROM (VALUES (-2147483648, -1)) t(x, y)', 0, 'integer'],
    ['mod of the integer minimum by -1', 'mod(x, y) FROM (VALUES (-2147483648, -1)) t(x, y)', 0, 'integer'],
    ['mod of the tinyint minimum by -1', "mod(TINYINT '-128', TINYINT '-1')", 0, 'tinyint'],
    ['mod of the smallint minimum by -1', "mod(SMALLINT '-32768', SMALLINT '-1')", 0, 'smallint'],
    ['mod of the bigint minimum by -1', "mod(BIGINT '-9223372036854775808', -1)", 0, 'bigint'],
    ['a decimal % -1 keeps its fraction', '7.5 % -1', '0.5', 'decimal(2,1)'],
    ['a double % -1 keeps its fraction', '7.5E0 % -1', 0.5, 'double'],
    ['NULL % -1', 'x % -1 FROM (VALUES CAST(NULL AS integer)) t(x)', null, 'integer'],
    // Trigonometry: locally "input value inf is out of range", "ASIN is undefined outside [-1,1]".
    ['sin of Infinity', 'sin(infinity())', Number.NaN, 'double'],
    ['cos of -Infinity', 'cos(x) FROM (VALUES -infinity()) t(x)', Number.NaN, 'double'],
    ['tan of Infinity', 'tan(infinity())', Number.NaN, 'double'],
    ['asin of 2', 'asin(x) FROM (VALUES 2E0) t(x)', Number.NaN, 'double'],
    ['acos of -1.5', 'acos(-1.5)', Number.NaN, 'double'],
    ['asin of Infinity', 'asin(infinity())', Number.NaN, 'double'],
    ['sin of a finite double', 'sin(x) FROM (VALUES 2E0) t(x)', 0.9092974268256817, 'double'],
    ['asin inside the range', 'asin(0.5)', 0.5235987755982989, 'double'],
    ['acos of a real', "acos(x) FROM (VALUES REAL '0.25') t(x)", 1.318116071652818, 'double'],
    ['tan of the bigint maximum', "tan(x) FROM (VALUES BIGINT '9223372036854775807') t(x)", 84.73931296875567, 'double'],
    ['sin of NULL', 'sin(x) FROM (VALUES CAST(NULL AS double)) t(x)', null, 'double'],
    // to_ieee754_64: Java's Double.doubleToLongBits writes every NaN as 7ff8…; locally -nan() kept its sign bit.
    ['to_ieee754_64 of -nan()', 'to_ieee754_64(-nan())', '7ff8000000000000', 'varbinary'],
    ['to_ieee754_64 of a computed NaN', 'to_ieee754_64(-x) FROM (VALUES nan()) t(x)', '7ff8000000000000', 'varbinary'],
    ['to_ieee754_64 of -0.0 keeps the sign', 'to_ieee754_64(-0E0)', '8000000000000000', 'varbinary'],
    // luhn_check: locally "Cannot cast '' to INT".
    ['luhn_check of the empty text', "luhn_check('')", false, 'boolean'],
    ['luhn_check of a valid number', "luhn_check(s) FROM (VALUES '79927398713') t(s)", true, 'boolean'],
    ['luhn_check of an invalid number', "luhn_check(s) FROM (VALUES '79927398710') t(s)", false, 'boolean'],
    ['luhn_check of NULL', 'luhn_check(s) FROM (VALUES CAST(NULL AS varchar)) t(s)', null, 'boolean'],
  ],
  [
    // Trino writes a real NaN's raw bits (ffc00000 for CAST(log(-2e0, 0.0) AS real), where DuckDB's NaN is 7fc00000).
    [
      'to_ieee754_32 of a NaN is refused',
      'to_ieee754_32(CAST(log(x, 0.0) AS real)) FROM (VALUES -2E0) t(x)',
      /to_ieee754_32\(\) of a NaN is not supported locally/,
    ],
    ['luhn_check of a space', "luhn_check(s) FROM (VALUES '1 2') t(s)", /Input contains non-digit character/],
    ['luhn_check of an Arabic-Indic digit', "luhn_check('٣')", /Input contains non-digit character/],
  ],
);
