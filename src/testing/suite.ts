// `lake test`: the unit tests of the selected models (in parallel: each runs in its own in-memory engine, so nothing
// is shared) and, beside them, the contract checks of the selected tables over the local lake (one engine, one query at
// a time).
// A check whose table is not in the local lake yet is skipped, not failed: unit tests need no data, checks do.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { AthenaLocalEngine } from '../engines/local/engine.js';
import { TranslationCache } from '../engines/local/translation-cache.js';
import { CodeStampedCache } from '../storage/code-stamped-cache.js';
import type { Engine } from '../engines/engine.js';
import { checkRunner, compileChecks, type CheckResult, type CompiledCheck } from '../pipeline/checks.js';
import { fileSyntaxErrors } from '../lint/syntax.js';
import { loadPartialProject } from '../project/partial.js';
import type { Project } from '../project/model.js';
import { selectNodes, selectsEverything, type SelectorInput } from '../project/selector.js';
import { resolveModel, runUnitTest, type ReusableEngine, type UnitTestResult } from './run-unit.js';
import { discoverSchemas } from './schema-cache.js';
import { loadUnitTests, type UnitTest } from './spec.js';

export interface TestRunOptions {
  /** dbt-style selector (`lake graph` syntax); default: everything. */
  selector?: SelectorInput;
  stage?: string;
  /** Run contract checks over the local lake (default true). */
  checks?: boolean;
  /** Local lake folder for checks; default: the project's. */
  lakeRoot?: string;
  /** Unit tests run at once; default: the machine's cores (at most 4). */
  concurrency?: number;
  /** `${now}` for freshness checks; default: the current time. */
  now?: Date;
  /**
   * Runs the unit tests on this engine instead of fresh in-memory local ones. The engine is shared by every test,
   * so they run one at a time (their fixture tables would collide otherwise). Contract checks stay on the local lake.
   */
  unitEngine?: (database: string) => Promise<Engine>;
}

export interface CheckOutcome {
  check: CompiledCheck;
  result?: CheckResult;
  /** Why the check did not run (no local lake, table not built yet). */
  skipped?: string;
}

export interface TestReport {
  project: Project;
  /** Selected nodes that did not load (their file or an upstream one is broken): not tested, a failure. */
  unloaded: Array<{ node: string; reason: string }>;
  unit: UnitTestResult[];
  checks: CheckOutcome[];
  durationMs: number;
}

/** Whether the run failed: a unit test failed or errored, or an error-severity check failed. */
export const reportFailed = (report: TestReport): boolean =>
  report.unloaded.length > 0 ||
  report.unit.some((u) => u.status !== 'passed') ||
  report.checks.some((c) => c.result && !c.result.passed && c.check.severity === 'error');

async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T, worker: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (id: number) => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, (_, id) => worker(id)));
  return results;
}

export async function runTests(root: string, options: TestRunOptions = {}): Promise<TestReport> {
  const started = performance.now();
  // A broken file fails only the tests of what it blocks: the rest of the project is tested as usual.
  const { project, blocked } = await loadPartialProject(root, { stage: options.stage, checkNode: fileSyntaxErrors });
  const chosen = selectNodes(project, options.selector);
  const unloaded = chosen.filter((n) => blocked.has(n.id)).map((n) => ({ node: n.id, reason: blocked.get(n.id)! }));
  const selected = new Set(chosen.filter((n) => !blocked.has(n.id)).map((n) => n.id));
  const lakeRoot = options.lakeRoot ?? join(project.root, project.config.lake);
  const testFiles = CodeStampedCache.load(lakeRoot, 'test-files');
  const tests = (await loadUnitTests(root, project.config.sql, testFiles)).filter((t: UnitTest) => {
    const node = resolveModel(project, t.model);
    // A test naming no model is reported (as an error) unless a selector narrows the run.
    return node ? selected.has(node.id) : selectsEverything(options.selector);
  });
  testFiles.save();
  const concurrency = options.unitEngine ? 1 : (options.concurrency ?? Math.min(4, availableParallelism()));
  // The checks read the lake on an engine of their own and the unit tests need none of it: they run side by side
  // (DuckDB works off the main thread, so a second core serves one while the other binds and queries).
  // Every run translates the same fixtures, models and checks: kept in the lake folder, shared by all the engines.
  const translations = TranslationCache.load(lakeRoot);
  const [unit, checks] = await Promise.all([
    runUnitTests(project, tests, concurrency, lakeRoot, translations, options.unitEngine),
    options.checks === false ? [] : runContractChecks(project, selected, lakeRoot, translations, options),
  ]);
  return { project, unloaded, unit, checks, durationMs: performance.now() - started };
}

