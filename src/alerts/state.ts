// Alert state and the pure decision "what does this evaluation send". One state item per alert in a KeyValueStore
// holds the firing keys (for cooldown and recovery), the evaluation-failure mark, and the outbox of deliveries not yet
// acknowledged by their channel. The new outbox entries are written in the same conditional put that advances the
// state, before anything is sent: a crash after that put re-sends from the outbox on the next run (never lost), and a
// crash after sending but before the outbox entry is removed re-sends it once (at most one duplicate, same notice id).
import type { SqlValue } from '../engines/engine.js';
import type { AlertDefinition, Severity } from './definition.js';
import type { Evaluation } from './evaluate.js';

export type NoticeKind = 'firing' | 'reminder' | 'recovery' | 'evaluation_failed' | 'evaluation_recovered';

/** JSON-safe result values (BIGINT beyond 2^53 as a string). */
export type NoticeValue = null | boolean | number | string | NoticeValue[] | { [key: string]: NoticeValue };

export type Notice = {
  /** Stable per alert, kind, key and evaluation time: receivers can drop a repeat. */
  id: string;
  alert: string;
  /** Key of a per-row alert instance; null for a whole-result alert. */
  key: string | null;
  kind: NoticeKind;
  severity: Severity;
  message: string;
  /** Evaluation time (ISO 8601). */
  at: string;
  windowStart: string;
  file: string;
  values: Record<string, NoticeValue>;
};

export type FiringMark = { since: string; lastNotifiedAt: string };

export type PendingDelivery = {
  id: string;
  /** The channel spec as written in the header; resolved against the stage's variables when sent. */
  channel: string;
  notice: Notice;
  attempts: number;
  queuedAt: string;
  lastError?: string;
};

export type AlertState = {
  /** Firing instances by key ('' for a whole-result alert). */
  firing: Record<string, FiringMark>;
  /** Set while the alert's evaluation keeps failing. */
  failing?: FiringMark & { error: string };
  pending: PendingDelivery[];
  lastEvaluatedAt?: string;
};

export const emptyAlertState = (): AlertState => ({ firing: {}, pending: [] });
export const alertStateKey = (alert: string): string => `alert/${alert}`;

/** What one evaluation decided for one instance, for history and the CLI. */
export type InstanceOutcome = {
  key: string;
  status: 'ok' | 'firing' | 'error';
  /** The notice this evaluation produced, if any. */
  notice?: Notice;
  /** Firing (or failing) but inside the cooldown of the last notice. */
  suppressed: boolean;
  values?: Record<string, SqlValue>;
  error?: string;
};

export interface Decision {
  state: AlertState;
  notices: Notice[];
  outcomes: InstanceOutcome[];
}

const toNoticeValue = (value: SqlValue): NoticeValue => {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(toNoticeValue);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNoticeValue(v)]));
  return value;
};

export function decide(previous: AlertState, evaluation: Evaluation, definition: AlertDefinition): Decision {
  const at = evaluation.at.toISOString();
  const atMs = evaluation.at.getTime();
  const coolingDown = (mark: FiringMark) => atMs - Date.parse(mark.lastNotifiedAt) < definition.cooldownMs;
  const notice = (kind: NoticeKind, key: string, message: string, values: Record<string, SqlValue> = {}, severity = definition.severity): Notice => ({
    id: `${definition.name}|${kind}|${key}|${at}`,
    alert: definition.name,
    key: definition.key ? key : null,
    kind,
    severity,
    message,
    at,
    windowStart: evaluation.windowStart.toISOString(),
    file: definition.file,
    values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, toNoticeValue(v)])),
  });
  const state: AlertState = { firing: { ...previous.firing }, pending: [...previous.pending], lastEvaluatedAt: at };
  const notices: Notice[] = [];
  const outcomes: InstanceOutcome[] = [];

  if (!evaluation.ok) {
    // Firing keys are unknown while the query fails: keep them as they are.
    const failing = previous.failing;
    const suppressed = failing !== undefined && coolingDown(failing);
    state.failing = { since: failing?.since ?? at, lastNotifiedAt: suppressed ? failing!.lastNotifiedAt : at, error: evaluation.error };
    const failed = suppressed ? undefined : notice('evaluation_failed', '', `Alert evaluation failed: ${definition.name}: ${evaluation.error}`);
    if (failed) notices.push(failed);
    outcomes.push({ key: '', status: 'error', suppressed, error: evaluation.error, ...(failed ? { notice: failed } : {}) });
  } else {
    if (previous.failing && definition.recovery) {
      notices.push(notice('evaluation_recovered', '', `Alert evaluation recovered: ${definition.name} runs again`, {}, 'info'));
    }
    const firingNow = new Set<string>();
    for (const instance of evaluation.instances) {
      if (!instance.firing) continue;
      firingNow.add(instance.key);
      const mark = previous.firing[instance.key];
      const suppressed = mark !== undefined && coolingDown(mark);
      let sent: Notice | undefined;
      if (!suppressed) {
        sent = notice(mark ? 'reminder' : 'firing', instance.key, instance.message ?? definition.message, instance.values);
        notices.push(sent);
      }
      state.firing[instance.key] = { since: mark?.since ?? at, lastNotifiedAt: suppressed ? mark!.lastNotifiedAt : at };
      outcomes.push({ key: instance.key, status: 'firing', suppressed, values: instance.values, ...(sent ? { notice: sent } : {}) });
    }
    for (const key of Object.keys(previous.firing)) {
      if (firingNow.has(key)) continue;
      delete state.firing[key];
      const values = evaluation.instances.find((i) => i.key === key)?.values ?? {};
      const label = definition.key ? ` [${definition.key} = ${key}]` : '';
      const resolved = definition.recovery
        ? notice('recovery', key, `Resolved: ${definition.name}${label}: '${definition.condition.text}' no longer holds`, values, 'info')
        : undefined;
      if (resolved) notices.push(resolved);
      outcomes.push({ key, status: 'ok', suppressed: false, values, ...(resolved ? { notice: resolved } : {}) });
    }
    for (const instance of evaluation.instances) {
      if (!instance.firing && !(instance.key in previous.firing))
        outcomes.push({ key: instance.key, status: 'ok', suppressed: false, values: instance.values });
    }
  }

  const queued = new Set(state.pending.map((p) => p.id));
  for (const n of notices) {
    for (const channel of definition.channels) {
      // Re-evaluating the same time must not queue the same delivery twice.
      if (queued.has(`${n.id}>${channel}`)) continue;
      state.pending.push({ id: `${n.id}>${channel}`, channel, notice: n, attempts: 0, queuedAt: at });
    }
  }
  return { state, notices, outcomes };
}

/**
 * A decision for a missed past fire time (scheduler catch-up): recorded, not announced. The state stays as last
 * announced (firing keys, cooldowns, the failure mark; undelivered notices stay queued), so the evaluation for the
 * latest fire time decides against what users were last told: "Resolved" only if it no longer holds now, "firing"
 * for what started during the outage and still holds — never a stale notice about a past hour.
 */
export function unannounced(previous: AlertState, decision: Decision): Decision {
  return {
    notices: [],
    state: { ...previous, lastEvaluatedAt: decision.state.lastEvaluatedAt },
    outcomes: decision.outcomes.map(({ notice: _notice, ...outcome }) => outcome),
  };
}
