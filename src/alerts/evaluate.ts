// One evaluation of one alert at a given time: bind the time variables, run the query, apply the condition to the
// result (one instance, or one per key), render messages. Every failure comes back as a failed evaluation, never as
// silence: the caller turns it into an "alert evaluation failed" notice.
import type { Column, Engine, SqlValue } from '../engines/engine.js';
import { conditionQuery } from './condition.js';
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
  let columns: Column[];
  let rows: SqlValue[][];
  let queryId: string | undefined;
  let bytesScanned: number | undefined;
  try {
    const result = await options.engine.execute(sql, { database: definition.database ?? options.database });
    columns = result.columns;
    rows = result.rows;
    queryId = result.stats.queryId;
    bytesScanned = result.stats.bytesScanned;
  } catch (error) {
    return { ...base, ok: false, error: engineErrorAt(errorText(error), definition) };
  }
  try {
    const instances = await judge(definition, { engine: options.engine, database: definition.database ?? options.database }, columns, rows, {
      at,
      windowStart,
    });
    return { ...base, ok: true, rowCount: rows.length, instances, ...(queryId ? { queryId } : {}), ...(bytesScanned !== undefined ? { bytesScanned } : {}) };
  } catch (error) {
    return { ...base, ok: false, error: `${definition.file}: ${errorText(error)}` };
  }
}

/** Whether the condition holds for each of `rows` (a result of `rowCount` rows), evaluated by the engine. */
async function firingFlags(
  definition: AlertDefinition,
  on: { engine: Engine; database?: string },
  columns: Column[],
  rows: SqlValue[][],
  rowCount: number,
): Promise<boolean[]> {
  const sql = conditionQuery(definition.condition, columns, rows, rowCount); // a name that is no column: reported as is
  let result;
  try {
    result = await on.engine.execute(sql, { database: on.database, readsNoTables: true });
  } catch (error) {
    throw new Error(`alert condition '${definition.condition.text}' failed: ${errorText(error)}`, { cause: error });
  }
  const flags = rows.map(() => false);
  for (const [index, firing] of result.rows) flags[Number(index)] = firing === true;
  return flags;
}

async function judge(
  definition: AlertDefinition,
  on: { engine: Engine; database?: string },
  columns: Column[],
  rows: SqlValue[][],
  times: { at: Date; windowStart: Date },
): Promise<AlertInstance[]> {
  const names = columns.map((c) => c.name);
  const asRecord = (row: SqlValue[]) => Object.fromEntries(names.map((c, i) => [c, row[i]]));
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
    // Over the first row; with no rows, every column NULL (comparisons are then not true; `rows` is 0).
    const row = rows.length > 0 ? rows[0] : names.map(() => null);
    const values = asRecord(row);
    const [firing] = await firingFlags(definition, on, columns, [row], rows.length);
    return [{ key: '', firing, values, ...(firing ? { message: render(values, '') } : {}) }];
  }

  const keyIndex = names.findIndex((c) => c.toLowerCase() === definition.key!.toLowerCase());
  if (keyIndex < 0) throw new Error(`key column '${definition.key}' is not in the result (columns: ${names.join(', ')})`);
  const flags = rows.length > 0 ? await firingFlags(definition, on, columns, rows, rows.length) : [];
  const byKey = new Map<string, AlertInstance>();
  for (const [i, row] of rows.entries()) {
    const key = messageText(row[keyIndex]);
    const values = asRecord(row);
    const firing = flags[i];
    const seen = byKey.get(key);
    // Several rows with one key: the key fires if any of its rows does.
    if (seen?.firing) continue;
    byKey.set(key, { key, firing, values, ...(firing ? { message: render(values, key) } : {}) });
  }
  return [...byKey.values()];
}
