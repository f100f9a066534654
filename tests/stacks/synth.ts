// Synthesizes the whole app offline the way `sst deploy` would (minus credentials): project init with a fixed
// stage, the stacks from sst.config.ts so its defaults apply, deferred tasks (function bundling) run.
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { App, getStack, type FunctionProps } from 'sst/constructs';
import { useFunctions } from 'sst/constructs/Function.js';
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
  /** SST props of every function, by handler (`functions/consumer.handler`), as the stacks set them. */
  functionProps: Map<string, FunctionProps>;
  /** Every stack's template JSON (Resources, Outputs with their exports), by stack name. */
  templates: Map<string, CfnTemplate>;
  /** The account the stacks were synthesized for (SST's offline placeholder when no credentials). */
  account: string;
}

export interface CfnTemplate {
  Resources?: Record<string, Omit<CfnResource, 'stack' | 'id'>>;
  Outputs?: Record<string, { Value: unknown; Export?: { Name: unknown } }>;
}

/**
 * `bundle: false` skips SST's deferred tasks (esbuild bundling of every function, the slow part): enough for
 * assertions on resources that do not depend on function code, such as rules and their inputs.
 *
 * Functions with `nodejs.install` (DuckDB) would run `npm install` from the registry while bundling; tests stay
 * offline, so those packages are only kept out of the bundle (esbuild `external`, as the install would) and nothing is
 * installed. `functionProps` keeps the props as the stacks wrote them, install list included.
 */
export async function synthesize(stage = 'test', options: { bundle?: boolean } = {}): Promise<Synthesized> {
  await initProject({ stage });
  const app = new App({ mode: 'deploy', stage, region: 'us-east-1' });
  await config.stacks(app);
  const functionProps = new Map<string, FunctionProps>();
  for (const props of Object.values(useFunctions().all as Record<string, FunctionProps>)) {
    if (typeof props.handler === 'string') functionProps.set(props.handler, { ...props, nodejs: props.nodejs && { ...props.nodejs } });
    const install = props.nodejs?.install;
    if (install?.length) {
      props.nodejs = {
        ...props.nodejs,
        install: [],
        esbuild: { ...props.nodejs?.esbuild, external: [...(props.nodejs?.esbuild?.external ?? []), ...install] },
      };
    }
  }
  if (options.bundle ?? true) await app.finish();
  const templates = new Map(app.node.children.filter(Stack.isStack).map((stack) => [stack.stackName, Template.fromStack(stack).toJSON() as CfnTemplate]));
  const resources = [...templates].flatMap(([stack, template]) => Object.entries(template.Resources ?? {}).map(([id, r]) => ({ stack, id, ...r })));
  const account = app.node.children.filter(Stack.isStack)[0]?.account ?? '';
  return { template: (stack) => Template.fromStack(getStack(stack)), resources, functionProps, templates, account };
}
