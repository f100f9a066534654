// The AWS rehearsal: each function's real code path runs against recorded AWS clients (aws-sdk-client-mock), in the
// environment the synthesized stack gives it, over the example project. Every request it makes — and every request a
// service makes with its credentials on its behalf (each Athena statement's Glue and S3 access, SNS's KMS calls) — is
// evaluated with a real IAM policy evaluator (@cloud-copilot/iam-simulate; AGPL, a test-only devDependency) against the
// function role's policies and the resource policies of the bucket, topics and keys. Any deny fails with the call and
// the policies; grants no rehearsed call used are reported.
import { readdirSync } from 'node:fs';
import { AthenaClient } from '@aws-sdk/client-athena';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { BatchCreatePartitionCommand, BatchDeletePartitionCommand, GetPartitionsCommand, GetTableCommand, GlueClient } from '@aws-sdk/client-glue';
import { KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import {
  CreateAnalysisCommand,
  CreateDashboardCommand,
  CreateDataSetCommand,
  CreateDataSourceCommand,
  CreateRefreshScheduleCommand,
  QuickSightClient,
  ResourceExistsException,
  UpdateDashboardCommand,
} from '@aws-sdk/client-quicksight';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SNSClient } from '@aws-sdk/client-sns';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { APIGatewayProxyEventV2, KinesisStreamRecord, S3ObjectCreatedNotificationEvent, ScheduledEvent, SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';

/** A recorded client: the calls it received. */
type Mock = {
  calls(): Array<{ args: unknown[] }>;
  restore(): void;
  on(command: unknown): { resolves(output: unknown): unknown; callsFake(fake: (input: never) => unknown): unknown; rejects(error: unknown): unknown };
};
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resetConsumer } from '../../functions/lib/consumer.js';
import { resetLake } from '../../functions/lib/lake.js';
import { handler as failure } from '../../functions/p2-failure.js';
import { handler as releaseLock } from '../../functions/p2-release-lock.js';
import { handler as threshold } from '../../functions/p2-threshold.js';
import { declaredLocations, stackProject, variableTexts } from '../../stacks/lib/project-sql.js';
import { QUICKSIGHT_PRINCIPAL_ENV } from '../../stacks/config.js';
import { modelLocation } from '../../src/pipeline/steps.js';
import { loadContractFiles } from '../../src/project/contract.js';
import type { Project } from '../../src/project/model.js';
import { TableSchemas } from '../../src/testing/schemas.js';
import type { AthenaColumn } from '../engines/athena/replay.js';
import { fakeAthena, type FakeAnswer } from '../functions/fakes.js';
import { synthesize } from '../stacks/synth.js';
import { ACCOUNT, deploy, REGION, type Deployed, type DeployedFunction } from './deployed.js';
import { athenaStatementRequests, eventSourceRequests, sdkRequests, type IamRequest, type TableLocations } from './requests.js';

const ROOT = new URL('../..', import.meta.url).pathname;
let deployed: Deployed;
/** Handlers the stacks deploy, as SST's function props name them (`functions/run-sql.handler`). */
let deployedHandlers: Set<string>;
let project: Project;
const evaluated: Array<{ fn: string; request: IamRequest; result: string; allowedBy: string[] }> = [];
/** Handler files (`run-sql` for functions/run-sql.ts) whose calls were evaluated, and the one each function ran. */
const rehearsedHandlers = new Set<string>();
const rehearsing = new Map<string, string>();

beforeAll(async () => {
  process.env[QUICKSIGHT_PRINCIPAL_ENV] = `arn:aws:quicksight:${REGION}:${ACCOUNT}:group/default/lakehouse-authors`;
  try {
    // Not bundled: the function code comes from the handlers imported here, and two test files bundling into SST's
    // one artifacts folder at once would collide.
    const synthesized = await synthesize('test', { bundle: false });
    deployed = deploy(synthesized);
    deployedHandlers = new Set(synthesized.functionProps.keys());
  } finally {
    delete process.env[QUICKSIGHT_PRINCIPAL_ENV];
  }
  project = await stackProject({ stage: 'test' }, ROOT);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
}, 300_000); // synthesizing every stack takes minutes on a loaded 2-core machine
afterAll(() => vi.restoreAllMocks());

