// The deployed lakehouse, verified offline: every stack synthesized once, assertions on the templates.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { Alarms } from '../../stacks/Alarms.js';
import { Alerting } from '../../stacks/Alerting.js';
import { Athena } from '../../stacks/Athena.js';
import { Catalog } from '../../stacks/Catalog.js';
import { PREFIX, QUICKSIGHT_PRINCIPAL_ENV, stageConfig } from '../../stacks/config.js';
import { Features } from '../../stacks/Features.js';
import { Firehose } from '../../stacks/Firehose.js';
import { ddlTables, scheduledSql, stackProject } from '../../stacks/lib/project-sql.js';
import { ScheduledSql } from '../../stacks/ScheduledSql.js';
import { Storage } from '../../stacks/Storage.js';
import { Streaming } from '../../stacks/Streaming.js';
import { Batch } from '../../stacks/Batch.js';
import { DUCKDB_FUNCTION, DUCKDB_PACKAGES } from '../../stacks/lib/lake-function.js';
import { synthesize, type Synthesized } from './synth.js';

let synth: Synthesized;
beforeAll(async () => {
  // With a QuickSight principal the Dashboards stack has its function and roles, so the checks below cover it too.
  process.env[QUICKSIGHT_PRINCIPAL_ENV] = 'arn:aws:quicksight:us-east-1:123456789012:group/default/lakehouse-authors';
  try {
    synth = await synthesize('test');
  } finally {
    delete process.env[QUICKSIGHT_PRINCIPAL_ENV];
  }
}, 300_000); // synthesis bundles every function: minutes on a loaded 2-core machine

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
  it('creates the project database and keeps the declared domain-events table up to date with a scheduled crawler', () => {
    const template = synth.template(Catalog);
    template.hasResourceProperties('AWS::Glue::Database', { DatabaseInput: { Name: 'lakehouse' } });
    // sql/ddl declares p4_domain_events, so the crawler maintains that table instead of creating one of its own.
    template.hasResourceProperties('AWS::Glue::Crawler', {
      DatabaseName: 'lakehouse',
      Schedule: { ScheduleExpression: config.crawler.schedule },
      Targets: { CatalogTargets: [{ DatabaseName: 'lakehouse', Tables: ['p4_domain_events'] }] },
    });
  });

  const glueTables = () =>
    synth.resources
      .filter((r) => r.Type === 'AWS::Glue::Table')
      .map((r) => (r.Properties as { TableInput: { Name: string; Parameters: Record<string, string>; StorageDescriptor: { Location: unknown } } }).TableInput);

  it('has one Glue table per external table of sql/ddl, plus run_log and alert_history', async () => {
    const project = await stackProject({ stage: 'test' });
    const declared = ddlTables(project, { lake_bucket: 'b' }).map((t) => t.name);
    expect(declared).toEqual(expect.arrayContaining(['crm_data', 'p4_domain_events']));
    expect(
      glueTables()
        .map((t) => t.Name)
        .sort(),
    ).toEqual([...declared, 'run_log', 'alert_history'].sort());
  });

  it("projects the producers' year/month/day/hour partitions and points tables at the stage bucket", () => {
    const crm = glueTables().find((t) => t.Name === 'crm_data')!;
    expect(crm.Parameters).toMatchObject({ 'projection.enabled': 'true', 'projection.hour.range': '0,23', 'parquet.compression': 'SNAPPY' });
    expect(JSON.stringify(crm.StorageDescriptor.Location)).toContain('/processed/');
    expect(glueTables().find((t) => t.Name === 'alert_history')!.Parameters).toMatchObject({ 'projection.dt.type': 'date' });
  });
});

