// TABLESAMPLE BERNOULLI (p) and SYSTEM (p): Trino takes p as a percentage; DuckDB reads a bare number as a count of
// rows and refuses it with those methods ("cannot be used with a discrete sample count"). A literal p is written as
// DuckDB's percentage, `bernoulli(p%)`: every row with probability p/100 (SYSTEM samples whole vectors locally, splits
// on Athena; both keep or drop all rows at 100 and 0). Another p is left to DuckDB's error.
import { isParen, isTriviaNode, meaningful, nodeKeyword, type Node } from './tree.js';

export function tableSamplePercentages(items: readonly Node[]): Node[] {
  // Only a group after TABLESAMPLE is rewritten (issue 18: without one, the walk copied every group for nothing).
  return holdsTableSample(items) ? sampled(items) : [...items];
}

const holdsTableSample = (items: readonly Node[]): boolean =>
  items.some((n) => (n.kind === 'group' ? holdsTableSample(n.items) : nodeKeyword(n) === 'TABLESAMPLE'));

function sampled(items: readonly Node[]): Node[] {
  const before: Node[] = [];
  return items.map((node) => {
    let result = node;
    if (node.kind === 'group') result = { ...node, items: sampled(node.items) };
    const [method, sample] = [before[before.length - 1], before[before.length - 2]];
    const percentage = isParen(node) ? meaningful(node.items) : [];
    const number = percentage[0];
    if (
      isParen(node) &&
      ['BERNOULLI', 'SYSTEM'].includes(nodeKeyword(method)) &&
      nodeKeyword(sample) === 'TABLESAMPLE' &&
      percentage.length === 1 &&
      number.kind === 'token' &&
      number.token.kind === 'number'
    )
      result = { ...node, items: [{ kind: 'token', token: { ...number.token, kind: 'word', text: `${number.token.text}%` } }] };
    if (!isTriviaNode(node)) before.push(node);
    return result;
  });
}
