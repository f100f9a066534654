// The signatures the random-expression generator (generator.ts) draws calls from, one entry per faithful function of
// the function table (src/dialect/functions/): every function the local engine claims to run as Trino does gets
// exercised with arguments of its types. signatures.test.ts (in `npm test`) keeps this file and the table in step:
// a new table entry needs signatures here, or a reason in NOT_DRAWN.
//
// An argument is a kind (a random expression of that type) or a list of SQL texts, one of which is picked (units,
// zones, format patterns, and argument pairs that must agree, written as one text with a comma).
import type { Kind } from './generator.js';

export type Arg = Kind | readonly string[];

export interface Signature {
  args: readonly Arg[];
  result: Kind;
  /** The call's SQL from its rendered arguments; `name(a, b, …)` when unset. */
  render?: (args: string[]) => string;
}

const UNITS = ["'millisecond'", "'second'", "'minute'", "'hour'", "'day'", "'week'", "'month'", "'quarter'", "'year'"];
const DATE_UNITS = ["'day'", "'week'", "'month'", "'quarter'", "'year'"];
const ZONES = ["'UTC'", "'Europe/Berlin'", "'America/New_York'", "'+05:30'", "'Asia/Kolkata'", "'-08:00'"];
const PATTERNS = ["'[a-z]+'", "'[0-9]'", "'(a)(b)?'", "'^'", "'x*'", "'\\s'", "'[äö]'"];
const MYSQL_FORMATS = ["'%Y-%m-%d %H:%i:%s'", "'%a %b %e %l%p'", "'%W %M %D %y'", "'%j %U %u'", "'%f'", "'%c/%d %T'", "'%h:%i %r'"];
const JODA_FORMATS = ["'yyyy-MM-dd HH:mm:ss.SSS'", "'EEE, d MMM yyyy'", "'h:mm a'", "'YYYY ww'", "'D DDD'", "'E EEEE MMMM'"];
const JSON_PATHS = ["'$.a'", "'$.b[0]'", "'$.c.d'", "'$[0]'", "'$'", "'$.b'"];
const URLS = [
  "'https://user@example.com:8080/p/a.html?x=1&y=%20z#frag'",
  "'http://example.com'",
  "'s3://bucket/key/part-0.parquet'",
  "'https://example.com/?q=a&q=b'",
  "'not a url'",
];
// contains(network varchar, address ipaddress): IPv4, IPv6 and IPv4-mapped networks and addresses, /0 to /128.
const NETWORKS = ["'10.0.0.0/8'", "'0.0.0.0/0'", "'::/0'", "'2001:db8::/32'", "'::ffff:0:0/96'", "'10.1.2.3/32'", "'::1/128'", "'128.0.0.0/1'"];
const ADDRESSES = ["IPADDRESS '10.1.2.3'", "IPADDRESS '::ffff:10.1.2.3'", "CAST('2001:db8::1' AS ipaddress)", "IPADDRESS '::1'", "IPADDRESS '200.0.0.1'"];
const BIN_TEXT = ["'YWJj'", "'_-8'", "''", "'YQ=='"];
const HEX_TEXT = ["'00ff'", "'ABCDEF'", "''", "'1'"];
const LAMBDA_INT = ['x -> x + 1', 'x -> x * x', 'x -> coalesce(x, 0) - 2', 'x -> NULL'];
const LAMBDA_BOOL = ['x -> x > 1', 'x -> x IS NULL', 'x -> x % 2 = 0'];
const AGG_OVER = (fn: string) => (args: string[]) => `(SELECT ${fn}(x) FROM UNNEST(${args[0]}) AS t(x))`;
const AGG2_OVER = (fn: string) => (args: string[]) => `(SELECT ${fn}(x, y) FROM UNNEST(${args[0]}, ${args[1]}) AS t(x, y))`;

const s = (args: readonly Arg[], result: Kind, render?: Signature['render']): Signature => ({ args, result, render });
const unary = (kinds: readonly Kind[], result?: Kind) => kinds.map((k) => s([k], result ?? k));

