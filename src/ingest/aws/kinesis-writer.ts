// Writes records to a Kinesis data stream with PutRecords: ≤500 records and ≤5 MiB per request, re-sending only
// the entries reported in FailedRecordCount / Records[i].ErrorCode.
import { PutRecordsCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { sendInBatches, type BatchSendOptions, type SendResult } from './batch-sender.js';

export interface StreamRecord {
  partitionKey: string;
  data: Uint8Array;
}

export const KINESIS_LIMITS = { maxEntries: 500, maxBytes: 5 * 1024 * 1024 };

const encoder = new TextEncoder();

/** A JSON record keyed by `partitionKey` (P1 partitions by customer_id). */
export const jsonRecord = (partitionKey: string | number, value: unknown): StreamRecord => ({
  partitionKey: String(partitionKey),
  data: encoder.encode(JSON.stringify(value)),
});

export class KinesisStreamWriter {
  constructor(
    private readonly client: KinesisClient,
    private readonly streamArn: string,
    private readonly options: BatchSendOptions = {},
  ) {}

  async put(records: StreamRecord[]): Promise<SendResult<StreamRecord>> {
    return sendInBatches(
      records,
      async (chunk) => {
        const response = await this.client.send(
          new PutRecordsCommand({ StreamARN: this.streamArn, Records: chunk.map((r) => ({ PartitionKey: r.partitionKey, Data: r.data })) }),
        );
        if (!response.FailedRecordCount) return chunk.map(() => undefined);
        return (response.Records ?? []).map((r) => (r.ErrorCode ? { errorCode: r.ErrorCode, errorMessage: r.ErrorMessage ?? '' } : undefined));
      },
      // The request limit counts data and partition keys.
      (r) => r.data.byteLength + encoder.encode(r.partitionKey).byteLength,
      KINESIS_LIMITS,
      this.options,
    );
  }
}
