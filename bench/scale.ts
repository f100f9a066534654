// How the pipeline's cost grows with events (issue 18): extra points of the pipeline measure at other event counts
// (default 3M), same window and seed, one round each, product and baseline on the same files with the same checksums.
// The growth line fits cost ∝ events^k between the smallest and the largest point: k ≈ 1 is linear, k < 1 means fixed
// costs still weigh, k > 1 means something grows faster than the data.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { assertSameChecksums, pipelineChecksums } from './checksums.js';
import { productCuratedDir, productKpiDir } from './hourly.js';
import { ingestNodeDirect } from './ingest.js';
import { round } from './measure.js';
import { linkLanding, runBaseline, runProduct, type PipelineInput } from './pipeline.js';

export interface ScalePoint {
  events: number;
  product_ms: number;
  baseline_ms: number;
  ratio: number;
  product_cpu_ms: number;
  baseline_cpu_ms: number;
  cpu_ratio: number;
}

export interface ScaleGrowth {
  points: ScalePoint[];
  /** Exponent k of cost ∝ events^k between the smallest and the largest point, per path. */
  product_exponent: number;
  baseline_exponent: number;
  /** The same over CPU time (steadier than wall time on a shared machine). */
  product_cpu_exponent: number;
  baseline_cpu_exponent: number;
}

/** One pipeline point at `events`: landing files by the Node-direct ingest (the same bytes as the product's ingest). */
export async function timeScalePoint(
  work: string,
  projectRoot: string,
  events: number,
  window: { startMs: number; endMs: number; seed: number },
): Promise<ScalePoint> {
  const root = join(work, `scale-${events}`);
  const landingDir = join(root, 'landing');
  try {
    await ingestNodeDirect(landingDir, { events, seed: window.seed, startMs: window.startMs, endMs: window.endMs });
    const input: PipelineInput = { landingDir, startMs: window.startMs, endMs: window.endMs };
    const baselineDir = join(root, 'baseline');
    const baseline = await runBaseline(baselineDir, input);
    const lake = join(root, 'product');
    linkLanding(lake, landingDir);
    const product = await runProduct(projectRoot, lake, input);
    assertSameChecksums(
      `scale ${events}`,
      await pipelineChecksums(productCuratedDir(lake), productKpiDir(lake)),
      await pipelineChecksums(join(baselineDir, 'processed'), join(baselineDir, 'kpi')),
    );
    return {
      events,
      product_ms: round(product.totalMs),
      baseline_ms: round(baseline.totalMs),
      ratio: round(product.totalMs / baseline.totalMs, 2),
      product_cpu_ms: round(product.cpuMs),
      baseline_cpu_ms: round(baseline.cpuMs),
      cpu_ratio: round(product.cpuMs / baseline.cpuMs, 2),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The growth over two or more points of different event counts; undefined with fewer. */
export function growth(points: ScalePoint[]): ScaleGrowth | undefined {
  const sorted = [...points].sort((a, b) => a.events - b.events);
  const [first, last] = [sorted[0], sorted.at(-1)];
  if (!first || !last || last.events === first.events) return undefined;
  const exponent = (from: number, to: number) => round(Math.log(to / from) / Math.log(last.events / first.events), 2);
  return {
    points: sorted,
    product_exponent: exponent(first.product_ms, last.product_ms),
    baseline_exponent: exponent(first.baseline_ms, last.baseline_ms),
    product_cpu_exponent: exponent(first.product_cpu_ms, last.product_cpu_ms),
    baseline_cpu_exponent: exponent(first.baseline_cpu_ms, last.baseline_cpu_ms),
  };
}
