// The lookup API on AWS, verified on the synthesized templates: an HTTP API whose only route is IAM (SigV4)
// authorized, integrated with the lookup function, which may only GetItem the served tables; a reader policy that
// grants Invoke on the GET route only. AWS_IAM on an HTTP API route: API Gateway Developer Guide, "Controlling access
// to HTTP APIs with IAM authorization"; CloudFormation AWS::ApiGatewayV2::Route `AuthorizationType`.
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ServedTableConfig } from '../../functions/lib/lookup.js';
import { loadProject } from '../../src/project/loader.js';
import { servedTables } from '../../src/serving/lookup.js';
import { projectRoot } from '../../stacks/config.js';
import { LookupApi } from '../../stacks/LookupApi.js';
import { synthesize, type Synthesized } from './synth.js';

let synth: Synthesized;
beforeAll(async () => {
  synth = await synthesize('test', { bundle: false });
}, 180_000);

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

describe('LookupApi', () => {
  it('has one route, GET /v1/{table}/{key}, authorized by IAM (SigV4)', () => {
    const template = synth.template(LookupApi);
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as Array<{ Properties: { RouteKey: string; AuthorizationType?: string } }>;
    expect(routes.map((r) => [r.Properties.RouteKey, r.Properties.AuthorizationType])).toEqual([['GET /v1/{table}/{key}', 'AWS_IAM']]);
  });

  it('tells the function every served table of the project with its key and layout', async () => {
    const fn = synth.resources.find(
      (r) => r.stack.endsWith('LookupApi') && r.Type === 'AWS::Lambda::Function' && JSON.stringify(r.Properties).includes('SERVED_TABLES'),
    );
    expect(fn).toBeDefined();
    const env = (fn!.Properties as { Environment: { Variables: { SERVED_TABLES: unknown } } }).Environment.Variables.SERVED_TABLES;
    // Table names are references to the other stacks' tables: compare names, keys and layouts.
    const text = JSON.stringify(env);
    const project = await loadProject(projectRoot());
    const expected = [...servedTables(project.nodes).values()];
    expect(expected.map((t) => t.name).sort()).toEqual(['CategoryKPIs', 'CustomerFeatures', 'OrderKPIs']);
    for (const table of expected) {
      const layout: ServedTableConfig['layout'] = table.name === 'CustomerFeatures' ? 'value' : 'item';
      expect(text).toContain(`\\"name\\":\\"${table.name}\\",\\"key\\":${JSON.stringify(JSON.stringify(table.key)).slice(1, -1)}`);
      expect(text).toMatch(new RegExp(`${table.name}.*?layout\\\\":\\\\"${layout}`));
    }
    expect(fn!.Properties as { MemorySize: number; Timeout: number }).toMatchObject({ MemorySize: 512, Timeout: 5 });
  });

  it('lets the function only GetItem, on the served tables only', () => {
    const policies = synth.resources.filter((r) => r.stack.endsWith('LookupApi') && r.Type === 'AWS::IAM::Policy');
    const statements = policies.flatMap((p) => (p.Properties as { PolicyDocument: { Statement: Statement[] } }).PolicyDocument.Statement);
    const dynamo = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('dynamodb:')));
    expect(dynamo.map((s) => s.Action)).toEqual(['dynamodb:GetItem']);
    const resources = JSON.stringify(dynamo[0].Resource);
    for (const id of ['CategoryKPIs', 'OrderKPIs', 'P5CustomerFeaturesTable']) expect(resources).toContain(id);
    expect(resources).not.toContain('PipelineLock');
    expect(resources).not.toContain('"*"');
  });

  it('has a reader policy granting Invoke on the GET route of this API only', () => {
    synth.template(LookupApi).hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: [
          Match.objectLike({
            Effect: 'Allow',
            Action: 'execute-api:Invoke',
            Resource: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('^arn:'), { Ref: Match.stringLikeRegexp('LookupApi') }, '/*/GET/v1/*'])] },
          }),
        ],
      },
    });
  });
});
