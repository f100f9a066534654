// The local lake folder: S3 locations mapped to paths, data-file discovery the way Athena sees files, and atomic
// publication of freshly written files.
import { randomUUID } from 'node:crypto';
import { type Dir, type Dirent, existsSync, lstatSync, mkdirSync, opendirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { assertInsideLake, insideLakeBelow, OutsideLakeError } from '../../storage/lake-confinement.js';
import { unescapePartitionValue } from '../../storage/object-store/hive-layout.js';
import { parseS3Uri, s3Folder } from '../../storage/object-store/object-store.js';

export { escapePartitionValue, HIVE_DEFAULT_PARTITION, partitionPath, unescapePartitionValue } from '../../storage/object-store/hive-layout.js';

/** `s3://BUCKET/KEY` → `<lakeRoot>/BUCKET/KEY`. */
export function localPathOf(lakeRoot: string, uri: string): string {
  const { bucket, key } = parseS3Uri(uri);
  const segments = key.split('/').filter(Boolean);
  // On S3 `..` is just a name; here join() would climb out of the bucket. (Statements are refused earlier, in sandbox.ts.)
  if (bucket === '..' || bucket === '.' || segments.some((s) => s === '..' || s === '.' || s.includes('\\'))) {
    throw new OutsideLakeError(`location '${uri}' has '.' or '..' segments: it would point outside its bucket in the local lake`);
  }
  return join(lakeRoot, bucket, ...segments);
}

/** Athena (Hive) skips files and folders whose names start with `_` or `.` (markers, temp files). */
const isHidden = (name: string) => name.startsWith('_') || name.startsWith('.');

/** Data files under a folder, recursively, as absolute paths. */
export function listDataFiles(dir: string, limit = Number.POSITIVE_INFINITY): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (out.length >= limit) return;
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (out.length >= limit) return;
      if (isHidden(entry.name)) continue;
      if (entry.isDirectory()) walk(join(d, entry.name));
      else if (entry.isFile()) out.push(join(d, entry.name));
    }
  };
  walk(dir);
  return out;
}

/**
 * Whether a folder holds a data file, at any depth. Entries are read a batch at a time and the walk stops at the first
 * data file: every statement asks this of every Hive table (catalog view refresh), and a landing folder of one-record
 * files (P1's invalid/, ~2,000 files after `npm start`) was read whole each time.
 */
export const hasDataFiles = (dir: string): boolean => firstDataFile(dir) !== undefined;

/** Whether some partition folder (`k1=…/k2=…/`, keys in order) under a table folder holds a data file; stops at the first. */
export const hasPartitionData = (tableDir: string, keys: readonly string[]): boolean => firstPartitionDataFile(tableDir, keys) !== undefined;

/** The first data file found under a folder, at any depth (see hasDataFiles). */
function firstDataFile(dir: string): string | undefined {
  return findEntry(dir, (entry) => {
    if (isHidden(entry.name)) return undefined;
    if (entry.isFile()) return join(dir, entry.name);
    return entry.isDirectory() ? firstDataFile(join(dir, entry.name)) : undefined;
  });
}

/** The first data file found in a partition folder under a table folder (see hasPartitionData). */
function firstPartitionDataFile(tableDir: string, keys: readonly string[]): string | undefined {
  if (keys.length === 0) return firstDataFile(tableDir);
  const [key, ...rest] = keys;
  return findEntry(tableDir, (entry) =>
    entry.isDirectory() && entry.name.startsWith(`${key}=`) ? firstPartitionDataFile(join(tableDir, entry.name), rest) : undefined,
  );
}

/** Reads a folder's entries a batch at a time until `find` gives an answer for one; undefined for a folder that cannot be read. */
function findEntry(dir: string, find: (entry: Dirent) => string | undefined): string | undefined {
  let handle: Dir;
  try {
    handle = opendirSync(dir);
  } catch {
    return undefined;
  }
  try {
    for (let entry = handle.readSync(); entry !== null; entry = handle.readSync()) {
      const found = find(entry);
      if (found !== undefined) return found;
    }
    return undefined;
  } finally {
    handle.closeSync();
  }
}

/**
 * hasPartitionData for the same folders asked again and again (every statement asks it of every Hive table): the data
 * file that answered yes is kept, and while it is still a file there the answer stands, for one lstat instead of a walk
 * of the folders down to it (its path already meets every rule of the walk: partition folders, no hidden name). A folder
 * without data, or whose file is gone, is walked again.
 */
export class DataFilePresence {
  private readonly found = new Map<string, string>();