/** The deployed function a stack creates as `lakeFunction(stack, constructId, …)`. */
const fn = (constructId: string): DeployedFunction => {
  const found = deployed.functions.find((f) => new RegExp(`^${constructId}[0-9A-F]{8}$`).test(f.id));
  if (!found) throw new Error(`no deployed function ${constructId}`);
  return found;
};

/** Where the example project's tables live in the deployed bucket (sql/ddl, then models as the runner lays them out). */
function tableLocations(bucket: string): TableLocations {
  const variables = { ...variableTexts(project), lake_bucket: bucket };
  const locations: TableLocations = declaredLocations(project, variables);
  for (const node of project.nodes.filter((n) => n.kind === 'model')) {
    const location = modelLocation(node, variables);
    if (location) locations.set(`${node.database}.${node.name}`.toLowerCase(), location);
  }
  return locations;
}

const CLIENTS = {
  S3: S3Client,
  Athena: AthenaClient,
  DynamoDB: DynamoDBClient,
  SNS: SNSClient,
  Glue: GlueClient,
  Kinesis: KinesisClient,
  CloudWatch: CloudWatchClient,
  SFN: SFNClient,
  QuickSight: QuickSightClient,
} as const;
type Mocks = Record<keyof typeof CLIENTS, Mock>;

/** Athena's answers by default: no tables listed, one partition value, no rows. */
function defaultAnswer(sql: string): FakeAnswer {
  if (/^\s*SHOW TABLES/i.test(sql)) return { statementType: 'UTILITY', columns: [{ name: 'tab_name', type: 'varchar' }], rows: [] };
  if (/^\s*SELECT DISTINCT/i.test(sql)) {
    const columns = [...sql.slice(15, sql.indexOf(' FROM ')).matchAll(/"([^"]+)"/g)].map((m) => ({ name: m[1], type: 'varchar' }));
    return { columns, rows: [columns.map(() => '2025-03-09')] };
  }
  if (/^\s*(SELECT|WITH)/i.test(sql)) return { columns: [], rows: [] };
  if (/^\s*INSERT/i.test(sql)) return { updateCount: 1 };
  return { statementType: 'DDL' };
}

interface RehearsalOptions {
  /** Environment the test sets on top of the deployed one (a stage without an API URL, a shorter run). */
  env?: Record<string, string>;
  /** Athena's answer to a statement, where it differs from defaultAnswer (rows for the serving reads). */
  athena?: (sql: string) => FakeAnswer | undefined;
}

/** Runs `body` as function `f` (its environment, recorded clients) and returns every IAM request it implied. */
async function rehearse(f: DeployedFunction, handler: string, body: (mocks: Mocks) => Promise<unknown>, options: RehearsalOptions = {}): Promise<IamRequest[]> {
  rehearsing.set(f.id, handler);
  const saved = { ...process.env };
  Object.assign(process.env, f.environment, { LAKEHOUSE_ROOT: ROOT }, options.env);
  resetLake();
  await resetConsumer();
  const mocks = Object.fromEntries(
    Object.entries(CLIENTS).map(([name, client]) => {
      const mock = mockClient(client as never);
      // Empty answers: the code paths run to their end (an empty listing, a missing item, a published message).
      mock.onAnyCommand().resolves({ Contents: [], MessageId: 'm', Attributes: {}, FailedRecordCount: 0, Records: [] } as never);
      return [name, mock];
    }),
  ) as unknown as Mocks;
  const athena = fakeAthena((sql) => options.athena?.(sql) ?? defaultAnswer(sql));
  try {
    await body(mocks);
  } finally {
    process.env = saved;
    resetLake();
    await resetConsumer();
  }
  const bucket = f.environment.LAKE_BUCKET;
  const workgroupArn = f.environment.ATHENA_WORKGROUP ? `arn:aws:athena:${REGION}:${ACCOUNT}:workgroup/${f.environment.ATHENA_WORKGROUP}` : undefined;
  const requests: IamRequest[] = [];
  for (const [client, mock] of [...Object.entries(mocks), ['Athena', athena.mock] as const]) {
    for (const call of mock.calls()) {
      const command = call.args[0] as { constructor: { name: string }; input: Record<string, unknown> };
      requests.push(...sdkRequests(client, command.constructor.name.replace(/Command$/, ''), command.input, { workgroupArn, topicKeys: deployed.topicKeys }));
    }
  }
  const locations = athena.statements.length ? tableLocations(bucket) : new Map<string, string>();
  for (const sql of athena.statements) {
    requests.push(...athenaStatementRequests(sql, f.environment.GLUE_DATABASE ?? project.config.database, locations));
    // Athena writes each statement's result under the workgroup's output location and GetQueryResults reads it.
    requests.push(
      { origin: 'Athena result', action: 's3:PutObject', resource: `arn:aws:s3:::${bucket}/athena-results/q.csv`, context: { 'aws:SecureTransport': 'true' } },
      { origin: 'Athena result', action: 's3:GetObject', resource: `arn:aws:s3:::${bucket}/athena-results/q.csv`, context: { 'aws:SecureTransport': 'true' } },
    );
  }
  // What Lambda itself does with the role to invoke the function (stream or queue reads, on-failure records).
  for (const source of deployed.eventSources.filter((e) => e.functionName === f.name)) requests.push(...eventSourceRequests(source));
  for (const mock of Object.values(mocks)) mock.restore();
  athena.mock.restore();
  return requests;
}

