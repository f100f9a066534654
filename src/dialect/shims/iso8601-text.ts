// from_iso8601_date and from_iso8601_timestamp of the ISO 8601 forms DuckDB's CAST cannot read, read as Trino 476
// reads them (Joda's ISODateTimeFormat.dateElementParser and dateTimeParser): week dates (2020-W01-1, 2020-W01),
// ordinal dates (2020-123), reduced forms (2020, 2020-05, 2020-5-1), a signed or long year (-0005, +2020, 12345), an
// hour alone or with a fraction (T10, T10,5), a minute with a fraction (T10:30,25), a comma before the seconds'
// fraction, a time alone (T10:00) and a bare T (2020-05-01T). Out-of-range fields fail with Joda's message. Every rule
// was read from the shared Trino 476's answers (tests/dialect/dates39-iso8601-forms.test.ts holds them).
//
// The macros (shims/macros.ts) keep their calendar form (YYYY-MM-DD[THH:MM[:SS[.fff]]][zone]) on DuckDB's CAST and
// send every other text here: the text returned is the wall clock (or Trino's message, which the CAST then rejects),
// cast to DATE or TIMESTAMP; the zone is still read
// by the macro's own expression, so a lower-case 't' or 'z' (which Joda reads as 'T' and 'Z', and the macro's zone
// expression would miss) is refused.
import { type DuckDBScalarFunction, VARCHAR } from '@duckdb/node-api';
import { civilFromDays, daysFromCivil } from './civil-days.js';
import { udf } from './scalar-udf.js';

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The Monday of ISO week 1 of a week-year (the week holding 4 January), in days since 1970-01-01. */
function weekOneMonday(weekyear: number): number {
  const jan4 = daysFromCivil(weekyear, 1, 4);
  const isoDow = ((((jan4 + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday (4)
  return jan4 - (isoDow - 1);
}

interface DateFields {
  kind: 'calendar' | 'week' | 'ordinal';
  year: number;
  month?: number;
  day?: number;
  week?: number;
  dow?: number;
  doy?: number;
}

/** Reads an unsigned number of 1..max digits at pos (Joda's PaddedNumber): [value, end] or undefined. */
function digits(s: string, pos: number, max: number): [number, number] | undefined {
  let end = pos;
  while (end < s.length && end - pos < max && s[end] >= '0' && s[end] <= '9') end++;
  return end === pos ? undefined : [Number(s.slice(pos, end)), end];
}

/** A year of up to 9 digits after an optional sign (appendYear(4, 9)). */
function year(s: string, pos: number): [number, number] | undefined {
  const sign = s[pos] === '-' || s[pos] === '+' ? s[pos] : '';
  const n = digits(s, pos + sign.length, 9);
  if (!n) return undefined;
  return [sign === '-' ? -n[0] : n[0], n[1]];
}

/** Joda's dateElementParser: the longest of the calendar, week and ordinal forms (the first on a tie). */
function dateElement(s: string, pos: number): [DateFields, number] | undefined {
  const candidates: [DateFields, number][] = [];
  const y = year(s, pos);
  if (y) {
    // year ['-' month ['-' day]]
    const calendar: DateFields = { kind: 'calendar', year: y[0] };
    let end = y[1];
    const m = s[end] === '-' ? digits(s, end + 1, 2) : undefined;
    if (m) {
      calendar.month = m[0];
      end = m[1];
      const d = s[end] === '-' ? digits(s, end + 1, 2) : undefined;
      if (d) {
        calendar.day = d[0];
        end = d[1];
      }
    }
    candidates.push([calendar, end]);
    // weekyear '-W' week ['-' day of the week]
    if (s[y[1]] === '-' && (s[y[1] + 1] === 'W' || s[y[1] + 1] === 'w')) {
      const w = digits(s, y[1] + 2, 2);
      if (w) {
        const week: DateFields = { kind: 'week', year: y[0], week: w[0] };
        let wend = w[1];
        const d = s[wend] === '-' ? digits(s, wend + 1, 1) : undefined;
        if (d) {
          week.dow = d[0];
          wend = d[1];
        }
        candidates.push([week, wend]);
      }
    }
    // year '-' day of the year
    const o = s[y[1]] === '-' ? digits(s, y[1] + 1, 3) : undefined;
    if (o) candidates.push([{ kind: 'ordinal', year: y[0], doy: o[0] }, o[1]]);
  }
  let best: [DateFields, number] | undefined;
  for (const c of candidates) if (!best || c[1] > best[1]) best = c;
  return best;
}

interface TimeFields {
  hour: number;
  /** Milliseconds after the hour. */
  millis: number;
  minute?: number;
  second?: number;
}

/** A '.' or ',' then 1..9 digits: the fraction of `unit` milliseconds, truncated to a millisecond. */
function fraction(s: string, pos: number, unit: number): [number, number] | undefined {
  if (s[pos] !== '.' && s[pos] !== ',') return undefined;
  let end = pos + 1;
  while (end < s.length && end - pos - 1 < 9 && s[end] >= '0' && s[end] <= '9') end++;
  if (end === pos + 1) return undefined;
  const text = s.slice(pos + 1, end);
  return [Number((BigInt(text) * BigInt(unit)) / 10n ** BigInt(text.length)), end];
}

/** Joda's timeElementParser: hour [':' minute [':' second [fraction] | fraction] | fraction]. */
function timeElement(s: string, pos: number): [TimeFields, number] | undefined {
  const h = digits(s, pos, 2);
  if (!h) return undefined;
  const time: TimeFields = { hour: h[0], millis: 0 };
  let end = h[1];
  const m = s[end] === ':' ? digits(s, end + 1, 2) : undefined;
  if (m) {
    time.minute = m[0];
    end = m[1];
    const sec = s[end] === ':' ? digits(s, end + 1, 2) : undefined;
    if (sec) {
      time.second = sec[0];
      end = sec[1];
      const f = fraction(s, end, 1000);
      if (f) [time.millis, end] = [f[0], f[1]];
    } else {
      const f = fraction(s, end, 60_000);
      if (f) [time.millis, end] = [f[0], f[1]];
    }
  } else {
    const f = fraction(s, end, 3_600_000);
    if (f) [time.millis, end] = [f[0], f[1]];
  }
  return [time, end];
}

/** An offset as the macro's zone expression reads it: Z, or ±HH[[:]MM] with hours to 23. */
function offset(s: string, pos: number): number | undefined {
  if (s[pos] === 'Z' || s[pos] === 'z') return pos + 1;
  const match = /^[+-]([01][0-9]|2[0-3])(:?[0-5][0-9])?/.exec(s.slice(pos));
  return match ? pos + match[0].length : undefined;
}

function invalid(s: string): Error {
  return new Error(`Invalid format: "${s}"`);
}

function checkRange(s: string, field: string, value: number, min: number, max: number): void {
  if (value < min || value > max) throw new Error(`Cannot parse "${s}": Value ${value} for ${field} must be in the range [${min},${max}]`);
}

/** The day (days since 1970-01-01) of a parsed date element, or Joda's failure for a field out of its range. */
function dayOf(s: string, f: DateFields): number {
  if (f.kind === 'week') {
    const week = f.week ?? 1;
    const monday = weekOneMonday(f.year);
    const weeks = (weekOneMonday(f.year + 1) - monday) / 7;
    // Joda names 52 as the largest week unless the value itself is larger (getMaximumValueForSet).
    checkRange(s, 'weekOfWeekyear', week, 1, week > 52 ? weeks : 52);
    checkRange(s, 'dayOfWeek', f.dow ?? 1, 1, 7);
    return monday + (week - 1) * 7 + (f.dow ?? 1) - 1;
  }
  if (f.kind === 'ordinal') {
    const doy = f.doy ?? 1;
    checkRange(s, 'dayOfYear', doy, 1, doy > 365 || doy < 1 ? (isLeap(f.year) ? 366 : 365) : 365);
    return daysFromCivil(f.year, 1, 1) + doy - 1;
  }
  const month = f.month ?? 1;
  const day = f.day ?? 1;
  checkRange(s, 'monthOfYear', month, 1, 12);
  const days = [31, isLeap(f.year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  checkRange(s, 'dayOfMonth', day, 1, day > 28 ? days : 28);
  return daysFromCivil(f.year, month, day);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function dateText(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${y < 0 ? `-${pad(-y, 4)}` : pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** from_iso8601_date's text (dateElementParser, the whole text) as YYYY-MM-DD for DuckDB's CAST. */
export function iso8601DateText(s: string): string {
  const parsed = dateElement(s, 0);
  if (!parsed || parsed[1] !== s.length) throw invalid(s);
  return dateText(dayOf(s, parsed[0]));
}

/**
 * from_iso8601_timestamp's text (Joda's dateTimeParser: a date element with an optional 'T' [time] [offset], or 'T'
 * time [offset]) as the wall clock YYYY-MM-DD HH:MM:SS.fff for DuckDB's CAST; the offset is read by the macro.
 */
export function iso8601WallText(s: string): string {
  let date: DateFields | undefined;
  let pos = 0;
  if (s[0] !== 'T' && s[0] !== 't') {
    const parsed = dateElement(s, 0);
    if (!parsed) throw invalid(s);
    [date, pos] = parsed;
  }
  let time: TimeFields | undefined;
  if (pos < s.length) {
    if (s[pos] !== 'T' && s[pos] !== 't') throw invalid(s);
    const lowerT = s[pos] === 't';
    const t = timeElement(s, pos + 1);
    if (t) [time, pos] = t;
    else if (!date) throw invalid(s);
    else pos++;
    const signed = s[pos] === '+' || s[pos] === '-';
    if (pos < s.length) {
      const end = offset(s, pos);
      if (end === undefined) throw invalid(s);
      pos = end;
    }
    if (pos !== s.length) throw invalid(s);
    // The macro's zone expression looks for an upper-case T before the offset.
    if (lowerT && signed)
      throw new Error(
        `from_iso8601_timestamp of a lower-case 't' before an offset is refused locally (Athena reads it as 'T'): "${s}"; apply upper() to the text first`,
      );
  }
  const day = date ? dayOf(s, date) : 0;
  let millis = 0;
  if (time) {
    checkRange(s, 'hourOfDay', time.hour, 0, 23);
    if (time.minute !== undefined) checkRange(s, 'minuteOfHour', time.minute, 0, 59);
    if (time.second !== undefined) checkRange(s, 'secondOfMinute', time.second, 0, 59);
    millis = time.hour * 3_600_000 + (time.minute ?? 0) * 60_000 + (time.second ?? 0) * 1000 + time.millis;
  }
  const hh = Math.floor(millis / 3_600_000);
  const mm = Math.floor(millis / 60_000) % 60;
  const ss = Math.floor(millis / 1000) % 60;
  return `${dateText(day)} ${pad(hh, 2)}:${pad(mm, 2)}:${pad(ss, 2)}.${pad(millis % 1000, 3)}`;
}

/** `trino_iso8601_date_text(s)`, `trino_iso8601_wall_joda(s)`: the ISO forms the macros do not give DuckDB's CAST. */
export function iso8601Udfs(): DuckDBScalarFunction[] {
  return [
    udf('trino_iso8601_date_text', [VARCHAR], VARCHAR, ([s]) => iso8601DateText(String(s))),
    // Its failure is text DuckDB's CAST then rejects, quoting it: the macro fails nowhere but in that CAST, which failed
    // on such text before (a failure of its own could be hoisted out of a CASE guard by DuckDB's common-subexpression
    // elimination; shims/macros.ts, trino_iso8601_or_invalid).
    udf('trino_iso8601_wall_joda', [VARCHAR], VARCHAR, ([s]) => {
      try {
        return iso8601WallText(String(s));
      } catch (error) {
        return (error as Error).message;
      }
    }),
  ];
}
