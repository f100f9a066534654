// How local engines share one lake's catalog file (<lake>/.duckdb/catalog.duckdb) between processes. DuckDB locks a
// database file for the whole time it is attached: read-write attaches exclude everyone, read-only attaches exclude
// only writers. So the catalog is attached for one statement at a time and detached after it; a process that sits idle
// (`lake dashboard serve`, `lake schedule` between fire times) holds nothing.
// - A statement that only reads attaches read-only: readers never block each other, and a read-only lake answers.
// - A statement that writes takes the lake's writer lock first (<lake>/.duckdb/writer.lock, the project's lock file with
//   owner, heartbeat and stale bound), so writers run one at a time; `lake run` holds it for the whole run
//   (`exclusive`) so two runs never interleave. A reader that finds the catalog being written waits for that statement.
// Every wait is announced once, naming who is waited for, and ends after `waitMs` with a LakeBusyError (exit 1).
// What a statement read from the catalog (databases, table descriptions) is kept for the next one only while no other
// process can have changed the file since: under this process's writer lock (`exclusive`), while this process keeps
// the file attached read-only between statements (`shared`: no writer can attach it meanwhile), or for an in-memory
// catalog. Every other statement starts by forgetting it (LakeCatalog.forget).
// Under the writer lock (`exclusive`: a whole `lake run`), the file stays attached read-write from one statement to the
// next instead (a DETACH of a written file is a checkpoint, ~4 ms of CPU and an fsync, and a run makes ~170 of them),
// and is handed back at once when a reader waits: a reader of another process that meets the lock leaves a file in
// <lake>/.duckdb/readers-waiting/ for as long as it waits, and the writer detaches after the statement under way; a
// reader of this process (another engine on the same lake, which DuckDB's per-process file lock does not stop) asks
// the holder directly. A writer idle between statements looks for waiting readers every HOLD_IDLE_MS and detaches for
// one, so a waiting reader waits at most one statement or that long, as before.
// Hive tables' views are refreshed by writers before and after each statement. A reader that still finds one stale
// (files landed by `lake ingest`) refreshes it under the writer lock when it is free, or else reads a private in-memory
// copy of the catalog with fresh views; it never writes in a lake it cannot write to.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { EngineError } from '../engine.js';
import { describeOwner, FileLock, LockError, type HeldLock, type LockOwner } from '../../storage/file-lock.js';
import { assertInsideLake, OutsideLakeError } from '../../storage/lake-confinement.js';
import { CATALOG, type LakeCatalog } from './catalog.js';
import { lakeCatalogPath } from '../duckdb/connection.js';

export interface CatalogAccessOptions {
  lakeRoot: string;
  /** A throw-away catalog in memory, attached for the whole session (tests, scratch engines). */
  inMemory?: boolean;
  /** Who this is, written into the writer lock for those who wait: `lake run`. */
  command?: string;
  /** Give up waiting for another process after this long (default 120 s). */
  waitMs?: number;
  /** Told once per wait whom this process waits for. */
  onWait?: (message: string) => void;
  /** Under `exclusive`, how often the catalog held between statements looks for a waiting reader to detach for (HOLD_IDLE_MS). */
  holdIdleMs?: number;
}

/** Another process kept the lake busy for longer than the wait bound: a user-facing error (exit 1). */
export class LakeBusyError extends EngineError {
  override readonly name: string = 'LakeBusyError';
  constructor(message: string) {
    super(message, { retryable: false, code: 'LAKE_BUSY' });
  }
}

export const writerLockPath = (lakeRoot: string): string => join(lakeRoot, '.duckdb', 'writer.lock');
/** Where readers that find the catalog attached by a writer say so, one file each, while they wait. */
export const readersWaitingPath = (lakeRoot: string): string => join(lakeRoot, '.duckdb', 'readers-waiting');

/** A writer holding the catalog between statements looks this often, while idle, for a reader waiting for it. */
export const HOLD_IDLE_MS = 100;

/** The catalog files this process holds attached read-write between statements, by path, and who holds each. */
const heldInProcess = new Map<string, CatalogAccess>();

