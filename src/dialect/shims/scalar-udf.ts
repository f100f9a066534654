// The one way a shim registers a row-at-a-time JavaScript scalar function with DuckDB: NULL in, NULL out; bytes
// returned as a BLOB.
import { DuckDBBlobValue, DuckDBScalarFunction, type DuckDBType } from '@duckdb/node-api';
import { FAIL_MARKER } from './fail-marker.js';

type ShimOptions = Parameters<typeof DuckDBScalarFunction.create>[0];

/**
 * DuckDBScalarFunction.create for a shim. What its JavaScript throws is Trino's message (Decimal overflow, Invalid data
 * size: …), which DuckDB would show after its own "Invalid Input Error: ": the marker lets failureMessage
 * (error-messages.ts) show the message alone, as for trino_fail().
 */
export function shimFunction(options: ShimOptions): DuckDBScalarFunction {
  const { mainFunction } = options;
  return DuckDBScalarFunction.create({
    ...options,
    mainFunction: (info, input, output) => {
      try {
        mainFunction(info, input, output);
      } catch (error) {
        throw new Error(FAIL_MARKER + (error instanceof Error ? error.message : String(error)));
      }
    },
  });
}

export type UdfValue = string | Uint8Array | bigint | number | boolean | null;

/** A BLOB argument's bytes (text arguments as their UTF-8). */
export function bytesOf(v: unknown): Uint8Array {
  if (v instanceof DuckDBBlobValue) return v.bytes;
  return Buffer.from(String(v), 'utf8');
}

export function udf(name: string, parameterTypes: DuckDBType[], returnType: DuckDBType, fn: (args: unknown[]) => UdfValue): DuckDBScalarFunction {
  return shimFunction({
    name,
    returnType,
    parameterTypes,
    specialHandling: true,
    mainFunction: (_info, input, output) => {
      for (let row = 0; row < input.rowCount; row++) {
        const args = parameterTypes.map((_t, c) => input.getColumnVector(c).getItem(row));
        const result = args.some((a) => a === null) ? null : fn(args);
        output.setItem(row, result instanceof Uint8Array ? new DuckDBBlobValue(result) : result);
      }
      output.flush();
    },
  });
}
