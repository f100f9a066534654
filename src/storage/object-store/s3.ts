// The ObjectStore on Amazon S3 (Lambda functions): the same five operations as the lake folder, with S3's own
// guarantees. A PutObject is atomic (readers see the old or the new object), ListObjectsV2 returns keys in
// lexicographic order, DeleteObjects takes at most 1,000 keys per call and reports per-key errors in a 200 response.
import { LakeError } from '../../errors.js';
import { DeleteObjectsCommand, GetObjectCommand, paginateListObjectsV2, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ObjectExistsError, ObjectNotFoundError, type ObjectInfo, type ObjectStore, type PutOptions } from './object-store.js';

/** DeleteObjects limit per request. */
export const MAX_KEYS_PER_DELETE = 1000;

export class S3ObjectStoreError extends LakeError {
  override readonly name: string = 'S3ObjectStoreError';
}

const isNotFound = (error: unknown): boolean => error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound');

export class S3ObjectStore implements ObjectStore {
  constructor(private readonly client: S3Client) {}

  async list(bucket: string, prefix: string): Promise<ObjectInfo[]> {
    const out: ObjectInfo[] = [];
    for await (const page of paginateListObjectsV2({ client: this.client }, { Bucket: bucket, Prefix: prefix })) {
      for (const o of page.Contents ?? []) {
        if (o.Key !== undefined) out.push({ key: o.Key, size: o.Size ?? 0, lastModified: o.LastModified ?? new Date(0) });
      }
    }
    return out;
  }

  async get(bucket: string, key: string): Promise<Buffer> {
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      if (!response.Body) throw new S3ObjectStoreError(`s3://${bucket}/${key}: GetObject returned no body`);
      return Buffer.from(await response.Body.transformToByteArray());
    } catch (error) {
      if (isNotFound(error)) throw new ObjectNotFoundError(bucket, key);
      throw error;
    }
  }

  async put(bucket: string, key: string, body: Buffer | string, options: PutOptions = {}): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ...(options.ifNoneMatch ? { IfNoneMatch: options.ifNoneMatch } : {}) }),
      );
    } catch (error) {
      // Conditional writes: 412 when the key exists, 409 ConditionalRequestConflict when a concurrent write races it
      // (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html).
      if (options.ifNoneMatch && error instanceof Error && (error.name === 'PreconditionFailed' || error.name === 'ConditionalRequestConflict')) {
        throw new ObjectExistsError(bucket, key);
      }
      throw error;
    }
  }

  async delete(bucket: string, keys: readonly string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += MAX_KEYS_PER_DELETE) {
      const chunk = keys.slice(i, i + MAX_KEYS_PER_DELETE);
      const response = await this.client.send(
        // Quiet: the response lists only the keys that failed. A missing key is a success in S3, as in the interface.
        new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: chunk.map((Key) => ({ Key })), Quiet: true } }),
      );
      const errors = response.Errors ?? [];
      if (errors.length > 0) {
        const first = errors[0];
        throw new S3ObjectStoreError(
          `s3://${bucket}: ${errors.length} of ${chunk.length} deletes failed; first: ${first.Key}: ${first.Code} ${first.Message ?? ''}`.trim(),
        );
      }
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
}
