// The local scheduler behind `lake schedule`: runs jobs (transforms, alerts) at their schedule's fire times, in UTC.
// - Catch-up: each job's last completed fire time is persisted in a KeyValueStore; after a restart the missed fire
//   times run oldest first, at most `catchUpLimit` of them (the most recent), the rest reported as skipped.
// - No overlap: a job never runs twice at once, in this process (in-flight set) or across processes (a lease item in
//   the store, taken with a conditional put).
// - A first start with no state runs nothing from the past: the job's history starts now.
// The clock is injected so tests drive time by hand. The same schedule expressions become EventBridge rules on AWS.
import { randomUUID } from 'node:crypto';
import { updateKey, type KeyValueStore } from '../storage/kv-store/key-value-store.js';
import { abortableSleep } from '../retry/retry.js';
import { fireTimesBetween, type Schedule } from '../project/schedule.js';

export interface ScheduledJob {
  /** Stable id: `alert:p1_negative_interactions`, `model:analytics.daily_kpis`. */
  id: string;
  schedule: Schedule;
  /**
   * Runs the job for one fire time; a rejection is reported, and the fire time counts as done. `catchUp`: a missed
   * fire time before the latest one (alerts apply it to their state without sending: notices speak about now).
   */
  run(fireTime: Date, signal: AbortSignal, info: { catchUp: boolean }): Promise<void>;
}

export interface SchedulerClock {
  now(): Date;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const systemClock: SchedulerClock = { now: () => new Date(), sleep: abortableSleep };

export type SchedulerEvent =
  | { type: 'run-started'; jobId: string; fireTime: Date; catchUp: boolean }
  | { type: 'run-finished'; jobId: string; fireTime: Date }
  | { type: 'run-failed'; jobId: string; fireTime: Date; error: string }
  | { type: 'missed-skipped'; jobId: string; count: number; first: Date; last: Date }
  | { type: 'busy'; jobId: string; owner: string }
  | { type: 'first-start'; jobId: string; at: Date }
  | { type: 'sleeping'; until: Date };

export interface SchedulerOptions {
  jobs: readonly ScheduledJob[];
  state: KeyValueStore;
  clock?: SchedulerClock;
  /** Missed fire times run after a restart, at most (default 3). 0 skips every missed one. */
  catchUpLimit?: number;
  /** How long another process trusts a lease before taking over (a crashed holder never releases it). */
  leaseMs?: number;
  /** Identifies this process in leases. */
  owner?: string;
  onEvent?: (event: SchedulerEvent) => void;
}

type JobMark = { lastFireTime: string };
type Lease = { owner: string | null; expiresAt: string };

/** Cap on fire times enumerated when counting missed ones (a 1-minute rate down for 2 months). */
const MAX_ENUMERATED = 100_000;
const YEAR_MS = 366 * 86_400_000;

/** The first fire time strictly after `after`. */
export function nextFireTime(schedule: Schedule, after: Date): Date | undefined {
  return fireTimesBetween(schedule, after, new Date(after.getTime() + YEAR_MS), 1)[0];
}

export class Scheduler {
  private readonly clock: SchedulerClock;
  private readonly catchUpLimit: number;
  private readonly leaseMs: number;
  private readonly owner: string;
  private readonly running = new Map<string, Promise<void>>();
  /** Jobs a tick found running: they look for due fire times again as soon as that run ends. */
  private readonly recheck = new Set<string>();

  constructor(private readonly options: SchedulerOptions) {
    this.clock = options.clock ?? systemClock;
    this.catchUpLimit = options.catchUpLimit ?? 3;
    this.leaseMs = options.leaseMs ?? 3_600_000;
    this.owner = options.owner ?? `pid ${process.pid} ${randomUUID().slice(0, 8)}`;
    const ids = new Set<string>();
    for (const job of options.jobs) {
      if (ids.has(job.id)) throw new Error(`two scheduled jobs have the id '${job.id}'`);
      ids.add(job.id);
    }
  }

  /**
   * Starts every job that has due fire times and is not running; resolves when the runs it started have finished.
   * A job still running from an earlier tick is not started twice: it looks for due fire times again when its run
   * ends, so a fire time that came due just as that run was finishing is not left to the next wake.
   */
  async tick(signal: AbortSignal = new AbortController().signal): Promise<void> {
    const started: Promise<void>[] = [];
    for (const job of this.options.jobs) {
      if (this.running.has(job.id)) {
        this.recheck.add(job.id);
        continue;
      }
      const work = (async () => {
        do {
          this.recheck.delete(job.id);
          await this.runDue(job, signal);
        } while (this.recheck.has(job.id) && !signal.aborted);
      })().finally(() => this.running.delete(job.id));
      this.running.set(job.id, work);
      started.push(work);
    }
    await Promise.all(started);
  }

