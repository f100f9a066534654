// Query forms for the differential oracle beyond scalar expressions over literals (ORACLE_FORM, see
// random-expressions.trino.ts): expressions over the columns of a small VALUES table, aggregates (FILTER, DISTINCT,
// ORDER BY inside, GROUP BY, no group, no rows) and window functions with frames. Constant folding hides differences
// that columns show: the table holds NULL, NaN, -0.0, Infinity, empty strings, arrays and maps, and zoned timestamps.
// `relations` joins t with a renamed copy of some of its rows (ON or USING, inner, LEFT, RIGHT, FULL) and draws set
// operations of two expressions over t. `groupings` groups t by ROLLUP, CUBE and GROUPING SETS of two or three of its
// columns (NULL in row 2 and in the rolled-up rows alike), with grouping(), aggregates and windows over them. `mixed`
// draws the columns form's expressions with rules of its own besides: conditionals over mixed numeric types, lambdas
// over nested arrays and maps, and text functions of non-ASCII text (MIXED).
import { columnOf, generate, generateBy, type Expr, type GenerateOptions, type Kind, type Rule } from './generator.js';

export type Form = 'columns' | 'aggregates' | 'windows' | 'relations' | 'groupings' | 'mixed';
export const FORMS: Form[] = ['columns', 'aggregates', 'windows', 'relations', 'groupings', 'mixed'];

/** One value per kind and row; row 2 is all NULL, group g = 3 has a single row. Cells are typed by their columns. */
const ROWS: Record<Kind, string>[] = [
  {
    int: '1',
    num: "DOUBLE '1.5'",
    dec: "DECIMAL '1.25'",
    str: "'a'",
    bool: 'TRUE',
    date: "DATE '2025-03-10'",
    ts: "TIMESTAMP '2025-03-10 10:00:00.000'",
    tstz: "TIMESTAMP '2025-03-10 10:00:00.000 UTC'",
    arr: 'ARRAY[1, 2, 3]',
    arrs: "ARRAY['a', 'b']",
    map: "MAP(ARRAY['a', 'b'], ARRAY[1, 2])",
    row: "CAST(ROW(1, 'a') AS ROW(x integer, y varchar))",
    bin: "X'00ff'",
    json: `JSON '{"a": 1, "b": [2, "x"]}'`,
  },
  {
    int: 'NULL',
    num: 'NULL',
    dec: 'NULL',
    str: 'NULL',
    bool: 'NULL',
    date: 'NULL',
    ts: 'NULL',
    tstz: 'NULL',
    arr: 'NULL',
    arrs: 'NULL',
    map: 'NULL',
    row: 'NULL',
    bin: 'NULL',
    json: 'NULL',
  },
  {
    int: '0',
    num: 'nan()',
    dec: "DECIMAL '-0.50'",
    str: "''",
    bool: 'FALSE',
    date: "DATE '1970-01-01'",
    ts: "TIMESTAMP '1969-12-31 23:59:59.500'",
    tstz: "TIMESTAMP '2025-03-30 01:30:00.000 Europe/Berlin'",
    arr: 'ARRAY[]',
    arrs: "ARRAY['']",
    map: 'MAP()',
    row: "CAST(ROW(NULL, 'b') AS ROW(x integer, y varchar))",
    bin: "X''",
    json: "JSON 'null'",
  },
  {
    int: '-7',
    num: "DOUBLE '-0.0'",
    dec: "DECIMAL '99999999.99'",
    str: "'🙂x'",
    bool: 'NULL',
    date: "DATE '2024-02-29'",
    ts: "TIMESTAMP '2024-02-29 23:59:59.999'",
    tstz: "TIMESTAMP '2025-11-02 01:30:00.000 America/New_York'",
    arr: 'ARRAY[2, NULL, 2]',
    arrs: "ARRAY['b', NULL, 'a']",
    map: "MAP(ARRAY['k'], ARRAY[NULL])",
    row: "CAST(ROW(2, '') AS ROW(x integer, y varchar))",
    bin: "to_utf8('äö')",
    json: 'JSON \'[1, 2.5, "s", true, null]\'',
  },
  {
    int: '2147483647',
    num: 'infinity()',
    dec: "DECIMAL '0.00'",
    str: "'äöü'",
    bool: 'TRUE',
    date: "DATE '1900-03-01'",
    ts: "TIMESTAMP '2025-01-31 12:34:56.789'",
    tstz: "TIMESTAMP '2025-06-01 12:00:00.000 +05:30'",
    arr: 'ARRAY[2147483647, 1]',
    arrs: "ARRAY['x,y', 'z']",
    map: "MAP(ARRAY['a'], ARRAY[-1])",
    row: 'CAST(NULL AS ROW(x integer, y varchar))',
    bin: "from_hex('CAFE')",
    json: `JSON '"text"'`,
  },
  {
    int: '-1',
    num: "DOUBLE '0.0'",
    dec: "DECIMAL '-0.50'",
    str: "'a'",
    bool: 'FALSE',
    date: "DATE '2025-03-10'",
    ts: "TIMESTAMP '2025-03-10 10:00:00.000'",
    tstz: "TIMESTAMP '2025-03-10 11:00:00.000 +01:00'",
    arr: 'ARRAY[1, 2, 3]',
    arrs: "ARRAY['a', 'b']",
    map: "MAP(ARRAY['a', 'b'], ARRAY[1, 2])",
    row: "CAST(ROW(1, 'a') AS ROW(x integer, y varchar))",
    bin: "X'00ff'",
    json: "JSON '3'",
  },
];
const GROUP_OF_ROW = [1, 1, 2, 2, 3, 1];
const KINDS = Object.keys(ROWS[0]) as Kind[];