describe('ScheduledSql', () => {
  type Rule = {
    ScheduleExpression: string;
    Targets: Array<{ Arn: { 'Fn::GetAtt': [string, string] }; InputTransformer: { InputPathsMap: Record<string, string>; InputTemplate: string } }>;
  };
  const rules = () => Object.values(synth.template(ScheduledSql).findResources('AWS::Events::Rule')).map((r) => (r as { Properties: Rule }).Properties);

  it("has exactly one rule per scheduled transform and alert, with the header's schedule", async () => {
    const scheduled = scheduledSql(await stackProject({ stage: 'test' }));
    expect(scheduled.length).toBeGreaterThan(0);
    const byName = new Map(rules().map((r) => [JSON.parse(r.Targets[0].InputTransformer.InputTemplate.replace('<time>', '""')).name as string, r]));
    expect([...byName.keys()].sort()).toEqual(scheduled.map((s) => s.name).sort());
    for (const s of scheduled) expect(byName.get(s.name)!.ScheduleExpression).toBe(s.expression);
  });

  it('sends the node and the scheduled time ($.time) to run-sql for models and evaluate-alert for alerts', () => {
    const alert = rules().find((r) => r.Targets[0].InputTransformer.InputTemplate.includes('"p1_negative_interactions"'))!;
    expect(alert.ScheduleExpression).toBe('rate(1 hour)');
    expect(alert.Targets[0].InputTransformer).toEqual({
      InputPathsMap: { time: '$.time' },
      InputTemplate: '{"kind":"alert","name":"p1_negative_interactions","time":<time>}',
    });
    expect(alert.Targets[0].Arn['Fn::GetAtt'][0]).toMatch(/^EvaluateAlert/);
    const model = rules().find((r) => r.Targets[0].InputTransformer.InputTemplate.includes('"kind":"model"'))!;
    expect(model.Targets[0].Arn['Fn::GetAtt'][0]).toMatch(/^RunSql/);
  });

  it('runs both functions on nodejs22.x with the project bundled and no Lambda retries', () => {
    const template = synth.template(ScheduledSql);
    for (const handler of ['functions/run-sql.handler', 'functions/evaluate-alert.handler']) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Handler: handler,
        Runtime: 'nodejs22.x',
        Environment: { Variables: Match.objectLike({ ATHENA_WORKGROUP: 'test-my-app', GLUE_DATABASE: 'lakehouse', LAKE_STAGE: 'local' }) },
      });
    }
    template.resourcePropertiesCountIs('AWS::Lambda::EventInvokeConfig', { MaximumRetryAttempts: 0 }, 2);
    template.hasResourceProperties('AWS::DynamoDB::Table', { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST' });
  });

  it('lets run-sql write only model locations, Athena results and system logs', () => {
    const policies = synth.template(ScheduledSql).findResources('AWS::IAM::Policy');
    const runSql = Object.entries(policies).find(([id]) => id.startsWith('RunSql'))![1] as {
      Properties: { PolicyDocument: { Statement: Array<{ Action: string | string[]; Resource: unknown }> } };
    };
    const puts = runSql.Properties.PolicyDocument.Statement.find((s) => [s.Action].flat().includes('s3:PutObject'))!;
    const prefixes = JSON.stringify(puts.Resource)
      .match(/"\/[^"]*\*"/g)!
      .map((p) => p.slice(2, -2));
    expect(prefixes).toEqual(expect.arrayContaining(['athena-results/', 'system/', 'features/daily/']));
    expect(prefixes).not.toContain('');
    expect(prefixes.every((p) => p.endsWith('/'))).toBe(true);
  });
});

describe('Firehose', () => {
  const destination = () => synth.template(Firehose).findResources('AWS::KinesisFirehose::DeliveryStream');

  it("partitions by the event time year/month/day/hour with GZIP, the stage's buffers and an error prefix", () => {
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
    expect(s3.BufferingHints).toEqual({ SizeInMBs: config.firehose.bufferSizeMb, IntervalInSeconds: config.firehose.bufferIntervalSeconds });
    expect(s3.DynamicPartitioningConfiguration.Enabled).toBe(true);
    const query = s3.ProcessingConfiguration.Processors.find((p) => p.Type === 'MetadataExtraction')!.Parameters.find(
      (p) => p.ParameterName === 'MetadataExtractionQuery',
    )!.ParameterValue;
    for (const key of ['year', 'month', 'day', 'hour']) expect(query).toContain(`${key}:`);
  });
});

