// `lake run --demo` (what `npm start` runs): a fresh local lake, the seeded example data for all five pipelines pushed
// through the local ingestion components, the whole pipeline, the alerts and the dashboards, then a summary of where
// every record went. No AWS, no network beyond 127.0.0.1.
import { resolve } from 'node:path';
import { buildDashboards, defaultSiteDir } from '../dashboards/build.js';
import { chainCounts, type IngestCounts } from '../ingest/counts.js';
import { generateDemoData, type DemoDataReport } from '../ingest/demo.js';
import { LakeFolderError, resetLakeFolder } from '../storage/lake-folder.js';
import { lakeRootOf } from '../project/config.js';
import type { Engine } from '../engines/engine.js';
import type { Project } from '../project/model.js';
import type { RunRecord } from '../pipeline/reporter.js';
import { runPipeline } from '../pipeline/runner.js';
import { CliError, EXIT_CRASH, EXIT_FAILURE, EXIT_OK } from './errors.js';
import type { Io } from './io.js';
import { loadProjectForCli, openPipelineSession, servingStorePath } from './pipeline-session.js';
import { progressReporter } from './progress.js';
import { describeSummary } from './commands/run-pipeline.js';

export interface DemoOptions {
  stage?: string;
  lake?: string;
  verbose?: boolean;
  /** Scale knobs for tests; the demo's defaults are the issue's sizes. */
  interactions?: number;
  days?: number;
  ordersPerDay?: number;
  customers?: number;
  now?: Date;
}

const HOUR = 3_600_000;
const number = new Intl.NumberFormat('en-US');

/** Empties the lake folder for a fresh demo; only a folder the tool created as a lake (or an empty/new one) is reset. */
function resetLake(lakeRoot: string): void {
  try {
    resetLakeFolder(lakeRoot);
  } catch (error) {
    if (!(error instanceof LakeFolderError)) throw error;
    throw new CliError(`${error.message} (lake run --demo starts from an empty lake)`, {
      hint: 'point --lake at a new or empty folder, or at a lake folder that lake created',
      exitCode: EXIT_FAILURE,
    });
  }
}

function quarantineLines(report: DemoDataReport): string[] {
  const lines: string[] = [];
  const show = (label: string, counts: IngestCounts) => {
    const reasons = Object.entries(counts.reasons)
      .sort((a, b) => b[1] - a[1])
      .map(([reason, n]) => `${reason} ${number.format(n)}`)
      .join(', ');
    lines.push(
      `  ${label}: ${number.format(counts.received)} in = ${number.format(counts.accepted)} accepted + ${number.format(counts.quarantined)} quarantined${reasons ? ` (${reasons})` : ''}`,
    );
  };
  show('P1 interactions (producer → consumer)', chainCounts(report.interactions.producer, report.interactions.consumer));
  show('P4 domain events (Firehose)', report.domainEvents.counts);
  if (report.ecommerce.status === 'processed') {
    for (const [table, counts] of Object.entries(report.ecommerce.batch.counts)) show(`P2 ${table}`, counts);
  } else {
    lines.push(`  P2 e-commerce CSVs: ${report.ecommerce.status}`);
  }
  lines.push(`  P3 Customer360 extracts: ${number.format(report.customer360.rows)} rows in ${report.customer360.files} files`);
  return lines;
}

/** One line per model with a `serve` header: its table, key and the items this run wrote. */
function servingLines(project: Project, records: readonly RunRecord[], lakeRoot: string): string[] {
  return project.nodes.flatMap((node) => {
    const serve = node.header.serve;
    if (node.kind !== 'model' || !serve) return [];
    const served = records.filter((r) => r.kind === 'serve' && r.node === node.id);
    const failed = served.find((r) => r.status === 'failed');
    const outcome = failed
      ? `FAILED: ${failed.error}`
      : served.length === 0
        ? 'not served in this run'
        : `${number.format(served.reduce((n, r) => n + (r.rows_written ?? 0), 0))} rows served to ${servingStorePath(lakeRoot, serve.table)}`;
    return [`  ${serve.table.padEnd(14)} key (${serve.key.join(', ')}) from ${node.id}: ${outcome}`];
  });
}

/**
 * Each table's row count, or the first line of why it cannot be read. One statement counts them all (issue 18: 45
 * statements, each translated and checked against the catalog, cost ~0.15 s of CPU more); when it fails, each table is
 * counted alone so that the failure is told against the table it belongs to.
 */
export async function rowCounts(engine: Engine, tables: readonly string[]): Promise<(number | { message: string })[]> {
  if (tables.length === 0) return [];
  try {
    const result = await engine.execute(`SELECT ${tables.map((table) => `(SELECT count(*) FROM ${table})`).join(', ')}`);
    return result.rows[0].map(Number);
  } catch {
    const counts: (number | { message: string })[] = [];
    for (const table of tables) {
      try {
        counts.push(Number((await engine.execute(`SELECT count(*) FROM ${table}`)).rows[0][0]));
      } catch (error) {
        counts.push({ message: error instanceof Error ? error.message.split('\n')[0] : String(error) });
      }
    }
    return counts;
  }
}

