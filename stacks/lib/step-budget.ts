// How long a state machine may run at worst, from its steps' timeouts and retry policies: the execution timeout must
// cover it, because an execution that times out fails with States.Timeout, which no Catch handles (no alert, lock
// kept). Step Functions retries a task up to MaxAttempts times per matching retrier, waiting IntervalSeconds ×
// BackoffRate^n before retry n.

export interface RetryPolicy {
  maxAttempts: number;
  intervalSeconds: number;
  backoffRate: number;
}

/** A task's worst case: every attempt runs to its timeout, with every retry's wait in between. */
export function taskBudgetSeconds(timeoutSeconds: number, retries: RetryPolicy[]): number {
  const attempts = 1 + retries.reduce((n, r) => n + r.maxAttempts, 0);
  const waits = retries.reduce(
    (total, r) => total + Array.from({ length: r.maxAttempts }, (_, n) => r.intervalSeconds * r.backoffRate ** n).reduce((a, b) => a + b, 0),
    0,
  );
  return attempts * timeoutSeconds + waits;
}
