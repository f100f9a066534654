// What a business user keeps open, in headless Chromium over the fixture shop: titles instead of column names, axis
// ticks without cents, tables that sort, search and download, an empty state that says what to run, the current
// (partial) period marked, filters kept in the URL, a phone-width layout, and KPI changes against the previous period.
// Screenshots of each land in test-artifacts/dashboards/ (ignored by git).
import { readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboards } from '../../src/dashboards/build.js';
import { loadDashboards } from '../../src/dashboards/load.js';
import { startDashboardServer, type DashboardServer } from '../../src/dashboards/serve.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { collectErrors, launchChromium, screenshot } from './browser.js';
import { expectChartsMatchSql, nextRender, staticServer } from './expected.js';
import { prepareShop, type Shop } from './fixture.js';

interface ChartOption {
  xAxis?: Array<{ name: string }>;
  yAxis?: Array<{ name: string }>;
  series: Array<{
    name: string;
    data: Array<number | null | { value: number; itemStyle?: { opacity?: number } }>;
    markArea?: { data: Array<Array<{ xAxis: string }>> };
  }>;
}

/** ECharts' own option of a visual's chart, read back from the page. */
const chartOption = (page: Page, id: string): Promise<ChartOption> =>
  page.evaluate((visual) => {
    const el = document.querySelector(`[data-visual="${visual}"] .chart`)!;
    const echarts = (window as unknown as { echarts: { getInstanceByDom(el: Element): { getOption(): unknown } } }).echarts;
    return JSON.parse(JSON.stringify(echarts.getInstanceByDom(el).getOption())) as ChartOption;
  }, id);

/** Every text the SVG renderer drew for a visual: axis ticks, axis titles, legend entries, marks. */
const drawnTexts = (page: Page, id: string): Promise<string[]> =>
  page.locator(`[data-visual="${id}"] svg text`).evaluateAll((texts) => texts.map((t) => t.textContent ?? '').filter(Boolean));

const tableColumn = (page: Page, id: string, index: number): Promise<string[]> =>
  page.locator(`[data-visual="${id}"] tbody tr td:nth-child(${index + 1})`).allTextContents();

