// The synthesized app as it would exist once deployed, in a fixed account and region: CloudFormation intrinsics
// (Ref, Fn::GetAtt, Fn::Join, Fn::ImportValue across stacks, pseudo parameters) resolved to concrete names and ARNs,
// so that each function's environment, identity policies and the resource policies of buckets, topics and keys can be
// handed to a policy evaluator together with the requests the function's code makes.
import type { CfnTemplate, Synthesized } from '../stacks/synth.js';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';

export type PolicyDocument = { Version?: string; Statement: Array<Record<string, unknown>> };

interface Located {
  stack: string;
  id: string;
  Type: string;
  Properties: Record<string, unknown>;
}

export interface DeployedFunction {
  /** Logical id: the construct id of stacks/ plus CDK's hash (`RunSql74C316AD`). */
  id: string;
  /** Physical name (what an event source mapping's FunctionName resolves to). */
  name: string;
  handler: string;
  roleArn: string;
  environment: Record<string, string>;
  identityPolicies: Array<{ name: string; policy: PolicyDocument }>;
}

/** What Lambda polls for a function and where it sends what still fails (AWS::Lambda::EventSourceMapping). */
export interface DeployedEventSource {
  functionName: string;
  sourceArn: string;
  onFailureArn?: string;
}

export interface Deployed {
  functions: DeployedFunction[];
  eventSources: DeployedEventSource[];
  /** Resource policies by the ARN (or S3 bucket ARN) they guard. */
  resourcePolicies: Map<string, PolicyDocument>;
  /** SNS topic ARN → ARN of the KMS key that encrypts it. */
  topicKeys: Map<string, string>;
  /** Every resolved resource (for lookups by type). */
  resources: Located[];
}

