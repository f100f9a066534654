// SQL that DuckDB answers and Athena (Trino 476) rejects: refused by `lake lint` at its position and by the local
// engine before DuckDB sees it, or failing locally as it fails on Athena — never answered. Each expectation was read
// from the shared Trino 476 oracle (`lake sql --engine trino`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { checkFile } from '../../src/lint/file-checks.js';
import { openLake } from './lake-helpers.js';

let engine: AthenaLocalEngine;
beforeAll(async () => {
  engine = await openLake();
});
afterAll(async () => {
  await engine.close();
});

const lint = async (sql: string) => {
  const { syntax = [], rules } = await checkFile({ sql, file: 'sql/q.sql', parse: true });
  return [...syntax, ...rules];
};

const ROWS = '(VALUES (1, 10), (2, 5), (3, 7)) t(id, v)';

// https://trino.io/docs/current/sql/match-recognize.html and
// https://trino.io/docs/current/sql/pattern-recognition-in-window.html: in Athena's grammar; DuckDB has no row pattern
// matching (its parser error, or "prev() is not a function", named neither the clause nor what to do).
describe('row pattern recognition', () => {
  const matchRecognize = `SELECT * FROM ${ROWS}\n  MATCH_RECOGNIZE (ORDER BY id MEASURES LAST(B.v) AS low PATTERN (A B+) DEFINE B AS B.v < PREV(B.v))`;
  const inWindow = `SELECT id, low OVER w FROM ${ROWS}\nWINDOW w AS (ORDER BY id MEASURES last(B.v) AS low ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING PATTERN (A B*) DEFINE B AS B.v < PREV(B.v))`;

  it('MATCH_RECOGNIZE is refused at lint time at the clause, with nothing else reported', async () => {
    expect(await lint(matchRecognize)).toEqual([
      expect.objectContaining({ rule: 'unfaithful/row-pattern', file: 'sql/q.sql', line: 2, col: 3, message: expect.stringContaining('MATCH_RECOGNIZE') }),
    ]);
  });

  it('pattern recognition in a window is refused at lint time at MEASURES', async () => {
    expect(await lint(inWindow)).toEqual([
      expect.objectContaining({ rule: 'unfaithful/row-pattern', line: 2, col: 26, message: expect.stringContaining('MEASURES … PATTERN … DEFINE') }),
    ]);
  });

  it('the engine refuses both before DuckDB parses them', async () => {
    await expect(engine.execute(matchRecognize)).rejects.toThrow(/row-pattern.*MATCH_RECOGNIZE/);
    await expect(engine.execute(inWindow)).rejects.toThrow(/row-pattern.*in a window/);
  });

  it('a column named pattern or measures is not a clause', async () => {
    const result = await engine.execute('SELECT pattern, measures, define FROM (VALUES (1, 2, 3)) t(pattern, measures, define) ORDER BY pattern');
    expect(result.rows).toEqual([[1, 2, 3]]);
  });
});

// https://trino.io/docs/current/functions/session.html lists current_user, not user or session_user: Trino 476 reads
// `user` and `session_user` as column names (COLUMN_NOT_FOUND: "Column 'user' cannot be resolved" when none has the
// name) and `current_role` unquoted as a reserved word (SYNTAX_ERROR); DuckDB answered 'duckdb' for all three.
describe('user, session_user and current_role', () => {
  it('fail as on Athena when no column has the name, also over no rows and quoted', async () => {
    await expect(engine.execute('SELECT user')).rejects.toThrow("COLUMN_NOT_FOUND: Column 'user' cannot be resolved");
    await expect(engine.execute('SELECT session_user FROM (VALUES 1) t(x) WHERE false')).rejects.toThrow(
      "COLUMN_NOT_FOUND: Column 'session_user' cannot be resolved",
    );
    await expect(engine.execute('SELECT 1 FROM (VALUES 1) t(x) WHERE upper("USER") = \'A\'')).rejects.toThrow("Column 'user' cannot be resolved");
  });

  it('are the column when one has the name', async () => {
    const result = await engine.execute('SELECT user, session_user, "current_role" FROM (VALUES (1, 2, 3)) t(user, session_user, "current_role")');
    expect(result.columns.map((c) => c.name)).toEqual(['user', 'session_user', 'current_role']);
    expect(result.rows).toEqual([[1, 2, 3]]);
  });

  it('current_role unquoted is an error at lint time at its position (the grammar), and refused by the engine', async () => {
    const sql = 'SELECT 1,\n  current_role';
    expect(await lint(sql)).toEqual([expect.objectContaining({ severity: 'error', line: 2, col: 3 })]);
    expect((await checkFile({ sql, parse: false })).rules).toEqual([
      expect.objectContaining({ rule: 'unfaithful/session-function', line: 2, col: 3, message: expect.stringContaining('reserved word') }),
    ]);
    await expect(engine.execute('SELECT current_role')).rejects.toThrow(/session-function.*current_role/);
  });
});

