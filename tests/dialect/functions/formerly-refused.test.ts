// Functions the local engine refused before and now runs as Trino does: documented examples ("doc"), a NULL argument,
// an edge case, the result type and Trino's errors. Sources: https://trino.io/docs/current/functions/array.html
// (zip, combinations, array_sort with a lambda), string.html (soundex, strpos with an instance), map.html
// (multimap_from_entries), aggregate.html (map_union, multimap_agg, reduce_agg), math.html (cosine_similarity,
// random), datetime.html (timezone_hour, timezone_minute). Values the documentation leaves open (the order of
// combinations, soundex of non-letters, error texts, zero vectors) were read from Trino 476 (scripts/trino.sh).
import { describeFunctions } from './harness.js';

const ROWS = (values: string) => ` FROM (VALUES ${values}) t(x)`;

// Error patterns anchored with ^…$ also check that the user sees Trino's message alone (failureMessage), not DuckDB's
// "Conversion Error: Could not convert string '…' to INT32" around it.
describeFunctions(
  'formerly refused array functions',
  [
    [
      'doc: zip',
      "zip(ARRAY[1, 2], ARRAY['1b', null, '3b'])",
      [
        { field0: 1, field1: '1b' },
        { field0: 2, field1: null },
        { field0: null, field1: '3b' },
      ],
      'array(row(integer, varchar))',
    ],
    [
      'zip of five arrays',
      'zip(ARRAY[1, 2], ARRAY[3], ARRAY[4], ARRAY[5], ARRAY[6])',
      [
        { field0: 1, field1: 3, field2: 4, field3: 5, field4: 6 },
        { field0: 2, field1: null, field2: null, field3: null, field4: null },
      ],
      'array(row(integer, integer, integer, integer, integer))',
    ],
    ['zip with a NULL array is NULL', 'zip(ARRAY[1], CAST(NULL AS ARRAY(INTEGER)))', null, 'array(row(integer, integer))'],
    ['zip of empty arrays', 'zip(CAST(ARRAY[] AS ARRAY(INTEGER)), CAST(ARRAY[] AS ARRAY(VARCHAR)))', [], 'array(row(integer, varchar))'],
    ['zip rows compare equal', 'zip(ARRAY[1], ARRAY[2])[1] = zip(ARRAY[1], ARRAY[2])[1]', true, 'boolean'],
    [
      'doc: combinations',
      "combinations(ARRAY['foo', 'bar', 'baz'], 2)",
      [
        ['foo', 'bar'],
        ['foo', 'baz'],
        ['bar', 'baz'],
      ],
      'array(array(varchar))',
    ],
    [
      'doc: combinations with a duplicate',
      'combinations(ARRAY[1, 2, 2], 2)',
      [
        [1, 2],
        [1, 2],
        [2, 2],
      ],
      'array(array(integer))',
    ],
    [
      'combinations order: by the last position',
      'combinations(ARRAY[1, 2, 3, 4], 2)',
      [
        [1, 2],
        [1, 3],
        [2, 3],
        [1, 4],
        [2, 4],
        [3, 4],
      ],
      'array(array(integer))',
    ],
    [
      'combinations of 4 out of 5',
      'combinations(ARRAY[1, 2, 3, 4, 5], 4)',
      [
        [1, 2, 3, 4],
        [1, 2, 3, 5],
        [1, 2, 4, 5],
        [1, 3, 4, 5],
        [2, 3, 4, 5],
      ],
      'array(array(integer))',
    ],
    ['combinations of 0 is one empty group', 'combinations(ARRAY[1, 2, 3], 0)', [[]], 'array(array(integer))'],
    ['combinations larger than the array', 'combinations(ARRAY[1, 2, 3], 4)', [], 'array(array(integer))'],
    [
      'combinations keep NULL elements',
      'combinations(ARRAY[1, NULL, 2], 2)',
      [
        [1, null],
        [1, 2],
        [null, 2],
      ],
      'array(array(integer))',
    ],
    ['combinations of NULL', 'combinations(CAST(NULL AS ARRAY(INTEGER)), 2)', null, 'array(array(integer))'],
    ['combinations just under the size limit', 'cardinality(combinations(sequence(1, 59), 3))', 32509, 'bigint'],
    ['doc: array_sort with a comparator', 'array_sort(ARRAY[3, 2, 5, 1, 2], (x, y) -> IF(x < y, 1, IF(x = y, 0, -1)))', [5, 3, 2, 2, 1], 'array(integer)'],
    [
      'doc: array_sort with NULLs first',
      'array_sort(ARRAY[1, NULL, 3], (x, y) -> IF(x IS NULL, -1, IF(y IS NULL, 1, IF(x < y, 1, IF(x = y, 0, -1)))))',
      [null, 3, 1],
      'array(integer)',
    ],
    [
      'doc: array_sort by length',
      "array_sort(ARRAY['a', 'abcd', 'abc'], (x, y) -> IF(length(x) < length(y), -1, IF(length(x) = length(y), 0, 1)))",
      ['a', 'abc', 'abcd'],
      'array(varchar)',
    ],
    [
      'doc: array_sort of arrays by cardinality',
      'array_sort(ARRAY[ARRAY[2, 3, 1], ARRAY[4, 2, 1, 4], ARRAY[1, 2]], (x, y) -> IF(cardinality(x) < cardinality(y), -1, IF(cardinality(x) = cardinality(y), 0, 1)))',
      [
        [1, 2],
        [2, 3, 1],
        [4, 2, 1, 4],
      ],
      'array(array(integer))',
    ],
    [
      'array_sort with a comparator is stable',
      'array_sort(ARRAY[1, 2, 3, 4], (x, y) -> IF(x % 2 = y % 2, 0, IF(x % 2 = 0, -1, 1)))',
      [2, 4, 1, 3],
      'array(integer)',
    ],
    ['array_sort never compares an element with itself', 'array_sort(ARRAY[1], (x, y) -> 2)', [1], 'array(integer)'],
    ['array_sort of NULL with a comparator', 'array_sort(CAST(NULL AS ARRAY(INTEGER)), (x, y) -> 0)', null, 'array(integer)'],
    [
      'array_sort of an aggregate with a comparator',
      `array_sort(array_agg(x), (a, b) -> IF(a < b, 1, IF(a = b, 0, -1)))${ROWS('1, 3, 2')}`,
      [3, 2, 1],
      'array(integer)',
    ],
  ],
  [
    ['combinations of more than 5', 'combinations(ARRAY[1, 2, 3], 6)', /^combination size must not exceed 5: 6$/],
    ['combinations of a negative size', 'combinations(ARRAY[1, 2, 3], -1)', /combination size must not be negative: -1/],
    ['combinations of more than 100,000 elements', 'combinations(sequence(1, 60), 3)', /combinations exceed max size/],
    ['a comparator result outside -1, 0, 1', 'array_sort(ARRAY[3, 2], (x, y) -> 2)', /Lambda comparator must return either -1, 0, or 1/],
    ['a NULL comparator result', 'array_sort(ARRAY[3, 2], (x, y) -> CAST(NULL AS INTEGER))', /Lambda comparator must return either -1, 0, or 1/],
  ],
);

