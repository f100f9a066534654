// Runs alerts: evaluate, decide against stored state, commit state and outbox together, deliver the outbox, record
// history. The order is what makes notices survive crashes (see state.ts); every step's failure is reported, none is
// swallowed.
import { randomUUID } from 'node:crypto';
import type { Engine, SqlValue } from '../engines/engine.js';
import { KeyValueStoreError, updateKey, type KeyValueStore } from '../storage/kv-store/key-value-store.js';
import type { Variables } from '../project/variables.js';
import type { AlertDefinition } from './definition.js';
import { evaluateAlert, type Evaluation } from './evaluate.js';
import { historyTime, type AlertHistoryRecord, type AlertHistoryWriter, type HistoryDelivery } from './history.js';
import type { Notifier } from './notifiers/notifier.js';
import { alertStateKey, decide, emptyAlertState, unannounced, type AlertState, type InstanceOutcome, type Notice, type PendingDelivery } from './state.js';

export interface AlertRunDependencies {
  engine: Engine;
  /** Default database for unqualified names when the alert names none. */
  database?: string;
  /** Stage variables (lakehouse.yaml); the time variables are added per evaluation. */
  variables: Variables;
  state: KeyValueStore;
  /** The notifier of a channel spec; may throw when the spec cannot be resolved (kept pending, reported). */
  notifierFor: (channel: string) => Notifier;
  history?: AlertHistoryWriter;
  /** Wall clock for `recorded_at`. */
  now?: () => Date;
  newId?: () => string;
}

export interface AlertRunOptions {
  /** Evaluation time: the scheduled fire time, or `--at`. */
  at: Date;
  /** Evaluate and decide only: no state change, no delivery, no history. */
  dryRun?: boolean;
  /**
   * An evaluation of a past time that is not applied (`lake alert --at` without `--record`): decided against an empty
   * state, so it says what held then; the live state is neither read nor changed. Implies `dryRun`.
   */
  past?: boolean;
  /**
   * A catch-up of a missed past fire time: applied to the state in order (and recorded), but its notices are not sent;
   * the run for the latest fire time speaks for now.
   */
  catchUp?: boolean;
}

export interface DeliveryOutcome {
  id: string;
  channel: string;
  notice: Notice;
  ok: boolean;
  error?: string;
  /** Queued by an earlier run (a retry), not by this evaluation. */
  carriedOver: boolean;
}

