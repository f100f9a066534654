// Shared by the DDL/DML/names tests: a throw-away lake folder with a local engine over it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AthenaLocalEngine } from '../../src/engines/local/engine.js';

export const tempLake = (): string => mkdtempSync(join(tmpdir(), 'lake-ddl-'));

export async function openLake(lakeRoot = tempLake()): Promise<AthenaLocalEngine> {
  return AthenaLocalEngine.open({ lakeRoot, inMemory: true, threads: 1 });
}

/**
 * A local engine over a throw-away in-memory lake, opened before the calling file's tests and closed after them. The
 * value stands for the engine from the file's first test on (its methods are the opened engine's).
 */
export function sharedLake(): AthenaLocalEngine {
  let engine: AthenaLocalEngine | undefined;
  beforeAll(async () => {
    engine = await openLake();
  });
  afterAll(async () => engine?.close());
  const opened = (): AthenaLocalEngine => {
    if (engine === undefined) throw new Error('sharedLake: the engine is opened in beforeAll, before the first test');
    return engine;
  };
  return new Proxy({} as AthenaLocalEngine, {
    get: (_target, key) => {
      const value: unknown = Reflect.get(opened(), key);
      return typeof value === 'function' ? value.bind(opened()) : value;
    },
  });
}

/**
 * A lake file written by one engine running `setup`, then read by a second engine opened after it (what a later
 * `lake sql` or `lake run` model sees: the catalog in the lake's file, not in memory), opened before the calling file's
 * tests and closed after them. The value gives the reading engine from the file's first test on.
 */
export function reopenedLake(setup: readonly string[]): () => AthenaLocalEngine {
  const lake = tempLake();
  const open = () => AthenaLocalEngine.open({ lakeRoot: lake, threads: 1 });
  let reader: AthenaLocalEngine | undefined;
  beforeAll(async () => {
    const writer = await open();
    for (const sql of setup) await writer.execute(sql);
    await writer.close();
    reader = await open();
  });
  afterAll(async () => reader?.close());
  return () => {
    if (reader === undefined) throw new Error('reopenedLake: the engine is opened in beforeAll, before the first test');
    return reader;
  };
}

/** A query's rows and its columns' types, as Trino reports them. */
export async function rowsAndTypes(engine: AthenaLocalEngine, sql: string): Promise<{ rows: unknown[][]; types: string[] }> {
  const result = await engine.execute(sql);
  return { rows: result.rows, types: result.columns.map((c) => c.type) };
}

/** A query's columns as `name type` and its rows, the shape the query-level tests compare with Trino's answers. */
export async function namedResult(engine: AthenaLocalEngine, sql: string): Promise<{ columns: string[]; rows: unknown[][] }> {
  const r = await engine.execute(sql);
  return { columns: r.columns.map((c) => `${c.name} ${c.type}`), rows: r.rows };
}

/** Writes a file into the lake at an s3-style path (`bucket/key`), gzipped when the name ends in .gz. */
export function writeLakeFile(lakeRoot: string, path: string, content: string): string {
  const file = join(lakeRoot, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, path.endsWith('.gz') ? gzipSync(content) : content);
  return file;
}

export const ndjson = (rows: object[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

/**
 * A lint refusal `<sql>:1:<col>: error [unfaithful/<rule>] <message>` placed at the first occurrence of `at` in `sql`;
 * `message` is a regular expression source for the start of the message.
 */
export const refusedAt = (rule: string, sql: string, at: string, message = ''): RegExp =>
  new RegExp(`<sql>:1:${sql.indexOf(at) + 1}: error \\[unfaithful/${rule}\\] ${message}`);

/** A correlated subquery refused at lint (`unfaithful/correlated-subquery`) at the first occurrence of `at` in `sql`. */
export const correlatedAt = (sql: string, at: string): RegExp => refusedAt('correlated-subquery', sql, at);

/** Trino 476's failure when a recursive WITH has not ended after its default depth of 10 steps. */
export const RECURSION_DEPTH_EXCEEDED =
  /NOT_SUPPORTED: Recursion depth limit exceeded \(10\)\. Use 'max_recursion_depth' session property to modify the limit\./;

/**
 * Tables of query cases over one engine: `refused` rows are [name, sql, the text the refusal points at], `answers`
 * rows are [name, sql, Trino's column types, Trino's rows].
 */
export function caseTables(engine: () => AthenaLocalEngine) {
  return {
    refused: (cases: [string, string, string][], rule: string) =>
      it.each<[string, string, string]>(cases)('%s', async (_name, sql, at) => {
        await expect(engine().execute(sql)).rejects.toThrow(refusedAt(rule, sql, at));
      }),
    answers: (cases: [string, string, string[], unknown[][]][]) =>
      it.each<[string, string, string[], unknown[][]]>(cases)('%s answers as Trino', async (_name, sql, types, rows) => {
        expect(await rowsAndTypes(engine(), sql)).toEqual({ rows, types });
      }),
  };
}
