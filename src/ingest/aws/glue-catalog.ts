// The Glue Data Catalog calls ingestion makes: read a table's location and partition keys, register new partitions
// (idempotently: a partition that exists is fine), and start a crawler (a crawler already running is fine).
import { BatchCreatePartitionCommand, GetTableCommand, StartCrawlerCommand, type GlueClient, type StorageDescriptor } from '@aws-sdk/client-glue';

export interface CatalogTable {
  database: string;
  name: string;
  location: string;
  partitionKeys: string[];
  storageDescriptor: StorageDescriptor;
}

/** BatchCreatePartition accepts at most 100 partitions per call. */
export const MAX_PARTITIONS_PER_CALL = 100;

export interface PartitionResult {
  created: number;
  alreadyExisted: number;
  failed: { values: string[]; errorCode: string; errorMessage: string }[];
}

export class GlueCatalog {
  constructor(private readonly client: GlueClient) {}

  async getTable(database: string, name: string): Promise<CatalogTable> {
    const { Table } = await this.client.send(new GetTableCommand({ DatabaseName: database, Name: name }));
    const sd = Table?.StorageDescriptor;
    if (!Table || !sd?.Location) throw new Error(`Glue table ${database}.${name} has no storage location`);
    return { database, name, location: sd.Location, partitionKeys: (Table.PartitionKeys ?? []).map((k) => k.Name ?? ''), storageDescriptor: sd };
  }

  /**
   * Registers partitions given as value lists in partition-key order (`['2025','07','18','16']`). Each partition's
   * location is `<table location>/<key>=<value>/…/`, the Hive layout the producers write.
   */
  async addPartitions(table: CatalogTable, partitions: string[][]): Promise<PartitionResult> {
    const result: PartitionResult = { created: 0, alreadyExisted: 0, failed: [] };
    const unique = [...new Map(partitions.map((values) => [values.join('\u0000'), values])).values()];
    const base = table.location.endsWith('/') ? table.location : `${table.location}/`;
    for (let i = 0; i < unique.length; i += MAX_PARTITIONS_PER_CALL) {
      const chunk = unique.slice(i, i + MAX_PARTITIONS_PER_CALL);
      const response = await this.client.send(
        new BatchCreatePartitionCommand({
          DatabaseName: table.database,
          TableName: table.name,
          PartitionInputList: chunk.map((values) => ({
            Values: values,
            StorageDescriptor: { ...table.storageDescriptor, Location: base + table.partitionKeys.map((k, j) => `${k}=${values[j]}`).join('/') + '/' },
          })),
        }),
      );
      let notCreated = 0;
      for (const error of response.Errors ?? []) {
        notCreated++;
        const code = error.ErrorDetail?.ErrorCode ?? 'Unknown';
        if (code === 'AlreadyExistsException') result.alreadyExisted++;
        else result.failed.push({ values: error.PartitionValues ?? [], errorCode: code, errorMessage: error.ErrorDetail?.ErrorMessage ?? '' });
      }
      result.created += chunk.length - notCreated;
    }
    return result;
  }

  /** Starts the crawler; returns false when it was already running (its current run will pick the new data up). */
  async startCrawler(name: string): Promise<boolean> {
    try {
      await this.client.send(new StartCrawlerCommand({ Name: name }));
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'CrawlerRunningException') return false;
      throw error;
    }
  }
}
