// JSON, seventh pass (docs/issue-15-audit.md): values and errors of Trino 476, asked on the shared Trino.
// - Trino plans CAST(json_parse(s) AS array | map | row) as one cast of the text s, also after its optimizer inlines a
//   projection: `CAST(j AS map(…)) FROM (SELECT json_parse(s) j …)` and through a CTE fail on a repeated key where
//   json_parse's value keeps the last one. Where Trino keeps the projection (j read twice, a DISTINCT or GROUP BY
//   select, TRY_CAST, a cast inside try()), it reads json_parse's value, {a: 2} (src/dialect/translate/inlined-json-parse.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';
import { describeFunctions } from './harness.js';

const TWICE = `(VALUES ('{"a":1,"a":2}')) t(s)`;

describeFunctions(
  'CAST of json_parse read through a projection',
  [
    [
      'j read twice: not inlined',
      `WITH w AS (SELECT json_parse(s) j FROM ${TWICE}) SELECT CAST(j AS map(varchar, integer)), j FROM w`,
      { a: 2 },
      'map(varchar, integer)',
    ],
    ['a DISTINCT select', `CAST(j AS map(varchar, integer)) FROM (SELECT DISTINCT json_parse(s) j FROM ${TWICE})`, { a: 2 }, 'map(varchar, integer)'],
    ['a GROUP BY select', `CAST(j AS map(varchar, integer)) FROM (SELECT json_parse(s) j FROM ${TWICE} GROUP BY 1)`, { a: 2 }, 'map(varchar, integer)'],
    ['TRY_CAST', `TRY_CAST(j AS map(varchar, integer)) FROM (SELECT json_parse(s) j FROM ${TWICE})`, { a: 2 }, 'map(varchar, integer)'],
    ['a cast inside try()', `try(CAST(j AS map(varchar, integer))) FROM (SELECT json_parse(s) j FROM ${TWICE})`, { a: 2 }, 'map(varchar, integer)'],
    [
      'a filter reading j',
      `CAST(j AS map(varchar, integer)) FROM (SELECT json_parse(s) j FROM ${TWICE}) WHERE j IS NOT NULL`,
      { a: 2 },
      'map(varchar, integer)',
    ],
    [
      'no repeated key',
      `CAST(j AS map(varchar, integer)) FROM (SELECT json_parse(s) j FROM (VALUES ('{"b":1,"a":2}')) t(s))`,
      { a: 2, b: 1 },
      'map(varchar, integer)',
    ],
    ['an array of json', `CAST(j AS array(json)) FROM (SELECT json_parse(s) j FROM (VALUES ('[{"a":1,"a":2}]')) t(s))`, ['{"a":2}'], 'array(json)'],
    ['json_parse of a literal in VALUES', `CAST(j AS map(varchar, integer)) FROM (VALUES json_parse('{"a":1,"a":2}')) t(j)`, { a: 2 }, 'map(varchar, integer)'],
  ],
  [
    [
      'a subquery',
      `CAST(j AS map(varchar, integer)) FROM (SELECT json_parse(s) j FROM ${TWICE})`,
      /Cannot cast to map\(varchar, integer\)\. Duplicate map keys are not allowed/,
    ],
    ['a qualified column, AS', `CAST(u.j AS map(varchar, json)) FROM (SELECT json_parse(s) AS j FROM ${TWICE}) u`, /Duplicate map keys are not allowed/],
    ['a row', `CAST(j AS row(a integer)) FROM (SELECT json_parse(s) j FROM ${TWICE})`, /Cannot cast to row\(a integer\)\. Duplicate field: a/],
    ['inside an array', `CAST(j AS array(map(varchar, integer))) FROM (SELECT json_parse(s) j FROM (VALUES ('[{"a":1,"a":2}]')) t(s))`, /Duplicate map keys/],
    ['a LIMIT between', `CAST(j AS map(varchar, integer)) FROM (SELECT json_parse(s) j FROM ${TWICE} LIMIT 1)`, /Duplicate map keys/],
    ['a join beside', `CAST(j AS map(varchar, integer)) FROM (SELECT json_parse(s) j FROM ${TWICE}) u CROSS JOIN (VALUES 1) v(x)`, /Duplicate map keys/],
  ],
);

