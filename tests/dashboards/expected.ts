// What the browser tests compare pages against: SQL over the views, and a plain static file server for the built site.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { VisualDefinition } from '../../src/dashboards/definition.js';
import { resolveSiteFile } from '../../src/dashboards/serve.js';
import type { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import { renderedVisuals } from './browser.js';

/** Points a visual should draw, counted by SQL over its view: one per (x, series) group with a value, etc. */
export async function expectedPoints(engine: AthenaLocalEngine, database: string, visual: VisualDefinition, where: string[]): Promise<number> {
  const conditions = (extra: string[]) => [...where, ...extra];
  const whereSql = (extra: string[] = []) => (conditions(extra).length ? ` WHERE ${conditions(extra).join(' AND ')}` : '');
  const measured = visual.aggregation === 'count' ? [] : [`${visual.y} IS NOT NULL`];
  const from = `${database}.${visual.view}`;
  let sql: string;
  switch (visual.type) {
    case 'table':
      sql = `SELECT least(count(*), ${visual.limit}) FROM ${from}${whereSql()}`;
      break;
    case 'kpi':
    case 'gauge':
      sql =
        visual.aggregation === 'count' || visual.aggregation === 'count_distinct'
          ? 'SELECT 1'
          : `SELECT CASE WHEN count(${visual.y}) > 0 THEN 1 ELSE 0 END FROM ${from}${whereSql()}`;
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

const viewHas = async (engine: AthenaLocalEngine, database: string, view: string, column: string) =>
  (await engine.execute(`SELECT * FROM ${database}.${view} LIMIT 0`)).columns.some((c) => c.name === column);

/** Checks every visual on the page against SQL, with `filters` (column → SQL condition) applied where the view has the column. */
export async function expectChartsMatchSql(
  page: Page,
  engine: AthenaLocalEngine,
  database: string,
  visuals: VisualDefinition[],
  filters: Record<string, string> = {},
) {
  const rendered = await renderedVisuals(page);
  expect(rendered.map((v) => v.id)).toEqual(visuals.map((v) => v.id));
  let total = 0;
  for (const visual of visuals) {
    const where: string[] = [];
    for (const [column, condition] of Object.entries(filters)) if (await viewHas(engine, database, visual.view, column)) where.push(condition);
    const expected = await expectedPoints(engine, database, visual, where);
    const actual = rendered.find((v) => v.id === visual.id)!;
    expect({ id: visual.id, rendered: actual.rendered, reported: actual.reported }).toEqual({ id: visual.id, rendered: expected, reported: expected });
    total += expected;
  }
  // A view may legitimately be empty (no product low on stock); a whole page with nothing drawn proves nothing.
  expect(total).toBeGreaterThan(0);
}

export const nextRender = async (page: Page, previous: string | null) =>
  page.waitForFunction((before) => document.body.dataset.renders !== before && !document.body.dataset.loading, previous);

export function staticServer(root: string): Promise<Server> {
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
