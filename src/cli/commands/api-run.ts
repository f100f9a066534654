import { resolve } from 'node:path';
import { lakeRootOf } from '../../project/config.js';
import { servedTables } from '../../serving/lookup.js';
import { startLocalApi } from '../../serving/local-api.js';
import { CliError, EXIT_FAILURE, EXIT_OK } from '../errors.js';
import type { Io } from '../io.js';
import { interrupted } from '../interrupted.js';
import { loadProjectForCli } from '../pipeline-session.js';

export interface ApiOptions {
  port: string;
  lake?: string;
}

/** Serves until the process is interrupted (Ctrl-C), or until `stop` resolves (tests). */
export async function runApi(options: ApiOptions, io: Io, stop: Promise<void> = interrupted()): Promise<number> {
  const port = Number(options.port);
  if (!/^\d+$/.test(options.port) || port > 65535)
    throw new CliError(`--port must be a port number 0-65535 (got '${options.port}')`, { exitCode: EXIT_FAILURE });
  const project = await loadProjectForCli(io);
  const tables = servedTables(project.nodes);
  if (tables.size === 0)
    throw new CliError('no model declares `serve:`: there is nothing to look up', { hint: 'add `serve: { table: Name, key: [column] }` to a model header' });
  const lakeRoot = options.lake ? resolve(io.cwd, options.lake) : lakeRootOf({ root: project.root, config: project.config });
  const api = await startLocalApi({ lakeRoot, tables, port }).catch((error: unknown) => {
    throw new CliError(`cannot listen on 127.0.0.1:${options.port}: ${error instanceof Error ? error.message : String(error)}`);
  });
  for (const table of tables.values()) io.stdout(`  GET ${api.url}/v1/${table.name}/<${table.key.join('#')}>\n`);
  io.stdout(`Lookup API at ${api.url} (Ctrl-C to stop)\n`);
  await stop;
  await api.close();
  return EXIT_OK;
}
