// Worker thread for `lake lint` on large projects: runs the per-file checks on the SQL bodies it is sent. Warms the
// grammars up as soon as it starts, while the main thread is still loading the project.
import { parentPort } from 'node:worker_threads';
import type { CheckJob, CheckReply } from './check-pool.js';
import { checkFile } from './file-checks.js';

checkFile({ parse: true, sql: "WITH a AS (SELECT x, count(*) AS n FROM t WHERE d >= DATE '2025-01-01' GROUP BY 1) SELECT * FROM a JOIN b ON a.x = b.x" });
checkFile({ parse: true, sql: "CREATE EXTERNAL TABLE IF NOT EXISTS t (a STRING) PARTITIONED BY (dt STRING) STORED AS PARQUET LOCATION 's3://b/t/'" });

parentPort!.on('message', (job: CheckJob) => {
  const reply: CheckReply = { id: job.id, results: job.items.map(checkFile) };
  parentPort!.postMessage(reply);
});
