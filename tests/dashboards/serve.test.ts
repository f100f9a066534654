// The live server: loopback only, only the site's own files, filters validated and pushed down into SQL.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboardServer, type DashboardServer } from '../../src/dashboards/serve.js';
import { viewQuery } from '../../src/dashboards/query.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import type { Engine } from '../../src/engines/engine.js';
import { prepareShop, type Shop } from './fixture.js';

/** A raw GET, so paths reach the server exactly as written (fetch would normalize `..`); `host` overrides Host. */
function get(url: string, path: string, host?: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET', headers: host === undefined ? {} : { host } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Whether a TCP connection to host:port is accepted. */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('lake dashboard serve', () => {
  let shop: Shop;
  let engine: AthenaLocalEngine;
  let server: DashboardServer;
  let site: string;

  beforeAll(async () => {
    shop = await prepareShop();
    engine = await AthenaLocalEngine.open({ lakeRoot: shop.lakeRoot });
    site = join(shop.root, 'site');
    mkdirSync(site, { recursive: true });
    writeFileSync(join(shop.root, 'secret.txt'), 'do not serve');
    symlinkSync(join(shop.root, 'secret.txt'), join(site, 'link.txt'));
    server = await startDashboardServer({ project: shop.project, engine, siteDir: site, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await engine.close();
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const port = Number(new URL(server.url).port);
    expect(await connects('127.0.0.1', port)).toBe(true);
    // 127.0.0.2 is this machine too (Linux routes all of 127/8 to loopback), but not the bound address: a server on
    // 0.0.0.0 or :: (every interface) would accept it.
    expect(await connects('127.0.0.2', port)).toBe(false);
  });

  it('serves the index, pages rendered from fresh queries, assets and live.js', async () => {
    expect((await get(server.url, '/')).body).toContain('href="sales.html"');
    const page = await get(server.url, '/sales.html');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>Shop sales</h1>');
    expect((await get(server.url, '/live.js')).body).toBe('window.LAKE_LIVE = true;\n');
    expect((await get(server.url, '/assets/echarts.min.js')).status).toBe(200);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/link.txt',
    '/%00',
  ])('refuses %s', async (path) => {
    const response = await get(server.url, path);
    expect([400, 403, 404]).toContain(response.status);
    expect(response.body).not.toContain('do not serve');
  });

  it('answers filter changes with data filtered in SQL', async () => {
    const response = await get(server.url, '/api/dashboards/sales/data?channel=app&period.from=2024-03-02');
    expect(response.status).toBe(200);
    const data = JSON.parse(response.body);
    const expected = await engine.execute("SELECT * FROM shop.daily_sales WHERE channel = 'app' AND order_date >= DATE '2024-03-02'");
    expect(data.views.daily_sales.rows).toHaveLength(expected.rows.length);
    expect(new Set(data.views.daily_sales.rows.map((r: unknown[]) => r[1]))).toEqual(new Set(['app']));
    // fulfilment has no channel column: only the date applies.
    expect(data.views.fulfilment.rows).toHaveLength(4);
    expect(data.filterOptions.channel.values).toEqual(['app', 'store', 'web']);
  });

  it('rejects bad filter values and unknown dashboards', async () => {
    expect(await get(server.url, "/api/dashboards/sales/data?period.from=2024-03-02'%20OR%201=1")).toMatchObject({ status: 400 });
    expect(await get(server.url, '/api/dashboards/sales/data?colour=red')).toMatchObject({ status: 400 });
    expect(await get(server.url, '/api/dashboards/nope/data')).toMatchObject({ status: 404 });
  });

  it('treats filter values as data, whatever they look like (an S3 location with `..` is just text)', async () => {
    for (const value of ['s3://b/../x', "s3://b/./k' OR '1'='1", 'EXPLAIN COPY']) {
      const response = await get(server.url, `/api/dashboards/sales/data?channel=${encodeURIComponent(value)}`);
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body).views.daily_sales.rows).toEqual([]);
    }
  });

  it('answers only requests addressed to the loopback names with its port (DNS rebinding)', async () => {
    const { port } = new URL(server.url);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) expect((await get(server.url, '/', host)).status).toBe(200);
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${Number(port) + 1}`, `localhost.evil.example:${port}`]) {
      const response = await get(server.url, '/api/dashboards/sales/data', host);
      expect(response.status).toBe(403);
      expect(response.body).not.toContain('daily_sales');
    }
  });

  it('quotes filter values as literals', () => {
    expect(
      viewQuery('shop', 'v', [{ name: 'channel', type: 'varchar' }], [{ id: 'c', type: 'select', column: 'channel' }], { c: { value: "x' OR '1'='1" } }),
    ).toBe(`SELECT * FROM "shop"."v" WHERE "channel" = 'x'' OR ''1''=''1'`);
    expect(viewQuery('shop', 'v', [{ name: 'rating', type: 'integer' }], [{ id: 'r', type: 'select', column: 'rating' }], { r: { value: '5' } })).toBe(
      `SELECT * FROM "shop"."v" WHERE CAST("rating" AS VARCHAR) = '5'`,
    );
  });
});

describe('site folder', () => {
  it('is created when missing', async () => {
    const shop = await prepareShop();
    const engine = await AthenaLocalEngine.open({ lakeRoot: shop.lakeRoot });
    const server = await startDashboardServer({
      project: shop.project,
      engine,
      siteDir: join(mkdtempSync(join(tmpdir(), 'lake-site-')), 'new', 'site'),
      port: 0,
    });
    expect((await get(server.url, '/assets/dashboard.js')).status).toBe(200);
    await server.close();
    await engine.close();
  });
});

describe('query queue', () => {
  it('answers 503 at once beyond the bound instead of making a request wait for everyone ahead of it', async () => {
    const shop = await prepareShop();
    const engine = await AthenaLocalEngine.open({ lakeRoot: shop.lakeRoot });
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let started = 0;
    const gated: Engine = {
      name: engine.name,
      capabilities: engine.capabilities,
      execute: async (sql, options) => {
        started++;
        await gate;
        return engine.execute(sql, options);
      },
      close: () => engine.close(),
    };
    const site = join(shop.root, 'site');
    const server = await startDashboardServer({ project: shop.project, engine: gated, siteDir: site, port: 0, maxQueuedQueries: 2 });
    try {
      const running = get(server.url, '/api/dashboards/sales/data');
      await until(() => started === 1);
      const later = [get(server.url, '/api/dashboards/sales/data'), get(server.url, '/sales.html'), get(server.url, '/api/dashboards/operations/data')];
      // One request runs (held at the gate) and two may wait: whichever comes third is turned away while the gate is shut.
      const first = await Promise.race(later);
      expect(first.status).toBe(503);
      expect(first.body).toMatch(/busy/);
      open();
      expect((await Promise.all([running, ...later])).map((r) => r.status).sort()).toEqual([200, 200, 200, 503]);
      expect((await get(server.url, '/api/dashboards/operations/data')).status).toBe(200);
    } finally {
      open();
      await server.close();
      await engine.close();
    }
  });
});

/** Waits for pending I/O until `done()` holds; the 20 s cap only turns a broken case into a failure, not a hang. */
async function until(done: () => boolean): Promise<void> {
  for (let poll = 0; poll < 2000 && !done(); poll++) await new Promise<void>((resolve) => setTimeout(resolve, 10));
  expect(done()).toBe(true);
}
