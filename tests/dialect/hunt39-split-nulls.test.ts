// Hand probes of split and split_to_map (docs/issue-15-audit.md, "Random hunt with new seeds … branch hunt39"): a NULL
// delimiter gives NULL in Trino 476, where DuckDB's string_split(s, NULL) is [s]: split of a varchar NULL delimiter
// answered ['a,b'], split_to_map('a=1', NULL, '=') {a=1} (silent). (split('a,b', NULL), a delimiter of no type, still
// fails locally: "cast_to_type cannot be used to cast to NULL", loud.) Every value and type below is Trino 476's answer, asked of the shared Trino.
import { describeFunctions } from './functions/harness.js';

describeFunctions(
  'split and split_to_map with a NULL delimiter',
  [
    ['split by a varchar NULL column', "split(x, d) FROM (VALUES ('a,b', CAST(NULL AS varchar))) t(x, d)", null, 'array(varchar)'],
    ['split by a varchar NULL', "split('a,b', CAST(NULL AS varchar))", null, 'array(varchar)'],
    ['split_to_map by a NULL entry delimiter', "split_to_map('a=1', NULL, '=')", null, 'map(varchar, varchar)'],
    ['split_to_map by a NULL key delimiter', "split_to_map('a=1', ',', NULL)", null, 'map(varchar, varchar)'],
    ['split_to_multimap by a NULL entry delimiter', "split_to_multimap('a=1', NULL, '=')", null, 'map(varchar, array(varchar))'],
    // Other delimiters keep their answers.
    ['split by a comma', "split('a,b,,c', ',')", ['a', 'b', '', 'c'], 'array(varchar)'],
    ['split of NULL', "split(NULL, ',')", null, 'array(varchar)'],
    ['a subscript of split', "split('a,b', ',')[2]", 'b', 'varchar'],
    ['split_to_map', "split_to_map('a=1,b=2', ',', '=')", { a: '1', b: '2' }, 'map(varchar, varchar)'],
  ],
  [['split by an empty string', "split('a,b', '')", /The delimiter may not be the empty string/]],
);
