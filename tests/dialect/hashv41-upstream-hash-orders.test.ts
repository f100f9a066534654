// Hash orders through upstream models (issue 15; docs/issue-15-audit.md, hashv41's section; src/lint/hash-upstream.ts):
// a model's `map_agg(k, v) AS m` column holds Trino 476's hash order (map_keys of map_agg of 3, 1, 2 is [3, 2, 1] there,
// [3, 1, 2] locally; written to a table of Trino 476's memory catalog and read back, map_keys of the column is still
// [3, 2, 1]: asked of the shared Trino 476 on 2026-12-07), so `map_keys(m)` in a downstream model is refused by
// `lake lint` at its file:line:col; an order-free use (cardinality, array_sort) is not, nor a column of a model that
// builds no such map. No engine: the project's SQL is read as `lake lint` loads it.
import { describe, expect, it } from 'vitest';
import { upstreamHashOrderDiagnostics } from '../../src/lint/hash-upstream.js';
import { analyzeProject } from '../../src/project/loader.js';
import { makeProject } from '../project/project-helpers.js';

const FILES = {
  'sql/transforms/maps.sql': "SELECT map_agg(k, v) AS m, MAP(ARRAY[3, 1, 2], ARRAY['x', 'y', 'z']) AS w FROM (VALUES (3, 'x'), (1, 'y'), (2, 'z')) t(k, v)\n",
  'sql/transforms/renamed.sql': 'SELECT m AS n, w FROM maps\n',
  'sql/transforms/reads.sql':
    'SELECT\n  cardinality(map_keys(m)) AS c,\n  array_sort(map_values(m)) AS s,\n  map_keys(w) AS wk,\n  map_keys(m) AS ks\nFROM maps\n',
  'sql/ddl/maps_v.sql': "CREATE VIEW maps_v AS SELECT map_agg(k, v) AS mv FROM (VALUES (3, 'x'), (1, 'y'), (2, 'z')) t(k, v)\n",
  'sql/transforms/reads_v.sql': 'SELECT map_keys(mv) AS ks, cardinality(mv) AS c FROM maps_v\n',
  'sql/transforms/chained.sql': 'WITH r AS (SELECT n, w FROM renamed)\nSELECT map_keys(w) AS wk, map_entries(n) AS e FROM r\n',
};

describe("map_keys of an upstream model's hash-built map column", () => {
  it("is refused at its file:line:col, through a rename in a model between and of a DDL file's view too; order-free uses are not", async () => {
    const { project } = await analyzeProject(makeProject(FILES));
    const found = upstreamHashOrderDiagnostics(project, () => true).map((d) => `${d.file}:${d.line}:${d.col} ${d.rule} ${d.message.split(' ')[0]}`);
    expect(found.sort()).toEqual([
      'sql/transforms/chained.sql:2:27 unfaithful/hash-order map_entries',
      'sql/transforms/reads.sql:5:3 unfaithful/hash-order map_keys',
      'sql/transforms/reads_v.sql:1:8 unfaithful/hash-order map_keys',
    ]);
  });
});
