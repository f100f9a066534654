import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { JsonFileKeyValueStore } from '../../src/storage/kv-store/json-file.js';
import { nextFireTime, Scheduler, type SchedulerClock, type SchedulerEvent, type ScheduledJob } from '../../src/pipeline/scheduler.js';
import { parseSchedule } from '../../src/project/schedule.js';

/** Time moves only when the test says so; sleeps resolve when time reaches their end. */
class FakeClock implements SchedulerClock {
  private sleepers: Array<{ until: number; resolve: () => void; reject: (e: unknown) => void }> = [];
  constructor(private time: number) {}
  now = () => new Date(this.time);
  sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const sleeper = { until: this.time + ms, resolve, reject };
      this.sleepers.push(sleeper);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  set(iso: string) {
    this.time = Date.parse(iso);
    for (const s of this.sleepers.filter((s) => s.until <= this.time)) s.resolve();
    this.sleepers = this.sleepers.filter((s) => s.until > this.time);
  }
  get waiting() {
    return this.sleepers.length;
  }
}

const store = () => new JsonFileKeyValueStore(join(mkdtempSync(join(tmpdir(), 'sched-')), 'state.json'));
const iso = (d: Date) => d.toISOString();

function recordingJob(id: string, schedule: string, runs: string[]): ScheduledJob {
  return { id, schedule: parseSchedule(schedule), run: async (t) => void runs.push(`${id}@${iso(t)}`) };
}

