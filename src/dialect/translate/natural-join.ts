// NATURAL JOIN: Trino 476 parses it and fails with NOT_SUPPORTED "Natural join not supported"; DuckDB joins on the
// columns of the same name. Refused at the keyword, never run.
import { keyword } from '../tokens.js';
import { isTriviaNode, type Node } from './tree.js';
import type { Report } from './within-group.js';

export function refuseNaturalJoin(items: readonly Node[], report: Report): void {
  for (const node of items.filter((n) => !isTriviaNode(n))) {
    if (node.kind === 'group') refuseNaturalJoin(node.items, report);
    else if (keyword(node.token) === 'NATURAL')
      report(
        node.token,
        'natural-join',
        'NATURAL JOIN is not supported on Athena ("Natural join not supported")',
        'write the join condition: JOIN s USING (k) or ON t.k = s.k',
      );
  }
}
