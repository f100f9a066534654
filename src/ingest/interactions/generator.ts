// Seeded customer-interaction records (seed 000's API), spread evenly over a time window in arrival order, as a live
// API would serve them. A configurable share is invalid for the producer (required field missing or null), a share is
// messy but cleanable (padding, 'N/A', ''), and a small share passes the producer but fails the consumer's checks
// (rating out of range, unparseable timestamp), so every quarantine path sees traffic.
import type { Clock } from '../clock.js';
import { SeededRandom } from '../random.js';
import type { RawInteraction } from './record.js';

export interface InteractionGeneratorOptions {
  seed: number;
  /**
   * Historic mode: `total` records spread evenly over [startMs, endMs). Live mode (`live` set): records stamped with
   * the clock's time, without end unless `total` is given.
   */
  total?: number;
  startMs?: number;
  endMs?: number;
  live?: Clock;
  /** Share missing a required field (fails producer validation). */
  invalidShare?: number;
  /** Share with cleanable mess (whitespace, null spellings). */
  messyShare?: number;
  /** Share that passes the producer but fails consumer cleaning. */
  corruptShare?: number;
  customers?: number;
}

export const INTERACTION_TYPES = ['inquiry', 'complaint', 'feedback', 'purchase_support', 'return_request', 'technical_issue'] as const;
export const CHANNELS = ['phone', 'email', 'web_chat', 'mobile_app', 'social_media', 'in_store'] as const;

const MESSAGES: Record<number, readonly string[]> = {
  1: ['Order never arrived and nobody answers', 'Charged twice for the same order', 'Product broke after one day'],
  2: ['Delivery was late again', 'Support took too long to respond', 'Refund still not processed'],
  3: ['Question about my invoice', 'Need to change my delivery address', 'How do I reset my password?'],
  4: ['Agent solved my issue quickly', 'Good product, slow shipping', 'Helpful answer about sizes'],
  5: ['Excellent service, thank you!', 'Fast refund, very happy', 'Great experience with the app'],
};

const NULL_SPELLINGS = ['', 'null', 'N/A', '  '];

export class InteractionGenerator {
  private readonly random: SeededRandom;
  private index = 0;
  private readonly stepMs: number;
  private readonly total: number;

  constructor(private readonly options: InteractionGeneratorOptions) {
    this.random = new SeededRandom(options.seed);
    this.total = options.total ?? Number.POSITIVE_INFINITY;
    if (options.live) {
      this.stepMs = 0;
    } else {
      const { startMs, endMs } = options;
      if (startMs === undefined || endMs === undefined || !Number.isFinite(this.total) || endMs <= startMs) {
        throw new RangeError('historic interactions need a finite total and a window with endMs after startMs');
      }
      this.stepMs = (endMs - startMs) / Math.max(1, this.total);
    }
  }

  get remaining(): number {
    return this.total - this.index;
  }

  /** The next `count` records (fewer at the end of the window). */
  nextPage(count: number): RawInteraction[] {
    const page: RawInteraction[] = [];
    while (page.length < count && this.index < this.total) page.push(this.nextRecord());
    return page;
  }

  private nextRecord(): RawInteraction {
    const r = this.random;
    const i = this.index++;
    const offset = r.next();
    const ts = this.options.live ? this.options.live.now() : Math.floor((this.options.startMs ?? 0) + (i + offset) * this.stepMs);
    // Skew customer ids: a few customers contact support far more often than most.
    const customers = this.options.customers ?? 5_000;
    const customerId = 1 + Math.floor(customers * r.next() ** 2);
    const rating = r.chance(0.1)
      ? null
      : r.weighted<number>([
          [1, 8],
          [2, 10],
          [3, 20],
          [4, 32],
          [5, 30],
        ]);
    const record: RawInteraction = {
      customer_id: customerId,
      interaction_type: r.pick(INTERACTION_TYPES),
      timestamp: new Date(ts).toISOString(),
      channel: r.pick(CHANNELS),
      rating,
      message_excerpt: r.pick(MESSAGES[rating ?? 3]),
    };
    const roll = r.next();
    const invalid = this.options.invalidShare ?? 0.02;
    const corrupt = this.options.corruptShare ?? 0.003;
    const messy = this.options.messyShare ?? 0.1;
    if (roll < invalid) this.breakRequiredField(record);
    else if (roll < invalid + corrupt) this.corrupt(record);
    else if (roll < invalid + corrupt + messy) this.mess(record);
    return record;
  }

  private breakRequiredField(record: RawInteraction): void {
    const field = this.random.pick(['customer_id', 'interaction_type', 'timestamp'] as const);
    if (this.random.chance(0.5)) delete record[field];
    else record[field] = null;
  }

  private corrupt(record: RawInteraction): void {
    if (this.random.chance(0.5)) record.rating = this.random.pick([0, 6, 7, 10, -1]);
    else record.timestamp = this.random.pick(['yesterday', '2025-13-45T99:00:00Z', 'not a date']);
  }

  private mess(record: RawInteraction): void {
    const r = this.random;
    if (r.chance(0.4)) record.channel = r.pick(NULL_SPELLINGS);
    if (r.chance(0.4)) record.message_excerpt = `  ${String(record.message_excerpt)}  `;
    if (r.chance(0.3)) record.interaction_type = ` ${String(record.interaction_type)} `;
    if (r.chance(0.2)) record.customer_id = String(record.customer_id);
    if (r.chance(0.2)) record.rating = record.rating === null ? 'N/A' : String(record.rating);
    if (r.chance(0.2)) record.timestamp = String(record.timestamp).replace('T', ' ').replace('Z', '');
  }
}
