// The Athena workgroup every query runs in: engine v3, results encrypted under athena-results/, settings enforced
// (clients cannot override them), a per-query bytes-scanned cutoff, and CloudWatch metrics for alarms.
import * as athena from 'aws-cdk-lib/aws-athena';
import { use, type StackContext } from 'sst/constructs';
import { PREFIX, stageConfig } from './config.js';
import { Storage } from './Storage.js';

export function Athena({ stack, app }: StackContext) {
  const config = stageConfig(app.stage);
  const { bucket, key } = use(Storage);
  const name = `${app.stage}-${app.name}`;

  const workgroup = new athena.CfnWorkGroup(stack, 'WorkGroup', {
    name,
    description: `SQL lakehouse queries (${app.stage})`,
    state: 'ENABLED',
    // Lets `sst remove` delete a workgroup that has saved queries or history.
    recursiveDeleteOption: true,
    workGroupConfiguration: {
      enforceWorkGroupConfiguration: true,
      engineVersion: { selectedEngineVersion: 'Athena engine version 3' },
      bytesScannedCutoffPerQuery: config.athena.bytesScannedCutoffPerQuery,
      publishCloudWatchMetricsEnabled: true,
      requesterPaysEnabled: false,
      resultConfiguration: {
        outputLocation: bucket.s3UrlForObject(PREFIX.athenaResults),
        encryptionConfiguration: key ? { encryptionOption: 'SSE_KMS', kmsKey: key.keyArn } : { encryptionOption: 'SSE_S3' },
      },
    },
  });

  const workgroupArn = stack.formatArn({ service: 'athena', resource: 'workgroup', resourceName: workgroup.name });
  stack.addOutputs({ AthenaWorkGroup: name });
  return { workgroup, workgroupName: name, workgroupArn };
}