describeFunctions(
  'formerly refused string, date and math functions',
  [
    ['soundex', "soundex('Robert')", 'R163', 'varchar'],
    ['soundex: H and W do not separate equal codes', "soundex('Ashcraft')", 'A261', 'varchar'],
    ['soundex: W, like H, does not separate equal codes', "soundex('Bwb')", 'B000', 'varchar'],
    ['soundex: a code equal to the first letter’s is dropped', "soundex('Pfister')", 'P236', 'varchar'],
    ['soundex: vowels separate equal codes', "soundex('Tymczak')", 'T522', 'varchar'],
    ['soundex skips non-letters', "soundex('ab-c')", 'A120', 'varchar'],
    ['soundex of no letters is empty', "soundex('1234')", '', 'varchar'],
    ['soundex of NULL', 'soundex(CAST(NULL AS VARCHAR))', null, 'varchar'],
    ['doc: strpos with an instance', "strpos('abcabc', 'bc', 2)", 5, 'bigint'],
    ['strpos counts from the end when negative', "strpos('abcabc', 'bc', -2)", 2, 'bigint'],
    ['strpos counts overlapping occurrences', "strpos('aaaa', 'aa', 2)", 2, 'bigint'],
    ['strpos in code points', "strpos('héllo wörld', 'l', 3)", 10, 'bigint'],
    ['strpos with fewer occurrences', "strpos('abc', 'b', -9)", 0, 'bigint'],
    ['strpos of an empty string is 1', "strpos('abc', '', -2)", 1, 'bigint'],
    ['strpos with a NULL instance', "strpos('abc', 'a', CAST(NULL AS BIGINT))", null, 'bigint'],
    ['timezone_hour of a named zone in winter', "timezone_hour(TIMESTAMP '2025-01-01 10:00:00 America/New_York')", -5, 'bigint'],
    ['timezone_hour follows daylight saving time', "timezone_hour(TIMESTAMP '2025-07-01 10:00:00 America/New_York')", -4, 'bigint'],
    ['timezone_minute of a half-hour zone', "timezone_minute(TIMESTAMP '2025-01-01 10:00:00 Asia/Kolkata')", 30, 'bigint'],
    ['timezone_minute is signed like the hours', "timezone_minute(TIMESTAMP '2025-01-01 10:00:00 -05:30')", -30, 'bigint'],
    ['timezone_hour of a plain timestamp is the session zone’s', "timezone_hour(TIMESTAMP '2025-01-01 10:00:00')", 0, 'bigint'],
    ['timezone_hour of NULL', 'timezone_hour(CAST(NULL AS TIMESTAMP WITH TIME ZONE))', null, 'bigint'],
    // Trino 476: timezone(timestamp with time zone) is the zone as written; a plain timestamp or a date is in the
    // session zone (UTC); parse_presto_data_size is parse_data_size's older name.
    ['timezone of an offset', "timezone(TIMESTAMP '2020-01-01 10:00 +0530')", '+05:30', 'varchar'],
    ['timezone of a named zone', "timezone(TIMESTAMP '2020-01-01 10:00 Europe/Berlin')", 'Europe/Berlin', 'varchar'],
    ['timezone of Z', "timezone(TIMESTAMP '2020-01-01 10:00 Z')", 'UTC', 'varchar'],
    ['timezone after AT TIME ZONE', "timezone(TIMESTAMP '2020-01-01 10:00 -08:00' AT TIME ZONE 'Europe/Paris')", 'Europe/Paris', 'varchar'],
    ['timezone of a plain timestamp', "timezone(TIMESTAMP '2020-01-01 10:00')", 'UTC', 'varchar'],
    ['timezone of NULL', 'timezone(CAST(NULL AS TIMESTAMP WITH TIME ZONE))', null, 'varchar'],
    ['parse_presto_data_size', "parse_presto_data_size('2.3MB')", '2411724', 'decimal(38,0)'],
    ['random(1) is 0, of the bound’s type', 'random(1)', 0, 'integer'],
    ['random(m, m + 1) is m', 'random(5, 6)', 5, 'integer'],
    ['random(n) keeps a bigint bound', 'random(CAST(1 AS BIGINT))', 0, 'bigint'],
    ['rand(n) is random(n)', 'rand(1)', 0, 'integer'],
    ['random(n) stays below n', `min(random(3) BETWEEN 0 AND 2)${ROWS('1, 2, 3, 4, 5, 6, 7, 8')}`, true, 'boolean'],
    ['doc: cosine_similarity of maps', "cosine_similarity(MAP(ARRAY['a'], ARRAY[1.0]), MAP(ARRAY['a'], ARRAY[2.0]))", 1, 'double'],
    [
      'cosine_similarity of maps with other keys',
      "cosine_similarity(MAP(ARRAY['a', 'b'], ARRAY[1.0, 2.0]), MAP(ARRAY['c', 'a'], ARRAY[1.0, 3.0]))",
      0.42426406871192845,
      'double',
    ],
    ['cosine_similarity of arrays', 'cosine_similarity(ARRAY[1.0, 2.0], ARRAY[3.0, 4.0])', 0.9838699100999074, 'double'],
    ['cosine_similarity of arrays divides by one square root', 'cosine_similarity(ARRAY[1, 2], ARRAY[2, 1])', 0.8, 'double'],
    // Trino 476 (the oracle's replay of this case): 0 / 0 is NaN, not NULL.
    ['cosine_similarity of a zero map is NaN', "cosine_similarity(MAP(ARRAY['a'], ARRAY[0.0]), MAP(ARRAY['a'], ARRAY[2.0]))", Number.NaN, 'double'],
    [
      'cosine_similarity with a NULL value is NULL',
      "cosine_similarity(MAP(ARRAY['a'], ARRAY[CAST(NULL AS DOUBLE)]), MAP(ARRAY['a'], ARRAY[2.0]))",
      null,
      'double',
    ],
  ],
  [
    ['soundex of a letter outside A-Z', "soundex('Müller')", /The character is not mapped: Ü \(index=155\)/],
    ['strpos instance 0', "strpos('abc', 'b', 0)", /'instance' must be a positive or negative number/],
    ['random(0)', 'random(0)', /^bound must be positive$/],
    ['random(m, n) with m >= n', 'random(5, 3)', /start value must be less than stop value/],
    ['cosine_similarity of arrays of different lengths', 'cosine_similarity(ARRAY[1e0], ARRAY[1e0, 2e0])', /The arguments must have the same length/],
    ['cosine_similarity of a zero array', 'cosine_similarity(ARRAY[0e0], ARRAY[1e0])', /Vector magnitude cannot be zero/],
  ],
);

