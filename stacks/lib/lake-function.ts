// The one way stacks create Lambda functions: SST `Function` (esbuild bundle of a thin handler in functions/) with
// explicit least-privilege statements instead of SST `bind`, which grants `s3:*`-style wildcards.
import { existsSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
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
  /** The handler runs DuckDB (P1 consumer, P2 validate/transform): see DUCKDB_FUNCTION below. */
  duckdb?: boolean;
}

/** The npm packages a DuckDB function gets installed into its node_modules instead of bundled. */
export const DUCKDB_PACKAGES = ['@duckdb/node-api'];

/**
 * What a DuckDB function differs in. @duckdb/node-api loads a native addon, so it is installed next to the bundle
 * (`nodejs.install`), for linux-x64 (the build the project uses; DuckDB's arm64 addon is a separate package), with
 * memory for DuckDB's buffers. The addon is an optional dependency of @duckdb/node-bindings, one package per platform,
 * and npm installs an optional dependency only where its os/cpu/libc match: SST runs `npm install --omit=optional
 * --os=linux --cpu=x64 …` in the function's folder, but passes no libc, so npm takes the build machine's: from macOS
 * (no libc) no addon is installed, from Alpine the musl one — neither loads on Lambda (Amazon Linux, glibc). The
 * `.npmrc` written before the build fixes that whatever the host: `include=optional` (npm honours it over `--omit`,
 * `npm help install`) and the target platform, `libc=glibc` included, so npm picks @duckdb/node-bindings-linux-x64
 * at the exact version node-bindings pins. An npm without the `libc`
 * setting (`npm help config`; npm 11 has it) would ignore it: the hook asks npm back and stops the deploy then.
 */
export const DUCKDB_FUNCTION = {
  architecture: 'x86_64',
  memorySize: 1024,
  nodejs: { install: DUCKDB_PACKAGES },
  npmrc: 'include=optional\nos=linux\ncpu=x64\nlibc=glibc\n',
} as const;

const run = promisify(execFile);

export const writeDuckDbNpmrc = async (out: string): Promise<void> => {
  await writeFile(join(out, '.npmrc'), DUCKDB_FUNCTION.npmrc);
  // The npm that SST runs next is the one on PATH: make sure it reads the target libc from this file. SST writes the
  // folder's package.json only after this hook, so `--prefix` makes npm read this folder's .npmrc as it will then.
  const { stdout } = await run('npm', ['config', 'get', 'libc', '--prefix', out], { cwd: out });
  if (stdout.trim() !== 'glibc') {
    throw new Error(
      `'npm config get libc' in ${out} says '${stdout.trim()}': this npm ignores the libc setting, so the DuckDB functions would get the build machine's addon (none from macOS, musl from Alpine). Deploy with a newer npm (npm 11).`,
    );
  }
};

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
    memorySize: props.memorySize ?? (props.duckdb ? DUCKDB_FUNCTION.memorySize : 512),
    retryAttempts: props.retryAttempts,
    copyFiles,
    ...(props.duckdb
      ? {
          architecture: DUCKDB_FUNCTION.architecture,
          nodejs: { install: [...DUCKDB_FUNCTION.nodejs.install] },
          hooks: { beforeBuild: async (_props: FunctionProps, out: string) => writeDuckDbNpmrc(out) },
        }
      : {}),
  });
}