describe('Features', () => {
  it('serves the P5 feature model from DynamoDB: its 02:00 UTC rule runs the feature job, which may only update that table', () => {
    const template = synth.template(Features);
    template.hasResourceProperties('AWS::DynamoDB::Table', { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'functions/feature-job.handler',
      Environment: { Variables: Match.objectLike({ FEATURE_KEY: 'customer_id', FEATURE_DATE_COLUMN: 'date' }) },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          { Action: 'dynamodb:UpdateItem', Effect: 'Allow', Resource: Match.objectLike({ 'Fn::GetAtt': Match.arrayWith(['Arn']) }) },
        ]),
      },
    });
    const rule = Object.values(synth.template(ScheduledSql).findResources('AWS::Events::Rule'))
      .map(
        (r) => (r as { Properties: { ScheduleExpression: string; Targets: Array<{ Arn: unknown; InputTransformer: { InputTemplate: string } }> } }).Properties,
      )
      .find((r) => r.Targets[0].InputTransformer.InputTemplate.includes('"p5_customer_features"'))!;
    expect(rule.ScheduleExpression).toBe('cron(0 2 * * ? *)');
    expect(JSON.stringify(rule.Targets[0].Arn)).toMatch(/P5CustomerFeaturesJob/);
  });
});

describe('Alerting and alarms', () => {
  it('has an alert topic and alarms for Firehose delivery, failed Athena queries and function errors', () => {
    synth.template(Alerting).resourceCountIs('AWS::SNS::Topic', 1);
    const alarms = synth.template(Alarms);
    alarms.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/Firehose', MetricName: 'DeliveryToS3.Success' });
    alarms.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Athena',
      Dimensions: Match.arrayWith([{ Name: 'QueryState', Value: 'FAILED' }]),
      AlarmActions: Match.anyValue(),
    });
    for (const fn of ['RunSql', 'EvaluateAlert', 'P5CustomerFeaturesJob']) {
      alarms.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: Match.objectLike({ 'Fn::ImportValue': Match.stringLikeRegexp(fn) }) }],
        AlarmActions: Match.anyValue(),
      });
    }
  });

  it("has an alarm per SLO objective of the project's models, notifying the alert topic", () => {
    const alarms = synth.template(Alarms);
    for (const model of ['lakehouse.p1_interaction_kpis_hourly', 'lakehouse.p3_customer_360']) {
      alarms.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'Lakehouse/SLO',
        MetricName: 'ModelRunSucceeded',
        Dimensions: Match.arrayWith([{ Name: 'Model', Value: model }]),
        TreatMissingData: 'breaching',
        AlarmActions: Match.anyValue(),
      });
      alarms.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Metrics: Match.arrayWith([Match.objectLike({ Expression: '100 * succeeded / (succeeded + failed)' })]),
        AlarmDescription: Match.stringLikeRegexp(model.replace('.', '\\.')),
        AlarmActions: Match.anyValue(),
      });
    }
  });
});

