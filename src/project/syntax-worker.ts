// Worker thread for `lake lint` on large projects: checks the syntax of the SQL bodies it is sent. Warms the grammars
// up as soon as it starts, while the main thread is still loading the project.
import { parentPort } from 'node:worker_threads';
import { checkSyntax } from './syntax.js';
import type { SyntaxJob, SyntaxReply } from './syntax-pool.js';

checkSyntax("WITH a AS (SELECT x, count(*) AS n FROM t WHERE d >= DATE '2025-01-01' GROUP BY 1) SELECT * FROM a JOIN b ON a.x = b.x");
checkSyntax("CREATE EXTERNAL TABLE IF NOT EXISTS t (a STRING) PARTITIONED BY (dt STRING) STORED AS PARQUET LOCATION 's3://b/t/'");

parentPort!.on('message', (job: SyntaxJob) => {
  const reply: SyntaxReply = { id: job.id, diagnostics: job.items.map((item) => checkSyntax(item.sql, item)) };
  parentPort!.postMessage(reply);
});
