// Faults in AWS calls the wrappers leave to the AWS SDK: S3 SlowDown and SNS throttling are retried by the SDK's
// standard retry strategy (capped exponential backoff with full jitter) inside one call; errors that are not
// retryable surface at once with the service's code and message. The clients are real; only the HTTP handler is fake.
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { HttpResponse, type HttpRequest } from '@smithy/protocol-http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { S3ObjectStore } from '../../src/storage/object-store/s3.js';
import { SnsNotifier } from '../../src/alerts/notifiers/sns.js';
import type { Notice } from '../../src/alerts/state.js';

interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** An HTTP handler answering from a script of replies, recording each request. */
function scriptedHandler(replies: Reply[]) {
  const requests: HttpRequest[] = [];
  return {
    requests,
    handler: {
      handle: async (request: HttpRequest) => {
        requests.push(request);
        const reply = replies[Math.min(requests.length - 1, replies.length - 1)];
        return {
          response: new HttpResponse({
            statusCode: reply.status,
            headers: { 'content-type': 'application/xml', ...reply.headers },
            body: Readable.from([Buffer.from(reply.body)]),
          }),
        };
      },
      updateHttpClientConfig: () => undefined,
      httpHandlerConfigs: () => ({}),
    },
  };
}

const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
const s3Error = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>r1</RequestId></Error>`;

describe('S3 through S3ObjectStore', () => {
  it('retries SlowDown (503) and succeeds', async () => {
    const { handler, requests } = scriptedHandler([
      { status: 503, body: s3Error('SlowDown', 'Please reduce your request rate.') },
      { status: 503, body: s3Error('SlowDown', 'Please reduce your request rate.') },
      { status: 200, body: '', headers: { etag: '"abc"' } },
    ]);
    const client = new S3Client({ region: 'eu-west-1', credentials, requestHandler: handler, maxAttempts: 4 });
    await new S3ObjectStore(client).put('lake', 'processed/x.parquet', 'data');
    expect(requests).toHaveLength(3);
    expect(requests.every((r) => r.method === 'PUT')).toBe(true);
  });

  it('gives up after the attempt limit and surfaces SlowDown with its message', async () => {
    const { handler, requests } = scriptedHandler([{ status: 503, body: s3Error('SlowDown', 'Please reduce your request rate.') }]);
    const client = new S3Client({ region: 'eu-west-1', credentials, requestHandler: handler, maxAttempts: 3 });
    await expect(new S3ObjectStore(client).put('lake', 'k', 'data')).rejects.toMatchObject({ name: 'SlowDown', message: 'Please reduce your request rate.' });
    expect(requests).toHaveLength(3);
  });

  it('does not retry AccessDenied', async () => {
    const { handler, requests } = scriptedHandler([{ status: 403, body: s3Error('AccessDenied', 'Access Denied') }]);
    const client = new S3Client({ region: 'eu-west-1', credentials, requestHandler: handler, maxAttempts: 4 });
    await expect(new S3ObjectStore(client).get('lake', 'k')).rejects.toMatchObject({ name: 'AccessDenied' });
    expect(requests).toHaveLength(1);
  });
});

const notice: Notice = {
  id: 'n-1',
  alert: 'p1_negative_interactions',
  key: null,
  kind: 'firing',
  severity: 'warning',
  message: 'Alert: 12 negative interactions (rating <= 2) detected in the last hour',
  at: '2025-03-10T11:00:00Z',
  windowStart: '2025-03-10T10:00:00Z',
  file: 'sql/alerts/p1_negative_interactions.sql',
  values: { n: 12 },
};
const snsError = (code: string, message: string) =>
  `<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r2</RequestId></ErrorResponse>`;
const published =
  '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>m-1</MessageId></PublishResult><ResponseMetadata><RequestId>r3</RequestId></ResponseMetadata></PublishResponse>';

describe('SNS through SnsNotifier', () => {
  it('retries throttling and a 500, then publishes once', async () => {
    const { handler, requests } = scriptedHandler([
      { status: 400, body: snsError('Throttling', 'Rate exceeded') },
      { status: 500, body: snsError('InternalError', 'try again') },
      { status: 200, body: published },
    ]);
    const client = new SNSClient({ region: 'eu-west-1', credentials, requestHandler: handler, maxAttempts: 4 });
    await new SnsNotifier(client, 'arn:aws:sns:eu-west-1:123456789012:CRMDataPipelineAlerts').send(notice);
    expect(requests).toHaveLength(3);
  });

  it('surfaces a non-retryable failure as a delivery error naming the topic (the outbox keeps the notice)', async () => {
    const { handler, requests } = scriptedHandler([{ status: 404, body: snsError('NotFound', 'Topic does not exist') }]);
    const client = new SNSClient({ region: 'eu-west-1', credentials, requestHandler: handler, maxAttempts: 4 });
    await expect(new SnsNotifier(client, 'arn:aws:sns:eu-west-1:123456789012:Gone').send(notice)).rejects.toThrow(
      /sns arn:aws:sns:eu-west-1:123456789012:Gone: NotFound\w*: Topic does not exist/,
    );
    expect(requests).toHaveLength(1);
  });
});
