// The real thing: the built site and the live server in headless Chromium. Every page loads without console errors,
// every chart draws as many points as SQL over its view says it should, and filters change what is drawn.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboards } from '../../src/dashboards/build.js';
import type { VisualDefinition } from '../../src/dashboards/definition.js';
import { loadDashboards } from '../../src/dashboards/load.js';
import { resolveSiteFile, startDashboardServer, type DashboardServer } from '../../src/dashboards/serve.js';
import { AthenaLocalEngine } from '../../src/dialect/local-engine.js';
import { collectErrors, launchChromium, renderedVisuals, screenshot } from './browser.js';
import { prepareShop, type Shop } from './fixture.js';

/** Points a visual should draw, counted by SQL over its view: one per (x, series) group with a value, etc. */
async function expectedPoints(engine: AthenaLocalEngine, visual: VisualDefinition, where: string[]): Promise<number> {
  const conditions = (extra: string[]) => [...where, ...extra];
  const whereSql = (extra: string[] = []) => (conditions(extra).length ? ` WHERE ${conditions(extra).join(' AND ')}` : '');
  const measured = visual.aggregation === 'count' ? [] : [`${visual.y} IS NOT NULL`];
  const from = `shop.${visual.view}`;
  let sql: string;
  switch (visual.type) {
    case 'table':
      sql = `SELECT least(count(*), ${visual.limit}) FROM ${from}${whereSql()}`;
      break;
    case 'kpi':
    case 'gauge':
      sql = visual.aggregation === 'count' ? 'SELECT 1' : `SELECT CASE WHEN count(${visual.y}) > 0 THEN 1 ELSE 0 END FROM ${from}${whereSql()}`;
      break;
    case 'pie':
    case 'donut':
      sql = `SELECT count(*) FROM (SELECT DISTINCT ${visual.x} FROM ${from}${whereSql(measured)})`;
      break;
    default:
      sql = `SELECT count(*) FROM (SELECT DISTINCT ${[visual.x, visual.series].filter(Boolean).join(', ')} FROM ${from}${whereSql(measured)})`;
  }
  return Number((await engine.execute(sql)).rows[0][0]);
}

const viewHas = async (engine: AthenaLocalEngine, view: string, column: string) =>
  (await engine.execute(`SELECT * FROM shop.${view} LIMIT 0`)).columns.some((c) => c.name === column);

/** Checks every visual on the page against SQL, with `filters` (column → SQL condition) applied where the view has the column. */
async function expectChartsMatchSql(page: Page, engine: AthenaLocalEngine, visuals: VisualDefinition[], filters: Record<string, string> = {}) {
  const rendered = await renderedVisuals(page);
  expect(rendered.map((v) => v.id)).toEqual(visuals.map((v) => v.id));
  for (const visual of visuals) {
    const where: string[] = [];
    for (const [column, condition] of Object.entries(filters)) if (await viewHas(engine, visual.view, column)) where.push(condition);
    const expected = await expectedPoints(engine, visual, where);
    const actual = rendered.find((v) => v.id === visual.id)!;
    expect({ id: visual.id, rendered: actual.rendered, reported: actual.reported }).toEqual({ id: visual.id, rendered: expected, reported: expected });
    expect(expected).toBeGreaterThan(0);
  }
}

const nextRender = async (page: Page, previous: string | null) =>
  page.waitForFunction((before) => document.body.dataset.renders !== before && !document.body.dataset.loading, previous);

