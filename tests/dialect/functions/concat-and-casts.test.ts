// `||` and concat() take varchar (or array) operands on Athena: Trino 476 fails `'x' || 1`, `1 || 'x'`, `2 || 3` and
// `concat('x', 1)` with FUNCTION_NOT_FOUND ("Unexpected parameters (varchar(1), integer) for function concat",
// https://trino.io/docs/current/functions/string.html#concat, confirmed on scripts/trino.sh). DuckDB would answer
// 'x1', so the translator refuses them at the operator's position (lake lint reports the same). CAST(1 AS varchar)
// of an integer literal answers '1' (https://trino.io/docs/current/functions/conversion.html).
// Operands that are columns or expressions are checked by their bound types: the same FUNCTION_NOT_FOUND, in Trino's
// words, while binding (so `lake lint` finds it over empty inputs); varchar || varchar and arrays keep working.
import { describeFunctions } from './harness.js';

const REFUSED = /\[unfaithful\/concat-types\]/;
const NOT_FOUND = (types: string) => new RegExp(`^Unexpected parameters \\(${types}\\) for function concat$`);
const ROW = "FROM (VALUES ('a', 1, DATE '2025-01-01', true, X'01')) t(s, i, d, b, bin)";

describeFunctions(
  'string concatenation operands and CAST to varchar',
  [
    ['CAST of an integer literal to varchar', 'CAST(1 AS VARCHAR)', '1', 'varchar'],
    ['|| with a cast number', "'x' || CAST(1 AS VARCHAR)", 'x1', 'varchar'],
    ['|| of string literals', "'a' || 'b' || 'c'", 'abc', 'varchar'],
    ['|| of a typed varchar literal', "VARCHAR 'a' || 'b'", 'ab', 'varchar'],
    ['|| of arrays', 'ARRAY[1] || ARRAY[2]', [1, 2], 'array(integer)'],
    ['concat of strings', "concat('a', 'b', 'c')", 'abc', 'varchar'],
    ['varchar column || varchar column', `s || s ${ROW}`, 'aa', 'varchar'],
    ['varchar column || cast column || literal', `s || CAST(i + 1 AS varchar) || 'x' ${ROW}`, 'a2x', 'varchar'],
    ['concat of varchar columns', `concat(s, 'b', s) ${ROW}`, 'aba', 'varchar'],
    ['varbinary column || varbinary', `bin || X'02' ${ROW}`, '0102', 'varbinary'],
    ['|| of aggregates of varchar', `max(s) || min(s) ${ROW}`, 'aa', 'varchar'],
    ['|| binds looser than +', `s || CAST(i AS varchar) || CAST(i + 1 AS varchar) ${ROW}`, 'a12', 'varchar'],
    ['|| in GROUP BY and the select list', `s || s FROM (VALUES 'a', 'a') t(s) GROUP BY s || s`, 'aa', 'varchar'],
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
    ['varchar column || integer column', `s || i AS v ${ROW}`, NOT_FOUND('varchar, integer')],
    ['integer column || varchar column', `i || s AS v ${ROW}`, NOT_FOUND('integer, varchar')],
    ['varchar column || date column', `s || d AS v ${ROW}`, NOT_FOUND('varchar, date')],
    ['varchar column || boolean column', `s || b AS v ${ROW}`, NOT_FOUND('varchar, boolean')],
    ['varchar column || arithmetic (+ binds tighter)', `s || i + 1 AS v ${ROW}`, NOT_FOUND('varchar, integer')],
    ['the last operand of a column chain', `s || s || i AS v ${ROW}`, NOT_FOUND('varchar, integer')],
    ['concat(varchar column, integer column)', `concat(s, i) AS v ${ROW}`, NOT_FOUND('varchar, integer')],
    ['concat of three with an integer last', `concat(s, s, i) AS v ${ROW}`, NOT_FOUND('varchar, integer')],
    ['varchar || varbinary', `s || bin AS v ${ROW}`, NOT_FOUND('varchar, varbinary')],
    ['|| of aggregates: varchar and integer', `max(s) || max(i) AS v ${ROW}`, NOT_FOUND('varchar, integer')],
  ],
);

// `||` of two visibly varchar operands (string literals, casts to varchar, `||` of such) is written out as the shim's
// VARCHAR overload, `CAST(a || b AS VARCHAR)`, instead of nesting trino_concat (whose typed overload binds each
// operand twice per level: issue 18). Values and types are Trino 476's, asked of the shared Trino.
describeFunctions('|| of visibly varchar operands', [
  [
    'a cast date || a literal || a cast integer',
    "CAST(d AS VARCHAR) || ':' || CAST(i AS VARCHAR) FROM (VALUES (DATE '2025-03-09', 7)) t(d, i)",
    '2025-03-09:7',
    'varchar',
  ],
  ['a NULL operand', "CAST(d AS VARCHAR) || ':' FROM (VALUES CAST(NULL AS date)) t(d)", null, 'varchar'],
  ['a typed NULL || a literal', "CAST(NULL AS VARCHAR) || 'x'", null, 'varchar'],
  ['a TRY_CAST to varchar(n)', "TRY_CAST(x AS varchar(2)) || 'z' FROM (VALUES 'abc') t(x)", 'abz', 'varchar'],
  ['the texts of a double and a decimal', "CAST(x AS VARCHAR) || CAST(y AS VARCHAR) FROM (VALUES (1.5E0, DECIMAL '2.50')) t(x, y)", '1.5E02.50', 'varchar'],
  [
    'counted distinct',
    "count(DISTINCT CAST(d AS VARCHAR) || ':' || CAST(i AS VARCHAR)) FROM (VALUES (DATE '2025-03-09', 7), (DATE '2025-03-09', 7), (DATE '2025-03-10', 7)) t(d, i)",
    2,
    'bigint',
  ],
]);
