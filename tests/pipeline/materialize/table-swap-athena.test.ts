// The `table` materialization on Athena, with its AWS calls recorded (aws-sdk-client-mock) in the one order they
// happen across Athena, Glue and S3: the new data is written by CTAS under a scratch name into a fresh folder, then the
// table takes the scratch table's definition in ONE Glue UpdateTable, and only then are the scratch entry and the old
// files deleted. The table is never dropped, never created again, never pointed at a folder still being written.
//
// The AWS rules this relies on:
// - Glue UpdateTable takes "an updated TableInput object to define the metadata table in the catalog" (the whole
//   definition: StorageDescriptor with columns, format and location, PartitionKeys, Parameters) in one call; "By
//   default, UpdateTable always creates an archived version of the table ... if skipArchive is set to true, UpdateTable
//   does not create the archived version" (https://docs.aws.amazon.com/glue/latest/webapi/API_UpdateTable.html).
// - ALTER TABLE SET LOCATION "changes the location for the table named table_name, and optionally a partition with
//   partition_spec" (https://docs.aws.amazon.com/athena/latest/ug/alter-table-set-location.html): one location per
//   statement, no columns or format, so it cannot swap a partitioned table or a changed schema at once. dbt-athena's
//   ha mode swaps through Glue instead, but deletes and re-creates the partitions after its UpdateTable (a window in
//   which readers see none).
// - Partition projection: "Enabling partition projection on a table causes Athena to ignore any partition metadata
//   registered to the table in the AWS Glue Data Catalog"; enum values are "a comma-separated list of enumerated
//   partition values" (https://docs.aws.amazon.com/athena/latest/ug/partition-projection.html,
//   https://docs.aws.amazon.com/athena/latest/ug/partition-projection-supported-types.html). Without
//   storage.location.template a projected partition is `<table location>/<key>=<escaped value>/`, the folders CTAS
//   writes (Trino's port of the feature, plugin/trino-hive/.../projection/PartitionProjection.java). So the
//   partitions are part of the same UpdateTable: no moment with the new location and the old partitions, or none.
import { AthenaClient } from '@aws-sdk/client-athena';
import {
  BatchDeletePartitionCommand,
  CreateTableCommand,
  DeleteTableCommand,
  EntityNotFoundException,
  GetPartitionsCommand,
  GetTableCommand,
  GlueClient,
  type Table,
  UpdateTableCommand,
} from '@aws-sdk/client-glue';
import { DeleteObjectsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { AthenaEngine } from '../../../src/engines/athena/engine.js';
import { STRATEGIES, type MaterializeRequest } from '../../../src/pipeline/materialize/index.js';
import { S3ObjectStore } from '../../../src/storage/object-store/s3.js';
import { fakeAthena, type FakeAnswer } from '../../functions/fakes.js';

const BUCKET = 'lake';
const request: MaterializeRequest = {
  database: 'mart',
  name: 'daily',
  selectSql: 'SELECT id, score, dt FROM src',
  partitionedBy: ['dt'],
  location: `s3://${BUCKET}/mart/daily/`,
};

const glueTable = (name: string, run: string, columns: string[], extra: Partial<Table> = {}): Table => ({
  Name: name,
  DatabaseName: 'mart',
  TableType: 'EXTERNAL_TABLE',
  CreateTime: new Date('2025-03-01T00:00:00Z'),
  VersionId: '7',
  StorageDescriptor: {
    Columns: columns.map((c) => ({ Name: c, Type: c === 'score' ? 'double' : 'int' })),
    Location: `s3://${BUCKET}/mart/daily/${run}`,
    InputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
    SerdeInfo: { SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' },
  },
  PartitionKeys: [{ Name: 'dt', Type: 'string' }],
  Parameters: { has_encrypted_data: 'false' },
  ...extra,
});

interface Scenario {
  /** The table as Glue has it before the run; undefined: a first run. */
  existing?: Table;
  /** Partitions an earlier definition registered (MSCK REPAIR by an older release). */
  registered?: string[][];
  updateFails?: boolean;
}

/** Runs the materialization with recorded AWS clients; returns every call, in order, as `service:Operation detail`. */
async function run(runId: string, scenario: Scenario) {
  const calls: string[] = [];
  const athena = fakeAthena((sql): FakeAnswer => {
    calls.push(`athena: ${sql.split('\n')[0]}`);
    if (sql.endsWith('LIMIT 0'))
      return {
        columns: [
          { name: 'id', type: 'integer' },
          { name: 'score', type: 'double' },
          { name: 'dt', type: 'varchar' },
        ],
        rows: [],
      };
    if (sql.includes('GROUP BY')) return { columns: [{ name: 'dt', type: 'varchar' }], rows: [['2025-03-02'], ['2025-03-01']] };
    return { statementType: 'DDL' };
  });
  const glue = mockClient(GlueClient);
  glue.on(GetTableCommand).callsFake((input: { Name: string }) => {
    calls.push(`glue:GetTable ${input.Name}`);
    if (input.Name === `daily__${runId}`) return { Table: glueTable(input.Name, `${runId}/`, ['id', 'score']) };
    if (input.Name === 'daily' && scenario.existing) return { Table: scenario.existing };
    throw new EntityNotFoundException({ message: `Table ${input.Name} not found.`, $metadata: {} });
  });
  glue.on(UpdateTableCommand).callsFake((input: { TableInput: { Name: string } }) => {
    calls.push(`glue:UpdateTable ${input.TableInput.Name}`);
    if (scenario.updateFails) throw Object.assign(new Error('Rate exceeded'), { name: 'ConcurrentModificationException' });
    return {};
  });
  glue.on(CreateTableCommand).callsFake((input: { TableInput: { Name: string } }) => {
    calls.push(`glue:CreateTable ${input.TableInput.Name}`);
    return {};
  });
  glue.on(DeleteTableCommand).callsFake((input: { Name: string }) => {
    calls.push(`glue:DeleteTable ${input.Name}`);
    return {};
  });
  glue.on(GetPartitionsCommand).callsFake((input: { TableName: string }) => {
    calls.push(`glue:GetPartitions ${input.TableName}`);
    return { Partitions: (scenario.registered ?? []).map((Values) => ({ Values })) };
  });
  glue.on(BatchDeletePartitionCommand).callsFake((input: { TableName: string; PartitionsToDelete: Array<{ Values: string[] }> }) => {
    calls.push(`glue:BatchDeletePartition ${input.TableName} ${input.PartitionsToDelete.map((p) => p.Values.join('/')).join(' ')}`);
    return { Errors: [] };
  });
  const s3 = mockClient(S3Client);
  s3.on(ListObjectsV2Command).callsFake((input: { Prefix: string }) => {
    calls.push(`s3:ListObjectsV2 ${input.Prefix}`);
    return {
      Contents: ['run1/dt=2025-02-28/a.parquet', `${runId}/dt=2025-03-01/b.parquet`, `${runId}/dt=2025-03-02/c.parquet`].map((k) => ({
        Key: `${input.Prefix}${k}`,
      })),
    };
  });
  s3.on(DeleteObjectsCommand).callsFake((input: { Delete: { Objects: Array<{ Key: string }> } }) => {
    calls.push(`s3:DeleteObjects ${input.Delete.Objects.map((o) => o.Key).join(' ')}`);
    return {};
  });
  mocks.push(athena.mock, glue, s3);
  const engine = new AthenaEngine(
    { workgroup: 'wg', database: 'mart', region: 'eu-west-1' },
    { client: new AthenaClient({ region: 'eu-west-1' }), glue: new GlueClient({ region: 'eu-west-1' }), sleep: async () => {} },
  );
  const outcome = STRATEGIES.table(request, { engine, objectStore: new S3ObjectStore(new S3Client({ region: 'eu-west-1' })), runId });
  const update = () => glue.commandCalls(UpdateTableCommand)[0]?.args[0].input;
  const create = () => glue.commandCalls(CreateTableCommand)[0]?.args[0].input;
  return { outcome, calls, update, create };
}

const mocks: Array<{ restore(): void }> = [];
afterEach(() => {
  for (const mock of mocks.splice(0)) mock.restore();
});

describe('table on Athena: one Glue UpdateTable swaps the table (dbt-athena ha, partitions by projection)', () => {
  it('a partitioned table with a new column: CTAS, the swap in one call, then the clean-up; never a DROP of the table', async () => {
    const { outcome, calls, update } = await run('run2', { existing: glueTable('daily', 'run1/', ['id']), registered: [['2025-02-28']] });
    await outcome;
    expect(calls).toEqual([
      'athena: CREATE TABLE "mart"."daily__run2"',
      'athena: SELECT * FROM "mart"."daily__run2" LIMIT 0',
      'athena: SELECT "dt" FROM "mart"."daily__run2" GROUP BY "dt"',
      'glue:GetTable daily__run2',
      'glue:GetTable daily',
      'glue:UpdateTable daily',
      // Partitions an older release registered with MSCK: ignored under projection, deleted after the swap.
      'glue:GetPartitions daily',
      'glue:BatchDeletePartition daily 2025-02-28',
      'athena: DROP TABLE `mart`.`daily__run2`',
      's3:ListObjectsV2 mart/daily/',
      's3:DeleteObjects mart/daily/run1/dt=2025-02-28/a.parquet',
    ]);
    // The new definition whole: the scratch table's storage (columns, format, fresh location) and partition keys, and
    // its partitions as projection properties, in the same call.
    expect(update()).toEqual({
      DatabaseName: 'mart',
      SkipArchive: true,
      TableInput: {
        Name: 'daily',
        TableType: 'EXTERNAL_TABLE',
        StorageDescriptor: glueTable('daily__run2', 'run2/', ['id', 'score']).StorageDescriptor,
        PartitionKeys: [{ Name: 'dt', Type: 'string' }],
        Parameters: {
          has_encrypted_data: 'false',
          classification: 'parquet',
          'projection.enabled': 'true',
          'projection.dt.type': 'enum',
          'projection.dt.values': '2025-03-01,2025-03-02',
        },
      },
    });
  });

  it('a first run creates the table with CreateTable from the scratch definition (no DROP, no MSCK)', async () => {
    const { outcome, calls, create } = await run('run1', {});
    await outcome;
    expect(calls.filter((c) => c.startsWith('glue:') || c.startsWith('athena: DROP'))).toEqual([
      'glue:GetTable daily__run1',
      'glue:GetTable daily',
      'glue:CreateTable daily',
      'athena: DROP TABLE `mart`.`daily__run1`',
    ]);
    expect(create()?.TableInput?.StorageDescriptor?.Location).toBe(`s3://${BUCKET}/mart/daily/run1/`);
  });

  it('a failing swap leaves the old table as it was: no delete of its definition, partitions or files; the scratch entry is dropped', async () => {
    const { outcome, calls } = await run('run3', { existing: glueTable('daily', 'run1/', ['id']), registered: [['2025-02-28']], updateFails: true });
    await expect(outcome).rejects.toThrow('Glue UpdateTable of mart.daily failed: ConcurrentModificationException: Rate exceeded');
    expect(calls.slice(3)).toEqual([
      'glue:GetTable daily__run3',
      'glue:GetTable daily',
      'glue:UpdateTable daily',
      'athena: DROP TABLE IF EXISTS `mart`.`daily__run3`',
    ]);
  });

  it('a federated catalog is refused: the swap updates Glue, which does not hold its tables', async () => {
    const glue = mockClient(GlueClient);
    mocks.push(glue);
    const engine = new AthenaEngine(
      { workgroup: 'wg', catalog: 'hive_metastore' },
      { client: new AthenaClient({ region: 'eu-west-1' }), glue: new GlueClient({ region: 'eu-west-1' }) },
    );
    await expect(engine.swapTable({ database: 'mart', name: 'daily__run1' }, { database: 'mart', name: 'daily' }, {})).rejects.toThrow(
      'cannot swap mart.daily in catalog hive_metastore: the table swap updates the Glue Data Catalog (AwsDataCatalog) only',
    );
    expect(glue.calls()).toEqual([]);
  });
});
