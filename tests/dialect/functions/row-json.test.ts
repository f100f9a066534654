// CAST(row AS JSON) as Trino 476 writes it (the shared oracle): a JSON object with the row's fields in their order,
// an anonymous row's fields all named "" and kept (`{"":1,"":"a"}`), while a map's keys are sorted. json_format and
// json_extract keep that text. https://trino.io/docs/current/functions/json.html#cast-to-json
import { describe, expect, it } from 'vitest';
import { jsonShape } from '../../../src/dialect/shims/json-canonical.js';
import { describeFunctions } from './harness.js';

describeFunctions(
  'rows cast to JSON',
  [
    ['an anonymous row', "CAST(ROW(1, 'a') AS JSON)", '{"":1,"":"a"}', 'json'],
    ['an anonymous row with a NULL', 'CAST(ROW(NULL, 2.5) AS JSON)', '{"":null,"":2.5}', 'json'],
    ['an anonymous row of columns', "CAST(ROW(x, y) AS JSON) FROM (VALUES (1, 'a')) t(x, y)", '{"":1,"":"a"}', 'json'],
    ['a one-field anonymous row', 'CAST(ROW(1) AS JSON)', '{"":1}', 'json'],
    ['an anonymous row in a row', "CAST(ROW(ROW(1, 2), 'a') AS JSON)", '{"":{"":1,"":2},"":"a"}', 'json'],
    ['anonymous rows in an array', "CAST(ARRAY[ROW(1, 'a'), ROW(2, 'b')] AS JSON)", '[{"":1,"":"a"},{"":2,"":"b"}]', 'json'],
    ['an anonymous row in parentheses in an array', "CAST(ARRAY[(ROW(1, 'a'))] AS JSON)", '[{"":1,"":"a"}]', 'json'],
    ['anonymous rows in a map, keys sorted', "CAST(MAP(ARRAY['b', 'a'], ARRAY[ROW(2, 1), ROW(3, 4)]) AS JSON)", '{"a":{"":3,"":4},"b":{"":2,"":1}}', 'json'],
    ['TRY_CAST of anonymous rows in an array', "TRY_CAST(ARRAY[ROW(1, 'a')] AS JSON)", '[{"":1,"":"a"}]', 'json'],
    ['a named row', "CAST(CAST(ROW(1, 'a') AS ROW(x int, y varchar)) AS JSON)", '{"x":1,"y":"a"}', 'json'],
    ['a named row keeps its field order', "CAST(CAST(ROW(1, 'a') AS ROW(y int, x varchar)) AS JSON)", '{"y":1,"x":"a"}', 'json'],
    ['named rows in an array keep their field order', 'CAST(ARRAY[CAST(ROW(1, 2) AS ROW(b int, a int))] AS JSON)', '[{"b":1,"a":2}]', 'json'],
    [
      'a row of quoted names holding a map',
      'CAST(CAST(ROW(1, 2.5e0, MAP(ARRAY[\'z\', \'y\'], ARRAY[1, 2])) AS ROW("b c" int, "a(" double, m map(varchar, integer))) AS JSON)',
      '{"b c":1,"a(":2.5,"m":{"y":2,"z":1}}',
      'json',
    ],
    ['json_format keeps a row’s JSON', "json_format(CAST(ROW(1, 'a') AS JSON))", '{"":1,"":"a"}', 'varchar'],
    ['json_extract of $ keeps a row’s JSON', "json_extract(CAST(ROW(1, 'a') AS JSON), '$')", '{"":1,"":"a"}', 'json'],
    ['a row’s JSON is not the JSON of its last field', 'CAST(ROW(1, \'a\') AS JSON) = JSON \'{"":"a"}\'', false, 'boolean'],
    ['json_format of a parsed document stays canonical', 'json_format(JSON \'{"b":1,"a":[1.50]}\')', '{"a":[1.5],"b":1}', 'varchar'],
    // A map read from a row's JSON: its repeated keys fail (TRY_CAST: NULL); json_parse keeps the last of a key.
    ['TRY_CAST of a row’s JSON to a map', "TRY_CAST(CAST(ROW(1, 'a') AS JSON) AS MAP(varchar, json))", null, 'map(varchar, json)'],
    ['a parsed document keeps the last of a key', 'CAST(json_parse(\'{"a":1,"a":2}\') AS MAP(varchar, integer))', { a: 2 }, 'map(varchar, integer)'],
    ['a map cast to a map', "CAST(m AS MAP(varchar, bigint)) FROM (VALUES MAP(ARRAY['a'], ARRAY[1])) t(m)", { a: 1 }, 'map(varchar, bigint)'],
  ],
  [
    [
      'CAST of a row’s JSON to a map',
      "CAST(CAST(ROW(1, 'a') AS JSON) AS MAP(varchar, json))",
      /Cannot cast to map\(varchar, json\)\. Duplicate map keys are not allowed/,
    ],
  ],
);

describe('the JSON shape of a DuckDB type', () => {
  it('tells rows, maps, lists and JSON fields apart through quoted names and nested types', () => {
    expect(jsonShape('STRUCT("a(b" INTEGER, m MAP(VARCHAR, STRUCT(INTEGER, VARCHAR))[], j JSON, d DECIMAL(10,2))')).toEqual({
      kind: 'row',
      fields: [
        { kind: 'other' },
        { kind: 'list', element: { kind: 'map', value: { kind: 'row', fields: [{ kind: 'other' }, { kind: 'other' }] } } },
        { kind: 'json' },
        { kind: 'decimal', scale: 2 },
      ],
    });
  });
});
