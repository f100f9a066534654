// Functions the local engine failed or refused where Trino 476 answers (issue 15's "Loud only" list, eighth pass):
// each value and type, or error, is the shared Trino 476's.
import { describeFunctions } from './harness.js';

describeFunctions(
  'from_base reads digits as Java does',
  [
    // Long.parseLong reads Character.digit: every decimal digit of the Basic Multilingual Plane and fullwidth letters.
    ['Arabic-Indic digits', "from_base('-١٢', 10)", -12, 'bigint'],
    ['fullwidth letters', "from_base('ＦＦ', 16)", 255, 'bigint'],
    ['a fullwidth letter beside an Arabic-Indic digit', "from_base('ｆ٣', 16)", 243, 'bigint'],
    ['fullwidth digit and letter in base 36', "from_base('+０x', 36)", 33, 'bigint'],
    ['Limbu and NKo digits', "from_base('᥆', 10) * 10 + from_base('߁', 10)", 1, 'bigint'],
  ],
  [
    ['a digit past U+FFFF (two UTF-16 units)', "from_base('𑁦', 10)", /Not a valid base-10 number: 𑁦/],
    ['a superscript is no digit', "from_base('²', 10)", /Not a valid base-10 number: ²/],
    ['a non-ASCII digit outside the radix', "from_base('٣', 3)", /Not a valid base-3 number: ٣/],
    ['a fullwidth letter outside the radix', "from_base('Ｇ', 16)", /Not a valid base-16 number: Ｇ/],
  ],
);
