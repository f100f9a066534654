// Athena bills data scanned: USD 5 per TB, each query rounded up to the next MB with a 10 MB minimum.
export const ATHENA_USD_PER_TB = 5;
const MB = 2 ** 20;
const TB = 2 ** 40;
const MIN_MB_PER_QUERY = 10;

/** Cost in USD of queries that scanned these byte counts, one entry per query. */
export function athenaCostUsd(bytesPerQuery: readonly number[]): number {
  const billedMb = bytesPerQuery.reduce((sum, b) => sum + Math.max(Math.ceil(b / MB), MIN_MB_PER_QUERY), 0);
  return ((billedMb * MB) / TB) * ATHENA_USD_PER_TB;
}
