// A decimal made a real or a double implicitly (docs/issue-15-audit.md, "Decimals made real or double implicitly …
// branch dec37"): Trino 476 takes the real or double nearest the decimal's value (one rounding), where DuckDB's implicit
// cast rounded twice (DECIMAL '16777217.5' + REAL '0' was 16777216). Every value and type below is Trino 476's answer,
// asked of the shared Trino.
import { describeFunctions } from './functions/harness.js';

describeFunctions('a decimal beside a real or a double in an operator is the nearest real or double', [
  ['decimal + real', "DECIMAL '16777217.5' + REAL '0'", 16777218, 'real'],
  ['real + decimal', "REAL '0' + DECIMAL '16777217.5'", 16777218, 'real'],
  ['a decimal column + real', "d + REAL '0' FROM (VALUES DECIMAL '16777217.5') t(d)", 16777218, 'real'],
  ['a decimal column - real', "d - REAL '0' FROM (VALUES DECIMAL '16777217.5') t(d)", 16777218, 'real'],
  ['a decimal column * real', "d * REAL '1' FROM (VALUES DECIMAL '16777217.5') t(d)", 16777218, 'real'],
  ['a decimal column / real', "d / REAL '1' FROM (VALUES DECIMAL '16777217.5') t(d)", 16777218, 'real'],
  ['a decimal column % real', "d % REAL '16777219' FROM (VALUES DECIMAL '16777217.5') t(d)", 16777218, 'real'],
  ['an aggregate of decimals + real', "sum(d) + REAL '0' FROM (VALUES DECIMAL '16777217.5') t(d)", 16777218, 'real'],
  [
    'over a column, negative and NULL',
    "WITH t(d) AS (VALUES DECIMAL '16777217.5', DECIMAL '-16777217.5', NULL) SELECT array_join(array_agg(CAST(d + REAL '0' AS varchar) ORDER BY d), ',', 'null') FROM t",
    '-1.677722E7,1.677722E7,null',
    'varchar',
  ],
  ['a decimal of more than 15 digits + double', "DECIMAL '9007199254740993.0000000001' + DOUBLE '0'", 9007199254740994, 'double'],
  ['double - a decimal of more than 15 digits', "DOUBLE '0' - DECIMAL '9007199254740993.0000000001'", -9007199254740994, 'double'],
  ['a decimal of more than 15 digits / double', "DECIMAL '9007199254740993.0000000001' / DOUBLE '1'", 9007199254740994, 'double'],
  [
    'a decimal column of more than 15 digits * double',
    "WITH t(d) AS (VALUES DECIMAL '9007199254740993.0000000001', NULL) SELECT array_join(array_agg(CAST(d * DOUBLE '1' AS varchar) ORDER BY d), ',', 'null') FROM t",
    '9.007199254740994E15,null',
    'varchar',
  ],
  // Unchanged: DuckDB's cast is exact for these (a double holds 15 digits; a real 7).
  ['a decimal of 9 digits + double', "DECIMAL '16777217.5' + DOUBLE '0'", 16777217.5, 'double'],
  ['a decimal(9,1) of a small value + real', "CAST(DECIMAL '1.5' AS decimal(9,1)) + REAL '1'", 2.5, 'real'],
  ['a decimal + an integer stays a decimal', "DECIMAL '1.5' + 1", '2.5', 'decimal(12,1)'],
]);
