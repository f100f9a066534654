// S3ObjectStore against a mocked S3 client: pagination, not-found mapping, 1,000-key delete chunks, per-key errors.
import { Readable } from 'node:stream';
import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { sdkStreamMixin } from '@smithy/util-stream';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ObjectExistsError, ObjectNotFoundError } from '../../../src/storage/object-store/object-store.js';
import { MAX_KEYS_PER_DELETE, S3ObjectStore } from '../../../src/storage/object-store/s3.js';

const s3 = mockClient(S3Client);
const store = () => new S3ObjectStore(new S3Client({ region: 'us-east-1' }));
const body = (text: string) => sdkStreamMixin(Readable.from([Buffer.from(text)]));

describe('S3ObjectStore', () => {
  beforeEach(() => s3.reset());

  it('lists every page of a prefix in key order', async () => {
    const t = new Date('2025-03-10T00:00:00Z');
    // The SDK's paginator reuses one input object across pages: record each request as it was sent.
    const sent: Array<{ Bucket?: string; Prefix?: string; ContinuationToken?: string }> = [];
    s3.on(ListObjectsV2Command).callsFake((input: { Bucket?: string; Prefix?: string; ContinuationToken?: string }) => {
      sent.push({ Bucket: input.Bucket, Prefix: input.Prefix, ContinuationToken: input.ContinuationToken });
      return input.ContinuationToken === 'page2'
        ? { Contents: [{ Key: 'processed/b', Size: 2, LastModified: t }], IsTruncated: false }
        : { Contents: [{ Key: 'processed/a', Size: 1, LastModified: t }], IsTruncated: true, NextContinuationToken: 'page2' };
    });
    expect(await store().list('lake', 'processed/')).toEqual([
      { key: 'processed/a', size: 1, lastModified: t },
      { key: 'processed/b', size: 2, lastModified: t },
    ]);
    expect(sent).toEqual([
      { Bucket: 'lake', Prefix: 'processed/', ContinuationToken: undefined },
      { Bucket: 'lake', Prefix: 'processed/', ContinuationToken: 'page2' },
    ]);
  });

  it('reads an object and maps NoSuchKey to ObjectNotFoundError', async () => {
    s3.on(GetObjectCommand, { Key: 'x.json' }).resolves({ Body: body('{"a":1}') });
    s3.on(GetObjectCommand, { Key: 'missing' }).rejects(new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} }));
    expect((await store().get('lake', 'x.json')).toString('utf8')).toBe('{"a":1}');
    await expect(store().get('lake', 'missing')).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('writes whole objects with PutObject', async () => {
    s3.on(PutObjectCommand).resolves({});
    await store().put('lake', 'system/run_log/dt=2025-03-10/a.json', 'line\n');
    expect(s3.commandCalls(PutObjectCommand)[0].args[0].input).toEqual({ Bucket: 'lake', Key: 'system/run_log/dt=2025-03-10/a.json', Body: 'line\n' });
  });

  it('deletes a prefix in chunks of 1,000 keys and counts what it deleted', async () => {
    const keys = Array.from({ length: 2001 }, (_, i) => `curated/t/dt=1/${String(i).padStart(5, '0')}`);
    s3.on(ListObjectsV2Command).resolves({ Contents: keys.map((Key) => ({ Key, Size: 1 })), IsTruncated: false });
    s3.on(DeleteObjectsCommand).resolves({});
    expect(await store().deletePrefix('lake', 'curated/t/dt=1/')).toBe(2001);
    const calls = s3.commandCalls(DeleteObjectsCommand).map((c) => c.args[0].input);
    expect(calls.map((c) => c.Delete?.Objects?.length)).toEqual([MAX_KEYS_PER_DELETE, MAX_KEYS_PER_DELETE, 1]);
    expect(calls[0].Delete?.Quiet).toBe(true);
    expect(calls.flatMap((c) => c.Delete?.Objects?.map((o) => o.Key))).toEqual(keys);
  });

  it('fails when S3 reports keys it could not delete (a 200 response with Errors)', async () => {
    s3.on(DeleteObjectsCommand).resolves({ Errors: [{ Key: 'a', Code: 'AccessDenied', Message: 'Access Denied' }] });
    await expect(store().delete('lake', ['a', 'b'])).rejects.toThrow(/1 of 2 deletes failed; first: a: AccessDenied/);
  });

  // S3 conditional writes: with If-None-Match: * a PutObject fails with 412 Precondition Failed when the key exists
  // (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html).
  it('creates only with ifNoneMatch, and maps 412 PreconditionFailed to ObjectExistsError', async () => {
    s3.on(PutObjectCommand, { Key: 'incoming/new.csv' }).resolves({});
    s3.on(PutObjectCommand, { Key: 'incoming/taken.csv' }).rejects(
      Object.assign(new Error('At least one of the pre-conditions you specified did not hold'), {
        name: 'PreconditionFailed',
        $metadata: { httpStatusCode: 412 },
      }),
    );
    await store().put('lake', 'incoming/new.csv', 'a', { ifNoneMatch: '*' });
    expect(s3.commandCalls(PutObjectCommand)[0].args[0].input).toEqual({ Bucket: 'lake', Key: 'incoming/new.csv', Body: 'a', IfNoneMatch: '*' });
    await expect(store().put('lake', 'incoming/taken.csv', 'b', { ifNoneMatch: '*' })).rejects.toBeInstanceOf(ObjectExistsError);
  });

  it('makes no call for an empty delete', async () => {
    await store().delete('lake', []);
    expect(s3.commandCalls(DeleteObjectsCommand)).toHaveLength(0);
  });
});
