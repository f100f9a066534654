// DDL definition → Glue table input: storage formats, types, partition projection for the producers' layouts.
import { describe, expect, it } from 'vitest';
import { datePartitionProjection, glueTableInput, glueType, timePartitionProjection, type ExternalTableDefinition } from '../../stacks/lib/glue-table.js';
import { substituteVariables } from '../../stacks/lib/project-sql.js';

const crmData: ExternalTableDefinition = {
  name: 'crm_data',
  columns: [
    { name: 'customer_id', type: 'INT' },
    { name: 'timestamp', type: 'TIMESTAMP' },
    { name: 'amount', type: 'DECIMAL(10, 2)' },
  ],
  partitionKeys: ['year', 'month', 'day', 'hour'].map((name) => ({ name, type: 'INT' })),
  storedAs: 'PARQUET',
  serdeProperties: {},
  location: 's3://lake/processed/',
  tblProperties: { 'parquet.compression': 'SNAPPY' },
};

describe('glueTableInput', () => {
  const input = glueTableInput(crmData, { catalogId: '123', databaseName: 'lakehouse', firstYear: 2024 }).tableInput as {
    tableType: string;
    parameters: Record<string, string>;
    partitionKeys: Array<{ name: string; type: string }>;
    storageDescriptor: { columns: Array<{ name: string; type: string }>; inputFormat: string; serdeInfo: { serializationLibrary: string } };
  };

  it('maps STORED AS PARQUET to the SerDe and formats Athena records', () => {
    expect(input.tableType).toBe('EXTERNAL_TABLE');
    expect(input.storageDescriptor.serdeInfo.serializationLibrary).toBe('org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe');
    expect(input.storageDescriptor.inputFormat).toBe('org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat');
    expect(input.storageDescriptor.columns).toEqual([
      { name: 'customer_id', type: 'int', comment: undefined },
      { name: 'timestamp', type: 'timestamp', comment: undefined },
      { name: 'amount', type: 'decimal(10,2)', comment: undefined },
    ]);
    expect(input.partitionKeys.map((k) => k.name)).toEqual(['year', 'month', 'day', 'hour']);
    expect(input.parameters['parquet.compression']).toBe('SNAPPY');
  });

  it('projects year/month/day/hour partitions with zero-padded paths', () => {
    expect(input.parameters).toMatchObject({
      'projection.enabled': 'true',
      'projection.year.range': '2024,2074',
      'projection.month.digits': '2',
      'projection.hour.range': '0,23',
      'storage.location.template': 's3://lake/processed/year=${year}/month=${month}/day=${day}/hour=${hour}/',
    });
  });

  // Athena User Guide, "Supported types for partition projection", Date type: format (Java DateTimeFormatter pattern),
  // range with NOW, interval and interval.unit; without projection a daily folder is invisible until MSCK.
  it('projects a single DATE partition (P3 extracts) by day, up to now', () => {
    const extracts: ExternalTableDefinition = {
      ...crmData,
      name: 'p3_raw_customers',
      partitionKeys: [{ name: 'extract_date', type: 'DATE' }],
      location: 's3://lake/raw/customer360/customers',
      tblProperties: {},
    };
    const parameters = (
      glueTableInput(extracts, { catalogId: '123', databaseName: 'lakehouse', firstYear: 2024 }).tableInput as { parameters: Record<string, string> }
    ).parameters;
    expect(parameters).toMatchObject({
      'projection.enabled': 'true',
      'projection.extract_date.type': 'date',
      'projection.extract_date.format': 'yyyy-MM-dd',
      'projection.extract_date.range': '2024-01-01,NOW',
      'projection.extract_date.interval': '1',
      'projection.extract_date.interval.unit': 'DAYS',
      'storage.location.template': 's3://lake/raw/customer360/customers/extract_date=${extract_date}/',
    });
    expect(datePartitionProjection({ ...extracts, partitionKeys: [{ name: 'batch_id', type: 'STRING' }] }, 2024)).toEqual({});
    expect(datePartitionProjection({ ...extracts, tblProperties: { 'projection.enabled': 'false' } }, 2024)).toEqual({});
  });

  it('leaves projection to the DDL when it sets any, and to nothing for other layouts', () => {
    expect(timePartitionProjection({ ...crmData, tblProperties: { 'projection.enabled': 'false' } }, 2024)).toEqual({});
    expect(timePartitionProjection({ ...crmData, partitionKeys: [{ name: 'dt', type: 'STRING' }] }, 2024)).toEqual({});
  });

  it('maps JSON tables to the OpenX SerDe and normalises nested types', () => {
    const json = glueTableInput({ ...crmData, storedAs: 'JSON', partitionKeys: [] }, { catalogId: '1', databaseName: 'd', firstYear: 2024 });
    expect((json.tableInput as { storageDescriptor: { serdeInfo: { serializationLibrary: string } } }).storageDescriptor.serdeInfo.serializationLibrary).toBe(
      'org.openx.data.jsonserde.JsonSerDe',
    );
    expect(glueType('ARRAY< STRUCT<a: INT, b: STRING> >')).toBe('array<struct<a:int,b:string>>');
  });
});

describe('substituteVariables', () => {
  it('fills ${name} and rejects unknown variables', () => {
    expect(substituteVariables('s3://${lake_bucket}/processed/', { lake_bucket: 'b' })).toBe('s3://b/processed/');
    expect(() => substituteVariables('s3://${nope}/', {})).toThrow(/unknown variable/);
  });
});
