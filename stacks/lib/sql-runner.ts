// IAM for functions that run models on Athena (run-sql, feature-job): the query lifecycle on the workgroup, catalog
// reads and table writes, reads anywhere in the lake (a model may read any table), and writes only where models keep
// their data (header `location`s), the Athena result prefix (Athena writes results and location-less CTAS output
// with the caller's credentials) and the system logs.
import type { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Project } from '../../src/project/model.js';
import { PREFIX } from '../config.js';
import { athenaStatements, lakeStatements, type LakeAccess } from './permissions.js';
import { modelWritePrefixes } from './project-sql.js';

/** Record logs the functions append to (src/storage/record-log.ts): run_log, alert_history. */
export const SYSTEM_PREFIX = 'system/';

export function sqlRunnerStatements(
  scope: Stack,
  lake: LakeAccess,
  project: Project,
  athena: { workgroupArn: string; database: string },
): iam.PolicyStatement[] {
  const writes = [...modelWritePrefixes(project, lake.bucket.bucketName), PREFIX.athenaResults, SYSTEM_PREFIX];
  return [
    ...athenaStatements(scope, {
      workgroupArn: athena.workgroupArn,
      database: athena.database,
      writesTables: true,
      databases: project.nodes.map((n) => n.database),
    }),
    ...lakeStatements(lake, { read: [''], write: writes }),
    // Large results are multipart uploads: Athena lists and aborts its own unfinished parts.
    new iam.PolicyStatement({
      actions: ['s3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
      resources: writes.map((p) => lake.bucket.arnForObjects(`${p}*`)),
    }),
  ];
}
