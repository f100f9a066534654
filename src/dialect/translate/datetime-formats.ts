// Date format patterns → DuckDB strftime/strptime patterns. Trino's date_format/date_parse take MySQL codes
// (%i is minutes, %s seconds); format_datetime/parse_datetime take Joda (Java) patterns.

import { JODA_LETTERS, jodaTokens, MYSQL_UNSUPPORTED } from '../shims/datetime-pattern-text.js';

export class FormatPatternError extends Error {}

const MYSQL_FORMAT: Record<string, string> = {
  a: '%a',
  b: '%b',
  c: '%-m',
  d: '%d',
  e: '%-d',
  f: '%f',
  H: '%H',
  h: '%I',
  I: '%I',
  i: '%M',
  j: '%j',
  k: '%-H',
  l: '%-I',
  M: '%B',
  m: '%m',
  p: '%p',
  r: '%I:%M:%S %p',
  S: '%S',
  s: '%S',
  T: '%H:%M:%S',
  v: '%V',
  W: '%A',
  x: '%G',
  Y: '%Y',
  y: '%y',
  '%': '%%',
};
// strptime reads 1- or 2-digit fields with the padded codes.
const MYSQL_PARSE: Record<string, string> = { ...MYSQL_FORMAT, c: '%m', e: '%d', k: '%H', l: '%I' };

/**
 * `pattern` with each MySQL code (`%` and the character after it, or nothing at the end) replaced by `codeText`'s
 * answer; other characters are kept. `codeText` answering null ends the pattern there.
 */
function replaceMysqlCodes(pattern: string, codeText: (code: string | undefined) => string | null): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c !== '%') {
      out += c;
      continue;
    }
    const text = codeText(pattern[++i]);
    if (text === null) break;
    out += text;
  }
  return out;
}

function fromMysql(pattern: string, table: Record<string, string>): string {
  return replaceMysqlCodes(pattern, (code) => {
    const mapped = code === undefined ? undefined : table[code];
    if (mapped === undefined) throw new FormatPatternError(`MySQL format code %${code ?? ''} has no local equivalent`);
    return mapped;
  });
}

/**
 * date_format's pattern as strftime's. Trino 476 writes any other character after % as itself ('%Q' is Q, '%-' -)
 * and drops a trailing %; %D %U %u %V %w %X fail ("%D not supported in date format string"), as does a lone '%'.
 */
export function mysqlToStrftime(pattern: string): string {
  if (pattern === '' || pattern === '%') throw new FormatPatternError(`the format '${pattern}' fails on Athena (Both printing and parsing not supported)`);
  return replaceMysqlCodes(pattern, (code) => {
    if (code === undefined) return null;
    if (MYSQL_UNSUPPORTED.has(code)) throw new FormatPatternError(`%${code} fails on Athena (not supported in date format string)`);
    return MYSQL_FORMAT[code] ?? code;
  });
}

/**
 * The rows strftime writes as Trino 476 does for every code: years 1678 to 2261. A TIMESTAMP_S (timestamp(0))
 * outside them fails DuckDB's conversion to nanoseconds ("Could not convert Timestamp(US) to Timestamp(NS)"), and years
 * before 1 or after 9999 come out otherwise (-5 for -0005, an ISO week-year of 7290); Joda's 'y' and 'yyy' write a
 * year before 1000 unpadded. Other rows go to the JavaScript formatter (shims/datetime-pattern-text.ts).
 */
