// The Glue Data Catalog: the project's database, one table per `CREATE EXTERNAL TABLE` in sql/ddl (see
// lib/glue-table.ts for why CfnTables), the system tables the functions append to (run_log, alert_history), and the
// seed 003 crawler over the Firehose domain events, on a schedule.
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ArnFormat, Stack } from 'aws-cdk-lib';
import { use, type StackContext } from 'sst/constructs';
import { BUCKET_VARIABLE, PREFIX, projectConfig, stageConfig } from './config.js';
import { glueTableInput } from './lib/glue-table.js';
import { glueArns as arnsOf, lakeStatements } from './lib/permissions.js';
import { ALERT_HISTORY_TABLE, alertHistoryLocation, alertHistoryTableDdl } from '../src/alerts/history.js';
import { recordLogTableSql } from '../src/storage/record-log.js';
import { runLogSpec } from '../src/pipeline/run-log.js';
import { ddlTables, externalTablesOfSql, stackProject, variableTexts } from './lib/project-sql.js';
import { Storage } from './Storage.js';
import { acceptCheck } from './lib/checker-suppressions.js';

/** Partition projection ranges start here; older data needs an explicit range in the DDL's TBLPROPERTIES. */
const FIRST_YEAR = 2024;

export async function Catalog({ stack, app }: StackContext) {
  const config = stageConfig(app.stage);
  const lake = use(Storage);
  const databaseName = projectConfig().database;
  const glueArns = arnsOf(Stack.of(stack), databaseName);

  const database = new glue.CfnDatabase(stack, 'Database', {
    catalogId: stack.account,
    databaseInput: { name: databaseName, description: `${app.name} lakehouse (${app.stage})` },
  });

  const project = await stackProject(app);
  const bucketName = lake.bucket.bucketName;
  const variables = { ...variableTexts(project), [BUCKET_VARIABLE]: bucketName };
  const tables = [...ddlTables(project, variables), ...systemTables(bucketName)];
  for (const table of tables) {
    const cfn = new glue.CfnTable(
      stack,
      `Table_${table.name}`,
      glueTableInput(table, { catalogId: stack.account, databaseName: table.database ?? databaseName, firstYear: FIRST_YEAR }),
    );
    cfn.addDependency(database);
  }

  // Seed 003 discovers the domain events' schema and partitions with a crawler. If sql/ddl declares that table, the
  // crawler only maintains it (catalog target, schema changes logged, not applied); otherwise it creates it.
  const eventsLocation = lake.bucket.s3UrlForObject(PREFIX.domainEvents);
  const declared = tables.find((t) => t.location.replace(/\/?$/, '/') === `${eventsLocation}`);
  const crawlerRole = new iam.Role(stack, 'DomainEventsCrawlerRole', { assumedBy: new iam.ServicePrincipal('glue.amazonaws.com') });
  const crawlerStatements = [
    ...lakeStatements(lake, { read: [PREFIX.domainEvents] }),
    new iam.PolicyStatement({
      actions: [
        'glue:GetDatabase',
        'glue:GetTable',
        'glue:CreateTable',
        'glue:UpdateTable',
        'glue:GetPartition',
        'glue:GetPartitions',
        'glue:BatchGetPartition',
        'glue:CreatePartition',
        'glue:BatchCreatePartition',
        'glue:UpdatePartition',
      ],
      resources: [glueArns.catalog, glueArns.database, glueArns.tables],
    }),
    new iam.PolicyStatement({
      actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: '/aws-glue/crawlers:*', arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
    }),
  ];
  for (const statement of crawlerStatements) crawlerRole.addToPolicy(statement);

  const crawler = new glue.CfnCrawler(stack, 'DomainEventsCrawler', {
    name: `${app.stage}-${app.name}-domain-events`,
    role: crawlerRole.roleArn,
    databaseName,
    schedule: { scheduleExpression: config.crawler.schedule },
    targets: declared ? { catalogTargets: [{ databaseName, tables: [declared.name] }] } : { s3Targets: [{ path: eventsLocation }] },
    schemaChangePolicy: declared ? { updateBehavior: 'LOG', deleteBehavior: 'LOG' } : { updateBehavior: 'UPDATE_IN_DATABASE', deleteBehavior: 'LOG' },
    // New data only: the crawler reads folders added since its last run instead of the whole prefix every night.
    recrawlPolicy: declared ? undefined : { recrawlBehavior: 'CRAWL_NEW_FOLDERS_ONLY' },
    configuration: JSON.stringify({ Version: 1.0, CrawlerOutput: { Partitions: { AddOrUpdateBehavior: 'InheritFromTable' } } }),
  });
  crawler.addDependency(database);
  acceptCheck(crawler, 'CKV_AWS_195', 'the crawler writes only Glue metadata and its CloudWatch logs; the lake objects it reads keep their bucket encryption');

  stack.addOutputs({ GlueDatabase: databaseName });
  return { database, databaseName, glueArns, crawler, crawlerName: crawler.name ?? '' };
}

/**
 * The record logs the functions append to (src/storage/record-log.ts): run_log (every run-sql step) and alert_history
 * (every evaluation). Declared here from the same DDL the local lake uses, so functions never need to create them.
 */
function systemTables(bucketName: string) {
  const runLog = recordLogTableSql(runLogSpec(bucketName));
  const where = (table: string) => ({ file: `(system table ${table})`, line: 1 });
  return [
    ...externalTablesOfSql(runLog, {}, where('run_log')),
    ...externalTablesOfSql(alertHistoryTableDdl(alertHistoryLocation(bucketName)), {}, where(ALERT_HISTORY_TABLE)),
  ];
}
