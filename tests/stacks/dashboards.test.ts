// The Dashboards stack, synthesized offline (no bundling: nothing here depends on function code): with a QuickSight
// principal, a custom resource carrying the target and every dashboard's views, backed by the dashboards function whose
// role reaches only this stage's QuickSight ids; without one, nothing but a note.
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectDashboards } from '../../src/dashboards/build.js';
import { viewsOf } from '../../src/dashboards/definition.js';
import { QUICKSIGHT_PRINCIPAL_ENV } from '../../stacks/config.js';
import { Dashboards } from '../../stacks/Dashboards.js';
import { stackProject } from '../../stacks/lib/project-sql.js';
import { synthesize, type Synthesized } from './synth.js';

const PRINCIPAL = 'arn:aws:quicksight:us-east-1:123456789012:group/default/lakehouse-authors';
let synth: Synthesized;
let skipped: { resources: Synthesized['resources']; outputs: Record<string, { Value: string }> };

beforeAll(async () => {
  delete process.env[QUICKSIGHT_PRINCIPAL_ENV];
  const withoutPrincipal = await synthesize('test', { bundle: false });
  // template() finds a stack by its function, i.e. in the latest synthesis: read this one's outputs now.
  skipped = { resources: withoutPrincipal.resources, outputs: withoutPrincipal.template(Dashboards).toJSON().Outputs };
  process.env[QUICKSIGHT_PRINCIPAL_ENV] = PRINCIPAL;
  synth = await synthesize('test', { bundle: false });
}, 60_000);
afterAll(() => {
  delete process.env[QUICKSIGHT_PRINCIPAL_ENV];
});

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };
const policyOf = (prefix: string): Statement[] => {
  const policies = synth.resources.filter((r) => r.stack.endsWith('-Dashboards') && r.Type === 'AWS::IAM::Policy' && r.id.startsWith(prefix));
  expect(policies).toHaveLength(1);
  return (policies[0].Properties as { PolicyDocument: { Statement: Statement[] } }).PolicyDocument.Statement;
};
const actions = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());

