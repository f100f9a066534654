// Macros for the array, map and aggregate entries of the function table that build or merge collections: zip,
// combinations, map_union, multimap_agg / multimap_from_entries and cosine_similarity. Each follows the Trino
// documentation (https://trino.io/docs/current/functions/array.html, map.html, aggregate.html, math.html) and Trino
// 476's answers where the documentation leaves the order or an error open.

/** `trino_fail(message)` typed like `witness`, for errors Trino raises. */
const fail = (message: string, witness: string) => `cast_to_type(trino_fail(${message}), ${witness})`;

const ZIP_NAMES = ['a', 'b', 'c', 'd', 'e'];

/**
 * zip(a, b, …): rows of the i-th elements, the shorter arrays padded with NULL (DuckDB's a[i] past the end is NULL).
 * The fields are anonymous in Trino; they are named `trino_field_<i>`, which the local engine reports as anonymous
 * (src/engines/duckdb/types.ts), because DuckDB's client merges several fields with empty names into one. An element
 * is read through coalesce(a, []): DuckDB types `a[i]` of an array it can fold to NULL (`regexp_extract_all(NULL, p)`)
 * as NULL, so the field would lose the element type Trino reports.
 */
function zipOverload(count: number): string {
  const arrays = ZIP_NAMES.slice(0, count);
  const fields = arrays.map((a, i) => `trino_field_${i} := coalesce(${a}, [])[trino_i]`).join(', ');
  return `(${arrays.join(', ')}) AS CASE WHEN ${arrays.map((a) => `${a} IS NOT NULL`).join(' AND ')}
     THEN list_transform(range(1, greatest(${arrays.map((a) => `len(${a})`).join(', ')}) + 1), lambda trino_i: struct_pack(${fields})) END`;
}

/** C(len(a), n) · n for n ≤ 5, the number of elements the result would hold (Trino refuses more than 100,000). */
const combinationElements = `(list_product(list_transform(range(n), lambda trino_k: CAST(len(a) - trino_k AS DOUBLE))) / factorial(n) * n)`;

/** The entries of a list of (key, value) structs with NULL keys dropped, grouped by key in first-seen order. */
const groupedEntries = (entries: string) => `map_from_entries(list_transform(trino_array_distinct(list_transform(${entries}, lambda trino_e: trino_e.key)),
     lambda trino_k: {'key': trino_k, 'value': list_transform(list_filter(${entries}, lambda trino_e: trino_e.key = trino_k), lambda trino_e: trino_e.value)}))`;

