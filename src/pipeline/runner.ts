// Runs a project on an engine: DDL, then models in DAG order (each followed by its data-quality checks), then alerts,
// then dashboard views. A failed step (after retries) or a failed blocking check skips everything downstream of it.
// Every step leaves a run record, appended to the run_log table at the end.
import { randomUUID } from 'node:crypto';
import { EngineError, type Engine } from '../engines/engine.js';
import type { KeyValueStore } from '../storage/kv-store/key-value-store.js';
import type { ObjectStore } from '../storage/object-store/index.js';
import { logTimestamp, RecordLog } from '../storage/record-log.js';
import { retry, type Sleep } from '../retry/retry.js';
import { DialectError } from '../dialect/diagnostics.js';
import { engineErrorAt, locateEngineError, withSourceExcerpt } from '../project/error-location.js';
import type { Project, ProjectNode } from '../project/model.js';
import { selectNodes, type SelectorInput } from '../project/selector.js';
import type { Variables } from '../project/variables.js';
import { checkRunner, compileChecks, declaredColumns, runCheck, type CompiledCheck } from './checks.js';
import { STRATEGIES } from './materialize/index.js';
import type { Period } from './periods.js';
import { silentReporter, type RunRecord, type RunReporter, type StepKind } from './reporter.js';
import { ddlStatements, materializationOf, materializeRequest, periodsFor, runtimeVariables } from './steps.js';
import { runLogSpec } from './run-log.js';
import { serveModel } from './serve-step.js';

/** A data-quality check compiled for one model (see src/pipeline/checks.ts). */
export interface CheckLike {
  id: string;
  severity: 'error' | 'warn';
  description: string;
}

export interface ChecksDependency<C extends CheckLike = CheckLike> {
  compile(node: ProjectNode, project: Project): C[];
  run(engine: Engine, check: C, options: { database: string; now: Date }): Promise<{ passed: boolean; failures: number; error?: string }>;
  /** Runs a node's checks as `run` does, sharing work between them (checkRunner); without it, `run` per check. */
  series?(
    engine: Engine,
    checks: C[],
  ): { run(check: C, options: { database: string; now: Date }): Promise<{ passed: boolean; failures: number; error?: string }> };
}

export interface AlertsDependency {
  /**
   * Evaluates one alert node at `at`; resolves to a one-line outcome and the bytes its query scanned (where the engine
   * reports them), rejects when the evaluation itself failed.
   */
  evaluate(node: ProjectNode, at: Date): Promise<{ fired: number; summary: string; bytesScanned?: number }>;
}

export interface PipelineContext {
  project: Project;
  engine: Engine;
  objectStore: ObjectStore;
  /** Stage variables (projectVariables); `now` and the period variables are added per step. */
  variables: Variables;
  reporter?: RunReporter;
  /** Data-quality checks run after each model; default: the project's contracts (src/pipeline/checks.ts). */
  checks?: ChecksDependency<CheckLike>;
  alerts?: AlertsDependency;
  /** The key-value table named by a model's `serve` header (locally a JSON file, on AWS DynamoDB); none: no serving. */
  servingStore?: (table: string) => KeyValueStore;
  /** Attempts per step unless a model's header sets `retries`; backoff between them. */
  retry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number; sleep?: Sleep };
  now?: () => Date;
  signal?: AbortSignal;
}

export interface RunOptions {
  /** Space-separated selectors (a union), or `--select`/`--exclude`; default: every node. */
  selector?: SelectorInput;
  from?: Date;
  to?: Date;
  /** Run incremental models once per period instead of once over the whole range. */
  perPeriod?: boolean;
  /**
   * Nodes that did not load (src/project/partial.ts): a selected broken node is a failed step with its load error,
   * whatever depends on it is skipped; the rest runs.
   */
  unloaded?: { blocked: ReadonlyMap<string, string>; broken: ReadonlySet<string> };
  /** false: leave the alerts out (`lake run --no-alerts`); default true. */
  alerts?: boolean;
}

/** One step of a run: a node, and for period models the period it runs for. */
export interface PlannedStep {
  node: ProjectNode;
  period: Period | undefined;
}

