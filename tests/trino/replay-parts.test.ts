// The replay's parts (tests/trino/replay-parts.ts) cover every recorded query exactly once, and there is one
// dialect-replay-<part>.trino.ts file per part, no more.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { partOf, REPLAY_PARTS } from './replay-parts.js';

describe('the dialect replay’s parts', () => {
  it('hold every query once, in the recorded order within each part', () => {
    const queries = Array.from({ length: 1001 }, (_, i) => i);
    const parts = Array.from({ length: REPLAY_PARTS }, (_, p) => partOf(queries, p + 1));
    expect(parts.flat().sort((a, b) => a - b)).toEqual(queries);
    for (const part of parts) expect(part).toEqual([...part].sort((a, b) => a - b));
    expect(Math.max(...parts.map((p) => p.length)) - Math.min(...parts.map((p) => p.length))).toBeLessThanOrEqual(1);
  });

  it('have one file each', () => {
    const files = readdirSync('tests/trino').filter((f) => f.startsWith('dialect-replay-') && f.endsWith('.trino.ts'));
    expect(files.sort()).toEqual(Array.from({ length: REPLAY_PARTS }, (_, p) => `dialect-replay-${p + 1}.trino.ts`).sort());
  });
});
