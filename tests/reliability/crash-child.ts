// A runner process for the SIGKILL tests (bundled by crash.test.ts). It prints what it is about to do, one line per
// step, so the test can kill it at a chosen point; `pause-after-delete` makes it stop between an incremental batch's
// delete and its insert (Athena's batched plan, driven through a traced engine), so a kill lands exactly there.
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import type { Engine } from '../../src/engines/engine.js';
import { LocalObjectStore } from '../../src/storage/object-store/index.js';
import { PipelineLock } from '../../src/ingest/landing/pipeline-lock.js';
import { STRATEGIES } from '../../src/pipeline/materialize/index.js';
import { BIG_MERGE, incrementalRequest, SETUP_DIM } from './crash-sql.js';

const [mode, lakeRoot, arg] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);
const forever = () => new Promise<never>(() => setInterval(() => undefined, 60_000));

if (mode === 'lock') {
  const attempt = await new PipelineLock(arg).tryAcquire();
  say(attempt.acquired ? 'locked' : 'busy');
  await forever();
}

const engine = await AthenaLocalEngine.open({ lakeRoot, database: 'mart' });
if (mode === 'incremental') {
  await engine.execute('CREATE DATABASE IF NOT EXISTS mart');
  const store = new LocalObjectStore(lakeRoot);
  let deletes = 0;
  const objectStore = Object.assign(Object.create(store) as LocalObjectStore, {
    deletePrefix: async (bucket: string, prefix: string) => {
      const n = await store.deletePrefix(bucket, prefix);
      // The first batch holds 100 partitions: pause once the second batch's folders are gone, before its INSERT.
      if (++deletes === 200 && arg === 'pause-after-delete') {
        say('deleted');
        await forever();
      }
      return n;
    },
  });
  const traced: Engine = {
    name: engine.name,
    capabilities: engine.capabilities,
    execute: (sql, options) => {
      say(`statement ${sql.trimStart().split(/\s/)[0]}`);
      return engine.execute(sql, options);
    },
    close: () => engine.close(),
  };
  await STRATEGIES.incremental(incrementalRequest, { engine: traced, objectStore });
  say('done');
} else if (mode === 'incremental-native') {
  // The local engine's own write (replacePartitions: one COPY, then publish-then-delete per partition); `loop` runs
  // it again and again so that a kill after any delay lands inside some run.
  await engine.execute('CREATE DATABASE IF NOT EXISTS mart');
  const objectStore = new LocalObjectStore(lakeRoot);
  for (let round = 1; ; round++) {
    say(`incremental ${round} start`);
    await STRATEGIES.incremental(incrementalRequest, { engine, objectStore });
    say(`incremental ${round} done`);
    if (arg !== 'loop') break;
  }
  say('done');
} else if (mode === 'merge') {
  if (arg === 'setup') {
    for (const sql of SETUP_DIM) await engine.execute(sql);
    say('ready');
  } else {
    for (let round = 1; ; round++) {
      say(`merge ${round} start`);
      await engine.execute(BIG_MERGE);
      say(`merge ${round} done`);
    }
  }
}
await engine.close();
