// Least-privilege statements shared by the stacks: specific actions on specific resources. `Resource: *` appears
// only where AWS offers no resource-level permission, each such place says so (tests/stacks assert the rest).
import { Stack } from 'aws-cdk-lib';
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
        actions: ['s3:ListBucket', 's3:GetBucketLocation'],
        resources: [bucket.bucketArn],
        // An empty prefix means the whole bucket: no condition then.
        conditions: listed.includes('') ? undefined : { StringLike: { 's3:prefix': listed.flatMap((p) => [p, `${p}*`]) } },
      }),
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

/** Running SQL through the workgroup: query lifecycle on that workgroup, catalog reads, and (for models) writes. */
export function athenaStatements(scope: Stack, options: { workgroupArn: string; database: string; writesTables: boolean }): iam.PolicyStatement[] {
  const glue = glueArns(scope, options.database);
  const catalogRead = ['glue:GetDatabase', 'glue:GetTable', 'glue:GetTables', 'glue:GetPartition', 'glue:GetPartitions', 'glue:BatchGetPartition'];
  const catalogWrite = ['glue:CreateTable', 'glue:UpdateTable', 'glue:DeleteTable', 'glue:CreatePartition', 'glue:BatchCreatePartition', 'glue:UpdatePartition', 'glue:DeletePartition', 'glue:BatchDeletePartition'];
  return [
    new iam.PolicyStatement({
      actions: ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:StopQueryExecution', 'athena:GetWorkGroup'],
      resources: [options.workgroupArn],
    }),
    new iam.PolicyStatement({
      actions: options.writesTables ? [...catalogRead, ...catalogWrite] : catalogRead,
      resources: [glue.catalog, glue.database, glue.tables],
    }),
  ];
}

export function publishStatement(topicArn: string): iam.PolicyStatement {
  return new iam.PolicyStatement({ actions: ['sns:Publish'], resources: [topicArn] });
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
