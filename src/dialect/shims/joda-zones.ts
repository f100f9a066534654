// Zones whose wall clock Trino 476 reads (format_datetime, date_format, CAST to date or timestamp, day, minute,
// date_trunc …) with Joda-Time's own history of the zone, where the local engine (ICU) has the current tz database's,
// which since 2022 merges zones that agree since 1970 (Europe/Amsterdam is Europe/Brussels before 1970): Trino 476
// formats TIMESTAMP '1900-06-01 12:00:00 Europe/Amsterdam' as 12:19:32 +0019 (local mean time), locally 12:00 +0000.
// Each zone with the instant (epoch seconds) from which the two agree: asked of the shared Trino 476 and the local
// engine over every zone of Intl.supportedValuesOf('timeZone'), format_datetime of one instant per half year from 1800
// to 1976 (docs/issue-15-audit.md "Silent leftovers, ninth pass"); the last differing one, rounded to the start of the
// year two years later.
import { BOOLEAN, DOUBLE, VARCHAR, type DuckDBScalarFunction } from '@duckdb/node-api';
import { udf } from './scalar-udf.js';

export const JODA_HISTORY_UNTIL: ReadonlyMap<string, number> = new Map([
  ['Africa/Accra', -725846400],
  ['Africa/Addis_Ababa', -820540800],
  ['Africa/Asmera', -820540800],
  ['Africa/Bamako', -252460800],
  ['Africa/Bangui', -1546300800],
  ['Africa/Banjul', -820540800],
  ['Africa/Blantyre', -1356998400],
  ['Africa/Brazzaville', -1546300800],
  ['Africa/Bujumbura', -1893456000],
  ['Africa/Conakry', -283996800],
  ['Africa/Dakar', -852076800],
  ['Africa/Dar_es_Salaam', -252460800],
  ['Africa/Djibouti', -820540800],
  ['Africa/Douala', -1546300800],
  ['Africa/Freetown', -852076800],
  ['Africa/Gaborone', -757382400],
  ['Africa/Harare', -1893456000],
  ['Africa/Kampala', -378691200],
  ['Africa/Kigali', -1041379200],
  ['Africa/Kinshasa', -1546300800],
  ['Africa/Libreville', -1546300800],
  ['Africa/Lome', -1798761600],
  ['Africa/Luanda', -1546300800],
  ['Africa/Lubumbashi', -1514764800],
  ['Africa/Lusaka', -1893456000],
  ['Africa/Malabo', -157766400],
  ['Africa/Maseru', -788918400],
  ['Africa/Mbabane', -757382400],
  ['Africa/Mogadishu', -378691200],
  ['Africa/Niamey', -283996800],
  ['Africa/Nouakchott', -252460800],
  ['Africa/Ouagadougou', -1798761600],
  ['Africa/Porto-Novo', -1073001600],
  ['America/Anguilla', -725846400],
  ['America/Antigua', -568080000],
  ['America/Aruba', -126230400],
  ['America/Blanc-Sablon', -1577923200],
  ['America/Cayman', -1767225600],
  ['America/Coral_Harbour', -883612800],
  ['America/Creston', -31536000],
  ['America/Curacao', -126230400],
  ['America/Dominica', -725846400],
  ['America/Grenada', -725846400],
  ['America/Guadeloupe', -725846400],
  ['America/Kralendijk', -126230400],
  ['America/Lower_Princes', -126230400],
  ['America/Marigot', -725846400],
  ['America/Montserrat', -725846400],
  ['America/Nassau', -157766400],
  ['America/Port_of_Spain', -725846400],
  ['America/St_Barthelemy', -725846400],
  ['America/St_Kitts', -725846400],
  ['America/St_Lucia', -725846400],
  ['America/St_Thomas', -725846400],
  ['America/St_Vincent', -725846400],
  ['America/Tijuana', 220924800],
  ['America/Tortola', -725846400],
  ['Antarctica/DumontDUrville', -378691200],
  ['Antarctica/McMurdo', -410227200],
  ['Antarctica/Syowa', -378691200],
  ['Arctic/Longyearbyen', -94694400],
  ['Asia/Aden', -599616000],
  ['Asia/Bahrain', -788918400],
  ['Asia/Brunei', -725846400],
  ['Asia/Kuala_Lumpur', -2145916800],
  ['Asia/Kuwait', -599616000],
  ['Asia/Muscat', -1546300800],
  ['Asia/Phnom_Penh', -725846400],
  ['Asia/Vientiane', -410227200],
  ['Atlantic/Reykjavik', 0],
  ['Atlantic/St_Helena', -568080000],
  ['Europe/Amsterdam', -694310400],
  ['Europe/Copenhagen', -599616000],
  ['Europe/Guernsey', -820540800],
  ['Europe/Isle_of_Man', -2682288000],
  ['Europe/Jersey', -820540800],
  ['Europe/Ljubljana', -2682288000],
  ['Europe/Luxembourg', -1704153600],
  ['Europe/Monaco', -820540800],
  ['Europe/Oslo', -94694400],
  ['Europe/Sarajevo', -2682288000],
  ['Europe/Skopje', -2682288000],
  ['Europe/Stockholm', -599616000],
  ['Europe/Vaduz', -2335219200],
  ['Europe/Zagreb', -2682288000],
  ['Indian/Antananarivo', -820540800],
  ['Indian/Christmas', -1514764800],
  ['Indian/Cocos', -725846400],
  ['Indian/Comoro', -820540800],
  ['Indian/Kerguelen', -283996800],
  ['Indian/Mahe', -1546300800],
  ['Indian/Mayotte', -820540800],
  ['Indian/Reunion', -1546300800],
  ['Pacific/Funafuti', -2145916800],
  ['Pacific/Majuro', 31536000],
  ['Pacific/Midway', -378691200],
  ['Pacific/Ponape', -725846400],
  ['Pacific/Saipan', -852076800],
  ['Pacific/Truk', -725846400],
  ['Pacific/Wake', -2145916800],
  ['Pacific/Wallis', -2145916800],
]);