const STRFTIME_ROWS = (v: string) => `${v} >= TIMESTAMP '1678-01-01' AND ${v} < TIMESTAMP '2262-01-01'`;
/** A column or a literal, which may be named twice; anything else is named once, as a lambda's parameter. */
const NAMED_TWICE =
  /^(?:"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_.]*|'(?:[^']|'')*'|(?:TIMESTAMP|DATE)\s+'(?:[^']|'')*'|CAST\((?:TIMESTAMP|DATE)\s+'(?:[^']|'')*' AS TIMESTAMP(?:_[A-Z]+)?\))$/i;

/**
 * SQL writing `value` (a wall clock: DATE, TIMESTAMP or TIMESTAMP_S) with strftime's `strftime` pattern where that is
 * Trino's text, else with `udf` (trino_mysql_text, trino_joda_text) and Trino's own `pattern`. `value` is the wall
 * expression of the operand `operand`: named twice when the operand is a column or a literal, else once, in a lambda.
 * trino_format_result (the identity) names the result as text for the NaN and nested-type checks.
 */
export function datetimeText(value: string, operand: string, strftime: string | undefined, udf: string, pattern: string): string {
  const quoted = (s: string) => `'${s.replaceAll("'", "''")}'`;
  if (strftime === undefined) return `trino_format_result(${udf}(${value}, ${quoted(pattern)}))`;
  const text = (v: string) => `CASE WHEN ${STRFTIME_ROWS(v)} THEN strftime(${v}, ${quoted(strftime)}) ELSE ${udf}(${v}, ${quoted(pattern)}) END`;
  return NAMED_TWICE.test(operand.trim())
    ? `trino_format_result(${text(value)})`
    : `trino_format_result(list_transform([${value}], lambda trino_v: ${text('trino_v')})[1])`;
}

/** A piece of a format_datetime pattern: the zone offset (Z, ZZ) or text, with strftime's pattern when it has one. */
export type JodaPiece = { kind: 'offset'; colon: boolean } | { kind: 'text'; joda: string; strftime?: string };

/**
 * format_datetime's pattern in pieces. A run of letters strftime writes as Joda does (JODA, PADDED_RUNS, SSS) keeps a
 * strftime pattern; any other (K k e C x w G, S other than SSS, numbers padded past their code's width) leaves its
 * piece to trino_joda_text. Zone ids and names (ZZZ, z) are refused, and a letter Joda lacks fails on Athena.
 */
export function jodaFormatPieces(pattern: string): JodaPiece[] {
  if (pattern === '') throw new FormatPatternError('an empty pattern fails on Athena (Invalid pattern specification: Pattern is null or empty)');
  const pieces: JodaPiece[] = [];
  let joda = '';
  let strftime: string | undefined = '';
  const flush = () => {
    if (joda !== '') pieces.push({ kind: 'text', joda, ...(strftime === undefined ? {} : { strftime }) });
    joda = '';
    strftime = '';
  };
  for (const token of jodaTokens(pattern)) {
    if (token.kind === 'text') {
      joda += `'${token.text.replaceAll("'", "''")}'`;
      if (strftime !== undefined) strftime += token.text.replaceAll('%', '%%');
      continue;
    }
    const { letter: c, run } = token;
    if (c === 'Z' && run <= 2) {
      flush();
      pieces.push({ kind: 'offset', colon: run === 2 });
      continue;
    }
    if (c === 'Z')
      throw new FormatPatternError(
        `Joda '${c.repeat(run)}' writes the zone's Joda id on Athena (US/Pacific as America/Los_Angeles), which the local engine cannot`,
      );
    if (c === 'z')
      throw new FormatPatternError(`Joda '${c.repeat(run)}' writes the zone's Java name on Athena (IST, India Standard Time), which the local engine cannot`);
    if (!JODA_LETTERS.has(c)) throw new FormatPatternError(`Joda pattern letter '${c}' fails on Athena (Illegal pattern component: ${c.repeat(run)})`);
    joda += c.repeat(run);
    const choices = JODA[c];
    const strftimeWrites = choices && (c !== 'S' || run === 3) && (!PADDED_RUNS[c] || PADDED_RUNS[c].includes(run));
    if (strftime !== undefined) strftime = strftimeWrites ? strftime + choices[Math.min(run, choices.length) - 1] : undefined;
  }
  flush();
  return pieces;
}
/**
 * date_parse's pattern as strptime's. As in date_format, Trino 476 reads another character after % as itself
 * (date_parse('2024Q', '%Y%Q') is 2024-01-01) and drops a trailing %; %D %U %u %V %w %X, '' and '%' fail.
 */
export function mysqlToStrptime(pattern: string): string {
  if (pattern === '' || pattern === '%') throw new FormatPatternError(`the format '${pattern}' fails on Athena (Both printing and parsing not supported)`);
  let written = '';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== '%') {
      written += pattern[i];
      continue;
    }
    const code = pattern[++i];
    if (code === undefined) break;
    if (MYSQL_UNSUPPORTED.has(code)) throw new FormatPatternError(`%${code} fails on Athena (not supported in date format string)`);
    written += MYSQL_PARSE[code] === undefined ? code : `%${code}`;
  }
  return withoutLoneWeekday(fromMysql(written, MYSQL_PARSE));
}

/**
 * A parse pattern with a weekday but no day of the month or of the year is refused: Joda then picks a date from the
 * weekday (Trino 476: date_parse('Mon 10', '%a %H') is 2000-12-25 10:00), strptime ignores it (1970-01-01).
 */
