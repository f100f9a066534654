// `lake lint`: everything that can be known about sql/ without running it. Header, variable and DAG problems come
// from the loader; each file's SQL then goes through the syntax check and the unfaithful-construct rules.
import type { Diagnostic } from '../dialect/diagnostics.js';
import { createFileChecker, type FileChecker } from './check-pool.js';
import type { EnclosingStatement } from '../dialect/lint/index.js';
import type { FileCheckResult } from './file-checks.js';
import { TranslationFeed } from './translation-feed.js';
import { tablesIn } from './shape-translations.js';
import { bindThreads } from './bind-pool.js';
import { lakeRootOf, loadConfig } from '../project/config.js';
import { contractsWithoutTable, loadContractFiles } from '../project/contract.js';
import { ProjectError, sortDiagnostics } from '../project/errors.js';
import { modelStatement, schemaVariables, type TableSchemas } from '../testing/schemas.js';
import { bindDiagnostics, bindProject } from './bind.js';
import { upstreamHashOrderDiagnostics } from './hash-upstream.js';
import { dashboardDiagnostics, dashboardFiles } from './dashboards.js';
import { SyntaxCache } from './cache.js';
import { checkSyntaxWithoutGrammars } from './syntax.js';
import { analyzeProject } from '../project/loader.js';
import { neverRunDiagnostics } from '../pipeline/scheduled-selection.js';
import { selectNodes, selectsEverything, type Selection } from '../project/selector.js';

export interface LintOptions {
  stage?: string;
  /** Posix paths relative to the project root (files or folders); default: every SQL file. */
  paths?: string[];
  /** `--select`/`--exclude`: report only on the files of these nodes (with `paths`, on both). */
  selection?: Selection;
  /** Bind every query over empty typed inputs (default true; `--no-bind` skips it). */
  bind?: boolean;
  /** Reuse syntax results of unchanged files from `<lake>/.cache/` (default true). */
  cache?: boolean;
  /** Bind in this many scratch engines of this thread (tests of the sharding); default: worker threads on large projects. */
  bindShards?: number;
}

export interface LintResult {
  /** Files linted, relative to the project root. */
  files: string[];
  diagnostics: Diagnostic[];
}

/** A promise that never rejects unhandled while other work runs; `outcome` gives its value or throws its error. */
const settled = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
async function outcome<T>(result: Promise<{ value: T } | { error: unknown }>): Promise<T> {
  const done = await result;
  if ('error' in done) throw done.error;
  return done.value;
}

const within = (file: string, paths: string[] | undefined) =>
  !paths || paths.some((p) => p === '' || p === '.' || file === p || file.startsWith(`${p.replace(/\/+$/, '')}/`));

