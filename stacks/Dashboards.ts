// Dashboards on QuickSight, from the same sql/dashboards definitions as the local site: a custom resource whose
// function (functions/dashboards.ts) creates the dashboard views on Athena, reads their columns back from Athena and
// publishes the Athena data source, one custom-SQL dataset per view (import mode and refresh schedule from each
// dashboard file), an analysis and a dashboard, all owned by the stage's QuickSight principal. It reruns when any SQL
// or dashboard file changes; removing the stack deletes the QuickSight resources (the views stay in the catalog).
// Without a principal (stacks/config.ts quicksight.principalArn) the stack creates nothing.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CustomResource, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { use, type StackContext } from 'sst/constructs';
import type { DashboardsResourceProperties } from '../src/dashboards/quicksight/custom-resource.js';
import { loadDashboards } from '../src/dashboards/load.js';
import { deployedDashboards } from '../src/dashboards/quicksight/deploy.js';
import { dataSourceId, type QuickSightTarget } from '../src/dashboards/quicksight/index.js';
import type { Project } from '../src/project/model.js';
import { Athena } from './Athena.js';
import { Catalog } from './Catalog.js';
import { lakeStage, PREFIX, QUICKSIGHT_PRINCIPAL_ENV, stageConfig } from './config.js';
import { lakeEnvironment, lakeFunction } from './lib/lake-function.js';
import { athenaStatements, lakeStatements } from './lib/permissions.js';
import { stackProject } from './lib/project-sql.js';
import { SYSTEM_PREFIX } from './lib/sql-runner.js';
import { Storage } from './Storage.js';
import { acceptCheck } from './lib/checker-suppressions.js';

