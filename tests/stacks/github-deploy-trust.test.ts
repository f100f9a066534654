// The GitHub deploy role's trust policy, as synthesized, evaluated by an IAM policy evaluator
// (@cloud-copilot/iam-simulate) for sts:AssumeRoleWithWebIdentity with the claims each kind of GitHub Actions job
// presents. GitHub Docs, "OpenID Connect reference" (https://docs.github.com/actions/reference/openid-connect-reference):
// the token's `sub` is `repo:<owner>/<repo>:ref:refs/heads/<branch>` for a push to a branch,
// `repo:<owner>/<repo>:environment:<name>` for a job with an environment, `repo:<owner>/<repo>:pull_request` for a pull
// request; `aud` is what the job asks for (configure-aws-credentials asks for sts.amazonaws.com). AWS IAM User Guide,
// "Create a role for OpenID Connect federation" / re:Post "iam-idp-access-error": STS evaluates the role's trust policy
// with the provider as the Federated principal and the token claims as `token.actions.githubusercontent.com:sub` and
// `:aud` condition keys.
import { createValidatedPolicy, validateTrustPolicy } from '@cloud-copilot/iam-policy';
import { runUnsafeSimulation } from '@cloud-copilot/iam-simulate';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { GITHUB_OIDC_HOST, githubDeployRole } from '../../stacks/GitHubDeploy.js';

const ACCOUNT = '123456789012';
const PROVIDER_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/${GITHUB_OIDC_HOST}`;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/github-deploy`;

interface TrustStatement {
  Principal?: { Federated?: unknown };
  [key: string]: unknown;
}

/** The role's trust policy as CloudFormation would create it, with the provider reference resolved to its ARN. */
function trustPolicy(): { Version: string; Statement: TrustStatement[] } {
  const stack = new Stack(new App(), 'prod-sql-lakehouse-GitHubDeploy', { env: { account: ACCOUNT, region: 'us-east-1' } });
  githubDeployRole(stack, { repository: 'acme/lakehouse', environments: ['dev', 'prod'], appName: 'sql-lakehouse' });
  const resources = Object.values(Template.fromStack(stack).toJSON().Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>);
  const role = resources.find((r) => r.Type === 'AWS::IAM::Role' && JSON.stringify(r.Properties).includes('AssumeRoleWithWebIdentity'));
  if (!role) throw new Error('no role trusting a web identity in the GitHubDeploy template');
  const document = role.Properties.AssumeRolePolicyDocument as { Version: string; Statement: TrustStatement[] };
  // The provider is a custom resource whose ARN CloudFormation knows only at deploy time: substitute the ARN IAM gives it.
  return { ...document, Statement: document.Statement.map((s) => ({ ...s, Principal: { Federated: PROVIDER_ARN } })) };
}

const TRUST = createValidatedPolicy(trustPolicy(), validateTrustPolicy, { name: 'GitHubDeployRole trust policy' });

/**
 * What STS decides for a GitHub token with these claims asking for the deploy role. runUnsafeSimulation, not
 * runSimulation: the validating entry point keeps only the condition keys the IAM service reference lists for
 * sts:AssumeRoleWithWebIdentity, and an OIDC provider's own claim keys (`token.actions.githubusercontent.com:sub`) are
 * not listed there, so it would drop them and deny everything; the policy evaluation itself is the same engine. The
 * unsafe entry point does not validate, so the trust policy is validated here (and named, which its evaluation needs).
 */
function assume(claims: { sub: string; aud?: string }, principal = PROVIDER_ARN): string {
  return runUnsafeSimulation(
    {
      request: {
        principal,
        action: 'sts:AssumeRoleWithWebIdentity',
        resource: { resource: ROLE_ARN, accountId: ACCOUNT },
        contextVariables: { [`${GITHUB_OIDC_HOST}:sub`]: claims.sub, [`${GITHUB_OIDC_HOST}:aud`]: claims.aud ?? 'sts.amazonaws.com' },
      },
      identityPolicies: [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: TRUST,
    },
    {},
  );
}

describe('GitHubDeploy trust policy, evaluated', () => {
  it('is a valid trust policy', () => {
    expect(TRUST.errors).toEqual([]);
  });

  it('lets a job on main of this repository assume the role', () => {
    expect(assume({ sub: 'repo:acme/lakehouse:ref:refs/heads/main' })).toBe('Allowed');
  });

  it('lets a job in a deploy environment of this repository assume the role (the prod job runs as environment:prod)', () => {
    expect(assume({ sub: 'repo:acme/lakehouse:environment:prod' })).toBe('Allowed');
    expect(assume({ sub: 'repo:acme/lakehouse:environment:dev' })).toBe('Allowed');
  });

  it('denies another repository, of the same owner or a fork under another owner', () => {
    expect(assume({ sub: 'repo:acme/other:ref:refs/heads/main' })).toBe('ImplicitlyDenied');
    expect(assume({ sub: 'repo:mallory/lakehouse:ref:refs/heads/main' })).toBe('ImplicitlyDenied');
    expect(assume({ sub: 'repo:mallory/lakehouse:environment:prod' })).toBe('ImplicitlyDenied');
  });

  it('denies another branch of this repository, including one whose name starts with main', () => {
    expect(assume({ sub: 'repo:acme/lakehouse:ref:refs/heads/feature' })).toBe('ImplicitlyDenied');
    expect(assume({ sub: 'repo:acme/lakehouse:ref:refs/heads/main-copy' })).toBe('ImplicitlyDenied');
    expect(assume({ sub: 'repo:acme/lakehouse:ref:refs/tags/v1' })).toBe('ImplicitlyDenied');
  });

  it('denies a pull_request token of this repository, and an environment the stack does not name', () => {
    expect(assume({ sub: 'repo:acme/lakehouse:pull_request' })).toBe('ImplicitlyDenied');
    expect(assume({ sub: 'repo:acme/lakehouse:environment:staging' })).toBe('ImplicitlyDenied');
  });

  it('denies a token minted for another audience, and another identity provider', () => {
    expect(assume({ sub: 'repo:acme/lakehouse:ref:refs/heads/main', aud: 'https://github.com/acme' })).toBe('ImplicitlyDenied');
    expect(assume({ sub: 'repo:acme/lakehouse:ref:refs/heads/main' }, `arn:aws:iam::${ACCOUNT}:oidc-provider/gitlab.com`)).toBe('ImplicitlyDenied');
  });
});
