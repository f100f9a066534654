// Measuring helpers: wall time, sampled peak RSS, medians and percentiles. Numbers only ever come from these.
import { performance } from 'node:perf_hooks';

export interface Measured<T> {
  value: T;
  ms: number;
  /** Highest RSS sampled while the work ran (MB). */
  peakRssMb: number;
}

const mb = (bytes: number) => bytes / (1024 * 1024);

/**
 * Runs `work` while sampling the process RSS every `intervalMs`. DuckDB works on its own threads while the event loop
 * waits, so samples keep coming during long statements; the RSS before and after the work is sampled too.
 */
export async function measure<T>(work: () => Promise<T>, intervalMs = 20): Promise<Measured<T>> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  const started = performance.now();
  try {
    const value = await work();
    const ms = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, ms, peakRssMb: mb(peak) };
  } finally {
    clearInterval(timer);
  }
}

export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/** Nearest-rank percentile (p in 0..100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Peak RSS of the whole process so far (MB), as the kernel reports it. */
export const processMaxRssMb = (): number => process.resourceUsage().maxRSS / 1024;

/** Rounded to `digits`; never -0, which JSON writes as 0 (a tiny negative exponent rounded to -0 broke bench.test's round trip). */
export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits + 0;
