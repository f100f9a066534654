// Parquet files this process wrote with a known schema (the ingest writer's one-COPY batches: every file of a batch, and
// of every batch with the same columns, has the same Parquet schema, since DuckDB derives it from the columns' types).
// The local engine's catalog asks whether every file of a table's folder is one of them before it reads all their
// footers to decide that the files agree (parquet-reading.ts filesAgree: ~150 ms of CPU for the demo's 1,154 crm_data
// files, issue 18). A file is known by its identity on disk, not its path: device, inode, size and modification time in
// nanoseconds, which a rename into the lake keeps and any rewrite, copy or replacement changes.
import { type BigIntStats, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const written = new Map<string, string>();
/** Enough for the bench's largest lake; past it the registry starts again (the footers are read instead). */
const LIMIT = 200_000;

const identity = (stat: BigIntStats): string => `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}`;

/** Records `file` (a local path, before or after a rename that keeps it) as written with `schema` (any stable key). */
export function recordWrittenParquet(file: string, schema: string): void {
  if (written.size >= LIMIT) written.clear();
  written.set(identity(statSync(file, { bigint: true })), schema);
}

/**
 * Whether every file below `dir` that a glob of data files can match (any depth, any folder; a name not starting with
 * `.` or `_`) is a file this process recorded, unchanged since, all with the same schema. False for an empty folder,
 * an unreadable entry, or any file not recorded: the caller then reads the footers as before.
 */
export function writtenWithOneSchema(dir: string): boolean {
  let schema: string | undefined;
  let files = 0;
  const walk = (d: string): boolean => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) {
        if (!walk(path)) return false;
        continue;
      }
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      // A symbolic link or anything else that is not a plain file: not one of ours.
      if (!entry.isFile()) return false;
      const known = written.get(identity(statSync(path, { bigint: true })));
      if (known === undefined || (schema !== undefined && known !== schema)) return false;
      schema = known;
      files++;
    }
    return true;
  };
  try {
    return walk(dir) && files > 0;
  } catch {
    return false;
  }
}

/** For tests: forgets every recorded file. */
export function forgetWrittenParquet(): void {
  written.clear();
}
