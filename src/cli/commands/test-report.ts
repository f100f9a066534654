// The readable `lake test` report: one line per unit test and per check, details under failures, then a summary.
import { checkFailureText, unitFailureText } from '../../testing/format.js';
import type { TestReport } from '../../testing/suite.js';
import { PLAIN, type Paint } from '../color.js';

const indent = (text: string, by = '    '): string =>
  text
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function reportText(report: TestReport, paint: Paint = PLAIN): string {
  const out: string[] = [];
  if (report.unloaded.length > 0) out.push('Not loaded (not tested)');
  for (const { node, reason } of report.unloaded) out.push(`  ${paint.fail('ERR ')} ${node}: ${reason}`);
  if (report.unit.length > 0) out.push('Unit tests');
  for (const r of report.unit) {
    const mark = r.status === 'passed' ? paint.ok('ok  ') : r.status === 'failed' ? paint.fail('FAIL') : paint.fail('ERR ');
    out.push(`  ${mark} ${r.node?.name ?? r.test.model} › ${r.test.name}  (${r.test.file}:${r.test.line})`);
    if (r.status !== 'passed') out.push(indent(unitFailureText(r), '         '));
  }
  if (report.checks.length > 0) out.push('Contract checks');
  // Skips share a few reasons (no lake, a table not built): one line per reason, not per check.
  const skips = new Map<string, Set<string>>();
  for (const { check, skipped } of report.checks) if (skipped) skips.set(skipped, (skips.get(skipped) ?? new Set()).add(check.table));
  for (const [reason, tables] of skips) {
    const count = report.checks.filter((c) => c.skipped === reason).length;
    out.push(`  skip ${plural(count, 'check')} of ${[...tables].join(', ')}: ${reason}`);
  }
  for (const { check, result, skipped } of report.checks) {
    if (skipped) continue;
    const where = `(${check.file}:${check.line})`;
    const mark = result!.passed ? paint.ok('ok  ') : check.severity === 'warn' ? paint.warn('WARN') : paint.fail('FAIL');
    out.push(`  ${mark} ${check.table} ${check.kind}: ${check.description}  ${where}`);
    if (!result!.passed) out.push(indent(checkFailureText(result!), '         '));
  }
  const unitFailed = report.unit.filter((r) => r.status !== 'passed').length;
  const checksRun = report.checks.filter((c) => c.result);
  const checksFailed = checksRun.filter((c) => !c.result!.passed && c.check.severity === 'error').length;
  const warnings = checksRun.filter((c) => !c.result!.passed && c.check.severity === 'warn').length;
  const skipped = report.checks.length - checksRun.length;
  out.push(
    `${report.unloaded.length > 0 ? `${plural(report.unloaded.length, 'node')} not loaded; ` : ''}${plural(report.unit.length, 'unit test')}: ${report.unit.length - unitFailed} passed, ${unitFailed} failed; ` +
      `${plural(checksRun.length, 'check')}: ${checksRun.length - checksFailed - warnings} passed, ${checksFailed} failed, ${plural(warnings, 'warning')}` +
      `${skipped > 0 ? `, ${skipped} skipped` : ''} (${(report.durationMs / 1000).toFixed(1)} s)`,
  );
  return `${out.join('\n')}\n`;
}