describe('Streaming', () => {
  it('has an encrypted Kinesis stream and a consumer mapping with batch size, bisect on error and an SQS on-failure DLQ', () => {
    const template = synth.template(Streaming);
    template.hasResourceProperties('AWS::Kinesis::Stream', { ShardCount: config.streaming.shardCount, StreamEncryption: { EncryptionType: 'KMS' } });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: config.streaming.consumerBatchSize,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: config.streaming.consumerRetryAttempts,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      StartingPosition: 'TRIM_HORIZON',
      DestinationConfig: {
        OnFailure: { Destination: Match.objectLike({ 'Fn::GetAtt': Match.arrayWith([Match.stringLikeRegexp('^InteractionsDlq'), 'Arn']) }) },
      },
    });
    // Records the functions dead-letter reach the same queue through the topic, as raw JSON.
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'sqs', RawMessageDelivery: true });
  });

  it("runs the producer every minute with the stage's API URL, and may only put records, write invalid/ and publish dead letters (encrypted topic)", () => {
    const template = synth.template(Streaming);
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: config.streaming.producerSchedule });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'functions/producer.handler',
      Environment: { Variables: Match.objectLike({ API_URL: config.streaming.producerApiUrl, RUN_SECONDS: String(config.streaming.producerRunSeconds) }) },
    });
    expect(stageConfig('prod').streaming.producerApiUrl).toMatch(/^http:\/\/.+\/api\/customer-interaction\/$/);
    const producerPolicy = Object.entries(template.findResources('AWS::IAM::Policy')).find(([id]) => id.startsWith('Producer'))![1] as {
      Properties: { PolicyDocument: { Statement: Array<{ Action: string | string[]; Resource: unknown }> } };
    };
    const actions = producerPolicy.Properties.PolicyDocument.Statement.flatMap((s) => [s.Action].flat()).sort();
    expect(actions).toEqual([
      'cloudwatch:PutMetricData',
      'kinesis:PutRecords',
      'kms:Decrypt',
      'kms:GenerateDataKey',
      's3:DeleteObject',
      's3:GetBucketLocation',
      's3:ListBucket',
      's3:PutObject',
      'sns:Publish',
    ]);
    expect(JSON.stringify(producerPolicy)).toContain('/invalid/*');
  });

  it('ships DuckDB to the consumer only: installed (not bundled), x86_64, 1024 MB, optional platform addon included', async () => {
    const consumer = synth.functionProps.get('functions/consumer.handler')!;
    expect(consumer.nodejs?.install).toEqual(DUCKDB_PACKAGES);
    expect(DUCKDB_PACKAGES).toContain('@duckdb/node-api');
    expect(consumer.architecture).toBe('x86_64');
    synth
      .template(Streaming)
      .hasResourceProperties('AWS::Lambda::Function', { Handler: 'functions/consumer.handler', Architectures: ['x86_64'], MemorySize: 1024 });
    // SST installs with --omit=optional; the hook's .npmrc brings the linux-x64 addon back.
    const out = mkdtempSync(join(tmpdir(), 'duckdb-fn-'));
    await consumer.hooks!.beforeBuild!(consumer, out);
    expect(readFileSync(join(out, '.npmrc'), 'utf8')).toBe(DUCKDB_FUNCTION.npmrc);
    rmSync(out, { recursive: true, force: true });
    for (const handler of ['functions/producer.handler', 'functions/run-sql.handler', 'functions/evaluate-alert.handler', 'functions/feature-job.handler']) {
      expect(synth.functionProps.get(handler)?.nodejs?.install, handler).toBeUndefined();
    }
  });

  it('alarms on consumer and producer errors and on messages waiting on the DLQ', () => {
    const template = synth.template(Streaming);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 1,
      AlarmActions: Match.anyValue(),
    });
    for (const fn of ['Consumer', 'Producer']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: Match.stringLikeRegexp(`^${fn}`) } }],
      });
    }
  });
});