/** Evaluates each request against the function's role and the resource's policy; returns the denied ones, explained. */
async function denials(f: DeployedFunction, requests: IamRequest[]): Promise<string[]> {
  const denied: string[] = [];
  const seen = new Set<string>();
  if (requests.length > 0) rehearsedHandlers.add(rehearsing.get(f.id) ?? '');
  for (const request of requests) {
    const key = `${request.action} ${request.resource} ${JSON.stringify(request.context)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const resourcePolicy = resourcePolicyFor(request.resource);
    const response = await runSimulation(
      {
        request: {
          principal: f.roleArn,
          action: request.action,
          resource: { resource: request.resource, accountId: ACCOUNT },
          contextVariables: request.context,
        },
        identityPolicies: f.identityPolicies,
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        ...(resourcePolicy ? { resourcePolicy } : {}),
      },
      {},
    );
    if (response.resultType === 'error') {
      denied.push(`${request.origin} → ${request.action} on ${request.resource}: simulation error ${JSON.stringify(response.errors)}`);
      continue;
    }
    const result = response.overallResult;
    const allowedBy =
      response.resultType === 'single'
        ? (response.result.analysis?.identityAnalysis?.allowStatements ?? []).map((s) => JSON.stringify(s.explain?.identifier))
        : [];
    evaluated.push({ fn: f.id, request, result, allowedBy });
    if (result !== 'Allowed') {
      denied.push(
        `${f.id}: ${request.origin} → ${request.action} on ${request.resource} ${JSON.stringify(request.context)}: ${result}; role policies ${f.identityPolicies.map((p) => p.name).join(', ')}${resourcePolicy ? ' + resource policy' : ''}`,
      );
    }
  }
  return denied;
}

function resourcePolicyFor(resource: string) {
  if (resource.startsWith('arn:aws:s3:::')) return deployed.resourcePolicies.get(`arn:aws:s3:::${resource.slice(13).split('/')[0]}`);
  return deployed.resourcePolicies.get(resource);
}

const at = '2025-03-10T02:00:00Z';

/** The columns a table's contract expects, as Athena describes them (so the runner's schema checks pass). */
function contractSchema(table: string): FakeAnswer | undefined {
  const contract = loadContractFiles(ROOT, project.config.sql, project.config.database).find((c) => c.table === table);
  if (!contract?.contract.columns) return undefined;
  return { columns: Object.entries(contract.contract.columns).map(([name, type]) => athenaColumn(name, type)), rows: [] };
}

/** A column as Athena's ColumnInfo has it: `decimal(38,2)` is type decimal with its precision and scale. */
function athenaColumn(name: string, type: string): AthenaColumn {
  const decimal = /^decimal\((\d+),\s*(\d+)\)$/i.exec(type);
  return decimal ? { name, type: 'decimal', precision: Number(decimal[1]), scale: Number(decimal[2]) } : { name, type: type.toLowerCase() };
}

/**
 * Athena's rows for the reads that feed the serving tables: the P2 batch's order days, and one row of each served
 * model (P5 features by customer_id, P2 KPIs by order day and category), so the DynamoDB writes happen.
 */
function servedRows(sql: string): FakeAnswer | undefined {
  const described = /^SELECT \* FROM "(\w+)"\."(\w+)" LIMIT 0$/.exec(sql);
  if (described) return contractSchema(`${described[1]}.${described[2]}`);
  if (sql.startsWith('SELECT CAST(min(order_date)'))
    return {
      columns: [
        { name: 'first_day', type: 'varchar' },
        { name: 'last_day', type: 'varchar' },
      ],
      rows: [['2025-03-09', '2025-03-09']],
    };
  const served = /^SELECT \* FROM "\w+"\."(\w+)" WHERE/.exec(sql)?.[1];
  const rows: Record<string, FakeAnswer> = {
    p5_customer_features: {
      columns: [
        { name: 'customer_id', type: 'bigint' },
        { name: 'interaction_count_1d', type: 'bigint' },
        { name: 'date', type: 'varchar' },
      ],
      rows: [
        ['42', '3', '2025-03-09'],
        ['43', '1', '2025-03-09'],
      ],
    },
    p2_order_kpis: {
      columns: [
        { name: 'total_orders', type: 'bigint' },
        { name: 'order_date', type: 'date' },
      ],
      rows: [['5', '2025-03-09']],
    },
    p2_category_kpis: {
      columns: [
        { name: 'category', type: 'varchar' },
        { name: 'daily_revenue', type: 'double' },
        { name: 'order_date', type: 'date' },
      ],
      rows: [['Books', '150.0', '2025-03-09']],
    },
  };
  return served ? rows[served] : undefined;
}

/**
 * Glue's answer to GetTable for a table model's swap (engines/athena/table-swap.ts): every table exists, partitioned
 * by one key with a partition registered (as by an older release's MSCK), so the swap runs to its UpdateTable and the
 * clean-up of that partition.
 */
function answerGlueTables(mocks: Mocks, f: DeployedFunction): void {
  mocks.Glue.on(GetTableCommand).callsFake((input: { DatabaseName: string; Name: string }) => ({
    Table: {
      Name: input.Name,
      DatabaseName: input.DatabaseName,
      PartitionKeys: [{ Name: 'dt', Type: 'string' }],
      StorageDescriptor: { Location: `s3://${f.environment.LAKE_BUCKET}/curated/${input.Name}/` },
    },
  }));
  mocks.Glue.on(GetPartitionsCommand).resolves({ Partitions: [{ Values: ['2025-03-09'] }] });
  mocks.Glue.on(BatchDeletePartitionCommand).resolves({ Errors: [] });
}