export const SIGNATURES: Readonly<Record<string, readonly Signature[]>> = {
  // conditional
  coalesce: [s(['int', 'int'], 'int'), s(['str', 'str', 'str'], 'str'), s(['dec', 'dec'], 'dec'), s(['tstz', 'tstz'], 'tstz')],
  nullif: [s(['int', 'int'], 'int'), s(['str', 'str'], 'str'), s(['num', 'num'], 'num')],
  if: [s(['bool', 'int', 'int'], 'int'), s(['bool', 'str'], 'str'), s(['bool', 'date', 'date'], 'date')],
  try: [s(['int'], 'int'), s(['num'], 'num'), s(['str'], 'str'), s(['date'], 'date')],
  greatest: [
    s(['int', 'int'], 'int'),
    s(['num', 'num'], 'num'),
    s(['str', 'str'], 'str'),
    s(['date', 'date'], 'date'),
    s(['ts', 'ts'], 'ts'),
    s(['dec', 'dec'], 'dec'),
  ],
  least: [s(['int', 'int'], 'int'), s(['num', 'num'], 'num'), s(['str', 'str'], 'str'), s(['date', 'date'], 'date'), s(['dec', 'dec'], 'dec')],
  current_timezone: [s([], 'str')],

  // mathematical
  abs: unary(['int', 'num', 'dec']),
  cbrt: [s(['num'], 'num')],
  ceil: unary(['int', 'num', 'dec']),
  ceiling: unary(['int', 'num', 'dec']),
  floor: unary(['int', 'num', 'dec']),
  degrees: [s(['num'], 'num')],
  radians: [s(['num'], 'num')],
  e: [s([], 'num')],
  pi: [s([], 'num')],
  exp: [s(['num'], 'num')],
  ln: [s(['num'], 'num')],
  log2: [s(['num'], 'num')],
  log10: [s(['num'], 'num')],
  log: [s(['num', 'num'], 'num')],
  mod: [s(['int', 'int'], 'int'), s(['num', 'num'], 'num'), s(['dec', 'dec'], 'dec')],
  pow: [s(['num', 'num'], 'num'), s(['int', 'int'], 'num')],
  power: [s(['num', 'int'], 'num')],
  round: [
    s(['num'], 'num'),
    s(['num', ['0', '1', '2', '-1']], 'num'),
    s(['dec'], 'dec'),
    s(['dec', ['0', '1', '2', '-1']], 'dec'),
    s(['int'], 'int'),
    s(['int', ['-1', '1']], 'int'),
  ],
  sign: unary(['int', 'num', 'dec']),
  sqrt: [s(['num'], 'num')],
  truncate: [s(['num'], 'num'), s(['dec'], 'dec'), s(['dec', ['0', '1', '-1']], 'dec')],
  width_bucket: [s(['num', ['0E0, 10E0, 5', '10E0, 0E0, 3', '-1E0, 1E0, 4']], 'int')],
  to_base: [s(['int', ['2', '16', '36']], 'str')],
  from_base: [
    s(
      [
        ["'101'", "'ff'", "'-7'", "'z'", "''"],
        ['2', '16', '36'],
      ],
      'int',
    ),
  ],
  is_nan: [s(['num'], 'bool')],
  is_finite: [s(['num'], 'bool')],
  is_infinite: [s(['num'], 'bool')],
  nan: [s([], 'num')],
  infinity: [s([], 'num')],
  normal_cdf: [s([['0', '10', '-2.5E0'], ['1', '2.0E0', '0.001'], 'num'], 'num')],
  inverse_normal_cdf: [
    s(
      [
        ['0', '10', '-2.5E0'],
        ['1', '2.0E0', '0.001'],
        ['0.5', '0.975', '1.0E-10', '0.999'],
      ],
      'num',
    ),
  ],
  beta_cdf: [
    s(
      [
        ['0.5', '2', '3.0E0'],
        ['1', '0.5', '10.0E0'],
        ['0', '0.25', '1', '0.999'],
      ],
      'num',
    ),
  ],
  inverse_beta_cdf: [
    s(
      [
        ['0.5', '2', '3.0E0'],
        ['1', '0.5', '10.0E0'],
        ['0', '0.25', '0.5', '1', '0.999'],
      ],
      'num',
    ),
  ],
  wilson_interval_lower: [
    s(
      [
        ['3', '0', '10'],
        ['10', '5'],
        ['1.96E0', '2.5E0'],
      ],
      'num',
    ),
  ],
  wilson_interval_upper: [
    s(
      [
        ['3', '0', '10'],
        ['10', '5'],
        ['1.96E0', '2.5E0'],
      ],
      'num',
    ),
  ],
  acos: [s(['num'], 'num')],
  asin: [s(['num'], 'num')],
  atan: [s(['num'], 'num')],
  atan2: [s(['num', 'num'], 'num')],
  cos: [s(['num'], 'num')],
  cosh: [s(['num'], 'num')],
  sinh: [s(['num'], 'num')],
  sin: [s(['num'], 'num')],
  tan: [s(['num'], 'num')],
  tanh: [s(['num'], 'num')],

  // bitwise
  bit_count: [s(['int', ['8', '32', '64']], 'int')],
  bitwise_and: [s(['int', 'int'], 'int')],
  bitwise_or: [s(['int', 'int'], 'int')],
  bitwise_xor: [s(['int', 'int'], 'int')],
  bitwise_not: [s(['int'], 'int')],
  bitwise_left_shift: [s(['int', ['0', '1', '31', '63', '64']], 'int')],
  bitwise_right_shift: [s(['int', ['0', '1', '31', '63', '64']], 'int')],
  bitwise_right_shift_arithmetic: [s(['int', ['0', '1', '31', '63', '64']], 'int')],
  bitwise_and_agg: [s(['arr'], 'int', AGG_OVER('bitwise_and_agg'))],
  bitwise_or_agg: [s(['arr'], 'int', AGG_OVER('bitwise_or_agg'))],
  bitwise_xor_agg: [s(['arr'], 'int', AGG_OVER('bitwise_xor_agg'))],

  // string
  chr: [s([['65', '233', '128512', '0']], 'str')],
  codepoint: [s([["'A'", "'é'", "'🙂'"]], 'int')],
  concat: [s(['str', 'str'], 'str'), s(['str', 'str', 'str'], 'str'), s(['arr', 'arr'], 'arr')],
  concat_ws: [s([["','", "''"], 'str', 'str'], 'str'), s([["'-'"], 'arrs'], 'str')],
  hamming_distance: [
    s(
      [
        ["'abc'", "''"],
        ["'abd'", "''"],
      ],
      'int',
    ),
  ],
  length: [s(['str'], 'int')],
  levenshtein_distance: [s(['str', 'str'], 'int')],
  lower: [s(['str'], 'str')],
  upper: [s(['str'], 'str')],
  lpad: [s(['str', ['0', '3', '6'], ["'x'", "'ab'"]], 'str')],
  rpad: [s(['str', ['0', '3', '6'], ["'x'", "'ab'"]], 'str')],
  ltrim: [s(['str'], 'str'), s(['str', ["'a'", "' x'"]], 'str')],
  rtrim: [s(['str'], 'str'), s(['str', ["'a'", "' x'"]], 'str')],
  trim: [s(['str'], 'str'), s(['str', ["'a'", "' x'"]], 'str')],
  luhn_check: [s([["'79927398713'", "'1234'", "''", "'a1'"]], 'bool')],
  position: [s(['str', 'str'], 'int', ([a, b]) => `position(${a} IN ${b})`)],
  replace: [s(['str', 'str'], 'str'), s(['str', 'str', 'str'], 'str')],
  reverse: [s(['str'], 'str'), s(['arr'], 'arr')],
  split: [s(['str', ["','", "''", "'a'"]], 'arrs'), s(['str', ["','"], ['1', '2']], 'arrs')],
  split_part: [s(['str', ["','", "'a'"], 'int'], 'str')],
  split_to_map: [s([["'a=1,b=2'", "''", "'a=1,a=2'", "'k=v'"]], 'arrs', ([t]) => `map_keys(split_to_map(${t}, ',', '='))`)],
  strpos: [s(['str', 'str'], 'int'), s(['str', 'str', ['1', '2', '-1']], 'int')],
  starts_with: [s(['str', 'str'], 'bool')],
  substr: [s(['str', 'int'], 'str'), s(['str', 'int', 'int'], 'str')],
  substring: [s(['str', 'int'], 'str'), s(['str', 'int', 'int'], 'str')],
  translate: [s(['str', ["'abc'", "'a'"], ["'xy'", "''"]], 'str')],
  normalize: [s(['str'], 'str')],
  to_utf8: [s(['str'], 'bin')],
  from_utf8: [s(['bin'], 'str')],
  format: [
    s([["'%s'", "'%s-%s'"], 'str', 'str'], 'str', ([f, a, b]) => (f === "'%s'" ? `format(${f}, ${a})` : `format(${f}, ${a}, ${b})`)),
    s([["'%d'", "'%5d'", "'%x'", "'%,d'"], 'int'], 'str'),
    s([["'%.2f'", "'%e'", "'%s'", "'%08.3f'"], 'num'], 'str'),
  ],
  parse_data_size: [s([["'1kB'", "'2.3MB'", "'0B'", "'1.5EB'", "'1'"]], 'dec')],
  parse_presto_data_size: [s([["'1kB'", "'2.3MB'", "'0B'"]], 'dec')],

  // regular expressions
  regexp_like: [s(['str', PATTERNS], 'bool')],
  regexp_extract: [s(['str', PATTERNS], 'str'), s(['str', ["'([a-z])([0-9]*)'", "'(x)'"], ['0', '1', '2']], 'str')],
  regexp_extract_all: [s(['str', PATTERNS], 'arrs'), s(['str', ["'([a-z])([0-9]*)'"], ['0', '1', '2']], 'arrs')],
  regexp_replace: [s(['str', PATTERNS], 'str'), s(['str', PATTERNS, ["'*'", "'$0$0'", "'<$1>'", "'\\$'"]], 'str')],
  regexp_split: [s(['str', PATTERNS], 'arrs')],
  regexp_count: [s(['str', PATTERNS], 'int')],
  regexp_position: [s(['str', PATTERNS], 'int'), s(['str', PATTERNS, ['1', '2']], 'int'), s(['str', PATTERNS, ['1', '2'], ['1', '2']], 'int')],

  // binary and hashing
  to_hex: [s(['bin'], 'str')],
  from_hex: [s([HEX_TEXT], 'bin')],
  to_base64: [s(['bin'], 'str')],
  from_base64: [s([BIN_TEXT], 'bin')],
  to_base64url: [s(['bin'], 'str')],
  from_base64url: [s([BIN_TEXT], 'bin')],
  md5: [s(['bin'], 'bin')],
  sha1: [s(['bin'], 'bin')],
  sha256: [s(['bin'], 'bin')],
  sha512: [s(['bin'], 'bin')],
  hmac_md5: [s(['bin', 'bin'], 'bin')],
  hmac_sha1: [s(['bin', 'bin'], 'bin')],
  hmac_sha256: [s(['bin', 'bin'], 'bin')],
  hmac_sha512: [s(['bin', 'bin'], 'bin')],
  crc32: [s(['bin'], 'int')],
  xxhash64: [s(['bin'], 'bin')],

  // JSON
  json_extract: [s(['json', JSON_PATHS], 'json')],
  json_extract_scalar: [s(['json', JSON_PATHS], 'str')],
  json_parse: [s([['\'{"a": 1}\'', '\'[1, "x", null]\'', "'1.50'", '\'"s"\'', '\'{"b": [true], "a": {}}\'']], 'json')],
  json_format: [s(['json'], 'str')],
  json_size: [s(['json', JSON_PATHS], 'int')],
  json_array_length: [s(['json'], 'int')],
  json_array_contains: [s(['json', 'int'], 'bool'), s(['json', 'str'], 'bool')],
  json_array_get: [s(['json', ['0', '1', '-1', '5']], 'json')],
  is_json_scalar: [s(['json'], 'bool')],

  // URL
  url_extract_fragment: [s([URLS], 'str')],
  url_extract_host: [s([URLS], 'str')],
  url_extract_parameter: [s([URLS, ["'x'", "'q'", "'none'"]], 'str')],
  url_extract_path: [s([URLS], 'str')],
  url_extract_port: [s([URLS], 'int')],
  url_extract_protocol: [s([URLS], 'str')],
  url_extract_query: [s([URLS], 'str')],
  url_encode: [s(['str'], 'str')],
  url_decode: [s([["'a%20b'", "'x+y'", "'%C3%A4'", "'plain'"]], 'str')],

  // date and time
  date_add: [s([UNITS, 'int', 'ts'], 'ts'), s([DATE_UNITS, 'int', 'date'], 'date'), s([UNITS, 'int', 'tstz'], 'tstz')],
  date_diff: [s([UNITS, 'ts', 'ts'], 'int'), s([DATE_UNITS, 'date', 'date'], 'int'), s([UNITS, 'tstz', 'tstz'], 'int')],
  date_trunc: [s([UNITS, 'ts'], 'ts'), s([DATE_UNITS, 'date'], 'date'), s([UNITS, 'tstz'], 'tstz')],
  date_format: [s(['ts', MYSQL_FORMATS], 'str'), s(['tstz', MYSQL_FORMATS], 'str')],
  date_parse: [
    s([["'2025-03-05 07:08', '%Y-%m-%d %H:%i'", "'12-25', '%m-%d'", "'10:30', '%H:%i'", "'2024/02/29', '%Y/%m/%d'", "'5 Mar 2025', '%e %b %Y'"]], 'ts'),
  ],
  format_datetime: [s(['ts', JODA_FORMATS], 'str'), s(['tstz', JODA_FORMATS], 'str')],
  parse_datetime: [s([["'2025-03-05 07:08', 'yyyy-MM-dd HH:mm'", "'12-25', 'MM-dd'", "'2024-02-29', 'yyyy-MM-dd'"]], 'tstz')],
  from_iso8601_timestamp: [
    s([["'2025-03-10T10:00:00+01:00'", "'2025-03-10T10:00:00Z'", "'2025-03-10'", "'2025-03-10T10:00:00.123-05:30'", "'2025-03-10T10'"]], 'tstz'),
  ],
  from_iso8601_date: [s([["'2025-03-10'", "'2025-W10-2'", "'2025-069'", "'2025'"]], 'date')],
  from_unixtime: [s(['int'], 'tstz'), s(['num'], 'tstz'), s(['int', ZONES], 'tstz')],
  to_unixtime: [s(['ts'], 'num'), s(['tstz'], 'num')],
  to_iso8601: [s(['ts'], 'str'), s(['tstz'], 'str'), s(['date'], 'str')],
  to_milliseconds: [s([["INTERVAL '1' DAY", "INTERVAL '90' MINUTE", "INTERVAL '1.5' SECOND"]], 'int')],
  with_timezone: [s(['ts', ZONES], 'tstz')],
  at_timezone: [s(['tstz', ZONES], 'tstz')],
  date: [s(['ts'], 'date'), s(['tstz'], 'date'), s([["'2025-03-10'", "'2024-02-29'"]], 'date')],
  ...Object.fromEntries(
    ['year', 'quarter', 'month', 'week', 'week_of_year', 'day', 'day_of_month', 'day_of_week', 'dow', 'day_of_year', 'doy', 'year_of_week', 'yow'].map((fn) => [
      fn,
      [s(['date'], 'int'), s(['ts'], 'int'), s(['tstz'], 'int')],
    ]),
  ),
  ...Object.fromEntries(['hour', 'minute', 'second', 'millisecond'].map((fn) => [fn, [s(['ts'], 'int'), s(['tstz'], 'int')]])),
  last_day_of_month: [s(['date'], 'date'), s(['ts'], 'date'), s(['tstz'], 'date')],
  extract: [s([['YEAR', 'MONTH', 'DAY', 'HOUR', 'DOW', 'DOY', 'WEEK', 'QUARTER', 'YEAR_OF_WEEK'], 'ts'], 'int', ([f, t]) => `extract(${f} FROM ${t})`)],
  human_readable_seconds: [s(['num'], 'str')],
  parse_duration: [s([["'1.5s'", "'3.2m'", "'1d'", "'42ms'", "'5.1h'"]], 'int', ([d]) => `to_milliseconds(parse_duration(${d}))`)],

  // arrays and lambdas
  all_match: [s(['arr', LAMBDA_BOOL], 'bool')],
  any_match: [s(['arr', LAMBDA_BOOL], 'bool')],
  none_match: [s(['arr', LAMBDA_BOOL], 'bool')],
  array_distinct: [s(['arr'], 'arr'), s(['arrs'], 'arrs')],
  array_except: [s(['arr', 'arr'], 'arr')],
  array_intersect: [s(['arr', 'arr'], 'arr'), s(['arrs', 'arrs'], 'arrs')],
  array_union: [s(['arr', 'arr'], 'arr')],
  array_join: [s(['arr', ["','", "''"]], 'str'), s(['arrs', ["'|'"], ["'null'", "''"]], 'str')],
  array_max: [s(['arr'], 'int'), s(['arrs'], 'str')],
  array_min: [s(['arr'], 'int'), s(['arrs'], 'str')],
  array_position: [s(['arr', 'int'], 'int'), s(['arrs', 'str'], 'int')],
  array_remove: [s(['arr', 'int'], 'arr'), s(['arrs', 'str'], 'arrs')],
  array_sort: [s(['arr'], 'arr'), s(['arrs'], 'arrs')],
  arrays_overlap: [s(['arr', 'arr'], 'bool')],
  cardinality: [s(['arr'], 'int'), s(['map'], 'int')],
  contains: [s(['arr', 'int'], 'bool'), s(['arrs', 'str'], 'bool'), s([NETWORKS, ADDRESSES], 'bool')],
  contains_sequence: [s(['arr', 'arr'], 'bool')],
  element_at: [s(['arr', 'int'], 'int'), s(['arrs', 'int'], 'str'), s(['map', 'str'], 'int')],
  filter: [s(['arr', LAMBDA_BOOL], 'arr')],
  flatten: [s(['arr', 'arr'], 'arr', ([a, b]) => `flatten(ARRAY[${a}, ${b}])`)],
  ngrams: [s(['arrs', ['1', '2', '3']], 'int', ([a, n]) => `cardinality(ngrams(${a}, ${n}))`)],
  reduce: [s(['arr'], 'int', ([a]) => `reduce(${a}, 0, (s, x) -> s + coalesce(x, 0), s -> s)`)],
  repeat: [s(['int', ['0', '1', '3']], 'arr'), s(['str', ['2']], 'arrs')],
  sequence: [
    s(
      [
        ['1', '3', '-2'],
        ['1', '5', '0'],
      ],
      'arr',
    ),
    s(
      [
        ['1', '10'],
        ['5', '1'],
        ['2', '-3'],
      ],
      'arr',
    ),
    s(['date', 'date'], 'arr', ([a, b]) => `cardinality(sequence(${a}, ${b}))`),
  ],
  slice: [s(['arr', ['1', '2', '-1'], ['0', '2', '5']], 'arr')],
  transform: [s(['arr', LAMBDA_INT], 'arr'), s(['arrs', ['x -> upper(x)', "x -> x || '!'"]], 'arrs')],
  trim_array: [s(['arr', ['0', '1', '2']], 'arr')],
  zip_with: [s(['arr', 'arr', ['(x, y) -> coalesce(x, 0) + coalesce(y, 0)', '(x, y) -> x']], 'arr')],

  // maps
  map: [s(['arrs', 'arr'], 'map')],
  map_concat: [s(['map', 'map'], 'map')],
  map_entries: [s(['map'], 'int', ([m]) => `cardinality(map_entries(${m}))`)],
  map_from_entries: [s(['arrs', 'arr'], 'map', ([k, v]) => `map_from_entries(zip(${k}, ${v}))`)],
  map_keys: [s(['map'], 'arrs')],
  map_values: [s(['map'], 'arr')],
  map_filter: [s(['map', ['(k, v) -> v > 1', "(k, v) -> k = 'a'", '(k, v) -> v IS NULL']], 'map')],
  map_zip_with: [s(['map', 'map', ['(k, a, b) -> coalesce(a, 0) + coalesce(b, 0)']], 'map')],
  transform_keys: [s(['map', ['(k, v) -> upper(k)', "(k, v) -> k || 'x'"]], 'map')],
  transform_values: [s(['map', ['(k, v) -> v * 2', '(k, v) -> length(k)']], 'map')],
  map_agg: [s(['arrs', 'arr'], 'map', ([k, v]) => `(SELECT map_agg(k, v) FROM UNNEST(${k}, ${v}) AS t(k, v) WHERE k IS NOT NULL)`)],
  histogram: [s(['arrs'], 'int', ([a]) => `cardinality((SELECT histogram(x) FROM UNNEST(${a}) AS t(x)))`)],

  // aggregates, over the elements of an array (a scalar subquery, so they nest in any expression)
  array_agg: [s(['arr'], 'arr', AGG_OVER('array_agg'))],
  avg: [s(['arr'], 'num', AGG_OVER('avg'))],
  bool_and: [s(['arr'], 'bool', ([a]) => `(SELECT bool_and(x > 0) FROM UNNEST(${a}) AS t(x))`)],
  bool_or: [s(['arr'], 'bool', ([a]) => `(SELECT bool_or(x > 0) FROM UNNEST(${a}) AS t(x))`)],
  every: [s(['arr'], 'bool', ([a]) => `(SELECT every(x > 0) FROM UNNEST(${a}) AS t(x))`)],
  count: [s(['arr'], 'int', AGG_OVER('count')), s(['arr'], 'int', ([a]) => `(SELECT count(*) FROM UNNEST(${a}) AS t(x))`)],
  count_if: [s(['arr'], 'int', ([a]) => `(SELECT count_if(x > 1) FROM UNNEST(${a}) AS t(x))`)],
  sum: [s(['arr'], 'int', AGG_OVER('sum'))],
  max: [s(['arr'], 'int', AGG_OVER('max')), s(['arrs'], 'str', AGG_OVER('max'))],
  min: [s(['arr'], 'int', AGG_OVER('min')), s(['arrs'], 'str', AGG_OVER('min'))],
  max_by: [s(['arrs', 'arr'], 'str', AGG2_OVER('max_by'))],
  min_by: [s(['arrs', 'arr'], 'str', AGG2_OVER('min_by'))],
  arbitrary: [s(['arr'], 'bool', ([a]) => `((SELECT arbitrary(x) FROM UNNEST(${a}) AS t(x)) IS NULL)`)],
  any_value: [s(['arr'], 'bool', ([a]) => `((SELECT any_value(x) FROM UNNEST(${a}) AS t(x)) IS NULL)`)],
  approx_distinct: [s(['arr'], 'int', AGG_OVER('approx_distinct'))],
  approx_percentile: [s(['arr', ['0.5', '0.1', '0.9', '1', '0']], 'int', ([a, p]) => `(SELECT approx_percentile(x, ${p}) FROM UNNEST(${a}) AS t(x))`)],
  corr: [s(['arr', 'arr'], 'num', AGG2_OVER('corr'))],
  covar_pop: [s(['arr', 'arr'], 'num', AGG2_OVER('covar_pop'))],
  covar_samp: [s(['arr', 'arr'], 'num', AGG2_OVER('covar_samp'))],
  geometric_mean: [s(['arr'], 'num', AGG_OVER('geometric_mean'))],
  kurtosis: [s(['arr'], 'num', AGG_OVER('kurtosis'))],
  skewness: [s(['arr'], 'num', AGG_OVER('skewness'))],
  regr_intercept: [s(['arr', 'arr'], 'num', AGG2_OVER('regr_intercept'))],
  regr_slope: [s(['arr', 'arr'], 'num', AGG2_OVER('regr_slope'))],
  stddev: [s(['arr'], 'num', AGG_OVER('stddev'))],
  stddev_pop: [s(['arr'], 'num', AGG_OVER('stddev_pop'))],
  stddev_samp: [s(['arr'], 'num', AGG_OVER('stddev_samp'))],
  variance: [s(['arr'], 'num', AGG_OVER('variance'))],
  var_pop: [s(['arr'], 'num', AGG_OVER('var_pop'))],
  var_samp: [s(['arr'], 'num', AGG_OVER('var_samp'))],
  listagg: [s(['arrs'], 'str', ([a]) => `(SELECT listagg(x, ',') WITHIN GROUP (ORDER BY x) FROM UNNEST(${a}) AS t(x))`)],

  // functions added on 2026-12-05 (formerly refused); arguments that must agree are given as texts
  cosine_similarity: [
    s(
      [['ARRAY[1E0, 2E0, 3E0], ARRAY[4E0, 5E0, 6E0]', 'ARRAY[1E0, 0E0], ARRAY[0E0, 1E0]', 'ARRAY[-1.5E0, 2E0], ARRAY[3E0, NULL]', 'ARRAY[0E0], ARRAY[1E0]']],
      'num',
    ),
    s([["MAP(ARRAY['a', 'b'], ARRAY[1E0, 2E0]), MAP(ARRAY['b', 'c'], ARRAY[3E0, 4E0])", "MAP(ARRAY['a'], ARRAY[1E0]), MAP(ARRAY['x'], ARRAY[2E0])"]], 'num'),
  ],
  soundex: [s(['str'], 'str')],
  split_to_multimap: [s([["'a=1,b=2'", "'a=1,a=2'", "'k=v'"]], 'arrs', ([t]) => `array_sort(map_keys(split_to_multimap(${t}, ',', '=')))`)],
  format_number: [s(['int'], 'str'), s(['num'], 'str')],
  murmur3: [s(['bin'], 'bin')],
  spooky_hash_v2_32: [s(['bin'], 'bin')],
  spooky_hash_v2_64: [s(['bin'], 'bin')],
  from_big_endian_32: [s([["X'00000001'", "X'FFFFFFFF'", "X'7FFFFFFF'", "X'0102'"]], 'int')],
  from_big_endian_64: [s([["X'0000000000000001'", "X'FFFFFFFFFFFFFFFF'", "X'01'"]], 'int')],
  to_big_endian_32: [s([['0', '1', '-1', '2147483647', '-2147483648']], 'bin')],
  to_big_endian_64: [s(['int'], 'bin', ([a]) => `to_big_endian_64(CAST(${a} AS bigint))`)],
  from_ieee754_32: [s([["X'3F800000'", "X'7FC00000'", "X'00000000'", "X'FF800000'"]], 'num', ([b]) => `CAST(from_ieee754_32(${b}) AS double)`)],
  from_ieee754_64: [s([["X'3FF0000000000000'", "X'7FF8000000000000'", "X'8000000000000000'"]], 'num')],
  to_ieee754_32: [s(['num'], 'bin', ([a]) => `to_ieee754_32(CAST(${a} AS real))`)],
  to_ieee754_64: [s(['num'], 'bin')],
  timezone_hour: [s(['tstz'], 'int')],
  timezone: [s(['tstz'], 'str')],
  timezone_minute: [s(['tstz'], 'int')],
  combinations: [s(['arr', ['0', '1', '2', '3']], 'int', ([a, n]) => `cardinality(combinations(${a}, ${n}))`)],
  zip: [s(['arr', 'arrs'], 'int', ([a, b]) => `cardinality(zip(${a}, ${b}))`)],
  multimap_from_entries: [s(['arrs', 'arr'], 'int', ([k, v]) => `cardinality(multimap_from_entries(zip(${k}, ${v})))`)],
  multimap_agg: [s(['arrs', 'arr'], 'int', ([k, v]) => `cardinality((SELECT multimap_agg(k, v) FROM UNNEST(${k}, ${v}) AS t(k, v) WHERE k IS NOT NULL))`)],
  map_union: [s(['map', 'map'], 'int', ([a, b]) => `(SELECT cardinality(map_union(m)) FROM UNNEST(ARRAY[${a}, ${b}]) AS t(m))`)],
  checksum: [s(['arr'], 'bin', AGG_OVER('checksum')), s(['arrs'], 'bin', AGG_OVER('checksum'))],
  approx_most_frequent: [s(['arrs'], 'int', ([a]) => `cardinality((SELECT approx_most_frequent(3, x, 100) FROM UNNEST(${a}) AS t(x)))`)],
  numeric_histogram: [s(['arr'], 'int', ([a]) => `cardinality((SELECT numeric_histogram(100, x) FROM UNNEST(${a}) AS t(x)))`)],
  reduce_agg: [
    s(
      ['arr'],
      'int',
      ([a]) => `(SELECT reduce_agg(CAST(x AS bigint), BIGINT '0', (s, v) -> s + coalesce(v, 0), (s1, s2) -> s1 + s2) FROM UNNEST(${a}) AS t(x))`,
    ),
  ],
};

