// Trino function calls → DuckDB: renames to built-ins or `trino_*` shims (src/dialect/shims), and rewrites of calls
// whose syntax differs (CAST with Trino types, EXTRACT, lambdas in reduce, format patterns, 2-argument IF).
import { zoneKeyArgument } from './zone-keys.js';
import { stringValue, type Token } from '../tokens.js';
import {
  concatWithUnknown,
  mismatchedConcatArguments,
  UNKNOWN_ARRAY_CONCAT,
  unknownArrayAppendArguments,
  unknownArrayConcatArguments,
} from './concat-operands.js';
import { datetimeText, FormatPatternError, jodaFormatPieces, jodaToStrptime, mysqlToStrftime, mysqlToStrptime, strptimeCall } from './datetime-formats.js';
import { isCase, isParen, meaningful, nodeKeyword, nodeText, splitArgs, type GroupNode, type Node } from './tree.js';
import { translateType, TYPED_LITERAL_KEYWORDS, TypeSyntaxError } from './types.js';
import { castParts, foldedDateCast } from './constant-dates.js';
import { DECIMAL_RESULT_REWRITES } from './decimal-results.js';
import { NULL_AWARE_REWRITES } from './function-rewrites.js';
import { NAN_CALL_REWRITES } from './nan-calls.js';
import { checkedFamilies } from './decimal-common-type.js';
import { WINDOW_REWRITES } from './window-rewrites.js';
import { dateAddFoldFails, dateAddPastEveryDate, tryCall } from './try-escapes.js';
import { captureGroups as javaCaptureGroups } from './java-regex.js';
import { isLambdaArgument, LAMBDA_REWRITES, refusedUnknownElementLambda, regexpReplaceByLambda } from './lambda-rewrites.js';
import { orderedMatch } from './ordered-matches.js';
import { hasAggregate, hasOuterAggregate, shimCall, shimCallText } from './unbound.js';
import { ANONYMOUS_ROW } from './row-lists.js';
import { IP_STRUCT, nestedIpCastGuard } from '../shims/ip-address.js';
import { TZ_STRUCT, UNFOLDED_NULL, VARBINARY_TO_VARCHAR_FAIL, VARCHAR_OF_KNOWN_TYPE } from '../shims/macros.js';
import { trinoJsonPathTokens } from './json-path.js';
import { jsonUnreadablePart } from '../shims/json-cast.js';
import { BOOLEAN_TO_SCALE_ONLY_DECIMAL, REFUSED_KEY_MARKER } from '../shims/error-messages.js';
import { NO_JSON_TYPES } from '../shims/json-macros.js';
import { sqlJsonPathSteps } from '../shims/sql-json-path.js';
import { collectionGuarded, keyByInstant, type LambdaParameters, mayBeUnknownExpression, textIndexGuarded, unknownGuarded } from './column-operands.js';
import {
  castableChecked,
  INTEGER_TARGETS,
  nestedCastShim,
  rowWidthChecked,
  scalarCastShim,
  TEXT_CHECKED_TARGETS,
  writtenElementRowWidths,
  writtenRowWidths,
  zonedCastMismatch,
} from './nested-casts.js';
import { withoutRefusalGuards } from './type-witness.js';
import { arrayRemoveText, removedType } from './array-remove.js';
import { unknownWitness } from './unknown-aggregates.js';
import { REDUCE_STATE_TYPE, REDUCE_STATE_UNSETTLED } from '../shims/error-messages.js';

export interface CallContext {
  name: Token;
  /** The statement may hold NULL-typed columns (column-operands.ts MAY_BE_UNKNOWN). */
  mayHoldUnknown?: boolean;
  args: Node[][];
  group: GroupNode;
  /** Rendered argument k, trimmed. */
  arg(k: number): string;
  /** Every argument rendered, with the original commas and spacing. */
  all(): string;
  /** Rendered `FILTER (…)` / `OVER (…)` after the call ('' when none). */
  tail: string;
  report(rule: string, message: string, hint?: string): void;
  render(nodes: readonly Node[]): string;
  /** Renders a lambda's body (short-circuits.ts: an AND or OR there stops at its deciding operand); render where absent. */
  renderLambdaBody?(nodes: readonly Node[]): string;
  /** The rendered nodes, and whether they are one operand that is syntactically a zoned timestamp. */
  renderZoned(nodes: readonly Node[]): { text: string; zoned: boolean };
  /** The parameters of the lambdas around the call. */
  lambdaParameters?: LambdaParameters;
  /** In a subquery that may reference outer columns (whose types a typed macro's overload choice cannot see). */
  correlatable?: boolean;
  /** The statement may make zoned values (zoned-groups.ts makesZonedValues). */
  makesZoned?: boolean;
  /** The Trino type of a rendered argument that is a column the catalog types, where known (known-types.ts levelColumnTypes). */
  knownType?: (text: string) => string | undefined;
  /** The cells of the statement's VALUES columns by lower-case name, where it calls date_add (try-escapes.ts valuesColumnCells). */
  valuesCells?: ReadonlyMap<string, Node[][]>;
  /** The statement calls try() more than once (try-escapes.ts tryCall keeps each one's value apart from the others). */
  manyTries?: boolean;
}

/** Returns the DuckDB text for the call (including its tail), or undefined to keep the call as written. */
export type CallHandler = (c: CallContext) => string | undefined;

const call = (name: string, c: CallContext) => `${name}(${c.all()})${c.tail}`;
/** A lambda call refused over `ARRAY[]` or an array of only NULLs (lambda-rewrites.ts). */
const overKnownElements =
  (handler: CallHandler): CallHandler =>
  (c) =>
    refusedUnknownElementLambda(c) ? undefined : handler(c);
const rename =
  (name: string): CallHandler =>
  (c) =>
    call(name, c);
/** A rename to a shim with typed overloads (an `_any` variant when an argument holds an aggregate). */
const typedRename =
  (name: string): CallHandler =>
  (c) =>
    `${shimCallText(name, c.all())}${c.tail}`;
/** The call with its argument k, a time zone, keyed as Trino keys it (zone-keys.ts). */
function withZoneKey(c: CallContext, k: number): CallContext {
  if (c.args.length <= k) return c;
  const arg = (i: number) => (i === k ? zoneKeyArgument(c.arg(k)) : c.arg(i));
  return { ...c, arg, all: () => c.args.map((_a, i) => arg(i)).join(', ') };
}
const wall = (value: string) => shimCall('trino_wall', [value]);
/** A datetime function applied to the wall clock, so zoned values answer in their own zone. */
const onWallClock =
  (fn: string, wrap = (s: string) => s): CallHandler =>
  (c) =>
    bareNull(c) && fn !== 'last_day' ? 'CAST(NULL AS BIGINT)' : wrap(`${fn}(${wall(c.arg(0))})`);
/**
 * A call whose only argument is a bare NULL: Trino 476 picks one of its forms and answers a typed NULL (year(NULL),
 * day_of_week(NULL), week(NULL), quarter(NULL), to_milliseconds(NULL) are bigint, to_unixtime(NULL) double), where
 * DuckDB's binder cannot choose among the date, timestamp and interval forms ("Could not choose a best candidate").
 */
const bareNull = (c: CallContext): boolean => c.args.length === 1 && /^NULL$/i.test(c.arg(0).trim());
/** A typed NULL timestamp(3) with time zone (at_timezone(NULL, 'UTC') and with_timezone(NULL, 'UTC') in Trino 476). */
const ZONED_NULL = `CAST(${UNFOLDED_NULL} AS ${TZ_STRUCT})`;
/** The same for a first argument of a zoned function whose zone is a string literal (at_timezone(NULL, 'UTC')). */
const bareNullBeforeZone = (c: CallContext): boolean => c.args.length === 2 && /^NULL$/i.test(c.arg(0).trim()) && literalArg(c, 1) !== undefined;
/** A rendered TIMESTAMP or DATE literal (what `${period_start}` becomes): no interval. */
const DATETIME_LITERAL = /^(?:(?:TIMESTAMP|DATE)\s+'(?:[^']|'')*'|CAST\((?:TIMESTAMP|DATE)\s+'(?:[^']|'')*' AS TIMESTAMP(?:_[A-Z]+)?\))$/i;
/**
 * A time-of-day field, also of a day-to-second interval (read as whole days and a remainder, as Trino does). A bare
 * NULL has no type to pick DuckDB's overload by; Trino's field of it is a bigint NULL. A datetime literal skips the
 * interval reading, whose lambda DuckDB binds and evaluates per row (issue 18: the partition predicates of an hourly
 * run name `day(${period_start})`, `hour(${window_start})`).
 */
const onTimeField =
  (fn: string, wrap = (s: string) => s): CallHandler =>
  (c) => {
    const arg = c.arg(0).trim();
    if (/^NULL$/i.test(arg)) return 'CAST(NULL AS BIGINT)';
    return wrap(DATETIME_LITERAL.test(arg) ? `${fn}(${wall(c.arg(0))})` : `${fn}(trino_interval_fields(${wall(c.arg(0))}))`);
  };

/**
 * A plain TIMESTAMP literal's calendar fields and hour (what `${period_start}` becomes): no zone, at most 6 fraction
 * digits, a valid date and time, else undefined (the call is then translated as any other, and fails or answers there).
 */
const PLAIN_TIMESTAMP_LITERAL = /^TIMESTAMP\s+'(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?'$/i;
function plainTimestampFields(text: string): { year: number; month: number; day: number; hour: number } | undefined {
  const m = PLAIN_TIMESTAMP_LITERAL.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0));
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const valid = year >= 1000 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  return valid ? { year, month, day, hour } : undefined;
}
/**
 * year, month, day or hour of a plain TIMESTAMP literal as the bigint it is (Trino 476's type of each): DuckDB binds
 * `year(trino_wall(TIMESTAMP '…'))` in ~0.3 ms, and an hourly run's partition predicates name `year(${period_start})`
 * and its kin ~50 times over its statements and folder choices (~20 ms of binding; issue 18).
 */
const foldingLiteral =
  (field: 'year' | 'month' | 'day' | 'hour', otherwise: CallHandler): CallHandler =>
  (c) => {
    const fields = c.args.length === 1 ? plainTimestampFields(c.arg(0).trim()) : undefined;
    return fields ? `CAST(${fields[field]} AS BIGINT)` : otherwise(c);
  };

/** The literal string of argument k, or undefined when it is not a plain string literal. */
function literalArg(c: CallContext, k: number): string | undefined {
  const m = meaningful(c.args[k] ?? []);
  return m.length === 1 && m[0].kind === 'token' && m[0].token.kind === 'string' ? stringValue(m[0].token) : undefined;
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

function formatPattern(c: CallContext, k: number, translate: (p: string) => string, what: string): string | undefined {
  const translated = translatedPattern(c, k, translate, what);
  return translated === undefined ? undefined : sqlString(translated);
}

/** The literal pattern of argument k translated, or undefined when it is not a literal or cannot be (reported). */
function translatedPattern<T>(c: CallContext, k: number, translate: (p: string) => T, what: string): T | undefined {
  const pattern = literalArg(c, k);
  if (pattern === undefined) {
    c.report('dynamic-format', `${c.name.text}(): the ${what} must be a string literal to be translated`, 'write the format as a literal');
    return undefined;
  }
  try {
    return translate(pattern);
  } catch (error) {
    if (!(error instanceof FormatPatternError)) throw error;
    c.report('format-pattern', `${c.name.text}(): ${error.message}`, 'use the codes listed in docs/athena-on-duckdb.md');
    return undefined;
  }
}

/**
 * Trino's `$1` group references → RE2's `\1`; `\$` is a literal dollar. Digits after `$` are read as Java does: the
 * first digit, then each further digit while the number stays a group of the pattern (`$10` is group 10 with ten groups,
 * group 1 and a '0' with fewer), so the pattern's group count is needed; without it every digit counts. Also the highest
 * group referenced, or why the replacement is refused.
 */
function replacementToRe2(
  replacement: string,
  groups: number | undefined,
  names: ReadonlyMap<string, number> = new Map(),
  renumbered?: ReadonlyMap<number, number>,
): { re2: string; highestGroup: number; referenced: Set<number> } | { illegal: string } | undefined {
  let out = '';
  let highestGroup = 0;
  const referenced = new Set<number>();
  // A group past 9 is kept when the pattern's groups can be renumbered (renumberedGroups); RE2 reads one digit.
  const written = (group: number) => {
    referenced.add(group);
    highestGroup = Math.max(highestGroup, group);
    return `\\${renumbered?.get(group) ?? group}`;
  };
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i];
    // `${name}`: a named group of a literal pattern is its number (Trino 476: regexp_replace('abc', '(?<x>b)',
    // '[${x}]') is a[b]c); a name the pattern lacks fails on any match ("unknown group { y }").
    const named = ch === '$' && groups !== undefined ? /^\{([A-Za-z][A-Za-z0-9]*)\}/.exec(replacement.slice(i + 1)) : null;
    if (named) {
      const group = names.get(named[1]);
      if (group === undefined) return { illegal: `the replacement refers to the group named ${named[1]}, which the pattern lacks (Athena fails on any match)` };
      out += written(group);
      i += named[0].length;
    } else if (ch === '\\') {
      if (i + 1 === replacement.length)
        return { illegal: 'the replacement ends in a lone backslash, which Athena rejects on any match (Illegal replacement sequence)' };
      const next = replacement[++i];
      out += next === '\\' ? '\\\\' : next;
    } else if (ch === '$') {
      const digits = /^\d+/.exec(replacement.slice(i + 1))?.[0];
      if (!digits) return undefined;
      let group = Number(digits[0]);
      let used = 1;
      while (used < digits.length && (groups === undefined || group * 10 + Number(digits[used]) <= groups)) group = group * 10 + Number(digits[used++]);
      out += written(group);
      i += used;
    } else out += ch;
  }
  return { re2: out, highestGroup, referenced };
}

