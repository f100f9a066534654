// How deeply a parsed JSON value nests. JSON.parse takes any depth, but JSON.stringify (the stream, Firehose, every
// quarantine and dead-letter writer) overflows the stack some thousands of levels down: one such record would fail the
// whole batch it is in, again on every retry. Records deeper than MAX_JSON_DEPTH are refused where they are read.

export const MAX_JSON_DEPTH = 1000;

/** The nesting depth of `value` (a scalar is 0), without recursion; stops counting once past `limit`. */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  if (typeof value !== 'object' || value === null) return 0;
  // A flat record (every record of the demo's P1 chain, checked by the producer and again by the consumer) is depth 1:
  // known without the walk's stack and entries (issue 18).
  if (!Array.isArray(value) && holdsOnlyScalars(value)) return 1;
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function holdsOnlyScalars(object: object): boolean {
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    const child = (object as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null) return false;
  }
  return true;
}

export const tooDeep = (value: unknown): boolean => jsonDepth(value) > MAX_JSON_DEPTH;

export const TOO_DEEP_ERROR = `nested deeper than ${MAX_JSON_DEPTH} levels (JSON.stringify cannot write it back)`;
