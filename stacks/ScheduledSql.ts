// Scheduled SQL: one EventBridge rule per transform and alert whose header has a `schedule`, read from sql/ by the
// project loader at synthesis (a new SQL file with a schedule is a new rule; nothing is listed by hand). Models run
// in the run-sql function (served models in their feature job, stacks/Features.ts), alerts in evaluate-alert, all on
// Athena; alert state and outbox live in DynamoDB.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Stack } from 'aws-cdk-lib';
import { use, type StackContext } from 'sst/constructs';
import { parseChannel } from '../src/alerts/channels.js';
import { alertHistoryLocation } from '../src/alerts/history.js';
import { parseS3Uri } from '../src/storage/object-store/object-store.js';
import type { Project } from '../src/project/model.js';
import { Alerting } from './Alerting.js';
import { Athena } from './Athena.js';
import { Catalog } from './Catalog.js';
import { BUCKET_VARIABLE, lakeStage, PREFIX, stageConfig } from './config.js';
import { lakeEnvironment, lakeFunction } from './lib/lake-function.js';
import { athenaStatements, lakeStatements, publishStatements } from './lib/permissions.js';
import { sqlRunnerStatements } from './lib/sql-runner.js';
import { Features } from './Features.js';
import { scheduledSql, stackProject, tableReadPrefixes, variableTexts, type ScheduledSql as Scheduled } from './lib/project-sql.js';
import { Storage } from './Storage.js';

/** Where alert evaluations append their history (src/alerts/history.ts). */
const ALERT_HISTORY_PREFIX = parseS3Uri(alertHistoryLocation('lake')).key;

export async function ScheduledSql({ stack, app }: StackContext) {
  const lake = use(Storage);
  const { topic, topicKey } = use(Alerting);
  const { workgroupArn, workgroupName } = use(Athena);
  const { databaseName } = use(Catalog);
  const project = await stackProject(app);
  const scheduled = scheduledSql(project);
  const environment = lakeEnvironment({ bucketName: lake.bucket.bucketName, workgroupName, databaseName, lakeStage: lakeStage(app.stage) });

  const runSql = lakeFunction(stack, 'RunSql', {
    handler: 'run-sql',
    withSql: true,
    // Athena queries over a day of data can take minutes; Lambda's maximum.
    timeoutSeconds: 900,
    // The runner retries transient failures itself; a Lambda retry would rerun the whole period twice more.
    retryAttempts: 0,
    environment,
    statements: sqlRunnerStatements(Stack.of(stack), lake, project, { workgroupArn, database: databaseName }),
  });
  const { jobs } = use(Features);

  const alerts = project.nodes.filter((n) => n.kind === 'alert');
  const { prefixes: alertReads, unresolved } = tableReadPrefixes(project, alerts, lake.bucket.bucketName);
  if (unresolved.length) {
    throw new Error(`alerts read tables that neither sql/ddl nor a model declares, so their S3 locations cannot be granted: ${unresolved.join(', ')}`);
  }
  const stateTable = new dynamodb.Table(stack, 'AlertState', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    encryption: dynamodb.TableEncryption.AWS_MANAGED,
    // Restorable to any second of the last 35 days (billed per GB stored).
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    removalPolicy: stageConfig(app.stage).retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  const evaluateAlert = lakeFunction(stack, 'EvaluateAlert', {
    handler: 'evaluate-alert',
    withSql: true,
    timeoutSeconds: 300,
    // A failed evaluation has already sent its "evaluation failed" notice; the next fire time evaluates again.
    retryAttempts: 0,
    environment: { ...environment, ALERT_STATE_TABLE: stateTable.tableName, ALERT_TOPIC_ARN: topic.topicArn },
    statements: [
      ...athenaStatements(Stack.of(stack), { workgroupArn, database: databaseName, writesTables: false }),
      // Athena reads the alerts' tables with this role's credentials: their locations only, not the whole lake.
      ...lakeStatements(lake, { read: [...alertReads, PREFIX.athenaResults, ALERT_HISTORY_PREFIX], write: [PREFIX.athenaResults, ALERT_HISTORY_PREFIX] }),
      new iam.PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
        resources: [stateTable.tableArn],
      }),
      ...publishStatements([topic.topicArn], topicKey),
      // Topics named in alert headers belong to whoever owns them; their keys (if any) are theirs to grant.
      ...publishStatements(alertTopics(project, lake.bucket.bucketName)),
    ],
  });

  const rules = scheduled.map((s) => {
    const rule = new events.Rule(stack, ruleId(s), {
      description: `${s.kind} ${s.name} (${s.file})`.slice(0, 512),
      schedule: events.Schedule.expression(s.expression),
    });
    rule.addTarget(
      new targets.LambdaFunction(s.kind === 'alert' ? evaluateAlert : (jobs.get(s.name) ?? runSql), {
        // The scheduled time, not the delivery time: a late or retried delivery still runs the same period.
        event: events.RuleTargetInput.fromObject({ kind: s.kind, name: s.name, time: events.EventField.time }),
        maxEventAge: Duration.hours(2),
        retryAttempts: 2,
      }),
    );
    return rule;
  });

  // Function names for a manual run after deploy (README "First deploy"): aws lambda invoke --function-name …
  stack.addOutputs({ ScheduledRules: String(rules.length), RunSqlFunction: runSql.functionName, EvaluateAlertFunction: evaluateAlert.functionName });
  return { runSql, evaluateAlert, stateTable, rules, scheduled, project };
}

/** `Schedule_model_lakehouse_daily_kpis`: stable per node, so renaming another file does not replace this rule. */
const ruleId = (s: Scheduled): string => `Schedule_${s.kind}_${s.id.replace(/[^A-Za-z0-9]/g, '_')}`;

/** SNS topics named in alert headers (`sns:${alerts_topic_arn}`), resolved with the stage's variables. */
function alertTopics(project: Project, bucketName: string): string[] {
  const variables = { ...variableTexts(project), [BUCKET_VARIABLE]: bucketName };
  const arns = project.nodes
    .filter((n) => n.kind === 'alert')
    .flatMap((n) => n.header.alert?.channels ?? [])
    .flatMap((spec) => {
      try {
        const target = parseChannel(spec, variables);
        return target.kind === 'sns' ? [target.topicArn] : [];
      } catch {
        return []; // a channel that does not resolve is reported by the function at run time, as locally
      }
    });
  return [...new Set(arns)];
}
