// Text of test outcomes, shared by the CLI report and the JUnit XML: a unit test's row diff and a check's failures.
import type { SqlValue } from '../engines/engine.js';
import type { CheckResult } from '../pipeline/checks.js';
import type { Row, RowDiff } from './diff.js';
import type { UnitTestResult } from './run-unit.js';

export function valueText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return /^[\w.:+\-@/ ]*$/.test(value) && value.trim() === value && value !== '' ? value : JSON.stringify(value);
  if (typeof value === 'object') return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return String(value);
}

const rowText = (row: Row, columns: string[]): string =>
  `{${columns
    .filter((c) => Object.hasOwn(row, c))
    .map((c) => `${c}: ${valueText(row[c])}`)
    .join(', ')}}`;

/** One line per differing row: `~ changed`, `- missing`, `+ unexpected`. */
export function diffLines(diff: RowDiff): string[] {
  const lines = [`${diff.expectedCount} expected rows, ${diff.actualCount} rows returned; compared columns: ${diff.columns.join(', ')}`];
  for (const change of diff.changed) {
    const changed = new Set(change.cells.map((c) => c.column));
    const same = diff.columns.filter((c) => !changed.has(c) && Object.hasOwn(change.expected, c));
    const where = change.position ? `row ${change.position}` : same.length > 0 ? rowText(change.expected, same) : 'a row';
    const cells = change.cells.map((c) => `${c.column}: expected ${valueText(c.expected)}, got ${valueText(c.actual)}`).join('; ');
    lines.push(`~ changed    ${where}: ${cells}`);
  }
  for (const row of diff.missing) lines.push(`- missing    ${rowText(row, diff.columns)}`);
  for (const row of diff.unexpected) lines.push(`+ unexpected ${rowText(row, diff.columns)}`);
  return lines;
}

/** Why a unit test did not pass, several lines; '' when it passed. */
export function unitFailureText(result: UnitTestResult): string {
  if (result.status === 'passed') return '';
  if (result.status === 'error') return result.error ?? 'error';
  const node = result.node!;
  return [`model ${node.id} (${node.file}) returned other rows than ${result.test.file}:${result.test.expect.line} expects`, ...diffLines(result.diff!)].join(
    '\n',
  );
}

/** Why a check did not pass: the query error, or the failing-row count and a sample. */
export function checkFailureText(result: CheckResult): string {
  if (result.error) return `the check query failed: ${result.error}`;
  const columns = result.sampleColumns ?? [];
  const sample = result.sample.map(
    (row: SqlValue[]) => `  ${columns.length === row.length ? columns.map((c, i) => `${c}: ${valueText(row[i])}`).join(', ') : row.map(valueText).join(', ')}`,
  );
  return [`${result.failures} failing row${result.failures === 1 ? '' : 's'}${sample.length > 0 ? ', e.g.' : ''}`, ...sample].join('\n');
}
