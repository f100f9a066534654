// `DATE … AT TIME ZONE 'zone'`: Trino 476 fails with "TYPE_MISMATCH: Type of value must be a time or timestamp with
// or without time zone (actual date)" (https://trino.io/docs/current/functions/datetime.html#time-zone-conversion:
// AT TIME ZONE takes a timestamp or time). Where the operand is written as a date, lint names it; any other date
// operand fails while binding (trino_at_time_zone's DATE overload, src/dialect/shims/macros.ts).
import { keyword, type Token } from '../tokens.js';
import { firstToken, isParen, isTriviaNode, meaningful, nodeKeyword, type Node } from './tree.js';

export const DATE_AT_TIME_ZONE = {
  message: 'Type of value must be a time or timestamp with or without time zone (actual date): AT TIME ZONE takes a timestamp on Athena (TYPE_MISMATCH)',
  hint: "CAST the date first: CAST(d AS timestamp) AT TIME ZONE 'UTC'",
};

function previousMeaningful(items: readonly Node[], i: number): number {
  for (let k = i - 1; k >= 0; k--) if (!isTriviaNode(items[k])) return k;
  return -1;
}

/** The first token of the operand before items[at] (the AT of AT TIME ZONE) when it is written as a date. */
export function writtenDateBefore(items: readonly Node[], at: number): Token | undefined {
  const p = previousMeaningful(items, at);
  const before = items[previousMeaningful(items, p)];
  const node = items[p];
  if (node === undefined) return undefined;
  // current_date; DATE '2025-01-01'; date(x)
  if (nodeKeyword(node) === 'CURRENT_DATE') return firstToken(node);
  const literal = node.kind === 'token' && node.token.kind === 'string';
  if ((literal || isParen(node)) && nodeKeyword(before) === 'DATE') return firstToken(before);
  // CAST(x AS DATE), TRY_CAST(x AS DATE)
  if (isParen(node) && (nodeKeyword(before) === 'CAST' || nodeKeyword(before) === 'TRY_CAST')) {
    const inner = meaningful(node.items);
    const [as, type] = inner.slice(-2);
    if (nodeKeyword(as) === 'AS' && type?.kind === 'token' && keyword(type.token) === 'DATE') return firstToken(before);
  }
  return undefined;
}
