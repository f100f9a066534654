// date_format (MySQL codes) and format_datetime (Joda letters) written in JavaScript, for what DuckDB's strftime
// cannot write as Trino 476 does: years outside 1678–2261 (strftime converts a TIMESTAMP_S to nanoseconds and fails;
// years before 1 or after 9999 come out as `-5`, ISO week-years as `7290`), and Joda letters or run lengths strftime
// has no code for (K k e C Y x w G, S other than SSS, numbers padded past their code's width). Every rule below was
// read from the shared Trino 476's answers over years 1, 5, 999, 1000, 2021, 2023, 2024 (a leap day), 9999, 0, -5, -1,
// 10000 and 12345 (tests/dialect/dates38-datetime-patterns.test.ts holds them).
import { type DuckDBScalarFunction, type DuckDBTimestampValue, TIMESTAMP, VARCHAR } from '@duckdb/node-api';
import { udf } from './scalar-udf.js';

/** A Joda pattern's pieces: quoted or other literal text, and runs of one letter. */
export type JodaToken = { kind: 'text'; text: string } | { kind: 'field'; letter: string; run: number };

export function jodaTokens(pattern: string): JodaToken[] {
  const tokens: JodaToken[] = [];
  const text = (t: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'text') last.text += t;
    else tokens.push({ kind: 'text', text: t });
  };
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    if (c === "'") {
      // '' is a quote; inside quoted text too ('o''clock').
      let j = i + 1;
      let quoted = '';
      while (j < pattern.length && !(pattern[j] === "'" && pattern[j + 1] !== "'")) {
        quoted += pattern[j];
        j += pattern[j] === "'" ? 2 : 1;
      }
      text(j === i + 1 ? "'" : quoted);
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      text(c);
      i++;
      continue;
    }
    let run = 1;
    while (pattern[i + run] === c) run++;
    tokens.push({ kind: 'field', letter: c, run });
    i += run;
  }
  return tokens;
}

/** The Joda letters Trino's format_datetime writes (any other letter fails "Illegal pattern component"). */
export const JODA_LETTERS = new Set('GCYxwEeyDMdaKhHkmsSZz'.split(''));

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  /** ISO day of the week, Monday 1 … Sunday 7. */
  dow: number;
  doy: number;
  weekyear: number;
  week: number;
}

