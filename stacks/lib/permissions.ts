// Least-privilege statements shared by the stacks: specific actions on specific resources. `Resource: *` appears
// only where AWS offers no resource-level permission, each such place says so (tests/stacks assert the rest).
import type { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';

export interface LakeAccess {
  bucket: s3.IBucket;
  key?: kms.IKey;
}

/** Object-level access to some prefixes of the lake bucket (and ListBucket restricted to them). */
export function lakeStatements({ bucket, key }: LakeAccess, access: { read?: string[]; write?: string[] }): iam.PolicyStatement[] {
  const read = access.read ?? [];
  const write = access.write ?? [];
  const objects = (prefixes: string[]) => prefixes.map((p) => bucket.arnForObjects(`${p}*`));
  const statements: iam.PolicyStatement[] = [];
  if (read.length) statements.push(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: objects(read) }));
  if (write.length) statements.push(new iam.PolicyStatement({ actions: ['s3:PutObject', 's3:DeleteObject'], resources: objects(write) }));
  const listed = [...new Set([...read, ...write])];
  if (listed.length) {
    statements.push(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
        // An empty prefix means the whole bucket: no condition then.
        conditions: listed.includes('') ? undefined : { StringLike: { 's3:prefix': listed.flatMap((p) => [p, `${p}*`]) } },
      }),
      // Its own statement: a GetBucketLocation request has no s3:prefix, so under the condition above it is never allowed.
      new iam.PolicyStatement({ actions: ['s3:GetBucketLocation'], resources: [bucket.bucketArn] }),
    );
  }
  if (key) statements.push(new iam.PolicyStatement({ actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [key.keyArn] }));
  return statements;
}

export function glueArns(scope: Stack, database: string) {
  return {
    catalog: scope.formatArn({ service: 'glue', resource: 'catalog' }),
    database: scope.formatArn({ service: 'glue', resource: 'database', resourceName: database }),
    tables: scope.formatArn({ service: 'glue', resource: 'table', resourceName: `${database}/*` }),
    table: (name: string) => scope.formatArn({ service: 'glue', resource: 'table', resourceName: `${database}/${name}` }),
  };
}

/** The Glue database Athena expects every caller to reach (Athena User Guide, "Configure AWS Glue access to your
 *  catalog and database per AWS Region": access to the catalog and the `default` database must be present). */
export const ATHENA_DEFAULT_DATABASE = 'default';

/**
 * Running SQL through the workgroup: query lifecycle on that workgroup, catalog reads, the `default` database Athena's
 * guide requires and, for functions that run models, table writes and `CREATE DATABASE IF NOT EXISTS` on the databases
 * the runner makes sure of (src/pipeline/runner.ts) — the stack creates the project's, but the statement still
 * needs the right to run.
 */
export function athenaStatements(
  scope: Stack,
  options: { workgroupArn: string; database: string; writesTables: boolean; databases?: string[] },
): iam.PolicyStatement[] {
  const glue = glueArns(scope, options.database);
  const catalogRead = ['glue:GetDatabase', 'glue:GetTable', 'glue:GetTables', 'glue:GetPartition', 'glue:GetPartitions', 'glue:BatchGetPartition'];
  const catalogWrite = [
    'glue:CreateTable',
    'glue:UpdateTable',
    'glue:DeleteTable',
    'glue:CreatePartition',
    'glue:BatchCreatePartition',
    'glue:UpdatePartition',
    'glue:DeletePartition',
    'glue:BatchDeletePartition',
  ];
  const others = [...new Set(options.databases ?? [])].filter((d) => d !== options.database);
  const databaseArn = (name: string) => glueArns(scope, name).database;
  const tablesArn = (name: string) => glueArns(scope, name).tables;
  const statements = [
    new iam.PolicyStatement({
      actions: ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:StopQueryExecution', 'athena:GetWorkGroup'],
      resources: [options.workgroupArn],
    }),
    new iam.PolicyStatement({
      actions: options.writesTables ? [...catalogRead, ...catalogWrite] : catalogRead,
      resources: [glue.catalog, glue.database, glue.tables, ...others.flatMap((d) => [databaseArn(d), tablesArn(d)])],
    }),
    new iam.PolicyStatement({
      actions: options.writesTables ? ['glue:GetDatabase', 'glue:CreateDatabase'] : ['glue:GetDatabase'],
      resources: [glue.catalog, databaseArn(ATHENA_DEFAULT_DATABASE)],
    }),
  ];
  if (options.writesTables) {
    statements.push(new iam.PolicyStatement({ actions: ['glue:CreateDatabase'], resources: [glue.catalog, glue.database, ...others.map(databaseArn)] }));
  }
  return statements;
}

/** Publishing to topics: sns:Publish, and where the topics are encrypted with a customer key, the data key calls SNS
 *  makes with the publisher's credentials. */
export function publishStatements(topicArns: string[], key?: kms.IKey): iam.PolicyStatement[] {
  if (topicArns.length === 0) return [];
  const publish = new iam.PolicyStatement({ actions: ['sns:Publish'], resources: topicArns });
  return key ? [publish, new iam.PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [key.keyArn] })] : [publish];
}

/** cloudwatch:PutMetricData has no resource-level permissions (AWS requires `*`); the namespace condition scopes it. */
export function putMetricStatement(namespace: string): iam.PolicyStatement {
  return new iam.PolicyStatement({
    actions: ['cloudwatch:PutMetricData'],
    resources: ['*'],
    conditions: { StringEquals: { 'cloudwatch:namespace': namespace } },
  });
}

/** The metric namespace of the pipeline's own metrics (P2 failures, producer API failures). */
export const METRIC_NAMESPACE = 'SqlLakehouse';