function withoutLoneWeekday(strptimePattern: string): string {
  const codes = strptimePattern.replaceAll('%%', '');
  // Joda sets the hour of the day after the half day, so the hour wins: Trino 476 reads date_parse('2024-02-29 03:00
  // PM', '%Y-%m-%d %H:%i %p') as 03:00 and '… 12:00 AM' as 12:00 (parse_datetime's HH with a alike); strptime moves the
  // hour by the marker (15:00, 00:00) or fails (13:00 PM).
  if (/%-?H/.test(codes) && /%p/.test(codes)) {
    throw new FormatPatternError(
      'a 24-hour field (%H, %k, %T, HH) with AM/PM (%p, a) keeps the hour as written on Athena (03:00 PM is 03:00); use %h/%l/%r or hh',
    );
  }
  if (/%[aA]/.test(codes) && !/%-?[dj]/.test(codes)) {
    throw new FormatPatternError('a weekday without a day of the month is read as another date on Athena; parse a date with it (%d or %j)');
  }
  return strptimePattern;
}

// Joda letters by run length; a run longer than listed uses the longest entry.
const JODA: Record<string, string[]> = {
  y: ['%Y', '%y', '%Y', '%Y'],
  Y: ['%Y', '%y', '%Y', '%Y'],
  M: ['%-m', '%m', '%b', '%B'],
  d: ['%-d', '%d'],
  H: ['%-H', '%H'],
  h: ['%-I', '%I'],
  m: ['%-M', '%M'],
  s: ['%-S', '%S'],
  S: ['%g', '%g', '%g'],
  a: ['%p'],
  E: ['%a', '%a', '%a', '%A'],
  D: ['%-j', '%-j', '%j'],
};

/**
 * Joda pads a number to the length of its run ('ddd' is 005, 'yyyyy' 02025, 'DD' 05 in Trino 476); strftime pads to
 * its code's own width. The runs whose padding strftime has (format_datetime leaves the others to trino_joda_text).
 */
const PADDED_RUNS: Record<string, readonly number[]> = { y: [1, 2, 3, 4], Y: [1, 2, 3, 4], d: [1, 2], H: [1, 2], h: [1, 2], m: [1, 2], s: [1, 2], D: [1, 3] };

/** parse_datetime's Joda pattern as strptime's (format_datetime's is jodaFormatPieces). */
export function jodaToStrptime(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) out += "'";
      else out += pattern.slice(i + 1, end < 0 ? undefined : end).replaceAll('%', '%%');
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c === '%' ? '%%' : c;
      i++;
      continue;
    }
    let run = 1;
    while (pattern[i + run] === c) run++;
    const choices = JODA[c];
    if (!choices) throw new FormatPatternError(`Joda pattern letter '${c}' has no local equivalent`);
    if (c === 'S' && run !== 3) throw new FormatPatternError(`Joda fraction 'S' x${run}: only SSS (milliseconds) is supported`);
    const code = choices[Math.min(run, choices.length) - 1].replace('%-', '%');
    out += code;
    i += run;
  }
  return withoutLoneWeekday(out);
}

/**
 * strptime(input, pattern) with Trino's default year: Trino parses with Joda, where a field the pattern lacks keeps
 * its value in 1970-01-01T00:00, except the year when the pattern has a month or a day: Joda's default year, which
 * Trino sets to 2000 (`date_parse('12-25', '%m-%d')` is 2000-12-25, `date_parse('10:30', '%H:%i')` is 1970-01-01
 * 10:30, both checked on Trino 476 by the differential oracle); strptime would give 1900. `pattern` is the strptime
 * pattern as a SQL string literal.
 */
/**
 * `twoDigitYearsFrom`: SQL for the first year a two-digit year (%y) reads as. DuckDB reads 1969 to 2068; Trino's
 * date_parse 1970 to 2069, parse_datetime's yy (Joda's pivot) the 100 years from 80 years before the current year
 * (1946 to 2045 in 2026; Trino 476).
 */
/**
 * `laterYearDigits`: the digits a year later in the pattern reads with its sign (Joda: date_parse's %Y 4, Trino 476
 * date_parse('02/03/-0005', '%m/%d/%Y') is -0005-02-03 and '01/02/12345' fails; parse_datetime's y/yyyy where no number
 * follows 9, parse_datetime('01/02/12345', 'MM/dd/yyyy') is +12345-01-02 UTC); 0 reads it as strptime does.
 */
