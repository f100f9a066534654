// `_any` variants of the typed shims, for arguments that contain an aggregate or window call.
//
// DuckDB resolves a macro overload by binding its arguments first; an aggregate cannot be bound at that point, so
// its type is UNKNOWN, which casts to any typed parameter for free: `trino_wall(max(order_date))` would pick the
// zoned-struct overload and fail ("Unimplemented type for cast (DATE -> STRUCT(...))"). The translator calls these
// untyped variants instead (src/dialect/translate/unbound.ts). They dispatch on `typeof(x)`, which folds to a
// constant once the aggregate is bound, and every branch must bind for every type, so a zoned struct is read back
// through VARCHAR (`trino_tz_any`) and a plain value through `CAST(CAST(x AS VARCHAR) AS TIMESTAMP)`: a few
// microseconds per value, and an aggregate gives one value per group.
//
// Variants whose result type depends on the argument's (± INTERVAL, date_add, date_trunc) cannot do this: they call
// the typed shim inside a lambda over [x], where the aggregate is bound.
import { IP_FIELD, IP_FROM_ANY, IS_IP } from './ip-address.js';
import {
  DATE_TO_VARCHAR,
  DECIMAL_TO_VARCHAR,
  DOUBLE_TO_VARCHAR,
  INTERVAL_TO_VARCHAR,
  IS_NESTED_TYPE,
  NESTED_TO_VARCHAR_FAIL,
  VARBINARY_TO_VARCHAR_FAIL,
  OWN_TEXT_TO_VARCHAR,
  TZ_STRUCT,
} from './macros.js';

const IS_ZONED = `typeof(x) LIKE 'STRUCT(trino_instant %'`;
/** The type of a zoned x's wall clock: TIMESTAMP_S for timestamp(0) with time zone (no fraction in its text). */
const WALL_TYPE = `CASE WHEN typeof(x) LIKE '%trino_wall TIMESTAMP_S)' THEN 'TIMESTAMP_S' ELSE 'TIMESTAMP' END`;
/** A plain datetime (or datetime text) as TIMESTAMP; binds for any type. */
const PLAIN_TIMESTAMP = 'CAST(CAST(x AS VARCHAR) AS TIMESTAMP)';

