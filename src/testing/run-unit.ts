// Runs one SQL unit test: a fresh in-memory local engine, one fixture table per input the model reads (same qualified
// name, real column types), the model's SQL as written (variables bound from the test), then a row diff against the
// expected rows. Upstream models are never built: their tables are fixtures like any other input.
import { defineAlert, evaluationWindow } from '../alerts/definition.js';
import { AthenaLocalEngine } from '../engines/local/engine.js';
import type { TranslationCache } from '../engines/local/translation-cache.js';
import { splitStatements } from '../dialect/statements.js';
import type { Column, Engine, QueryResult } from '../engines/engine.js';
import { canonicalType } from '../project/contract.js';
import { locateEngineError } from '../project/error-location.js';
import { checkScd2Source, scd2MergeSql, sourceColumns, type Scd2Config } from '../pipeline/materialize/scd2.js';
import { scd2ConfigOf } from '../pipeline/steps.js';
import { ProjectError } from '../project/errors.js';
import type { Project, ProjectNode } from '../project/model.js';
import { projectVariables, substituteVariables, timestampVariable, type VariableValue, type Variables } from '../project/variables.js';
import { diffRows, isEmptyDiff, type RowDiff } from './diff.js';
import { fixtureStatements, inferType, timestampText } from './fixtures.js';
import { isQuery, type TableSchemas } from './schemas.js';
import type { FixtureTable, UnitTest } from './spec.js';

export interface UnitTestResult {
  test: UnitTest;
  /** The model under test, when the test's `model` names one. */
  node?: ProjectNode;
  status: 'passed' | 'failed' | 'error';
  /** failed: how the output differs. */
  diff?: RowDiff;
  /** error: why the test could not run (bad fixture, SQL error, unknown model). */
  error?: string;
  durationMs: number;
}

export interface UnitTestContext {
  project: Project;
  schemas: TableSchemas;
  /** Folder the engines may use as their (unused) lake root. */
  scratchRoot: string;
  /** Opens the engine a test runs on; default: a fresh in-memory local engine. */
  openEngine?: (database: string) => Promise<Engine>;
  /** The default engine's translations, kept between runs (the lake folder's, translation-cache.ts). */
  translations?: TranslationCache;
}

class TestSetupError extends Error {}

const TIME_VARIABLES = new Set(['now', 'period_start', 'period_end', 'window_start', 'window_end']);
const GRAIN_MS = { hour: 3_600_000, day: 86_400_000 } as const;

/** The node a test's `model` names: an id, a name, or a table the node produces. */
export function resolveModel(project: Project, model: string): ProjectNode | undefined {
  const wanted = model.toLowerCase();
  const candidates = project.nodes.filter((n) => n.kind !== 'ddl');
  return (
    candidates.find((n) => n.id === wanted) ??
    candidates.find((n) => n.name.toLowerCase() === wanted) ??
    candidates.find((n) => n.produces.some((t) => t === wanted || t.endsWith(`.${wanted}`)))
  );
}

function testVariables(test: UnitTest, node: ProjectNode, project: Project): Variables {
  const given: Record<string, VariableValue> = {};
  for (const [name, value] of Object.entries(test.vars)) {
    given[name] = TIME_VARIABLES.has(name) ? timestampVariable(new Date(`${timestampText(value).replace(' ', 'T')}Z`)) : value;
  }
  const time = (name: string): Date | undefined => {
    const v = given[name];
    return v && typeof v === 'object' && !(v instanceof Date) && v.type === 'timestamp' ? v.value : undefined;
  };
  // Derive what a run would bind: an alert's window from `now`, a period's end from its start.
  const now = time('now');
  if (node.kind === 'alert' && now && !given.window_start) {
    const { windowStart, windowEnd } = evaluationWindow(defineAlert(node), now);
    given.window_start = timestampVariable(windowStart);
    given.window_end ??= timestampVariable(windowEnd);
  }
  const periodStart = time('period_start');
  if (periodStart && !given.period_end && node.header.period)
    given.period_end = timestampVariable(new Date(periodStart.getTime() + GRAIN_MS[node.header.period]));
  return projectVariables(project.config, project.stage, given);
}

