// `lake lint` translates a query model once (issue 18): the rules read their findings from the translation of the CTAS
// the bind runs (checkFaithfulEnclosed), and the bind worker reads that translation instead of making it again. The
// rules' findings must be checkFaithful's, byte for byte; the bind must read what it is handed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeModelsProject } from '../../bench/models.js';
import { checkFaithful, checkFaithfulEnclosed } from '../../src/dialect/lint/index.js';
import type { QueryTranslation } from '../../src/dialect/translate/query.js';
import { bindInShards, bindShard, resultBoard, shardOwners } from '../../src/lint/bind-shards.js';
import { analyzeProject } from '../../src/project/loader.js';
import type { Project } from '../../src/project/model.js';
import { modelStatement } from '../../src/testing/schemas.js';
import { makeProject } from '../project/project-helpers.js';

const DDL = "CREATE EXTERNAL TABLE reviews (id INT, rating INT, channel STRING, note STRING)\nSTORED AS PARQUET\nLOCATION 's3://${lake_bucket}/reviews/'";

/** Query models written as users write them: headers, comments before and after, a query not at column 1. */
const EDGE_MODELS: Record<string, string> = {
  'sql/transforms/plain.sql': 'SELECT id, rating FROM reviews\n',
  'sql/transforms/header.sql': '/*\ntags: [x]\n*/\nSELECT\n  channel,\n  approx_set(rating) AS s\nFROM reviews\nGROUP BY channel\n',
  'sql/transforms/indented.sql': '/*\ntags: [x]\n*/\n  /* why */ SELECT approx_set(rating) AS s, id FROM reviews -- trailing\n-- after\n',
  'sql/transforms/leading.sql': '-- a comment line\n\n   SELECT x FROM (VALUES 2, 1) t(x) ORDER BY -1\n',
  'sql/transforms/distinct.sql': 'SELECT DISTINCT id FROM reviews ORDER BY rating\n',
  'sql/transforms/nulls.sql': 'SELECT id, NULL AS nothing FROM reviews\n',
  'sql/transforms/unnest.sql': 'SELECT r.id, u.x FROM reviews r LEFT JOIN UNNEST(ARRAY[r.rating]) AS u(x) ON u.x > 1\n',
  'sql/transforms/values.sql': 'VALUES (1, ROW(1, 2))\n',
  'sql/transforms/union.sql': "SELECT DECIMAL '12345678901234567890123456789012345678' AS d UNION ALL SELECT DECIMAL '0.1'\n",
  'sql/transforms/with.sql': 'WITH a AS (SELECT id, rating FROM reviews)\nSELECT id, codepoint(CAST(rating AS varchar)) AS c FROM a\n',
  'sql/transforms/semicolon.sql': 'SELECT DISTINCT id FROM reviews ORDER BY id;\n',
  'sql/transforms/partitioned.sql': 'SELECT id AS partitioned FROM reviews\n',
};

async function queryModels(root: string): Promise<Project> {
  const { project } = await analyzeProject(root);
  return project;
}

/** checkFaithful's findings and checkFaithfulEnclosed's (undefined where it declines) for every query model. */
function bothFindings(project: Project) {
  return project.nodes.flatMap((node) => {
    const statement = modelStatement(node);
    if (!statement) return [];
    const options = { file: node.file, lineOffset: node.bodyLine - 1 };
    const once = checkFaithfulEnclosed(node.sql, statement, options);
    // A CTAS column of type unknown is the enclosing CREATE TABLE's finding, which checkFaithful of the bare query
    // cannot see; `lake lint` reports it once, from the bind (tests/cli/lint-ctas-unknown.test.ts).
    const diagnostics = once?.diagnostics.filter((d) => d.rule !== 'unfaithful/column-type-unknown');
    return [{ file: node.file, rules: JSON.stringify(checkFaithful(node.sql, options)), once: diagnostics && JSON.stringify(diagnostics) }];
  });
}

