// `lake lint`'s bind worker translates a model's query again with the catalog's column types when it has a subquery
// or a set operation (engine.ts columnTypesNamed: the bench's WITH queries count); those translations are shared
// between queries of one shape too (issue 18, src/lint/shape-translations.ts typesKey), with the types in the key.
// What a query takes must be what translating it with its own types gives, byte for byte; where that is not shown,
// no sharing.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeModelsProject } from '../../bench/models.js';
import { translateStatement } from '../../src/dialect/translate/index.js';
import type { CatalogColumn } from '../../src/dialect/translate/known-types.js';
import { QueryTranslations, translateExpressions, type ExpressionTranslation, type QueryOptions } from '../../src/dialect/translate/query.js';
import { ShapeTranslations, tablesIn, typesKey } from '../../src/lint/shape-translations.js';
import { analyzeProject } from '../../src/project/loader.js';
import { modelStatement, schemaVariables } from '../../src/testing/schemas.js';

type Types = NonNullable<QueryOptions['columnTypes']>;
const columns = (spec: string): CatalogColumn[] =>
  spec.split(', ').map((c) => {
    const [name, trinoType] = c.split(' ');
    return { name, trinoType };
  });
const types = (database: string, tables: Record<string, string>): Types => ({
  database,
  columns: new Map(Object.entries(tables).map(([name, spec]) => [`${database}.${name}`, columns(spec)])),
});

/** The translation of `sql` (types `sqlTypes`) through shapes already holding that of `first` (types `firstTypes`). */
function sharedAfter(first: string, firstTypes: Types, sql: string, sqlTypes: Types, ctas: boolean) {
  const shapes = new ShapeTranslations();
  const translate = (text: string, columnTypes: Types) => () => translateExpressions(text, undefined, { ctas, columnTypes });
  const outcome = (run: () => ExpressionTranslation) => {
    try {
      return run();
    } catch (error) {
      return { sql: '', diagnostics: [], error: String(error) };
    }
  };
  const through = (text: string, tables: string[], columnTypes: Types) =>
    outcome(() => new QueryTranslations([], shapes.forTables(tables)).translate(text, { ctas }, translate(text, columnTypes), columnTypes));
  through(first, ['aa01', 'aa02'], firstTypes);
  const got = through(sql, ['bb01', 'bb02'], sqlTypes);
  return { got, own: outcome(translate(sql, sqlTypes)), shared: shapes.shared };
}

/** Queries over tables aa01 and aa02 that read their columns' types, and the same over bb01 and bb02. */
const QUERIES = [
  'SELECT aa01.id, (SELECT max(v) FROM aa02 WHERE aa02.id = aa01.id) AS m FROM aa01',
  'SELECT k, (SELECT v + k FROM aa01 WHERE v = k) AS s FROM aa02', // a bare outer name, told apart by the types
  'SELECT id, v FROM aa01 UNION ALL SELECT id, w FROM aa02',
  'SELECT id FROM aa01 INTERSECT SELECT k FROM aa02',
  'WITH x AS (SELECT id, v FROM aa01) SELECT x.id, sum(x.v) AS s FROM x WHERE x.id IN (SELECT id FROM aa02) GROUP BY x.id',
  'SELECT * FROM aa01 WHERE EXISTS (SELECT 1 FROM aa02 WHERE aa02.id = aa01.id AND aa02.w > aa01.v)',
  "SELECT a.id, a.v / 2 AS h, CASE WHEN a.v > 1 THEN 'x' ELSE 'y' END AS c FROM aa01 a WHERE a.id IN (SELECT id FROM aa02)",
];
const renamed = (sql: string) => sql.replaceAll('aa01', 'bb01').replaceAll('aa02', 'bb02');
const SPEC = { aa01: 'id bigint, v double', aa02: 'id bigint, k integer, w decimal(10,2)' };
const RENAMED_SPEC = { bb01: SPEC.aa01, bb02: SPEC.aa02 };

