// Iceberg time travel, `t FOR TIMESTAMP AS OF …` / `t FOR VERSION AS OF …`
// (https://docs.aws.amazon.com/athena/latest/ug/querying-iceberg-table-data.html): the local engine keeps Iceberg
// tables as plain tables without snapshots, so it cannot answer as of another time. Refused, never run on the
// current data.
import { keyword } from '../tokens.js';
import { holdsWord, isTriviaNode, type Node } from './tree.js';
import type { Report } from './within-group.js';

const PERIODS = new Set(['TIMESTAMP', 'VERSION', 'SYSTEM_TIME', 'SYSTEM_VERSION']);
const FOR: ReadonlySet<string> = new Set(['FOR']);

export function refuseTimeTravel(items: readonly Node[], report: Report): void {
  // Its finding is at a FOR (issue 18: the walk copied every level's meaningful nodes to find none).
  if (!holdsWord(items, FOR)) return;
  const m = items.filter((n) => !isTriviaNode(n));
  m.forEach((node, k) => {
    if (node.kind === 'group') return refuseTimeTravel(node.items, report);
    const [period, as, of] = [m[k + 1], m[k + 2], m[k + 3]].map((n) => (n?.kind === 'token' ? keyword(n.token) : ''));
    if (keyword(node.token) === 'FOR' && PERIODS.has(period) && as === 'AS' && of === 'OF') {
      report(
        node.token,
        'time-travel',
        `Iceberg time travel (FOR ${period} AS OF) cannot run locally: the local engine keeps no table snapshots`,
        'run time-travel queries on Athena; locally, query the table as it is now',
      );
    }
  });
}
