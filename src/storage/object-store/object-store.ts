// S3-shaped object storage. Pipelines use it to delete or replace partition folders; the local implementation works
// on the lake folder, an S3 one will come with the stacks. Keys are S3 keys: '/'-separated, no leading slash.
import { LakeError } from '../../errors.js';

export interface ObjectInfo {
  key: string;
  size: number;
  lastModified: Date;
}

export interface ObjectStore {
  /** Every object whose key starts with `prefix`, in lexicographic key order (as S3 ListObjectsV2 returns them). */
  list(bucket: string, prefix: string): Promise<ObjectInfo[]>;
  /** The object's bytes; rejects with ObjectNotFoundError when there is none. */
  get(bucket: string, key: string): Promise<Buffer>;
  /**
   * Writes the object whole: readers see the old object or the new one, never a part. With `ifNoneMatch: '*'` it only
   * creates: when the key exists it rejects with ObjectExistsError and leaves the object as it was (S3's conditional
   * write, `If-None-Match: *`).
   */
  put(bucket: string, key: string, body: Buffer | string, options?: PutOptions): Promise<void>;
  /**
   * `put` of a local file's bytes, the file moved into place where the store can (the local lake: a rename instead of
   * reading the file and writing it again); the file is gone afterwards. Stores without it get `put`.
   */
  putFile?(bucket: string, key: string, file: string): Promise<void>;
  /** Deletes the given keys; missing keys are not an error (as in S3). */
  delete(bucket: string, keys: readonly string[]): Promise<void>;
  /** Deletes every object under the prefix; resolves to how many were deleted. */
  deletePrefix(bucket: string, prefix: string): Promise<number>;
}

export interface PutOptions {
  ifNoneMatch?: '*';
}

/** A create-only put found the key taken. */
export class ObjectExistsError extends LakeError {
  override readonly name: string = 'ObjectExistsError';
  constructor(
    readonly bucket: string,
    readonly key: string,
  ) {
    super(`s3://${bucket}/${key} already exists`);
  }
}

export class ObjectNotFoundError extends LakeError {
  override readonly name: string = 'ObjectNotFoundError';
  constructor(
    readonly bucket: string,
    readonly key: string,
  ) {
    super(`no object s3://${bucket}/${key}`);
  }
}

export interface S3Location {
  bucket: string;
  /** Key or prefix inside the bucket, without a leading slash. */
  key: string;
}

/** Splits `s3://bucket/key` (also `s3a://`, `s3n://`, as Athena accepts them). */
export function parseS3Uri(uri: string): S3Location {
  const m = /^s3[an]?:\/\/([^/]+)\/?(.*)$/i.exec(uri.trim());
  if (!m) throw new Error(`'${uri}' is not an S3 location: write it as s3://BUCKET/PREFIX/`);
  return { bucket: m[1], key: m[2] };
}

/** `s3://bucket/prefix/` with exactly one trailing slash: the form folder-like locations are compared in. */
export function s3Folder(uri: string): string {
  const { bucket, key } = parseS3Uri(uri);
  const prefix = key.replace(/\/+$/, '');
  return `s3://${bucket}/${prefix ? `${prefix}/` : ''}`;
}