describeFunctions(
  'formerly refused map functions and aggregates',
  [
    [
      'doc: multimap_from_entries',
      "multimap_from_entries(ARRAY[CAST(ROW(1, 'x') AS ROW(k INTEGER, v VARCHAR)), CAST(ROW(2, 'y') AS ROW(k INTEGER, v VARCHAR)), CAST(ROW(1, 'z') AS ROW(k INTEGER, v VARCHAR))])",
      { 1: ['x', 'z'], 2: ['y'] },
      'map(integer, array(varchar))',
    ],
    [
      'multimap_from_entries of map entries',
      "multimap_from_entries(map_entries(MAP(ARRAY[1, 2], ARRAY['x', 'y'])))",
      { 1: ['x'], 2: ['y'] },
      'map(integer, array(varchar))',
    ],
    ['multimap_from_entries of no entries', 'multimap_from_entries(CAST(ARRAY[] AS ARRAY(ROW(k INTEGER, v VARCHAR))))', {}, 'map(integer, array(varchar))'],
    [
      'map_union: the first map’s value for a shared key',
      "map_union(x) FROM (VALUES MAP(ARRAY['a', 'b'], ARRAY[1, 2]), MAP(ARRAY['b', 'c'], ARRAY[3, 4]), NULL) t(x)",
      { a: 1, b: 2, c: 4 },
      'map(varchar, integer)',
    ],
    ['map_union of NULL maps only', 'map_union(x) FROM (VALUES CAST(NULL AS MAP(VARCHAR, INTEGER))) t(x)', null, 'map(varchar, integer)'],
    ['map_union over no rows', "map_union(x) FROM (VALUES MAP(ARRAY['a'], ARRAY[1])) t(x) WHERE false", null, 'map(varchar, integer)'],
    [
      'multimap_agg: values in order, NULL values kept, NULL keys skipped',
      "multimap_agg(k, v) FROM (VALUES ('a', 1), ('b', 2), ('a', NULL), (NULL, 4), ('a', 3)) t(k, v)",
      { a: [1, null, 3], b: [2] },
      'map(varchar, array(integer))',
    ],
    ['multimap_agg over no rows', "multimap_agg(k, v) FROM (VALUES ('a', 1)) t(k, v) WHERE false", null, 'map(varchar, array(integer))'],
    ['doc: reduce_agg sum skips NULL inputs', `reduce_agg(x, 0, (a, b) -> a + b, (a, b) -> a + b)${ROWS('1, 2, NULL, 4')}`, 7, 'integer'],
    ['doc: reduce_agg product', `reduce_agg(x, 1, (a, b) -> a * b, (a, b) -> a * b)${ROWS('5, 2')}`, 10, 'integer'],
    ['reduce_agg over only NULL inputs', `reduce_agg(x, 0, (a, b) -> a + b, (a, b) -> a + b)${ROWS('CAST(NULL AS INTEGER)')}`, null, 'integer'],
    ['reduce_agg of strings', `reduce_agg(x, '', (s, x) -> s || x, (a, b) -> a || b)${ROWS("'a'")}`, 'a', 'varchar'],
  ],
  [
    [
      'multimap_from_entries with a NULL entry',
      "multimap_from_entries(ARRAY[CAST(ROW(1, 'x') AS ROW(k INTEGER, v VARCHAR)), NULL])",
      /map entry cannot be null/,
    ],
    ['multimap_from_entries with a NULL key', "multimap_from_entries(ARRAY[CAST(ROW(NULL, 'x') AS ROW(k INTEGER, v VARCHAR))])", /map key cannot be null/],
  ],
);

