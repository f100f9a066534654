// A subscript of a varchar (s[i]) is refused (docs/issue-15-audit.md "Varchar subscripts and >>", branch subs36):
// DuckDB's string subscript answered the i-th character ('abc'[1] was 'a'), where Trino 476 fails TYPE_MISMATCH at
// analysis ("Cannot use integer for subscript of varchar(3)"), also over no rows. Each case's error and each answer
// beside them (value and type) was asked of the shared Trino 476 on 2026-12-07. A string literal's subscript is refused
// at lint at the literal (Trino's column); a varchar the text does not show while DuckDB binds (trino_subscript).
import { describe, expect, it } from 'vitest';
import { sharedLake, rowsAndTypes } from './lake-helpers.js';

const engine = sharedLake();

describe('a string literal subscript (Trino 476: TYPE_MISMATCH at the literal; refused at lint)', () => {
  // [sql, column of the refusal]; Trino 476 names the same column (1:8), but 1:8 for VARCHAR 'abc' (its literal's start)
  it.each<[string, number]>([
    // local before: 'a' (varchar)
    ["SELECT 'abc'[1]", 8],
    // local before: no rows; Trino fails at analysis
    ["SELECT 'abc'[1] FROM (VALUES 1) t(x) WHERE false", 8],
    // local before: 'a'
    ["SELECT VARCHAR 'abc'[1]", 16],
  ])('%s', async (sql, col) => {
    await expect(engine.execute(sql)).rejects.toThrow(new RegExp(`<sql>:1:${col}: error \\[unfaithful/type\\] a subscript of a varchar`));
  });
});

describe('a varchar subscript the text does not show (Trino 476: TYPE_MISMATCH; refused while DuckDB binds)', () => {
  it.each<string>([
    // local before: no rows; Trino: line 1:8: Cannot use integer for subscript of varchar(3)
    "SELECT x[1] FROM (VALUES 'abc') t(x) WHERE false",
    // local before: NULL (varchar); Trino: Cannot use integer for subscript of varchar
    'SELECT CAST(NULL AS varchar)[1]',
    // local before: 'a'; Trino: … subscript of varchar(3)
    "SELECT ARRAY['abc'][1][1]",
    // local before: 'b'
    "SELECT s[2] FROM (VALUES CAST('ab' AS varchar)) t(s)",
    // local before: 'A' (trino_subscript_once: an expression's subscript)
    "SELECT upper('abc')[1]",
    // local before: 'a'; Trino: line 1:39
    "SELECT x FROM (VALUES 'a') t(x) WHERE x[1] = 'a'",
    // local before: ['a']; Trino: line 1:36
    "SELECT transform(ARRAY['ab'], s -> s[1])",
  ])('%s', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/TYPE_MISMATCH: Cannot use a subscript of varchar \(s\[i\]\)/);
  });
});

describe('subscripts of arrays and maps of varchar (answer as Trino 476)', () => {
  it.each<[string, string[], unknown[][]]>([
    ["SELECT x[1] FROM (VALUES ARRAY['a']) t(x)", ['varchar'], [['a']]],
    ["SELECT m['k'] FROM (VALUES MAP(ARRAY['k'], ARRAY['v'])) t(m)", ['varchar'], [['v']]],
    ["SELECT ARRAY['abc'][1]", ['varchar'], [['abc']]],
    ["SELECT split('a,b', ',')[2]", ['varchar'], [['b']]],
    ['SELECT CAST(NULL AS array(varchar))[1]', ['varchar'], [[null]]],
    ["SELECT 'abc' || ARRAY['d'][1]", ['varchar'], [['abcd']]],
    // a NULL-typed column's map subscript stays an unknown NULL
    ["SELECT x['a'] FROM (VALUES NULL) t(x)", ['unknown'], [[null]]],
  ])('%s', async (sql, types, rows) => {
    expect(await rowsAndTypes(engine, sql)).toEqual({ rows, types });
  });
});