/**
 * RE2 reads one digit after a backslash in a replacement, so `$10` (Java's group 10 of a pattern with ten or more)
 * has no rewrite as it is. The capturing groups the replacement does not refer to become non-capturing in the RE2
 * pattern (a SQL string literal), which numbers the referenced ones 1, 2, …: the new number of each, and the pattern;
 * undefined where more than nine groups are referenced or the pattern is not a literal.
 */
function renumberedGroups(re2Pattern: string, referenced: ReadonlySet<number>): { pattern: string; numbers: Map<number, number> } | undefined {
  const used = [...referenced].filter((g) => g > 0).sort((a, b) => a - b);
  if (used.length > 9 || !/^'(?:[^']|'')*'$/.test(re2Pattern)) return undefined;
  const numbers = new Map(used.map((g, k) => [g, k + 1]));
  let out = '';
  let group = 0;
  let inClass = false;
  for (let i = 0; i < re2Pattern.length; i++) {
    const ch = re2Pattern[i];
    if (ch === '\\') {
      out += ch + (re2Pattern[i + 1] ?? '');
      i++;
    } else if (inClass) {
      inClass = ch !== ']';
      out += ch;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
      if (re2Pattern[i + 1] === '^') out += re2Pattern[++i];
      if (re2Pattern[i + 1] === ']') out += re2Pattern[++i];
    } else if (ch === '(' && re2Pattern[i + 1] !== '?') {
      group++;
      out += numbers.has(group) ? '(' : '(?:';
    } else if (ch === '(' && /^\(\?P?<[A-Za-z]/.test(re2Pattern.slice(i))) {
      group++;
      const name = /^\(\?P?<[A-Za-z][A-Za-z0-9]*>/.exec(re2Pattern.slice(i))?.[0] ?? '(';
      out += numbers.has(group) ? name : '(?:';
      i += name.length - 1;
    } else out += ch;
  }
  return { pattern: out, numbers };
}

/**
 * Capturing groups of a Java regular expression (`(` not escaped, outside a class, not `(?…` unless `(?<name>`): their
 * count and the numbers of the named ones.
 */
function captureGroups(pattern: string): { count: number; names: Map<string, number> } {
  let count = 0;
  const names = new Map<string, number>();
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(' && (pattern[i + 1] !== '?' || (pattern[i + 2] === '<' && /[A-Za-z]/.test(pattern[i + 3] ?? '')))) {
      count++;
      const name = pattern[i + 1] === '?' ? /^[A-Za-z][A-Za-z0-9]*(?=>)/.exec(pattern.slice(i + 3))?.[0] : undefined;
      if (name !== undefined) names.set(name, count);
    }
  }
  return { count, names };
}

/**
 * A pattern that matches the empty string: Trino's regexp_split and regexp_position find empty matches at other places
 * than the local engine does (regexp_split('a', '^') is ['', 'a'] in Trino 476, ['a'] locally), so a literal one is
 * refused here and another one fails while the query runs (trino_regexp_nonempty). The call to translate, or undefined
 * when refused (reported).
 */
/**
 * regexp_replace with a lambda (lambda-rewrites.ts regexpReplaceByLambda): the pattern must be a literal that matches no
 * empty text, and each of its groups must take part in every match (java-regex.ts captureGroups).
 */
function regexpReplaceLambda(given: CallContext): string | undefined {
  const pattern = literalArg(given, 1);
  const refuse = (why: string) => {
    given.report(
      'regexp-replace-lambda',
      `regexp_replace() with a lambda: ${why}`,
      "write the groups out: regexp_replace(s, '(a)(b)', '$2$1'), or use a literal pattern whose groups always take part",
    );
    return undefined;
  };
  if (pattern === undefined) return refuse('the pattern must be a string literal, to count its groups');
  const c = refuseEmptyMatches(given);
  if (!c) return undefined;
  const groups = javaCaptureGroups(pattern);
  const optional = groups.findIndex((g) => g.mayNotTakePart);
  if (optional >= 0)
    return refuse(`group ${optional + 1} may not take part in a match (it is inside ?, * or one side of |): Athena passes NULL for it, the local engine ''`);
  return regexpReplaceByLambda(c, groups.length);
}

function refuseEmptyMatches(c: CallContext, allowAnchoredAtStart = false): CallContext | undefined {
  const pattern = literalArg(c, 1);
  if (pattern === undefined) {
    const arg = (k: number) => (k === 1 ? `trino_regexp_nonempty(${c.arg(1)})` : c.arg(k));
    return { ...c, arg, all: () => c.args.map((_a, k) => arg(k)).join(', ') };
  }
  let matchesEmpty = false;
  try {
    matchesEmpty = new RegExp(pattern).test('') && !(allowAnchoredAtStart && anchoredAtStart(pattern));
  } catch {
    // Java syntax JavaScript does not read: no opinion here; RE2 judges it when the query runs.
  }
  if (matchesEmpty) {
    c.report(
      'regexp-empty-match',
      `${c.name.text}(): the pattern ${JSON.stringify(pattern)} matches the empty string, and empty matches are found at other positions locally than on Athena`,
      "use a pattern that needs at least one character, e.g. 'x+' instead of 'x*'",
    );
    return undefined;
  }
  return c;
}

/**
 * A pattern that can only match at the start of the string (`^…`, no alternation, no multi-line flag): it matches once
 * at most, so no empty match can follow a match. Java (Trino) tries an empty match right after a non-empty one, RE2
 * (DuckDB) does not: regexp_replace('abc', 'b*', '-') is '-a--c-' in Trino 476, '-a-c-' locally.
 */
