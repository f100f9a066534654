// A reader in its own process (table-swap-process.test.ts): opens the lake's local engine and, for each line on stdin,
// reads `default.dim` once and prints its ids (or the error), so the writing process can read after every step.
import { createInterface } from 'node:readline';
import { AthenaLocalEngine } from '../../../src/engines/local/engine.js';

const engine = await AthenaLocalEngine.open({ lakeRoot: process.argv[2], threads: 1, command: 'reader' });
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'stop') break;
  let text: string;
  try {
    text = (await engine.execute('SELECT id FROM "default"."dim" ORDER BY id')).rows.map((r) => String(r[0])).join(',');
  } catch (error) {
    text = `error: ${(error as Error).message.split('\n')[0]}`;
  }
  process.stdout.write(`${text}\n`);
}
await engine.close();
// stdin is still open (the parent's pipe): leave without waiting for it.
process.exit(0);
