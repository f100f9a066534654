// HTTP POST of a JSON body per notice, with a timeout per attempt and retries with capped exponential backoff
// (src/retry/retry.ts). A delivery that still fails is the caller's to keep for the next run.
import { retry, type RetrySettings, type Sleep } from '../../retry/retry.js';
import type { Notice } from '../state.js';
import { DeliveryError, type Notifier } from './notifier.js';

export interface WebhookOptions {
  url: string;
  /** Per attempt. */
  timeoutMs?: number;
  retry?: Partial<RetrySettings>;
  /** Injected by tests so backoff waits take no time. */
  sleep?: Sleep;
  fetch?: typeof fetch;
  /** The request body for a notice; default: the notice itself. */
  body?: (notice: Notice) => unknown;
  /** Name in reports, e.g. 'slack'. */
  kind?: string;
}

export const WEBHOOK_DEFAULTS = { timeoutMs: 10_000, retry: { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 5_000 } } as const;

class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    body: string,
  ) {
    super(`HTTP ${status}${body ? `: ${body.slice(0, 200)}` : ''}`);
  }
}

/** Worth another attempt: network failures, timeouts, 408, 429 and 5xx. Other 4xx mean the request itself is wrong. */
const retryable = (error: unknown): boolean => !(error instanceof HttpStatusError) || error.status === 408 || error.status === 429 || error.status >= 500;

const describe = (error: unknown): string => {
  if (error instanceof HttpStatusError) return error.message;
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
};

export class WebhookNotifier implements Notifier {
  readonly target: string;

  constructor(private readonly options: WebhookOptions) {
    // Webhook URLs often carry a token in the path: reports show only the origin.
    let origin: string;
    try {
      origin = new URL(options.url).origin;
    } catch {
      // Not even a malformed URL is shown: it may hold the token.
      throw new DeliveryError(`${options.kind ?? 'webhook'} URL of ${options.url.length} characters is not a URL`);
    }
    this.target = `${options.kind ?? 'webhook'} ${origin}`;
  }

  async send(notice: Notice): Promise<void> {
    const doFetch = this.options.fetch ?? fetch;
    const timeoutMs = this.options.timeoutMs ?? WEBHOOK_DEFAULTS.timeoutMs;
    const body = JSON.stringify(this.options.body ? this.options.body(notice) : notice);
    let attempts = 0;
    try {
      await retry(
        async (attempt) => {
          attempts = attempt;
          const response = await doFetch(this.options.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': notice.id },
            body,
            signal: AbortSignal.timeout(timeoutMs),
          });
          const text = await response.text().catch(() => '');
          if (!response.ok) throw new HttpStatusError(response.status, text);
        },
        { ...WEBHOOK_DEFAULTS.retry, ...this.options.retry, shouldRetry: retryable, sleep: this.options.sleep },
      );
    } catch (error) {
      throw new DeliveryError(`${this.target}: ${describe(error)} after ${attempts} attempt${attempts === 1 ? '' : 's'}`, {
        attempts,
        status: error instanceof HttpStatusError ? error.status : undefined,
        cause: error,
      });
    }
  }
}
