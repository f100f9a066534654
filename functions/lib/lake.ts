// The deployed lakehouse as the functions see it: the project bundled next to the handler (sql/ and lakehouse.yaml,
// copied by the stack), the Athena engine on the stage's workgroup, and the lake bucket on S3. Loaded once per
// Lambda container and reused by later invocations.
import { S3Client } from '@aws-sdk/client-s3';
import { AthenaEngine } from '../../src/engines/athena/engine.js';
import { S3ObjectStore } from '../../src/storage/object-store/s3.js';
import { loadProject } from '../../src/project/loader.js';
import type { Project } from '../../src/project/model.js';
import { projectVariables, type Variables } from '../../src/project/variables.js';
import { ENV, requireEnv } from './environment.js';

export interface Lake {
  project: Project;
  /** Stage variables with `lake_bucket` the deployed bucket (stages without one in lakehouse.yaml get it too). */
  variables: Variables;
  bucket: string;
  database: string;
  engine: AthenaEngine;
  objectStore: S3ObjectStore;
  s3: S3Client;
}

/** Where the bundle's files are: the Lambda task root; tests point LAKEHOUSE_ROOT at a fixture project. */
export const bundleRoot = (): string => process.env.LAKEHOUSE_ROOT ?? process.env.LAMBDA_TASK_ROOT ?? process.cwd();

let cached: Promise<Lake> | undefined;

export function lake(): Promise<Lake> {
  cached ??= openLake().catch((error: unknown) => {
    cached = undefined; // a failed load (e.g. a missing variable) is retried on the next invocation
    throw error;
  });
  return cached;
}

/** Forgets the loaded lake (tests switch projects and environments between cases). */
export function resetLake(): void {
  cached = undefined;
}

async function openLake(): Promise<Lake> {
  const bucket = requireEnv(ENV.lakeBucket);
  const project = await loadProject(bundleRoot(), { stage: requireEnv(ENV.stage) });
  const database = process.env[ENV.database] ?? project.config.database;
  const s3 = new S3Client({});
  return {
    project,
    variables: { ...projectVariables(project.config, project.stage), lake_bucket: bucket },
    bucket,
    database,
    // No outputLocation: the workgroup enforces its own (encrypted, under athena-results/).
    engine: new AthenaEngine({ workgroup: requireEnv(ENV.workgroup), database }),
    objectStore: new S3ObjectStore(s3),
    s3,
  };
}