/** Faithful table entries the generator does not draw, and why. */
export const NOT_DRAWN: Readonly<Record<string, string>> = {
  json_exists:
    'SQL/JSON syntax (a path literal, PASSING, ON ERROR clauses), not a call the generator writes; compared with Trino 476 by tests/dialect/functions/json-seventh-pass.test.ts and 400 random documents and paths (docs/issue-15-audit.md "JSON, seventh pass")',
  json_value:
    'SQL/JSON syntax (RETURNING, ON EMPTY, ON ERROR), not a call the generator writes; compared with Trino 476 by tests/dialect/functions/json-seventh-pass.test.ts',
  json_query:
    'SQL/JSON syntax (WRAPPER, QUOTES, ON EMPTY), not a call the generator writes; compared with Trino 476 by tests/dialect/functions/json-seventh-pass.test.ts',
  t_cdf:
    "added on 2026-12-06: kept out of the draw so that CI's fixed seed draws what it drew before (a new signature redraws every case); compared with Trino 476 by its own tests (tests/dialect/functions/t-distribution.test.ts)",
  t_pdf:
    "added on 2026-12-06: kept out of the draw so that CI's fixed seed draws what it drew before (a new signature redraws every case); compared with Trino 476 by its own tests (tests/dialect/functions/t-distribution.test.ts)",
  dot_product:
    "added on 2026-12-06: kept out of the draw so that CI's fixed seed draws what it drew before (a new signature redraws every case); compared with Trino 476 by its own tests (tests/dialect/functions/vector-functions.test.ts)",
  euclidean_distance:
    "added on 2026-12-06: kept out of the draw so that CI's fixed seed draws what it drew before (a new signature redraws every case); compared with Trino 476 by its own tests (tests/dialect/functions/vector-functions.test.ts)",
  cosine_distance:
    "added on 2026-12-06: kept out of the draw so that CI's fixed seed draws what it drew before (a new signature redraws every case); compared with Trino 476 by its own tests (tests/dialect/functions/vector-functions.test.ts)",
  to_base32:
    "added on 2026-12-06: kept out of the draw so that CI's fixed seed draws what it drew before (a new signature redraws every case); compared with Trino 476 by its own tests (tests/dialect/functions/base32.test.ts)",
  from_base32:
    "added on 2026-12-06: kept out of the draw so that CI's fixed seed draws what it drew before (a new signature redraws every case); compared with Trino 476 by its own tests (tests/dialect/functions/base32.test.ts)",
  cast: 'CAST syntax: generator.ts has hand-written CAST and try_cast rules per kind',
  try_cast: 'CAST syntax: generator.ts has hand-written CAST and try_cast rules per kind',
  row: 'ROW constructor: generator.ts has hand-written row rules',
  grouping: 'only meaningful with GROUPING SETS (tests/dialect)',
  uuid: 'random: the two engines cannot agree on a value',
  random: 'random: the two engines cannot agree on a value',
  rand: 'random: the two engines cannot agree on a value',
  now: 'the current time differs between the two engines by the time between the two queries',
  current_timestamp: 'the current time differs between the two engines by the time between the two queries',
  unnest: 'a relation, not an expression (drawn inside the aggregate signatures)',
  row_number: 'window functions need an ordered window (tests/dialect)',
  rank: 'window functions need an ordered window (tests/dialect)',
  dense_rank: 'window functions need an ordered window (tests/dialect)',
  percent_rank: 'window functions need an ordered window (tests/dialect)',
  cume_dist: 'window functions need an ordered window (tests/dialect)',
  ntile: 'window functions need an ordered window (tests/dialect)',
  lag: 'window functions need an ordered window (tests/dialect)',
  lead: 'window functions need an ordered window (tests/dialect)',
  first_value: 'window functions need an ordered window (tests/dialect)',
  last_value: 'window functions need an ordered window (tests/dialect)',
  nth_value: 'window functions need an ordered window (tests/dialect)',
};
