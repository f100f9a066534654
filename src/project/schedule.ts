// Schedule expressions in SQL headers. Users write what they know from EventBridge (`rate(1 hour)`,
// `cron(0 2 * * ? *)`) or plain 5-field cron (`0 2 * * *`); all times are UTC. The local scheduler and the
// EventBridge rules of the stacks both read this one normalized form.
import { LakeError } from '../errors.js';
import { Cron } from 'croner';

export type Schedule =
  | { kind: 'rate'; minutes: number; expression: string }
  /** `fields`: 5-field cron (minute hour day-of-month month day-of-week), UTC. */
  | { kind: 'cron'; fields: string; expression: string };

export class ScheduleError extends LakeError {
  override readonly name: string = 'ScheduleError';
}

const RATE = /^rate\(\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*\)$/i;
const EVENTBRIDGE_CRON = /^cron\((.*)\)$/i;
const UNIT_MINUTES: Record<string, number> = { minute: 1, hour: 60, day: 1440 };

export function parseSchedule(expression: string): Schedule {
  const text = expression.trim();
  const rate = RATE.exec(text);
  if (rate) {
    const n = Number(rate[1]);
    const unit = rate[2].toLowerCase().replace(/s$/, '');
    if (n <= 0) throw new ScheduleError(`rate must be positive: ${expression}`);
    if ((n === 1) !== !rate[2].toLowerCase().endsWith('s')) {
      throw new ScheduleError(`EventBridge wants rate(1 ${unit}) and rate(N ${unit}s): ${expression}`);
    }
    return { kind: 'rate', minutes: n * UNIT_MINUTES[unit], expression: text };
  }
  const eb = EVENTBRIDGE_CRON.exec(text);
  let fields: string;
  if (eb) {
    const parts = eb[1].trim().split(/\s+/);
    if (parts.length !== 6) throw new ScheduleError(`EventBridge cron needs 6 fields (min hour dom month dow year): ${expression}`);
    const [min, hour, dom, month, dow, year] = parts;
    if (year !== '*') throw new ScheduleError(`a year field other than * is not supported: ${expression}`);
    if ((dom === '?') === (dow === '?')) throw new ScheduleError(`EventBridge cron needs exactly one of day-of-month and day-of-week as '?': ${expression}`);
    // EventBridge numbers weekdays 1-7 from Sunday; 5-field cron 0-6 from Sunday.
    const dow5 = dow === '?' ? '*' : dow.replace(/\d/g, (d) => String(Number(d) - 1));
    fields = [min, hour, dom === '?' ? '*' : dom, month, dow5].join(' ');
  } else {
    const parts = text.split(/\s+/);
    if (parts.length !== 5) throw new ScheduleError(`not a schedule (rate(…), cron(…) or 5-field cron): ${expression}`);
    fields = parts.join(' ');
  }
  try {
    new Cron(fields, { timezone: 'UTC', paused: true });
  } catch (error) {
    throw new ScheduleError(`invalid cron '${expression}': ${error instanceof Error ? error.message : String(error)}`);
  }
  return { kind: 'cron', fields, expression: text };
}

/** The expression EventBridge accepts for this schedule. */
export function toEventBridge(schedule: Schedule): string {
  if (schedule.kind === 'rate') {
    const [n, unit] =
      schedule.minutes % 1440 === 0
        ? [schedule.minutes / 1440, 'day']
        : schedule.minutes % 60 === 0
          ? [schedule.minutes / 60, 'hour']
          : [schedule.minutes, 'minute'];
    return `rate(${n} ${unit}${n === 1 ? '' : 's'})`;
  }
  const [min, hour, dom, month, dow] = schedule.fields.split(' ');
  const ebDow = dow === '*' ? '?' : dow.replace(/\d/g, (d) => String((Number(d) % 7) + 1));
  return `cron(${min} ${hour} ${dow === '*' ? dom : '?'} ${month} ${ebDow} *)`;
}

/** Fire times strictly after `after` and at or before `until`, oldest first (at most `limit`). */
export function fireTimesBetween(schedule: Schedule, after: Date, until: Date, limit = 1000): Date[] {
  const times: Date[] = [];
  if (schedule.kind === 'rate') {
    const step = schedule.minutes * 60_000;
    // Rates fire on multiples of the period since the epoch, so every process agrees on the slots.
    let t = Math.floor(after.getTime() / step) * step + step;
    while (t <= until.getTime() && times.length < limit) {
      times.push(new Date(t));
      t += step;
    }
    return times;
  }
  const cron = new Cron(schedule.fields, { timezone: 'UTC', paused: true });
  let cursor: Date | null = after;
  while (times.length < limit) {
    cursor = cron.nextRun(cursor);
    if (!cursor || cursor.getTime() > until.getTime()) break;
    times.push(cursor);
  }
  return times;
}