// Casts Trino 476 fails while analysing the query (TYPE_MISMATCH, OPERATOR_NOT_FOUND), over no rows too; locally they
// failed only when a row was read: now while DuckDB binds (a column) or at lint (a visibly json operand). A map keyed
// by dates fails per row in Trino (INVALID_CAST_ARGUMENT), so over no rows it answers.
describeFunctions(
  'casts Trino refuses while analysing, over no rows',
  [
    ['a map keyed by dates fails per row', `CAST(j AS map(date, integer)) FROM (VALUES JSON '{}') t(j) WHERE false`, null, 'map(date, integer)'],
    ['a varchar column to date', `CAST(d AS date) FROM (VALUES '2024-01-01') t(d)`, '2024-01-01', 'date'],
    ['coalesce of varchar columns to date', `CAST(coalesce(d, d) AS date) FROM (VALUES '2024-01-01') t(d)`, '2024-01-01', 'date'],
    ['an element of a varchar array to date', `CAST(a[1] AS date) FROM (VALUES ARRAY['2024-01-01']) t(a)`, '2024-01-01', 'date'],
    [
      'coalesce in a lambda over varchar',
      `transform(a, x -> CAST(coalesce(x, x) AS date)) FROM (VALUES ARRAY['2024-01-01']) t(a)`,
      ['2024-01-01'],
      'array(date)',
    ],
    ['coalesce of outer columns', `(SELECT CAST(coalesce(t.d, t.d) AS date)) FROM (VALUES '2024-01-01') t(d)`, '2024-01-01', 'date'],
    ['in a correlated subquery', `(SELECT CAST(t.d AS date)) FROM (VALUES '2024-01-01') t(d)`, '2024-01-01', 'date'],
    ['an integer column to json', `CAST(b AS json) FROM (VALUES 1) t(b)`, '1', 'json'],
    ['array_join of integers', `array_join(a, ',') FROM (VALUES ARRAY[1, 2]) t(a)`, '1,2', 'varchar'],
    ['array_join of ipaddresses', `array_join(a, ',') FROM (VALUES ARRAY[IPADDRESS '1.2.3.4']) t(a)`, '1.2.3.4', 'varchar'],
    [
      'array_join of zoned timestamps',
      `array_join(a, ',') FROM (VALUES ARRAY[from_iso8601_timestamp('2024-01-01T00:00:00+01:00')]) t(a)`,
      '2024-01-01 00:00:00.000 +01:00',
      'varchar',
    ],
  ],
  [
    ['json column to date', `CAST(j AS date) FROM (VALUES JSON '"2024-01-01"') t(j) WHERE false`, /TYPE_MISMATCH: Cannot cast json to date/],
    ['to timestamp', `CAST(j AS timestamp) FROM (VALUES JSON '"2024-01-01"') t(j) WHERE false`, /Cannot cast json to timestamp\(3\)/],
    [
      'to timestamp with time zone',
      `CAST(j AS timestamp with time zone) FROM (VALUES JSON '"x"') t(j) WHERE false`,
      /Cannot cast json to timestamp\(3\) with time zone/,
    ],
    ['to varbinary', `CAST(j AS varbinary) FROM (VALUES JSON '"a"') t(j) WHERE false`, /Cannot cast json to varbinary/],
    ['to array(date)', `CAST(j AS array(date)) FROM (VALUES JSON '[]') t(j) WHERE false`, /Cannot cast json to array\(date\)/],
    ['to a map of dates', `CAST(j AS map(varchar, date)) FROM (VALUES JSON '{}') t(j) WHERE false`, /Cannot cast json to map\(varchar, date\)/],
    ['to row(a date)', `CAST(j AS row(a date)) FROM (VALUES JSON '{}') t(j) WHERE false`, /Cannot cast json to row\(a date\)/],
    ['coalesce of json columns to date', `CAST(coalesce(j, j) AS date) FROM (VALUES JSON '1') t(j) WHERE false`, /TYPE_MISMATCH: Cannot cast json to date/],
    ['nullif of json to timestamp', `CAST(nullif(j, j) AS timestamp) FROM (VALUES JSON '1') t(j) WHERE false`, /Cannot cast json to timestamp\(3\)/],
    ['if of json to date', `CAST(if(true, j) AS date) FROM (VALUES JSON '1') t(j) WHERE false`, /Cannot cast json to date/],
    ['CASE of json to date', `CAST(CASE WHEN true THEN j END AS date) FROM (VALUES JSON '1') t(j) WHERE false`, /Cannot cast json to date/],
    ['try of json to date', `CAST(try(j) AS date) FROM (VALUES JSON '1') t(j) WHERE false`, /Cannot cast json to date/],
    ['an element of a json array to date', `CAST(a[1] AS date) FROM (VALUES ARRAY[JSON '1']) t(a) WHERE false`, /Cannot cast json to date/],
    ['element_at of a json array to date', `CAST(element_at(a, 1) AS date) FROM (VALUES ARRAY[JSON '1']) t(a) WHERE false`, /Cannot cast json to date/],
    [
      'coalesce of json in a lambda',
      `transform(a, x -> CAST(coalesce(x, x) AS date)) FROM (VALUES ARRAY[JSON '1']) t(a) WHERE false`,
      /Cannot cast json to date/,
    ],
    ['json_parse to date (lint)', `CAST(json_parse(s) AS date) FROM (VALUES '1') t(s) WHERE false`, /unfaithful\/cast.*Cannot cast json to date/],
    ['a JSON literal (lint)', `CAST((JSON '1') AS date)`, /unfaithful\/cast.*Cannot cast json to date/],
    ['varbinary to json', `CAST(b AS json) FROM (VALUES X'0102') t(b) WHERE false`, /TYPE_MISMATCH: Cannot cast varbinary to json/],
    ['an interval to json', `CAST(i AS json) FROM (VALUES INTERVAL '1' DAY) t(i) WHERE false`, /Cannot cast interval day to second to json/],
    ['array(varbinary) to json', `CAST(a AS json) FROM (VALUES ARRAY[X'01']) t(a) WHERE false`, /Cannot cast array\(varbinary\) to json/],
    [
      'a map keyed by arrays to json',
      `CAST(m AS json) FROM (VALUES MAP(ARRAY[ARRAY[1]], ARRAY[1])) t(m) WHERE false`,
      /Cannot cast map\(array\(integer\), integer\) to json/,
    ],
    ['array_join of varbinary', `array_join(a, ',') FROM (VALUES ARRAY[X'01']) t(a) WHERE false`, /OPERATOR_NOT_FOUND: Cannot cast varbinary to varchar/],
    ['array_join of arrays', `array_join(a, ',') FROM (VALUES ARRAY[ARRAY[1]]) t(a) WHERE false`, /Cannot cast array\(integer\) to varchar/],
    [
      'array_join of maps',
      `array_join(a, ',', 'x') FROM (VALUES ARRAY[MAP(ARRAY[1], ARRAY[2])]) t(a) WHERE false`,
      /Cannot cast map\(integer, integer\) to varchar/,
    ],
  ],
);

