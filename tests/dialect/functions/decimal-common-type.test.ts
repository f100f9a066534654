// Decimal values that meet in one type: CASE results, ARRAY[…] elements, coalesce, greatest and least. Trino's common
// super type of decimal(p1,s1) and decimal(p2,s2) keeps the larger scale and caps the precision at 38
// (https://trino.io/docs/current/language/types.html#decimal; CASE, https://trino.io/docs/current/functions/conditional.html#case,
// takes the common type of its results), and a value that no longer fits fails its cast: Trino 476 printed every
// value, type and error below. DuckDB keeps the integer digits and rounds the scale away (1.25 becomes 1.3 in
// decimal(38,1)), so where the digits pass 38 the construct is refused while DuckDB binds it: even inside try(), where
// Trino 476 answers 1.25 as decimal(38,2). The columns of UNION, INTERSECT and EXCEPT take the common type of the
// branches' values the same way (https://trino.io/docs/current/sql/select.html#union-intersect-except: "the columns
// must have compatible types"; Trino 476 typed SELECT DECIMAL '1.25' UNION SELECT CAST(1.5 AS decimal(38,1)) as
// decimal(38,2)): where the types are written (literals, CASTs) and pass 38 digits, lint refuses at the operator.
// Comparisons (=, <>, <, IN, BETWEEN) of decimals compare exactly in Trino 476 (DECIMAL '1.25' = <37 integer digits>.5
// is false, IN true, BETWEEN true), where DuckDB casts both to decimal(38, larger scale) and fails on the literal that
// does not fit: refused at lint at the operator when the literal's digits decide it.
import { describe, expect, it } from 'vitest';
import { translateQuery } from '../../../src/dialect/translate/query.js';
import { describeFunctions } from './harness.js';

const PAST_38 = "DECIMAL '1234567890123456789012345678901234567.5'";
const ROW = "FROM (VALUES DECIMAL '1.25') t(x)";
const NULL_ROW = 'FROM (VALUES CAST(NULL AS decimal(5,1))) t(x)';
const refused = (construct: string) => new RegExp(`${construct}: the decimal values need more than 38 digits together`);

