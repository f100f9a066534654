// Worker thread for `lake lint` on large projects: binds one shard of the project's nodes in an engine of its own
// (bind-shards.ts). Results go to the main thread, which forwards those of the other shards this one waits for.
import { parentPort, workerData } from 'node:worker_threads';
import { bindShard, projectOf, resultBoard, type ShardResult } from './bind-shards.js';
import type { BindWorkerData } from './bind-pool.js';

const { project, shard, owners } = workerData as BindWorkerData;
const board = resultBoard();
parentPort!.on('message', (result: ShardResult) => board.post(result));
await bindShard(projectOf(project), shard, new Map(owners), {
  post: (result) => parentPort!.postMessage(result),
  result: board.result,
});
parentPort!.postMessage('done');
