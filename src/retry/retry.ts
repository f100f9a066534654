// Capped exponential backoff with full jitter, shared by engines, pipelines, alerts and notifiers.
// Sleep and randomness are injectable so callers' tests run instantly and deterministically.

export interface BackoffSettings {
  /** Delay ceiling of the first retry, in ms. */
  baseDelayMs: number;
  /** No delay ever exceeds this, in ms. */
  maxDelayMs: number;
}

export interface RetrySettings extends BackoffSettings {
  /** Total attempts, the first included (1 = never retry). */
  maxAttempts: number;
}

export const DEFAULT_RETRY: RetrySettings = { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 10_000 };

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryOptions extends Partial<RetrySettings> {
  /** Whether this failure is worth another attempt. `attempt` is the 1-based number of the attempt that failed. */
  shouldRetry: (error: unknown, attempt: number) => boolean;
  signal?: AbortSignal;
  sleep?: Sleep;
  /** Uniform in [0, 1); `Math.random` unless a test pins it. */
  random?: () => number;
  /** Told before each wait, e.g. to log or count retries. */
  onRetry?: (event: { error: unknown; attempt: number; delayMs: number }) => void;
}

/** min(cap, base · 2^retry), the ceiling before jitter; `retry` counts from 0. */
export function cappedExponentialDelay(retry: number, settings: BackoffSettings): number {
  // Clamp the exponent so 2^retry cannot overflow to Infinity on long polls.
  return Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.min(retry, 52));
}

/** "Full jitter": a uniform delay in [0, ceiling), which spreads competing clients out best (AWS architecture blog). */
export function fullJitterDelay(retry: number, settings: BackoffSettings, random: () => number = Math.random): number {
  return Math.floor(random() * cappedExponentialDelay(retry, settings));
}

/** A timer that resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export const abortableSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Runs `operation` until it succeeds, `shouldRetry` says no, or attempts run out; then rethrows the last error as is.
 * An abort stops waiting at once and rejects with the signal's reason.
 */
export async function retry<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const settings: RetrySettings = {
    maxAttempts: options.maxAttempts ?? DEFAULT_RETRY.maxAttempts,
    baseDelayMs: options.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs,
    maxDelayMs: options.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs,
  };
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      return await operation(attempt);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      if (attempt >= settings.maxAttempts || !options.shouldRetry(error, attempt)) throw error;
      const delayMs = fullJitterDelay(attempt - 1, settings, random);
      options.onRetry?.({ error, attempt, delayMs });
      await sleep(delayMs, options.signal);
    }
  }
}