// Values from Trino 476 (scripts/trino.sh): its murmur3 is MurmurHash3 x64 128 and its spooky_hash_v2_* SpookyHash V2,
// both with seed 0 (https://trino.io/docs/current/functions/binary.html). 200 bytes take SpookyHash's long path.
describeFunctions('formerly refused hashes', [
  ['murmur3', "murmur3(to_utf8('hello'))", '029bbd41b3a7d8cb191dae486a901e5b', 'varbinary'],
  [
    'murmur3 of 43 bytes (blocks and a tail)',
    "murmur3(to_utf8('The quick brown fox jumps over the lazy dog'))",
    '6c1b07bc7bbc4be347939ac4a93c437a',
    'varbinary',
  ],
  ['murmur3 of no bytes', "murmur3(from_hex(''))", '00000000000000000000000000000000', 'varbinary'],
  ['murmur3 of NULL', 'murmur3(CAST(NULL AS VARBINARY))', null, 'varbinary'],
  ['spooky_hash_v2_64', "spooky_hash_v2_64(to_utf8('hello'))", '3768826ad382e6ca', 'varbinary'],
  ['spooky_hash_v2_64 of no bytes', "spooky_hash_v2_64(from_hex(''))", '232706fc6bf50919', 'varbinary'],
  ['spooky_hash_v2_64 of 200 bytes', "spooky_hash_v2_64(to_utf8(rpad('a', 200, 'b')))", '181ae4e1d8e54584', 'varbinary'],
  ['spooky_hash_v2_32', "spooky_hash_v2_32(to_utf8('hello'))", 'd382e6ca', 'varbinary'],
  ['spooky_hash_v2_32 of 43 bytes', "spooky_hash_v2_32(to_utf8('The quick brown fox jumps over the lazy dog'))", 'aa0693c7', 'varbinary'],
]);

