// CAST(varchar AS timestamp | timestamp with time zone | date) reads Trino's text grammar only (Trino 476; see
// docs/trino-oracle.md §7): a date `[+]yyyy-m-d`, then ` h:m[:s[.fff…]]`, then a zone (with or without a space: Z,
// +h, +hh:mm, +hhmm, a zone name), spaces around. DuckDB also read an ISO 'T', hour 24 and a date with a time.
// One space parts the date and the time, and a fraction has at most 12 digits (Trino 476: '2020-01-01  12:34:56' and
// '… 12:34:56.1234567890123' fail, from Trino's TestVarcharToTimestampCast).
// JavaScript UDFs: regular expressions in a macro are compiled again at every CAST the binder expands.
import { type DuckDBScalarFunction, VARCHAR } from '@duckdb/node-api';
import { shimFunction } from './scalar-udf.js';

const TIMESTAMP_TEXT =
  /^\s*(?:\+(?=\d))?(-?\d{4,}-\d{1,2}-\d{1,2})(?: (\d{1,2})(:\d{1,2}(?::\d{1,2}(?:\.\d{1,12})?)?))?\s*(Z|[+-]\d{1,2}(?::?\d{2})?|(?:UTC|GMT|UT)[+-][0-9:]+|[A-Za-z][A-Za-z0-9_/+-]*)?\s*$/;
const DATE_TEXT = /^\s*(?:\+(?=\d))?(-?)(\d+)(-\d{1,2}-\d{1,2})\s*$/;

const zoneNames = new Map<string, boolean>();

// Trino 476 refuses these tzdb names (its zone index leaves them out); `EST5EDT`, `CET`, `GMT0`, links such as
// `US/Eastern` and `ROK` are accepted (checked with scripts/trino.sh).
// ICU (behind Intl) also takes Java's old three-letter ids (ZoneId.SHORT_IDS: PST, IST, CST, …), which Trino 476 does not
// (INVALID_LITERAL, "'PST' is not a valid time zone"; hunt37), ROC and US/Pacific-New (links tzdb dropped), and
// America/Coyhaique (tzdb 2025b, newer than Trino 476's JDK): every name ICU took that Trino refused, over /usr/share/zoneinfo.
const NOT_TRINO_ZONES = new Set([
  'EST',
  'MST',
  'HST',
  ...['ACT', 'AET', 'AGT', 'ART', 'AST', 'BET', 'BST', 'CAT', 'CNT', 'CST', 'CTT', 'EAT', 'ECT', 'IET', 'IST', 'JST', 'MIT'],
  ...['NET', 'NST', 'PLT', 'PNT', 'PRT', 'PST', 'SST', 'VST', 'ROC', 'US/Pacific-New', 'America/Coyhaique'],
]);

/**
 * Whether `name` is a time zone Trino knows: an IANA name or link that the ICU behind Intl knows too, written as tzdb
 * writes it (Trino's names are case-sensitive: `utc` and `America/new_york` fail; ICU would take any case, so every
 * part must start with a capital as all tzdb names do).
 */
function isZoneName(name: string): boolean {
  let known = zoneNames.get(name);
  if (known === undefined) {
    try {
      const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
      // ICU's own spelling in another case (`Utc`, `America/NEW_YORK`) is not Trino's.
      const otherCase = resolved !== name && resolved.toLowerCase() === name.toLowerCase();
      known = !NOT_TRINO_ZONES.has(name) && !otherCase && name.split('/').every((part) => /^[A-Z]/.test(part));
    } catch {
      known = false;
    }
    zoneNames.set(name, known);
  }
  return known;
}

function parts(text: string, target: string): { wall: string; zone: string } {
  const m = TIMESTAMP_TEXT.exec(text);
  // A word after the time that is no zone ('10:00 AM') fails in Trino, also when the target has no zone to keep.
  const prefixed = m?.[4] === undefined ? undefined : prefixedOffset(m[4]);
  const badZone = m?.[4] !== undefined && /^[A-Za-z]/.test(m[4]) && m[4] !== 'Z' && (prefixed === undefined ? !isZoneName(m[4]) : prefixed === false);
  if (!m || Number(m[2] ?? 0) > 23 || badZone) throw new Error(`Value cannot be cast to ${target}: ${text}`);
  return { wall: m[2] === undefined ? m[1] : roundedWall(m[1], `${m[2]}${m[3]}`), zone: m[4] ?? '' };
}

