// The hourly measure (bench/hourly.ts) times what a scheduled run meets: each round is the next hour, new to the
// product's lake and to the baseline's folder. It once reran one hour: the product replaced what its round 0 had
// written (deletes, a catalog already holding the hour) while the baseline appended to a fresh copy of its history,
// so the two sides did different work. Tiny sizes; no timing is asserted.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { productCuratedDir, productKpiDir, timeHourly } from '../../bench/hourly.js';
import { writeBenchProject } from '../../bench/project.js';

const work = mkdtempSync(join(tmpdir(), 'hourly44-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The folders directly under `dir`/`prefix` (a curated day's `hour=…`, the KPI's `dt=…`'s `hour=…`). */
const hoursOf = (dir: string, prefix: string) =>
  readdirSync(join(dir, ...prefix.split('/')), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

describe('the hourly measure', () => {
  it('runs the next new hour each round on both paths, which end holding the same hours', async () => {
    const projectRoot = join(work, 'project');
    writeBenchProject(projectRoot);
    const measured = await timeHourly(work, projectRoot, { weeks: 1, eventsPerHour: 20, seed: 5, startMs: Date.UTC(2025, 2, 1), rounds: 3 });
    expect(measured.runs_cpu_ms.product).toHaveLength(3);
    expect(measured.runs_cpu_ms.baseline).toHaveLength(3);
    // The week ends at 2025-03-08 00:00: rounds 0, 1, 2 are its hours 0, 1, 2, each written once on each path.
    const lake = join(work, 'hourly-1w-product');
    const baseline = join(work, 'hourly-1w-baseline');
    expect(hoursOf(productCuratedDir(lake), 'year=2025/month=3/day=8')).toEqual(['hour=0', 'hour=1', 'hour=2']);
    expect(hoursOf(join(baseline, 'processed'), 'year=2025/month=3/day=8')).toEqual(['hour=0', 'hour=1', 'hour=2']);
    expect(hoursOf(productKpiDir(lake), 'dt=2025-03-08')).toEqual(['hour=0', 'hour=1', 'hour=2']);
    expect(hoursOf(join(baseline, 'kpi'), 'dt=2025-03-08')).toEqual(['hour=0', 'hour=1', 'hour=2']);
  }, 240_000);
});
