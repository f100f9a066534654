// Channel specs in alert headers: `console`, `file` or `file:PATH`, `webhook:URL`, `slack:URL`, `sns:TOPIC_ARN`.
// Targets usually differ per stage, so specs take `${variables}` from lakehouse.yaml:
//   channels: [console, "slack:${oncall_slack_url}", "sns:${alerts_topic_arn}"]
import { LakeError } from '../errors.js';
import { isAbsolute, resolve } from 'node:path';
import type { SNSClient } from '@aws-sdk/client-sns';
import { interpolateText, type Variables } from '../project/variables.js';
import { ConsoleNotifier } from './notifiers/console.js';
import { FileNotifier } from './notifiers/file.js';
import type { Notifier } from './notifiers/notifier.js';
import { SlackNotifier } from './notifiers/slack.js';
import { SnsNotifier } from './notifiers/sns.js';
import { WebhookNotifier, type WebhookOptions } from './notifiers/webhook.js';

export type ChannelTarget =
  | { kind: 'console' }
  | { kind: 'file'; path?: string }
  | { kind: 'webhook' | 'slack'; url: string }
  | { kind: 'sns'; topicArn: string };

export class ChannelError extends LakeError {
  override readonly name: string = 'ChannelError';
}

/**
 * A channel's target for messages: webhook and Slack URLs carry their token in the path and topic ARNs name accounts,
 * so an error never shows the value, only its length and scheme; `${variable}` names are shown as written.
 */
export function describeTarget(value: string): string {
  if (/^(\$\{[A-Za-z_][\w.]*\})+$/.test(value)) return value;
  const scheme = /^[a-z][a-z0-9+.-]{0,15}:\/\//i.exec(value)?.[0];
  return `<hidden: ${value.length} characters${scheme ? `, starting ${scheme}` : ''}>`;
}

/** The spec as written, its target hidden unless it is only `${variable}` references. */
function shownSpec(spec: string): string {
  const colon = spec.indexOf(':');
  return colon < 0 ? spec : `${spec.slice(0, colon)}:${describeTarget(spec.slice(colon + 1).trim())}`;
}

export function parseChannel(spec: string, variables: Variables): ChannelTarget {
  let text: string;
  try {
    text = interpolateText(spec, variables).trim();
  } catch (error) {
    throw new ChannelError(`channel '${shownSpec(spec)}': ${error instanceof Error ? error.message : String(error)}`);
  }
  const colon = text.indexOf(':');
  const kind = (colon < 0 ? text : text.slice(0, colon)).toLowerCase();
  const rest = colon < 0 ? '' : text.slice(colon + 1).trim();
  switch (kind) {
    case 'console':
      return { kind: 'console' };
    case 'file':
      return rest ? { kind: 'file', path: rest } : { kind: 'file' };
    case 'webhook':
    case 'slack':
      if (!/^https?:\/\/[^\s/?#]+/.test(rest) || !URL.canParse(rest))
        throw new ChannelError(`channel '${shownSpec(spec)}': ${kind} needs an http(s) URL, got ${describeTarget(rest)}`);
      return { kind, url: rest };
    case 'sns':
      if (!/^arn:aws[\w-]*:sns:/.test(rest)) throw new ChannelError(`channel '${shownSpec(spec)}': sns needs a topic ARN, got ${describeTarget(rest)}`);
      return { kind: 'sns', topicArn: rest };
    default:
      throw new ChannelError(
        `channel '${shownSpec(spec)}': unknown kind ${/^[a-z]{1,12}$/.test(kind) ? `'${kind}'` : describeTarget(kind)} (console, file, webhook, slack, sns)`,
      );
  }
}

export interface NotifierEnvironment {
  /** Stage variables for `${…}` in specs. */
  variables: Variables;
  /** Where the console channel writes. */
  writeConsole: (text: string) => void;
  /** The `file` channel without a path writes here; relative paths resolve against `baseDir`. */
  defaultFile: string;
  baseDir: string;
  /** Timeout, retries, sleep and fetch for webhook and slack channels. */
  webhook?: Omit<WebhookOptions, 'url' | 'body' | 'kind'>;
  /** Created on first use of an sns channel. */
  snsClient?: () => SNSClient;
}

/** Resolves channel specs to notifiers, one per distinct spec. */
export function notifierFactory(env: NotifierEnvironment): (spec: string) => Notifier {
  const made = new Map<string, Notifier>();
  // One client for every sns channel, made (and the SDK loaded) when the first notice is sent to one.
  let sns: Promise<SNSClient> | undefined;
  const snsClient = (): Promise<SNSClient> =>
    (sns ??= env.snsClient ? Promise.resolve(env.snsClient()) : import('@aws-sdk/client-sns').then(({ SNSClient }) => new SNSClient({})));
  return (spec) => {
    const cached = made.get(spec);
    if (cached) return cached;
    const target = parseChannel(spec, env.variables);
    let notifier: Notifier;
    switch (target.kind) {
      case 'console':
        notifier = new ConsoleNotifier(env.writeConsole);
        break;
      case 'file':
        notifier = new FileNotifier(target.path ? (isAbsolute(target.path) ? target.path : resolve(env.baseDir, target.path)) : env.defaultFile);
        break;
      case 'webhook':
        notifier = new WebhookNotifier({ ...env.webhook, url: target.url });
        break;
      case 'slack':
        notifier = new SlackNotifier({ ...env.webhook, url: target.url });
        break;
      case 'sns':
        notifier = new SnsNotifier(snsClient, target.topicArn);
        break;
    }
    made.set(spec, notifier);
    return notifier;
  };
}
