/**
 * Prefix of a shim's failure message: the text trino_fail() cannot convert (macros.ts) and what a shim's JavaScript
 * throws (scalar-udf.ts), so its DuckDB error is recognised and shown in Trino's words alone (error-messages.ts).
 */
export const FAIL_MARKER = 'trino_fail: ';
