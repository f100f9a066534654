// The AWS rehearsal: each function's real code path runs against recorded AWS clients (aws-sdk-client-mock), in the
// environment the synthesized stack gives it, over the example project. Every request it makes — and every request a
// service makes with its credentials on its behalf (each Athena statement's Glue and S3 access, SNS's KMS calls) — is
// evaluated with a real IAM policy evaluator (@cloud-copilot/iam-simulate; AGPL, a test-only devDependency) against the
// function role's policies and the resource policies of the bucket, topics and keys. Any deny fails with the call and
// the policies; grants no rehearsed call used are reported.
import { AthenaClient } from '@aws-sdk/client-athena';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GlueClient } from '@aws-sdk/client-glue';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SNSClient } from '@aws-sdk/client-sns';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { mockClient } from 'aws-sdk-client-mock';

/** A recorded client: the calls it received. */
type Mock = { calls(): Array<{ args: unknown[] }>; restore(): void; on(command: unknown): { resolves(output: unknown): unknown } };
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resetLake } from '../../functions/lib/lake.js';
import { handler as failure } from '../../functions/p2-failure.js';
import { handler as releaseLock } from '../../functions/p2-release-lock.js';
import { handler as threshold } from '../../functions/p2-threshold.js';
import { declaredLocations, stackProject, variableTexts } from '../../stacks/lib/project-sql.js';
import { QUICKSIGHT_PRINCIPAL_ENV } from '../../stacks/config.js';
import { modelLocation } from '../../src/pipeline/steps.js';
import type { Project } from '../../src/project/model.js';
import { fakeAthena } from '../functions/fakes.js';
import { synthesize } from '../stacks/synth.js';
import { ACCOUNT, deploy, REGION, type Deployed, type DeployedFunction } from './deployed.js';
import { athenaStatementRequests, sdkRequests, type IamRequest, type TableLocations } from './requests.js';

const ROOT = new URL('../..', import.meta.url).pathname;
let deployed: Deployed;
let project: Project;
const evaluated: Array<{ fn: string; request: IamRequest; result: string; allowedBy: string[] }> = [];