export async function lintProject(root: string, options: LintOptions = {}): Promise<LintResult> {
  const loaded = loadConfig(root);
  const cache = options.cache === false ? undefined : SyntaxCache.open(lakeRootOf(loaded));
  let checker: FileChecker | undefined;
  let feed: TranslationFeed | undefined;
  try {
    const { project, sources, diagnostics } = await analyzeProject(root, { stage: options.stage });
    const chosen = selectsEverything(options.selection) ? undefined : new Set(selectNodes(project, options.selection).map((n) => n.file));
    const wanted = (file: string) => within(file, options.paths) && (!chosen || chosen.has(file));
    const selected = sources.filter((n) => wanted(n.file));
    // Files the tokenizer could not read (unterminated quote or comment) were reported by the loader already.
    const unreadable = new Set(diagnostics.filter((d) => d.rule === 'syntax').map((d) => d.file));
    // The rules read each query model's findings from the translation of the CTAS the bind runs for it
    // (checkFaithfulEnclosed), which queries of one shape share (shape-translations.ts): with a bind worker, which then
    // takes that translation instead of making its own (translation-feed.ts), and with no bind at all (`--no-bind`,
    // issue 18: checkFaithful on each file translated all 1,000 bench models where the shapes need 44).
    const enclosing = new Map<string, { id: string; statement: EnclosingStatement; tables: string[] }>();
    const bindWorker = options.bind !== false && options.bindShards === undefined && bindThreads(project) > 0;
    if (bindWorker || options.bind === false) {
      const vars = schemaVariables(project);
      for (const n of selected) {
        const statement = !unreadable.has(n.file) && project.node(n.id) === n ? modelStatement(n, vars) : undefined;
        if (statement) enclosing.set(n.file, { id: n.id, statement, tables: tablesIn(n.database, n.dependsOn) });
      }
      if (bindWorker) feed = new TranslationFeed([...enclosing.values()].map((e) => e.id));
    }
    // Binding needs only the loaded nodes: it runs (in worker threads on large projects) beside the checks below.
    const binding = options.bind === false ? undefined : settled(bindProject(project, { shards: options.bindShards, feed }));
    const found = diagnostics.filter((d) => d.file === undefined || d.file === 'lakehouse.yaml' || wanted(d.file));
    // map_keys of an upstream model's hash-built map column (hash-upstream.ts).
    found.push(...upstreamHashOrderDiagnostics(project, wanted));
    // A named stage is one to deploy: every model must be run by something there.
    if (options.stage !== undefined) found.push(...neverRunDiagnostics(project).filter((d) => wanted(d.file as string)));

    const items = selected
      .filter((n) => !unreadable.has(n.file))
      .map((n) => {
        const key = SyntaxCache.key(n.sql, n.bodyLine - 1);
        const lineOffset = n.bodyLine - 1;
        const stored = cache?.get(n.file, key);
        // Files whose syntax is known without the grammars (the usual queries) are as good as cached.
        const known = stored ?? checkSyntaxWithoutGrammars(n.sql, { file: n.file, lineOffset });
        if (known && !stored) cache?.set(n.file, key, known);
        return { sql: n.sql, file: n.file, lineOffset, key, cached: known };
      });
    for (const item of items) found.push(...(item.cached ?? []));
    // Files known to have syntax errors need no further checks; the others run the rules (and parse unless known).
    const toCheck = items.filter((item) => !item.cached || item.cached.length === 0);
    // Models not checked further are translated by the bind itself.
    const checking = new Set(toCheck.map((item) => item.file));
    for (const [file, { id }] of enclosing) if (!checking.has(file)) feed?.post(id);
    // Worker threads only pay off when many files need the grammars.
    checker = createFileChecker(toCheck.filter((item) => !item.cached).length);
    // In run order, the bind worker's, so that it seldom waits for a translation.
    const runOrder = new Map(project.nodes.map((n, i) => [n.file, i]));
    const order = toCheck.map((_, i) => i).sort((a, b) => (runOrder.get(toCheck[a].file) ?? Infinity) - (runOrder.get(toCheck[b].file) ?? Infinity));
    const ordered = order.map((i) => toCheck[i]);
    const checked = await checker.check(
      ordered.map(({ sql, file, lineOffset, cached }) => {
        const model = enclosing.get(file);
        return { sql, file, lineOffset, parse: !cached, ...(model ? { enclosing: model.statement, tables: model.tables, forBind: feed !== undefined } : {}) };
      }),
      (k, result) => {
        const model = enclosing.get(ordered[k].file);
        if (model) feed?.post(model.id, result.translations);
      },
    );
    feed?.close();
    const results: FileCheckResult[] = new Array(toCheck.length);
    order.forEach((i, k) => (results[i] = checked[k]));
    toCheck.forEach((item, i) => {
      const { syntax, rules } = results[i];
      if (syntax) {
        found.push(...syntax);
        cache?.set(item.file, item.key, syntax);
      }
      found.push(...rules);
    });
    cache?.save(new Set(sources.map((n) => n.file)));
    let schemas: TableSchemas | undefined;
    if (binding) {
      const withErrors = new Set(found.filter((d) => d.severity === 'error').map((d) => d.file));
      const loadErrors = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
      const unloaded = new Set(project.nodes.filter((n) => loadErrors.has(n.file) || withErrors.has(n.file)).map((n) => n.id));
      const bound = bindDiagnostics(project, wanted, unloaded, await outcome(binding));
      found.push(...bound.diagnostics);
      schemas = bound.schemas;
    }
    // Dashboard files belong to no node: a node selection leaves them out.
    const dashboards = chosen ? [] : dashboardFiles(project).filter((f) => within(f, options.paths));
    found.push(...dashboardDiagnostics(project, dashboards, schemas));
    const contracts = contractDiagnostics(root, loaded.config, new Set(sources.flatMap((n) => n.produces)));
    // Contract files belong to no node: a node selection leaves them out.
    found.push(...contracts.diagnostics.filter((d) => d.file === undefined || (!chosen && within(d.file, options.paths))));
    const files = [...selected.map((n) => n.file), ...dashboards, ...contracts.files.filter((f) => !chosen && within(f, options.paths))];
    return { files, diagnostics: sortDiagnostics(found) };
  } finally {
    feed?.close();
    await checker?.close();
  }
}

/** `<sql>/contracts/*.yaml`: each contract valid against the schema (src/project/contract.ts) and for a table of the project. */
function contractDiagnostics(root: string, config: { sql: string; database: string }, produced: Set<string>): { files: string[]; diagnostics: Diagnostic[] } {
  try {
    const contracts = loadContractFiles(root, config.sql, config.database);
    const diagnostics = contractsWithoutTable(contracts, produced);
    return { files: [...new Set(contracts.map((c) => c.file))], diagnostics };
  } catch (error) {
    if (!(error instanceof ProjectError)) throw error;
    return { files: [...new Set(error.diagnostics.map((d) => d.file).filter((f): f is string => f !== undefined))], diagnostics: error.diagnostics };
  }
}