// checksum(x): Trino's ChecksumAggregationFunction (https://trino.io/docs/current/functions/aggregate.html#checksum,
// "order-insensitive result"); the values are Trino 476's for the same rows (scripts/trino.sh).
const checksumOf = (values: string) => `checksum(x)${ROWS(values)}`;
describeFunctions(
  'checksum',
  [
    ['integers and a NULL', checksumOf('1, 2, NULL'), 'ea51bc7b38d908d5', 'varbinary'],
    ['the order of rows does not matter', checksumOf('NULL, 2, 1'), 'ea51bc7b38d908d5', 'varbinary'],
    ['negative and large integers', checksumOf('-5, 2147483647'), 'ed73fa69d03f60a4', 'varbinary'],
    ['a bigint like the integer of the same value', checksumOf('CAST(1 AS BIGINT)'), '938fc30ab52de5d4', 'varbinary'],
    ['varchar', checksumOf("'a', 'b'"), 'ba785d4956fbda71', 'varbinary'],
    ['varchar in UTF-8', checksumOf("'héllo'"), '3cfdd26176c9cffd', 'varbinary'],
    ['varbinary like the varchar of the same bytes', checksumOf("to_utf8('a')"), 'fdffaacc6274abdf', 'varbinary'],
    ['booleans', checksumOf('true, false'), '30bdd983217e76bf', 'varbinary'],
    ['a date', checksumOf("DATE '2025-01-01'"), 'be1da2f474700e68', 'varbinary'],
    ['a timestamp', checksumOf("TIMESTAMP '2025-01-01 00:00:00.001'"), 'e0a351b5458d73b9', 'varbinary'],
    ['a timestamp before 1970', checksumOf("TIMESTAMP '1969-12-31 23:59:59.999'"), '1b3a3f3dc3a3250e', 'varbinary'],
    ['doubles, -0 as 0', checksumOf('1.5e0, -0e0'), 'ecb0c0fe93a57cc9', 'varbinary'],
    ['doubles: NaN and extremes', checksumOf('nan(), 1e300, 0.1e0, -1.7976931348623157e308'), 'e3803298c692f9fb', 'varbinary'],
    ['reals', checksumOf("REAL '1.5', REAL '-2.25', REAL '0.1'"), '86b6d4b95b31394a', 'varbinary'],
    ['a short decimal', checksumOf("DECIMAL '1.5'"), '585f84f8832cfac8', 'varbinary'],
    ['negative decimals below 1', checksumOf("DECIMAL '-0.0001', DECIMAL '-0.5000'"), '8b99d304d472c836', 'varbinary'],
    ['only NULL rows', checksumOf('CAST(NULL AS INTEGER)'), '87caeb85b179379e', 'varbinary'],
    ['no rows', `checksum(x)${ROWS('1')} WHERE false`, null, 'varbinary'],
  ],
  [
    ['checksum of an array (another binary layout)', `checksum(x)${ROWS('ARRAY[1]')}`, /checksum\(\) of this type is not computed locally/],
    ['checksum of a long decimal', `checksum(x)${ROWS("DECIMAL '12345678901234567890.5'")}`, /checksum\(\) of this type is not computed locally/],
  ],
);