beforeAll(async () => {
  process.env[QUICKSIGHT_PRINCIPAL_ENV] = `arn:aws:quicksight:${REGION}:${ACCOUNT}:group/default/lakehouse-authors`;
  try {
    // Not bundled: the function code comes from the handlers imported here, and two test files bundling into SST's
    // one artifacts folder at once would collide.
    deployed = deploy(await synthesize('test', { bundle: false }));
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

const CLIENTS = { S3: S3Client, Athena: AthenaClient, DynamoDB: DynamoDBClient, SNS: SNSClient, Glue: GlueClient, Kinesis: KinesisClient, CloudWatch: CloudWatchClient, SFN: SFNClient } as const;

/** Runs `body` as function `f` (its environment, recorded clients) and returns every IAM request it implied. */
async function rehearse(f: DeployedFunction, body: (mocks: Record<keyof typeof CLIENTS, Mock>) => Promise<unknown>): Promise<IamRequest[]> {
  const saved = { ...process.env };
  Object.assign(process.env, f.environment, { LAKEHOUSE_ROOT: ROOT });
  resetLake();
  const mocks = Object.fromEntries(
    Object.entries(CLIENTS).map(([name, client]) => {
      const mock = mockClient(client as never);
      // Empty answers: the code paths run to their end (an empty listing, a missing item, a published message).
      mock.onAnyCommand().resolves({ Contents: [], MessageId: 'm', Attributes: {}, FailedRecordCount: 0, Records: [] } as never);
      return [name, mock];
    }),
  ) as unknown as Record<keyof typeof CLIENTS, Mock>;
  const athena = fakeAthena((sql) => {
    if (/^\s*SHOW TABLES/i.test(sql)) return { statementType: 'UTILITY', columns: [{ name: 'tab_name', type: 'varchar' }], rows: [] };
    if (/^\s*SELECT DISTINCT/i.test(sql)) {
      const columns = [...sql.slice(15, sql.indexOf(' FROM ')).matchAll(/"([^"]+)"/g)].map((m) => ({ name: m[1], type: 'varchar' }));
      return { columns, rows: [columns.map(() => '2025-03-09')] };
    }
    if (/^\s*(SELECT|WITH)/i.test(sql)) return { columns: [], rows: [] };
    if (/^\s*INSERT/i.test(sql)) return { updateCount: 1 };
    return { statementType: 'DDL' };
  });
  try {
    await body(mocks);
  } finally {
    process.env = saved;
    resetLake();
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
  for (const mock of Object.values(mocks)) mock.restore();
  athena.mock.restore();
  return requests;
}

/** Evaluates each request against the function's role and the resource's policy; returns the denied ones, explained. */
async function denials(f: DeployedFunction, requests: IamRequest[]): Promise<string[]> {
  const denied: string[] = [];
  const seen = new Set<string>();
  for (const request of requests) {
    const key = `${request.action} ${request.resource} ${JSON.stringify(request.context)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const resourcePolicy = resourcePolicyFor(request.resource);
    const response = await runSimulation(
      {
        request: { principal: f.roleArn, action: request.action, resource: { resource: request.resource, accountId: ACCOUNT }, contextVariables: request.context },
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
      response.resultType === 'single' ? (response.result.analysis?.identityAnalysis?.allowStatements ?? []).map((s) => JSON.stringify(s.explain?.identifier)) : [];
    evaluated.push({ fn: f.id, request, result, allowedBy });
    if (result !== 'Allowed') {
      denied.push(`${f.id}: ${request.origin} → ${request.action} on ${request.resource} ${JSON.stringify(request.context)}: ${result}; role policies ${f.identityPolicies.map((p) => p.name).join(', ')}${resourcePolicy ? ' + resource policy' : ''}`);
    }
  }
  return denied;
}

function resourcePolicyFor(resource: string) {
  if (resource.startsWith('arn:aws:s3:::')) return deployed.resourcePolicies.get(`arn:aws:s3:::${resource.slice(13).split('/')[0]}`);
  return deployed.resourcePolicies.get(resource);
}

const at = '2025-03-10T02:00:00Z';

describe('AWS rehearsal: every call each function makes is allowed by the synthesized IAM', () => {
  it('run-sql: every scheduled model of the project', async () => {
    const f = fn('RunSql');
    const { handler } = await import('../../functions/run-sql.js');
    const models = project.nodes.filter((n) => n.kind === 'model' && n.header.schedule && !n.header.serve);
    expect(models.length).toBeGreaterThan(0);
    const requests: IamRequest[] = [];
    for (const model of models) {
      requests.push(...(await rehearse(f, async () => {
        // The fake Athena answers no rows: a contract check on the result may fail the run, after its writes.
        await handler({ kind: 'model', name: model.name, time: at }).catch(() => undefined);
      })));
    }
    expect(requests.filter((r) => r.origin.startsWith('Athena statement')).length).toBeGreaterThan(5);
    expect(await denials(f, requests)).toEqual([]);
  });

  it('run-sql: every model of the project, as a manual run would (P3, P4 and the rest)', async () => {
    const f = fn('RunSql');
    const { handler } = await import('../../functions/run-sql.js');
    const requests: IamRequest[] = [];
    for (const model of project.nodes.filter((n) => n.kind === 'model' && !n.header.serve)) {
      requests.push(...(await rehearse(f, async () => {
        await handler({ kind: 'model', name: model.name, time: at }).catch(() => undefined);
      })));
    }
    expect(await denials(f, requests)).toEqual([]);
  });

  it('feature job (P5): the served model, then its rows to DynamoDB', async () => {
    const f = fn('P5CustomerFeaturesJob');
    const { handler } = await import('../../functions/feature-job.js');
    const model = project.nodes.find((n) => n.kind === 'model' && n.header.serve && n.header.schedule)!;
    const requests = await rehearse(f, async () => {
      await handler({ kind: 'model', name: model.name, time: at }).catch(() => undefined);
    });
    expect(await denials(f, requests)).toEqual([]);
  });

  it('evaluate-alert: every alert of the project', async () => {
    const f = fn('EvaluateAlert');
    const { handler } = await import('../../functions/evaluate-alert.js');
    const requests: IamRequest[] = [];
    for (const alert of project.nodes.filter((n) => n.kind === 'alert')) {
      requests.push(...(await rehearse(f, async () => {
        await handler({ kind: 'alert', name: alert.name, time: at }).catch(() => undefined);
      })));
    }
    expect(requests.some((r) => r.action === 's3:PutObject' && r.resource.includes('/system/alert_history/'))).toBe(true);
    expect(await denials(f, requests)).toEqual([]);
  });

  it('P2 transform: the KPI models for the batch\'s days, then their rows to the KPI tables', async () => {
    const f = fn('P2Transform');
    const { handler } = await import('../../functions/p2-transform.js');
    const requests = await rehearse(f, async (mocks) => {
      void mocks;
      await handler({ lockToken: 't', startedAt: at, batch: { batchId: '20250310T020000Z' } }).catch(() => undefined);
    });
    expect(await denials(f, requests)).toEqual([]);
  });

  it('P2 trigger: files under incoming/ take the lock and start the state machine', async () => {
    const f = fn('P2Trigger');
    const { handler } = await import('../../functions/p2-trigger.js');
    const requests = await rehearse(f, async (mocks) => {
      mocks.S3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'incoming/orders_1.csv', Size: 10, LastModified: new Date(at) }] });
      await handler().catch(() => undefined);
    });
    expect(requests.some((r) => r.action === 'states:StartExecution')).toBe(true);
    expect(await denials(f, requests)).toEqual([]);
  });

  it('P2 threshold check, lock release and failure notice', async () => {
    const cases: Array<[string, (event: unknown) => Promise<unknown>, unknown]> = [
      ['P2Threshold', threshold, { lockToken: 't', startedAt: at }],
      ['P2ReleaseLock', releaseLock, { lockToken: 't' }],
      ['P2Failure', failure, { lockToken: 't', error: { Error: 'States.TaskFailed', Cause: 'boom' } }],
    ];
    for (const [name, handler, event] of cases) {
      const f = fn(name);
      const requests = await rehearse(f, async (mocks) => {
        mocks.S3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'incoming/orders_1.csv', Size: 10, LastModified: new Date(at) }] });
        await handler(event).catch(() => undefined);
      });
      expect(requests.length, name).toBeGreaterThan(0);
      expect(await denials(f, requests), name).toEqual([]);
    }
  });

  it('reports grants that no rehearsed call used', () => {
    const used = new Set(evaluated.filter((e) => e.result === 'Allowed').map((e) => `${e.fn} ${e.request.action}`));
    const unused = deployed.functions
      .filter((f) => evaluated.some((e) => e.fn === f.id))
      .flatMap((f) =>
        f.identityPolicies.flatMap((p) => p.policy.Statement.flatMap((s) => [s.Action as string | string[]].flat().map((a) => `${f.id} ${a}`))).filter((grant) => !used.has(grant)),
      );
    // Not a failure: some grants serve paths the rehearsal does not drive (retries, multipart uploads, updates).
    process.stderr.write(`rehearsal: ${used.size} granted actions used; not used by any rehearsed call:\n  ${[...new Set(unused)].sort().join('\n  ')}\n`);
    expect(used.size).toBeGreaterThan(0);
  });
});
