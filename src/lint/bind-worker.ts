// Worker thread for `lake lint` on large projects: binds one shard of the project's nodes in an engine of its own
// (bind-shards.ts). Results go to the main thread, which forwards those of the other shards this one waits for, and
// sends the translations lint's rules made of the models (translation-feed.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { bindShard, projectOf, resultBoard, type ShardResult } from './bind-shards.js';
import type { BindWorkerData, ShardResults } from './bind-pool.js';
import { translationBoard, type TranslationBatch } from './translation-feed.js';

const { project, shard, owners, awaited } = workerData as BindWorkerData;
const board = resultBoard();
const translations = awaited ? translationBoard(awaited) : undefined;
parentPort!.on('message', (message: ShardResult | TranslationBatch) => {
  if ('posts' in message) for (const post of message.posts) translations?.receive(post);
  else board.post(message);
});
// Results go in batches (one message each cost ~10 % of this thread on the bench's 1,000 models, issue 18), sent
// before this shard waits for another's result (that shard may wait for these) and at the end.
const unsent: ShardResult[] = [];
const send = () => {
  if (unsent.length > 0) parentPort!.postMessage({ results: unsent.splice(0) } satisfies ShardResults);
};
await bindShard(projectOf(project), shard, new Map(owners), {
  post: (result) => {
    unsent.push(result);
    if (unsent.length >= 64) send();
  },
  result: (id) => {
    send();
    return board.result(id);
  },
  ...(translations ? { translations: translations.translations } : {}),
});
send();
parentPort!.postMessage('done');
