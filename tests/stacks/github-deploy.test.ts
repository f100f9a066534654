// The GitHub deploy role's trust and permissions, asserted on the template: the OIDC provider for GitHub's token
// issuer with audience sts.amazonaws.com; AssumeRoleWithWebIdentity only for this repository's main branch and its
// environments (exact StringEquals, so another repository, a fork, a pull request or another branch matches nothing);
// permissions limited to the CDK bootstrap roles and what SST reads — no `*` action, no service-wide wildcard.
// (GitHub Docs, "Configuring OpenID Connect in Amazon Web Services": `token.actions.githubusercontent.com:aud` =
// sts.amazonaws.com, `:sub` = repo:<owner>/<repo>:ref:refs/heads/<branch> or repo:<owner>/<repo>:environment:<name>.)
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { stageConfig } from '../../stacks/config.js';
import { GITHUB_OIDC_HOST, githubDeployRole, trustedSubjects } from '../../stacks/GitHubDeploy.js';

const template = () => {
  const stack = new Stack(new App(), 'prod-sql-lakehouse-GitHubDeploy', { env: { account: '123456789012', region: 'us-east-1' } });
  githubDeployRole(stack, { repository: 'acme/lakehouse', environments: ['dev', 'prod'], appName: 'sql-lakehouse' });
  return Template.fromStack(stack).toJSON() as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
};
const ofType = (type: string) => Object.values(template().Resources).filter((r) => r.Type === type);

interface Statement {
  Effect: string;
  Action: string | string[];
  Principal?: { Federated?: unknown };
  Condition?: Record<string, Record<string, unknown>>;
  Resource?: unknown;
}

describe('GitHubDeploy', () => {
  it("registers GitHub's OIDC issuer with sts.amazonaws.com as the audience", () => {
    const providers = Object.values(template().Resources).filter((r) => r.Type === 'Custom::AWSCDKOpenIdConnectProvider');
    expect(providers).toHaveLength(1);
    expect(providers[0].Properties).toMatchObject({ Url: `https://${GITHUB_OIDC_HOST}`, ClientIDList: ['sts.amazonaws.com'] });
  });

  it('trusts exactly main of this repository and its environments, by exact match', () => {
    const [role] = ofType('AWS::IAM::Role').filter((r) => JSON.stringify(r.Properties).includes('AssumeRoleWithWebIdentity'));
    const statements = (role.Properties.AssumeRolePolicyDocument as { Statement: Statement[] }).Statement;
    expect(statements).toHaveLength(1);
    const [trust] = statements;
    expect(trust.Effect).toBe('Allow');
    expect(trust.Action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(Object.keys(trust.Condition ?? {})).toEqual(['StringEquals']);
    expect(trust.Condition!.StringEquals).toEqual({
      [`${GITHUB_OIDC_HOST}:aud`]: 'sts.amazonaws.com',
      [`${GITHUB_OIDC_HOST}:sub`]: ['repo:acme/lakehouse:ref:refs/heads/main', 'repo:acme/lakehouse:environment:dev', 'repo:acme/lakehouse:environment:prod'],
    });
    const subjects = trust.Condition!.StringEquals[`${GITHUB_OIDC_HOST}:sub`] as string[];
    for (const other of [
      'repo:acme/other:ref:refs/heads/main',
      'repo:acme/lakehouse:ref:refs/heads/feature',
      'repo:acme/lakehouse:pull_request',
      'repo:evil/lakehouse:environment:prod',
    ]) {
      expect(subjects).not.toContain(other);
    }
    expect(subjects.some((s) => s.includes('*'))).toBe(false);
  });

  it('may only assume the CDK bootstrap roles and read what sst deploy reads: no "*" action, no service-wide wildcard', () => {
    const statements = ofType('AWS::IAM::Policy').flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(actions.sort()).toEqual(
      [
        'sts:AssumeRole',
        'sts:TagSession',
        'ssm:GetParameter',
        'ssm:GetParameters',
        's3:GetObject',
        's3:PutObject',
        's3:DeleteObject',
        's3:ListBucket',
        's3:GetBucketLocation',
        'cloudformation:DescribeStacks',
        'cloudformation:DescribeStackEvents',
        'cloudformation:DescribeStackResources',
        'cloudformation:GetTemplate',
      ].sort(),
    );
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    const assume = statements.find((s) => [s.Action].flat().includes('sts:AssumeRole'))!;
    expect(JSON.stringify(assume.Resource)).toMatch(/role\/cdk-\*-deploy-role-123456789012-us-east-1/);
    expect(statements.every((s) => s.Resource !== '*')).toBe(true);
  });

  it('refuses a repository that is not owner/name, and no stage has a deploy role unless it names one', () => {
    expect(() => trustedSubjects({ repository: 'acme/*', environments: [] })).toThrow(/owner\/name/);
    expect(stageConfig('test').github.repository).toBe('');
  });
});
