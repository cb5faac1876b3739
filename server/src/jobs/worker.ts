import crypto from 'node:crypto';
import os from 'node:os';
import type { Kysely } from 'kysely';
import type { Dialect } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { retryDelayMs } from './backoff.js';
import type { JobContext, JobHandlers, JobKind, JobPayloads } from './job-kinds.js';
import { type ClaimedJob, claimNext } from './claim.js';
import { heartbeat, markDone, markFailed, requeueOrphans } from './jobs.repo.js';
import { beat, forgetDeadOnThisHost, forgetSilent, pidAlive, unregister } from './workers.repo.js';

export interface WorkerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface WorkerOptions {
  /** Idle wait between claims when the queue is empty. */
  pollMs: number;
  /** A running job silent for this long is requeued even though its worker lives (a stuck handler). */
  leaseMs: number;
  /** How often this worker writes its heartbeat (table `workers`). */
  heartbeatMs: number;
  /** A worker silent for this long is dead: its running jobs are taken over. */
  deadMs: number;
  /** Jobs run side by side by this worker. */
  concurrency?: number;
}

/** Thrown by a heartbeat when the job was given to another worker meanwhile. */
export class JobLost extends Error {
  constructor(id: number) {
    super(`job ${id} was taken over by another worker (lease expired)`);
  }
}

const isKind = (handlers: JobHandlers, kind: string): kind is JobKind =>
  Object.hasOwn(handlers, kind);

/**
 * The job loop: claims due jobs, runs their handler, retries failures with backoff and
 * jitter, and marks a job dead after its last attempt. Several workers (processes) may
 * share one PostgreSQL database.
 */
export class JobWorker {
  readonly id = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  private readonly me = { id: this.id, hostname: os.hostname(), pid: process.pid };
  /** Rows of our pid older than this are a previous process's (a restarted container). */
  private readonly processStartedAt = Math.floor(Date.now() - process.uptime() * 1000);
  private running = false;
  private loops: Promise<void>[] = [];
  private wake: (() => void) | null = null;
  /** When this worker last wrote its heartbeat; 0: not registered yet. */
  private beatAt = 0;
  private beating: NodeJS.Timeout | null = null;
  private beatInFlight: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
    private readonly handlers: JobHandlers,
    private readonly opts: WorkerOptions,
    private readonly log: WorkerLog,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    // The loops may all be busy with long jobs: the heartbeat has its own timer.
    this.beating = setInterval(() => {
      this.beatInFlight = this.beat(Date.now()).catch((err: unknown) =>
        this.log.error({ err }, 'job worker: heartbeat failed'),
      );
    }, this.opts.heartbeatMs);
    const n = this.opts.concurrency ?? 2;
    for (let i = 0; i < n; i++) this.loops.push(this.loop());
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.beating) clearInterval(this.beating);
    this.beating = null;
    this.wake?.();
    await Promise.all(this.loops);
    this.loops = [];
    // A heartbeat already on its way would write the row again after it is removed.
    await this.beatInFlight;
    if (this.beatAt) await unregister(this.db, this.id).catch(() => undefined);
    this.beatAt = 0;
  }

  /**
   * Stops beating without a word, as a killed process does (tests): its jobs stay `running`
   * until another worker finds its heartbeat stale.
   */
  die(): void {
    if (this.beating) clearInterval(this.beating);
    this.beating = null;
    this.running = false;
    this.wake?.();
  }

  /**
   * Writes the heartbeat. The first one also forgets this host's dead workers (a restart
   * reclaims its jobs at once); later ones forget workers silent too long (any host).
   */
  private async beat(now: number): Promise<void> {
    const first = this.beatAt === 0;
    await beat(this.db, this.me, now);
    this.beatAt = now;
    if (first)
      await forgetDeadOnThisHost(
        this.db,
        { ...this.me, processStartedAt: this.processStartedAt },
        pidAlive,
      );
    else await forgetSilent(this.db, now - this.opts.deadMs);
  }

  /** Claims and runs due jobs until none is left; for tests and one-shot commands. */
  async runUntilIdle(maxJobs = 10_000): Promise<number> {
    let n = 0;
    while (n < maxJobs && (await this.runOne())) n += 1;
    return n;
  }

  /** Runs one due job if there is one; false when the queue had nothing due. */
  async runOne(): Promise<boolean> {
    const now = Date.now();
    // Registered before the first claim: until then, its jobs would look orphaned.
    if (now - this.beatAt >= this.opts.heartbeatMs) await this.beat(now);
    await requeueOrphans(
      this.db,
      { leaseBefore: now - this.opts.leaseMs, workerSilentSince: now - this.opts.deadMs },
      now,
    );
    const job = await claimNext(this.db, this.dialect, this.id, now);
    if (!job) return false;
    await this.execute(job);
    return true;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let ran = false;
      try {
        ran = await this.runOne();
      } catch (err) {
        // The database itself failed (restarting, locked): wait and try again.
        this.log.error({ err }, 'job worker: claim failed');
      }
      if (!ran && this.running) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, this.opts.pollMs);
          this.wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
      }
    }
  }

  private async execute(job: ClaimedJob): Promise<void> {
    const ctx: JobContext = {
      jobId: job.id,
      accountId: job.account_id,
      attempt: job.attempts,
      heartbeat: async () => {
        // A job whose lease ran out may already run elsewhere: stop rather than run twice.
        if (!(await heartbeat(this.db, job.id, this.id, Date.now()))) throw new JobLost(job.id);
      },
    };
    try {
      if (!isKind(this.handlers, job.kind)) throw new Error(`no handler for job kind ${job.kind}`);
      await this.dispatch(job.kind, JSON.parse(job.payload), ctx);
      await markDone(this.db, job.id, this.id, Date.now());
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const last = job.attempts >= job.max_attempts;
      const now = Date.now();
      await markFailed(
        this.db,
        job.id,
        this.id,
        message,
        last ? null : now + retryDelayMs(job.attempts),
        now,
      );
      const fields = { job_id: job.id, kind: job.kind, attempt: job.attempts, error: message };
      if (last) this.log.error(fields, 'job dead after its last attempt');
      else this.log.warn(fields, 'job failed; will retry');
    }
  }

  private dispatch<K extends JobKind>(kind: K, payload: unknown, ctx: JobContext): Promise<void> {
    // The payload was written by enqueue() for this kind (typed there).
    return this.handlers[kind](payload as JobPayloads[K], ctx);
  }
}