describe('Dashboards stack', () => {
  it("is a custom resource with the QuickSight target and every dashboard file's views, through the Provider framework", async () => {
    const project = await stackProject({ stage: 'test' });
    const dashboards = projectDashboards(project);
    expect(dashboards.length).toBeGreaterThan(0);
    const template = synth.template(Dashboards);
    template.resourceCountIs('Custom::QuickSightDashboards', 1);
    template.hasResourceProperties('Custom::QuickSightDashboards', {
      ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DashboardsProviderframeworkonEvent'), 'Arn'] },
      Target: { awsAccountId: Match.anyValue(), region: 'us-east-1', principalArn: PRINCIPAL, workgroup: 'test-my-app', idPrefix: 'example-lakehouse-test' },
      Dashboards: dashboards.map((d) => ({ name: d.name, views: viewsOf(d) })),
      Version: Match.stringLikeRegexp('^[0-9a-f]{16}$'),
    });
    // Unbundled, the handler is a placeholder: the function is the one with the deployment in its environment.
    expect(synth.functionProps.get('functions/dashboards.handler')).toBeDefined();
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Timeout: 900,
      Environment: {
        Variables: Match.objectLike({
          ATHENA_WORKGROUP: 'test-my-app',
          GLUE_DATABASE: 'lakehouse',
          LAKE_STAGE: 'local',
          QUICKSIGHT_DEPLOYMENT: Match.anyValue(),
        }),
      },
    });
    // Athena does the SQL: no DuckDB installed into this function.
    expect(synth.functionProps.get('functions/dashboards.handler')?.nodejs?.install).toBeUndefined();
    expect(synth.functionProps.get('functions/dashboards.handler')?.copyFiles?.map((f) => f.to)).toEqual(['sql', 'lakehouse.yaml']);
  });

  it("lets the function create views and run queries in the stage's workgroup and write only Athena results and system logs", () => {
    const statements = policyOf('PublishDashboards');
    expect(actions(statements)).toEqual(expect.arrayContaining(['athena:StartQueryExecution', 'glue:CreateTable', 'glue:UpdateTable', 'glue:GetTable']));
    const athena = statements.find((s) => actions([s]).includes('athena:StartQueryExecution'))!;
    expect(JSON.stringify(athena.Resource)).toContain(':workgroup/test-my-app');
    const puts = statements.find((s) => actions([s]).includes('s3:PutObject'))!;
    expect(JSON.stringify(puts.Resource).match(/"\/[^"]*\*"/g)).toEqual(['"/athena-results/*"', '"/system/*"']);
  });

  it("scopes every QuickSight action to the stage's ids and lets the Provider only invoke the function", () => {
    const statements = policyOf('PublishDashboards');
    const quicksight = statements.filter((s) => actions([s]).some((a) => a.startsWith('quicksight:')));
    expect(actions(quicksight)).toEqual(
      expect.arrayContaining([
        'quicksight:CreateDataSource',
        'quicksight:PassDataSource',
        'quicksight:CreateDataSet',
        'quicksight:PassDataSet',
        'quicksight:CreateRefreshSchedule',
        'quicksight:CreateAnalysis',
        'quicksight:CreateDashboard',
        'quicksight:UpdateDashboardPublishedVersion',
        'quicksight:DeleteDataSource',
      ]),
    );
    const resources = quicksight.map((s) => JSON.stringify(s.Resource));
    expect(resources).toHaveLength(5);
    // Service Authorization Reference, Amazon QuickSight: CreateDataSource has no resource type (only `*` can be
    // granted); CreateDataSet's resource type is the data source it reads.
    expect(actions([quicksight[0]])).toEqual(['quicksight:CreateDataSource']);
    expect(resources[0]).toBe('"*"');
    expect(resources[1]).toMatch(/:quicksight:us-east-1:my-account:datasource\/example-lakehouse-test-athena"/);
    expect(actions([quicksight[1]])).toContain('quicksight:CreateDataSet');
    for (const [i, kind] of ['dataset', 'analysis', 'dashboard'].entries())
      expect(resources[i + 2]).toMatch(new RegExp(`:quicksight:us-east-1:my-account:${kind}/example-lakehouse-test-\\*"`));
    for (const s of policyOf('DashboardsProviderframeworkonEvent')) {
      expect(actions([s]).every((a) => a.startsWith('lambda:'))).toBe(true);
      expect(JSON.stringify(s.Resource)).toContain('PublishDashboards');
    }
  });

  it('has no wildcard action, and no wildcard resource except for actions without resource-level permissions', () => {
    const statements = synth.resources
      .filter((r) => r.stack.endsWith('-Dashboards') && r.Type === 'AWS::IAM::Policy')
      .flatMap((r) => (r.Properties as { PolicyDocument: { Statement: Statement[] } }).PolicyDocument.Statement);
    expect(statements.length).toBeGreaterThan(5);
    for (const s of statements) {
      expect(actions([s]).filter((a) => a.includes('*'))).toEqual([]);
      // quicksight:CreateDataSource lists no resource type in the Service Authorization Reference.
      if ([s.Resource].flat().includes('*')) expect(actions([s])).toEqual(['quicksight:CreateDataSource']);
    }
  });

  it('outputs the data source, the published and pending dashboards and the function to republish with', () => {
    const outputs = synth.template(Dashboards).toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(['QuickSightDataSource', 'QuickSightDashboards', 'QuickSightPending', 'PublishDashboardsFunction']),
    );
  });

  it('creates nothing for a stage without a QuickSight principal, and says why', () => {
    const resources = skipped.resources.filter((r) => r.stack.endsWith('-Dashboards'));
    // Only SST's per-stack handler, which every stack has (so the stack is never empty).
    expect(resources.map((r) => r.Type).sort()).toEqual(['AWS::IAM::Role', 'AWS::Lambda::Function']);
    expect(resources.map((r) => r.id).every((id) => id.startsWith('CustomResourceHandler'))).toBe(true);
    expect(skipped.outputs.QuickSight.Value).toMatch(
      /^skipped: no QuickSight principal for stage test \(set quicksight.principalArn in stacks\/config.ts or QUICKSIGHT_PRINCIPAL_ARN\)/,
    );
  });
});