const floorDiv = (a: number, b: number) => Math.floor(a / b);

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = floorDiv(yy, 400);
  const yoe = yy - era * 400;
  const doy = floorDiv(153 * (m + (m > 2 ? -3 : 9)) + 2, 5) + d - 1;
  const doe = yoe * 365 + floorDiv(yoe, 4) - floorDiv(yoe, 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z0: number): [number, number, number] {
  const z = z0 + 719468;
  const era = floorDiv(z, 146097);
  const doe = z - era * 146097;
  const yoe = floorDiv(doe - floorDiv(doe, 1460) + floorDiv(doe, 36524) - floorDiv(doe, 146096), 365);
  const doy = doe - (365 * yoe + floorDiv(yoe, 4) - floorDiv(yoe, 100));
  const mp = floorDiv(5 * doy + 2, 153);
  const d = doy - floorDiv(153 * mp + 2, 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

/** The fields of a wall-clock TIMESTAMP given as microseconds since 1970-01-01 00:00. */
export function dateTimeFields(micros: bigint): Fields {
  const dayMicros = 86_400_000_000n;
  let days = micros / dayMicros;
  let rest = micros % dayMicros;
  if (rest < 0n) {
    rest += dayMicros;
    days -= 1n;
  }
  const epochDay = Number(days);
  const [year, month, day] = civilFromDays(epochDay);
  const ms = Number(rest / 1000n);
  const dow = ((((epochDay + 3) % 7) + 7) % 7) + 1;
  const doy = epochDay - daysFromCivil(year, 1, 1) + 1;
  // The ISO week holds its Thursday's year.
  const thursday = epochDay + 4 - dow;
  const [weekyear] = civilFromDays(thursday);
  const week = floorDiv(thursday - daysFromCivil(weekyear, 1, 1), 7) + 1;
  return {
    year,
    month,
    day,
    hour: floorDiv(ms, 3_600_000),
    minute: floorDiv(ms, 60_000) % 60,
    second: floorDiv(ms, 1000) % 60,
    millis: ms % 1000,
    dow,
    doy,
    weekyear,
    week,
  };
}

/** Joda's signed zero padding: -5 to four digits is -0005. */
const padded = (n: number, width: number) => (n < 0 ? `-${String(-n).padStart(width, '0')}` : String(n).padStart(width, '0'));
/** Joda's two-digit year: the last two digits of the year's absolute value. */
const twoDigits = (n: number) => String(Math.abs(n) % 100).padStart(2, '0');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function jodaField(f: Fields, letter: string, run: number): string {
  const yearOfEra = f.year <= 0 ? 1 - f.year : f.year;
  switch (letter) {
    case 'G':
      return f.year <= 0 ? 'BC' : 'AD';
    case 'C':
      return padded(Math.floor(yearOfEra / 100), run);
    case 'Y':
      return run === 2 ? twoDigits(f.year) : padded(yearOfEra, run);
    case 'y':
      return run === 2 ? twoDigits(f.year) : padded(f.year, run);
    case 'x':
      return run === 2 ? twoDigits(f.weekyear) : padded(f.weekyear, run);
    case 'w':
      return padded(f.week, run);
    case 'e':
      return padded(f.dow, run);
    case 'E':
      return run >= 4 ? DAYS[f.dow - 1] : DAYS[f.dow - 1].slice(0, 3);
    case 'D':
      return padded(f.doy, run);
    case 'M':
      return run >= 4 ? MONTHS[f.month - 1] : run === 3 ? MONTHS[f.month - 1].slice(0, 3) : padded(f.month, run);
    case 'd':
      return padded(f.day, run);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'K':
      return padded(f.hour % 12, run);
    case 'h':
      return padded(f.hour % 12 === 0 ? 12 : f.hour % 12, run);
    case 'H':
      return padded(f.hour, run);
    case 'k':
      return padded(f.hour === 0 ? 24 : f.hour, run);
    case 'm':
      return padded(f.minute, run);
    case 's':
      return padded(f.second, run);
    case 'S':
      // Joda's fraction of the second, cut (not rounded) to the run's digits; Trino's value holds milliseconds.
      return String(f.millis).padStart(3, '0').padEnd(run, '0').slice(0, run);
    default:
      throw new Error(`Illegal pattern component: ${letter.repeat(run)}`);
  }
}

const jodaCache = new Map<string, JodaToken[]>();

/** format_datetime(ts, pattern) of a wall clock (no zone letters: the translation writes Z and ZZ itself). */
export function jodaText(micros: bigint, pattern: string): string {
  let tokens = jodaCache.get(pattern);
  if (!tokens) {
    tokens = jodaTokens(pattern);
    if (jodaCache.size > 1000) jodaCache.clear();
    jodaCache.set(pattern, tokens);
  }
  const f = dateTimeFields(micros);
  let out = '';
  for (const t of tokens) out += t.kind === 'text' ? t.text : jodaField(f, t.letter, t.run);
  return out;
}

/** The MySQL codes Trino 476 refuses: "%D not supported in date format string". */
export const MYSQL_UNSUPPORTED = new Set('DUuVwX'.split(''));

function mysqlField(f: Fields, code: string): string {
  const hour12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
  switch (code) {
    case 'a':
      return DAYS[f.dow - 1].slice(0, 3);
    case 'b':
      return MONTHS[f.month - 1].slice(0, 3);
    case 'c':
      return String(f.month);
    case 'd':
      return padded(f.day, 2);
    case 'e':
      return String(f.day);
    case 'f':
      return `${String(f.millis).padStart(3, '0')}000`;
    case 'H':
      return padded(f.hour, 2);
    case 'h':
    case 'I':
      return padded(hour12, 2);
    case 'i':
      return padded(f.minute, 2);
    case 'j':
      return padded(f.doy, 3);
    case 'k':
      return String(f.hour);
    case 'l':
      return String(hour12);
    case 'M':
      return MONTHS[f.month - 1];
    case 'm':
      return padded(f.month, 2);
    case 'p':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'r':
      return `${padded(hour12, 2)}:${padded(f.minute, 2)}:${padded(f.second, 2)} ${f.hour < 12 ? 'AM' : 'PM'}`;
    case 'S':
    case 's':
      return padded(f.second, 2);
    case 'T':
      return `${padded(f.hour, 2)}:${padded(f.minute, 2)}:${padded(f.second, 2)}`;
    case 'v':
      return padded(f.week, 2);
    case 'W':
      return DAYS[f.dow - 1];
    case 'x':
      return padded(f.weekyear, 4);
    case 'Y':
      return padded(f.year, 4);
    case 'y':
      return twoDigits(f.year);
    default:
      if (MYSQL_UNSUPPORTED.has(code)) throw new Error(`%${code} not supported in date format string`);
      // Any other character after % is written as itself (Trino 476: '%Q' is Q, '%%' %); a trailing % is dropped.
      return code;
  }
}

/** date_format(ts, pattern) of a wall clock. */
export function mysqlText(micros: bigint, pattern: string): string {
  const f = dateTimeFields(micros);
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== '%') out += pattern[i];
    else if (i + 1 < pattern.length) out += mysqlField(f, pattern[++i]);
  }
  return out;
}

/** `trino_mysql_text(ts, pattern)`, `trino_joda_text(ts, pattern)`: the rows the translation does not give strftime. */
export function datetimePatternUdfs(): DuckDBScalarFunction[] {
  const micros = (v: unknown) => (v as DuckDBTimestampValue).micros;
  return [
    udf('trino_mysql_text', [TIMESTAMP, VARCHAR], VARCHAR, ([t, p]) => mysqlText(micros(t), String(p))),
    udf('trino_joda_text', [TIMESTAMP, VARCHAR], VARCHAR, ([t, p]) => jodaText(micros(t), String(p))),
  ];
}
