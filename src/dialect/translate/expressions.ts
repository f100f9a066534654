// The expression rewriter: walks the token tree, renders calls through the function table (functions.ts), typed
// literals, lambdas and operators whose DuckDB meaning differs (`/`, `%`, `± INTERVAL`, `AT TIME ZONE`). Text it does
// not rewrite is emitted byte for byte.
import { isExpandedStar } from './column-stars.js';
import { mentionsName } from './unknown-names.js';
import { evaluatedBeside } from './evaluated-beside.js';
import {
  caseConditionStarts,
  comparedTrueOnlyCaseAt,
  type FilterTerm,
  filterTermAt,
  filtersAggregatedTableRows,
  oddNotsBefore,
  valuesOnlyWithQueries,
  filtersTableRows,
  readsValuesRowsOnly,
  trueOnlyIfAt,
  unnestAliasColumns,
  whereEvaluatesTests,
  whereTestsReadOuter,
} from './untyped-predicates.js';
import {
  isColumnName,
  lambdaParameterName,
  type LambdaParameters,
  MAY_BE_UNKNOWN,
  mayBeUnknownExpression,
  retypedElement,
  UNKNOWN_ARRAY,
  unknownGuarded,
  unknownRetyped,
} from './column-operands.js';
import { REGEXP_CALLS, withJavaRegex } from './java-regex.js';
import {
  AMBIGUOUS_NULL_DATETIME,
  AMBIGUOUS_NULL_OPERATOR,
  ambiguousNullDatetimeOperators,
  ambiguousNullOperators,
  mismatchedConcatOperators,
  type ArrayAppend,
  UNKNOWN_ARRAY_CONCAT,
  unknownArrayAppendOperators,
  unknownArrayConcatOperators,
} from './concat-operands.js';
import { decimalDigits, decimalLiteralPast38, integerPastBigint, withoutLeadingZeros } from './number-literals.js';
import type { Diagnostic } from '../diagnostics.js';
import { keyword, stringValue, type Token } from '../tokens.js';
import { arityAccepts, describeArity, DUCKDB_ONLY, FUNCTION_TABLE, lookupFunction, type FunctionEntry } from '../functions/index.js';
import { isCallPosition, partBeforeQualifiedName, SYNTAX_BEFORE_PAREN } from './call-position.js';
import { MEETING_ARGUMENTS, typedIntegerLiterals } from './integer-literal-types.js';
import { checkedArray, checkedCase, checkedValuesColumn, literalsCommonDecimal, literalsLoseScale } from './decimal-common-type.js';
import { failingDecimalComparisons } from './decimal-comparisons.js';
import { rowValues, setOperationColumns, valuesColumns } from './set-operation-columns.js';
import { checkedSetOperationText, setOperationToCheck } from './set-operation-types.js';
import { FOLDED_ORDER, foldedOrderOperator, shortCircuited } from './short-circuits.js';
import { columnNameParts, holdsSelect, type KnownTypes, levelColumnTypes } from './known-types.js';
import { FUNCTIONS, type CallContext } from './functions.js';
import { isDuckdbOnlyReserved, quoteReservedIdentifier } from './identifiers.js';
import { sessionWord } from './session-words.js';
import { DATE_AT_TIME_ZONE, writtenDateBefore } from './date-at-time-zone.js';
import { fixedCallType, isNestedCall, isVarcharCast, isZonedCast, scalarCastType, simpleCaseRender } from './nested-comparisons.js';
import { columnsByInstant, instantColumns, isUnarySign, lastMeaningful, rewriteOperators, type Part } from './operators.js';
import { DOUBLE_ARGUMENT_CALLS, doubleArgument } from './floating-operands.js';
import { hashOrderRefusal, orderFreeArgumentCalls } from './hash-orders.js';
import { firstToken, isCase, isParen, isTriviaNode, meaningful, nodeKeyword, nodeText, splitArgs, splitCallArgs, type GroupNode, type Node } from './tree.js';
import { IPPREFIX_INSTEAD, IPPREFIX_REFUSED, TYPED_LITERAL_KEYWORDS } from './types.js';
import { IP_STRUCT, ipAddressLiteral, NamedScopeError } from '../shims/ip-address.js';
import { TZ0_STRUCT, UNFOLDED_NULL } from '../shims/macros.js';
import { literalZoneKey } from '../shims/datetime-text.js';
import { instantKey, mistypedFrameOffset, orderableCheck, renderWindowSpecification } from './window-keys.js';
import { nanOf, nanOfColumn, nullsFirst, splitOrderElement, withNanKey } from './nan-order.js';
import { guardNanUsingJoins } from './nan-using.js';
import { hasAggregate, shimCall } from './unbound.js';
import { sortedColumn, wrappedForSorting } from './sorted-outside.js';

/** Words that end an operand; anything else bare is an identifier. */
const RESERVED = new Set(
  (
    'SELECT FROM WHERE GROUP BY HAVING ORDER LIMIT OFFSET UNION ALL DISTINCT INTERSECT EXCEPT JOIN INNER LEFT RIGHT ' +
    'FULL OUTER CROSS NATURAL ON USING AS AND OR NOT IS IN LIKE ESCAPE BETWEEN WHEN THEN ELSE END WITH RECURSIVE ' +
    'VALUES OVER PARTITION ROWS RANGE GROUPS FILTER WITHIN ASC DESC NULLS FIRST LAST LATERAL ORDINALITY TABLESAMPLE ' +
    'FETCH NEXT ONLY PRECEDING FOLLOWING CURRENT UNBOUNDED SET UPDATE DELETE MERGE MATCHED INSERT INTO TABLE CREATE ' +
    'DROP ALTER VIEW EXISTS CUBE ROLLUP GROUPING SETS AT SOME ANY'
  ).split(' '),
);
/** The fields of Trino's interval literals (https://trino.io/docs/current/language/types.html#interval-year-to-month). */
const TRINO_INTERVAL_FIELDS = new Set(['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND']);
const INTERVAL_UNITS = new Set(['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'WEEK', 'QUARTER']);
// FILTER, LEFT, RIGHT, GROUPING and MERGE are also functions: `filter(a, x -> …)`, `left(s, 3)` (refused: DuckDB's),
// `grouping(a)`, `merge(sketch)` (refused: HyperLogLog).
const CALLABLE_RESERVED = new Set(['FILTER', 'LEFT', 'RIGHT', 'GROUPING', 'MERGE']);
const NOT_A_CALL = new Set([...RESERVED, 'CASE', ...SYNTAX_BEFORE_PAREN].filter((w) => !CALLABLE_RESERVED.has(w)));
/** The text of a `U&'…'` literal (escape `\\` unless UESCAPE names another: `\\0041`, `\\+01F600`, `\\\\`), or undefined where Trino fails. */
function unicodeLiteralValue(body: string, escape: string): string | undefined {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== escape) {
      out += body[i];
      continue;
    }
    if (body[i + 1] === escape) {
      out += escape;
      i++;
      continue;
    }
    const long = body[i + 1] === '+';
    const hex = body.slice(i + (long ? 2 : 1), i + (long ? 8 : 5));
    if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== (long ? 6 : 4)) return undefined;
    const code = Number.parseInt(hex, 16);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    out += String.fromCodePoint(code);
    i += long ? 7 : 4;
  }
  return out;
}

const LITERAL_FORMS: Readonly<Record<string, RegExp>> = {
  TINYINT: /^\s*[+-]?\d+\s*$/,
  SMALLINT: /^\s*[+-]?\d+\s*$/,
  INTEGER: /^\s*[+-]?\d+\s*$/,
  INT: /^\s*[+-]?\d+\s*$/,
  BIGINT: /^\s*[+-]?\d+\s*$/,
  DECIMAL: /^[+-]?(?:\d+\.?\d*|\.\d+)$/,
  NUMERIC: /^[+-]?(?:\d+\.?\d*|\.\d+)$/,
  DATE: /^\s*[+-]?\d{4,}-\d{1,2}-\d{1,2}\s*$/,
  // Java's Double.parseDouble: NaN and Infinity spelled so, digits with an exponent, a hex float, a d or f suffix
  // (DuckDB also reads inf, nan and 1_0).
  ...Object.fromEntries(
    ['DOUBLE', 'REAL'].map((word) => [
      word,
      /^\s*[+-]?(?:NaN|Infinity|(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|0[xX](?:[\da-fA-F]+\.?[\da-fA-F]*|\.[\da-fA-F]+)[pP][+-]?\d+)[fFdD]?)\s*$/,
    ]),
  ),
};
const TIME_LITERAL_CLOCK = /^\s*(\d+):(\d+)(?::(\d+))?/;
const TIMESTAMP_LITERAL_CLOCK = /^\s*[+-]?\d+-\d+-\d+\s+(\d+):(\d+)(?::(\d+))?/;
/** Hour, minute and second fields of one or two digits within a day (Java's LocalTime ranges). */
const isClockInRange = ([hour, minute, second]: readonly (string | undefined)[]): boolean =>
  [hour, minute, second].every((field) => field === undefined || field.length <= 2) && Number(hour) <= 23 && Number(minute) <= 59 && Number(second ?? 0) <= 59;
// Trino reads one-digit months, days, minutes and seconds too (TIMESTAMP '2001-1-2 3:4:5.321 UTC').
const ZONED_TIMESTAMP = /^([-+]?\d{4,}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{1,2}(?::\d{1,2}(?:\.\d+)?)?)?)\s*([A-Za-z+-]\S*)$/;

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Calls whose result is a `timestamp with time zone`, and calls whose result is zoned when an argument is. */
const ZONED_CALLS = new Set(['now', 'current_timestamp', 'from_iso8601_timestamp', 'from_unixtime', 'with_timezone', 'at_timezone', 'parse_datetime']);
const ZONED_IF_LAST_ARG = new Set(['date_trunc', 'date_add']);
const ZONED_IF_FIRST_ARG = new Set(['max', 'min', 'arbitrary', 'any_value', 'max_by', 'min_by', 'lag', 'lead', 'first_value', 'last_value', 'nth_value']);
const ZONED_IF_ANY_ARG = new Set(['coalesce', 'greatest', 'least', 'if']);
/**
 * The arguments of a call that meet in one type (all when undefined): where one is syntactically zoned, the others
 * are read as zoned in the session zone (trino_tz_coerced), as Trino 476 coerces a plain timestamp or a date.
 */
const ZONED_COERCED_ARGUMENTS: Record<string, readonly number[] | undefined> = {
  coalesce: undefined,
  greatest: undefined,
  least: undefined,
  if: [1, 2],
  lag: [0, 2],
  lead: [0, 2],
};

/** A CASE's text that may make a zoned value (zonedCaseValues reads its values first only then). */
const ZONED_HINT = /\b(?:TIMESTAMP|ZONE|now|current_timestamp|from_iso8601_timestamp|from_unixtime|with_timezone|at_timezone|parse_datetime)\b/i;

/**
 * A CASE's pieces rendered once each; where one of its values (after THEN and ELSE) is syntactically zoned, the
 * others (not a bare NULL) are read as zoned in the session zone (trino_tz_coerced), as Trino 476 coerces a plain
 * timestamp or a date (CASE … THEN x ELSE TIMESTAMP '… +05:00' END is a timestamp(3) with time zone, x read in UTC).
 */
function zonedCaseValues(group: GroupNode, render: (nodes: readonly Node[]) => Rendered): (nodes: readonly Node[]) => Rendered {
  if (!ZONED_HINT.test(nodeText(group))) return render;
  const values = new Set<Node>();
  group.items.forEach((n, k) => {
    const word = nodeKeyword(n);
    if ((word === 'THEN' || word === 'ELSE') && k + 1 < group.items.length) values.add(group.items[k + 1]);
  });
  const seen = new Map<Node, Rendered>();
  const once = (nodes: readonly Node[]): Rendered => {
    if (nodes.length === 0) return render(nodes);
    let r = seen.get(nodes[0]);
    if (!r) seen.set(nodes[0], (r = render(nodes)));
    return r;
  };
  const valueNodes: Node[][] = [];
  for (const start of values) {
    const k = group.items.indexOf(start);
    let end = k;
    while (end < group.items.length && !['WHEN', 'THEN', 'ELSE', 'END'].includes(nodeKeyword(group.items[end]))) end++;
    valueNodes.push(group.items.slice(k, end));
  }
  if (!valueNodes.map(once).some((r) => r.zoned)) return once;
  return (nodes) => {
    const r = once(nodes);
    return nodes.length > 0 && values.has(nodes[0]) && !r.zoned && !/^\s*NULL\s*$/i.test(r.text)
      ? { ...r, text: ` trino_tz_coerced(${r.text.trim()}) `, zoned: true }
      : r;
  };
}

/** The table says `rewrite` exactly for the names functions.ts has a handler for (checked once, at load). */
function assertRewritesMatchTable(): void {
  const rewrites = [...FUNCTION_TABLE].filter(([, e]) => e.run.kind === 'rewrite').map(([n]) => n);
  const missing = rewrites.filter((n) => !Object.hasOwn(FUNCTIONS, n));
  const unlisted = Object.keys(FUNCTIONS).filter((n) => lookupFunction(n)?.run.kind !== 'rewrite');
  if (missing.length > 0 || unlisted.length > 0) {
    throw new Error(`function table and rewrites disagree: no handler for ${missing.join(', ') || '-'}; not a rewrite entry: ${unlisted.join(', ') || '-'}`);
  }
}
assertRewritesMatchTable();

interface Rendered {
  text: string;
  zoned: boolean;
  /** Visibly an array, map or row (nested-comparisons.ts). */
  nested?: boolean;
  /** Visibly a varchar: a CAST or TRY_CAST to varchar (nested-comparisons.ts isVarcharCast). */
  varchar?: boolean;
  /** The Trino type of a CAST or TRY_CAST to an integer type, real or double (nested-comparisons.ts scalarCastType). */
  knownType?: string;
}

const NEGATIVE_LITERAL_BOUNDS = new Map([
  ['2147483648', 'CAST(-2147483648 AS INTEGER)'],
  ['9223372036854775808', 'CAST(-9223372036854775808 AS BIGINT)'],
]);

const SET_OPERATORS = new Set(['UNION', 'INTERSECT', 'EXCEPT']);
const ORDER_BY_END = new Set(['LIMIT', 'OFFSET', 'FETCH']);
/** Words of a query before its ORDER BY, where the ORDER BY is no aggregate's. */
const QUERY_WORDS = new Set(['SELECT', 'VALUES', 'TABLE', 'FROM', 'UNION', 'INTERSECT', 'EXCEPT']);

/** The words that start a clause of a query level (the select list ends at the next one). */
const LEVEL_CLAUSES = new Set(['SELECT', 'FROM', 'WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT']);

/**
 * For a query level inside a subquery that may read outer columns: whether Trino 476 evaluates an untyped `e IS NULL`
 * of its select list (undefined where `items` is no query level). Asked of Trino (docs/issue-15-audit.md, corr37): a
 * level with a FROM and none of WHERE, ON, GROUP BY, HAVING or a set operation evaluates e (fails where e fails: scalar
 * subquery in SELECT or WHERE, LATERAL, with or without an outer column in e); with a WHERE (correlated or not) or a
 * GROUP BY it answers true without evaluating e, as the local engine does.
 */
function predicatesEvaluatedLevel(items: readonly Node[]): boolean | undefined {
  const words = meaningful(items).map(nodeKeyword);
  if (words[0] !== 'SELECT') return undefined;
  return words.includes('FROM') && !words.some((w) => w === 'WHERE' || w === 'ON' || w === 'GROUP' || w === 'HAVING' || SET_OPERATORS.has(w));
}

/** Marks the `IS` parts from `start` on: a WHERE whose untyped `e IS NULL` is evaluated (whereEvaluatesTests). */
function markEvaluatedTests(parts: Part[], start: number): void {
  for (let k = start; k < parts.length; k++) if (parts[k].kind === 'boundary' && /^IS$/i.test(parts[k].text)) parts[k].evaluatedTest = true;
}

/**
 * Whether items[i] is a subquery in parentheses at positive polarity (`EXISTS (…)`, `x IN (…)`, `(…) = 1`, `NOT NOT
 * EXISTS (…)`; not `NOT EXISTS (…)`): `negated` where the sequence stands under an odd number of NOTs (`NOT (NOT (EXISTS
 * (…)))`: Trino 476 pushes the NOTs down and fails on the conjunct as on `EXISTS (…)`; sil41).
 */
