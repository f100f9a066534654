// to_base32 / from_base32 as Trino 476 answers them (Guava's BaseEncoding.base32()): values, types and errors asked
// of the shared Trino 476. They were refused locally before ("base32 is not implemented locally").
import { describeFunctions } from './harness.js';

describeFunctions(
  'to_base32 and from_base32',
  [
    ['the documented round trip', "to_base32(CAST('hello' AS varbinary))", 'NBSWY3DP', 'varchar'],
    ['padding to a block of 8', "to_base32(X'FF')", '74======', 'varchar'],
    ['four bytes', "to_base32(X'FFFFFFFF')", '777777Y=', 'varchar'],
    ['five bytes need no padding', "to_base32(X'FFFFFFFFFF')", '77777777', 'varchar'],
    ['no bytes', "to_base32(X'')", '', 'varchar'],
    ['over a column', "to_base32(b) FROM (VALUES X'0102030405060708') t(b)", 'AEBAGBAFAYDQQ===', 'varchar'],
    ['NULL', 'to_base32(b) FROM (VALUES CAST(NULL AS varbinary)) t(b)', null, 'varchar'],
    ['decoding text', "from_base32('NBSWY3DP')", '68656c6c6f', 'varbinary'],
    ['decoding varbinary', "from_base32(CAST('NBSWY3DP' AS varbinary))", '68656c6c6f', 'varbinary'],
    ['the padding may be left out', "from_base32('NBSWY3D')", '68656c6c', 'varbinary'],
    ['more padding than needed', "from_base32('NBSWY3DP=')", '68656c6c6f', 'varbinary'],
    ['bits left over are dropped', "from_base32(s) FROM (VALUES 'NC') t(s)", '68', 'varbinary'],
    ['empty text', "from_base32('')", '', 'varbinary'],
    ['NULL text', 'from_base32(s) FROM (VALUES CAST(NULL AS varchar)) t(s)', null, 'varbinary'],
  ],
  [
    ['a length no whole bytes end at', "from_base32(s) FROM (VALUES 'NBS') t(s)", /Invalid input length 3/],
    ['a space counts in the length', "from_base32(s) FROM (VALUES 'NB ') t(s)", /Invalid input length 3/],
    ['lower case is not the alphabet', "from_base32(s) FROM (VALUES 'nbswy3dp') t(s)", /Unrecognized character: n/],
    ['padding inside', "from_base32(s) FROM (VALUES 'NB=SWY3D') t(s)", /Unrecognized character: =/],
  ],
);
