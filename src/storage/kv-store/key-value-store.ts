// A small key-value store: get / put / conditional put by key, each value carrying a version that grows by one per
// write. Locally it is a JSON file (json-file.ts); on AWS a DynamoDB table (dynamodb.ts). Alert state, the scheduler's
// last-run marks and DynamoDB-style serving tables all sit on this one interface.
import { LakeError } from '../../errors.js';

export interface Versioned<T> {
  value: T;
  /** 1 after the first write, +1 per write. Conditional puts compare against it. */
  version: number;
}

/** Values must be JSON-serializable (plain objects, arrays, strings, finite numbers, booleans, null). */
export interface KeyValueStore {
  get<T = unknown>(key: string): Promise<Versioned<T> | undefined>;
  /** Unconditional write; resolves to the new version. */
  put(key: string, value: unknown): Promise<number>;
  /**
   * Writes only if the stored version is `expectedVersion` (`undefined`: only if the key is absent). Resolves to the
   * new version, or `undefined` when another writer got there first.
   */
  putIf(key: string, value: unknown, expectedVersion: number | undefined): Promise<number | undefined>;
  delete(key: string): Promise<void>;
  /**
   * Optional bulk form of `put` for stores where one write per item is costly (the JSON file rewrites itself per
   * write): every item written unconditionally, each version +1. Callers fall back to `put` when it is absent.
   */
  putMany?(items: ReadonlyArray<readonly [key: string, value: unknown]>): Promise<void>;
}

export class KeyValueStoreError extends LakeError {
  override readonly name: string = 'KeyValueStoreError';
}

/**
 * Optimistic read-modify-write: reads the key, applies `change`, writes conditionally, and starts over when another
 * writer won. `change` may run more than once, so it must be pure. Returns what was written.
 */
export async function updateKey<T>(store: KeyValueStore, key: string, change: (current: T | undefined) => T, maxAttempts = 20): Promise<Versioned<T>> {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const current = await store.get<T>(key);
    const next = change(current?.value);
    const version = await store.putIf(key, next, current?.version);
    if (version !== undefined) return { value: next, version };
  }
  throw new KeyValueStoreError(`key '${key}': gave up after ${maxAttempts} conflicting concurrent updates`);
}