function conjunctSubqueryAt(items: readonly Node[], i: number, negated: boolean): boolean {
  const n = items[i];
  if (!isParen(n) || !isSubquery(n.items)) return false;
  let before = previousMeaningful(items, i);
  let odd = negated;
  if (nodeKeyword(items[before]) === 'EXISTS') before = previousMeaningful(items, before);
  else if (nodeKeyword(items[before]) === 'IN') {
    before = previousMeaningful(items, before);
    // `x NOT IN (…)` is one NOT more: Trino 476 pushes it down as the NOTs before the operand (`NOT x NOT IN (…)` fails
    // as `x IN (…)` does; tryshort42).
    if (nodeKeyword(items[before]) === 'NOT') {
      odd = !odd;
      before = previousMeaningful(items, before);
    }
    // The NOTs stand before the whole left operand (`NOT x + 0 IN (…)`, `NOT abs(x) IN (…)`, `NOT t.x IN (…)`).
    while (before >= 0 && !operandBoundary(items[before])) before = previousMeaningful(items, before);
  }
  while (before >= 0 && nodeKeyword(items[before]) === 'NOT') {
    odd = !odd;
    before = previousMeaningful(items, before);
  }
  return !odd;
}

/** Words and operators the left operand of IN does not hold (it is a value expression: names, calls, arithmetic). */
const OPERAND_BOUNDARIES = new Set(['NOT', 'AND', 'OR', 'ON', 'WHEN', 'THEN', 'ELSE', ...LEVEL_CLAUSES]);
const OPERAND_ENDS = new Set(['=', '<>', '!=', '<', '>', '<=', '>=', ',']);
const operandBoundary = (n: Node): boolean =>
  OPERAND_BOUNDARIES.has(nodeKeyword(n)) || (n.kind === 'token' && (n.token.kind === 'op' || n.token.kind === 'punct') && OPERAND_ENDS.has(n.token.text));

const NO_COLUMNS: ReadonlySet<string> = new Set();

/** Marks the `IS` parts from `start` on: a WHERE or HAVING over a table, whose untyped tests are refused (filtersTableRows). */
function markRefusedTests(parts: Part[], start: number, unnestColumns: ReadonlySet<string>): void {
  for (let k = start; k < parts.length; k++)
    if (parts[k].kind === 'boundary' && /^IS$/i.test(parts[k].text)) {
      parts[k].refusedTest = true;
      parts[k].unnestColumns = unnestColumns;
    }
}

/** Marks the `IS` parts from `start` on: terms of a HAVING, whose untyped tests of an aggregate are refused (hunt43). */
function markHavingTests(parts: Part[], start: number): void {
  for (let k = start; k < parts.length; k++) if (parts[k].kind === 'boundary' && /^IS$/i.test(parts[k].text)) parts[k].havingTest = true;
}

/**
 * The expressions of a query's select list (aliases dropped), for ORDER BY ordinals; undefined for `SELECT *` and
 * `t.*` items, whose columns are not written out.
 */
function selectListOf(items: readonly Node[]): Node[][] | undefined {
  const select = items.findIndex((n) => nodeKeyword(n) === 'SELECT');
  if (select < 0) return undefined;
  const after = meaningful(items.slice(select + 1));
  const start = nodeKeyword(after[0]) === 'DISTINCT' || nodeKeyword(after[0]) === 'ALL' ? items.indexOf(after[0]) + 1 : select + 1;
  const from = items.findIndex((n, k) => k > select && nodeKeyword(n) === 'FROM');
  const expressions = splitArgs(items.slice(start, from < 0 ? items.length : from)).map((item) => {
    const m = meaningful(item);
    const as = m.findIndex((n) => nodeKeyword(n) === 'AS');
    // `x AS y` and `x y`: the expression before the alias.
    if (as >= 0) return item.slice(0, item.indexOf(m[as]));
    return m.length === 2 && m[1].kind === 'token' && (m[1].token.kind === 'word' || m[1].token.kind === 'quoted') ? [m[0]] : item;
  });
  // A star over a row (column-stars.ts expandRowStars: `unnest(…)`) expands to columns as `*` does.
  return expressions.some((e) => nodeText(meaningful(e).at(-1) ?? e[0]).endsWith('*') || isExpandedStar(e)) ? undefined : expressions;
}

/** The lower-case, unquoted name of a column reference `a` or `t.a` (its last part), or undefined. */
function columnName(expression: readonly Node[]): string | undefined {
  const m = meaningful(expression);
  const parts = m.filter((_n, k) => k % 2 === 0);
  const ok =
    m.length % 2 === 1 &&
    parts.every((n) => n.kind === 'token' && (n.token.kind === 'word' || n.token.kind === 'quoted')) &&
    m.every((n, k) => k % 2 === 0 || nodeText(n) === '.');
  const last = parts.at(-1);
  if (!ok || last?.kind !== 'token' || /^(?:TRUE|FALSE|NULL)$/i.test(last.token.text)) return undefined;
  return last.token.text.replace(/^"(.*)"$/, '$1').toLowerCase();
}

/**
 * The output names of a select list that name another expression than the column of that name (`-x AS x`, `y AS x`),
 * each with that expression (its first, where two items share the name).
 */
function outputAliases(items: readonly Node[]): Map<string, Node[]> {
  const select = items.findIndex((n) => nodeKeyword(n) === 'SELECT');
  const from = items.findIndex((n, k) => k > select && nodeKeyword(n) === 'FROM');
  const names = new Map<string, Node[]>();
  for (const item of splitArgs(items.slice(select + 1, from < 0 ? items.length : from))) {
    const m = meaningful(item);
    const as = m.findIndex((n) => nodeKeyword(n) === 'AS');
    const [expression, alias] = as >= 0 ? [m.slice(0, as), m[as + 1]] : m.length >= 2 ? [m.slice(0, -1), m.at(-1)] : [m, undefined];
    const name = alias && columnName([alias]);
    if (name !== undefined && columnName(expression) !== name && !names.has(name))
      names.set(name, item.slice(0, item.indexOf(expression.at(-1) ?? item[0]) + 1));
  }
  return names;
}

/**
 * A query's ORDER BY key that sorts zoned values by instant (Trino 476 orders `timestamp with time zone` by instant;
 * the local struct puts the zone name first among one instant's values) and other values as they are: an aggregate or
 * window call binds its type inside trino_cmp_outer's lambda.
 */
const orderKeyByInstant = (text: string): string =>
  text.replace(/^(\s*)([\s\S]*?)(\s*)$/, hasAggregate(text) ? '$1trino_cmp_outer($2)$3' : '$1trino_cmp_column($2)$3');

const VALUES_END = new Set(['ORDER', 'LIMIT', 'OFFSET', 'FETCH', 'UNION', 'INTERSECT', 'EXCEPT']);

/**
 * Words before a parenthesized query that make it a derived table, a CTE body or a set operation's branch: it cannot
 * reference the enclosing query's columns (a LATERAL one can, and a statement's first query has nothing before it).
 */
// MATERIALIZED: `AS NOT MATERIALIZED (…)`, a WITH query inlined-ctes.ts writes so.
const UNCORRELATED_BEFORE = new Set(['', 'FROM', 'JOIN', 'AS', 'MATERIALIZED', 'UNION', 'INTERSECT', 'EXCEPT', 'ALL', 'DISTINCT']);

/**
 * A year-month interval literal that is not added to a date or timestamp: Trino types it `interval year to month`
 * (`SELECT INTERVAL '1' MONTH` is 0-1, `INTERVAL '1' MONTH * 3` 0-3), where DuckDB's one INTERVAL type would make it
 * an interval day to second of 30 days, so it is refused rather than answered differently.
 */
const YEAR_MONTH_VALUE = {
  message:
    'a year-month interval is supported locally only added to or subtracted from a date or timestamp, or as the step of sequence(): as a value of its own Athena types it interval year to month (0-1), which the local engine does not carry',
  hint: "add it to a date or timestamp (d + INTERVAL '1' MONTH), or count months with date_diff('month', a, b)",
};

const isSubquery = (items: readonly Node[]) => ['SELECT', 'WITH', 'VALUES'].includes(nodeKeyword(meaningful(items)[0]));

/**
 * Grammar forms whose quoted name Trino 476 calls as its function of that name (asked: `"map"(ARRAY[1], ARRAY[2])`
 * {1=2}, `"map"()` {}, `"trim"('xax', 'x')` 'a', `"substring"('abcdef', 2, 3)` 'bcd'), so the quoted call is the plain
 * one as long as the form's own words are not inside (FORM_WORDS).
 */
const QUOTED_AS_FUNCTIONS = new Set(['map', 'trim', 'substring']);
const FORM_WORDS = new Set(['FROM', 'FOR', 'BOTH', 'LEADING', 'TRAILING']);

/** Names of Trino's grammar forms that are not functions when quoted (expressions.ts plainQuotedCall). */
const GRAMMAR_FORMS = new Set([
  'row',
  'array',
  'map',
  'unnest',
  'cast',
  'try_cast',
  'extract',
  'position',
  'trim',
  'substring',
  'normalize',
  'grouping',
  'listagg',
  'json_value',
  'json_query',
  'json_exists',
  'json_object',
  'json_array',
  'json_table',
  'current_date',
  'current_time',
  'current_timestamp',
  'localtime',
  'localtimestamp',
  'current_user',
  'current_catalog',
  'current_schema',
  'current_path',
  // Random functions: the random-lambda rule reads their names as words.
  'random',
  'rand',
  'shuffle',
  'uuid',
]);

/**
 * `INTERVAL '1-2' YEAR TO MONTH` and `INTERVAL '1 02:03:04.5' DAY TO SECOND` as the one-field literal of the same
 * interval (`INTERVAL '14' MONTH`, `INTERVAL '93784.5' SECOND`), which DuckDB reads and the year-month and
 * day-to-second rules treat as they treat a literal of one field (Trino 476: `DATE '2025-01-31' + INTERVAL '1-2' YEAR TO
 * MONTH` is 2026-03-31, `CAST(INTERVAL '1 02:03:04' DAY TO SECOND AS varchar)` 1 02:03:04.000, '-1 02:03:04' the whole
 * interval negative, '1-12' 2-0, '1 25:00:00' 2 01:00:00). Other ranges and forms: undefined (refused).
 */
function singleFieldOfRange(value: string, text: string): string | undefined {
  const range = / ([A-Z]+) TO ([A-Z]+)$/.exec(text);
  const yearMonth = /^([+-]?)(\d{1,9})(?:-(\d{1,9}))?$/.exec(value.trim());
  if (range?.[1] === 'YEAR' && range[2] === 'MONTH' && yearMonth) {
    const months = Number(yearMonth[2]) * 12 + Number(yearMonth[3] ?? 0);
    return `INTERVAL '${yearMonth[1] === '-' ? '-' : ''}${months}' MONTH`;
  }
  const daySecond = /^([+-]?)(\d{1,9})(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,3}))?)?$/.exec(value.trim());
  if (range?.[1] === 'DAY' && range[2] === 'SECOND' && daySecond) {
    const [, sign, days, hours = '0', minutes = '0', seconds = '0', fraction = ''] = daySecond;
    const milliseconds = ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000 + Number(seconds) * 1000 + Number(fraction.padEnd(3, '0'));
    return `INTERVAL '${sign === '-' ? '-' : ''}${(milliseconds / 1000).toFixed(3)}' SECOND`;
  }
  return undefined;
}

/**
 * The type Trino 476 gives a bare NULL as the first argument of these functions: it picks their first form for
 * `unknown` (abs(NULL), round(NULL, 1), sign, floor, ceil and the bitwise shifts of NULL are tinyint NULLs, truncate(NULL) a decimal(1,0)
 * NULL, split(NULL, ',') an array(varchar)), where DuckDB's NULL became an integer or bigint, or failed in cast_to_type.
 * The NULL is one DuckDB does not fold (UNFOLDED_NULL): split(NULL, ',')[1] would be folded to an untyped NULL.
 * A column DuckDB types NULL (`SELECT NULL AS x`) is retyped the same way (column-operands.ts unknownRetyped).
 */
const NULL_ARGUMENT_TYPES: Readonly<Record<string, string>> = {
  abs: 'TINYINT',
  sign: 'TINYINT',
  floor: 'TINYINT',
  ceil: 'TINYINT',
  ceiling: 'TINYINT',
  round: 'TINYINT',
  truncate: 'DECIMAL(1,0)',
  split: 'VARCHAR',
  regexp_split: 'VARCHAR',
  bitwise_left_shift: 'TINYINT',
  bitwise_right_shift: 'TINYINT',
  bitwise_right_shift_arithmetic: 'TINYINT',
  // to_milliseconds(NULL) is a bigint NULL (its one form takes an interval day to second); DuckDB's epoch(NULL) could
  // not choose between its interval and timestamp forms.
  to_milliseconds: 'INTERVAL',
  // substring(s, p) has varchar forms only (substring(NULL, 2) is a varchar NULL); substr also reads bytes, and its
  // NULL is ambiguous (functions.ts refusedUntypedNull).
  substring: 'VARCHAR',
  // Their array form: an unknown element (array_max(NULL), element_at(x, 1) of a NULL-typed x), an array(unknown)
  // (array_distinct, array_sort, slice); DuckDB's NULL took list_extract's varchar form or failed in cast_to_type.
  element_at: UNKNOWN_ARRAY,
  array_max: UNKNOWN_ARRAY,
  array_min: UNKNOWN_ARRAY,
  array_distinct: UNKNOWN_ARRAY,
  array_sort: UNKNOWN_ARRAY,
  slice: UNKNOWN_ARRAY,
  // array_except(NULL, NULL) and the other two-array forms: array(unknown) in Trino 476 (DuckDB's varchar form).
  array_except: UNKNOWN_ARRAY,
  array_intersect: UNKNOWN_ARRAY,
  array_union: UNKNOWN_ARRAY,
};

/**
 * The two-array functions whose second argument NULL_ARGUMENT_TYPES types too (array_except(NULL, NULL)), and split,
 * whose delimiter is a varchar: split('a,b', NULL) is an array(varchar) NULL in Trino 476, where DuckDB failed in
 * trino_nonempty_delimiter's cast_to_type ("cannot be used to cast to NULL").
 */
const BOTH_ARRAYS_TYPED = new Set(['array_except', 'array_intersect', 'array_union', 'split']);

/** The type NULL_ARGUMENT_TYPES gives `callee`'s first argument; element_at's map form (a text key) keeps unknown. */
const nullArgumentType = (callee: string, args: readonly (readonly Node[])[]): string | undefined =>
  callee === 'element_at' && meaningful(args[1] ?? []).some((n) => n.kind === 'token' && n.token.kind === 'string') ? undefined : NULL_ARGUMENT_TYPES[callee];

/**
 * The argument of these functions where Trino 476 fails AMBIGUOUS_FUNCTION_CALL for a value of type `unknown` (it
 * matches several forms: varchar, varbinary, array; date, timestamp, zoned; json, varchar), where DuckDB answers a
 * NULL. A bare NULL there is refused at lint (functions.ts refusedUntypedNull), a NULL-typed column while binding.
 */
/** Window functions Trino 476 runs over an ordered window only (MISSING_ORDER_BY "lag function requires an ORDER BY window clause"). */
const ORDERED_WINDOW_CALLS = new Set(['lag', 'lead']);
/**
 * Rewritten calls whose arguments are plain values (no `FROM`, no type): checked by untypedArgumentsEvaluated as
 * builtins are. Trino 476 evaluates a failing NULL-typed argument of `trim(e)`, `replace(e, 'a'[, 'b'])` and fails
 * ("SQL array indices start at 1"); DuckDB folded the call into a NULL. `contains` and `array_join` failed locally
 * already (their shims evaluate the argument). `trim(BOTH 'x' FROM e)` is left (its one argument is not a value).
 */
const UNTYPED_EVALUATING_REWRITES = new Set(['trim', 'replace']);
/** Calls that evaluate a NULL-typed argument themselves (DuckDB's special NULL handling, or a shim's CASE). */
const EVALUATING_CALLS = new Set(['coalesce', 'if', 'nullif', 'try', 'typeof', 'element_at', 'unnest']);
/** Window functions Trino 476 runs without a frame (INVALID_WINDOW_FRAME "Cannot specify window frame for rank function"). */
const FRAMELESS_WINDOW_CALLS = new Set(['lag', 'lead', 'rank', 'dense_rank', 'row_number', 'ntile', 'percent_rank', 'cume_dist']);

/** The operators checkConcatOperands' checks read (concat-operands.ts): `||`, and NULL_OPERATORS' arithmetic. */
const CHECKED_OPERATORS = new Set(['||', '+', '-', '*', '/']);
/** The words checkOffsetAfterLimit's checks start at. */
const ROW_COUNT_WORDS = new Set(['FETCH', 'LIMIT', 'OFFSET']);

const UNKNOWN_AMBIGUOUS_ARGUMENT: Readonly<Record<string, number>> = {
  reverse: 0,
  substr: 0,
  json_extract_scalar: 0,
  date_trunc: 1,
  date_add: 2,
};

