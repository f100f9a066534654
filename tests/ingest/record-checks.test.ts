// The record checks of P1 (consumer cleaning, producer check) and P4 (the table's row type from its DDL) quarantine
// what the readers downstream would read differently or not at all, instead of coercing it.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { declaredColumns, domainEventProblem, type DeclaredColumn } from '../../src/ingest/cli-ingest/index.js';
import { cleanInteraction, producerValidationError } from '../../src/ingest/interactions/record.js';
import { loadProject } from '../../src/project/loader.js';

const interaction = (over: Record<string, unknown>) => ({
  customer_id: 1,
  interaction_type: 'call',
  timestamp: '2025-03-10T10:00:00Z',
  rating: 3,
  channel: 'phone',
  ...over,
});

describe('P1 consumer cleaning', () => {
  it.each([
    ['2025-02-30T10:00:00Z', /day 30 does not exist in 2025-02/],
    ['2025-13-01T10:00:00Z', /month 13/],
    ['2025-03-10T24:00:00Z', /time 24/],
    ['0000-06-01T00:00:00Z', /year 0 is outside/],
    [Date.parse('0000-06-01T00:00:00Z'), /outside years 0001–9999/],
    [Date.parse('-000002-06-01T00:00:00Z'), /outside years 0001–9999/],
    [Date.parse('+010000-01-01T00:00:00Z'), /outside years 0001–9999/],
    ['0001-01-01T00:30:00+01:00', /outside years 0001–9999/],
  ])('quarantines timestamp %s instead of rolling it over or writing its year as a partition', (timestamp, message) => {
    const cleaned = cleanInteraction(interaction({ timestamp }));
    expect(cleaned.ok).toBe(false);
    if (cleaned.ok) return;
    expect(cleaned.reason).toBe('bad_timestamp');
    expect(cleaned.error).toMatch(message);
  });

  it('keeps real calendar times, leap days included', () => {
    for (const timestamp of ['2024-02-29T23:59:59Z', '2000-02-29T00:00:00Z', '9999-12-31T23:59:59Z', '0001-01-01T00:00:00Z']) {
      expect(cleanInteraction(interaction({ timestamp })).ok, timestamp).toBe(true);
    }
    expect(cleanInteraction(interaction({ timestamp: '1900-02-29T00:00:00Z' })).ok).toBe(false);
  });

  it.each([
    ['channel', { web: true }],
    ['channel', ['a', 'b']],
    ['message_excerpt', { text: 'hi' }],
    ['message_excerpt', [1, 2]],
  ])('quarantines an object or array in the text field %s instead of storing "[object Object]" or "1,2"', (field, value) => {
    expect(cleanInteraction(interaction({ [field]: value }))).toEqual({
      ok: false,
      reason: 'bad_type',
      error: expect.stringContaining(`${field} ${JSON.stringify(value)} is an object or array`),
    });
  });

  it('refuses at the producer a record nested deeper than the writers can stringify', () => {
    const deep = JSON.parse(
      `{"customer_id": 1, "interaction_type": "call", "timestamp": "2025-03-10T10:00:00Z", "channel": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    ) as unknown;
    expect(producerValidationError(deep)).toMatch(/nested deeper than 1000 levels/);
    expect(
      producerValidationError(JSON.parse(`{"customer_id": 1, "interaction_type": "call", "timestamp": "t", "x": ${'['.repeat(999)}${']'.repeat(999)}}`)),
    ).toBeUndefined();
  });

  it('refuses at the producer a number JSON cannot carry (rating 1e400), which the stream would turn into null', () => {
    const record = JSON.parse('{"customer_id": 1, "interaction_type": "call", "timestamp": "2025-03-10T10:00:00Z", "rating": 1e400}') as Record<
      string,
      unknown
    >;
    expect(producerValidationError(record)).toMatch(/rating is a number beyond the range of a double/);
    // What the consumer would have seen after the stream's JSON: a record without a rating, accepted.
    expect(cleanInteraction(JSON.parse(JSON.stringify(record)) as unknown).ok).toBe(true);
  });
});

describe('P4 row type: one definition (the DDL) for the check and the reader', () => {
  let columns: DeclaredColumn[];
  beforeAll(async () => {
    columns = declaredColumns(await loadProject(resolve('.')), 'p4_domain_events') ?? [];
  });
  const event = (over: Record<string, unknown>) => ({
    event_id: 'e1',
    event_type: 'OrderPlaced',
    event_time: '2025-03-10T10:00:00Z',
    ...('AMOUNT' in over ? {} : { amount: 12.5 }),
    ...over,
  });

  it('takes the columns and types from sql/ddl/p4_domain_events.sql', () => {
    expect(columns.find((c) => c.name === 'amount')).toEqual({ name: 'amount', type: 'DECIMAL(12, 2)' });
    expect(columns.map((c) => c.name)).toEqual(expect.arrayContaining(['event_id', 'event_type', 'event_time', 'customer_id', 'item_count', 'schema_version']));
  });

  it.each([
    ['a calendar-invalid event_time', { event_time: '2025-02-30T10:00:00Z' }, 'bad_event_time'],
    ['year 0000', { event_time: '0000-01-01T00:00:00Z' }, 'bad_event_time'],
    ['an amount that overflows DECIMAL(12,2)', { amount: 9999999999.999 }, 'out_of_range'],
    ['an amount that rounds up to overflow', { amount: 9999999999.995 }, 'out_of_range'],
    ['a key in another case holding a bad value', { AMOUNT: 'x' }, 'bad_type'],
    ['two keys that are one column', { Amount: 3 }, 'ambiguous_key'],
    ['an object in a string field', { currency: { code: 'EUR' } }, 'bad_type'],
    ['an array in a number field', { amount: [1] }, 'bad_type'],
    ['an INT beyond 2^31', { item_count: 2 ** 31 }, 'out_of_range'],
  ])('quarantines %s', (_what, over, reason) => {
    expect(domainEventProblem(event(over), columns)?.reason).toBe(reason);
  });

  it('accepts what the reader reads: the largest DECIMAL(12,2), keys in any case', () => {
    expect(domainEventProblem(event({ amount: 9999999999.99 }), columns)).toBeUndefined();
    expect(domainEventProblem({ EVENT_ID: 'e2', Event_Type: 'OrderPlaced', event_time: '2024-02-29T10:00:00Z', Amount: 1 }, columns)).toBeUndefined();
  });
});
