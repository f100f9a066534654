// checksum(x) as Trino computes it (https://trino.io/docs/current/functions/aggregate.html#checksum; Trino's
// ChecksumAggregationFunction): the 64-bit wrapping sum over the rows of xxHash64(value) · PRIME64, a NULL row adding
// PRIME64, written as 8 little-endian bytes; NULL over no rows. xxHash64(value) is XXH64 (seed 0) of the value's
// bytes: a varchar's UTF-8 or a varbinary's bytes, else of one 64-bit word: an integer, boolean (1/0), date (days),
// timestamp (epoch microseconds), short decimal (unscaled), double (its bits, -0 as 0) or real (its 32 bits).
// Other types (long decimals, zoned timestamps, arrays, maps, rows) fail rather than give another checksum.
import { BIGINT, BLOB, DOUBLE, DuckDBBlobValue, type DuckDBScalarFunction, FLOAT, UBIGINT, type DuckDBType } from '@duckdb/node-api';
import { xxhash64 } from './xxhash64.js';
import { shimFunction } from './scalar-udf.js';

const MASK = (1n << 64n) - 1n;
const PRIME64 = 0x9e3779b185ebca87n;

const hashOf = (bytes: Uint8Array) => new DataView(xxhash64(bytes).buffer).getBigUint64(0, false);

function wordBytes(value: bigint): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigInt64(0, BigInt.asIntN(64, value), true);
  return bytes;
}

function doubleBits(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x === 0 ? 0 : x);
  return view.getBigInt64(0);
}

function realBits(x: number): bigint {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, x);
  return BigInt(view.getInt32(0));
}

/** One row's addend: xxHash64 of the value's bytes times PRIME64, modulo 2^64. */
export const checksumTerm = (bytes: Uint8Array): bigint => (hashOf(bytes) * PRIME64) & MASK;

/** The checksum bytes of a sum of addends (taken modulo 2^64). */
export function checksumBytes(sum: bigint): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, sum & MASK, true);
  return bytes;
}

function termFunction(name: string, parameter: DuckDBType, bytes: (v: unknown) => Uint8Array): DuckDBScalarFunction {
  return shimFunction({
    name,
    returnType: UBIGINT,
    parameterTypes: [parameter],
    // NULL reaches the function: a NULL row adds PRIME64.
    specialHandling: true,
    mainFunction: (_info, input, output) => {
      const vector = input.getColumnVector(0);
      for (let row = 0; row < input.rowCount; row++) {
        const v = vector.getItem(row);
        output.setItem(row, v === null ? PRIME64 : checksumTerm(bytes(v)));
      }
      output.flush();
    },
  });
}

export function checksumUdfs(): DuckDBScalarFunction[] {
  return [
    termFunction('trino_checksum_word', BIGINT, (v) => wordBytes(BigInt(v as bigint | number))),
    termFunction('trino_checksum_double', DOUBLE, (v) => wordBytes(doubleBits(Number(v)))),
    termFunction('trino_checksum_real', FLOAT, (v) => wordBytes(realBits(Number(v)))),
    termFunction('trino_checksum_bytes', BLOB, (v) => (v instanceof DuckDBBlobValue ? v.bytes : new Uint8Array())),
    shimFunction({
      name: 'trino_checksum_result',
      returnType: BLOB,
      parameterTypes: [UBIGINT],
      mainFunction: (_info, input, output) => {
        const vector = input.getColumnVector(0);
        for (let row = 0; row < input.rowCount; row++) {
          const v = vector.getItem(row);
          output.setItem(row, v === null ? null : new DuckDBBlobValue(checksumBytes(BigInt(v as bigint))));
        }
        output.flush();
      },
    }),
  ];
}

const unsupported = `trino_fail('checksum() of this type is not computed locally: Athena hashes it in its own binary layout')`;

/**
 * `trino_checksum_term(x)`: one row's addend by the value's type (NULL adds PRIME64, inside the UDFs). Doubles, reals
 * and decimals take the untyped overload: a DOUBLE parameter would also catch decimals, and a DECIMAL one casts its
 * argument to DECIMAL(18,3). Every branch is UBIGINT, so the typeof CASE loses nothing; the branches go through the
 * value's text (exact for these types) so that they bind for any type (an array fails with the refusal).
 */
export const CHECKSUM_MACROS: readonly string[] = [
  `trino_checksum_term(x BIGINT) AS trino_checksum_word(x),
     (x BOOLEAN) AS trino_checksum_word(CAST(x AS BIGINT)),
     (x DATE) AS trino_checksum_word(CAST(date_diff('day', DATE '1970-01-01', x) AS BIGINT)),
     (x TIMESTAMP) AS trino_checksum_word(epoch_us(x)),
     (x VARCHAR) AS trino_checksum_bytes(encode(x)),
     (x BLOB) AS trino_checksum_bytes(x),
     (x) AS CASE WHEN typeof(x) = 'DOUBLE' THEN trino_checksum_double(CAST(CAST(x AS VARCHAR) AS DOUBLE))
       WHEN typeof(x) = 'FLOAT' THEN trino_checksum_real(CAST(CAST(x AS VARCHAR) AS FLOAT))
       WHEN regexp_matches(typeof(x), '^DECIMAL\\(([1-9]|1[0-8]),') THEN trino_checksum_word(CAST(replace(CAST(x AS VARCHAR), '.', '') AS BIGINT))
       ELSE cast_to_type(${unsupported}, 0::UBIGINT) END`,
];
