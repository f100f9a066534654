// UNLOAD on the local lake (https://docs.aws.amazon.com/athena/latest/ug/unload.html): the query's rows written as
// files in the requested format at the location, partitioned like a CTAS, no table created. Athena refuses a
// location that already holds data and writes at most 100 partitions; Parquet is gzip-compressed by default.
import type { QueryResult } from '../engine.js';
import { hiveTypeOfDuckDb, duckDbTypeOf, parseHiveType, unwritableColumn } from '../../dialect/hive-types.js';
import type { UnloadSpec } from '../../dialect/lake-actions.js';
import { athenaError, unsupportedHiveType } from './errors.js';
import { emptyResult, type LakeSessionContext } from './lake-session.js';
import { hasDataFiles, localPathOf } from './lake-storage.js';
import type { LakeColumn, StorageFormat } from '../../dialect/lake-table.js';
import { castProjection, checkPartitionCount, stage, unstage, type StagedRows } from './lake-writes.js';
import { writeTableFiles } from './writer.js';
import { s3Folder } from '../../storage/object-store/object-store.js';

function unloadFormat(spec: UnloadSpec): { format: StorageFormat; compression: string } {
  const codec = spec.compression?.toLowerCase();
  switch (spec.format) {
    case 'PARQUET':
      return { format: { kind: 'parquet' }, compression: codec ?? 'gzip' };
    case 'JSON':
      return { format: { kind: 'json' }, compression: 'gzip' };
    case 'TEXTFILE':
      return { format: { kind: 'csv', serde: 'lazy', delimiter: spec.fieldDelimiter ?? '\u0001', quote: '', escape: '' }, compression: 'gzip' };
    default:
      throw athenaError('NOT_SUPPORTED', `UNLOAD format '${spec.format}' cannot be written by the local engine: use 'PARQUET', 'JSON' or 'TEXTFILE'`);
  }
}

export async function unload(ctx: LakeSessionContext, spec: UnloadSpec): Promise<QueryResult> {
  const { format, compression } = unloadFormat(spec);
  const location = s3Folder(spec.location);
  const dir = localPathOf(ctx.lakeRoot, location);
  if (hasDataFiles(dir))
    throw athenaError('HIVE_PATH_ALREADY_EXISTS', `UNLOAD location ${location} is not empty: Athena writes UNLOAD results only to an empty location`);
  let staged: StagedRows | undefined;
  try {
    staged = await stage(ctx, spec.sourceSql);
    const unwritable = unwritableColumn(staged.columns);
    if (unwritable) throw unsupportedHiveType(unwritable);
    const names = staged.columns.map((c) => c.name.toLowerCase());
    const keys = spec.partitionedBy.map((k) => k.toLowerCase());
    if (keys.length > 0 && (keys.length >= names.length || keys.some((k, i) => names[names.length - keys.length + i] !== k))) {
      throw athenaError(
        'HIVE_COLUMN_ORDER_MISMATCH',
        `Partition keys must be the last columns of the query and in the same order as partitioned_by: [${keys.join(', ')}]`,
      );
    }
    await checkPartitionCount(
      ctx,
      staged.relation,
      staged.columns.slice(names.length - keys.length).map((c) => c.name),
    );
    const columns: LakeColumn[] = staged.columns.map((c, i) => ({ name: names[i], type: hiveTypeOfDuckDb(c.duckType, names[i]) }));
    const partitionKeys = columns.slice(columns.length - keys.length);
    await writeTableFiles(ctx.connection, {
      source: castProjection(
        staged,
        staged.columns.map((c) => c.name),
        columns,
      ),
      dataColumns: columns.slice(0, columns.length - keys.length).map((c) => c.name),
      partitionKeys: partitionKeys.map((c) => c.name),
      partitionKeyTypes: partitionKeys.map((c) => duckDbTypeOf(parseHiveType(c.type))),
      format,
      compression,
      targetDir: dir,
      lakeRoot: ctx.lakeRoot,
    });
    return emptyResult({ rowsWritten: staged.rowCount });
  } finally {
    await unstage(ctx, staged);
  }
}
