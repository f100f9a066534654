import { describe, expect, it } from 'vitest';
import { round } from '../../bench/measure.js';

describe('bench round', () => {
  it('never gives -0, which JSON cannot carry (a flat scale exponent such as -0.001 failed the bench round trip)', () => {
    expect(Object.is(round(-0.001, 2), 0)).toBe(true);
    expect(JSON.parse(JSON.stringify({ k: round(-0.004, 2) }))).toEqual({ k: round(-0.004, 2) });
    expect(round(-0.34, 2)).toBe(-0.34);
    expect(round(602.66)).toBe(602.7);
  });
});
