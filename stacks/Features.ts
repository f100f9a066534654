// P5 serving (seed 004): the daily feature model also lands in a DynamoDB table for real-time lookup by customer.
// The feature-job function runs the model (as run-sql would) and then copies the day's rows to the table; the
// ScheduledSql stack points the model's schedule at it instead of at run-sql.
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Function } from 'sst/constructs';
import { use, type StackContext } from 'sst/constructs';
import { Athena } from './Athena.js';
import { Catalog } from './Catalog.js';
import { lakeStage, SERVED_MODELS, stageConfig } from './config.js';
import { lakeEnvironment, lakeFunction } from './lib/lake-function.js';
import { stackProject } from './lib/project-sql.js';
import { sqlRunnerStatements } from './lib/sql-runner.js';
import { Storage } from './Storage.js';

export async function Features({ stack, app }: StackContext) {
  const lake = use(Storage);
  const { workgroupArn, workgroupName } = use(Athena);
  const { databaseName } = use(Catalog);
  const project = await stackProject(app);
  const environment = lakeEnvironment({ bucketName: lake.bucket.bucketName, workgroupName, databaseName, lakeStage: lakeStage(app.stage) });

  /** Function that runs each served model, by model name. */
  const jobs = new Map<string, Function>();
  const tables: dynamodb.Table[] = [];
  for (const served of SERVED_MODELS) {
    if (!project.nodes.some((n) => n.kind === 'model' && n.name === served.model)) continue;
    const id = served.model.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
    const table = new dynamodb.Table(stack, `${id}Table`, {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      removalPolicy: stageConfig(app.stage).retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const job = lakeFunction(stack, `${id}Job`, {
      handler: 'feature-job',
      withSql: true,
      timeoutSeconds: 900,
      retryAttempts: 0,
      environment: { ...environment, FEATURE_TABLE: table.tableName, FEATURE_KEY: served.key.join(','), FEATURE_DATE_COLUMN: served.dateColumn },
      statements: [
        ...sqlRunnerStatements(Stack.of(stack), lake, project, { workgroupArn, database: databaseName }),
        // KeyValueStore.put is an UpdateItem (version counter); nothing else touches the table.
        new iam.PolicyStatement({ actions: ['dynamodb:UpdateItem'], resources: [table.tableArn] }),
      ],
    });
    jobs.set(served.model, job);
    tables.push(table);
    stack.addOutputs({ [`${id}Table`]: table.tableName });
  }
  return { jobs, tables };
}
