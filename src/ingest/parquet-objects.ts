// Writes many small Parquet objects in one DuckDB pass: rows go in through the Appender in DataChunk batches (the
// fastest path from Node), one partitioned COPY writes every file into a scratch folder, and each file is then put
// into the lake through the object store (whole, so readers never see half a file). Partition columns stay out of the
// files, as Hive layouts expect.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBDataChunk, INTEGER, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { ObjectStore } from '../storage/object-store/index.js';
import { recordWrittenParquet } from '../storage/written-parquet.js';

export interface ParquetColumn {
  name: string;
  /** DuckDB column type in SQL, e.g. `TIMESTAMP_MS` (written as Parquet TIMESTAMP(MILLIS)). */
  sqlType: string;
  /** The same type for the Appender. */
  type: DuckDBType;
}

export interface ParquetObject {
  key: string;
  /** Column-major values, in `columns` order, all of the same length. */
  columns: DuckDBValue[][];
}

export interface ParquetWriteOutcome {
  key: string;
  rows: number;
  error?: Error;
}

/** DuckDB's vector size: a DataChunk holds at most this many rows. */
const CHUNK_ROWS = 2048;
const STAGE_TABLE = 'ingest_parquet_stage';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * Writes each object as one SNAPPY Parquet file. A failure of one object's upload is reported on that object; when
 * the shared COPY itself fails, every object is retried alone so one bad object cannot take the others down.
 */
export async function writeParquetObjects(
  connection: DuckDBConnection,
  store: ObjectStore,
  bucket: string,
  columns: ParquetColumn[],
  objects: ParquetObject[],
): Promise<ParquetWriteOutcome[]> {
  if (!objects.length) return [];
  try {
    return await writeTogether(connection, store, bucket, columns, objects);
  } catch (error) {
    if (objects.length === 1) return [{ key: objects[0].key, rows: rowCount(objects[0]), error: asError(error) }];
    const outcomes: ParquetWriteOutcome[] = [];
    for (const object of objects) outcomes.push(...(await writeParquetObjects(connection, store, bucket, columns, [object])));
    return outcomes;
  }
}

async function writeTogether(
  connection: DuckDBConnection,
  store: ObjectStore,
  bucket: string,
  columns: ParquetColumn[],
  objects: ParquetObject[],
): Promise<ParquetWriteOutcome[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'lake-parquet-'));
  try {
    const definition = [`file_no INTEGER`, ...columns.map((c) => `${quote(c.name)} ${c.sqlType}`)].join(', ');
    await connection.run(`CREATE OR REPLACE TEMP TABLE ${STAGE_TABLE} (${definition})`);
    const appender = await connection.createAppender(STAGE_TABLE, 'main', 'temp');
    try {
      // The objects' rows in order, packed into full chunks: the P1 consumer's objects hold ~90 rows each (an hour of a
      // batch), and a chunk per object cost a DataChunk and its vectors per ~90 rows (issue 18: ~1,150 chunks per
      // `npm start` instead of ~55). The staged table holds the same rows in the same order either way.
      const types = [INTEGER, ...columns.map((c) => c.type)];
      let pending: DuckDBValue[][] = types.map(() => []);
      const append = () => {
        const chunk = DuckDBDataChunk.create(types, pending[0].length);
        chunk.setColumns(pending);
        appender.appendDataChunk(chunk);
        pending = types.map(() => []);
      };
      objects.forEach((object, fileNo) => {
        const rows = rowCount(object);
        for (let start = 0; start < rows; ) {
          const end = Math.min(rows, start + CHUNK_ROWS - pending[0].length);
          for (let i = start; i < end; i++) pending[0].push(fileNo);
          object.columns.forEach((values, c) => {
            const target = pending[c + 1];
            for (let i = start; i < end; i++) target.push(values[i]);
          });
          start = end;
          if (pending[0].length === CHUNK_ROWS) append();
        }
      });
      if (pending[0].length) append();
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    await connection.run(`COPY ${STAGE_TABLE} TO ${sqlString(scratch)} (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (file_no), OVERWRITE_OR_IGNORE)`);
    const schema = `ingest-parquet ${JSON.stringify(columns.map((c) => [c.name, c.sqlType]))}`;
    const outcomes: ParquetWriteOutcome[] = [];
    for (const [fileNo, object] of objects.entries()) {
      const rows = rowCount(object);
      try {
        if (rows === 0) throw new Error(`no rows for ${object.key}`);
        const folder = join(scratch, `file_no=${fileNo}`);
        // One file per partition is what DuckDB writes at these sizes; anything else would lose rows silently.
        const files = await readdir(folder);
        if (files.length !== 1) throw new Error(`DuckDB wrote ${files.length} files for ${object.key}, expected 1`);
        const file = join(folder, files[0]);
        // Every file of this COPY has the Parquet schema of these columns: the lake's catalog need not read its footer
        // to tell (written-parquet.ts). Recorded before the rename into the lake, which keeps the file's identity.
        recordWrittenParquet(file, schema);
        if (store.putFile) await store.putFile(bucket, object.key, file);
        else await store.put(bucket, object.key, await readFile(file));
        outcomes.push({ key: object.key, rows });
      } catch (error) {
        outcomes.push({ key: object.key, rows, error: asError(error) });
      }
    }
    return outcomes;
  } finally {
    await connection.run(`DROP TABLE IF EXISTS temp.${STAGE_TABLE}`).catch(() => undefined);
    await rm(scratch, { recursive: true, force: true });
  }
}

const rowCount = (object: ParquetObject): number => object.columns[0]?.length ?? 0;
const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