export function strptimeCall(input: string, pattern: string, twoDigitYearsFrom = '1970', longYear = false, laterYearDigits = 0): string {
  // A bare NULL: Trino 476's date_parse(NULL, '%Y-%m-%d') is a timestamp(3) NULL (the text below would index NULL[1]).
  if (/^NULL$/i.test(input.trim())) return 'CAST(NULL AS TIMESTAMP)';
  const folded = caseFolded(pattern);
  const signed = pattern.startsWith("'%Y");
  const later = laterYearDigits > 0 && !signed && !folded ? laterYearPrefix(pattern) : undefined;
  return exactSpaces(input, pattern, (s) => {
    // `s < '0'` (one comparison of text) passes only text whose first character sorts before the digits: '+' and '-'.
    const unsigned = signed ? `CASE WHEN ${s} < '0' AND ${s}[1] IN ('-', '+') AND ${s}[2] BETWEEN '0' AND '9' THEN ${s}[2:] ELSE ${s} END` : s;
    const read = folded ? `lower(${unsigned})` : unsigned;
    const withDefaults = strptimeWithDefaults(read, folded ?? pattern, twoDigitYearsFrom);
    const reread =
      longYear && signed && !folded
        ? longYearRead(read, pattern, withDefaults)
        : later !== undefined
          ? longYearRead(read, pattern, withDefaults, later, laterYearDigits)
          : withDefaults;
    const parsed = dayOfYearChecked(s, reread, folded ?? pattern, read);
    return signed ? signedYear(s, parsed, longYear ? 9 : 4) : parsed;
  });
}

/** What each strptime code of a parse pattern reads, as RE2 (the text before a later year; laterYearPrefix). */
const CODE_TEXT: Record<string, string> = {
  m: '[0-9]{1,2}',
  d: '[0-9]{1,2}',
  H: '[0-9]{1,2}',
  I: '[0-9]{1,2}',
  M: '[0-9]{1,2}',
  S: '[0-9]{1,2}',
  y: '[0-9]{1,2}',
  j: '[0-9]{1,3}',
  f: '[0-9]+',
  g: '[0-9]+',
  b: '[A-Za-z]+',
  B: '[A-Za-z]+',
  a: '[A-Za-z]+',
  A: '[A-Za-z]+',
  p: '[A-Za-z]{2}',
  '%': '%',
};

/**
 * A strptime pattern (a SQL string literal) with one %Y after other fields and no number read right after it: RE2 for
 * the text before the year (as a SQL string literal's body), which strptime reads without the year's sign or digits
 * past four. Undefined for any other pattern.
 */
function laterYearPrefix(pattern: string): string | undefined {
  const body = pattern.slice(1, -1).replaceAll("''", "'");
  const pieces: string[] = body.match(/%.|[^%]/gs) ?? [];
  const at = pieces.indexOf('%Y');
  if (at <= 0 || pieces.lastIndexOf('%Y') !== at) return undefined;
  const next = pieces[at + 1];
  if (next !== undefined && (/^[0-9]$/.test(next) || (next.length === 2 && next !== '%%' && CODE_TEXT[next[1]]?.startsWith('[0-9]')))) return undefined;
  let prefix = '';
  for (const piece of pieces.slice(0, at)) {
    const text = piece.length === 2 ? CODE_TEXT[piece[1]] : piece.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
    if (text === undefined) return undefined;
    prefix += text;
  }
  return prefix.replaceAll("'", "''");
}

/**
 * A leading year of 5 to 9 digits (Trino 476: date_parse('12345-02-03', '%Y-%m-%d') is +12345-02-03, '0012345-02-03'
 * +12345-02-03; parse_datetime's yyyy alike), which strptime cannot read (four digits at most), or a year after
 * `prefix` (RE2 of the text before it; laterYearPrefix) with a sign or more than four of `digits` digits. Only the text
 * strptime fails on is read again, so the common case costs nothing more (try_strptime, and DuckDB's coalesce
 * evaluates its second argument for the NULL rows alone): the year becomes one of 2000–2399, which has the same
 * calendar (400 Gregorian years are 146097 days, whole weeks), and the parsed value is moved by the whole 400-year
 * cycles (the sign included). Text of any other shape goes to strptime again, which fails as before; a year past
 * DuckDB's range fails (Trino too, "long overflow", past 294247); a rebuilt text strptime cannot read fails naming the
 * text as written.
 */