/** The steps a run will take, in the project's run order (what `lake run --dry-run` prints). */
export function planRun(project: Project, options: RunOptions, now: Date): PlannedStep[] {
  const nodes = selectNodes(project, options.selector).filter((n) => options.alerts !== false || n.kind !== 'alert');
  return nodes.flatMap((node) =>
    node.kind === 'ddl' || node.kind === 'alert' ? [{ node, period: undefined }] : periodsFor(node, options, now).map((period) => ({ node, period })),
  );
}

export interface RunSummary {
  runId: string;
  records: RunRecord[];
  ok: boolean;
  rowsWritten: number;
  bytesScanned: number;
  /** Bytes scanned per statement, for cost reporting. */
  bytesPerStatement: number[];
}

const CONTRACT_CHECKS: ChecksDependency = {
  compile: compileChecks,
  run: runCheck,
  series: (engine: Engine, checks: CompiledCheck[]) => ({ run: checkRunner(engine, checks) }),
};

const TRANSIENT_CODES = new Set(['EBUSY', 'EAGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

/** Deterministic failures (syntax, missing tables, rejected SQL) fail at once; transient ones are retried. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof EngineError) return error.details.retryable === true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && TRANSIENT_CODES.has(code);
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function runPipeline(ctx: PipelineContext, options: RunOptions = {}): Promise<RunSummary> {
  const reporter = ctx.reporter ?? silentReporter;
  const clock = ctx.now ?? (() => new Date());
  const runId = `${clock().toISOString().replace(/[-:.]/g, '').slice(0, 15)}-${randomUUID().slice(0, 8)}`;
  const now = clock();
  const plan = planRun(ctx.project, options, now);
  const nodes = [...new Set(plan.map((step) => step.node))];
  const records: RunRecord[] = [];
  const bytesPerStatement: number[] = [];
  const blocked = new Map<string, string>(); // node id → why its downstream is skipped

  reporter.runStarted({ runId, steps: plan.length });
  // Databases are catalog containers, not steps: make sure every one the run writes to exists (Athena: Glue).
  for (const database of new Set([ctx.project.config.database, ...nodes.map((n) => n.database)])) {
    await ctx.engine.execute(`CREATE DATABASE IF NOT EXISTS ${database}`, { signal: ctx.signal });
  }
  for (const [index, { node, period }] of plan.entries()) {
    const step = node.id;
    const kind: StepKind = node.kind;
    const loadError = options.unloaded?.broken.has(node.id) ? options.unloaded.blocked.get(node.id) : undefined;
    const upstreamBlock = node.upstream.map((u) => blocked.get(u)).find(Boolean) ?? (loadError ? undefined : options.unloaded?.blocked.get(node.id));
    const started = clock();
    const base = {
      run_id: runId,
      step,
      kind,
      node: node.id,
      file: node.file,
      period_start: period ? logTimestamp(period.start) : null,
      period_end: period ? logTimestamp(period.end) : null,
      started_at: logTimestamp(started),
    };
    if (loadError) {
      blocked.set(node.id, `${node.id} does not load`);
      const record: RunRecord = {
        ...base,
        status: 'failed',
        attempts: 0,
        rows_written: null,
        bytes_scanned: null,
        duration_ms: 0,
        finished_at: logTimestamp(started),
        error: `does not load: ${loadError}`,
      };
      records.push(record);
      reporter.stepFinished(record);
      continue;
    }
    if (upstreamBlock) {
      blocked.set(node.id, upstreamBlock);
      const record: RunRecord = {
        ...base,
        status: 'skipped',
        attempts: 0,
        rows_written: null,
        bytes_scanned: null,
        duration_ms: 0,
        finished_at: logTimestamp(started),
        error: `skipped: ${upstreamBlock}`,
      };
      records.push(record);
      reporter.stepFinished(record);
      continue;
    }
    reporter.stepStarted({ step, kind, index });
    const vars = runtimeVariables(ctx.variables, now, period);
    let attempts = 0;
    try {
      const outcome = await retry(
        async (attempt) => {
          attempts = attempt;
          return runStep(ctx, node, vars, period, now);
        },
        {
          maxAttempts: node.header.retries !== undefined ? node.header.retries + 1 : (ctx.retry?.maxAttempts ?? 3),
          baseDelayMs: ctx.retry?.baseDelayMs ?? 500,
          maxDelayMs: ctx.retry?.maxDelayMs ?? 10_000,
          sleep: ctx.retry?.sleep,
          signal: ctx.signal,
          shouldRetry: isRetryable,
          onRetry: ({ error, attempt, delayMs }) => reporter.stepRetrying({ step, attempt, error: errorText(error), delayMs }),
        },
      );
      bytesPerStatement.push(...outcome.bytesPerStatement);
      const finished = clock();
      const record: RunRecord = {
        ...base,
        status: 'success',
        attempts,
        rows_written: outcome.rowsWritten,
        bytes_scanned: outcome.bytesPerStatement.length ? outcome.bytesPerStatement.reduce((a, b) => a + b, 0) : null,
        duration_ms: finished.getTime() - started.getTime(),
        finished_at: logTimestamp(finished),
        error: null,
      };
      records.push(record);
      reporter.stepFinished(record);
      if (node.kind === 'model') {
        const failedBlocking = await runChecks(ctx, ctx.checks ?? CONTRACT_CHECKS, node, now, runId, period, records, reporter);
        if (failedBlocking) blocked.set(node.id, `check ${failedBlocking} failed on ${node.id}`);
        else if (node.header.serve && ctx.servingStore)
          records.push(
            await serveModel(
              { engine: ctx.engine, store: ctx.servingStore(node.header.serve.table), signal: ctx.signal },
              node,
              node.header.serve,
              period,
              runId,
              reporter,
            ),
          );
      }
    } catch (error) {
      const finished = clock();
      const record: RunRecord = {
        ...base,
        status: 'failed',
        attempts,
        rows_written: null,
        bytes_scanned: null,
        duration_ms: finished.getTime() - started.getTime(),
        finished_at: logTimestamp(finished),
        error: engineErrorAt(errorText(error), node),
      };
      records.push(record);
      reporter.stepFinished(record);
      blocked.set(node.id, `${node.id} failed`);
      if (ctx.signal?.aborted) break;
    }
  }
  reporter.runFinished({ runId, records });
  await appendRunLog(ctx, records, now);
  return {
    runId,
    records,
    ok: records.every((r) => r.status !== 'failed'),
    rowsWritten: records.reduce((sum, r) => sum + (r.kind === 'check' || r.kind === 'serve' ? 0 : (r.rows_written ?? 0)), 0),
    bytesScanned: bytesPerStatement.reduce((a, b) => a + b, 0),
    bytesPerStatement,
  };
}

interface StepOutcome {
  rowsWritten: number | null;
  bytesPerStatement: number[];
}

async function runStep(ctx: PipelineContext, node: ProjectNode, vars: Variables, period: Period | undefined, now: Date): Promise<StepOutcome> {
  const { engine } = ctx;
  if (node.kind === 'ddl') {
    const bytes: number[] = [];
    for (const statement of ddlStatements(node, vars)) {
      try {
        const result = await engine.execute(statement.sql, { database: node.database, signal: ctx.signal });
        if (result.stats.bytesScanned !== undefined) bytes.push(result.stats.bytesScanned);
      } catch (error) {
        throw atStatement(error, node, statement);
      }
    }
    return { rowsWritten: null, bytesPerStatement: bytes };
  }
  if (node.kind === 'alert') {
    if (!ctx.alerts) throw new Error('alerts are not configured for this run');
    const { bytesScanned } = await ctx.alerts.evaluate(node, period?.end ?? now);
    return { rowsWritten: null, bytesPerStatement: bytesScanned === undefined ? [] : [bytesScanned] };
  }
  const strategy = STRATEGIES[materializationOf(node)];
  const bytes: number[] = [];
  const counting: Engine = {
    name: engine.name,
    capabilities: engine.capabilities,
    close: () => engine.close(),
    execute: async (sql, options) => {
      const result = await engine.execute(sql, { ...options, signal: ctx.signal });
      if (result.stats.bytesScanned !== undefined) bytes.push(result.stats.bytesScanned);
      return result;
    },
    // Kept when the engine has it: the incremental strategy takes the native write only when it is offered.
    ...(engine.replacePartitions && {
      replacePartitions: (target, selectSql, options) => engine.replacePartitions!(target, selectSql, { ...options, signal: ctx.signal }),
    }),
    // Likewise: a table model is rebuilt only on an engine that swaps tables in one catalog update.
    ...(engine.swapTable && { swapTable: (source, target, properties) => engine.swapTable!(source, target, properties) }),
  };
  const declared = materializationOf(node) === 'incremental' ? declaredColumns(node, ctx.project) : undefined;
  const request = { ...materializeRequest(node, vars), ...(declared ? { declaredColumns: declared } : {}) };
  const outcome = await strategy(request, { engine: counting, objectStore: ctx.objectStore });
  return { rowsWritten: materializationOf(node) === 'view' ? null : outcome.rowsWritten, bytesPerStatement: bytes };
}

/** A DDL statement's error placed in its file: rejected SQL by its diagnostics, engine errors by the token they name. */
function atStatement(error: unknown, node: ProjectNode, statement: { sql: string; line: number }): Error {
  let message: string;
  if (error instanceof DialectError) {
    message = error.diagnostics
      .map((d) => `${node.file}:${statement.line + d.line - 1}:${d.col}: ${d.message}${d.hint ? `\n  hint: ${d.hint}` : ''}`)
      .join('\n');
  } else {
    const source = { file: node.file, sql: statement.sql, bodyLine: statement.line };
    const at = locateEngineError(errorText(error), source) ?? { line: statement.line, col: 1 };
    message = `${node.file}:${at.line}:${at.col}: ${withSourceExcerpt(errorText(error), source, at)}`;
  }
  if (error instanceof EngineError) return new EngineError(message, error.details);
  return new Error(message, { cause: error });
}

async function runChecks(
  ctx: PipelineContext,
  checks: ChecksDependency<CheckLike>,
  node: ProjectNode,
  now: Date,
  runId: string,
  period: Period | undefined,
  records: RunRecord[],
  reporter: RunReporter,
): Promise<string | undefined> {
  let failedBlocking: string | undefined;
  const compiled = checks.compile(node, ctx.project);
  const series = checks.series?.(ctx.engine, compiled) ?? {
    run: (check: CheckLike, options: { database: string; now: Date }) => checks.run(ctx.engine, check, options),
  };
  for (const check of compiled) {
    const started = new Date();
    const result = await series
      .run(check, { database: node.database, now })
      .catch((error: unknown) => ({ passed: false, failures: 0, error: errorText(error) }));
    const finished = new Date();
    const failedText = result.error ?? `${result.failures} failing row${result.failures === 1 ? '' : 's'}: ${check.description}`;
    const record: RunRecord = {
      run_id: runId,
      step: check.id,
      kind: 'check',
      node: node.id,
      file: node.file,
      period_start: period ? logTimestamp(period.start) : null,
      period_end: period ? logTimestamp(period.end) : null,
      status: result.passed ? 'success' : check.severity === 'error' ? 'failed' : 'success',
      attempts: 1,
      rows_written: null,
      bytes_scanned: null,
      duration_ms: finished.getTime() - started.getTime(),
      started_at: logTimestamp(started),
      finished_at: logTimestamp(finished),
      error: result.passed ? null : check.severity === 'warn' ? `warning: ${failedText}` : failedText,
    };
    records.push(record);
    reporter.stepFinished(record);
    if (!result.passed && check.severity === 'error') failedBlocking ??= check.id;
  }
  return failedBlocking;
}

async function appendRunLog(ctx: PipelineContext, records: RunRecord[], at: Date): Promise<void> {
  const bucket = ctx.variables.lake_bucket;
  if (typeof bucket !== 'string' || records.length === 0) return;
  const log = new RecordLog(ctx.objectStore, runLogSpec(bucket));
  await log.ensureTable(ctx.engine, ctx.project.config.database);
  await log.append(
    records.map((r) => ({ ...r })),
    at,
  );
}