/** `WITH t(i, g, c_int, …) AS (VALUES …)`: i numbers the rows (the order of results), g groups them. */
export const TABLE = `WITH t(i, g, ${KINDS.map(columnOf).join(', ')}) AS (VALUES ${ROWS.map(
  (row, r) => `(${r + 1}, ${GROUP_OF_ROW[r]}, ${KINDS.map((k) => row[k]).join(', ')})`,
).join(', ')})`;

/** How the items of one query are selected: `[TABLE][, <tables>] SELECT <key>, <items> FROM <from, t><tail>`. */
export interface Shape {
  key: string;
  tail: string;
  /** More WITH tables after t (`, u(…) AS (…)`). */
  tables?: string;
  /** The FROM clause when it is not t alone (a join). */
  from?: string;
}

export const queryOf = (shape: Shape, items: string[]): string =>
  `${TABLE}${shape.tables ?? ''} SELECT ${shape.key}, ${items.join(', ')} FROM ${shape.from ?? 't'}${shape.tail}`;

const SHAPES: Record<Form, Shape[]> = {
  columns: [{ key: 'i', tail: ' ORDER BY i' }],
  aggregates: [
    { key: 'g', tail: ' GROUP BY g ORDER BY g' },
    { key: 'count(*)', tail: '' },
    { key: 'count(*)', tail: ' WHERE i > 6' },
    { key: 'g', tail: ' WHERE c_int IS NOT NULL GROUP BY g ORDER BY g' },
  ],
  windows: [{ key: 'i', tail: ' ORDER BY i' }],
  mixed: [{ key: 'i', tail: ' ORDER BY i' }],
  // Drawn per batch (joinShape); this one holds the set operations' items, scalar subqueries over t.
  relations: [{ key: 'count(*)', tail: ' WHERE i = 1' }],
  // Drawn per batch (groupingShape).
  groupings: [],
};

/** Join keys: every kind Trino compares for equality (json has no equality). */
const JOIN_KEYS: Kind[] = KINDS.filter((k) => k !== 'json');
const RIGHT_ROWS = ['true', 'i <> 2', 'i >= 3', 'i IN (1, 3, 6)'];

/**
 * t joined with u, a copy of some of t's rows whose columns are renamed (i as j, c_… as d_…) but for the key's column
 * under USING: NULL, NaN, -0.0 and 0.0, equal instants in two zones, NULL elements meet as keys; the items read t's
 * columns (null-extended by RIGHT and FULL joins; under USING the key is the merged column).
 */
function joinShape(random: () => number): Shape {
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const key = pick(JOIN_KEYS);
  const using = random() < 0.5;
  const join = pick(['JOIN', 'LEFT JOIN', 'RIGHT JOIN', 'FULL JOIN']);
  const renamed = KINDS.map((k) => (using && k === key ? columnOf(k) : columnOf(k).replace(/^c_/, 'd_')));
  return {
    key: using ? 'i, j' : `i, j, u.d_${key}`,
    tables: `, u(j, h, ${renamed.join(', ')}) AS (SELECT * FROM t WHERE ${pick(RIGHT_ROWS)})`,
    from: `t ${join} u ${using ? `USING (${columnOf(key)})` : `ON t.${columnOf(key)} = u.d_${key}`}`,
    tail: ' ORDER BY i NULLS FIRST, j NULLS FIRST',
  };
}