function anchoredAtStart(pattern: string): boolean {
  return pattern.startsWith('^') && !pattern.includes('|') && !/\(\?[a-z]*m/.test(pattern);
}

/**
 * json_extract, json_extract_scalar and json_size with a literal path: a path Athena rejects is refused here (Trino's
 * grammar, json-path.ts); the shims read any path, a computed one too, with that grammar.
 */
const withJsonPath =
  (name: string): CallHandler =>
  (c) => {
    const path = literalArg(c, 1);
    if (path !== undefined && trinoJsonPathTokens(path) === undefined) {
      c.report(
        'json-path',
        `${c.name.text}(): ${JSON.stringify(path)} is not a JSON path Athena accepts (it fails with "Invalid JSON path")`,
        'write $ followed by .key, [0] or ["key"] steps (no wildcards, .., filters or negative indexes)',
      );
      return undefined;
    }
    return call(name, c);
  };

const EXTRACT_FIELDS: Record<string, string> = {
  YEAR: 'year',
  QUARTER: 'quarter',
  MONTH: 'month',
  WEEK: 'week',
  DAY: 'day',
  DAY_OF_MONTH: 'day',
  DAY_OF_WEEK: 'isodow',
  DOW: 'isodow',
  DAY_OF_YEAR: 'dayofyear',
  DOY: 'dayofyear',
  YEAR_OF_WEEK: 'isoyear',
  YOW: 'isoyear',
  HOUR: 'hour',
  MINUTE: 'minute',
  SECOND: 'second',
};

/** EXTRACT fields of the zone offset: Trino 476 takes them from a timestamp with time zone only (TYPE_MISMATCH). */
const ZONE_OFFSET_FIELDS: Record<string, string> = { TIMEZONE_HOUR: 'trino_timezone_hour', TIMEZONE_MINUTE: 'trino_timezone_minute' };

/** EXTRACT fields of a time of day, which Trino 476 refuses to take from a date. */
const TIME_OF_DAY_FIELDS = new Set(['HOUR', 'MINUTE', 'SECOND']);

/** Targets a json operand is rewritten for before DuckDB's cast (trino_json_cast_source); scalars have their shims. */
const JSON_READ_TARGETS = new Set(['ARRAY', 'MAP', 'ROW']);
/** A number or string literal, which is never json. */
const isLiteralOperand = (operand: readonly Node[]): boolean => {
  const m = meaningful(operand);
  return m.length === 1 && m[0].kind === 'token' && (m[0].token.kind === 'number' || m[0].token.kind === 'string');
};

const nodesText = (nodes: readonly Node[]): string => nodes.map(nodeText).join('');

/**
 * array_join of an array whose elements Trino casts to no varchar (varbinary, arrays, maps, rows: OPERATOR_NOT_FOUND
 * "Cannot cast varbinary to varchar") fails while analysing the query, over no rows too: checked while DuckDB binds
 * for a column (ip-address.ts trino_text checks any other array per element). Zoned timestamps and ipaddresses,
 * structs locally, are written as text.
 */
function elementsToTextBound(c: CallContext, sql: string): string {
  const array = c.args.length > 0 ? c.arg(0) : '';
  if (!SIMPLE_OPERAND.test(array) || isLiteralOperand(c.args[0]) || c.correlatable) return sql;
  // (typeof of a one-element list: a NULL-typed column's own typeof does not fold while binding.)
  const t = `typeof([${array}])`;
  const refused = `(${t} IN ('BLOB[][]') OR ${t} LIKE '%[][][]' OR ${t} LIKE 'MAP(%)[][]' OR (${t} LIKE 'STRUCT(%)[][]' AND ${t} NOT LIKE 'STRUCT(trino_instant %' AND ${t} <> '${IP_STRUCT}[][]'))`;
  return `{'trino_v': ${sql}}[CASE WHEN ${refused} THEN '${REFUSED_KEY_MARKER}arrayjoin ' || ${t} ELSE 'trino_v' END]`;
}

/**
 * json_exists / json_value / json_query over the subset sql-json-path.ts evaluates: a JSON text and a lax path literal of member and
 * array accessors, nothing after the path (RETURNING, ON EMPTY, ON ERROR, PASSING, QUOTES other than the defaults are refused, naming the words; json_query's
 * WRAPPER clauses are read). A
 * json operand fails in Trino 476 ("Cannot read input of type json as JSON using formatting JSON"): refused at lint
 * when visible, while binding for a column.
 */
function sqlJsonCall(c: CallContext, shim: string): string | undefined {
  const name = c.name.text;
  const [written, pathNodes] = c.args;
  const path = pathNodes ? meaningful(pathNodes) : [];
  // `s FORMAT JSON` is the default reading of a text (Trino 476: json_value('["a"]' FORMAT JSON, 'lax $[0]') is 'a');
  // an ENCODING is for a varbinary input, which fails on a text (TYPE_MISMATCH) and does not run locally.
  const inputWords = meaningful(written ?? []);
  const formatAt = inputWords.length > 2 ? inputWords.length - 2 : -1;
  const formatJson = formatAt > 0 && nodeKeyword(inputWords[formatAt]) === 'FORMAT' && nodeKeyword(inputWords[formatAt + 1]) === 'JSON';
  const encodingAt = inputWords.length - 4;
  const encoding = encodingAt > 0 && ['FORMAT', 'JSON', 'ENCODING'].every((word, k) => nodeKeyword(inputWords[encodingAt + k]) === word);
  if (encoding) {
    c.report('sql-json', `${name}(): FORMAT JSON ENCODING … is not supported locally (a varbinary input)`, `${name}(from_utf8(b), 'lax $.a')`);
    return undefined;
  }
  const input = formatJson ? (written ?? []).slice(0, (written ?? []).indexOf(inputWords[formatAt])) : (written ?? []);
  if (c.args.length !== 2 || path.length === 0 || path[0].kind !== 'token' || path[0].token.kind !== 'string') {
    c.report('sql-json', `${name}(): only a JSON text and a path literal are supported locally`, `${name}(s, 'lax $.a')`);
    return undefined;
  }
  // The default behaviours may be written out.
  const words = path.slice(1).map(nodeText).join(' ');
  const wrapperWords =
    shim === 'trino_sql_json_query' ? /^(?:RETURNING VARCHAR ?)?(?:(WITHOUT|WITH)(?: (CONDITIONAL|UNCONDITIONAL))?(?: ARRAY)? WRAPPER)?/i.exec(words) : null;
  const wrapper =
    !wrapperWords?.[1] || wrapperWords[1].toUpperCase() === 'WITHOUT'
      ? 'without'
      : wrapperWords[2]?.toUpperCase() === 'CONDITIONAL'
        ? 'conditional'
        : 'unconditional';
  const rest = wrapperWords ? words.slice(wrapperWords[0].length).trim() : words;
  const defaults = shim === 'trino_sql_json_exists' ? /^(?:FALSE ON ERROR)?$/i : /^(?:RETURNING VARCHAR)? ?(?:NULL ON EMPTY)? ?(?:NULL ON ERROR)?$/i;
  if (!defaults.test(rest)) {
    c.report(
      'sql-json',
      `${name}(): ${words} is not supported locally (only the default behaviours: RETURNING varchar, NULL or FALSE ON ERROR, NULL ON EMPTY)`,
      `${name}(s, 'lax $.a') and CAST the result`,
    );
    return undefined;
  }
  const pathText = stringValue(path[0].token);
  if (!sqlJsonPathSteps(pathText)) {
    c.report(
      'sql-json',
      `${name}(): the JSON path '${pathText}' is not supported locally (only lax mode with member and array accessors: 'lax $.a.b', 'lax $."a b"', 'lax $.a[0]', 'lax $[*]'; no strict mode, filters, item methods, last, ranges or .*)`,
      `write the path as 'lax $.a[0]', or use json_extract_scalar(s, '$.a[0]')`,
    );
    return undefined;
  }
  if (isVisiblyJson(input)) {
    c.report(
      'sql-json',
      `${name}(): Cannot read input of type json as JSON using formatting JSON (Athena fails: TYPE_MISMATCH)`,
      `pass the JSON text: ${name}(json_format(j), …)`,
    );
    return undefined;
  }
  const text = formatJson ? c.render(input).trim() : c.arg(0);
  const sql = `${shim}(${text}, ${sqlString(pathText)}${shim === 'trino_sql_json_query' ? `, '${wrapper}'` : ''})${c.tail}`;
  return SIMPLE_OPERAND.test(text) && !c.correlatable
    ? `{'trino_v': ${sql}}[CASE WHEN typeof([${text}]) = 'JSON[]' THEN '${REFUSED_KEY_MARKER}sqljson' ELSE 'trino_v' END]`
    : sql;
}

/** Calls whose value is json whatever their arguments. */
const JSON_CALLS = new Set(['JSON_PARSE', 'JSON_EXTRACT', 'JSON_ARRAY_GET']);

/** An operand whose text shows it is json: a JSON literal, a json call, a CAST to json (also in parentheses). */
function isVisiblyJson(operand: readonly Node[]): boolean {
  const m = meaningful(operand);
  if (m.length === 1 && isParen(m[0])) return isVisiblyJson(m[0].items);
  if (m.length !== 2) return false;
  const word = nodeKeyword(m[0]);
  if (word === 'JSON') return m[1].kind === 'token' && m[1].token.kind === 'string';
  if (!isParen(m[1])) return false;
  if (JSON_CALLS.has(word)) return true;
  const target = m[1].items.slice(m[1].items.map((n) => nodeKeyword(n)).lastIndexOf('AS') + 1);
  return (word === 'CAST' || word === 'TRY_CAST') && meaningful(target).length === 1 && nodeKeyword(meaningful(target)[0]) === 'JSON';
}

/** A typed literal that is no json (`TIMESTAMP '…'`, `DATE '…'`, `DECIMAL '…'`): its cast needs no json check. */
const isTypedNonJsonLiteral = (operand: readonly Node[]): boolean => {
  const m = meaningful(operand);
  const word = nodeKeyword(m[0]);
  return m.length === 2 && TYPED_LITERAL_KEYWORDS.has(word) && word !== 'JSON' && m[1].kind === 'token' && m[1].token.kind === 'string';
};

/** Whether a CAST operand is one plain string literal ('…', not U&'…' or X'…'). */
const isStringLiteral = (operand: readonly Node[]): boolean => {
  const m = meaningful(operand);
  return m.length === 1 && m[0].kind === 'token' && m[0].token.kind === 'string' && m[0].token.text.startsWith("'");
};
/**
 * A string literal DuckDB's own CAST to an integer type reads as Trino does: an integer Trino reads (a sign and digits
 * between spaces, Long.parseLong of the trimmed text), or text neither reads ('abc', '', which both reject). Literals
 * only DuckDB reads as a number ('1e3', '1.5', '0x10', '1_000') take the shim, which fails as Trino does.
 */
const isIntegerTextLiteral = (operand: readonly Node[]): boolean => {
  const m = meaningful(operand);
  if (!isStringLiteral(operand) || m[0].kind !== 'token') return false;
  const text = stringValue(m[0].token);
  const trinoReads = /^[\x00-\x20]*[+-]?[0-9]+[\x00-\x20]*$/.test(text);
  const onlyDuckdbReads = /[0-9]/.test(text) && /^\s*[+-]?(0[xXbBoO][0-9a-fA-F_]+|[0-9_]*\.?[0-9_]*([eE][+-]?[0-9_]+)?)\s*$/.test(text);
  return trinoReads || !onlyDuckdbReads;
};

/**
 * Whether a CAST operand is an integer's digits, which DuckDB's own CAST reads as Trino does for an integer kind, a
 * double or real, and (as 1 or 0 only) a boolean; other texts take the trino_to_<target> macro's check.
 */
function readsAsTrino(operand: readonly Node[], target: string): boolean {
  const m = meaningful(operand);
  if (!isStringLiteral(operand) || m[0]?.kind !== 'token') return false;
  return target === 'BOOLEAN' ? /^'[01]'$/.test(m[0].token.text) : /^' *[+-]?[0-9]+ *'$/.test(m[0].token.text);
}

/**
 * The rendered argument when a CAST operand is exactly `from_iso8601_timestamp(s)`. Cast to a timestamp without zone
 * (or a date), only its wall clock is kept, so the zoned struct (instant, zone name) need not be built per row.
 */
function isoTimestampArgument(c: CallContext, operand: readonly Node[]): string | undefined {
  if (operand.length !== 2 || !isParen(operand[1]) || nodeText(operand[0]).toLowerCase() !== 'from_iso8601_timestamp') return undefined;
  const args = splitArgs(operand[1].items);
  return args.length === 1 ? c.render(args[0]).trim() : undefined;
}

/**
 * The rendered argument when a CAST operand is exactly `from_iso8601_timestamp(s) AT TIME ZONE 'UTC'`: cast to a
 * timestamp without zone, the instant's UTC wall clock (trino_iso8601_utc), which is the text's own wall clock when
 * the text ends in 'Z'.
 */
function isoUtcArgument(c: CallContext, operand: readonly Node[]): string | undefined {
  if (operand.length !== 6 || !['AT', 'TIME', 'ZONE'].every((word, i) => nodeKeyword(operand[i + 2]) === word) || nodeText(operand[5]) !== "'UTC'")
    return undefined;
  return isoTimestampArgument(c, operand.slice(0, 2));
}

/**
 * The rendered argument when a CAST operand is exactly `json_parse(s)`. Trino 476 plans `CAST(json_parse(s) AS
 * array | map | row)` as one cast of the text s (JsonFunctions.jsonParse names the `$internal$json_string_to_*_cast`
 * rewrite), so a repeated key is read, not collapsed by json_parse's canonical form: CAST(json_parse('{"a":1,"a":2}')
 * AS map(varchar, integer)) fails "Duplicate map keys are not allowed". Not so under TRY_CAST, nor for a literal text
 * (folded apart), nor for a JSON literal: those read json_parse's value, {a: 2}.
 */
function jsonParseArgument(c: CallContext, operand: readonly Node[]): string | undefined {
  const only = operand.length === 1 ? operand[0] : undefined;
  if (only && isParen(only)) return jsonParseArgument(c, meaningful(only.items));
  if (operand.length !== 2 || !isParen(operand[1]) || nodeText(operand[0]).toLowerCase() !== 'json_parse') return undefined;
  const args = splitArgs(operand[1].items);
  return args.length === 1 && !isLiteralOperand(args[0]) ? c.render(args[0]).trim() : undefined;
}

/**
 * Anonymous ROW(…) calls that reach CAST(… AS JSON) through constructors alone: no row comes back to the client, and
 * DuckDB's JSON of an unnamed struct names every field "" as Trino's does (`CAST(ARRAY[ROW(1, 'a')] AS JSON)` is
 * `[{"":1,"":"a"}]`), so they are not refused (see `row` below).
 */
const rowsCastToJson = new WeakSet<Token>();

const CONSTRUCTORS = new Set(['ROW', 'ARRAY', 'MAP']);

/** Marks the ROW calls of `items` reached through ARRAY[…], ARRAY(…), MAP(…), ROW(…) and parentheses only. */
function markRowsCastToJson(items: readonly Node[]): void {
  const m = meaningful(items);
  for (let k = 0; k < m.length; k++) {
    const [node, next] = [m[k], m[k + 1]];
    if (node.kind === 'token' && CONSTRUCTORS.has(nodeKeyword(node)) && next?.kind === 'group' && (isParen(next) || isParen(next, '['))) {
      if (nodeKeyword(node) === 'ROW') rowsCastToJson.add(node.token);
      markRowsCastToJson(next.items);
      k++;
    } else if (isParen(node) && (k === 0 || nodeText(m[k - 1]) === ',')) markRowsCastToJson(node.items);
  }
}

/** A column reference or a literal: evaluating it cannot fail, so TRY_CAST may take it inside try(). */
const SIMPLE_OPERAND =
  /^(?:(?:"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_]*)(?:\s*\.\s*(?:"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_]*))*|'(?:[^']|'')*'|-?\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)$/;
/** A target holding a varchar(n). */
const BOUNDED_VARCHAR = /\bvarchar\s*\(\s*\d+\s*\)/;

/** Calls whose type is one of their arguments': json in, json out (`coalesce(j, j)`, `CASE … THEN j END`, `a[1]`). */
const TYPE_FOLLOWING_CALLS = new Set(['COALESCE', 'NULLIF', 'IF', 'TRY', 'ELEMENT_AT']);

/**
 * A CAST operand that may be json though lint cannot see it (a type-following call, CASE or subscript), cheap to bind
 * once more for the analysis check (no subquery, aggregate or lambda): Trino fails such a cast over no rows too
 * (`CAST(coalesce(j, j) AS date)`: TYPE_MISMATCH "Cannot cast json to date").
 */
function typeFollowingCall(operand: readonly Node[], rendered: string): boolean {
  const m = meaningful(operand);
  const follows =
    (m.length === 1 && isCase(m[0])) ||
    (m.length === 2 && isParen(m[1]) && TYPE_FOLLOWING_CALLS.has(nodeKeyword(m[0]))) ||
    (m.length === 2 && isParen(m[1], '[') && SIMPLE_OPERAND.test(nodeText(m[0])));
  return follows && !/\bselect\b|->/i.test(m.map(nodeText).join(' ')) && !hasAggregate(rendered);
}

/** The lambda parameter a TRY_CAST's shim casts when its operand is evaluated outside try(). */
const TRY_OPERAND = 'trino_try_operand';
/** The lambda parameter a TRY_CAST's failing operand is cast again over (castCall's failingAgain). */
const TRY_AGAIN_OPERAND = 'trino_try_again';

