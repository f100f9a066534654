// jsonDepth's shortcut for flat records (issue 18: the P1 chain checks each of its 100,000 records twice) gives the
// walk's answer: compared with a plain recursive depth over flat, nested, empty and inherited shapes.
import { describe, expect, it } from 'vitest';
import { producerValidationError } from '../../src/ingest/interactions/record.js';
import { jsonDepth } from '../../src/ingest/json-depth.js';

/** The depth as JSON.stringify sees it: own enumerable values, a scalar 0. */
function recursiveDepth(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(recursiveDepth));
}

const inherited = Object.create({ parent: { nested: true } }) as Record<string, unknown>;
inherited.own = 1;

const shapes: [string, unknown][] = [
  ['a scalar', 7],
  ['null', null],
  ['a flat record', { customer_id: 1, interaction_type: 'call', timestamp: '2026-12-01T00:00:00Z', rating: null, channel: 'web' }],
  ['an empty object', {}],
  ['an empty array', []],
  ['an array of scalars', [1, 'a', null]],
  ['a record holding an object', { customer_id: 1, extra: { a: 1 } }],
  ['a record holding an empty object last', { customer_id: 1, rating: 2, extra: {} }],
  ['a record holding an array first', { tags: ['a'], customer_id: 1 }],
  ['a record holding an array of objects', { customer_id: 1, items: [{ a: [1] }] }],
  ['an object whose prototype holds an object', inherited],
];

describe('jsonDepth', () => {
  it.each(shapes)('%s: the depth of the recursive walk', (_name, value) => {
    expect(jsonDepth(value)).toBe(recursiveDepth(value));
  });

  it('stops past the limit for flat and nested records alike', () => {
    expect(jsonDepth({ a: 1 }, 0)).toBe(1);
    expect(jsonDepth({ a: { b: { c: 1 } } }, 1)).toBe(2);
  });
});

describe('producerValidationError', () => {
  it('names every missing field in the required order, and the first key (in key order) holding an infinite number', () => {
    expect(producerValidationError({ timestamp: null, interaction_type: 'call' })).toBe('missing required field(s): customer_id, timestamp');
    const record = JSON.parse('{"customer_id": 1, "interaction_type": "call", "timestamp": "t", "b": 1e400, "a": -1e400}') as unknown;
    expect(producerValidationError(record)).toBe('b is a number beyond the range of a double (±1.8e308): JSON cannot carry it');
    expect(producerValidationError({ customer_id: 1, interaction_type: 'call', timestamp: 't', nested: { x: 1 } })).toBeUndefined();
  });
});
