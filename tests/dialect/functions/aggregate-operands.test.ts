// A shim whose argument holds an aggregate or window call is named by its `_any` variant (src/dialect/translate/
// unbound.ts): DuckDB cannot type an aggregate while it picks a macro overload. Every shim the translator names that
// way must have the variant, or the call fails with "Scalar Function with name …_any does not exist". Values and types
// are Trino 476's (the shared oracle); CAST(x AS JSON) of any value: https://trino.io/docs/current/functions/json.html#cast-to-json.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionSetupStatements } from '../../../src/dialect/shims/index.js';
import { describeFunctions } from './harness.js';

describeFunctions('shims over an aggregate or a window call', [
  ['CAST(array_agg AS JSON)', 'CAST(array_agg(x) AS JSON) FROM (VALUES 1, 2) t(x)', '[1,2]', 'json'],
  ['CAST(ordered array_agg AS JSON)', "CAST(array_agg(x ORDER BY x DESC) AS JSON) FROM (VALUES 'a', 'b') t(x)", '["b","a"]', 'json'],
  ['CAST(max AS JSON)', 'CAST(max(x) AS JSON) FROM (VALUES 1, 2) t(x)', '2', 'json'],
  ['CAST(max of dates AS JSON)', "CAST(max(d) AS JSON) FROM (VALUES DATE '2024-01-02') t(d)", '"2024-01-02"', 'json'],
  ['CAST(count AS JSON)', 'CAST(count(*) AS JSON) FROM (VALUES 1, 2) t(x)', '2', 'json'],
  ['CAST(sum of decimals AS JSON)', 'CAST(sum(x) AS JSON) FROM (VALUES 1.5, 2.25) t(x)', '3.75', 'json'],
  ['CAST(map_agg AS JSON)', "CAST(map_agg(k, v) AS JSON) FROM (VALUES ('a', 1), ('b', 2)) t(k, v)", '{"a":1,"b":2}', 'json'],
  ['CAST(a window call AS JSON)', 'CAST(row_number() OVER () AS JSON) FROM (VALUES 1) t(x)', '1', 'json'],
  // Maps compare as sets of entries (https://trino.io/docs/current/functions/map.html).
  ['map_agg = MAP in another order', "map_agg(k, v) = MAP(ARRAY['b', 'a'], ARRAY[2, 1]) FROM (VALUES ('a', 1), ('b', 2)) t(k, v)", true, 'boolean'],
]);

const TRANSLATE = 'src/dialect/translate';

describe('the _any variants', () => {
  it('exist for every shim the translator names through shimCall', () => {
    const named = readdirSync(TRANSLATE)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(join(TRANSLATE, f), 'utf8').matchAll(/shimCall(?:Text)?\('(\w+)'/g)].map((m) => m[1]));
    const defined = new Set(sessionSetupStatements().map((s) => /^CREATE OR REPLACE TEMP MACRO (\w+)\(/.exec(s)?.[1]));
    expect(named.length).toBeGreaterThan(5);
    expect([...new Set(named)].filter((name) => !defined.has(`${name}_any`))).toEqual([]);
  });
});
