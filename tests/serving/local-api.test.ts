// `lake api` answered over real HTTP on 127.0.0.1, against a lake where the example project's served tables were
// written by a pipeline run (CategoryKPIs keyed by category#order_date, OrderKPIs by order_date, CustomerFeatures by
// customer_id): the contract of src/serving/lookup.ts, item for item what the serving step stored.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runApi } from '../../src/cli/commands/api-run.js';
import { JsonFileKeyValueStore } from '../../src/storage/kv-store/json-file.js';
import { servingStorePath } from '../../src/serving/local-api.js';
import { captureIo } from '../helpers/io.js';
import { day, openExampleLake, REPO_ROOT, type ExampleLake } from '../pipeline/example/harness.js';

type Items = Record<string, { value: Record<string, unknown> }>;
const itemsOf = (lakeRoot: string, table: string): Items => (JSON.parse(readFileSync(servingStorePath(lakeRoot, table), 'utf8')) as { items: Items }).items;

let lake: ExampleLake;
let base: string;
let stop: () => void;
let finished: Promise<number>;
const io = captureIo(REPO_ROOT);

beforeAll(async () => {
  lake = await openExampleLake();
  lake.ctx.servingStore = (table) => new JsonFileKeyValueStore(servingStorePath(lake.lake, table));
  await lake.run('+p2_order_kpis +p2_category_kpis +p5_customer_features', day(0), day(3));
  // The real command, as `lake api --port 0 --lake <dir>` runs it from the project folder.
  finished = runApi({ port: '0', lake: lake.lake }, io, new Promise<void>((done) => (stop = done)));
  for (let i = 0; i < 200 && !/Lookup API at (\S+)/.test(io.out); i++) await new Promise((r) => setTimeout(r, 25));
  base = /Lookup API at (\S+)/.exec(io.out)?.[1] ?? '';
  expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
}, 180_000);

afterAll(async () => {
  stop?.();
  expect(await finished).toBe(0);
  await lake?.close();
});

const get = async (path: string) => {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as unknown };
};

describe('lake api', () => {
  it('lists every served table of the project with its key', () => {
    expect(io.out).toContain('/v1/CategoryKPIs/<category#order_date>');
    expect(io.out).toContain('/v1/OrderKPIs/<order_date>');
    expect(io.out).toContain('/v1/CustomerFeatures/<customer_id>');
  });

  it.each(['CategoryKPIs', 'OrderKPIs', 'CustomerFeatures'])('answers every %s item as the serving step stored it', async (table) => {
    const items = Object.entries(itemsOf(lake.lake, table));
    expect(items.length).toBeGreaterThan(0);
    for (const [key, item] of items) {
      const answer = await get(`/v1/${table}/${encodeURIComponent(key)}`);
      expect(answer).toEqual({ status: 200, type: 'application/json; charset=utf-8', body: item.value });
    }
  });

  it('takes a composite key as the key columns joined with # and URL-encoded', async () => {
    const [key, item] = Object.entries(itemsOf(lake.lake, 'CategoryKPIs'))[0];
    const [category, orderDate] = key.split('#');
    expect(item.value).toMatchObject({ category, order_date: orderDate });
    expect(await get(`/v1/CategoryKPIs/${encodeURIComponent(category)}%23${orderDate}`)).toMatchObject({ status: 200, body: item.value });
  });

  it('answers 404 not_found for an unknown key, an unknown table and a path outside /v1/<Table>/<key>', async () => {
    const notFound = { status: 404, body: { error: 'not_found' } };
    expect(await get('/v1/OrderKPIs/1999-01-01')).toMatchObject(notFound);
    expect(await get('/v1/CategoryKPIs/no-such-category%231999-01-01')).toMatchObject(notFound);
    expect(await get('/v1/NoSuchTable/x')).toMatchObject(notFound);
    expect(await get('/v1/p2_order_kpis/2025-03-07')).toMatchObject(notFound);
    expect(await get('/v2/OrderKPIs/2025-03-07')).toMatchObject(notFound);
    expect(await get('/v1/OrderKPIs/2025/03')).toMatchObject(notFound);
  });

  it('answers 400 for a malformed key: wrong number of parts, empty, or broken URL encoding', async () => {
    expect(await get('/v1/CategoryKPIs/Electronics')).toMatchObject({
      status: 400,
      body: { error: 'bad_request', message: expect.stringContaining('category#order_date') },
    });
    expect(await get('/v1/OrderKPIs/2025-03-07%23extra')).toMatchObject({ status: 400 });
    expect(await get('/v1/OrderKPIs/')).toMatchObject({ status: 400 });
    expect(await get('/v1/OrderKPIs/%E0%A4%A')).toMatchObject({ status: 400, body: { error: 'bad_request' } });
  });

  it('refuses writes with 405', async () => {
    const response = await fetch(`${base}/v1/OrderKPIs/x`, { method: 'DELETE' });
    expect(response.status).toBe(405);
  });

  it('serves what a later run wrote without a restart', async () => {
    const path = servingStorePath(lake.lake, 'OrderKPIs');
    const before = readFileSync(path, 'utf8');
    try {
      await new JsonFileKeyValueStore(path).put('2030-01-01', { order_date: '2030-01-01', orders: 1 });
      expect(await get('/v1/OrderKPIs/2030-01-01')).toMatchObject({ status: 200, body: { order_date: '2030-01-01', orders: 1 } });
    } finally {
      writeFileSync(path, before);
    }
  });
});

describe('lake api refusals', () => {
  it('refuses a port that is not a number with exit 1', async () => {
    const bad = captureIo(REPO_ROOT);
    await expect(runApi({ port: 'http', lake: lake.lake }, bad, Promise.resolve())).rejects.toMatchObject({
      message: expect.stringMatching(/--port must be a port number/),
      options: { exitCode: 1 },
    });
  });
});