async function runUnitTests(
  project: Project,
  tests: UnitTest[],
  concurrency: number,
  lakeRoot: string,
  translations: TranslationCache,
  openEngine?: (database: string) => Promise<Engine>,
): Promise<UnitTestResult[]> {
  if (tests.length === 0) return [];
  const scratchRoot = await mkdtemp(join(tmpdir(), 'lake-test-'));
  try {
    // Only the tables the tests read (and, for MERGE models, write) need types.
    const inputs = tests.flatMap((t) => {
      const node = resolveModel(project, t.model);
      return node ? [...node.dependsOn, ...node.produces] : [];
    });
    const schemas = await discoverSchemas(project, [...new Set(inputs)], lakeRoot);
    // One engine per worker, reused from test to test (opening one costs more than a small test).
    const engines = Array.from({ length: concurrency }, (): ReusableEngine => ({}));
    try {
      return await inParallel(tests, concurrency, (test, worker) =>
        runUnitTest(test, { project, schemas, scratchRoot, translations, ...(openEngine ? { openEngine } : {}) }, engines[worker]),
      );
    } finally {
      for (const { engine } of engines) await engine?.close();
    }
  } finally {
    await rm(scratchRoot, { recursive: true, force: true });
  }
}

async function runContractChecks(
  project: Project,
  selected: Set<string>,
  lakeRoot: string,
  translations: TranslationCache,
  options: TestRunOptions,
): Promise<CheckOutcome[]> {
  const compiled: CheckOutcome[] = [];
  for (const node of project.nodes) {
    if (!selected.has(node.id)) continue;
    for (const check of compileChecks(node, project)) compiled.push({ check });
  }
  if (compiled.length === 0) return [];
  if (!existsSync(join(lakeRoot, '.duckdb', 'catalog.duckdb'))) {
    return compiled.map((c) => ({ ...c, skipped: `no local lake at ${lakeRoot} (build it with \`lake run\`)` }));
  }
  // One DuckDB thread: the checks' scans are small, and a second thread cost more CPU in handing work over than it
  // saved (issue 18: ~0.1 s of the checks' ~0.95 s on the example); the unit tests run beside them anyway.
  const engine = await AthenaLocalEngine.open({ lakeRoot, translations, threads: 1 });
  try {
    const exists = tableExistence(engine);
    const runCheck = checkRunner(
      engine,
      compiled.map((c) => c.check),
    );
    // One read-only attachment of the lake's catalog for all the checks, not one (and a reading of it) per query.
    await engine.shared(async () => {
      for (const outcome of compiled) {
        if (!(await exists(outcome.check.table))) outcome.skipped = `${outcome.check.table} is not in the local lake yet`;
        else outcome.result = await runCheck(outcome.check, { now: options.now });
      }
    });
  } finally {
    await engine.close();
  }
  return compiled;
}

function tableExistence(engine: Engine): (table: string) => Promise<boolean> {
  const byDatabase = new Map<string, Set<string>>();
  return async (table) => {
    const [database, name] = table.split('.');
    if (!byDatabase.has(database)) {
      try {
        const result = await engine.execute(`SHOW TABLES IN \`${database}\``);
        byDatabase.set(database, new Set(result.rows.map((r) => String(r[0]).toLowerCase())));
      } catch {
        byDatabase.set(database, new Set());
      }
    }
    return byDatabase.get(database)!.has(name);
  };
}
