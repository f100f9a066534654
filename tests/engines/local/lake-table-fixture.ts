import type { LakeTable } from '../../../src/dialect/lake-table.js';

/** A Hive Parquet table `default.events` (n int, partitioned by dt) with no partitions yet. */
export const eventsTable = (): LakeTable => ({
  database: 'default',
  name: 'events',
  tableType: 'hive',
  columns: [{ name: 'n', type: 'int' }],
  partitionKeys: [{ name: 'dt', type: 'string' }],
  location: 's3://w/events/',
  format: { kind: 'parquet' },
  writeCompression: 'snappy',
  serdeProperties: {},
  properties: {},
  partitions: [],
  droppedPartitions: [],
});