function castCall(c: CallContext, tryCast: boolean): string | undefined {
  const items = c.group.items;
  const asIndex = items.map((n) => nodeKeyword(n)).lastIndexOf('AS');
  if (asIndex < 0) return undefined;
  const operand = meaningful(items.slice(0, asIndex));
  const target = meaningful(items.slice(asIndex + 1));
  // Rows inside a CAST to JSON, or to an array or map of named rows, do not come back anonymous.
  if (
    (target.length === 1 && nodeKeyword(target[0]) === 'JSON') ||
    (['ARRAY', 'MAP'].includes(nodeKeyword(target[0])) && /\bROW\s*\(\s*"?[A-Za-z_][\w]*"?\s+\w/i.test(target.map(nodeText).join('')))
  )
    markRowsCastToJson(operand);
  // CAST(ROW(…) AS ROW(a …, b …)) is how to name an anonymous row's fields: render the ROW as is (see `row` below).
  const rendered =
    operand.length === 2 && nodeKeyword(operand[0]) === 'ROW' && operand[1].kind === 'group'
      ? { text: `row(${c.render((operand[1] as GroupNode).items)})`, zoned: false }
      : c.renderZoned(items.slice(0, asIndex));
  let value = rendered.text.trim();
  let type;
  try {
    type = translateType(items.slice(asIndex + 1), true);
  } catch (error) {
    if (!(error instanceof TypeSyntaxError)) throw error;
    c.report('type', error.message, error.hint ?? 'use a Trino type: varchar, bigint, double, decimal(p,s), date, timestamp, array(…), map(…, …), row(…)');
    return undefined;
  }
  // CAST(NULL AS t) only gives a typed NULL; a shim would bind NULL to its first overload.
  if (/^null$/i.test(value)) return `${tryCast ? 'TRY_CAST' : 'CAST'}(${UNFOLDED_NULL} AS ${type.sql})`;
  // The text as written reaches the cast's JSON reader (json-cast.ts), which reads it as Jackson does.
  const jsonText = !tryCast && JSON_READ_TARGETS.has(type.base) ? jsonParseArgument(c, operand) : undefined;
  if (jsonText !== undefined) value = `CAST(${jsonText} AS JSON)`;
  // json is cast to booleans, numbers, varchar and json (and arrays, maps and rows of them) only: the cast of a json
  // operand to another type fails. CAST's shims check it (trino_to_date, …; json-cast.ts for arrays, maps and rows);
  // under TRY_CAST, whose try() would catch that failure, it is checked outside try() over the operand's value (a
  // column or the lambda parameter: typeof folds while binding), and for a target without a shim (time) also so.
  const written = target.map(nodeText).join('').toLowerCase().replace(/\s+/g, ' ');
  const jsonChecked = !isLiteralOperand(operand) && !isTypedNonJsonLiteral(operand) && jsonUnreadablePart(written) !== undefined;
  const refusingJson = (operandValue: string, cast: string): string =>
    jsonChecked ? `trino_json_cast_refused(${operandValue}, ${cast}, ${sqlString(written)})` : cast;
  // Trino fails such a cast while analysing the query, over no rows too: refused here when the operand is visibly
  // json, checked while DuckDB binds when it is a column (typeof folds; a call's text would be bound once more; not in
  // a subquery that may read outer columns, whose struct DuckDB cannot pack), and left to the per-row check above
  // otherwise. A map keyed by dates fails per row in Trino too.
  const jsonAtAnalysis = jsonChecked && jsonUnreadablePart(written, false) !== undefined;
  // Trino's name of the target (timestamp, time without a precision are timestamp(3), time(3)).
  const targetName = nodesText(items.slice(asIndex + 1))
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\b(timestamp|time)\b(?!\s*\()(?!\s+zone)/g, '$1(3)');
  if (jsonAtAnalysis && isVisiblyJson(operand)) {
    c.report(
      'cast',
      `Cannot cast json to ${targetName}: Athena fails while analysing the query (TYPE_MISMATCH), over no rows too`,
      "read the JSON value as text first: CAST(json_extract_scalar(j, '$') AS date), or from_iso8601_date(…)",
    );
    return undefined;
  }
  // A column the catalog types (issue 18) is no json: its cast needs no check.
  const knownType = c.knownType?.(value);
  const jsonBound = (sql: string): string =>
    jsonAtAnalysis &&
    (knownType === undefined || knownType === 'json') &&
    (SIMPLE_OPERAND.test(value) || typeFollowingCall(operand, value)) &&
    !/["']/.test(targetName) &&
    !c.correlatable
      ? `{'trino_v': ${sql}}[CASE WHEN typeof([${value}]) = 'JSON[]' THEN '${REFUSED_KEY_MARKER}json ${targetName}' ELSE 'trino_v' END]`
      : sql;
  // A cast of a constant date is its literal; an operand whose type is known takes that type's text.
  const folded = foldedDateCast(operand, type.length ? '' : type.sql);
  const knownText = type.base === 'VARCHAR' && !type.length ? VARCHAR_OF_KNOWN_TYPE[castParts(operand)?.type ?? ''] : undefined;
  let shim: string | undefined;
  const isoText = isoTimestampArgument(c, operand);
  const isoUtcText = tryCast ? undefined : isoUtcArgument(c, operand);
  // TRY_CAST catches the failure of its own cast only: an operand that fails (CAST('2025-02-30' AS DATE)) fails the
  // statement in Trino 476 too. So an operand other than a column or a literal is evaluated outside DuckDB's try(),
  // bound to a lambda parameter the shim casts; try() also refuses a volatile operand (a typed NULL, UNFOLDED_NULL).
  const operandApart = tryCast && folded === undefined && isoText === undefined && !SIMPLE_OPERAND.test(value);
  const x = operandApart ? TRY_OPERAND : value;
  if (folded !== undefined) shim = folded;
  else if (isoText !== undefined && type.base === 'TIMESTAMP' && !type.withTimeZone) shim = `trino_iso8601_wall(${isoText})`;
  else if (isoText !== undefined && type.base === 'DATE') shim = `CAST(trino_iso8601_wall(${isoText}) AS DATE)`;
  else if (isoUtcText !== undefined && type.base === 'TIMESTAMP' && !type.withTimeZone) shim = `trino_iso8601_utc(${isoUtcText})`;
  else if (knownText) shim = knownText(x);
  // A zoned operand is never text: trino_to_timestamp's other branch, without the text one. Its operand, used in both,
  // was expanded twice more (P3's CAST(from_iso8601_timestamp(…) AT TIME ZONE 'UTC' AS TIMESTAMP): ~45 % of its planning).
  else if (type.base === 'TIMESTAMP' && !type.withTimeZone && rendered.zoned && !hasAggregate(value)) shim = `CAST(trino_wall(${x}) AS TIMESTAMP)`;
  else if (INTEGER_TARGETS.has(type.base) && isIntegerTextLiteral(operand)) shim = `CAST(${x} AS ${type.sql})`;
  else if (TEXT_CHECKED_TARGETS.has(type.sql) && readsAsTrino(operand, type.sql)) shim = `CAST(${x} AS ${type.sql})`;
  // An ipaddress gives its 16 bytes; an aggregate keeps DuckDB's cast (an aggregated ipaddress there fails loudly).
  else if (!(type.sql === 'BLOB' && hasAggregate(value))) shim = scalarCastShim(x, type, c.correlatable === true);
  // timestamp(0), plain or zoned: the timestamp(3) value rounded half up to the second, as Trino's CAST does.
  if (shim && type.precision === 0) shim = `${type.withTimeZone ? 'trino_tz_round_to_seconds' : 'trino_round_to_seconds'}(${shim})`;
  // DuckDB would cast an ipaddress inside an array, map or row as its struct; refused there (ip-address.ts).
  const guarded = type.base === 'ARRAY' || type.base === 'MAP' || type.base === 'ROW' ? nestedIpCastGuard(value, type.sql) : value;
  // A json operand of an array, map or row cast is read as Trino reads it for the target (json-macros.ts,
  // json-cast.ts), a map's repeated key (a row's JSON `{"":1,"":"a"}`) too; the scalar shims read json themselves.
  const readsJson = !isLiteralOperand(operand) && JSON_READ_TARGETS.has(type.base);
  const source = readsJson ? `trino_json_cast_source(${guarded}, ${sqlString(written)}, ${tryCast})` : guarded;
  // An array, map or row is cast element by element with the scalar shims (nested-casts.ts).
  // A text is no array, map or row in Trino 476 (TYPE_MISMATCH "Cannot cast varchar(5) to array(integer)"); DuckDB
  // parsed CAST('[1,2]' AS array(integer)). A text column fails in binding (list_transform of a VARCHAR).
  if (JSON_READ_TARGETS.has(type.base) && isStringLiteral(operand)) {
    c.report('cast', `Cannot cast varchar to ${written}: Athena fails (TYPE_MISMATCH)`, `read the text as JSON: CAST(json_parse(s) AS ${written})`);
    return undefined;
  }
  // A written ROW(…) of another width than the target row fails at analysis, also under TRY_CAST (whose TRY would
  // catch the width check of the element casts, nested-casts.ts).
  const widths = writtenRowWidths(operand, target);
  // A visibly zoned operand (from_iso8601_timestamp, AT TIME ZONE, …) cast to a number or boolean: no cast in Trino 476.
  const zonedMismatch = rendered.zoned ? zonedCastMismatch(type) : undefined;
  if (zonedMismatch) {
    c.report('cast', `${zonedMismatch}: Athena fails (TYPE_MISMATCH), under TRY_CAST too`, 'convert explicitly: to_unixtime(t)');
    return undefined;
  }
  if (widths && widths.operand !== widths.target) {
    c.report('cast', `Cannot cast a row of ${widths.operand} fields to ${written}: Athena fails (TYPE_MISMATCH)`, 'give the row as many fields as the type');
    return undefined;
  }
  const elementWidths = widths ? undefined : writtenElementRowWidths(operand, target);
  if (elementWidths) {
    c.report(
      'cast',
      `Cannot cast a row of ${elementWidths.operand} fields to a row of ${elementWidths.target} in ${written}: Athena fails (TYPE_MISMATCH), under TRY_CAST too`,
      'give the rows as many fields as the type',
    );
    return undefined;
  }
  // Any other row of another width fails at analysis too ("Cannot cast row(a integer, b integer) to row(a integer)"),
  // over no rows and under TRY_CAST, where the element casts' own check (nested-casts.ts) runs per row inside TRY:
  // checked while binding, from the operand's type.
  // Under TRY_CAST, a source type Trino has no cast from fails at analysis too (TYPE_MISMATCH "Cannot cast date to
  // integer"), where DuckDB's TRY gave NULL; a CAST fails while running already (and costs no check while binding).
  // CAST(x AS json) of a type Trino writes no json for (varbinary, interval, uuid, time, a map keyed by arrays, maps or
  // rows) fails while analysing the query: checked while DuckDB binds for a column (json-macros.ts trino_cast_json
  // checks any other operand per row).
  const toJsonBound = (sql: string): string =>
    type.sql === 'JSON' && SIMPLE_OPERAND.test(value) && !isLiteralOperand(operand) && !c.correlatable
      ? `{'trino_v': ${sql}}[CASE WHEN regexp_matches(typeof([${value}]), '${NO_JSON_TYPES}') THEN '${REFUSED_KEY_MARKER}tojson ' || typeof([${value}]) ELSE 'trino_v' END]`
      : sql;
  // A boolean cast to decimal(p, p): Trino 476 gives true the out-of-range 1 (CAST(true AS decimal(1, 1)) is 1.0), DuckDB
  // 0.1. Refused: a literal TRUE here, a column while binding (typeof folds). In a correlated subquery the value stays out
  // of the struct (DuckDB fails "Need named argument for struct pack" over an outer column in a macro inside one): the
  // struct only types cast_to_type's target.
  const scaleOnly = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(type.sql);
  const booleanDecimal = scaleOnly !== null && scaleOnly[1] === scaleOnly[2];
  if (booleanDecimal && /^true$/i.test(value)) {
    c.report('cast', BOOLEAN_TO_SCALE_ONLY_DECIMAL, `CAST(true AS decimal(${Number(scaleOnly[1]) + 1}, ${scaleOnly[2]}))`);
    return undefined;
  }
  const booleanDecimalBound = (sql: string): string => {
    if (!booleanDecimal || isLiteralOperand(operand) || /^false$/i.test(value)) return sql;
    const key = `[CASE WHEN typeof([${value}]) = 'BOOLEAN[]' THEN '${REFUSED_KEY_MARKER}boolean-decimal' ELSE 'trino_v' END]`;
    return c.correlatable ? `cast_to_type(${sql}, {'trino_v': CAST(NULL AS ${type.sql})}${key})` : `{'trino_v': ${sql}}${key}`;
  };
  // (An operand evaluated apart is checked as the lambda's parameter below.)
  const checked = (sql: string) =>
    booleanDecimalBound(
      toJsonBound(
        jsonBound(
          type.base === 'ROW' && !widths ? rowWidthChecked(sql, value, target) : tryCast && !(operandApart && shim) ? castableChecked(sql, value, type) : sql,
        ),
      ),
    );
  // (A TRY_CAST's operand evaluated apart is the lambda parameter x: its guard and json reading are built over x.)
  let failingAgain: string | undefined;
  if (!shim && JSON_READ_TARGETS.has(type.base) && !isLiteralOperand(operand)) {
    const ownGuard = operandApart ? nestedIpCastGuard(x, type.sql) : guarded;
    const ownSource = operandApart ? `trino_json_cast_source(${ownGuard}, ${sqlString(written)}, ${tryCast})` : source;
    shim = nestedCastShim(ownGuard, ownSource, operand, type, target);
    if (tryCast && BOUNDED_VARCHAR.test(written) && !hasAggregate(value)) {
      // Built over a lambda's parameter: DuckDB would evaluate an expression written both inside and outside try() once,
      // outside it (its common subexpressions), but looks into no lambda.
      const retryGuard = nestedIpCastGuard(TRY_AGAIN_OPERAND, type.sql);
      const retrySource = readsJson ? `trino_json_cast_source(${retryGuard}, ${sqlString(written)}, ${tryCast})` : retryGuard;
      const [lenient, strict] = [true, false].map((cut) => nestedCastShim(retryGuard, retrySource, operand, type, target, cut));
      // Only where the operand's type holds such a text (typeof folds while binding): a failing row is tried again.
      const uncaught = `regexp_matches(typeof(${value}), '\\b(?:BOOLEAN|INTERVAL|UUID|TIMESTAMP|trino_instant|trino_ipaddress)')`;
      failingAgain = `CASE WHEN ${uncaught} THEN list_transform([${value}], lambda ${TRY_AGAIN_OPERAND}: CASE WHEN try(${lenient}) IS NOT NULL THEN ${strict} END)[1] END`;
    }
  }
  // An operand evaluated apart is checked as the lambda's parameter, which binds it once (castableChecked).
  const tried =
    shim && operandApart
      ? `list_transform([${value}], lambda ${TRY_OPERAND}: ${castableChecked(refusingJson(TRY_OPERAND, `try(${shim})`), TRY_OPERAND, type, true)})[1]`
      : refusingJson(value, `try(${shim})`);
  const cast = shim ? (tryCast ? tried : shim) : refusingJson(value, `${tryCast ? 'TRY_CAST' : 'CAST'}(${source} AS ${type.sql})`);
  // A TRY_CAST whose operand is constant (a literal, or any expression over constants such as date_format(TIMESTAMP
  // '…', '…')) is folded by DuckDB, and a failing one into an untyped NULL: its type is kept by a NULL DuckDB does not
  // fold, for every operand (TRY refuses a volatile argument, so it goes next to the TRY, not into it). coalesce only
  // evaluates it where the cast failed.
  if (!tryCast) return checked(cast);
  const orNull = `coalesce(${cast}, CAST(${UNFOLDED_NULL} AS ${type.sql}))`;
  if (!shim || !type.sql.includes('VARCHAR') || /^\s*(?:DATE|TIME|TIMESTAMP)\s+'[^']*'\s*$/i.test(value)) return checked(orNull);
  // CAST(double or real AS varchar) fails where Trino's digits are not known locally (DOUBLE_TO_VARCHAR): under TRY it
  // would become NULL where Trino answers, so a double or real (in an array, map or row too) is cast outside TRY, chosen
  // by the operand's type while binding; into varchar(n), whose too long text TRY makes NULL, it stays inside.
  const floating = type.base === 'VARCHAR' ? `typeof(${value}) IN ('DOUBLE', 'FLOAT')` : `regexp_matches(typeof(${value}), '\\b(DOUBLE|FLOAT)\\b')`;
  // Into varchar(n), Trino 476's TRY makes a too long text NULL for numbers and dates only: a boolean's, timestamp's,
  // interval's or scalar json's fails (GENERIC_INTERNAL_ERROR "Character count exceeds length limit 3"), and a uuid or
  // ipaddress has no cast to varchar(n) at all: those are cast outside TRY.
  const unbounded =
    type.base === 'VARCHAR' && type.length
      ? `(regexp_full_match(typeof(${value}), 'BOOLEAN|INTERVAL|UUID|TIMESTAMP.*|STRUCT\\(trino_(?:instant|ipaddress) .*')
         OR (typeof(${value}) = 'JSON' AND json_type(TRY_CAST(${value} AS JSON)) NOT IN ('ARRAY', 'OBJECT')))`
      : 'false';
  const reals = type.length ? unbounded : failingAgain ? 'false' : floating;
  // varbinary to varchar fails at analysis in Trino 476 (TYPE_MISMATCH), under TRY_CAST too.
  const bytes = type.base === 'VARCHAR' ? `typeof(${value}) = 'BLOB'` : `regexp_matches(typeof(${value}), '\\bBLOB\\b')`;
  const untried = operandApart ? `list_transform([${value}], lambda ${TRY_OPERAND}: ${shim})[1]` : shim;
  // Into an array, map or row holding a varchar(n), Trino 476's TRY gives NULL where any part fails as a number's or
  // date's too long text does (INVALID_CAST_ARGUMENT), and fails where only texts of the types nested-casts.ts
  // UNCAUGHT_TOO_LONG names are too long (TRY_CAST(ROW(true, 1) AS row(a varchar(3), b integer)), ROW(ROW(true), 1)
  // likewise; ROW(true, 1234) to two varchar(3) is NULL), in whatever order: where the cast fails, it is tried again
  // with such texts cut (failingAgain); if that answers, the failure was theirs and the cast runs outside TRY. Rows
  // whose cast answers pay nothing more.
  const nullOrFailure = failingAgain ? `coalesce(${cast}, ${failingAgain}, CAST(${UNFOLDED_NULL} AS ${type.sql}))` : orNull;
  return checked(`CASE WHEN ${reals} THEN ${untried} WHEN ${bytes} THEN cast_to_type(${VARBINARY_TO_VARCHAR_FAIL}, ${orNull}) ELSE ${nullOrFailure} END`);
}

/**
 * sum(NULL), avg(NULL): Trino 476 fails with AMBIGUOUS_FUNCTION_CALL ("Could not choose a best candidate operator.
 * Explicit type casts must be added."): a NULL of no type matches its bigint, double, real, decimal and interval
 * forms alike, as reverse(NULL) and substr(NULL, 1) match their varchar, varbinary and array forms (`anyArity`: the
 * first of several arguments; substring(NULL, 1), of varchar forms only, is a varchar NULL in Trino). DuckDB answers NULL. Reported here; true when it was.
 */
export function refusedUntypedNull(c: CallContext, anyArity = false): boolean {
  if ((!anyArity && c.args.length !== 1) || c.args.length === 0 || !/^(?:DISTINCT\s+)?NULL$/i.test(c.arg(0))) return false;
  const name = c.name.text.toLowerCase();
  c.report(
    'ambiguous-call',
    `${name}(NULL): Could not choose a best candidate operator. Explicit type casts must be added (Athena fails with AMBIGUOUS_FUNCTION_CALL: a NULL of no type matches every form of ${name})`,
    `CAST the NULL to a type: ${name}(CAST(NULL AS bigint))`,
  );
  return true;
}

/**
 * An aggregate's own `ORDER BY` (sum(x ORDER BY y)) split from its value: the value's rewrites wrap macros around it
 * (trino_summand, the type witnesses), and DuckDB fails when an ORDER BY sits inside a macro's call ("… is a Macro
 * Function. "DISTINCT", "FILTER", and "ORDER BY" are only applicable to aggregate functions"). The returned context
 * holds the value alone; `order` (' ORDER BY …', rendered, or '') goes back inside the aggregate's own call, where
 * DuckDB checks its keys' types as Trino 476 does (a map key fails) and, as Trino, ignores it for an order-insensitive
 * aggregate. Found in the rendered text at depth 0, outside quotes; the arguments' nodes are cut at ORDER too.
 */
export function splitAggregateOrder(c: CallContext): { c: CallContext; order: string } {
  const first = c.args[0] ?? [];
  const m = meaningful(first);
  const at = m.findIndex((n, k) => nodeKeyword(n) === 'ORDER' && nodeKeyword(m[k + 1]) === 'BY');
  if (at < 0) return { c, order: '' };
  const text = c.all();
  let depth = 0;
  let cut = -1;
  for (let k = 0; k < text.length && cut < 0; k++) {
    const ch = text[k];
    if (ch === "'" || ch === '"') {
      let end = k + 1;
      while (end < text.length && !(text[end] === ch && text[end + 1] !== ch)) end += text[end] === ch ? 2 : 1;
      k = end;
    } else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (depth === 0 && /^ORDER\s+BY\b/i.test(text.slice(k, k + 20)) && !/\w/.test(text[k - 1] ?? '')) cut = k;
  }
  if (cut < 0) return { c, order: '' };
  const value = text.slice(0, cut);
  const nodes = first.slice(0, first.indexOf(m[at]));
  return { c: { ...c, args: [nodes], arg: () => value.trim(), all: () => value.trimEnd() }, order: ` ${text.slice(cut).trim()}` };
}

function sumCall(whole: CallContext): string | undefined {
  const { c, order } = splitAggregateOrder(whole);
  if (refusedUntypedNull(c)) return undefined;
  const first = meaningful(c.args[0] ?? []);
  const distinct = nodeKeyword(first[0]) === 'DISTINCT';
  const value = distinct ? c.render((c.args[0] ?? []).slice((c.args[0] ?? []).indexOf(first[0]) + 1)).trim() : c.arg(0);
  // sum() of integers is HUGEINT in DuckDB (written to Parquet as DOUBLE); Trino's is BIGINT. The witness is dropped
  // at plan time, so this costs nothing. An aggregate inside an aggregate cannot go through the typed witness; DuckDB's
  // HUGEINT is then reported as bigint.
  // trino_sum_checked(total, witness) casts the total to the witness's type: a decimal total past 38 digits fails as in
  // Trino, a real one past the range is ±Infinity (decimal-macros.ts).
  if (hasOuterAggregate(value)) {
    // A window over an aggregate (sum(sum(x)) OVER ()): the witness binds the aggregate through a lambda, where the typed
    // macro sees its type (as an argument it would be UNKNOWN); an aggregate over an aggregate has no witness.
    if (!/^\s*OVER\b/i.test(c.tail) || /\bOVER\b/i.test(value)) return `trino_sum_checked(sum(${c.all()}${order})${c.tail})`;
    const element = unknownGuarded('trino_e', c.mayHoldUnknown === true, 'sum');
    const typed = `min(${distinct ? 'DISTINCT ' : ''}list_transform([${value}], lambda trino_e: trino_sum_type(${element}))[1])${c.tail}`;
    // An interval's milliseconds (trino_summand) through a lambda too: the typed macro would not see the aggregate's type.
    const lone = c.all().trim() === `${distinct ? 'DISTINCT ' : ''}${value}`.trim();
    const summed = lone ? `${distinct ? 'DISTINCT ' : ''}list_transform([${value}], lambda trino_e: trino_summand(trino_e))[1]` : c.all();
    return `trino_sum_windowed(sum(${summed}${order})${c.tail}, ${typed})`;
  }
  // The witness is bound for its type only: without the value's refusal guards (type-witness.ts).
  const witness = unknownWitness(withoutRefusalGuards(value), c.mayHoldUnknown === true, 'sum');
  // An interval is summed as its milliseconds (trino_summand), where the call holds the value alone.
  const summed = c.all().trim() === `${distinct ? 'DISTINCT ' : ''}${value}`.trim() ? `${distinct ? 'DISTINCT ' : ''}trino_summand(${value})` : c.all();
  const typed = `min(${distinct ? 'DISTINCT ' : ''}trino_sum_type(${witness}))${c.tail}`;
  // A window's bigint sum wraps around in Trino 476 (trino_sum_windowed). An aggregate's fails once a running total in
  // Trino's order leaves the range: the sum of the positive values beside it tells whether any order can (a bigint
  // input only; trino_sum_positive is a constant NULL for the other types, decimal-macros.ts trino_sum_orderless).
  if (/^\s*OVER\b/i.test(c.tail)) return `trino_sum_windowed(sum(${summed}${order})${c.tail}, ${typed})`;
  const positive = `sum(${distinct ? 'DISTINCT ' : ''}trino_sum_positive(${value}))${c.tail}`;
  return `trino_sum_checked(sum(${summed}${order})${c.tail}, ${typed}, ${positive})`;
}

/**
 * reduce(a, initial, (s, x) -> …, s -> …): Trino 476's state has the common type of the initial value and the step's
 * result, whatever the element type (reduce(ARRAY[1.5e0], 5, (s, x) -> s / 2, s -> s) is the integer 2, over zoned or
 * text elements an integer state too), where DuckDB's list_reduce gives the state the elements' common type with the
 * initial value (a double 2.5) or fails to bind ("The initial value type must be the same as the list child type").
 * The list reduced is of {s, x} pairs: the state rides beside each element, typed by the initial pair, whose state
 * cast_to_type types as the step applied to the initial value (not evaluated: DuckDB folds it while binding).
 */
function reduceSteps(c: CallContext): string | undefined {
  // The step as rendered, `lambda s, x: body` (its parameters checked as columns), applied to two values through
  // one-element lists: DuckDB calls a lambda only inside a list function.
  const lambda = /^lambda\s+([^,:]+),\s*([^,:]+):\s*([\s\S]*)$/.exec(c.arg(2));
  if (!lambda) return undefined;
  const [, s, x, body] = lambda;
  const step = (state: string, element: string) => `list_transform([${state}], lambda ${s}: list_transform([${element}], lambda ${x}: ${body})[1])[1]`;
  const a = `(${c.arg(0)})`;
  // A NULL of the element type: DuckDB's a[0] (lists count from 1).
  const none = `${a}[0]`;
  const initial = c.arg(1);
  const typed = `[${initial}, ${step(initial, none)}][1]`;
  // A bare NULL start with a step that keeps the state NULL (`(s, x) -> s`) is Trino's unknown state, which cast_to_type
  // cannot make: the state is the list's element itself there (the step then runs once more, on NULLs).
  const state = /^\s*NULL\s*$/i.test(initial) ? typed : `cast_to_type(${initial}, ${typed})`;
  const next = step("struct_extract(trino_acc, 's')", "struct_extract(trino_el, 'x')");
  // The elements' pairs carry a NULL state: DuckDB reduces over their common type with the initial pair's.
  const reduced = `struct_extract(list_reduce(list_transform(${a}, lambda trino_e: {'s': NULL, 'x': trino_e}), lambda trino_acc, trino_el: {'s': ${next}, 'x': struct_extract(trino_el, 'x')}, {'s': ${state}, 'x': ${none}}), 's')`;
  // Trino solves the state's type step by step and fails when it does not settle (GENERIC_INTERNAL_ERROR
  // "SignatureBinder.iterativeSolve does not converge after 4 iterations"): a decimal state whose step changes its
  // precision or scale (s + x over decimals, 0.5 + x over integers). Refused while binding when the step applied to
  // the state's type gives a decimal of another type; DuckDB answered the sum in the widened type. A step giving
  // another type than the state's (a tinyint, a boolean or NULL after an integer start, a real after a double start)
  // fails FUNCTION_NOT_FOUND in Trino 476 ("Unexpected parameters … for function reduce"), refused alike. Where the
  // array is an aggregate, which a constant key cannot read, or an outer column (a correlated subquery, whose struct
  // key DuckDB cannot fold), the check fails per row instead (over no rows it answers).
  const unsettled = (state: string, after: string) => ({
    decimal: `typeof([${state}]) LIKE 'DECIMAL%' AND typeof([${after}]) LIKE 'DECIMAL%' AND typeof([${after}]) <> typeof([${state}])`,
    other: `typeof([${after}]) <> typeof([${state}])`,
  });
  // The other type is judged from the start's own type: DuckDB types a literal start by the step beside it (0 beside
  // a tinyint is a tinyint), where Trino's 0 is an integer.
  const own = `[${initial}][1]`;
  const typedOwn = `[${own}, ${step(own, none)}][1]`;
  let check = { decimal: unsettled(typed, step(typed, none)).decimal, other: unsettled(typedOwn, step(typedOwn, none)).other };
  if (c.correlatable === true) {
    // A bare NULL start is no decimal state (its per-row check could not type the failure: cast_to_type to NULL).
    if (/^\s*NULL\s*$/i.test(initial)) return reduced;
    // The element's NULL read once, outside the lambdas, where DuckDB binds an outer column.
    const stepOf = (state: string) => `list_transform([${state}], lambda ${s}: ${body})[1]`;
    const typedIn = `[${initial}, ${stepOf(initial)}][1]`;
    const typedOwnIn = `[${own}, ${stepOf(own)}][1]`;
    const read = (condition: string) => `list_transform([${none}], lambda ${x}: ${condition})[1]`;
    check = { decimal: read(unsettled(typedIn, stepOf(typedIn)).decimal), other: read(unsettled(typedOwnIn, stepOf(typedOwnIn)).other) };
  }
  if (hasAggregate(c.all()) || c.correlatable === true)
    return `CASE WHEN ${check.decimal} THEN cast_to_type(trino_fail(${sqlString(REDUCE_STATE_UNSETTLED)}), ${reduced})
      WHEN ${check.other} THEN cast_to_type(trino_fail(${sqlString(REDUCE_STATE_TYPE)}), ${reduced}) ELSE ${reduced} END`;
  return `{'trino_v': coalesce(${reduced})}[CASE WHEN ${check.decimal} THEN '${REFUSED_KEY_MARKER}reduce state'
    WHEN ${check.other} THEN '${REFUSED_KEY_MARKER}reduce state type' ELSE 'trino_v' END]`;
}

function reduceCall(c: CallContext): string | undefined {
  if (c.args.length !== 4) return undefined;
  const reduced = reduceSteps(c);
  if (reduced === undefined) return undefined;
  const finish = meaningful(c.args[3]);
  const identity = finish.length === 3 && nodeText(finish[0]) === nodeText(finish[2]);
  return identity ? reduced : `list_transform([${reduced}], ${c.arg(3)})[1]`;
}

/**
 * count(DISTINCT x) and approx_distinct(x) count zoned timestamps by instant, as Trino's equality and hash of
 * `timestamp with time zone` read only the instant (10:00 UTC and 11:00 +01:00 are one value). trino_cmp of any other
 * type expands to x itself, so ordinary columns are counted as before, at no cost.
 */
const distinctByInstant =
  (to: string): CallHandler =>
  (c) => {
    const distinct = to === 'count' ? /^DISTINCT\s+/i.exec(c.arg(0))?.[0] : '';
    if (distinct === undefined || c.args.length !== 1 || hasAggregate(c.arg(0))) return `${to}(${c.all()})${c.tail}`;
    return countedByInstant(to, distinct, c.arg(0).slice(distinct.length), c.tail, to !== 'count');
  };

const MAP_HASH_REFUSAL = `cast_to_type(trino_fail('approx_distinct of a map whose keys and values hash alike (one type, or integers and dates): Athena hashes a map as the sum of hash(key) XOR hash(value), so {1:1} and {2:2} count as one value, which the local engine does not reproduce; use count(DISTINCT m)'), 0::BIGINT)`;

/**
 * `to([DISTINCT] value)` by instant; a value holding a map by its entries as a set. `byHash`: approx_distinct, which
 * counts values by their hash, so maps keyed by NaN, equal to nothing, are one value there as well.
 */
function countedByInstant(to: string, distinct: string, value: string, tail: string, byHash: boolean): string {
  const counted = `${to}(${distinct}${shimCall('trino_cmp', [value])})${tail}`;
  if (to === 'count' && distinct === '') return counted;
  // A value holding a map is counted by its entries as a set (Trino 476: count(DISTINCT m) of MAP(ARRAY[1, 2], …)
  // and MAP(ARRAY[2, 1], …) is 1); the CASE folds while binding and the unused aggregate is dropped.
  const key = byHash ? 'trino_unordered_hash_key' : 'trino_unordered_key';
  const byKey = `${to}(${distinct}${key}(${value}))${tail}`;
  // By hash, maps whose keys and values hash alike collide in Trino (trino_map_hash_alike): refused while running.
  const maps = byHash ? `CASE WHEN trino_map_hash_alike(any_value(${value})${tail}) THEN ${MAP_HASH_REFUSAL} ELSE ${byKey} END` : byKey;
  return `CASE WHEN trino_holds_map(any_value(${value})${tail}) THEN ${maps} ELSE ${counted} END`;
}

/**
 * approx_distinct(x): Trino's HyperLogLog stays sparse, and exact, while it holds few values (Trino 476: exact for every
 * count to 251 over integers, texts, dates and doubles; 252 of 256 integers), where DuckDB's estimate already misses
 * (4 dates counted 3; aggregates, seed 20261231, case 22). Up to 250 distinct values the count is exact, also over a
 * window (DuckDB's estimate there counted those 4 dates 3 as well); past them the two estimates differ (Trino 476: 298
 * for 1..300, 1008 for 1..1000, 4941 for 1..5000, where DuckDB's were 339, 1232 and 5618), so the count is refused
 * while running (hunt37).
 */
const APPROX_DISTINCT_EXACT_UP_TO = 250;
const approxDistinctRefusal = (limit: string) =>
  `cast_to_type(trino_fail('approx_distinct counted more than ' || (${limit}) || ' distinct values, where Athena''s HyperLogLog estimate is not reproduced locally: use count(DISTINCT x) for an exact count'), 0::BIGINT)`;
const approxDistinct: CallHandler = (c) => {
  if (c.args.length === 2) return approxDistinctWithError(c);
  // approx_distinct(DISTINCT x) counts the same values as approx_distinct(x) (Trino 476: 2 for 1, 1, 2, NULL); the
  // DISTINCT went inside the key macro ("DISTINCT … only applicable to aggregate functions").
  const value = c.arg(0).replace(/^\s*DISTINCT\s+/i, '');
  if (c.args.length !== 1) return distinctByInstant('approx_count_distinct')(c);
  if (hasAggregate(value)) return approxDistinctOfAggregate(value, c.tail);
  const exact = countedByInstant('count', 'DISTINCT ', value, c.tail, true);
  return `CASE WHEN ${exact} <= ${APPROX_DISTINCT_EXACT_UP_TO} THEN ${exact} ELSE ${approxDistinctRefusal(String(APPROX_DISTINCT_EXACT_UP_TO))} END`;
};

/**
 * approx_distinct(agg) OVER (…) of an aggregate (a window over a grouped query): the same exact count up to 250 values,
 * where DuckDB's estimate counted 40 dates 41 (hunt38, Trino 476: 40). The key macros take the aggregate inside a
 * lambda, where it has its type (their _any variants read any value as a timestamp), and the count is bound once.
 */
function approxDistinctOfAggregate(value: string, tail: string): string {
  const keyed = (key: string) => `count(DISTINCT list_transform([${value}], lambda trino_e: ${key}(trino_e))[1])${tail}`;
  const maps = `CASE WHEN trino_map_hash_alike(any_value(${value})${tail}) THEN ${MAP_HASH_REFUSAL} ELSE ${keyed('trino_unordered_hash_key')} END`;
  const exact = `CASE WHEN trino_holds_map(any_value(${value})${tail}) THEN ${maps} ELSE ${keyed('trino_cmp')} END`;
  return `list_transform([${exact}], lambda trino_n: CASE WHEN trino_n <= ${APPROX_DISTINCT_EXACT_UP_TO} THEN trino_n ELSE ${approxDistinctRefusal(String(APPROX_DISTINCT_EXACT_UP_TO))} END)[1]`;
}

/**
 * approx_distinct(x, e): Trino's sketch has 2^ceil(log2(ceil(1.0816 / e²))) buckets and stays exact while sparse, for
 * about buckets / 8 values (Trino 476 over integers, texts and dates: exact to 58 with 512 buckets, e = 0.05; 250 with
 * 2048; 2042 with 16384; only to 2 below 512 buckets); a row whose e is NULL is not counted, and an e outside
 * [0.0040625, 0.26] fails on the first row (trino_approx_exact_up_to). Past that count it is refused while running, as
 * approx_distinct(x) past 250 (Trino 476: 104 for approx_distinct(x, 0.1) of 1..100, DuckDB's estimate 96).
 */
function approxDistinctWithError(c: CallContext): string | undefined {
  const [x, e] = [c.arg(0), c.arg(1)];
  if (/\bOVER\b/i.test(c.tail) || hasAggregate(x) || hasAggregate(e)) {
    c.report('approx-distinct', 'approx_distinct(x, e) runs locally as an aggregate of plain values only (not in a window)', 'use approx_distinct(x)');
    return undefined;
  }
  const counted = `CASE WHEN (${e}) IS NOT NULL THEN ${x} END`;
  const exact = countedByInstant('count', 'DISTINCT ', counted, c.tail, true);
  const limit = `coalesce(max(trino_approx_exact_up_to(${e}))${c.tail}, 0)`;
  return `CASE WHEN ${exact} <= ${limit} THEN ${exact} ELSE ${approxDistinctRefusal(limit)} END`;
}

/**
 * bitwise_and_agg, bitwise_or_agg, bitwise_xor_agg: DuckDB's bit_and, bit_or, bit_xor of the integer-checked value as a
 * bigint, written out here rather than as a macro, which would take no DISTINCT, FILTER or OVER.
 */
const bitwiseAggregate =
  (to: string, name: string): CallHandler =>
  (c) => {
    const distinct = /^DISTINCT\s+/i.exec(c.arg(0))?.[0] ?? '';
    return `CAST(${to}(${distinct}trino_integer_arg(${c.arg(0).slice(distinct.length)}, '${name}'))${c.tail} AS BIGINT)`;
  };

const NORMAL_FORMS = ['NFC', 'NFD', 'NFKC', 'NFKD'];

/** Words of a percentile written as a constant (0.5, ARRAY[0.1, 0.9], CAST(NULL AS array(double))). */
const CONSTANT_WORDS = new Set(['ARRAY', 'CAST', 'TRY_CAST', 'AS', 'NULL', 'DOUBLE', 'REAL', 'DECIMAL']);

/** A percentile that names something else than CONSTANT_WORDS (a column, a function): read from the rows. */
function fromRows(arg: readonly Node[]): boolean {
  const words = arg
    .map(nodeText)
    .join('')
    .replace(/'(?:[^']|'')*'/g, "''")
    .match(/\b[A-Za-z_]\w*/g);
  return (words ?? []).some((w) => !CONSTANT_WORDS.has(w.toUpperCase()));
}

/**
 * `CAST(e AS array(double))` (or TRY_CAST) as the whole argument: an array of percentages (Trino 476:
 * approx_percentile(x, CAST(NULL AS array(double))) is NULL, array(bigint); it was read as one percentage, and DuckDB
 * failed "Cannot apply operator: double[] * bigint").
 */
function castToArray(arg: readonly Node[]): boolean {
  const [word, paren, ...rest] = meaningful(arg);
  if (rest.length > 0 || !['CAST', 'TRY_CAST'].includes(nodeKeyword(word)) || !isParen(paren)) return false;
  const inner = meaningful(paren.items);
  let as = -1;
  for (let k = 0; k < inner.length; k++) if (nodeKeyword(inner[k]) === 'AS') as = k;
  return as >= 0 && nodeKeyword(inner[as + 1]) === 'ARRAY';
}

export const FUNCTIONS: Record<string, CallHandler> = {
  // aggregates
  sum: sumCall,
  bitwise_and_agg: bitwiseAggregate('bit_and', 'bitwise_and_agg'),
  bitwise_or_agg: bitwiseAggregate('bit_or', 'bitwise_or_agg'),
  bitwise_xor_agg: bitwiseAggregate('bit_xor', 'bitwise_xor_agg'),
  // Trino 476 takes a boolean only (count_if(x) of an integer: FUNCTION_NOT_FOUND); CASE WHEN would cast it.
  count_if: (c) => `count(CASE WHEN trino_condition(${c.arg(0)}, 'count_if') THEN 1 END)${c.tail}`,
  count: distinctByInstant('count'),
  approx_distinct: approxDistinct,
  approx_percentile: (c) => {
    if (c.args.length !== 2) {
      c.report('approx-percentile', 'approx_percentile with weights or accuracy is not supported locally', 'use approx_percentile(x, p)');
      return undefined;
    }
    // Trino answers with an element of the input (trino_percentile_pick says which). The witness gives Trino's
    // result type (bigint for any integer); an array of percentages gives an array.
    if (hasAggregate(c.arg(0))) return call('quantile_disc', c);
    // approx_percentile(DISTINCT x, p) picks among the distinct values (Trino 476: 2 for 1, 1, 1, 2, 3 at 0.5); the
    // DISTINCT goes to the list only (a macro takes none: DuckDB failed, hunt37).
    const distinct = /^\s*DISTINCT\s+/i.exec(c.arg(0))?.[0] ?? '';
    const value = c.arg(0).slice(distinct.length);
    const witness = `min(trino_percentile_type(${value}))${c.tail}`;
    // trino_finite_values: a NaN or an infinity fails as in Trino (nan-macros.ts); trino_exact_double_longs: a bigint
    // without an exact double fails (macros.ts).
    const sorted = `list_sort(trino_exact_double_longs(trino_finite_values(list_filter(list(${distinct}${value})${c.tail}, lambda e: e IS NOT NULL))))`;
    if (c.tail.trim() === '' && fromRows(c.args[1])) {
      // A percentile read from the rows (approx_percentile(x, p) of a column p): Trino 476 skips the rows whose value
      // or percentile is NULL and keeps the last row's percentile (1, 2, 3 at 0.5 each: 2, bigint); refused where
      // they differ (trino_row_percentile).
      const p = c.arg(1);
      const rows = `(${value}) IS NOT NULL AND (${p}) IS NOT NULL`;
      const kept = `list_sort(trino_exact_double_longs(trino_finite_values(list(${distinct}${value}) FILTER (WHERE ${rows}))))`;
      const percentile = `trino_row_percentile(any_value(${p}) FILTER (WHERE ${rows}), count(DISTINCT ${p}) FILTER (WHERE ${rows}))`;
      // Bound in a lambda first: the macro's overload is picked by the percentile's type, which DuckDB does not know
      // for an aggregate written as the argument itself ("multiple overloads").
      return `list_transform([{'l': ${kept}, 'p': ${percentile}, 'w': ${witness}}], lambda trino_a: trino_percentile_any(struct_extract(trino_a, 'l'), struct_extract(trino_a, 'p'), struct_extract(trino_a, 'w')))[1]`;
    }
    const first = meaningful(c.args[1])[0];
    const percentages = nodeKeyword(first) === 'ARRAY' || isParen(first, '[') || castToArray(c.args[1]);
    return percentages
      ? `cast_to_type(trino_percentiles_pick(${sorted}, ${c.arg(1)}), [${witness}])`
      : `cast_to_type(trino_percentile_pick(${sorted}, ${c.arg(1)}), ${witness})`;
  },
  arbitrary: rename('any_value'),
  // Trino's map_concat is NULL when any map is NULL; DuckDB's skips a NULL map. Trino's keys come in the order of the
  // maps read from the last to the first (map_concat(MAP(ARRAY[1, 2], …), MAP(ARRAY[2, 3], …)) has keys 2, 3, 1), the
  // last map's value winning; DuckDB keeps a key where it first met it, with the last value: so the maps concatenated
  // backwards give the order, and the same maps forwards (the same keys, concatenated after them) the values.
  // Zoned keys of one instant in other zones: refused (trino_zoned_keys_apart), where Trino keeps one entry.
  map_concat: (c) => {
    const backwards =
      c.args.length > 1
        ? `map_concat(${c.args
            .map((_a, k) => c.arg(k))
            .reverse()
            .join(', ')}), `
        : '';
    return `trino_zoned_keys_apart(CASE WHEN ${c.args.map((_a, k) => `(${c.arg(k)}) IS NULL`).join(' OR ')} THEN NULL ELSE map_concat(${backwards}${c.all()}) END${c.tail})`;
  },
  // Trino's entries are anonymous rows, array(row(K, V)) (DuckDB's are named key and value, which Trino cannot read):
  // their fields get the reserved names the engine reports as anonymous (src/engines/duckdb/types.ts).
  map_entries: (c) =>
    `list_transform(map_entries(${c.all()}), lambda trino_entry: struct_pack(trino_field_0 := trino_entry.key, trino_field_1 := trino_entry.value))${c.tail}`,
  // map_agg(DISTINCT k, v) takes the distinct (k, v) pairs.
  map_agg: (c) => {
    const distinct = /^DISTINCT\s+/i.exec(c.arg(0))?.[0] ?? '';
    return `trino_zoned_keys_apart(trino_map_agg(list(${distinct}struct_pack(key := trino_map_agg_key(${c.arg(0).slice(distinct.length)}), value := ${c.arg(1)}))${c.tail}))`;
  },
  map_from_entries: (c) => `trino_zoned_keys_apart(trino_map_from_entries(${c.all()}))`,
  // NaN: DuckDB's histogram counted every value under one NaN key (Trino 476: NaN is one key beside the others).
  histogram: (c) =>
    `trino_zoned_keys_apart(trino_nan_histogram(histogram(trino_nan_null(trino_map_agg_key(${c.arg(0)})))${c.tail}, count_if(trino_nan_of(${c.arg(0)}))${c.tail}))`,
  // The addends' sum taken modulo 2^64 (DuckDB sums UBIGINT as HUGEINT) as Trino's wrapping long sum.
  checksum: (c) => `trino_checksum_result(CAST(sum(trino_checksum_term(${c.arg(0)}))${c.tail} % 18446744073709551616 AS UBIGINT))`,
  approx_most_frequent: (c) => `trino_approx_most_frequent(${c.arg(0)}, histogram(trino_most_frequent_key(${c.arg(1)}))${c.tail}, ${c.arg(2)})`,
  numeric_histogram: (c) =>
    `trino_numeric_histogram(${c.arg(0)}, histogram(trino_histogram_value(${c.arg(1)}))${c.tail}, count_if(isnan(trino_histogram_value(${c.arg(1)})))${c.tail})`,
  map_union: (c) => `trino_map_union(list(${c.arg(0)})${c.tail})`,
  multimap_agg: (c) => `trino_multimap_agg(list(struct_pack(key := trino_map_agg_key(${c.arg(0)}), value := ${c.arg(1)}))${c.tail})`,
  // The input function folded over the non-NULL values (Trino skips NULL inputs); NULL when there is none. The
  // combine function only merges partial states in Trino, so one fold gives its answer.
  reduce_agg: (c) =>
    `CASE WHEN count(${c.arg(0)})${c.tail} > 0 THEN list_reduce(list_filter(list(${c.arg(0)})${c.tail}, lambda trino_x: trino_x IS NOT NULL), ${c.arg(2)}, ${c.arg(1)}) END`,

  // dates and times
  // date_sub counts whole elapsed units, which is Trino's date_diff; zoned values count on the first one's wall clock
  // (days and longer) or between instants (datetime-field-macros.ts).
  date_diff: (c) => (c.args.length === 3 ? call('trino_date_diff', c) : undefined),
  date_add: (c) => {
    if (dateAddPastEveryDate(c.args[0] ?? [], c.args[1] ?? [])) {
      c.report(
        'date-out-of-range',
        `date_add(): a count of ${(c.args[1] ?? []).map(nodeText).join('').trim()} moves every date past Athena's range of dates (about 5.8 million years either way), so it fails on Athena`,
        'use a count within the range of dates',
      );
      return undefined;
    }
    const count = meaningful(c.args[1] ?? []);
    const name = count.length === 1 ? nodeText(count[0]).replace(/^"|"$/g, '').toLowerCase() : '';
    const cell = c.valuesCells?.get(name)?.find((v) => dateAddFoldFails(c.args[0] ?? [], v));
    if (cell !== undefined) {
      c.report(
        'date-out-of-range',
        `date_add(): the count ${name} of a VALUES row (${meaningful(cell).map(nodeText).join('')}) moves the date past Athena's range; Athena computes the call while planning over literal rows and fails, also in an IF or CASE branch not taken`,
        'keep the count within the range of dates, or read the rows from a table',
      );
      return undefined;
    }
    return `${shimCallText('trino_date_add', c.all())}${c.tail}`;
  },
  date_trunc: typedRename('trino_date_trunc'),
  from_iso8601_timestamp: rename('trino_from_iso8601_timestamp'),
  from_iso8601_date: (c) => `trino_from_iso8601_date(${c.arg(0)})`,
  from_unixtime: (c) => call('trino_from_unixtime', withZoneKey(c, 1)),
  to_unixtime: (c) => (bareNull(c) ? 'CAST(NULL AS DOUBLE)' : typedRename('trino_to_unixtime')(c)),
  to_iso8601: typedRename('trino_to_iso8601'),
  with_timezone: (c) => (bareNullBeforeZone(c) ? ZONED_NULL : call('trino_with_timezone', withZoneKey(c, 1))),
  at_timezone: (c) => (bareNullBeforeZone(c) ? ZONED_NULL : typedRename('trino_at_time_zone')(withZoneKey(c, 1))),
  now: () => 'trino_now()',
  // Trino's grammar takes current_timestamp or current_timestamp(precision); `current_timestamp()` is a syntax error.
  current_timestamp: (c) => {
    c.report('syntax', 'current_timestamp() with empty parentheses is a syntax error on Athena', 'write current_timestamp');
    return undefined;
  },
  date: (c) => shimCall('trino_to_date', [c.arg(0)]),
  year: foldingLiteral('year', onWallClock('year')),
  quarter: onWallClock('quarter'),
  month: foldingLiteral('month', onWallClock('month')),
  week: onWallClock('week'),
  week_of_year: onWallClock('week'),
  day: foldingLiteral('day', onTimeField('day')),
  day_of_month: onWallClock('day'),
  day_of_week: onWallClock('isodow'),
  dow: onWallClock('isodow'),
  day_of_year: onWallClock('dayofyear'),
  doy: onWallClock('dayofyear'),
  year_of_week: onWallClock('isoyear'),
  yow: onWallClock('isoyear'),
  hour: foldingLiteral('hour', onTimeField('hour')),
  minute: onTimeField('minute'),
  second: onTimeField('second'),
  millisecond: onTimeField('millisecond', (s) => `(${s} % 1000)`),
  last_day_of_month: onWallClock('last_day'),
  extract: (c) => {
    const items = c.group.items;
    const m = meaningful(items);
    const field = nodeKeyword(m[0]);
    const fromIndex = items.findIndex((n) => nodeKeyword(n) === 'FROM');
    const fn = EXTRACT_FIELDS[field];
    if (fromIndex < 0) return undefined;
    const zoneField = ZONE_OFFSET_FIELDS[field];
    if (zoneField) return `${zoneField}(trino_zoned_only(${c.render(items.slice(fromIndex + 1)).trim()}, '${field}'))`;
    if (!fn) {
      c.report('extract-field', `EXTRACT(${field} FROM …) is not supported locally`, 'use hour(), minute(), day_of_week(), …');
      return undefined;
    }
    const operand = c.render(items.slice(fromIndex + 1)).trim();
    // hour(DATE …) is 0 in Trino 476, EXTRACT(HOUR FROM DATE …) TYPE_MISMATCH "Cannot extract HOUR from date".
    // A day-to-second interval's fields are read as whole days and a remainder, as hour() and day() read them (Trino
    // 476: EXTRACT(HOUR FROM INTERVAL '27' HOUR) is 3, EXTRACT(DAY FROM INTERVAL '55' HOUR) 2; DuckDB's 27 and 0).
    // Any other field of an interval fails there.
    const intervalField = field === 'DAY' || TIME_OF_DAY_FIELDS.has(field);
    const checked = TIME_OF_DAY_FIELDS.has(field)
      ? `trino_not_date(${operand}, '${field}')`
      : intervalField || DATETIME_LITERAL.test(operand)
        ? operand
        : `trino_not_interval(${operand}, '${field}')`;
    const value = wall(checked);
    return `${fn}(${intervalField && !DATETIME_LITERAL.test(operand) ? `trino_interval_fields(${value})` : value})`;
  },
  date_format: (c) => {
    const pattern = translatedPattern(c, 1, (p) => ({ p, strftime: mysqlToStrftime(p) }), 'format');
    return pattern && datetimeText(wall(c.arg(0)), c.arg(0), pattern.strftime, 'trino_mysql_text', pattern.p);
  },
  // Trino 476 reads a year of up to 9 digits (and a sign) with the pattern '%Y-%m-%d' only (date_parse('12345-02-03',
  // '%Y-%m-%d') is +12345-02-03; '%Y-%m', '%Y/%m/%d' and '%Y-%m-%d %H' stop after four digits and fail); a year later
  // in the pattern, a sign and four digits (date_parse('02/03/-0005', '%m/%d/%Y') is -0005-02-03).
  date_parse: (c) => {
    const pattern = formatPattern(c, 1, mysqlToStrptime, 'format');
    return pattern && strptimeCall(c.arg(0), pattern, '1970', literalArg(c, 1) === '%Y-%m-%d', 4);
  },
  format_datetime: (c) => {
    const pieces = translatedPattern(c, 1, jodaFormatPieces, 'pattern');
    if (!pieces) return undefined;
    // Each piece names the operand again: the offset needs the zoned value, the text its wall clock.
    const parts = pieces.map((piece) =>
      piece.kind === 'offset'
        ? `trino_joda_offset(${c.arg(0)}, ${piece.colon ? "':'" : "''"})`
        : datetimeText(wall(c.arg(0)), c.arg(0), piece.strftime, 'trino_joda_text', piece.joda),
    );
    return parts.length === 1 ? parts[0] : `(${parts.join(' || ')})`;
  },
  parse_datetime: (c) => {
    const pattern = formatPattern(c, 1, jodaToStrptime, 'pattern');
    // Joda's y, yyy, yyyy… read up to 9 digits where no number follows (Trino 476: parse_datetime('12345-02-03 10:11',
    // 'yyyy-MM-dd HH:mm') is +12345-02-03 10:11 UTC, parse_datetime('12345', 'yyyy') +12345-01-01): a leading year
    // alone or followed by a literal that is not a letter.
    const longYear = /^(?:y|y{3,})(?:[^A-Za-z'0-9]|$)/.test(literalArg(c, 1) ?? '');
    return pattern && `trino_tz_from_wall(${strptimeCall(c.arg(0), pattern, 'year(current_date) - 80', longYear, 9)}, 'UTC')`;
  },

  // arithmetic
  sequence: rename('trino_sequence'),

  // conditionals and casts
  // Trino 476: "Result types for IF must be the same: integer vs varchar(1)" where DuckDB casts one.
  if: (c) =>
    c.args.length === 2
      ? `if(${c.all()}, NULL)`
      : c.args.length === 3
        ? checkedFamilies('if()', `if(${c.all()})${c.tail}`, c.args.slice(1), [c.arg(1), c.arg(2)], true)
        : undefined,
  try: tryCall,
  cast: (c) => castCall(c, false),
  try_cast: (c) => castCall(c, true),

  // strings
  concat: (c) => {
    // Trino 476 fails on one argument whatever its type (INVALID_FUNCTION_ARGUMENT: "There must be two or more
    // concatenation arguments", or FUNCTION_NOT_FOUND for concat(12)); DuckDB returns it as text.
    if (c.args.length < 2) {
      c.report(
        'concat-arguments',
        'concat() needs two or more arguments on Athena: "There must be two or more concatenation arguments"',
        'write the value alone, CAST(x AS varchar) for its text, or concat(a, b, …)',
      );
      return undefined;
    }
    if (mismatchedConcatArguments(c.args)) {
      c.report(
        'concat-types',
        "concat() joins varchar (or array) arguments only on Athena: concat('x', 1) fails there",
        "CAST the other argument to varchar: concat('x', CAST(1 AS varchar))",
      );
      return undefined;
    }
    if (unknownArrayConcatArguments(c.args)) {
      c.report('unknown-array-concat', UNKNOWN_ARRAY_CONCAT.message, UNKNOWN_ARRAY_CONCAT.hint);
      return undefined;
    }
    const append = unknownArrayAppendArguments(c.args);
    if (append) return `list_${append}(${c.arg(0)}, ${c.arg(1)})`;
    const unknown = concatWithUnknown(c.args.map((_a, k) => c.arg(k)));
    if (unknown) return unknown;
    // Two arguments are Trino's array-or-text concat, where a NULL-typed column is an array (unknownGuarded); three
    // or more its varchar concat.
    const args = c.args.map((_a, k) => (c.args.length === 2 ? unknownGuarded(c.arg(k), c.mayHoldUnknown === true, 'concat') : c.arg(k)));
    return args.reduce((left, right) => shimCall('trino_concat', args.length === 2 ? [left, right] : [left, right, 'false']));
  },
  substr: (c) => (c.group.items.some((n) => nodeKeyword(n) === 'FROM') || refusedUntypedNull(c, true) ? undefined : call('trino_substr', c)),
  // substring() has varchar forms only in Trino 476: substring(NULL, 1) is a varchar NULL there.
  // SUBSTRING(s FROM p [FOR n]) has substr's positions (Trino 476: SUBSTRING('abc' FROM 0) is '', DuckDB's 'abc') and
  // reads bytes too; the call form substring(s, p) takes varchar only (trino_substring fails on bytes, as Trino does).
  substring: (c) => {
    const items = c.group.items;
    const from = items.findIndex((n) => nodeKeyword(n) === 'FROM');
    if (from < 0) return call('trino_substring', c);
    const forAt = items.findIndex((n, k) => k > from && nodeKeyword(n) === 'FOR');
    const parts = forAt < 0 ? [items.slice(0, from), items.slice(from + 1)] : [items.slice(0, from), items.slice(from + 1, forAt), items.slice(forAt + 1)];
    const [value, ...positions] = parts.map((p) => c.render(p).trim());
    // Its value may be bytes or text: a NULL of no type matches both forms (Trino 476: AMBIGUOUS_FUNCTION_CALL).
    if (/^NULL$/i.test(value)) {
      c.report(
        'ambiguous-call',
        'SUBSTRING(NULL FROM …): Could not choose a best candidate operator. Explicit type casts must be added (Athena fails with AMBIGUOUS_FUNCTION_CALL: a NULL of no type matches its varchar and varbinary forms)',
        'CAST the NULL to a type: SUBSTRING(CAST(NULL AS varchar) FROM 2)',
      );
      return undefined;
    }
    return `trino_substr(${[unknownGuarded(value, c.mayHoldUnknown === true, 'argument', true, mayBeUnknownExpression(value)), ...positions].join(', ')})${c.tail}`;
  },
  split_part: rename('trino_split_part'),
  // Trino fails on an empty delimiter (DuckDB splits into characters); a NULL delimiter gives NULL (trino_split).
  split: (c) => `trino_split(${c.args.map((_a, k) => c.arg(k)).join(', ')})${c.tail}`,
  replace: rename('trino_replace'),
  // normalize(s, NFD): the form is a keyword of Trino's grammar (a string or another word is a SYNTAX_ERROR), read
  // case-insensitively there but checked in upper case while running (Trino 476: normalize('é', nfd) fails
  // "Normalization form must be one of [NFD, NFC, NFKD, NFKC]"); hunt38, where a form was refused by arity.
  normalize: (c) => {
    if (c.args.length === 1) return `trino_normalize(${c.arg(0)})${c.tail}`;
    const form = meaningful(c.args[1]);
    const word = form.length === 1 && form[0].kind === 'token' && form[0].token.kind === 'word' ? form[0].token.text : '';
    if (!NORMAL_FORMS.includes(word.toUpperCase())) {
      c.report(
        'normalize-form',
        `normalize(s, ${c.args[1].map(nodeText).join('').trim()}): Athena fails with SYNTAX_ERROR (the form is one of the words NFC, NFD, NFKC, NFKD)`,
        'write normalize(s, NFD)',
      );
      return undefined;
    }
    if (!NORMAL_FORMS.includes(word)) return `cast_to_type(trino_fail('Normalization form must be one of [NFD, NFC, NFKD, NFKC]'), '')`;
    return `trino_normalize_form(${c.arg(0)}, '${word}')`;
  },
  format: (c) => {
    // Trino 476 types the format of a NULL literal unknown and fails at analysis (hunt40); locally it was NULL.
    if (/^NULL$/i.test(c.arg(0))) {
      c.report(
        'format-argument',
        'Type of first argument to format() must be VARCHAR (actual: unknown) (Athena: TYPE_MISMATCH)',
        'write the format as a string',
      );
      return undefined;
    }
    // A bare NULL has no type to pick trino_format_value's overload by; Java prints it as "null" whatever it is.
    const values = c.args.slice(1).map((_a, k) => (/^NULL$/i.test(c.arg(k + 1)) ? 'CAST(NULL AS VARCHAR)' : `trino_format_text(${c.arg(k + 1)})`));
    return `trino_java_format(${[c.arg(0), ...values].join(', ')})`;
  },
  regexp_like: rename('regexp_matches'),
  regexp_extract: rename('trino_regexp_extract'),
  regexp_split: (c) => {
    const checked = refuseEmptyMatches(c);
    return checked && call('regexp_split_to_array', checked);
  },
  regexp_position: (c) => {
    const checked = refuseEmptyMatches(c);
    return checked && call('trino_regexp_position', checked);
  },
  regexp_replace: (given) => {
    if (given.args.length === 3 && isLambdaArgument(given, 2, 1)) return regexpReplaceLambda(given);
    const c = refuseEmptyMatches(given, true);
    if (!c) return undefined;
    if (c.args.length === 2) return `regexp_replace(${c.arg(0)}, ${c.arg(1)}, '', 'g')`;
    // A NULL replacement gives NULL (Trino 476: regexp_replace('abc', 'b', NULL) is a varchar NULL); the text and the
    // pattern are still evaluated.
    if (/^NULL$/i.test(c.arg(2).trim())) return `regexp_replace(${c.arg(0)}, ${c.arg(1)}, CAST(NULL AS VARCHAR), 'g')`;
    const replacement = literalArg(c, 2);
    const pattern = literalArg(c, 1);
    const captured = pattern === undefined ? undefined : captureGroups(pattern);
    const groups = captured?.count;
    const re2 = replacement === undefined ? undefined : replacementToRe2(replacement, groups, captured?.names);
    if (re2 !== undefined && 'illegal' in re2) {
      c.report('regexp-replace-backref', `regexp_replace(): ${re2.illegal}`, "escape a literal backslash as '\\\\' and a dollar as '\\$'");
      return undefined;
    }
    if (re2 === undefined) {
      c.report(
        'regexp-replace-backref',
        'regexp_replace(): the replacement must be a string literal using $1-style group references',
        "write the replacement as a literal, e.g. regexp_replace(s, '(a)(b)', '$2$1')",
      );
      return undefined;
    }
    // Trino fails on a match whose replacement names a group the pattern lacks ("Illegal replacement sequence:
    // unknown group N"); RE2 leaves the text as it is. So the groups must be countable, and enough.
    const referenced = re2.highestGroup;
    if (referenced > 0) {
      if (groups === undefined || groups < referenced) {
        c.report(
          'regexp-replace-backref',
          pattern === undefined
            ? 'regexp_replace(): a replacement with group references needs a literal pattern, to check the groups exist'
            : `regexp_replace(): the replacement refers to group ${referenced}, but the pattern has ${groups === 1 ? '1 group' : `${groups} groups`} (Athena fails on any match)`,
          "refer only to the groups the pattern has, e.g. regexp_replace(s, '(a)(b)', '$2$1')",
        );
        return undefined;
      }
    }
    if (referenced > 9) {
      const renumbered = renumberedGroups(c.arg(1), re2.referenced);
      const again = renumbered && replacementToRe2(replacement ?? '', groups, captured?.names, renumbered.numbers);
      if (!renumbered || !again || 'illegal' in again) {
        c.report(
          'regexp-replace-backref',
          `regexp_replace(): the replacement refers to ${re2.referenced.size} groups, up to group ${referenced}; the local engine can refer to nine groups at most`,
          'refer to fewer groups, or make the groups not referred to non-capturing: (?:…)',
        );
        return undefined;
      }
      return `regexp_replace(${c.arg(0)}, ${renumbered.pattern}, ${sqlString(again.re2)}, 'g')`;
    }
    return `regexp_replace(${c.arg(0)}, ${c.arg(1)}, ${sqlString(re2.re2)}, 'g')`;
  },
  json_extract: withJsonPath('trino_json_extract'),
  json_extract_scalar: withJsonPath('trino_json_extract_scalar'),
  json_size: withJsonPath('trino_json_size'),
  json_parse: rename('trino_json'),

  // arrays and maps
  cardinality: (c) => `trino_cardinality(${c.args.length === 1 ? collectionGuarded(c.arg(0)) : c.all()})${c.tail}`,
  // A zoned key is looked up by instant (Trino's map of timestamp with time zone keys: 01:00 +01:00 finds 00:00 UTC).
  element_at: (c) => {
    if (c.args.length !== 2) return call('trino_element_at', c);
    if (c.renderZoned(c.args[1]).zoned) return call('trino_zoned_element_at', c);
    const key = keyByInstant(c.arg(0), c.arg(1), c.correlatable === true || hasAggregate(c.arg(1)));
    return `trino_element_at(${c.arg(0)}, ${textIndexGuarded(c.arg(0), key)})${c.tail}`;
  },
  contains: typedRename('trino_contains'),
  array_position: typedRename('trino_array_position'),
  // The NULL-element check where the SQL shows arrays, maps or rows compared (array-remove.ts).
  array_remove: (c) =>
    c.args.length === 2 ? `${arrayRemoveText(removedType(c.args[0], c.args[1]), c.arg(0), c.arg(1), c.correlatable)}${c.tail}` : call('trino_array_remove', c),
  array_distinct: rename('trino_array_distinct'),
  // array_to_string gives NULL when no element is left; Trino an empty string.
  json_exists: (c) => sqlJsonCall(c, 'trino_sql_json_exists'),
  json_value: (c) => sqlJsonCall(c, 'trino_sql_json_value'),
  json_query: (c) => sqlJsonCall(c, 'trino_sql_json_query'),
  array_join: (c) =>
    elementsToTextBound(
      c,
      c.args.length === 3
        ? `trino_array_join(list_transform(${c.arg(0)}, lambda trino_e: coalesce(trino_text(trino_e), ${c.arg(2)})), ${c.arg(1)})`
        : call('trino_array_join', c),
    ),
  transform: overKnownElements(rename('list_transform')),
  filter: overKnownElements(rename('list_filter')),
  reduce: overKnownElements(reduceCall),
  // In order, up to the deciding element, as Trino stops there (ordered-matches.ts).
  any_match: overKnownElements(orderedMatch('any_match')),
  all_match: overKnownElements(orderedMatch('all_match')),
  none_match: overKnownElements(orderedMatch('none_match')),
  // DuckDB's client merges the fields of a row whose fields have no names (Trino calls them field0, field1, …), so a
  // multi-field anonymous row would come back with one field: refuse it unless it is CAST to a named row type.
  row: (c) => {
    if (c.args.length < 2) return undefined;
    if (rowsCastToJson.has(c.name)) return `row(${c.all()})${c.tail}`;
    c.report(ANONYMOUS_ROW.rule, ANONYMOUS_ROW.message, ANONYMOUS_ROW.hint);
    return undefined;
  },
  ...NULL_AWARE_REWRITES,
  ...LAMBDA_REWRITES,
  ...DECIMAL_RESULT_REWRITES,
  ...WINDOW_REWRITES,
  ...NAN_CALL_REWRITES,
};