/**
 * Grouping keys: kinds Trino both groups and orders (the result is ordered by its keys). Not zoned timestamps: t holds
 * one instant in two zones, whose GROUP BY is refused locally (zoned-groups.ts), which would refuse the whole batch.
 */
const GROUPING_KEYS: Kind[] = ['int', 'num', 'dec', 'str', 'bool', 'date', 'ts'];
const WHERE_ROWS = ['', ' WHERE i <> 3', ' WHERE i > 6', ' WHERE c_int IS NULL OR i < 3'];

/**
 * The grouping elements of keys a, b (and c): rollups, cubes, explicit sets, mixed with plain keys, and quantified.
 * Trino takes only columns inside ROLLUP, CUBE and GROUPING SETS, so the keys are columns there.
 */
const GROUPINGS: [keys: 2 | 3, render: (k: string[]) => string][] = [
  [2, ([a, b]) => `ROLLUP (${a}, ${b})`],
  [2, ([a, b]) => `CUBE (${a}, ${b})`],
  [2, ([a, b]) => `GROUPING SETS ((${a}, ${b}), (${a}), ())`],
  [2, ([a, b]) => `GROUPING SETS ((${a}), (${b}))`],
  [2, ([a, b]) => `GROUPING SETS ((${b}), (), (${a}, ${b}), ())`],
  [2, ([a, b]) => `${a}, ROLLUP (${b})`],
  [2, ([a, b]) => `CUBE (${a}), ${b}`],
  [2, ([a, b]) => `ROLLUP ((${a}, ${b}))`],
  [2, ([a, b]) => `CUBE (${a}, ${b}, ${a})`],
  [2, ([a, b]) => `ROLLUP ((), ${a}), ${b}`],
  [2, ([a, b]) => `DISTINCT ROLLUP (${a}, ${b}), CUBE (${a})`],
  [2, ([a, b]) => `ALL ROLLUP (${a}, ${b}), CUBE (${a})`],
  [3, ([a, b, c]) => `ROLLUP (${a}, ${b}, ${c})`],
  [3, ([a, b, c]) => `CUBE (${a}, ${b}), ${c}`],
  [3, ([a, b, c]) => `GROUPING SETS ((${a}, ${c}), (${b}), ())`],
  // One column spelled two ways, which Trino resolves to one (from seed 20261261).
  [2, ([a, b]) => `CUBE (${a}, t.${a}, ${b})`],
  [2, ([a, b]) => `GROUPING SETS ((t.${a}), (${a}, ${b}), (${b}, "T".${a}))`],
  [2, ([a, b]) => `DISTINCT ${a}, ROLLUP (t.${a}, ${b})`],
  [2, ([a, b]) => `ALL CUBE (t.${a}), ROLLUP (${a}, ${b})`],
];

/**
 * t grouped by two or three of its columns under one of GROUPINGS (NULL in row 2 and in the rolled-up rows alike);
 * the key items are grouping() of every key and the keys, by which the rows are ordered; the items are aggregates,
 * some under a window partitioned by grouping set.
 */
function groupingShape(random: () => number): { shape: Shape; keys: string[] } {
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const [count, render] = pick(GROUPINGS);
  const kinds = [...GROUPING_KEYS];
  // Distinct columns, so that `a, ROLLUP (b)` is never `a, ROLLUP (a)`.
  const keys = Array.from({ length: count }, () => columnOf(kinds.splice(Math.floor(random() * kinds.length), 1)[0]));
  const having = pick(['', '', ` HAVING grouping(${keys[0]}) = 0`, ' HAVING count(*) > 1']);
  return {
    shape: {
      key: `grouping(${keys.join(', ')}) AS gid, ${keys.map((k, n) => `${k} AS k${n}`).join(', ')}`,
      tail: `${pick(WHERE_ROWS)} GROUP BY ${render(keys)}${having} ORDER BY gid, ${keys.map((_k, n) => `k${n} NULLS FIRST`).join(', ')}`,
    },
    keys,
  };
}

/** A window over the grouped rows of one grouping set: `max(<aggregate>) OVER (PARTITION BY grouping(keys))`. */
function overGroupingSets(a: Expr, keys: string[], random: () => number): Expr {
  const outer = ['count', 'max', 'min'][Math.floor(random() * 3)];
  return { kind: a.kind, kids: [a], render: ([sql]) => `${outer}(${sql}) OVER (PARTITION BY grouping(${keys.join(', ')}))` };
}

const SET_OPERATORS = ['UNION', 'UNION ALL', 'INTERSECT', 'INTERSECT ALL', 'EXCEPT', 'EXCEPT ALL'];