export class ExpressionRewriter {
  readonly diagnostics: Diagnostic[] = [];

  /** How many subqueries that may reference outer columns enclose the sequence being rendered. */
  private correlatableDepth = 0;
  /**
   * Inside such a subquery, the sequence is in the select list of a level whose `e IS NULL` Trino 476 evaluates (a
   * FROM, no WHERE, ON, GROUP BY or HAVING: predicatesEvaluatedLevel); untyped-predicates.ts evaluates e there too.
   */
  private predicatesEvaluated = false;
  /**
   * The next sequence rendered is a term of a filter whose untyped tests are refused (untyped-predicates.ts
   * filterTermAt: `NOT (e IS NULL)`, a CASE condition, an aggregate's `FILTER (WHERE …)`): its IS parts are marked.
   */
  private refusedFilterTerm: FilterTerm = false;
  /**
   * The next sequence rendered is a term of a HAVING (filterTermAt, as refusedFilterTerm is for a WHERE over a table's
   * rows), over any rows: its IS parts are marked havingTest (an aggregate's untyped test is refused there; hunt43).
   */
  private havingTerm: FilterTerm = false;
  /** The query level being rendered has aggregates whose FILTER tests are refused (filtersAggregatedTableRows). */
  private aggregateFiltersRefused = false;
  /** The columns the query level being rendered names in UNNEST alias lists, where the statement may hold unknowns. */
  private unnestColumns: ReadonlySet<string> = NO_COLUMNS;
  /** The argument group of an `if(c, true)` that is a term of a refused filter (trueOnlyIfAt): c is a term. */
  private refusedIfCall: Node | undefined;
  /** Calls written as an order-free consumer's argument (cardinality(array_agg(DISTINCT x))): their hash order is not revealed (hash-orders.ts). */
  private readonly orderFreeCalls = new Set<GroupNode>();
  /** The opening parentheses of calls whose hash order no one reads (hash-orders.ts unreadHashOrderCalls). */
  unreadHashOrders: ReadonlySet<Token> = new Set();
  /** The names the statement gives hash-ordered maps in its select lists (hash-orders.ts hashOrderedAliases). */
  hashOrderedColumns: ReadonlySet<string> = new Set();
  /** The next sequence rendered is a subquery that is a conjunct of a WHERE over a table's rows (whereTestsReadOuter). */
  private tableFilterConjunct = false;
  /**
   * The next sequence rendered is a conjunct of such a WHERE written in parentheses or as the one condition of a
   * TRUE-only CASE (`WHERE (x > 0 AND EXISTS (…))`, `WHERE CASE WHEN EXISTS (…) THEN true END`): a subquery conjunct
   * there is one of the WHERE's (corr40).
   */
  private conjunctTerm: FilterTerm = false;
  /** The names of the enclosing levels' WITH queries of VALUES rows only (untyped-predicates.ts valuesOnlyWithQueries). */
  private valuesWithQueries: ReadonlySet<string> = new Set();
  /** The parameters of the lambdas being rendered (a zoned comparison reads a parameter, not a column). */
  private lambdaParameters: LambdaParameters = new Set();

  /**
   * How many try() arguments and lambda bodies enclose the sequence being rendered: an AND or OR there stops at its
   * deciding operand as in Trino (short-circuits.ts).
   */
  private shortCircuits = 0;
  /**
   * How many try() arguments enclose the sequence being rendered inside a level of VALUES rows (valuesRows), outside
   * lambda bodies: Trino 476 folds an AND or OR there order-free (short-circuits.ts foldedOrderOperator).
   */
  private foldedTries = 0;
  /** The next sequence rendered is a CASE's WHEN condition inside try() or a lambda, where DuckDB reorders an AND's operands. */
  private selectedCondition = false;
  /** The query level being rendered reads VALUES rows only, or no rows (untyped-predicates.ts readsValuesRowsOnly). */
  private valuesRows = true;
  /** The statement calls try() (query.ts): levels of VALUES rows are told apart. */
  holdsTry = false;

  /** The next sequence rendered is sequence()'s step, which may be a year-month interval literal. */
  private yearMonthStep = false;

  /** Names select lists give to values that may be NULL-typed (unknown-names.ts), set where the statement may hold unknowns. */
  unknownNames: ReadonlySet<string> = new Set();
  /** The cells of the statement's VALUES columns (try-escapes.ts valuesColumnCells), set where it calls date_add. */
  valuesCells: ReadonlyMap<string, Node[][]> | undefined;
  /** The statement calls try() more than once (try-escapes.ts tryCall), set by query.ts. */
  manyTries = false;
  /** Parentheses of a type's parameters (`DECIMAL(10,2)` inside a DDL column's `ARRAY<…>`), no call (type-context.ts). */
  typeParens: ReadonlySet<Token> = new Set();

  /** The catalog's column types of the tables the statement reads (TranslateContext.columnTypes), where it has them. */
  knownTypes: KnownTypes | undefined;
  /** The column types of the query level being rendered (known-types.ts levelColumnTypes), where knownTypes has tables. */
  private levelTypes: ((parts: readonly string[]) => string | undefined) | undefined;

  /**
   * The Trino type of a rendered operand that is a column of the level being rendered, from the catalog's column types
   * (undefined: unknown, as for a lambda's parameter or an outer reference). In a subquery that may be correlated, a
   * name of one column of the subquery's own relations (all of them known: levelColumnTypes) is that column, never
   * the outer row's (alert40: the p3_contract_violations alert's scalar `(SELECT coalesce(sum(c), 0) FROM (…))`).
   */
  private readonly knownType = (text: string): string | undefined => {
    if (this.levelTypes === undefined) return undefined;
    const parts = columnNameParts(text);
    if (parts === undefined || (parts.length === 1 && this.lambdaParameters.has(parts[0]))) return undefined;
    return this.levelTypes(parts);
  };

  constructor(
    // The token's own fields, not the token: keyword() keeps its upper-cased text on it (tokens.ts).
    private readonly position: (t: Token) => { line: number; col: number } = (t) => ({ kind: t.kind, text: t.text, start: t.start, line: t.line, col: t.col }),
    /** The statement writes a NULL literal, ARRAY[] or MAP(): a column may be NULL-typed (Trino's unknown). */
    private readonly mayHoldUnknown = false,
    /** The statement may make zoned values (zoned-groups.ts makesZonedValues): its ORDER BY columns sort by instant. */
    private readonly makesZoned = false,
  ) {}

  /**
   * The elements of `ARRAY[…]`. Trino types an integer literal as integer, so `ARRAY[TINYINT '-3', 1]` is
   * array(integer); DuckDB's literal would take the tinyint type. Among other elements, integer literals are cast.
   */
  private renderArray(word: Token, items: readonly Node[]): string {
    const nodes = splitArgs(items);
    const rendered = nodes.map((e) => this.render(e));
    const integer = (text: string) => /^\s*-?\s*\d+\s*$/.test(text) && Math.abs(Number(text.replace(/\s/g, ''))) <= 2147483647;
    const elements = rendered.every(integer)
      ? rendered
      : rendered.map((e) => (integer(e) ? e.replace(/^(\s*)(\S[\s\S]*?)(\s*)$/, '$1CAST($2 AS INTEGER)$3') : e));
    const whole = `${word.text}[${rendered.every(integer) ? this.render(items) : elements.join(',')}]`;
    return checkedArray(whole, nodes, elements);
  }

  /** How compared columns reach the instant comparison here (operators.ts instantColumns). */
  private instantColumns() {
    return instantColumns({ correlatable: this.correlatableDepth > 0, makesZoned: this.makesZoned });
  }

  report(at: Token, rule: string, message: string, hint?: string): void {
    const finding = { severity: 'error' as const, rule: `unfaithful/${rule}`, message, hint, ...this.position(at) };
    // A check that copies an expression (a GROUP BY key written again in HAVING) renders its tokens twice: one finding.
    const same = (d: Diagnostic) => d.rule === finding.rule && d.message === finding.message && d.line === finding.line && d.col === finding.col;
    if (!this.diagnostics.some(same)) this.diagnostics.push(finding);
  }

  /** Renders a sequence of sibling nodes. */
  render(items: readonly Node[]): string {
    return this.renderZoned(items).text;
  }

  /** Renders a sequence; `zoned` when it is one operand that is syntactically a zoned timestamp. */
  renderZoned(items: readonly Node[]): Rendered {
    if (this.foldedTries > 0 && this.valuesRows) {
      const at = foldedOrderOperator(items);
      if (at) this.report(at, 'folded-order', FOLDED_ORDER.message, FOLDED_ORDER.hint);
    }
    const selected = this.selectedCondition;
    this.selectedCondition = false;
    if (this.shortCircuits > 0 && !this.refusedFilterTerm && !this.tableFilterConjunct && !this.conjunctTerm) {
      const ordered = shortCircuited(items, (nodes) => this.render(nodes), selected);
      if (ordered !== undefined) return { text: ordered, zoned: false };
    }
    // A term of a refused filter (filterTermAt): every IS part of the sequence is refused as a WHERE's own.
    const filterTerm = this.refusedFilterTerm;
    this.refusedFilterTerm = false;
    const havingTerm = this.havingTerm;
    this.havingTerm = false;
    const tableFilterConjunct = this.tableFilterConjunct;
    this.tableFilterConjunct = false;
    const conjunctTerm = this.conjunctTerm;
    this.conjunctTerm = false;
    this.checkOffsetAfterLimit(items);
    this.checkOrderByAll(items);
    this.checkConcatOperands(items);
    this.checkSetOperationColumns(items);
    this.checkDecimalComparisons(items);
    const yearMonthStep = this.yearMonthStep;
    this.yearMonthStep = false;
    // A set operation whose decimal columns only DuckDB's binder types is checked there (set-operation-types.ts).
    const nanOrdered = this.renderNanFirstOrderBy(items);
    if (nanOrdered !== undefined) return { text: nanOrdered, zoned: false };
    this.noteRecursiveBodies(items);
    // A recursive WITH query's body is the recursion itself: wrapping its branches would hide the CTE from its step.
    const setOperation = this.recursiveBodies.has(items) ? undefined : setOperationToCheck(items, this.knownTypes);
    if (setOperation) return { text: checkedSetOperationText(setOperation, (nodes) => this.render(nodes)), zoned: false };
    const enclosingLevelTypes = this.levelTypes;
    if (this.knownTypes !== undefined && this.knownTypes.columns.size > 0 && holdsSelect(items)) this.levelTypes = levelColumnTypes(items, this.knownTypes);
    const parts: Part[] = [];
    // The WITH queries of VALUES rows an enclosing level names, for the levels nested in this one (corr40).
    const enclosingValuesWith = this.valuesWithQueries;
    if ((this.mayHoldUnknown || this.holdsTry) && nodeKeyword(items.find((n) => !isTriviaNode(n))) === 'WITH')
      this.valuesWithQueries = valuesOnlyWithQueries(items, enclosingValuesWith);
    const level = this.correlatableDepth > 0 ? predicatesEvaluatedLevel(items) : undefined;
    // A WHERE whose untyped `e IS NULL` Trino 476 evaluates (untyped-predicates.ts whereEvaluatesTests): its IS parts.
    const where = level !== undefined && this.mayHoldUnknown && whereEvaluatesTests(items);
    let whereStart = -1;
    // A top-level query's WHERE or HAVING over a table's rows: its untyped tests are refused (filtersTableRows).
    // So is the WHERE of a subquery that may read the outer row over a table's rows where Trino compiles its test
    // (whereEvaluatesTests): COMPILER_ERROR whatever the rows hold (corr39).
    // And its WHERE's test of the outer row where the subquery is a conjunct of a WHERE over a table's rows.
    const correlatedFilters =
      (where && filtersTableRows(items, this.valuesWithQueries)) ||
      (level !== undefined && tableFilterConjunct && this.mayHoldUnknown && whereTestsReadOuter(items));
    const filters = (this.correlatableDepth === 0 && this.mayHoldUnknown && filtersTableRows(items, this.valuesWithQueries)) || correlatedFilters;
    let filterStart = -1;
    // A HAVING's terms, over any rows (VALUES too): Trino 476 cannot compile an untyped test of an aggregate there.
    const having = this.mayHoldUnknown && items.some((n) => nodeKeyword(n) === 'HAVING') && holdsSelect(items);
    let havingStart = -1;
    // A WHERE or HAVING of conjuncts only (no OR at its level): a subquery there is a conjunct (conjunctSubqueryAt).
    // Under an odd number of NOTs (conjunctTerm 'negated', `NOT (x > 0 OR NOT EXISTS (…))`), a sequence of disjuncts
    // only: pushed down, they are conjuncts (sil41).
    const topLevelAnd =
      conjunctTerm === 'negated'
        ? !items.some((n) => nodeKeyword(n) === 'AND')
        : (filters || conjunctTerm === 'term') && !items.some((n) => nodeKeyword(n) === 'OR');
    const enclosingSelectList = this.predicatesEvaluated;
    const enclosingAggregateFilters = this.aggregateFiltersRefused;
    const enclosingUnnestColumns = this.unnestColumns;
    const enclosingValuesRows = this.valuesRows;
    if (this.holdsTry && holdsSelect(items)) this.valuesRows = readsValuesRowsOnly(items, this.valuesWithQueries) ?? enclosingValuesRows;
    if (holdsSelect(items)) {
      this.aggregateFiltersRefused = this.correlatableDepth === 0 && this.mayHoldUnknown && filtersAggregatedTableRows(items, this.valuesWithQueries);
      this.unnestColumns = this.mayHoldUnknown ? unnestAliasColumns(items) : NO_COLUMNS;
    }
    for (let i = 0; i < items.length; i++) {
      if (filters && LEVEL_CLAUSES.has(nodeKeyword(items[i]))) {
        if (filterStart >= 0) markRefusedTests(parts, filterStart, this.unnestColumns);
        filterStart = (correlatedFilters ? ['WHERE'] : ['WHERE', 'HAVING']).includes(nodeKeyword(items[i])) ? parts.length : -1;
      }
      if (having && LEVEL_CLAUSES.has(nodeKeyword(items[i]))) {
        if (havingStart >= 0) markHavingTests(parts, havingStart);
        havingStart = nodeKeyword(items[i]) === 'HAVING' ? parts.length : -1;
      }
      if (havingStart >= 0 || havingTerm)
        this.havingTerm = filterTermAt(items, i, havingTerm === 'negated') || (comparedTrueOnlyCaseAt(items, i, havingTerm === 'negated') ? 'term' : false);
      if (level !== undefined && LEVEL_CLAUSES.has(nodeKeyword(items[i]))) {
        if (whereStart >= 0) markEvaluatedTests(parts, whereStart);
        whereStart = where && nodeKeyword(items[i]) === 'WHERE' ? parts.length : -1;
        this.predicatesEvaluated = (level && nodeKeyword(items[i]) === 'SELECT') || whereStart >= 0;
      }
      const enclosingIf = this.refusedIfCall;
      if (filterStart >= 0 || filterTerm) {
        this.refusedFilterTerm =
          filterTermAt(items, i, filterTerm === 'negated') || (comparedTrueOnlyCaseAt(items, i, filterTerm === 'negated') ? 'term' : false);
        this.refusedIfCall = trueOnlyIfAt(items, i, filterTerm === 'negated') ?? enclosingIf;
      }
      if ((filterStart >= 0 || conjunctTerm) && topLevelAnd && this.correlatableDepth === 0) {
        if (conjunctSubqueryAt(items, i, conjunctTerm === 'negated')) this.tableFilterConjunct = true;
        // A parenthesized term or a TRUE-only CASE not under NOT: its conjuncts are the WHERE's (corr40). A
        // parenthesized term under an odd number of NOTs: its disjuncts are, negated (`NOT (NOT (EXISTS (…)))`; sil41).
        else if (this.refusedFilterTerm === 'term' && (isParen(items[i]) || isCase(items[i])) && conjunctTerm !== 'negated' && !oddNotsBefore(items, i))
          this.conjunctTerm = 'term';
        else if (this.refusedFilterTerm !== false && isParen(items[i])) this.conjunctTerm = this.refusedFilterTerm;
      }
      i += this.renderNode(items, i, parts);
      this.refusedFilterTerm = false;
      this.havingTerm = false;
      this.tableFilterConjunct = false;
      this.conjunctTerm = false;
      this.refusedIfCall = enclosingIf;
    }
    if (whereStart >= 0) markEvaluatedTests(parts, whereStart);
    if (filterStart >= 0) markRefusedTests(parts, filterStart, this.unnestColumns);
    if (filterTerm) markRefusedTests(parts, 0, this.unnestColumns);
    if (havingStart >= 0) markHavingTests(parts, havingStart);
    if (havingTerm) markHavingTests(parts, 0);
    this.predicatesEvaluated = enclosingSelectList;
    this.valuesWithQueries = enclosingValuesWith;
    this.aggregateFiltersRefused = enclosingAggregateFilters;
    this.unnestColumns = enclosingUnnestColumns;
    this.valuesRows = enclosingValuesRows;
    // Loops, not flatMap/map+join: renderZoned runs for every sequence of every statement (issue 18).
    const yearMonths: Token[] = [];
    for (const p of parts) if (p.yearMonth) yearMonths.push(p.yearMonth);
    const addedYearMonths = new Set<Token>();
    rewriteOperators(parts, {
      correlatable: this.correlatableDepth > 0,
      predicatesEvaluated: level ?? this.predicatesEvaluated,
      addedYearMonths,
      mayHoldUnknown: this.mayHoldUnknown,
      lambdaParameters: this.lambdaParameters,
      makesZoned: this.makesZoned,
      ...(this.levelTypes !== undefined ? { knownType: this.knownType } : {}),
    });
    this.levelTypes = enclosingLevelTypes;
    guardNanUsingJoins(parts);
    const meaningfulParts = parts.filter((p) => p.kind !== 'trivia');
    const one = meaningfulParts.length === 1 ? meaningfulParts[0] : undefined;
    for (const at of yearMonths) {
      if (!addedYearMonths.has(at) && !(yearMonthStep && one?.yearMonth === at))
        this.report(at, 'year-month-interval', YEAR_MONTH_VALUE.message, YEAR_MONTH_VALUE.hint);
    }
    let text = '';
    for (const p of parts) text += p.text;
    return { text, zoned: one?.zoned === true, nested: one?.nested === true, varchar: one?.varchar === true };
  }

