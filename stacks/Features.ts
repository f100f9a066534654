// Scheduled serving (seed 004, P5): a scheduled model whose header has `serve:` also lands in a DynamoDB table for
// point lookups by its key. The feature-job function runs the model (as run-sql would) and then copies the period's rows
// to the table; the ScheduledSql stack points the model's schedule at it instead of at run-sql. The same header drives
// the local run (src/pipeline/serve-step.ts). P2's served KPIs are written by the Batch state machine instead.
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Function } from 'sst/constructs';
import { use, type StackContext } from 'sst/constructs';
import { Athena } from './Athena.js';
import { Catalog } from './Catalog.js';
import { lakeStage, stageConfig } from './config.js';
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
  /** Each table by its `serve.table` name (the LookupApi stack reads them). */
  const servedTables = new Map<string, dynamodb.Table>();
  const served = project.nodes.filter((n) => n.kind === 'model' && n.header.serve && n.header.schedule);
  for (const node of served) {
    const serve = node.header.serve!;
    const dateColumn = node.header.partitioned_by[0];
    if (!dateColumn) throw new Error(`${node.file}: a scheduled model with serve: needs partitioned_by (its first column is the period's date)`);
    const id = node.name.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
    const table = new dynamodb.Table(stack, `${id}Table`, {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      // Restorable to any second of the last 35 days (billed per GB stored).
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: stageConfig(app.stage).retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const job = lakeFunction(stack, `${id}Job`, {
      handler: 'feature-job',
      withSql: true,
      timeoutSeconds: 900,
      retryAttempts: 0,
      environment: { ...environment, FEATURE_TABLE: table.tableName, FEATURE_KEY: serve.key.join(','), FEATURE_DATE_COLUMN: dateColumn },
      statements: [
        ...sqlRunnerStatements(Stack.of(stack), lake, project, { workgroupArn, database: databaseName }),
        // KeyValueStore.put is an UpdateItem (version counter); nothing else touches the table.
        new iam.PolicyStatement({ actions: ['dynamodb:UpdateItem'], resources: [table.tableArn] }),
      ],
    });
    jobs.set(node.name, job);
    tables.push(table);
    servedTables.set(serve.table, table);
    stack.addOutputs({ [`${id}Table`]: table.tableName, [`${id}Function`]: job.functionName });
  }
  return { jobs, tables, servedTables };
}
