// An aggregate's FILTER (WHERE …) before OVER: Trino 476 fails with NOT_SUPPORTED "FILTER is not yet supported for
// window functions"; DuckDB filters the frame's rows and answers. Refused at the FILTER keyword (found by the fourth
// hunt, docs/issue-15-audit.md).
import { keyword } from '../tokens.js';
import { isParen, isTriviaNode, nodeKeyword, type Node } from './tree.js';
import type { Report } from './within-group.js';

export function refuseWindowFilter(items: readonly Node[], report: Report): void {
  const m = items.filter((n) => !isTriviaNode(n));
  m.forEach((node, k) => {
    if (node.kind === 'group') refuseWindowFilter(node.items, report);
    else if (keyword(node.token) === 'FILTER' && isParen(m[k + 1]) && nodeKeyword(m[k + 2]) === 'OVER')
      report(
        node.token,
        'window-filter',
        'FILTER (WHERE …) on a window function is not supported on Athena ("FILTER is not yet supported for window functions")',
        'move the condition into the argument: sum(CASE WHEN cond THEN x END) OVER (…)',
      );
  });
}
