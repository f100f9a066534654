// P2 e-commerce batches (seed 001): CSVs landing under incoming/ raise S3 "Object Created" events (EventBridge); a
// trigger function takes the DynamoDB lock and starts the state machine once per file set (idempotent execution name).
// The state machine checks the thresholds (≥5 orders, ≥5 items, 1 products file), waits and re-checks until they are
// met or the batch has waited long enough, validates (2 retries), transforms (3 retries: the KPI models on Athena,
// then their rows into the CategoryKPIs / OrderKPIs tables) and releases the lock. Any failure notifies the alert
// topic, counts a failure metric, and releases the lock.
import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Function } from 'sst/constructs';
import { use, type StackContext } from 'sst/constructs';
import { INGEST_PREFIX, INGEST_TABLES } from '../src/ingest/layout.js';
import { functionErrorsAlarm } from './Alarms.js';
import { Alerting } from './Alerting.js';
import { Athena } from './Athena.js';
import { Catalog } from './Catalog.js';
import { lakeStage, stageConfig } from './config.js';
import { lakeEnvironment, lakeFunction } from './lib/lake-function.js';
import { lakeStatements, METRIC_NAMESPACE, publishStatements, putMetricStatement } from './lib/permissions.js';
import { stackProject } from './lib/project-sql.js';
import { taskBudgetSeconds, type RetryPolicy } from './lib/step-budget.js';
import { sqlRunnerStatements } from './lib/sql-runner.js';
import { Storage } from './Storage.js';

/** Glue tables the validate step adds batch_id partitions to (sql/ddl/p2_ecommerce_raw.sql). */
const RAW_TABLES = Object.values(INGEST_TABLES.ecommerceRaw);

