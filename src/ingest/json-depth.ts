// How deeply a parsed JSON value nests. JSON.parse takes any depth, but JSON.stringify (the stream, Firehose, every
// quarantine and dead-letter writer) overflows the stack some thousands of levels down: one such record would fail the
// whole batch it is in, again on every retry. Records deeper than MAX_JSON_DEPTH are refused where they are read.

export const MAX_JSON_DEPTH = 1000;

/** The nesting depth of `value` (a scalar is 0), without recursion; stops counting once past `limit`. */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
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

export const tooDeep = (value: unknown): boolean => jsonDepth(value) > MAX_JSON_DEPTH;

export const TOO_DEEP_ERROR = `nested deeper than ${MAX_JSON_DEPTH} levels (JSON.stringify cannot write it back)`;
