// Writes records to a Firehose delivery stream with PutRecordBatch: ≤500 records and ≤4 MiB per request, re-sending
// only the entries reported in FailedPutCount / RequestResponses[i].ErrorCode.
import { PutRecordBatchCommand, type FirehoseClient } from '@aws-sdk/client-firehose';
import { sendInBatches, type BatchSendOptions, type SendResult } from './batch-sender.js';

export const FIREHOSE_LIMITS = { maxEntries: 500, maxBytes: 4 * 1024 * 1024 };

const encoder = new TextEncoder();

/** Newline-delimited so the delivered (concatenated) S3 objects stay one JSON document per line. */
export const jsonLine = (value: unknown): Uint8Array => encoder.encode(`${JSON.stringify(value)}\n`);

export class FirehoseWriter {
  constructor(
    private readonly client: FirehoseClient,
    private readonly deliveryStreamName: string,
    private readonly options: BatchSendOptions = {},
  ) {}

  async put(records: Uint8Array[]): Promise<SendResult<Uint8Array>> {
    return sendInBatches(
      records,
      async (chunk) => {
        const response = await this.client.send(
          new PutRecordBatchCommand({ DeliveryStreamName: this.deliveryStreamName, Records: chunk.map((Data) => ({ Data })) }),
        );
        if (!response.FailedPutCount) return chunk.map(() => undefined);
        return (response.RequestResponses ?? []).map((r) => (r.ErrorCode ? { errorCode: r.ErrorCode, errorMessage: r.ErrorMessage ?? '' } : undefined));
      },
      (data) => data.byteLength,
      FIREHOSE_LIMITS,
      this.options,
    );
  }
}
