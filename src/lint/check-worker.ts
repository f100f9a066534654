// Worker thread for `lake lint` on large projects: runs the per-file checks on the SQL bodies it is sent. Warms the
// grammars up as soon as it starts (it is only started for files outside the Trino subset, which need them).
import { parentPort } from 'node:worker_threads';
import type { CheckJob, CheckReply } from './check-pool.js';
import { checkFile, type FileCheckResult } from './file-checks.js';
import { ShapeTranslations } from './shape-translations.js';

// A lambda and UNNEST are outside the subset: this warms the Trino grammar up.
await checkFile({ parse: true, sql: 'WITH a AS (SELECT x, transform(xs, v -> v + 1) AS ys FROM t) SELECT * FROM a CROSS JOIN UNNEST(ys) AS u(y)' });
await checkFile({ parse: true, sql: "CREATE EXTERNAL TABLE IF NOT EXISTS t (a STRING) PARTITIONED BY (dt STRING) STORED AS PARQUET LOCATION 's3://b/t/'" });

// One lint run per worker: its queries of one shape share a translation (shape-translations.ts).
const shapes = new ShapeTranslations();
parentPort!.on('message', async (job: CheckJob) => {
  const results: FileCheckResult[] = [];
  for (const item of job.items) results.push(await checkFile(item, shapes));
  const reply: CheckReply = { id: job.id, results };
  parentPort!.postMessage(reply);
});
