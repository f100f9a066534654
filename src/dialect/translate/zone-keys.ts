// A time zone given to at_timezone, with_timezone, from_unixtime or AT TIME ZONE, keyed as Trino 476 keys it
// (trinoZoneKey, src/dialect/shims/datetime-text.ts: `UTC+05:30` is +05:30, `Etc/GMT+3` -03:00, `GMT` UTC, `EST`
// fails). A literal is keyed here, once; another value by the trino_zone_key UDF, row by row (a UDF in the shims'
// bodies would run for every row, also for a literal: ten times the cost of at_timezone(ts, 'America/New_York')).
import { trinoZoneKey } from '../shims/datetime-text.js';

const STRING_LITERAL = /^'((?:[^']|'')*)'$/s;

export function zoneKeyArgument(zone: string): string {
  const literal = STRING_LITERAL.exec(zone.trim());
  if (literal) {
    try {
      return `'${trinoZoneKey(literal[1].replaceAll("''", "'")).replaceAll("'", "''")}'`;
    } catch {
      // Not a zone Trino knows: the UDF fails with Trino's message while the query runs.
    }
  }
  return `trino_zone_key(${zone})`;
}
