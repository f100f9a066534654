// Starts the local Trino (scripts/trino.sh: fetched from Maven Central on first use) unless LAKE_TRINO_URL already
// names one, and stops it after the tier if it started it.
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    trinoUrl: string;
  }
}

export default function setup(project: TestProject): () => void {
  if (process.env.LAKE_TRINO_URL) {
    project.provide('trinoUrl', process.env.LAKE_TRINO_URL);
    return () => undefined;
  }
  const running = (() => {
    try {
      return execFileSync('bash', ['scripts/trino.sh', 'status'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  })();
  const url =
    running ||
    execFileSync('bash', ['scripts/trino.sh', 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
      .trim()
      .split('\n')
      .pop()!;
  project.provide('trinoUrl', url);
  console.log(`differential oracle: Trino at ${url}`);
  return () => {
    if (!running) execFileSync('bash', ['scripts/trino.sh', 'stop'], { stdio: 'inherit' });
  };
}