describe('the rules read from the CTAS translation are checkFaithful’s', () => {
  it('on models with findings on their first and later lines, comments around them and a query not at column 1', async () => {
    const found = bothFindings(await queryModels(makeProject({ 'sql/ddl/reviews.sql': DDL, ...EDGE_MODELS })));
    expect(found.map((f) => f.file).sort()).toEqual(Object.keys(EDGE_MODELS).sort());
    for (const { file, rules, once } of found) if (once !== undefined) expect(once, file).toBe(rules);
    // Declined: a `;` after the query (checkFaithful reads it as part of the query), and the word PARTITIONED.
    expect(found.filter((f) => f.once === undefined).map((f) => f.file)).toEqual(['sql/transforms/partitioned.sql', 'sql/transforms/semicolon.sql']);
    // Not vacuous: most of them have findings, on the first line of the query and after it.
    const withFindings = found.filter((f) => f.once !== undefined && f.once !== '[]').map((f) => f.file);
    expect(withFindings.length).toBeGreaterThanOrEqual(7);
    expect(found.find((f) => f.file === 'sql/transforms/indented.sql')?.once).toMatch(/"line":4,"col":20/);
  });

  it('on the example project and on generated models', { timeout: 120_000 }, async () => {
    const bench = mkdtempSync(join(tmpdir(), 'lake-translate-once-'));
    writeModelsProject(bench, 150);
    const found = [...bothFindings(await queryModels(process.cwd())), ...bothFindings(await queryModels(bench))];
    const compared = found.filter((f) => f.once !== undefined);
    expect(compared.length).toBeGreaterThan(50);
    expect(compared.filter((f) => f.once !== f.rules)).toEqual([]);
  });
});

describe('the bind reads the translation it is handed', () => {
  const files = {
    'sql/ddl/reviews.sql': DDL,
    'sql/transforms/ratings.sql': 'SELECT id, rating + 1 AS rating FROM reviews\n',
    'sql/transforms/typed.sql': "SELECT id, rating || 'x' AS r FROM ratings\n",
    'sql/transforms/reader.sql': 'SELECT id, r FROM typed\n',
  };

  /** Every node bound in one shard, the models' CTAS translations handed over as `handed` makes them. */
  async function bindHanded(project: Project, handed: (id: string, made: QueryTranslation[]) => QueryTranslation[]) {
    const board = resultBoard();
    const translations = (id: string) => {
      const node = project.node(id);
      const statement = node && modelStatement(node);
      const once = node && statement && checkFaithfulEnclosed(node.sql, statement, { file: node.file, lineOffset: node.bodyLine - 1 });
      return once ? Promise.resolve(handed(id, once.translations)) : undefined;
    };
    await bindShard(project, 0, shardOwners(project, 1), { ...board, translations });
    return board.results;
  }
  const columns = (results: Awaited<ReturnType<typeof bindHanded>>, id: string) => results.get(id)?.schemas?.columns;
  const idOf = (project: Project, file: string) => project.nodes.find((n) => n.file === file)?.id ?? file;

  it('the same tables and errors as a bind that translates every model itself', { timeout: 60_000 }, async () => {
    const project = await queryModels(makeProject(files));
    const handed = await bindHanded(project, (_id, made) => made);
    const itself = await bindInShards(project, 1);
    expect([...handed.keys()].sort()).toEqual([...itself.keys()].sort());
    for (const [id, result] of itself) expect(handed.get(id), id).toEqual(result);
    // The upstream type error is the bind's finding, downstream fails with it.
    expect(itself.get(idOf(project, 'sql/transforms/typed.sql'))?.schemas?.failure).toMatch(/^Unexpected parameters \(integer, varchar\)/);
  });

  it('a handed translation is what the bind runs (so the model is not translated again)', { timeout: 60_000 }, async () => {
    const project = await queryModels(makeProject(files));
    const planted = (made: QueryTranslation[]) => made.map((t) => ({ ...t, translation: { sql: 'SELECT 42 AS planted', diagnostics: [] } }));
    const ratings = idOf(project, 'sql/transforms/ratings.sql');
    const results = await bindHanded(project, (id, made) => (id === ratings ? planted(made) : made));
    expect(columns(results, ratings)).toEqual([['analytics.ratings', [{ name: 'planted', type: 'integer' }]]]);
  });
});
