// The `ha` table swap on the Glue Data Catalog (dbt-athena's swap_table): the target table takes the scratch table's
// definition in one UpdateTable call. Glue replaces a table's whole definition per call, so a query planned before it
// reads the old table and one planned after it the new one; there is no moment without the table. A partitioned table
// gets its partitions by projection (table properties in that same call), never registered one by one: dbt-athena's
// delete-then-create of partitions leaves a window in which readers see none.
import {
  BatchDeletePartitionCommand,
  CreateTableCommand,
  GetTableCommand,
  paginateGetPartitions,
  UpdateTableCommand,
  type GlueClient,
  type Table,
  type TableInput,
} from '@aws-sdk/client-glue';
import { EngineError, type TableName } from '../engine.js';

/** BatchDeletePartition takes at most 25 partitions per call. */
const DELETE_PARTITIONS_PER_CALL = 25;

const failed = (operation: string, table: TableName, error: unknown): EngineError =>
  new EngineError(
    `Glue ${operation} of ${table.database}.${table.name} failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    {
      code: error instanceof Error ? error.name : undefined,
      cause: error,
      retryable: false,
    },
  );

async function getTable(glue: GlueClient, table: TableName): Promise<Table | undefined> {
  try {
    const { Table: found } = await glue.send(new GetTableCommand({ DatabaseName: table.database, Name: table.name }));
    return found;
  } catch (error) {
    if (error instanceof Error && error.name === 'EntityNotFoundException') return undefined;
    throw failed('GetTable', table, error);
  }
}

/** What UpdateTable/CreateTable accept of a table GetTable returned (it adds ids, times and owner fields). */
function tableInput(source: Table, name: string, properties: Record<string, string>): TableInput {
  return {
    Name: name,
    TableType: source.TableType ?? 'EXTERNAL_TABLE',
    StorageDescriptor: source.StorageDescriptor,
    PartitionKeys: source.PartitionKeys ?? [],
    Parameters: { ...source.Parameters, ...properties },
    ...(source.Description !== undefined ? { Description: source.Description } : {}),
  };
}

/**
 * Gives `target` the definition of `source` (+ `properties`) in one Glue call: UpdateTable when it exists (SkipArchive:
 * each run would otherwise add a table version, and Glue keeps a bounded number), CreateTable on a first run.
 * Partitions an earlier definition registered (MSCK) are deleted afterwards; until then projection makes Athena
 * ignore them.
 */
export async function swapGlueTable(glue: GlueClient, source: TableName, target: TableName, properties: Record<string, string>): Promise<void> {
  const next = await getTable(glue, source);
  if (!next)
    throw new EngineError(`cannot swap ${target.database}.${target.name}: its new definition ${source.database}.${source.name} is not in Glue`, {
      retryable: false,
    });
  const current = await getTable(glue, target);
  const input = tableInput(next, target.name, properties);
  try {
    if (current) await glue.send(new UpdateTableCommand({ DatabaseName: target.database, TableInput: input, SkipArchive: true }));
    else await glue.send(new CreateTableCommand({ DatabaseName: target.database, TableInput: input }));
  } catch (error) {
    throw failed(current ? 'UpdateTable' : 'CreateTable', target, error);
  }
  // Only under the same number of keys: partition values are addressed by position.
  const oldKeys = current?.PartitionKeys?.length ?? 0;
  if (oldKeys > 0 && oldKeys === (next.PartitionKeys?.length ?? 0)) await deleteRegisteredPartitions(glue, target);
}

async function deleteRegisteredPartitions(glue: GlueClient, target: TableName): Promise<void> {
  const values: string[][] = [];
  try {
    for await (const page of paginateGetPartitions({ client: glue }, { DatabaseName: target.database, TableName: target.name })) {
      for (const partition of page.Partitions ?? []) values.push(partition.Values ?? []);
    }
    for (let i = 0; i < values.length; i += DELETE_PARTITIONS_PER_CALL) {
      const chunk = values.slice(i, i + DELETE_PARTITIONS_PER_CALL).map((Values) => ({ Values }));
      const { Errors } = await glue.send(new BatchDeletePartitionCommand({ DatabaseName: target.database, TableName: target.name, PartitionsToDelete: chunk }));
      const error = Errors?.find((e) => e.ErrorDetail?.ErrorCode !== 'EntityNotFoundException');
      if (error) throw new Error(`${error.ErrorDetail?.ErrorCode}: ${error.ErrorDetail?.ErrorMessage} (partition ${error.PartitionValues?.join('/')})`);
    }
  } catch (error) {
    throw failed('partition clean-up after the swap', target, error);
  }
}
