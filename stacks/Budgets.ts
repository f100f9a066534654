// A cost envelope per stage (seed 002: dev < $100/month, "Cost > threshold → email FinOps"): an AWS Budgets monthly
// cost budget over the stage's resources, of the amount the stage declares in lakehouse.yaml (`budget.monthly_usd`;
// default $100), notifying the alerts topic when actual spend reaches 80 % of the amount and
// when the forecast reaches 100 %. The stage's resources are found by SST's `sst:stage` tag, which must be activated as
// a cost allocation tag once per account (Billing → Cost allocation tags) for the filter to see them.
// (AWS Budgets User Guide, "Creating an Amazon SNS topic for budget notifications": the topic policy must let
// budgets.amazonaws.com publish; CloudFormation AWS::Budgets::Budget NotificationWithSubscribers.)
import * as budgets from 'aws-cdk-lib/aws-budgets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { use, type StackContext } from 'sst/constructs';
import { Alerting } from './Alerting.js';
import { monthlyBudgetUsd } from './config.js';

export interface MonthlyBudgetProps {
  /** `<app>-<stage>-monthly` */
  name: string;
  stage: string;
  amountUsd: number;
  topicArn: string;
}

/** A monthly COST budget over the stage's tag, notifying the topic at 80 % actual and 100 % forecast spend. */
export function monthlyCostBudget(scope: Construct, { name, stage, amountUsd, topicArn }: MonthlyBudgetProps): budgets.CfnBudget {
  const notify = (notificationType: 'ACTUAL' | 'FORECASTED', threshold: number): budgets.CfnBudget.NotificationWithSubscribersProperty => ({
    notification: { notificationType, comparisonOperator: 'GREATER_THAN', threshold, thresholdType: 'PERCENTAGE' },
    subscribers: [{ subscriptionType: 'SNS', address: topicArn }],
  });
  return new budgets.CfnBudget(scope, 'MonthlyCost', {
    budget: {
      budgetName: name,
      budgetType: 'COST',
      timeUnit: 'MONTHLY',
      budgetLimit: { amount: amountUsd, unit: 'USD' },
      costFilters: { TagKeyValue: [`user:sst:stage$${stage}`] },
    },
    notificationsWithSubscribers: [notify('ACTUAL', 80), notify('FORECASTED', 100)],
  });
}

export function Budgets({ stack, app }: StackContext) {
  const { topic, topicKey } = use(Alerting);
  const monthlyUsd = monthlyBudgetUsd(app.stage);
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
  const budget = monthlyCostBudget(stack, { name: `${app.name}-${app.stage}-monthly`, stage: app.stage, amountUsd: monthlyUsd, topicArn: topic.topicArn });
  stack.addOutputs({ MonthlyBudget: `${monthlyUsd} USD` });
  return { budget };
}
