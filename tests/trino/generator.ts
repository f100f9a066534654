// A seeded generator of random, typed Trino expressions for the differential oracle: literals at their edges, NULLs,
// nested arrays/maps/rows, zoned timestamps, decimals at their limits and lambdas. Calls are drawn from every faithful
// entry of the function table by signature (signatures.ts), besides the operators and syntax written here.
// Expressions are trees, so a difference can be shrunk to a minimal one (see shrink.ts).
import { SIGNATURES, type Signature } from './signatures.js';

export type Kind = 'int' | 'num' | 'dec' | 'str' | 'bool' | 'date' | 'ts' | 'tstz' | 'arr' | 'arrs' | 'map' | 'row' | 'bin' | 'json';

export interface Expr {
  kind: Kind;
  kids: Expr[];
  /** Renders this node from its children's SQL. */
  render: (kids: string[]) => string;
}

export const sqlOf = (e: Expr): string => e.render(e.kids.map(sqlOf));

/** mulberry32: small, fast and the same sequence on every machine for a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NULL_OF: Record<Kind, string> = {
  int: 'CAST(NULL AS integer)',
  num: 'CAST(NULL AS double)',
  dec: 'CAST(NULL AS decimal(10,2))',
  str: 'CAST(NULL AS varchar)',
  bool: 'CAST(NULL AS boolean)',
  date: 'CAST(NULL AS date)',
  ts: 'CAST(NULL AS timestamp)',
  tstz: 'CAST(NULL AS timestamp with time zone)',
  arr: 'CAST(NULL AS array(integer))',
  arrs: 'CAST(NULL AS array(varchar))',
  map: 'CAST(NULL AS map(varchar, integer))',
  row: 'CAST(NULL AS row(x integer, y varchar))',
  bin: 'CAST(NULL AS varbinary)',
  json: 'CAST(NULL AS json)',
};

/** Literals per kind; the first is the simplest, used when shrinking. */
export const LITERALS: Record<Kind, string[]> = {
  int: [
    '1',
    '0',
    '-1',
    '7',
    '42',
    '2147483647',
    '-2147483648',
    "BIGINT '9223372036854775807'",
    "BIGINT '-9223372036854775808'",
    "BIGINT '9000000000'",
    "SMALLINT '5'",
    "TINYINT '-3'",
  ],
  num: [
    "DOUBLE '1.5'",
    "DOUBLE '0.0'",
    "DOUBLE '-0.0'",
    "DOUBLE '-2.5'",
    "DOUBLE '0.1'",
    "DOUBLE '1e300'",
    "DOUBLE '1e-300'",
    'nan()',
    'infinity()',
    '-infinity()',
    "REAL '3.25'",
    "DOUBLE '2.5'",
  ],
  dec: [
    "DECIMAL '1.25'",
    '2.5',
    "DECIMAL '-0.5'",
    "DECIMAL '0.005'",
    "DECIMAL '123.456'",
    "DECIMAL '99999999999999999999999999999999999999'",
    "DECIMAL '-9999999999999999999999999999999999999.9'",
    "DECIMAL '0.00000000000000000000000000000000000001'",
    "DECIMAL '12345678901234567.89'",
  ],
  str: ["'a'", "''", "'Abc'", "'äöü'", "'x''y'", "' pad '", "'2025-03-10'", "'a,b,,c'", "'🙂x'", "'42'", "'-7.5'", "'NaN'"],
  bool: ['TRUE', 'FALSE'],
  date: ["DATE '2025-03-10'", "DATE '1970-01-01'", "DATE '2024-02-29'", "DATE '2025-12-31'", "DATE '1900-03-01'", "DATE '2025-01-31'"],
  ts: [
    "TIMESTAMP '2025-03-10 10:00:00'",
    "TIMESTAMP '2025-03-30 01:30:00'",
    "TIMESTAMP '2024-02-29 23:59:59.999'",
    "TIMESTAMP '1970-01-01 00:00:00.000'",
    "TIMESTAMP '2025-01-31 12:34:56.789'",
    "TIMESTAMP '1969-12-31 23:59:59.500'",
  ],
  tstz: [
    "TIMESTAMP '2025-03-10 10:00:00 UTC'",
    "TIMESTAMP '2025-03-30 01:30:00 Europe/Berlin'",
    "TIMESTAMP '2025-11-02 01:30:00 America/New_York'",
    "TIMESTAMP '2025-06-01 12:00:00 +05:30'",
    "TIMESTAMP '2024-12-31 23:59:59.999 Asia/Tokyo'",
  ],
  arr: ['ARRAY[1, 2, 3]', 'ARRAY[]', 'ARRAY[2, NULL, 2]', 'ARRAY[-1]', 'ARRAY[2147483647, 1]'],
  arrs: ["ARRAY['a', 'b']", "ARRAY['']", "ARRAY['b', NULL, 'a']", "ARRAY['x,y', 'z']"],
  map: ["MAP(ARRAY['a', 'b'], ARRAY[1, 2])", 'MAP()', "MAP(ARRAY['k'], ARRAY[NULL])"],
  row: ["CAST(ROW(1, 'a') AS ROW(x integer, y varchar))", "ROW(1, 'a')", "CAST(ROW(NULL, 'b') AS ROW(x integer, y varchar))"],
  bin: ["X'00ff'", "to_utf8('abc')", "X''", "from_hex('CAFE')", "to_utf8('äö')"],
  json: [`JSON '{"a": 1, "b": [2, "x"], "c": {"d": null}}'`, 'JSON \'[1, 2.5, "s", true, null]\'', "JSON '3'", `JSON '"text"'`, "JSON '[]'", "JSON 'null'"],
};

