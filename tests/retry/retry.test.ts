import { describe, expect, it } from 'vitest';
import { abortableSleep, cappedExponentialDelay, fullJitterDelay, retry } from '../../src/retry/retry.js';

const settings = { baseDelayMs: 100, maxDelayMs: 1000 };

/** A sleep that returns at once and remembers what it was asked to wait. */
function recordingSleep() {
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  return { waits, sleep };
}

describe('backoff delays', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([0, 1, 2, 3, 4, 5].map((r) => cappedExponentialDelay(r, settings))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('does not overflow on very long runs', () => {
    expect(cappedExponentialDelay(10_000, settings)).toBe(1000);
  });

  it('full jitter draws uniformly below the ceiling', () => {
    expect(fullJitterDelay(2, settings, () => 0)).toBe(0);
    expect(fullJitterDelay(2, settings, () => 0.5)).toBe(200);
    expect(fullJitterDelay(9, settings, () => 0.999)).toBe(999);
  });
});

describe('retry', () => {
  it('returns the first success and waits jittered, growing delays between attempts', async () => {
    const { waits, sleep } = recordingSleep();
    let calls = 0;
    const result = await retry(
      async (attempt) => {
        calls++;
        if (attempt < 4) throw new Error(`fail ${attempt}`);
        return 'ok';
      },
      { ...settings, maxAttempts: 5, shouldRetry: () => true, sleep, random: () => 0.5 },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(4);
    expect(waits).toEqual([50, 100, 200]);
  });

  it('rethrows the last error when attempts run out', async () => {
    const { waits, sleep } = recordingSleep();
    let calls = 0;
    await expect(
      retry(
        async (attempt) => {
          calls++;
          throw new Error(`fail ${attempt}`);
        },
        { ...settings, maxAttempts: 3, shouldRetry: () => true, sleep },
      ),
    ).rejects.toThrow('fail 3');
    expect(calls).toBe(3);
    expect(waits).toHaveLength(2);
  });

  it('does not retry what shouldRetry refuses, and tells it which attempt failed', async () => {
    const seen: number[] = [];
    let calls = 0;
    await expect(
      retry(
        async () => {
          calls++;
          throw new Error('syntax error');
        },
        {
          maxAttempts: 5,
          sleep: recordingSleep().sleep,
          shouldRetry: (_error, attempt) => {
            seen.push(attempt);
            return false;
          },
        },
      ),
    ).rejects.toThrow('syntax error');
    expect(calls).toBe(1);
    expect(seen).toEqual([1]);
  });

  it('reports each retry before waiting', async () => {
    const events: Array<{ attempt: number; delayMs: number }> = [];
    await retry(
      async (attempt) => {
        if (attempt === 1) throw new Error('throttled');
        return attempt;
      },
      {
        ...settings,
        shouldRetry: () => true,
        sleep: recordingSleep().sleep,
        random: () => 0,
        onRetry: ({ attempt, delayMs }) => events.push({ attempt, delayMs }),
      },
    );
    expect(events).toEqual([{ attempt: 1, delayMs: 0 }]);
  });

  it('stops when the signal aborts during a wait, with the abort reason', async () => {
    const controller = new AbortController();
    let calls = 0;
    const promise = retry(
      async () => {
        calls++;
        throw new Error('throttled');
      },
      {
        ...settings,
        maxAttempts: 10,
        shouldRetry: () => true,
        signal: controller.signal,
        sleep: async () => controller.abort(new Error('user cancelled')),
      },
    );
    await expect(promise).rejects.toThrow('user cancelled');
    expect(calls).toBe(1);
  });

  it('does not start when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('already gone'));
    let calls = 0;
    await expect(
      retry(
        async () => {
          calls++;
          return 1;
        },
        { shouldRetry: () => true, signal: controller.signal },
      ),
    ).rejects.toThrow('already gone');
    expect(calls).toBe(0);
  });
});

describe('abortableSleep', () => {
  it('resolves after a zero wait', async () => {
    await expect(abortableSleep(0)).resolves.toBeUndefined();
  });

  it('rejects at once when aborted mid-wait', async () => {
    const controller = new AbortController();
    const sleeping = abortableSleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
  });
});
