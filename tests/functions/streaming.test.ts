// P1 handlers: the consumer runs its real logic (local DuckDB writes the Parquet) against mocked S3, Glue and SNS;
// the producer polls a stubbed API into a mocked Kinesis that refuses some entries once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutMetricDataCommand, CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { BatchCreatePartitionCommand, GetTableCommand, GlueClient } from '@aws-sdk/client-glue';
import { KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { DuckDBInstance } from '@duckdb/node-api';
import type { KinesisStreamEvent, KinesisStreamRecord, ScheduledEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as consumer } from '../../functions/consumer.js';
import { handler as producer } from '../../functions/producer.js';
import { resetConsumer } from '../../functions/lib/consumer.js';
import { MAX_MESSAGE_BYTES, splitMessage } from '../../src/ingest/aws/sns-dead-letter.js';

const env = {
  LAKE_BUCKET: 'lake',
  GLUE_DATABASE: 'lakehouse',
  TABLE_NAME: 'crm_data',
  DEAD_LETTER_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:dlq',
  STREAM_ARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/interactions',
  METRIC_NAMESPACE: 'SqlLakehouse',
};
/** EventBridge's scheduled event; the producer reads none of it. */
const SCHEDULED = { 'detail-type': 'Scheduled Event', source: 'aws.events', time: '2025-07-18T16:00:00Z', detail: {} } as ScheduledEvent;
const scratch = mkdtempSync(join(tmpdir(), 'streaming-test-'));

beforeAll(() => {
  Object.assign(process.env, env);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(async () => {
  await resetConsumer();
  delete process.env.API_URL;
});
afterAll(() => {
  for (const name of [...Object.keys(env), 'RUN_SECONDS', 'POLL_INTERVAL_MS']) delete process.env[name];
  rmSync(scratch, { recursive: true, force: true });
  vi.restoreAllMocks();
});

const kinesisRecord = (data: string, sequence: number): KinesisStreamRecord =>
  ({
    eventID: `shardId-000000000000:${sequence}`,
    kinesis: { partitionKey: '1', data: Buffer.from(data).toString('base64'), sequenceNumber: String(sequence), approximateArrivalTimestamp: 1_752_854_400.5 },
  }) as KinesisStreamRecord;

async function readParquet(body: Uint8Array): Promise<unknown[][]> {
  const path = join(scratch, `object-${Math.random()}.parquet`);
  writeFileSync(path, body);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(
    `SELECT customer_id, interaction_type, strftime("timestamp", '%Y-%m-%dT%H:%M:%S.%g') AS ts, channel, rating, typeof("timestamp") AS t FROM read_parquet('${path}') ORDER BY customer_id`,
  );
  const rows = reader.getRows();
  connection.closeSync();
  instance.closeSync();
  return rows;
}

describe('consumer', () => {
  it('writes the batch as Parquet under processed/year=/month=/day=/hour=/, registers the partition and dead-letters bad records', async () => {
    const s3 = mockClient(S3Client);
    s3.on(PutObjectCommand).resolves({});
    const glue = mockClient(GlueClient);
    glue.on(GetTableCommand).resolves({
      Table: {
        Name: 'crm_data',
        PartitionKeys: [{ Name: 'year' }, { Name: 'month' }, { Name: 'day' }, { Name: 'hour' }],
        StorageDescriptor: { Location: 's3://lake/processed/', Columns: [{ Name: 'customer_id', Type: 'int' }] },
      },
    });
    glue.on(BatchCreatePartitionCommand).resolves({ Errors: [] });
    const sns = mockClient(SNSClient);
    sns.on(PublishCommand).resolves({ MessageId: 'm' });

    const result = await consumer({
      Records: [
        kinesisRecord(
          JSON.stringify({ customer_id: 7, interaction_type: ' complaint ', timestamp: '2025-07-18T16:05:01.123Z', channel: 'email', rating: 2 }),
          1,
        ),
        kinesisRecord(JSON.stringify({ customer_id: 3, interaction_type: 'query', timestamp: '2025-07-18T16:59:59Z', channel: 'chat', rating: null }), 2),
        kinesisRecord(JSON.stringify({ customer_id: 9, interaction_type: 'query', timestamp: '2025-07-18T16:10:00Z', rating: 9 }), 3),
        kinesisRecord('not json', 4),
      ],
    });

    expect(result).toEqual({ batchItemFailures: [] });
    const puts = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(puts).toHaveLength(1);
    expect(puts[0].Bucket).toBe('lake');
    expect(puts[0].Key).toMatch(/^processed\/year=2025\/month=07\/day=18\/hour=16\/[0-9a-f-]{36}\.parquet$/);
    expect(await readParquet(puts[0].Body as Uint8Array)).toEqual([
      [3, 'query', '2025-07-18T16:59:59.000', 'chat', null, 'TIMESTAMP'],
      [7, 'complaint', '2025-07-18T16:05:01.123', 'email', 2, 'TIMESTAMP'],
    ]);

    const partitions = glue.commandCalls(BatchCreatePartitionCommand).map((c) => c.args[0].input);
    expect(partitions).toHaveLength(1);
    expect(partitions[0]).toMatchObject({ DatabaseName: 'lakehouse', TableName: 'crm_data' });
    expect(partitions[0].PartitionInputList).toEqual([
      {
        Values: ['2025', '07', '18', '16'],
        StorageDescriptor: { Location: 's3://lake/processed/year=2025/month=07/day=18/hour=16/', Columns: [{ Name: 'customer_id', Type: 'int' }] },
      },
    ]);

    const dead = sns.commandCalls(PublishCommand).map((c) => c.args[0].input);
    expect(dead.map((d) => d.TopicArn)).toEqual([env.DEAD_LETTER_TOPIC_ARN]);
    const message = JSON.parse(dead[0].Message as string) as { source: string; records: Array<{ error: string; sequenceNumber: string }> };
    expect(message.source).toBe('consumer-record');
    expect(message.records.map((r) => r.sequenceNumber)).toEqual(['3', '4']);
    expect(message.records[0].error).toMatch(/rating 9 is outside 1–5/);
  });

  it('dead-letters the rows of a batch whose upload fails, and partitions Glue refuses', async () => {
    const s3 = mockClient(S3Client);
    s3.on(PutObjectCommand).rejects(Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }));
    const glue = mockClient(GlueClient);
    const sns = mockClient(SNSClient);
    sns.on(PublishCommand).resolves({ MessageId: 'm' });

    await consumer({ Records: [kinesisRecord(JSON.stringify({ customer_id: 1, interaction_type: 'q', timestamp: '2025-07-18T01:00:00Z' }), 10)] });

    expect(glue.commandCalls(BatchCreatePartitionCommand)).toHaveLength(0);
    const message = JSON.parse(sns.commandCalls(PublishCommand)[0].args[0].input.Message as string) as { source: string; error: string; records: unknown[] };
    expect(message).toMatchObject({ source: 'consumer-batch', records: [{ record: { customer_id: 1 }, sequenceNumber: '10' }] });
    expect(message.error).toMatch(/AccessDenied|Access Denied/);
  });

  it('rejects an event that is not a Kinesis batch (the invocation fails and is retried)', async () => {
    await expect(consumer({ nope: true } as unknown as KinesisStreamEvent)).rejects.toThrow(/Kinesis event/);
  });
});

describe('producer', () => {
  it('sends valid records to Kinesis (re-sending only refused entries), invalid ones to invalid/, and puts no API-failure metric when the API answered', async () => {
    Object.assign(process.env, { API_URL: 'http://api.test/interactions/', RUN_SECONDS: '1', POLL_INTERVAL_MS: '50' });
    const pages = [
      [
        { customer_id: 1, interaction_type: 'q', timestamp: '2025-07-18T16:00:00Z' },
        { customer_id: 2, interaction_type: 'q', timestamp: '2025-07-18T16:00:01Z' },
        { customer_id: 3, timestamp: '2025-07-18T16:00:02Z' },
      ],
    ];
    const fetchStub = vi.fn(async () => new Response(JSON.stringify(pages.shift() ?? []), { status: 200 }));
    vi.stubGlobal('fetch', fetchStub);
    const kinesis = mockClient(KinesisClient);
    kinesis
      .on(PutRecordsCommand)
      .resolvesOnce({
        FailedRecordCount: 1,
        Records: [{ SequenceNumber: '1' }, { ErrorCode: 'ProvisionedThroughputExceededException', ErrorMessage: 'slow down' }],
      })
      .resolves({ FailedRecordCount: 0, Records: [{ SequenceNumber: '2' }] });
    const s3 = mockClient(S3Client);
    s3.on(PutObjectCommand).resolves({});
    const cloudwatch = mockClient(CloudWatchClient);

    const result = await producer(SCHEDULED);
    vi.unstubAllGlobals();

    expect(result).toEqual({ received: 3, accepted: 2, quarantined: 1, apiFailures: 0 });
    const puts = kinesis.commandCalls(PutRecordsCommand).map((c) => c.args[0].input);
    expect(puts.map((p) => p.Records?.map((r) => r.PartitionKey))).toEqual([['1', '2'], ['2']]);
    expect(puts[0].StreamARN).toBe(env.STREAM_ARN);
    const invalid = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(invalid).toHaveLength(1);
    expect(invalid[0].Key).toMatch(/^invalid\/year=\d{4}\/month=\d{2}\/day=\d{2}\/[0-9a-f-]{36}\.json$/);
    expect(JSON.parse(invalid[0].Body as string)).toMatchObject({ error: 'missing required field(s): interaction_type', record: { customer_id: 3 } });
    expect(cloudwatch.commandCalls(PutMetricDataCommand)).toHaveLength(0);
  });

  it('does nothing on a stage without an API URL', async () => {
    const kinesis = mockClient(KinesisClient);
    expect(await producer(SCHEDULED)).toEqual({ received: 0, accepted: 0, quarantined: 0, apiFailures: 0 });
    expect(kinesis.calls()).toHaveLength(0);
  });
});

describe('dead-letter messages', () => {
  it('splits a message over the SNS size limit into parts that each fit', () => {
    const records = Array.from({ length: 40 }, (_, i) => ({ record: 'x'.repeat(10_000), error: `e${i}` }));
    const parts = splitMessage({ source: 'consumer-batch', error: 'write failed', records, failedAt: '2025-01-01T00:00:00.000Z' }, 100_000);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(100_000);
    expect(parts.flatMap((p) => (JSON.parse(p) as { records: Array<{ error: string }> }).records.map((r) => r.error))).toEqual(records.map((r) => r.error));
  });

  // SNS Publish: messages "must be UTF-8 encoded strings and at most 256 KB in size (262,144 bytes, not 262,144
  // characters)" (Amazon SNS API Reference, Publish, Message constraints).
  it('cuts a record too large for one message by UTF-8 bytes, not characters (300,000 CJK characters, emoji, escapes)', () => {
    for (const text of ['漢'.repeat(300_000), '😀'.repeat(200_000), '"\u0001'.repeat(150_000)]) {
      const parts = splitMessage({
        source: 'consumer-record',
        error: 'too large',
        records: [
          { record: text, error: 'e' },
          { record: 'small', error: 'f' },
        ],
        failedAt: '2025-01-01T00:00:00.000Z',
      });
      expect(MAX_MESSAGE_BYTES).toBe(262_144);
      for (const part of parts) {
        expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
        expect(part).not.toContain('\uFFFD');
      }
      const kept = (JSON.parse(parts[0]) as { records: Array<{ record: string }> }).records[0].record;
      expect(kept.endsWith('…(truncated)')).toBe(true);
      // Cut close to the limit, not far below it.
      expect(Buffer.byteLength(parts[0], 'utf8')).toBeGreaterThan(MAX_MESSAGE_BYTES - 2_048);
      expect(parts.flatMap((p) => (JSON.parse(p) as { records: Array<{ error: string }> }).records.map((r) => r.error))).toEqual(['e', 'f']);
    }
  });
});