const ZONES = ["'UTC'", "'Europe/Berlin'", "'America/New_York'", "'+05:30'", "'Asia/Kolkata'"];
const UNITS = ["'day'", "'month'", "'hour'", "'minute'", "'week'", "'year'", "'quarter'", "'second'"];

export type Rule = [weight: number, kids: Kind[], render: (k: string[], pick: <T>(xs: T[]) => T) => string];

/**
 * The productions per kind. A render may pick constants (units, zones, small numbers) with `pick`; the pick is made
 * once, when the node is generated, so re-rendering a node (while shrinking) gives the same SQL.
 */
const HAND_RULES: Record<Kind, Rule[]> = {
  int: [
    [3, ['int', 'int'], ([a, b]) => `(${a} + ${b})`],
    [2, ['int', 'int'], ([a, b]) => `(${a} - ${b})`],
    [2, ['int', 'int'], ([a, b]) => `(${a} * ${b})`],
    [2, ['int', 'int'], ([a, b]) => `(${a} / ${b})`],
    [1, ['int', 'int'], ([a, b]) => `(${a} % ${b})`],
    [1, ['int'], ([a]) => `abs(${a})`],
    [1, ['int'], ([a]) => `(-${a})`],
    [1, ['int'], ([a]) => `sign(${a})`],
    [2, ['str'], ([s]) => `length(${s})`],
    [1, ['str', 'str'], ([a, b]) => `strpos(${a}, ${b})`],
    [2, ['arr'], ([a]) => `cardinality(${a})`],
    [1, ['date'], ([d]) => `year(${d})`],
    [1, ['ts'], ([t]) => `hour(${t})`],
    [1, ['date'], ([d]) => `day_of_week(${d})`],
    [1, ['date'], ([d]) => `week(${d})`],
    [1, ['tstz'], ([t]) => `hour(${t})`],
    [2, ['ts', 'ts'], ([a, b], pick) => `date_diff(${pick(UNITS)}, ${a}, ${b})`],
    [1, ['date', 'date'], ([a, b], pick) => `date_diff(${pick(["'day'", "'month'", "'year'", "'week'"])}, ${a}, ${b})`],
    [1, ['int', 'int'], ([a, b]) => `coalesce(${a}, ${b})`],
    [1, ['bool', 'int', 'int'], ([c, a, b]) => `if(${c}, ${a}, ${b})`],
    [1, ['bool', 'int', 'int'], ([c, a, b]) => `CASE WHEN ${c} THEN ${a} ELSE ${b} END`],
    [1, ['int', 'int'], ([a, b]) => `greatest(${a}, ${b})`],
    [1, ['int', 'int'], ([a, b]) => `nullif(${a}, ${b})`],
    [2, ['arr', 'int'], ([a, i]) => `element_at(${a}, ${i})`],
    [1, ['arr', 'int'], ([a, i]) => `array_position(${a}, ${i})`],
    [1, ['str'], ([s]) => `try_cast(${s} AS integer)`],
    [2, ['dec'], ([d]) => `CAST(${d} AS bigint)`],
    [2, ['num'], ([n]) => `CAST(${n} AS integer)`],
    [1, ['map', 'str'], ([m, k]) => `element_at(${m}, ${k})`],
    [1, ['arr'], ([a]) => `reduce(${a}, 0, (s, x) -> s + coalesce(x, 0), s -> s)`],
    [1, ['arr'], ([a]) => `array_max(${a})`],
    [1, ['row'], ([r]) => `${r}.x`],
    [1, ['int', 'int'], ([a, b]) => `mod(${a}, ${b})`],
  ],
  num: [
    [2, ['num', 'num'], ([a, b]) => `(${a} / ${b})`],
    [2, ['num', 'num'], ([a, b]) => `(${a} * ${b})`],
    [1, ['num', 'int'], ([a, b]) => `(${a} + ${b})`],
    [1, ['num'], ([a]) => `sqrt(${a})`],
    [1, ['num', 'int'], ([a, b]) => `power(${a}, ${b})`],
    [1, ['num'], ([a]) => `ln(${a})`],
    [1, ['num'], ([a]) => `exp(${a})`],
    [2, ['num'], ([a], pick) => `round(${a}, ${pick(['0', '1', '2', '-1'])})`],
    [1, ['num'], ([a]) => `round(${a})`],
    [1, ['num'], ([a]) => `floor(${a})`],
    [1, ['num'], ([a]) => `ceil(${a})`],
    [1, ['num'], ([a]) => `truncate(${a})`],
    [2, ['int'], ([a]) => `CAST(${a} AS double)`],
    [1, ['dec'], ([a]) => `CAST(${a} AS double)`],
    [1, ['ts'], ([t]) => `to_unixtime(${t})`],
    [1, ['str'], ([s]) => `try_cast(${s} AS double)`],
    [1, ['int', 'int'], ([a, b]) => `(${a} / CAST(${b} AS double))`],
    [1, ['num'], ([a]) => `abs(${a})`],
  ],
  dec: [
    [2, ['dec', 'dec'], ([a, b]) => `(${a} + ${b})`],
    [2, ['dec', 'dec'], ([a, b]) => `(${a} * ${b})`],
    [2, ['dec', 'dec'], ([a, b]) => `(${a} / ${b})`],
    [1, ['dec', 'int'], ([a, b]) => `(${a} - ${b})`],
    [2, ['dec'], ([a], pick) => `round(${a}, ${pick(['0', '1', '2'])})`],
    [1, ['dec'], ([a]) => `round(${a})`],
    [1, ['dec'], ([a]) => `floor(${a})`],
    [1, ['dec'], ([a]) => `abs(${a})`],
    [1, ['dec'], ([a]) => `(-${a})`],
    [2, ['int'], ([a], pick) => `CAST(${a} AS ${pick(['decimal(10,2)', 'decimal(38,0)', 'decimal(5,4)'])})`],
    [1, ['num'], ([a]) => `CAST(${a} AS decimal(12,4))`],
    [1, ['str'], ([s]) => `try_cast(${s} AS decimal(10,3))`],
  ],
  str: [
    [2, ['str'], ([s]) => `upper(${s})`],
    [1, ['str'], ([s]) => `lower(${s})`],
    [2, ['str', 'int'], ([s, i]) => `substr(${s}, ${i})`],
    [1, ['str', 'int', 'int'], ([s, i, j]) => `substr(${s}, ${i}, ${j})`],
    [2, ['str', 'str'], ([a, b]) => `(${a} || ${b})`],
    [1, ['str', 'str'], ([a, b]) => `concat(${a}, ${b})`],
    [1, ['str', 'str', 'str'], ([a, b, c]) => `replace(${a}, ${b}, ${c})`],
    [1, ['str'], ([s]) => `trim(${s})`],
    [1, ['str'], ([s], pick) => `lpad(${s}, ${pick(['0', '3', '5'])}, 'x')`],
    [1, ['str'], ([s]) => `reverse(${s})`],
    [1, ['str'], ([s], pick) => `split_part(${s}, ',', ${pick(['1', '2', '4'])})`],
    [2, ['int'], ([a]) => `CAST(${a} AS varchar)`],
    [2, ['num'], ([a]) => `CAST(${a} AS varchar)`],
    [2, ['dec'], ([a]) => `CAST(${a} AS varchar)`],
    [1, ['date'], ([a]) => `CAST(${a} AS varchar)`],
    [2, ['ts'], ([a]) => `CAST(${a} AS varchar)`],
    [2, ['tstz'], ([a]) => `CAST(${a} AS varchar)`],
    [1, ['bool'], ([a]) => `CAST(${a} AS varchar)`],
    [2, ['ts'], ([t], pick) => `date_format(${t}, ${pick(["'%Y-%m-%d %H:%i:%s'", "'%a %b %e %l%p'", "'%W %M %D %y'", "'%j %U %u'", "'%f'"])})`],
    [1, ['ts'], ([t], pick) => `format_datetime(${t}, ${pick(["'yyyy-MM-dd HH:mm:ss.SSS'", "'EEE, d MMM yyyy'", "'h:mm a'", "'YYYY ww'"])})`],
    [1, ['arr'], ([a]) => `array_join(${a}, ',')`],
    [1, ['arrs'], ([a]) => `array_join(${a}, '|', 'null')`],
    [1, ['str'], ([s]) => `regexp_extract(${s}, '[a-z]+')`],
    [1, ['str'], ([s]) => `regexp_replace(${s}, '[aeiou]', '*')`],
    [1, ['arrs', 'int'], ([a, i]) => `element_at(${a}, ${i})`],
    [2, ['int'], ([a]) => `typeof(${a})`],
    [2, ['num'], ([a]) => `typeof(${a})`],
    [2, ['dec'], ([a]) => `typeof(${a})`],
    [1, ['arr'], ([a]) => `typeof(${a})`],
    [1, ['tstz'], ([t]) => `to_iso8601(${t})`],
    [1, ['ts'], ([t]) => `to_iso8601(${t})`],
    [1, ['arr'], ([a]) => `json_format(CAST(${a} AS json))`],
    [1, ['map'], ([m]) => `json_format(CAST(${m} AS json))`],
    [1, ['str'], ([s]) => `json_extract_scalar(json_parse('{"a": "' || ${s} || '"}'), '$.a')`],
    [1, ['str', 'int'], ([s, n]) => `format('%s-%d', ${s}, ${n})`],
    [1, ['row'], ([r]) => `${r}.y`],
    [1, ['tstz'], ([t]) => `date_format(${t}, '%Y-%m-%d %H:%i %p')`],
  ],
  bool: [
    [2, ['int', 'int'], ([a, b]) => `(${a} = ${b})`],
    [2, ['int', 'int'], ([a, b]) => `(${a} < ${b})`],
    [1, ['str', 'str'], ([a, b]) => `(${a} < ${b})`],
    [1, ['num', 'num'], ([a, b]) => `(${a} = ${b})`],
    [1, ['num', 'num'], ([a, b]) => `(${a} > ${b})`],
    [1, ['dec', 'dec'], ([a, b]) => `(${a} <> ${b})`],
    [1, ['tstz', 'tstz'], ([a, b]) => `(${a} = ${b})`],
    [1, ['ts', 'date'], ([a, b]) => `(${a} > ${b})`],
    [1, ['int'], ([a]) => `(${a} IS NULL)`],
    [1, ['int', 'int'], ([a, b]) => `(${a} IS DISTINCT FROM ${b})`],
    [1, ['bool'], ([a]) => `(NOT ${a})`],
    [2, ['bool', 'bool'], ([a, b]) => `(${a} AND ${b})`],
    [2, ['bool', 'bool'], ([a, b]) => `(${a} OR ${b})`],
    [1, ['arr', 'int'], ([a, b]) => `contains(${a}, ${b})`],
    [1, ['str', 'str'], ([a, b]) => `starts_with(${a}, ${b})`],
    [1, ['str'], ([s]) => `regexp_like(${s}, '^[a-z]')`],
    [2, ['arr', 'int'], ([a, b]) => `any_match(${a}, x -> x > ${b})`],
    [1, ['arr'], ([a]) => `all_match(${a}, x -> x IS NOT NULL)`],
    [1, ['int', 'int', 'int'], ([a, b, c]) => `(${a} BETWEEN ${b} AND ${c})`],
    [1, ['int', 'int', 'int'], ([a, b, c]) => `(${a} IN (${b}, ${c}))`],
    [1, ['str'], ([s]) => `(${s} LIKE '%a%')`],
    [1, ['num'], ([n]) => `is_nan(${n})`],
    [1, ['arr', 'arr'], ([a, b]) => `(${a} = ${b})`],
    [1, ['row', 'row'], ([a, b]) => `(${a} = ${b})`],
  ],
  date: [
    [2, ['int', 'date'], ([n, d], pick) => `date_add(${pick(["'day'", "'month'", "'year'", "'week'"])}, ${n}, ${d})`],
    [2, ['date'], ([d], pick) => `date_trunc(${pick(["'month'", "'week'", "'quarter'", "'year'"])}, ${d})`],
    [2, ['ts'], ([t]) => `CAST(${t} AS date)`],
    [1, ['tstz'], ([t]) => `CAST(${t} AS date)`],
    [1, ['ts'], ([t]) => `date(${t})`],
    [1, ['date'], ([d], pick) => `(${d} + INTERVAL '${pick(['1', '30', '400'])}' ${pick(['DAY', 'MONTH', 'YEAR'])})`],
    [1, ['date'], ([d]) => `(${d} - INTERVAL '1' MONTH)`],
    [1, ['date'], ([d]) => `last_day_of_month(${d})`],
    [1, ['str'], () => `from_iso8601_date('2025-03-10')`],
  ],
  ts: [
    [2, ['int', 'ts'], ([n, t], pick) => `date_add(${pick(UNITS)}, ${n}, ${t})`],
    [2, ['ts'], ([t], pick) => `date_trunc(${pick(["'hour'", "'day'", "'minute'", "'week'", "'month'"])}, ${t})`],
    [1, ['date'], ([d]) => `CAST(${d} AS timestamp)`],
    [1, ['ts'], ([t], pick) => `(${t} + INTERVAL '${pick(['90', '1', '1440'])}' MINUTE)`],
    [1, ['ts'], ([t]) => `(${t} - INTERVAL '1' MONTH)`],
    [1, ['str'], (_k, pick) => `date_parse(${pick(["'2025-03-05 07:08'", "'2024-02-29 23:59'"])}, '%Y-%m-%d %H:%i')`],
    [2, ['tstz'], ([t]) => `CAST(${t} AS timestamp)`],
    [1, ['ts', 'ts'], ([a, b]) => `greatest(${a}, ${b})`],
    [1, ['str'], ([s]) => `try_cast(${s} AS timestamp)`],
  ],
  tstz: [
    [2, ['tstz'], ([t], pick) => `at_timezone(${t}, ${pick(ZONES)})`],
    [2, ['ts'], ([t], pick) => `with_timezone(${t}, ${pick(ZONES)})`],
    [1, ['int'], ([n]) => `from_unixtime(${n})`],
    [1, ['tstz'], ([t]) => `(${t} + INTERVAL '1' DAY)`],
    [1, ['tstz'], ([t], pick) => `date_trunc(${pick(["'day'", "'hour'", "'month'"])}, ${t})`],
    [1, ['tstz'], ([t], pick) => `(${t} AT TIME ZONE ${pick(ZONES)})`],
    [1, ['str'], () => `from_iso8601_timestamp('2025-03-10T10:00:00+01:00')`],
    [1, ['ts'], ([t]) => `CAST(${t} AS timestamp with time zone)`],
  ],
  arr: [
    [3, ['int', 'int', 'int'], ([a, b, c]) => `ARRAY[${a}, ${b}, ${c}]`],
    [2, ['arr', 'int'], ([a, n]) => `transform(${a}, x -> x * ${n})`],
    [2, ['arr', 'int'], ([a, n]) => `filter(${a}, x -> x > ${n})`],
    [1, ['arr'], ([a]) => `array_distinct(${a})`],
    [1, ['arr'], ([a]) => `array_sort(${a})`],
    [1, ['arr'], ([a]) => `reverse(${a})`],
    [1, ['arr'], ([a], pick) => `slice(${a}, ${pick(['1', '2', '-1'])}, 2)`],
    [1, ['arr', 'arr'], ([a, b]) => `concat(${a}, ${b})`],
    [1, ['arr', 'arr'], ([a, b]) => `(${a} || ${b})`],
    [1, ['int'], ([a]) => `ARRAY[${a}]`],
    [1, [], (_k, pick) => `sequence(${pick(['1', '3', '-2'])}, ${pick(['1', '5', '0'])})`],
    [1, ['arr', 'int'], ([a, n]) => `array_remove(${a}, ${n})`],
    [1, ['arr', 'arr'], ([a, b]) => `flatten(ARRAY[${a}, ${b}])`],
    [1, ['arr', 'arr'], ([a, b]) => `array_union(${a}, ${b})`],
    [1, ['arr', 'arr'], ([a, b]) => `array_except(${a}, ${b})`],
    [1, ['map'], ([m]) => `map_values(${m})`],
    [1, ['arr', 'arr'], ([a, b]) => `zip_with(${a}, ${b}, (x, y) -> coalesce(x, 0) + coalesce(y, 0))`],
  ],
  arrs: [
    [2, ['str'], ([s]) => `split(${s}, ',')`],
    [2, ['str', 'str'], ([a, b]) => `ARRAY[${a}, ${b}]`],
    [1, ['arr'], ([a]) => `transform(${a}, x -> CAST(x AS varchar))`],
    [1, ['map'], ([m]) => `map_keys(${m})`],
    [1, ['arrs'], ([a]) => `array_sort(${a})`],
    [1, ['str'], ([s]) => `regexp_extract_all(${s}, '[a-z]')`],
  ],
  map: [
    [2, ['int', 'int'], ([a, b]) => `MAP(ARRAY['a', 'b'], ARRAY[${a}, ${b}])`],
    [1, ['map', 'int'], ([m, n]) => `transform_values(${m}, (k, v) -> v + ${n})`],
    [1, ['map', 'int'], ([m, n]) => `map_filter(${m}, (k, v) -> v > ${n})`],
    [1, ['map', 'map'], ([a, b]) => `map_concat(${a}, ${b})`],
    [1, ['arrs', 'arr'], ([k, v]) => `map_from_entries(zip(${k}, ${v}))`],
  ],
  row: [
    [2, ['int', 'str'], ([a, b]) => `CAST(ROW(${a}, ${b}) AS ROW(x integer, y varchar))`],
    [1, ['int', 'str'], ([a, b]) => `ROW(${a}, ${b})`],
  ],
  bin: [
    [1, ['bin', 'bin'], ([a, b]) => `(${a} || ${b})`],
    [1, ['str'], ([a]) => `CAST(${a} AS varbinary)`],
  ],
  json: [
    [1, ['str'], ([a]) => `CAST(${a} AS json)`],
    [1, ['arr'], ([a]) => `CAST(${a} AS json)`],
    [1, ['map'], ([a]) => `CAST(${a} AS json)`],
  ],
};

