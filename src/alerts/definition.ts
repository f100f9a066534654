// An alert as the evaluator needs it: the query, its compiled condition and message, and how it is delivered.
// Built from a project node (`kind: 'alert'`, header with an `alert:` section) or directly in tests.
import { LakeError } from '../errors.js';
import { Cron } from 'croner';
import { AlertSectionSchema, durationMs, type AlertSection, type Header } from '../project/header.js';
import { parseSchedule, type Schedule } from '../project/schedule.js';
import { ConditionError, parseCondition, type Condition } from './condition.js';
import { TemplateError, templateFields } from './template.js';

export type Severity = AlertSection['severity'];

export interface AlertDefinition {
  name: string;
  /** Where the alert is defined, for messages: `sql/alerts/p1_negative_interactions.sql`. */
  file: string;
  /** Line of the file where the SQL starts (after the header). */
  bodyLine: number;
  /** The query, `${…}` variables not yet substituted. */
  sql: string;
  /** Database for unqualified table names (the project's unless the header names one). */
  database?: string;
  schedule?: Schedule;
  condition: Condition;
  severity: Severity;
  message: string;
  /** Channel specs as written (`console`, `file`, `webhook:${url}`…): resolved per stage. */
  channels: string[];
  cooldownMs: number;
  recovery: boolean;
  /** Column whose value makes each row its own alert instance. */
  key?: string;
}

/** What the project loader gives for an alert file (a structural subset of its node). */
export interface AlertSource {
  name: string;
  file: string;
  bodyLine?: number;
  sql: string;
  database?: string;
  header: Pick<Header, 'schedule' | 'alert'>;
}

export class AlertDefinitionError extends LakeError {
  override readonly name: string = 'AlertDefinitionError';
}

/** Validates and compiles an alert; errors name the file. */
export function defineAlert(source: AlertSource): AlertDefinition {
  const fail = (message: string) => new AlertDefinitionError(`${source.file}: alert '${source.name}': ${message}`);
  if (!source.header.alert) throw fail('the header has no `alert:` section');
  const parsed = AlertSectionSchema.safeParse(source.header.alert);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw fail(`alert.${issue.path.join('.')}: ${issue.message}`);
  }
  const section = parsed.data;
  let condition: Condition;
  try {
    condition = parseCondition(section.condition);
    templateFields(section.message);
  } catch (error) {
    if (error instanceof ConditionError || error instanceof TemplateError) throw fail(error.message);
    throw error;
  }
  let schedule: Schedule | undefined;
  try {
    schedule = source.header.schedule ? parseSchedule(source.header.schedule) : undefined;
  } catch (error) {
    throw fail(`schedule: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    name: source.name,
    file: source.file,
    bodyLine: source.bodyLine ?? 1,
    sql: source.sql,
    ...(source.database ? { database: source.database } : {}),
    schedule,
    condition,
    severity: section.severity,
    message: section.message,
    channels: section.channels,
    cooldownMs: durationMs(section.cooldown),
    recovery: section.recovery,
    key: section.key,
  };
}

const HOUR_MS = 3_600_000;

/** How far back an evaluation at `at` looks: one schedule interval (one hour when the alert has no schedule). */
export function windowLengthMs(schedule: Schedule | undefined, at: Date): number {
  if (!schedule) return HOUR_MS;
  if (schedule.kind === 'rate') return schedule.minutes * 60_000;
  // The interval that ends at the latest fire time at or before `at`: exact for regular crons, and an irregular one
  // (weekdays only) still covers everything since its previous run.
  const cron = new Cron(schedule.fields, { timezone: 'UTC', paused: true });
  const [latest] = cron.previousRuns(1, new Date(at.getTime() + 1));
  const [before] = latest ? cron.previousRuns(1, latest) : [];
  return latest && before ? latest.getTime() - before.getTime() : HOUR_MS;
}

/** The evaluation window: `${window_start}` = at − one interval, `${now}` = `${window_end}` = at. */
export function evaluationWindow(definition: Pick<AlertDefinition, 'schedule'>, at: Date): { windowStart: Date; windowEnd: Date } {
  return { windowStart: new Date(at.getTime() - windowLengthMs(definition.schedule, at)), windowEnd: at };
}

/** The project's alerts (nodes of kind `alert`), compiled; `names` picks some by name (all when empty). */
export function alertsOf(nodes: readonly (AlertSource & { kind: string })[], names: readonly string[] = []): AlertDefinition[] {
  const alerts = nodes.filter((n) => n.kind === 'alert');
  const unknown = names.filter((name) => !alerts.some((a) => a.name === name));
  if (unknown.length > 0) {
    throw new AlertDefinitionError(`no alert named ${unknown.join(', ')} (alerts: ${alerts.map((a) => a.name).join(', ') || 'none'})`);
  }
  return alerts.filter((a) => names.length === 0 || names.includes(a.name)).map(defineAlert);
}
