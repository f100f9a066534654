// The lookup API over the served tables (every model header with `serve:`): an API Gateway HTTP API whose one route,
// GET /v1/{table}/{key}, is IAM-authorized (SigV4: only principals granted execute-api:Invoke on it may call) and
// integrated with a small function doing one DynamoDB GetItem (functions/lookup-api.ts). Locally `lake api` answers the
// same contract (src/serving/lookup.ts).
//
// Sized for seed 002's serving SLO (p95 ≤ 200 ms, SLA 300 ms): no DuckDB, no SQL, one eventually consistent GetItem
// (single-digit ms); 512 MB arm64 (Lambda's CPU grows with memory, so JSON work and TLS stay fast); a 5 s timeout;
// provisioned concurrency off (cold starts of a bundle this small are a few hundred ms, rare under steady traffic:
// turn it on per stage only if the p95 misses). See README "Lookup API".
import { Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Api, use, type StackContext } from 'sst/constructs';
import type { ServedTableConfig } from '../functions/lib/lookup.js';
import { servedTables } from '../src/serving/lookup.js';
import { Batch } from './Batch.js';
import { Features } from './Features.js';
import { lakeFunction } from './lib/lake-function.js';
import { stackProject } from './lib/project-sql.js';

export const LOOKUP_ROUTE = 'GET /v1/{table}/{key}';

export async function LookupApi({ stack, app }: StackContext) {
  const features = use(Features);
  const batch = use(Batch);
  const project = await stackProject(app);
  // Where each served table lives on AWS, in the layout its writer uses (functions/lib/lookup.ts).
  const deployed = new Map<string, { table: dynamodb.Table; layout: ServedTableConfig['layout'] }>([
    ...[...features.servedTables].map(([name, table]) => [name, { table, layout: 'value' as const }] as const),
    ['CategoryKPIs', { table: batch.tables.categoryKpis, layout: 'item' }],
    ['OrderKPIs', { table: batch.tables.orderKpis, layout: 'item' }],
  ]);
  const tables: ServedTableConfig[] = [];
  for (const served of servedTables(project.nodes).values()) {
    const target = deployed.get(served.name);
    if (!target)
      throw new Error(`served table ${served.name} has no DynamoDB table on AWS (stacks/Features.ts serves scheduled models, stacks/Batch.ts the P2 KPIs)`);
    tables.push({ ...served, tableName: target.table.tableName, layout: target.layout });
  }
  if (tables.length === 0) {
    // A project without `serve:` has nothing to look up (and a GetItem grant on no table is not a valid policy).
    stack.addOutputs({ LookupApi: 'none: no model header declares serve:' });
    return {};
  }
  const handler = lakeFunction(stack, 'LookupApiFunction', {
    handler: 'lookup-api',
    timeoutSeconds: 5,
    memorySize: 512,
    environment: { SERVED_TABLES: Stack.of(stack).toJsonString(tables) },
    statements: [
      new iam.PolicyStatement({
        actions: ['dynamodb:GetItem'],
        resources: tables.map((t) => deployed.get(t.name)!.table.tableArn),
      }),
    ],
  });
  const api = new Api(stack, 'LookupApi', {
    // Access logs kept two weeks, like the Firehose delivery logs (checkov CKV_AWS_66: a log group without retention
    // keeps every request forever).
    accessLog: { retention: 'two_weeks' },
    defaults: { authorizer: 'iam' },
    routes: { [LOOKUP_ROUTE]: { function: handler } },
  });
  // Attach to the users and roles that may look up items: Invoke on the GET route only, nothing else of the account.
  const readers = new iam.ManagedPolicy(stack, 'LookupApiReaders', {
    description: 'Call the lookup API (GET /v1/<Table>/<key>) with SigV4',
    statements: [
      new iam.PolicyStatement({
        actions: ['execute-api:Invoke'],
        resources: [Stack.of(stack).formatArn({ service: 'execute-api', resource: api.httpApiId, resourceName: '*/GET/v1/*' })],
      }),
    ],
  });
  stack.addOutputs({ LookupApiUrl: api.url, LookupApiReadersPolicy: readers.managedPolicyArn });
  return { api, handler, readers };
}
