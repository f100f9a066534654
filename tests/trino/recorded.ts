import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the recording run writes the dialect tests' queries (ignored cache folder). */
export const RECORDED_SQL = join(process.cwd(), '.cache', 'trino', 'recorded-sql.jsonl');

export interface RecordedQuery {
  sql: string;
  file: string;
}

/** The recorded queries, each once. */
export function recordedQueries(): RecordedQuery[] {
  if (!existsSync(RECORDED_SQL)) return [];
  const seen = new Map<string, RecordedQuery>();
  for (const line of readFileSync(RECORDED_SQL, 'utf8').split('\n')) {
    if (!line) continue;
    const query = JSON.parse(line) as RecordedQuery;
    if (!seen.has(query.sql)) seen.set(query.sql, query);
  }
  return [...seen.values()];
}