export interface AlertRunReport {
  alert: string;
  file: string;
  at: Date;
  dryRun: boolean;
  /** A past evaluation that was not applied (see AlertRunOptions.past). */
  past?: boolean;
  /** A catch-up evaluation: state applied, notices not sent (see AlertRunOptions.catchUp). */
  catchUp?: boolean;
  evaluation: Evaluation;
  outcomes: InstanceOutcome[];
  /** Notices this evaluation produced (in a dry run: would produce). */
  notices: Notice[];
  /** Channels each notice goes to, resolved (`webhook http://127.0.0.1:…`), or the resolution error. */
  channels: Array<{ channel: string; target?: string; error?: string }>;
  deliveries: DeliveryOutcome[];
  /** Deliveries still waiting after this run: retried on the next one. */
  pending: PendingDelivery[];
  historyUri?: string;
  historyError?: string;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function runAlert(definition: AlertDefinition, deps: AlertRunDependencies, options: AlertRunOptions): Promise<AlertRunReport> {
  const stateKey = alertStateKey(definition.name);
  const evaluation = await evaluateAlert(definition, { engine: deps.engine, database: deps.database, variables: deps.variables, at: options.at });
  const channels = definition.channels.map((channel) => {
    try {
      return { channel, target: deps.notifierFor(channel).target };
    } catch (error) {
      return { channel, error: errorText(error) };
    }
  });
  const base = { alert: definition.name, file: definition.file, at: options.at, evaluation, channels };

  if (options.past) {
    const decision = decide(emptyAlertState(), evaluation, definition);
    return { ...base, dryRun: true, past: true, outcomes: decision.outcomes, notices: decision.notices, deliveries: [], pending: [] };
  }
  if (options.dryRun) {
    const current = (await deps.state.get<AlertState>(stateKey))?.value ?? emptyAlertState();
    const decision = decide(current, evaluation, definition);
    return { ...base, dryRun: true, outcomes: decision.outcomes, notices: decision.notices, deliveries: [], pending: current.pending };
  }

  // Commit the decision and its outbox entries in one conditional write, before sending anything.
  let decision: ReturnType<typeof decide> | undefined;
  await updateKey<AlertState>(deps.state, stateKey, (current) => {
    const previous = current ?? emptyAlertState();
    decision = decide(previous, evaluation, definition);
    // Applied, not announced: earlier undelivered notices stay in the outbox and are still delivered.
    if (options.catchUp) decision = unannounced(previous, decision);
    return decision.state;
  });
  const committed = decision!;
  const newIds = new Set(committed.notices.flatMap((n) => definition.channels.map((c) => `${n.id}>${c}`)));

  const deliveries: DeliveryOutcome[] = [];
  for (const item of committed.state.pending) {
    try {
      await deps.notifierFor(item.channel).send(item.notice);
      deliveries.push({ id: item.id, channel: item.channel, notice: item.notice, ok: true, carriedOver: !newIds.has(item.id) });
    } catch (error) {
      deliveries.push({ id: item.id, channel: item.channel, notice: item.notice, ok: false, error: errorText(error), carriedOver: !newIds.has(item.id) });
    }
  }
  const byId = new Map(deliveries.map((d) => [d.id, d]));
  const after = await updateKey<AlertState>(deps.state, stateKey, (current) => {
    const state = current ?? emptyAlertState();
    const pending = state.pending.flatMap((item) => {
      const result = byId.get(item.id);
      if (!result) return [item]; // queued by someone else meanwhile
      return result.ok ? [] : [{ ...item, attempts: item.attempts + 1, lastError: result.error }];
    });
    return { ...state, pending };
  }).catch((error: unknown) => {
    // Delivered but not yet acknowledged: the next run re-sends (at most once more). Say so, loudly.
    throw new KeyValueStoreError(`alert '${definition.name}': notices were sent but the outbox could not be updated: ${errorText(error)}`, { cause: error });
  });

  const report: AlertRunReport = {
    ...base,
    dryRun: false,
    ...(options.catchUp ? { catchUp: true } : {}),
    outcomes: committed.outcomes,
    notices: committed.notices,
    deliveries,
    pending: after.value.pending,
  };
  if (deps.history) {
    try {
      report.historyUri = await deps.history.write(historyRecords(definition, report, deps));
    } catch (error) {
      report.historyError = `alert_history write failed: ${errorText(error)}`;
    }
  }
  return report;
}

function historyRecords(definition: AlertDefinition, report: AlertRunReport, deps: AlertRunDependencies): AlertHistoryRecord[] {
  const evaluationId = (deps.newId ?? randomUUID)();
  const recordedAt = historyTime((deps.now ?? (() => new Date()))());
  const { evaluation } = report;
  const deliveryOf = (noticeId: string | undefined): { delivery: HistoryDelivery; detail: string | null } => {
    const results = report.deliveries.filter((d) => d.notice.id === noticeId);
    if (!noticeId || results.length === 0) return { delivery: 'none', detail: null };
    const detail = results.map((d) => `${d.channel}: ${d.ok ? 'delivered' : `pending (${d.error})`}`).join('; ');
    return { delivery: results.every((d) => d.ok) ? 'delivered' : 'pending', detail };
  };
  const common = {
    evaluation_id: evaluationId,
    alert: definition.name,
    evaluated_at: historyTime(evaluation.at),
    window_start: historyTime(evaluation.windowStart),
    recorded_at: recordedAt,
    file: definition.file,
  };
  const records: AlertHistoryRecord[] = report.outcomes.map((outcome) => {
    const { delivery, detail } = deliveryOf(outcome.notice?.id);
    return {
      ...common,
      alert_key: definition.key ? outcome.key : null,
      status: outcome.status,
      fired: outcome.notice !== undefined,
      notice: outcome.notice?.kind ?? null,
      notice_id: outcome.notice?.id ?? null,
      severity: outcome.notice?.severity ?? definition.severity,
      value: outcome.values ? jsonValues(outcome.values) : null,
      message: outcome.notice?.message ?? null,
      error: outcome.error ?? null,
      delivery: outcome.suppressed ? 'suppressed' : delivery,
      delivery_detail: detail,
    };
  });
  // Notices not tied to an instance outcome (evaluation recovered) and retries of earlier runs' notices.
  const covered = new Set(report.outcomes.map((o) => o.notice?.id));
  const others = new Map<string, Notice>();
  for (const d of report.deliveries) if (!covered.has(d.notice.id)) others.set(d.notice.id, d.notice);
  for (const notice of others.values()) {
    const { delivery, detail } = deliveryOf(notice.id);
    const carriedOver = report.deliveries.some((d) => d.notice.id === notice.id && d.carriedOver);
    records.push({
      ...common,
      alert_key: notice.key,
      status: carriedOver ? 'redelivery' : evaluation.ok ? 'ok' : 'error',
      fired: true,
      notice: notice.kind,
      notice_id: notice.id,
      severity: notice.severity,
      value: Object.keys(notice.values).length > 0 ? JSON.stringify(notice.values) : null,
      message: notice.message,
      error: null,
      delivery,
      delivery_detail: detail,
    });
  }
  return records;
}

const jsonValues = (values: Record<string, SqlValue>): string => JSON.stringify(values, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/** Runs each alert in turn; one alert's crash does not stop the others. */
export async function runAlerts(
  definitions: readonly AlertDefinition[],
  deps: AlertRunDependencies,
  options: AlertRunOptions,
): Promise<Array<{ alert: string; report?: AlertRunReport; error?: string }>> {
  const results: Array<{ alert: string; report?: AlertRunReport; error?: string }> = [];
  for (const definition of definitions) {
    try {
      results.push({ alert: definition.name, report: await runAlert(definition, deps, options) });
    } catch (error) {
      results.push({ alert: definition.name, error: errorText(error) });
    }
  }
  return results;
}