describe('Scheduler', () => {
  it('runs a job at its cron times, in UTC, once per fire time', async () => {
    const clock = new FakeClock(Date.parse('2025-03-10T00:30:00Z'));
    const runs: string[] = [];
    const scheduler = new Scheduler({ jobs: [recordingJob('alert:p1', 'cron(0 * * * ? *)', runs)], state: store(), clock });
    await scheduler.tick(); // first start: nothing from the past
    clock.set('2025-03-10T00:59:59Z');
    await scheduler.tick();
    expect(runs).toEqual([]);
    clock.set('2025-03-10T01:00:00Z');
    await scheduler.tick();
    await scheduler.tick();
    expect(runs).toEqual(['alert:p1@2025-03-10T01:00:00.000Z']);
  });

  it('catches up missed fire times after a restart, up to the limit, and reports the rest', async () => {
    const state = store();
    const clock = new FakeClock(Date.parse('2025-03-10T00:30:00Z'));
    const runs: string[] = [];
    const events: SchedulerEvent[] = [];
    await new Scheduler({ jobs: [recordingJob('job', '0 * * * *', runs)], state, clock }).tick();
    clock.set('2025-03-10T01:00:00Z');
    await new Scheduler({ jobs: [recordingJob('job', '0 * * * *', runs)], state, clock }).tick();
    // Down from 01:00 until 07:20: 02:00 … 07:00 were missed (6 fire times).
    clock.set('2025-03-10T07:20:00Z');
    const restarted = new Scheduler({ jobs: [recordingJob('job', '0 * * * *', runs)], state, clock, catchUpLimit: 2, onEvent: (e) => events.push(e) });
    await restarted.tick();
    expect(runs).toEqual(['job@2025-03-10T01:00:00.000Z', 'job@2025-03-10T05:00:00.000Z', 'job@2025-03-10T06:00:00.000Z', 'job@2025-03-10T07:00:00.000Z']);
    expect(events.find((e) => e.type === 'missed-skipped')).toEqual({
      type: 'missed-skipped',
      jobId: 'job',
      count: 3,
      first: new Date('2025-03-10T02:00:00Z'),
      last: new Date('2025-03-10T04:00:00Z'),
    });
    expect(events.filter((e) => e.type === 'run-started').map((e) => (e as { catchUp: boolean }).catchUp)).toEqual([true, true, false]);
  });

  it('never runs two instances of one job at once, in one process', async () => {
    const clock = new FakeClock(Date.parse('2025-03-10T00:00:30Z'));
    let active = 0;
    let maxActive = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const runs: string[] = [];
    const job: ScheduledJob = {
      id: 'slow',
      schedule: parseSchedule('rate(1 minute)'),
      run: async (t) => {
        active++;
        maxActive = Math.max(maxActive, active);
        runs.push(iso(t));
        await gate;
        active--;
      },
    };
    const scheduler = new Scheduler({ jobs: [job], state: store(), clock });
    await scheduler.tick();
    clock.set('2025-03-10T00:01:00Z');
    const first = scheduler.tick();
    // Let the first run start (it reads and writes the state file first); bounded, generous for busy CI machines.
    for (let i = 0; i < 2000 && runs.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    clock.set('2025-03-10T00:02:00Z');
    await scheduler.tick(); // not started twice: still running
    expect(runs).toEqual(['2025-03-10T00:01:00.000Z']);
    release();
    await first; // the running job looks again when it ends: the 00:02 fire time runs then
    await scheduler.tick();
    expect(runs).toEqual(['2025-03-10T00:01:00.000Z', '2025-03-10T00:02:00.000Z']);
    expect(maxActive).toBe(1);
  });

  it('leaves a job to the process holding its lease, and takes over once the lease expires', async () => {
    const state = store();
    const clock = new FakeClock(Date.parse('2025-03-10T00:30:00Z'));
    const runs: string[] = [];
    const events: SchedulerEvent[] = [];
    const a = new Scheduler({ jobs: [recordingJob('job', '0 * * * *', runs)], state, clock, owner: 'A', leaseMs: 600_000 });
    const b = new Scheduler({ jobs: [recordingJob('job', '0 * * * *', runs)], state, clock, owner: 'B', onEvent: (e) => events.push(e) });
    await a.tick();
    clock.set('2025-03-10T01:00:00Z');
    // A crashed holding the lease (taken by hand here, as A would mid-run).
    await state.put('scheduler-lease/job', { owner: 'A', expiresAt: '2025-03-10T01:10:00.000Z' });
    await b.tick();
    expect(runs).toEqual([]);
    expect(events).toContainEqual({ type: 'busy', jobId: 'job', owner: 'A' });
    clock.set('2025-03-10T01:10:01Z');
    await b.tick();
    expect(runs).toEqual(['job@2025-03-10T01:00:00.000Z']);
  });

  it('reports a failed run and moves on', async () => {
    const clock = new FakeClock(Date.parse('2025-03-10T00:30:00Z'));
    const events: SchedulerEvent[] = [];
    const job: ScheduledJob = {
      id: 'boom',
      schedule: parseSchedule('rate(1 hour)'),
      run: async () => {
        throw new Error('query failed');
      },
    };
    const scheduler = new Scheduler({ jobs: [job], state: store(), clock, onEvent: (e) => events.push(e) });
    await scheduler.tick();
    clock.set('2025-03-10T02:00:00Z');
    await scheduler.tick();
    expect(events.filter((e) => e.type === 'run-failed')).toEqual([
      { type: 'run-failed', jobId: 'boom', fireTime: new Date('2025-03-10T01:00:00Z'), error: 'query failed' },
      { type: 'run-failed', jobId: 'boom', fireTime: new Date('2025-03-10T02:00:00Z'), error: 'query failed' },
    ]);
    clock.set('2025-03-10T02:30:00Z');
    events.length = 0;
    await scheduler.tick();
    expect(events).toEqual([]);
  });

  it('sleeps until the next fire time of any job and runs it when the clock gets there', async () => {
    const clock = new FakeClock(Date.parse('2025-03-10T00:30:00Z'));
    const runs: string[] = [];
    const events: SchedulerEvent[] = [];
    const scheduler = new Scheduler({
      jobs: [recordingJob('hourly', 'rate(1 hour)', runs), recordingJob('daily', 'cron(0 2 * * ? *)', runs)],
      state: store(),
      clock,
      onEvent: (e) => events.push(e),
    });
    const stop = new AbortController();
    const loop = scheduler.run(stop.signal);
    // The loop runs on real promises while the clock is fake: wait (generously, CI machines are busy) for each state.
    const until = async (done: () => boolean) => {
      for (let i = 0; i < 2000 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
      expect(done()).toBe(true);
    };
    const sleepingUntil = (iso: string) => () => events.some((e) => e.type === 'sleeping' && e.until.toISOString() === iso) && clock.waiting > 0;
    await until(() => events.filter((e) => e.type === 'first-start').length === 2);
    await until(sleepingUntil('2025-03-10T01:00:00.000Z'));
    clock.set('2025-03-10T01:00:00Z');
    await until(() => runs.length >= 1);
    await until(sleepingUntil('2025-03-10T02:00:00.000Z'));
    clock.set('2025-03-10T02:00:00Z');
    await until(() => runs.length >= 3);
    stop.abort();
    await loop;
    expect(runs.sort()).toEqual(['daily@2025-03-10T02:00:00.000Z', 'hourly@2025-03-10T01:00:00.000Z', 'hourly@2025-03-10T02:00:00.000Z']);
  });

  it('finds the next fire time of rates and crons', () => {
    const after = new Date('2025-03-10T00:30:00Z');
    expect(iso(nextFireTime(parseSchedule('rate(15 minutes)'), after)!)).toBe('2025-03-10T00:45:00.000Z');
    expect(iso(nextFireTime(parseSchedule('cron(0 2 ? * 2 *)'), after)!)).toBe('2025-03-10T02:00:00.000Z'); // a Monday
  });
});