describe('AWS rehearsal: every call each function makes is allowed by the synthesized IAM', () => {
  it('run-sql: every scheduled model of the project', async () => {
    const f = fn('RunSql');
    const { handler } = await import('../../functions/run-sql.js');
    const models = project.nodes.filter((n) => n.kind === 'model' && n.header.schedule && !n.header.serve);
    expect(models.length).toBeGreaterThan(0);
    const requests: IamRequest[] = [];
    for (const model of models) {
      requests.push(
        ...(await rehearse(f, 'run-sql', async (mocks) => {
          answerGlueTables(mocks, f);
          // The fake Athena answers no rows: a contract check on the result may fail the run, after its writes.
          await handler({ kind: 'model', name: model.name, time: at }).catch(() => undefined);
        })),
      );
    }
    expect(requests.filter((r) => r.origin.startsWith('Athena statement')).length).toBeGreaterThan(5);
    // A table model's swap (tables in the model database): the scratch and the table read, the table updated in one call.
    for (const action of ['glue:GetTable', 'glue:UpdateTable'])
      expect(
        requests.some((r) => r.origin.startsWith('Glue.') && r.action === action && r.resource.includes(':table/')),
        action,
      ).toBe(true);
    expect(await denials(f, requests)).toEqual([]);
  });

  it('run-sql: every model of the project, as a manual run would (P3, P4 and the rest)', async () => {
    const f = fn('RunSql');
    const { handler } = await import('../../functions/run-sql.js');
    const requests: IamRequest[] = [];
    for (const model of project.nodes.filter((n) => n.kind === 'model' && !n.header.serve)) {
      requests.push(
        ...(await rehearse(f, 'run-sql', async (mocks) => {
          answerGlueTables(mocks, f);
          await handler({ kind: 'model', name: model.name, time: at }).catch(() => undefined);
        })),
      );
    }
    expect(await denials(f, requests)).toEqual([]);
  });

  it('feature job (P5): the served model, then the rows Athena returns to DynamoDB', async () => {
    const f = fn('P5CustomerFeaturesJob');
    const { handler } = await import('../../functions/feature-job.js');
    const model = project.nodes.find((n) => n.kind === 'model' && n.header.serve && n.header.schedule)!;
    const requests = await rehearse(
      f,
      'feature-job',
      async () => {
        await handler({ kind: 'model', name: model.name, time: at });
      },
      { athena: servedRows },
    );
    expect(requests.filter((r) => r.action === 'dynamodb:UpdateItem').length).toBe(2);
    expect(await denials(f, requests)).toEqual([]);
  });

  it('evaluate-alert: every alert of the project', async () => {
    const f = fn('EvaluateAlert');
    const { handler } = await import('../../functions/evaluate-alert.js');
    const requests: IamRequest[] = [];
    for (const alert of project.nodes.filter((n) => n.kind === 'alert')) {
      requests.push(
        ...(await rehearse(f, 'evaluate-alert', async () => {
          await handler({ kind: 'alert', name: alert.name, time: at }).catch(() => undefined);
        })),
      );
    }
    expect(requests.some((r) => r.action === 's3:PutObject' && r.resource.includes('/system/alert_history/'))).toBe(true);
    expect(await denials(f, requests)).toEqual([]);
  });

  it("P2 transform: the KPI models for the batch's days, then the rows Athena returns to the KPI tables", async () => {
    const f = fn('P2Transform');
    const { handler } = await import('../../functions/p2-transform.js');
    const requests = await rehearse(
      f,
      'p2-transform',
      async () => {
        await handler({ lockToken: 't', startedAt: at, batch: { batchId: '20250310T020000Z' } });
      },
      { athena: servedRows },
    );
    const puts = requests.filter((r) => r.action === 'dynamodb:PutItem').map((r) => r.resource.split('/').pop());
    expect(puts.length).toBe(2);
    expect(new Set(puts).size).toBe(2);
    expect(await denials(f, requests)).toEqual([]);
  });

  it('P2 trigger: files under incoming/ take the lock and start the state machine', async () => {
    const f = fn('P2Trigger');
    const { handler } = await import('../../functions/p2-trigger.js');
    const requests = await rehearse(f, 'p2-trigger', async (mocks) => {
      mocks.S3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'incoming/orders_1.csv', Size: 10, LastModified: new Date(at) }] });
      await handler({
        'detail-type': 'Object Created',
        source: 'aws.s3',
        detail: { object: { key: 'incoming/orders_1.csv' } },
      } as unknown as S3ObjectCreatedNotificationEvent).catch(() => undefined);
    });
    expect(requests.some((r) => r.action === 'states:StartExecution')).toBe(true);
    expect(await denials(f, requests)).toEqual([]);
  });

  it('P2 threshold check, lock release and failure notice', async () => {
    // Each step's input as the state machine passes it (the handlers' own event types).
    const cases: Array<[string, string, (event: never) => Promise<unknown>, unknown]> = [
      ['P2Threshold', 'p2-threshold', threshold, { lockToken: 't', startedAt: at }],
      ['P2ReleaseLock', 'p2-release-lock', releaseLock, { lockToken: 't' }],
      ['P2Failure', 'p2-failure', failure, { lockToken: 't', error: { Error: 'States.TaskFailed', Cause: 'boom' } }],
    ];
    for (const [name, file, handler, event] of cases) {
      const f = fn(name);
      const requests = await rehearse(f, file, async (mocks) => {
        mocks.S3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'incoming/orders_1.csv', Size: 10, LastModified: new Date(at) }] });
        await handler(event as never).catch(() => undefined);
      });
      expect(requests.length, name).toBeGreaterThan(0);
      expect(await denials(f, requests), name).toEqual([]);
    }
  });

  it('P1 producer: records polled from the API into Kinesis, invalid ones to invalid/, refused ones dead-lettered, API failures counted', async () => {
    const f = fn('Producer');
    const { handler } = await import('../../functions/producer.js');
    const polls: Array<() => Response> = [
      () =>
        new Response(
          JSON.stringify([
            { customer_id: 1, interaction_type: 'q', timestamp: at },
            { customer_id: 2, interaction_type: 'q', timestamp: at },
            { customer_id: 3, timestamp: at },
          ]),
          { status: 200 },
        ),
      // Refused (HTTP 400, not retried): an API failure to count.
      () => new Response('bad request', { status: 400 }),
    ];
    vi.stubGlobal('fetch', async () => (polls.shift() ?? (() => new Response('[]', { status: 200 })))());
    try {
      const requests = await rehearse(
        f,
        'producer',
        async (mocks) => {
          // The stream refuses customer 2's record for what it is, on every attempt: it ends up dead-lettered.
          mocks.Kinesis.on(PutRecordsCommand).callsFake((input: { Records: Array<{ Data: Uint8Array }> }) => {
            const refused = input.Records.map((r) => Buffer.from(r.Data).toString().includes('"customer_id":2'));
            return {
              FailedRecordCount: refused.filter(Boolean).length,
              Records: refused.map((no) =>
                no ? { ErrorCode: 'InvalidArgumentException', ErrorMessage: 'too large' } : { SequenceNumber: '1', ShardId: 'shardId-0' },
              ),
            };
          });
          await handler({ 'detail-type': 'Scheduled Event', source: 'aws.events', time: at, detail: {} } as ScheduledEvent);
        },
        // The stage's API URL is empty in stacks/config.ts. A few seconds of polling instead of the scheduled minute:
        // long enough for the writer's retries of the refused record to end before the run does.
        { env: { API_URL: 'http://interactions.test/', RUN_SECONDS: '3', POLL_INTERVAL_MS: '50' } },
      );
      expect(new Set(requests.map((r) => r.action))).toEqual(
        new Set(['kinesis:PutRecords', 's3:PutObject', 'sns:Publish', 'kms:GenerateDataKey', 'kms:Decrypt', 'cloudwatch:PutMetricData']),
      );
      expect(await denials(f, requests)).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('P1 consumer: a Kinesis batch to Parquet under processed/, its partition in Glue, bad records dead-lettered; the stream reads and on-failure records of the event source mapping', async () => {
    const f = fn('Consumer');
    const { handler } = await import('../../functions/consumer.js');
    const record = (data: string, sequence: number) =>
      ({
        eventID: `shardId-000000000000:${sequence}`,
        kinesis: {
          partitionKey: '1',
          data: Buffer.from(data).toString('base64'),
          sequenceNumber: String(sequence),
          approximateArrivalTimestamp: 1_741_572_000,
        },
      }) as KinesisStreamRecord;
    const requests = await rehearse(f, 'consumer', async (mocks) => {
      mocks.Glue.on(GetTableCommand).resolves({
        Table: {
          Name: 'crm_data',
          PartitionKeys: [{ Name: 'year' }, { Name: 'month' }, { Name: 'day' }, { Name: 'hour' }],
          StorageDescriptor: { Location: `s3://${f.environment.LAKE_BUCKET}/processed/`, Columns: [] },
        },
      });
      mocks.Glue.on(BatchCreatePartitionCommand).resolves({ Errors: [] });
      const result = await handler({
        Records: [
          record(JSON.stringify({ customer_id: 7, interaction_type: 'complaint', timestamp: at, channel: 'email', rating: 2 }), 1),
          record('not json', 2),
        ],
      });
      expect(result).toEqual({ batchItemFailures: [] });
    });
    const actions = new Set(requests.map((r) => r.action));
    for (const action of ['s3:PutObject', 'glue:GetTable', 'glue:BatchCreatePartition', 'sns:Publish', 'kinesis:GetRecords', 'sqs:SendMessage'])
      expect(actions, action).toContain(action);
    expect(requests.find((r) => r.action === 's3:PutObject')?.resource).toMatch(/\/processed\/year=2025\/month=03\/day=10\/hour=02\//);
    expect(await denials(f, requests)).toEqual([]);
  });

  it("P1 dead-letter archive: the queue's messages into dead-letter/ in the lake; the queue reads of its event source mapping", async () => {
    const f = fn('DeadLetterArchive');
    const { handler } = await import('../../functions/p1-dead-letters.js');
    const message = (messageId: string, body: object) => ({ messageId, body: JSON.stringify(body), attributes: { SentTimestamp: String(Date.parse(at)) } });
    const requests = await rehearse(f, 'p1-dead-letters', async () => {
      const event = {
        Records: [
          message('m1', { source: 'consumer-record', error: 'e', records: [] }),
          message('m2', { source: 'producer-stream', error: 'e', records: [] }),
          message('m3', { KinesisBatchInfo: { shardId: 's', startSequenceNumber: '1', endSequenceNumber: '2', batchSize: 2 } }),
        ],
      } as unknown as SQSEvent;
      expect(await handler(event)).toEqual({ batchItemFailures: [] });
    });
    expect(requests.filter((r) => r.action === 's3:PutObject').map((r) => r.resource.replace(/^.*?\/dead-letter\//, 'dead-letter/'))).toEqual([
      'dead-letter/crm/consumer-record-m1.json',
      'dead-letter/crm-producer/producer-stream-m2.json',
      'dead-letter/crm/consumer-discarded-batch-m3.json',
    ]);
    expect(requests.some((r) => r.action === 'sqs:ReceiveMessage')).toBe(true);
    expect(await denials(f, requests)).toEqual([]);
  });

  it('P2 validate: the due batch read from incoming/, validated with DuckDB into raw/ecommerce/, its partitions in Glue, the inputs archived', async () => {
    const f = fn('P2Validate');
    const { handler } = await import('../../functions/p2-validate.js');
    const files: Record<string, string> = {
      'incoming/orders_1.csv': 'order_id,user_id,order_date,total_amount,status\n1,10,2025-03-09,150.00,completed\n',
      'incoming/order_items_1.csv': 'order_id,product_id,quantity,unit_price\n1,2001,2,75.00\n',
      'incoming/products.csv': 'product_id,category,name,price\n2001,Books,Novel,75.00\n',
    };
    const requests = await rehearse(f, 'p2-validate', async (mocks) => {
      mocks.S3.on(GetObjectCommand).callsFake((input: { Key: string }) => {
        const body = files[input.Key];
        if (body === undefined) throw Object.assign(new Error('not found'), { name: 'NoSuchKey' });
        return { Body: { transformToByteArray: async () => new Uint8Array(Buffer.from(body)) } };
      });
      mocks.Glue.on(GetTableCommand).callsFake((input: { Name: string }) => ({
        Table: {
          Name: input.Name,
          PartitionKeys: [{ Name: 'batch_id' }],
          StorageDescriptor: { Location: `s3://${f.environment.LAKE_BUCKET}/raw/ecommerce/${input.Name}/` },
        },
      }));
      mocks.Glue.on(BatchCreatePartitionCommand).resolves({ Errors: [] });
      const counts = { orders: 1, order_items: 1, products: 1 };
      const batch = await handler({
        lockToken: 't',
        startedAt: at,
        threshold: { status: 'due', files: Object.keys(files).map((k) => k.slice('incoming/'.length)), counts, forced: false },
      });
      expect(batch.accepted).toEqual({ orders: 1, order_items: 1, products: 1 });
    });
    const writes = requests.filter((r) => r.action === 's3:PutObject').map((r) => r.resource);
    expect(writes.some((w) => w.includes('/raw/ecommerce/'))).toBe(true);
    expect(writes.some((w) => w.includes('/archive/incoming/'))).toBe(true);
    expect(requests.some((r) => r.action === 'glue:BatchCreatePartition')).toBe(true);
    expect(await denials(f, requests)).toEqual([]);
  });

  it('dashboards publisher: the views on Athena, then the QuickSight data source, datasets, refresh schedules, analyses and dashboards, created and then updated', async () => {
    const f = fn('PublishDashboards');
    const { handler } = await import('../../functions/dashboards.js');
    const dashboardViews = project.nodes.filter((n) => n.kind === 'dashboard').map((n) => n.name);
    expect(dashboardViews.length).toBeGreaterThan(0);
    // Every table exists and each view describes with the columns the local engine binds it to: every dashboard publishes.
    const schemas = await TableSchemas.discover(project);
    const athena = (sql: string): FakeAnswer | undefined => {
      const show = /^SHOW TABLES IN `(\w+)` '(\w+)'/.exec(sql);
      if (show) return { statementType: 'UTILITY', columns: [{ name: 'tab_name', type: 'varchar' }], rows: [[show[2]]] };
      const described = /^SELECT \* FROM "(\w+)"\."(\w+)" LIMIT 0$/.exec(sql);
      if (described) return { columns: (schemas.columns(`${described[1]}.${described[2]}`) ?? []).map((c) => athenaColumn(c.name, c.type)), rows: [] };
      return undefined;
    };
    const created = await rehearse(f, 'dashboards', async () => handler({ action: 'publish' }), { athena });
    for (const action of [
      'quicksight:CreateDataSource',
      'quicksight:CreateDataSet',
      'quicksight:PassDataSource',
      'quicksight:CreateAnalysis',
      'quicksight:CreateDashboard',
      'quicksight:PassDataSet',
    ]) {
      expect(
        created.map((r) => r.action),
        action,
      ).toContain(action);
    }
    // A second publish finds everything there and updates it.
    const updated = await rehearse(
      f,
      'dashboards',
      async (mocks) => {
        const exists = new ResourceExistsException({ message: 'exists', $metadata: {} });
        for (const command of [CreateDataSourceCommand, CreateDataSetCommand, CreateRefreshScheduleCommand, CreateAnalysisCommand, CreateDashboardCommand])
          mocks.QuickSight.on(command).rejects(exists);
        mocks.QuickSight.on(UpdateDashboardCommand).resolves({ VersionArn: `arn:aws:quicksight:${REGION}:${ACCOUNT}:dashboard/d/version/2` });
        await handler({ action: 'publish' });
      },
      { athena },
    );
    for (const action of [
      'quicksight:UpdateDataSource',
      'quicksight:UpdateDataSet',
      'quicksight:UpdateAnalysis',
      'quicksight:UpdateDashboard',
      'quicksight:UpdateDashboardPublishedVersion',
    ]) {
      expect(
        updated.map((r) => r.action),
        action,
      ).toContain(action);
    }
    expect(await denials(f, [...created, ...updated])).toEqual([]);
  });

  it('lookup API: one GetItem per request on each served table', async () => {
    const f = fn('LookupApiFunction');
    const { handler } = await import('../../functions/lookup-api.js');
    const served = JSON.parse(f.environment.SERVED_TABLES) as Array<{ name: string; key: string[] }>;
    expect(served.map((t) => t.name).sort()).toEqual(['CategoryKPIs', 'CustomerFeatures', 'OrderKPIs']);
    const requests = await rehearse(f, 'lookup-api', async (mocks) => {
      mocks.DynamoDB.on(GetItemCommand).resolves({ Item: { pk: { S: '42' }, value: { M: { customer_id: { N: '42' } } } } });
      for (const table of served) {
        const key = table.key.map((_, i) => (i === 0 ? '42' : '2025-03-09')).join('#');
        const event = {
          requestContext: { http: { method: 'GET' } },
          rawPath: `/v1/${table.name}/${encodeURIComponent(key)}`,
        } as unknown as APIGatewayProxyEventV2;
        const response = await handler(event);
        expect(response.statusCode, table.name).toBe(200);
      }
    });
    expect(requests.filter((r) => r.action === 'dynamodb:GetItem').length).toBe(served.length);
    expect(await denials(f, requests)).toEqual([]);
  });

  it('every handler in functions/ was rehearsed', () => {
    const handlers = readdirSync(new URL('../../functions', import.meta.url))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => file.replace(/\.ts$/, ''));
    expect(handlers.length).toBeGreaterThan(10);
    // A handler no stack deploys is dead code; one the rehearsal did not drive may be denied on its first call.
    expect(handlers.filter((h) => !deployedHandlers.has(`functions/${h}.handler`))).toEqual([]);
    expect(handlers.filter((h) => !rehearsedHandlers.has(h))).toEqual([]);
  });

  it('reports grants that no rehearsed call used', () => {
    const used = new Set(evaluated.filter((e) => e.result === 'Allowed').map((e) => `${e.fn} ${e.request.action}`));
    const unused = deployed.functions
      .filter((f) => evaluated.some((e) => e.fn === f.id))
      .flatMap((f) =>
        f.identityPolicies
          .flatMap((p) => p.policy.Statement.flatMap((s) => [s.Action as string | string[]].flat().map((a) => `${f.id} ${a}`)))
          .filter((grant) => !used.has(grant)),
      );
    // Not a failure: some grants serve paths the rehearsal does not drive (retries, multipart uploads, updates).
    process.stderr.write(`rehearsal: ${used.size} granted actions used; not used by any rehearsed call:\n  ${[...new Set(unused)].sort().join('\n  ')}\n`);
    expect(used.size).toBeGreaterThan(0);
  });
});
