// Row-level comparison of a model's output with a test's expected rows: which expected rows are missing, which output
// rows are unexpected, and which rows match but for some cells. Only the columns the expected rows name are compared.
import type { Column, SqlValue } from '../engines/engine.js';
import { canonicalType } from '../project/contract.js';
import { timestampText } from './fixtures.js';

export type Row = Record<string, unknown>;

export interface CellChange {
  column: string;
  expected: unknown;
  actual: SqlValue;
}

export interface ChangedRow {
  expected: Row;
  actual: Row;
  cells: CellChange[];
  /** 1-based row position, for ordered comparisons. */
  position?: number;
}

export interface RowDiff {
  /** The compared columns, in expected order. */
  columns: string[];
  missing: Row[];
  unexpected: Row[];
  changed: ChangedRow[];
  expectedCount: number;
  actualCount: number;
}

export interface DiffOptions {
  ordered: boolean;
  /** Absolute tolerance for DOUBLE and REAL cells. */
  tolerance: number;
}

export const isEmptyDiff = (d: RowDiff): boolean => d.missing.length === 0 && d.unexpected.length === 0 && d.changed.length === 0;

const numeric = (v: unknown): number | undefined => {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return undefined;
};

const exactNumber = (v: unknown): bigint | undefined => {
  try {
    if (typeof v === 'bigint') return v;
    if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
    if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return BigInt(v.trim());
  } catch {
    return undefined;
  }
  return undefined;
};

