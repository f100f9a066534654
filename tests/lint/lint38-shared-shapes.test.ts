// `lake lint` translates a query of one shape once (issue 18, src/lint/shape-translations.ts): a model whose query is
// another's but for the names of the tables it reads takes that translation with its own names put back. What it
// takes must be what translating it gives, byte for byte, findings included; where that is not shown, no sharing.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeModelsProject } from '../../bench/models.js';
import { QueryTranslations, translateExpressions, type ExpressionTranslation, type QueryOptions } from '../../src/dialect/translate/query.js';
import { checkFile } from '../../src/lint/file-checks.js';
import { ShapeTranslations, isOrdinaryName, shapeOf } from '../../src/lint/shape-translations.js';
import { analyzeProject } from '../../src/project/loader.js';
import { modelStatement, schemaVariables } from '../../src/testing/schemas.js';

/** Every query model of the project checked with and without the shared translations (as `lake lint` does). */
async function compareModels(root: string) {
  const { project } = await analyzeProject(root);
  const vars = schemaVariables(project);
  const shapes = new ShapeTranslations();
  const differ: string[] = [];
  let models = 0;
  for (const node of project.nodes) {
    const statement = modelStatement(node, vars);
    if (!statement) continue;
    const prefix = `${node.database.toLowerCase()}.`;
    const tables = node.dependsOn.filter((t) => t.toLowerCase().startsWith(prefix)).map((t) => t.slice(prefix.length).toLowerCase());
    const item = { sql: node.sql, file: node.file, lineOffset: node.bodyLine - 1, parse: false, enclosing: statement, tables };
    models++;
    if (JSON.stringify(await checkFile(item, shapes)) !== JSON.stringify(await checkFile(item))) differ.push(node.file);
  }
  return { models, differ, shared: shapes.shared };
}

/** `sql` translated through shapes already holding the translation of `first` (its tables `firstTables`). */
function sharedAfter(first: string, firstTables: string[], sql: string, tables: string[], options: QueryOptions = {}) {
  const shapes = new ShapeTranslations();
  const translate = (text: string) => () => translateExpressions(text, undefined, options);
  // A query the translator throws on (a CTAS column without a name) keeps nothing: the error is compared.
  const outcome = (run: () => ExpressionTranslation) => {
    try {
      return run();
    } catch (error) {
      return { sql: '', diagnostics: [], error: String(error) };
    }
  };
  outcome(() => new QueryTranslations([], shapes.forTables(firstTables)).translate(first, options, translate(first)));
  const got = outcome(() => new QueryTranslations([], shapes.forTables(tables)).translate(sql, options, translate(sql)));
  return { got, own: outcome(translate(sql)), shared: shapes.shared };
}

/** Names-sensitive queries over tables aa01 and aa02, and the same over bb01 and bb02. */
const QUERIES = [
  'SELECT aa01.id, aa01.v + 1, count(*) AS n FROM aa01 GROUP BY aa01.id, aa01.v + 1',
  'SELECT aa01.id, aa01.v + 1 AS w, count(*) AS n FROM aa01 GROUP BY aa01.id, aa01.v + 1',
  'SELECT * FROM aa01 JOIN aa02 USING (id) ORDER BY 1',
  'SELECT x.id, y.v FROM aa01 x LEFT JOIN aa01 y ON x.id = y.id NATURAL JOIN aa02',
  'SELECT aa01.*, (SELECT max(v) FROM aa02 WHERE aa02.id = aa01.id) AS m FROM aa01',
  'WITH w AS (SELECT id FROM aa02) SELECT a.id FROM aa01 a WHERE a.id IN (SELECT id FROM w) AND EXISTS (SELECT 1 FROM aa02 WHERE aa02.k = a.k)',
  'SELECT t.id, u.x FROM aa01 t CROSS JOIN UNNEST(t.xs) AS u(x) UNION ALL SELECT id, v FROM aa02',
  "SELECT id, date_add('day', 1, dt) AS d, CASE WHEN count(*) > 10 THEN 'busy' ELSE 'quiet' END AS a FROM aa01 GROUP BY id, dt",
  'SELECT aa01 FROM (SELECT 1 AS aa01) aa02',
];
const renamed = (sql: string) => sql.replaceAll('aa01', 'bb01').replaceAll('aa02', 'bb02');

