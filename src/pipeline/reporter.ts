// The runner reports progress through this interface and never prints: the CLI draws a progress display, Lambda
// logs JSON lines, tests stay silent (cf. SQLMesh's console abstraction).

/** `serve`: a served model's rows copied to its key-value table (header `serve`), after its checks passed. */
export type StepKind = 'ddl' | 'model' | 'check' | 'serve' | 'alert' | 'dashboard';
export type StepStatus = 'success' | 'failed' | 'skipped';

/** One executed unit of work: a DDL file, a model for one period, a check, an alert, a dashboard view. */
export interface RunRecord {
  run_id: string;
  step: string;
  kind: StepKind;
  /** Node id in the project (e.g. `lakehouse.crm_hourly_kpis`). */
  node: string;
  file: string;
  period_start: string | null;
  period_end: string | null;
  status: StepStatus;
  attempts: number;
  rows_written: number | null;
  bytes_scanned: number | null;
  duration_ms: number;
  started_at: string;
  finished_at: string;
  error: string | null;
}

export interface RunPlanInfo {
  runId: string;
  steps: number;
}

export interface RunReporter {
  runStarted(plan: RunPlanInfo): void;
  stepStarted(step: { step: string; kind: StepKind; index: number }): void;
  stepRetrying(step: { step: string; attempt: number; error: string; delayMs: number }): void;
  stepFinished(record: RunRecord): void;
  runFinished(summary: { runId: string; records: RunRecord[] }): void;
}

export const silentReporter: RunReporter = {
  runStarted: () => {},
  stepStarted: () => {},
  stepRetrying: () => {},
  stepFinished: () => {},
  runFinished: () => {},
};

/** A reporter that writes one JSON object per event (Lambda, CI logs). */
export function jsonLinesReporter(write: (line: string) => void): RunReporter {
  const emit = (event: string, body: object) => write(`${JSON.stringify({ event, ...body })}\n`);
  return {
    runStarted: (plan) => emit('run_started', plan),
    stepStarted: (step) => emit('step_started', step),
    stepRetrying: (step) => emit('step_retrying', step),
    stepFinished: (record) => emit('step_finished', record),
    runFinished: ({ runId, records }) => emit('run_finished', { runId, steps: records.length, failed: records.filter((r) => r.status === 'failed').length }),
  };
}