// Trino's CAST(double AS varchar), also of a JSON number, takes the digits of the JDK's older FloatingDecimal
// (DecimalFormat): between 2^72 and 2^83 the shortest digits of the exact value with both bounds exclusive, so a
// shorter text exactly on a bound is passed over (json-canonical.ts javaOlderDigits; checked on ~1,700 doubles of that
// range against Trino 476, powers of two and their neighbours included). A lone surrogate in a JSON string is written
// '?' by Java's UTF-8 encoder.
describeFunctions('doubles with the JDK older digits, lone surrogates', [
  ['1e23', 'CAST(1e23 AS varchar)', '9.999999999999999E22', 'varchar'],
  ['TRY_CAST of 1e23', 'TRY_CAST(1e23 AS varchar)', '9.999999999999999E22', 'varchar'],
  ['-7e22', 'CAST(-7e22 AS varchar)', '-7.0000000000000004E22', 'varchar'],
  ['2^82 (a power of two)', 'CAST(x AS varchar) FROM (VALUES power(2e0, 82)) t(x)', '4.8357032784585167E24', 'varchar'],
  ['the shortest where no bound is met', "CAST(JSON '1.5e22' AS varchar)", '1.5E22', 'varchar'],
  ['a JSON number', "CAST(j AS varchar) FROM (VALUES JSON '1e23') t(j)", '9.999999999999999E22', 'varchar'],
  ['inside an array', "CAST(JSON '[1e23]' AS array(varchar))", ['9.999999999999999E22'], 'array(varchar)'],
  ['a map value', `CAST(j AS map(varchar, varchar)) FROM (VALUES JSON '{"a":7e22}') t(j)`, { a: '7.0000000000000004E22' }, 'map(varchar, varchar)'],
  ['array_join of json', "array_join(ARRAY[JSON '1e23'], ',')", '9.999999999999999E22', 'varchar'],
  ['array_join of doubles', "array_join(ARRAY[7e22, 1.5e0], ',')", '7.0000000000000004E22,1.5E0', 'varchar'],
  ['json_parse keeps the shortest', "json_parse('1e23')", '1.0E23', 'json'],
  ['a lone high surrogate', `json_extract_scalar('{"a":"\\ud83d"}', '$.a')`, '?', 'varchar'],
  ['a lone low surrogate', `json_extract_scalar(s, '$.a') FROM (VALUES '{"a":"x\\udE42y"}') t(s)`, 'x?y', 'varchar'],
  ['two lone surrogates', `json_extract_scalar('{"a":"\\ude42\\ud83d"}', '$.a')`, '??', 'varchar'],
  ['a pair', `json_extract_scalar('["\\ud83d\\ude42"]', '$[0]')`, '\u{1F642}', 'varchar'],
]);

