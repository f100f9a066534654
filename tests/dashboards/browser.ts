// Drives Chromium (found by ./chromium.ts) with playwright-core: headless, no sandbox, no network beyond 127.0.0.1, a
// fresh profile per launch.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { findChromium } from './chromium.js';

export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts', 'dashboards');

export async function launchChromium(): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'lake-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Console errors and uncaught exceptions of `page`, collected from now on. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export interface RenderedVisual {
  id: string;
  type: string;
  /** Data points the page reports having drawn. */
  reported: number;
  /** Data points read back from the rendered chart: ECharts series data, table rows, a KPI value. */
  rendered: number;
}

/** Reads every visual back from the page (ECharts' own option for charts, the DOM for tables and KPI tiles). */
export async function renderedVisuals(page: Page): Promise<RenderedVisual[]> {
  return page.evaluate(() => {
    interface Instance {
      getOption(): { series: Array<{ data: unknown[] }> };
    }
    const echarts = (window as unknown as { echarts: { getInstanceByDom(el: Element): Instance | undefined } }).echarts;
    const present = (d: unknown) => d !== null && d !== '-' && !(typeof d === 'object' && (d as { value?: unknown }).value === null);
    return [...document.querySelectorAll<HTMLElement>('[data-visual]')].map((card) => {
      const chart = card.querySelector('.chart')!;
      const instance = echarts.getInstanceByDom(chart);
      let rendered: number;
      if (instance) rendered = instance.getOption().series.reduce((n, s) => n + s.data.filter(present).length, 0);
      else if (card.dataset.type === 'table') rendered = chart.querySelectorAll('tbody tr').length;
      else rendered = chart.querySelector('.kpi-value') && chart.querySelector('.kpi-value')!.textContent !== '–' ? 1 : 0;
      return { id: card.dataset.visual!, type: card.dataset.type!, reported: Number(card.dataset.points), rendered };
    });
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
