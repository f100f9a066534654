// Slack incoming-webhook formatting (also accepted by Mattermost and similar): `text` for notifications and clients
// without blocks, `blocks` for the message itself.
import type { Notice } from '../state.js';
import { WebhookNotifier, type WebhookOptions } from './webhook.js';

const ICONS: Record<string, string> = { critical: ':rotating_light:', warning: ':warning:', info: ':information_source:' };

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export function slackMessage(notice: Notice): { text: string; blocks: unknown[] } {
  const icon =
    notice.kind === 'recovery' || notice.kind === 'evaluation_recovered'
      ? ':white_check_mark:'
      : notice.kind === 'evaluation_failed'
        ? ':x:'
        : (ICONS[notice.severity] ?? ':bell:');
  const key = notice.key === null ? '' : ` [${escape(notice.key)}]`;
  const text = `${icon} *${escape(notice.alert)}*${key}: ${escape(notice.message)}`;
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `${notice.severity} · ${notice.kind.replace('_', ' ')} · ${notice.at} · ${escape(notice.file)}` }],
      },
    ],
  };
}

export class SlackNotifier extends WebhookNotifier {
  constructor(options: Omit<WebhookOptions, 'body' | 'kind'>) {
    super({ ...options, body: slackMessage, kind: 'slack' });
  }
}