describe('CAST of json_parse read through a CTE', () => {
  let engine: AthenaLocalEngine;
  beforeAll(async () => {
    engine = await AthenaLocalEngine.open({ lakeRoot: mkdtempSync(join(tmpdir(), 'lake-fn-')), inMemory: true, threads: 1 });
  });
  afterAll(async () => engine.close());
  it('fails on a repeated key as Trino 476 does (INVALID_CAST_ARGUMENT)', async () => {
    const sql = `WITH w AS (SELECT json_parse(s) j FROM ${TWICE}) SELECT CAST(j AS map(varchar, integer)) FROM w`;
    await expect(engine.execute(sql)).rejects.toThrow(/Cannot cast to map\(varchar, integer\)\. Duplicate map keys are not allowed/);
  });
  it('fails through a CTE that passes the column on', async () => {
    const sql = `WITH w AS (SELECT json_parse(s) j FROM ${TWICE}), v AS (SELECT j FROM w) SELECT CAST(j AS row(a integer)) FROM v`;
    await expect(engine.execute(sql)).rejects.toThrow(/Cannot cast to row\(a integer\)\. Duplicate field: a/);
  });
});

// json_exists, json_value and json_query over the subset the local engine evaluates (src/dialect/shims/sql-json-path.ts): lax
// paths of member and array accessors, the default behaviours (written out or not). Trino 476's answers.
describeFunctions(
  'json_exists and json_value, lax member and array accessors',
  [
    ['json_exists of a member', `json_exists('{"a":1}', 'lax $.a')`, true, 'boolean'],
    ['of a missing member', `json_exists('{"a":1}', 'lax $.b')`, false, 'boolean'],
    ['of a JSON null', `json_exists('{"a":null}', 'lax $.a')`, true, 'boolean'],
    ['out of range', `json_exists('[1,2]', 'lax $[5]')`, false, 'boolean'],
    ['of a text that is not JSON (FALSE ON ERROR)', `json_exists('x', 'lax $.a')`, false, 'boolean'],
    ['through an array (lax unwraps)', `json_exists('{"a":[{"b":1}]}', 'lax $.a.b')`, true, 'boolean'],
    ['[*] of an empty array', `json_exists('{"a":[]}', 'lax $.a[*]')`, false, 'boolean'],
    ['FALSE ON ERROR written', `json_exists('{"a":1}', 'lax $.a' FALSE ON ERROR)`, true, 'boolean'],
    ['of a NULL text', `json_exists(s, 'lax $.a') FROM (VALUES CAST(NULL AS varchar)) t(s)`, null, 'boolean'],
    ['json_value of a member path', `json_value('{"a":{"b":5}}', 'lax $.a.b')`, '5', 'varchar'],
    ['a fraction as a double', `json_value('{"a":1.50}', 'lax $.a')`, '1.5E0', 'varchar'],
    ['an exponent', `json_value('{"a":1e2}', 'lax $.a')`, '1.0E2', 'varchar'],
    ['-0', `json_value('{"a":-0}', 'lax $.a')`, '0', 'varchar'],
    ['past a bigint', `json_value('{"a":12345678901234567890}', 'lax $.a')`, null, 'varchar'],
    ['a boolean', `json_value('{"a":true}', 'lax $.a')`, 'true', 'varchar'],
    ['a JSON null', `json_value('{"a":null}', 'lax $.a')`, null, 'varchar'],
    ['a string', `json_value('{"a":"x\\u00e9"}', 'lax $.a')`, 'xé', 'varchar'],
    ['an object', `json_value('{"a":{"b":1}}', 'lax $.a')`, null, 'varchar'],
    ['an array', `json_value('{"a":[1]}', 'lax $.a')`, null, 'varchar'],
    ['two items', `json_value('[{"a":1},{"a":2}]', 'lax $.a')`, null, 'varchar'],
    ['one item through an array', `json_value('[{"a":1}]', 'lax $.a')`, '1', 'varchar'],
    ['an element', `json_value('{"a":[1,2]}', 'lax $.a[1]')`, '2', 'varchar'],
    ['[0] of a scalar (lax wraps)', `json_value('{"a":1}', 'lax $.a[0]')`, '1', 'varchar'],
    ['a repeated key: the last', `json_value('{"a":1,"a":2}', 'lax $.a')`, '2', 'varchar'],
    ['keys by case', `json_value('{"A":1}', 'lax $.a')`, null, 'varchar'],
    ['a quoted key', `json_value('{"a b":1}', 'lax $."a b"')`, '1', 'varchar'],
    ['$[*][0] of two arrays: two items', `json_value('[[1],[2]]', 'lax $[*][0]')`, null, 'varchar'],
    ['a text that is not JSON', `json_value('x', 'lax $.a')`, null, 'varchar'],
    ['a column', `json_value(s, 'lax $.a') FROM (VALUES '{"a":1}') t(s)`, '1', 'varchar'],
    ['in a correlated subquery', `(SELECT json_value(t.s, 'lax $.a')) FROM (VALUES '{"a":1}') t(s)`, '1', 'varchar'],
    ['the defaults written out', `json_value('{"a":1}', 'lax $.b' RETURNING varchar NULL ON EMPTY NULL ON ERROR)`, null, 'varchar'],
    ['a lone surrogate', `json_value('{"a":"\\ud83d"}', 'lax $.a')`, '?', 'varchar'],
    ['1e400', `json_value('{"a":1e400}', 'lax $.a')`, 'Infinity', 'varchar'],
  ],
  [
    ['a json operand (Trino: TYPE_MISMATCH)', `json_value(j, 'lax $.a') FROM (VALUES JSON '{"a":1}') t(j)`, /Cannot read input of type json as JSON/],
    ['a visibly json operand (lint)', `json_exists(json_parse('{}'), 'lax $.a')`, /unfaithful\/sql-json.*Cannot read input of type json/],
    ['strict mode (lint)', `json_value('{"a":1}', 'strict $.a')`, /unfaithful\/sql-json.*'strict \$\.a' is not supported locally/],
    ['last (lint)', `json_value('{"a":[1,2]}', 'lax $.a[last]')`, /unfaithful\/sql-json.*is not supported locally/],
    ['RETURNING bigint (lint)', `json_value('{"a":1}', 'lax $.a' RETURNING bigint)`, /unfaithful\/sql-json.*RETURNING bigint is not supported locally/],
    ['ERROR ON ERROR (lint)', `json_value('{"a":1}', 'lax $.a' ERROR ON ERROR)`, /unfaithful\/sql-json.*ERROR ON ERROR is not supported/],
    ['json_query OMIT QUOTES (lint)', `json_query('{"a":1}', 'lax $.a' OMIT QUOTES)`, /unfaithful\/sql-json.*OMIT QUOTES is not supported/],
    ['json_query EMPTY ARRAY ON EMPTY (lint)', `json_query('{"a":1}', 'lax $.a' EMPTY ARRAY ON EMPTY)`, /unfaithful\/sql-json.*EMPTY ARRAY ON EMPTY/],
  ],
);

