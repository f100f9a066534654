// Macros for string functions whose DuckDB built-in answers differently at an edge Trino 476 defines
// (https://trino.io/docs/current/functions/string.html): letter case, padding lengths, replacing the empty string and
// code points. Each edge was found by asking Trino 476 and the local engine the same query
// (tests/dialect/functions/string-edges.test.ts).

/** `trino_fail(message)` typed like `witness`, for errors Trino raises. */
const fail = (message: string, witness: string) => `cast_to_type(trino_fail('${message}'), ${witness})`;

/**
 * Trino maps case code point by code point with Java's Character.toUpperCase / toLowerCase (Unicode 16 on Trino
 * 476's Java 24). DuckDB's tables are older: these lower-case letters of Unicode 16 keep their case locally, paired
 * with their upper-case letters in the same order.
 */
const UNICODE_16_LOWER = ['\u019b', '\u0264', '\u1c8a', '\ua7cd', '\ua7db', ...range(0x10d70, 22)].join('');
const UNICODE_16_UPPER = ['\ua7dc', '\ua7cb', '\u1c89', '\ua7cc', '\ua7da', ...range(0x10d50, 22)].join('');

function range(from: number, count: number): string[] {
  return Array.from({ length: count }, (_v, i) => String.fromCodePoint(from + i));
}

const padding = (builtin: 'lpad' | 'rpad') =>
  `trino_${builtin}(s, n, p) AS CASE WHEN s IS NULL OR p IS NULL THEN NULL
     WHEN n < 0 OR n > 2147483647 THEN ${fail('Target length must be in the range [0..2147483647]', "''")}
     WHEN p = '' THEN ${fail('Padding string must not be empty', "''")}
     ELSE ${builtin}(s, CAST(n AS INTEGER), p) END,
   (s BLOB, n, p BLOB) AS CASE WHEN s IS NULL OR p IS NULL THEN NULL
     WHEN n < 0 OR n > 2147483647 THEN ${fail('Target length must be in the range [0..2147483647]', "''::BLOB")}
     WHEN octet_length(p) = 0 THEN ${fail('Padding bytes must not be empty', "''::BLOB")}
     ELSE unhex(${builtin}(hex(s), CAST(2 * n AS INTEGER), hex(p))) END`;

export const STRING_MACROS: readonly string[] = [
  // The pattern of `s LIKE p ESCAPE e` with a pattern or escape that is not a literal (translate/like-escape.ts): Trino
  // 476 fails where e is not one UTF-16 unit or where e is followed by anything but '%', '_' or e (or ends p), unless
  // s, p or e is NULL; DuckDB accepted '' as no escape and read `#b` as `b`. A literal escape makes the regular
  // expression a constant, compiled once.
  `trino_like_pattern(s, p, e) AS CASE WHEN s IS NULL OR p IS NULL OR e IS NULL THEN p
     WHEN length(e) <> 1 OR unicode(e) > 65535 THEN trino_fail_as('Escape string must be a single character', p)
     WHEN regexp_full_match(p, '(?s)(?:[^' || regexp_escape(e) || ']|' || regexp_escape(e) || '[%_' || regexp_escape(e) || '])*') THEN p
     ELSE trino_fail_as('Escape character must be followed by ''%'', ''_'' or the escape character itself', p) END`,
  // DuckDB upper-cases ß to ẞ (U+1E9E); Java's Character.toUpperCase keeps ß (its upper case is two letters, SS).
  `trino_upper(s) AS translate(CASE WHEN contains(s, '\u00df')
       THEN array_to_string(list_transform(string_split(s, '\u00df'), lambda trino_part: upper(trino_part)), '\u00df')
       ELSE upper(s) END, '${UNICODE_16_LOWER}', '${UNICODE_16_UPPER}')`,
  `trino_lower(s) AS translate(lower(s), '${UNICODE_16_UPPER}', '${UNICODE_16_LOWER}')`,
  // DuckDB pads to an empty string below 0; Trino fails (the length is a bigint there, checked against the int range).
  // Bytes (Trino 476: lpad(X'0102', 5, X'09') is 0909090102, rpad(X'0102', 5, X'0908') 0102090809, a shorter length
  // keeps the first bytes; DuckDB has no lpad of a BLOB) are padded as their hex text: two digits a byte, so the
  // padding's cycle and the cut fall between bytes. Both the value and the padding must be bytes, as in Trino.
  padding('lpad'),
  padding('rpad'),
  // Trino inserts the replacement before every code point and at the end when the search string is empty
  // (replace('ab', '', '-') is '-a-b-'); DuckDB returns the string unchanged. regexp_replace's empty matches, one per
  // code point and one at the end, with the replacement's backslashes escaped (RE2 reads `\1` as a group): DuckDB's
  // array_to_string takes only a constant separator ("Separator argument to StringAgg must be a constant", a column r).
  `trino_replace(s, search) AS replace(s, search, ''),
     (s, search, r) AS CASE WHEN search = '' THEN regexp_replace(s, '', replace(r, '\\', '\\\\'), 'g')
       ELSE replace(s, search, r) END`,
  // codepoint takes a varchar(1): '' and longer literals fail in Trino (DuckDB's unicode gives -1, or the first one).
  `trino_codepoint(s) AS CASE WHEN length(s) <> 1 THEN ${fail('Input string must be a single character string', '0::INTEGER')}
     ELSE unicode(s) END`,
];
