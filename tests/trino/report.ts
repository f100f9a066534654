// The differences a run found, written to .cache/trino/ for docs/trino-oracle.md and printed by the failing test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Difference {
  sql: string;
  local: string;
  trino: string;
  /** Where the SQL came from: a dialect test file, or the generator's seed and case number. */
  origin: string;
}

export function writeDifferences(name: string, differences: Difference[], summary: Record<string, number | string>): string {
  const dir = join(process.cwd(), '.cache', 'trino');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ summary, differences }, null, 2)}\n`);
  return file;
}

export const formatDifferences = (differences: Difference[]): string =>
  differences.map((d) => `\n  ${d.sql}\n    local: ${d.local}\n    trino: ${d.trino}\n    (${d.origin})`).join('');