const CLOCK = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d+))?)?$/;

/**
 * The wall clock with its fraction rounded half up to milliseconds, as Trino 476 casts text to timestamp(3) and time(3)
 * ('….1245' is .125, '2025-12-31 23:59:59.9996' is 2026-01-01 00:00:00.000); DuckDB's cast cut the digits past the
 * microsecond and kept them, so a value compared unequal to Trino's. A date Java would not read is left for the cast
 * to fail on.
 */
function roundedWall(date: string, time: string): string {
  const clock = CLOCK.exec(time);
  const fraction = clock?.[4] ?? '';
  if (!clock || fraction.length <= 3) return `${date} ${time}`;
  const [hour, minute, second] = [clock[1], clock[2], clock[3] ?? '0'].map(Number);
  let millis = Number(fraction.slice(0, 3)) + (fraction[3] >= '5' ? 1 : 0);
  // A negative year's sign is no separator ('-2020-02-29' is year -2020).
  const [year, month, day] = (/^(-?\d+)-(\d+)-(\d+)$/.exec(date) ?? []).slice(1).map(Number);
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  if (wall.getUTCFullYear() !== year || wall.getUTCMonth() !== month - 1 || wall.getUTCDate() !== day || minute > 59 || second > 59)
    return `${date} ${time.slice(0, time.length - fraction.length + 3)}`;
  wall.setUTCHours(hour, minute, second, 0);
  wall.setTime(wall.getTime() + millis);
  millis = wall.getUTCMilliseconds();
  const two = (n: number) => String(n).padStart(2, '0');
  const y = wall.getUTCFullYear();
  return `${y < 0 ? '-' : ''}${String(Math.abs(y)).padStart(4, '0')}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())} ${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}:${two(wall.getUTCSeconds())}.${String(millis).padStart(3, '0')}`;
}

/**
 * CAST(varchar AS time) as Trino 476 reads it: `h:m[:s[.f…]]` of one or two digits each, hours 0-23, white space after
 * it only (no date, no zone, no leading space), the fraction rounded half up to milliseconds and past midnight to
 * 00:00:00.000. DuckDB also read hour 24, a date before the time, a zone and '10:00:00.'. The fraction has 12 digits
 * at most (picoseconds): Trino 476 fails on '12:00:00.1234567891234' (found by hunt39; it was read as .123).
 */
