// `lake lint`'s bind asks for the catalog's column types only where they can change what is checked (issue 18,
// lint40): a set operation, or a subquery that may read the outer row (correlated-subqueries.ts). A WITH query's body
// (`name AS (SELECT …`) cannot read one (62dd1d4), yet engine.ts's subquery test matched it, so every model written as
// a WITH query (all of the bench's 1,000) was translated a second time with types in the bind worker. The bind now
// reads the translation the rules made for those; the bound tables and errors are those of a bind that translates
// every model itself with the catalog's types.
import { describe, expect, it, vi } from 'vitest';
import { checkFaithfulEnclosed } from '../../src/dialect/lint/index.js';
import { QueryTranslations } from '../../src/dialect/translate/query.js';
import { bindInShards, bindShard, resultBoard, shardOwners } from '../../src/lint/bind-shards.js';
import { analyzeProject } from '../../src/project/loader.js';
import type { Project } from '../../src/project/model.js';
import { modelStatement } from '../../src/testing/schemas.js';
import { makeProject } from '../project/project-helpers.js';

const DDL = "CREATE EXTERNAL TABLE reviews (id INT, rating INT, channel STRING, note STRING)\nSTORED AS PARQUET\nLOCATION 's3://${lake_bucket}/reviews/'";

/** Models by file; `typed`: whether the bind translates it again with the catalog's column types. */
const MODELS: Record<string, { sql: string; typed: boolean }> = {
  'sql/transforms/with_body.sql': { sql: 'WITH a AS (SELECT id, rating FROM reviews)\nSELECT id, rating + 1 AS r FROM a\n', typed: false },
  'sql/transforms/with_columns.sql': { sql: 'WITH a(i, r) AS (\n  SELECT id, rating FROM reviews\n)\nSELECT i, r * 2 AS r2 FROM a\n', typed: false },
  'sql/transforms/with_nested.sql': {
    sql: 'WITH a AS (WITH b AS (SELECT id, note FROM reviews) SELECT id, note FROM b)\nSELECT id, coalesce(note, channel) AS n FROM a JOIN reviews USING (id)\n',
    typed: false,
  },
  'sql/transforms/with_type_error.sql': { sql: 'WITH a AS (SELECT id, channel FROM reviews)\nSELECT id, channel + 1 AS c FROM a\n', typed: false },
  'sql/transforms/derived.sql': { sql: 'SELECT id FROM (SELECT id FROM reviews) AS d\n', typed: false },
  'sql/transforms/correlated.sql': {
    sql: 'WITH a AS (SELECT id, rating FROM reviews)\nSELECT id FROM a WHERE rating > (SELECT avg(r.rating) FROM reviews r WHERE r.id = a.id)\n',
    typed: true,
  },
  'sql/transforms/in_body.sql': {
    sql: 'WITH a AS (SELECT id FROM reviews WHERE id IN (SELECT id FROM reviews WHERE rating > 2))\nSELECT id FROM a\n',
    typed: true,
  },
  'sql/transforms/exists.sql': { sql: 'SELECT id FROM reviews r WHERE EXISTS (SELECT 1 FROM reviews s WHERE s.id = r.id)\n', typed: true },
  'sql/transforms/union.sql': { sql: 'WITH a AS (SELECT id FROM reviews)\nSELECT id FROM a UNION ALL SELECT rating FROM reviews\n', typed: true },
};

/** Every node bound in one shard with the rules' translations handed over, as `lake lint` binds. */
async function bindHanded(project: Project) {
  const board = resultBoard();
  const translations = (id: string) => {
    const node = project.node(id);
    const statement = node && modelStatement(node);
    const once = node && statement && checkFaithfulEnclosed(node.sql, statement, { file: node.file, lineOffset: node.bodyLine - 1 });
    return once ? Promise.resolve(once.translations) : undefined;
  };
  await bindShard(project, 0, shardOwners(project, 1), { ...board, translations });
  return board.results;
}

describe("lake lint's bind: the catalog's types only for set operations and subqueries that may read the outer row", () => {
  it('translates no WITH query again, and binds every model as a bind translating each with the types does', { timeout: 60_000 }, async () => {
    const files = Object.fromEntries(Object.entries(MODELS).map(([file, { sql }]) => [file, sql]));
    const { project } = await analyzeProject(makeProject({ 'sql/ddl/reviews.sql': DDL, ...files }));
    const translate = vi.spyOn(QueryTranslations.prototype, 'translate');
    const handed = await bindHanded(project);
    // The bind's query is the model's, wrapped (`SELECT * FROM (…) AS "__lake_model"`).
    const typedQueries = translate.mock.calls.filter((call) => call[3] !== undefined).map((call) => call[0]);
    translate.mockRestore();
    const typedFiles = Object.entries(MODELS)
      .filter(([, { sql }]) => typedQueries.some((query) => query.includes(sql.trim())))
      .map(([file]) => file);
    expect(typedFiles.sort()).toEqual(
      Object.entries(MODELS)
        .filter(([, { typed }]) => typed)
        .map(([file]) => file)
        .sort(),
    );
    // The same tables and errors as a bind that translates every model itself (with the catalog's types wherever
    // engine.ts's broader test asks for them).
    const itself = await bindInShards(project, 1);
    expect([...handed.keys()].sort()).toEqual([...itself.keys()].sort());
    for (const [id, result] of itself) expect(handed.get(id), id).toEqual(result);
    const typeError = project.nodes.find((n) => n.file === 'sql/transforms/with_type_error.sql')!;
    expect(handed.get(typeError.id)?.schemas?.failure).toMatch(/varchar/);
  });
});