/** A table function's signature as a rule: its kinds are generated, its constant choices picked. */
function signatureRule(name: string, signature: Signature): Rule {
  const kinds = signature.args.filter((a): a is Kind => typeof a === 'string');
  return [
    1,
    kinds,
    (kids, pick) => {
      let k = 0;
      const args = signature.args.map((a) => (typeof a === 'string' ? kids[k++] : pick([...a])));
      return signature.render ? signature.render(args) : `${name}(${args.join(', ')})`;
    },
  ];
}

const RULES: Record<Kind, Rule[]> = Object.fromEntries(Object.entries(HAND_RULES).map(([kind, rules]) => [kind, [...rules]])) as Record<Kind, Rule[]>;
for (const [name, signatures] of Object.entries(SIGNATURES)) {
  for (const signature of signatures) RULES[signature.result].push(signatureRule(name, signature));
}

export interface GenerateOptions {
  random: () => number;
  maxDepth: number;
  /**
   * The share of leaves that read a column of the oracle's table (query-forms.ts) instead of a literal; unset, no
   * draw is made, so the literal-only sequence of a seed stays what it was.
   */
  columns?: number;
  /**
   * Rules and literals drawn besides the shared ones (a form of its own, query-forms.ts); unset, the draws of every
   * seed stay what they were.
   */
  extra?: { rules: Partial<Record<Kind, Rule[]>>; literals: Partial<Record<Kind, string[]>> };
}

