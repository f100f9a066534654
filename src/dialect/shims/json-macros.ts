// JSON values in Trino's canonical form (json-canonical.ts; the trino_json_parse UDF is registered in index.ts).
// https://trino.io/docs/current/functions/json.html#cast-to-json: CAST('abc' AS JSON) is the JSON string "abc" (a
// varchar is never parsed by CAST; json_parse parses), CAST(1.234 AS JSON) is 1.234, maps become objects.
import { IP_STRUCT } from './ip-address.js';
import { JSON_NULL_MARK } from './json-cast.js';

/**
 * Trino casts no ipaddress to JSON ("Cannot cast ipaddress to json", "… array(ipaddress) to json"), nor a map whose
 * keys are dates or timestamps (Trino 476: "Cannot cast map(date, integer) to JSON").
 */
const IP_TYPE_TEXT = `CASE WHEN typeof(x) = '${IP_STRUCT}' THEN 'ipaddress' ELSE 'a value holding an ipaddress' END`;

/**
 * DuckDB types (typeof) Trino 476 casts to no json, nor arrays or rows holding them: varbinary, interval, uuid, time,
 * a map keyed by arrays, maps or rows ("Cannot cast varbinary to json", TYPE_MISMATCH while analysing the query).
 */
export const NO_JSON_TYPES = '\\b(BLOB|INTERVAL|UUID)\\b|\\bTIME(\\[|,|\\)|$)|MAP\\((MAP\\(|STRUCT\\(|[A-Z_]+(\\(\\d+(, ?\\d+)?\\))?\\[)';

