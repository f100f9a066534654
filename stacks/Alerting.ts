// Where notifications go: one SNS topic for pipeline alerts (SQL alerts, failed runs, CloudWatch alarms), with the
// stage's alert emails subscribed.
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { StackContext } from 'sst/constructs';
import { stageConfig } from './config.js';

export function Alerting({ stack, app }: StackContext) {
  const config = stageConfig(app.stage);
  const topic = new sns.Topic(stack, 'Alerts', {
    displayName: `${app.name} ${app.stage} alerts`,
    // SNS-managed key: encrypted at rest without a customer key to pay for; CloudWatch alarms may publish to it.
    enforceSSL: true,
  });
  for (const email of config.alerts.emails) topic.addSubscription(new subscriptions.EmailSubscription(email));
  stack.addOutputs({ AlertTopic: topic.topicArn });
  return { topic };
}