  /**
   * `… ORDER BY x NULLS FIRST` of a query or an aggregate's argument: each element that puts NULLs first gets NaN's key
   * before it (nan-order.ts). An ordinal names its select item's expression in that key. DuckDB lets the ORDER BY of
   * a set operation name output columns only: there the query becomes a subquery, sorted outside, where an ordinal k
   * is DuckDB's positional column #k; so is a query whose ORDER BY lists ordinals only, over `SELECT *`. Undefined
   * where no element puts NULLs first.
   */
  private renderNanFirstOrderBy(items: readonly Node[]): string | undefined {
    const m = meaningful(items);
    const order = m.findIndex((n, k) => nodeKeyword(n) === 'ORDER' && nodeKeyword(m[k + 1]) === 'BY');
    if (order < 0) return undefined;
    const query = isSubquery(items) || isParen(m[0]);
    const setOperation = m.slice(0, order).some((n) => SET_OPERATORS.has(nodeKeyword(n)));
    if (setOperation && !query) return undefined;
    const by = items.indexOf(m[order + 1]);
    let end = by + 1;
    while (end < items.length && !ORDER_BY_END.has(nodeKeyword(items[end]))) end++;
    const elements = splitArgs(items.slice(by + 1, end)).map(splitOrderElement);
    if (elements.length === 0) return undefined;
    const ordinalOf = (expression: readonly Node[]) => {
      const one = meaningful(expression);
      return one.length === 1 && one[0].kind === 'token' && one[0].token.kind === 'number' ? one[0].token.text : undefined;
    };
    // An aggregate's `ORDER BY` (array_agg(x ORDER BY t), WITHIN GROUP): its keys are the input's expressions, which
    // sort zoned values by instant as a window's keys do (window-keys.ts; Trino 476 keeps one instant in two zones in
    // input order, where the local struct ordered them by zone name). Not in a subquery that may reference outer columns.
    const aggregateKeys = !query && !m.slice(0, order).some((n) => QUERY_WORDS.has(nodeKeyword(n))) && this.correlatableDepth === 0;
    // A query's `ORDER BY -1` is a position to Trino 476, out of the select list (INVALID_COLUMN_REFERENCE); DuckDB
    // sorts by the constant -1, which keeps the rows as they come: a silently different order.
    if (m.slice(0, order).some((n) => QUERY_WORDS.has(nodeKeyword(n)))) {
      for (const { expression } of elements) {
        const [sign, number] = meaningful(expression);
        if (
          meaningful(expression).length === 2 &&
          sign.kind === 'token' &&
          sign.token.text === '-' &&
          number.kind === 'token' &&
          number.token.kind === 'number' &&
          /^\d+$/.test(number.token.text)
        )
          this.report(
            sign.token,
            'order-by-position',
            `ORDER BY -${number.token.text} is a select-list position on Athena, which fails (INVALID_COLUMN_REFERENCE: ORDER BY position -${number.token.text} is not in select list); the local engine would sort by the constant`,
            'write the position of a select item (1, 2, …) or the expression',
          );
      }
    }
    // A query's ORDER BY keys sort zoned values by instant too, in statements that make zoned values (Trino 476: ORDER
    // BY t, k of 01:00 +01:00 (k 1) and 00:00 UTC (k 2) is 1, 2; the struct ordered them by zone): a column, an
    // expression, and an ordinal or an output alias naming another expression, which stand for their select item's
    // expression (DuckDB would read an alias as the input column once inside the key). Not the ordinals and aliases of
    // a DISTINCT query, whose keys must be select items in DuckDB, nor a key holding a subquery (it would run twice).
    const selectItems = setOperation ? undefined : selectListOf(items.slice(0, by));
    const selects = !setOperation && m.slice(0, order).some((n) => nodeKeyword(n) === 'SELECT');
    const distinct = m.slice(0, order).some((n) => nodeKeyword(n) === 'DISTINCT');
    const queryAliases = this.makesZoned && !aggregateKeys && selects && this.correlatableDepth === 0 ? outputAliases(items.slice(0, by)) : undefined;
    const queryKey = (expression: readonly Node[]): string | undefined => {
      if (queryAliases === undefined) return undefined;
      const ordinal = ordinalOf(expression);
      const name = columnName(expression);
      const named = name === undefined ? undefined : queryAliases.get(name);
      const value =
        ordinal !== undefined ? (distinct ? undefined : selectItems?.[Number(ordinal) - 1]) : named !== undefined ? (distinct ? undefined : named) : expression;
      if (value === undefined || holdsQuery(value) || (distinct && name === undefined)) return undefined;
      return orderKeyByInstant(this.render(value));
    };
    const orderedColumn = (expression: readonly Node[]) => queryKey(expression) !== undefined;
    const keyOf = (expression: readonly Node[], text: string) =>
      aggregateKeys && ordinalOf(expression) === undefined ? instantKey(text) : (queryKey(expression) ?? text);
    // Each element's type is checked (a map has no order in Trino) in a trailing key, a constant NULL once bound: an
    // ordinal's select item, or the expression. A DISTINCT query or aggregate takes no key beyond its values, a set
    // operation none but its columns. (The check around each key instead cost a 2M-row sort ~20% CPU; this one ~0.)
    const checked = !setOperation && !m.slice(0, order).some((n) => nodeKeyword(n) === 'DISTINCT');
    const trailing = checked
      ? elements.flatMap(({ expression }) => {
          const ordinal = ordinalOf(expression);
          const value = ordinal === undefined ? expression : selectItems?.[Number(ordinal) - 1];
          // A subquery is left out: checked again it would run twice, and rendered here outside its correlation.
          return value && !holdsQuery(value) ? [this.render(value)] : [];
        })
      : [];
    const typesChecked = trailing.length > 0 ? `, ${orderableCheck(trailing)} ` : '';
    // Ordinals over a select list with a star (`SELECT * … ORDER BY 2`) name columns the translator cannot see: the
    // query is sorted outside, where struct_extract_at(trino_sorted, k) is its k-th column, keyed by instant in
    // statements that make zoned values (Trino 476 keeps one instant's ties in input order: 1, 2, 3 of 01:00 +01:00,
    // 00:00 UTC, 02:00 +02:00, where the struct ordered them by zone name) and checked as other keys are (a map, a NULL
    // element).
    const starOrdinals = elements.map((e) => ordinalOf(e.expression));
    if (
      selects &&
      query &&
      selectItems === undefined &&
      this.correlatableDepth === 0 &&
      !elements.some((e) => nullsFirst(e.modifiers)) &&
      starOrdinals.every((k) => k !== undefined)
    ) {
      const columns = starOrdinals.map((k) => sortedColumn(k ?? ''));
      const keys = elements.map(({ modifiers }, i) => `${this.makesZoned ? orderKeyByInstant(columns[i]) : columns[i]}${this.render(modifiers)}`);
      return wrappedForSorting(
        this.render(items.slice(0, items.indexOf(m[order]))),
        `ORDER BY ${keys.join(', ')}, ${orderableCheck(columns)} ${this.render(items.slice(end))}`,
      );
    }
    // A set operation's and a DISTINCT query's ORDER BY name output columns (ordinals, output names): sorted outside
    // too, so that its keys take the checks above (Trino 476 fails on a map key, and NOT_SUPPORTED where two arrays
    // meet a NULL element), zoned keys by instant (Trino keeps one instant's ties of a branch in its order; the
    // interleaving of branches, and a DISTINCT's rows, vary between its runs).
    // A DISTINCT query's output names: its aliases, and its bare columns not renamed (an unqualified key only).
    const aliases = outputAliases(items.slice(0, by));
    const renamed = new Set([...aliases.values()].map((e) => columnName(meaningful(e).filter((n) => nodeKeyword(n) !== 'DISTINCT'))));
    const outputNames = new Set([...aliases.keys(), ...(selectItems ?? []).flatMap((e) => columnName(e) ?? []).filter((n) => !renamed.has(n))]);
    const outsideKeys = elements.map(({ expression }) => {
      const ordinal = ordinalOf(expression);
      if (ordinal !== undefined) return sortedColumn(ordinal);
      const name = meaningful(expression).length === 1 ? columnName(expression) : undefined;
      return setOperation || (selectItems && name !== undefined && outputNames.has(name)) ? this.render(expression) : undefined;
    });
    if (
      (setOperation || distinct) &&
      query &&
      this.correlatableDepth === 0 &&
      !elements.some((e) => nullsFirst(e.modifiers)) &&
      outsideKeys.every((k) => k !== undefined)
    ) {
      const keys = elements.map(({ modifiers }, i) => `${this.makesZoned ? orderKeyByInstant(outsideKeys[i] ?? '') : outsideKeys[i]}${this.render(modifiers)}`);
      return wrappedForSorting(
        this.render(items.slice(0, items.indexOf(m[order]))),
        `ORDER BY ${keys.join(', ')}, ${orderableCheck(outsideKeys.map((k) => k ?? ''))} ${this.render(items.slice(end))}`,
      );
    }
    if (!elements.some((e) => nullsFirst(e.modifiers))) {
      const byInstant = aggregateKeys || elements.some((e) => orderedColumn(e.expression));
      if (!byInstant && !typesChecked) return undefined;
      const keys = byInstant
        ? elements.map(({ expression, modifiers }) => keyOf(expression, this.render(expression)) + this.render(modifiers)).join(',')
        : this.render(items.slice(by + 1, end));
      return `${this.render(items.slice(0, by + 1))}${keys}${typesChecked}${this.render(items.slice(end))}`;
    }
    const sortedOutside = setOperation || (query && selectItems === undefined && elements.every((e) => ordinalOf(e.expression) !== undefined));
    const rendered = elements.map(({ expression, modifiers }) => {
      const text = keyOf(expression, this.render(expression));
      if (!nullsFirst(modifiers)) return text + this.render(modifiers);
      const ordinal = ordinalOf(expression);
      if (ordinal === undefined) return withNanKey(nanOf(text), text, modifiers, this.render(modifiers));
      if (sortedOutside) return withNanKey(nanOfColumn(ordinal), text, modifiers, this.render(modifiers));
      // An ordinal over `SELECT *` among other keys stays as written (docs/issue-15-audit.md "NaN, second pass").
      const selected = selectItems?.[Number(ordinal) - 1];
      return selected ? withNanKey(nanOf(this.render(selected)), text, modifiers, this.render(modifiers)) : text + this.render(modifiers);
    });
    const sorted = `ORDER BY${rendered.join(',')}${this.render(items.slice(end))}`;
    if (sortedOutside) return wrappedForSorting(this.render(items.slice(0, items.indexOf(m[order]))), sorted);
    return `${this.render(items.slice(0, by + 1))}${rendered.join(',')}${typesChecked}${this.render(items.slice(end))}`;
  }

  private readonly offsetsReported = new Set<Token>();

  private readonly orderByAllReported = new Set<Token>();

  /** The items of WITH RECURSIVE queries' bodies (noteRecursiveBodies), rendered as written. */
  private readonly recursiveBodies = new WeakSet<readonly Node[]>();

  /** `WITH RECURSIVE name [(columns)] AS (body), …`: notes each body's items. */
  private noteRecursiveBodies(items: readonly Node[]): void {
    const m = meaningful(items);
    if (nodeKeyword(m[0]) !== 'WITH' || nodeKeyword(m[1]) !== 'RECURSIVE') return;
    m.forEach((node, k) => {
      if (isParen(node) && nodeKeyword(m[k - 1]) === 'AS' && k > 2) this.recursiveBodies.add(node.items);
    });
  }

  /**
   * `ORDER BY ALL` sorts by every column in DuckDB; Trino reads `all` as a column name (COLUMN_NOT_FOUND when there is
   * none), so it is refused.
   */
  private checkOrderByAll(items: readonly Node[]): void {
    if (!items.some((n) => nodeKeyword(n) === 'ORDER')) return;
    const m = meaningful(items);
    m.forEach((node, k) => {
      if (nodeKeyword(node) !== 'ORDER' || nodeKeyword(m[k + 1]) !== 'BY' || nodeKeyword(m[k + 2]) !== 'ALL') return;
      const all = m[k + 2];
      if (all.kind !== 'token' || this.orderByAllReported.has(all.token)) return;
      this.orderByAllReported.add(all.token);
      this.report(all.token, 'order-by-all', "ORDER BY ALL is DuckDB's: Athena reads all as a column name", 'list the columns: ORDER BY 1, 2, …');
    });
  }