export const JSON_MACROS: readonly string[] = [
  `trino_json(s) AS CAST(trino_json_parse(s) AS JSON)`,
  // A JSON value stays as it is, anything else its canonical JSON text (a varchar is a JSON string; strings are
  // written as Jackson writes them, json-canonical.ts). Dispatched on typeof (typed overloads would match through
  // DuckDB's implicit casts to JSON).
  `trino_cast_json(x) AS CASE WHEN typeof(x) = 'JSON' THEN CASE WHEN CAST(x AS VARCHAR) = '"${JSON_NULL_MARK}"' THEN 'null'::JSON ELSE CAST(x AS JSON) END
     WHEN typeof(x) LIKE '%${IP_STRUCT}%' THEN cast_to_type(trino_fail('Cannot cast ' || ${IP_TYPE_TEXT} || ' to json'), NULL::JSON)
     WHEN regexp_matches(typeof(x), 'MAP\\((DATE|TIME)') THEN cast_to_type(trino_fail('Cannot cast a map whose keys are dates, times or timestamps to JSON'), NULL::JSON)
     WHEN regexp_matches(typeof(x), '${NO_JSON_TYPES}')
       THEN cast_to_type(trino_fail('Cannot cast ' || lower(typeof(x)) || ' to json: Athena casts no varbinary, interval, uuid or time, nor a map keyed by arrays, maps or rows, to json'), NULL::JSON)
     WHEN typeof(x) LIKE 'STRUCT(trino_instant %' THEN cast_to_type(trino_fail('Cannot cast timestamp('
       || CASE WHEN typeof(x) LIKE '%trino_wall TIMESTAMP_S)' THEN '0' ELSE '3' END || ') with time zone to json'), NULL::JSON)
     WHEN typeof(x) IN ('TIMESTAMP', 'TIMESTAMP_S') THEN trino_json(CAST(to_json(trino_text(x)) AS VARCHAR))
     ELSE CAST(trino_json_of_value(trino_json_milliseconds(trino_json_far_years(CAST(to_json(x) AS VARCHAR), typeof(x)), typeof(x)), typeof(x)) AS JSON) END`,
  // DuckDB writes a timestamp inside an array, map or row without its fraction's trailing zeros ("… 10:00:00.1");
  // Trino 476 writes a timestamp(3) with three digits ("… 10:00:00.100") and a timestamp(0) with none. The digits are
  // padded in the text between quotes when the type holds timestamp(3) values alone; beside a timestamp(0) or a varchar
  // (which could read the same) the cast is refused.
  `trino_json_milliseconds(j, t) AS CASE
     WHEN replace(t, 'TIMESTAMP_S', '') NOT LIKE '%TIMESTAMP%' THEN j
     WHEN t LIKE '%VARCHAR%' OR t LIKE '%TIMESTAMP_S%' THEN cast_to_type(trino_fail('CAST(… AS json) of timestamp(3) values beside '
       || 'a varchar or a timestamp(0) is not supported locally: CAST the timestamps to varchar first'), j)
     ELSE regexp_replace(regexp_replace(regexp_replace(j,
       '("[-+]?[0-9]{4,}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2})"', '\\1.000"', 'g'),
       '("[-+]?[0-9]{4,}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9])"', '\\100"', 'g'),
       '("[-+]?[0-9]{4,}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{2})"', '\\10"', 'g') END`,
  // DuckDB's JSON writes a date before year 1 as "0002-03-01 (BC)" (a timestamp "0002-03-01 (BC) 10:00:00") and a
  // timestamp past 9999 without a sign; Trino 476 writes Java's ISO year, "-0001-03-01", and "+42025-03-31 10:00:00.123"
  // (a date past 9999 has no sign, as in CAST(date AS varchar)). Rewritten in the text between quotes when the type
  // holds a date or timestamp; a varchar beside them could hold the same text, so then the cast is refused.
  `trino_json_far_years(j, t) AS CASE
     WHEN t NOT SIMILAR TO '.*(DATE|TIMESTAMP).*' OR NOT regexp_matches(j, ' \\(BC\\)|"[0-9]{5,}-[0-9][0-9]-[0-9][0-9] ') THEN j
     WHEN t LIKE '%VARCHAR%' THEN cast_to_type(trino_fail('CAST(… AS json) of a date or timestamp before year 1 or past 9999 beside a varchar is not supported locally: CAST the date to varchar first'), j)
     ELSE array_to_string(list_transform(string_split(j, '"'), lambda trino_p: CASE
       WHEN regexp_matches(trino_p, '^[0-9]+-[0-9][0-9]-[0-9][0-9] \\(BC\\)')
         THEN trino_year_text(1 - CAST(split_part(trino_p, '-', 1) AS INTEGER), '') || regexp_replace(trino_p, '^[0-9]+(-[0-9][0-9]-[0-9][0-9]) \\(BC\\)', '\\1')
       WHEN regexp_matches(trino_p, '^[0-9]{5,}-[0-9][0-9]-[0-9][0-9] [0-9]') THEN '+' || trino_p
       ELSE trino_p END), '"') END`,
  // CAST(json AS t) reads each token as Trino does (json-cast.ts): the JSON is rewritten so that DuckDB's cast to t
  // reads Trino's value. A scalar target's shim calls trino_json_for_cast; an array, map, row or decimal target's
  // operand goes through trino_json_cast_source (any other operand is passed as it is; typeof folds to a constant).
  // A json operand of a CAST to a type Trino does not read json as (date, timestamp, varbinary, uuid, … inside any
  // array, map or row: json-cast.ts jsonUnreadablePart) fails as Trino's analysis does; typeof folds while binding.
  `trino_json_cast_refused(x, result, target) AS CASE WHEN typeof(x) = 'JSON'
     THEN cast_to_type(trino_fail('Cannot cast json to ' || target), result) ELSE result END`,
  `trino_json_for_cast(j, target) AS CAST(trino_json_cast_text(CAST(j AS VARCHAR), target, false) AS JSON)`,
  `trino_json_cast_source(x, target, try) AS CASE WHEN typeof(x) = 'JSON'
     THEN cast_to_type(trino_json_cast_text(CAST(x AS VARCHAR), target, try), x) ELSE x END`,
  // The JSON functions read the text as Trino's Jackson parser does (json-functions.ts); the path is Trino's.
  `trino_json_extract(j, path) AS CAST(trino_json_extract_text(trino_json_text(j, 'json_extract'), path) AS JSON)`,
  `trino_json_extract_scalar(j, path) AS trino_json_extract_scalar_text(trino_json_text(j, 'json_extract_scalar'), path)`,
  // CAST(json AS varchar): a JSON string gives its text (JSON '""' is ''), an integer or boolean its JSON text, a
  // fraction or exponent Trino's double text (1.5E0), null NULL; Trino casts only scalars to varchar. trino_fail, not
  // DuckDB's error(): error() is volatile, and TRY refuses a volatile argument (every TRY_CAST to varchar failed).
  `trino_json_to_varchar(j) AS CASE json_type(j) WHEN 'VARCHAR' THEN json_extract_string(j, '$') WHEN 'NULL' THEN NULL
     WHEN 'ARRAY' THEN cast_to_type(trino_fail('Cannot cast JSON array to varchar: use json_format(x)'), '')
     WHEN 'OBJECT' THEN cast_to_type(trino_fail('Cannot cast JSON object to varchar: use json_format(x)'), '')
     ELSE json_extract_string(trino_json_for_cast(j, 'varchar'), '$') END`,
];
