// The one way stacks create Lambda functions: SST `Function` (esbuild bundle of a thin handler in functions/) with
// explicit least-privilege statements instead of SST `bind`, which grants `s3:*`-style wildcards.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { Function, type FunctionProps, type Stack } from 'sst/constructs';
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
}

export function lakeFunction(stack: Stack, id: string, props: LakeFunctionProps): Function {
  const root = projectRoot();
  const sqlFolder = projectConfig().sql;
  const copyFiles = props.withSql
    ? [sqlFolder, PROJECT_FILE].filter((file) => existsSync(join(root, file))).map((from) => ({ from: join(root, from), to: from }))
    : undefined;
  return new Function(stack, id, {
    handler: `functions/${props.handler}.handler`,
    environment: props.environment,
    permissions: props.statements,
    timeout: props.timeoutSeconds ?? 60,
    memorySize: props.memorySize ?? 512,
    copyFiles,
  });
}
