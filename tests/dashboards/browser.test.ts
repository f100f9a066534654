// The real thing: the built site and the live server in headless Chromium. Every page loads without console errors,
// every chart draws as many points as SQL over its view says it should, and filters change what is drawn.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboards } from '../../src/dashboards/build.js';
import { loadDashboards } from '../../src/dashboards/load.js';
import { startDashboardServer, type DashboardServer } from '../../src/dashboards/serve.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { collectErrors, launchChromium, renderedVisuals, screenshot } from './browser.js';
import { expectChartsMatchSql, nextRender, staticServer } from './expected.js';
import { prepareShop, type Shop } from './fixture.js';

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
        await expectChartsMatchSql(page, engine, 'shop', dashboard.visuals);
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
      await expectChartsMatchSql(page, engine, 'shop', visuals, { channel: "channel = 'web'" });
      const webRevenue = (await engine.execute("SELECT sum(revenue) FROM shop.daily_sales WHERE channel = 'web'")).rows[0][0];
      const after = await page.locator('[data-visual="revenue_total"] .kpi-value').textContent();
      expect(after).not.toBe(before);
      expect(after).toBe(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(Number(webRevenue)));

      await page.fill('input[name="period.from"]', '2024-03-03');
      await page.locator('input[name="period.from"]').dispatchEvent('change');
      await nextRender(page, '2');
      await expectChartsMatchSql(page, engine, 'shop', visuals, { channel: "channel = 'web'", order_date: "order_date >= DATE '2024-03-03'" });
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
      await expectChartsMatchSql(page, engine, 'shop', visuals);

      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.selectOption('select[name="channel"]', 'store');
      await nextRender(page, '1');
      expect(requests.some((url) => url.includes('/api/dashboards/sales/data?channel=store'))).toBe(true);
      await expectChartsMatchSql(page, engine, 'shop', visuals, { channel: "channel = 'store'" });

      await engine.execute("INSERT INTO shop.orders VALUES (99, DATE '2024-03-06', 'phone', 'delivered', CAST(1000.00 AS DECIMAL(10,2)), 42)");
      // The filter is in the URL: a reload keeps it (and the server pushes it down); without it, everything shows.
      await page.reload();
      await page.waitForSelector('body[data-renders="1"]');
      expect(await page.locator('select[name="channel"]').inputValue()).toBe('store');
      await expectChartsMatchSql(page, engine, 'shop', visuals, { channel: "channel = 'store'" });
      await page.goto(`${server.url}sales.html`);
      await page.waitForSelector('body[data-renders="1"]');
      const channels = await page.locator('select[name="channel"] option').allTextContents();
      expect(channels).toContain('phone');
      await expectChartsMatchSql(page, engine, 'shop', visuals);
      await screenshot(page, 'live-sales');
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
