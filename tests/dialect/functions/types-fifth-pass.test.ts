// Types, fifth pass (docs/issue-15-audit.md): unknown and NULL types, TRY_CAST and reduce. Trino 476's values, types
// and errors (the shared oracle, `lake sql --engine trino`), each group checked by breaking its fix once.
import { describeFunctions } from './harness.js';

// An array's element at a NULL index keeps the element type in Trino 476; DuckDB typed it NULL (unknown) when the
// index folds to NULL, and a bare or NULL-typed index took trino_map_key's zoned overload (map_keys of an array).
describeFunctions('an array or map element at a NULL index', [
  ['an index that folds to NULL (random tier, seed 20261205 case 2773)', "element_at(ARRAY['a'], element_at(MAP(), 'x') - 1)", null, 'varchar'],
  ['a bare NULL subscript', "ARRAY['a'][NULL]", null, 'varchar'],
  ['element_at at a bare NULL', "element_at(ARRAY['a'], NULL)", null, 'varchar'],
  ['nullif(1, 1) as the subscript', "ARRAY['a'][nullif(1, 1)]", null, 'varchar'],
  ['a typed NULL subscript', "ARRAY['a'][CAST(NULL AS integer)]", null, 'varchar'],
  ['an array of arrays at a typed NULL', 'element_at(ARRAY[ARRAY[1]], CAST(NULL AS bigint))', null, 'array(integer)'],
  ['a map at a bare NULL', "MAP(ARRAY['k'], ARRAY[DATE '2020-01-01'])[NULL]", null, 'date'],
  ['element_at of a map at a bare NULL', "element_at(MAP(ARRAY['k'], ARRAY[DATE '2020-01-01']), NULL)", null, 'date'],
  ['a NULL index from an outer column', "(SELECT ARRAY['a', 'b'][t.i + NULL]) FROM (VALUES 2) t(i)", null, 'varchar'],
  ['an index from an outer column', "(SELECT ARRAY['a', 'b'][t.i]) FROM (VALUES 2) t(i)", 'b', 'varchar'],
]);

// An array of unknown elements made by a call or read from a column (a literal ARRAY[] is refused at lint) joined with
// another array by || or two-argument concat(): Trino 476 fails AMBIGUOUS_FUNCTION_CALL (join or append?), where DuckDB
// joined them. Three or more arguments are Trino's variadic concat, which joins; two arrays of unknown elements join.
const AMBIGUOUS_CONCAT = /^AMBIGUOUS_FUNCTION_CALL: \|\| or concat\(\) of an array of unknown elements/;
describeFunctions(
  'arrays of unknown elements joined with another array',
  [
    ['concat of three arguments', 'concat(ARRAY[1], transform(ARRAY[2], x -> NULL), ARRAY[3])', [1, null, 3], 'array(integer)'],
    ['concat of three arguments, the unknown one first', 'concat(transform(ARRAY[2], x -> NULL), ARRAY[1], ARRAY[3])', [null, 1, 3], 'array(integer)'],
    ['two arrays of unknown elements', 'transform(ARRAY[], x -> NULL) || transform(ARRAY[], x -> NULL)', [], 'array(unknown)'],
    ['a typed NULL array', "ARRAY['a'] || CAST(NULL AS array(varchar))", null, 'array(varchar)'],
    ['an array with a NULL element', "ARRAY['a'] || ARRAY[NULL, 'b']", ['a', null, 'b'], 'array(varchar)'],
  ],
  [
    [
      'flatten(…) || array_except(transform(ARRAY[], …), …) (random tier, seed 20261205 case 1177)',
      'flatten(ARRAY[ARRAY[1]]) || array_except(transform(ARRAY[], x -> NULL), ARRAY[])',
      AMBIGUOUS_CONCAT,
    ],
    ['|| of a transform to NULL', 'ARRAY[1] || transform(ARRAY[], x -> NULL)', AMBIGUOUS_CONCAT],
    ['two-argument concat', 'concat(ARRAY[1], transform(ARRAY[2], x -> NULL))', AMBIGUOUS_CONCAT],
    ['an array of arrays', 'ARRAY[ARRAY[1]] || transform(ARRAY[2], x -> NULL)', AMBIGUOUS_CONCAT],
    ['repeat(NULL, 2)', "ARRAY['a'] || repeat(NULL, 2)", AMBIGUOUS_CONCAT],
    ['a column of ARRAY[]', 'a || ARRAY[1] FROM (SELECT ARRAY[] AS a)', AMBIGUOUS_CONCAT],
    ['a column of ARRAY[NULL] from VALUES', "ARRAY['a'] || a FROM (VALUES ARRAY[NULL]) t(a)", AMBIGUOUS_CONCAT],
    ['a grouped column of a transform to NULL', 'ARRAY[1] || a FROM (SELECT transform(ARRAY[1], x -> NULL) AS a) GROUP BY a', AMBIGUOUS_CONCAT],
  ],
);
