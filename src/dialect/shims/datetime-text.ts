// CAST(varchar AS timestamp | timestamp with time zone | date) reads Trino's text grammar only (Trino 476; see
// docs/trino-oracle.md §7): a date `[+]yyyy-m-d`, then ` h:m[:s[.fff…]]`, then a zone (with or without a space: Z,
// +h, +hh:mm, +hhmm, a zone name), spaces around. DuckDB also read an ISO 'T', hour 24 and a date with a time.
// JavaScript UDFs: regular expressions in a macro are compiled again at every CAST the binder expands.
import { type DuckDBScalarFunction, VARCHAR } from '@duckdb/node-api';
import { shimFunction } from './scalar-udf.js';

const TIMESTAMP_TEXT =
  /^\s*\+?(\d{4,}-\d{1,2}-\d{1,2})(?:\s+(\d{1,2})(:\d{1,2}(?::\d{1,2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{1,2}(?::?\d{2})?|[A-Za-z][A-Za-z0-9_/+-]*)?\s*$/;
const DATE_TEXT = /^\s*\+?(\d{4,}-\d{1,2}-\d{1,2})\s*$/;

const zoneNames = new Map<string, boolean>();

// Trino 476 refuses these tzdb names (its zone index leaves them out); `EST5EDT`, `CET`, `GMT0`, links such as
// `US/Eastern` and `ROK` are accepted (checked with scripts/trino.sh).
const NOT_TRINO_ZONES = new Set(['EST', 'MST', 'HST']);

/**
 * Whether `name` is a time zone Trino knows: an IANA name or link that the ICU behind Intl knows too, written as tzdb
 * writes it (Trino's names are case-sensitive: `utc` and `America/new_york` fail; ICU would take any case, so every
 * part must start with a capital as all tzdb names do).
 */
function isZoneName(name: string): boolean {
  let known = zoneNames.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      known = !NOT_TRINO_ZONES.has(name) && name.split('/').every((part) => /^[A-Z]/.test(part));
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
  const badZone = m?.[4] !== undefined && /^[A-Za-z]/.test(m[4]) && m[4] !== 'Z' && !isZoneName(m[4]);
  if (!m || Number(m[2] ?? 0) > 23 || badZone) throw new Error(`Value cannot be cast to ${target}: ${text}`);
  return { wall: m[2] === undefined ? m[1] : `${m[1]} ${m[2]}${m[3]}`, zone: m[4] ?? '' };
}

/** The wall clock as text DuckDB casts (date and time, without the zone), or Trino's error naming the target type. */
export const textWall = (text: string, target: string): string => parts(text, target).wall;

/** The zone of the text as Trino names it: none or Z is UTC, +h is +0h:00, +hhmm is +hh:mm. */
export function textZone(text: string): string {
  const zone = parts(text, 'timestamp with time zone').zone;
  if (zone === '' || zone === 'Z') return 'UTC';
  const offset = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  return offset ? `${offset[1]}${offset[2].padStart(2, '0')}:${offset[3] ?? '00'}` : zone;
}

export function textDate(text: string): string {
  const m = DATE_TEXT.exec(text);
  if (!m) throw new Error(`Value cannot be cast to date: ${text}`);
  return m[1];
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
    textFunction('trino_text_date', 1, ([text]) => textDate(text)),
  ];
}