export const COLLECTION_MACROS: readonly string[] = [
  `trino_zip ${[2, 3, 4, 5].map(zipOverload).join(',\n     ')}`,

  `trino_combinations(a, n) AS CASE
     WHEN n < 0 THEN ${fail(`'combination size must not be negative: ' || n`, '[a]')}
     WHEN n > 5 THEN ${fail(`'combination size must not exceed 5: ' || n`, '[a]')}
     WHEN n = 0 THEN CASE WHEN a IS NOT NULL THEN [list_slice(a, 1, 0)] END
     WHEN n > len(a) THEN list_slice([a], 1, 0)
     WHEN ${combinationElements} > 100000 THEN ${fail(`'combinations exceed max size'`, '[a]')}
     ELSE list_transform(trino_combination_positions(len(a), n), lambda trino_c: list_select(a, trino_c))
     END`,

  // map_union(m): every key once, the value of the first map that has it (Trino: "an arbitrary input map"); NULL
  // maps are skipped; NULL over no entry (Trino 476: map_union of empty maps is NULL).
  `trino_first_of_each_key(entries) AS map_from_entries(list_filter(entries,
     lambda trino_e, trino_i: list_position(list_transform(entries, lambda trino_x: trino_x.key), trino_e.key) = trino_i))`,
  `trino_map_union(maps) AS list_transform([flatten(list_transform(list_filter(maps, lambda trino_m: trino_m IS NOT NULL), lambda trino_m: map_entries(trino_m)))],
     lambda trino_es: CASE WHEN len(trino_es) > 0 THEN trino_first_of_each_key(trino_es) END)[1]`,

  // map_agg(k, v) over list(struct_pack(key, value)): rows with a NULL key are skipped, a repeated key keeps its first
  // value (Trino 476: map_agg of ('a', 1), ('a', 2) is {a=1}; NaN keys are one key, as inside a list for
  // list_distinct); NULL when no key is left. The first-of-each pass (quadratic) runs only when a key repeats.
  `trino_map_agg_of(entries) AS CASE WHEN len(entries) > 0 THEN CASE
     WHEN len(list_distinct(list_transform(entries, lambda trino_e: [trino_e.key]))) = len(entries) THEN map_from_entries(entries)
     ELSE trino_first_of_each_key(entries) END END`,
  `trino_map_agg(entries) AS trino_map_agg_of(list_filter(entries, lambda trino_e: trino_e.key IS NOT NULL))`,
  // multimap_agg(k, v) over list(struct_pack(key, value)): rows with a NULL key are skipped, values keep their
  // order (NULL values included); NULL over no rows, and over rows whose keys are all NULL (Trino 476; was {}).
  `trino_multimap_agg(entries) AS CASE WHEN list_bool_or(list_transform(entries, lambda trino_e: trino_e.key IS NOT NULL))
     THEN ${groupedEntries('list_filter(entries, lambda trino_e: trino_e.key IS NOT NULL)')} END`,
  // multimap_from_entries(array(row(K, V))): the row's fields by position (anonymous or named).
  `trino_entry_pairs(entries) AS list_transform(entries, lambda trino_e: {'key': struct_extract_at(trino_e, 1), 'value': struct_extract_at(trino_e, 2)})`,
  `trino_multimap_from_entries(entries) AS CASE
     WHEN list_bool_or(list_transform(entries, lambda trino_e: trino_e IS NULL)) THEN ${fail(`'map entry cannot be null'`, groupedEntries('trino_entry_pairs(entries)'))}
     WHEN list_bool_or(list_transform(trino_entry_pairs(entries), lambda trino_e: trino_e.key IS NULL)) THEN ${fail(`'map key cannot be null'`, groupedEntries('trino_entry_pairs(entries)'))}
     WHEN entries IS NOT NULL THEN ${groupedEntries('trino_entry_pairs(entries)')} END`,

  // cosine_similarity: dot product over the product of the L2 norms, summed in element (entry) order as Trino does.
  // NULL when a vector is NULL. Sparse vectors (maps): NULL when a value is NULL; a zero norm gives NaN (0 / 0), as Trino 476 answers. Dense vectors
  // (arrays): NULL when an element is NULL; different lengths or a zero vector fail.
  `trino_squares_sum(xs) AS list_sum(list_transform(xs, lambda trino_x: trino_x * trino_x))`,
  `trino_cosine_similarity(a DOUBLE[], b DOUBLE[]) AS CASE
       WHEN a IS NULL OR b IS NULL THEN NULL
       WHEN len(a) <> len(b) THEN ${fail(`'The arguments must have the same length'`, '0::DOUBLE')}
       WHEN list_count(a) < len(a) OR list_count(b) < len(b) THEN NULL
       WHEN coalesce(trino_squares_sum(a), 0) = 0 OR coalesce(trino_squares_sum(b), 0) = 0 THEN ${fail(`'Vector magnitude cannot be zero'`, '0::DOUBLE')}
       ELSE list_sum(list_transform(range(1, len(a) + 1), lambda trino_i: a[trino_i] * b[trino_i])) / sqrt(trino_squares_sum(a) * trino_squares_sum(b)) END,
     (a, b) AS CASE
       WHEN a IS NULL OR b IS NULL THEN NULL
       WHEN list_count(map_values(a)) < len(map_values(a)) OR list_count(map_values(b)) < len(map_values(b)) THEN NULL
       WHEN coalesce(trino_squares_sum(map_values(a)), 0) = 0 OR coalesce(trino_squares_sum(map_values(b)), 0) = 0 THEN 'NaN'::DOUBLE
       ELSE coalesce(list_sum(list_transform(map_entries(a), lambda trino_e: CAST(trino_e.value AS DOUBLE) * map_extract_value(b, trino_e.key))), 0)
         / (sqrt(trino_squares_sum(map_values(a))) * sqrt(trino_squares_sum(map_values(b)))) END`,

  // Trino 476's vector functions read a NULL element as 0 (its block's value under the null flag): dot_product([1, NULL],
  // [1, 2]) is 1, euclidean_distance([1, NULL], [1, 2]) is 2; cosine_distance is 1 - cosine_similarity (NULL then).
  `trino_vector_terms(a DOUBLE[], b DOUBLE[], product) AS CASE
       WHEN len(a) <> len(b) THEN ${fail(`'The arguments must have the same length'`, '[0::DOUBLE]')}
       ELSE list_transform(range(1, len(a) + 1), lambda trino_i: CASE WHEN product
         THEN coalesce(a[trino_i], 0) * coalesce(b[trino_i], 0)
         ELSE (coalesce(a[trino_i], 0) - coalesce(b[trino_i], 0)) * (coalesce(a[trino_i], 0) - coalesce(b[trino_i], 0)) END) END`,
  `trino_dot_product(a DOUBLE[], b DOUBLE[]) AS CASE WHEN a IS NOT NULL AND b IS NOT NULL
       THEN coalesce(list_sum(trino_vector_terms(a, b, true)), 0) END`,
  `trino_euclidean_distance(a DOUBLE[], b DOUBLE[]) AS CASE WHEN a IS NOT NULL AND b IS NOT NULL
       THEN sqrt(coalesce(list_sum(trino_vector_terms(a, b, false)), 0)) END`,
  `trino_cosine_distance(a DOUBLE[], b DOUBLE[]) AS 1 - trino_cosine_similarity(a, b)`,

  // approx_most_frequent(buckets, x, capacity) is Trino's space-saving sketch: exact while the distinct values fit in
  // the capacity. It runs here on exact counts when they fit, and fails where Athena's answer is an estimate (more
  // distinct values than the capacity) or picks among equal counts at the last bucket. Keys are bigint or varchar.
  `trino_most_frequent_key(x BIGINT) AS x, (x VARCHAR) AS x,
     (x) AS ${fail(`'approx_most_frequent takes bigint or varchar values'`, '0::BIGINT')}`,
  `trino_most_frequent_sorted(counts) AS list_sort(list_transform(map_entries(counts), lambda trino_e: {'n': trino_e.value, 'k': trino_e.key}), 'DESC')`,
  `trino_approx_most_frequent(buckets, counts, capacity) AS CASE
     WHEN buckets < 2 THEN ${fail(`'approx_most_frequent bucket count must be greater than one'`, 'counts')}
     WHEN counts IS NULL OR cardinality(counts) = 0 THEN NULL
     WHEN cardinality(counts) > capacity THEN ${fail(`'approx_most_frequent: ' || cardinality(counts) || ' distinct values exceed the capacity ' || capacity || ', so Athena answers an estimate; give a capacity of at least the number of distinct values'`, 'counts')}
     WHEN cardinality(counts) > buckets AND trino_most_frequent_sorted(counts)[buckets].n = trino_most_frequent_sorted(counts)[buckets + 1].n
       THEN ${fail(`'approx_most_frequent: values with equal counts compete for the last of the ' || buckets || ' buckets, which Athena resolves in its own order'`, 'counts')}
     ELSE map_from_entries(list_transform(trino_most_frequent_sorted(counts)[1:buckets], lambda trino_e: {'key': trino_e.k, 'value': CAST(trino_e.n AS BIGINT)})) END`,
  // numeric_histogram(buckets, x) is Trino's NumericHistogram: equal values merge exactly (weight = count, keys in
  // ascending order); beyond `buckets` distinct values it merges the closest bins, compacting whenever its buffer of
  // buckets + 100 entries fills and again as partial states from splits combine, so the bins depend on how rows arrive.
  // It runs here while the distinct values fit in the buckets and fails otherwise. A double stays double; an integer
  // is coerced to real (a decimal is refused: a DECIMAL macro parameter is DECIMAL(18,3)), as Trino resolves numeric_histogram(bigint, real) for them (Trino 476 answers
  // map(real, real) for `VALUES 3, 1, 2` and for decimals: found by the oracle).
  `trino_histogram_value(x FLOAT) AS x, (x DOUBLE) AS x, ${['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT'].map((t) => `(x ${t}) AS CAST(x AS FLOAT)`).join(', ')},
     (x VARCHAR) AS ${fail(`'numeric_histogram takes a double or real value, not varchar'`, '0::FLOAT')},
     (x DECIMAL) AS ${fail(`'numeric_histogram of a decimal is not supported locally: Trino coerces it to real, which a decimal macro argument cannot reproduce exactly; write numeric_histogram(n, CAST(x AS real)) or CAST(x AS double)'`, '0::FLOAT')},
     (x) AS CAST(x AS FLOAT)`,
  `trino_numeric_histogram(buckets, counts, nans) AS CASE
     WHEN buckets < 2 THEN ${fail(`'numeric_histogram bucket count must be greater than one'`, 'counts')}
     WHEN counts IS NULL OR cardinality(counts) = 0 THEN NULL
     WHEN nans > 0 THEN ${fail(`'numeric_histogram of NaN: Athena keeps each NaN as its own bin, which is not reproduced locally'`, 'counts')}
     WHEN cardinality(counts) > buckets THEN ${fail(`'numeric_histogram: ' || cardinality(counts) || ' distinct values exceed the ' || buckets || ' buckets, so Athena merges the closest bins in an order that depends on how rows arrive; not reproduced locally (give at least as many buckets as distinct values)'`, 'counts')}
     ELSE map_from_entries(list_transform(map_entries(counts), lambda trino_e: {'key': trino_e.key, 'value': cast_to_type(trino_e.value, trino_e.key)})) END`,
];