// format_number was missing from the table (Athena engine version 3 lists it among its added functions:
// https://docs.aws.amazon.com/athena/latest/ug/engine-versions-reference-0003.html, format_number(123456) -- '123K').
// Rounding and negative values as Trino 476 answers (110 random values agreed).
describeFunctions('format_number', [
  ['Athena doc: thousands', 'format_number(123456)', '123K', 'varchar'],
  ['Athena doc: millions', 'format_number(1000000)', '1M', 'varchar'],
  ['below 1000 unchanged', 'format_number(999)', '999', 'varchar'],
  ['two decimals below 10', 'format_number(1050)', '1.05K', 'varchar'],
  ['one decimal below 100', 'format_number(12345)', '12.3K', 'varchar'],
  ['half up on the double’s exact value (1.235 is above half)', 'format_number(1235)', '1.24K', 'varchar'],
  ['half up on the double’s exact value (1.025 is below half)', 'format_number(1025)', '1.02K', 'varchar'],
  ['rounding up to the next power keeps the unit', 'format_number(999999)', '1000K', 'varchar'],
  ['negative values get two decimals', 'format_number(-339566)', '-339.57K', 'varchar'],
  ['the largest bigint', 'format_number(9223372036854775807)', '9223Q', 'varchar'],
  ['a double is truncated first', 'format_number(12.6e0)', '12', 'varchar'],
  ['a decimal is truncated first', "format_number(DECIMAL '1234.5')", '1.23K', 'varchar'],
  ['NaN is 0', 'format_number(nan())', '0', 'varchar'],
  ['NULL', 'format_number(CAST(NULL AS BIGINT))', null, 'varchar'],
]);

