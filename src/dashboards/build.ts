// `lake dashboard build`: queries every dashboard's views on an engine and writes a static site that works offline —
// index.html, one page per dashboard with its data embedded, ECharts and the page script copied beside them.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../engines/engine.js';
import { LakeError } from '../errors.js';
import { viewsOf } from './definition.js';
import { loadDashboards, type LoadedDashboard } from './load.js';
import { queryDashboardData } from './query.js';
import { ASSETS, dashboardPage, indexPage, liveScript, pageFile } from './site/page.js';
import { DASHBOARD_CSS } from './site/style.js';

/** The parts of a project the dashboards need (a LoadedConfig or a loaded Project both fit). */
export interface DashboardProject {
  root: string;
  config: { database: string; sql: string };
}

export interface BuildOptions {
  project: DashboardProject;
  /** Runs the views' queries; the caller opens and closes it. */
  engine: Engine;
  /** Site folder; created if missing, files in it overwritten. */
  outDir: string;
  /** Only these dashboards (by name); default all. */
  only?: string[];
  now?: Date;
}

export interface BuiltDashboard {
  name: string;
  title: string;
  /** Absolute path of the page. */
  file: string;
  visuals: number;
  /** The database its views are read from. */
  database: string;
  /** Rows read per view (all of them: the site's query of a view is `SELECT * FROM view`). */
  rows: Record<string, number>;
}

export interface BuildResult {
  outDir: string;
  /** Absolute path of index.html. */
  index: string;
  dashboards: BuiltDashboard[];
}

/** The default site folder: beside the local catalog in the lake folder, so it is never committed. */
export const defaultSiteDir = (lakeRoot: string): string => join(lakeRoot, '.dashboards');

export function echartsBundlePath(): string {
  return join(dirname(createRequire(import.meta.url).resolve('echarts')), 'echarts.min.js');
}

/**
 * The page script: src/dashboards/site/browser-entry.ts bundled for the browser by scripts/build.mjs (run by
 * `npm ci`/`npm run build`) into the package's dist/. Found from this module whether it runs bundled (dist/…) or from
 * source (src/dashboards/), by walking up to the package root.
 */
export function pageScriptPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}: cannot find the dashboard page script`);
    dir = parent;
  }
  const script = join(dir, 'dist', 'dashboard.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` to bundle the dashboard page script`);
  return script;
}

/** Loads the project's dashboard files (all errors at once), optionally only the named ones. */
export function projectDashboards(project: DashboardProject, only?: string[]): LoadedDashboard[] {
  const all = loadDashboards(project.root, { sqlDir: project.config.sql, database: project.config.database });
  if (!only || only.length === 0) return all;
  const unknown = only.filter((name) => !all.some((d) => d.name === name));
  if (unknown.length > 0) {
    throw new LakeError(`no dashboard named ${unknown.join(', ')}`, {
      hint: `the project's dashboards: ${all.map((d) => d.name).join(', ') || 'none'} (files sql/dashboards/*.dashboard.yaml)`,
    });
  }
  return all.filter((d) => only.includes(d.name));
}

/** Writes the shared assets: ECharts, the page script and stylesheet, and `live.js` (false: a static site). */
export function writeSiteAssets(outDir: string): void {
  mkdirSync(join(outDir, 'assets'), { recursive: true });
  copyFileSync(echartsBundlePath(), join(outDir, ASSETS.echarts));
  copyFileSync(pageScriptPath(), join(outDir, ASSETS.script));
  writeFileSync(join(outDir, ASSETS.style), DASHBOARD_CSS);
  writeFileSync(join(outDir, ASSETS.live), liveScript(false));
}

/** Builds the static dashboard site. Called by `lake dashboard build` and by the pipeline after a run. */
export async function buildDashboards(options: BuildOptions): Promise<BuildResult> {
  const outDir = resolve(options.outDir);
  const dashboards = projectDashboards(options.project, options.only);
  const now = options.now ?? new Date();
  writeSiteAssets(outDir);
  const built: BuiltDashboard[] = [];
  for (const dashboard of dashboards) {
    const data = await queryDashboardData(options.engine, dashboard, { now });
    const file = join(outDir, pageFile(dashboard.name));
    writeFileSync(file, dashboardPage(dashboard, data));
    const rows = Object.fromEntries(viewsOf(dashboard).map((view) => [view, data.views[view].rows.length]));
    built.push({ name: dashboard.name, title: dashboard.title, file, visuals: dashboard.visuals.length, database: dashboard.database, rows });
  }
  const index = join(outDir, 'index.html');
  writeFileSync(index, indexPage(dashboards, now.toISOString().replace('T', ' ').slice(0, 19) + ' UTC'));
  return { outDir, index, dashboards: built };
}
