// The P1 consumer's per-record work made cheaper without changing what it writes (issue 18, npm start): the hour
// partition path memoized by hour number (src/ingest/partitions.ts hourPartitionPathOf), and the Parquet writer's
// appender fed full chunks across objects instead of a chunk per object (src/ingest/parquet-objects.ts).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  type DuckDBConnection,
  type DuckDBInstance,
  INTEGER,
  TIMESTAMP_MS,
  VARCHAR,
  DuckDBTimestampMillisecondsValue,
  type DuckDBValue,
} from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDuckDb } from '../../src/engines/duckdb/connection.js';
import { type ParquetColumn, writeParquetObjects } from '../../src/ingest/parquet-objects.js';
import { hourPartitionOf, hourPartitionPath, hourPartitionPathOf } from '../../src/ingest/partitions.js';
import { LocalObjectStore } from '../../src/storage/object-store/index.js';
import { tempLake } from './helpers.js';

const HOUR = 3_600_000;

describe('hourPartitionPathOf', () => {
  it('equals hourPartitionPath(hourPartitionOf(ms)) around hour boundaries, before 1970 and at the ends of Date', () => {
    const instants: number[] = [0, -1, 1, -HOUR, -HOUR - 1, -HOUR + 1, 8.64e15, -8.64e15, 8.64e15 - 1, -8.64e15 + 1, 8.64e15 + 1, -8.64e15 - 1];
    // Hour boundaries of a week of 2026 (the demo's span) and of years 1, 1969 and 9999, each side of the boundary.
    for (const start of [Date.UTC(2026, 10, 30), Date.UTC(1969, 11, 31), Date.UTC(1, 0, 1), Date.UTC(9999, 11, 30)])
      for (let h = 0; h < 24 * 7; h++) instants.push(start + h * HOUR - 1, start + h * HOUR, start + h * HOUR + 1, start + h * HOUR + 1_799_999);
    // Values a Date truncates or refuses: fractions (toward zero, not down), NaN, infinities.
    instants.push(-0.5, 0.5, -HOUR + 0.25, HOUR - 0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
    for (const ms of instants) expect(hourPartitionPathOf(ms), String(ms)).toBe(hourPartitionPath(hourPartitionOf(ms)));
    // Asked again (from the memo), the same.
    for (const ms of instants) expect(hourPartitionPathOf(ms), String(ms)).toBe(hourPartitionPath(hourPartitionOf(ms)));
  });
});

describe('writeParquetObjects packs rows into full chunks', () => {
  const BUCKET = 'lake';
  const COLUMNS: ParquetColumn[] = [
    { name: 'id', sqlType: 'INTEGER', type: INTEGER },
    { name: 'name', sqlType: 'VARCHAR', type: VARCHAR },
    { name: 'at', sqlType: 'TIMESTAMP_MS', type: TIMESTAMP_MS },
  ];
  let lake: ReturnType<typeof tempLake>;
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;

  beforeEach(async () => {
    lake = tempLake();
    ({ instance, connection } = await openDuckDb({ path: ':memory:', threads: 1 }));
  });
  afterEach(() => {
    connection.closeSync();
    instance.closeSync();
    rmSync(lake.root, { recursive: true, force: true });
  });

  it('writes each object its own rows in order, whatever the objects sizes against the 2,048-row chunk', async () => {
    // Objects smaller than a chunk, exactly one, one row over and under, several chunks, one row: chunk edges fall
    // inside objects and between them.
    const sizes = [3000, 1, 2047, 2048, 2049, 90, 4097, 7];
    const objects = sizes.map((n, o) => {
      const columns: DuckDBValue[][] = [[], [], []];
      for (let i = 0; i < n; i++) {
        columns[0].push(o * 10_000 + i);
        columns[1].push(i % 7 === 0 ? null : `o${o}-r${i}`);
        columns[2].push(new DuckDBTimestampMillisecondsValue(BigInt(1_765_000_000_000 + o * HOUR + i)));
      }
      return { key: `t/o=${o}/part.parquet`, columns };
    });
    const outcomes = await writeParquetObjects(connection, new LocalObjectStore(lake.root), BUCKET, COLUMNS, objects);
    expect(outcomes).toEqual(objects.map((o, i) => ({ key: o.key, rows: sizes[i] })));
    for (const [o, object] of objects.entries()) {
      const file = join(lake.root, BUCKET, object.key);
      // file_row_number: the order the rows were written in.
      const reader = await connection.runAndReadAll(
        `SELECT id, name, epoch_ms("at") AS at FROM read_parquet('${file}', file_row_number = true) ORDER BY file_row_number`,
      );
      const rows = reader.getRows().map(([id, name, at]) => [id, name, Number(at)]);
      const expected = object.columns[0].map((id, i) => [id, object.columns[1][i], 1_765_000_000_000 + o * HOUR + i]);
      expect(rows, object.key).toEqual(expected);
    }
  });
});
