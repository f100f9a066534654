// Binary functions take varbinary only (https://trino.io/docs/current/functions/binary.html: md5(binary) → varbinary,
// to_hex(binary) → varchar, …). Trino 476 fails md5('abc'), to_hex(255) and to_hex(varchar_col) with FUNCTION_NOT_FOUND
// "Unexpected parameters (integer) for function to_hex. Expected: to_hex(varbinary)"; DuckDB cast the varchar to a
// blob and hex() took the integer, so they answered (found by the third hunt, docs/issue-15-audit.md).
import { describeFunctions } from './harness.js';

describeFunctions(
  'varbinary arguments',
  [
    ['md5 of bytes', "to_hex(md5(to_utf8('abc')))", '900150983CD24FB0D6963F7D28E17F72', 'varchar'],
    ['to_hex of a varbinary column', "to_hex(x) FROM (VALUES X'0102') t(x)", '0102', 'varchar'],
    ['to_hex of an aggregate', "to_hex(max(x)) FROM (VALUES X'0102') t(x)", '0102', 'varchar'],
    ['hmac of two varbinaries', "to_hex(hmac_md5(to_utf8('a'), to_utf8('k')))", 'DDCF3D210049E7135F61AFFAE73731CD', 'varchar'],
    ['to_hex of NULL', 'to_hex(NULL)', null, 'varchar'],
    ['md5 of NULL', 'md5(NULL)', null, 'varbinary'],
    ['crc32 of bytes', "crc32(to_utf8('abc'))", 891568578, 'bigint'],
  ],
  [
    ['to_hex of an integer', 'to_hex(255)', /^Unexpected parameters \(integer\) for function to_hex\. Expected: to_hex\(varbinary\)/],
    ['to_hex of a varchar column', "to_hex(x) FROM (VALUES 'ab') t(x)", /Unexpected parameters \(varchar\) for function to_hex/],
    ['to_hex of an aggregated varchar', "to_hex(max(x)) FROM (VALUES 'ab') t(x)", /Unexpected parameters \(varchar\) for function to_hex/],
    ['md5 of a varchar', "md5('abc')", /trino_md5\(VARCHAR\)|Unexpected parameters/],
    ['crc32 of a varchar column', "crc32(x) FROM (VALUES 'abc') t(x)", /trino_crc32\(VARCHAR\)|Unexpected parameters/],
  ],
);
