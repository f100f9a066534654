// Binary functions and hashes (https://trino.io/docs/current/functions/binary.html): varbinary in, varbinary out.
import { builtin, bytesShim, refused, shim, type FunctionFamily } from './entry.js';

const BASE32 = refused('base32 is not implemented locally', 'to_base64(b) / from_base64(s), or to_hex(b) / from_hex(s)');

export const BINARY: FunctionFamily = {
  to_hex: bytesShim('trino_to_hex', '1', 'upper-case hex of the bytes'),
  from_hex: shim('trino_from_hex', '1', 'an odd number of hex digits fails'),
  to_base64: builtin('to_base64', '1'),
  from_base64: shim('trino_from_base64', '1', 'Java’s decoder: the padding may be left out; = only at the end'),
  to_base64url: bytesShim('trino_to_base64url', '1'),
  from_base64url: shim('trino_from_base64url', '1'),
  to_base32: BASE32,
  from_base32: BASE32,
  md5: bytesShim('trino_md5', '1', 'varbinary (DuckDB md5() gives hex text)'),
  sha1: bytesShim('trino_sha1', '1', 'varbinary'),
  sha256: bytesShim('trino_sha256', '1', 'varbinary (DuckDB sha256() gives hex text)'),
  sha512: bytesShim('trino_sha512', '1', 'varbinary'),
  hmac_md5: bytesShim('trino_hmac_md5', '2'),
  hmac_sha1: bytesShim('trino_hmac_sha1', '2'),
  hmac_sha256: bytesShim('trino_hmac_sha256', '2'),
  hmac_sha512: bytesShim('trino_hmac_sha512', '2'),
  crc32: bytesShim('trino_crc32', '1', 'bigint'),
  xxhash64: bytesShim('trino_xxhash64', '1', 'varbinary of the 8-byte hash'),
  murmur3: bytesShim('trino_murmur3', '1', 'MurmurHash3 x64 128-bit, seed 0: the two halves little-endian'),
  spooky_hash_v2_32: bytesShim('trino_spooky_hash_v2_32', '1', 'SpookyHash V2, seed 0: the low 32 bits, big-endian'),
  spooky_hash_v2_64: bytesShim('trino_spooky_hash_v2_64', '1', 'SpookyHash V2, seed 0, big-endian'),
  from_big_endian_32: bytesShim('trino_from_big_endian_32', '1', '4 bytes as a signed integer; another length fails'),
  from_big_endian_64: bytesShim('trino_from_big_endian_64', '1', '8 bytes as a signed bigint; another length fails'),
  to_big_endian_32: shim('trino_to_big_endian_32', '1', 'the integer’s 4 bytes, big-endian'),
  to_big_endian_64: shim('trino_to_big_endian_64', '1', 'the bigint’s 8 bytes, big-endian'),
  from_ieee754_32: shim('trino_from_ieee754_32', '1', '4 bytes as a real; another length fails'),
  from_ieee754_64: shim('trino_from_ieee754_64', '1', '8 bytes as a double; another length fails'),
  to_ieee754_32: shim('trino_to_ieee754_32', '1', 'the real’s 4 bytes, big-endian'),
  to_ieee754_64: shim('trino_to_ieee754_64', '1', 'the double’s 8 bytes, big-endian'),
};