describe('lake lint shares the translation of a query shape', () => {
  it('on the bench’s models and the example project: the same findings and translations as translating each', { timeout: 180_000 }, async () => {
    const bench = mkdtempSync(join(tmpdir(), 'lake-lint38-'));
    writeModelsProject(bench, 150);
    const models = await compareModels(bench);
    expect(models.differ).toEqual([]);
    // Not vacuous: most bench models took a shared translation.
    expect(models.shared).toBeGreaterThan(100);
    const example = await compareModels(process.cwd());
    expect(example.models).toBeGreaterThan(20);
    expect(example.differ).toEqual([]);
  });

  it('queries naming their tables as qualifiers, in joins, subqueries, stars and as other names: renamed alike', () => {
    for (const sql of QUERIES)
      for (const ctas of [false, true]) {
        const { got, own, shared } = sharedAfter(sql, ['aa01', 'aa02'], renamed(sql), ['bb01', 'bb02'], { ctas });
        expect(got, sql).toEqual(own);
        expect(shared, sql).toBe(own.diagnostics.length === 0 && !('error' in own) ? 1 : 0);
        expect(got.sql).not.toMatch(/aa0/);
      }
  });

  it('a translation with a finding is not shared: each query gets its own, at its own place', () => {
    const first = "SELECT approx_set(v) AS s FROM aa01\nWHERE format_datetime(ts, 'YYYY') > ''";
    const { got, own, shared } = sharedAfter(first, ['aa01'], renamed(first), ['bb01']);
    expect(own.diagnostics.length).toBeGreaterThan(0);
    expect(shared).toBe(0);
    expect(got).toEqual(own);
  });

  it('no shape where a table’s name is read otherwise than as a name, and names of one shape have one length and order', () => {
    const tables = new Set(['aa01', 'aa02']);
    const shape = (sql: string, names = tables) => shapeOf(sql, names, {})?.key;
    expect(shape('SELECT id FROM aa01')).toBeDefined();
    for (const sql of [
      'SELECT t.aa01 FROM aa01 t', // a field or qualified name
      'SELECT aa01(x) FROM aa01', // a call
      'SELECT * FROM TABLE(sequence(start => 1, aa01 => 2)) CROSS JOIN aa01', // a named argument
      "SELECT 'aa01' AS s FROM aa01", // inside a string
      'SELECT id FROM aa01 -- aa01', // inside a comment
      'SELECT aa01_id FROM aa01', // inside a longer word
      'SELECT id FROM AA01', // another spelling
      'SELECT "aa01".id FROM aa01', // quoted
    ])
      expect(shape(sql), sql).toBeUndefined();
    expect(shape('SELECT id FROM aa01 JOIN aa02 USING (id)')).toBe(shape('SELECT id FROM aa01 JOIN aa02 USING (id)', new Set(['aa02', 'aa01', 'cc'])));
    expect(shape('SELECT id FROM aa01')).not.toBe(shape('SELECT id FROM aaa01', new Set(['aaa01'])));
    // Order: aa01 < aa02 and bb02 > bb01 read in the other order.
    expect(shape('SELECT id FROM aa01, aa02')).not.toBe(shape('SELECT id FROM bb02, bb01', new Set(['bb01', 'bb02'])));
    expect(shape('SELECT id FROM aa01, aa02')).toBe(shape('SELECT id FROM bb01, bb02', new Set(['bb01', 'bb02'])));
    // A name some word list of the translator holds stays as written.
    for (const name of ['date', 'sequence', 'bigint', 'window', 'values', 'Mixed', '_x', 'trino_subscript', 'a__b'])
      expect(isOrdinaryName(name), name).toBe(false);
    expect(shape('SELECT id FROM sequence', new Set(['sequence']))).toBeUndefined();
  });
});
