// Functions that run DuckDB (P1 consumer, P2 validate/transform) get it installed next to the handler (the stack's
// `duckdb: true`). Lambda's only writable place is /tmp: DuckDB spills an in-memory database to `.tmp` in the working
// directory and looks for its home directory, so both point there before the first connection opens.
import { tmpdir } from 'node:os';

let prepared = false;

export function useTmpForDuckDb(): void {
  if (prepared || !process.env.LAMBDA_TASK_ROOT) return;
  process.env.HOME ??= tmpdir();
  process.chdir(tmpdir());
  prepared = true;
}
