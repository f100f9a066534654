// Binding a large project's nodes in worker threads, one scratch engine each (bind-shards.ts): binding is DuckDB work
// on the calling thread, so one engine uses one core. Workers need the bundled CLI (dist/bind-worker.js); elsewhere
// (tests, small projects) binding stays in one engine of this thread.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Project } from '../project/model.js';
import { projectData, shardOwners, type ProjectData, type ShardResult } from './bind-shards.js';
import type { TranslationBatch, TranslationFeed } from './translation-feed.js';
import { bundledWorkerScript } from './worker-script.js';

export interface BindWorkerData {
  project: ProjectData;
  shard: number;
  owners: Array<[string, number]>;
  /** Models whose translation lint's rules send (TranslationFeed.awaited). */
  awaited?: readonly string[];
}

/** A bind worker's results, in the order it bound their nodes (bind-worker.ts). */
export interface ShardResults {
  results: ShardResult[];
}

/** Below this many nodes to bind, the workers' start (a bundle and an engine each, ~0.3 s of CPU) does not pay off. */
export const BIND_PARALLEL_THRESHOLD = 200;

/** The bundled worker script beside the CLI bundle, if this code runs from the bundle. */
const workerScript = (): string | undefined => bundledWorkerScript('bind-worker.js', import.meta.url);

/**
 * How many worker threads to bind `project` in: 0 (bind in this thread) when one engine is as good, else one, beside
 * this thread's syntax check and rules. Since models of one shape share a bind (src/engines/local/bind-cache.ts), a
 * second engine costs more than it saves: its bundle, JIT, DDL and the upstream tables copied into it (1,000 bench
 * models, medians of 3 rounds at load ~23: one worker 6.7 s CPU / 24 s wall, two 9.6 s / 33 s, none 6.7 s / 26 s).
 */
export function bindThreads(project: Project): number {
  const nodes = project.nodes.filter((n) => n.kind !== 'ddl' && (n.kind === 'alert' || n.produces.length > 0)).length;
  return nodes >= BIND_PARALLEL_THRESHOLD && availableParallelism() > 1 && workerScript() ? 1 : 0;
}

/** Results of every node, bound in `threads` worker threads; each result is forwarded to the other workers. */
export function bindInWorkers(project: Project, threads: number, feed?: TranslationFeed): Promise<Map<string, ShardResult>> {
  const script = workerScript();
  if (!script) return Promise.reject(new Error('lake lint: the bind worker (dist/bind-worker.js) is missing'));
  const owners = [...shardOwners(project, threads)];
  const data = projectData(project);
  const results = new Map<string, ShardResult>();
  const workerData = (shard: number): BindWorkerData => ({ project: data, shard, owners, ...(feed ? { awaited: feed.awaited } : {}) });
  const workers = Array.from({ length: threads }, (_, shard) => new Worker(script, { workerData: workerData(shard) }));
  // Each model's translation goes to the worker that binds it, in one message per worker and batch.
  const byId = new Map(owners);
  feed?.listen((posts) =>
    workers.forEach((worker, shard) => {
      const mine = posts.filter((post) => (byId.get(post.translated) ?? 0) === shard);
      if (mine.length > 0) worker.postMessage({ posts: mine } satisfies TranslationBatch);
    }),
  );
  return new Promise<Map<string, ShardResult>>((resolve, reject) => {
    let running = threads;
    const fail = (error: Error) => {
      for (const worker of workers) void worker.terminate();
      reject(error);
    };
    workers.forEach((worker, shard) => {
      worker
        .on('message', (message: ShardResults | 'done') => {
          if (message === 'done') {
            if (--running === 0) {
              for (const w of workers) void w.terminate();
              resolve(results);
            }
            return;
          }
          for (const result of message.results) {
            results.set(result.id, result);
            workers.forEach((other, k) => k !== shard && other.postMessage(result));
          }
        })
        .on('error', fail)
        .on('exit', (code) => {
          if (running > 0 && code !== 0) fail(new Error(`lake lint: a bind worker stopped (exit code ${code})`));
        });
    });
  });
}
