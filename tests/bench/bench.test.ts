// Keeps `npm run bench` working: the whole benchmark at a tiny size. No timing thresholds: it checks that every
// measurement the issue names is in the results and is a positive number, and that both pipeline paths agreed.
import { describe, expect, it } from 'vitest';
import { runBench } from '../../bench/run.js';

describe('npm run bench', () => {
  it('produces every result key at a tiny size', async () => {
    const result = await runBench({
      events: 3_000,
      models: 12,
      rounds: 1,
      smallRounds: 1,
      hours: 6,
      queryIterations: 1,
      coldStartRuns: 1,
      seed: 1,
      lookups: 200,
      hourlyWeeks: [1],
      hourlyEventsPerHour: 10,
      scale: [6_000],
    });
    const numbers = {
      'pipeline.ratio': result.pipeline.ratio,
      'pipeline.rows_per_s': result.pipeline.rows_per_s,
      'pipeline.peak_rss_mb': result.pipeline.peak_rss_mb,
      'pipeline.cpu_ratio': result.pipeline.cpu_ratio,
      'pipeline.peak_rss_ratio': result.pipeline.peak_rss_ratio,
      'hourly.product_ms': result.hourly.product_ms,
      'hourly.baseline_ms': result.hourly.baseline_ms,
      'hourly.ratio': result.hourly.ratio,
      'models.count': result.models.count,
      'models.load_ms': result.models.load_ms,
      cold_start_ms: result.cold_start_ms,
      cold_start_cpu_ms: result.cold_start_cpu_ms,
      'models.cli_lint_cpu_ms': result.models.cli_lint_cpu_ms,
      'models.cli_lint_no_bind_ms': result.models.cli_lint_no_bind_ms,
      'example.npm_start_ms': result.example.npm_start_ms,
      'example.npm_start_cpu_ms': result.example.npm_start_cpu_ms,
      'example.lake_test_ms': result.example.lake_test_ms,
      'example.lake_test_cpu_ms': result.example.lake_test_cpu_ms,
      'queries.p95_ms': result.queries.p95_ms,
      'lookups.p95_ms': result.lookups.p95_ms,
      'ingest.ratio': result.ingest.ratio,
    };
    for (const [key, value] of Object.entries(numbers)) {
      expect(typeof value, key).toBe('number');
      expect(value, key).toBeGreaterThan(0);
    }
    for (const step of Object.values(result.pipeline.steps)) expect(step.ratio).toBeGreaterThan(0);
    // The scale point: the main run and the extra event count, each with both paths and the growth fitted between them.
    expect(result.scale?.points.map((point) => point.events)).toEqual([3_000, 6_000]);
    for (const point of result.scale?.points ?? []) expect(Math.min(point.product_ms, point.baseline_ms, point.ratio, point.cpu_ratio)).toBeGreaterThan(0);
    expect(Number.isFinite(result.scale?.product_exponent)).toBe(true);
    expect(Number.isFinite(result.scale?.baseline_exponent)).toBe(true);
    expect(Number.isFinite(result.scale?.product_cpu_exponent)).toBe(true);
    expect(Number.isFinite(result.scale?.baseline_cpu_exponent)).toBe(true);
    expect(result.models.count).toBe(12);
    expect(result.pipeline.rows.curated).toBe(3_000);
    expect(result.pipeline.checksums.curated.rows).toBe(3_000);
    // The JSON the CLI writes is this object.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  }, 480_000);
});
