// Result rendering for `lake sql`: JSON in Athena's value shapes, CSV, and an aligned text table.
import type { Column, QueryResult, SqlValue } from '../engines/engine.js';
import { valueText } from '../engines/value-text.js';

export type OutputFormat = 'table' | 'json' | 'csv' | 'jsonl';

/**
 * JSON.stringify that writes BIGINT beyond 2^53 as a string, as the `lake sql --format json` contract says, and NaN
 * and ±Infinity (no JSON number) as the strings "NaN", "Infinity", "-Infinity", as Trino's client protocol does.
 */
export const toJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' || (typeof v === 'number' && !Number.isFinite(v)) ? String(v) : v));

export const resultJson = (result: QueryResult): string => toJson({ columns: result.columns, rows: result.rows });

const csvCell = (value: SqlValue): string => {
  if (value === null) return '';
  const text = valueText(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function resultCsv({ columns, rows }: QueryResult): string {
  const lines = [columns.map((c) => csvCell(c.name)).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

/** Trino number types: their cells are right-aligned so digits line up. */
const isNumberType = (type: string) => /^(tinyint|smallint|integer|int|bigint|real|double|decimal)\b/.test(type);

/** Rows the table format prints unless `--limit` says otherwise. */
export const DEFAULT_TABLE_LIMIT = 1000;

export function resultTable({ columns, rows }: QueryResult, limit = DEFAULT_TABLE_LIMIT): string {
  if (columns.length === 0) return 'OK\n';
  const shown = rows.slice(0, limit);
  const cells = shown.map((row) => row.map(valueText));
  const widths = columns.map((c: Column, i) => Math.max(c.name.length, ...cells.map((r) => r[i].length)));
  const right = columns.map((c) => isNumberType(c.type));
  const line = (values: string[]) =>
    values
      .map((v, i) => (right[i] ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join(' | ')
      .trimEnd();
  const out = [line(columns.map((c) => c.name)), widths.map((w) => '-'.repeat(w)).join('-+-')];
  for (const r of cells) out.push(line(r));
  const cut = rows.length - shown.length;
  out.push(
    cut > 0
      ? `(${rows.length} rows; showing the first ${shown.length}, ${cut} more not shown: raise --limit or use --format csv/json)`
      : `(${rows.length} row${rows.length === 1 ? '' : 's'})`,
  );
  return `${out.join('\n')}\n`;
}

export function formatResult(result: QueryResult, format: OutputFormat, tableLimit?: number): string {
  switch (format) {
    case 'json':
    case 'jsonl':
      return `${resultJson(result)}\n`;
    case 'csv':
      return resultCsv(result);
    case 'table':
      return resultTable(result, tableLimit);
  }
}
