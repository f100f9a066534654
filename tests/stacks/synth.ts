// Synthesizes the whole app offline the way `sst deploy` would (minus credentials): project init with a fixed
// stage, the stacks from sst.config.ts so its defaults apply, deferred tasks (function bundling) run.
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { App, getStack } from 'sst/constructs';
import { initProject } from 'sst/project.js';
import config from '../../sst.config.js';

type StackFn = Parameters<typeof getStack>[0];

export interface CfnResource {
  stack: string;
  id: string;
  Type: string;
  Properties?: Record<string, unknown>;
}

export interface Synthesized {
  template: (stack: StackFn) => Template;
  /** Every resource of every stack. */
  resources: CfnResource[];
}

/**
 * `bundle: false` skips SST's deferred tasks (esbuild bundling of every function, the slow part): enough for
 * assertions on resources that do not depend on function code, such as rules and their inputs.
 */
export async function synthesize(stage = 'test', options: { bundle?: boolean } = {}): Promise<Synthesized> {
  await initProject({ stage });
  const app = new App({ mode: 'deploy', stage, region: 'us-east-1' });
  await config.stacks(app);
  if (options.bundle ?? true) await app.finish();
  const resources = app.node.children.filter(Stack.isStack).flatMap((stack) =>
    Object.entries((Template.fromStack(stack).toJSON().Resources ?? {}) as Record<string, Omit<CfnResource, 'stack' | 'id'>>).map(([id, r]) => ({
      stack: stack.stackName,
      id,
      ...r,
    })),
  );
  return { template: (stack) => Template.fromStack(getStack(stack)), resources };
}