  /**
   * `… LIMIT n OFFSET m`: DuckDB runs it, Trino's grammar (`[ OFFSET n ] [ LIMIT n ]`,
   * https://trino.io/docs/current/sql/select.html) rejects it as a syntax error, so it is refused here.
   */
  private checkOffsetAfterLimit(items: readonly Node[]): void {
    // Both checks start at a FETCH, LIMIT or OFFSET word of this level.
    if (!items.some((n) => ROW_COUNT_WORDS.has(nodeKeyword(n)))) return;
    const m = meaningful(items);
    const isCount = (n: Node | undefined) => n?.kind === 'token' && (n.token.kind === 'number' || n.token.kind === 'variable' || n.token.text === '?');
    // `LIMIT 1.5`, `OFFSET 1e0 ROWS`, `FETCH FIRST 2.5 ROWS ONLY`: Trino's grammar takes an integer only (SYNTAX_ERROR
    // "mismatched input '1.5'"); DuckDB rounded the count.
    m.forEach((n, k) => {
      const count =
        nodeKeyword(n) === 'FETCH' && ['FIRST', 'NEXT'].includes(nodeKeyword(m[k + 1]))
          ? m[k + 2]
          : ['LIMIT', 'OFFSET'].includes(nodeKeyword(n))
            ? m[k + 1]
            : undefined;
      if (
        count?.kind === 'token' &&
        count.token.kind === 'number' &&
        !/^(?:\d[\d_]*|0[xX][\da-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+)$/.test(count.token.text) &&
        !this.offsetsReported.has(count.token)
      ) {
        this.offsetsReported.add(count.token);
        this.report(
          count.token,
          'row-count',
          `Athena fails with SYNTAX_ERROR: mismatched input '${count.token.text}' (a row count is an integer there; the local engine would round it)`,
          'write the count as an integer',
        );
      }
    });
    const limit = m.findIndex((n, k) => nodeKeyword(n) === 'LIMIT' && (isCount(m[k + 1]) || nodeKeyword(m[k + 1]) === 'ALL'));
    if (limit < 0) return;
    for (let k = limit + 2; k < m.length; k++) {
      const node = m[k];
      if (node.kind !== 'token' || nodeKeyword(node) !== 'OFFSET' || !isCount(m[k + 1]) || this.offsetsReported.has(node.token)) continue;
      this.offsetsReported.add(node.token);
      this.report(node.token, 'offset-after-limit', 'OFFSET after LIMIT is a syntax error on Athena (Trino)', 'write OFFSET n before LIMIT m');
    }
  }

  private readonly concatsReported = new Set<Token>();

  /** `||` tokens that append an element to an unknown-typed array, or prepend one (concat-operands.ts). */
  private readonly arrayAppends = new Map<Token, ArrayAppend>();

  /** `'x' || 1`: Trino has no || of varchar and a number, boolean, date or decimal (concat-operands.ts). */
  private checkConcatOperands(items: readonly Node[]): void {
    // Each check below reports (or notes) an operator token of this level: `||`, `+`, `-`, `*` or `/` (issue 18: most
    // levels, a call's arguments, hold none, and the six walks were ~3 % of a translation).
    if (!items.some((n) => n.kind === 'token' && CHECKED_OPERATORS.has(n.token.text))) return;
    for (const op of mismatchedConcatOperators(items)) {
      if (this.concatsReported.has(op)) continue;
      this.concatsReported.add(op);
      this.report(
        op,
        'concat-types',
        "|| joins varchar (or array) operands only on Athena: 'x' || 1 fails there",
        "CAST the other operand to varchar: 'x' || CAST(1 AS varchar)",
      );
    }
    for (const [op, side] of unknownArrayAppendOperators(items)) this.arrayAppends.set(op, side);
    for (const op of unknownArrayConcatOperators(items)) {
      if (this.concatsReported.has(op)) continue;
      this.concatsReported.add(op);
      this.report(op, 'unknown-array-concat', UNKNOWN_ARRAY_CONCAT.message, UNKNOWN_ARRAY_CONCAT.hint);
    }
    for (const op of ambiguousNullOperators(items)) {
      if (this.concatsReported.has(op)) continue;
      this.concatsReported.add(op);
      this.report(op, 'ambiguous-null-operator', AMBIGUOUS_NULL_OPERATOR.message, AMBIGUOUS_NULL_OPERATOR.hint);
    }
    for (const op of ambiguousNullDatetimeOperators(items)) {
      if (this.concatsReported.has(op)) continue;
      this.concatsReported.add(op);
      this.report(op, 'ambiguous-null-operator', AMBIGUOUS_NULL_DATETIME.message, AMBIGUOUS_NULL_DATETIME.hint);
    }
  }

  /** Renders a lambda's body, where an AND or OR stops at its deciding operand (short-circuits.ts). */
  private renderLambdaBody(body: readonly Node[]): string {
    this.shortCircuits++;
    // Trino 476 does not fold a lambda's body over VALUES rows (foldedOrderOperator).
    const foldedTries = this.foldedTries;
    this.foldedTries = 0;
    try {
      return this.render(body);
    } finally {
      this.shortCircuits--;
      this.foldedTries = foldedTries;
    }
  }

  /** Renders a sequence as one argument: a lambda `x -> …` / `(x, y) -> …` becomes DuckDB's `lambda x, y: …`. */
  renderArgument(items: readonly Node[]): string {
    return this.renderArgumentZoned(items).text;
  }

  private renderArgumentZoned(items: readonly Node[]): Rendered {
    const m = meaningful(items);
    const arrow = m[1];
    if (arrow && arrow.kind === 'token' && arrow.token.text === '->') {
      const params = isParen(m[0])
        ? meaningful(m[0].items)
            .filter((n) => nodeText(n) !== ',')
            .map(nodeText)
        : [nodeText(m[0])];
      const start = items.indexOf(m[0]);
      const body = items.slice(items.indexOf(arrow) + 1);
      const subquery = firstSubquery(body);
      if (subquery) this.report(subquery, 'lambda-subquery', LAMBDA_SUBQUERY.message, LAMBDA_SUBQUERY.hint);
      const outer = this.lambdaParameters;
      this.lambdaParameters = new Set([...outer, ...params.map(lambdaParameterName)]);
      try {
        return { text: `${items.slice(0, start).map(nodeText).join('')}lambda ${params.join(', ')}:${this.renderLambdaBody(body)}`, zoned: false };
      } finally {
        this.lambdaParameters = outer;
      }
    }
    // A subquery that opens an argument has nothing before it, as a statement's first query, but may reference outer
    // columns (array_agg((SELECT … WHERE w.u = v.s) ORDER BY k)).
    if (m[0] !== undefined && isParen(m[0])) this.argumentHeads.add(m[0]);
    return this.renderZoned(items);
  }

  /** The parenthesized groups that open a call's argument (renderArgumentZoned). */
  private readonly argumentHeads = new WeakSet<Node>();

  /** Appends the part(s) for items[i]; returns how many further items it consumed. */
  private renderNode(items: readonly Node[], i: number, parts: Part[]): number {
    const node = items[i];
    if (node.kind === 'group') {
      if (isCase(node)) {
        // A CASE that is a term of a refused filter (filterTermAt): its WHEN conditions are terms too.
        const conditions = this.refusedFilterTerm ? caseConditionStarts(node) : undefined;
        this.refusedFilterTerm = false;
        const havingConditions = this.havingTerm ? caseConditionStarts(node) : undefined;
        this.havingTerm = false;
        // The one condition of a TRUE-only CASE that is a conjunct is one too (Trino reads the CASE as it).
        const conjunct = this.conjunctTerm === 'term' && conditions?.size === 1;
        this.conjunctTerm = false;
        // Inside try() or a lambda, a WHEN condition's AND or OR keeps Trino's order (short-circuits.ts `selected`); not
        // a simple CASE's WHEN value (`CASE x WHEN a AND b`), whose NULL would compare.
        const whens = this.shortCircuits > 0 && nodeKeyword(meaningful(node.items)[0]) === 'WHEN' ? caseConditionStarts(node) : undefined;
        const renderPiece = (nodes: readonly Node[]) => {
          this.selectedCondition = whens?.has(nodes[0]) === true;
          this.refusedFilterTerm = conditions?.has(nodes[0]) === true ? 'term' : false;
          this.havingTerm = havingConditions?.has(nodes[0]) === true ? 'term' : false;
          this.conjunctTerm = conjunct && conditions?.has(nodes[0]) === true ? 'term' : false;
          const rendered = this.renderZoned(nodes);
          this.refusedFilterTerm = false;
          this.havingTerm = false;
          this.conjunctTerm = false;
          return rendered;
        };
        const piece = zonedCaseValues(node, renderPiece);
        parts.push({
          kind: 'operand',
          text: checkedCase(
            node,
            simpleCaseRender(node, piece, (texts) => columnsByInstant(texts, this.instantColumns(), this.lambdaParameters), this.correlatableDepth > 0),
          ),
        });
      } else if (node.open.text === '[') {
        const prev = lastMeaningful(parts);
        const subscript = prev !== undefined && (prev.kind === 'operand' || prev.kind === 'subscript');
        if (subscript) this.checkTextSubscript(items, i);
        const { text: index, zoned } = this.renderZoned(node.items);
        parts.push(
          subscript
            ? { kind: 'subscript', text: `[${index}${node.close?.text ?? ''}`, index, ...(zoned ? { zonedIndex: true } : {}) }
            : { kind: 'operand', text: `[${index}${node.close?.text ?? ''}` },
        );
      } else if (lastMeaningful(parts)?.text.toUpperCase() === 'IN' && !isSubquery(node.items)) {
        const inList = splitArgs(node.items).map((a) => this.renderZoned(a));
        parts.push({ kind: 'operand', text: `(${inList.map((e) => e.text).join(',')}${node.close?.text ?? ''}`, inList });
      } else if (namesWindow(items, i) || nodeKeyword(items[previousMeaningful(items, i)]) === 'OVER') {
        if (namesWindow(items, i)) {
          this.reportGroupsWithoutOrder(node.items);
          // A named window's frame (`WINDOW w AS (… EXCLUDE TIES)`) as an OVER (…)'s (Trino 476: SYNTAX_ERROR; hunt38).
          this.reportWindowExclusion(node.items);
        }
        // `OVER (…)` after a call the translator wrote (zoned-extremes.ts copies the tail after its tie macros) is a
        // window specification as after any call: its frame is not part of the last ORDER BY key.
        parts.push({ kind: 'operand', text: `(${renderWindowSpecification(node.items, (nodes) => this.render(nodes))}${node.close?.text ?? ''}` });
      } else {
        const before = lastMeaningful(parts);
        // `x > ALL (subquery)` may reference x's query (UNION ALL's branch cannot).
        const quantified = before?.text.toUpperCase() === 'ALL' && lastMeaningful(parts.slice(0, parts.lastIndexOf(before)))?.kind === 'op';
        const correlatable =
          isSubquery(node.items) &&
          (quantified || (before === undefined && this.argumentHeads.has(node)) || !UNCORRELATED_BEFORE.has(before?.text.toUpperCase() ?? ''));
        if (correlatable) this.correlatableDepth++;
        // A parenthesised expression where a subquery may read the outer row (`((SELECT max(c) FROM w WHERE c < a) +
        // 1)`, as scalar-selects.ts writes `(SELECT (…) + 1)`): the subquery that opens it has nothing before it but
        // may too (Trino 476: (2), (16); DuckDB's binder could not pick trino_cmp_column's overload for the outer a).
        const head = meaningful(node.items)[0];
        if (
          !isSubquery(node.items) &&
          head !== undefined &&
          isParen(head) &&
          (quantified || (before === undefined && this.argumentHeads.has(node)) || !UNCORRELATED_BEFORE.has(before?.text.toUpperCase() ?? ''))
        )
          this.argumentHeads.add(head);
        const inner = this.renderZoned(node.items);
        if (correlatable) this.correlatableDepth--;
        parts.push({ kind: 'operand', text: `(${inner.text}${node.close?.text ?? ''}`, zoned: inner.zoned, nested: inner.nested, varchar: inner.varchar });
      }
      return 0;
    }
    const t = node.token;
    switch (t.kind) {
      case 'ws':
      case 'comment':
        parts.push({ kind: 'trivia', text: t.text });
        return 0;
      case 'string':
        // X'…' is a varbinary literal (DuckDB would read a bit string): hex digits in pairs, white space ignored, as
        // Trino's parser checks (SYNTAX_ERROR "Binary literal must contain an even number of digits").
        if (/^x'/i.test(t.text)) {
          const digits = stringValue(t).replace(/\s/g, '');
          if (!/^[0-9a-f]*$/i.test(digits) || digits.length % 2 === 1)
            this.report(
              t,
              'invalid-literal',
              `${t.text} is not a binary literal on Athena: it takes an even number of hexadecimal digits (SYNTAX_ERROR)`,
              "write two digits per byte: X'01'",
            );
          parts.push({ kind: 'operand', text: `from_hex('${digits.replace(/'/g, '')}')` });
        } else if (/^u&'/i.test(t.text)) {
          // `U&'…' UESCAPE '#'` names another escape character.
          const uescape = nextMeaningful(items, i);
          const escapeAt = nodeKeyword(items[uescape]) === 'UESCAPE' ? nextMeaningful(items, uescape) : -1;
          const escapeToken = escapeAt >= 0 ? firstToken(items[escapeAt]) : undefined;
          const escape = escapeToken?.kind === 'string' ? stringValue(escapeToken) : '\\';
          if (escapeToken && (escape.length !== 1 || /[0-9a-fA-F+'"\s]/.test(escape)))
            this.report(
              escapeToken,
              'invalid-literal',
              `UESCAPE ${escapeToken.text} is not an escape Athena accepts: one character, not a hex digit, +, a quote or white space`,
              "write UESCAPE '#'",
            );
          const decoded = unicodeLiteralValue(stringValue(t), escape);
          if (decoded === undefined)
            this.report(
              t,
              'invalid-literal',
              `${t.text} is not a Unicode literal Athena reads: an escape is \\XXXX or \\+XXXXXX (hexadecimal) or \\\\`,
              "write U&'\\0041' for A",
            );
          parts.push({ kind: 'operand', text: sqlString(decoded ?? '') });
          return escapeToken ? escapeAt - i : 0;
        } else parts.push({ kind: 'operand', text: t.text });
        return 0;
      case 'number': {
        const digits = decimalDigits(t.text);
        // Trino folds a minus into the number literal after it, so `-2147483648` is an integer (and
        // `-9223372036854775808` a bigint); DuckDB negates the bigint 2147483648 (the hugeint …808).
        const folded = NEGATIVE_LITERAL_BOUNDS.get(digits);
        let sign = parts.length - 1;
        while (sign >= 0 && parts[sign].kind === 'trivia') sign--;
        if (folded && parts[sign]?.op === '-' && isUnarySign(parts, sign)) {
          parts.splice(sign);
          parts.push({ kind: 'operand', text: folded });
          return 0;
        }
        if (integerPastBigint(digits)) {
          this.report(
            t,
            'invalid-literal',
            `Invalid numeric literal: ${t.text} (integer literals are bigint at most on Athena)`,
            'write a DECIMAL literal: 9223372036854775808.0',
          );
        }
        if (decimalLiteralPast38(digits))
          this.report(
            t,
            'invalid-literal',
            `'${t.text}' is not a valid DECIMAL literal (38 digits at most on Athena)`,
            'write fewer digits, or a DOUBLE: 1.5e0',
          );
        parts.push({ kind: 'operand', text: withoutLeadingZeros(digits), integerLiteral: /^\d+$/.test(digits) && Number(digits) <= 2147483647 });
        return 0;
      }
      case 'quoted': {
        const session = this.quotedSessionCall(t, items, i, parts);
        if (session >= 0) {
          // `"current_date"()`: Trino 476 calls its function current_date(), which is the plain word's value.
          this.renderNode([{ kind: 'token', token: { ...t, kind: 'word', text: 'current_date' } }], 0, parts);
          return session - i;
        }
        if (this.plainQuotedCall(t, items, i, parts)) {
          // Rendered as the unquoted call: the word's path checks and translates it.
          const unquoted = items.slice();
          unquoted[i] = { kind: 'token', token: { ...t, kind: 'word', text: t.text.slice(1, -1).toLowerCase() } };
          return this.renderNode(unquoted, i, parts);
        }
        this.checkQuotedCall(t, items, i, parts);
        parts.push({ kind: 'operand', text: t.text });
        return 0;
      }
      case 'variable':
      case 'dollar':
      case 'translated':
        parts.push({ kind: 'operand', text: t.text });
        return 0;
      case 'punct':
        if (t.text === '{') this.reportDuckdbOperator(t, '{…}', 'a struct literal');
        parts.push({ kind: t.text === '.' ? 'dot' : 'boundary', text: t.text });
        return 0;
      case 'op':
        this.checkDuckdbOperator(items, i, t);
        // An arrow that does not open a lambda argument (renderArgumentZoned takes those): DuckDB reads `j -> 'a'` and
        // `j ->> 'a'` as its JSON operators; Trino 476 fails ("Lambda expression should always be used inside a
        // function", `->>` a syntax error).
        if (t.text === '->')
          this.report(
            t,
            'json-operator',
            "'->' outside a lambda argument is not Athena SQL (Athena fails; DuckDB would read it as its JSON operator)",
            "json_extract(j, '$.a') or json_extract_scalar(j, '$.a')",
          );
        parts.push({ kind: 'op', text: t.text, op: t.text, append: this.arrayAppends.get(t) });
        return 0;
    }
    // a word
    const word = keyword(t);
    const nextIndex = nextMeaningful(items, i);
    const next = nextIndex < 0 ? undefined : items[nextIndex];
    const prev = lastMeaningful(parts);
    const qualified = prev?.kind === 'dot';
    // `(VALUES 1) AS qualify(a)`, `… qualify(b)`: Trino has no QUALIFY clause or function, so the word is a relation
    // alias with its column list, where DuckDB parsed a syntax error or its QUALIFY clause (beside a window function it
    // filtered the rows by b: silent). Quoted, as the other words DuckDB reserves (identifiers.ts).
    // So is any word DuckDB reserves that names a relation with its column list after AS or in a WITH list
    // (`(VALUES 1) AS window(window)`, `WITH limit(a) AS (…)`: Trino 476 answers, DuckDB failed to parse; not ARRAY,
    // which opens a type after CAST's AS, nor LATERAL, which opens a relation after a comma: `t, LATERAL (SELECT t.*) AS
    // u(c)` once its star is expanded).
    const prevWord = prev?.text.trim().toUpperCase() ?? '';
    const namesRelation =
      isParen(next) &&
      word !== 'ARRAY' &&
      word !== 'LATERAL' &&
      isDuckdbOnlyReserved(word) &&
      (prevWord === 'AS' || (['WITH', 'RECURSIVE', ','].includes(prevWord) && nodeKeyword(items[nextMeaningful(items, nextIndex)]) === 'AS'));
    if (!qualified && isParen(next) && (word === 'QUALIFY' || namesRelation) && t.kind === 'word') {
      parts.push({ kind: 'operand', text: `"${t.text.toLowerCase()}"` });
      return 0;
    }
    if (!qualified && isParen(next) && !NOT_A_CALL.has(word) && !this.typeParens.has(firstToken(next))) {
      const tail = aggregateTail(items, nextIndex);
      const call = isCallPosition(prev, items, nextIndex);
      parts.push({ kind: 'operand', ...this.renderCall(t, next, tail.nodes, call) });
      return tail.end - i;
    }
    if (qualified && isParen(next) && isCallPosition(partBeforeQualifiedName(parts), items, nextIndex)) {
      this.report(
        t,
        'qualified-function',
        `${t.text}(): qualified function names are not supported locally`,
        'call the function by its name alone; Athena UDFs (USING EXTERNAL FUNCTION) do not run locally',
      );
    }
    if (!qualified && word === 'IPPREFIX' && next?.kind === 'token' && next.token.kind === 'string') {
      this.report(t, 'type', IPPREFIX_REFUSED, IPPREFIX_INSTEAD);
    }
    if (!qualified && word === 'IPADDRESS' && next?.kind === 'token' && next.token.kind === 'string') {
      parts.push({ kind: 'operand', text: this.renderIpAddressLiteral(t, stringValue(next.token)) });
      return nextIndex - i;
    }
    if (!qualified && TYPED_LITERAL_KEYWORDS.has(word) && next?.kind === 'token' && next.token.kind === 'string') {
      return this.renderTypedLiteral(items, i, nextIndex, parts);
    }
    if (!qualified && word === 'ARRAY' && isParen(next, '[')) {
      parts.push({ kind: 'operand', text: this.renderArray(t, next.items), nested: true });
      return nextIndex - i;
    }
    const session = qualified || isParen(next) ? undefined : sessionWord(word);
    if (session?.kind === 'refused') this.report(t, 'session-function', session.message, session.hint);
    if (session) {
      parts.push({ kind: 'operand', text: session.kind === 'text' ? session.text : 'NULL' });
      return 0;
    }
    if (!qualified && (word === 'CURRENT_TIMESTAMP' || word === 'LOCALTIMESTAMP')) {
      const zoned = word === 'CURRENT_TIMESTAMP';
      parts.push({ kind: 'operand', text: zoned ? 'trino_now()' : 'CAST(trino_now().trino_wall AS TIMESTAMP)', zoned });
      return 0;
    }
    if (!qualified && word === 'VALUES') return this.renderValues(items, i, parts);
    if (word === 'AT' && nodeKeyword(next) === 'TIME') {
      const zoneIndex = nextMeaningful(items, nextIndex);
      if (nodeKeyword(items[zoneIndex]) === 'ZONE') {
        const date = writtenDateBefore(items, i);
        if (date) this.report(date, 'date-at-time-zone', DATE_AT_TIME_ZONE.message, DATE_AT_TIME_ZONE.hint);
        parts.push({ kind: 'op', text: 'AT TIME ZONE', op: 'AT TIME ZONE' });
        return zoneIndex - i;
      }
    }
    const quoted = t.kind === 'word' ? quoteReservedIdentifier(t.text, prev?.text, prev?.kind === 'op' ? 'op' : prev && 'other', next) : undefined;
    if (quoted) parts.push({ kind: 'operand', text: quoted });
    else parts.push({ kind: RESERVED.has(word) ? 'boundary' : 'operand', text: t.text });
    return 0;
  }

  /**
   * `VALUES 1, 2` and `VALUES ROW(1, 'a')`: Trino reads each item as a row (one column unless it is a row
   * constructor); DuckDB wants every row in parentheses.
   */
  private renderValues(items: readonly Node[], i: number, parts: Part[]): number {
    let end = i + 1;
    while (end < items.length && !VALUES_END.has(nodeKeyword(items[end])) && nodeText(items[end]) !== ';') end++;
    const rowNodes = splitArgs(items.slice(i + 1, end));
    const typed = this.checkValuesColumns(firstToken(items[i]), rowNodes);
    // A NULL row as a VALUES item gives its fields (set-operation-columns.ts castRowFields), which Trino 476 cannot
    // read from it: GENERIC_INTERNAL_ERROR "Cannot invoke SqlRow.getRawIndex() because result is null".
    const nullRow = rowNodes.find((row) => /^\(?\s*CAST\s*\(\s*NULL\s+AS\s+ROW\s*\(/i.test(row.map(nodeText).join('').trim()));
    if (nullRow)
      this.report(
        firstToken(meaningful(nullRow)[0]),
        'values-null-row',
        'a VALUES item CAST(NULL AS row(…)) gives the row’s fields in Athena, which fails reading them from a NULL row (GENERIC_INTERNAL_ERROR)',
        'write the fields’ NULLs: (CAST(NULL AS boolean), CAST(NULL AS integer))',
      );
    // Literals that need more than 38 digits together but fit Trino's common type are cast to it.
    const cells = rowNodes.map((row) =>
      rowValues(row).map((value, k) => {
        const text = this.render(value);
        return typed.has(k) && !/^\s*NULL\s*$/i.test(text) ? text.replace(/^(\s*)([\s\S]*?)(\s*)$/, `$1CAST($2 AS ${typed.get(k)})$3`) : text;
      }),
    );
    // An integer literal in a column of other values is an integer, as in Trino (integer-literal-types.ts).
    const width = Math.max(0, ...cells.map((row) => row.length));
    for (let k = 0; k < width && cells.length > 1; k++) {
      const column = typedIntegerLiterals(cells.map((row) => row[k] ?? 'NULL'));
      cells.forEach((row, r) => k < row.length && (row[k] = column[r]));
    }
    // A column whose values' types are not all written is checked while DuckDB binds it, beside its first value.
    const columns = valuesColumns(rowNodes);
    if (cells.length > 1)
      cells[0] = cells[0].map((_text, k) =>
        checkedValuesColumn(
          columns[k],
          cells.map((row) => row[k] ?? 'NULL'),
        ),
      );
    const rows = rowNodes.map((row, r) => {
      const m = meaningful(row);
      const lead = row.slice(0, row.indexOf(m[0])).map(nodeText).join('');
      const trail = row
        .slice(row.indexOf(m[m.length - 1]) + 1)
        .map(nodeText)
        .join('');
      return `${lead}(${cells[r].join(',')})${trail}`;
    });
    parts.push({ kind: 'boundary', text: firstToken(items[i]).text }, { kind: 'operand', text: rows.join(',') });
    return end - 1 - i;
  }

  /**
   * A VALUES column of decimal literals that meet past 38 digits (decimal-common-type.ts) is refused at its VALUES,
   * unless every value fits Trino's common type: the columns to cast, by index, with that type.
   */
  private checkValuesColumns(at: Token, rows: readonly Node[][]): Map<number, string> {
    const typed = new Map<number, string>();
    const lost = valuesColumns(rows).flatMap((values, k) => (literalsLoseScale(values) === true ? [[k, literalsCommonDecimal(values)] as const] : []));
    for (const [k, common] of lost) if (common) typed.set(k, common);
    const refused = lost.find(([, common]) => common === undefined);
    if (refused) this.reportLostScale(at, `column ${refused[0] + 1}`);
    return typed;
  }

  private readonly setOperationsReported = new Set<Token>();

  /** A set operation whose branches' literals meet past 38 digits in one column is refused at its first operator. */
  private checkSetOperationColumns(items: readonly Node[]): void {
    const operation = setOperationColumns(items);
    if (!operation || this.setOperationsReported.has(operation.at)) return;
    const column = operation.columns.findIndex((values) => literalsLoseScale(values) === true);
    if (column < 0) return;
    this.setOperationsReported.add(operation.at);
    this.reportLostScale(operation.at, `column ${column + 1}`);
  }

  private readonly comparisonsReported = new Set<Token>();

  /** Decimals compared past 38 digits (decimal-comparisons.ts): Trino answers, the local engine fails its cast. */
  private checkDecimalComparisons(items: readonly Node[]): void {
    for (const op of failingDecimalComparisons(items)) {
      if (this.comparisonsReported.has(op)) continue;
      this.comparisonsReported.add(op);
      this.report(
        op,
        'decimal-comparison',
        `${op.text.toUpperCase()}: the decimal operands need more than 38 digits together; Athena compares them exactly, where the local engine fails to cast the literal to their common type`,
        'compare values of one decimal type, or write the literal with fewer digits',
      );
    }
  }

  /** Values of one column meet in one type past 38 digits: Trino keeps the larger scale, DuckDB the integer digits. */
  private reportLostScale(at: Token, column: string): void {
    this.report(
      at,
      'decimal-common-type',
      `${keyword(at)}: the decimal values of ${column} need more than 38 digits together, and Athena keeps the larger scale where the local engine rounds`,
      'CAST them to one decimal type first',
    );
  }

  /** `IPADDRESS '…'`: text Trino cannot read is an error on Athena too (INVALID_LITERAL), found here before a run. */
  private renderIpAddressLiteral(t: Token, text: string): string {
    try {
      return ipAddressLiteral(text);
    } catch (error) {
      const scope = error instanceof NamedScopeError;
      const hint = scope ? "write the address without its %scope: 'fe80::1'" : "write an IPv4 address as '10.0.0.1', an IPv6 one as '2001:db8::1'";
      this.report(t, scope ? 'ip-scope' : 'invalid-literal', (error as Error).message, hint);
      return `CAST(NULL AS ${IP_STRUCT})`;
    }
  }

  /**
   * A one-field interval literal as Trino 476 reads it (found by the fourth hunt): a whole number of its unit, with a
   * fraction for SECOND only, no white space or exponent (INVALID_LITERAL "Invalid INTERVAL DAY value: 1.5", where
   * DuckDB read INTERVAL '1.5' DAY as 1 day and '0.5' HOUR as 0); a second's fraction past milliseconds is cut, not
   * rounded (INTERVAL '0.0019' SECOND is 1 ms in Trino; DuckDB kept 1.9 ms, which to_milliseconds rounded to 2).
   */
  private singleFieldInterval(t: Token, value: string, text: string): string {
    const unit = /(\w+)$/.exec(text)?.[1].toUpperCase() ?? '';
    if (!TRINO_INTERVAL_FIELDS.has(unit)) return text;
    const valid = unit === 'SECOND' ? /^[+-]?(?:\d+\.?\d*|\.\d+)$/ : /^[+-]?\d+$/;
    if (!valid.test(value)) {
      this.report(
        t,
        'invalid-literal',
        `INTERVAL '${value}' ${unit} is not a valid literal on Athena ("Invalid INTERVAL ${unit} value: ${value}")`,
        unit === 'SECOND'
          ? "write the seconds as digits: INTERVAL '1.5' SECOND"
          : `write a whole number of ${unit.toLowerCase()}s, or a smaller unit: INTERVAL '90' MINUTE`,
      );
      return text;
    }
    const milliseconds = /^([+-]?\d*\.\d{3})\d+$/.exec(value);
    return milliseconds ? `INTERVAL '${milliseconds[1]}' SECOND` : text;
  }

  private renderTypedLiteral(items: readonly Node[], i: number, stringIndex: number, parts: Part[]): number {
    const t = firstToken(items[i]);
    const literal = firstToken(items[stringIndex]);
    const value = stringValue(literal);
    const word = keyword(t);
    if (word === 'INTERVAL') {
      let end = stringIndex;
      let text = `INTERVAL ${literal.text}`;
      for (;;) {
        const k = nextMeaningful(items, end);
        const unit = nodeKeyword(items[k]);
        if (INTERVAL_UNITS.has(unit) || unit === 'TO') {
          text += ` ${unit}`;
          end = k;
        } else break;
      }
      if (text.includes(' TO ')) {
        const single = singleFieldOfRange(value, text);
        if (single === undefined)
          this.report(
            t,
            'interval-range',
            "INTERVAL … TO … literals are supported locally as YEAR TO MONTH ('1-2') and DAY TO SECOND ('1 02:03:04.5') only",
            "write INTERVAL '1' DAY + INTERVAL '2' HOUR",
          );
        else text = single;
      } else text = this.singleFieldInterval(t, value, text);
      parts.push({ kind: 'operand', text, interval: true, yearMonth: /\b(?:YEAR|MONTH)S?$/i.test(text) ? t : undefined });
      return end - i;
    }
    let text = `${t.text} ${literal.text}`;
    let zoned = false;
    // Trino types a literal by its fraction digits (https://trino.io/docs/current/language/types.html#timestamp-p:
    // TIMESTAMP '… 10:00:00' is timestamp(0), '….5' timestamp(1), '….123456' timestamp(6)). The local engine carries
    // timestamp(0) (DuckDB's TIMESTAMP_S) and timestamp(3), and time(3) only (DuckDB's TIME has no precision); other
    // precisions would print other digits.
    const fraction = word === 'TIMESTAMP' || word === 'TIME' ? (/:\d{1,2}[.,](\d+)/.exec(value)?.[1] ?? '') : '';
    if ((fraction.length > 0 || word === 'TIME') && fraction.length !== 3) {
      const kept = word === 'TIMESTAMP' ? 'timestamp(0) and timestamp(3) (no fraction, or 3 digits)' : 'time(3) (3 digits)';
      const digits = fraction.length === 0 ? 'without a fraction' : `with ${fraction.length} fraction digit${fraction.length === 1 ? '' : 's'}`;
      this.report(
        t,
        'precision',
        `${word} literal ${digits} is ${word.toLowerCase()}(${fraction.length}) in Trino: the local engine keeps ${kept}`,
        `write 3 fraction digits: '…${`.${fraction}`.padEnd(4, '0').slice(0, 4)}'`,
      );
    }
    if (word === 'CHAR')
      this.report(t, 'type', "CHAR literals are not supported locally: Trino's CHAR(n) is padded to n characters", "write a varchar literal: 'text'");
    // Trino reads these literals more strictly than DuckDB's cast (INVALID_LITERAL): no `_` between digits, no white
    // space in a DECIMAL, no time after a DATE.
    const literalForm = LITERAL_FORMS[word];
    if (literalForm && !literalForm.test(value))
      this.report(
        t,
        'invalid-literal',
        `${literal.text} is not a valid ${word} literal on Athena (INVALID_LITERAL)`,
        word === 'DATE'
          ? "write DATE 'yyyy-mm-dd', without a time"
          : word === 'DECIMAL' || word === 'NUMERIC'
            ? `write digits and one point, without white space: ${word} '1.5'`
            : word === 'DOUBLE' || word === 'REAL'
              ? `write a number or NaN, Infinity, -Infinity: ${word} '1.5E3'`
              : `write digits only, with an optional sign: ${word} '1000'`,
      );
    // Trino 476 reads a TIMESTAMP literal as `yyyy-mm-dd[ hh:mm[:ss[.f…]]][ zone]` (INVALID_LITERAL otherwise); DuckDB
    // also read an ISO 'T' and white space before the date (found by the third hunt).
    // A TIME literal with a zone is time with time zone in Trino (TIME '10:00:00.000 +05:00'); DuckDB dropped the zone.
    if (word === 'TIME' && /\d\s*[A-Za-z+-]/.test(value.trim()))
      this.report(
        t,
        'type',
        `${literal.text} is time with time zone on Athena, which the local engine does not carry (it would drop the zone)`,
        "write a TIME literal without a zone, or a TIMESTAMP '… +05:00'",
      );
    if (word === 'TIME' && /^\s/.test(value))
      this.report(t, 'invalid-literal', `${literal.text} is not a valid TIME literal on Athena (INVALID_LITERAL)`, "write TIME 'hh:mm:ss.fff'");
    // A zone straight after the date is INVALID_LITERAL too (Trino 476: TIMESTAMP '2001-01-02+07:09'; after a time it is read).
    if (word === 'TIMESTAMP' && (/^\s/.test(value) || /^[-+]?\d+-\d{1,2}-\d{1,2}[A-Za-z+-]/.test(value)))
      this.report(
        t,
        'invalid-literal',
        `${literal.text} is not a valid TIMESTAMP literal on Athena (INVALID_LITERAL)`,
        "write TIMESTAMP 'yyyy-mm-dd hh:mm:ss', with a space and no T",
      );
    // Trino 476 reads the clock of a TIME or TIMESTAMP literal as Java's LocalTime does: hours 0-23 of one or two
    // digits (INVALID_LITERAL for '24:00:00' and '010:00'); DuckDB read hour 24 as midnight of the next day.
    const clock = word === 'TIME' ? TIME_LITERAL_CLOCK.exec(value) : word === 'TIMESTAMP' ? TIMESTAMP_LITERAL_CLOCK.exec(value) : null;
    if (clock && !isClockInRange(clock.slice(1)))
      this.report(
        t,
        'invalid-literal',
        `${literal.text} is not a valid ${word} literal on Athena (INVALID_LITERAL): hours run from 0 to 23, minutes and seconds from 0 to 59`,
        word === 'TIME' ? "write TIME 'hh:mm:ss.fff'" : "write TIMESTAMP 'yyyy-mm-dd hh:mm:ss'",
      );
    if (word === 'TIMESTAMP') {
      const match = ZONED_TIMESTAMP.exec(value.trim());
      zoned = match !== null;
      const zone = match ? literalZoneKey(match[2]) : undefined;
      if (zone && 'error' in zone)
        this.report(
          t,
          'invalid-literal',
          `${literal.text} is not a TIMESTAMP literal Athena reads (${zone.error}): a zone is Z, an offset such as +05:30, or a zone name in its own case (UTC, America/New_York)`,
          "write TIMESTAMP 'yyyy-mm-dd hh:mm:ss UTC' or an offset such as +05:30",
        );
      if (match) {
        text = `trino_tz_literal(TIMESTAMP ${sqlString(match[1])}, ${sqlString(zone && 'key' in zone ? zone.key : 'UTC')})`;
        // Without a fraction it is timestamp(0) with time zone: no `.000` in its text (the wall clock a TIMESTAMP_S).
        if (fraction === '') text = `CAST(${text} AS ${TZ0_STRUCT})`;
      } else if (fraction === '') text = `CAST(${text} AS TIMESTAMP_S)`;
    } else if (word === 'DECIMAL' || word === 'NUMERIC') {
      const digits = value.trim().replace(/^[-+]/, '');
      const [int, frac = ''] = digits.split('.');
      const scale = frac.length;
      const precision = Math.max(1, int.replace(/^0+/, '').length + scale);
      text = `CAST(${literal.text} AS DECIMAL(${precision}, ${scale}))`;
    } else if (word === 'JSON') {
      text = `trino_json(${literal.text})`;
    } else if (word === 'DATE' && /^\s*\+/.test(value)) {
      text = `DATE '${value.trim().slice(1)}'`;
    } else if (word !== 'DATE' && word !== 'TIME') {
      text = `CAST(${literal.text} AS ${word === 'REAL' ? 'FLOAT' : word})`;
    }
    parts.push({ kind: 'operand', text, zoned });
    return stringIndex - i;
  }

  /**
   * DuckDB's own operators, which Athena's grammar does not have (Trino 476 SYNTAX_ERROR at the operator): `'[1]'::json`
   * and `1::varchar` (its cast), `7 // 2`, `2 ** 3`, `2 ^ 3`, `'a' ^@ 'a'`, `@ -5`, `~ 5`, `5 & 3`, `5 | 3`, `1 << 2`.
   * `lake lint` and `lake sql` stop them with the Trino grammar; the engine's own path (`lake run`, the library API)
   * answered them (silent). Refused at the operator.
   */
  private checkDuckdbOperator(items: readonly Node[], i: number, t: Token): void {
    if (t.text === '::') this.reportDuckdbOperator(t, '::', 'a cast');
    if (DUCKDB_SINGLE_OPERATORS.has(t.text)) this.reportDuckdbOperator(t, t.text, 'an operator');
    const next = items[i + 1];
    const adjacent = next?.kind === 'token' && next.token.kind === 'op' && next.token.start === t.start + t.text.length ? next.token.text : undefined;
    // At the second character, where Trino 476 places its syntax error.
    if ((t.text === '/' || t.text === '*' || t.text === '<') && adjacent === t.text)
      this.reportDuckdbOperator((next as { token: Token }).token, t.text + adjacent, 'an operator');
    // `>>` is read with the statement's type positions, before the tree is built (type-context.ts, query.ts).
  }

  /** Words before a string literal that make it a typed literal (DATE '…'), whose subscript is not a varchar's. */
  private static readonly TYPED_LITERAL_WORDS = new Set([
    'DATE',
    'TIME',
    'TIMESTAMP',
    'JSON',
    'DECIMAL',
    'REAL',
    'DOUBLE',
    'BIGINT',
    'INTEGER',
    'INT',
    'SMALLINT',
    'TINYINT',
    'CHAR',
    'VARBINARY',
    'INTERVAL',
    'IPADDRESS',
    'IPPREFIX',
    'UUID',
    'BOOLEAN',
  ]);

  /**
   * `'abc'[1]`: a subscript of a string literal, DuckDB's string subscript ('a'), where Trino 476 fails TYPE_MISMATCH at
   * analysis ("Cannot use integer for subscript of varchar(3)", at the literal). Refused at the literal; a varchar
   * the text does not show (a column, a cast) is refused while DuckDB binds (shims/macros.ts trino_subscript).
   */
  private checkTextSubscript(items: readonly Node[], i: number): void {
    const before = meaningful(items.slice(0, i));
    const operand = before.at(-1);
    if (operand?.kind !== 'token' || operand.token.kind !== 'string' || !operand.token.text.startsWith("'")) return;
    // A typed literal (DATE '…', JSON '…', X'…') is no varchar: its own subscript rules apply.
    const head = before.at(-2);
    if (head?.kind === 'token' && head.token.kind === 'word' && ExpressionRewriter.TYPED_LITERAL_WORDS.has(head.token.text.toUpperCase())) return;
    this.report(
      operand.token,
      'type',
      'a subscript of a varchar (s[i]) is not Athena SQL (TYPE_MISMATCH: Cannot use integer for subscript of varchar); the local engine would give the i-th character',
      'use substr(s, i, 1)',
    );
  }

  reportDuckdbOperator(t: Token, written: string, what: string): void {
    this.report(
      t,
      'syntax',
      `'${written}' is DuckDB's syntax for ${what}, not Athena's (Athena's syntax error)`,
      'write it in Athena SQL: CAST(x AS type), ROW(…), power(x, y), bitwise_and(x, y), starts_with(s, p)',
    );
  }

  /**
   * `"abs"(-1)`, `"ABS"(-1)`, `"concat"('a', 'b')`: Trino 476 resolves a quoted function name as the plain name in
   * lower case, so a double-quoted name that is exactly a reviewed scalar function's is that call (asked: 1, 1, 'ab').
   * Not the names Trino's grammar reads as forms rather than functions (GRAMMAR_FORMS: `"row"(1, 2)`, `"position"(…)`,
   * `"json_value"(…)` fail FUNCTION_NOT_FOUND, `"cast"(1 AS varchar)` and `"extract"(year FROM d)` SYNTAX_ERROR,
   * `"normalize"('a')` wants its second argument), aggregates and window functions (other checks read their names as
   * words), a qualified name, and backquotes (not Athena's).
   */
  private plainQuotedCall(t: Token, items: readonly Node[], i: number, parts: readonly Part[]): boolean {
    const plain = /^"([a-z_][a-z0-9_]*)"$/i.exec(t.text)?.[1]?.toLowerCase();
    if (plain === undefined || (GRAMMAR_FORMS.has(plain) && !QUOTED_AS_FUNCTIONS.has(plain))) return false;
    const entry = lookupFunction(plain);
    if (entry === undefined || entry.calls !== undefined || plain.startsWith('st_')) return false;
    const nextIndex = nextMeaningful(items, i);
    const prev = lastMeaningful(parts);
    const args = items[nextIndex];
    if (nextIndex < 0 || !isParen(args) || prev?.kind === 'dot' || !isCallPosition(prev, items, nextIndex)) return false;
    // `"trim"(BOTH 'a' FROM s)`, `"substring"(s FROM 2)`: the grammar's forms are Trino's syntax error when quoted.
    return !QUOTED_AS_FUNCTIONS.has(plain) || !args.items.some((n) => n.kind === 'token' && FORM_WORDS.has(keyword(n.token)));
  }

  /**
   * `"current_date"()`: Trino 476 answers today's date (type date), as the plain `current_date`; plain
   * `current_date()` is its syntax error, `"current_date"(1)` FUNCTION_NOT_FOUND (left refused). Returns the index of
   * the empty parentheses, or -1.
   */
  private quotedSessionCall(t: Token, items: readonly Node[], i: number, parts: readonly Part[]): number {
    if (t.text.toLowerCase() !== '"current_date"') return -1;
    const nextIndex = nextMeaningful(items, i);
    const args = items[nextIndex];
    const prev = lastMeaningful(parts);
    if (nextIndex < 0 || !isParen(args) || meaningful(args.items).length > 0 || prev?.kind === 'dot') return -1;
    return isCallPosition(prev, items, nextIndex) ? nextIndex : -1;
  }

  /**
   * `"json"('[1]')`, `"concat"('a', NULL)`, `"main"."json"(…)`: a function name in double quotes (or backquotes)
   * passed the function table and its translation, so DuckDB ran its own function of that name: its json() and
   * list_value() where Trino 476 fails FUNCTION_NOT_FOUND, its concat, greatest, date_trunc and md5 with other answers
   * or types (silent). Refused at the name; Trino resolves a quoted name as the plain one, so unquoted it runs.
   */
  private checkQuotedCall(t: Token, items: readonly Node[], i: number, parts: readonly Part[]): void {
    const nextIndex = nextMeaningful(items, i);
    const next = nextIndex < 0 ? undefined : items[nextIndex];
    if (!isParen(next)) return;
    const prev = lastMeaningful(parts);
    const qualified = prev?.kind === 'dot';
    if (!isCallPosition(qualified ? partBeforeQualifiedName(parts) : prev, items, nextIndex)) return;
    const plain = t.text.slice(1, -1);
    this.report(
      t,
      'quoted-function',
      `${t.text}(): a function name in quotes is not checked or translated locally (DuckDB would run its own function of that name)`,
      /^[a-z_][a-z0-9_]*$/i.test(plain) ? `write ${plain.toLowerCase()}(…) without the quotes` : 'write the function name without quotes',
    );
  }

  /**
   * Default-deny: a call runs only as its function-table entry says (src/dialect/functions). Returns false after
   * reporting when the call is unknown, refused or has an argument count the entry does not accept.
   */
  private checkCall(name: Token, argCount: number): boolean {
    const lower = name.text.toLowerCase();
    const entry = lookupFunction(lower);
    if (!entry) {
      const athena = DUCKDB_ONLY[lower];
      if (athena) this.report(name, 'duckdb-only-function', `${lower}() is a DuckDB function that Athena does not have`, `write ${athena}`);
      else
        this.report(
          name,
          'unknown-function',
          `${lower}() is not a function the local engine runs as Athena does`,
          'docs/functions.md lists the functions that run locally',
        );
      return false;
    }
    if (entry.run.kind === 'refused') {
      this.report(name, 'refused-function', `${lower}() is refused locally: ${entry.run.reason}`, `write ${entry.run.instead}`);
      return false;
    }
    if (entry.arity && !arityAccepts(entry.arity, argCount)) {
      this.report(
        name,
        'function-arity',
        `${lower}() takes ${describeArity(entry.arity)} locally, got ${argCount}`,
        'docs/functions.md lists the forms that run locally',
      );
      return false;
    }
    return true;
  }

  /**
   * The call's tail without its `IGNORE NULLS` / `RESPECT NULLS` (RESPECT is the default), and whether nulls are
   * ignored; refused on a function that is not a window value function, as Trino does.
   */
  private nullTreatment(name: Token, tail: Node[]): { tail: Node[]; ignoreNulls: boolean } {
    const at = tail.findIndex((n) => nodeKeyword(n) === 'IGNORE' || nodeKeyword(n) === 'RESPECT');
    if (at < 0 || nodeKeyword(tail[nextMeaningful(tail, at)]) !== 'NULLS') return { tail, ignoreNulls: false };
    const ignoreNulls = nodeKeyword(tail[at]) === 'IGNORE';
    if (!NULL_TREATMENT_CALLS.has(name.text.toLowerCase())) {
      this.report(
        name,
        'null-treatment',
        `${nodeKeyword(tail[at])} NULLS applies only to lag, lead, first_value, last_value and nth_value (Athena: "Cannot specify null treatment clause for ${name.text.toLowerCase()} function")`,
        `remove ${nodeKeyword(tail[at])} NULLS`,
      );
    }
    return { tail: [...tail.slice(0, at), ...tail.slice(nextMeaningful(tail, at) + 1)], ignoreNulls };
  }

  /**
   * FILTER (WHERE …) or OVER (…) after a call of a known function that reads one row (neither an aggregate nor a window
   * function): Trino 476 fails (FUNCTION_NOT_AGGREGATE "Filter is only valid for aggregation functions",
   * FUNCTION_NOT_WINDOW "Not a window function: abs", a SYNTAX_ERROR for coalesce, if, nullif, grouping). Rewrites around
   * an aggregate argument answered locally, the FILTER dropped (`array_sort(array_agg(x)) FILTER (WHERE x > 1)` [1, 2,
   * 3]) or the OVER given to the aggregate (`coalesce(max(x), 0) OVER ()` 3; hunt44). Refused at the FILTER or OVER.
   */
  private reportRowClauses(lower: string, entry: FunctionEntry | undefined, tail: readonly Node[]): void {
    if (!entry || entry.run.kind === 'refused') return;
    const clause = tail.find((n) => nodeKeyword(n) === 'FILTER' || nodeKeyword(n) === 'OVER');
    if (clause?.kind !== 'token') return;
    const over = nodeKeyword(clause) === 'OVER';
    this.report(
      clause.token,
      'not-aggregate',
      over
        ? `${lower}() is neither an aggregate nor a window function: ${lower}(…) OVER (…) fails on Athena (FUNCTION_NOT_WINDOW, or a syntax error for coalesce, if, nullif, grouping)`
        : `${lower}() is not an aggregate function: ${lower}(…) FILTER (WHERE …) fails on Athena (FUNCTION_NOT_AGGREGATE, or a syntax error for coalesce, if, nullif, grouping)`,
      over
        ? `move OVER (…) inside, onto the aggregate: ${lower}(sum(x) OVER (…))`
        : `move FILTER (WHERE …) inside, onto the aggregate: ${lower}(array_agg(x) FILTER (WHERE …))`,
    );
  }

  /** Where one of the arguments at `at` is syntactically zoned, the others (not a bare NULL) are read as zoned. */
  private zonedArgumentsCoerced(at: readonly number[], count: number, argument: (k: number) => Rendered, rendered: Map<number, Rendered>): void {
    const meeting = at.filter((j) => j < count);
    if (!meeting.some((j) => argument(j).zoned)) return;
    for (const j of meeting) {
      const r = argument(j);
      if (!r.zoned && !/^\s*NULL\s*$/i.test(r.text)) rendered.set(j, { ...r, text: `trino_tz_coerced(${r.text.trim()})`, zoned: true });
    }
  }

  private renderCall(name: Token, group: GroupNode, writtenTail: Node[], isCall: boolean): Rendered {
    const args = splitCallArgs(group.items);
    const { tail, ignoreNulls } = this.nullTreatment(name, writtenTail);
    const rendered = new Map<number, Rendered>();
    const argument = (k: number): Rendered => {
      let r = rendered.get(k);
      if (!r) {
        // Where a year-month interval is read as one (sequence's step; year() and month() of it), not carried as a value.
        const callee = name.text.toLowerCase();
        this.yearMonthStep = (k === 2 && callee === 'sequence') || (k === 0 && (callee === 'year' || callee === 'month'));
        this.refusedFilterTerm = k === 0 && this.refusedIfCall === group ? 'term' : false;
        // try()'s argument: an AND or OR in it stops at its deciding operand (short-circuits.ts).
        const tried = isCall && callee === 'try';
        if (tried) this.shortCircuits++;
        const folded = tried && this.holdsTry && this.valuesRows;
        if (folded) this.foldedTries++;
        try {
          rendered.set(k, (r = this.renderArgumentZoned(args[k] ?? [])));
        } finally {
          if (tried) this.shortCircuits--;
          if (folded) this.foldedTries--;
        }
        this.refusedFilterTerm = false;
        const typed = k === 0 || (k === 1 && BOTH_ARRAYS_TYPED.has(callee)) ? nullArgumentType(callee, args) : undefined;
        if (typed && /^\s*NULL\s*$/i.test(r.text)) rendered.set(k, (r = { ...r, text: `CAST(${UNFOLDED_NULL} AS ${typed})` }));
        else if (typed)
          rendered.set(
            k,
            (r = {
              ...r,
              text: unknownRetyped(r.text, this.mayHoldUnknown, typed, retypedElement(r.text) || (typed !== UNKNOWN_ARRAY && mayBeUnknownExpression(r.text))),
            }),
          );
        // Also a scalar subquery or another expression DuckDB may type NULL (`reverse((SELECT NULL))`, `substr(if(c,
        // NULL), 1)`: Trino 476 AMBIGUOUS_FUNCTION_CALL, locally a varbinary or varchar NULL; hunt42).
        else if (UNKNOWN_AMBIGUOUS_ARGUMENT[callee] === k)
          rendered.set(k, (r = { ...r, text: unknownGuarded(r.text, this.mayHoldUnknown, 'argument', true, mayBeUnknownExpression(r.text)) }));
        // An integer literal meeting other values in one type is an integer, as in Trino (integer-literal-types.ts).
        if (Object.hasOwn(MEETING_ARGUMENTS, callee)) {
          const at = MEETING_ARGUMENTS[callee] ?? args.map((_a, j) => j);
          const written = at.filter((j) => j < args.length).map((j) => (j === k ? r!.text : args[j].map(nodeText).join('')));
          const own = at.filter((j) => j < args.length).indexOf(k);
          if (own >= 0) rendered.set(k, (r = { ...r, text: typedIntegerLiterals(written)[own] }));
        }
      }
      return r;
    };
    const lower = name.text.toLowerCase();
    const entry = isCall && this.checkCall(name, args.length) ? lookupFunction(lower) : undefined;
    if (entry) {
      // A value whose order is Athena's hash order, revealed here (hash-orders.ts).
      for (const g of orderFreeArgumentCalls(lower, args, splitCallArgs)) this.orderFreeCalls.add(g);
      const hashOrder = hashOrderRefusal(
        lower,
        args,
        tail,
        this.orderFreeCalls.has(group) || this.unreadHashOrders.has(group.open),
        splitCallArgs,
        this.hashOrderedColumns,
      );
      if (hashOrder) this.report(name, 'hash-order', hashOrder.message, hashOrder.hint);
    }
    if (entry?.calls === undefined) this.reportRowClauses(lower, entry, tail);
    const overAt = tail.findIndex((n) => nodeKeyword(n) === 'OVER');
    // lag and lead need an ordered window in Trino 476 (MISSING_ORDER_BY); DuckDB reads the rows in any order.
    const window = overAt >= 0 ? tail.slice(overAt + 1).find((n): n is GroupNode => n.kind === 'group') : undefined;
    if (window && ORDERED_WINDOW_CALLS.has(lower) && !window.items.some((n) => nodeKeyword(n) === 'ORDER')) {
      this.report(
        name,
        'missing-order-by',
        `${lower} function requires an ORDER BY window clause (Athena: MISSING_ORDER_BY)`,
        `write ${lower}(x) OVER (ORDER BY …)`,
      );
    }
    if (window && FRAMELESS_WINDOW_CALLS.has(lower) && window.items.some((n) => ['ROWS', 'RANGE', 'GROUPS'].includes(nodeKeyword(n)))) {
      this.report(
        name,
        'window-frame',
        `Cannot specify window frame for ${lower} function (Athena: INVALID_WINDOW_FRAME)`,
        'remove the ROWS, RANGE or GROUPS frame',
      );
    }
    if (window) this.reportWindowExclusion(window.items);
    if (window) this.reportGroupsWithoutOrder(window.items);
    const mistypedOffset = window && mistypedFrameOffset(window.items);
    if (mistypedOffset)
      this.report(mistypedOffset.at, 'window-frame-offset', mistypedOffset.message, 'write the offset as an integer (ROWS, GROUPS) or a number (RANGE)');
    const renderGroup = (n: GroupNode, k: number) => {
      if (overAt >= 0 && k > overAt) return `(${renderWindowSpecification(n.items, (nodes) => this.render(nodes))})`;
      // `FILTER (WHERE …)` of an aggregate over a table without GROUP BY: its tests are refused (filtersAggregatedTableRows).
      let before = k - 1;
      while (before >= 0 && isTriviaNode(tail[before])) before--;
      this.refusedFilterTerm = this.aggregateFiltersRefused && nodeKeyword(tail[before]) === 'FILTER' ? 'term' : false;
      const text = this.render(n.items);
      this.refusedFilterTerm = false;
      return `(${text})`;
    };
    const renderedTail = tail.map((n, k) => (n.kind === 'group' ? renderGroup(n, k) : nodeText(n))).join('');
    const close = group.close?.text ?? '';
    if (isCall && Object.hasOwn(ZONED_COERCED_ARGUMENTS, lower))
      this.zonedArgumentsCoerced(ZONED_COERCED_ARGUMENTS[lower] ?? args.map((_a, j) => j), args.length, argument, rendered);
    const ctx: CallContext = {
      name,
      mayHoldUnknown: this.mayHoldUnknown,
      args,
      group,
      arg: (k) => argument(k).text.trim(),
      all: () => args.map((_a, k) => argument(k).text).join(','),
      tail: renderedTail,
      report: (rule, message, hint) => this.report(name, rule, message, hint),
      render: (nodes) => this.render(nodes),
      renderLambdaBody: (nodes) => this.renderLambdaBody(nodes),
      renderZoned: (nodes) => this.renderZoned(nodes),
      lambdaParameters: this.lambdaParameters,
      correlatable: this.correlatableDepth > 0,
      makesZoned: this.makesZoned,
      ...(this.levelTypes !== undefined ? { knownType: this.knownType } : {}),
      ...(this.valuesCells !== undefined ? { valuesCells: this.valuesCells } : {}),
      ...(this.manyTries ? { manyTries: true } : {}),
    };
    let text: string | undefined;
    // A regular expression's pattern and text, as Java reads them (java-regex.ts).
    const call =
      entry && REGEXP_CALLS.has(lower)
        ? withJavaRegex(ctx)
        : entry && DOUBLE_ARGUMENT_CALLS.has(lower)
          ? {
              ...ctx,
              arg: (k: number) => doubleArgument(ctx.arg(k), this.correlatableDepth > 0),
              all: () => args.map((_a, k) => doubleArgument(argument(k).text, this.correlatableDepth > 0)).join(','),
            }
          : ctx;
    if (entry?.run.kind === 'rewrite') text = FUNCTIONS[lower](call);
    else if (entry?.run.kind === 'shim' && entry.varbinaryArgs) {
      const checked = args.map((_a, k) => shimCall('trino_varbinary_arg', [call.arg(k), sqlString(lower)]));
      text = `${entry.run.to}(${checked.join(', ')}${close}${renderedTail}`;
    } else if (entry?.run.kind === 'builtin' || entry?.run.kind === 'shim') text = `${entry.run.to}(${call.all()}${close}${renderedTail}`;
    text ??= `${name.text}(${(entry && DOUBLE_ARGUMENT_CALLS.has(lower) ? call : ctx).all()}${close}${renderedTail}`;
    if (
      entry &&
      (entry.run.kind !== 'rewrite' || (UNTYPED_EVALUATING_REWRITES.has(lower) && !group.items.some((n) => nodeKeyword(n) === 'FROM'))) &&
      entry.calls === undefined &&
      tail.length === 0 &&
      !(lower in NULL_ARGUMENT_TYPES) &&
      !EVALUATING_CALLS.has(lower)
    )
      text = this.untypedArgumentsEvaluated(text, args, (k) => argument(k).text);
    else if (lower === 'trim' && args.length === 1) {
      // trim(BOTH 'x' FROM e): the characters and the string are the pieces around FROM (the side word is no value).
      const pieces = trimFromPieces(args[0]);
      if (pieces) text = this.untypedArgumentsEvaluated(text, pieces, (k) => this.render(pieces[k]));
    }
    // DuckDB writes the null treatment inside the call: lag(x, 1 IGNORE NULLS) OVER (…).
    if (ignoreNulls) text = `${text.slice(0, text.length - renderedTail.length - 1)} IGNORE NULLS)${renderedTail}`;
    const zoned =
      ZONED_CALLS.has(lower) ||
      (ZONED_IF_LAST_ARG.has(lower) && args.length > 0 && argument(args.length - 1).zoned) ||
      (ZONED_IF_FIRST_ARG.has(lower) && args.length > 0 && argument(0).zoned) ||
      (ZONED_IF_ANY_ARG.has(lower) && args.some((_a, k) => argument(k).zoned)) ||
      /^(try\()?(trino_tz_round_to_seconds\()?trino_to_tstz(_any)?\(/.test(text) ||
      isZonedCast(lower, group);
    const knownType = scalarCastType(lower, group) ?? fixedCallType(lower);
    return { text, zoned, nested: isNestedCall(lower, group), varchar: isVarcharCast(lower, group), ...(knownType ? { knownType } : {}) };
  }

  /**
   * `text` (a scalar call) with each argument that may be NULL-typed (its written text holds a NULL, `[]` or `MAP()`:
   * `upper(element_at(ARRAY[], x))`, `exp(CASE WHEN 1 / x > 0 THEN NULL END)`) evaluated beside the call where DuckDB
   * types it NULL: DuckDB folds a call given a NULL-typed argument into a NULL without evaluating the argument, which
   * dropped the argument's own failure (Trino 476 evaluates it: "SQL array indices start at 1", DIVISION_BY_ZERO, …).
   * The extra field is a CASE on the argument's type, which DuckDB simplifies away where the argument is typed. In a
   * subquery that may read outer columns the shape is an unnamed row (evaluated-beside.ts).
   */
  private untypedArgumentsEvaluated(text: string, args: readonly (readonly Node[])[], rendered: (k: number) => string): string {
    if (!this.mayHoldUnknown) return text;
    const evaluated: string[] = [];
    args.forEach((a, k) => {
      const written = a.map(nodeText).join('');
      // An argument reading a column a select list made of a NULL, `[]` or `MAP()` (unknown-names.ts) may be NULL-typed
      // too; a bare such column is evaluated as well (its value may fail: `SELECT element_at(ARRAY[], 0) AS n`).
      const named = mentionsName(a, this.unknownNames);
      if (!(named || MAY_BE_UNKNOWN.test(written)) || /^\s*NULL\s*$/i.test(written) || /->/.test(written)) return;
      const value = rendered(k).trim();
      if (!(mayBeUnknownExpression(value) || (named && isColumnName(value))) || hasAggregate(value)) return;
      evaluated.push(`CASE WHEN typeof([${value}]) = '"NULL"[]' THEN ${value} END`);
    });
    return evaluatedBeside(text, evaluated, this.correlatableDepth > 0);
  }

  /** DuckDB's frame exclusion (EXCLUDE CURRENT ROW | GROUP | TIES | NO OTHERS) is no Trino 476 syntax. */
  private reportWindowExclusion(items: readonly Node[]): void {
    const exclusion = items.find((n) => nodeKeyword(n) === 'EXCLUDE');
    if (exclusion?.kind === 'token')
      this.report(
        exclusion.token,
        'window-exclude',
        "Athena fails with SYNTAX_ERROR: mismatched input 'EXCLUDE' (a window frame has no EXCLUDE clause there; the local engine would exclude the rows)",
        'filter the rows in a subquery, or subtract the current row: sum(x) OVER (…) - x',
      );
  }

  /**
   * A GROUPS frame with an offset needs an ORDER BY in Trino (MISSING_ORDER_BY); DuckDB took the whole partition as one
   * peer group. A window that starts with a name may take its ORDER BY from that named window: left as written.
   */
  private reportGroupsWithoutOrder(items: readonly Node[]): void {
    const spec = meaningful(items);
    const groupsAt = spec.findIndex((n) => nodeKeyword(n) === 'GROUPS');
    const groups = spec[groupsAt];
    if (groups?.kind !== 'token' || spec.some((n) => nodeKeyword(n) === 'ORDER') || (groupsAt > 0 && nodeKeyword(spec[0]) !== 'PARTITION')) return;
    const bounds = spec.slice(groupsAt);
    if (!bounds.some((n, k) => ['PRECEDING', 'FOLLOWING'].includes(nodeKeyword(n)) && nodeKeyword(bounds[k - 1]) !== 'UNBOUNDED')) return;
    this.report(
      groups.token,
      'missing-order-by',
      'Athena fails with MISSING_ORDER_BY: Window frame of type GROUPS PRECEDING or FOLLOWING requires ORDER BY (the local engine would frame the whole partition)',
      'add an ORDER BY to the window',
    );
  }
}

/**
 * The value pieces of `trim(side chars FROM s)` / `trim(side FROM s)`: the characters (when written) and the string,
 * without the side word and FROM; undefined without a top-level FROM.
 */
function trimFromPieces(arg: readonly Node[]): Node[][] | undefined {
  const from = arg.findIndex((n) => nodeKeyword(n) === 'FROM');
  if (from < 0) return undefined;
  const before = arg.slice(0, from);
  const side = before.findIndex((n) => ['BOTH', 'LEADING', 'TRAILING'].includes(nodeKeyword(n)));
  const chars = side < 0 ? before : before.slice(side + 1);
  return [...(meaningful(chars).length > 0 ? [chars] : []), arg.slice(from + 1)];
}

/** The window value functions that take a null treatment (Trino: IGNORE NULLS / RESPECT NULLS before OVER). */
const NULL_TREATMENT_CALLS = new Set(['lag', 'lead', 'first_value', 'last_value', 'nth_value']);

/** Whether `nodes` hold a query at any depth (a scalar subquery, EXISTS, IN (SELECT …)). */
const holdsQuery = (nodes: readonly Node[]): boolean => nodes.some((n) => n.kind === 'group' && (isSubquery(n.items) || holdsQuery(n.items)));

/**
 * Whether the group at `i` is a named window's specification (`WINDOW w AS (…), v AS (…)`): rendered as `OVER (…)` is,
 * so its frame offsets are checked and its keys compared as Trino does (window-keys.ts). A CTE's `q AS (…)` is not.
 */
function namesWindow(items: readonly Node[], i: number): boolean {
  // Read backwards in place (issue 18: a copy of the nodes before every parenthesis rendered was ~1 % of a translation).
  let k = previousMeaningful(items, i);
  if (nodeKeyword(items[k]) !== 'AS') return false;
  for (k--; k >= 0; k--) {
    const n = items[k];
    if (isTriviaNode(n)) continue;
    const word = nodeKeyword(n);
    if (word === 'WINDOW' || word === 'WITH') return word === 'WINDOW';
    const listed = n.kind === 'group' || (n.kind === 'token' && (n.token.kind === 'word' || n.token.kind === 'quoted' || n.token.text === ','));
    if (!listed) return false;
  }
  return false;
}

/** One-character operators DuckDB has and Trino 476's grammar does not (outside row patterns, refused anyway). */
const DUCKDB_SINGLE_OPERATORS = new Set(['^', '~', '&', '|', '#', '@', '!']);

/** The index of the last non-trivia node before items[i], -1 when there is none. */
function previousMeaningful(items: readonly Node[], i: number): number {
  let k = i - 1;
  while (k >= 0 && isTriviaNode(items[k])) k--;
  return k;
}

function nextMeaningful(items: readonly Node[], i: number): number {
  for (let k = i + 1; k < items.length; k++) if (!isTriviaNode(items[k])) return k;
  return -1;
}

/** `WITHIN GROUP (…)`, `FILTER (WHERE …)` and `OVER (…)` / `OVER w` after an aggregate call: they belong to the call. */
function aggregateTail(items: readonly Node[], callIndex: number): { nodes: Node[]; end: number } {
  let end = callIndex;
  for (;;) {
    let k = nextMeaningful(items, end);
    if (nodeKeyword(items[k]) === 'WITHIN' && nodeKeyword(items[nextMeaningful(items, k)]) === 'GROUP') k = nextMeaningful(items, k);
    const word = nodeKeyword(items[k]);
    if (word === 'GROUP' && isParen(items[nextMeaningful(items, k)])) {
      end = nextMeaningful(items, k);
      continue;
    }
    // `IGNORE NULLS` / `RESPECT NULLS` between a value function's call and its OVER (renderCall moves it inside).
    if ((word === 'IGNORE' || word === 'RESPECT') && nodeKeyword(items[nextMeaningful(items, k)]) === 'NULLS') {
      const nulls = nextMeaningful(items, k);
      if (nodeKeyword(items[nextMeaningful(items, nulls)]) !== 'OVER') break;
      end = nulls;
      continue;
    }
    if (word !== 'FILTER' && word !== 'OVER') break;
    const arg = nextMeaningful(items, k);
    if (arg < 0 || !(isParen(items[arg]) || (word === 'OVER' && items[arg].kind === 'token'))) break;
    end = arg;
  }
  return { nodes: items.slice(callIndex + 1, end + 1), end };
}

/** Trino rejects a subquery anywhere in a lambda's body (NOT_SUPPORTED); DuckDB would run it once per element. */
const LAMBDA_SUBQUERY = {
  message: 'a lambda expression cannot contain a subquery on Athena (NOT_SUPPORTED: Lambda expression cannot contain subqueries)',
  hint: 'compute the subquery outside the call (a CTE or a join) and refer to its column in the lambda',
};

/** The first word of a parenthesized SELECT / WITH / VALUES among the nodes, at any depth. */
function firstSubquery(nodes: readonly Node[]): Token | undefined {
  for (const n of nodes) {
    if (n.kind !== 'group') continue;
    const first = meaningful(n.items)[0];
    if (n.open.text === '(' && first?.kind === 'token' && /^(select|with|values)$/i.test(first.token.text)) return first.token;
    const inner = firstSubquery(n.items);
    if (inner) return inner;
  }
  return undefined;
}
