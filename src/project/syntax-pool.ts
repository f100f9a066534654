// Syntax checking for many files at once. The ANTLR grammars cost ~1 ms per file plus a per-thread warm-up, so on
// large projects the files are split over worker threads (one per core) that warm up while the project loads.
// Workers need the bundled CLI (dist/syntax-worker.js); elsewhere (tests, small projects) checks run in-process.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../dialect/diagnostics.js';

export interface SyntaxItem {
  sql: string;
  file?: string;
  lineOffset?: number;
}
export interface SyntaxJob {
  id: number;
  items: SyntaxItem[];
}
export interface SyntaxReply {
  id: number;
  diagnostics: Diagnostic[][];
}

export interface SyntaxChecker {
  /** Diagnostics per item, in item order. */
  check(items: SyntaxItem[]): Promise<Diagnostic[][]>;
  close(): Promise<void>;
}

/** Below this many files one warm thread beats several cold ones. */
export const PARALLEL_THRESHOLD = 200;

/** The bundled worker script beside the CLI bundle, if this code runs from the bundle. */
function workerScript(): string | undefined {
  for (const candidate of ['./syntax-worker.js', '../syntax-worker.js']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

const inProcess = (): SyntaxChecker => ({
  async check(items) {
    const { checkSyntax } = await import('./syntax.js');
    return items.map((item) => checkSyntax(item.sql, item));
  },
  async close() {},
});

function run(worker: Worker, job: SyntaxJob): Promise<Diagnostic[][]> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: SyntaxReply) => {
      if (reply.id !== job.id) return;
      worker.off('message', onMessage).off('error', reject);
      resolve(reply.diagnostics);
    };
    worker.on('message', onMessage).once('error', reject);
    worker.postMessage(job);
  });
}

/** A checker for about `fileCount` files: worker threads when that pays off, in-process otherwise. */
export function createSyntaxChecker(fileCount: number): SyntaxChecker {
  const threads = Math.min(availableParallelism(), 4);
  const script = fileCount >= PARALLEL_THRESHOLD && threads > 1 ? workerScript() : undefined;
  if (!script) return inProcess();
  // A larger young generation: the parsers allocate many short-lived contexts.
  const workers = Array.from({ length: threads }, () => new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 64 } }));
  return {
    async check(items) {
      // Round-robin keeps each worker's share similar in size and in mix.
      const shares = workers.map((_, w) => items.map((item, i) => ({ item, i })).filter(({ i }) => i % workers.length === w));
      const results = await Promise.all(shares.map((share, w) => run(workers[w], { id: w, items: share.map((s) => s.item) })));
      const out: Diagnostic[][] = new Array(items.length);
      shares.forEach((share, w) => share.forEach(({ i }, k) => (out[i] = results[w][k])));
      return out;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
