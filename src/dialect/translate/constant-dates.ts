// Casts between date literals, timestamp literals and text, folded by the translator.
//
// `CAST(CAST(${period_start} AS DATE) AS VARCHAR)` — a model's period filter, where the variable is a TIMESTAMP
// literal — is a constant. Left to DuckDB, its translation (trino_to_date, then trino_date_text) is folded by the
// optimizer, which sets up every branch of both macros to evaluate it once: ~3.5 ms of planning per cast, most of
// `lake lint`'s binding of a model with such a filter. The answer is known here: the literal's date (Trino's CAST of a
// timestamp to date keeps its date, https://trino.io/docs/current/functions/conversion.html), and that date's
// YYYY-MM-DD text. Only literals the translator can check completely are folded (a real calendar date of a four-digit
// year, no zone, no fraction or three digits); anything else takes the general path and its checks.
import { keyword, stringValue } from '../tokens.js';
import { isParen, meaningful, nodeKeyword, type Node } from './tree.js';
import { translateType, TypeSyntaxError } from './types.js';

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP_TEXT = /^(\d{4}-\d{2}-\d{2})(?: ([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{3})?)?)?$/;

/** `YYYY-MM-DD` when it is a real calendar date of the years 1000-9999 (DuckDB's own date text is Trino's there). */
function calendarDate(text: string): string | undefined {
  const m = DATE_TEXT.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && year >= 1000 ? text : undefined;
}

/** The text of a `KIND '…'` literal (DATE, TIMESTAMP), or undefined. */
function literalText(nodes: readonly Node[], kind: string): string | undefined {
  const m = meaningful(nodes);
  if (m.length !== 2 || nodeKeyword(m[0]) !== kind || m[1].kind !== 'token' || m[1].token.kind !== 'string') return undefined;
  return /^'/.test(m[1].token.text) ? stringValue(m[1].token) : undefined; // not U&'…' or X'…'
}

/** The date a timestamp literal falls on. */
function timestampLiteralDate(nodes: readonly Node[]): string | undefined {
  const text = literalText(nodes, 'TIMESTAMP');
  const m = text === undefined ? null : TIMESTAMP_TEXT.exec(text);
  return m ? calendarDate(m[1]) : undefined;
}

/** Operand and target type (a DuckDB type name) of `CAST(operand AS type)` or `TRY_CAST(…)`, else undefined. */
export function castParts(nodes: readonly Node[]): { operand: Node[]; type: string } | undefined {
  const m = meaningful(nodes);
  if (m.length !== 2 || !['CAST', 'TRY_CAST'].includes(nodeKeyword(m[0])) || !isParen(m[1])) return undefined;
  const items = m[1].items;
  const asIndex = items.map((n) => (n.kind === 'token' ? keyword(n.token) : '')).lastIndexOf('AS');
  if (asIndex < 0) return undefined;
  try {
    return { operand: items.slice(0, asIndex), type: translateType(items.slice(asIndex + 1), true).sql };
  } catch (error) {
    if (error instanceof TypeSyntaxError) return undefined; // reported where that CAST is rendered
    throw error;
  }
}

/** `YYYY-MM-DD` when `nodes` is a constant date: a DATE literal, or a CAST to date of a date or timestamp literal. */
export function constantDate(nodes: readonly Node[]): string | undefined {
  const date = literalText(nodes, 'DATE');
  if (date !== undefined) return calendarDate(date);
  const cast = castParts(nodes);
  return cast?.type === 'DATE' ? (constantDate(cast.operand) ?? timestampLiteralDate(cast.operand)) : undefined;
}

/**
 * The DuckDB text of `CAST(operand AS target)` folded to a literal (target a DuckDB type name: DATE, VARCHAR), or
 * undefined when it is not a cast of a constant date this folds.
 */
export function foldedDateCast(operand: readonly Node[], target: string): string | undefined {
  if (target === 'DATE') {
    const date = constantDate(operand) ?? timestampLiteralDate(operand);
    return date && `DATE '${date}'`;
  }
  if (target === 'VARCHAR') {
    const date = constantDate(operand);
    return date && `CAST('${date}' AS VARCHAR)`;
  }
  return undefined;
}
