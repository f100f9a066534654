// Where notifications go: one SNS topic for pipeline alerts (SQL alerts, failed runs, CloudWatch alarms), with the
// stage's alert emails subscribed, and the customer-managed key that encrypts it and the P1 dead-letter topic.
import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { StackContext } from 'sst/constructs';
import { stageConfig } from './config.js';

export function Alerting({ stack, app }: StackContext) {
  const config = stageConfig(app.stage);
  const scope = Stack.of(stack);
  // Alarms get CloudFormation-generated names that start with their stack's name (`<stage>-<app>-Alarms-…`), so this
  // ARN pattern admits this stage's alarms only.
  const alarmArns = scope.formatArn({
    service: 'cloudwatch',
    resource: 'alarm',
    resourceName: `${app.stage}-${app.name}-*`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
  const fromThisStagesAlarms = { StringEquals: { 'aws:SourceAccount': scope.account }, ArnLike: { 'aws:SourceArn': alarmArns } };

  // SNS's AWS-managed key cannot be used: its key policy does not let CloudWatch encrypt alarm notifications. A
  // customer-managed key ($1/month) whose policy admits this stage's alarms does; publishing functions are granted
  // GenerateDataKey/Decrypt on it in their own policies (lib/permissions.ts publishStatements).
  const topicKey = new kms.Key(stack, 'TopicKey', { enableKeyRotation: true, description: `${app.name} ${app.stage} SNS topics` });
  topicKey.addToResourcePolicy(
    new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'], // in a key policy, `*` is this key
      conditions: fromThisStagesAlarms,
    }),
  );

  const topic = new sns.Topic(stack, 'Alerts', {
    displayName: `${app.name} ${app.stage} alerts`,
    masterKey: topicKey,
    // Adds a topic policy with a Deny for non-TLS requests; a topic policy replaces SNS's default one, so the Allow
    // for CloudWatch below is what lets alarms publish.
    enforceSSL: true,
  });
  topic.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'CloudWatchAlarmsOfThisStage',
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['sns:Publish'],
      resources: [topic.topicArn],
      conditions: fromThisStagesAlarms,
    }),
  );
  for (const email of config.alerts.emails) topic.addSubscription(new subscriptions.EmailSubscription(email));
  stack.addOutputs({ AlertTopic: topic.topicArn });
  return { topic, topicKey };
}