function longYearRead(read: string, pattern: string, parsed: string, prefix = '', digits = 9): string {
  if (!parsed.startsWith(`strptime(${read}, `)) return parsed;
  const year = "CASE WHEN trino_y.sign = '-' THEN -1 ELSE 1 END * CAST(trino_y.y AS BIGINT)";
  const inCycle = `(2000 + (${year}) % 400 + CASE WHEN (${year}) % 400 < 0 THEN 400 ELSE 0 END)`;
  const again = `list_transform([${read}], lambda trino_r: CASE WHEN regexp_matches(trino_r, '^${prefix}[-+]?[0-9]{1,${digits}}([^0-9]|$)')
      AND NOT regexp_matches(trino_r, '^${prefix}[0-9]{1,4}([^0-9]|$)')
    THEN list_transform([regexp_extract(trino_r, '(?s)^(${prefix})([-+]?)([0-9]+)(.*)$', ['p', 'sign', 'y', 'rest'])], lambda trino_y:
      coalesce(try_strptime(trino_y.p || CAST(${inCycle} AS VARCHAR) || trino_y.rest, ${pattern}),
        cast_to_type(trino_fail('Cannot parse "' || trino_r || '": Invalid format, or a field out of its range'), NULL::TIMESTAMP))
      + to_years(CAST(${year} - ${inCycle} AS INTEGER)))[1]
    ELSE strptime(trino_r, ${pattern}) END)[1]`;
  return `coalesce(try_${parsed}, ${again})`;
}

/**
 * A year with a sign where the pattern starts with it (%Y, parse_datetime's y and yyyy): Joda reads a sign and up to
 * four digits there (Trino 476: date_parse('-0005-02-03', '%Y-%m-%d') is -0005-02-03, '-5' with '%Y' -0005-01-01,
 * '+2020' 2020-01-01; '-x' and '--5' fail), strptime no sign. The input is read without a sign followed by a digit; a
 * '-' then moves the parsed value back by
 * twice its year (the proleptic calendar's leap years are symmetric about year 0), the year's digits read from the text
 * so that the parsed value is named once.
 */
function signedYear(input: string, parsed: string, digits: number): string {
  return `(${parsed} - to_years(CASE WHEN ${input} < '0' AND ${input}[1] = '-' AND ${input}[2] BETWEEN '0' AND '9' THEN 2 * CAST(regexp_extract(${input}, '^-([0-9]{1,${digits}})', 1) AS INTEGER) ELSE 0 END))`;
}

/**
 * Joda matches a pattern's literal letters without regard to case (Trino 476: date_parse('2020t01', '%YT%m') is
 * 2020-01-01, parse_datetime('2020t01', 'yyyy''T''MM') alike), strptime with it. A pattern (a SQL string literal) whose
 * literal text holds a letter: the same pattern with its literal letters in lower case, and the input is read in lower
 * case (the names %b %B %a %A %p read are matched without case by strptime too); undefined for any other pattern, and
 * for literal text outside ASCII (DuckDB's lower and Java's case rules may differ there).
 */
function caseFolded(pattern: string): string | undefined {
  const body = pattern.slice(1, -1);
  const literal = body.replace(/%./g, '');
  if (!/[A-Za-z]/.test(literal) || /[^\x00-\x7f]/.test(literal)) return undefined;
  return `'${body.replace(/%.|[A-Z]/g, (piece) => (piece.length === 2 ? piece : piece.toLowerCase()))}'`;
}

/**
 * A day of the year (%j, D) of 366 in a year that is not a leap year: Joda fails (Trino 476: date_parse('2023 366',
 * '%Y %j') "Cannot parse "2023 366": Value 366 for dayOfYear must be in the range [1,365]"), strptime rolls over to
 * the next 1 January. The input is read again with the day of the year as a fraction of a second (%f: '366' is
 * .366000, '1' .100000, '001' .001000), which gives the number and the year as written.
 */
function dayOfYearChecked(input: string, parsed: string, pattern: string, read = input): string {
  const codes = pattern.replaceAll('%%', '');
  if (!/%j/.test(codes)) return parsed;
  if (/%[fg]/.test(codes)) throw new FormatPatternError('a day of the year (%j, D) beside a fraction of a second is not checked locally');
  const asFraction = pattern.replace(/%(.)/g, (code, c: string) => (c === 'j' ? '%f' : code));
  const written = `try_strptime(${read}, ${asFraction})`;
  const year = /%[Yy]/.test(codes) ? `year(${written})` : '2000';
  return `CASE WHEN microsecond(${written}) = 366000 AND dayofyear(make_date(${year}, 12, 31)) = 365 THEN cast_to_type(trino_fail('Cannot parse "' || ${input} || '": Value 366 for dayOfYear must be in the range [1,365]'), CAST(NULL AS TIMESTAMP)) ELSE ${parsed} END`;
}

