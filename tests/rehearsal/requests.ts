// What AWS authorizes for each call a function makes: the IAM action, the resource ARN(s) and the condition keys of the
// request (Service Authorization Reference: actions, resource types and condition keys per service), plus the calls a
// service makes with the caller's credentials on its behalf — SNS encrypting with the topic's KMS key, Athena reading
// and writing S3 and the Glue catalog for each statement (Athena User Guide, "Access to Amazon S3" and "Fine-grained
// access to databases and tables in the AWS Glue Data Catalog").
import { tableReferences } from '../../src/project/refs.js';
import { ACCOUNT, REGION } from './deployed.js';

export interface IamRequest {
  /** What made it: `S3.PutObject`, `Athena statement: CREATE TABLE …`. */
  origin: string;
  action: string;
  resource: string;
  context: Record<string, string | string[]>;
}

const glue = {
  catalog: `arn:aws:glue:${REGION}:${ACCOUNT}:catalog`,
  database: (db: string) => `arn:aws:glue:${REGION}:${ACCOUNT}:database/${db}`,
  table: (db: string, t: string) => `arn:aws:glue:${REGION}:${ACCOUNT}:table/${db}/${t}`,
};
const s3Object = (bucket: string, key: string) => `arn:aws:s3:::${bucket}/${key}`;
const s3Bucket = (bucket: string) => `arn:aws:s3:::${bucket}`;
const TLS = { 'aws:SecureTransport': 'true' };