function modelStatement(test: UnitTest, node: ProjectNode, project: Project): string {
  let sql: string;
  try {
    sql = substituteVariables(node.sql, testVariables(test, node, project), { file: node.file, lineOffset: node.bodyLine - 1 });
  } catch (error) {
    if (!(error instanceof ProjectError)) throw error;
    const missing = error.diagnostics.find((d) => d.message.startsWith('unknown variable'));
    throw new TestSetupError(missing ? `${missing.file}:${missing.line}: ${missing.message}: give it under vars: in the test` : error.message);
  }
  const statements = splitStatements(sql);
  if (statements.length !== 1) throw new TestSetupError(`${node.file}: expected one statement, found ${statements.length}`);
  return statements[0].text;
}

async function scd2Statement(engine: Engine, node: ProjectNode, selectSql: string, config: Scd2Config): Promise<string> {
  const source = await sourceColumns(engine, selectSql, node.database);
  checkScd2Source(source, config, node.id);
  return scd2MergeSql(
    node.produces[0]
      .split('.')
      .map((p) => `"${p}"`)
      .join('.'),
    selectSql,
    source,
    config,
  );
}

const qualify = (table: string, database: string): string => (table.includes('.') ? table : `${database}.${table}`).toLowerCase();

/** The fixture's columns: the table's real ones (test declarations override), or inferred from the rows. */
function fixtureColumns(table: string, fixture: FixtureTable | undefined, schemas: TableSchemas): Column[] {
  const declared = Object.entries(fixture?.columns ?? {}).map(([name, type]) => ({ name: name.toLowerCase(), type: canonicalType(type) }));
  const known = schemas.columns(table);
  if (known) {
    return [...known.map((c) => declared.find((d) => d.name === c.name) ?? c), ...declared.filter((d) => !known.some((c) => c.name === d.name))];
  }
  const rows = fixture?.rows ?? [];
  const names = [...new Set(rows.flatMap((r) => Object.keys(r).map((k) => k.toLowerCase())))];
  const inferred = names
    .filter((n) => !declared.some((d) => d.name === n))
    .map((name) => ({ name, type: inferType(rows.map((r) => Object.entries(r).find(([k]) => k.toLowerCase() === name)?.[1])) }));
  const columns = [...declared, ...inferred];
  if (columns.length === 0)
    throw new TestSetupError(`cannot type ${table}: ${schemas.whyUnknown(table)}; give its columns in the test (given: ${table}: columns: {…})`);
  return columns;
}

/** An engine a worker reuses across tests: each test drops the fixture tables it created. */
export interface ReusableEngine {
  engine?: Engine;
}

/**
 * Runs one test. With `reuse`, the test runs on `reuse.engine` (opened when missing) and drops its fixtures after;
 * if that cleanup fails the engine is closed and a fresh one is opened by the next test. Without, a fresh engine.
 */
