// `lake run --dry-run`: the steps a run would take, their periods and how their writes are split, without running.
import { ATHENA_MAX_PARTITIONS_PER_WRITE } from '../../engines/local/engine.js';
import { periodsBetween } from '../../pipeline/periods.js';
import type { PlannedStep } from '../../pipeline/runner.js';
import { materializationOf } from '../../pipeline/steps.js';
import { timestampText } from '../../project/variables.js';

const minute = (d: Date) => timestampText(d).slice(0, 16);

function periodText(step: PlannedStep): string {
  const { node, period } = step;
  if (!period) return '';
  const grain = node.header.period;
  const count = grain ? periodsBetween(period.start, period.end, grain).length : undefined;
  const span = count ? ` (${count} ${grain}${count === 1 ? '' : 's'})` : '';
  return ` [${minute(period.start)} .. ${minute(period.end)})${span}`;
}

function writeText(step: PlannedStep): string {
  const { node } = step;
  if (node.kind !== 'model' && node.kind !== 'dashboard') return '';
  const kind = materializationOf(node);
  const partitions = node.header.partitioned_by?.length ? `, partitioned by ${node.header.partitioned_by.join(', ')}` : '';
  const batches = kind === 'incremental' && partitions ? `: writes in batches of at most ${ATHENA_MAX_PARTITIONS_PER_WRITE} partitions` : '';
  return ` ${kind}${partitions}${batches}`;
}

/** `engine`: where the run would go, as the plan's header says it: 'the local engine', 'the Trino engine at URL'. */
export function describePlan(plan: PlannedStep[], options: { stage: string; blocked: ReadonlyMap<string, string>; engine: string }): string {
  const lines = [
    `plan: ${plan.length} step${plan.length === 1 ? '' : 's'} for stage ${options.stage} on ${options.engine} ` +
      `(Athena's limit of ${ATHENA_MAX_PARTITIONS_PER_WRITE} partitions per write); each model is followed by its contract checks`,
  ];
  const width = Math.max(0, ...plan.map((s) => s.node.id.length));
  plan.forEach((step, i) => {
    const blocked = options.blocked.get(step.node.id);
    const note = blocked ? `  (will not run: ${blocked})` : '';
    lines.push(`${String(i + 1).padStart(3)}. ${step.node.kind.padEnd(9)} ${step.node.id.padEnd(width)}${periodText(step)}${writeText(step)}${note}`.trimEnd());
  });
  lines.push('nothing was run (--dry-run)');
  return `${lines.join('\n')}\n`;
}