export async function Batch({ stack, app }: StackContext) {
  const config = stageConfig(app.stage);
  const lake = use(Storage);
  const { topic, topicKey } = use(Alerting);
  const { workgroupArn, workgroupName } = use(Athena);
  const { databaseName, glueArns } = use(Catalog);
  const project = await stackProject(app);
  const removalPolicy = config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
  const table = (id: string, partitionKey: string, sortKey?: string) =>
    new dynamodb.Table(stack, id, {
      partitionKey: { name: partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: sortKey ? { name: sortKey, type: dynamodb.AttributeType.STRING } : undefined,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      // Restorable to any second of the last 35 days (billed per GB stored).
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy,
    });
  const lockTable = table('PipelineLock', 'pk');
  const categoryKpis = table('CategoryKPIs', 'category', 'order_date');
  const orderKpis = table('OrderKPIs', 'order_date');
  const incoming = INGEST_PREFIX.incoming;

  const threshold = lakeFunction(stack, 'P2Threshold', {
    handler: 'p2-threshold',
    environment: {
      LAKE_BUCKET: lake.bucket.bucketName,
      P2_THRESHOLDS: JSON.stringify({
        minOrderFiles: config.batch.minOrderFiles,
        minItemFiles: config.batch.minItemFiles,
        minProductFiles: config.batch.minProductFiles,
      }),
      FORCE_AFTER_MINUTES: String(config.batch.forceAfterMinutes),
    },
    // Lists incoming/ and keeps the "threshold not met since" marker there.
    statements: lakeStatements(lake, { read: [incoming], write: [incoming] }),
  });
  const validate = lakeFunction(stack, 'P2Validate', {
    handler: 'p2-validate',
    // Reads the CSVs with DuckDB: installed into the function, x86_64, 1024 MB (stacks/lib/lake-function.ts).
    duckdb: true,
    timeoutSeconds: 600,
    environment: { LAKE_BUCKET: lake.bucket.bucketName, GLUE_DATABASE: databaseName },
    statements: [
      ...lakeStatements(lake, {
        read: [incoming],
        write: [incoming, INGEST_PREFIX.ecommerceRaw, INGEST_PREFIX.ecommerceRejected, INGEST_PREFIX.ecommerceArchive],
      }),
      new iam.PolicyStatement({
        actions: ['glue:GetTable', 'glue:BatchCreatePartition'],
        resources: [glueArns.catalog, glueArns.database, ...RAW_TABLES.map(glueArns.table)],
      }),
    ],
  });
  const transform = lakeFunction(stack, 'P2Transform', {
    handler: 'p2-transform',
    withSql: true,
    timeoutSeconds: 900,
    environment: {
      ...lakeEnvironment({ bucketName: lake.bucket.bucketName, workgroupName, databaseName, lakeStage: lakeStage(app.stage) }),
      ORDER_KPIS_TABLE: orderKpis.tableName,
      CATEGORY_KPIS_TABLE: categoryKpis.tableName,
    },
    statements: [
      ...sqlRunnerStatements(Stack.of(stack), lake, project, { workgroupArn, database: databaseName }),
      new iam.PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [orderKpis.tableArn, categoryKpis.tableArn] }),
    ],
  });
  const lockStatement = (actions: string[]) => new iam.PolicyStatement({ actions, resources: [lockTable.tableArn] });
  const releaseLock = lakeFunction(stack, 'P2ReleaseLock', {
    handler: 'p2-release-lock',
    environment: { LOCK_TABLE: lockTable.tableName },
    statements: [lockStatement(['dynamodb:GetItem', 'dynamodb:DeleteItem'])],
  });
  const failure = lakeFunction(stack, 'P2Failure', {
    handler: 'p2-failure',
    environment: { FAILURE_TOPIC_ARN: topic.topicArn, METRIC_NAMESPACE },
    statements: [...publishStatements([topic.topicArn], topicKey), putMetricStatement(METRIC_NAMESPACE)],
  });

  // Every step states its own timeout and retries (the CDK's default Lambda retrier is off), so the worst case of the
  // whole execution is known here and the execution timeout covers it (lib/step-budget.ts).
  const LAMBDA_ERRORS = ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'];
  const serviceRetry: RetryPolicy = { maxAttempts: 2, intervalSeconds: 2, backoffRate: 2 };
  const step = (id: string, fn: Function, resultPath: string, timeoutSeconds: number, retry: { errors: string[]; policy: RetryPolicy }) => {
    const task = new tasks.LambdaInvoke(stack, id, {
      lambdaFunction: fn,
      payloadResponseOnly: true,
      resultPath,
      retryOnServiceExceptions: false,
      taskTimeout: sfn.Timeout.duration(Duration.seconds(timeoutSeconds)),
    });
    task.addRetry({
      errors: retry.errors,
      maxAttempts: retry.policy.maxAttempts,
      interval: Duration.seconds(retry.policy.intervalSeconds),
      backoffRate: retry.policy.backoffRate,
    });
    return { task, budget: taskBudgetSeconds(timeoutSeconds, [retry.policy]) };
  };
  const onLambdaErrors = { errors: LAMBDA_ERRORS, policy: serviceRetry };
  const SHORT_STEP_SECONDS = 60;
  const catchAll = { resultPath: '$.error', errors: [sfn.Errors.ALL] };

  const failedState = new sfn.Fail(stack, 'Failed', { error: 'P2PipelineFailed', cause: 'a step failed; the alert topic has the error' });
  const resetAfterFailure = step('ResetLockAfterFailure', releaseLock, '$.lock', SHORT_STEP_SECONDS, onLambdaErrors);
  resetAfterFailure.task.addCatch(failedState, { resultPath: '$.resetError', errors: [sfn.Errors.ALL] }).next(failedState);
  // A notification that cannot be sent must not keep the lock: on to the reset either way.
  const notify = step('NotifyFailure', failure, '$.notified', SHORT_STEP_SECONDS, onLambdaErrors);
  notify.task.addCatch(resetAfterFailure.task, { resultPath: '$.notifyError', errors: [sfn.Errors.ALL] }).next(resetAfterFailure.task);
  const failed = notify.task;

  const resetLock = step('ResetLock', releaseLock, '$.lock', SHORT_STEP_SECONDS, onLambdaErrors);
  resetLock.task.addCatch(failed, catchAll).next(new sfn.Succeed(stack, 'Done'));
  const validateFiles = step('ValidateFiles', validate, '$.batch', 600, {
    errors: [sfn.Errors.ALL],
    policy: { maxAttempts: 2, intervalSeconds: 30, backoffRate: 2 },
  });
  validateFiles.task.addCatch(failed, catchAll);
  const transformFiles = step('TransformFiles', transform, '$.transform', 900, {
    errors: [sfn.Errors.ALL],
    policy: { maxAttempts: 3, intervalSeconds: 60, backoffRate: 2 },
  });
  transformFiles.task.addCatch(failed, catchAll);
  const checkThreshold = step('CheckFileThreshold', threshold, '$.threshold', SHORT_STEP_SECONDS, onLambdaErrors);
  checkThreshold.task.addCatch(failed, catchAll);
  const waitForFiles = new sfn.Wait(stack, 'WaitForFiles', { time: sfn.WaitTime.duration(Duration.seconds(config.batch.waitSeconds)) });
  const definition = new sfn.Pass(stack, 'Start', {
    // The batch id sorts by the execution's start (the KPI models keep an order's latest batch).
    parameters: { 'lockToken.$': '$.lockToken', 'startedAt.$': '$$.Execution.StartTime' },
  })
    .next(checkThreshold.task)
    .next(
      new sfn.Choice(stack, 'EvaluateThreshold')
        .when(sfn.Condition.stringEquals('$.threshold.status', 'due'), validateFiles.task.next(transformFiles.task).next(resetLock.task))
        .when(sfn.Condition.stringEquals('$.threshold.status', 'waiting'), waitForFiles.next(checkThreshold.task))
        // Nothing landed (the files were taken by an earlier batch).
        .otherwise(resetLock.task),
    );
  // The threshold check says `due` once the first unmet check is forceAfterMinutes old: at most this many checks.
  const checks = Math.floor((config.batch.forceAfterMinutes * 60) / config.batch.waitSeconds) + 2;
  const worstCaseSeconds =
    checks * checkThreshold.budget +
    (checks - 1) * config.batch.waitSeconds +
    validateFiles.budget +
    transformFiles.budget +
    resetLock.budget +
    notify.budget +
    resetAfterFailure.budget;
  const stateMachine = new sfn.StateMachine(stack, 'EcommercePipeline', {
    definitionBody: sfn.DefinitionBody.fromChainable(definition),
    // States.Timeout cannot be caught: the timeout must exceed the worst case, so failures always reach NotifyFailure.
    timeout: Duration.minutes(Math.ceil(worstCaseSeconds / 60) + 5),
  });

  const trigger = lakeFunction(stack, 'P2Trigger', {
    handler: 'p2-trigger',
    environment: { LAKE_BUCKET: lake.bucket.bucketName, LOCK_TABLE: lockTable.tableName, STATE_MACHINE_ARN: stateMachine.stateMachineArn },
    statements: [
      ...lakeStatements(lake, { read: [incoming] }),
      lockStatement(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem']),
      new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [stateMachine.stateMachineArn] }),
      // startExecutionOnce describes the execution that already has the name.
      new iam.PolicyStatement({
        actions: ['states:DescribeExecution'],
        resources: [
          stack.formatArn({
            service: 'states',
            resource: 'execution',
            resourceName: `${stateMachine.stateMachineName}:*`,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        ],
      }),
    ],
  });
  new events.Rule(stack, 'IncomingObjectCreated', {
    description: 'P2: a file landed under incoming/',
    eventPattern: {
      source: ['aws.s3'],
      detailType: ['Object Created'],
      detail: { bucket: { name: [lake.bucket.bucketName] }, object: { key: [{ prefix: incoming }] } },
    },
    targets: [new targets.LambdaFunction(trigger, { retryAttempts: 2, maxEventAge: Duration.hours(1) })],
  });
  // Belt and braces: an execution that still times out skips NotifyFailure, so its own alarm notifies.
  const timedOut = new cloudwatch.Alarm(stack, 'P2ExecutionsTimedOut', {
    alarmDescription: 'P2 state machine executions timed out (the lock may still be held)',
    metric: stateMachine.metricTimedOut({ period: Duration.minutes(5), statistic: 'Sum' }),
    threshold: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  timedOut.addAlarmAction(new actions.SnsAction(topic));
  const alarms = [functionErrorsAlarm(stack, 'P2TriggerErrors', trigger, topic), timedOut];

  stack.addOutputs({ EcommercePipeline: stateMachine.stateMachineArn, CategoryKPIsTable: categoryKpis.tableName, OrderKPIsTable: orderKpis.tableName });
  return { stateMachine, alarms, tables: { lockTable, categoryKpis, orderKpis }, functions: { trigger, threshold, validate, transform, releaseLock, failure } };
}