describeFunctions('json_query, lax member and array accessors, wrappers', [
  ['an array', `json_query('{"a":[1,2]}', 'lax $.a')`, '[1,2]', 'varchar'],
  ['a scalar without wrapper', `json_query('{"a":1}', 'lax $.a')`, '1', 'varchar'],
  ['a string', `json_query('{"a":"x"}', 'lax $.a')`, '"x"', 'varchar'],
  ['an object keeps its key order', `json_query('{"a":{"c":1,"b":2}}', 'lax $.a')`, '{"c":1,"b":2}', 'varchar'],
  ['a repeated key: first place, last value', `json_query('{"a":{"b":1,"c":2,"b":3}}', 'lax $.a')`, '{"b":3,"c":2}', 'varchar'],
  [
    'numbers as Jackson writes them',
    `json_query('{"a":[1e2, -0, 1.50, 12345678901234567890, 1e400, true, null]}', 'lax $.a')`,
    '[100.0,0,1.5,12345678901234567890,"Infinity",true,null]',
    'varchar',
  ],
  ['strings as Jackson writes them', `json_query('{"a":{"x":"\\ud83d\\ude42é\\n\\u0001/"}}', 'lax $.a')`, '{"x":"\\uD83D\\uDE42é\\n\\u0001/"}', 'varchar'],
  ['spaces dropped', `json_query('{"a": [ 1 , { "b" : 2 } ] }', 'lax $.a')`, '[1,{"b":2}]', 'varchar'],
  ['JSON null', `json_query('{"a":null}', 'lax $.a')`, 'null', 'varchar'],
  ['several items without wrapper', `json_query('{"a":[1,2]}', 'lax $.a[*]')`, null, 'varchar'],
  ['no item', `json_query('{"a":1}', 'lax $.b')`, null, 'varchar'],
  ['no item with a wrapper', `json_query('{"a":1}', 'lax $.b' WITH ARRAY WRAPPER)`, null, 'varchar'],
  ['not JSON', `json_query('x', 'lax $.a')`, null, 'varchar'],
  ['WITH WRAPPER of a scalar', `json_query('{"a":1}', 'lax $.a' WITH WRAPPER)`, '[1]', 'varchar'],
  ['WITH ARRAY WRAPPER of items', `json_query('{"a":[1,2]}', 'lax $.a[*]' WITH ARRAY WRAPPER)`, '[1,2]', 'varchar'],
  ['UNCONDITIONAL of an array', `json_query('{"a":[1,2]}', 'lax $.a' WITH UNCONDITIONAL ARRAY WRAPPER)`, '[[1,2]]', 'varchar'],
  ['CONDITIONAL of an array', `json_query('{"a":[1,2]}', 'lax $.a' WITH CONDITIONAL WRAPPER)`, '[1,2]', 'varchar'],
  ['CONDITIONAL of two items', `json_query('{"a":[{"b":1},{"b":[2]}]}', 'lax $.a.b' WITH CONDITIONAL WRAPPER)`, '[1,[2]]', 'varchar'],
  ['WITHOUT ARRAY WRAPPER', `json_query('{"a":[1,2]}', 'lax $.a' WITHOUT ARRAY WRAPPER)`, '[1,2]', 'varchar'],
  ['the defaults written out', `json_query('{"a":1}', 'lax $.a' RETURNING varchar WITH WRAPPER NULL ON EMPTY)`, '[1]', 'varchar'],
  ['a column', `json_query(s, 'lax $.a[*]' WITH WRAPPER) FROM (VALUES '{"a":[1,"x"]}') t(s)`, '[1,"x"]', 'varchar'],
  ['a lone surrogate', `json_query('{"a":"\\ud83d"}', 'lax $.a')`, '"\\uD83D"', 'varchar'],
]);