export function deploy(synth: Synthesized): Deployed {
  const byStack = new Map<string, Map<string, Located>>();
  for (const [stack, template] of synth.templates) {
    byStack.set(
      stack,
      new Map(
        Object.entries(template.Resources ?? {}).map(([id, r]) => [
          id,
          { stack, id, Type: r.Type, Properties: (r.Properties ?? {}) as Record<string, unknown> },
        ]),
      ),
    );
  }
  const exports = new Map<string, { stack: string; value: unknown }>();
  for (const [stack, template] of synth.templates) {
    for (const output of Object.values((template as CfnTemplate).Outputs ?? {})) {
      if (output.Export && typeof output.Export.Name === 'string') exports.set(output.Export.Name, { stack, value: output.Value });
    }
  }

  const physicalName = (r: Located): string => {
    const explicit = {
      'AWS::S3::Bucket': 'BucketName',
      'AWS::DynamoDB::Table': 'TableName',
      'AWS::Athena::WorkGroup': 'Name',
      'AWS::Lambda::Function': 'FunctionName',
      'AWS::SNS::Topic': 'TopicName',
      'AWS::StepFunctions::StateMachine': 'StateMachineName',
    }[r.Type];
    const name = explicit ? r.Properties[explicit] : undefined;
    if (typeof name === 'string') return name;
    if (r.Type === 'AWS::Glue::Database') return (r.Properties.DatabaseInput as { Name: string }).Name;
    // CloudFormation-generated names start with the stack name; lower case where the service requires it.
    const generated = `${r.stack}-${r.id}`;
    return r.Type === 'AWS::S3::Bucket' ? generated.toLowerCase().slice(0, 63) : generated.slice(0, 64);
  };
  const arnOf = (r: Located): string => {
    const name = physicalName(r);
    switch (r.Type) {
      case 'AWS::S3::Bucket':
        return `arn:aws:s3:::${name}`;
      case 'AWS::DynamoDB::Table':
        return `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`;
      case 'AWS::IAM::Role':
        return `arn:aws:iam::${ACCOUNT}:role/${name}`;
      case 'AWS::KMS::Key':
        return `arn:aws:kms:${REGION}:${ACCOUNT}:key/${name}`;
      case 'AWS::Kinesis::Stream':
        return `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/${name}`;
      case 'AWS::SQS::Queue':
        return `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`;
      case 'AWS::SNS::Topic':
        return `arn:aws:sns:${REGION}:${ACCOUNT}:${name}`;
      case 'AWS::Lambda::Function':
        return `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
      case 'AWS::StepFunctions::StateMachine':
        return `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${name}`;
      case 'AWS::Logs::LogGroup':
        return `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${name}:*`;
      case 'AWS::KinesisFirehose::DeliveryStream':
        return `arn:aws:firehose:${REGION}:${ACCOUNT}:deliverystream/${name}`;
      default:
        return `arn:aws:cloudformation:${REGION}:${ACCOUNT}:resource/${r.stack}/${r.id}`;
    }
  };
  const refOf = (r: Located): string => {
    if (['AWS::SNS::Topic', 'AWS::StepFunctions::StateMachine'].includes(r.Type)) return arnOf(r);
    if (r.Type === 'AWS::SQS::Queue') return `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${physicalName(r)}`;
    return physicalName(r);
  };
  const attOf = (r: Located, attribute: string): string => {
    if (attribute === 'Arn') return arnOf(r);
    if (attribute === 'TopicName' || attribute === 'Name' || attribute === 'QueueName') return physicalName(r);
    if (attribute === 'StreamArn') return arnOf(r);
    return `${arnOf(r)}#${attribute}`;
  };

  // Stacks synthesized offline carry a placeholder account in the ARNs they build themselves: it becomes ACCOUNT.
  const placeholder = synth.account && synth.account !== ACCOUNT && !synth.account.startsWith('${') ? synth.account : undefined;
  const resolve = (value: unknown, stack: string): unknown => {
    // In ARNs, and as a JSON value (a function's environment built with toJsonString, e.g. QuickSight's account id).
    if (typeof value === 'string' && placeholder) return value.replaceAll(`:${placeholder}:`, `:${ACCOUNT}:`).replaceAll(`"${placeholder}"`, `"${ACCOUNT}"`);
    if (Array.isArray(value)) return value.map((v) => resolve(v, stack));
    if (value === null || typeof value !== 'object') return value;
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1) {
      const [key] = keys;
      const arg = o[key];
      if (key === 'Ref') {
        const pseudo: Record<string, string> = {
          'AWS::Partition': 'aws',
          'AWS::Region': REGION,
          'AWS::AccountId': ACCOUNT,
          'AWS::URLSuffix': 'amazonaws.com',
          'AWS::StackName': stack,
        };
        if ((arg as string) in pseudo) return pseudo[arg as string];
        const r = byStack.get(stack)?.get(arg as string);
        if (!r) throw new Error(`${stack}: Ref to unknown ${String(arg)}`);
        return refOf(r);
      }
      if (key === 'Fn::GetAtt') {
        const [id, attribute] = arg as [string, string];
        const r = byStack.get(stack)?.get(id);
        if (!r) throw new Error(`${stack}: GetAtt of unknown ${id}`);
        return attOf(r, attribute);
      }
      if (key === 'Fn::Join') {
        const [separator, parts] = arg as [string, unknown[]];
        return (resolve(parts, stack) as unknown[]).map(String).join(separator);
      }
      if (key === 'Fn::Select') {
        const [index, list] = arg as [number | string, unknown];
        return (resolve(list, stack) as unknown[])[Number(index)];
      }
      if (key === 'Fn::Split') {
        const [separator, text] = arg as [string, unknown];
        return String(resolve(text, stack)).split(separator);
      }
      if (key === 'Fn::ImportValue') {
        const name = resolve(arg, stack) as string;
        const exported = exports.get(name);
        if (!exported) throw new Error(`${stack}: import of unknown export ${name}`);
        return resolve(exported.value, exported.stack);
      }
    }
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, resolve(v, stack)]));
  };

  const resources = [...byStack.values()]
    .flatMap((m) => [...m.values()])
    .map((r) => ({ ...r, Properties: resolve(r.Properties, r.stack) as Record<string, unknown> }));
  const policiesOfRole = (stack: string, roleId: string) => {
    const role = resources.find((r) => r.stack === stack && r.id === roleId)!;
    const inline = ((role.Properties.Policies as Array<{ PolicyName: string; PolicyDocument: PolicyDocument }> | undefined) ?? []).map((p) => ({
      name: p.PolicyName,
      policy: p.PolicyDocument,
    }));
    const attached = resources
      .filter(
        (r) =>
          r.Type === 'AWS::IAM::Policy' &&
          (synth.templates.get(r.stack)!.Resources![r.id].Properties!.Roles as Array<{ Ref?: string }>).some((ref) => r.stack === stack && ref.Ref === roleId),
      )
      .map((r) => ({ name: r.id, policy: r.Properties.PolicyDocument as PolicyDocument }));
    return [...inline, ...attached];
  };

  const functions = resources
    .filter(
      (r) => r.Type === 'AWS::Lambda::Function' && typeof (synth.templates.get(r.stack)!.Resources![r.id].Properties as { Role?: unknown }).Role === 'object',
    )
    .map((r) => {
      const raw = synth.templates.get(r.stack)!.Resources![r.id].Properties as { Role: { 'Fn::GetAtt': [string, string] } };
      const roleId = raw.Role['Fn::GetAtt'][0];
      return {
        id: r.id,
        name: physicalName(r),
        handler: r.Properties.Handler as string,
        roleArn: r.Properties.Role as string,
        environment: ((r.Properties.Environment as { Variables?: Record<string, string> } | undefined)?.Variables ?? {}) as Record<string, string>,
        identityPolicies: policiesOfRole(r.stack, roleId),
      };
    });

  const resourcePolicies = new Map<string, PolicyDocument>();
  for (const r of resources) {
    if (r.Type === 'AWS::S3::BucketPolicy')
      resourcePolicies.set(`arn:aws:s3:::${r.Properties.Bucket as string}`, r.Properties.PolicyDocument as PolicyDocument);
    if (r.Type === 'AWS::SNS::TopicPolicy')
      for (const topic of r.Properties.Topics as string[]) resourcePolicies.set(topic, r.Properties.PolicyDocument as PolicyDocument);
    if (r.Type === 'AWS::SQS::QueuePolicy')
      for (const url of r.Properties.Queues as string[])
        resourcePolicies.set(`arn:aws:sqs:${REGION}:${ACCOUNT}:${url.split('/').pop()}`, r.Properties.PolicyDocument as PolicyDocument);
    if (r.Type === 'AWS::KMS::Key') resourcePolicies.set(arnOf(r), r.Properties.KeyPolicy as PolicyDocument);
  }
  const topicKeys = new Map<string, string>();
  for (const r of resources.filter((x) => x.Type === 'AWS::SNS::Topic' && x.Properties.KmsMasterKeyId)) {
    const keyId = r.Properties.KmsMasterKeyId as string;
    topicKeys.set(arnOf(r), keyId.startsWith('arn:') ? keyId : `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId}`);
  }
  const eventSources = resources
    .filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping')
    .map((r) => ({
      functionName: r.Properties.FunctionName as string,
      sourceArn: r.Properties.EventSourceArn as string,
      onFailureArn: (r.Properties.DestinationConfig as { OnFailure?: { Destination?: string } } | undefined)?.OnFailure?.Destination,
    }));
  return { functions, eventSources, resourcePolicies, topicKeys, resources };
}
