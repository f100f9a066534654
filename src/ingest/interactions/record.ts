// P1 customer-interaction records: the shape the API serves, the producer's required-field check and the consumer's
// cleaning (seed 000: trim strings, normalise nulls, rating 1–5).

/** A record as it arrives from the API: anything JSON. */
export type RawInteraction = Record<string, unknown>;

/** A cleaned record, typed as the `crm_data` table stores it. */
export interface Interaction {
  customer_id: number;
  interaction_type: string;
  /** Epoch milliseconds (UTC). */
  timestamp: number;
  channel: string | null;
  rating: number | null;
  message_excerpt: string | null;
}

export const REQUIRED_FIELDS = ['customer_id', 'interaction_type', 'timestamp'] as const;

/** Producer check (seed): a JSON object with the required fields present and non-null. Returns the error, if any. */
export function producerValidationError(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'record is not a JSON object';
  const missing = REQUIRED_FIELDS.filter((field) => (record as RawInteraction)[field] === undefined || (record as RawInteraction)[field] === null);
  return missing.length ? `missing required field(s): ${missing.join(', ')}` : undefined;
}

/** Spellings of "no value" that upstream systems send instead of null. */
const NULL_SPELLINGS = new Set(['', 'null', 'none', 'n/a', 'na', 'nan', 'undefined']);

/** Trims strings; '' / 'null' / 'N/A' and friends become null. */
export function normaliseValue(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  const trimmed = value.trim();
  return NULL_SPELLINGS.has(trimmed.toLowerCase()) ? null : trimmed;
}

export type CleanResult = { ok: true; record: Interaction } | { ok: false; reason: string; error: string };

const fail = (reason: string, error: string): CleanResult => ({ ok: false, reason, error });

function toInteger(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^[+-]?\d+(\.0+)?$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) ? n : undefined;
}

const INT32_MAX = 2 ** 31 - 1;
/** ISO-8601 date-time; without an offset it is taken as UTC (Athena timestamps carry no zone). */
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.floor(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const m = ISO_TIMESTAMP.exec(value);
  if (!m) return undefined;
  const zone = m[8] ?? 'Z';
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${(m[7] ?? '').slice(0, 4)}${zone}`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Consumer cleaning and validation: the record as stored, or the reason it goes to the dead-letter queue. */
export function cleanInteraction(raw: unknown): CleanResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('not_an_object', 'record is not a JSON object');
  const r = raw as RawInteraction;
  const customerId = normaliseValue(r.customer_id);
  const type = normaliseValue(r.interaction_type);
  const timestamp = normaliseValue(r.timestamp);
  const missing = [
    ['customer_id', customerId],
    ['interaction_type', type],
    ['timestamp', timestamp],
  ].filter(([, v]) => v === null);
  if (missing.length) return fail('missing_required', `required field(s) null after cleaning: ${missing.map(([k]) => k).join(', ')}`);

  const id = toInteger(customerId);
  if (id === undefined || id < 0 || id > INT32_MAX) return fail('bad_customer_id', `customer_id ${JSON.stringify(r.customer_id)} is not an INT`);
  if (typeof type !== 'string') return fail('bad_interaction_type', `interaction_type ${JSON.stringify(r.interaction_type)} is not a string`);
  const ts = parseTimestamp(timestamp);
  if (ts === undefined) return fail('bad_timestamp', `timestamp ${JSON.stringify(r.timestamp)} is not an ISO-8601 date-time`);

  const ratingValue = normaliseValue(r.rating);
  let rating: number | null = null;
  if (ratingValue !== null) {
    const n = toInteger(ratingValue);
    if (n === undefined) return fail('bad_rating', `rating ${JSON.stringify(r.rating)} is not an integer`);
    if (n < 1 || n > 5) return fail('rating_out_of_range', `rating ${n} is outside 1–5`);
    rating = n;
  }
  const channel = normaliseValue(r.channel);
  const message = normaliseValue(r.message_excerpt);
  return {
    ok: true,
    record: {
      customer_id: id,
      interaction_type: type,
      timestamp: ts,
      channel: channel === null ? null : String(channel),
      rating,
      message_excerpt: message === null ? null : String(message),
    },
  };
}
