// The example project's dashboards, end to end: `lake run --demo` (what `npm start` runs) fills a fresh lake and builds
// the site; every dashboard then loads in Chromium without console errors, draws what SQL over its views says, and
// reacts to its filters. The QuickSight inputs of every example dashboard are generated and checked too.
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../src/cli/demo.js';
import { defaultSiteDir } from '../../src/dashboards/build.js';
import { loadDashboards, type LoadedDashboard } from '../../src/dashboards/load.js';
import { checkAgainstViews, describeViews, type ViewSchemas } from '../../src/dashboards/query.js';
import { quickSightResources } from '../../src/dashboards/quicksight/index.js';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { loadConfig } from '../../src/project/config.js';
import { collectErrors, launchChromium, screenshot } from './browser.js';
import { expectChartsMatchSql, nextRender, staticServer } from './expected.js';
import { captureIo } from './fixture.js';
import { quickSightIdProblems } from './quicksight-ids.js';
import { allSchemaProblems } from './sdk-schema.js';

const ROOT = join(import.meta.dirname, '..', '..');
const { config } = loadConfig(ROOT);
const EXAMPLE_DASHBOARDS = loadDashboards(ROOT, { sqlDir: config.sql, database: config.database });
const DEMO_NOW = new Date('2026-03-05T10:30:00Z');

describe('example dashboards', () => {
  const lake = join(mkdtempSync(join(tmpdir(), 'lake-dash-example-')), 'lake');
  let engine: AthenaLocalEngine;
  let browser: BrowserContext;
  let server: Server;
  let base: string;
  const schemas: Record<string, ViewSchemas> = {};

  beforeAll(async () => {
    const io = captureIo(ROOT);
    // The demo's exit code also reflects alerts and checks; what matters here is that it built the dashboards.
    // A fixed clock: the data starts at 10:00 three days before, so its first day (and today) are partial.
    await runDemo({ lake, interactions: 3000, days: 3, ordersPerDay: 30, customers: 60, now: DEMO_NOW }, io);
    expect(io.out, io.err).toContain(`Dashboards: ${join(defaultSiteDir(lake), 'index.html')}`);
    engine = await AthenaLocalEngine.open({ lakeRoot: lake });
    for (const dashboard of EXAMPLE_DASHBOARDS) schemas[dashboard.name] = await describeViews(engine, dashboard);
    server = await staticServer(defaultSiteDir(lake));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await engine?.close();
  });

  it('ships the customer-support, e-commerce, executive, operations and customer-features dashboards', () => {
    expect(EXAMPLE_DASHBOARDS.map((d) => d.name)).toEqual(['customer_features', 'customer_support', 'ecommerce_kpis', 'executive', 'operations']);
  });

  it('every view column a dashboard names exists', () => {
    for (const dashboard of EXAMPLE_DASHBOARDS) expect(checkAgainstViews(dashboard, schemas[dashboard.name])).toEqual([]);
  });

  it.each(EXAMPLE_DASHBOARDS.map((d) => [d.name, d] as [string, LoadedDashboard]))(
    '%s loads without console errors, draws its views and follows its filters',
    async (name, dashboard) => {
      const page = await browser.newPage();
      const errors = collectErrors(page);
      await page.goto(`${base}${name}.html`);
      await page.waitForSelector('body[data-renders="1"]');
      await expectChartsMatchSql(page, engine, dashboard.database, dashboard.visuals);
      await screenshot(page, `example-${name}`);

      const select = dashboard.filters.find((f) => f.type === 'select');
      if (select) {
        const choice = await page.locator(`select[name="${select.id}"] option:nth-child(2)`).getAttribute('value');
        expect(choice).toBeTruthy();
        await page.selectOption(`select[name="${select.id}"]`, choice!);
        await nextRender(page, '1');
        const literal = `'${choice!.replace(/'/g, "''")}'`;
        await expectChartsMatchSql(page, engine, dashboard.database, dashboard.visuals, { [select.column]: `CAST(${select.column} AS VARCHAR) = ${literal}` });
        await screenshot(page, `example-${name}-filtered`);
      }
      // A phone: one column, nothing wider than the screen.
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, `example-${name}-390px`);
      expect(errors).toEqual([]);
      await page.close();
    },
    60_000,
  );

  it('marks the first day of the demo (data from 10:00) and its current day as partial, where the views say where their data starts', async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    for (const [name, visuals] of [
      ['customer_support', ['interactions_by_channel', 'interactions_by_type', 'negative_share']],
      ['executive', ['revenue_trend', 'customers_trend', 'conversion_trend']],
    ] as const) {
      await page.goto(`${base}${name}.html`);
      await page.waitForSelector('body[data-renders="1"]');
      for (const visual of visuals)
        expect({ visual, partial: await page.locator(`[data-visual="${visual}"]`).getAttribute('data-partial') }).toEqual({
          visual,
          partial: '2026-03-02, 2026-03-05',
        });
      await screenshot(page, `example-${name}-partial-first-day`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('generates QuickSight inputs for every example dashboard that the SDK schema accepts', () => {
    const resources = quickSightResources({
      projectName: config.name,
      target: {
        awsAccountId: '111122223333',
        region: 'eu-west-1',
        principalArn: 'arn:aws:quicksight:eu-west-1:111122223333:group/default/bi',
        workgroup: 'primary',
        idPrefix: `${config.name}-prod`,
      },
      dashboards: EXAMPLE_DASHBOARDS,
      schemas,
    });
    expect(resources.dashboards.map((d) => d.name)).toEqual(EXAMPLE_DASHBOARDS.map((d) => d.name));
    for (const d of resources.dashboards) {
      const dashboard = EXAMPLE_DASHBOARDS.find((e) => e.name === d.name)!;
      expect(d.dashboard.Definition!.Sheets![0].Visuals).toHaveLength(dashboard.visuals.length);
      expect(d.dataSets.map((s) => s.PhysicalTableMap![Object.keys(s.PhysicalTableMap!)[0]].CustomSql!.Columns)).toEqual(
        [...new Set(dashboard.visuals.map((v) => v.view))].map((view) => schemas[d.name][view].map((c) => ({ Name: c.name, Type: expect.any(String) }))),
      );
    }
    expect(allSchemaProblems(resources)).toEqual([]);
    expect(quickSightIdProblems(resources)).toEqual([]);
  });
});