describe('Batch', () => {
  type State = {
    Type: string;
    Next?: string;
    Retry?: Array<{ ErrorEquals: string[]; MaxAttempts: number; IntervalSeconds: number }>;
    Catch?: Array<{ Next: string }>;
    Seconds?: number;
    Choices?: Array<{ Variable: string; StringEquals: string; Next: string }>;
    Default?: string;
    Resource?: string;
    End?: boolean;
  };
  const definition = (): { States: Record<string, State> } => {
    const [machine] = Object.values(synth.template(Batch).findResources('AWS::StepFunctions::StateMachine')) as Array<{
      Properties: { DefinitionString: { 'Fn::Join': [string, unknown[]] } };
    }>;
    const text = machine.Properties.DefinitionString['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : 'ARN')).join('');
    return JSON.parse(text) as { States: Record<string, State> };
  };

  it('checks the threshold, waits 300 s and re-checks, validates (2 retries), transforms (3 retries) and releases the lock', () => {
    const { States } = definition();
    expect(States.CheckFileThreshold.Next).toBe('EvaluateThreshold');
    expect(States.EvaluateThreshold.Choices).toEqual([
      { Variable: '$.threshold.status', StringEquals: 'due', Next: 'ValidateFiles' },
      { Variable: '$.threshold.status', StringEquals: 'waiting', Next: 'WaitForFiles' },
    ]);
    expect(States.EvaluateThreshold.Default).toBe('ResetLock');
    expect(States.WaitForFiles).toMatchObject({ Type: 'Wait', Seconds: config.batch.waitSeconds, Next: 'CheckFileThreshold' });
    expect(States.ValidateFiles.Retry).toContainEqual(expect.objectContaining({ ErrorEquals: ['States.ALL'], MaxAttempts: 2, IntervalSeconds: 30 }));
    expect(States.ValidateFiles.Next).toBe('TransformFiles');
    expect(States.TransformFiles.Retry).toContainEqual(expect.objectContaining({ ErrorEquals: ['States.ALL'], MaxAttempts: 3, IntervalSeconds: 60 }));
    expect(States.TransformFiles.Next).toBe('ResetLock');
    expect(States.ResetLock.Next).toBe('Done');
  });

  it('sends every failure to NotifyFailure (SNS + metric), then releases the lock and fails', () => {
    const { States } = definition();
    for (const name of ['CheckFileThreshold', 'ValidateFiles', 'TransformFiles'])
      expect(
        States[name].Catch?.map((c) => c.Next),
        name,
      ).toEqual(['NotifyFailure']);
    expect(States.NotifyFailure.Next).toBe('ResetLockAfterFailure');
    expect(States[States.ResetLockAfterFailure.Next!].Type).toBe('Fail');
    const template = synth.template(Batch);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'functions/p2-failure.handler',
      Environment: { Variables: Match.objectLike({ METRIC_NAMESPACE: 'SqlLakehouse' }) },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'cloudwatch:PutMetricData', Condition: { StringEquals: { 'cloudwatch:namespace': 'SqlLakehouse' } } }),
        ]),
      },
    });
  });

  it('is triggered by S3 Object Created events under incoming/ through the trigger function', () => {
    const template = synth.template(Batch);
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.s3'], 'detail-type': ['Object Created'], detail: { object: { key: [{ prefix: 'incoming/' }] } } },
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^P2Trigger'), 'Arn'] } })],
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'functions/p2-threshold.handler',
      Environment: {
        Variables: Match.objectLike({ P2_THRESHOLDS: JSON.stringify({ minOrderFiles: 5, minItemFiles: 5, minProductFiles: 1 }), FORCE_AFTER_MINUTES: '30' }),
      },
    });
  });

  it('serves KPIs from CategoryKPIs (category, order_date) and OrderKPIs (order_date); the lock is its own table', () => {
    const template = synth.template(Batch);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'category', KeyType: 'HASH' },
        { AttributeName: 'order_date', KeyType: 'RANGE' },
      ],
    });
    template.hasResourceProperties('AWS::DynamoDB::Table', { KeySchema: [{ AttributeName: 'order_date', KeyType: 'HASH' }] });
    template.hasResourceProperties('AWS::DynamoDB::Table', { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'functions/p2-transform.handler',
      Environment: {
        Variables: Match.objectLike({ ORDER_KPIS_TABLE: Match.anyValue(), CATEGORY_KPIS_TABLE: Match.anyValue(), ATHENA_WORKGROUP: 'test-my-app' }),
      },
    });
  });

  it('ships DuckDB to the validate step only', () => {
    expect(synth.functionProps.get('functions/p2-validate.handler')?.nodejs?.install).toEqual(DUCKDB_PACKAGES);
    for (const fn of ['p2-trigger', 'p2-threshold', 'p2-transform', 'p2-release-lock', 'p2-failure']) {
      expect(synth.functionProps.get(`functions/${fn}.handler`)?.nodejs?.install, fn).toBeUndefined();
    }
    synth
      .template(Batch)
      .hasResourceProperties('AWS::Lambda::Function', { Handler: 'functions/p2-validate.handler', Architectures: ['x86_64'], MemorySize: 1024 });
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
    // Service Authorization Reference: neither action lists a resource type, so `*` is the only grant possible.
    const mayUseStar = new Set(['cloudwatch:PutMetricData', 'quicksight:CreateDataSource']);
    for (const { id, statement } of allowStatements()) {
      if (![statement.Resource].flat().includes('*')) continue;
      for (const action of [statement.Action].flat()) expect(mayUseStar.has(action), `${id}: ${action} on *`).toBe(true);
    }
  });
});
