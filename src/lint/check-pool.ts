// Runs the per-file lint checks for many files. The ANTLR grammars cost ~1 ms per file plus a per-thread load and
// warm-up of a second or more, so when many files need them (outside the Trino subset) the files are split over worker
// threads (one per core, at most 4). Workers need the bundled CLI (dist/check-worker.js); elsewhere (tests, small
// projects, files the subset covers) the checks run in-process.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileCheckItem, FileCheckResult } from './file-checks.js';
import { bundledWorkerScript } from './worker-script.js';

export interface CheckJob {
  id: number;
  items: FileCheckItem[];
}
export interface CheckReply {
  id: number;
  results: FileCheckResult[];
}

export interface FileChecker {
  /** Results in item order; `onResult` is told each as soon as it is known. */
  check(items: FileCheckItem[], onResult?: (index: number, result: FileCheckResult) => void): Promise<FileCheckResult[]>;
  close(): Promise<void>;
}

/** Below this many files one warm thread beats several cold ones. */
export const PARALLEL_THRESHOLD = 200;

/** The bundled worker script beside the CLI bundle, if this code runs from the bundle. */
const workerScript = (): string | undefined => bundledWorkerScript('check-worker.js', import.meta.url);

const inProcess = (): FileChecker => ({
  async check(items, onResult) {
    const [{ checkFile }, { ShapeTranslations }] = await Promise.all([import('./file-checks.js'), import('./shape-translations.js')]);
    const shapes = new ShapeTranslations();
    const results: FileCheckResult[] = [];
    for (const item of items) {
      const result = await checkFile(item, shapes);
      onResult?.(results.length, result);
      results.push(result);
    }
    return results;
  },
  async close() {},
});

/** Workers that have stopped, e.g. after an error while warming up: posting to them would wait forever. */
const stopped = new WeakSet<Worker>();

function run(worker: Worker, job: CheckJob): Promise<FileCheckResult[]> {
  return new Promise((resolve, reject) => {
    if (stopped.has(worker)) {
      reject(new Error('lint worker stopped before it could check any file'));
      return;
    }
    const onExit = (code: number) => done(new Error(`lint worker stopped (exit code ${code}) while checking ${job.items[0]?.file ?? 'SQL'}`));
    const done = (error: Error | undefined, results?: FileCheckResult[]) => {
      worker.off('message', onMessage).off('error', done).off('exit', onExit);
      if (error) reject(error);
      else resolve(results!);
    };
    const onMessage = (reply: CheckReply) => {
      if (reply.id === job.id) done(undefined, reply.results);
    };
    worker.on('message', onMessage).on('error', done).on('exit', onExit);
    worker.postMessage(job);
  });
}

/** Files per message: small enough that a worker that gets less CPU (a busy machine) does not hold up the others. */
const BATCH = 25;

/** A checker for files of which about `grammarFiles` need the grammars: worker threads when that pays off. */
export function createFileChecker(grammarFiles: number): FileChecker {
  const threads = Math.min(availableParallelism(), 4);
  const script = grammarFiles >= PARALLEL_THRESHOLD && threads > 1 ? workerScript() : undefined;
  if (!script) return inProcess();
  // A larger young generation: the parsers allocate many short-lived objects.
  const workers = Array.from({ length: threads }, () =>
    // An error outside a job (while warming up) must not crash the CLI: the worker's next job reports it stopped.
    new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 64 } })
      .on('error', () => {})
      .on('exit', function (this: Worker) {
        stopped.add(this);
      }),
  );
  return {
    async check(items, onResult) {
      const out: FileCheckResult[] = new Array(items.length);
      let next = 0;
      // Each worker takes the next batch as soon as it is done with its last one.
      const drain = async (worker: Worker): Promise<void> => {
        while (next < items.length) {
          const start = next;
          next += BATCH;
          const results = await run(worker, { id: start, items: items.slice(start, start + BATCH) });
          results.forEach((result, k) => {
            out[start + k] = result;
            onResult?.(start + k, result);
          });
        }
      };
      await Promise.all(workers.map(drain));
      return out;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
