// Glue `CfnTable` input from a parsed `CREATE EXTERNAL TABLE`. Why CfnTables rather than running the DDL through
// Athena in a custom resource at deploy: the table becomes a declarative resource that CloudFormation diffs, updates
// and rolls back; a DDL error fails `npm test` (synthesis) instead of a half-applied deploy; and no Lambda, Athena
// query or extra IAM exists just to create tables. The SQL file stays the single source: it is parsed, not copied.
import { LakeError } from '../../src/errors.js';
import type { CfnTableProps } from 'aws-cdk-lib/aws-glue';

export interface TableColumn {
  name: string;
  /** Hive type as written in the DDL: `INT`, `STRING`, `DECIMAL(10,2)`, `ARRAY<STRING>`, `STRUCT<a:INT>`. */
  type: string;
  comment?: string;
}

/** What the stacks need from a `CREATE EXTERNAL TABLE` statement. */
export interface ExternalTableDefinition {
  database?: string;
  name: string;
  columns: TableColumn[];
  partitionKeys: TableColumn[];
  /** `STORED AS` keyword (`PARQUET`, `JSON`, `TEXTFILE`, `ORC`, `AVRO`), upper case. */
  storedAs?: string;
  /** `ROW FORMAT SERDE '…'` class. */
  serde?: string;
  serdeProperties: Record<string, string>;
  inputFormat?: string;
  outputFormat?: string;
  /** `s3://…` location, variables already substituted. */
  location: string;
  tblProperties: Record<string, string>;
  comment?: string;
}

interface StorageFormat {
  serde: string;
  inputFormat: string;
  outputFormat: string;
}

const HIVE_TEXT_OUTPUT = 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat';
const TEXT_INPUT = 'org.apache.hadoop.mapred.TextInputFormat';

