// The stage's cost envelope on the template: one monthly COST budget of the amount in stacks/config.ts over the
// stage's `sst:stage` tag, notifying the alerts topic at 80 % actual and 100 % forecast, and the topic policy letting
// AWS Budgets publish. (AWS Budgets User Guide, "Creating an Amazon SNS topic for budget notifications";
// CloudFormation AWS::Budgets::Budget.)
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { Alerting } from '../../stacks/Alerting.js';
import { Budgets } from '../../stacks/Budgets.js';
import { stageConfig } from '../../stacks/config.js';
import { synthesize, type Synthesized } from './synth.js';

let synth: Synthesized;
beforeAll(async () => {
  synth = await synthesize('test', { bundle: false });
}, 180_000);

describe('Budgets', () => {
  it('has a monthly cost budget of the stage amount, filtered to the stage tag, alerting at 80 % actual and 100 % forecast', () => {
    const template = synth.template(Budgets);
    template.resourceCountIs('AWS::Budgets::Budget', 1);
    expect(stageConfig('test').budget.monthlyUsd).toBe(100);
    const topic = { 'Fn::ImportValue': Match.stringLikeRegexp('Alerts') };
    template.hasResourceProperties('AWS::Budgets::Budget', {
      Budget: {
        BudgetType: 'COST',
        TimeUnit: 'MONTHLY',
        BudgetLimit: { Amount: 100, Unit: 'USD' },
        CostFilters: { TagKeyValue: ['user:sst:stage$test'] },
      },
      NotificationsWithSubscribers: [
        {
          Notification: { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: 80, ThresholdType: 'PERCENTAGE' },
          Subscribers: [{ SubscriptionType: 'SNS', Address: topic }],
        },
        {
          Notification: { NotificationType: 'FORECASTED', ComparisonOperator: 'GREATER_THAN', Threshold: 100, ThresholdType: 'PERCENTAGE' },
          Subscribers: [{ SubscriptionType: 'SNS', Address: topic }],
        },
      ],
    });
  });

  it('lets AWS Budgets of this account publish to the alerts topic and use its key', () => {
    synth.template(Alerting).hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'budgets.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Condition: { StringEquals: { 'aws:SourceAccount': Match.anyValue() } },
          }),
        ]),
      },
    });
    synth.template(Alerting).hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'budgets.amazonaws.com' },
            Action: 'sns:Publish',
            Condition: { StringEquals: { 'aws:SourceAccount': Match.anyValue() } },
          }),
        ]),
      },
    });
  });
});