/** DECIMAL text compared by value: `1.50` = `1.5`. */
const decimalText = (v: unknown): string | undefined => {
  const text = typeof v === 'number' || typeof v === 'bigint' ? String(v) : typeof v === 'string' ? v.trim() : undefined;
  if (text === undefined || !/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  const [whole, fraction = ''] = text.replace(/^(-?)0+(?=\d)/, '$1').split('.');
  const trimmed = fraction.replace(/0+$/, '');
  const out = trimmed ? `${whole}.${trimmed}` : whole;
  return out === '-0' ? '0' : out;
};

/** Whether an expected (YAML) value equals an output cell of Trino type `type`. */
export function cellEquals(expected: unknown, actual: SqlValue, type: string, tolerance: number): boolean {
  if (expected === null || expected === undefined || actual === null) return (expected ?? null) === actual;
  const t = canonicalType(type);
  if (t === 'double' || t === 'real') {
    const e = numeric(expected);
    const a = numeric(actual);
    if (e === undefined || a === undefined) return String(expected) === String(actual);
    if (Number.isNaN(e) || Number.isNaN(a)) return Number.isNaN(e) && Number.isNaN(a);
    return e === a || Math.abs(e - a) <= tolerance;
  }
  if (/^(tinyint|smallint|integer|bigint)$/.test(t)) {
    const e = exactNumber(expected);
    return e !== undefined && e === exactNumber(actual);
  }
  if (t.startsWith('decimal')) return decimalText(expected) !== undefined && decimalText(expected) === decimalText(actual);
  if (t.startsWith('timestamp') && !t.includes('zone')) {
    try {
      return timestampText(expected) === timestampText(actual);
    } catch {
      return false;
    }
  }
  if (t === 'boolean') return String(expected) === String(actual);
  const array = /^array\((.*)\)$/.exec(t);
  if (array) {
    return (
      Array.isArray(expected) &&
      Array.isArray(actual) &&
      expected.length === actual.length &&
      expected.every((e, i) => cellEquals(e, actual[i], array[1], tolerance))
    );
  }
  if (typeof actual === 'object') return looseEquals(expected, actual, tolerance);
  return typeof expected === 'object' ? false : String(expected) === String(actual);
}

/** Structural comparison for maps and rows (types of the leaves unknown): numbers within tolerance, the rest as text. */
function looseEquals(expected: unknown, actual: unknown, tolerance: number): boolean {
  if (expected === null || actual === null) return expected === actual;
  if (Array.isArray(expected) || Array.isArray(actual)) {
    return (
      Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length && expected.every((e, i) => looseEquals(e, actual[i], tolerance))
    );
  }
  if (typeof expected === 'object' || typeof actual === 'object') {
    if (typeof expected !== 'object' || typeof actual !== 'object') return false;
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const keys = new Set([...Object.keys(e), ...Object.keys(a)]);
    return [...keys].every((k) => looseEquals(e[k] ?? null, a[k] ?? null, tolerance));
  }
  const en = numeric(expected);
  const an = numeric(actual);
  if (typeof expected === 'number' && en !== undefined && an !== undefined) return Math.abs(en - an) <= tolerance;
  return String(expected) === String(actual);
}

/** Compares output rows (`columns`, `rows`) with expected rows. Throws when an expected column is not in the output. */
export function diffRows(expected: readonly Row[], output: { columns: Column[]; rows: SqlValue[][] }, options: DiffOptions): RowDiff {
  const names: string[] = [];
  for (const row of expected) for (const key of Object.keys(row)) if (!names.includes(key)) names.push(key);
  const indexes = names.map((name) => {
    const i = output.columns.findIndex((c) => c.name.toLowerCase() === name.toLowerCase());
    if (i < 0) throw new Error(`expected column '${name}' is not in the output (columns: ${output.columns.map((c) => c.name).join(', ')})`);
    return i;
  });
  const types = indexes.map((i) => output.columns[i].type);
  const actual: Row[] = output.rows.map((r) => Object.fromEntries(names.map((n, j) => [n, r[indexes[j]]])));
  // A row compares the cells it names; `column: null` expects NULL, a column left out is not compared for that row.
  const wanted: Row[] = expected.map((r) => Object.fromEntries(names.filter((n) => Object.hasOwn(r, n)).map((n) => [n, r[n] ?? null])));
  const changes = (e: Row, a: Row): CellChange[] =>
    names.flatMap((n, j) =>
      !Object.hasOwn(e, n) || cellEquals(e[n], a[n] as SqlValue, types[j], options.tolerance) ? [] : [{ column: n, expected: e[n], actual: a[n] as SqlValue }],
    );
  const diff: RowDiff = { columns: names, missing: [], unexpected: [], changed: [], expectedCount: expected.length, actualCount: output.rows.length };

  if (options.ordered) {
    for (let i = 0; i < Math.max(wanted.length, actual.length); i++) {
      if (i >= actual.length) diff.missing.push(wanted[i]);
      else if (i >= wanted.length) diff.unexpected.push(actual[i]);
      else {
        const cells = changes(wanted[i], actual[i]);
        if (cells.length > 0) diff.changed.push({ expected: wanted[i], actual: actual[i], cells, position: i + 1 });
      }
    }
    return diff;
  }

  const unmatched = actual.map((_, i) => i);
  const leftover: Row[] = [];
  for (const e of wanted) {
    const at = unmatched.findIndex((i) => changes(e, actual[i]).length === 0);
    if (at >= 0) unmatched.splice(at, 1);
    else leftover.push(e);
  }
  // Pair what is left by the most equal cells: such a pair is one row whose other cells changed.
  for (const e of leftover) {
    let best = -1;
    let bestEqual = 0;
    for (const [k, i] of unmatched.entries()) {
      const equal = Object.keys(e).length - changes(e, actual[i]).length;
      if (equal > bestEqual) {
        best = k;
        bestEqual = equal;
      }
    }
    const onlyPair = leftover.length === 1 && unmatched.length === 1;
    if (best < 0 && onlyPair) best = 0;
    if (best < 0) diff.missing.push(e);
    else {
      const [i] = unmatched.splice(best, 1);
      diff.changed.push({ expected: e, actual: actual[i], cells: changes(e, actual[i]) });
    }
  }
  for (const i of unmatched) diff.unexpected.push(actual[i]);
  return diff;
}
