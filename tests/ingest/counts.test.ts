import { describe, expect, it } from 'vitest';
import { chainCounts, countsBalance, emptyCounts, quarantine, type IngestCounts } from '../../src/ingest/counts.js';

describe('chainCounts', () => {
  it('accounts for two stages in a row: first stage in, last stage out, either stage set aside', () => {
    const producer: IngestCounts = { ...emptyCounts(), received: 100, accepted: 95 };
    quarantine(producer, 'invalid_record', 5);
    const consumer: IngestCounts = { ...emptyCounts(), received: 95, accepted: 92 };
    quarantine(consumer, 'rating_out_of_range', 2);
    quarantine(consumer, 'invalid_record', 1);
    const chained = chainCounts(producer, consumer);
    expect(chained).toEqual({ received: 100, accepted: 92, quarantined: 8, reasons: { invalid_record: 6, rating_out_of_range: 2 } });
    expect(countsBalance(chained)).toBe(true);
    // Inputs are left as they were.
    expect(producer.reasons).toEqual({ invalid_record: 5 });
  });
});
