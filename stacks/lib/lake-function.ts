// The one way stacks create Lambda functions: SST `Function` (esbuild bundle of a thin handler in functions/) with
// explicit least-privilege statements instead of SST `bind`, which grants `s3:*`-style wildcards.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { Function, type FunctionProps, type Stack } from 'sst/constructs';
import { useProject } from 'sst/project.js';
import { PROJECT_FILE } from '../../src/project/config.js';
import { projectConfig, projectRoot } from '../config.js';

export interface LakeFunctionProps {
  /** File under functions/ without extension, e.g. `run-sql`. */
  handler: string;
  environment?: Record<string, string>;
  statements: iam.PolicyStatement[];
  timeoutSeconds?: number;
  memorySize?: FunctionProps['memorySize'];
  /** Ship the project's SQL files and lakehouse.yaml next to the handler (functions that run SQL by name). */
  withSql?: boolean;
  /** Lambda's own retries of a failed asynchronous (EventBridge, S3) invocation: 0-2, default 2. */
  retryAttempts?: number;
}

/** What every function that runs SQL on the lake is told (functions/lib/environment.ts reads it). */
export interface LakeEnvironment {
  bucketName: string;
  workgroupName: string;
  databaseName: string;
  /** lakehouse.yaml stage whose variables apply (stacks/config.ts `lakeStage`). */
  lakeStage: string;
}

export const lakeEnvironment = (lake: LakeEnvironment): Record<string, string> => ({
  LAKE_BUCKET: lake.bucketName,
  ATHENA_WORKGROUP: lake.workgroupName,
  GLUE_DATABASE: lake.databaseName,
  LAKE_STAGE: lake.lakeStage,
});

export function lakeFunction(stack: Stack, id: string, props: LakeFunctionProps): Function {
  const root = projectRoot();
  const sqlFolder = projectConfig().sql;
  const copyFiles = props.withSql
    ? [sqlFolder, PROJECT_FILE]
        .filter((file) => existsSync(join(root, file)))
        // SST resolves `from` against the SST project root, which is not the lakehouse root in tests.
        .map((file) => ({ from: relative(useProject().paths.root, join(root, file)), to: file }))
    : undefined;
  return new Function(stack, id, {
    handler: `functions/${props.handler}.handler`,
    environment: props.environment,
    permissions: props.statements,
    timeout: props.timeoutSeconds ?? 60,
    memorySize: props.memorySize ?? 512,
    retryAttempts: props.retryAttempts,
    copyFiles,
  });
}
