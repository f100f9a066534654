// CloudWatch alarms on the pipeline's health, all notifying the alert topic: Firehose deliveries to S3 failing,
// Athena queries failing in the workgroup, and errors of the scheduled SQL functions (a failed model run or feature
// job, an alert that could not be evaluated), and one alarm per model SLO (header `slo:`). DLQ-depth alarms join with
// the Streaming stack (deadLetterAlarm below).
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { use, type StackContext } from 'sst/constructs';
import { Alerting } from './Alerting.js';
import { Athena } from './Athena.js';
import { Firehose } from './Firehose.js';
import { Features } from './Features.js';
import { ScheduledSql } from './ScheduledSql.js';
import { durationMs, type SloSection } from '../src/project/header.js';
import { SLO_METRIC, SLO_NAMESPACE } from '../src/pipeline/slo-metrics.js';
import { sloModels } from '../src/pipeline/slo.js';

const HOUR_MS = 3_600_000;

const FIVE_MINUTES = Duration.minutes(5);

export function Alarms({ stack }: StackContext) {
  const { topic } = use(Alerting);
  const { workgroupName } = use(Athena);
  const { deliveryStreamName } = use(Firehose);
  const { runSql, evaluateAlert, project } = use(ScheduledSql);
  const { jobs } = use(Features);
  const notify = new actions.SnsAction(topic);
  const alarms: cloudwatch.Alarm[] = [];
  const add = (id: string, props: cloudwatch.AlarmProps) => {
    const alarm = new cloudwatch.Alarm(stack, id, props);
    alarm.addAlarmAction(notify);
    alarms.push(alarm);
    return alarm;
  };

  add('FirehoseDeliveryFailures', {
    alarmDescription: 'Domain events are not reaching S3 (Firehose DeliveryToS3.Success below 100%)',
    metric: new cloudwatch.Metric({
      namespace: 'AWS/Firehose',
      metricName: 'DeliveryToS3.Success',
      dimensionsMap: { DeliveryStreamName: deliveryStreamName },
      statistic: 'Average',
      period: FIVE_MINUTES,
    }),
    threshold: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
    evaluationPeriods: 1,
    // No deliveries in a quiet period is not a failure.
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });

  add('AthenaFailedQueries', {
    alarmDescription: `Athena queries failed in workgroup ${workgroupName}`,
    // The workgroup publishes per-query metrics (publishCloudWatchMetricsEnabled) with a QueryState dimension;
    // the sample count of a failed state's execution time is the number of failed queries.
    metric: new cloudwatch.Metric({
      namespace: 'AWS/Athena',
      metricName: 'TotalExecutionTime',
      dimensionsMap: { WorkGroup: workgroupName, QueryState: 'FAILED', QueryType: 'DML' },
      statistic: 'SampleCount',
      period: FIVE_MINUTES,
    }),
    threshold: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });

  alarms.push(functionErrorsAlarm(stack, 'RunSqlErrors', runSql, topic), functionErrorsAlarm(stack, 'EvaluateAlertErrors', evaluateAlert, topic));
  // Seed 004: a failed feature job alerts.
  for (const [model, job] of jobs) alarms.push(functionErrorsAlarm(stack, `FeatureJobErrors_${model}`, job, topic));

  for (const model of sloModels(project.nodes)) {
    for (const [id, props] of sloAlarms(model.id, model.header.slo, workgroupName)) add(id, props);
  }

  return { alarms };
}

/**
 * One alarm per objective of a model's `slo:` over the metrics its runs emit (src/pipeline/slo-metrics.ts).
 * Freshness: no successful run in the objective's span, i.e. the Sum of ModelRunSucceeded is below 1 in every period of
 * it; no data at all is a miss too (a model that stopped running emits nothing). Periods are the span itself under an
 * hour, else hours (CloudWatch: evaluation spans at most a day with sub-hour periods, 7 days otherwise), so the alarm
 * fires between one and one period after the data went stale. Success: the share of succeeded runs in the window,
 * 100 × succeeded / (succeeded + failed), below the objective; a window without runs is left to freshness.
 */
export function sloAlarms(model: string, slo: SloSection, deployment: string): Array<[string, cloudwatch.AlarmProps]> {
  const id = model.replace(/[^A-Za-z0-9]/g, '_');
  const metric = (metricName: string, period: Duration) =>
    new cloudwatch.Metric({ namespace: SLO_NAMESPACE, metricName, dimensionsMap: { Deployment: deployment, Model: model }, statistic: 'Sum', period });
  const alarms: Array<[string, cloudwatch.AlarmProps]> = [];
  if (slo.freshness) {
    const spanMs = durationMs(slo.freshness);
    const periodMs = Math.min(spanMs, HOUR_MS);
    const periods = spanMs / periodMs;
    alarms.push([
      `SloFreshness_${id}`,
      {
        alarmDescription: `SLO missed: ${model} has had no successful run in ${slo.freshness} (slo.freshness)`,
        metric: metric(SLO_METRIC.succeeded, Duration.millis(periodMs)),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: periods,
        datapointsToAlarm: periods,
        treatMissingData: cloudwatch.TreatMissingData.BREACHING,
      },
    ]);
  }
  if (slo.success) {
    const window = Duration.millis(durationMs(slo.window));
    alarms.push([
      `SloSuccess_${id}`,
      {
        alarmDescription: `SLO missed: fewer than ${slo.success} of ${model}'s runs in ${slo.window} succeeded (slo.success)`,
        metric: new cloudwatch.MathExpression({
          expression: '100 * succeeded / (succeeded + failed)',
          usingMetrics: { succeeded: metric(SLO_METRIC.succeeded, window), failed: metric(SLO_METRIC.failed, window) },
          period: window,
          label: `${model} runs succeeded (%)`,
        }),
        threshold: Number.parseFloat(slo.success),
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      },
    ]);
  }
  return alarms;
}

/** Seed 000: ≥ 1 function error in 5 minutes. */
export function functionErrorsAlarm(stack: StackContext['stack'], id: string, fn: lambda.IFunction, topic: sns.ITopic) {
  const alarm = new cloudwatch.Alarm(stack, id, {
    alarmDescription: `Errors in ${id}`,
    metric: fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
    threshold: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  alarm.addAlarmAction(new actions.SnsAction(topic));
  return alarm;
}

/** Seed 000: ≥ 1 visible message on a dead-letter queue in 5 minutes. */
export function deadLetterAlarm(stack: StackContext['stack'], id: string, queue: sqs.IQueue, topic: sns.ITopic) {
  const alarm = new cloudwatch.Alarm(stack, id, {
    alarmDescription: `Messages waiting on dead-letter queue ${id}`,
    metric: queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' }),
    threshold: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  alarm.addAlarmAction(new actions.SnsAction(topic));
  return alarm;
}
