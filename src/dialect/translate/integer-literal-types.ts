// Integer literals among values that meet in one type: Trino types `0` as integer (bigint past the int range), so
// `coalesce(tinyint_x, 0)`, `CASE … THEN tinyint_x ELSE 0 END`, `if(c, smallint_x, 0)`, `lag(tinyint_x, 1, 0)` and
// `VALUES TINYINT '1', 2` are integers in Trino 476. DuckDB's integer literal takes the narrowest type its value fits
// beside the other values (a tinyint for 0 to 127, a smallint up to 32767): the same values, another type (hunt40).
// As ARRAY[…] does (expressions.ts renderArray), such a literal is cast to INTEGER where the values are not all
// integer literals (which DuckDB already types integer together).

/** A rendered bare integer literal of the int range (`0`, ` 127 `); a negative one is DuckDB's negation: an integer. */
const BARE_INTEGER = /^(\s*)(\d+)(\s*)$/;
const NULL_LITERAL = /^\s*NULL\s*$/i;

const isIntegerLiteral = (text: string): boolean => {
  const m = BARE_INTEGER.exec(text);
  return m !== null && Number(m[2]) <= 2147483647;
};

/**
 * `texts` (rendered values that meet in one type) with each bare integer literal cast to INTEGER, unless every value
 * is an integer literal or NULL (their type is integer already).
 */
export function typedIntegerLiterals(texts: readonly string[]): string[] {
  if (!texts.some(isIntegerLiteral) || texts.every((t) => isIntegerLiteral(t) || NULL_LITERAL.test(t))) return [...texts];
  return texts.map((t) => (isIntegerLiteral(t) ? t.replace(BARE_INTEGER, '$1CAST($2 AS INTEGER)$3') : t));
}

/**
 * The argument positions of calls whose values meet in one type: coalesce's every argument (undefined), if's two
 * results, lag's and lead's value and default, array_remove's array and element (its macro casts the elements to
 * their common type with the element).
 */
export const MEETING_ARGUMENTS: Readonly<Record<string, readonly number[] | undefined>> = {
  coalesce: undefined,
  if: [1, 2],
  lag: [0, 2],
  lead: [0, 2],
  array_remove: [0, 1],
};
