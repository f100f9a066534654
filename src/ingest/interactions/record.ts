// P1 customer-interaction records: the shape the API serves, the producer's required-field check and the consumer's
// cleaning (seed 000: trim strings, normalise nulls, rating 1–5).
import { calendarProblem, instantRangeProblem } from '../iso-time.js';
import { TOO_DEEP_ERROR, tooDeep } from '../json-depth.js';

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

/**
 * Producer check (seed): a JSON object with the required fields present and non-null. Returns the error, if any.
 * Also refuses a number JSON cannot carry (`1e400` parses to Infinity, which the stream's JSON would turn into null:
 * a value the consumer would then store as "no rating").
 */
export function producerValidationError(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'record is not a JSON object';
  const fields = record as RawInteraction;
  // Loops rather than filter/entries: the producer checks each of the demo's 100,000 records (issue 18).
  if (REQUIRED_FIELDS.some((field) => fields[field] === undefined || fields[field] === null)) {
    const missing = REQUIRED_FIELDS.filter((field) => fields[field] === undefined || fields[field] === null);
    return `missing required field(s): ${missing.join(', ')}`;
  }
  if (tooDeep(record)) return `record is ${TOO_DEEP_ERROR}`;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (typeof value === 'number' && !Number.isFinite(value)) return `${key} is a number beyond the range of a double (±1.8e308): JSON cannot carry it`;
  }
  return undefined;
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

/** The instant of an ISO-8601 date-time or epoch milliseconds, or why it is not one (impossible dates, years outside 0001–9999). */
export function parseTimestamp(value: unknown): { ok: true; ms: number } | { ok: false; error: string } {
  const bad = (why: string) => ({ ok: false as const, error: `timestamp ${JSON.stringify(value)?.slice(0, 80)} ${why}` });
  if (typeof value === 'number') {
    const problem = instantRangeProblem(value);
    return problem ? bad(problem) : { ok: true, ms: Math.floor(value) };
  }
  if (typeof value !== 'string') return bad('is not an ISO-8601 date-time');
  const m = ISO_TIMESTAMP.exec(value);
  if (!m) return bad('is not an ISO-8601 date-time');
  const calendar = calendarProblem(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  if (calendar) return bad(`is not a date-time of the calendar: ${calendar}`);
  const zone = m[8] ?? 'Z';
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${(m[7] ?? '').slice(0, 4)}${zone}`);
  if (Number.isNaN(ms)) return bad('is not an ISO-8601 date-time');
  const range = instantRangeProblem(ms);
  return range ? bad(range) : { ok: true, ms };
}

/** A scalar JSON value as the text a string column stores; objects and arrays are not text. */
function scalarText(value: unknown): string | null | undefined {
  if (value === null) return null;
  return typeof value === 'object' ? undefined : String(value);
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
  if (!ts.ok) return fail('bad_timestamp', ts.error);

  const ratingValue = normaliseValue(r.rating);
  let rating: number | null = null;
  if (ratingValue !== null) {
    const n = toInteger(ratingValue);
    if (n === undefined) return fail('bad_rating', `rating ${JSON.stringify(r.rating)} is not an integer`);
    if (n < 1 || n > 5) return fail('rating_out_of_range', `rating ${n} is outside 1–5`);
    rating = n;
  }
  const channel = scalarText(normaliseValue(r.channel));
  if (channel === undefined) return fail('bad_type', `channel ${JSON.stringify(r.channel).slice(0, 80)} is an object or array, not text`);
  const message = scalarText(normaliseValue(r.message_excerpt));
  if (message === undefined) return fail('bad_type', `message_excerpt ${JSON.stringify(r.message_excerpt).slice(0, 80)} is an object or array, not text`);
  return {
    ok: true,
    record: {
      customer_id: id,
      interaction_type: type,
      timestamp: ts.ms,
      channel,
      rating,
      message_excerpt: message,
    },
  };
}
