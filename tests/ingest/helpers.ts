// Shared set-up for ingestion tests: a throw-away lake folder and a DuckDB session to read what was written.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sleep } from '../../src/retry/retry.js';
import { openDuckDb } from '../../src/engines/duckdb/connection.js';

export function tempLake(): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'ingest-test-'));
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Runs SQL on a fresh in-memory DuckDB and returns the rows as JSON values. */
export async function query(sql: string): Promise<Record<string, unknown>[]> {
  const { instance, connection } = await openDuckDb({ path: ':memory:' });
  try {
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A sleep that returns at once and remembers what it was asked to wait; `onSleep` can act in the meantime. */
export function recordingSleep(onSleep?: (ms: number) => void): { sleep: Sleep; delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms) => {
      delays.push(ms);
      onSleep?.(ms);
    },
  };
}
