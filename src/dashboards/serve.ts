// `lake dashboard serve`: the site on 127.0.0.1 only. Pages are rendered per request from the current definitions and
// a fresh query of the local engine (so a browser refresh shows new data); filter changes call a JSON endpoint that
// pushes the filters down into SQL. Anything else is a file of the site folder, never outside it.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import type { Engine } from '../engines/engine.js';
import { projectDashboards, writeSiteAssets, type DashboardProject } from './build.js';
import { DashboardError } from './load.js';
import { FilterValueError, filterValuesFromParams, queryDashboardData } from './query.js';
import { ASSETS, dashboardPage, indexPage, liveScript, scriptJson } from './site/page.js';

export const LOOPBACK = '127.0.0.1';

export interface ServeOptions {
  project: DashboardProject;
  engine: Engine;
  /** Folder of the site's static files; the assets are (re)written into it at start. */
  siteDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Requests waiting for the engine beyond this many are answered 503 at once instead of queueing (default 8). */
  maxQueuedQueries?: number;
}

export interface DashboardServer {
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The file under `root` that `pathname` names, or an HttpError: no `..`, no NUL, nothing outside root (symlinks included). */
export function resolveSiteFile(root: string, pathname: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    throw new HttpError(400, 'bad path');
  }
  if (decoded.includes('\0') || decoded.split(/[\\/]/).includes('..')) throw new HttpError(403, 'forbidden');
  const base = realpathSync(root);
  const candidate = resolve(base, `.${decoded}`);
  if (!candidate.startsWith(base + sep)) throw new HttpError(403, 'forbidden');
  if (!existsSync(candidate) || !statSync(candidate).isFile()) throw new HttpError(404, 'not found');
  const real = realpathSync(candidate);
  if (!real.startsWith(base + sep)) throw new HttpError(403, 'forbidden');
  return real;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

/**
 * DNS rebinding: a page of another site whose name is made to resolve to 127.0.0.1 reaches this server with its own
 * name in Host. Only the loopback names with our port are ours.
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  return host !== undefined && [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host.toLowerCase());
}

export async function startDashboardServer(options: ServeOptions): Promise<DashboardServer> {
  const siteDir = resolve(options.siteDir);
  writeSiteAssets(siteDir);
  const maxQueued = options.maxQueuedQueries ?? 8;
  // One engine connection: queries from concurrent requests run one after another. A bounded queue: beyond it a
  // request is told to come back (503) rather than made to wait for everyone ahead of it.
  let queue: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  /** The port listened on, known once listening (requests arrive only then). */
  let port = 0;
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    if (waiting >= maxQueued) throw new HttpError(503, `busy: ${waiting} queries are waiting for the engine; try again shortly`);
    waiting++;
    const run = () => {
      waiting--;
      return work();
    };
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };
  const dashboard = (name: string) => {
    const found = projectDashboards(options.project).find((d) => d.name === name);
    if (!found) throw new HttpError(404, `no dashboard named '${name}'`);
    return found;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLoopbackHost(req.headers.host, port))
      throw new HttpError(403, `unexpected Host header '${req.headers.host ?? ''}': open the dashboards at http://${LOOPBACK}:${port}/`);
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method not allowed');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path === '/' || path === '/index.html') {
      return send(
        res,
        200,
        CONTENT_TYPES['.html'],
        indexPage(projectDashboards(options.project), new Date().toISOString().replace('T', ' ').slice(0, 19) + ' UTC'),
      );
    }
    if (path === `/${ASSETS.live}`) return send(res, 200, CONTENT_TYPES['.js'], liveScript(true));
    const api = /^\/api\/dashboards\/([A-Za-z_][A-Za-z0-9_]*)\/data$/.exec(path);
    if (api) {
      const found = dashboard(api[1]);
      const values = filterValuesFromParams(found.filters, url.searchParams);
      const data = await serialized(() => queryDashboardData(options.engine, found, { values }));
      return send(res, 200, CONTENT_TYPES['.json'], scriptJson(data));
    }
    const page = /^\/([A-Za-z_][A-Za-z0-9_]*)\.html$/.exec(path);
    const found = page ? projectDashboards(options.project).find((d) => d.name === page[1]) : undefined;
    if (found) {
      // A link with filters (the page keeps its filter state in the URL) is answered with those filters pushed down.
      const values = url.search ? filterValuesFromParams(found.filters, url.searchParams) : undefined;
      const data = await serialized(() => queryDashboardData(options.engine, found, { values }));
      return send(res, 200, CONTENT_TYPES['.html'], dashboardPage(found, data));
    }
    const file = resolveSiteFile(siteDir, path);
    send(res, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : error instanceof FilterValueError ? 400 : 500;
      const message = error instanceof DashboardError || error instanceof Error ? error.message : String(error);
      if (status === 503) res.setHeader('retry-after', '1');
      if (!res.headersSent) send(res, status, 'text/plain; charset=utf-8', `${message}\n`);
      else res.end();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => resolveListen());
  });
  // The URL shows the address actually bound, so what the server says is what it listens on.
  const bound = server.address() as AddressInfo;
  port = bound.port;
  const { address } = bound;
  return {
    url: `http://${address}:${port}/`,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolveClose()));
      }),
  };
}