/** One SDK command (client class name, command name, input) → the requests IAM evaluates for it. */
export function sdkRequests(
  client: string,
  command: string,
  input: Record<string, unknown>,
  context: { workgroupArn?: string; topicKeys: Map<string, string> },
): IamRequest[] {
  const origin = `${client}.${command}`;
  const req = (action: string, resource: string, extra: Record<string, string | string[]> = {}): IamRequest => ({
    origin,
    action,
    resource,
    context: { ...TLS, ...extra },
  });
  const s = input as Record<string, string | undefined>;
  switch (client) {
    case 'S3': {
      const bucket = s.Bucket as string;
      if (command === 'ListObjectsV2' || command === 'ListObjects') return [req('s3:ListBucket', s3Bucket(bucket), { 's3:prefix': s.Prefix ?? '' })];
      if (command === 'PutObject' || command === 'CreateMultipartUpload' || command === 'UploadPart' || command === 'CompleteMultipartUpload')
        return [req('s3:PutObject', s3Object(bucket, s.Key as string))];
      if (command === 'GetObject' || command === 'HeadObject') return [req('s3:GetObject', s3Object(bucket, s.Key as string))];
      if (command === 'DeleteObject') return [req('s3:DeleteObject', s3Object(bucket, s.Key as string))];
      if (command === 'DeleteObjects')
        return ((input.Delete as { Objects: Array<{ Key: string }> }).Objects ?? []).map((o) => req('s3:DeleteObject', s3Object(bucket, o.Key)));
      if (command === 'CopyObject') {
        const [srcBucket, ...srcKey] = decodeURIComponent(s.CopySource as string)
          .replace(/^\//, '')
          .split('/');
        return [req('s3:GetObject', s3Object(srcBucket, srcKey.join('/'))), req('s3:PutObject', s3Object(bucket, s.Key as string))];
      }
      if (command === 'AbortMultipartUpload') return [req('s3:AbortMultipartUpload', s3Object(bucket, s.Key as string))];
      break;
    }
    case 'Athena': {
      const workgroup = command === 'StartQueryExecution' ? `arn:aws:athena:${REGION}:${ACCOUNT}:workgroup/${s.WorkGroup}` : context.workgroupArn;
      return [req(`athena:${command}`, workgroup ?? 'unknown-workgroup')];
    }
    case 'Glue': {
      const db = (s.DatabaseName ?? s.Name) as string;
      // GetTable/DeleteTable name the table `Name` (beside DatabaseName); GetDatabase names the database so.
      const table = s.TableName ?? (input.TableInput as { Name?: string } | undefined)?.Name ?? (s.DatabaseName !== undefined ? s.Name : undefined);
      const action = `glue:${command}`;
      // Glue authorizes a table action on the catalog, the database and the table (Glue Developer Guide, "Specifying
      // Glue resource ARNs": "… permission on the table, its database and the catalog").
      return [req(action, glue.catalog), req(action, glue.database(db)), ...(table ? [req(action, glue.table(db, table))] : [])];
    }
    case 'DynamoDB': {
      const table = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${s.TableName}`;
      if (command === 'BatchWriteItem')
        return Object.keys(input.RequestItems as object).map((t) => req('dynamodb:BatchWriteItem', `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${t}`));
      return [req(`dynamodb:${command}`, table)];
    }
    case 'SNS': {
      const topic = s.TopicArn as string;
      const key = context.topicKeys.get(topic);
      // Publishing to an SSE topic: SNS generates and uses a data key with the publisher's credentials (SNS Developer
      // Guide, "Data encryption": the publisher needs kms:GenerateDataKey* and kms:Decrypt on the key).
      return [req('sns:Publish', topic), ...(key ? [req('kms:GenerateDataKey', key), req('kms:Decrypt', key)] : [])];
    }
    case 'Kinesis':
      return [req(`kinesis:${command}`, (s.StreamARN ?? `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/${s.StreamName}`) as string)];
    case 'CloudWatch':
      return [req(`cloudwatch:${command}`, '*', command === 'PutMetricData' ? { 'cloudwatch:namespace': s.Namespace as string } : {})];
    case 'SFN':
      return [req(`states:${command}`, (s.stateMachineArn ?? s.executionArn) as string)];
    case 'QuickSight':
      return [req(`quicksight:${command}`, quickSightArn(command, input)), ...quickSightPasses(command, input).map((p) => req(p.action, p.resource))];
  }
  throw new Error(`no IAM mapping for ${origin}: add it to tests/rehearsal/requests.ts`);
}

/**
 * The resource QuickSight authorizes each call on (Service Authorization Reference, Amazon QuickSight, "Resource types"
 * column): CreateDataSource supports no resource-level permission (only `*`); CreateDataSet is authorized on the data
 * source it reads, not on the new dataset; refresh schedules are `dataset/<id>/refresh-schedule/<schedule id>`.
 */
function quickSightArn(command: string, input: Record<string, unknown>): string {
  const base = `arn:aws:quicksight:${REGION}:${ACCOUNT}`;
  const s = input as Record<string, string>;
  if (command === 'CreateDataSource') return '*';
  if (command === 'CreateDataSet') {
    const [source] = quickSightPasses(command, input);
    if (!source) throw new Error('CreateDataSet without a data source');
    return source.resource;
  }
  if (command.endsWith('RefreshSchedule')) {
    const scheduleId = (input.Schedule as { ScheduleId?: string } | undefined)?.ScheduleId ?? s.ScheduleId;
    return `${base}:dataset/${s.DataSetId}/refresh-schedule/${scheduleId}`;
  }
  if (s.DataSourceId) return `${base}:datasource/${s.DataSourceId}`;
  if (s.DataSetId) return `${base}:dataset/${s.DataSetId}`;
  if (s.AnalysisId) return `${base}:analysis/${s.AnalysisId}`;
  if (s.DashboardId) return `${base}:dashboard/${s.DashboardId}`;
  throw new Error(`no QuickSight resource in ${command}`);
}

/**
 * QuickSight's dependent actions (Service Authorization Reference, Amazon QuickSight, "Dependent actions" column):
 * creating or updating a dataset over a data source needs quicksight:PassDataSource on that source; an analysis or a
 * dashboard over datasets needs quicksight:PassDataSet on each.
 */
function quickSightPasses(command: string, input: Record<string, unknown>): Array<{ action: string; resource: string }> {
  if (command === 'CreateDataSet' || command === 'UpdateDataSet') {
    const tables = Object.values((input.PhysicalTableMap ?? {}) as Record<string, Record<string, { DataSourceArn?: string }>>);
    return tables
      .flatMap((t) => Object.values(t))
      .flatMap((source) => (source.DataSourceArn ? [{ action: 'quicksight:PassDataSource', resource: source.DataSourceArn }] : []));
  }
  if (['CreateAnalysis', 'UpdateAnalysis', 'CreateDashboard', 'UpdateDashboard'].includes(command)) {
    const definition = (input.Definition ?? {}) as { DataSetIdentifierDeclarations?: Array<{ DataSetArn: string }> };
    const fromTemplate =
      (input.SourceEntity as { SourceTemplate?: { DataSetReferences?: Array<{ DataSetArn: string }> } } | undefined)?.SourceTemplate?.DataSetReferences ?? [];
    return [...(definition.DataSetIdentifierDeclarations ?? []), ...fromTemplate].map((d) => ({ action: 'quicksight:PassDataSet', resource: d.DataSetArn }));
  }
  return [];
}

/**
 * What Lambda's event source mapping does with the function's role (Lambda Developer Guide): for a Kinesis stream it
 * reads the stream ("Process Amazon Kinesis Data Streams records with Lambda": kinesis:DescribeStream,
 * DescribeStreamSummary, GetRecords, GetShardIterator, ListShards) and sends a record of a discarded batch to the
 * on-failure destination (sqs:SendMessage to a queue); for an SQS queue it receives and deletes the messages
 * ("Using Lambda with Amazon SQS", execution role: sqs:ReceiveMessage, sqs:DeleteMessage, sqs:GetQueueAttributes).
 */
export function eventSourceRequests(source: { sourceArn: string; onFailureArn?: string }): IamRequest[] {
  const origin = `Lambda event source mapping on ${source.sourceArn}`;
  const req = (action: string, resource: string): IamRequest => ({ origin, action, resource, context: { ...TLS } });
  const reads = source.sourceArn.startsWith('arn:aws:kinesis:')
    ? ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards']
    : source.sourceArn.startsWith('arn:aws:sqs:')
      ? ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes']
      : undefined;
  if (!reads) throw new Error(`no IAM mapping for an event source on ${source.sourceArn}: add it to tests/rehearsal/requests.ts`);
  const failures = source.onFailureArn
    ? [source.onFailureArn.startsWith('arn:aws:sqs:') ? req('sqs:SendMessage', source.onFailureArn) : req('sns:Publish', source.onFailureArn)]
    : [];
  return [...reads.map((action) => req(action, source.sourceArn)), ...failures];
}

/** Where tables keep their files: declared ones, models, and tables created earlier in the same run. */
export type TableLocations = Map<string, string>;

const parseS3 = (uri: string) => {
  const m = /^s3:\/\/([^/]+)\/(.*)$/.exec(uri);
  if (!m) throw new Error(`not an s3 uri: ${uri}`);
  return { bucket: m[1], key: m[2].endsWith('/') || m[2] === '' ? m[2] : `${m[2]}/` };
};

/**
 * What Athena does with the caller's credentials for one statement: Glue reads/writes of every table it names, S3
 * reads of the tables it reads (list + get under their locations) and writes where it writes (CTAS/INSERT/MERGE
 * output), CREATE DATABASE on the catalog, the database and Athena's `default` database.
 */
export function athenaStatementRequests(sql: string, database: string, locations: TableLocations): IamRequest[] {
  const origin = `Athena statement: ${sql.replace(/\s+/g, ' ').slice(0, 100)}`;
  const req = (action: string, resource: string, extra: Record<string, string | string[]> = {}): IamRequest => ({
    origin,
    action,
    resource,
    context: { ...TLS, ...extra },
  });
  const out: IamRequest[] = [];
  const createDb = /^\s*CREATE\s+(?:DATABASE|SCHEMA)\s+(?:IF\s+NOT\s+EXISTS\s+)?[`"]?(\w+)/i.exec(sql);
  if (createDb) {
    return [
      req('glue:CreateDatabase', glue.catalog),
      req('glue:CreateDatabase', glue.database(createDb[1].toLowerCase())),
      req('glue:GetDatabase', glue.database('default')),
    ];
  }
  const qualified = (parts: string[]) =>
    parts.length > 1 ? { db: parts[parts.length - 2], table: parts[parts.length - 1] } : { db: database, table: parts[0] };
  const tableActions = (action: string, db: string, table: string) => [
    req(action, glue.catalog),
    req(action, glue.database(db)),
    req(action, glue.table(db, table)),
  ];
  const readFiles = (location: string | undefined) => {
    if (!location) return [];
    const { bucket, key } = parseS3(location);
    return [req('s3:ListBucket', s3Bucket(bucket), { 's3:prefix': key }), req('s3:GetObject', s3Object(bucket, `${key}part-00000.parquet`))];
  };
  const writeFiles = (location: string | undefined) => {
    if (!location) return [];
    const { bucket, key } = parseS3(location);
    return [req('s3:PutObject', s3Object(bucket, `${key}part-00000.parquet`)), req('s3:ListBucket', s3Bucket(bucket), { 's3:prefix': key })];
  };
  const drop = /^\s*DROP\s+(?:TABLE|VIEW)\s+(?:IF\s+EXISTS\s+)?(.+?)\s*$/i.exec(sql);
  if (drop) {
    const parts = drop[1].split('.').map((p) => p.replace(/^[`"]|[`"]$/g, '').toLowerCase());
    const { db, table } = qualified(parts);
    return [...tableActions('glue:GetTable', db, table), ...tableActions('glue:DeleteTable', db, table)];
  }
  const show = /^\s*SHOW\s+TABLES\s+IN\s+[`"]?(\w+)/i.exec(sql);
  if (show) return [req('glue:GetTables', glue.catalog), req('glue:GetTables', glue.database(show[1].toLowerCase()))];

  const created = /external_location\s*=\s*'([^']+)'|\blocation\s*=\s*'([^']+)'|\bLOCATION\s+'([^']+)'/i.exec(sql);
  for (const ref of tableReferences(sql)) {
    const { db, table } = qualified(ref.parts.map((p) => p.toLowerCase()));
    const name = `${db}.${table}`;
    if (ref.access === 'create') {
      const location = created ? (created[1] ?? created[2] ?? created[3]) : undefined;
      if (location) locations.set(name, location);
      // Athena writes files for CTAS (the query's output) and for Iceberg tables (their metadata); a plain external
      // table declaration writes nothing.
      const writes = /\bAS\s*\(?\s*(SELECT|WITH)\b/i.test(sql) || /'table_type'\s*=\s*'ICEBERG'|table_type\s*=\s*'ICEBERG'/i.test(sql);
      out.push(...tableActions('glue:CreateTable', db, table), ...tableActions('glue:GetTable', db, table), ...(writes ? writeFiles(location) : []));
      if (/^\s*CREATE\s+OR\s+REPLACE\s+VIEW/i.test(sql)) out.push(...tableActions('glue:UpdateTable', db, table));
    } else if (ref.access === 'write') {
      out.push(
        ...tableActions('glue:GetTable', db, table),
        ...tableActions('glue:UpdateTable', db, table),
        ...writeFiles(locations.get(name)),
        ...readFiles(locations.get(name)),
      );
      if (/^\s*(MERGE|DELETE)/i.test(sql)) {
        const loc = locations.get(name);
        if (loc) out.push(req('s3:DeleteObject', s3Object(parseS3(loc).bucket, `${parseS3(loc).key}part-00000.parquet`)));
      }
    } else {
      out.push(...tableActions('glue:GetTable', db, table), ...tableActions('glue:GetPartitions', db, table), ...readFiles(locations.get(name)));
    }
  }
  return out.map((r) => ({ ...r, origin }));
}
