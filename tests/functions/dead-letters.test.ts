// p1-dead-letters: the SQS dead-letter queue drained into the lake where the local dead-letter queue writes (the
// p1_dead_letter table and alert read it): the functions' messages as sent, Lambda's record of a discarded Kinesis batch
// as a message naming that batch, anything else kept whole; a message that cannot be written goes back to the queue.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler } from '../../functions/p1-dead-letters.js';

const SENT = '1741572000000'; // 2025-03-10T02:00:00.000Z

const record = (messageId: string, body: string): SQSRecord => ({
  messageId,
  receiptHandle: `r-${messageId}`,
  body,
  attributes: { ApproximateReceiveCount: '1', SentTimestamp: SENT, SenderId: 'AIDA', ApproximateFirstReceiveTimestamp: SENT },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:dlq',
  awsRegion: 'us-east-1',
});

beforeAll(() => {
  process.env.LAKE_BUCKET = 'lake';
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterAll(() => {
  delete process.env.LAKE_BUCKET;
  vi.restoreAllMocks();
});

describe('p1-dead-letters', () => {
  it('writes each message under dead-letter/ as the local queue does, by writer and message id', async () => {
    const s3 = mockClient(S3Client);
    s3.on(PutObjectCommand).resolves({});
    const consumerRecord = {
      source: 'consumer-record',
      batchId: 'b1',
      error: '1 records failed cleaning',
      records: [{ record: 'not json', error: 'not JSON', sequenceNumber: '4' }],
      failedAt: '2025-03-10T01:59:00.000Z',
    };
    const producerStream = {
      source: 'producer-stream',
      error: 'stream refused 1 records after 5 attempts',
      records: [{ record: { customer_id: 2 }, error: 'InvalidArgumentException: too large' }],
      failedAt: '2025-03-10T01:58:00.000Z',
    };
    // Lambda Developer Guide, "Retain discarded batch records for a Kinesis Data Streams event source": the invocation record.
    const discarded = {
      requestContext: {
        requestId: 'x',
        functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:consumer',
        condition: 'RetryAttemptsExhausted',
        approximateInvokeCount: 3,
      },
      version: '1.0',
      timestamp: '2025-03-10T01:57:00.000Z',
      KinesisBatchInfo: {
        shardId: 'shardId-000000000001',
        startSequenceNumber: '100',
        endSequenceNumber: '199',
        batchSize: 100,
        streamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/s',
      },
    };
    const event: SQSEvent = {
      Records: [
        record('m1', JSON.stringify(consumerRecord)),
        record('m2', JSON.stringify(producerStream)),
        record('m3', JSON.stringify(discarded)),
        record('m4', 'garbage'),
      ],
    };

    expect(await handler(event)).toEqual({ batchItemFailures: [] });

    const puts = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(puts.map((p) => [p.Bucket, p.Key])).toEqual([
      ['lake', 'dead-letter/crm/consumer-record-m1.json'],
      ['lake', 'dead-letter/crm-producer/producer-stream-m2.json'],
      ['lake', 'dead-letter/crm/consumer-discarded-batch-m3.json'],
      ['lake', 'dead-letter/crm/unreadable-m4.json'],
    ]);
    const bodies = puts.map((p) => JSON.parse(String(p.Body)) as Record<string, unknown>);
    expect(bodies[0]).toEqual(consumerRecord);
    expect(bodies[1]).toEqual(producerStream);
    expect(bodies[2]).toMatchObject({
      source: 'consumer-discarded-batch',
      batchId: 'shardId-000000000001:100-199',
      records: [],
      failedAt: '2025-03-10T01:57:00.000Z',
    });
    expect(bodies[2].error).toMatch(/batch of 100 records \(RetryAttemptsExhausted\)/);
    expect(bodies[3]).toMatchObject({ source: 'unreadable', records: [{ record: 'garbage' }], failedAt: '2025-03-10T02:00:00.000Z' });
    // One JSON document per line, as the JSON SerDe of p1_dead_letter reads it.
    expect(String(puts[0].Body).endsWith('}\n')).toBe(true);
    s3.restore();
  });

  it('returns the messages it could not write, for SQS to deliver again', async () => {
    const s3 = mockClient(S3Client);
    s3.on(PutObjectCommand)
      .rejectsOnce(Object.assign(new Error('Slow Down'), { name: 'SlowDown' }))
      .resolves({});
    const message = JSON.stringify({ source: 'consumer-batch', error: 'e', records: [] });
    expect(await handler({ Records: [record('m1', message), record('m2', message)] })).toEqual({ batchItemFailures: [{ itemIdentifier: 'm1' }] });
    s3.restore();
  });
});
