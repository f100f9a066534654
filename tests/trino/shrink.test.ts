// The oracle's generator and shrinker need no Trino: a fixed seed gives the same expressions everywhere (so a printed
// seed reproduces a run), and shrinking keeps the property while making the SQL smaller. Runs in `npm test`.
import { describe, expect, it } from 'vitest';
import { generate, KINDS, seededRandom, sqlOf, type Expr } from './generator.js';
import { sameValue } from './oracle.js';
import { shrink } from './shrink.js';

const expressions = (seed: number, n: number): string[] => {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => sqlOf(generate(KINDS[Math.floor(random() * KINDS.length)], { random, maxDepth: 3 })));
};

describe('oracle generator', () => {
  it('gives the same expressions for the same seed, and others for another seed', () => {
    expect(expressions(7, 50)).toEqual(expressions(7, 50));
    expect(expressions(8, 50)).not.toEqual(expressions(7, 50));
  });

  it('renders a node the same way every time (picks are made once)', () => {
    const random = seededRandom(3);
    for (let i = 0; i < 200; i++) {
      const e = generate('str', { random, maxDepth: 3 });
      expect(sqlOf(e)).toBe(sqlOf(e));
    }
  });
});

describe('oracle shrinker', () => {
  it('shrinks to the smallest expression that still has the property', async () => {
    const random = seededRandom(11);
    // An integer expression with abs( two levels or more below an integer root: (… + abs(…)) and the like.
    let start: Expr | undefined;
    for (let i = 0; i < 20000 && !start; i++) {
      const e = generate('int', { random, maxDepth: 3 });
      if (e.kids.some((k) => k.kind === 'int' && k.kids.some((g) => g.kind === 'int' && sqlOf(g).startsWith('abs(')))) start = e;
    }
    expect(start).toBeDefined();
    const small = await shrink(start!, async (e) => sqlOf(e).includes('abs('));
    // Hoisted through the integer nodes above it, its argument a literal (the simplest one when that is shorter: the
    // shrinker takes only strictly shorter SQL, so abs(7) stays; which literal depends on the generator's rules).
    expect(sqlOf(small)).toMatch(/^abs\((?:1|-?\d|[A-Z]+ '[^']*'|CAST\(NULL AS integer\))\)$/);
  });
});

describe('oracle value comparison', () => {
  it('compares doubles to 1e-12 relative, NaN with NaN, and everything else exactly', () => {
    expect(sameValue(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameValue(1.0000001, 1)).toBe(false);
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true);
    expect(sameValue('1.50', '1.5')).toBe(false);
    expect(sameValue({ a: [1, null] }, { a: [1, null] })).toBe(true);
    expect(sameValue({ a: 1 }, { b: 1 })).toBe(false);
    expect(sameValue(9007199254740993n, 9007199254740993n)).toBe(true);
  });
});
