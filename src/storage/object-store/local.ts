import { randomUUID } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { assertInsideLake } from '../lake-confinement.js';
import { ObjectExistsError, ObjectNotFoundError, type ObjectInfo, type ObjectStore, type PutOptions } from './object-store.js';

/**
 * The lake folder as an object store: `s3://BUCKET/KEY` is the file `<lakeRoot>/BUCKET/KEY`. Folders are an artefact
 * of the file system: they are created on write and pruned when deletes leave them empty, so listings match S3's.
 */
export class LocalObjectStore implements ObjectStore {
  constructor(readonly lakeRoot: string) {}

  private pathOf(bucket: string, key: string): string {
    if (!bucket || bucket.includes('/') || bucket.startsWith('.')) throw new Error(`invalid bucket name '${bucket}'`);
    const path = join(this.lakeRoot, bucket, key);
    if (relative(join(this.lakeRoot, bucket), path).startsWith('..')) throw new Error(`key '${key}' leaves bucket '${bucket}'`);
    return path;
  }

  async list(bucket: string, prefix: string): Promise<ObjectInfo[]> {
    const bucketDir = this.pathOf(bucket, '');
    // Only the folder part of the prefix can be walked; the rest filters names.
    const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/') + 1) : '';
    const out: ObjectInfo[] = [];
    const walk = (dir: string) => {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const path = join(dir, entry.name);
        const key = relative(bucketDir, path).split(sep).join('/');
        if (entry.isDirectory()) {
          if (`${key}/`.startsWith(prefix) || prefix.startsWith(`${key}/`)) walk(path);
        } else if (entry.isFile() && key.startsWith(prefix)) {
          const stat = statSync(path);
          out.push({ key, size: stat.size, lastModified: stat.mtime });
        }
      }
    };
    walk(join(bucketDir, folder));
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async get(bucket: string, key: string): Promise<Buffer> {
    try {
      return readFileSync(this.pathOf(bucket, key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ObjectNotFoundError(bucket, key);
      throw error;
    }
  }

  async put(bucket: string, key: string, body: Buffer | string, options: PutOptions = {}): Promise<void> {
    const path = this.pathOf(bucket, key);
    assertInsideLake(this.lakeRoot, path);
    mkdirSync(dirname(path), { recursive: true });
    // Write beside the target under a hidden name, then rename: readers never see half an object. A write that fails
    // (disk full) takes its temp file with it.
    const temp = join(dirname(path), `.tmp-${randomUUID()}`);
    let renamed = false;
    try {
      writeFileSync(temp, body);
      if (options.ifNoneMatch !== '*') {
        renameSync(temp, path);
        renamed = true;
      } else {
        // link() fails when the name exists: an atomic create-only publish, even between processes.
        try {
          linkSync(temp, path);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ObjectExistsError(bucket, key);
          throw error;
        }
      }
    } finally {
      try {
        // A renamed temp file is gone: unlinking it would only throw ENOENT (once per object written).
        if (!renamed) unlinkSync(temp);
      } catch {
        // renamed away, or never created
      }
    }
  }

  async putFile(bucket: string, key: string, file: string): Promise<void> {
    const path = this.pathOf(bucket, key);
    assertInsideLake(this.lakeRoot, path);
    mkdirSync(dirname(path), { recursive: true });
    try {
      renameSync(file, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      // Another file system: copied beside the target under a hidden name, then renamed, as put does.
      const temp = join(dirname(path), `.tmp-${randomUUID()}`);
      try {
        copyFileSync(file, temp);
        renameSync(temp, path);
      } finally {
        try {
          unlinkSync(temp);
        } catch {
          // renamed away, or never created
        }
      }
      unlinkSync(file);
    }
  }

  async delete(bucket: string, keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      const path = this.pathOf(bucket, key);
      // Deleting a link itself is harmless; deleting through a linked folder is not.
      assertInsideLake(this.lakeRoot, dirname(path));
      try {
        unlinkSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      this.pruneEmptyFolders(dirname(path), this.pathOf(bucket, ''));
    }
  }

  async deletePrefix(bucket: string, prefix: string): Promise<number> {
    const objects = await this.list(bucket, prefix);
    await this.delete(
      bucket,
      objects.map((o) => o.key),
    );
    return objects.length;
  }

  private pruneEmptyFolders(from: string, stopAt: string): void {
    for (let dir = from; dir.startsWith(stopAt) && dir !== stopAt; dir = dirname(dir)) {
      try {
        rmdirSync(dir);
      } catch {
        return; // not empty (or gone): stop climbing
      }
    }
  }
}
