// CloudWatch alarms on the pipeline's health, all notifying the alert topic: Firehose deliveries to S3 failing,
// Athena queries failing in the workgroup, and errors of the scheduled SQL functions (a failed model run or feature
// job, an alert that could not be evaluated). DLQ-depth alarms join with the Streaming stack (deadLetterAlarm below).
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

const FIVE_MINUTES = Duration.minutes(5);

export function Alarms({ stack }: StackContext) {
  const { topic } = use(Alerting);
  const { workgroupName } = use(Athena);
  const { deliveryStreamName } = use(Firehose);
  const { runSql, evaluateAlert } = use(ScheduledSql);
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
    metric: new cloudwatch.Metric({ namespace: 'AWS/Firehose', metricName: 'DeliveryToS3.Success', dimensionsMap: { DeliveryStreamName: deliveryStreamName }, statistic: 'Average', period: FIVE_MINUTES }),
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

  return { alarms };
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
