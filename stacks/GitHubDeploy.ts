// GitHub Actions → AWS without long-lived keys: the account's OIDC provider for token.actions.githubusercontent.com
// and the role .github/workflows/deploy.yml assumes with the job's OIDC token (sts:AssumeRoleWithWebIdentity).
//
// Trust: only tokens whose audience is sts.amazonaws.com and whose subject is this repository's main branch
// (`repo:<owner>/<name>:ref:refs/heads/main`) or one of its deploy environments (`repo:<owner>/<name>:environment:prod`;
// a job with `environment:` gets that subject instead of the branch). Another repository, a fork, a pull request or
// another branch gets no credentials. (GitHub Docs, "Configuring OpenID Connect in Amazon Web Services"; IAM User
// Guide, "Creating a role for web identity or OpenID Connect Federation".)
//
// Permissions: `sst deploy` (SST v2) deploys through the CDK bootstrap of the account and region (`npx cdk bootstrap`):
// it assumes the bootstrap's deploy, file-publishing and lookup roles, and CloudFormation creates the resources with
// the bootstrap's execution role. So this role may only assume those roles, read SST's and CDK's bootstrap parameters,
// read/write SST's bootstrap bucket (stack metadata) and watch the project's stacks. What CloudFormation may create is
// the execution role's policy: scope it at bootstrap (`--cloudformation-execution-policies`, see README "CI/CD").
import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { StackContext } from 'sst/constructs';
import { stageConfig } from './config.js';

export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

export interface GitHubDeployProps {
  /** `owner/name` of the repository whose workflows may deploy. */
  repository: string;
  /** GitHub environments whose jobs may deploy (`dev`, `prod`). */
  environments: readonly string[];
  /** SST app name: the stacks are `<stage>-<app>-<Stack>`. */
  appName: string;
}

/** The `sub` claims the role trusts: main, and each environment. */
export function trustedSubjects({ repository, environments }: Pick<GitHubDeployProps, 'repository' | 'environments'>): string[] {
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) throw new Error(`github.repository must be owner/name, got '${repository}'`);
  return [`repo:${repository}:ref:refs/heads/main`, ...environments.map((e) => `repo:${repository}:environment:${e}`)];
}

export function githubDeployRole(scope: Construct, props: GitHubDeployProps): { provider: iam.OpenIdConnectProvider; role: iam.Role } {
  const stack = Stack.of(scope);
  const provider = new iam.OpenIdConnectProvider(scope, 'GitHubOidcProvider', { url: `https://${GITHUB_OIDC_HOST}`, clientIds: ['sts.amazonaws.com'] });
  const role = new iam.Role(scope, 'GitHubDeployRole', {
    description: `sst deploy from ${props.repository} (main and environments ${props.environments.join(', ')})`,
    maxSessionDuration: Duration.hours(2),
    assumedBy: new iam.WebIdentityPrincipal(provider.openIdConnectProviderArn, {
      // StringEquals, not StringLike: no wildcard subject can match another repository or branch.
      StringEquals: { [`${GITHUB_OIDC_HOST}:aud`]: 'sts.amazonaws.com', [`${GITHUB_OIDC_HOST}:sub`]: trustedSubjects(props) },
    }),
  });
  const arn = (service: string, resource: string, region = stack.region) => `arn:${stack.partition}:${service}:${region}:${stack.account}:${resource}`;
  role.addToPolicy(
    new iam.PolicyStatement({
      sid: 'UseCdkBootstrapRoles',
      actions: ['sts:AssumeRole', 'sts:TagSession'],
      resources: ['deploy', 'file-publishing', 'image-publishing', 'lookup'].map((r) =>
        arn('iam', `role/cdk-*-${r}-role-${stack.account}-${stack.region}`, ''),
      ),
    }),
  );
  role.addToPolicy(
    new iam.PolicyStatement({
      sid: 'ReadBootstrapParameters',
      actions: ['ssm:GetParameter', 'ssm:GetParameters'],
      resources: [arn('ssm', 'parameter/cdk-bootstrap/*'), arn('ssm', 'parameter/sst/*')],
    }),
  );
  role.addToPolicy(
    new iam.PolicyStatement({
      sid: 'SstBootstrapBucket',
      actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket', 's3:GetBucketLocation'],
      resources: [`arn:${stack.partition}:s3:::sstbootstrap-*`, `arn:${stack.partition}:s3:::sstbootstrap-*/*`],
    }),
  );
  role.addToPolicy(
    new iam.PolicyStatement({
      sid: 'WatchProjectStacks',
      actions: ['cloudformation:DescribeStacks', 'cloudformation:DescribeStackEvents', 'cloudformation:DescribeStackResources', 'cloudformation:GetTemplate'],
      resources: [
        arn('cloudformation', `stack/*-${props.appName}-*/*`),
        arn('cloudformation', 'stack/SSTBootstrap/*'),
        arn('cloudformation', 'stack/CDKToolkit/*'),
      ],
    }),
  );
  return { provider, role };
}

/**
 * One per account: only the stage whose `github.repository` is set (stacks/config.ts) creates it; sst.config.ts adds
 * the stack for that stage only, since an account holds one OIDC provider per URL.
 */
export function GitHubDeploy({ stack, app }: StackContext) {
  const { github } = stageConfig(app.stage);
  const { role } = githubDeployRole(stack, { repository: github.repository, environments: github.environments, appName: app.name });
  stack.addOutputs({ DeployRoleArn: role.roleArn });
  return { role };
}
