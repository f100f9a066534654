import { relative, resolve } from 'node:path';
import { buildDashboards, defaultSiteDir } from '../../dashboards/build.js';
import { startDashboardServer } from '../../dashboards/serve.js';
import { openLocalEngine, projectAt } from '../context.js';
import { CliError, EXIT_CRASH, EXIT_OK } from '../errors.js';
import type { Io } from '../io.js';
import { interrupted } from '../interrupted.js';
import { requireProjectRoot } from './project-paths.js';

export interface DashboardBuildOptions {
  out?: string;
  lake?: string;
  only?: string[];
}

export interface DashboardServeOptions {
  port: string;
  out?: string;
  lake?: string;
}

function projectAndEngine(io: Io, lake: string | undefined, command: string) {
  requireProjectRoot(io);
  const project = projectAt(io)!;
  return { project, open: () => openLocalEngine(io, { lake, command }) };
}

const siteDirOf = (io: Io, out: string | undefined, lakeRoot: string) => (out ? resolve(io.cwd, out) : defaultSiteDir(lakeRoot));

export async function runDashboardBuild(options: DashboardBuildOptions, io: Io): Promise<number> {
  const { project, open } = projectAndEngine(io, options.lake, 'lake dashboard build');
  const { engine } = await open();
  try {
    const result = await buildDashboards({ project, engine, outDir: siteDirOf(io, options.out, engine.lakeRoot), only: options.only });
    for (const d of result.dashboards) {
      const rows = Object.entries(d.rows)
        .map(([view, n]) => `${view} ${n}`)
        .join(', ');
      io.stdout(`  ${d.name}: ${d.visuals} visuals (rows: ${rows}) → ${relative(io.cwd, d.file) || d.file}\n`);
    }
    io.stdout(`Dashboards: ${result.index}\n`);
    return EXIT_OK;
  } finally {
    await engine.close();
  }
}

/** Serves until the process is interrupted (Ctrl-C). */
export async function runDashboardServe(options: DashboardServeOptions, io: Io): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a port number (got '${options.port}')`, { exitCode: EXIT_CRASH });
  const { project, open } = projectAndEngine(io, options.lake, 'lake dashboard serve');
  const { engine } = await open();
  try {
    const server = await startDashboardServer({ project, engine, siteDir: siteDirOf(io, options.out, engine.lakeRoot), port });
    io.stdout(`Serving dashboards at ${server.url} (Ctrl-C to stop)\n`);
    await interrupted();
    await server.close();
    return EXIT_OK;
  } finally {
    await engine.close();
  }
}
