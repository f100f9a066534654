// Runs in the browser (bundled into the page script) AND in Node: which periods of a time axis the data covers only
// partly, so a chart does not show a half-filled first or last period as a drop. Keep it free of Node APIs.
import type { ViewData } from './browser-data.js';

/**
 * The column a dashboard view returns to say when its data starts (DATE or TIMESTAMP, the same on every row, e.g.
 * `min(min(hour_start)) OVER ()` over the upstream model): the first period on a time axis that began before it is
 * partial. A column of the view, so Athena (QuickSight, `lake dashboard build` on any engine) and the local engine
 * compute it from the same SQL.
 */
export const DATA_START_COLUMN = 'data_start';

export type TimeGrain = 'month' | 'day' | 'hour' | 'minute';

/**
 * Grain of a time axis. DATE (or TIMESTAMP at midnight) categories are monthly when there are several and all fall on
 * the 1st (a single such category reads as a day), else daily; TIMESTAMP categories are hourly on the hour.
 */
export function timeGrain(type: string, categories: string[]): TimeGrain | undefined {
  if (type !== 'date' && !type.startsWith('timestamp')) return undefined;
  const times = categories.map((c) => c.slice(11, 19));
  if (type === 'date' || times.every((t) => t === '' || t === '00:00:00')) {
    return categories.length > 1 && categories.every((c) => c.slice(8, 10) === '01') ? 'month' : 'day';
  }
  if (times.every((t) => t.endsWith(':00:00'))) return 'hour';
  return 'minute';
}

/** Milliseconds since the epoch of a DATE (`YYYY-MM-DD`) or TIMESTAMP (`YYYY-MM-DD HH:MM:SS[.fff]`) text, read as UTC. */
export function instantOf(text: string): number {
  return Date.parse(`${text.slice(0, 10)}T${text.slice(11, 23) || '00:00:00'}Z`);
}

/** [start, end) of the period a category names, in milliseconds. */
function periodOf(category: string, grain: TimeGrain): { start: number; end: number } {
  const start = instantOf(category);
  if (grain === 'month') {
    const date = new Date(start);
    return { start, end: Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) };
  }
  return { start, end: start + { day: 86_400_000, hour: 3_600_000, minute: 60_000 }[grain] };
}

/** When the view's data starts: the earliest `data_start` value of its rows (ISO, UTC), if the view has the column. */
export function dataStartOf(view: ViewData): string | undefined {
  const index = view.columns.findIndex((c) => c.name === DATA_START_COLUMN);
  if (index < 0) return undefined;
  const starts = view.rows
    .map((row) => row[index])
    .filter((v): v is string => typeof v === 'string')
    .map(instantOf)
    .filter((ms) => !Number.isNaN(ms));
  return starts.length === 0 ? undefined : new Date(Math.min(...starts)).toISOString();
}

/**
 * The categories of a time axis drawn from incomplete data: the first when the data starts inside it (`dataStart`,
 * ISO), the last when the as-of time (ISO, the query time) falls inside it (later ones would be in the future).
 * In axis order, without duplicates.
 */
export function partialPeriods(type: string, categories: string[], asOf: string, dataStart?: string): string[] {
  const grain = timeGrain(type, categories);
  if (grain === undefined || categories.length === 0) return [];
  const first = categories[0];
  const last = categories[categories.length - 1];
  const inside = (category: string, instant: number) => {
    const { start, end } = periodOf(category, grain);
    return !Number.isNaN(start) && start <= instant && instant < end;
  };
  const starts = dataStart === undefined ? Number.NaN : Date.parse(dataStart);
  // Data starting exactly at the period's start covers it whole.
  const partial = [first, last].filter((category, i) =>
    i === 0 ? inside(category, starts) && instantOf(category) < starts : inside(category, Date.parse(asOf)),
  );
  return [...new Set(partial)];
}
