// The stage's cost envelope on the template: one monthly COST budget of the amount its lakehouse.yaml stage declares over the
// stage's `sst:stage` tag, notifying the alerts topic at 80 % actual and 100 % forecast, and the topic policy letting
// AWS Budgets publish. (AWS Budgets User Guide, "Creating an Amazon SNS topic for budget notifications";
// CloudFormation AWS::Budgets::Budget.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { Alerting } from '../../stacks/Alerting.js';
import { Budgets, monthlyCostBudget } from '../../stacks/Budgets.js';
import { monthlyBudgetUsd } from '../../stacks/config.js';
import { loadConfig } from '../../src/project/config.js';
import { synthesize, type Synthesized } from './synth.js';

const ROOT = new URL('../..', import.meta.url).pathname;

let synth: Synthesized;
beforeAll(async () => {
  synth = await synthesize('test', { bundle: false });
}, 180_000);

describe('Budgets', () => {
  it('has a monthly cost budget of the stage amount, filtered to the stage tag, alerting at 80 % actual and 100 % forecast', () => {
    const template = synth.template(Budgets);
    template.resourceCountIs('AWS::Budgets::Budget', 1);
    // `test` is not a lakehouse.yaml stage: it deploys with the default stage (local), which declares no budget.
    expect(monthlyBudgetUsd('test', ROOT)).toBe(100);
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

describe('Budgets per stage', () => {
  const budgetOf = (stage: string, root: string) => {
    const stack = new Stack(new App(), `${stage}-sql-lakehouse-Budgets`, { env: { account: '123456789012', region: 'us-east-1' } });
    monthlyCostBudget(stack, {
      name: `sql-lakehouse-${stage}-monthly`,
      stage,
      amountUsd: monthlyBudgetUsd(stage, root),
      topicArn: 'arn:aws:sns:us-east-1:123456789012:alerts',
    });
    return Template.fromStack(stack);
  };

  it("takes each stage's amount from its lakehouse.yaml stage: the example's dev $100 and prod $750", () => {
    budgetOf('dev', ROOT).hasResourceProperties('AWS::Budgets::Budget', {
      Budget: { BudgetName: 'sql-lakehouse-dev-monthly', BudgetLimit: { Amount: 100, Unit: 'USD' }, CostFilters: { TagKeyValue: ['user:sst:stage$dev'] } },
    });
    budgetOf('prod', ROOT).hasResourceProperties('AWS::Budgets::Budget', {
      Budget: { BudgetName: 'sql-lakehouse-prod-monthly', BudgetLimit: { Amount: 750, Unit: 'USD' }, CostFilters: { TagKeyValue: ['user:sst:stage$prod'] } },
    });
  });

  it("a personal stage gets the default stage's budget; a stage without one gets $100", () => {
    const root = mkdtempSync(join(tmpdir(), 'budgets-'));
    try {
      writeFileSync(
        join(root, 'lakehouse.yaml'),
        ['default_stage: sandbox', 'stages:', '  sandbox:', '    budget:', '      monthly_usd: 25', '  dev:', '    variables:', '      lake_bucket: b'].join(
          '\n',
        ),
      );
      budgetOf('alice', root).hasResourceProperties('AWS::Budgets::Budget', {
        Budget: { BudgetLimit: { Amount: 25 }, CostFilters: { TagKeyValue: ['user:sst:stage$alice'] } },
      });
      budgetOf('dev', root).hasResourceProperties('AWS::Budgets::Budget', { Budget: { BudgetLimit: { Amount: 100 } } });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses a budget that is not a positive amount, or one spelled otherwise, naming monthly_usd', () => {
    const root = mkdtempSync(join(tmpdir(), 'budgets-'));
    try {
      writeFileSync(join(root, 'lakehouse.yaml'), ['stages:', '  dev:', '    budget:', '      monthly_usd: 0'].join('\n'));
      expect(() => loadConfig(root)).toThrow(/stages\.dev\.budget\.monthly_usd: a budget is a positive amount of USD/);
      writeFileSync(join(root, 'lakehouse.yaml'), ['stages:', '  dev:', '    budget:', '      monthlyUsd: 50'].join('\n'));
      expect(() => loadConfig(root)).toThrow(/stages\.dev\.budget\.monthly_usd/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
