// Publishes each notice to an SNS topic (the seed's CRMDataPipelineAlerts): a short subject for e-mail subscribers,
// the message with its details as the body, and attributes for subscription filter policies.
import type { SNSClient } from '@aws-sdk/client-sns';
import type { Notice } from '../state.js';
import { DeliveryError, noticeLine, type Notifier } from './notifier.js';

/** SNS subjects: at most 100 printable ASCII characters, no line breaks. */
export const snsSubject = (notice: Notice): string => {
  const ascii = noticeLine(notice).replace(/[^\x20-\x7e]/g, '?');
  return ascii.length <= 100 ? ascii : `${ascii.slice(0, 97)}...`;
};

export function snsBody(notice: Notice): string {
  const lines = [notice.message, '', `alert: ${notice.alert}`, `severity: ${notice.severity}`, `kind: ${notice.kind}`, `evaluated at: ${notice.at}`];
  if (notice.key !== null) lines.push(`key: ${notice.key}`);
  lines.push(`defined in: ${notice.file}`, `notice id: ${notice.id}`);
  return lines.join('\n');
}

export class SnsNotifier implements Notifier {
  readonly target: string;
  /** The client, or how to make it on first send (the SDK is ~0.7 MB of modules a run without an sns channel skips). */
  constructor(
    private readonly client: SNSClient | (() => Promise<SNSClient>),
    private readonly topicArn: string,
  ) {
    this.target = `sns ${topicArn}`;
  }

  async send(notice: Notice): Promise<void> {
    try {
      const { PublishCommand } = await import('@aws-sdk/client-sns');
      const client = typeof this.client === 'function' ? await this.client() : this.client;
      await client.send(
        new PublishCommand({
          TopicArn: this.topicArn,
          Subject: snsSubject(notice),
          Message: snsBody(notice),
          MessageAttributes: {
            alert: { DataType: 'String', StringValue: notice.alert },
            severity: { DataType: 'String', StringValue: notice.severity },
            kind: { DataType: 'String', StringValue: notice.kind },
          },
        }),
      );
    } catch (error) {
      throw new DeliveryError(`${this.target}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, { cause: error });
    }
  }
}
