// The two AWS delivery services behind interfaces. Method shapes match the AWS adapters in ../aws/
// (KinesisStreamWriter.put, FirehoseWriter.put), so those classes satisfy these interfaces structurally; the local
// implementations are local-record-stream.ts and ../firehose/local-firehose.ts.

/** A record for a Kinesis-like stream: the partition key picks the shard. */
export interface StreamRecord {
  partitionKey: string;
  data: Uint8Array;
}

export interface EntryFailure<T> {
  entry: T;
  errorCode: string;
  errorMessage: string;
}

/** Outcome of a put: entries that could not be delivered come back with the service's error code. */
export interface PutResult<T> {
  sent: number;
  failed: EntryFailure<T>[];
  /** Requests made, retries included. */
  requests: number;
}

/** Kinesis Data Streams PutRecords. */
export interface RecordStream {
  put(records: StreamRecord[]): Promise<PutResult<StreamRecord>>;
}

/** Kinesis Data Firehose PutRecordBatch: each entry is one record's bytes (newline-delimited JSON by convention). */
export interface DeliveryStream {
  put(records: Uint8Array[]): Promise<PutResult<Uint8Array>>;
}

/** A record as a stream consumer receives it (the fields of a Lambda Kinesis event record, decoded). */
export interface ReceivedRecord {
  partitionKey: string;
  data: Uint8Array;
  sequenceNumber: string;
  shardId: string;
  approximateArrivalTimestamp: number;
}