describe('lake lint’s bind shares the translations made with the catalog’s column types', () => {
  it('queries renamed with their tables’ types: the translation each would get', () => {
    let shared = 0;
    for (const sql of QUERIES)
      for (const ctas of [false, true]) {
        const result = sharedAfter(sql, types('db', SPEC), renamed(sql), types('db', RENAMED_SPEC), ctas);
        expect(result.got, sql).toEqual(result.own);
        expect(result.got.sql).not.toMatch(/aa0/);
        shared += result.shared;
      }
    // Not vacuous: most took the first's translation.
    expect(shared).toBeGreaterThanOrEqual(2 * (QUERIES.length - 2));
  });

  it('other types, another database or types in another order: no sharing, each its own translation', () => {
    const other = [
      types('db', { bb01: 'id bigint, v bigint', bb02: SPEC.aa02 }),
      types('db2', RENAMED_SPEC),
      types('db', { bb02: SPEC.aa02, bb01: SPEC.aa01 }),
    ];
    for (const sql of QUERIES)
      for (const sqlTypes of other) {
        const result = sharedAfter(sql, types('db', SPEC), renamed(sql), sqlTypes, false);
        expect(result.shared, sql).toBe(0);
        expect(result.got, sql).toEqual(result.own);
      }
  });

  it('no shape where a replaced name is in the types otherwise than as its table’s name', () => {
    const names = ['aa01'];
    expect(typesKey(types('db', { aa01: 'id bigint' }), names)).toBeDefined();
    expect(typesKey(types('db', { aa01: 'aa01 bigint' }), names)).toBeUndefined(); // a column
    expect(typesKey(types('db', { aa01: 'r row(aa01 integer)' }), names)).toBeUndefined(); // a field
    expect(typesKey(types('db', { aa01_x: 'id bigint' }), names)).toBeUndefined(); // a longer name
    expect(typesKey(types('aa01', { t: 'id bigint' }), names)).toBeUndefined(); // the database
    expect(typesKey({ database: 'db', columns: new Map([['other.aa01', columns('id bigint')]]) }, names)).toBeUndefined();
    // The same types under other names of one shape give one key; other columns, another.
    expect(typesKey(types('db', { aa01: 'id bigint' }), names)).toBe(typesKey(types('db', { bb01: 'id bigint' }), ['bb01']));
    expect(typesKey(types('db', { aa01: 'id bigint' }), names)).not.toBe(typesKey(types('db', { bb01: 'id integer' }), ['bb01']));
  });

  it('the bench’s models as the bind translates them with their tables’ types: shared and equal', { timeout: 180_000 }, async () => {
    const bench = mkdtempSync(join(tmpdir(), 'lake-lint39-'));
    writeModelsProject(bench, 150);
    const { project } = await analyzeProject(bench);
    const vars = schemaVariables(project);
    const shapes = new ShapeTranslations();
    const differ: string[] = [];
    let models = 0;
    for (const node of project.nodes) {
      const statement = modelStatement(node, vars);
      if (!statement) continue;
      const tables = tablesIn(node.database, node.dependsOn);
      // The bench's sources and models have these columns (bench/models.ts); the map in the order the model names them.
      const columnTypes = new Map(
        tables.map((t) => [
          `${statement.database}.${t}`,
          columns(
            t.startsWith('src_') ? 'id bigint, value double, category varchar, dt varchar' : 'id bigint, value double, n bigint, activity varchar, dt varchar',
          ),
        ]),
      );
      const ctx = { lakeRoot: '/lake', database: statement.database, columnTypes };
      const queries = new QueryTranslations([], shapes.forTables(tables));
      const got = JSON.stringify(translateStatement(statement.text, { ...ctx, queries }));
      if (got !== JSON.stringify(translateStatement(statement.text, ctx))) differ.push(node.file);
      models++;
    }
    expect(models).toBeGreaterThan(100);
    expect(differ).toEqual([]);
    expect(shapes.shared).toBeGreaterThan(100);
  });
});