export const UNBOUND_MACROS: readonly string[] = [
  `trino_tz_any(x) AS CAST(CAST(x AS VARCHAR) AS ${TZ_STRUCT})`,
  // format_datetime's Joda 'Z' (+0530) and 'ZZ' (sep ':', +05:30): the offset at the value's instant, its seconds cut
  // (Trino 476: +0019 for Amsterdam's +00:19:32 of 1900). A plain timestamp has none: Trino fails per value (a NULL is
  // NULL). Untyped, so an outer or aggregated value binds as any other.
  `trino_joda_offset(x, sep) AS CASE WHEN x IS NULL THEN NULL
     WHEN ${IS_ZONED} THEN list_transform([epoch_ms(trino_tz_any(x).trino_wall) - epoch_ms(trino_tz_any(x).trino_instant)], lambda trino_offset_ms:
       CASE WHEN trino_offset_ms < 0 THEN '-' ELSE '+' END || lpad(CAST(abs(trino_offset_ms) // 3600000 AS VARCHAR), 2, '0') || sep
       || lpad(CAST(abs(trino_offset_ms) % 3600000 // 60000 AS VARCHAR), 2, '0'))[1]
     ELSE cast_to_type(trino_fail('format_datetime for TIMESTAMP type, cannot use ''Z'' nor ''z'' in format, as this type does not contain TZ information'), '') END`,
  `trino_to_timestamp_any(x) AS CASE WHEN ${IS_ZONED} THEN trino_tz_any(x).trino_wall ELSE ${PLAIN_TIMESTAMP} END`,
  `trino_wall_any(x) AS trino_to_timestamp_any(x)`,
  `trino_to_date_any(x) AS CAST(trino_to_timestamp_any(x) AS DATE)`,
  `trino_to_time_any(x) AS list_transform([x], lambda trino_v: trino_to_time(trino_v))[1]`,
  `trino_instant_any(x) AS CASE WHEN ${IS_ZONED} THEN trino_tz_any(x).trino_instant ELSE timezone('UTC', ${PLAIN_TIMESTAMP}) END`,
  `trino_cmp_any(x) AS CASE WHEN ${IS_ZONED} THEN timezone('UTC', trino_tz_any(x).trino_instant) ELSE ${PLAIN_TIMESTAMP} END`,
  `trino_to_unixtime_any(x) AS epoch(trino_instant_any(x))`,
  `trino_to_tstz_any(x) AS CASE WHEN ${IS_ZONED} THEN trino_tz_any(x)
     WHEN typeof(x) = 'VARCHAR' THEN trino_tz_from_wall(
       CAST(regexp_replace(CAST(x AS VARCHAR), ' [^ ]+$', '') AS TIMESTAMP), regexp_extract(CAST(x AS VARCHAR), ' ([^ ]+)$', 1))
     ELSE trino_tz_from_wall(${PLAIN_TIMESTAMP}, 'UTC') END`,
  // Typed overloads bind inside the lambda, where the aggregate has its type (as below); they keep a timestamp(0).
  `trino_at_time_zone_any(x, zone) AS list_transform([x], lambda trino_v: trino_at_time_zone(trino_v, zone))[1]`,
  // The typed shim inside a lambda: a zoned aggregate's offset at its instant (Trino 476: +01:00, not the zone's name).
  `trino_to_iso8601_any(x) AS list_transform([x], lambda trino_v: trino_to_iso8601(trino_v))[1]`,
  `trino_to_varchar_any(x) AS CASE
     WHEN ${IS_ZONED} THEN trino_timestamp_text_of(trino_tz_any(x).trino_wall, ' ', ${WALL_TYPE}) || ' ' || trino_tz_any(x).trino_zone
     WHEN ${IS_IP} THEN trino_ipaddress_text(struct_extract(${IP_FROM_ANY}, '${IP_FIELD}'))
     WHEN typeof(x) IN ('DOUBLE', 'FLOAT') THEN ${DOUBLE_TO_VARCHAR}
     WHEN typeof(x) LIKE 'DECIMAL%' THEN ${DECIMAL_TO_VARCHAR}
     WHEN typeof(x) LIKE 'TIMESTAMP%' THEN trino_timestamp_text_of(${PLAIN_TIMESTAMP}, ' ', typeof(x))
     WHEN typeof(x) = 'TIME' THEN strftime(DATE '1970-01-01' + TRY_CAST(CAST(x AS VARCHAR) AS TIME), '%H:%M:%S.%g')
     WHEN typeof(x) = 'DATE' THEN ${DATE_TO_VARCHAR('x')}
     WHEN typeof(x) = 'INTERVAL' THEN ${INTERVAL_TO_VARCHAR}
     WHEN typeof(x) = 'BLOB' THEN ${VARBINARY_TO_VARCHAR_FAIL}
     WHEN ${IS_NESTED_TYPE} THEN ${NESTED_TO_VARCHAR_FAIL}
     ELSE ${OWN_TEXT_TO_VARCHAR('x')} END`,
  // A single macro without typed overloads binds an aggregate as it is: the variant only gives shimCall its name.
  `trino_cast_json_any(x) AS trino_cast_json(x)`,
  `trino_map_sorted_any(m) AS trino_map_sorted(m)`,
  // Result type follows the argument's (zoned or plain, and its precision): the typed overloads bind inside the
  // lambda, where the aggregate has its type.
  `trino_plus_interval_any(x, i) AS list_transform([x], lambda trino_v: trino_plus_interval(trino_v, i))[1]`,
  `trino_minus_interval_any(x, i) AS list_transform([x], lambda trino_v: trino_minus_interval(trino_v, i))[1]`,
  `trino_date_trunc_any(unit, x) AS list_transform([x], lambda trino_v: trino_date_trunc(unit, trino_v))[1]`,
  `trino_date_add_any(unit, n, x) AS list_transform([x], lambda trino_v: trino_date_add(unit, n, trino_v))[1]`,
  `trino_plus_day_second_any(x, i) AS list_transform([x], lambda trino_v: trino_plus_day_second(trino_v, i))[1]`,
  `trino_minus_day_second_any(x, i) AS trino_plus_day_second_any(x, -i)`,
];
