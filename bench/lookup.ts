// The lookup API (`lake api`) under load: a served table of `items` items written the way the serving step writes
// them (JsonFileKeyValueStore.putMany), the local API on 127.0.0.1, and `count` sequential GETs of random keys over
// real HTTP (keep-alive, as a client library would). Each request's latency is measured; p50/p95 are reported.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { JsonFileKeyValueStore } from '../src/storage/kv-store/json-file.js';
import { servingStorePath, startLocalApi } from '../src/serving/local-api.js';
import { percentile } from './measure.js';

export interface LookupTimes {
  count: number;
  items: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/** Deterministic pseudo-random keys (mulberry32), so every run asks for the same sequence. */
function randomIndexes(seed: number, size: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * size);
  };
}

function get(agent: Agent, port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

export async function timeLookups(count: number, items = 10_000, seed = 42): Promise<LookupTimes> {
  const lake = mkdtempSync(join(tmpdir(), 'lake-bench-lookup-'));
  const table = { name: 'CustomerFeatures', key: ['customer_id'] };
  const keyOf = (i: number) => `C${String(i).padStart(6, '0')}`;
  await new JsonFileKeyValueStore(servingStorePath(lake, table.name)).putMany(
    Array.from(
      { length: items },
      (_, i) =>
        [keyOf(i), { customer_id: keyOf(i), interaction_count_7d: i % 97, avg_rating_7d: (i % 50) / 10, last_channel: 'web', date: '2025-03-09' }] as const,
    ),
  );
  const api = await startLocalApi({ lakeRoot: lake, tables: new Map([[table.name, table]]), port: 0 });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const port = Number(new URL(api.url).port);
    const next = randomIndexes(seed, items);
    // Warm-up: the first request parses the table file; a server keeps it parsed until a run replaces it.
    await get(agent, port, `/v1/${table.name}/${keyOf(0)}`);
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const status = await get(agent, port, `/v1/${table.name}/${keyOf(next())}`);
      times.push(performance.now() - started);
      if (status !== 200) throw new Error(`lookup ${i} answered ${status}, expected 200`);
    }
    return { count, items, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), maxMs: Math.max(...times) };
  } finally {
    agent.destroy();
    await api.close();
    rmSync(lake, { recursive: true, force: true });
  }
}