describeFunctions(
  'decimal values meeting in one type',
  [
    [
      'CASE of 38 digits keeps the larger scale',
      "CASE WHEN false THEN DECIMAL '1.5' ELSE DECIMAL '0.1234567890123456789012345678901234567' END",
      '0.1234567890123456789012345678901234567',
      'decimal(38,37)',
    ],
    ['CASE of a column and a literal', `CASE WHEN x > 0 THEN x ELSE DECIMAL '0.5' END ${ROW}`, '1.25', 'decimal(3,2)'],
    [
      'CASE nested three deep',
      `CASE WHEN x > 2 THEN x WHEN x > 1 THEN CASE WHEN x > 1.2 THEN DECIMAL '0.125' ELSE CASE WHEN x > 0 THEN 7 ELSE x END END END ${ROW}`,
      '0.125',
      'decimal(13,3)',
    ],
    [
      'coalesce nested six deep',
      `coalesce(coalesce(coalesce(coalesce(coalesce(coalesce(x, DECIMAL '0.5'), 2), DECIMAL '0.25'), 3), 4), DECIMAL '0.125') ${NULL_ROW}`,
      '0.500',
      'decimal(13,3)',
    ],
    [
      'a VALUES column of 37 digits',
      "x FROM (VALUES DECIMAL '1.25', DECIMAL '12345678901234567890123456789012345.5') t(x) ORDER BY x DESC",
      '12345678901234567890123456789012345.50',
      'decimal(37,2)',
    ],
    ['ARRAY of a column and a literal', `ARRAY[x, DECIMAL '0.125'] ${ROW}`, ['1.250', '0.125'], 'array(decimal(4,3))'],
    [
      'a VALUES column of an expression within 38 digits',
      "v FROM (VALUES (1, DECIMAL '1.25'), (2, CAST(1.5 AS decimal(10,1)) + 0)) t(k, v) ORDER BY k",
      '1.25',
      'decimal(13,2)',
    ],
    ['a CAST of 38 digits compared with a decimal literal', "CAST(1.5 AS decimal(38,1)) = DECIMAL '1.25'", false, 'boolean'],
    ['a decimal literal within 38 digits in an IN list', "DECIMAL '1.25' IN (DECIMAL '123456789012345678901234567890123456.5', 1.25)", true, 'boolean'],
    [
      'UNION ALL of literals of 38 digits',
      "x FROM (SELECT DECIMAL '123456789012345678901234567890123456.5' x UNION ALL SELECT DECIMAL '1.25') ORDER BY x DESC",
      '123456789012345678901234567890123456.50',
      'decimal(38,2)',
    ],
    [
      'UNION ALL of a SELECT and a VALUES of 38 digits',
      "x FROM (SELECT 1.5 AS x, 'a' UNION ALL VALUES (CAST(2 AS decimal(38,1)), 'b')) ORDER BY 1",
      '1.5',
      'decimal(38,1)',
    ],
    // Only what is chosen is evaluated.
    ['coalesce does not evaluate what follows a value', "coalesce(DECIMAL '1.5', 1 / 0)", '1.5', 'decimal(11,1)'],
    ['nested coalesce does not evaluate what follows a value', `coalesce(coalesce(x, DECIMAL '1.5'), 1 / 0) ${NULL_ROW}`, '1.5', 'decimal(11,1)'],
    [
      'nested CASE does not evaluate another branch',
      `CASE WHEN x > 0 THEN CASE WHEN x > 1 THEN x ELSE DECIMAL '0.5' END ELSE 1 / 0 END ${ROW}`,
      '1.25',
      'decimal(12,2)',
    ],
  ],
  [
    // Trino 476: "Cannot cast DECIMAL(38, 1) '1234567890123456789012345678901234567.5' to DECIMAL(38, 2)".
    ['CASE past 38 digits', `CASE WHEN x > 0 THEN ${PAST_38} ELSE x END ${ROW}`, refused('CASE')],
    ['simple CASE past 38 digits', `CASE x WHEN DECIMAL '1.25' THEN ${PAST_38} ELSE x END ${ROW}`, refused('CASE')],
    ['ARRAY past 38 digits', `ARRAY[x, ${PAST_38}] ${ROW}`, refused('ARRAY\\[…\\]')],
    ['MAP values past 38 digits', `MAP(ARRAY['a', 'b'], ARRAY[DECIMAL '1.25', ${PAST_38}])`, refused('ARRAY\\[…\\]')],
    ['nested coalesce past 38 digits', `coalesce(coalesce(x, ${PAST_38}), DECIMAL '1.25') ${NULL_ROW}`, refused('coalesce\\(\\)')],
    // Trino 476 answers 1.25 as decimal(38,2): the local rounding is refused, not turned into NULL by try().
    ['nested CASE past 38 digits', `CASE WHEN x > 0 THEN CASE WHEN x > 1 THEN x ELSE ${PAST_38} END ELSE DECIMAL '0.5' END ${ROW}`, refused('CASE')],
    ['try(CASE) past 38 digits', `try(CASE WHEN x > 0 THEN x ELSE ${PAST_38} END) ${ROW}`, refused('CASE')],
    // Literals alone decide it: refused at the VALUES keyword (lake lint reports the file's line and column).
    ['a VALUES column past 38 digits', `x FROM (VALUES DECIMAL '1.25', ${PAST_38}) t(x)`, /1:16: error \[unfaithful\/decimal-common-type\] VALUES: .*column 1/],
    [
      'a VALUES row column past 38 digits',
      `x FROM (VALUES (1, 1.25), (2, 1234567890123456789012345678901234567.5)) t(k, x)`,
      /VALUES: .*column 2 need more than 38 digits/,
    ],
    ['try(coalesce) past 38 digits', `try(coalesce(DECIMAL '1.25', ${PAST_38}))`, refused('coalesce\\(\\)')],
    [
      'a VALUES column of a CAST past 38 digits',
      "x FROM (VALUES CAST(1.5 AS decimal(38,1)), DECIMAL '1.25') t(x)",
      /1:16: error \[unfaithful\/decimal-common-type\] VALUES: .*column 1/,
    ],
    // Trino 476: 1.25 and 1.50 as decimal(38,2); locally 1.25 was 1.3 (the types of expressions are known once bound).
    [
      'a VALUES column of an expression past 38 digits',
      "v FROM (VALUES DECIMAL '1.25', CAST(1.5 AS decimal(38,1)) + 0) t(v)",
      /^VALUES: the decimal values need more than 38 digits together/,
    ],
    [
      'a VALUES row column of a call past 38 digits',
      "v FROM (VALUES (1, 'a', DECIMAL '1.25'), (2, 'b', abs(CAST(-1.5 AS decimal(38,1))))) t(k, s, v) ORDER BY k",
      /^VALUES: the decimal values need more than 38 digits together/,
    ],
    ['= past 38 digits', `DECIMAL '1.25' = ${PAST_38}`, /1:23: error \[unfaithful\/decimal-comparison\] =: the decimal operands need more than 38 digits/],
    ['IN past 38 digits', `DECIMAL '1.25' IN (${PAST_38}, DECIMAL '1.25')`, /1:23: error \[unfaithful\/decimal-comparison\] IN: /],
    ['NOT BETWEEN past 38 digits', `1.25 NOT BETWEEN 1.2 AND ${PAST_38}`, /1:17: error \[unfaithful\/decimal-comparison\] BETWEEN: /],
    ['<> in a WHERE past 38 digits', `1 FROM (VALUES 1.25) t(x) WHERE ${PAST_38} <> 1.25 AND x > 1`, /1:90: error \[unfaithful\/decimal-comparison\] <>: /],
    // Trino 476: "Cannot cast DECIMAL(38, 0) '12345678901234567890123456789012345678' to DECIMAL(38, 1)"; locally 0.1 was 0.
    [
      'UNION ALL of literals past 38 digits',
      "DECIMAL '12345678901234567890123456789012345678' UNION ALL SELECT DECIMAL '0.1'",
      /1:57: error \[unfaithful\/decimal-common-type\] UNION: the decimal values of column 1 need more than 38 digits together/,
    ],
    // Trino 476: 1.50 and 1.25 as decimal(38,2); locally 1.25 was 1.3.
    ['UNION of a CAST past 38 digits', "x FROM (SELECT DECIMAL '1.25' AS x UNION SELECT CAST(1.5 AS decimal(38,1)))", /1:43: error .*UNION: .*column 1/],
    // Trino 476: no row (1.25 and 1.30 as decimal(38,2)); locally 1.3 and 1.3 met.
    ['INTERSECT past 38 digits', "x FROM (SELECT DECIMAL '1.25' x INTERSECT SELECT CAST(1.25 AS decimal(38,1)))", /1:40: error .*INTERSECT: .*column 1/],
    // Trino 476: 1.25 (1.30 is another value); locally 1.25 became 1.3 and was removed. The nested UNION ALL alone fits.
    [
      'EXCEPT of a nested UNION ALL past 38 digits',
      "x FROM (SELECT 'a', DECIMAL '1.25' x EXCEPT (SELECT 'b', CAST(1.3 AS decimal(38,1)) UNION ALL VALUES ('c', 2.5)))",
      /1:45: error .*EXCEPT: .*column 2/,
    ],
  ],
);

describe('nested checks of a common type', () => {
  const ctx = { lakeRoot: '/tmp/lake', database: 'default' };
  const size = (sql: string) => translateQuery(sql, ctx).length;
  const nest = (depth: number, wrap: (inner: string, k: number) => string) => {
    let e = 'x';
    for (let k = 0; k < depth; k++) e = wrap(e, k);
    return `SELECT ${e} FROM t`;
  };
  it.each([
    ['coalesce', (e: string, k: number) => `coalesce(${e}, ${k}.5)`],
    ['CASE', (e: string, k: number) => `CASE WHEN y > ${k} THEN ${k}.5 ELSE ${e} END`],
    ['ARRAY', (e: string, k: number) => `ARRAY[${e}, ARRAY[${k}.5]]`],
    ['greatest', (e: string, k: number) => `greatest(${e}, ${k}.5)`],
  ])('%s nested six deep translates to SQL of linear size', (_construct, wrap) => {
    // Each level adds the same text: level 6 adds no more than level 2 does.
    const sizes = [1, 2, 5, 6].map((d) => size(nest(d, wrap)));
    expect(sizes[3] - sizes[2]).toBe(sizes[1] - sizes[0]);
  });
});
