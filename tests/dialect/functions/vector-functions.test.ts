// dot_product, euclidean_distance and cosine_distance over arrays, as Trino 476 answers them (values, types and errors
// asked of the shared Trino 476). They were refused locally before. Trino reads a NULL element as 0 in dot_product and
// euclidean_distance (the block's value under its null flag); cosine_distance is 1 - cosine_similarity (NULL then).
import { describeFunctions } from './harness.js';

describeFunctions(
  'vector functions',
  [
    ['dot_product', 'dot_product(ARRAY[1.5E0, 2.0E0], ARRAY[3.0E0, 4.0E0])', 12.5, 'double'],
    ['dot_product of integers', 'dot_product(ARRAY[1, 2], ARRAY[3, 4])', 11, 'double'],
    ['dot_product of decimals', 'dot_product(ARRAY[1.5], ARRAY[2.5])', 3.75, 'double'],
    ['reals widened to double', "dot_product(ARRAY[REAL '0.1', REAL '0.2'], ARRAY[REAL '0.3', REAL '0.7'])", 0.1700000013411045, 'double'],
    ['a NULL element counts as 0', 'dot_product(a, b) FROM (VALUES (ARRAY[1E0, NULL], ARRAY[1E0, 2E0])) t(a, b)', 1, 'double'],
    ['a NULL array', 'dot_product(a, b) FROM (VALUES (CAST(NULL AS array(double)), ARRAY[1E0])) t(a, b)', null, 'double'],
    ['empty arrays', 'dot_product(ARRAY[], ARRAY[])', 0, 'double'],
    ['summed in element order', 'dot_product(a, b) FROM (VALUES (ARRAY[1E16, 1E0, -1E16], ARRAY[1E0, 1E0, 1E0])) t(a, b)', 0, 'double'],
    ['Infinity - Infinity', 'dot_product(ARRAY[1E308, 1E308], ARRAY[10E0, -10E0])', Number.NaN, 'double'],
    ['euclidean_distance', 'euclidean_distance(ARRAY[0E0, 0E0], ARRAY[3E0, 4E0])', 5, 'double'],
    ['euclidean_distance with a NULL element', 'euclidean_distance(a, b) FROM (VALUES (ARRAY[1E0, NULL], ARRAY[1E0, 2E0])) t(a, b)', 2, 'double'],
    ['euclidean_distance of reals', "euclidean_distance(ARRAY[REAL '0.1'], ARRAY[REAL '0.3'])", 0.20000001043081284, 'double'],
    ['euclidean_distance of NaN', 'euclidean_distance(ARRAY[nan()], ARRAY[1E0])', Number.NaN, 'double'],
    ['cosine_distance', 'cosine_distance(ARRAY[1E0, 2E0], ARRAY[3E0, 4E0])', 0.01613008990009257, 'double'],
    ['cosine_distance of orthogonal vectors', 'cosine_distance(ARRAY[1E0, 0E0], ARRAY[0E0, 1E0])', 1, 'double'],
    ['cosine_distance with a NULL element', 'cosine_distance(a, b) FROM (VALUES (ARRAY[1E0, NULL], ARRAY[1E0, 2E0])) t(a, b)', null, 'double'],
  ],
  [
    ['arrays of other lengths', 'dot_product(a, b) FROM (VALUES (ARRAY[1E0], ARRAY[1E0, 2E0])) t(a, b)', /The arguments must have the same length/],
    ['euclidean_distance of other lengths', 'euclidean_distance(ARRAY[1E0], ARRAY[1E0, 2E0])', /The arguments must have the same length/],
    ['a zero vector', 'cosine_distance(ARRAY[0E0], ARRAY[1E0])', /Vector magnitude cannot be zero/],
  ],
);