/** What Athena itself records in Glue for each `STORED AS` keyword. */
const STORED_AS: Record<string, StorageFormat> = {
  PARQUET: {
    serde: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
    inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
    outputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
  },
  ORC: {
    serde: 'org.apache.hadoop.hive.ql.io.orc.OrcSerde',
    inputFormat: 'org.apache.hadoop.hive.ql.io.orc.OrcInputFormat',
    outputFormat: 'org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat',
  },
  AVRO: {
    serde: 'org.apache.hadoop.hive.serde2.avro.AvroSerDe',
    inputFormat: 'org.apache.hadoop.hive.ql.io.avro.AvroContainerInputFormat',
    outputFormat: 'org.apache.hadoop.hive.ql.io.avro.AvroContainerOutputFormat',
  },
  JSON: { serde: 'org.openx.data.jsonserde.JsonSerDe', inputFormat: TEXT_INPUT, outputFormat: HIVE_TEXT_OUTPUT },
  TEXTFILE: { serde: 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe', inputFormat: TEXT_INPUT, outputFormat: HIVE_TEXT_OUTPUT },
};

export class GlueTableError extends LakeError {
  override readonly name: string = 'GlueTableError';
}

/** Glue stores Hive type names in lower case without spaces (`decimal(10,2)`, `array<string>`). */
export const glueType = (hiveType: string): string => hiveType.replace(/\s+/g, '').toLowerCase();

function storageFormat(table: ExternalTableDefinition): StorageFormat {
  const byKeyword = table.storedAs ? STORED_AS[table.storedAs.toUpperCase()] : undefined;
  if (table.storedAs && !byKeyword && !table.serde) {
    throw new GlueTableError(`${table.name}: STORED AS ${table.storedAs} is not supported; use ROW FORMAT SERDE with INPUTFORMAT/OUTPUTFORMAT`);
  }
  const base = byKeyword ?? STORED_AS.TEXTFILE;
  return {
    serde: table.serde ?? base.serde,
    inputFormat: table.inputFormat ?? base.inputFormat,
    outputFormat: table.outputFormat ?? base.outputFormat,
  };
}

const TIME_PARTITIONS = ['year', 'month', 'day', 'hour'] as const;

/**
 * Partition projection for the time layouts the producers write (`…/year=YYYY/month=MM/day=DD/hour=HH/`): Athena
 * computes partitions from the query's predicates, so neither crawler nor `BatchCreatePartition` has to keep up.
 * Applied when the partition keys are a prefix of year/month/day/hour and the DDL does not set projection itself.
 */
export function timePartitionProjection(table: ExternalTableDefinition, firstYear: number): Record<string, string> {
  const keys = table.partitionKeys.map((k) => k.name.toLowerCase());
  if (keys.length === 0 || keys.some((k, i) => k !== TIME_PARTITIONS[i])) return {};
  if (Object.keys(table.tblProperties).some((k) => k.startsWith('projection.'))) return {};
  const ranges: Record<string, [string, string]> = { year: [String(firstYear), 'NOW'], month: ['1', '12'], day: ['1', '31'], hour: ['0', '23'] };
  const props: Record<string, string> = { 'projection.enabled': 'true' };
  for (const key of keys) {
    props[`projection.${key}.type`] = 'integer';
    // `NOW` is only valid for date projections; an integer year range gets an explicit, generous upper bound.
    const [low, high] = ranges[key];
    props[`projection.${key}.range`] = `${low},${high === 'NOW' ? String(firstYear + 50) : high}`;
    // Producers zero-pad (Firehose `!{timestamp:MM}`, the consumer's `month=07`), so projected paths must too.
    if (key !== 'year') props[`projection.${key}.digits`] = '2';
  }
  const location = table.location.endsWith('/') ? table.location : `${table.location}/`;
  props['storage.location.template'] = location + keys.map((k) => `${k}=\${${k}}`).join('/') + '/';
  return props;
}

/**
 * Partition projection for one DATE partition key (`…/extract_date=YYYY-MM-DD/`, P3's daily extracts): Athena's date
 * projection type (Athena User Guide, "Supported types for partition projection": `type` date, `format`, `range` with
 * NOW, `interval` and `interval.unit`), so a new day's folder is readable without MSCK or BatchCreatePartition.
 */
export function datePartitionProjection(table: ExternalTableDefinition, firstYear: number): Record<string, string> {
  if (table.partitionKeys.length !== 1 || table.partitionKeys[0].type.toUpperCase() !== 'DATE') return {};
  if (Object.keys(table.tblProperties).some((k) => k.startsWith('projection.'))) return {};
  const key = table.partitionKeys[0].name.toLowerCase();
  const location = table.location.endsWith('/') ? table.location : `${table.location}/`;
  return {
    'projection.enabled': 'true',
    [`projection.${key}.type`]: 'date',
    [`projection.${key}.format`]: 'yyyy-MM-dd',
    [`projection.${key}.range`]: `${firstYear}-01-01,NOW`,
    [`projection.${key}.interval`]: '1',
    [`projection.${key}.interval.unit`]: 'DAYS',
    'storage.location.template': `${location}${key}=\${${key}}/`,
  };
}

export function glueTableInput(table: ExternalTableDefinition, options: { catalogId: string; databaseName: string; firstYear: number }): CfnTableProps {
  const format = storageFormat(table);
  const parameters: Record<string, string> = {
    EXTERNAL: 'TRUE',
    classification: (table.storedAs ?? 'text').toLowerCase(),
    ...timePartitionProjection(table, options.firstYear),
    ...datePartitionProjection(table, options.firstYear),
    ...table.tblProperties,
  };
  const column = (c: TableColumn) => ({ name: c.name.toLowerCase(), type: glueType(c.type), comment: c.comment });
  return {
    catalogId: options.catalogId,
    databaseName: options.databaseName,
    tableInput: {
      name: table.name.toLowerCase(),
      description: table.comment,
      tableType: 'EXTERNAL_TABLE',
      parameters,
      partitionKeys: table.partitionKeys.map(column),
      storageDescriptor: {
        columns: table.columns.map(column),
        location: table.location,
        inputFormat: format.inputFormat,
        outputFormat: format.outputFormat,
        serdeInfo: { serializationLibrary: format.serde, parameters: table.serdeProperties },
      },
    },
  };
}