  /** The earliest next fire time over all jobs. */
  nextWake(): Date | undefined {
    const now = this.clock.now();
    const times = this.options.jobs.map((j) => nextFireTime(j.schedule, now)).filter((t): t is Date => t !== undefined);
    return times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : undefined;
  }

  /** Ticks at every fire time until `signal` aborts; then waits for runs in flight. */
  async run(signal: AbortSignal): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    while (!signal.aborted) {
      const work = this.tick(signal);
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
      const wake = this.nextWake();
      if (!wake) break;
      this.emit({ type: 'sleeping', until: wake });
      try {
        await this.clock.sleep(Math.max(0, wake.getTime() - this.clock.now().getTime()), signal);
      } catch {
        break; // aborted
      }
    }
    await Promise.allSettled([...inFlight]);
  }

  private emit(event: SchedulerEvent): void {
    this.options.onEvent?.(event);
  }

  private async runDue(job: ScheduledJob, signal: AbortSignal): Promise<void> {
    const markKey = `scheduler/${job.id}`;
    const tickTime = this.clock.now();
    let lastFireTime = (await this.options.state.get<JobMark>(markKey))?.value.lastFireTime;
    if (lastFireTime === undefined) {
      lastFireTime = tickTime.toISOString();
      await this.options.state.putIf(markKey, { lastFireTime } satisfies JobMark, undefined);
      this.emit({ type: 'first-start', jobId: job.id, at: tickTime });
    }
    if (fireTimesBetween(job.schedule, new Date(lastFireTime), this.clock.now(), 1).length === 0) return;
    if (!(await this.acquireLease(job.id))) return;
    try {
      // Fire times that come due while a run is going are picked up here, not left to the next wake.
      for (let catchUp = true; !signal.aborted; catchUp = false) {
        const last = (await this.options.state.get<JobMark>(markKey))?.value.lastFireTime ?? lastFireTime;
        const missed = fireTimesBetween(job.schedule, new Date(last), this.clock.now(), MAX_ENUMERATED);
        if (missed.length === 0) return;
        // The latest fire time is the on-time one; earlier ones are catch-up, at most `catchUpLimit` (the most recent).
        const keep = catchUp ? missed.slice(Math.max(0, missed.length - 1 - this.catchUpLimit)) : missed;
        const skipped = missed.slice(0, missed.length - keep.length);
        if (skipped.length > 0) {
          this.emit({ type: 'missed-skipped', jobId: job.id, count: skipped.length, first: skipped[0], last: skipped[skipped.length - 1] });
        }
        for (const [i, fireTime] of keep.entries()) {
          if (signal.aborted) return;
          const catchUp = i < keep.length - 1;
          this.emit({ type: 'run-started', jobId: job.id, fireTime, catchUp });
          try {
            await job.run(fireTime, signal, { catchUp });
            this.emit({ type: 'run-finished', jobId: job.id, fireTime });
          } catch (error) {
            this.emit({ type: 'run-failed', jobId: job.id, fireTime, error: error instanceof Error ? error.message : String(error) });
          }
          // Marked after the run: a crash mid-run repeats that fire time on restart rather than losing it.
          await this.options.state.put(markKey, { lastFireTime: fireTime.toISOString() } satisfies JobMark);
          await this.renewLease(job.id);
        }
      }
    } finally {
      await this.releaseLease(job.id);
    }
  }

  private async acquireLease(jobId: string): Promise<boolean> {
    const key = `scheduler-lease/${jobId}`;
    const now = this.clock.now().getTime();
    const current = await this.options.state.get<Lease>(key);
    const held = current?.value.owner && current.value.owner !== this.owner && Date.parse(current.value.expiresAt) > now;
    if (held) {
      this.emit({ type: 'busy', jobId, owner: current.value.owner! });
      return false;
    }
    const lease: Lease = { owner: this.owner, expiresAt: new Date(now + this.leaseMs).toISOString() };
    const won = (await this.options.state.putIf(key, lease, current?.version)) !== undefined;
    if (!won) this.emit({ type: 'busy', jobId, owner: 'another process' });
    return won;
  }

  private async renewLease(jobId: string): Promise<void> {
    const expiresAt = new Date(this.clock.now().getTime() + this.leaseMs).toISOString();
    await updateKey<Lease>(this.options.state, `scheduler-lease/${jobId}`, (lease) =>
      lease?.owner === this.owner ? { owner: this.owner, expiresAt } : (lease ?? { owner: null, expiresAt }),
    );
  }

  private async releaseLease(jobId: string): Promise<void> {
    await updateKey<Lease>(this.options.state, `scheduler-lease/${jobId}`, (lease) =>
      lease?.owner === this.owner ? { owner: null, expiresAt: lease.expiresAt } : (lease ?? { owner: null, expiresAt: new Date(0).toISOString() }),
    );
  }
}