// https://trino.io/docs/current/functions/string.html#concat: concat(string1, ..., stringN) of varchar (or varbinary,
// arrays). Trino 476: concat('a') INVALID_FUNCTION_ARGUMENT "There must be two or more concatenation arguments",
// concat(12) and concat('a', json) FUNCTION_NOT_FOUND; DuckDB answered '12', 'a' and 'a1'.
describe('concat', () => {
  it('of one argument is refused at lint time at the call, whatever its type', async () => {
    for (const arg of ['12', "'a'", "X'01'", 'ARRAY[1]']) {
      expect(await lint(`SELECT\n  concat(${arg})`)).toEqual([
        expect.objectContaining({ rule: 'unfaithful/concat-arguments', line: 2, col: 3, message: expect.stringContaining('two or more') }),
      ]);
      await expect(engine.execute(`SELECT concat(${arg})`)).rejects.toThrow(/concat-arguments/);
    }
  });

  it('with a json argument fails as on Athena, while binding (also over no rows), for concat() and ||', async () => {
    const json = "(VALUES json_array_get('[1]', 0)) t(j)";
    await expect(engine.execute(`SELECT concat('a', j) FROM ${json}`)).rejects.toThrow(
      /FUNCTION_NOT_FOUND: Unexpected parameters .*json.* for function concat/,
    );
    await expect(engine.execute(`SELECT j || 'a' FROM ${json} WHERE false`)).rejects.toThrow(/Unexpected parameters .*json.* for function concat/);
    await expect(engine.execute(`SELECT concat(j, j) FROM ${json} WHERE false`)).rejects.toThrow(/for function concat/);
    await expect(engine.execute(`SELECT concat(arbitrary(j), 'a') FROM ${json}`)).rejects.toThrow(
      /Unexpected parameters \(json, varchar\) for function concat/,
    );
  });

  it('of varchar, varbinary and arrays still answers as Trino 476 does (value and type)', async () => {
    const result = await engine.execute(
      "SELECT concat('a', 'b', 'c'), concat(ARRAY[1], ARRAY[2]), X'01' || X'02', concat(CAST(j AS varchar), 'a') FROM (VALUES json_array_get('[1]', 0)) t(j)",
    );
    expect(result.columns.map((c) => c.type)).toEqual(['varchar', 'array(integer)', 'varbinary', 'varchar']);
    expect(result.rows).toEqual([['abc', [1, 2], '0102', '1a']]);
  });
});

// https://trino.io/docs/current/language/types.html#ipaddress: Trino 476 has no common type of ipaddress and varchar:
// greatest/least FUNCTION_NOT_FOUND ("Unexpected parameters (ipaddress, varchar(3)) for function greatest"),
// coalesce, CASE and ARRAY[…] TYPE_MISMATCH ("Cannot find common type between ipaddress and varchar(3)"). Locally
// greatest/least of a literal, and the others of a column, showed DuckDB's "Cannot deduce template type 'T'".
describe('an ipaddress meeting another type', () => {
  it.each([
    ["greatest(IPADDRESS '1.2.3.4', '::1')", /greatest\(\): Unexpected parameters \(ipaddress and another type\) for function greatest .*FUNCTION_NOT_FOUND/],
    ["least('::1', IPADDRESS '1.2.3.4')", /least\(\): Unexpected parameters .* for function least/],
    ["greatest(IPADDRESS '1.2.3.4', x)", /for function greatest/],
    ["coalesce(IPADDRESS '1.2.3.4', x)", /coalesce\(\): Cannot find common type between ipaddress and another type .*TYPE_MISMATCH/],
    ["CASE WHEN true THEN IPADDRESS '1.2.3.4' ELSE x END", /CASE: Cannot find common type between ipaddress/],
    ["ARRAY[IPADDRESS '1.2.3.4', x]", /ARRAY\[…\]: Cannot find common type between ipaddress/],
  ])('%s fails with the clean message', async (expression, message) => {
    await expect(engine.execute(`SELECT ${expression} FROM (VALUES '::1') t(x)`)).rejects.toThrow(message);
  });

  it('ipaddresses and NULLs still meet (Trino 476 values and types)', async () => {
    const result = await engine.execute(
      "SELECT greatest(IPADDRESS '1.2.3.4', IPADDRESS '::1'), least(IPADDRESS '1.2.3.4', NULL), coalesce(NULL, IPADDRESS '::1'), CASE WHEN x = 1 THEN IPADDRESS '1.2.3.4' ELSE IPADDRESS '::1' END FROM (VALUES 2) t(x)",
    );
    expect(result.columns.map((c) => c.type)).toEqual(['ipaddress', 'ipaddress', 'ipaddress', 'ipaddress']);
    expect(result.rows).toEqual([['1.2.3.4', null, '::1', '::1']]);
  });
});