function strptimeWithDefaults(input: string, pattern: string, twoDigitYearsFrom: string): string {
  const codes = pattern.replaceAll('%%', '');
  if (/%-?I/.test(codes) && !/%p/.test(codes)) return `trino_morning_hour(${strptimeWithYear(input, pattern, codes, twoDigitYearsFrom)})`;
  return strptimeWithYear(input, pattern, codes, twoDigitYearsFrom);
}

function strptimeWithYear(input: string, pattern: string, codes: string, twoDigitYearsFrom: string): string {
  if (/%y/.test(codes) && !/%[YG]/.test(codes)) return `trino_year_pivot(strptime(${input}, ${pattern}), ${twoDigitYearsFrom})`;
  if (/%[YyG]/.test(codes)) return `strptime(${input}, ${pattern})`;
  const year = /%[mbBdej]/.test(codes) ? 2000 : 1970;
  return `strptime('${year} ' || (${input}), '%Y ' || ${pattern})`;
}

/** The white space strptime skips (C's isspace), as an RE2 class body; Joda (Trino) matches each literal one exactly. */
const SPACE = ' \\t\\n\\v\\f\\r';
/** Each white space character as RE2 matches exactly it. */
const RE2_SPACE: Record<string, string> = { ' ': ' ', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r' };
/** A column or a literal, which may be named twice; anything else is named once, as a lambda's parameter. */
const SIMPLE_INPUT = /^(?:"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_.]*|'(?:[^']|'')*')$/;

/**
 * strptime skips any run of white space where the pattern has one, and before and after the input; Joda matches the
 * pattern's literal spaces exactly (Trino 476: date_parse(' 2025-01-05', '%Y-%m-%d') and '2025-01-05  13:02' with one
 * space in the pattern fail "Invalid format"). Month and weekday names hold no space, so the input must be runs of
 * other characters between exactly the pattern's white space: '%Y-%m-%d %H:%i' gives the RE2 `[^\s]* [^\s]*`
 * (a full match is a third of the cost of counting the spaces with regexp_replace).
 */
/**
 * A parse pattern with a weekday (%a, %A): Joda (Trino 476) moves the date to the named weekday of its ISO week
 * (date_parse('Mon 2025-01-05', '%a %Y-%m-%d') is 2024-12-30), strptime ignores the name. So the date becomes the day
 * of its Monday-to-Sunday week whose name the text holds (its own when it does).
 */
function weekdayChecked(input: string, parsed: string, pattern: string): string {
  const codes = pattern.replaceAll('%%', '');
  const code = /%A/.test(codes) ? '%A' : /%a/.test(codes) ? '%a' : undefined;
  if (!code) return parsed;
  const day = (k: string) => `trino_t + to_days(${k} - isodow(trino_t))`;
  const named = `list_filter(range(1, 8), lambda trino_k: contains(lower(${input}), lower(strftime(${day('trino_k')}, '${code}'))))`;
  return `list_transform([${parsed}], lambda trino_t: CASE WHEN trino_t IS NULL OR contains(lower(${input}), lower(strftime(trino_t, '${code}'))) THEN trino_t
    ELSE coalesce(${day(`${named}[1]`)}, trino_t) END)[1]`;
}

function exactSpaces(input: string, pattern: string, parse: (s: string) => string): string {
  const literal = pattern.slice(1, -1).replaceAll("''", "'").replace(/%./g, 'x');
  let skeleton = '';
  for (const ch of literal) {
    const part = RE2_SPACE[ch] ?? `[^${SPACE}]*`;
    if (RE2_SPACE[ch] || !skeleton.endsWith(part)) skeleton += part;
  }
  const checked = (s: string) =>
    `CASE WHEN NOT regexp_full_match(${s}, '${skeleton.replaceAll("'", "''")}') THEN cast_to_type(trino_fail('Invalid format: "' || ${s} || '"'), CAST(NULL AS TIMESTAMP)) ELSE ${weekdayChecked(s, parse(s), pattern)} END`;
  return SIMPLE_INPUT.test(input.trim()) ? checked(input) : `list_transform([${input}], lambda trino_s: ${checked('trino_s')})[1]`;
}
