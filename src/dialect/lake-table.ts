// What the local catalog records about a table: the same facts Glue holds (columns with Hive types, partition keys,
// storage format, location, properties), so the stacks can create the Glue table from the same description.

export interface LakeColumn {
  name: string;
  /** Hive type as Glue stores it: `string`, `decimal(10,2)`, `array<struct<a:int>>`. */
  type: string;
  comment?: string;
}

export type StorageFormat =
  | { kind: 'json' }
  | {
      kind: 'csv';
      /** 'lazy' = LazySimpleSerDe (ROW FORMAT DELIMITED): no quoting, `\N` is NULL. 'opencsv' = OpenCSVSerde. */
      serde: 'lazy' | 'opencsv';
      delimiter: string;
      quote: string;
      escape: string;
      nullString?: string;
    }
  | { kind: 'parquet' }
  /**
   * RegexSerDe (the AWS log tables): each line matched whole by `pattern` (Java syntax, as written in 'input.regex'),
   * column k from group k; a line that does not match is a row of NULLs. Read only: Athena cannot write it either.
   */
  | { kind: 'regex'; pattern: string; caseInsensitive: boolean };

export interface LakePartition {
  /** Values in partition-key order. */
  values: string[];
  /** Where the partition's files are (ALTER TABLE … ADD PARTITION … LOCATION). */
  location: string;
}

export interface LakeTable {
  database: string;
  name: string;
  /** 'hive': files at `location`, read in place. 'iceberg': kept as a native table in the local catalog. */
  tableType: 'hive' | 'iceberg';
  columns: LakeColumn[];
  partitionKeys: LakeColumn[];
  /** `s3://…/` folder. */
  location: string;
  format: StorageFormat;
  /** Compression of files this engine writes: 'gzip', 'snappy', 'zstd', 'none'. */
  writeCompression?: string;
  serde?: string;
  serdeProperties: Record<string, string>;
  properties: Record<string, string>;
  /** Partitions registered with their own LOCATION outside the standard `k=v/` folders. */
  partitions: LakePartition[];
  /** Partitions dropped with ALTER TABLE … DROP PARTITION: hidden although their folders remain. */
  droppedPartitions: string[][];
  /**
   * Lower-case names of the columns a CTAS or INSERT wrote from a hash-built map (`map_agg(k, v) AS m`,
   * hash-orders.ts): Athena stores them in its hash order, the local table in the local order, so a query's
   * `map_keys(m)` of one is refused (TranslateContext.hashOrderedColumns). Local only: no Glue fact.
   */
  hashOrderedColumns?: string[];
}

/** Lines Hive skips at the start of each file ('skip.header.line.count'). */
export const skipHeaderLines = (table: LakeTable): number => Number(table.properties['skip.header.line.count'] ?? 0) || 0;

export const qualifiedName = (t: { database: string; name: string }): string => `${t.database}.${t.name}`;