/** The column of the oracle's table (query-forms.ts TABLE) holding values of each kind. */
export const columnOf = (kind: Kind): string => `c_${kind}`;

const pickWith =
  (random: () => number) =>
  <T>(xs: T[]): T =>
    xs[Math.floor(random() * xs.length)];

export function literal(kind: Kind, random: () => number, extra: string[] = []): Expr {
  const text = random() < 0.12 ? NULL_OF[kind] : pickWith(random)(extra.length > 0 ? [...LITERALS[kind], ...extra] : LITERALS[kind]);
  return { kind, kids: [], render: () => text };
}

export function generate(kind: Kind, options: GenerateOptions, depth = 0): Expr {
  const { random, maxDepth, columns, extra } = options;
  if (depth >= maxDepth || random() < 0.25) {
    if (columns !== undefined && random() < columns) return { kind, kids: [], render: () => columnOf(kind) };
    return literal(kind, random, extra?.literals[kind]);
  }
  const more = extra?.rules[kind];
  return generateBy(kind, more ? [...RULES[kind], ...more] : RULES[kind], options, depth);
}

/** A node of `kind` made by one of `rules` (drawn by weight), its children generated below it. */
export function generateBy(kind: Kind, rules: Rule[], options: GenerateOptions, depth = 0): Expr {
  const { random } = options;
  let roll = random() * rules.reduce((sum, [w]) => sum + w, 0);
  const rule = rules.find(([w]) => (roll -= w) < 0) ?? rules[rules.length - 1];
  const [, kidKinds, render] = rule;
  // Constants the rule picks are drawn now and replayed on every render.
  const picks: unknown[] = [];
  const pick = pickWith(random);
  render(
    kidKinds.map(() => ''),
    (xs) => {
      const x = pick(xs);
      picks.push(x);
      return x;
    },
  );
  const kids = kidKinds.map((k) => generate(k, options, depth + 1));
  return {
    kind,
    kids,
    render: (sqls) => {
      let i = 0;
      return render(sqls, <T>() => picks[i++] as T);
    },
  };
}

export const KINDS = Object.keys(RULES) as Kind[];