// approx_most_frequent(buckets, value, capacity) (https://trino.io/docs/current/functions/aggregate.html): Trino's
// space-saving sketch is exact while the distinct values fit in the capacity; locally the counts are exact, and an
// estimate (more distinct values than the capacity) or a tie at the last bucket is refused. Values from Trino 476.
describeFunctions(
  'approx_most_frequent',
  [
    ['top 2, NULLs ignored', `approx_most_frequent(2, x, 10)${ROWS("'a', 'b', 'a', 'c', 'c', 'a', NULL, NULL")}`, { a: 3, c: 2 }, 'map(varchar, bigint)'],
    ['fewer values than buckets; integer keys are bigint', `approx_most_frequent(5, x, 10)${ROWS('1, 2, 2')}`, { 1: 1, 2: 2 }, 'map(bigint, bigint)'],
    ['capacity equal to the distinct values', `approx_most_frequent(2, x, 1)${ROWS('1')}`, { 1: 1 }, 'map(bigint, bigint)'],
    ['only NULLs', `approx_most_frequent(2, x, 10)${ROWS('CAST(NULL AS INTEGER)')}`, null, 'map(bigint, bigint)'],
    ['no rows', `approx_most_frequent(2, x, 10)${ROWS("'a'")} WHERE false`, null, 'map(varchar, bigint)'],
  ],
  [
    ['one bucket', `approx_most_frequent(1, x, 10)${ROWS('1, 2')}`, /approx_most_frequent bucket count must be greater than one/],
    [
      'more distinct values than the capacity (Athena estimates)',
      `approx_most_frequent(2, x, 2)${ROWS('1, 2, 3, 1')}`,
      /3 distinct values exceed the capacity 2/,
    ],
    ['a tie at the last bucket', `approx_most_frequent(2, x, 10)${ROWS('1, 2, 3')}`, /equal counts compete for the last of the 2 buckets/],
    ['double values (Trino: no such overload)', `approx_most_frequent(2, x, 10)${ROWS('1.5e0')}`, /bigint or varchar values/],
  ],
);

// numeric_histogram(buckets, value) (https://trino.io/docs/current/functions/aggregate.html#numeric_histogram): Trino's
// NumericHistogram (io.trino.operator.aggregation) merges equal values exactly (weight = count, keys ascending) and
// only beyond `buckets` distinct values merges the closest bins, compacting as its buffer fills and as partial states
// from splits combine, so those bins depend on how rows arrive. Locally the exact case runs; the other fails.
describeFunctions(
  'numeric_histogram',
  [
    [
      'equal values merge into counts, keys ascending',
      `numeric_histogram(5, x)${ROWS('3e0, 1e0, 2e0, 2e0, 3e0, 3e0')}`,
      { '1.0': 1, '2.0': 2, '3.0': 3 },
      'map(double, double)',
    ],
    // Trino 476 coerces an integer (or a decimal: refused below) to real here (the oracle's answer: map(real, real)); map keys of a double
    // or real are written as Java does (`1.0`).
    ['integers are reals', `numeric_histogram(5, x)${ROWS('3, 1, 2, 2')}`, { '1.0': 1, '2.0': 2, '3.0': 1 }, 'map(real, real)'],
    ['a real stays real', `numeric_histogram(5, x)${ROWS("REAL '1.5', REAL '2.5', REAL '1.5'")}`, { 1.5: 2, 2.5: 1 }, 'map(real, real)'],
    ['as many distinct values as buckets', `numeric_histogram(2, x)${ROWS('1e0, 2e0, 2e0')}`, { '1.0': 1, '2.0': 2 }, 'map(double, double)'],
    ['NULLs are skipped', `numeric_histogram(3, x)${ROWS('1e0, NULL')}`, { '1.0': 1 }, 'map(double, double)'],
    ['only NULLs', `numeric_histogram(3, x)${ROWS('CAST(NULL AS DOUBLE)')}`, null, 'map(double, double)'],
    ['per group', `numeric_histogram(3, x) FROM (VALUES (1, 1.5e0), (1, 1.5e0), (2, 7e0)) t(g, x) GROUP BY g HAVING g = 1`, { 1.5: 2 }, 'map(double, double)'],
  ],
  [
    ['one bucket', `numeric_histogram(1, x)${ROWS('1e0')}`, /numeric_histogram bucket count must be greater than one/],
    ['more distinct values than buckets (Athena merges bins)', `numeric_histogram(2, x)${ROWS('1e0, 2e0, 3e0')}`, /3 distinct values exceed the 2 buckets/],
    ['NaN (Athena keeps each NaN as a bin)', `numeric_histogram(3, x)${ROWS('1e0, nan()')}`, /numeric_histogram of NaN/],
    [
      'a decimal (Trino coerces it to real)',
      `numeric_histogram(5, x)${ROWS("DECIMAL '1.2345', DECIMAL '1.25'")}`,
      /numeric_histogram of a decimal is not supported locally/,
    ],
    ['a varchar value (Trino: no such overload)', `numeric_histogram(3, x)${ROWS("'1.5'")}`, /numeric_histogram takes a double or real value/],
    ['a weight argument', `numeric_histogram(3, x, 2e0)${ROWS('1e0')}`, /numeric_histogram\(\) takes 2 arguments locally/],
  ],
);

