import { resolve } from 'node:path';
import { declaredColumns, findIngestSource, ingestFile, IngestUsageError, type IngestFormat } from '../../ingest/cli-ingest/index.js';
import { CliError, EXIT_CRASH, EXIT_FAILURE, EXIT_OK } from '../errors.js';
import type { Io } from '../io.js';
import { loadProjectForCli } from '../pipeline-session.js';
import { lakeRootOf } from '../../project/config.js';
import { claimLakeFolder } from '../../storage/lake-folder.js';

export interface IngestCommandOptions {
  file: string;
  format?: IngestFormat;
  stage?: string;
  lake?: string;
}

/** Issues printed on stderr before the rest are summed up. */
const SHOWN_ISSUES = 20;

export async function runIngest(source: string, options: IngestCommandOptions, io: Io): Promise<number> {
  const project = await loadProjectForCli(io, options.stage);
  const bucket = project.config.stages[project.stage]?.variables.lake_bucket;
  if (typeof bucket !== 'string' || bucket === '') {
    throw new CliError(`stage '${project.stage}' has no lake_bucket variable in lakehouse.yaml`, { exitCode: EXIT_CRASH });
  }
  const lakeRoot = options.lake ? resolve(io.cwd, options.lake) : lakeRootOf({ root: project.root, config: project.config });
  claimLakeFolder(lakeRoot);
  const file = resolve(io.cwd, options.file);
  let result;
  try {
    const tableColumns = declaredColumns(project, findIngestSource(source).table);
    result = await ingestFile({ source, file, format: options.format, lakeRoot, bucket, tableColumns });
  } catch (error) {
    if (error instanceof IngestUsageError) throw new CliError(error.message, { exitCode: EXIT_CRASH });
    // Only the input's own absence is a usage error; any other missing path is reported as it is.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && (error as NodeJS.ErrnoException).path === file)
      throw new CliError(`no such file: ${options.file}`, { exitCode: EXIT_CRASH });
    throw error;
  }
  const { received, accepted, quarantined, reasons } = result.counts;
  io.stdout(`${JSON.stringify({ received, accepted, quarantined, reasons })}\n`);
  for (const issue of result.issues.slice(0, SHOWN_ISSUES)) {
    io.stderr(`${options.file}${issue.line !== undefined ? `:${issue.line}` : ''}: ${issue.reason}: ${issue.error}\n`);
  }
  if (result.issues.length > SHOWN_ISSUES) io.stderr(`… and ${result.issues.length - SHOWN_ISSUES} more quarantined records\n`);
  if (accepted > 0) io.stderr(`accepted records are in ${result.source.table} after \`lake run\`\n`);
  return quarantined > 0 ? EXIT_FAILURE : EXIT_OK;
}