/**
 * A set operation of two expressions of one kind over some of t's rows, as a scalar subquery: its rows counted, and
 * sorted into an array where the kind has an order (NaN, -0.0 and 0.0, NULL, zoned instants meet as duplicates).
 */
function setOperation(kind: Kind, options: GenerateOptions): Expr {
  const { random } = options;
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const operator = pick(SET_OPERATORS);
  const [left, right] = [pick(['i <= 4', 'true', 'i <> 3']), pick(['i >= 3', 'true', 'g = 1'])];
  const aggregate = ORDERABLE.includes(kind) ? pick(['count(*)', 'array_agg(v ORDER BY v NULLS FIRST)']) : 'count(*)';
  return {
    kind: 'int',
    kids: [generate(kind, options, 1), generate(kind, options, 1)],
    render: ([a, b]) => `(SELECT ${aggregate} FROM (SELECT ${a} AS v FROM t WHERE ${left} ${operator} SELECT ${b} FROM t WHERE ${right}) s)`,
  };
}

const ORDERABLE: Kind[] = ['int', 'num', 'dec', 'str', 'bool', 'date', 'ts', 'tstz'];
const NUMERIC: Kind[] = ['int', 'num', 'dec'];

/** Aggregate calls by the kinds of their arguments; the rule's kind is a label (the shrinker keeps it). */
const AGGREGATES: Rule[] = [
  ...KINDS.flatMap((k): Rule[] => [
    [1, [k], ([a]) => `count(${a})`],
    [1, [k], ([a]) => `count(DISTINCT ${a})`],
    [1, [k], ([a], pick) => `array_agg(${a} ORDER BY ${pick(['i', 'i DESC'])})`],
    [1, [k], ([a], pick) => `${pick(['max_by', 'min_by'])}(${a}, i)`],
  ]),
  ...ORDERABLE.flatMap((k): Rule[] => [
    [2, [k], ([a], pick) => `${pick(['min', 'max'])}(${a})`],
    [1, [k], ([a], pick) => `${pick(['min', 'max'])}(${a}, 2)`],
    [1, [k], ([a], pick) => `array_agg(DISTINCT ${a} ORDER BY ${a}${pick(['', ' DESC', ' NULLS FIRST'])})`],
    [1, [k], ([a]) => `array_agg(${a} ORDER BY ${a}, i)`],
    [1, [k], ([a]) => `histogram(${a})`],
    [1, [k], ([a]) => `approx_distinct(${a})`],
    [1, [k], ([a]) => `max_by(i, ${a})`],
  ]),
  ...NUMERIC.flatMap((k): Rule[] => [
    [3, [k], ([a]) => `sum(${a})`],
    [2, [k], ([a]) => `avg(${a})`],
    [1, [k], ([a], pick) => `${pick(['sum', 'avg'])}(DISTINCT ${a})`],
    [1, [k], ([a], pick) => `${pick(['stddev', 'variance', 'var_pop', 'stddev_pop', 'geometric_mean', 'skewness', 'kurtosis'])}(${a})`],
    [1, [k], ([a], pick) => `approx_percentile(${a}, ${pick(['0.5', '0.9', '0'])})`],
    [1, [k, 'num'], ([a, b], pick) => `${pick(['corr', 'covar_pop', 'covar_samp', 'regr_slope', 'regr_intercept'])}(${a}, ${b})`],
    [1, [k], ([a]) => `(sum(${a}) / count(*))`],
    [1, [k], ([a]) => `(max(${a}) - min(${a}))`],
  ]),
  [2, ['bool'], ([b], pick) => `${pick(['bool_and', 'bool_or', 'every', 'count_if'])}(${b})`],
  [2, ['str'], ([s], pick) => `listagg(${s}, ${pick(["','", "''"])}) WITHIN GROUP (ORDER BY ${s}${pick(['', ' DESC'])})`],
  [1, ['int'], ([a], pick) => `${pick(['bitwise_and_agg', 'bitwise_or_agg'])}(${a})`],
  [1, ['int'], ([a]) => `reduce_agg(${a}, 0, (s, x) -> s + x, (s, u) -> s + u)`],
  [1, ['int'], ([a]) => `checksum(${a})`],
  [1, ['str', 'int'], ([k, v]) => `map_agg(${k} || CAST(i AS varchar), ${v})`],
];

const FRAMES = [
  '',
  ' ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW',
  ' ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING',
  ' ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING',
  ' ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING',
  ' ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING',
  ' RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING',
  ' RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING',
  ' GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW',
];
const ORDERINGS = ['', ' DESC', ' NULLS FIRST', ' DESC NULLS LAST'];
const PARTITIONS = ['', 'PARTITION BY g '];