// Big-endian and IEEE 754 bytes (https://trino.io/docs/current/functions/binary.html); values and errors as Trino 476.
describeFunctions(
  'big-endian and IEEE 754 bytes',
  [
    ['to_big_endian_32', 'to_big_endian_32(1)', '00000001', 'varbinary'],
    ['to_big_endian_32 of a negative', 'to_big_endian_32(-1)', 'ffffffff', 'varbinary'],
    ['to_big_endian_64 of an integer', 'to_big_endian_64(CAST(5 AS INTEGER))', '0000000000000005', 'varbinary'],
    ['from_big_endian_32 is signed', "from_big_endian_32(from_hex('FFFFFFFF'))", -1, 'integer'],
    ['from_big_endian_64', "from_big_endian_64(from_hex('0000000000000001'))", 1, 'bigint'],
    ['from_big_endian_64 of the smallest bigint', "from_big_endian_64(from_hex('8000000000000000'))", -9223372036854775808n, 'bigint'],
    ['to_ieee754_32', "to_ieee754_32(REAL '1.5')", '3fc00000', 'varbinary'],
    ['to_ieee754_64', 'to_ieee754_64(1.5e0)', '3ff8000000000000', 'varbinary'],
    ['to_ieee754_64 of -0', 'to_ieee754_64(-0e0)', '8000000000000000', 'varbinary'],
    ['to_ieee754_64 of NaN is the canonical NaN', 'to_ieee754_64(nan())', '7ff8000000000000', 'varbinary'],
    ['from_ieee754_32', "from_ieee754_32(from_hex('3FC00000'))", 1.5, 'real'],
    ['from_ieee754_64', "from_ieee754_64(from_hex('3FF8000000000000'))", 1.5, 'double'],
    ['to_big_endian_32 of NULL', 'to_big_endian_32(CAST(NULL AS INTEGER))', null, 'varbinary'],
  ],
  [
    ['from_big_endian_32 of 1 byte', "from_big_endian_32(from_hex('01'))", /expected 4-byte input, but got instead: 1/],
    ['from_ieee754_32 of 1 byte', "from_ieee754_32(from_hex('3F'))", /Input floating-point value must be exactly 4 bytes long/],
  ],
);

// split_to_map / split_to_multimap (https://trino.io/docs/current/functions/string.html): each entry needs the
// key-value delimiter exactly once; only a trailing empty entry is dropped. Values and errors as Trino 476.
describeFunctions(
  'split_to_map and split_to_multimap',
  [
    ['doc: split_to_multimap', "split_to_multimap('a=1,b=2,a=3', ',', '=')", { a: ['1', '3'], b: ['2'] }, 'map(varchar, array(varchar))'],
    ['split_to_multimap drops a trailing empty entry', "split_to_multimap('a=1,', ',', '=')", { a: ['1'] }, 'map(varchar, array(varchar))'],
    ['split_to_multimap of an empty string', "split_to_multimap('', ',', '=')", {}, 'map(varchar, array(varchar))'],
    ['split_to_multimap of NULL', "split_to_multimap(CAST(NULL AS VARCHAR), ',', '=')", null, 'map(varchar, array(varchar))'],
    ['split_to_map of NULL keeps the map type', "split_to_map(CAST(NULL AS VARCHAR), ',', '=')", null, 'map(varchar, varchar)'],
    ['split_to_map with a two-character delimiter', "split_to_map('a==1', ',', '==')", { a: '1' }, 'map(varchar, varchar)'],
  ],
  [
    ['split_to_map: the delimiter twice in an entry', "split_to_map('a=1=2', ',', '=')", /exactly once in each entry. Bad input: 'a=1=2'/],
    ['split_to_map: an empty entry in the middle', "split_to_map('a=1,,b=2', ',', '=')", /exactly once in each entry. Bad input: ''/],
    ['split_to_multimap: an entry without the delimiter', "split_to_multimap('a', ',', '=')", /exactly once in each entry. Bad input: a/],
    ['split_to_map: an empty key-value delimiter', "split_to_map('a=1', ',', '')", /keyValueDelimiter is empty/],
  ],
);
