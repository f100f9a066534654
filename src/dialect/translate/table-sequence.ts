// `TABLE(sequence(start, stop[, step]))` in FROM (also `system.builtin.sequence`, arguments by name `start => …`):
// Trino 476's table function gives one bigint column, sequential_number, from start (default 0) to stop by step
// (default 1), stop included; DuckDB has no TABLE(…) (a parser error). Written as a derived table over DuckDB's
// generate_series, whose arguments trino_table_sequence_start checks as Trino does while binding: integers only
// (TYPE_MISMATCH for a decimal), "Stop is null", "Step must be positive for sequence [1, 3]" and its negative twin.
// The relation's alias and column list stay as written.
import { isParen, meaningful, nodeKeyword, nodeText, splitArgs, type GroupNode, type Node } from './tree.js';
import type { Report } from './within-group.js';

const PARAMETERS = ['start', 'stop', 'step'] as const;
const DEFAULTS: Record<(typeof PARAMETERS)[number], string> = { start: '0', stop: 'NULL', step: '1' };

/** `sequence(…)` or `system.builtin.sequence(…)` as the whole of TABLE's group: its argument group. */
function sequenceCall(group: GroupNode): GroupNode | undefined {
  const m = meaningful(group.items);
  const name = m
    .slice(0, -1)
    .map((n) => nodeText(n).toLowerCase())
    .join('');
  const args = m[m.length - 1];
  return (name === 'sequence' || name === 'system.builtin.sequence') && isParen(args) ? args : undefined;
}

export function rewriteTableSequences(items: readonly Node[], render: (nodes: readonly Node[]) => string, report: Report): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < items.length; i++) {
    const node = items[i];
    if (node.kind === 'group') {
      out.push({ ...node, items: rewriteTableSequences(node.items, render, report) });
      continue;
    }
    let k = i + 1;
    while (k < items.length && items[k].kind === 'token' && /^\s*$/.test(nodeText(items[k]))) k++;
    const group = items[k];
    const args = nodeKeyword(node) === 'TABLE' && isParen(group) ? sequenceCall(group) : undefined;
    if (!args || !isParen(group)) {
      out.push(node);
      continue;
    }
    const given: Record<string, string> = { ...DEFAULTS };
    let positional = 0;
    for (const arg of splitArgs(args.items)) {
      const m = meaningful(arg);
      const named = m.length > 2 && nodeText(m[1]) === '=>' ? nodeText(m[0]).toLowerCase() : undefined;
      const name = named ?? PARAMETERS[positional++];
      if (name === undefined || !(PARAMETERS as readonly string[]).includes(name)) {
        report(node.token, 'table-function', `sequence(): unknown argument ${named ?? `#${positional}`} (Athena's sequence takes start, stop and step)`);
        return [...items];
      }
      given[name] = render(named ? m.slice(2) : m).trim();
    }
    const { start, stop, step } = given;
    const sql =
      `(SELECT CAST(generate_series AS BIGINT) AS sequential_number FROM generate_series(` +
      `trino_table_sequence_start(${start}, ${stop}, ${step}), trino_integer_arg(${stop}, 'sequence'), ` +
      `CASE WHEN trino_integer_arg(${start}, 'sequence') = trino_integer_arg(${stop}, 'sequence') THEN 1 ELSE trino_integer_arg(${step}, 'sequence') END))`;
    out.push({ kind: 'token', token: { ...node.token, kind: 'translated', text: sql } });
    i = k;
  }
  return out;
}
