import { type Kysely, type Transaction, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { DEFAULT_PRIORITY, type JobKind, type JobPayloads, type JobPriority } from './job-kinds.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface EnqueueInput<K extends JobKind> {
  kind: K;
  payload: JobPayloads[K];
  accountId: number | null;
  /** Not before this instant (epoch ms); default now. */
  runAt?: number;
  maxAttempts?: number;
  /**
   * When a queued or running job with this key exists, nothing is added (its id is
   * returned): a running sync reads the feed to its end, so it takes the new changes too.
   */
  dedupeKey?: string;
  /** The store the job works for (workers take turns across stores); default the payload's store_id. */
  storeId?: number | null;
  /** Default: the kind's (DEFAULT_PRIORITY). */
  priority?: JobPriority;
}

/** The store a job works for, read from its payload (store jobs name it; pushes name their order's). */
const storeOf = (payload: object): number | null =>
  'store_id' in payload && typeof payload.store_id === 'number' ? payload.store_id : null;

/**
 * Adds a job. Call it with the transaction that makes the change causing the job (the
 * outbox pattern): the job exists if and only if the change was committed.
 */
export async function enqueue<K extends JobKind>(db: Db, job: EnqueueInput<K>): Promise<number> {
  const now = Date.now();
  const live = () =>
    db
      .selectFrom('jobs')
      .select('id')
      .where('dedupe_key', '=', job.dedupeKey ?? '')
      .where('state', 'in', ['queued', 'running'])
      .executeTakeFirst();
  if (job.dedupeKey) {
    const existing = await live();
    if (existing) return existing.id;
  }
  // The partial unique index (migration 0204) settles a race between two enqueuers; DO
  // NOTHING rather than an error keeps the caller's transaction usable.
  const row = await db
    .insertInto('jobs')
    .values({
      account_id: job.accountId,
      kind: job.kind,
      payload: JSON.stringify(job.payload),
      state: 'queued',
      attempts: 0,
      max_attempts: job.maxAttempts ?? 10,
      run_at: job.runAt ?? now,
      locked_by: null,
      locked_at: null,
      last_error: null,
      dedupe_key: job.dedupeKey ?? null,
      store_id: job.storeId ?? storeOf(job.payload),
      priority: job.priority ?? DEFAULT_PRIORITY[job.kind],
      created_at: now,
      updated_at: now,
    })
    // The predicate must match the index's own text (SQLite compares it as written).
    .onConflict((oc) =>
      oc
        .column('dedupe_key')
        .where(sql<boolean>`state IN ('queued', 'running') AND dedupe_key IS NOT NULL`)
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  if (row) return row.id;
  const existing = await live();
  if (!existing) throw new Error(`enqueue ${job.kind}: neither inserted nor found`);
  return existing.id;
}

/** Only the worker holding the job may finish it (a stale worker's late answer is ignored). */
const held = (db: Db, id: number, workerId: string) =>
  db
    .updateTable('jobs')
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('locked_by', '=', workerId);

export async function markDone(db: Db, id: number, workerId: string, now: number): Promise<void> {
  await held(db, id, workerId)
    .set({ state: 'done', locked_by: null, locked_at: null, last_error: null, updated_at: now })
    .execute();
}

export async function markFailed(
  db: Db,
  id: number,
  workerId: string,
  error: string,
  retryAt: number | null,
  now: number,
): Promise<void> {
  await held(db, id, workerId)
    .set({
      state: retryAt === null ? 'dead' : 'queued',
      run_at: retryAt ?? now,
      locked_by: null,
      locked_at: null,
      last_error: error.slice(0, 2000),
      updated_at: now,
    })
    .execute();
}

/** False when the job is no longer this worker's (its lease ran out and it was requeued). */
export async function heartbeat(
  db: Db,
  id: number,
  workerId: string,
  now: number,
): Promise<boolean> {
  const r = await held(db, id, workerId).set({ locked_at: now }).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Running jobs go back to the queue when their worker is gone (no row in `workers`, or no
 * heartbeat since `workerSilentSince`: it died, here or on another machine), or when the job
 * itself has not been heard from since `leaseBefore` (a handler stuck in a live worker).
 */
export async function requeueOrphans(
  db: Db,
  at: { leaseBefore: number; workerSilentSince: number },
  now: number,
): Promise<number> {
  const r = await db
    .updateTable('jobs')
    .set({ state: 'queued', locked_by: null, locked_at: null, run_at: now, updated_at: now })
    .where('state', '=', 'running')
    .where((eb) =>
      eb.or([
        eb('locked_at', '<', at.leaseBefore),
        eb.not(
          eb.exists(
            eb
              .selectFrom('workers as w')
              .select('w.id')
              .whereRef('w.id', '=', 'jobs.locked_by')
              .where('w.heartbeat_at', '>=', at.workerSilentSince),
          ),
        ),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function listDead(db: Db, accountId: number, limit = 100) {
  return db
    .selectFrom('jobs')
    .select(['id', 'kind', 'payload', 'attempts', 'last_error', 'created_at', 'updated_at'])
    .where('account_id', '=', accountId)
    .where('state', '=', 'dead')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * A dead job back in the queue with a fresh set of attempts; false when not dead. When an
 * equivalent job (same dedupe key) is already queued or running, the dead one is only
 * closed: that work is coming anyway.
 */
export async function retryDead(
  db: Db,
  accountId: number,
  id: number,
  now: number,
): Promise<boolean> {
  const dead = await db
    .selectFrom('jobs')
    .select('dedupe_key')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .where('state', '=', 'dead')
    .executeTakeFirst();
  if (!dead) return false;
  const live = dead.dedupe_key
    ? await db
        .selectFrom('jobs')
        .select('id')
        .where('dedupe_key', '=', dead.dedupe_key)
        .where('state', 'in', ['queued', 'running'])
        .executeTakeFirst()
    : undefined;
  await db
    .updateTable('jobs')
    .set(
      live
        ? { state: 'done', last_error: `superseded by job ${live.id}`, updated_at: now }
        : { state: 'queued', attempts: 0, run_at: now, updated_at: now },
    )
    .where('id', '=', id)
    .execute();
  return true;
}