/** Window functions: `[function, its argument kinds]`; frame-free ones (ranking) ignore the frame. */
const WINDOW_FUNCTIONS: [render: (args: string[], pick: <T>(xs: T[]) => T) => string, kinds: Kind[], framed: boolean][] = [
  ...KINDS.flatMap((k): [(args: string[], pick: <T>(xs: T[]) => T) => string, Kind[], boolean][] => [
    [([a]) => `count(${a})`, [k], true],
    [([a]) => `array_agg(${a})`, [k], true],
    [([a], pick) => `${pick(['first_value', 'last_value'])}(${a})${pick(['', '', ' IGNORE NULLS'])}`, [k], true],
    [([a], pick) => `nth_value(${a}, ${pick(['1', '2', '3'])})${pick(['', ' IGNORE NULLS'])}`, [k], true],
    [([a], pick) => `${pick(['lag', 'lead'])}(${a}${pick(['', ', 2', ', 0'])})${pick(['', ' IGNORE NULLS'])}`, [k], false],
    [([a, d], pick) => `${pick(['lag', 'lead'])}(${a}, 1, ${d})`, [k, k], false],
  ]),
  ...ORDERABLE.map((k): [(args: string[], pick: <T>(xs: T[]) => T) => string, Kind[], boolean] => [([a], pick) => `${pick(['min', 'max'])}(${a})`, [k], true]),
  ...NUMERIC.map((k): [(args: string[], pick: <T>(xs: T[]) => T) => string, Kind[], boolean] => [([a], pick) => `${pick(['sum', 'avg'])}(${a})`, [k], true]),
  [(_a, pick) => `${pick(['row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist'])}()`, [], false],
  [(_a, pick) => `ntile(${pick(['1', '2', '4'])})`, [], false],
];

/** `f(args) OVER ([PARTITION BY g] ORDER BY key, i [frame])`, and RANGE frames with offsets over one numeric key. */
const WINDOWS: Rule[] = [
  ...WINDOW_FUNCTIONS.flatMap(([call, kinds, framed]): Rule[] =>
    ORDERABLE.map(
      (key): Rule => [
        1,
        [...kinds, key],
        (kids, pick) => {
          const args = kids.slice(0, kinds.length);
          const by = kids[kinds.length];
          return `${call(args, pick)} OVER (${pick(PARTITIONS)}ORDER BY ${by}${pick(ORDERINGS)}, i${framed ? pick(FRAMES) : ''})`;
        },
      ],
    ),
  ),
  ...NUMERIC.flatMap((value): Rule[] =>
    (['int', 'num', 'dec', 'date'] as Kind[]).map(
      (key): Rule => [
        2,
        [value, key],
        ([a, by], pick) => {
          const offset = key === 'date' ? "INTERVAL '1' DAY" : pick(['1', '0', '2.5']);
          const frame = pick([`${offset} PRECEDING AND CURRENT ROW`, `CURRENT ROW AND ${offset} FOLLOWING`, `UNBOUNDED PRECEDING AND ${offset} PRECEDING`]);
          return `${pick(['sum', 'count', 'min', 'max', 'avg'])}(${a}) OVER (${pick(PARTITIONS)}ORDER BY ${by}${pick(ORDERINGS)} RANGE BETWEEN ${frame})`;
        },
      ],
    ),
  ),
  ...NUMERIC.map((k): Rule => [1, [k], ([a], pick) => `${pick(['sum', 'count', 'max', 'avg'])}(${a}) OVER (${pick(['', 'PARTITION BY g'])})`]),
];

/**
 * The `mixed` form's rules and literals besides the shared ones: CASE, COALESCE, IF, NULLIF, greatest/least, IN and
 * BETWEEN whose arguments are integers, decimals, doubles and reals together (the common type decides value and type);
 * lambdas over arrays of arrays and over maps, nested and capturing; text functions where letters are more than one
 * byte, one UTF-16 unit or one code point (ß, final sigma, combining accents, emoji, ligatures, other spaces).
 */
