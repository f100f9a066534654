// Session set-up that makes Trino functions available on a DuckDB connection under `trino_*` names.
import { datetimePatternUdfs } from './datetime-pattern-text.js';
import { iso8601Udfs } from './iso8601-text.js';
import { type DuckDBScalarFunction, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { CHECKSUM_MACROS, checksumUdfs } from './checksum.js';
import { COLLECTION_MACROS } from './collection-macros.js';
import { datetimeTextUdfs } from './datetime-text.js';
import { DATETIME_FIELD_MACROS } from './datetime-field-macros.js';
import { decimalQuotientUdfs } from './decimal-quotient.js';
import { DECIMAL_MACROS } from './decimal-macros.js';
import { FUNCTION_MACROS } from './function-macros.js';
import { functionUdfs } from './function-udfs.js';
import { IP_MACROS, ipAddressUdfs } from './ip-address.js';
import { javaFormat } from './java-format.js';
import { canonicalJson, valueJson } from './json-canonical.js';
import { jsonCastUdf } from './json-cast.js';
import { jsonFunctionUdfs } from './json-functions.js';
import { JSON_MACROS } from './json-macros.js';
import { MAP_MACROS } from './map-macros.js';
import { MACROS } from './macros.js';
import { MacroSet } from './macro-set.js';
import { NAN_MACROS } from './nan-macros.js';
import { NESTED_COMPARE_MACROS, nestedCompareUdfs } from './nested-compare.js';
import { hexFloatUdfs } from './hex-float.js';
import { jodaZoneUdfs } from './joda-zones.js';
import { shimFunction } from './scalar-udf.js';
import { STRING_MACROS } from './string-macros.js';
import { SESSION_WORD_MACROS } from './session-word-macros.js';
import { UNBOUND_MACROS } from './unbound-macros.js';

export { failureMessage } from './error-messages.js';
export type { MacroSet } from './macro-set.js';
export { TZ_FIELDS, TZ0_STRUCT, TZ_STRUCT } from './macros.js';

/** The SQL that defines every macro shim (temporary: nothing lands in the catalog file). */
export function sessionSetupStatements(): string[] {
  return [
    ...JSON_MACROS,
    ...MAP_MACROS,
    ...MACROS,
    ...UNBOUND_MACROS,
    ...FUNCTION_MACROS,
    ...DECIMAL_MACROS,
    ...COLLECTION_MACROS,
    ...CHECKSUM_MACROS,
    ...IP_MACROS,
    ...SESSION_WORD_MACROS,
    ...NESTED_COMPARE_MACROS,
    ...NAN_MACROS,
    ...STRING_MACROS,
    ...DATETIME_FIELD_MACROS,
  ].map((body) => `CREATE OR REPLACE TEMP MACRO ${body}`);
}

/**
 * Java-style `format()` is the one shim a macro cannot express: a JS scalar UDF. The translator passes every
 * argument as its Java text (`trino_java_format(fmt, trino_format_text(a), …)`, function-macros.ts).
 */
function javaFormatFunction(): DuckDBScalarFunction {
  return shimFunction({
    name: 'trino_java_format',
    returnType: VARCHAR,
    parameterTypes: [VARCHAR],
    varArgsType: VARCHAR,
    specialHandling: true,
    mainFunction: (_info, input, output) => {
      const columns = input.columnCount;
      for (let row = 0; row < input.rowCount; row++) {
        const format = input.getColumnVector(0).getItem(row);
        if (format === null) {
          output.setItem(row, null);
          continue;
        }
        const args: (string | null)[] = [];
        for (let c = 1; c < columns; c++) {
          const v = input.getColumnVector(c).getItem(row);
          args.push(v === null ? null : String(v));
        }
        output.setItem(row, javaFormat(String(format), args));
      }
      output.flush();
    },
  });
}

/** `trino_json_parse(text)`: Trino's canonical JSON text (src/dialect/shims/json-canonical.ts), or Trino's error. */
function jsonParseFunction(): DuckDBScalarFunction {
  return shimFunction({
    name: 'trino_json_parse',
    returnType: VARCHAR,
    parameterTypes: [VARCHAR],
    mainFunction: (_info, input, output) => {
      const vector = input.getColumnVector(0);
      for (let row = 0; row < input.rowCount; row++) {
        const text = vector.getItem(row);
        output.setItem(row, text === null ? null : canonicalJson(String(text)));
      }
      output.flush();
    },
  });
}

/**
 * `trino_json_of_value(text, type)`: DuckDB's to_json text of a value of `type` (typeof) written as Trino's CAST(… AS
 * JSON) writes it: canonical, but a row's fields in their order with their names, empty or repeated.
 */
function jsonOfValueFunction(): DuckDBScalarFunction {
  return shimFunction({
    name: 'trino_json_of_value',
    returnType: VARCHAR,
    parameterTypes: [VARCHAR, VARCHAR],
    mainFunction: (_info, input, output) => {
      const [texts, types] = [input.getColumnVector(0), input.getColumnVector(1)];
      for (let row = 0; row < input.rowCount; row++) {
        const text = texts.getItem(row);
        output.setItem(row, text === null ? null : valueJson(String(text), String(types.getItem(row))));
      }
      output.flush();
    },
  });
}

/**
 * Registers the UDFs (macros refer to them) and returns the connection's macro shims, which are created per statement
 * as its SQL first needs them (MacroSet.defineFor).
 */
export function registerShims(connection: DuckDBConnection): MacroSet {
  connection.registerScalarFunction(javaFormatFunction());
  connection.registerScalarFunction(jsonParseFunction());
  connection.registerScalarFunction(jsonOfValueFunction());
  for (const fn of [
    ...functionUdfs(),
    ...checksumUdfs(),
    ...datetimeTextUdfs(),
    ...datetimePatternUdfs(),
    ...iso8601Udfs(),
    ...ipAddressUdfs(),
    ...decimalQuotientUdfs(),
    ...nestedCompareUdfs(),
    ...jodaZoneUdfs(),
    ...hexFloatUdfs(),
  ])
    connection.registerScalarFunction(fn);
  for (const fn of [...jsonFunctionUdfs(), jsonCastUdf()]) connection.registerScalarFunction(fn);
  return new MacroSet(sessionSetupStatements());
}
