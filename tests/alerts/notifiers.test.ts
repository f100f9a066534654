import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notifierFactory, parseChannel } from '../../src/alerts/channels.js';
import { slackMessage } from '../../src/alerts/notifiers/slack.js';
import { SnsNotifier } from '../../src/alerts/notifiers/sns.js';
import type { Notice } from '../../src/alerts/state.js';
import { tempDir, webhookServer } from './helpers.js';

const notice = (over: Partial<Notice> = {}): Notice => ({
  id: 'p1|firing||2025-03-10T11:00:00.000Z',
  alert: 'p1_negative_interactions',
  key: null,
  kind: 'firing',
  severity: 'critical',
  message: 'Alert: 11 negative interactions (rating <= 2) detected in the last hour',
  at: '2025-03-10T11:00:00.000Z',
  windowStart: '2025-03-10T10:00:00.000Z',
  file: 'sql/alerts/p1_negative_interactions.sql',
  values: { count: 11 },
  ...over,
});

describe('channel specs', () => {
  it('resolve stage variables', () => {
    expect(parseChannel('sns:${topic}', { topic: 'arn:aws:sns:us-east-1:123456789012:CRMDataPipelineAlerts' })).toEqual({
      kind: 'sns',
      topicArn: 'arn:aws:sns:us-east-1:123456789012:CRMDataPipelineAlerts',
    });
    expect(parseChannel('file', {})).toEqual({ kind: 'file' });
    expect(parseChannel('slack:https://hooks.example/x', {})).toEqual({ kind: 'slack', url: 'https://hooks.example/x' });
  });

  it.each([
    ['pager', /unknown kind 'pager'/],
    ['webhook:${nope}', /unknown variable \$\{nope\}/],
    ['webhook:ftp://x', /needs an http\(s\) URL/],
    ['sns:CRMDataPipelineAlerts', /needs a topic ARN/],
  ])('rejects %s', (spec, message) => {
    expect(() => parseChannel(spec, {})).toThrow(message);
  });
});

describe('channel specs never show a secret', () => {
  const SECRET = 'T0001/B0002/XyZsEcReTtOkEn';
  it.each([
    ['slack:${badhook}', { badhook: `hooks.slack.com/services/${SECRET}` }, /slack:\$\{badhook\}'.*needs an http\(s\) URL, got <hidden: 51 characters>/],
    ['webhook:${hook}', { hook: `https://exa mple.com/${SECRET}` }, /needs an http\(s\) URL, got <hidden: 47 characters, starting https:\/\/>/],
    [`slack:hooks.slack.com/services/${SECRET}`, {}, /channel 'slack:<hidden: 51 characters>'/],
    ['${hook}', { hook: `hooksslackcom${SECRET}` }, /unknown kind <hidden: 39 characters>/],
    ['sns:${topic}', { topic: `arn:aws:sqs:us-east-1:123456789012:${SECRET}` }, /sns needs a topic ARN, got <hidden/],
  ])('hides the target of %s in its error', (spec, variables, message) => {
    let error: unknown;
    try {
      parseChannel(spec, variables);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('XyZsEcReT');
  });

  it('hides a URL the webhook notifier cannot parse', () => {
    const notifierFor = notifierFactory({ variables: {}, writeConsole: () => {}, defaultFile: 'x', baseDir: '.' });
    expect(() => notifierFor(`webhook:https://[${SECRET}`)).toThrow(/<hidden: \d+ characters, starting https:\/\/>/);
    expect(() => notifierFor(`webhook:https://[${SECRET}`)).not.toThrow(/XyZsEcReT/);
  });
});

describe('console and file notifiers', () => {
  it('console writes one line through the injected writer; file appends JSON lines', async () => {
    const dir = tempDir();
    let out = '';
    const notifierFor = notifierFactory({ variables: {}, writeConsole: (t) => (out += t), defaultFile: join(dir, 'default.jsonl'), baseDir: dir });
    await notifierFor('console').send(notice());
    await notifierFor('file:logs/alerts.jsonl').send(notice());
    await notifierFor('file:logs/alerts.jsonl').send(notice({ kind: 'recovery', severity: 'info', message: 'ok again' }));
    expect(out).toBe('2025-03-10T11:00:00.000Z [CRITICAL] p1_negative_interactions: Alert: 11 negative interactions (rating <= 2) detected in the last hour\n');
    const lines = readFileSync(join(dir, 'logs/alerts.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Notice);
    expect(lines.map((l) => l.kind)).toEqual(['firing', 'recovery']);
  });
});

describe('slack notifier', () => {
  const servers: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('posts Slack incoming-webhook JSON (text + blocks), escaping mrkdwn control characters', async () => {
    const server = await webhookServer();
    servers.push(server);
    const notifierFor = notifierFactory({ variables: { slack: server.url }, writeConsole: () => undefined, defaultFile: 'x', baseDir: '.' });
    await notifierFor('slack:${slack}').send(notice({ message: 'rating <= 2 & rising' }));
    expect(server.requests).toHaveLength(1);
    const body = server.requests[0].body as ReturnType<typeof slackMessage>;
    expect(body.text).toBe(':rotating_light: *p1_negative_interactions*: rating &lt;= 2 &amp; rising');
    expect(body.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: body.text } });
    expect(slackMessage(notice({ kind: 'recovery' })).text).toMatch(/^:white_check_mark:/);
    expect(slackMessage(notice({ kind: 'evaluation_failed' })).text).toMatch(/^:x:/);
  });
});

describe('SNS notifier', () => {
  const sns = mockClient(SNSClient);
  beforeEach(() => sns.reset());
  const topic = 'arn:aws:sns:us-east-1:123456789012:CRMDataPipelineAlerts';

  it('publishes subject, message and filterable attributes to the topic', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    await new SnsNotifier(new SNSClient({ region: 'us-east-1' }), topic).send(notice());
    const input = sns.commandCalls(PublishCommand)[0].args[0].input;
    expect(input.TopicArn).toBe(topic);
    expect(input.Subject).toBe('[CRITICAL] p1_negative_interactions: Alert: 11 negative interactions (rating <= 2) detected in th...');
    expect(input.Subject!.length).toBe(100);
    expect(input.Message).toMatch(/^Alert: 11 negative interactions \(rating <= 2\) detected in the last hour\n\nalert: p1_negative_interactions\n/);
    expect(input.MessageAttributes).toEqual({
      alert: { DataType: 'String', StringValue: 'p1_negative_interactions' },
      severity: { DataType: 'String', StringValue: 'critical' },
      kind: { DataType: 'String', StringValue: 'firing' },
    });
  });

  it('turns an SNS failure into a delivery error naming the topic', async () => {
    sns.on(PublishCommand).rejects(new Error('AuthorizationError: not allowed'));
    await expect(new SnsNotifier(new SNSClient({ region: 'us-east-1' }), topic).send(notice())).rejects.toThrow(
      `sns ${topic}: Error: AuthorizationError: not allowed`,
    );
  });

  it('is what an sns: channel resolves to', async () => {
    sns.on(PublishCommand).resolves({});
    const notifierFor = notifierFactory({
      variables: { topic },
      writeConsole: () => undefined,
      defaultFile: 'x',
      baseDir: '.',
      snsClient: () => new SNSClient({ region: 'us-east-1' }),
    });
    await notifierFor('sns:${topic}').send(notice());
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
  });
});