describe('dashboards a business user keeps open', () => {
  let shop: Shop;
  let engine: AthenaLocalEngine;
  let browser: BrowserContext;
  let server: Server;
  let base: string;
  const sql = async (query: string) => (await engine.execute(query)).rows;

  beforeAll(async () => {
    shop = await prepareShop();
    engine = await AthenaLocalEngine.open({ lakeRoot: shop.lakeRoot });
    // A view the pipeline has not filled yet (no order is ever refunded).
    await engine.execute("CREATE VIEW shop.refunds AS SELECT order_date, amount FROM shop.orders WHERE status = 'refunded'");
    writeFileSync(join(shop.root, 'sql', 'dashboards', 'refunds.sql'), "SELECT order_date, amount FROM shop.orders WHERE status = 'refunded'\n");
    writeFileSync(
      join(shop.root, 'sql', 'dashboards', 'refunds.dashboard.yaml'),
      'title: Refunds\nvisuals:\n  - { id: refunds, type: line, title: Refunds per day, view: refunds, x: order_date, y: amount, format: currency }\n',
    );
    // Order times from 2024-01-12 09:15: the first day (data from 09:00) and the first month (from the 12th) are partial.
    await engine.execute(
      "CREATE TABLE shop.order_times AS SELECT * FROM (VALUES (TIMESTAMP '2024-01-12 09:15:00', 10), (TIMESTAMP '2024-01-20 12:00:00', 20), (TIMESTAMP '2024-02-03 08:00:00', 30), (TIMESTAMP '2024-02-28 23:00:00', 40), (TIMESTAMP '2024-03-04 10:00:00', 50), (TIMESTAMP '2024-03-05 09:40:00', 60)) AS t(ordered_at, amount)",
    );
    const coverageViews = {
      orders_daily:
        "SELECT CAST(ordered_at AS DATE) AS order_date, count(*) AS orders, min(min(date_trunc('hour', ordered_at))) OVER () AS data_start FROM shop.order_times GROUP BY CAST(ordered_at AS DATE)",
      orders_monthly:
        "SELECT CAST(date_trunc('month', ordered_at) AS DATE) AS order_month, sum(amount) AS amount, min(min(ordered_at)) OVER () AS data_start FROM shop.order_times GROUP BY date_trunc('month', ordered_at)",
    };
    for (const [view, query] of Object.entries(coverageViews)) {
      await engine.execute(`CREATE VIEW shop.${view} AS ${query}`);
      writeFileSync(join(shop.root, 'sql', 'dashboards', `${view}.sql`), `${query}\n`);
    }
    writeFileSync(
      join(shop.root, 'sql', 'dashboards', 'coverage.dashboard.yaml'),
      [
        'title: Coverage',
        'filters:',
        '  - { id: period, type: date_range, column: order_date }',
        'visuals:',
        '  - { id: daily, type: line, title: Orders per day, view: orders_daily, x: order_date, y: orders, format: integer }',
        '  - { id: daily_bars, type: bar, title: Orders per day, view: orders_daily, x: order_date, y: orders, format: integer }',
        '  - { id: monthly, type: bar, title: Amount per month, view: orders_monthly, x: order_month, y: amount, format: currency }',
        '  - { id: rows, type: table, title: Days, view: orders_daily }',
        '',
      ].join('\n'),
    );
    const site = join(shop.root, 'site');
    // Data as of 10:00 on the fixture's last day: 2024-03-05 is the current, incomplete day.
    await buildDashboards({ project: shop.project, engine, outDir: site, now: new Date('2024-03-05T10:00:00Z') });
    server = await staticServer(site);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await engine?.close();
  });

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`${base}${path}`);
    await page.waitForSelector('body[data-renders="1"]');
    return { page, errors };
  }

  it('titles axes, legends and table headers from column titles, not column names', async () => {
    const { page, errors } = await open('sales.html');
    const trend = await chartOption(page, 'revenue_trend');
    expect([trend.xAxis![0].name, trend.yAxis![0].name]).toEqual(['Order date', 'Net revenue']);
    const byChannel = await chartOption(page, 'orders_by_channel');
    // One series and no `series` column: the legend names the measure.
    expect(byChannel.series.map((s) => s.name)).toEqual(['Orders']);
    expect(byChannel.xAxis![0].name).toBe('Channel');
    expect(await drawnTexts(page, 'revenue_trend')).toEqual(expect.arrayContaining(['Order date', 'Net revenue', 'web']));
    expect(await drawnTexts(page, 'orders_by_channel')).not.toContain('orders');
    expect(await page.locator('[data-visual="detail"] thead th').allTextContents()).toEqual(['Order date', 'Channel', 'Net revenue', 'Orders']);
    expect(await page.locator('[data-visual="detail"] th[data-column="revenue"]').getAttribute('aria-sort')).toBe('descending');
    await screenshot(page, 'business-titles');
    expect(errors).toEqual([]);
    await page.close();
    // A filter without a label is titled like its column ("Order date", not order_date).
    const coverage = await open('coverage.html');
    expect(await coverage.page.locator('.filters label').allTextContents()).toEqual(['Order date from ', 'to ']);
    expect(coverage.errors).toEqual([]);
    await coverage.page.close();
  });

  it('formats currency and percent axes in whole units', async () => {
    const { page, errors } = await open('sales.html');
    const money = (await drawnTexts(page, 'revenue_trend')).filter((t) => t.startsWith('$'));
    expect(money.length).toBeGreaterThan(2);
    for (const tick of money) expect(tick).toMatch(/^\$\d{1,3}(,\d{3})*$/);
    await page.close();
    const ops = await open('operations.html');
    const percents = (await drawnTexts(ops.page, 'delivered_share')).filter((t) => t.endsWith('%'));
    expect(percents.length).toBeGreaterThan(2);
    for (const tick of percents) expect(tick).toMatch(/^\d{1,3}%$/);
    await screenshot(ops.page, 'business-percent-axis');
    expect([...errors, ...ops.errors]).toEqual([]);
    await ops.page.close();
  });

  it('sorts tables (by their sort, then by clicked headers), searches them and downloads what matches as CSV', async () => {
    const { page, errors } = await open('sales.html');
    const money = (v: unknown) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(Number(v));
    // sort: revenue descending, limit 8.
    const byRevenue = await sql('SELECT revenue FROM shop.daily_sales ORDER BY revenue DESC LIMIT 8');
    expect(await tableColumn(page, 'detail', 2)).toEqual(byRevenue.map((r) => money(r[0])));
    expect(await page.locator('[data-visual="detail"] .table-tools .note').textContent()).toBe('first 8 of 11 rows');

    await page.click('[data-visual="detail"] th[data-column="revenue"] button');
    expect(await tableColumn(page, 'detail', 2)).toEqual((await sql('SELECT revenue FROM shop.daily_sales ORDER BY revenue LIMIT 8')).map((r) => money(r[0])));
    expect(await page.locator('[data-visual="detail"] th[data-column="revenue"]').getAttribute('aria-sort')).toBe('ascending');
    await page.click('[data-visual="detail"] th[data-column="order_date"] button');
    const dates = await tableColumn(page, 'detail', 0);
    expect(dates).toEqual([...dates].sort());

    await page.fill('[data-visual="detail"] input[type=search]', 'WEB');
    const web = await sql("SELECT order_date, channel, revenue, orders FROM shop.daily_sales WHERE channel = 'web' ORDER BY order_date");
    expect(await tableColumn(page, 'detail', 1)).toEqual(web.map(() => 'web'));
    expect(await tableColumn(page, 'detail', 0)).toEqual(web.map((r) => r[0]));
    expect(await page.locator('[data-visual="detail"] input[type=search]').evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'business-table-search');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-visual="detail"] button.csv')]);
    expect(download.suggestedFilename()).toBe('sales-detail.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toBe(['Order date,Channel,Net revenue,Orders', ...web.map((r) => r.map(String).join(','))].join('\r\n') + '\r\n');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says what to run when a view is empty, and that the filters match nothing when they do', async () => {
    const { page, errors } = await open('refunds.html');
    const empty = page.locator('[data-visual="refunds"] .empty');
    expect(await empty.getAttribute('data-empty')).toBe('no-data');
    expect(await empty.textContent()).toContain('No data yet');
    expect(await empty.locator('code').textContent()).toBe('lake run +refunds');
    await screenshot(page, 'business-empty-view');
    await page.close();

    const sales = await open('sales.html?period.from=2030-01-01');
    const filtered = sales.page.locator('[data-visual="revenue_trend"] .empty');
    expect(await filtered.getAttribute('data-empty')).toBe('filtered');
    expect(await filtered.textContent()).toMatch(/No rows match these filters/);
    await screenshot(sales.page, 'business-empty-filtered');
    expect([...errors, ...sales.errors]).toEqual([]);
    await sales.page.close();
  });

  it('marks the current, incomplete period as partial', async () => {
    const { page, errors } = await open('sales.html');
    expect(await page.locator('[data-visual="revenue_trend"]').getAttribute('data-partial')).toBe('2024-03-05');
    const trend = await chartOption(page, 'revenue_trend');
    // The shade spans the line's last segment, which leads to the partial point.
    expect(trend.series[0].markArea!.data).toEqual([[expect.objectContaining({ xAxis: '2024-03-04' }), expect.objectContaining({ xAxis: '2024-03-05' })]]);
    const status = await chartOption(page, 'status_by_day');
    expect(status.series[0].markArea!.data).toEqual([[expect.objectContaining({ xAxis: '2024-03-05' }), expect.objectContaining({ xAxis: '2024-03-05' })]]);
    expect(await drawnTexts(page, 'revenue_trend')).toContain('partial');
    // Not a time axis: nothing is partial.
    expect(await page.locator('[data-visual="orders_by_channel"]').getAttribute('data-partial')).toBeNull();
    // Filtered to days that are over: nothing is partial either.
    await page.fill('input[name="period.to"]', '2024-03-04');
    await page.locator('input[name="period.to"]').dispatchEvent('change');
    await nextRender(page, '1');
    expect(await page.locator('[data-visual="revenue_trend"]').getAttribute('data-partial')).toBeNull();
    await page.close();
    const partial = await open('sales.html');
    await partial.page
      .locator('[data-visual="revenue_trend"]')
      .screenshot({ path: join(import.meta.dirname, '..', '..', 'test-artifacts', 'dashboards', 'business-partial-period.png') });
    expect([...errors, ...partial.errors]).toEqual([]);
    await partial.page.close();
  });

  // The Athena view SQL above carries where its data starts (data_start); the page marks the first period the data
  // covers only partly as it marks the current one, on desktop and at 390 px.
  it('marks a partial first period (data starting at 09:00 of the first day, or on the 12th of the first month) like the last', async () => {
    for (const width of [1280, 390]) {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height: 900 });
      const errors = collectErrors(page);
      await page.goto(`${base}coverage.html`);
      await page.waitForSelector('body[data-renders="1"]');
      expect(await page.locator('[data-visual="daily"]').getAttribute('data-partial')).toBe('2024-01-12, 2024-03-05');
      const daily = await chartOption(page, 'daily');
      // A line shades the segment after a partial first point and the one before a partial last point.
      expect(daily.series[0].markArea!.data).toEqual([
        [expect.objectContaining({ xAxis: '2024-01-12' }), expect.objectContaining({ xAxis: '2024-01-20' })],
        [expect.objectContaining({ xAxis: '2024-03-04' }), expect.objectContaining({ xAxis: '2024-03-05' })],
      ]);
      expect((await drawnTexts(page, 'daily')).filter((t) => t === 'partial')).toHaveLength(2);
      const bars = await chartOption(page, 'daily_bars');
      expect(bars.series[0].markArea!.data.map((band) => band.map((end) => end.xAxis))).toEqual([
        ['2024-01-12', '2024-01-12'],
        ['2024-03-05', '2024-03-05'],
      ]);
      // Bars of partial periods are faded too (a bar covers most of its shade).
      expect(bars.series[0].data.map((d) => (typeof d === 'object' && d !== null ? d.itemStyle?.opacity : undefined))).toEqual([
        0.5,
        undefined,
        undefined,
        undefined,
        undefined,
        0.5,
      ]);
      expect(await drawnTexts(page, 'daily_bars')).toContain('partial');
      // Monthly: January starts on the 12th, March is the current month.
      expect(await page.locator('[data-visual="monthly"]').getAttribute('data-partial')).toBe('2024-01-01, 2024-03-01');
      expect((await drawnTexts(page, 'monthly')).filter((t) => t === 'partial')).toHaveLength(2);
      // Each shade covers its whole month, also on a phone where the axis shows every other label.
      const shades = await page
        .locator('[data-visual="monthly"] svg path[fill-opacity="0.14"]')
        .evaluateAll((paths) => paths.map((p) => (p as SVGGraphicsElement).getBBox().width));
      const plot = await page
        .locator('[data-visual="monthly"] svg path[fill="none"]')
        .first()
        .evaluate((p) => (p as SVGGraphicsElement).getBBox().width);
      expect(shades).toHaveLength(2);
      for (const shade of shades) expect(Math.abs(shade - plot / 3)).toBeLessThan(1);
      // The data start is coverage, not a column readers asked for.
      expect(await page.locator('[data-visual="rows"] thead th').allTextContents()).toEqual(['Order date', 'Orders']);
      await screenshot(page, `business-partial-first-period-${width}px`);
      if (width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(errors).toEqual([]);
      await page.close();
    }
    // From a later day on, the first day shown is whole: only the current one stays partial.
    const { page, errors } = await open('coverage.html?period.from=2024-01-20');
    expect(await page.locator('[data-visual="daily"]').getAttribute('data-partial')).toBe('2024-03-05');
    expect(errors).toEqual([]);
    await page.close();
    // Filtered in SQL (the live server's path, and QuickSight's), the view still says where all of its data starts.
    expect(await sql("SELECT DISTINCT CAST(data_start AS VARCHAR) FROM shop.orders_daily WHERE order_date >= DATE '2024-02-01'")).toEqual([
      ['2024-01-12 09:00:00.000'],
    ]);
  });

  it('keeps the filter state in the URL: links open filtered, changes update the address', async () => {
    const { page, errors } = await open('sales.html?channel=web&period.from=2024-03-03');
    expect(await page.locator('select[name="channel"]').inputValue()).toBe('web');
    expect(await page.locator('input[name="period.from"]').inputValue()).toBe('2024-03-03');
    const visuals = loadDashboards(shop.root, { database: 'shop' }).find((d) => d.name === 'sales')!.visuals;
    await expectChartsMatchSql(page, engine, 'shop', visuals, { channel: "channel = 'web'", order_date: "order_date >= DATE '2024-03-03'" });

    await page.selectOption('select[name="channel"]', 'app');
    await nextRender(page, '1');
    expect(new URL(page.url()).search).toBe('?period.from=2024-03-03&channel=app');
    await page.click('#reset-filters');
    await nextRender(page, '2');
    expect(new URL(page.url()).search).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lays out at 390 px wide without sideways scrolling', async () => {
    for (const name of ['sales', 'operations']) {
      const page = await browser.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      const errors = collectErrors(page);
      await page.goto(`${base}${name}.html`);
      await page.waitForSelector('body[data-renders="1"]');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const boxes = await page
        .locator('[data-visual], .filters label, header')
        .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
      for (const box of boxes) {
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(390);
      }
      // One card per row, each using the width.
      const cards = await page.locator('[data-visual]').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().width));
      for (const width of cards) expect(width).toBeGreaterThan(340);
      await screenshot(page, `business-390px-${name}`);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  const change = (current: number, previous: number) =>
    new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format((current - previous) / Math.abs(previous));
  const usd = (v: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(v);

  async function expectKpiChange(page: Page): Promise<void> {
    const [[current]] = await sql("SELECT CAST(sum(revenue) AS DOUBLE) FROM shop.daily_sales WHERE order_date BETWEEN DATE '2024-03-04' AND DATE '2024-03-05'");
    const [[previous]] = await sql(
      "SELECT CAST(sum(revenue) AS DOUBLE) FROM shop.daily_sales WHERE order_date BETWEEN DATE '2024-03-02' AND DATE '2024-03-03'",
    );
    const line = page.locator('[data-visual="revenue_total"] .kpi-change');
    expect(await page.locator('[data-visual="revenue_total"] .kpi-value').textContent()).toBe(usd(Number(current)));
    expect(await line.textContent()).toBe(
      `▲ ${change(Number(current), Number(previous))} vs ${usd(Number(previous))} in the previous 2 days (2024-03-02 – 2024-03-03)`,
    );
    expect(await line.getAttribute('data-direction')).toBe('up');
  }

  it('shows each KPI with its change against the previous period of the same length', async () => {
    const { page, errors } = await open('sales.html?period.from=2024-03-04&period.to=2024-03-05');
    await expectKpiChange(page);
    const [[orders]] = await sql("SELECT sum(orders) FROM shop.daily_sales WHERE order_date = DATE '2024-03-02'");
    const [[before]] = await sql("SELECT sum(orders) FROM shop.daily_sales WHERE order_date = DATE '2024-03-01'");
    await page.fill('input[name="period.from"]', '2024-03-02');
    await page.fill('input[name="period.to"]', '2024-03-02');
    await page.locator('input[name="period.to"]').dispatchEvent('change');
    await nextRender(page, '1');
    expect(await page.locator('[data-visual="orders_total"] .kpi-change').textContent()).toBe(
      `${Number(orders) >= Number(before) ? '▲' : '▼'} ${change(Number(orders), Number(before))} vs ${before} in the previous day (2024-03-01)`,
    );
    // Nothing before the data: said so, not a made-up change.
    await page.fill('input[name="period.from"]', '2024-03-01');
    await page.locator('input[name="period.from"]').dispatchEvent('change');
    await nextRender(page, '2');
    expect(await page.locator('[data-visual="orders_total"] .kpi-change').textContent()).toBe('No data for the previous 2 days (2024-02-28 – 2024-02-29)');
    await screenshot(page, 'business-kpi-change');
    expect(errors).toEqual([]);
    await page.close();
  });

  describe('served live (filters pushed down to SQL)', () => {
    let live: DashboardServer;
    beforeAll(async () => {
      live = await startDashboardServer({ project: shop.project, engine, siteDir: join(shop.root, 'live-site'), port: 0 });
    });
    afterAll(() => live.close());

    it('opens a filtered link filtered and still knows the previous period of each KPI', async () => {
      const page = await browser.newPage();
      const errors = collectErrors(page);
      await page.goto(`${live.url}sales.html?period.from=2024-03-04&period.to=2024-03-05`);
      await page.waitForSelector('body[data-renders="1"]');
      await expectKpiChange(page);
      const visuals = loadDashboards(shop.root, { database: 'shop' }).find((d) => d.name === 'sales')!.visuals;
      await expectChartsMatchSql(page, engine, 'shop', visuals, { order_date: "order_date BETWEEN DATE '2024-03-04' AND DATE '2024-03-05'" });
      await page.selectOption('select[name="channel"]', 'web');
      await nextRender(page, '1');
      expect(new URL(page.url()).search).toBe('?period.from=2024-03-04&period.to=2024-03-05&channel=web');
      await screenshot(page, 'business-live-kpi-change');
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
