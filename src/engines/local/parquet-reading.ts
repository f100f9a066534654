// Whether a Parquet table's view may read its files without `union_by_name` (issue 18). With it, binding the view
// opens every file's footer (672 at four weeks of hourly partitions), in every statement that reads the table; without
// it DuckDB takes the first file's schema (glob order) and casts every other file's columns to it, and a file missing a
// column fails ("schema mismatch in glob … could not be found in file …") where Athena reads NULL. So the plain reader
// is used only when it gives union_by_name's answer:
// - when the view is created, every file has the same columns of the same types, and the first one reads each declared
//   column as its declared type (the local writer writes exactly those, so its later files keep this true);
// - before each statement, the first file in glob order still reads as declared (a file landed by another writer may
//   sort first, and its types would then be imposed on every other file);
// - a file landed later by another writer without a declared column makes DuckDB fail; the engine then reads that
//   table by name and runs the statement again (LakeCatalog.readByName).
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { duckDbTypeOf, parseHiveType } from '../../dialect/hive-types.js';
import type { LakeTable } from '../../dialect/lake-table.js';
import { sqlString } from './readers.js';

/** `Failed to read file …: schema mismatch in glob: column "c" was read from …, but could not be found in file "…"`. */
const SCHEMA_MISMATCH = /schema mismatch in glob: column "(?:[^"]|"")*" was read from the original file "[^"]*", but could not be found in file "([^"]*)"/;

/** The file DuckDB's plain Parquet reader found without a column of the first file, from its error; else undefined. */
export function fileMissingColumn(error: unknown): string | undefined {
  return SCHEMA_MISMATCH.exec(error instanceof Error ? error.message : String(error))?.[1];
}

/** Only flat declared columns: nested types' schemas are not compared here, so they keep union_by_name. */
export const mayReadPlain = (table: LakeTable): boolean =>
  table.format.kind === 'parquet' && table.partitions.length === 0 && table.columns.every((c) => parseHiveType(c.type).kind === 'primitive');

/** DuckDB's glob order: paths compared byte by byte (a folder's entries as `name/`). */
const globOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * The first data file of `<tableDir>/k1=*\/…/kn=*\/**\/[!._]*` in DuckDB's glob order (the file whose schema the plain
 * reader takes), if any, and every folder read to find it: the answer changes only if one of them does.
 */
export function firstDataFile(tableDir: string, keys: readonly string[]): { file: string | undefined; folders: string[] } {
  const folders: string[] = [];
  const walk = (dir: string, depth: number): string | undefined => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return undefined;
    }
    folders.push(dir);
    const candidates = entries
      .filter((e) => (depth < keys.length ? e.isDirectory() && e.name.startsWith(`${keys[depth]}=`) : e.isDirectory() || e.isFile()))
      .map((e) => ({ name: e.name, dir: e.isDirectory(), key: e.isDirectory() ? `${e.name}/` : e.name }))
      .sort((a, b) => globOrder(a.key, b.key));
    for (const entry of candidates) {
      if (entry.dir) {
        const found = walk(join(dir, entry.name), depth + 1);
        if (found) return found;
      } else if (!entry.name.startsWith('.') && !entry.name.startsWith('_')) return join(dir, entry.name);
    }
    return undefined;
  };
  return { file: walk(tableDir, 0), folders };
}

/** Modification times can be coarser than the clock: a stamp is trusted only once everything in it is this old. */
const SETTLED_MS = 2_000;

/**
 * What a walk's folders and file looked like (modification time and size of each), or undefined while any of them
 * changed too recently to tell a later change from this one. Equal stamps: the first file is still the same file.
 */
export function settledStamp(paths: readonly string[], now = Date.now()): string | undefined {
  const parts: string[] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return undefined;
    }
    if (stat.mtimeMs > now - SETTLED_MS) return undefined;
    parts.push(`${stat.mtimeMs}:${stat.size}`);
  }
  return parts.join('|');
}

const normalType = (type: string) => type.replaceAll(' ', '').toUpperCase();

/** Whether DuckDB reads each of the table's declared data columns from `file` as the declared type. */
export async function readsAsDeclared(connection: DuckDBConnection, file: string, table: LakeTable): Promise<boolean> {
  const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${sqlString(file)}, hive_partitioning = false)`);
  const types = new Map(reader.getRowObjects().map((r) => [String(r.column_name), normalType(String(r.column_type))]));
  return table.columns.every((c) => types.get(c.name) === normalType(duckDbTypeOf(parseHiveType(c.type))));
}

/** Whether every file of the glob has the same schema (column names, physical and logical types, in any order). */
export async function filesAgree(connection: DuckDBConnection, glob: string): Promise<boolean> {
  const reader = await connection.runAndReadAll(
    `SELECT count(DISTINCT schema) FROM (
       SELECT file_name, array_to_string(list_sort(list(concat_ws('|', name, type, converted_type, logical_type, scale, precision, repetition_type))), ';') AS schema
       FROM parquet_schema(${sqlString(glob)}) WHERE type IS NOT NULL GROUP BY file_name)`,
  );
  return Number(reader.getRows()[0][0]) <= 1;
}