/** The latest of those instants: older instants only are looked up. */
export const JODA_HISTORY_LATEST = Math.max(...JODA_HISTORY_UNTIL.values());

const untilByZone = new Map<string, number>();

/**
 * A zone's instant by its name or, for an alias (Africa/Asmara, America/Atikokan), by ICU's canonical name of it
 * (Africa/Asmera, America/Coral_Harbour: the table lists the names Intl.supportedValuesOf gives); -Infinity for others.
 */
function historyUntil(zone: string): number {
  let until = untilByZone.get(zone);
  if (until === undefined) {
    let canonical = zone;
    try {
      canonical = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      // A fixed offset or a zone ICU does not know: not listed.
    }
    until = JODA_HISTORY_UNTIL.get(zone) ?? JODA_HISTORY_UNTIL.get(canonical) ?? Number.NEGATIVE_INFINITY;
    untilByZone.set(zone, until);
  }
  return until;
}

/**
 * The zones' refusal: fails for a zoned value in one of them before its instant, else false (trino_tz_from_instant,
 * macros.ts; the message is built here, not in the macro every zoned value expands).
 */
export function jodaZoneUdfs(): DuckDBScalarFunction[] {
  return [
    udf('trino_joda_history_refused', [VARCHAR, DOUBLE], BOOLEAN, ([zone, seconds]) => {
      if (Number(seconds) >= historyUntil(String(zone))) return false;
      const utc = new Date(Number(seconds) * 1000).toISOString().slice(0, 19).replace('T', ' ');
      throw new Error(
        `a timestamp with time zone in ${String(zone)} at ${utc} UTC is refused locally: Athena reads its wall clock (format_datetime, date_format, CAST to date or timestamp, day, minute, date_trunc) with Joda's own history of the zone (Europe/Amsterdam in 1900: +00:19:32, local mean time), the local engine with the current tz database's (+00:00)`,
      );
    }),
  ];
}
