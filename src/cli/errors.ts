// One error path for every command (cf. Astro's throw-and-exit, dbt's exit codes).
import { LakeError } from '../errors.js';
import type { Io } from './io.js';

export const EXIT_OK = 0;
/** An expected failure: a query failed, a lint error, a test failed. */
export const EXIT_FAILURE = 1;
/** Bad usage or a crash. */
export const EXIT_CRASH = 2;

/** A usage error found by the CLI itself, with its own exit code where it is not 1 (bad usage: 2). */
export class CliError extends LakeError {
  override readonly name: string = 'CliError';
  constructor(
    message: string,
    readonly options: { hint?: string; exitCode?: number } = {},
  ) {
    super(message, { hint: options.hint });
  }
}

/**
 * Prints any error the way users see errors everywhere in `lake`, and gives the exit code. A LakeError is expected
 * (message and hint, exit 1); anything else is internal (its stack, exit 2), whatever its name.
 */
export function reportError(error: unknown, io: Io): number {
  const full = diskFull(error);
  if (full) {
    io.stderr(`error: the disk is full (no space left on device): ${full}\n`);
    io.stderr('hint: free some space and run the command again\n');
    return EXIT_FAILURE;
  }
  if (error instanceof LakeError) {
    io.stderr(`error: ${error.message}\n`);
    if (error.hint) io.stderr(`hint: ${error.hint}\n`);
    return error instanceof CliError ? (error.options.exitCode ?? EXIT_FAILURE) : EXIT_FAILURE;
  }
  io.stderr(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT_CRASH;
}

/**
 * The first line of a disk-full error (Node's ENOSPC/EDQUOT, or DuckDB's "No space left on device" IO error), anywhere
 * in its cause chain; undefined for any other error. Disk full is the machine's state, not a bug: exit 1, no stack.
 */
function diskFull(error: unknown): string | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT' || /no space left on device|disk quota exceeded/i.test(e.message)) return e.message.split('\n')[0];
  }
  return undefined;
}
