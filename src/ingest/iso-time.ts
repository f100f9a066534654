// The one check of an ISO-8601 date-time's fields, shared by every ingestion path (P1 consumer, P4 typed check):
// `Date.parse` rolls 2025-02-30 over to March 2 and takes years 0 and 10000, which either store a different instant
// than the source sent or write `year=0`/`year=10000` partitions. Trino's from_iso8601_timestamp refuses impossible
// dates ("Invalid format"); partition folders are written with four-digit years.

/** The range every partitioned table can hold: years 0001–9999, UTC. */
export const EARLIEST_MS = Date.parse('0001-01-01T00:00:00.000Z');
export const LATEST_MS = Date.parse('9999-12-31T23:59:59.999Z');

const isLeap = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Why these wall-clock fields are not a time of the calendar (2025-02-30, month 13, 24:00, :60), or undefined. */
export function calendarProblem(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): string | undefined {
  if (year < 1 || year > 9999) return `year ${year} is outside 0001–9999`;
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  const days = month === 2 && isLeap(year) ? 29 : DAYS[month - 1];
  if (day < 1 || day > days) return `day ${day} does not exist in ${year}-${String(month).padStart(2, '0')} (${days} days)`;
  if (hour > 23 || minute > 59 || second > 59) return `time ${hour}:${minute}:${second} does not exist`;
  return undefined;
}

/** Why an instant cannot be partitioned (outside years 0001–9999 in UTC), or undefined. */
export function instantRangeProblem(epochMs: number): string | undefined {
  if (!Number.isFinite(epochMs)) return 'is not a finite time';
  if (epochMs < EARLIEST_MS || epochMs > LATEST_MS) return 'is outside years 0001–9999 (UTC)';
  return undefined;
}