const MIXED_RULES: Partial<Record<Kind, Rule[]>> = {
  int: [
    [2, ['bool', 'int', 'int'], ([c, a, b]) => `CASE WHEN ${c} THEN CAST(${a} AS bigint) ELSE CAST(${b} AS smallint) END`],
    [2, ['arr', 'arr'], ([a, b]) => `reduce(ARRAY[${a}, ${b}], 0, (s, x) -> s + cardinality(x), s -> s)`],
    [2, ['arr', 'arr', 'int'], ([a, b, n]) => `cardinality(filter(ARRAY[${a}, ${b}], x -> contains(x, ${n})))`],
    [2, ['str'], ([s]) => `length(to_utf8(${s}))`],
    [2, ['str', 'str'], ([a, b]) => `strpos(${a}, ${b}, 2)`],
    [2, ['str'], ([s], pick) => `position(${pick(["'ö'", "'🙂'", "'́'", "'ss'"])} IN ${s})`],
    [1, ['str'], ([s], pick) => `codepoint(CAST(substr(${s}, ${pick(['1', '2', '-1'])}, 1) AS varchar(1)))`],
    [2, ['int', 'dec'], ([a, b]) => `CAST(coalesce(${a}, ${b}) AS integer)`],
  ],
  num: [
    [3, ['int', 'num'], ([a, b]) => `coalesce(${a}, ${b})`],
    [3, ['bool', 'dec', 'num'], ([c, a, b]) => `CASE WHEN ${c} THEN ${a} ELSE ${b} END`],
    [2, ['bool', 'int', 'num'], ([c, a, b]) => `if(${c}, CAST(${a} AS real), ${b})`],
    [2, ['dec', 'num'], ([a, b]) => `greatest(${a}, ${b})`],
    [2, ['int', 'num'], ([a, b]) => `least(${a}, CAST(${b} AS real))`],
    [2, ['num', 'int'], ([a, b]) => `nullif(${a}, ${b})`],
    [2, ['int', 'dec', 'num'], ([a, b, c]) => `CASE ${a} WHEN 1 THEN ${b} WHEN 0 THEN ${c} END`],
    [2, ['dec', 'num'], ([a, b]) => `(${a} * ${b})`],
    [2, ['dec', 'num'], ([a, b]) => `(CAST(${b} AS real) + ${a})`],
    [1, ['int', 'dec', 'num'], ([a, b, c]) => `coalesce(${a}, ${b}, ${c})`],
  ],
  dec: [
    [3, ['int', 'dec'], ([a, b]) => `coalesce(${a}, ${b})`],
    [3, ['bool', 'int', 'dec'], ([c, a, b]) => `CASE WHEN ${c} THEN ${a} ELSE ${b} END`],
    [2, ['bool', 'dec', 'dec'], ([c, a, b]) => `if(${c}, CAST(${a} AS decimal(5,4)), ${b})`],
    [2, ['int', 'dec'], ([a, b]) => `greatest(${a}, ${b})`],
    [2, ['dec', 'dec'], ([a, b]) => `least(${a}, CAST(${b} AS decimal(20,1)))`],
    [2, ['dec', 'int'], ([a, b]) => `nullif(${a}, ${b})`],
    [2, ['dec', 'int'], ([a, b]) => `(${a} % ${b})`],
    [2, ['int', 'dec'], ([a, b]) => `(CAST(${a} AS bigint) + ${b})`],
    [1, ['int', 'int', 'dec'], ([a, b, c]) => `CASE ${a} WHEN ${b} THEN ${c} ELSE ${a} END`],
  ],
  bool: [
    [2, ['int', 'num'], ([a, b]) => `(${a} = ${b})`],
    [2, ['dec', 'num'], ([a, b]) => `(${a} < ${b})`],
    [2, ['int', 'dec', 'num'], ([a, b, c]) => `(${a} IN (${b}, ${c}))`],
    [2, ['dec', 'int', 'num'], ([a, b, c]) => `(${a} BETWEEN ${b} AND ${c})`],
    [2, ['arr', 'arr'], ([a, b]) => `any_match(ARRAY[${a}, ${b}], x -> cardinality(x) > 1)`],
    [2, ['str'], ([s], pick) => `(${s} LIKE ${pick(["'_ö%'", "'%_'", "'__'", "'%ß%'"])})`],
    [2, ['str', 'str'], ([a, b]) => `(upper(${a}) = upper(${b}))`],
  ],
  str: [
    [2, ['bool', 'dec', 'num'], ([c, a, b]) => `CAST(CASE WHEN ${c} THEN ${a} ELSE CAST(${b} AS real) END AS varchar)`],
    [2, ['int', 'dec'], ([a, b]) => `CAST(greatest(${a}, ${b}) AS varchar)`],
    [2, ['int', 'num'], ([a, b]) => `CAST(coalesce(${a}, ${b}) AS varchar)`],
    [4, ['str'], ([s], pick) => `${pick(['upper', 'lower', 'reverse', 'trim', 'ltrim', 'rtrim'])}(${s})`],
    [2, ['str'], ([s], pick) => `substr(${s}, ${pick(['-2', '2', '-1'])}, 2)`],
    [2, ['str'], ([s], pick) => `${pick(['lpad', 'rpad'])}(${s}, ${pick(['1', '4'])}, ${pick(["'é'", "'🙂'", "'ab'"])})`],
    [2, ['str'], ([s], pick) => `replace(${s}, ${pick(["'ß'", "'́'", "'🙂'", "''"])}, 'ss')`],
    [1, ['str'], ([s]) => `translate(${s}, 'äöß🙂', 'aoSx')`],
    [2, ['str'], ([s], pick) => `normalize(${s}, ${pick(['NFC', 'NFD', 'NFKC', 'NFKD'])})`],
    [2, ['str'], ([s], pick) => `regexp_replace(${s}, ${pick(["'\\p{L}'", "'.'", "'[^a-z]'", "'\\s'", "'(?i)ä'", "'\\w'"])}, '*')`],
    [1, ['str'], ([s]) => `array_join(regexp_extract_all(${s}, '.'), '|')`],
    [1, ['str'], ([s], pick) => `array_join(split(${s}, ${pick(["'ö'", "'🙂'", "' '"])}), '|')`],
    [1, ['str'], ([s]) => `format('%5s|%-3s|', ${s}, ${s})`],
    [1, ['str'], ([s]) => `concat_ws('·', ${s}, ${s})`],
    [1, ['str'], ([s]) => `to_hex(to_utf8(${s}))`],
    [1, ['str'], ([s]) => `CAST(${s} AS varchar(2))`],
    [1, ['str'], ([s]) => `url_encode(${s})`],
    [1, ['str'], ([s]) => `json_format(CAST(${s} AS json))`],
    [1, ['str', 'str'], ([a, b]) => `CAST(levenshtein_distance(${a}, ${b}) AS varchar)`],
  ],
  arr: [
    [3, ['arr', 'arr'], ([a, b]) => `flatten(transform(ARRAY[${a}, ${b}], x -> reverse(x)))`],
    [3, ['arr', 'arr'], ([a, b]) => `transform(ARRAY[${a}, ${b}], x -> array_max(x))`],
    [2, ['arr', 'arr'], ([a, b]) => `transform(ARRAY[${a}, ${b}], x -> cardinality(x))`],
    [2, ['arr', 'arr', 'int'], ([a, b, n]) => `flatten(filter(ARRAY[${a}, ${b}], x -> contains(x, ${n})))`],
    [2, ['arr', 'arr'], ([a, b]) => `flatten(transform(${a}, x -> transform(${b}, y -> x * y)))`],
    [2, ['arr', 'arr'], ([a, b]) => `transform(ARRAY[${a}, ${b}], x -> reduce(x, 0, (s, y) -> s + coalesce(y, 0), s -> s))`],
    [2, ['arr', 'arr'], ([a, b]) => `flatten(array_sort(ARRAY[${a}, ${b}], (x, y) -> CAST(sign(cardinality(x) - cardinality(y)) AS integer)))`],
    [2, ['map', 'arr'], ([m, a]) => `transform(${a}, x -> element_at(${m}, CAST(x AS varchar)))`],
    [2, ['map', 'int'], ([m, n]) => `array_sort(map_values(transform_values(${m}, (k, v) -> v * ${n} + length(k))))`],
    [2, ['int', 'dec'], ([a, b]) => `transform(ARRAY[${a}, ${b}], x -> x * 2)`],
    [1, ['arr', 'num'], ([a, n]) => `transform(${a}, x -> x + ${n})`],
    [2, ['arr', 'arr'], ([a, b]) => `zip_with(${a}, ${b}, (x, y) -> x * y)`],
    [1, ['arr', 'arr'], ([a, b]) => `flatten(array_distinct(ARRAY[${a}, ${b}]))`],
    [1, ['arr', 'arr'], ([a, b]) => `transform(zip(${a}, ${b}), r -> coalesce(r[1], 0) - coalesce(r[2], 0))`],
  ],
  arrs: [
    [2, ['arrs', 'arrs'], ([a, b]) => `flatten(transform(ARRAY[${a}, ${b}], x -> transform(x, y -> upper(y))))`],
    [2, ['str'], ([s], pick) => `regexp_extract_all(${s}, ${pick(["'\\p{L}'", "'.'", "'\\X'"])})`],
    [1, ['str'], ([s]) => `split(${s}, '')`],
    [2, ['map'], ([m]) => `array_sort(map_keys(transform_keys(${m}, (k, v) -> k || CAST(v AS varchar))))`],
    [1, ['arrs'], ([a]) => `array_sort(${a}, (x, y) -> CAST(sign(length(x) - length(y)) AS integer))`],
    [2, ['arrs', 'str'], ([a, s]) => `transform(${a}, x -> concat(x, ${s}))`],
  ],
  map: [
    [3, ['map', 'map'], ([a, b]) => `map_zip_with(${a}, ${b}, (k, v1, v2) -> coalesce(v1, 0) * coalesce(v2, 1))`],
    [2, ['map'], ([m]) => `transform_keys(${m}, (k, v) -> upper(k))`],
    [2, ['map', 'int'], ([m, n]) => `map_filter(${m}, (k, v) -> v IS NULL OR v > ${n})`],
    [2, ['map'], ([m]) => `transform_values(${m}, (k, v) -> length(k) * coalesce(v, 0))`],
    [2, ['map'], ([m]) => `map_concat(${m}, transform_values(${m}, (k, v) -> v * 2))`],
    [2, ['int', 'dec'], ([a, b]) => `MAP(ARRAY['a', 'b'], ARRAY[${a}, ${b}])`],
    [1, ['arrs', 'arr'], ([k, v]) => `map_from_entries(zip_with(${k}, ${v}, (x, y) -> ROW(x, y)))`],
  ],
};

