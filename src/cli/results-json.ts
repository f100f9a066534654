// `--format json` for `lake run` and `lake test`: one object per invocation, shaped like dbt's run_results.json
// (`results` with a `unique_id`, `status`, `execution_time` in seconds and a `message`; `elapsed_time`), so CI
// scripts written for dbt read it with small changes.
import type { RunSummary } from '../pipeline/runner.js';
import { checkFailureText, unitFailureText } from '../testing/format.js';
import type { TestReport } from '../testing/suite.js';

const seconds = (ms: number) => Math.round(ms) / 1000;

export function runResultsJson(summary: RunSummary, elapsedMs: number): object {
  return {
    kind: 'run',
    run_id: summary.runId,
    success: summary.ok,
    elapsed_time: seconds(elapsedMs),
    rows_written: summary.rowsWritten,
    bytes_scanned: summary.bytesScanned,
    results: summary.records.map((r) => ({
      unique_id: r.period_start ? `${r.step}@${r.period_start}` : r.step,
      kind: r.kind,
      node: r.node,
      file: r.file,
      status: r.status,
      period_start: r.period_start,
      period_end: r.period_end,
      execution_time: seconds(r.duration_ms),
      attempts: r.attempts,
      rows_written: r.rows_written,
      message: r.error,
    })),
  };
}

export function testResultsJson(report: TestReport, success: boolean): object {
  return {
    kind: 'test',
    success,
    elapsed_time: seconds(report.durationMs),
    results: [
      ...report.unloaded.map(({ node, reason }) => ({ unique_id: `load:${node}`, kind: 'load', node, status: 'error', execution_time: 0, message: reason })),
      ...report.unit.map((r) => ({
        unique_id: `unit:${r.node?.id ?? r.test.model}:${r.test.name}`,
        kind: 'unit',
        node: r.node?.id ?? r.test.model,
        name: r.test.name,
        file: r.test.file,
        line: r.test.line,
        status: r.status === 'passed' ? 'pass' : r.status === 'failed' ? 'fail' : 'error',
        execution_time: seconds(r.durationMs),
        message: r.status === 'passed' ? null : unitFailureText(r),
      })),
      ...report.checks.map(({ check, result, skipped }) => ({
        unique_id: `check:${check.id}`,
        kind: 'check',
        node: check.table,
        name: check.description,
        file: check.file,
        line: check.line,
        status: skipped ? 'skipped' : result!.passed ? 'pass' : check.severity === 'warn' ? 'warn' : 'fail',
        execution_time: 0,
        message: skipped ?? (result!.passed ? null : checkFailureText(result!)),
      })),
    ],
  };
}
