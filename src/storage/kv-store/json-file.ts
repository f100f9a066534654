// The local key-value store: one JSON file. Writers take a lock file (safe across processes), read the file, and replace
// it atomically (temp file, fsync, rename), so readers never see a half-written file and a crash never loses the last
// committed write.
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { withFileLock, type FileLockOptions } from '../file-lock.js';
import { KeyValueStoreError, type KeyValueStore, type Versioned } from './key-value-store.js';

interface StoreFile {
  items: Record<string, Versioned<unknown>>;
}

export interface JsonFileReadOptions {
  /**
   * `get` reuses the parsed file while its inode, size and modification time are unchanged (a reader serving many
   * lookups, `lake api`). Safe because every write replaces the file by rename: a new inode.
   */
  reuseUnchanged?: boolean;
}

export class JsonFileKeyValueStore implements KeyValueStore {
  private cached: { stamp: string; data: StoreFile } | undefined;

  constructor(
    readonly path: string,
    private readonly lockOptions: FileLockOptions & { timeoutMs?: number } = {},
    private readonly readOptions: JsonFileReadOptions = {},
  ) {}

  async get<T = unknown>(key: string): Promise<Versioned<T> | undefined> {
    const item = (this.readOptions.reuseUnchanged ? await this.readUnlessUnchanged() : await this.read()).items[key];
    return item ? (structuredClone(item) as Versioned<T>) : undefined;
  }

  async put(key: string, value: unknown): Promise<number> {
    return this.write(key, value, () => true);
  }

  async putIf(key: string, value: unknown, expectedVersion: number | undefined): Promise<number | undefined> {
    let conflict = false;
    const version = await this.write(key, value, (current) => {
      conflict = current?.version !== expectedVersion;
      return !conflict;
    });
    return conflict ? undefined : version;
  }

  /** All items in one locked read-modify-write of the file. */
  async putMany(items: ReadonlyArray<readonly [key: string, value: unknown]>): Promise<void> {
    const serialized = items.map(([key, value]) => [key, serialize(key, value)] as const);
    if (serialized.length === 0) return;
    await mkdir(dirname(this.path), { recursive: true });
    await withFileLock(
      `${this.path}.lock`,
      async () => {
        const data = await this.read();
        for (const [key, text] of serialized) {
          data.items[key] = { value: JSON.parse(text) as unknown, version: (data.items[key]?.version ?? 0) + 1 };
        }
        await this.replaceFile(data);
      },
      this.lockOptions,
    );
  }

  async delete(key: string): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    await withFileLock(
      `${this.path}.lock`,
      async () => {
        const data = await this.read();
        if (!(key in data.items)) return;
        delete data.items[key];
        await this.replaceFile(data);
      },
      this.lockOptions,
    );
  }

  private async write(key: string, value: unknown, allowed: (current: Versioned<unknown> | undefined) => boolean): Promise<number> {
    const serialized = serialize(key, value);
    await mkdir(dirname(this.path), { recursive: true });
    return withFileLock(
      `${this.path}.lock`,
      async () => {
        const data = await this.read();
        const current = data.items[key];
        if (!allowed(current)) return current?.version ?? 0;
        const version = (current?.version ?? 0) + 1;
        data.items[key] = { value: JSON.parse(serialized) as unknown, version };
        await this.replaceFile(data);
        return version;
      },
      this.lockOptions,
    );
  }

  private async readUnlessUnchanged(): Promise<StoreFile> {
    let stamp: string;
    try {
      const info = await stat(this.path);
      stamp = `${info.ino}:${info.size}:${info.mtimeMs}`;
    } catch {
      return this.read();
    }
    if (this.cached?.stamp !== stamp) this.cached = { stamp, data: await this.read() };
    return this.cached.data;
  }

  private async read(): Promise<StoreFile> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { items: {} };
      throw new KeyValueStoreError(`cannot read key-value store ${this.path}: ${String(error)}`, { cause: error });
    }
    try {
      const parsed = JSON.parse(text) as StoreFile;
      if (typeof parsed !== 'object' || parsed === null || typeof parsed.items !== 'object') throw new Error('no "items" object');
      return parsed;
    } catch (error) {
      throw new KeyValueStoreError(`key-value store ${this.path} is not valid: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async replaceFile(data: StoreFile): Promise<void> {
    const temp = `${this.path}.${process.pid}.${randomUUID()}.tmp`;
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(`${JSON.stringify(data, null, 1)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, this.path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw new KeyValueStoreError(`cannot replace key-value store ${this.path}: ${String(error)}`, { cause: error });
    }
  }
}

function serialize(key: string, value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new KeyValueStoreError(`key '${key}': value is not JSON-serializable`);
  return text;
}
