// A decimal that meets a real or a double in one type (CASE, ARRAY[…], greatest, least, coalesce, IF, VALUES, =, IN,
// BETWEEN): Trino 476 takes the real or double nearest the decimal (one rounding), DuckDB's implicit cast rounded twice
// (docs/issue-15-audit.md, "Decimals made real or double implicitly … branch dec37"). Where the SQL shows both types
// (literals) the decimal is read as that type (translate/floating-decimals.ts); where a decimal column of more digits
// than the real (7) or double (15) holds meets one, the construct is refused while binding
// (translate/decimal-common-type.ts floatingCheck). Every value and type below is Trino 476's answer, asked of the
// shared Trino; the refused queries answer there (the value is in each case's name).
import { describeFunctions } from './functions/harness.js';

describeFunctions(
  'a decimal literal beside a real or double literal is the nearest real or double',
  [
    ['CASE', "CASE WHEN 1 > 2 THEN REAL '1.5' ELSE DECIMAL '16777217.5' END", 16777218, 'real'],
    ['ARRAY[…]', "element_at(ARRAY[REAL '1.5', DECIMAL '16777217.5'], 2)", 16777218, 'real'],
    ['greatest', "greatest(DECIMAL '16777217.5', REAL '1')", 16777218, 'real'],
    ['least of a negative number literal', "least(-16777217.5, REAL '1')", -16777218, 'real'],
    ['coalesce', "coalesce(DECIMAL '16777217.5', REAL '1')", 16777218, 'real'],
    ['IF', "IF(1 < 2, DECIMAL '16777217.5', REAL '1')", 16777218, 'real'],
    ['a VALUES column', "WITH t(x) AS (VALUES REAL '1.5', DECIMAL '16777217.5') SELECT max(x) FROM t", 16777218, 'real'],
    ['a VALUES column of rows', "WITH t(k, x) AS (VALUES (1, REAL '1.5'), (2, DECIMAL '16777217.5')) SELECT max(x) FROM t", 16777218, 'real'],
    ['=', "DECIMAL '16777217.5' = REAL '16777218'", true, 'boolean'],
    ['= with the real first and a number literal', "REAL '16777218' = 16777217.5", true, 'boolean'],
    ['IN', "DECIMAL '16777217.5' IN (REAL '16777218', REAL '1')", true, 'boolean'],
    ['NOT IN', "DECIMAL '16777217.5' NOT IN (REAL '16777218')", false, 'boolean'],
    ['BETWEEN', "16777217.5 BETWEEN REAL '16777218' AND REAL '16777218'", true, 'boolean'],
    ['= a double literal of more than 15 digits', "DECIMAL '9007199254740993.0000000001' = 9007199254740994e0", true, 'boolean'],
    ['ARRAY[…] with a double', "element_at(ARRAY[DOUBLE '1', DECIMAL '9007199254740993.0000000001'], 2)", 9007199254740994, 'double'],
    ['UNION ALL', "WITH t(x) AS (SELECT REAL '1.5' UNION ALL SELECT DECIMAL '16777217.5') SELECT max(x) FROM t", 16777218, 'real'],
    [
      'UNION ALL of a parenthesised branch and VALUES',
      "WITH t(k, x) AS (SELECT 1, DECIMAL '16777217.5' UNION ALL (SELECT 2, REAL '1.5') UNION ALL VALUES (3, 16777219.5)) SELECT max(CASE WHEN k = 1 THEN x END) FROM t",
      16777218,
      'real',
    ],
    // Unchanged: a value of a type the SQL does not show may make the whole a double, where the decimal is exact.
    [
      'CASE beside a double column',
      "CASE WHEN k = 1 THEN REAL '1' WHEN k = 2 THEN c ELSE DECIMAL '16777217.5' END FROM (VALUES (3, DOUBLE '1')) t(k, c)",
      16777217.5,
      'double',
    ],
    ['a decimal column of 7 digits beside a real', "element_at(ARRAY[d, REAL '1'], 1) FROM (VALUES CAST(DECIMAL '1.5' AS decimal(7,1))) t(d)", 1.5, 'real'],
    [
      'a decimal column of 15 digits beside a double',
      "element_at(ARRAY[d, DOUBLE '1'], 1) FROM (VALUES DECIMAL '90071992547409.3') t(d)",
      90071992547409.3,
      'double',
    ],
  ],
  [
    [
      'ARRAY[…] of a decimal(9,1) column and a real (Trino 16777218)',
      "element_at(ARRAY[d, REAL '1'], 1) FROM (VALUES DECIMAL '16777217.5') t(d)",
      /ARRAY\[…\]: a decimal of more than 7 digits meets a real/,
    ],
    [
      'CASE of a decimal(9,1) column and a real (Trino 16777218)',
      "CASE WHEN d > 0 THEN d ELSE REAL '1' END FROM (VALUES DECIMAL '16777217.5') t(d)",
      /CASE: a decimal of more than 7 digits/,
    ],
    [
      'greatest of a decimal(9,1) column and a real (Trino 16777218)',
      "greatest(d, REAL '1') FROM (VALUES DECIMAL '16777217.5') t(d)",
      /a decimal of more than 7 digits/,
    ],
    [
      'coalesce of a decimal(9,1) column and a real (Trino 16777218)',
      "coalesce(d, REAL '1') FROM (VALUES DECIMAL '16777217.5') t(d)",
      /a decimal of more than 7 digits/,
    ],
    [
      'ARRAY[…] of a decimal(26,10) column and a double (Trino 9007199254740994)',
      "element_at(ARRAY[d, DOUBLE '1'], 1) FROM (VALUES DECIMAL '9007199254740993.0000000001') t(d)",
      /a decimal of more than 7 digits meets a real \(or of more than 15 a double\)/,
    ],
  ],
);
