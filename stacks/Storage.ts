// The lake bucket: one bucket, prefixes per zone (raw/, processed/, invalid/, curated/, athena-results/), encrypted,
// private, TLS-only, versioned, with lifecycle rules that move cold raw data to cheaper storage classes.
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { StackContext } from 'sst/constructs';
import { BUCKET_VARIABLE, PREFIX, stageConfig, stageVariables } from './config.js';

/** Room left in S3's 63 characters for the stage's base name after `-<12-digit account>-<region>` (≤ 14). */
export const MAX_BUCKET_BASE_LENGTH = 63 - 1 - 12 - 1 - 14;

/**
 * The stage's `lake_bucket` from lakehouse.yaml is a base name: S3 bucket names are global, so the deployed bucket is
 * `<lake_bucket>-<account>-<region>` (a generic `lakehouse-dev-data` is likely taken, and one account's stage can be
 * deployed to several regions). Functions get the real name (LAKE_BUCKET) and use it for `${lake_bucket}` in SQL.
 * Stages without a base (personal dev stages, tests) get a CloudFormation-generated unique name.
 */
export function lakeBucketName(base: string | undefined, scope: Stack): string | undefined {
  if (base === undefined) return undefined;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(base) || base.length > MAX_BUCKET_BASE_LENGTH) {
    throw new Error(
      `lakehouse.yaml lake_bucket '${base}': the deployed bucket is '<lake_bucket>-<account>-<region>', so the base must be lower-case letters, digits and '-', at most ${MAX_BUCKET_BASE_LENGTH} characters`,
    );
  }
  return `${base}-${scope.account}-${scope.region}`;
}

export function Storage({ stack, app }: StackContext) {
  const config = stageConfig(app.stage);
  const removalPolicy = config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
  const key = config.kms ? new kms.Key(stack, 'LakeKey', { enableKeyRotation: true, removalPolicy, description: `${app.name} ${app.stage} lake` }) : undefined;

  const bucket = new s3.Bucket(stack, 'Lake', {
    bucketName: lakeBucketName(stageVariables(app.stage)[BUCKET_VARIABLE], Stack.of(stack)),
    encryption: key ? s3.BucketEncryption.KMS : s3.BucketEncryption.S3_MANAGED,
    encryptionKey: key,
    // S3 Bucket Keys cut KMS request costs by ~99% for high-volume writers such as Firehose.
    bucketKeyEnabled: key ? true : undefined,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    // Adds the bucket policy statement denying every request with aws:SecureTransport = false.
    enforceSSL: true,
    versioned: true,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    // No autoDeleteObjects: its custom resource needs wildcard S3 actions. Empty the bucket before `sst remove`.
    removalPolicy,
    lifecycleRules: [
      {
        id: 'raw-to-cold-storage',
        prefix: PREFIX.raw,
        transitions: [
          { storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(config.lifecycle.rawToInfrequentAccessDays) },
          { storageClass: s3.StorageClass.GLACIER, transitionAfter: Duration.days(config.lifecycle.rawToGlacierDays) },
        ],
      },
      { id: 'athena-results-expire', prefix: PREFIX.athenaResults, expiration: Duration.days(config.lifecycle.athenaResultsExpireDays) },
      { id: 'noncurrent-versions-expire', noncurrentVersionExpiration: Duration.days(config.lifecycle.noncurrentVersionExpireDays) },
      { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
    ],
  });

  // S3 → EventBridge notifications carry the P2 `incoming/` uploads to the batch trigger. Set on the CloudFormation
  // resource directly: CDK's `eventBridgeEnabled` goes through a custom resource whose role has `Resource: *`.
  (bucket.node.defaultChild as s3.CfnBucket).notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };

  stack.addOutputs({ LakeBucket: bucket.bucketName });
  return { bucket, key };
}
