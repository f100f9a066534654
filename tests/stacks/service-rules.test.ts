// AWS service rules checked on the synthesized templates: what CloudFormation or the service itself would reject, or
// accept and then fail at run time, found before any deploy. Each rule cites where AWS states it.
import { Stack } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { lakeBucketName, MAX_BUCKET_BASE_LENGTH } from '../../stacks/Storage.js';
import { QUICKSIGHT_PRINCIPAL_ENV } from '../../stacks/config.js';
import { synthesize, type CfnResource, type Synthesized } from './synth.js';

let synth: Synthesized;
beforeAll(async () => {
  process.env[QUICKSIGHT_PRINCIPAL_ENV] = 'arn:aws:quicksight:us-east-1:123456789012:group/default/lakehouse-authors';
  try {
    synth = await synthesize('test', { bundle: false });
  } finally {
    delete process.env[QUICKSIGHT_PRINCIPAL_ENV];
  }
}, 300_000); // synthesizing every stack takes minutes on a loaded 2-core machine

type Statement = {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
};
const actionsOf = (s: Statement): string[] => [s.Action].flat();
const ofType = (type: string): CfnResource[] => synth.resources.filter((r) => r.Type === type);
const props = <T>(r: CfnResource): T => r.Properties as T;
/** `{ Ref: id }` / `{ 'Fn::GetAtt': [id, …] }` / `{ 'Fn::ImportValue': '…id…' }` → the logical id it points at (or the import name). */
const refId = (value: unknown): string => {
  const v = value as { Ref?: string; 'Fn::GetAtt'?: [string, string]; 'Fn::ImportValue'?: unknown };
  return v.Ref ?? v['Fn::GetAtt']?.[0] ?? JSON.stringify(v['Fn::ImportValue'] ?? value);
};
/** Identity-policy statements of every role and policy, with the resource id they come from. */
const identityStatements = (): Array<{ id: string; statement: Statement }> =>
  synth.resources
    .filter((r) => r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::Role')
    .flatMap((r) => {
      const docs =
        r.Type === 'AWS::IAM::Policy'
          ? [r.Properties?.PolicyDocument]
          : ((r.Properties?.Policies as Array<{ PolicyDocument: unknown }> | undefined) ?? []).map((p) => p.PolicyDocument);
      return docs.flatMap((doc) => ((doc as { Statement: Statement[] }).Statement ?? []).map((statement) => ({ id: r.id, statement })));
    });

describe('Firehose', () => {
  // Firehose Developer Guide, "Buffer data for dynamic partitioning" / "Enable dynamic partitioning": with dynamic
  // partitioning the buffer size must be at least 64 MiB; CreateDeliveryStream (and so CloudFormation) rejects less
  // ("BufferingHints.SizeInMBs must be at least 64 when Dynamic Partitioning is enabled").
  it('buffers at least 64 MB where dynamic partitioning is enabled', () => {
    const streams = ofType('AWS::KinesisFirehose::DeliveryStream');
    expect(streams.length).toBeGreaterThan(0);
    for (const stream of streams) {
      const s3 = props<{
        ExtendedS3DestinationConfiguration: { DynamicPartitioningConfiguration?: { Enabled: boolean }; BufferingHints?: { SizeInMBs?: number } };
      }>(stream).ExtendedS3DestinationConfiguration;
      if (!s3.DynamicPartitioningConfiguration?.Enabled) continue;
      expect(s3.BufferingHints?.SizeInMBs ?? 0, stream.id).toBeGreaterThanOrEqual(64);
    }
  });

  // Firehose Developer Guide, "Grant Firehose access to an Amazon S3 destination": the role needs
  // s3:AbortMultipartUpload, s3:GetBucketLocation, s3:GetObject, s3:ListBucket, s3:ListBucketMultipartUploads, s3:PutObject.
  it('lets its delivery role do everything Firehose documents for an S3 destination', () => {
    const [stream] = ofType('AWS::KinesisFirehose::DeliveryStream');
    const roleId = refId(props<{ ExtendedS3DestinationConfiguration: { RoleARN: unknown } }>(stream).ExtendedS3DestinationConfiguration.RoleARN);
    const granted = new Set(
      identityStatements()
        .filter(({ id, statement }) => id.startsWith(roleId.replace(/Role.*$/, 'Role')) && statement.Effect === 'Allow')
        .flatMap(({ statement }) => actionsOf(statement)),
    );
    for (const action of [
      's3:AbortMultipartUpload',
      's3:GetBucketLocation',
      's3:GetObject',
      's3:ListBucket',
      's3:ListBucketMultipartUploads',
      's3:PutObject',
    ]) {
      expect(granted.has(action), action).toBe(true);
    }
  });
});

describe('S3 permissions', () => {
  // Service Authorization Reference, Amazon S3: `s3:prefix` is a condition key of ListBucket (and ListBucketVersions)
  // only; a GetBucketLocation request never carries it, so a statement conditioning on it never allows that call.
  it('never puts GetBucketLocation under an s3:prefix condition', () => {
    for (const { id, statement } of identityStatements()) {
      if (!actionsOf(statement).includes('s3:GetBucketLocation')) continue;
      expect(JSON.stringify(statement.Condition ?? {}), id).not.toContain('s3:prefix');
    }
  });

  it('does not let the alert evaluator read the whole lake: only the tables its alerts query, results and history', () => {
    const policy = ofType('AWS::IAM::Policy').find((r) => r.id.startsWith('EvaluateAlert'))!;
    const reads = props<{ PolicyDocument: { Statement: Statement[] } }>(policy).PolicyDocument.Statement.filter((s) => actionsOf(s).includes('s3:GetObject'));
    const text = JSON.stringify(reads);
    expect(text).not.toMatch(/"\/\*"/);
    for (const prefix of ['processed/', 'domain-events/', 'athena-results/', 'system/alert_history/']) expect(text).toContain(`/${prefix}*`);
    const list = props<{ PolicyDocument: { Statement: Statement[] } }>(policy).PolicyDocument.Statement.find((s) => actionsOf(s).includes('s3:ListBucket'))!;
    expect(list.Condition).toBeDefined();
  });
});

describe('Athena and Glue', () => {
  // Athena User Guide, "Configure AWS Glue access to your catalog and database per AWS Region": every Athena caller
  // needs the catalog and the `default` database; and a non-delete action on a database (CREATE DATABASE) needs the
  // action on the database and its ancestor, the catalog ("Limitations" of fine-grained access). The runner issues
  // `CREATE DATABASE IF NOT EXISTS <db>` before every run (src/pipeline/runner.ts).
  const allowed = (policyPrefix: string, action: string) =>
    identityStatements()
      .filter(({ id, statement }) => id.startsWith(policyPrefix) && statement.Effect === 'Allow' && actionsOf(statement).includes(action))
      .map(({ statement }) => JSON.stringify(statement.Resource));
  it('lets every function that runs models create the project database and reach the catalog and `default`', () => {
    for (const fn of ['RunSql', 'P5CustomerFeaturesJob', 'P2Transform', 'PublishDashboards']) {
      const creates = allowed(fn, 'glue:CreateDatabase').join(' ');
      expect(creates, fn).toContain(':database/lakehouse');
      expect(creates, fn).toContain(':catalog');
      expect(allowed(fn, 'glue:GetDatabase').join(' '), fn).toContain(':database/default');
    }
    expect(allowed('EvaluateAlert', 'glue:GetDatabase').join(' ')).toContain(':database/default');
    expect(allowed('EvaluateAlert', 'glue:CreateDatabase')).toEqual([]);
  });
});

describe('S3 bucket names', () => {
  // S3 User Guide, "General purpose bucket naming rules": 3-63 characters, lower-case letters, digits, dots and
  // hyphens, globally unique — a generic fixed name is likely taken, so the stage's base gets account and region.
  it('derive from the stage base, the account and the region, within 63 characters', () => {
    const stack = new Stack(undefined, 'S', { env: { account: '123456789012', region: 'ap-southeast-2' } });
    const name = lakeBucketName('lakehouse-dev-data', stack)!;
    expect(name).toBe('lakehouse-dev-data-123456789012-ap-southeast-2');
    expect(lakeBucketName('x'.repeat(MAX_BUCKET_BASE_LENGTH), stack)!.length).toBeLessThanOrEqual(63);
    expect(() => lakeBucketName('x'.repeat(MAX_BUCKET_BASE_LENGTH + 1), stack)).toThrow(/at most/);
    expect(() => lakeBucketName('Lake_Data', stack)).toThrow(/lower-case/);
    expect(lakeBucketName(undefined, stack)).toBeUndefined();
  });
});

describe('SNS', () => {
  const topics = () => ofType('AWS::SNS::Topic');
  const topicPolicies = () => ofType('AWS::SNS::TopicPolicy').map((r) => props<{ Topics: unknown[]; PolicyDocument: { Statement: Statement[] } }>(r));
  const keyPolicy = (keyId: string) => props<{ KeyPolicy: { Statement: Statement[] } }>(synth.resources.find((r) => r.id === keyId)!).KeyPolicy.Statement;

  it('encrypts every topic with a customer-managed key (dead letters carry customer records)', () => {
    expect(topics().length).toBeGreaterThan(1);
    for (const topic of topics()) expect(props<{ KmsMasterKeyId?: unknown }>(topic).KmsMasterKeyId, topic.id).toBeDefined();
  });

  // SNS Developer Guide, "Amazon SNS access control" / use case "Allow CloudWatch alarms to publish": CloudWatch
  // publishes through the topic's resource policy, and a topic policy replaces the default one, so it needs an Allow
  // for cloudwatch.amazonaws.com (scoped with aws:SourceAccount / aws:SourceArn against the confused deputy). For an
  // encrypted topic, "Enable compatibility between event sources from AWS services and encrypted topics" (SNS key
  // management): the key policy must let the service use kms:GenerateDataKey* and kms:Decrypt.
  it('lets every topic an alarm notifies be published to by CloudWatch, under source conditions, key included', () => {
    const alarmTargets = new Set(ofType('AWS::CloudWatch::Alarm').flatMap((a) => (props<{ AlarmActions?: unknown[] }>(a).AlarmActions ?? []).map(refId)));
    expect(alarmTargets.size).toBeGreaterThan(0);
    for (const target of alarmTargets) {
      const topic = topics().find((t) => target === t.id || target.includes(t.id))!;
      expect(topic, target).toBeDefined();
      const policy = topicPolicies().find((p) => p.Topics.some((t) => refId(t) === topic.id))!;
      const allow = policy.PolicyDocument.Statement.find(
        (s) =>
          s.Effect === 'Allow' &&
          JSON.stringify(s.Principal) === JSON.stringify({ Service: 'cloudwatch.amazonaws.com' }) &&
          actionsOf(s).includes('sns:Publish'),
      );
      expect(allow, `${topic.id}: Allow for cloudwatch.amazonaws.com`).toBeDefined();
      expect(allow!.Condition?.StringEquals?.['aws:SourceAccount']).toBeDefined();
      expect(allow!.Condition?.ArnLike?.['aws:SourceArn']).toBeDefined();
      const keyId = refId(props<{ KmsMasterKeyId: unknown }>(topic).KmsMasterKeyId);
      const keyAllow = keyPolicy(keyId).find(
        (s) => s.Effect === 'Allow' && JSON.stringify(s.Principal) === JSON.stringify({ Service: 'cloudwatch.amazonaws.com' }),
      );
      expect(actionsOf(keyAllow!)).toEqual(expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey*']));
      expect(keyAllow!.Condition?.StringEquals?.['aws:SourceAccount']).toBeDefined();
    }
  });

  it('gives every function that publishes to an encrypted topic the key calls SNS makes for it', () => {
    for (const { id, statement } of identityStatements()) {
      if (!actionsOf(statement).includes('sns:Publish') || !JSON.stringify(statement.Resource).match(/Alerts|InteractionsDeadLetters/)) continue;
      const siblings = identityStatements()
        .filter((s) => s.id === id)
        .flatMap((s) => actionsOf(s.statement));
      expect(siblings, id).toEqual(expect.arrayContaining(['kms:GenerateDataKey', 'kms:Decrypt']));
    }
  });
});

describe('DynamoDB', () => {
  it('keeps point-in-time recovery on every table', () => {
    const tables = ofType('AWS::DynamoDB::Table');
    expect(tables.length).toBeGreaterThan(2);
    for (const table of tables)
      expect(props<{ PointInTimeRecoverySpecification?: { PointInTimeRecoveryEnabled: boolean } }>(table).PointInTimeRecoverySpecification, table.id).toEqual({
        PointInTimeRecoveryEnabled: true,
      });
  });
});

describe('Step Functions', () => {
  type Retrier = { ErrorEquals: string[]; MaxAttempts?: number; IntervalSeconds?: number; BackoffRate?: number; MaxDelaySeconds?: number };
  type State = {
    Type: string;
    Next?: string;
    TimeoutSeconds?: number;
    Retry?: Retrier[];
    Catch?: Array<{ Next: string }>;
    Seconds?: number;
    Choices?: Array<{ Next: string }>;
    Default?: string;
  };
  const machines = () =>
    ofType('AWS::StepFunctions::StateMachine').map((m) => {
      const body = props<{ DefinitionString: { 'Fn::Join': [string, unknown[]] } }>(m)
        .DefinitionString['Fn::Join'][1].map((p) => (typeof p === 'string' ? p : 'ARN'))
        .join('');
      return { id: m.id, definition: JSON.parse(body) as { TimeoutSeconds?: number; States: Record<string, State> } };
    });

  /**
   * Amazon States Language: a Task retries up to MaxAttempts (default 3) per matching retrier, waiting IntervalSeconds
   * (default 1) × BackoffRate (default 2.0)^n, capped at MaxDelaySeconds; TimeoutSeconds bounds each attempt. The worst
   * case is every attempt timing out.
   */
  const taskWorstCase = (state: State): number => {
    const retries = state.Retry ?? [];
    const attempts = 1 + retries.reduce((n, r) => n + (r.MaxAttempts ?? 3), 0);
    const waits = retries.reduce((total, r) => {
      let sum = 0;
      for (let n = 0; n < (r.MaxAttempts ?? 3); n++) sum += Math.min((r.IntervalSeconds ?? 1) * (r.BackoffRate ?? 2) ** n, r.MaxDelaySeconds ?? Infinity);
      return total + sum;
    }, 0);
    return attempts * (state.TimeoutSeconds ?? Infinity) + waits;
  };

  // Step Functions Developer Guide, "State machine structure in Amazon States Language": an execution running longer
  // than TimeoutSeconds fails with States.Timeout; the running state's Catch does not run (no NotifyFailure, the lock
  // is kept). So the timeout must cover the worst case of every task (each task counted once, the task in the wait
  // loop once per possible iteration) plus the waits.
  it('gives each execution a timeout at least its retry budget', () => {
    for (const { id, definition } of machines()) {
      const states = Object.entries(definition.States);
      // A loop: a Wait whose Next leads back to a task. Its iterations are bounded by the stage's force-after window.
      const waits = states.filter(([, s]) => s.Type === 'Wait');
      const loopTasks = new Set(waits.map(([, s]) => s.Next!));
      const config = { forceAfterSeconds: 30 * 60 };
      const iterations = waits.length ? Math.floor(config.forceAfterSeconds / waits[0][1].Seconds!) + 2 : 1;
      let budget = 0;
      for (const [name, state] of states) {
        if (state.Type !== 'Task') continue;
        expect(state.TimeoutSeconds, `${id} ${name} has no TimeoutSeconds`).toBeDefined();
        budget += taskWorstCase(state) * (loopTasks.has(name) ? iterations : 1);
      }
      for (const [, wait] of waits) budget += (iterations - 1) * (wait.Seconds ?? 0);
      expect(definition.TimeoutSeconds, id).toBeGreaterThanOrEqual(budget);
    }
  });

  // Amazon States Language, "Error handling": an error a Task does not catch fails the execution at once; every task,
  // NotifyFailure included, must catch so that the lock is released and the failure reported.
  it('catches every error of every task', () => {
    for (const { id, definition } of machines()) {
      for (const [name, state] of Object.entries(definition.States)) {
        if (state.Type === 'Task') expect(state.Catch?.length, `${id} ${name}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('EventBridge schedules', () => {
  // EventBridge User Guide, "Schedule expressions for rules": rate(value unit) with a positive integer and minute(s) /
  // hour(s) / day(s) (singular for 1); cron(minutes hours day-of-month month day-of-week year), six fields, and one of
  // day-of-month / day-of-week must be `?`.
  const valid = (expression: string): boolean => {
    const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
    if (rate) return Number(rate[1]) > 0 && (Number(rate[1]) === 1) === !rate[2].endsWith('s');
    const cron = /^cron\((.*)\)$/.exec(expression);
    if (!cron) return false;
    const fields = cron[1].split(' ');
    return fields.length === 6 && (fields[2] === '?') !== (fields[4] === '?');
  };

  it('the rule checker itself rejects what EventBridge rejects', () => {
    expect(['rate(1 minutes)', 'rate(0 hours)', 'cron(0 2 * * *)', 'cron(0 2 * * * *)', 'cron(0 2 ? * ? *)'].filter(valid)).toEqual([]);
    expect(['rate(1 hour)', 'rate(5 minutes)', 'cron(0 2 * * ? *)', 'cron(0 9 ? * MON *)'].every(valid)).toBe(true);
  });

  it('every rule and crawler schedule is a valid expression', () => {
    const expressions = [
      ...ofType('AWS::Events::Rule').flatMap((r) => props<{ ScheduleExpression?: string }>(r).ScheduleExpression ?? []),
      ...ofType('AWS::Glue::Crawler').map((c) => props<{ Schedule: { ScheduleExpression: string } }>(c).Schedule.ScheduleExpression),
    ];
    expect(expressions.length).toBeGreaterThan(3);
    for (const expression of expressions) expect(valid(expression), expression).toBe(true);
  });
});

describe('names', () => {
  // Athena API CreateWorkGroup: Name pattern [a-zA-Z0-9._-]{1,128}. Glue API: database and table names 1-255 single-line
  // characters, and Athena requires lower case, letters, digits and `_` for them (Athena User Guide, "Name databases,
  // tables, and columns"). Glue CreateCrawler: Name 1-255 single-line characters.
  it('explicit resource names stay within AWS limits and character sets', () => {
    for (const wg of ofType('AWS::Athena::WorkGroup')) expect(props<{ Name: string }>(wg).Name).toMatch(/^[a-zA-Z0-9._-]{1,128}$/);
    for (const db of ofType('AWS::Glue::Database')) expect(props<{ DatabaseInput: { Name: string } }>(db).DatabaseInput.Name).toMatch(/^[a-z0-9_]{1,255}$/);
    for (const table of ofType('AWS::Glue::Table')) expect(props<{ TableInput: { Name: string } }>(table).TableInput.Name).toMatch(/^[a-z0-9_]{1,255}$/);
    for (const crawler of ofType('AWS::Glue::Crawler')) expect(props<{ Name: string }>(crawler).Name).toMatch(/^[^\n]{1,255}$/);
  });
});

describe('logs', () => {
  // CloudWatch Logs: a log group without RetentionInDays keeps its events forever (AWS::Logs::LogGroup,
  // RetentionInDays: "If you omit retentionInDays ... the events in the log group are always retained"); checkov
  // CKV_AWS_66 (`npm run test:aws`) fails such a group.
  it('every log group the stacks create has a retention', () => {
    const groups = ofType('AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) expect(props<{ RetentionInDays?: number }>(group).RetentionInDays, `${group.stack} ${group.id}`).toBeGreaterThan(0);
  });
});
