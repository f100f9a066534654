// `||` and concat() take varchar (or array) operands on Athena: Trino 476 fails `'x' || 1`, `1 || 'x'`, `2 || 3` and
// `concat('x', 1)` with FUNCTION_NOT_FOUND ("Unexpected parameters (varchar(1), integer) for function concat",
// https://trino.io/docs/current/functions/string.html#concat, confirmed on scripts/trino.sh). DuckDB would answer
// 'x1', so the translator refuses them at the operator's position (lake lint reports the same). CAST(1 AS varchar)
// of an integer literal answers '1' (https://trino.io/docs/current/functions/conversion.html).
import { describeFunctions } from './harness.js';

const REFUSED = /\[unfaithful\/concat-types\]/;

describeFunctions(
  'string concatenation operands and CAST to varchar',
  [
    ['CAST of an integer literal to varchar', 'CAST(1 AS VARCHAR)', '1', 'varchar'],
    ['|| with a cast number', "'x' || CAST(1 AS VARCHAR)", 'x1', 'varchar'],
    ['|| of string literals', "'a' || 'b' || 'c'", 'abc', 'varchar'],
    ['|| of a typed varchar literal', "VARCHAR 'a' || 'b'", 'ab', 'varchar'],
    ['|| of arrays', 'ARRAY[1] || ARRAY[2]', [1, 2], 'array(integer)'],
    ['concat of strings', "concat('a', 'b', 'c')", 'abc', 'varchar'],
  ],
  [
    ['varchar || integer', "'x' || 1", REFUSED],
    ['integer || varchar', "1 || 'x'", REFUSED],
    ['negative number || varchar', "-1 || 'x'", REFUSED],
    ['varchar || decimal', "'x' || DECIMAL '1.5'", REFUSED],
    ['date || varchar', "DATE '2025-01-01' || 'x'", REFUSED],
    ['varchar || boolean', "'x' || true", REFUSED],
    ['the last operand of a chain', "'a' || 'b' || 2", REFUSED],
    ['integer || integer', '2 || 3', REFUSED],
    ['concat of varchar and integer', "concat('x', 1)", REFUSED],
  ],
);
