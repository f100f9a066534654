// The deployed lakehouse, verified offline: every stack synthesized once, assertions on the templates.
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { Alarms } from '../../stacks/Alarms.js';
import { Alerting } from '../../stacks/Alerting.js';
import { Athena } from '../../stacks/Athena.js';
import { Catalog } from '../../stacks/Catalog.js';
import { PREFIX, stageConfig } from '../../stacks/config.js';
import { Firehose } from '../../stacks/Firehose.js';
import { Storage } from '../../stacks/Storage.js';
import { synthesize, type Synthesized } from './synth.js';

let synth: Synthesized;
beforeAll(async () => {
  synth = await synthesize('test');
}, 120_000);

const config = stageConfig('test');

describe('Storage', () => {
  it('encrypts, blocks public access, versions and owns its objects', () => {
    synth.template(Storage).hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      VersioningConfiguration: { Status: 'Enabled' },
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
    });
  });

  it('denies every request that is not over TLS', () => {
    synth.template(Storage).hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('moves raw/ to infrequent access then Glacier and expires Athena results', () => {
    synth.template(Storage).hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Prefix: PREFIX.raw,
            Transitions: [
              { StorageClass: 'STANDARD_IA', TransitionInDays: config.lifecycle.rawToInfrequentAccessDays },
              { StorageClass: 'GLACIER', TransitionInDays: config.lifecycle.rawToGlacierDays },
            ],
          }),
          Match.objectLike({ Prefix: PREFIX.athenaResults, ExpirationInDays: config.lifecycle.athenaResultsExpireDays }),
        ]),
      },
    });
  });

  it('uses a rotating KMS key in prod', async () => {
    const prod = stageConfig('prod');
    expect(prod.kms).toBe(true);
    expect(config.kms).toBe(false);
  });
});

describe('Athena', () => {
  it('enforces an engine v3 workgroup with encrypted results, metrics and the per-query cutoff', () => {
    synth.template(Athena).hasResourceProperties('AWS::Athena::WorkGroup', {
      WorkGroupConfiguration: {
        EnforceWorkGroupConfiguration: true,
        EngineVersion: { SelectedEngineVersion: 'Athena engine version 3' },
        BytesScannedCutoffPerQuery: config.athena.bytesScannedCutoffPerQuery,
        PublishCloudWatchMetricsEnabled: true,
        ResultConfiguration: {
          EncryptionConfiguration: { EncryptionOption: 'SSE_S3' },
          OutputLocation: Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith([`/${PREFIX.athenaResults}`])]) }),
        },
      },
    });
  });
});

describe('Catalog', () => {
  it('creates the project database and a scheduled crawler over the domain events', () => {
    const template = synth.template(Catalog);
    template.hasResourceProperties('AWS::Glue::Database', { DatabaseInput: { Name: 'lakehouse' } });
    template.hasResourceProperties('AWS::Glue::Crawler', {
      DatabaseName: 'lakehouse',
      Schedule: { ScheduleExpression: config.crawler.schedule },
      Targets: { S3Targets: [{ Path: Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith([`/${PREFIX.domainEvents}`])]) }) }] },
    });
  });
});

describe('Firehose', () => {
  const destination = () =>
    synth.template(Firehose).findResources('AWS::KinesisFirehose::DeliveryStream');

  it('partitions by the event time year/month/day/hour with GZIP, 5 MB / 300 s buffers and an error prefix', () => {
    const [stream] = Object.values(destination()) as Array<{ Properties: { ExtendedS3DestinationConfiguration: Record<string, unknown> } }>;
    const s3 = stream.Properties.ExtendedS3DestinationConfiguration as {
      Prefix: string;
      ErrorOutputPrefix: string;
      CompressionFormat: string;
      BufferingHints: { SizeInMBs: number; IntervalInSeconds: number };
      DynamicPartitioningConfiguration: { Enabled: boolean };
      ProcessingConfiguration: { Processors: Array<{ Type: string; Parameters: Array<{ ParameterName: string; ParameterValue: string }> }> };
    };
    expect(s3.Prefix).toBe(
      'domain-events/year=!{partitionKeyFromQuery:year}/month=!{partitionKeyFromQuery:month}/day=!{partitionKeyFromQuery:day}/hour=!{partitionKeyFromQuery:hour}/',
    );
    expect(s3.ErrorOutputPrefix.startsWith(PREFIX.firehoseErrors)).toBe(true);
    expect(s3.CompressionFormat).toBe('GZIP');
    expect(s3.BufferingHints).toEqual({ SizeInMBs: 5, IntervalInSeconds: 300 });
    expect(s3.DynamicPartitioningConfiguration.Enabled).toBe(true);
    const query = s3.ProcessingConfiguration.Processors.find((p) => p.Type === 'MetadataExtraction')!.Parameters.find(
      (p) => p.ParameterName === 'MetadataExtractionQuery',
    )!.ParameterValue;
    for (const key of ['year', 'month', 'day', 'hour']) expect(query).toContain(`${key}:`);
  });
});

describe('Alerting and alarms', () => {
  it('has an alert topic and alarms for Firehose delivery and failed Athena queries', () => {
    synth.template(Alerting).resourceCountIs('AWS::SNS::Topic', 1);
    const alarms = synth.template(Alarms);
    alarms.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/Firehose', MetricName: 'DeliveryToS3.Success' });
    alarms.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Athena',
      Dimensions: Match.arrayWith([{ Name: 'QueryState', Value: 'FAILED' }]),
      AlarmActions: Match.anyValue(),
    });
  });
});

describe('least privilege across all stacks', () => {
  type Statement = { Effect: string; Action: string | string[]; Resource?: unknown };
  const allowStatements = (): Array<{ id: string; statement: Statement }> =>
    synth.resources
      .filter((r) => r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::Role')
      .flatMap((r) => {
        const docs =
          r.Type === 'AWS::IAM::Policy'
            ? [r.Properties?.PolicyDocument]
            : ((r.Properties?.Policies as Array<{ PolicyDocument: unknown }> | undefined) ?? []).map((p) => p.PolicyDocument);
        return docs.flatMap((doc) => ((doc as { Statement: Statement[] }).Statement ?? []).map((statement) => ({ id: r.id, statement })));
      })
      .filter(({ statement }) => statement.Effect === 'Allow');

  it('finds IAM statements to check', () => {
    expect(allowStatements().length).toBeGreaterThan(3);
  });

  it('names specific actions: no "*" and no service-wide wildcards', () => {
    for (const { id, statement } of allowStatements()) {
      for (const action of [statement.Action].flat()) expect(action, id).not.toMatch(/\*/);
    }
  });

  it('names specific resources except for actions AWS cannot scope', () => {
    // cloudwatch:PutMetricData has no resource-level permissions; it is scoped by a namespace condition instead.
    const mayUseStar = new Set(['cloudwatch:PutMetricData']);
    for (const { id, statement } of allowStatements()) {
      if (![statement.Resource].flat().includes('*')) continue;
      for (const action of [statement.Action].flat()) expect(mayUseStar.has(action), `${id}: ${action} on *`).toBe(true);
    }
  });
});
