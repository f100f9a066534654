// The random-expression generator of the differential oracle (`npm run test:trino`) draws its calls from
// signatures.ts: every faithful entry of the function table must have signatures there (or a reason it is not
// drawn), so a function added to the table is compared with Trino from its first run.
import { describe, expect, it } from 'vitest';
import { FUNCTION_TABLE } from '../../src/dialect/functions/index.js';
import { generate, KINDS, seededRandom, sqlOf } from './generator.js';
import { NOT_DRAWN, SIGNATURES } from './signatures.js';

const faithful = [...FUNCTION_TABLE].filter(([, entry]) => entry.run.kind !== 'refused').map(([name]) => name);

describe('the generator’s signatures and the function table', () => {
  it('cover every faithful function of the table', () => {
    const missing = faithful.filter((name) => !(name in SIGNATURES) && !(name in NOT_DRAWN));
    expect(missing, 'functions of src/dialect/functions/ with no signature in tests/trino/signatures.ts').toEqual([]);
  });

  it('name only functions the table runs locally', () => {
    const runs = new Set(faithful);
    const unknown = [...Object.keys(SIGNATURES), ...Object.keys(NOT_DRAWN)].filter((name) => !runs.has(name));
    expect(unknown, 'signatures for functions the table refuses or does not know').toEqual([]);
    expect(Object.keys(SIGNATURES).filter((name) => name in NOT_DRAWN)).toEqual([]);
  });

  it('draw every signed function within a few thousand expressions', () => {
    const random = seededRandom(7);
    const text = Array.from({ length: 4000 }, () => sqlOf(generate(KINDS[Math.floor(random() * KINDS.length)], { random, maxDepth: 3 }))).join('\n');
    const undrawn = Object.keys(SIGNATURES).filter((name) => !new RegExp(`\\b${name}\\(`, 'i').test(text));
    expect(undrawn).toEqual([]);
  });
});
