// The registry of Parquet files this process wrote with one schema (src/storage/written-parquet.ts), which lets the
// local catalog skip reading every footer of a table folder (filesAgree) for the ingest writer's files (issue 18,
// npm start). It may only answer "they agree" where the footers say so too: each case is checked against filesAgree.
import { copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIGINT, type DuckDBConnection, type DuckDBInstance, INTEGER, VARCHAR } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDuckDb } from '../../src/engines/duckdb/connection.js';
import { filesAgree } from '../../src/engines/local/parquet-reading.js';
import { type ParquetColumn, writeParquetObjects } from '../../src/ingest/parquet-objects.js';
import { LocalObjectStore } from '../../src/storage/object-store/index.js';
import { forgetWrittenParquet, writtenWithOneSchema } from '../../src/storage/written-parquet.js';
import { tempLake } from '../ingest/helpers.js';

const BUCKET = 'lake';
const COLUMNS: ParquetColumn[] = [
  { name: 'id', sqlType: 'INTEGER', type: INTEGER },
  { name: 'name', sqlType: 'VARCHAR', type: VARCHAR },
];
const WIDER: ParquetColumn[] = [
  { name: 'id', sqlType: 'BIGINT', type: BIGINT },
  { name: 'name', sqlType: 'VARCHAR', type: VARCHAR },
];

describe('Parquet files written by this process with one schema', () => {
  let lake: ReturnType<typeof tempLake>;
  let store: LocalObjectStore;
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  let table: string;
  const glob = () => `${table}/hour=*/**/[!._]*`;
  const write = (columns: ParquetColumn[], keys: string[], id: number | bigint = 1) =>
    writeParquetObjects(
      connection,
      store,
      BUCKET,
      columns,
      keys.map((key) => ({ key: `t/${key}`, columns: [[id], ['x']] })),
    );
  /** The registry's answer, which must never be "agree" where the footers disagree. */
  const answer = async () => {
    const known = writtenWithOneSchema(table);
    if (known) expect(await filesAgree(connection, glob())).toBe(true);
    return known;
  };

  beforeEach(async () => {
    forgetWrittenParquet();
    lake = tempLake();
    store = new LocalObjectStore(lake.root);
    table = join(lake.root, BUCKET, 't');
    ({ instance, connection } = await openDuckDb({ path: ':memory:' }));
  });
  afterEach(() => {
    connection.closeSync();
    instance.closeSync();
    rmSync(lake.root, { recursive: true, force: true });
  });

  it('knows the files of one batch and of later batches with the same columns', async () => {
    await write(COLUMNS, ['hour=1/a.parquet', 'hour=2/b.parquet']);
    expect(await answer()).toBe(true);
    await write(COLUMNS, ['hour=3/c.parquet']);
    expect(await answer()).toBe(true);
  });

  it('does not know a folder holding a file of other columns', async () => {
    await write(COLUMNS, ['hour=1/a.parquet']);
    await write(WIDER, ['hour=2/b.parquet'], 1n);
    expect(await filesAgree(connection, glob())).toBe(false);
    expect(await answer()).toBe(false);
  });

  it('does not know a file another writer put there', async () => {
    await write(COLUMNS, ['hour=1/a.parquet', 'hour=2/b.parquet']);
    mkdirSync(join(table, 'hour=3'));
    writeFileSync(join(table, 'hour=3', 'c.parquet'), 'not parquet');
    expect(await answer()).toBe(false);
  });

  it('does not know a file replaced by another one (a copy has a new identity)', async () => {
    await write(COLUMNS, ['hour=1/a.parquet', 'hour=2/b.parquet']);
    expect(await answer()).toBe(true);
    const file = join(table, 'hour=1', 'a.parquet');
    copyFileSync(file, `${file}.copy`);
    renameSync(`${file}.copy`, file);
    expect(await answer()).toBe(false);
  });

  it('ignores hidden and underscore files as the glob does, but not files in hidden folders', async () => {
    await write(COLUMNS, ['hour=1/a.parquet']);
    writeFileSync(join(table, 'hour=1', '_SUCCESS'), '');
    writeFileSync(join(table, 'hour=1', '.a.parquet.crc'), '');
    expect(await answer()).toBe(true);
    mkdirSync(join(table, 'hour=1', '.staging'));
    writeFileSync(join(table, 'hour=1', '.staging', 'x.parquet'), 'not parquet');
    expect(writtenWithOneSchema(table)).toBe(false);
  });

  it('answers false for an empty or missing folder', async () => {
    expect(writtenWithOneSchema(table)).toBe(false);
    mkdirSync(join(table, 'hour=1'), { recursive: true });
    expect(writtenWithOneSchema(table)).toBe(false);
  });
});
