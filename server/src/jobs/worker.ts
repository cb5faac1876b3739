import crypto from 'node:crypto';
import os from 'node:os';
import type { Kysely } from 'kysely';
import type { Dialect } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { retryDelayMs } from './backoff.js';
import type { JobContext, JobHandlers, JobKind, JobPayloads } from './job-kinds.js';
import {
  type ClaimedJob,
  claimNext,
  heartbeat,
  markDone,
  markFailed,
  requeueOrphans,
} from './jobs.repo.js';

export interface WorkerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface WorkerOptions {
  /** Idle wait between claims when the queue is empty. */
  pollMs: number;
  /** A running job silent for this long is requeued (its worker died). */
  leaseMs: number;
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
  private running = false;
  private loops: Promise<void>[] = [];
  private wake: (() => void) | null = null;

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
    const n = this.opts.concurrency ?? 2;
    for (let i = 0; i < n; i++) this.loops.push(this.loop());
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await Promise.all(this.loops);
    this.loops = [];
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
    await requeueOrphans(this.db, now - this.opts.leaseMs, now);
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
