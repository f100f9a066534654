// The AWS adapters against mocked SDK clients: batching limits, re-sending only failed entries, idempotency.
import { FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { BatchCreatePartitionCommand, GlueClient, StartCrawlerCommand } from '@aws-sdk/client-glue';
import { KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { chunkEntries } from '../../../src/ingest/aws/batch-sender.js';
import { FirehoseWriter, jsonLine } from '../../../src/ingest/aws/firehose-writer.js';
import { GlueCatalog } from '../../../src/ingest/aws/glue-catalog.js';
import { jsonRecord, KinesisStreamWriter } from '../../../src/ingest/aws/kinesis-writer.js';
import { executionName, startExecutionOnce } from '../../../src/ingest/aws/step-functions.js';

const noWait = { sleep: async () => {}, random: () => 0 };

describe('chunkEntries', () => {
  it('respects both the count and the byte limit', () => {
    expect(chunkEntries([1, 2, 3, 4, 5], () => 1, { maxEntries: 2, maxBytes: 100 })).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunkEntries([60, 50, 40, 10], (n) => n, { maxEntries: 10, maxBytes: 100 })).toEqual([[60], [50, 40, 10]]);
    expect(() => chunkEntries([101], (n) => n, { maxEntries: 10, maxBytes: 100 })).toThrow(RangeError);
  });
});

describe('KinesisStreamWriter', () => {
  const kinesis = mockClient(KinesisClient);
  beforeEach(() => kinesis.reset());

  it('sends at most 500 records per PutRecords', async () => {
    kinesis
      .on(PutRecordsCommand)
      .callsFake((input: { Records: unknown[] }) => ({ FailedRecordCount: 0, Records: input.Records.map(() => ({ SequenceNumber: '1' })) }));
    const records = Array.from({ length: 1201 }, (_, i) => jsonRecord(i, { customer_id: i }));
    const result = await new KinesisStreamWriter(new KinesisClient({}), 'arn:stream', noWait).put(records);
    const sizes = kinesis.commandCalls(PutRecordsCommand).map((c) => c.args[0].input.Records!.length);
    expect(sizes).toEqual([500, 500, 201]);
    expect(result).toMatchObject({ sent: 1201, failed: [], requests: 3 });
  });

  it('re-sends only the records that failed, and reports the ones that never succeed', async () => {
    let call = 0;
    kinesis.on(PutRecordsCommand).callsFake((input: { Records: Array<{ PartitionKey: string }> }) => {
      call++;
      // First call: keys 1 and 3 throttled. Later calls: key 3 keeps failing.
      const failing = call === 1 ? new Set(['1', '3']) : new Set(['3']);
      const out = input.Records.map((r) =>
        failing.has(r.PartitionKey) ? { ErrorCode: 'ProvisionedThroughputExceededException', ErrorMessage: 'slow down' } : { SequenceNumber: 's' },
      );
      return { FailedRecordCount: out.filter((r) => 'ErrorCode' in r).length, Records: out };
    });
    const writer = new KinesisStreamWriter(new KinesisClient({}), 'arn:stream', { ...noWait, maxAttempts: 3 });
    const result = await writer.put([0, 1, 2, 3].map((i) => jsonRecord(i, { i })));
    const sent = kinesis.commandCalls(PutRecordsCommand).map((c) => c.args[0].input.Records!.map((r) => r.PartitionKey));
    expect(sent).toEqual([['0', '1', '2', '3'], ['1', '3'], ['3']]);
    expect(result.sent).toBe(3);
    expect(result.failed.map((f) => [f.entry.partitionKey, f.errorCode])).toEqual([['3', 'ProvisionedThroughputExceededException']]);
  });

  it('does not retry a whole-request error', async () => {
    kinesis.on(PutRecordsCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    await expect(new KinesisStreamWriter(new KinesisClient({}), 'arn:stream', noWait).put([jsonRecord(1, {})])).rejects.toThrow('denied');
    expect(kinesis.commandCalls(PutRecordsCommand)).toHaveLength(1);
  });
});

describe('FirehoseWriter', () => {
  const firehose = mockClient(FirehoseClient);
  beforeEach(() => firehose.reset());

  it('splits on 4 MiB and re-sends failed entries from FailedPutCount', async () => {
    let call = 0;
    firehose.on(PutRecordBatchCommand).callsFake((input: { Records: unknown[] }) => {
      call++;
      const responses = input.Records.map((_, i) =>
        call === 1 && i === 0 ? { ErrorCode: 'ServiceUnavailableException', ErrorMessage: 'busy' } : { RecordId: 'r' },
      );
      return { FailedPutCount: responses.filter((r) => 'ErrorCode' in r).length, RequestResponses: responses };
    });
    const big = new Uint8Array(1024 * 1024); // 1 MiB: four fit, the fifth opens a second request
    const result = await new FirehoseWriter(new FirehoseClient({}), 'events', noWait).put([big, big, big, big, big, jsonLine({ a: 1 })]);
    const sizes = firehose.commandCalls(PutRecordBatchCommand).map((c) => c.args[0].input.Records!.length);
    expect(sizes).toEqual([4, 1, 2]);
    expect(result).toMatchObject({ sent: 6, failed: [] });
    expect(new TextDecoder().decode(jsonLine({ a: 1 }))).toBe('{"a":1}\n');
  });
});

describe('GlueCatalog', () => {
  const glue = mockClient(GlueClient);
  beforeEach(() => glue.reset());
  const table = { database: 'lakehouse', name: 'crm_data', location: 's3://b/processed', partitionKeys: ['year', 'month'], storageDescriptor: { Columns: [] } };

  it('registers partitions in chunks of 100 with Hive locations and counts existing ones as fine', async () => {
    glue.on(BatchCreatePartitionCommand).callsFake((input: { PartitionInputList: Array<{ Values: string[] }> }) => ({
      Errors: input.PartitionInputList.slice(0, 1).map((p) => ({ PartitionValues: p.Values, ErrorDetail: { ErrorCode: 'AlreadyExistsException' } })),
    }));
    const partitions = Array.from({ length: 150 }, (_, i) => ['2025', String(i)]);
    const result = await new GlueCatalog(new GlueClient({})).addPartitions(table, [...partitions, ['2025', '0']]);
    const calls = glue.commandCalls(BatchCreatePartitionCommand).map((c) => c.args[0].input.PartitionInputList!);
    expect(calls.map((c) => c.length)).toEqual([100, 50]);
    expect(calls[0][1].StorageDescriptor!.Location).toBe('s3://b/processed/year=2025/month=1/');
    expect(result).toEqual({ created: 148, alreadyExisted: 2, failed: [] });
  });

  it('treats a running crawler as already started', async () => {
    glue
      .on(StartCrawlerCommand)
      .rejectsOnce(Object.assign(new Error('running'), { name: 'CrawlerRunningException' }))
      .resolves({});
    const catalog = new GlueCatalog(new GlueClient({}));
    expect(await catalog.startCrawler('c')).toBe(false);
    expect(await catalog.startCrawler('c')).toBe(true);
  });
});

describe('Step Functions', () => {
  const sfn = mockClient(SFNClient);
  beforeEach(() => sfn.reset());
  const arn = 'arn:aws:states:us-east-1:1:stateMachine:p2';

  it('derives a valid, stable execution name from the input', () => {
    const a = executionName('p2 batch', ['incoming/orders_1.csv', 'incoming/products.csv']);
    expect(a).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
    expect(a).toBe(executionName('p2 batch', ['incoming/orders_1.csv', 'incoming/products.csv']));
    expect(a).not.toBe(executionName('p2 batch', ['incoming/orders_2.csv']));
  });

  it('reports an existing execution instead of failing', async () => {
    sfn.on(StartExecutionCommand).rejects(Object.assign(new Error('exists'), { name: 'ExecutionAlreadyExists' }));
    sfn.on(DescribeExecutionCommand).resolves({ status: 'RUNNING' });
    const result = await startExecutionOnce(new SFNClient({}), arn, 'run-1', { files: [] });
    expect(result).toEqual({ executionArn: 'arn:aws:states:us-east-1:1:execution:p2:run-1', started: false });
    expect(sfn.commandCalls(StartExecutionCommand)[0].args[0].input).toMatchObject({ name: 'run-1', input: '{"files":[]}' });
  });
});
