// JSON functions (https://trino.io/docs/current/functions/json.html).
import { refused, rewrite, shim, type FunctionFamily } from './entry.js';

const SQL_JSON = 'the SQL/JSON path language (lax/strict, RETURNING, ON EMPTY) is not implemented locally';

export const JSON: FunctionFamily = {
  json_extract: rewrite('Trino’s JSON path: $.a.b, $.a[0], $["a"]; a path Athena rejects ($.a[*], $..a, $[-1]) is refused', '2'),
  json_extract_scalar: rewrite('NULL for objects and arrays; a number’s text as written (1.50, 1e2); Trino’s JSON path as json_extract', '2'),
  json_parse: rewrite('JSON text to json', '1'),
  json_format: shim('trino_json_format', '1'),
  json_size: rewrite('members or elements at the path, 0 for a scalar, NULL when absent; Trino’s JSON path as json_extract', '2'),
  json_array_length: shim('trino_json_array_length', '1', 'NULL when not an array'),
  json_array_contains: shim(
    'trino_json_array_contains',
    '2',
    'a bigint needle matches JSON integers only; a double, real or decimal needle fractions and exponents only',
  ),
  json_array_get: shim(
    'trino_json_array_get',
    '2',
    'negative indexes count from the end; NULL out of range and for a JSON null; a string element (which Trino returns unquoted, not as JSON) is refused',
  ),
  is_json_scalar: shim('trino_is_json_scalar', '1'),
  json_exists: rewrite('lax paths of member and array accessors ($.a, $."a b", $.a[0], $[*]); FALSE ON ERROR; anything else is refused', '2'),
  json_value: rewrite('lax paths of member and array accessors; RETURNING varchar, NULL ON EMPTY, NULL ON ERROR; anything else is refused', '2'),
  json_query: rewrite(
    'lax paths of member and array accessors; WITH/WITHOUT [CONDITIONAL | UNCONDITIONAL] [ARRAY] WRAPPER, RETURNING varchar, NULL ON EMPTY, NULL ON ERROR; anything else is refused',
    '2',
  ),
  json_object: refused(SQL_JSON, 'CAST(MAP(ARRAY[…], ARRAY[…]) AS JSON)'),
  json_array: refused(SQL_JSON, 'CAST(ARRAY[…] AS JSON)'),
};