export async function Dashboards({ stack, app }: StackContext) {
  const principalArn = stageConfig(app.stage).quicksight.principalArn;
  if (!principalArn) {
    stack.addOutputs({
      QuickSight: `skipped: no QuickSight principal for stage ${app.stage} (set quicksight.principalArn in stacks/config.ts or ${QUICKSIGHT_PRINCIPAL_ENV})`,
    });
    return { resource: undefined };
  }
  const lake = use(Storage);
  const { workgroupArn, workgroupName } = use(Athena);
  const { databaseName } = use(Catalog);
  const project = await stackProject(app);
  const dashboards = loadDashboards(project.root, { sqlDir: project.config.sql, database: project.config.database });
  const scope = Stack.of(stack);

  const target: QuickSightTarget = {
    awsAccountId: scope.account,
    region: scope.region,
    principalArn,
    workgroup: workgroupName,
    // Every QuickSight id starts with it, which is what the IAM statements below are scoped to.
    idPrefix: `${project.config.name}-${app.stage}`,
  };
  const properties: DashboardsResourceProperties = { Target: target, Dashboards: deployedDashboards(dashboards), Version: projectVersion(project, dashboards) };
  const quickSightArn = (resource: string, name: string) => scope.formatArn({ service: 'quicksight', resource, resourceName: name });
  const owned = (resource: string) => quickSightArn(resource, `${target.idPrefix}-*`);

  const publish = lakeFunction(stack, 'PublishDashboards', {
    handler: 'dashboards',
    withSql: true,
    // Creating the views, describing them and publishing a few dashboards takes a minute or two; Lambda's maximum.
    timeoutSeconds: 900,
    environment: {
      ...lakeEnvironment({ bucketName: lake.bucket.bucketName, workgroupName, databaseName, lakeStage: lakeStage(app.stage) }),
      QUICKSIGHT_DEPLOYMENT: scope.toJsonString(properties),
    },
    statements: [
      // CREATE OR REPLACE VIEW writes Glue tables; the describe queries read them. Results and the run log go to S3.
      ...athenaStatements(scope, { workgroupArn, database: databaseName, writesTables: true }),
      ...lakeStatements(lake, { read: [''], write: [PREFIX.athenaResults, SYSTEM_PREFIX] }),
      new iam.PolicyStatement({
        actions: ['s3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
        resources: [lake.bucket.arnForObjects(`${PREFIX.athenaResults}*`)],
      }),
      // QuickSight: only resources whose id starts with this stage's prefix, except where the Service Authorization
      // Reference lists no resource type for the action (CreateDataSource: `*` only). CreateDataSet is authorized on
      // the data source the dataset reads, not on the dataset.
      new iam.PolicyStatement({ actions: ['quicksight:CreateDataSource'], resources: ['*'] }),
      new iam.PolicyStatement({
        actions: [
          'quicksight:UpdateDataSource',
          'quicksight:DeleteDataSource',
          'quicksight:DescribeDataSource',
          'quicksight:PassDataSource',
          'quicksight:CreateDataSet',
        ],
        resources: [quickSightArn('datasource', dataSourceId(target))],
      }),
      new iam.PolicyStatement({
        actions: [
          'quicksight:UpdateDataSet',
          'quicksight:DeleteDataSet',
          'quicksight:DescribeDataSet',
          'quicksight:PassDataSet',
          // Refresh schedules are sub-resources of their dataset (dataset/<id>/refresh-schedule/<id>).
          'quicksight:CreateRefreshSchedule',
          'quicksight:UpdateRefreshSchedule',
          'quicksight:DescribeRefreshSchedule',
        ],
        resources: [owned('dataset')],
      }),
      new iam.PolicyStatement({
        actions: ['quicksight:CreateAnalysis', 'quicksight:UpdateAnalysis', 'quicksight:DeleteAnalysis', 'quicksight:DescribeAnalysis'],
        resources: [owned('analysis')],
      }),
      new iam.PolicyStatement({
        actions: [
          'quicksight:CreateDashboard',
          'quicksight:UpdateDashboard',
          'quicksight:UpdateDashboardPublishedVersion',
          'quicksight:DeleteDashboard',
          'quicksight:DescribeDashboard',
        ],
        resources: [owned('dashboard')],
      }),
    ],
  });

  acceptCheck(publish, 'CKV_AWS_45', 'QUICKSIGHT_DEPLOYMENT holds ids, ARNs and dashboard definitions, no secret');
  const policy = publish.role?.node.tryFindChild('DefaultPolicy');
  if (policy)
    acceptCheck(
      policy,
      'CKV_AWS_290',
      'quicksight:CreateDataSource supports no resource-level permission (Service Authorization Reference): `*` is the only resource',
    );
  // The Provider framework answers CloudFormation for the function (its own role may only invoke this function).
  const provider = new Provider(stack, 'DashboardsProvider', { onEventHandler: publish });
  const resource = new CustomResource(stack, 'QuickSightDashboards', {
    serviceToken: provider.serviceToken,
    resourceType: 'Custom::QuickSightDashboards',
    properties: { ...properties },
  });

  stack.addOutputs({
    QuickSightDataSource: resource.getAttString('DataSourceArn'),
    QuickSightDashboards: resource.getAttString('Published'),
    // Dashboards whose models have not run yet; invoke PublishDashboardsFunction with {"action":"publish"} later.
    QuickSightPending: resource.getAttString('Pending'),
    PublishDashboardsFunction: publish.functionName,
  });
  return { resource, publish };
}

/** Hash of every SQL and dashboard file (a view's columns follow its upstream models) and the stage's variables. */
function projectVersion(project: Project, dashboards: Array<{ file: string }>): string {
  const hash = createHash('sha256');
  const files = [...new Set([...project.nodes.map((n) => n.file), ...dashboards.map((d) => d.file)])].sort();
  for (const file of files) hash.update(`${file}\0${readFileSync(join(project.root, file), 'utf8')}\0`);
  hash.update(JSON.stringify(project.config.stages[project.stage]?.variables ?? {}));
  return hash.digest('hex').slice(0, 16);
}
