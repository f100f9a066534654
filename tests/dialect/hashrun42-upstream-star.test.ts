// Hash orders through upstream models' stars (issue 15; docs/issue-15-audit.md, hashrun42's section): a model
// `SELECT * FROM maps` over a model whose `map_agg(k, v) AS m` column holds Athena's hash order passes the column on
// (Trino 476: a table written by `CREATE TABLE … AS SELECT * FROM` such a table, read back, map_keys(m) [3, 2, 1];
// locally [3, 1, 2]; asked of the shared Trino 476 on 2026-12-07), so `lake lint` refuses `map_keys(m)` downstream of
// it, as it does of the model itself (hashv41). No engine: the project's SQL is read as `lake lint` loads it.
import { describe, expect, it } from 'vitest';
import { upstreamHashOrderDiagnostics } from '../../src/lint/hash-upstream.js';
import { analyzeProject } from '../../src/project/loader.js';
import { makeProject } from '../project/project-helpers.js';

const FILES = {
  'sql/transforms/maps.sql': "SELECT map_agg(k, v) AS m, 1 AS one FROM (VALUES (3, 'x'), (1, 'y'), (2, 'z')) t(k, v)\n",
  'sql/transforms/starred.sql': 'SELECT * FROM maps\n',
  'sql/transforms/qualified.sql': 'SELECT s.* FROM starred s\n',
  'sql/transforms/reads.sql': 'SELECT one,\n  map_keys(m) AS ks,\n  cardinality(m) AS c\nFROM qualified\n',
};

describe("map_keys of a hash-built map column passed on by an upstream model's star", () => {
  it('is refused at its file:line:col through `*` and `s.*`; an order-free use is not', async () => {
    const { project } = await analyzeProject(makeProject(FILES));
    const found = upstreamHashOrderDiagnostics(project, () => true).map((d) => `${d.file}:${d.line}:${d.col} ${d.rule} ${d.message.split(' ')[0]}`);
    expect(found).toEqual(['sql/transforms/reads.sql:2:3 unfaithful/hash-order map_keys']);
  });
});