/** The rules above weigh three times their numbers, so that they are drawn about as often as the shared ones. */
const MIXED: NonNullable<GenerateOptions['extra']> = {
  rules: Object.fromEntries(Object.entries(MIXED_RULES).map(([kind, rules]) => [kind, rules.map(([w, kinds, render]): Rule => [3 * w, kinds, render])])),
  literals: {
    str: ["'Straße'", "'İı'", "'e\u0301'", "'ǅ'", "'ﬁ'", "'\u00a0x\u2003'", "'🙂🙃'", "'ÄÖ'", "'ΣΑΣ'", "'a\tb'"],
    arrs: ["ARRAY['ß', 'e\u0301']", "ARRAY['🙂', NULL, 'Ä']"],
    map: ["MAP(ARRAY['ß', 'SS'], ARRAY[1, 2])", "MAP(ARRAY['ä'], ARRAY[3])"],
  },
};

export interface Case {
  shape: Shape;
  expr: Expr;
}

/** `count` cases of a form, drawn in batches of `batch` that share a shape (so a batch is one query). */
export function generateCases(form: Form, count: number, batch: number, random: () => number): Case[] {
  const options: GenerateOptions = { random, maxDepth: 2, columns: 0.7 };
  const cases: Case[] = [];
  while (cases.length < count) {
    if (form === 'relations') {
      // Half the batches join t with u, half draw set operations (their own shape).
      const joins = random() < 0.5;
      const shape = joins ? joinShape(random) : SHAPES.relations[0];
      for (let i = 0; i < batch && cases.length < count; i++) {
        const kind = KINDS[Math.floor(random() * KINDS.length)];
        cases.push({ shape, expr: joins ? generate(kind, { ...options, maxDepth: 2 }) : setOperation(kind, options) });
      }
      continue;
    }
    if (form === 'groupings') {
      const { shape, keys } = groupingShape(random);
      for (let i = 0; i < batch && cases.length < count; i++) {
        const aggregate = generateBy('int', AGGREGATES, options, 0);
        const expr = random() < 0.3 ? filtered(aggregate, generate('bool', options, 1)) : aggregate;
        cases.push({ shape, expr: random() < 0.25 ? overGroupingSets(expr, keys, random) : expr });
      }
      continue;
    }
    const shapes = SHAPES[form];
    const shape = shapes[Math.floor(random() * shapes.length)];
    for (let i = 0; i < batch && cases.length < count; i++) {
      const expr =
        form === 'columns' || form === 'mixed'
          ? generate(KINDS[Math.floor(random() * KINDS.length)], { ...options, maxDepth: 3, ...(form === 'mixed' ? { extra: MIXED, columns: 0.5 } : {}) })
          : generateBy('int', form === 'aggregates' ? AGGREGATES : WINDOWS, options, 0);
      cases.push({ shape, expr: form === 'aggregates' && random() < 0.3 ? filtered(expr, generate('bool', options, 1)) : expr });
    }
  }
  return cases;
}

/** The aggregate `a` with `FILTER (WHERE condition)`; the condition is a child, so the shrinker can simplify it. */
function filtered(a: Expr, condition: Expr): Expr {
  return {
    kind: a.kind,
    kids: [...a.kids, condition],
    render: (sqls) => `${a.render(sqls.slice(0, -1))} FILTER (WHERE ${sqls[sqls.length - 1]})`,
  };
}