export async function runUnitTest(test: UnitTest, ctx: UnitTestContext, reuse?: ReusableEngine): Promise<UnitTestResult> {
  const created: string[] = [];
  let engine: Engine | undefined;
  // Fixtures are tables of the in-memory catalog, no files: there are no bytes scanned to count (two statements less
  // per statement).
  const openFresh =
    ctx.openEngine ??
    ((database: string) =>
      AthenaLocalEngine.open({ lakeRoot: ctx.scratchRoot, inMemory: true, threads: 1, database, meterScans: false, translations: ctx.translations }));
  const open = async (database: string) => {
    engine = reuse?.engine ?? (await openFresh(database));
    if (reuse) reuse.engine = engine;
    return engine;
  };
  try {
    return await runOnEngine(test, ctx, open, created);
  } finally {
    if (engine && reuse) {
      try {
        for (const table of created)
          await engine.execute(
            `DROP TABLE IF EXISTS ${table
              .split('.')
              .map((p) => `\`${p}\``)
              .join('.')}`,
          );
      } catch {
        reuse.engine = undefined;
        await engine.close();
      }
    } else await engine?.close();
  }
}

async function runOnEngine(test: UnitTest, ctx: UnitTestContext, open: (database: string) => Promise<Engine>, created: string[]): Promise<UnitTestResult> {
  const started = performance.now();
  const node = resolveModel(ctx.project, test.model);
  const done = (partial: Omit<UnitTestResult, 'test' | 'node' | 'durationMs'>): UnitTestResult => ({
    test,
    node,
    durationMs: performance.now() - started,
    ...partial,
  });
  if (!node) return done({ status: 'error', error: `${test.file}:${test.line}: no model, alert or dashboard named '${test.model}' in the project` });
  try {
    const statement = modelStatement(test, node, ctx.project);
    // An scd2 model's SQL is its source query; what runs is the MERGE generated from it, into its table.
    const scd2 = scd2ConfigOf(node);
    const writes = scd2 !== undefined || !isQuery(statement);
    const target = node.produces[0];
    const inputs = writes && target ? [...node.dependsOn, target] : [...node.dependsOn];
    const given = new Map<string, FixtureTable>();
    for (const fixture of test.given) {
      const table = qualify(fixture.table, node.database);
      if (!inputs.includes(table)) {
        throw new TestSetupError(`${test.file}:${fixture.line}: ${node.file} does not read ${table} (it reads: ${node.dependsOn.join(', ') || 'no table'})`);
      }
      given.set(table, fixture);
    }
    const engine = await open(node.database);
    for (const table of inputs) {
      const fixture = given.get(table);
      let statements: string[];
      try {
        statements = fixtureStatements(table, fixtureColumns(table, fixture, ctx.schemas), fixture?.rows ?? []);
      } catch (error) {
        throw new TestSetupError(`${test.file}:${fixture?.line ?? test.line}: ${(error as Error).message}`);
      }
      for (const sql of statements) {
        try {
          await engine.execute(sql);
          // Only a table this test created is dropped after it: on a shared engine (a Trino cluster) a CREATE that
          // failed because the table exists must leave that table, someone's data, where it is.
          if (sql.startsWith('CREATE TABLE')) created.push(table);
        } catch (error) {
          throw new TestSetupError(
            `${test.file}:${fixture?.line ?? test.line}: fixture ${table} could not be created: ${(error as Error).message.split('\n')[0]}`,
          );
        }
      }
    }
    let output: QueryResult;
    try {
      output = await engine.execute(scd2 ? await scd2Statement(engine, node, statement, scd2) : statement, { database: node.database });
      if (writes)
        output = await engine.execute(
          `SELECT * FROM ${target
            .split('.')
            .map((p) => `"${p}"`)
            .join('.')}`,
        );
    } catch (error) {
      const message = (error as Error).message;
      const at = locateEngineError(message, node) ?? { line: node.bodyLine, col: 1 };
      throw new TestSetupError(`${node.file}:${at.line}:${at.col}: the ${node.kind} failed on the fixtures: ${message.split('\n')[0]}`);
    }
    let diff: RowDiff;
    try {
      diff = diffRows(test.expect.rows, output, test.expect);
    } catch (error) {
      throw new TestSetupError(`${test.file}:${test.expect.line}: ${(error as Error).message}`);
    }
    return done({ status: isEmptyDiff(diff) ? 'passed' : 'failed', diff });
  } catch (error) {
    if (error instanceof TestSetupError) return done({ status: 'error', error: error.message });
    return done({ status: 'error', error: `${test.file}:${test.line}: ${error instanceof Error ? error.message : String(error)}` });
  }
}