function readersWaiting(lakeRoot: string): boolean {
  try {
    return readdirSync(readersWaitingPath(lakeRoot)).length > 0;
  } catch {
    return false;
  }
}

/** A writer lock left by a process that no longer beats for this long is stale (a live holder beats every 15 s). */
const WRITER_STALE_MS = 60_000;
/** A conflict shorter than this (one statement of another process) is waited out silently. */
const QUIET_WAIT_MS = 1_000;
const FILE_ALIAS = '__lake_catalog_file';

const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
/** DuckDB: `Could not set lock on file "…": Conflicting lock is held in /usr/bin/node (PID 123)`. */
const lockConflictPid = (error: unknown): number | undefined => {
  const message = messageOf(error);
  if (!message.includes('Could not set lock on file')) return undefined;
  return Number(/\(PID (\d+)\)/.exec(message)?.[1] ?? 0);
};

export class CatalogAccess {
  private readonly writerLock: FileLock;
  private readonly catalogPath: string;
  private readonly waitMs: number;
  private writer: HeldLock | undefined;
  private exclusiveDepth = 0;
  /** Inside `shared`: whether the catalog stays attached read-only from one statement to the next. */
  private sharing: { depth: number; attached: boolean } | undefined;
  private attached = false;
  private attachments = 0;
  /** Under the writer lock: the catalog stays attached read-write between statements (see the file's comment). */
  private holding = false;
  /** A statement of this access is under way. */
  private busy = false;
  /** Another engine of this process asked for the file: detach after the statement under way. */
  private handBackWanted = false;
  private idleRelease: ReturnType<typeof setTimeout> | undefined;
  private releasing: Promise<void> | undefined;

  constructor(
    private readonly connection: DuckDBConnection,
    private readonly catalog: LakeCatalog,
    private readonly options: CatalogAccessOptions,
  ) {
    this.catalogPath = lakeCatalogPath(options.lakeRoot);
    this.waitMs = options.waitMs ?? 120_000;
    this.writerLock = new FileLock(writerLockPath(options.lakeRoot), {
      staleAfterMs: WRITER_STALE_MS,
      heartbeatMs: WRITER_STALE_MS / 4,
      command: options.command ?? 'lake',
    });
  }

  /**
   * Which attachment of the catalog is current: it changes with every ATTACH, and a session setting made while one
   * attachment lasts (the engine's `USE`) holds until the next.
   */
  get attachment(): number {
    return this.attachments;
  }

  /**
   * Whether what the catalog read is still its content with no statement attaching it: while this process holds the
   * writer lock (no other process can change the file) or the catalog is in memory.
   */
  get snapshotHolds(): boolean {
    return this.options.inMemory === true || this.writer !== undefined;
  }

  private markAttached(): void {
    this.attached = true;
    this.attachments++;
  }

  /** Attaches the in-memory catalog of an `inMemory` session once; file catalogs are attached per statement. */
  async open(): Promise<void> {
    if (!this.options.inMemory) return;
    await this.connection.run(`ATTACH ':memory:' AS ${CATALOG}`);
    await this.catalog.ensure();
    this.markAttached();
  }

