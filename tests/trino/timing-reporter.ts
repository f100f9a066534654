// A reporter of the oracle tier (tests/trino/vitest.config.ts): when each test file started and ended, in seconds from
// the start of the run, written to .cache/trino/timings.json for the summary line (scripts/trino-summary.mjs), so a
// run shows how long each part took and whether the two forks stayed busy to the end.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

export default class TimingReporter implements Reporter {
  private start = Date.now();
  private readonly parts: { file: string; start: number; end: number }[] = [];

  onTestRunStart(): void {
    this.start = Date.now();
  }

  onTestModuleEnd(module: TestModule): void {
    const d = module.diagnostic();
    const end = (Date.now() - this.start) / 1000;
    // The file's own time: the worker's preparation, the import of the file (collection), its tests and hooks.
    const seconds = (d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration) / 1000;
    this.parts.push({ file: basename(module.moduleId).replace(/\.trino\.ts$/, ''), start: Math.max(0, end - seconds), end });
  }

  onTestRunEnd(): void {
    const dir = join(process.cwd(), '.cache', 'trino');
    mkdirSync(dir, { recursive: true });
    const parts = this.parts.map((p) => ({ file: p.file, start: Math.round(p.start), end: Math.round(p.end) })).sort((a, b) => a.start - b.start);
    writeFileSync(join(dir, 'timings.json'), `${JSON.stringify({ seconds: Math.round((Date.now() - this.start) / 1000), parts }, null, 2)}\n`);
  }
}
