// Hash orders written by a DDL file's later statements (issue 15; docs/issue-15-audit.md, hashv44's section;
// src/lint/hash-upstream.ts): `lake lint` read a DDL file's first query only, so a hash-built map a later CREATE VIEW,
// an UPDATE or a MERGE of the file wrote reached a downstream model's `map_keys` unrefused. Each statement is now read
// with what those before it wrote. Trino 476 (asked on 2026-12-08, memory and iceberg tables made by the same
// statements): map_keys of each such column is [3, 2, 1] (keys 3, 1, 2), the local engine's [3, 1, 2]; of a column an
// UPDATE set to a written MAP(ARRAY[3, 1, 2], …) it is [3, 1, 2] on both. No engine: the project's SQL is read as
// `lake lint` loads it.
import { beforeAll, describe, expect, it } from 'vitest';
import { upstreamHashOrderDiagnostics } from '../../src/lint/hash-upstream.js';
import { analyzeProject } from '../../src/project/loader.js';
import { makeProject } from '../project/project-helpers.js';

const KV = "FROM (VALUES (3, 'x'), (1, 'y'), (2, 'z')) t(k, v)";
const FILES = {
  'sql/ddl/maps.sql': [
    `CREATE TABLE a AS SELECT map_agg(k, v) AS m ${KV};`,
    "CREATE TABLE u AS SELECT 1 AS id, MAP(ARRAY[0], ARRAY['q']) AS w;",
    `UPDATE u SET w = (SELECT map_agg(k, v) ${KV});`,
    "CREATE TABLE g AS SELECT 1 AS id, MAP(ARRAY[0], ARRAY['q']) AS gm;",
    `MERGE INTO g t USING (SELECT 1 AS id, map_agg(k, v) AS mm ${KV}) s ON t.id = s.id WHEN MATCHED THEN UPDATE SET gm = s.mm;`,
    'CREATE VIEW c AS SELECT m AS n FROM a;',
    'CREATE VIEW d AS SELECT map_keys(w) AS wk FROM u;',
    "CREATE TABLE f AS SELECT 1 AS id, MAP(ARRAY[3, 1, 2], ARRAY['x', 'y', 'z']) AS fm;",
    '',
  ].join('\n'),
  'sql/transforms/reads_u.sql': 'SELECT id,\n  map_keys(w) AS wk\nFROM u\n',
  'sql/transforms/reads_g.sql': 'SELECT map_values(gm) AS gv FROM g\n',
  'sql/transforms/reads_c.sql': 'SELECT cardinality(n) AS c, map_entries(n) AS e FROM c\n',
  'sql/transforms/reads_f.sql': 'SELECT map_keys(fm) AS fk, array_sort(map_keys(w)) AS wk FROM f CROSS JOIN u\n',
};

let found: string[] = [];
beforeAll(async () => {
  const { project } = await analyzeProject(makeProject(FILES));
  found = upstreamHashOrderDiagnostics(project, () => true).map((d) => `${d.file}:${d.line}:${d.col} ${d.rule} ${d.message.split(' ')[0]}`);
});

describe("a DDL file's later statements and its UPDATE and MERGE mark what they write", () => {
  it.each([
    ["the file's own later view reading the UPDATE's column", 'sql/ddl/maps.sql:7:25 unfaithful/hash-order map_keys'],
    ['a later CREATE VIEW, read downstream', 'sql/transforms/reads_c.sql:1:29 unfaithful/hash-order map_entries'],
    ["a MERGE's UPDATE SET, read downstream", 'sql/transforms/reads_g.sql:1:8 unfaithful/hash-order map_values'],
    ["an UPDATE's SET, read downstream", 'sql/transforms/reads_u.sql:2:3 unfaithful/hash-order map_keys'],
  ])('%s is refused at its file:line:col', (_name, diagnostic) => {
    expect(found).toContain(diagnostic);
  });
  it('a written map and order-free uses are not refused (nothing else is reported)', () => {
    expect(found).toHaveLength(4);
  });
});
