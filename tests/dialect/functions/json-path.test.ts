// Trino's JSON path in json_extract, json_extract_scalar and json_size (found by asking Trino 476 and the local engine
// the same query; docs/issue-15-audit.md, "Found by the function hunt"). Values and types are Trino 476's; a path
// Trino 476 rejects ("Invalid JSON path") was answered by DuckDB's richer path language and is now refused at lint.
// https://trino.io/docs/current/functions/json.html#json-extract: "The value referenced by json_path … a subset of
// the JSONPath syntax" ($, .key, [index], ["key"]; no wildcards or recursive descent).
import { describe, expect, it } from 'vitest';
import { checkFaithful } from '../../../src/dialect/lint/index.js';
import { trinoJsonPathTokens } from '../../../src/dialect/translate/json-path.js';
import { describeFunctions } from './harness.js';

describeFunctions('JSON paths Trino accepts', [
  ['a quoted key then a quoted key', `json_extract('{"a": {"b": 5}}', '$["a"]["b"]')`, '5', 'json'],
  ['a dotted key then a quoted key', `json_extract('{"a": {"b": 5}}', '$.a["b"]')`, '5', 'json'],
  ['an unquoted subscript key', `json_extract('{"abc": 5}', '$[abc]')`, '5', 'json'],
  ['a colon in a dotted key', `json_extract('{"a:b": 5}', '$.a:b')`, '5', 'json'],
  ['a dot in a quoted key', `json_extract('{"a.b": 1}', '$["a.b"]')`, '1', 'json'],
  ['a dotted index on an array', `json_extract('[5]', '$.0')`, '5', 'json'],
  ['an index with a leading zero', `json_extract('{"a": [1,2]}', '$.a[01]')`, '2', 'json'],
  ['a letter outside ASCII', `json_extract('{"é": 5}', '$.é')`, '5', 'json'],
  ['the root', `json_extract('{"a": 5}', '$')`, '{"a":5}', 'json'],
  ['json_extract_scalar with a quoted key', `json_extract_scalar('{"a": {"b": "x"}}', '$["a"].b')`, 'x', 'varchar'],
  ['json_size with a quoted key', `json_size('{"a": [1, 2]}', '$["a"]')`, 2, 'bigint'],
]);

describe('JSON paths Trino rejects are refused at lint', () => {
  it.each([
    ['$.a[*]', 'json_extract'],
    ['$.a.*', 'json_extract'],
    ['$[-1]', 'json_extract'],
    ['a.b', 'json_extract'],
    ['$..b', 'json_extract'],
    ['$.a b', 'json_extract'],
    ['$.a-b', 'json_extract'],
    [' $.a', 'json_extract'],
    ['', 'json_extract'],
    ['$.a[*]', 'json_extract_scalar'],
    ['$.a[*]', 'json_size'],
  ])('%s in %s', (path, fn) => {
    const sql = `SELECT ${fn}(j, '${path}') FROM t`;
    const diagnostics = checkFaithful(sql);
    expect(diagnostics.map((d) => [d.rule, d.line, d.col])).toEqual([['unfaithful/json-path', 1, 8]]);
    expect(diagnostics[0].message).toContain('Invalid JSON path');
  });

  it('reads the tokens as Trino does', () => {
    expect(trinoJsonPathTokens('$.a["b\\"c"][0]')).toEqual(['a', 'b"c', '0']);
    expect(trinoJsonPathTokens('$["a\\x"]')).toBeUndefined();
    expect(trinoJsonPathTokens('$["a"')).toBeUndefined();
  });
});
