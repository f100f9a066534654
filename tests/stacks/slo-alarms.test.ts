// A CloudWatch alarm per SLO objective of a model, on the template: freshness as "no successful run in the span"
// (Sum of ModelRunSucceeded < 1 in every period, missing data breaching), success as the share of succeeded runs in
// the window (metric math). CloudWatch limits (PutMetricAlarm, Period): periods are multiples of 60 s, and Period ×
// EvaluationPeriods is at most 1 day with periods under an hour, 7 days otherwise.
import { App, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { sloAlarms } from '../../stacks/Alarms.js';
import { sloModels } from '../../src/pipeline/slo.js';
import { SloSchema } from '../../src/project/header.js';
import { loadProject } from '../../src/project/loader.js';

const ROOT = new URL('../..', import.meta.url).pathname;

function template(alarms: ReturnType<typeof sloAlarms>) {
  const stack = new Stack(new App(), 'test-sql-lakehouse-Alarms', { env: { account: '123456789012', region: 'us-east-1' } });
  for (const [id, props] of alarms) new cloudwatch.Alarm(stack, id, props);
  return Template.fromStack(stack);
}
const dimensions = (model: string) => [
  { Name: 'Deployment', Value: 'prod-sql-lakehouse' },
  { Name: 'Model', Value: model },
];

describe('SLO alarms', () => {
  it('freshness 2h: no successful run in any of two hourly periods, no data counting as a miss', () => {
    template(sloAlarms('lakehouse.m', SloSchema.parse({ freshness: '2h' }), 'prod-sql-lakehouse')).hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Lakehouse/SLO',
      MetricName: 'ModelRunSucceeded',
      Dimensions: dimensions('lakehouse.m'),
      Statistic: 'Sum',
      Period: 3600,
      EvaluationPeriods: 2,
      DatapointsToAlarm: 2,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    });
  });

  it('freshness under an hour is one period of that span; 7d is 168 hourly periods (the CloudWatch maximum)', () => {
    template(sloAlarms('lakehouse.m', SloSchema.parse({ freshness: '15m' }), 'd')).hasResourceProperties('AWS::CloudWatch::Alarm', {
      Period: 900,
      EvaluationPeriods: 1,
    });
    const week = template(sloAlarms('lakehouse.m', SloSchema.parse({ freshness: '7d' }), 'd'));
    week.hasResourceProperties('AWS::CloudWatch::Alarm', { Period: 3600, EvaluationPeriods: 168 });
  });

  it('success 99% over 24h: 100 × succeeded / (succeeded + failed) below 99 in one day-long period', () => {
    const t = template(sloAlarms('lakehouse.m', SloSchema.parse({ success: '99%' }), 'prod-sql-lakehouse'));
    t.resourceCountIs('AWS::CloudWatch::Alarm', 1);
    const alarm = Object.values(t.findResources('AWS::CloudWatch::Alarm'))[0].Properties as {
      Metrics: Array<{ Id: string; Expression?: string; MetricStat?: { Metric: { MetricName: string; Dimensions: unknown }; Period: number; Stat: string } }>;
      Threshold: number;
      ComparisonOperator: string;
      EvaluationPeriods: number;
    };
    expect(alarm).toMatchObject({ Threshold: 99, ComparisonOperator: 'LessThanThreshold', EvaluationPeriods: 1 });
    const expression = alarm.Metrics.find((m) => m.Expression);
    expect(expression?.Expression).toBe('100 * succeeded / (succeeded + failed)');
    const stats = Object.fromEntries(alarm.Metrics.filter((m) => m.MetricStat).map((m) => [m.Id, m.MetricStat]));
    expect(stats.succeeded).toMatchObject({ Metric: { MetricName: 'ModelRunSucceeded', Dimensions: dimensions('lakehouse.m') }, Period: 86400, Stat: 'Sum' });
    expect(stats.failed).toMatchObject({ Metric: { MetricName: 'ModelRunFailed', Dimensions: dimensions('lakehouse.m') }, Period: 86400, Stat: 'Sum' });
  });

  it('the example project declares SLOs for P1 and P3, and gets one alarm per objective (4)', async () => {
    const project = await loadProject(ROOT);
    const models = sloModels(project.nodes);
    expect(models.map((m) => [m.id, m.header.slo])).toEqual([
      ['lakehouse.p1_interaction_kpis_hourly', { freshness: '2h', success: '99%', window: '24h' }],
      ['lakehouse.p3_customer_360', { freshness: '26h', success: '95%', window: '24h' }],
    ]);
    const t = template(models.flatMap((m) => sloAlarms(m.id, m.header.slo, 'prod-sql-lakehouse')));
    t.resourceCountIs('AWS::CloudWatch::Alarm', 4);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { Dimensions: dimensions('lakehouse.p3_customer_360'), Period: 3600, EvaluationPeriods: 26 });
  });
});
