// Worker thread for `lake lint` on large projects: binds one shard of the project's nodes in an engine of its own
// (bind-shards.ts). Results go to the main thread, which forwards those of the other shards this one waits for, and
// sends the translations lint's rules made of the models (translation-feed.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { bindShard, projectOf, resultBoard, type ShardResult } from './bind-shards.js';
import type { BindWorkerData } from './bind-pool.js';
import { translationBoard, type TranslationBatch } from './translation-feed.js';

const { project, shard, owners, awaited } = workerData as BindWorkerData;
const board = resultBoard();
const translations = awaited ? translationBoard(awaited) : undefined;
parentPort!.on('message', (message: ShardResult | TranslationBatch) => {
  if ('posts' in message) for (const post of message.posts) translations?.receive(post);
  else board.post(message);
});
await bindShard(projectOf(project), shard, new Map(owners), {
  post: (result) => parentPort!.postMessage(result),
  result: board.result,
  ...(translations ? { translations: translations.translations } : {}),
});
parentPort!.postMessage('done');