  has(dir: string, keys: readonly string[] = []): boolean {
    const key = `${dir}\n${keys.join('/')}`;
    const known = this.found.get(key);
    if (known !== undefined && lstatSync(known, { throwIfNoEntry: false })?.isFile()) return true;
    const file = firstPartitionDataFile(dir, keys);
    if (file === undefined) this.found.delete(key);
    else {
      if (this.found.size >= 10_000) this.found.clear();
      this.found.set(key, file);
    }
    return file !== undefined;
  }
}

/** Partition folders under a table folder that hold at least one data file, as value lists in key order. */
export function discoverPartitions(tableDir: string, keys: readonly string[], limit = Number.POSITIVE_INFINITY): (string | null)[][] {
  const found: (string | null)[][] = [];
  const walk = (dir: string, depth: number, values: (string | null)[]) => {
    if (found.length >= limit) return;
    if (depth === keys.length) {
      if (hasDataFiles(dir)) found.push(values);
      return;
    }
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const prefix = `${keys[depth]}=`;
    for (const entry of entries.filter((e) => e.isDirectory() && e.name.startsWith(prefix)).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      walk(join(dir, entry.name), depth + 1, [...values, unescapePartitionValue(entry.name.slice(prefix.length))]);
    }
  };
  walk(tableDir, 0, []);
  return found;
}

/** A fresh folder for files being written, on the lake's file system so that publishing is a rename. */
export function stagingDir(lakeRoot: string): string {
  const dir = join(lakeRoot, '.duckdb', 'staging', randomUUID());
  assertInsideLake(lakeRoot, dir);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Moves every file written under `staging` to the same relative path under `target`, then removes `staging`. Each
 * file appears by rename, so a reader sees whole files only; none is published through a link out of the lake. Returns
 * the published paths.
 */
export function publishFiles(staging: string, target: string, lakeRoot: string): string[] {
  const published: string[] = [];
  for (const file of listDataFiles(staging)) {
    const rel = relative(staging, file);
    const dest = join(target, rel);
    assertInsideLake(lakeRoot, dest);
    mkdirSync(join(dest, '..'), { recursive: true });
    if (existsSync(dest)) throw new Error(`refusing to overwrite ${dest}: file names of new data must be unique`);
    renameSync(file, dest);
    published.push(dest);
  }
  rmSync(staging, { recursive: true, force: true });
  return published;
}

/**
 * Publishes staged partition folders over a table's, replacing each written partition: per partition, the new files
 * appear by rename and only then are the partition's older data files deleted. A crash in between leaves a partition
 * with its older files beside the new ones (never an empty or half-written one) until a rerun replaces it again.
 * `partitions` are the relative folders (`k1=v1/k2=v2`) written under `staging`. Returns the published paths.
 */
export function publishReplacing(staging: string, target: string, lakeRoot: string, partitions: readonly string[]): string[] {
  const published: string[] = [];
  const madeParents = new Set<string>();
  const assertInside = insideLakeBelow(lakeRoot, target);
  for (const partition of partitions) {
    const from = join(staging, partition);
    const to = join(target, partition);
    assertInside(to);
    if (!existsSync(to)) {
      // A partition the table does not have yet appears by one rename of its staged folder, files and all (a reader
      // still sees whole files only): a mkdir, a check and a rename per file, and an rmdir when the staging folder is
      // removed, cost ~0.5 ms of system CPU per partition (issue 18: ~0.1 s per 168-partition write).
      const parent = dirname(to);
      if (!madeParents.has(parent)) mkdirSync(parent, { recursive: true });
      madeParents.add(parent);
      const names = readdirSync(from);
      renameSync(from, to);
      for (const name of names) published.push(join(to, name));
      continue;
    }
    const older = listDataFiles(to);
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from)) {
      const dest = join(to, name);
      if (existsSync(dest)) throw new Error(`refusing to overwrite ${dest}: file names of new data must be unique`);
      renameSync(join(from, name), dest);
      published.push(dest);
    }
    for (const file of older) rmSync(file, { force: true });
  }
  rmSync(staging, { recursive: true, force: true });
  return published;
}

export const discardStaging = (staging: string): void => rmSync(staging, { recursive: true, force: true });

/** Whether an S3 folder location lies inside another (`s3://b/t/p=1/` inside `s3://b/t/`). */
export const isInside = (inner: string, outer: string): boolean => s3Folder(inner).startsWith(s3Folder(outer));

/** Posix-style relative path, for messages and globs. */
export const toPosix = (path: string): string => path.split(sep).join('/');
