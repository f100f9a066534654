// Zoned timestamps inside arrays, maps and rows compare by instant, as Trino compares `timestamp with time zone`
// values ("timestamp with time zone … values are compared by instant", https://trino.io/docs/current/language/types.html
// #timestamp-with-time-zone; ArrayType/RowType equality uses the element type's equality).
// The local value is a struct of instant, zone and wall clock, which DuckDB compared field by field (10:00 UTC and
// 11:00 +01:00 differed). Values and types from the shared Trino 476 oracle (`lake sql --engine trino`).
import { describeFunctions } from './harness.js';

const utc10 = "TIMESTAMP '2025-01-01 10:00:00.000 UTC'";
const paris11 = "TIMESTAMP '2025-01-01 11:00:00.000 +01:00'";
const paris12 = "TIMESTAMP '2025-01-01 12:00:00.000 +01:00'";

describeFunctions(
  'zoned timestamps inside arrays compare by instant',
  [
    ['= of arrays', `ARRAY[${utc10}] = ARRAY[${paris11}]`, true, 'boolean'],
    ['= of arrays of timestamp(0) with time zone', "ARRAY[TIMESTAMP '2025-01-01 10:00 UTC'] = ARRAY[TIMESTAMP '2025-01-01 11:00 +01:00']", true, 'boolean'],
    ['<> of other instants', `ARRAY[${utc10}] <> ARRAY[${paris12}]`, true, 'boolean'],
    ['= with a NULL pair is NULL', `ARRAY[${utc10}, NULL] = ARRAY[${paris11}, NULL]`, null, 'boolean'],
    ['IN', `ARRAY[${utc10}] IN (ARRAY[${paris11}])`, true, 'boolean'],
    ['< decided by a later instant', `ARRAY[${utc10}, ${utc10}] < ARRAY[${paris12}, ${paris11}]`, true, 'boolean'],
    [
      'row = by instant',
      `CAST(ROW(${utc10}) AS ROW(t timestamp(3) with time zone)) = CAST(ROW(${paris11}) AS ROW(t timestamp(3) with time zone))`,
      true,
      'boolean',
    ],
    ['map = by instant', `MAP(ARRAY[1], ARRAY[${utc10}]) = MAP(ARRAY[1], ARRAY[${paris11}])`, true, 'boolean'],
    ['contains of an array of arrays', `contains(ARRAY[ARRAY[${utc10}]], ARRAY[${paris11}])`, true, 'boolean'],
    ['array_position of an array of arrays', `array_position(ARRAY[ARRAY[${paris12}], ARRAY[${utc10}]], ARRAY[${paris11}])`, 2, 'bigint'],
  ],
  [
    // Trino 476: ARRAY[10:00 UTC] < ARRAY[11:00 +01:00] is false (equal instants); DuckDB's order of the local structs
    // goes on to the zone names, so an ordering that meets equal instants in other zones first is refused.
    ['< meeting equal instants in other zones', `ARRAY[${utc10}] < ARRAY[${paris11}]`, /timestamps with time zone is refused locally/],
  ],
);
