// One evaluation of one alert at a given time: bind the time variables, run the query, apply the condition to the
// result (one instance, or one per key), render messages. Every failure comes back as a failed evaluation, never as
// silence: the caller turns it into an "alert evaluation failed" notice.
import type { Engine, SqlValue } from '../engines/engine.js';
import { engineErrorAt } from '../project/error-location.js';
import { substituteVariables, timestampText, timestampVariable, type Variables } from '../project/variables.js';
import { evaluationWindow, type AlertDefinition } from './definition.js';
import { messageText, renderTemplate } from './template.js';

export interface AlertInstance {
  /** The key column's value for per-row alerts; '' for an alert over the whole result. */
  key: string;
  firing: boolean;
  /** The result row the instance was judged on (every column NULL when the query returned no rows). */
  values: Record<string, SqlValue>;
  /** The rendered message, for firing instances. */
  message?: string;
}

interface EvaluationBase {
  alert: string;
  at: Date;
  windowStart: Date;
}

export type Evaluation =
  | (EvaluationBase & { ok: true; rowCount: number; instances: AlertInstance[]; queryId?: string; bytesScanned?: number })
  | (EvaluationBase & { ok: false; error: string });

export interface EvaluateOptions {
  engine: Engine;
  /** Default database for unqualified names. */
  database?: string;
  /** Stage variables; `now`, `window_start` and `window_end` are added per evaluation. */
  variables: Variables;
  at: Date;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function evaluateAlert(definition: AlertDefinition, options: EvaluateOptions): Promise<Evaluation> {
  const { at } = options;
  const { windowStart, windowEnd } = evaluationWindow(definition, at);
  const base = { alert: definition.name, at, windowStart };
  const where = `${definition.file}:${definition.bodyLine}`;
  let sql: string;
  try {
    sql = substituteVariables(
      definition.sql,
      { ...options.variables, now: timestampVariable(at), window_start: timestampVariable(windowStart), window_end: timestampVariable(windowEnd) },
      { file: definition.file, lineOffset: definition.bodyLine - 1 },
    );
  } catch (error) {
    return { ...base, ok: false, error: `${where}: ${errorText(error)}` };
  }
  let columns: string[];
  let rows: SqlValue[][];
  let queryId: string | undefined;
  let bytesScanned: number | undefined;
  try {
    const result = await options.engine.execute(sql, { database: definition.database ?? options.database });
    columns = result.columns.map((c) => c.name);
    rows = result.rows;
    queryId = result.stats.queryId;
    bytesScanned = result.stats.bytesScanned;
  } catch (error) {
    return { ...base, ok: false, error: engineErrorAt(errorText(error), definition) };
  }
  try {
    const instances = judge(definition, columns, rows, { at, windowStart });
    return { ...base, ok: true, rowCount: rows.length, instances, ...(queryId ? { queryId } : {}), ...(bytesScanned !== undefined ? { bytesScanned } : {}) };
  } catch (error) {
    return { ...base, ok: false, error: `${definition.file}: ${errorText(error)}` };
  }
}

function judge(definition: AlertDefinition, columns: string[], rows: SqlValue[][], times: { at: Date; windowStart: Date }): AlertInstance[] {
  const asRecord = (row: SqlValue[]) => Object.fromEntries(columns.map((c, i) => [c, row[i]]));
  const render = (values: Record<string, SqlValue>, key: string) =>
    renderTemplate(definition.message, {
      alert: definition.name,
      severity: definition.severity,
      key,
      rows: rows.length,
      now: timestampText(times.at),
      window_start: timestampText(times.windowStart),
      ...values,
    });

  if (!definition.key) {
    const values = rows.length > 0 ? asRecord(rows[0]) : Object.fromEntries(columns.map((c) => [c, null]));
    const firing = definition.condition.holds(values, rows.length);
    return [{ key: '', firing, values, ...(firing ? { message: render(values, '') } : {}) }];
  }

  const keyIndex = columns.findIndex((c) => c.toLowerCase() === definition.key!.toLowerCase());
  if (keyIndex < 0) throw new Error(`key column '${definition.key}' is not in the result (columns: ${columns.join(', ')})`);
  const byKey = new Map<string, AlertInstance>();
  for (const row of rows) {
    const key = messageText(row[keyIndex]);
    const values = asRecord(row);
    const firing = definition.condition.holds(values, rows.length);
    const seen = byKey.get(key);
    // Several rows with one key: the key fires if any of its rows does.
    if (seen?.firing) continue;
    byKey.set(key, { key, firing, values, ...(firing ? { message: render(values, key) } : {}) });
  }
  return [...byKey.values()];
}
