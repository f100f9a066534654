// Mathematical functions (https://trino.io/docs/current/functions/math.html).
import { builtin, duckdb, refused, rewrite, shim, type FunctionFamily } from './entry.js';

const VECTOR = refused(
  'the vector functions of Trino 476 are not run locally',
  'reduce(zip_with(a, b, (x, y) -> x * y), 0E0, (s, x) -> s + x, s -> s) for a dot product, and sqrt over it for a norm',
);
const STUDENT_T = refused(
  "Student's t-distribution is not implemented locally",
  'compute the distribution outside SQL, or normal_cdf for large degrees of freedom',
);

export const MATH: FunctionFamily = {
  abs: duckdb('1', 'tinyint of NULL and of a NULL-typed column (Trino types unknown as its first overload)'),
  cbrt: shim('trino_cbrt', '1', 'Java’s cbrt (DuckDB’s is off by an ulp for exact cubes)'),
  ceil: rewrite('an integer stays an integer (DuckDB: double); decimal(p,s) gives decimal(min(38, p-s+min(s,1)),0)', '1'),
  ceiling: rewrite('an integer stays an integer (DuckDB: double); decimal(p,s) gives decimal(min(38, p-s+min(s,1)),0)', '1'),
  degrees: duckdb('1'),
  e: shim('trino_e', '0'),
  exp: duckdb('1'),
  floor: rewrite('an integer stays an integer (DuckDB: double); decimal(p,s) gives decimal(min(38, p-s+min(s,1)),0)', '1'),
  ln: shim('trino_ln', '1', 'NaN below 0, -Infinity at 0 (DuckDB raises)'),
  log: rewrite('log(b, x) = ln(x) / ln(b), base first (DuckDB log(x) alone is base 10; Trino has no 1-argument log)', '2'),
  log2: shim('trino_log2', '1', 'NaN below 0, -Infinity at 0 (DuckDB raises)'),
  log10: shim('trino_log10', '1', 'NaN below 0, -Infinity at 0 (DuckDB raises)'),
  mod: shim('trino_modulus', '2', 'fails on integer division by zero, as Trino does'),
  pi: duckdb('0'),
  pow: duckdb('2'),
  power: duckdb('2'),
  radians: duckdb('1'),
  round: rewrite(
    'Java Math.round (half away from zero) on doubles; round(decimal(p,s)) is decimal(min(38, p-s+min(s,1)),0), round(decimal(p,s), d) is decimal(min(38, p+1),s)',
    '1-2',
  ),
  sign: rewrite('keeps an integer or floating type (DuckDB gives tinyint); decimal(1,0) for a decimal; NaN for NaN', '1'),
  sqrt: shim('trino_sqrt', '1', 'NaN below 0 (DuckDB raises)'),
  truncate: rewrite(
    'towards zero; an integer becomes decimal(p,0) and decimal(p,s) decimal(max(1, p-s),0) as in Trino; truncate(x, n) keeps n decimals of a decimal x (a double x fails, as in Trino)',
  ),
  width_bucket: shim('trino_width_bucket', '4', 'equi-width buckets; width_bucket(x, bins) is refused by arity'),
  to_base: shim('trino_to_base', '2', 'lower-case digits, a minus sign for negative numbers'),
  from_base: shim('trino_from_base', '2'),
  is_nan: builtin('isnan', '1'),
  is_finite: builtin('isfinite', '1'),
  is_infinite: builtin('isinf', '1'),
  nan: shim('trino_nan', '0'),
  infinity: shim('trino_infinity', '0'),
  // Trino calls Apache Commons Math 3.6.1 (Erf via the regularized gamma function on FastMath.exp/log, Erf.erfInv,
  // BetaDistribution). All four are ported operation for operation (src/dialect/shims/normal-distribution.ts,
  // beta-distribution.ts) and agree with Trino 476's MathFunctions bit for bit on 398,855 (normal), 100,400 (beta_cdf)
  // and 20,300 (inverse_beta_cdf) random arguments.
  normal_cdf: shim('trino_normal_cdf', '3', 'Commons Math’s erf, ported bit for bit; fails when sd ≤ 0 as in Trino'),
  inverse_normal_cdf: shim('trino_inverse_normal_cdf', '3', 'Commons Math’s erfInv, ported bit for bit; fails unless 0 < p < 1 and sd > 0 as in Trino'),
  beta_cdf: shim('trino_beta_cdf', '3', 'Commons Math’s regularized beta function, ported bit for bit; fails unless 0 ≤ v ≤ 1 and a, b > 0 as in Trino'),
  inverse_beta_cdf: shim(
    'trino_inverse_beta_cdf',
    '3',
    'Commons Math’s Brent solver on the beta cdf (accuracy 1e-9), ported bit for bit; fails unless 0 ≤ p ≤ 1 and a, b > 0 as in Trino',
  ),
  wilson_interval_lower: shim('trino_wilson_interval_lower', '3'),
  wilson_interval_upper: shim('trino_wilson_interval_upper', '3'),
  cosine_similarity: shim('trino_cosine_similarity', '2', 'sparse vectors (map(varchar, double)) or dense ones (array(double)); sums in element order'),
  acos: duckdb('1'),
  asin: duckdb('1'),
  atan: duckdb('1'),
  atan2: duckdb('2'),
  cos: duckdb('1'),
  cosh: duckdb('1'),
  sinh: duckdb('1', 'Java’s Math.sinh gives the same doubles (Trino 476 at 0.5, 1, -2, 20, 710)'),
  t_cdf: STUDENT_T,
  t_pdf: STUDENT_T,
  dot_product: VECTOR,
  cosine_distance: VECTOR,
  euclidean_distance: VECTOR,
  sin: duckdb('1'),
  tan: duckdb('1'),
  tanh: duckdb('1'),
};
