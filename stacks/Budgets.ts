// A cost envelope per stage (seed 002: dev < $100/month, "Cost > threshold → email FinOps"): an AWS Budgets monthly
// cost budget over the stage's resources, notifying the alerts topic when actual spend reaches 80 % of the amount and
// when the forecast reaches 100 %. The stage's resources are found by SST's `sst:stage` tag, which must be activated as
// a cost allocation tag once per account (Billing → Cost allocation tags) for the filter to see them.
// (AWS Budgets User Guide, "Creating an Amazon SNS topic for budget notifications": the topic policy must let
// budgets.amazonaws.com publish; CloudFormation AWS::Budgets::Budget NotificationWithSubscribers.)
import * as budgets from 'aws-cdk-lib/aws-budgets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Stack } from 'aws-cdk-lib';
import { use, type StackContext } from 'sst/constructs';
import { Alerting } from './Alerting.js';
import { stageConfig } from './config.js';

export function Budgets({ stack, app }: StackContext) {
  const { topic, topicKey } = use(Alerting);
  const { monthlyUsd } = stageConfig(app.stage).budget;
  // Budgets may publish to the alerts topic, only for budgets of this account.
  topic.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AwsBudgetsPublish',
      principals: [new iam.ServicePrincipal('budgets.amazonaws.com')],
      actions: ['sns:Publish'],
      resources: [topic.topicArn],
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(stack).account } },
    }),
  );
  // The topic is encrypted with a customer-managed key: Budgets must be able to use it to publish.
  topicKey.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AwsBudgetsUseTopicKey',
      principals: [new iam.ServicePrincipal('budgets.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'], // in a key policy, `*` is this key
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(stack).account } },
    }),
  );
  const notify = (notificationType: 'ACTUAL' | 'FORECASTED', threshold: number): budgets.CfnBudget.NotificationWithSubscribersProperty => ({
    notification: { notificationType, comparisonOperator: 'GREATER_THAN', threshold, thresholdType: 'PERCENTAGE' },
    subscribers: [{ subscriptionType: 'SNS', address: topic.topicArn }],
  });
  const budget = new budgets.CfnBudget(stack, 'MonthlyCost', {
    budget: {
      budgetName: `${app.name}-${app.stage}-monthly`,
      budgetType: 'COST',
      timeUnit: 'MONTHLY',
      budgetLimit: { amount: monthlyUsd, unit: 'USD' },
      costFilters: { TagKeyValue: [`user:sst:stage$${app.stage}`] },
    },
    notificationsWithSubscribers: [notify('ACTUAL', 80), notify('FORECASTED', 100)],
  });
  stack.addOutputs({ MonthlyBudget: `${monthlyUsd} USD` });
  return { budget };
}
