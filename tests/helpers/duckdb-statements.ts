import { DuckDBConnection } from '@duckdb/node-api';
import { vi } from 'vitest';

/**
 * Records every SQL text sent to DuckDB from now on (runAndReadAll goes through run too), trimmed, into `sent`, while
 * still running it. `restore()` stops recording (vi.restoreAllMocks does too).
 */
export function recordDuckDBStatements(): { sent: string[]; restore: () => void } {
  const sent: string[] = [];
  const run = DuckDBConnection.prototype.run;
  const spy = vi.spyOn(DuckDBConnection.prototype, 'run').mockImplementation(function (this: DuckDBConnection, ...args: Parameters<DuckDBConnection['run']>) {
    sent.push(String(args[0]).trim());
    return run.apply(this, args);
  });
  return { sent, restore: () => spy.mockRestore() };
}