  /** Holds the writer lock while `work` runs, so no other process writes in between (a whole `lake run`). */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.options.inMemory) return work();
    if (this.exclusiveDepth === 0) this.writer = await this.takeWriterLock();
    this.exclusiveDepth++;
    try {
      return await work();
    } finally {
      this.exclusiveDepth--;
      if (this.exclusiveDepth === 0) {
        try {
          await this.releaseHold();
        } finally {
          await this.releaseWriter();
        }
      }
    }
  }

  /**
   * Runs `work`, a series of reading statements (`lake test`'s contract checks), with the catalog attached read-only
   * once for all of them instead of once per statement, and what they read from it kept: while the file is attached
   * read-only here, no other process can attach it to write. A writer is not kept waiting for the series: once the
   * writer lock is taken (a writer takes it before attaching), each statement attaches and detaches on its own again.
   */
  async shared<T>(work: () => Promise<T>): Promise<T> {
    if (this.options.inMemory || this.writer) return work();
    this.sharing ??= { depth: 0, attached: false };
    this.sharing.depth++;
    try {
      return await work();
    } finally {
      this.sharing.depth--;
      if (this.sharing.depth === 0) {
        await this.stopSharing();
        this.sharing = undefined;
      }
    }
  }

  /** Runs one statement's `work` with the catalog attached as `awsdatacatalog`, read-only unless it writes. */
  async statement<T>(mode: 'read' | 'write', work: () => Promise<T>): Promise<T> {
    if (this.options.inMemory) {
      await this.catalog.refreshViews();
      return work();
    }
    this.cancelIdleRelease();
    if (this.releasing) await this.releasing;
    // Another engine of this process holding the file between its statements gives it back first.
    const holder = heldInProcess.get(this.catalogPath);
    if (holder && holder !== this) await holder.handBack();
    this.busy = true;
    try {
      if (mode === 'write' || this.writer) {
        await this.stopSharing();
        return await this.writing(work);
      }
      if (this.sharing) return await this.sharedReading(work);
      return await this.reading(work);
    } finally {
      this.busy = false;
    }
  }

  async close(): Promise<void> {
    this.cancelIdleRelease();
    if (this.releasing) await this.releasing;
    this.holding = false;
    if (heldInProcess.get(this.catalogPath) === this) heldInProcess.delete(this.catalogPath);
    if (this.attached && !this.options.inMemory) await this.detach(CATALOG);
    if (this.sharing) this.sharing.attached = false;
    await this.releaseWriter();
  }

  /** A reading statement inside `shared`: on the attachment kept from the statement before, when that is safe. */
  private async sharedReading<T>(work: () => Promise<T>): Promise<T> {
    const sharing = this.sharing!;
    // A writer waits for the file: let it in (and see what it wrote) by going back to one attachment per statement.
    if (existsSync(writerLockPath(this.options.lakeRoot)) || !existsSync(this.catalogPath)) {
      await this.stopSharing();
      return this.reading(work);
    }
    if (!sharing.attached) {
      this.catalog.forget();
      await this.attach(this.catalogPath, CATALOG, 'read');
      sharing.attached = true;
    }
    // Files may have landed since the statement before (`lake ingest`): a stale view is handled as reading() does.
    let stale: boolean;
    try {
      stale = await this.catalog.hasStaleViews();
    } catch (error) {
      await this.stopSharing();
      throw error;
    }
    if (stale) {
      await this.stopSharing();
      return this.reading(work);
    }
    return work();
  }

  /** Detaches the attachment `shared` kept, if any. */
  private async stopSharing(): Promise<void> {
    if (!this.sharing?.attached) return;
    this.sharing.attached = false;
    await this.detach(CATALOG);
  }

  private async writing<T>(work: () => Promise<T>): Promise<T> {
    const own = !this.writer;
    if (own) this.writer = await this.takeWriterLock();
    try {
      if (!this.holding) await this.attach(this.catalogPath, CATALOG, 'write');
      let failed = true;
      try {
        await this.catalog.ensure();
        await this.catalog.refreshViews();
        const result = await work();
        // Files this statement wrote are visible to readers at once, without a reader having to write.
        await this.catalog.refreshViews();
        failed = false;
        return result;
      } finally {
        // Kept for the next statement only under `exclusive`, after a statement that went through, and while no reader waits.
        if (own || failed || this.handBackWanted || readersWaiting(this.options.lakeRoot)) await this.releaseHold(true);
        else this.hold();
      }
    } finally {
      if (own) await this.releaseWriter();
    }
  }

  private hold(): void {
    this.holding = true;
    heldInProcess.set(this.catalogPath, this);
    this.awaitIdleReader();
  }

  /**
   * While the run is idle between statements, looks every HOLD_IDLE_MS for a reader of another process waiting
   * (readers-waiting/) and detaches for it. Nobody waiting, the file stays attached: a detach is a checkpoint, and the
   * next statement's attach reads the catalog again (`npm start`'s serving step, JavaScript between its statements for
   * longer than that on a loaded machine, made ~7 of each per run). Engines of this process ask through handBack.
   */
  private awaitIdleReader(): void {
    this.idleRelease = setTimeout(() => {
      this.idleRelease = undefined;
      if (!readersWaiting(this.options.lakeRoot)) return this.awaitIdleReader();
      // A detach that fails leaves the attachment held: the next statement uses it, or close() tries again.
      this.releasing = this.releaseHold()
        .catch(() => undefined)
        .finally(() => {
          this.releasing = undefined;
        });
    }, this.options.holdIdleMs ?? HOLD_IDLE_MS);
    this.idleRelease.unref();
  }

  private cancelIdleRelease(): void {
    if (this.idleRelease) clearTimeout(this.idleRelease);
    this.idleRelease = undefined;
  }

  /** Detaches the catalog held between statements (`attached`: also when it was attached for this statement only). */
  private async releaseHold(attached = false): Promise<void> {
    this.cancelIdleRelease();
    this.handBackWanted = false;
    if (heldInProcess.get(this.catalogPath) === this) heldInProcess.delete(this.catalogPath);
    if (!this.holding && !attached) return;
    this.holding = false;
    await this.detach(CATALOG);
  }

  /** Another engine of this process wants the file: detach now, or after the statement under way. */
  private async handBack(): Promise<void> {
    if (!this.busy) {
      if (this.releasing) await this.releasing;
      else await this.releaseHold();
      return;
    }
    this.handBackWanted = true;
    while (this.holding || this.busy) await pause(1);
  }

  private async reading<T>(work: () => Promise<T>): Promise<T> {
    this.catalog.forget(); // another process may have written since the last statement
    if (!existsSync(this.catalogPath)) {
      // A lake nothing was ever written to: an empty catalog, and nothing created on disk by a reader.
      return this.withPrivateCopy(undefined, work);
    }
    await this.attach(this.catalogPath, CATALOG, 'read');
    let fresh: boolean;
    try {
      fresh = !(await this.catalog.hasStaleViews());
    } catch (error) {
      await this.detach(CATALOG);
      throw error;
    }
    if (!fresh) {
      await this.detach(CATALOG);
      fresh = await this.refreshStaleViews();
      if (!fresh) return this.withPrivateCopy(this.catalogPath, work);
      await this.attach(this.catalogPath, CATALOG, 'read');
    }
    try {
      return await work();
    } finally {
      await this.detach(CATALOG);
    }
  }

  /** Brings stale views up to date when the writer lock is free and the lake writable; false otherwise. */
  private async refreshStaleViews(): Promise<boolean> {
    let lock: HeldLock;
    try {
      this.assertCatalogInLake();
      const attempt = await this.writerLock.tryAcquire();
      if (!attempt.acquired) return false;
      lock = attempt.lock;
    } catch (error) {
      if (error instanceof LockError || error instanceof OutsideLakeError) return false; // a read-only lake, or one to leave alone
      throw error;
    }
    try {
      // One attempt: when other readers hold the file, reading a private copy beats waiting for all of them.
      await this.attach(this.catalogPath, CATALOG, 'write', 0);
      try {
        await this.catalog.refreshViews();
      } finally {
        await this.detach(CATALOG);
      }
      this.catalog.forget();
      return true;
    } catch (error) {
      if (lockConflictPid(error) !== undefined || error instanceof LakeBusyError) return false;
      if (/permission denied|read-only file system/i.test(messageOf(error))) return false;
      throw error;
    } finally {
      await lock.release();
    }
  }

  /** Runs `work` on an in-memory copy of the catalog (fresh views, nothing written to the lake). */
  private async withPrivateCopy<T>(path: string | undefined, work: () => Promise<T>): Promise<T> {
    await this.connection.run(`ATTACH ':memory:' AS ${CATALOG}`);
    this.markAttached();
    this.catalog.forget();
    try {
      if (path) {
        await this.attach(path, FILE_ALIAS, 'read');
        try {
          await this.connection.run(`COPY FROM DATABASE ${FILE_ALIAS} TO ${CATALOG}`);
        } finally {
          await this.detach(FILE_ALIAS);
        }
      }
      await this.catalog.ensure();
      await this.catalog.refreshViews();
      return await work();
    } finally {
      await this.detach(CATALOG);
      this.catalog.forget(); // the copy is not the file
    }
  }

  /** DuckDB's sandbox compares path strings: a `.duckdb` linked out of the lake would carry the catalog with it. */
  private assertCatalogInLake(): void {
    assertInsideLake(this.options.lakeRoot, this.catalogPath);
  }

  /** Takes the writer lock; what was read from the catalog before may be stale (another writer held it). */
  private async takeWriterLock(): Promise<HeldLock> {
    this.assertCatalogInLake();
    try {
      const lock = await this.writerLock.acquire({
        timeoutMs: this.waitMs,
        onWait: (holder) => this.tell(`waiting for ${describeOwner(holder)} to finish writing to the lake ${this.options.lakeRoot} …`),
      });
      this.catalog.forget();
      return lock;
    } catch (error) {
      if (error instanceof LockError) throw new LakeBusyError(`cannot write to the lake: ${error.message}`);
      throw error;
    }
  }

  private async releaseWriter(): Promise<void> {
    const held = this.writer;
    this.writer = undefined;
    await held?.release();
  }

  /** ATTACH, waiting out another process's statement (DuckDB's own file lock) up to the bound. */
  private async attach(path: string, alias: string, mode: 'read' | 'write', waitMs = this.waitMs): Promise<void> {
    const sql = `ATTACH ${sqlString(path)} AS ${alias}${mode === 'read' ? ' (READ_ONLY)' : ''}`;
    const started = Date.now();
    let told = false;
    let waiting: string | undefined;
    try {
      for (;;) {
        try {
          await this.connection.run(sql);
          if (alias === CATALOG) this.markAttached();
          return;
        } catch (error) {
          const pid = lockConflictPid(error);
          if (pid === undefined) throw error;
          const waited = Date.now() - started;
          if (waited >= waitMs) {
            throw new LakeBusyError(
              `gave up after ${Math.round(waitMs / 1000)} s waiting for ${await this.describePid(pid)} to finish with the lake catalog ${path}`,
            );
          }
          if (!told && waited >= QUIET_WAIT_MS) {
            told = true;
            this.tell(`waiting for ${await this.describePid(pid)} to finish ${mode === 'read' ? 'writing to' : 'reading'} the lake catalog …`);
          }
          // A writer holding the file between statements hands it back when it sees a reader waiting.
          if (mode === 'read' && waiting === undefined) waiting = this.announceWaitingReader();
          await pause(5 + Math.random() * 20);
        }
      }
    } finally {
      if (waiting) rmSync(waiting, { force: true });
    }
  }

  /** Leaves this reader's file in readers-waiting/ (undefined when it cannot: the lake is read-only, and no writer holds it then). */
  private announceWaitingReader(): string | undefined {
    try {
      const dir = readersWaitingPath(this.options.lakeRoot);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${process.pid}-${Math.random().toString(36).slice(2)}`);
      writeFileSync(file, '');
      return file;
    } catch {
      return undefined;
    }
  }

  private async detach(alias: string): Promise<void> {
    // The session's default database cannot be detached: step back to the in-memory one first.
    await this.connection.run('USE memory');
    await this.connection.run(`DETACH DATABASE IF EXISTS ${alias}`);
    if (alias === CATALOG) this.attached = false;
  }

  /** The writer lock names the command when the conflicting process is the writer; else just its pid. */
  private async describePid(pid: number): Promise<string> {
    const holder: LockOwner | undefined = await this.writerLock.holder();
    if (holder && (holder.pid === pid || pid === 0)) return describeOwner(holder);
    return pid > 0 ? `pid ${pid}` : 'another process';
  }

  private tell(message: string): void {
    this.options.onWait?.(message);
  }
}