export async function runDemo(options: DemoOptions, io: Io): Promise<number> {
  const started = performance.now();
  const project = await loadProjectForCli(io, options.stage);
  const lakeRoot = options.lake ? resolve(io.cwd, options.lake) : lakeRootOf({ root: project.root, config: project.config });
  const bucket = project.config.stages[project.stage]?.variables.lake_bucket;
  if (typeof bucket !== 'string') {
    throw new CliError(`stage '${project.stage}' has no lake_bucket variable in lakehouse.yaml`, { exitCode: EXIT_CRASH });
  }
  resetLake(lakeRoot);

  const now = new Date(Math.floor((options.now ?? new Date()).getTime() / HOUR) * HOUR);
  const days = options.days ?? 7;
  io.stdout(`demo: generating ${days} days of seeded data up to ${now.toISOString()} into ${lakeRoot}\n`);
  let lastStep = '';
  const data = await generateDemoData({
    lakeRoot,
    bucket,
    nowMs: now.getTime(),
    days,
    interactions: options.interactions ?? 100_000,
    ordersPerDay: options.ordersPerDay,
    customers: options.customers,
    onProgress: (event) => {
      const step = `${event.pipeline} ${event.step}`;
      if (step !== lastStep) io.stdout(`  ${step}\n`);
      lastStep = step;
    },
  });

  const progress = progressReporter(io, { verbose: options.verbose });
  const session = await openPipelineSession(io, project, {
    lake: lakeRoot,
    reporter: progress,
    writeConsole: (text) => progress.print(`  ${text}`),
    command: 'lake run --demo',
  });
  try {
    const summary = await session.engine.exclusive(() => runPipeline(session.context, { from: new Date(now.getTime() - days * 24 * HOUR), to: now }));
    // What follows only reads (~80 queries): one attachment of the lake's catalog for all of them, not one each.
    return await session.engine.shared(async () => {
      const site = await buildDashboards({ project, engine: session.engine, outDir: defaultSiteDir(lakeRoot), now }).catch((error: unknown) => ({
        error: error instanceof Error ? error.message : String(error),
      }));

      const lines = [
        '',
        'Summary',
        describeSummary(summary, false).trimEnd(),
        '',
        'Records in, accepted and quarantined (with reasons):',
        ...quarantineLines(data),
      ];
      lines.push('', 'Rows per zone:');
      const zones = (['ddl', 'model', 'dashboard'] as const).flatMap((kind) => {
        const zone = { ddl: 'landing', model: 'curated', dashboard: 'dashboard views' }[kind];
        return project.nodes.filter((n) => n.kind === kind).flatMap((node) => node.produces.map((table) => ({ zone, table })));
      });
      // The site read every row of its views (`SELECT * FROM view`) on this same attachment of the catalog: how many is
      // their count, and counting them again would run each view again (issue 18: ~0.2 s of npm start).
      const readBySite = new Map<string, number>();
      if (!('error' in site)) {
        for (const built of site.dashboards)
          for (const [view, rows] of Object.entries(built.rows)) readBySite.set(`${built.database}.${view}`.toLowerCase(), rows);
      }
      const unread = zones.map((z) => z.table).filter((table) => !readBySite.has(table.toLowerCase()));
      const unreadCounts = await rowCounts(session.engine, unread);
      const counts = zones.map(({ table }) => readBySite.get(table.toLowerCase()) ?? unreadCounts[unread.indexOf(table)]);
      for (const [i, { zone, table }] of zones.entries()) {
        const count = counts[i];
        lines.push(`  ${zone.padEnd(15)} ${table.padEnd(44)} ${typeof count === 'number' ? number.format(count) : `not readable: ${count.message}`}`);
      }
      lines.push('', 'Serving tables (DynamoDB on AWS; here JSON files):', ...servingLines(project, summary.records, lakeRoot));
      lines.push('', `Alerts fired: ${session.notices.length}`, ...session.notices.map((m) => `  ${m}`));
      if ('error' in site) lines.push('', `Dashboards: NOT built: ${site.error}`);
      else lines.push('', `Dashboards: ${site.index}`, ...site.dashboards.map((d) => `  ${d.title}: ${d.file}`));
      lines.push('', `Query the lake: npx lake sql -e "SELECT channel, count(*) FROM crm_data GROUP BY channel"`);
      // The demo's data ends at its start time: a range the user can re-run has to come from it, not from the README.
      const lastDay = new Date(Math.floor(now.getTime() / (24 * HOUR)) * 24 * HOUR - 24 * HOUR);
      const day = (d: Date) => d.toISOString().slice(0, 10);
      lines.push(
        `Re-run its last full day and what depends on it: npx lake run p1_interaction_kpis_hourly+ --from ${day(lastDay)} --to ${day(new Date(lastDay.getTime() + 24 * HOUR))}`,
      );
      lines.push(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      io.stdout(`${lines.join('\n')}\n`);
      return summary.ok && !('error' in site) ? EXIT_OK : EXIT_FAILURE;
    });
  } finally {
    await session.close();
  }
}