// https://trino.io/docs/current/sql/select.html: an output alias is visible in ORDER BY only; Trino 476 answers
// COLUMN_NOT_FOUND ("Column 'a' cannot be resolved") for `SELECT 1 AS a, a + 1`, `… WHERE a > 0` and `GROUP BY a`
// when no input column is named a. DuckDB resolved them as lateral aliases and answered.
describe('output aliases outside ORDER BY', () => {
  it('are refused at lint time at the reference when there is no FROM', async () => {
    expect(await lint('SELECT 1 AS a,\n  a + 1')).toEqual([
      expect.objectContaining({ rule: 'unfaithful/lateral-alias', line: 2, col: 3, message: expect.stringContaining("Column 'a' cannot be resolved") }),
    ]);
    await expect(engine.execute('SELECT 1 AS a, a + 1')).rejects.toThrow(/lateral-alias/);
  });

  it.each([
    ['SELECT x AS a FROM (VALUES 1) t(x) WHERE a > 0'],
    ['SELECT x AS a, a + 1 AS b FROM (VALUES 1) t(x)'],
    ['SELECT x AS a, count(*) AS c FROM (VALUES 1) t(x) GROUP BY a'],
    ['SELECT x AS a FROM (VALUES 1) AS t (x) WHERE (a + 1) > 0'],
  ])('fail as on Athena when no input column has the name, also over no rows: %s', async (sql) => {
    await expect(engine.execute(sql)).rejects.toThrow(/does not have a column named "a"/);
    await expect(engine.execute(`SELECT * FROM (${sql}) WHERE false`)).rejects.toThrow(/does not have a column named "a"/);
  });

  it('are the input column when one has the name, and the alias in ORDER BY (Trino 476 answers)', async () => {
    const result = await engine.execute(
      'SELECT x + 1 AS x, x * 10 AS y, transform(ARRAY[x], y -> y + 1) AS z FROM (VALUES 1, 2) t(x) WHERE x > 1 GROUP BY x ORDER BY x DESC',
    );
    expect(result.rows).toEqual([[3, 20, [3]]]);
    const ordered = await engine.execute('SELECT x AS a FROM (VALUES 2, 1) t(x) ORDER BY a');
    expect(ordered.rows).toEqual([[1], [2]]);
  });

  // Joins (Trino 476 on the oracle): `SELECT t.x AS a … JOIN … WHERE a > 1` and `GROUP BY a` fail with COLUMN_NOT_FOUND
  // when no joined item has a column a; DuckDB answered with its lateral alias.
  const JOIN = 'FROM (VALUES 1, 2) t(x) JOIN (VALUES 1, 2) s(y) ON t.x = s.y';
  it.each([
    [`SELECT t.x AS a ${JOIN}\nWHERE a > 1`, 2, 7],
    [`SELECT t.x AS a, count(*) AS c ${JOIN}\nGROUP BY a`, 2, 10],
  ])('in a FROM of several items are refused at lint time at the reference: %s', async (sql, line, col) => {
    expect(await lint(sql)).toEqual([
      expect.objectContaining({ rule: 'unfaithful/lateral-alias', line, col, message: expect.stringContaining('COLUMN_NOT_FOUND') }),
    ]);
    await expect(engine.execute(sql)).rejects.toThrow(/lateral-alias/);
  });

  it.each([
    // s(y) lists y: the reference is s.y, as in Trino (2); the alias names its own column x (2); t(x) lists x (20).
    [`SELECT t.x AS y ${JOIN} WHERE y > 1`, 2],
    [`SELECT t.x AS x ${JOIN} WHERE x > 1`, 2],
    [`SELECT t.x * 10 AS x ${JOIN} WHERE x > 1`, 20],
  ])('in a FROM of several items are the input column where the translator sees it: %s', async (sql, value) => {
    expect((await engine.execute(sql)).rows).toEqual([[value]]);
  });
});