export function textTime(text: string): string {
  const clock = CLOCK.exec(text.replace(/\s+$/, ''));
  const [hour, minute, second] = clock ? [clock[1], clock[2], clock[3] ?? '0'].map(Number) : [];
  if (!clock || hour > 23 || minute > 59 || second > 59 || (clock[4] ?? '').length > 12) throw new Error(`Value cannot be cast to time: ${text}`);
  const fraction = clock[4] ?? '';
  const millis = Number(fraction.slice(0, 3).padEnd(3, '0')) + (fraction.length > 3 && fraction[3] >= '5' ? 1 : 0);
  const total = (((hour * 60 + minute) * 60 + second) * 1000 + millis) % 86_400_000;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(total / 3_600_000))}:${two(Math.floor(total / 60_000) % 60)}:${two(Math.floor(total / 1000) % 60)}.${String(total % 1000).padStart(3, '0')}`;
}

/** The wall clock as text DuckDB casts (date and time, without the zone), or Trino's error naming the target type. */
export const textWall = (text: string, target: string): string => parts(text, target).wall;

/**
 * A zone written UTC, GMT or UT and a Java offset (ZoneId.of: ±h, ±hh, ±hh:mm, ±hhmm, ±hh:mm:ss, ±hhmmss up to 18
 * hours): Trino 476 casts '2001-08-22 03:04:05 GMT+3' to +03:00, also 'UTC-05:30', 'UT+3', 'GMT+0300', 'GMT+03:00:00'
 * (DuckDB failed); 'GMT+3:30', 'GMT+003', 'GMT+03:00:30', 'UTC+12:60' fail (false here), and past ±14:00 the zone is
 * not supported (offsetKey). Undefined when the zone is not written so.
 */
function prefixedOffset(zone: string): { prefix: string; sign: string; hours: string; minutes: string } | false | undefined {
  const written = /^(UTC|GMT|UT)([+-])(.*)$/.exec(zone);
  if (!written) return undefined;
  const offset = /^(\d{1,2}|\d{2}:?\d{2}|\d{2}:\d{2}:\d{2}|\d{6})$/.exec(written[3]);
  const digits = offset?.[1].replaceAll(':', '') ?? '';
  const [h, m, sec] = digits.length <= 2 ? [digits, '00', '00'] : [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4) || '00'];
  if (!offset || Number(h) > 18 || Number(m) > 59 || Number(sec) !== 0) return false;
  return { prefix: written[1], sign: written[2], hours: String(Number(h)), minutes: m };
}

/** The zone of the text as Trino names it: none, Z or +00:00 is UTC, +h is +0h:00, +hhmm is +hh:mm. */
export function textZone(text: string): string {
  const zone = parts(text, 'timestamp with time zone').zone;
  if (zone === '' || zone === 'Z') return 'UTC';
  const prefixed = prefixedOffset(zone);
  if (prefixed) {
    const key = offsetKey(prefixed.sign, prefixed.hours, prefixed.minutes);
    if (key === undefined) throw new Error(`Time zone not supported: ${prefixed.prefix}${prefixed.sign}${prefixed.hours.padStart(2, '0')}:${prefixed.minutes}`);
    return key;
  }
  const offset = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (!offset) return trinoZoneKey(zone);
  const key = offsetKey(offset[1], offset[2], offset[3]);
  if (key === undefined) throw new Error(`Time zone not supported: ${zone}`);
  return key;
}

/** Names Trino 476 reads as UTC (exactly so written: `utc` and `Etc/Zulu` fail). */
const UTC_NAMES = new Set([
  'UTC',
  'Z',
  'UT',
  'UCT',
  'Zulu',
  'GMT',
  'GMT0',
  'Greenwich',
  'Universal',
  'Etc/GMT',
  'Etc/GMT0',
  'Etc/UTC',
  'Etc/UCT',
  'Etc/Universal',
]);

/** Trino's offset `+hh:mm`, UTC for zero; undefined past ±14:00 or 59 minutes (not a valid time zone). */
function offsetKey(sign: string, hours: string, minutes = '00'): string | undefined {
  const total = Number(hours) * 60 + Number(minutes);
  if (Number(minutes) > 59 || total > 14 * 60) return undefined;
  return total === 0 ? 'UTC' : `${sign}${hours.padStart(2, '0')}:${minutes}`;
}

/**
 * A zone given to at_timezone, with_timezone, AT TIME ZONE or from_unixtime as Trino 476 keys it: UTC for its UTC
 * names, an offset `±hh:mm` for `UTC+5`, `GMT-3:30`, `+0530` and `Etc/GMT+3` (whose sign is the other way: -03:00), a
 * tzdb name as written; anything else fails as in Trino ("'EST' is not a valid time zone"). DuckDB read `UTC+05:30`
 * as a POSIX zone (five and a half hours the other way), kept `Etc/GMT+3` and `GMT` as names, and took `EST` and any
 * case.
 */
export function trinoZoneKey(zone: string): string {
  if (UTC_NAMES.has(zone)) return 'UTC';
  const etc = /^Etc\/GMT([+-])(\d{1,2})$/.exec(zone);
  const prefixed = /^(?:UTC|GMT|UT)?([+-])(\d{1,2})(?::(\d{2}))?$/.exec(zone);
  const bare = /^([+-])(\d{2}):?(\d{2})(?::00)?$/.exec(zone);
  const key = etc
    ? offsetKey(etc[1] === '+' ? '-' : '+', etc[2])
    : prefixed
      ? offsetKey(prefixed[1], prefixed[2], prefixed[3])
      : bare
        ? offsetKey(bare[1], bare[2], bare[3])
        : isZoneName(zone) && !zone.startsWith('SystemV/') && zone !== 'Etc/Zulu' && zone !== 'Etc/Greenwich'
          ? zone
          : undefined;
  if (key === undefined) throw new Error(`'${zone}' is not a valid time zone`);
  return key;
}

/**
 * The zone of a TIMESTAMP literal as Trino 476 keys it, or why it fails. Trino reads the zone with Java's ZoneId.of
 * (offsets `±h`, `±hh`, `±hh:mm`, `±hhmm`, `±hh:mm:ss`, also after UTC/GMT/UT; names in their own case: `utc`,
 * `america/new_york` and `GMT-3:30` are no literal), then keys an offset by its value (`-00:00` is UTC, seconds or past
 * ±14:00 are not supported) and a name as at_timezone does (`UTC+0530`, `Etc/Zulu` are not supported).
 */
export function literalZoneKey(zone: string): { key: string } | { error: 'INVALID_LITERAL' | 'NOT_SUPPORTED' } {
  if (zone === 'Z') return { key: 'UTC' };
  const javaOffset = /^([+-])(\d{1,2}|\d{2}:?\d{2}|\d{2}:\d{2}:\d{2}|\d{6})$/;
  const sign = /^(UTC|GMT|UT)?([+-].*)$/.exec(zone);
  if (sign) {
    const offset = javaOffset.exec(sign[2]);
    const digits = offset?.[2].replaceAll(':', '') ?? '';
    const [h, m, s] = digits.length <= 2 ? [Number(digits), 0, 0] : [Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), Number(digits.slice(4) || 0)];
    if (!offset || h > 18 || m > 59 || s > 59) return { error: 'INVALID_LITERAL' };
    if (sign[1] !== undefined) {
      try {
        return { key: trinoZoneKey(zone) };
      } catch {
        return { error: 'NOT_SUPPORTED' };
      }
    }
    const key = s === 0 ? offsetKey(offset[1], String(h), String(m).padStart(2, '0')) : undefined;
    return key === undefined ? { error: 'NOT_SUPPORTED' } : { key };
  }
  if (!UTC_NAMES.has(zone) && !/^Etc\/GMT[+-]\d{1,2}$/.test(zone) && !isZoneName(zone)) return { error: 'INVALID_LITERAL' };
  try {
    return { key: trinoZoneKey(zone) };
  } catch {
    return { error: 'NOT_SUPPORTED' };
  }
}

export function textDate(text: string): string {
  const m = DATE_TEXT.exec(text);
  if (!m) throw new Error(`Value cannot be cast to date: ${text}`);
  // Trino 476 reads a date's year of any length ('20-01-01' is 0020-01-01); DuckDB wants four digits at least.
  return `${m[1]}${m[2].padStart(4, '0')}${m[3]}`;
}

function textFunction(name: string, parameters: number, fn: (args: string[]) => string): DuckDBScalarFunction {
  return shimFunction({
    name,
    returnType: VARCHAR,
    parameterTypes: Array.from({ length: parameters }, () => VARCHAR),
    mainFunction: (_info, input, output) => {
      for (let row = 0; row < input.rowCount; row++) {
        const args = Array.from({ length: parameters }, (_v, c) => input.getColumnVector(c).getItem(row));
        output.setItem(row, args.some((a) => a === null) ? null : fn(args.map(String)));
      }
      output.flush();
    },
  });
}

export function datetimeTextUdfs(): DuckDBScalarFunction[] {
  return [
    textFunction('trino_text_wall', 2, ([text, target]) => textWall(text, target)),
    textFunction('trino_text_zone', 1, ([text]) => textZone(text)),
    textFunction('trino_zone_key', 1, ([zone]) => trinoZoneKey(zone)),
    textFunction('trino_text_date', 1, ([text]) => textDate(text)),
    textFunction('trino_text_time', 1, ([text]) => textTime(text)),
  ];
}
