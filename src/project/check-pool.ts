// Runs the per-file lint checks for many files. The ANTLR grammars cost ~1 ms per file plus a per-thread warm-up of
// a few hundred ms, so on large projects the files are split over worker threads (one per core, at most 4) that warm
// up while the project loads. Workers need the bundled CLI (dist/check-worker.js); elsewhere (tests, small
// projects) the checks run in-process.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileCheckItem, FileCheckResult } from './file-checks.js';

export interface CheckJob {
  id: number;
  items: FileCheckItem[];
}
export interface CheckReply {
  id: number;
  results: FileCheckResult[];
}

export interface FileChecker {
  /** Results in item order. */
  check(items: FileCheckItem[]): Promise<FileCheckResult[]>;
  close(): Promise<void>;
}

/** Below this many files one warm thread beats several cold ones. */
export const PARALLEL_THRESHOLD = 200;

/** The bundled worker script beside the CLI bundle, if this code runs from the bundle. */
function workerScript(): string | undefined {
  for (const candidate of ['./check-worker.js', '../check-worker.js']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

const inProcess = (): FileChecker => ({
  async check(items) {
    const { checkFile } = await import('./file-checks.js');
    return items.map(checkFile);
  },
  async close() {},
});

function run(worker: Worker, job: CheckJob): Promise<FileCheckResult[]> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: CheckReply) => {
      if (reply.id !== job.id) return;
      worker.off('message', onMessage).off('error', reject);
      resolve(reply.results);
    };
    worker.on('message', onMessage).once('error', reject);
    worker.postMessage(job);
  });
}

/** A checker for about `fileCount` files: worker threads when that pays off, in-process otherwise. */
export function createFileChecker(fileCount: number): FileChecker {
  const threads = Math.min(availableParallelism(), 4);
  const script = fileCount >= PARALLEL_THRESHOLD && threads > 1 ? workerScript() : undefined;
  if (!script) return inProcess();
  // A larger young generation: the parsers allocate many short-lived objects.
  const workers = Array.from({ length: threads }, () => new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 64 } }));
  return {
    async check(items) {
      // Round-robin keeps each worker's share similar in size and mix.
      const shares = workers.map((_, w) => items.flatMap((_item, i) => (i % workers.length === w ? [i] : [])));
      const results = await Promise.all(shares.map((share, w) => run(workers[w], { id: w, items: share.map((i) => items[i]) })));
      const out: FileCheckResult[] = new Array(items.length);
      shares.forEach((share, w) => share.forEach((i, k) => (out[i] = results[w][k])));
      return out;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
