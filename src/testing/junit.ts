// JUnit XML for CI: one <testsuite> per unit-test file and one per table's contract. Warn-severity check failures are
// reported in <system-out>, not as failures, matching the exit code.
import { checkFailureText, unitFailureText } from './format.js';
import type { CheckOutcome, TestReport } from './suite.js';

const escape = (text: string): string =>
  text
    // XML 1.0 cannot carry most control characters, even escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

interface Case {
  name: string;
  classname: string;
  file: string;
  line: number;
  timeMs: number;
  failure?: { message: string; body: string; type: 'failure' | 'error' };
  skipped?: string;
  output?: string;
}

function caseXml(c: Case): string {
  const attrs = `name="${escape(c.name)}" classname="${escape(c.classname)}" file="${escape(c.file)}" line="${c.line}" time="${seconds(c.timeMs)}"`;
  const inner = [
    c.failure ? `      <${c.failure.type} message="${escape(c.failure.message)}">${escape(c.failure.body)}</${c.failure.type}>` : '',
    c.skipped ? `      <skipped message="${escape(c.skipped)}"/>` : '',
    c.output ? `      <system-out>${escape(c.output)}</system-out>` : '',
  ].filter(Boolean);
  return inner.length === 0 ? `    <testcase ${attrs}/>` : `    <testcase ${attrs}>\n${inner.join('\n')}\n    </testcase>`;
}

function suiteXml(name: string, cases: Case[]): string {
  const count = (f: (c: Case) => boolean) => cases.filter(f).length;
  const time = cases.reduce((sum, c) => sum + c.timeMs, 0);
  return (
    `  <testsuite name="${escape(name)}" tests="${cases.length}" failures="${count((c) => c.failure?.type === 'failure')}" ` +
    `errors="${count((c) => c.failure?.type === 'error')}" skipped="${count((c) => Boolean(c.skipped))}" time="${seconds(time)}">\n` +
    `${cases.map(caseXml).join('\n')}\n  </testsuite>`
  );
}

function checkCase(outcome: CheckOutcome): Case {
  const { check, result, skipped } = outcome;
  const base: Case = { name: `${check.kind}: ${check.description}`, classname: check.table, file: check.file, line: check.line, timeMs: 0 };
  if (skipped) return { ...base, skipped };
  if (!result || result.passed) return base;
  const text = checkFailureText(result);
  if (check.severity === 'warn') return { ...base, output: `warning: ${text}` };
  return { ...base, failure: { type: result.error ? 'error' : 'failure', message: text.split('\n')[0], body: text } };
}

export function junitXml(report: TestReport): string {
  const suites = new Map<string, Case[]>();
  const add = (suite: string, c: Case) => suites.set(suite, [...(suites.get(suite) ?? []), c]);
  for (const r of report.unit) {
    const text = unitFailureText(r);
    add(r.test.file, {
      name: r.test.name,
      classname: r.node?.id ?? r.test.model,
      file: r.test.file,
      line: r.test.line,
      timeMs: r.durationMs,
      ...(r.status === 'passed' ? {} : { failure: { type: r.status === 'error' ? 'error' : 'failure', message: text.split('\n')[0], body: text } }),
    });
  }
  for (const outcome of report.checks) add(`contract ${outcome.check.table}`, checkCase(outcome));
  for (const { node, reason } of report.unloaded) {
    const file = report.project.node(node)?.file ?? node;
    add('not loaded', { name: `${node} loads`, classname: node, file, line: 1, timeMs: 0, failure: { type: 'error', message: reason, body: reason } });
  }
  const all = [...suites.values()].flat();
  const count = (f: (c: Case) => boolean) => all.filter(f).length;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="lake test" tests="${all.length}" failures="${count((c) => c.failure?.type === 'failure')}" errors="${count((c) => c.failure?.type === 'error')}" ` +
    `skipped="${count((c) => Boolean(c.skipped))}" time="${seconds(report.durationMs)}">\n` +
    `${[...suites.entries()].map(([name, cases]) => suiteXml(name, cases)).join('\n')}\n</testsuites>\n`
  );
}