function staticServer(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    try {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      res.end(readFileSync(resolveSiteFile(root, path === '/' ? '/index.html' : path)));
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('dashboards in Chromium', () => {
  let shop: Shop;
  let engine: AthenaLocalEngine;
  let browser: BrowserContext;
  const dashboards = () => loadDashboards(shop.root, { database: 'shop' });

  beforeAll(async () => {
    shop = await prepareShop();
    engine = await AthenaLocalEngine.open({ lakeRoot: shop.lakeRoot });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await engine?.close();
  });

  describe('the static site', () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      const site = join(shop.root, 'site');
      await buildDashboards({ project: shop.project, engine, outDir: site });
      server = await staticServer(site);
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('index links every dashboard', async () => {
      const page = await browser.newPage();
      const errors = collectErrors(page);
      await page.goto(base);
      const links = await page.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual(['operations.html', 'sales.html']);
      expect(errors).toEqual([]);
      await page.close();
    });

    it('every dashboard loads without console errors and draws the points its views hold', async () => {
      for (const dashboard of dashboards()) {
        const page = await browser.newPage();
        const errors = collectErrors(page);
        await page.goto(`${base}${dashboard.name}.html`);
        await page.waitForSelector('body[data-renders="1"]');
        await expectChartsMatchSql(page, engine, dashboard.visuals);
        await screenshot(page, `static-${dashboard.name}`);
        expect(errors).toEqual([]);
        await page.close();
      }
    });

    it('the revenue line draws exactly one point per row of its view', async () => {
      const page = await browser.newPage();
      await page.goto(`${base}sales.html`);
      await page.waitForSelector('body[data-renders="1"]');
      const rows = Number((await engine.execute('SELECT count(*) FROM shop.daily_sales')).rows[0][0]);
      const trend = (await renderedVisuals(page)).find((v) => v.id === 'revenue_trend')!;
      expect(trend.rendered).toBe(rows);
      await page.close();
    });

    it('channel and date filters change the charts', async () => {
      const page = await browser.newPage();
      const errors = collectErrors(page);
      await page.goto(`${base}sales.html`);
      await page.waitForSelector('body[data-renders="1"]');
      const visuals = dashboards().find((d) => d.name === 'sales')!.visuals;
      const before = await page.locator('[data-visual="revenue_total"] .kpi-value').textContent();

      await page.selectOption('select[name="channel"]', 'web');
      await nextRender(page, '1');
      await expectChartsMatchSql(page, engine, visuals, { channel: "channel = 'web'" });
      const webRevenue = (await engine.execute("SELECT sum(revenue) FROM shop.daily_sales WHERE channel = 'web'")).rows[0][0];
      const after = await page.locator('[data-visual="revenue_total"] .kpi-value').textContent();
      expect(after).not.toBe(before);
      expect(after).toBe(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(Number(webRevenue)));

      await page.fill('input[name="period.from"]', '2024-03-03');
      await page.locator('input[name="period.from"]').dispatchEvent('change');
      await nextRender(page, '2');
      await expectChartsMatchSql(page, engine, visuals, { channel: "channel = 'web'", order_date: "order_date >= DATE '2024-03-03'" });
      await screenshot(page, 'static-sales-filtered');
      expect(errors).toEqual([]);
      await page.close();
    });
  });

  describe('lake dashboard serve', () => {
    let server: DashboardServer;
    beforeAll(async () => {
      server = await startDashboardServer({ project: shop.project, engine, siteDir: join(shop.root, 'live-site'), port: 0 });
    });
    afterAll(() => server.close());

    it('pushes filters down to the engine and shows new data on refresh', async () => {
      const page = await browser.newPage();
      const errors = collectErrors(page);
      await page.goto(`${server.url}sales.html`);
      await page.waitForSelector('body[data-renders="1"]');
      expect(await page.locator('#status').textContent()).toMatch(/\(live\)/);
      const visuals = dashboards().find((d) => d.name === 'sales')!.visuals;
      await expectChartsMatchSql(page, engine, visuals);

      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.selectOption('select[name="channel"]', 'store');
      await nextRender(page, '1');
      expect(requests.some((url) => url.includes('/api/dashboards/sales/data?channel=store'))).toBe(true);
      await expectChartsMatchSql(page, engine, visuals, { channel: "channel = 'store'" });

      await engine.execute(
        "INSERT INTO shop.orders VALUES (99, DATE '2024-03-06', 'phone', 'delivered', CAST(1000.00 AS DECIMAL(10,2)), 42)",
      );
      await page.reload();
      await page.waitForSelector('body[data-renders="1"]');
      const channels = await page.locator('select[name="channel"] option').allTextContents();
      expect(channels).toContain('phone');
      await expectChartsMatchSql(page, engine, visuals);
      await screenshot(page, 'live-sales');
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
