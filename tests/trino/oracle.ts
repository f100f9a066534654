// The differential oracle's common part: run one SQL text on the local engine and on Trino, and say whether they
// agree. Agreement is the same value and the same Trino type name, or a refusal by the local engine (a clear error is
// allowed, a different answer is not). Both engines failing also agrees: Trino rejects it too.
import { isDeepStrictEqual } from 'node:util';
import { inject } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';
import type { Engine, QueryResult, SqlValue } from '../../src/engines/engine.js';
import { TrinoEngine } from '../../src/engines/trino/index.js';

export type Outcome = { ok: true; columns: QueryResult['columns']; rows: SqlValue[][] } | { ok: false; error: string };

export type Verdict =
  | { kind: 'same' }
  | { kind: 'bothFail' }
  | { kind: 'localRefuses'; local: string }
  /** A silent difference: the local engine answers something Trino does not. */
  | { kind: 'differ'; local: string; trino: string };

export async function outcomeOf(engine: Engine, sql: string): Promise<Outcome> {
  try {
    const result = await engine.execute(sql);
    return { ok: true, columns: result.columns, rows: result.rows };
  } catch (error) {
    return { ok: false, error: (error instanceof Error ? error.message : String(error)).split('\n')[0] };
  }
}

/** Doubles agree to 1e-12 relative (the last bits of libm functions differ between the JVM and C); all else exactly. */
export function sameValue(a: SqlValue, b: SqlValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
    if (a === b) return Object.is(a, b) || a === 0; // -0 and 0 print the same in Trino's JSON
    return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => k in b && sameValue(a[k], b[k]));
  }
  return isDeepStrictEqual(a, b);
}

const show = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));

export function describeOutcome(outcome: Outcome): string {
  if (!outcome.ok) return `error: ${outcome.error}`;
  const types = outcome.columns.map((c) => c.type).join(', ');
  const rows = outcome.rows.length === 1 ? show(outcome.rows[0]) : show(outcome.rows);
  return `${rows} :: ${types}`;
}

export function verdict(local: Outcome, trino: Outcome): Verdict {
  if (!local.ok && !trino.ok) return { kind: 'bothFail' };
  if (!local.ok) return { kind: 'localRefuses', local: local.error };
  if (!trino.ok) return { kind: 'differ', local: describeOutcome(local), trino: describeOutcome(trino) };
  const sameTypes = isDeepStrictEqual(
    local.columns.map((c) => c.type),
    trino.columns.map((c) => c.type),
  );
  const sameRows =
    local.rows.length === trino.rows.length &&
    local.rows.every((row, i) => row.length === trino.rows[i].length && row.every((v, j) => sameValue(v, trino.rows[i][j])));
  return sameTypes && sameRows ? { kind: 'same' } : { kind: 'differ', local: describeOutcome(local), trino: describeOutcome(trino) };
}

export interface Engines {
  local: AthenaLocalEngine;
  trino: TrinoEngine;
  close(): Promise<void>;
}

export function trinoUrl(): string {
  const url = inject('trinoUrl');
  if (!url) throw new Error('no Trino: run the tier with `npm run test:trino` (its global setup starts Trino)');
  return url;
}

/**
 * fetch asking Trino for uncompressed answers: Trino gzips every answer a client accepts gzipped (Node's fetch asks
 * for it), and on the loopback the compression is CPU for nothing on both sides: inflating took 18 % of the random
 * expressions fork's JavaScript CPU (docs/performance.md, "the Trino oracle tier's wall time").
 */
export const uncompressedFetch: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('accept-encoding', 'identity');
  return fetch(input, { ...init, headers });
};

export async function openEngines(lakeRoot: string): Promise<Engines> {
  const local = await AthenaLocalEngine.open({ lakeRoot, inMemory: true, threads: 1 });
  const trino = new TrinoEngine({ url: trinoUrl() }, { fetch: uncompressedFetch });
  return { local, trino, close: () => local.close() };
}
