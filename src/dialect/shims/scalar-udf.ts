// The one way a shim registers a row-at-a-time JavaScript scalar function with DuckDB: NULL in, NULL out; bytes
// returned as a BLOB.
import { DuckDBBlobValue, DuckDBScalarFunction, type DuckDBType } from '@duckdb/node-api';

export type UdfValue = string | Uint8Array | bigint | number | boolean | null;

/** A BLOB argument's bytes (text arguments as their UTF-8). */
export function bytesOf(v: unknown): Uint8Array {
  if (v instanceof DuckDBBlobValue) return v.bytes;
  return Buffer.from(String(v), 'utf8');
}

export function udf(name: string, parameterTypes: DuckDBType[], returnType: DuckDBType, fn: (args: unknown[]) => UdfValue): DuckDBScalarFunction {
  return DuckDBScalarFunction.create({
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
