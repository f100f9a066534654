// Casts that bind their operand once (issue 18, docs/performance.md "casts that bind their operand once"):
// trino_to_varchar mentions its operand 24 times (trino_to_varchar_any 28, trino_cast_json 16), so a cast over a
// shim's call made DuckDB bind that call's operands as many times over (CAST(max(from_iso8601_timestamp(s)) AS
// VARCHAR): ~12-16 s of CPU). An operand that holds a call now goes through the `_once` form, which binds it once as a
// lambda's parameter; a column keeps the plain macro. Every expected answer and failure is Trino 476's (value and
// type), asked of the shared Trino.
import { describe, expect, it } from 'vitest';
import { translateQuery } from '../../src/dialect/translate/query.js';
import { namedResult, sharedLake } from './lake-helpers.js';

const engine = sharedLake();

describe('a cast over a call binds its operand once', () => {
  it('an operand holding a call goes through the _once form; a column keeps the plain macro', () => {
    expect(translateQuery('SELECT CAST(max(from_iso8601_timestamp(s)) AS VARCHAR) FROM t')).toContain('trino_to_varchar_any_once(');
    expect(translateQuery('SELECT CAST(lag(d) OVER (ORDER BY d) AS VARCHAR) FROM t')).toContain('trino_to_varchar_any_once(lag(d) OVER');
    expect(translateQuery('SELECT CAST(from_iso8601_timestamp(s) AS VARCHAR) FROM t')).toContain('trino_to_varchar_once(trino_from_iso8601_timestamp(s))');
    expect(translateQuery('SELECT CAST(abs(x) AS JSON) FROM t')).toContain('trino_cast_json_once(');
    expect(translateQuery('SELECT CAST(max(x) AS JSON) FROM t')).toContain('trino_cast_json_any_once(');
    for (const sql of ['SELECT CAST(x AS VARCHAR) FROM t', 'SELECT CAST(x AS JSON) FROM t', 'SELECT CAST(x AS DOUBLE) FROM t']) {
      expect(translateQuery(sql)).not.toContain('_once');
    }
    expect(translateQuery('SELECT CAST(x AS VARCHAR) FROM t')).toContain('trino_to_varchar(x)');
  });
});

describe("casts over calls answer as Trino 476's", () => {
  it.each<[string, string, string[], unknown[][]]>([
    [
      'a zoned aggregate',
      "SELECT CAST(max(from_iso8601_timestamp(s)) AS VARCHAR) FROM (VALUES ('2025-01-01T10:00:00+02:00')) t(s)",
      ['_col0 varchar'],
      [['2025-01-01 10:00:00.000 +02:00']],
    ],
    [
      'a window function',
      "SELECT CAST(lag(d) OVER (ORDER BY d) AS VARCHAR) AS v FROM (VALUES DATE '2025-01-01', DATE '2025-01-03') t(d) ORDER BY v NULLS FIRST",
      ['v varchar'],
      [[null], ['2025-01-01']],
    ],
    [
      'zoned calls (the typed overload inside the lambda)',
      "SELECT CAST(from_iso8601_timestamp('2025-01-01T10:00:00.5+02:00') AS VARCHAR), CAST(with_timezone(TIMESTAMP '2025-01-01 10:00:00', 'Europe/Paris') AS VARCHAR)",
      ['_col0 varchar', '_col1 varchar'],
      [['2025-01-01 10:00:00.500 +02:00', '2025-01-01 10:00:00 Europe/Paris']],
    ],
    [
      'doubles: NaN, E notation, NULL',
      'SELECT CAST(nan() AS VARCHAR), CAST(sqrt(2) AS VARCHAR), CAST(power(10, 7) AS VARCHAR), CAST(CAST(NULL AS double) + 1 AS VARCHAR)',
      ['_col0 varchar', '_col1 varchar', '_col2 varchar', '_col3 varchar'],
      [['NaN', '1.4142135623730951E0', '1.0E7', null]],
    ],
    [
      'json of an array, a map, and a decimal text',
      "SELECT CAST(ARRAY[abs(1), NULL] AS JSON), CAST(map(ARRAY['a'], ARRAY[abs(1)]) AS JSON), CAST(round(DECIMAL '1.255', 2) AS VARCHAR)",
      ['_col0 json', '_col1 json', '_col2 varchar'],
      [['[1,null]', '{"a":1}', '1.260']],
    ],
    [
      'aggregates to json and varchar',
      'SELECT CAST(max(x) AS JSON), CAST(max(x) AS VARCHAR), CAST(avg(x) AS VARCHAR) FROM (VALUES 1, 2) t(x)',
      ['_col0 json', '_col1 varchar', '_col2 varchar'],
      [['2', '2', '1.5E0']],
    ],
    [
      'an outer column in a subquery',
      'SELECT (SELECT CAST(max(t2.x) + t1.x AS VARCHAR) FROM (VALUES 1) t2(x)) FROM (VALUES 5) t1(x)',
      ['_col0 varchar'],
      [['6']],
    ],
  ])('%s', async (_name, sql, columns, rows) => {
    expect(await namedResult(engine, sql)).toEqual({ columns, rows });
  });

  it('fails as Trino 476 (INVALID_CAST_ARGUMENT): a call too long for varchar(n)', async () => {
    await expect(engine.execute('SELECT CAST(abs(123) AS VARCHAR(2))')).rejects.toThrow('Value 123 cannot be represented as varchar(2)');
  });
});
