// Periods an incremental run covers. A period is half-open [start, end) in UTC, aligned to its grain, so reruns of
// "the same period" always mean the same rows.

export type Grain = 'hour' | 'day';

export interface Period {
  start: Date;
  end: Date;
}

const GRAIN_MS: Record<Grain, number> = { hour: 3_600_000, day: 86_400_000 };

export const floorToGrain = (t: Date, grain: Grain): Date => new Date(Math.floor(t.getTime() / GRAIN_MS[grain]) * GRAIN_MS[grain]);

/** Every whole period of `grain` that overlaps [from, to); `to` defaults to one grain after `from`. */
export function periodsBetween(from: Date, to: Date, grain: Grain, limit = 10_000): Period[] {
  if (!(to.getTime() > from.getTime())) throw new RangeError(`--to (${to.toISOString()}) must be after --from (${from.toISOString()})`);
  const periods: Period[] = [];
  for (let t = floorToGrain(from, grain).getTime(); t < to.getTime(); t += GRAIN_MS[grain]) {
    if (periods.length === limit) throw new RangeError(`more than ${limit} ${grain} periods between ${from.toISOString()} and ${to.toISOString()}`);
    periods.push({ start: new Date(t), end: new Date(t + GRAIN_MS[grain]) });
  }
  return periods;
}

/** Parses `2025-03-10`, `2025-03-10T07`, `2025-03-10T07:00:00Z` and other ISO forms as UTC. */
export function parsePeriodBound(text: string): Date {
  const trimmed = text.trim();
  const normalized = /^\d{4}-\d{2}-\d{2}$/.test(trimmed)
    ? `${trimmed}T00:00:00Z`
    : /^\d{4}-\d{2}-\d{2}[T ]\d{2}$/.test(trimmed)
      ? `${trimmed.replace(' ', 'T')}:00:00Z`
      : /[zZ]|[+-]\d{2}:?\d{2}$/.test(trimmed)
        ? trimmed
        : `${trimmed.replace(' ', 'T')}Z`;
  const date = new Date(normalized);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date or time: '${text}' (use e.g. 2025-03-10 or 2025-03-10T07:00Z)`);
  return date;
}
